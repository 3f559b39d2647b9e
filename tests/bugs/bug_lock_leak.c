/* A driver module that creates a spinlock and never destroys it. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_SpinlockCreateProps p;
   vmk_Lock lock;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   memset(&p, 0, sizeof p);
   p.moduleID = m.id;
   vmk_NameInitialize(&p.name, "leaky-lock");
   p.type = VMK_SPINLOCK;
   p.domain = VMK_LOCKDOMAIN_INVALID;
   p.rank = VMK_SPINLOCK_UNRANKED;
   st = vmk_SpinlockCreate(&p, &lock); BUG_AT(line);
   bugs_module_end(&m);
   if (st == VMK_OK) {
      vmk_SpinlockDestroy(lock);
   }
}

const bug_case_t bug_lock_leak = {
   "module unregistered with a spinlock alive", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
