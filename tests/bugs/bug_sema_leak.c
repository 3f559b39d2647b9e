/* A driver module that creates a semaphore and never destroys it. */
#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_Semaphore sema;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   st = vmk_SemaCreate(&sema, m.id, "leaky-sema", 1); BUG_AT(line);
   bugs_module_end(&m);
   if (st == VMK_OK) {
      vmk_SemaDestroy(&sema);
   }
}

const bug_case_t bug_sema_leak = {
   "module unregistered with a semaphore alive", EMUCTL_REPORT_LEAK, NULL,
   run, __FILE__, &line
};
