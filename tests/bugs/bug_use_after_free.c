/* A driver that writes to a slab object after freeing it (contents on). */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID slab = bugs_slab("uaf", 48);
   char *obj = vmk_SlabAlloc(slab);
   char *again;

   vmk_SlabFree(slab, obj); BUG_AT(line);
   obj[8] = 'x';
   again = vmk_SlabAlloc(slab);
   vmk_SlabFree(slab, again);
   vmk_SlabDestroy(slab);
}

const bug_case_t bug_use_after_free = {
   "write after free", EMUCTL_REPORT_WRITE_AFTER_FREE, "contents,audit", run,
   __FILE__, &line
};
