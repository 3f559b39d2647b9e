/* A driver module that maps machine pages and never unmaps them. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_MemPool pool = bugs_pool("map-pool");
   vmk_MPN mpn = bugs_pages(pool, 2);
   vmk_MpnRange r = { mpn, 2 };
   vmk_MapRequest mr;
   vmk_VA va = 0;
   VMK_ReturnStatus st = VMK_FAILURE;

   if (mpn != VMK_INVALID_MPN && bugs_module_begin(&m) == VMK_OK) {
      memset(&mr, 0, sizeof mr);
      mr.mapType = VMK_MAPTYPE_DEFAULT;
      mr.mapAttrs = VMK_MAPATTRS_READWRITE;
      mr.numElements = 1;
      mr.mpnRanges = &r;
      st = vmk_Map(m.id, &mr, &va); BUG_AT(line);
      bugs_module_end(&m);
   }
   if (st == VMK_OK) {
      vmk_Unmap(va);
   }
   if (mpn != VMK_INVALID_MPN) {
      bugs_pages_free(mpn, 2);
   }
   vmk_MemPoolDestroy(pool);
}

const bug_case_t bug_map_leak = {
   "module unregistered with a mapping", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
