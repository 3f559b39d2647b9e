/* A driver that frees an allocation to a heap that did not give it. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_HeapID a = bugs_heap("first");
   vmk_HeapID b = bugs_heap("second");
   void *p = vmk_HeapAlloc(a, 64);

   vmk_HeapFree(b, p); BUG_AT(line);
   vmk_HeapFree(a, p);
   vmk_HeapDestroy(b);
   vmk_HeapDestroy(a);
}

const bug_case_t bug_wrong_heap = {
   "free to the wrong heap", EMUCTL_REPORT_WRONG_CACHE, NULL, run, __FILE__,
   &line
};
