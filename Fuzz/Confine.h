// Landlock (Linux 5.13 and later) for the REPL fuzz target: once
// restricted, this process and its children can create, write, remove or
// rename files only beneath the folders allowed, whatever path a fuzzed
// `:save` or `include` names. Reading stays as it was. Imported into
// Fuzz/REPLScriptTarget.swift with -import-objc-header (see Makefile), as C
// because Swift imports neither `syscall` nor `prctl`, both variadic.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE // O_PATH
#endif
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

/// The rights that change the file system, those this kernel knows.
static inline uint64_t plan_fuzz_write_rights(void) {
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 1) return 0;
    uint64_t rights = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE
        | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG
        | LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK
        | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) rights |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) rights |= LANDLOCK_ACCESS_FS_TRUNCATE;
    return rights;
}

/// A ruleset that forbids every write; -1 when the kernel has no Landlock.
static inline int plan_fuzz_ruleset(void) {
    struct landlock_ruleset_attr attributes = { .handled_access_fs = plan_fuzz_write_rights() };
    if (attributes.handled_access_fs == 0) return -1;
    return (int)syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0);
}

/// Allows every write beneath `folder`; 0 on success.
static inline int plan_fuzz_allow(int ruleset, const char *folder) {
    int descriptor = open(folder, O_PATH | O_CLOEXEC | O_DIRECTORY);
    if (descriptor < 0) return -1;
    struct landlock_path_beneath_attr rule = { .allowed_access = plan_fuzz_write_rights(), .parent_fd = descriptor };
    long result = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    close(descriptor);
    return result == 0 ? 0 : -1;
}

/// Puts the ruleset in force for good; 0 on success.
static inline int plan_fuzz_restrict(int ruleset) {
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    long result = syscall(SYS_landlock_restrict_self, ruleset, 0);
    close(ruleset);
    return result == 0 ? 0 : -1;
}
