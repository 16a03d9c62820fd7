#ifndef PLAN_CMALLOC_SHIM_H
#define PLAN_CMALLOC_SHIM_H

/* glibc's allocator, tuned by `plan lsp` and by the room made for a large
   plan's model (Sources/PlanCLI/HeapRoom.swift). mallopt's option names
   are macros Swift does not import. Elsewhere there is nothing here. */

#include <stdlib.h> /* which says whether this is glibc */
#ifdef __GLIBC__
#include <malloc.h>
static inline int shim_fix_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
static inline int shim_fix_trim_threshold(int bytes) { return mallopt(M_TRIM_THRESHOLD, bytes); }
#endif

#endif
