/* A driver that writes one byte past its slab object (guards on). */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID slab = bugs_slab("overrun", 40);
   char *obj = vmk_SlabAlloc(slab);

   obj[40] = 'x';
   vmk_SlabFree(slab, obj); BUG_AT(line);
   vmk_SlabDestroy(slab);
}

const bug_case_t bug_overrun = {
   "overrun of a slab object", EMUCTL_REPORT_GUARD_OVERRUN, "guards", run,
   __FILE__, &line
};
