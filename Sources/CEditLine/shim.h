#ifndef PLAN_CEDITLINE_SHIM_H
#define PLAN_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <histedit.h>

/* Swift 6 rejects C's mutable globals and cannot call variadic C functions,
   so every use of them goes through a small inline wrapper here. */

static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stderr(void) { return stderr; }

typedef char *(*shim_prompt_fn)(EditLine *);
typedef unsigned char (*shim_command_fn)(EditLine *, int);

static inline EditLine *shim_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

static inline int shim_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int shim_el_set_prompt(EditLine *el, shim_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int shim_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int shim_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int shim_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *shim_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int shim_el_addfn(EditLine *el, const char *name, const char *help, shim_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int shim_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

/* Edit-mode terminal settings, as the `setty -d` builtin takes them. */
static inline int shim_el_setty_edit(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, NULL);
}

/* The terminal's width in columns, 80 when it will not say. */
static inline int shim_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0 || columns <= 0) return 80;
    return columns;
}

static inline History *shim_history_init(int size) {
    HistEvent event;
    History *h = history_init();
    if (h == NULL) return NULL;
    history(h, &event, H_SETSIZE, size);
    history(h, &event, H_SETUNIQUE, 1);
    return h;
}

static inline int shim_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int shim_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

/* The history in libedit's file format, in a malloc'ed buffer so that the
   caller can save it atomically; NULL when that fails. libedit chmods the
   stream it saves to, so it must be a real file: an anonymous temporary one. */
static inline char *shim_history_serialize(History *h, size_t *length) {
    HistEvent event;
    FILE *stream = tmpfile();
    if (stream == NULL) return NULL;
    char *buffer = NULL;
    long size = -1;
    if (history(h, &event, H_SAVE_FP, stream) >= 0 && fflush(stream) == 0) size = ftell(stream);
    if (size >= 0 && fseek(stream, 0, SEEK_SET) == 0 && (buffer = malloc((size_t)size + 1)) != NULL) {
        if (fread(buffer, 1, (size_t)size, stream) == (size_t)size) {
            buffer[size] = '\0';
            *length = (size_t)size;
        } else {
            free(buffer);
            buffer = NULL;
        }
    }
    fclose(stream);
    return buffer;
}

/* Ctrl-C is read as a key while editing (the REPL abandons the input); while
   a statement runs it must not end the session either. */
static inline void shim_ignore_sigint(void) {
    signal(SIGINT, SIG_IGN);
}

#endif
