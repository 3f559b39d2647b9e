/* A driver module that registers a log component and never unregisters. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_LogProperties props;
   vmk_LogComponent comp;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "leaky-log");
   props.module = m.id;
   props.heap = VMK_INVALID_HEAP_ID;
   props.defaultLevel = 0;
   st = vmk_LogRegister(&props, &comp); BUG_AT(line);
   bugs_module_end(&m);
   if (st == VMK_OK) {
      vmk_LogUnregister(comp);
   }
}

const bug_case_t bug_log_leak = {
   "module unregistered with a log component", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
