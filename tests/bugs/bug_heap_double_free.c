/* A driver that frees the same heap allocation twice. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_HeapID heap = bugs_heap("dfree");
   char *buf = vmk_HeapAlloc(heap, 100);

   vmk_HeapFree(heap, buf);
   vmk_HeapFree(heap, buf); BUG_AT(line);
   vmk_HeapDestroy(heap);
}

const bug_case_t bug_heap_double_free = {
   "heap double free", EMUCTL_REPORT_DOUBLE_FREE, NULL, run, __FILE__, &line
};
