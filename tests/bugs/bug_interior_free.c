/* A driver that frees a pointer into the middle of its allocation. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_HeapID heap = bugs_heap("interior");
   char *p = vmk_HeapAlloc(heap, 64);

   vmk_HeapFree(heap, p + 16); BUG_AT(line);
   vmk_HeapFree(heap, p);
   vmk_HeapDestroy(heap);
}

const bug_case_t bug_interior_free = {
   "free of an interior pointer", EMUCTL_REPORT_MISALIGNED_FREE, NULL, run,
   __FILE__, &line
};
