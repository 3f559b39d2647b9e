/* A driver module that takes pages from a pool and never frees them. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_MemPool pool = bugs_pool("pages-pool");
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;
   VMK_ReturnStatus st = VMK_FAILURE;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   rq.numPages = 3;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   if (pool != NULL && bugs_module_begin(&m) == VMK_OK) {
      st = vmk_MemPoolAlloc(pool, &ap, &rq); BUG_AT(line);
      bugs_module_end(&m);
   }
   if (st == VMK_OK) {
      bugs_pages_free(r.startMPN, 3);
   }
   vmk_MemPoolDestroy(pool);
}

const bug_case_t bug_pages_leak = {
   "module unregistered with pool pages", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
