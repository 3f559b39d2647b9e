/*
 * logcomp.h -- log components: named, per-module log channels with a level
 * and a throttle, over the core log (engine-private; theory in logcomp.c).
 */
#ifndef EMU_MOD_LOGCOMP_H
#define EMU_MOD_LOGCOMP_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/log.h"
#include "../core/status.h"

#define EMU_LOGCOMP_MAGIC    0x4c4f4743u   /* "LOGC" */
#define EMU_LOGCOMP_NAME_MAX 32            /* with the NUL (vmk_Name) */
/* COUNT throttle: the first messages pass, then only the 2^k-th ones. */
#define EMU_LOGCOMP_THROTTLE_FREE 8

typedef enum emu_logcomp_throttle {
   EMU_LOGTHR_NONE = 0,
   EMU_LOGTHR_COUNT = 1,
   EMU_LOGTHR_CUSTOM = 2,
} emu_logcomp_throttle_t;

typedef struct emu_logcomp emu_logcomp_t;

emu_status_t emu_logcomp_init(void);
void emu_logcomp_fini(void);

/*
 * Create a component.  A CUSTOM throttle is the driver's thr_fn, called as
 * thr_call(thr_fn, thr_arg) (the API layer's trampoline knows its type).
 * EMU_BADPARAM (empty name, unknown throttle, custom without a function),
 * EMU_NOTFOUND (module unknown), EMU_EXISTS (the module already has a
 * component of that name), EMU_NOMEM.
 * => never blocks.
 */
emu_status_t emu_logcomp_create(const char *name, int32_t module,
                                int32_t level, emu_logcomp_throttle_t thr,
                                int (*thr_call)(void *fn, void *arg),
                                void *thr_fn, void *thr_arg,
                                const void *caller, emu_logcomp_t **out);
/* EMU_NOTFOUND when c is not a live component (never dereferenced then). */
emu_status_t emu_logcomp_destroy(emu_logcomp_t *c);
/* 1 when c is a live component. */
int emu_logcomp_live(const emu_logcomp_t *c);
emu_status_t emu_logcomp_find(int32_t module, const char *name,
                              emu_logcomp_t **out);

/* Accessors: c must be live (checked by the caller with _live). */
const char *emu_logcomp_name(const emu_logcomp_t *c);
int32_t emu_logcomp_level(const emu_logcomp_t *c);
void emu_logcomp_set_level(emu_logcomp_t *c, int32_t level);
int32_t emu_logcomp_module(const emu_logcomp_t *c);
uint64_t emu_logcomp_suppressed(const emu_logcomp_t *c);

/*
 * Log through c when its level is >= level and the throttle lets the line
 * through.  Returns 1 when the line was written.
 */
int emu_logcomp_vlog(emu_logcomp_t *c, emu_log_level_t sev, int32_t level,
                     const char *fmt, va_list ap);

/* Log without a component, on behalf of the current module. */
void emu_logcomp_vlog_module(emu_log_level_t sev, const char *fmt,
                             va_list ap);

/* Log the caller's stack (skip frames) through c, or without one. */
void emu_logcomp_backtrace(emu_logcomp_t *c, int skip);

/* Bytes one component needs from a heap (vmk_LogHeapAllocSize). */
size_t emu_logcomp_alloc_size(void);

#endif
