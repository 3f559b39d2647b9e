/* A driver module that creates a memory pool and never destroys it. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_MemPoolProps p;
   vmk_MemPool pool;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "leaky-pool");
   p.module = m.id;
   p.memPoolType = VMK_MEM_POOL_LEAF;
   st = vmk_MemPoolCreate(&p, &pool); BUG_AT(line);
   bugs_module_end(&m);
   if (st == VMK_OK) {
      vmk_MemPoolDestroy(pool);
   }
}

const bug_case_t bug_pool_leak = {
   "module unregistered with a memory pool", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
