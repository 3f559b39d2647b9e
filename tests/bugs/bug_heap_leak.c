/* A driver that destroys its heap with an allocation still live. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_HeapID heap = bugs_heap("leaky");
   char *keep = vmk_HeapAlloc(heap, 48); BUG_AT(line);
   char *tmp = vmk_HeapAlloc(heap, 48);

   (void)keep;
   vmk_HeapFree(heap, tmp);
   vmk_HeapDestroy(heap);
}

const bug_case_t bug_heap_leak = {
   "heap destroyed with a live allocation", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
