/*
 * assert.h -- invariants of the emulator itself.
 *
 * EMU_ASSERT is for vmkemu's own bugs, never for driver mistakes (those are
 * reports, see report.h).  It is always compiled in: the checks guarding an
 * emulator are cheap next to the cost of a silently wrong test result.
 * EMU_DEBUG_ASSERT is only compiled with --enable-debug (for checks on hot
 * paths).
 */
#ifndef EMU_CORE_ASSERT_H
#define EMU_CORE_ASSERT_H

#include "../host/host.h"

EMU_NORETURN void emu_assert_fail(const char *expr, const char *file,
                                  int line, const char *func);

#define EMU_ASSERT(cond)                                                  \
   do {                                                                   \
      if (EMU_UNLIKELY(!(cond))) {                                        \
         emu_assert_fail(#cond, __FILE__, __LINE__, __func__);            \
      }                                                                   \
   } while (0)

#ifdef EMU_ENABLE_DEBUG
#define EMU_DEBUG_ASSERT(cond) EMU_ASSERT(cond)
#else
#define EMU_DEBUG_ASSERT(cond) ((void)0)
#endif

#define EMU_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)

#endif
