/* A driver that destroys a slab with an object still out (audit on). */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID slab = bugs_slab("leaky", 200);
   void *a = vmk_SlabAlloc(slab);
   void *b = vmk_SlabAlloc(slab); BUG_AT(line);

   (void)b;
   vmk_SlabFree(slab, a);
   vmk_SlabDestroy(slab);
}

const bug_case_t bug_slab_leak = {
   "slab destroyed with an object out", EMUCTL_REPORT_LEAK, "audit", run,
   __FILE__, &line
};
