/* A driver that allocates from a slab it already destroyed. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_SlabID slab = bugs_slab("dead", 32);
   void *obj;

   vmk_SlabDestroy(slab);
   obj = vmk_SlabAlloc(slab); BUG_AT(line);
   (void)obj;
}

const bug_case_t bug_dead_slab = {
   "use of a destroyed slab", EMUCTL_REPORT_DEAD_HANDLE, NULL, run, __FILE__,
   &line
};
