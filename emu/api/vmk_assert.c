/*
 * vmk_assert.c -- vmk_PanicWithModuleID and vmk_vPanic (what vmk_Panic,
 * VMK_ASSERT_BUG and, in debug builds, VMK_ASSERT reach), over
 * emu/mod/panic.c, where the theory is: a panic never returns into the
 * driver; it jumps back to a test that expected it, fails the running test
 * through the fixture's handler, or prints a backtrace and ends the process
 * with exit status 87.
 */
#include "api.h"

#include "mod/panic.h"

EMU_EXPORT void
vmk_vPanic(vmk_ModuleID moduleID, const char *fmt, va_list ap)
{
   emu_panic_raise(moduleID, EMU_CALLER(), fmt, ap);
}

EMU_EXPORT void
vmk_PanicWithModuleID(vmk_ModuleID moduleID, const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   emu_panic_raise(moduleID, EMU_CALLER(), fmt, ap);
   /* not reached: emu_panic_raise does not return */
}
