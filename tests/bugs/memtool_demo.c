/*
 * memtool_demo.c -- a driver bug that only a memory checker sees at the
 * moment it happens: a write just past a slab object and a read of an
 * object after it was freed.  vmkemu describes every slab object (not the
 * cluster around it) to Valgrind memcheck and AddressSanitizer, so both
 * tools stop at the faulty access and show where the object was allocated.
 * memtool.sh runs it under whichever tool this build supports.
 *
 * Argument "overrun", "use-after-free" or "heap-use-after-free" (a read
 * of a freed small heap allocation) picks the bug; "--checker" prints
 * which checker this build is for.  asanstack.sh checks that an ASan
 * report is followed by vmkemu's description naming the allocating line.
 */
#include <stdio.h>
#include <string.h>

#include "vmkapi.h"
#include "emuctl.h"

static vmk_SlabID
demo_slab(void)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;

   memset(&p, 0, sizeof p);
   p.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&p.name, "demo");
   p.objSize = 40;
   p.alignment = 8;
   p.maxObj = 64;
   p.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_SlabCreate(&p, &slab) != VMK_OK) {
      return VMK_INVALID_SLAB_ID;
   }
   return slab;
}

/* noinline keeps each driver function in the tools' stacks. */
static __attribute__((noinline)) void
driver_overrun(vmk_SlabID slab)
{
   volatile char *obj = vmk_SlabAlloc(slab);  /* overrun: allocated here */

   obj[40] = 'x';                      /* one byte past the object */
   vmk_SlabFree(slab, (void *)obj);
}

static __attribute__((noinline)) int
driver_use_after_free(vmk_SlabID slab)
{
   volatile char *obj = vmk_SlabAlloc(slab);  /* uaf: allocated here */

   vmk_SlabFree(slab, (void *)obj);
   return obj[8];                      /* the object is free */
}

static __attribute__((noinline)) int
driver_heap_use_after_free(void)
{
   vmk_HeapCreateProps p;
   vmk_HeapID heap;
   volatile char *buf;
   int r;

   memset(&p, 0, sizeof p);
   p.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&p.name, "demoheap");
   p.max = 1 << 20;
   p.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_HeapCreate(&p, &heap) != VMK_OK) {
      return -1;
   }
   buf = vmk_HeapAlloc(heap, 100);     /* heap: allocated here */
   vmk_HeapFree(heap, (void *)buf);
   r = buf[16];                        /* the allocation is free */
   vmk_HeapDestroy(heap);
   return r;
}

int
main(int argc, char **argv)
{
   vmk_SlabID slab;
   int r = 0;

   if (argc == 2 && strcmp(argv[1], "--checker") == 0) {
      /* Which checker this build is for (memtool.sh asks). */
#if defined(EMU_ASAN)
      puts("asan");
#elif defined(EMU_TSAN)
      puts("tsan");
#else
      puts("memcheck");
#endif
      return 0;
   }
   if (argc != 2 || EmuCtl_Init(NULL) != VMK_OK) {
      fprintf(stderr, "usage: memtool_demo overrun|use-after-free|"
              "heap-use-after-free\n");
      return 2;
   }
   slab = demo_slab();
   if (strcmp(argv[1], "heap-use-after-free") == 0) {
      r = driver_heap_use_after_free();
   } else if (strcmp(argv[1], "overrun") == 0) {
      driver_overrun(slab);
   } else {
      r = driver_use_after_free(slab);
   }
   vmk_SlabDestroy(slab);
   EmuCtl_Shutdown();
   printf("demo finished (%d)\n", r);
   return 0;
}
