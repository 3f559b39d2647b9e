/*
 * A driver module whose worker world is still running when the module is
 * unregistered: the world would go on running unloaded code.
 */
#include <string.h>

#include "bugs.h"

static int line;
static int event;

static VMK_ReturnStatus
worker(void *data)
{
   (void)data;
   while (vmk_WorldWait((vmk_WorldEventID)&event, VMK_LOCK_INVALID,
                        VMK_TIMEOUT_UNLIMITED_MS, "idle") !=
          VMK_DEATH_PENDING) {
   }
   return VMK_OK;
}

static void
run(void)
{
   bugs_module_t m;
   vmk_WorldProps p;
   vmk_WorldID id;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   memset(&p, 0, sizeof p);
   p.name = "leaky-worker";
   p.moduleID = m.id;
   p.startFunction = worker;
   p.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   st = vmk_WorldCreate(&p, &id); BUG_AT(line);
   bugs_module_end(&m);                  /* the worker still runs */
   if (st == VMK_OK) {
      vmk_WorldDestroy(id);
      vmk_WorldWaitForDeath(id);
   }
}

const bug_case_t bug_world_leak = {
   "module unregistered with its world running", EMUCTL_REPORT_LEAK, NULL,
   run, __FILE__, &line
};
