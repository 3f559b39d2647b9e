/* A driver that frees an object to a slab that did not give it. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID rx = bugs_slab("rx", 128);
   vmk_SlabID tx = bugs_slab("tx", 128);
   void *obj = vmk_SlabAlloc(rx);

   vmk_SlabFree(tx, obj); BUG_AT(line);
   vmk_SlabFree(rx, obj);
   vmk_SlabDestroy(tx);
   vmk_SlabDestroy(rx);
}

const bug_case_t bug_wrong_slab = {
   "free to the wrong slab", EMUCTL_REPORT_WRONG_CACHE, NULL, run, __FILE__,
   &line
};
