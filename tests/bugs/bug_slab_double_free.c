/* A driver that frees the same slab object twice. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID slab = bugs_slab("dfree", 64);
   void *obj = vmk_SlabAlloc(slab);

   vmk_SlabFree(slab, obj);
   vmk_SlabFree(slab, obj); BUG_AT(line);
   vmk_SlabDestroy(slab);
}

const bug_case_t bug_slab_double_free = {
   "slab double free", EMUCTL_REPORT_DOUBLE_FREE, NULL, run, __FILE__, &line
};
