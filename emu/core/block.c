/*
 * block.c -- reporting a blocking call made where blocking is forbidden.
 */
#include "block.h"

#include "report.h"

EMU_HOST_THREAD_LOCAL struct emu_block_state emu_block;

const char *(*emu_block_why_hook)(void);

void
emu_block_violation(const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "function", fn, NULL };
   const char *why = emu_block.why;
   const char *(*hook)(void) = __atomic_load_n(&emu_block_why_hook,
                                               __ATOMIC_RELAXED);

   if (why == NULL && hook != NULL) {
      why = hook();
   }
   emu_report(EMU_RPT_BLOCK_IN_NONBLOCKING, &obj, caller,
              "%s may block, but it was called while %s", fn,
              why != NULL ? why : "in a non-blocking region");
}
