/*
 * memtool_demo.c -- driver bugs that only a memory checker sees at the
 * moment they happen: a write just past an object and a read of an object
 * after it was freed, for each kind of memory a driver gets -- a slab
 * object, a heap allocation, machine pages from a memory pool.  vmkemu
 * describes each object (not the cluster, span or pool around it) to
 * Valgrind memcheck and AddressSanitizer, so both tools stop at the faulty
 * access and memcheck shows where the object was allocated and freed.
 * memtool.sh runs every case under whichever tool this build supports.
 *
 * Argument: the case ("overrun", "use-after-free", "heap-overrun",
 * "heap-use-after-free", "pages-overrun", "pages-use-after-free"), or
 * "--checker", which prints which checker this build is for.
 * asanstack.sh checks that an ASan report is followed by vmkemu's
 * description naming the line marked "allocated here".
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

static vmk_HeapID
demo_heap(void)
{
   vmk_HeapCreateProps p;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&p, 0, sizeof p);
   p.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&p.name, "demo");
   p.initial = 0;
   p.max = 1 << 20;
   p.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_HeapCreate(&p, &heap) != VMK_OK) {
      return VMK_INVALID_HEAP_ID;
   }
   return heap;
}

static vmk_MemPool
demo_pool(void)
{
   vmk_MemPoolProps p;
   vmk_MemPool pool = VMK_MEMPOOL_INVALID;

   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "demo");
   p.parentMemPool = VMK_MEMPOOL_INVALID;
   p.memPoolType = VMK_MEM_POOL_LEAF;
   if (vmk_MemPoolCreate(&p, &pool) != VMK_OK) {
      return VMK_MEMPOOL_INVALID;
   }
   return pool;
}

/* One page of pool: its MPN in *mpn, its address returned (NULL: none). */
static volatile char *
demo_page(vmk_MemPool pool, vmk_MpnRange *range)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_VA va;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = 1;
   rq.numElements = 1;
   rq.mpnRanges = range;
   if (vmk_MemPoolAlloc(pool, &ap, &rq) != VMK_OK ||
       vmk_MA2VA(vmk_MPN2MA(range->startMPN), VMK_PAGE_SIZE, &va) != VMK_OK) {
      return NULL;
   }
   return (volatile char *)va;
}

static void
demo_page_free(vmk_MpnRange *range)
{
   vmk_MemPoolAllocRequest rq;

   rq.numPages = 1;
   rq.numElements = 1;
   rq.mpnRanges = range;
   vmk_MemPoolFree(&rq);
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

static __attribute__((noinline)) void
driver_heap_overrun(vmk_HeapID heap)
{
   volatile char *mem = vmk_HeapAlloc(heap, 40); /* heapover: allocated here */

   mem[40] = 'x';                      /* one byte past the allocation */
   vmk_HeapFree(heap, (void *)mem);
}

static __attribute__((noinline)) int
driver_heap_use_after_free(vmk_HeapID heap)
{
   volatile char *mem = vmk_HeapAlloc(heap, 40); /* heap: allocated here */

   vmk_HeapFree(heap, (void *)mem);
   return mem[8];                      /* the allocation is freed */
}

/*
 * The page after the driver's is made a free one first (a page taken and
 * given back), so that the byte past the page is nobody's.
 */
static __attribute__((noinline)) void
driver_pages_overrun(vmk_MemPool pool)
{
   vmk_MpnRange range;
   vmk_MpnRange next;
   volatile char *page = demo_page(pool, &range);

   if (demo_page(pool, &next) == NULL ||
       next.startMPN != range.startMPN + 1) {
      fprintf(stderr, "memtool_demo: the pages are not neighbours\n");
      return;
   }
   demo_page_free(&next);
   page[VMK_PAGE_SIZE] = 'x';          /* one byte past the page */
   demo_page_free(&range);
}

static __attribute__((noinline)) int
driver_pages_use_after_free(vmk_MemPool pool)
{
   vmk_MpnRange range;
   volatile char *page = demo_page(pool, &range);

   demo_page_free(&range);
   return page[8];                     /* the page is back in the pool */
}

int
main(int argc, char **argv)
{
   vmk_SlabID slab;
   vmk_HeapID heap;
   vmk_MemPool pool;
   const char *c;
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
      fprintf(stderr, "usage: memtool_demo [heap-|pages-]overrun|"
                      "[heap-|pages-]use-after-free\n");
      return 2;
   }
   c = argv[1];
   slab = demo_slab();
   heap = demo_heap();
   pool = demo_pool();
   if (strcmp(c, "overrun") == 0) {
      driver_overrun(slab);
   } else if (strcmp(c, "use-after-free") == 0) {
      r = driver_use_after_free(slab);
   } else if (strcmp(c, "heap-overrun") == 0) {
      driver_heap_overrun(heap);
   } else if (strcmp(c, "heap-use-after-free") == 0) {
      r = driver_heap_use_after_free(heap);
   } else if (strcmp(c, "pages-overrun") == 0) {
      driver_pages_overrun(pool);
   } else if (strcmp(c, "pages-use-after-free") == 0) {
      r = driver_pages_use_after_free(pool);
   } else {
      fprintf(stderr, "memtool_demo: unknown case %s\n", c);
      return 2;
   }
   vmk_MemPoolDestroy(pool);
   vmk_HeapDestroy(heap);
   vmk_SlabDestroy(slab);
   EmuCtl_Shutdown();
   printf("demo finished (%d)\n", r);
   return 0;
}
