/*
 * assert.c -- the emulator's own invariant failures (see assert.h).
 */
#include "assert.h"

void
emu_assert_fail(const char *expr, const char *file, int line,
                const char *func)
{
   emu_host_print_err("vmkemu: internal error: %s:%d: %s: assertion '%s' "
                      "failed\n", file, line, func, expr);
   emu_host_abort();
}
