#ifndef PLAN_CEDITLINE_SHIM_H
#define PLAN_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

/* Swift 6 rejects C's mutable globals and cannot call variadic C functions,
   so every use of them goes through a small inline wrapper here. */

static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stderr(void) { return stderr; }

#endif
