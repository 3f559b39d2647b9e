/*
 * block.c -- reporting a blocking call made where blocking is forbidden.
 */
#include "block.h"

#include "report.h"

EMU_HOST_THREAD_LOCAL struct emu_block_state emu_block;

void
emu_block_violation(const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "function", fn, NULL };

   emu_report(EMU_RPT_BLOCK_IN_NONBLOCKING, &obj, caller,
              "%s may block, but it was called while %s", fn,
              emu_block.why != NULL ? emu_block.why
              : "in a non-blocking region");
}
