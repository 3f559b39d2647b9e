/*
 * panic.h -- vmk_Panic and failed VMK_ASSERT_BUG / VMK_ASSERT checks
 * (engine-private; theory in panic.c).
 */
#ifndef EMU_MOD_PANIC_H
#define EMU_MOD_PANIC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/report.h"

/* Exit status of a process stopped by a panic nobody expected. */
#define EMU_PANIC_EXIT_CODE 87
#define EMU_PANIC_MSG_MAX   512

typedef struct emu_panic_info {
   emu_report_kind_t pi_kind;       /* PANIC, or ASSERT for a failed check */
   int32_t           pi_module;
   char              pi_msg[EMU_PANIC_MSG_MAX];
} emu_panic_info_t;

typedef void (*emu_panic_handler_t)(const char *msg, void *arg);

/* Forget expectations, handler and history (EmuCtl_Init / Shutdown). */
void emu_panic_reset(void);

/*
 * Arm the calling thread: its next panic longjmps to env (value: the
 * report kind) after recording the report.  NULL disarms.
 */
void emu_panic_expect(jmp_buf *env);
/* The handler that fails a test on an unexpected panic (same thread only). */
void emu_panic_set_handler(emu_panic_handler_t fn, void *arg);

/* Raise.  Never returns. */
EMU_NORETURN void emu_panic_raise(int32_t module, const void *caller,
                                  const char *fmt, va_list ap);

uint64_t emu_panic_count(void);
/* The last panic raised; EMU_NOTFOUND when none since the reset. */
int emu_panic_last(emu_panic_info_t *pi);

#endif
