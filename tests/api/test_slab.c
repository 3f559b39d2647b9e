/*
 * test_slab.c -- the vmk_Slab API as a driver sees it (base/vmkapi_slab.h).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

/*
 * Under AddressSanitizer the slab describes every object to it, so the
 * deliberate overrun and write-after-free below are caught by ASan first
 * (which is the point of describing them); those two tests are left out of
 * sanitizer builds (cmocka's TAP "not ok # SKIP" would read as a failure).
 */
#if defined(__SANITIZE_ADDRESS__)
#define SLAB_TEST_ASAN 1
#else
#define SLAB_TEST_ASAN 0
#endif

typedef struct counts {
   int ctor;
   int dtor;
   int fail_after;          /* ctor fails once this many have run; -1 never */
} counts_t;

static VMK_ReturnStatus
count_ctor(void *obj, vmk_ByteCountSmall size, vmk_AddrCookie arg, int flags)
{
   counts_t *c = arg.ptr;

   if (c->fail_after >= 0 && c->ctor >= c->fail_after) {
      return VMK_FAILURE;
   }
   c->ctor++;
   memset(obj, 0x5c, size);        /* constructed state */
   return VMK_OK;
}

static void
count_dtor(void *obj, vmk_ByteCountSmall size, vmk_AddrCookie arg)
{
   counts_t *c = arg.ptr;

   c->dtor++;
}

static void
props_init(vmk_SlabCreateProps *p, const char *name, vmk_ByteCountSmall size)
{
   memset(p, 0, sizeof *p);
   p->type = VMK_SLAB_TYPE_SIMPLE;
   snprintf(p->name.string, sizeof p->name.string, "%s", name);
   p->objSize = size;
   p->alignment = 8;
   p->minObj = 0;
   p->maxObj = VMK_SLAB_MAX_UNLIMITED;
   p->creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
}

static vmk_SlabID
make_slab(const char *name, vmk_ByteCountSmall size)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;

   props_init(&p, name, size);
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   return slab;
}

static void
test_slab_alloc_free_round_trip_gives_aligned_objects(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   void *obj[100];
   int i;

   props_init(&p, "rt", 40);
   p.alignment = 64;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   for (i = 0; i < 100; i++) {
      obj[i] = vmk_SlabAlloc(slab);
      assert_non_null(obj[i]);
      assert_int_equal((uintptr_t)obj[i] % 64, 0);
      memset(obj[i], i, 40);
   }
   for (i = 0; i < 100; i++) {
      assert_int_equal(((unsigned char *)obj[i])[39], (unsigned char)i);
      vmk_SlabFree(slab, obj[i]);
   }
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_ctor_runs_once_per_object_not_per_alloc(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   counts_t c = { 0, 0, -1 };
   void *obj[500];
   int i;
   int round;
   int built;

   props_init(&p, "ctor", 100);
   p.constructor = count_ctor;
   p.destructor = count_dtor;
   p.constructorArg.ptr = &c;
   p.minObj = 10;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   assert_true(c.ctor >= 10);         /* minObj constructed at create */
   assert_int_equal(c.dtor, 0);
   built = c.ctor;
   for (i = 0; i < 5; i++) {
      obj[i] = vmk_SlabAlloc(slab);
      assert_non_null(obj[i]);
      assert_int_equal(((unsigned char *)obj[i])[50], 0x5c);
   }
   for (i = 0; i < 5; i++) {
      vmk_SlabFree(slab, obj[i]);
   }
   assert_int_equal(c.ctor, built);   /* nothing per alloc / free */
   for (round = 0; round < 3; round++) {
      for (i = 0; i < 500; i++) {
         obj[i] = vmk_SlabAlloc(slab);
         assert_non_null(obj[i]);
      }
      for (i = 0; i < 500; i++) {
         vmk_SlabFree(slab, obj[i]);
      }
   }
   assert_true(c.ctor >= 500);
   built = c.ctor;
   assert_int_equal(c.dtor, 0);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_int_equal(c.dtor, built);   /* every constructed object, once */
   assert_int_equal(c.ctor, built);
}

static void
test_slab_bytes_outside_ctrl_survive_free_and_realloc(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   unsigned char *obj;
   unsigned char *again;
   vmk_ByteCountSmall cs = vmk_SlabControlSize();
   size_t i;

   props_init(&p, "ctrl", 64);
   p.type = VMK_SLAB_TYPE_CUSTOM;
   p.typeSpecific.custom.physContiguity = VMK_MEM_PHYS_ANY_CONTIGUITY;
   p.typeSpecific.custom.physRange = VMK_PHYS_ADDR_ANY;
   p.ctrlOffset = 24;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   obj = vmk_SlabAlloc(slab);
   assert_non_null(obj);
   for (i = 0; i < 64; i++) {
      obj[i] = (unsigned char)(i * 7 + 1);
   }
   vmk_SlabFree(slab, obj);
   again = vmk_SlabAlloc(slab);
   assert_ptr_equal(again, obj);      /* LIFO on this thread */
   for (i = 0; i < 64; i++) {
      if (i >= 24 && i < 24 + cs) {
         continue;
      }
      assert_int_equal(again[i], (unsigned char)(i * 7 + 1));
   }
   vmk_SlabFree(slab, again);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_object_bytes_all_survive_when_ctrl_is_past_the_end(void **state)
{
   vmk_SlabID slab = make_slab("end", 32);
   unsigned char *obj = vmk_SlabAlloc(slab);
   unsigned char *again;
   int i;

   assert_non_null(obj);
   for (i = 0; i < 32; i++) {
      obj[i] = (unsigned char)(0xa0 + i);
   }
   vmk_SlabFree(slab, obj);
   again = vmk_SlabAlloc(slab);
   assert_ptr_equal(again, obj);
   for (i = 0; i < 32; i++) {
      assert_int_equal(again[i], (unsigned char)(0xa0 + i));
   }
   vmk_SlabFree(slab, again);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_alloc_returns_null_at_max_obj_until_a_free(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   void *obj[8];
   int i;

   props_init(&p, "max", 64);
   p.minObj = 8;
   p.maxObj = 8;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   for (i = 0; i < 8; i++) {
      obj[i] = vmk_SlabAlloc(slab);
      assert_non_null(obj[i]);
   }
   assert_null(vmk_SlabAlloc(slab));
   assert_null(vmk_SlabAllocWithTimeout(slab, 20));
   vmk_SlabFree(slab, obj[3]);
   obj[3] = vmk_SlabAlloc(slab);
   assert_non_null(obj[3]);
   for (i = 0; i < 8; i++) {
      vmk_SlabFree(slab, obj[i]);
   }
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

typedef struct waiter {
   vmk_SlabID slab;
   void      *got;
} waiter_t;

static void *
waiter_main(void *arg)
{
   waiter_t *w = arg;

   w->got = vmk_SlabAllocWithTimeout(w->slab, 5000);
   return NULL;
}

static void
test_slab_two_waiters_at_max_obj_each_get_a_freed_object(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   void *obj[4];
   waiter_t w[2];
   pthread_t t[2];
   int i;

   props_init(&p, "wait", 128);
   p.maxObj = 4;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   for (i = 0; i < 4; i++) {
      obj[i] = vmk_SlabAlloc(slab);
      assert_non_null(obj[i]);
   }
   for (i = 0; i < 2; i++) {
      w[i].slab = slab;
      w[i].got = NULL;
      assert_int_equal(pthread_create(&t[i], NULL, waiter_main, &w[i]), 0);
   }
   usleep(50000);                     /* both are waiting now */
   vmk_SlabFree(slab, obj[0]);
   vmk_SlabFree(slab, obj[1]);
   for (i = 0; i < 2; i++) {
      pthread_join(t[i], NULL);
      assert_non_null(w[i].got);
   }
   assert_ptr_not_equal(w[0].got, w[1].got);
   vmk_SlabFree(slab, w[0].got);
   vmk_SlabFree(slab, w[1].got);
   vmk_SlabFree(slab, obj[2]);
   vmk_SlabFree(slab, obj[3]);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_alloc_with_timeout_gives_up_after_the_timeout(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   void *obj;
   struct timespec a;
   struct timespec b;
   long ms;

   props_init(&p, "timeout", 16);
   p.maxObj = 1;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   obj = vmk_SlabAlloc(slab);
   assert_non_null(obj);
   clock_gettime(CLOCK_MONOTONIC, &a);
   assert_null(vmk_SlabAllocWithTimeout(slab, 60));
   clock_gettime(CLOCK_MONOTONIC, &b);
   ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
   assert_true(ms >= 55);
   assert_true(ms < 2000);
   vmk_SlabFree(slab, obj);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_create_rejects_every_invalid_props_field(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;

   props_init(&p, "bad", 64);
   assert_vmk_status(vmk_SlabCreate(NULL, &slab), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SlabCreate(&p, NULL), VMK_BAD_PARAM);
   p.objSize = 0;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.objSize = vmk_SlabGetMaxObjectSize(8) + 1;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.alignment = 24;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.alignment = 0;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.alignment = VMK_PAGE_SIZE * 2;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.ctrlOffset = 64 - vmk_SlabControlSize() + 1;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.ctrlOffset = 100;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.minObj = 5;
   p.maxObj = 4;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.minObj = 0;
   p.maxObj = 0;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.type = (vmk_SlabType)7;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.type = VMK_SLAB_TYPE_MEMPOOL;
   p.typeSpecific.memPool.physContiguity = VMK_MEM_PHYS_ANY_CONTIGUITY;
   p.typeSpecific.memPool.memPool = VMK_MEMPOOL_INVALID;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   p.type = VMK_SLAB_TYPE_CUSTOM;
   p.typeSpecific.custom.physContiguity = (vmk_MemPhysContiguity)9;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   p.typeSpecific.custom.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   p.typeSpecific.custom.physRange = (vmk_MemPhysAddrConstraint)9;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   props_init(&p, "bad", 64);
   memset(p.name.string, 'x', sizeof p.name.string);   /* no NUL */
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
   assert_ptr_equal(slab, VMK_INVALID_SLAB_ID);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_SLAB), 0);
}

static void
test_slab_create_fails_cleanly_when_a_constructor_fails(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;
   counts_t c = { 0, 0, 3 };

   props_init(&p, "ctorfail", 64);
   p.constructor = count_ctor;
   p.destructor = count_dtor;
   p.constructorArg.ptr = &c;
   p.minObj = 10;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_NO_MEMORY);
   assert_int_equal(c.ctor, 3);
   assert_int_equal(c.dtor, 3);      /* the built ones are destroyed */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_SLAB), 0);
}

static void
test_slab_create_fails_with_no_memory_when_min_obj_cannot_exist(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;

   props_init(&p, "huge", 1u << 20);
   p.minObj = 100000;                  /* ~100 GiB */
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_NO_MEMORY);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_SLAB), 0);
}

static void
test_slab_survives_every_alloc_failure(void **state)
{
   vmk_SlabCreateProps p;
   vmk_uint64 n;
   int done = 0;

   props_init(&p, "failnth", 64);
   p.minObj = 4;
   for (n = 1; !done; n++) {
      vmk_SlabID slab = VMK_INVALID_SLAB_ID;
      vmk_uint64 before = EmuCtl_FailuresInjected();
      void *a;
      void *b;

      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_SLAB, n);
      if (vmk_SlabCreate(&p, &slab) != VMK_OK) {
         continue;
      }
      a = vmk_SlabAlloc(slab);
      b = vmk_SlabAlloc(slab);
      done = a != NULL && b != NULL && EmuCtl_FailuresInjected() == before;
      if (a != NULL) {
         vmk_SlabFree(slab, a);
      }
      if (b != NULL) {
         vmk_SlabFree(slab, b);
      }
      assert_vmk_ok(vmk_SlabDestroy(slab));
   }
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_SLAB, 0);
   assert_true(n >= 4);
}

static void
test_slab_get_mem_size_rejects_unlimited_simple_and_counts_pages(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabMemSize ms;

   props_init(&p, "memsize", 200);
   assert_vmk_status(vmk_SlabGetMemSize(&p, &ms), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SlabGetMemSize(NULL, &ms), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SlabGetMemSize(&p, NULL), VMK_BAD_PARAM);
   p.minObj = 1000;
   p.maxObj = 100;
   assert_vmk_status(vmk_SlabGetMemSize(&p, &ms), VMK_BAD_PARAM);
   p.minObj = 100;
   p.maxObj = 10000;
   assert_vmk_ok(vmk_SlabGetMemSize(&p, &ms));
   assert_true(ms.minPages * (vmk_uint64)VMK_PAGE_SIZE >= 100 * 200);
   assert_true(ms.maxPages >= ms.minPages);
   assert_true(ms.maxPages * (vmk_uint64)VMK_PAGE_SIZE >= 10000ull * 200);
   assert_true(ms.maxPages * (vmk_uint64)VMK_PAGE_SIZE <
               10000ull * 200 * 2 + 65536);
   p.type = VMK_SLAB_TYPE_MEMPOOL;     /* a pool may be absent here */
   p.typeSpecific.memPool.physContiguity = VMK_MEM_PHYS_ANY_CONTIGUITY;
   p.typeSpecific.memPool.memPool = VMK_MEMPOOL_INVALID;
   assert_vmk_ok(vmk_SlabGetMemSize(&p, &ms));
}

static void
test_slab_get_properties_returns_what_create_was_given(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabGetProps g;
   vmk_SlabID slab;
   counts_t c = { 0, 0, -1 };

   props_init(&p, "props", 72);
   p.type = VMK_SLAB_TYPE_CUSTOM;
   p.typeSpecific.custom.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   p.typeSpecific.custom.physRange = VMK_PHYS_ADDR_BELOW_4GB;
   p.alignment = 16;
   p.constructor = count_ctor;
   p.constructorArg.ptr = &c;
   p.ctrlOffset = 8;
   p.minObj = 3;
   p.maxObj = 300;
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   assert_vmk_ok(vmk_SlabGetProperties(slab, &g));
   assert_string_equal(g.name.string, "props");
   assert_int_equal(g.objSize, 72);
   assert_int_equal(g.alignment, 16);
   assert_ptr_equal(g.constructor, count_ctor);
   assert_ptr_equal(g.constructorArg.ptr, &c);
   assert_int_equal(g.ctrlOffset, 8);
   assert_int_equal(g.minObj, 3);
   assert_int_equal(g.maxObj, 300);
   assert_int_equal(g.physContiguity, VMK_MEM_PHYS_CONTIGUOUS);
   assert_int_equal(g.physRange, VMK_PHYS_ADDR_BELOW_4GB);
   assert_vmk_status(vmk_SlabGetProperties(slab, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_vmk_status(vmk_SlabGetProperties(slab, &g), VMK_NOT_FOUND);
   assert_vmk_status(vmk_SlabGetProperties(VMK_INVALID_SLAB_ID, &g),
                     VMK_NOT_FOUND);
}

static void
test_slab_sizes_reported_are_consistent(void **state)
{
   assert_int_equal(vmk_SlabControlSize(), 16);
   assert_true(vmk_SlabGetMaxObjectSize(8) >= 65536);
   assert_int_equal(vmk_SlabGetMaxObjectSize(3), 0);
   assert_int_equal(vmk_SlabGetMaxObjectSize(VMK_PAGE_SIZE * 2), 0);
}

/* ---- Memory from pools ----------------------------------------------- */

static uint64_t
now_ms(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static vmk_MemPool
leaf_pool(const char *name, vmk_uint32 limit)
{
   vmk_MemPoolProps props;
   vmk_MemPool pool;

   memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, name);
   props.parentMemPool = VMK_MEMPOOL_INVALID;
   props.memPoolType = VMK_MEM_POOL_LEAF;
   props.resourceProps.reservation = 0;
   props.resourceProps.limit = limit;
   assert_vmk_ok(vmk_MemPoolCreate(&props, &pool));
   return pool;
}

static vmk_uint64
pool_used(vmk_MemPool pool)
{
   vmk_uint64 used = ~(vmk_uint64)0;

   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   return used;
}

static void
props_mempool(vmk_SlabCreateProps *p, const char *name,
              vmk_ByteCountSmall size, vmk_MemPool pool)
{
   props_init(p, name, size);
   p->type = VMK_SLAB_TYPE_MEMPOOL;
   p->typeSpecific.memPool.physContiguity = VMK_MEM_PHYS_ANY_CONTIGUITY;
   p->typeSpecific.memPool.physRange = VMK_PHYS_ADDR_ANY;
   p->typeSpecific.memPool.memPool = pool;
}

static void
test_slab_mempool_limit_stops_growth_and_destroy_returns_pages(void **state)
{
   static void *obj[4096];
   vmk_MemPool pool = leaf_pool("slabpool", 64);     /* 4 clusters */
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   unsigned n = 0;
   unsigned i;
   uint64_t t0;

   props_mempool(&p, "inpool", 1000, pool);
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   assert_int_equal(pool_used(pool), 0);
   while (n < 4096 && (obj[n] = vmk_SlabAlloc(slab)) != NULL) {
      n++;
   }
   assert_true(n >= 200 && n < 4096);                /* 4 clusters' worth */
   assert_int_equal(pool_used(pool), 64);            /* exactly the limit */
   t0 = now_ms();
   assert_null(vmk_SlabAllocWithTimeout(slab, 60));
   assert_true(now_ms() - t0 >= 50);                 /* it waited */
   vmk_SlabFree(slab, obj[--n]);
   obj[n] = vmk_SlabAlloc(slab);                     /* the freed object */
   assert_non_null(obj[n++]);
   for (i = 0; i < n; i++) {
      vmk_SlabFree(slab, obj[i]);
   }
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_int_equal(pool_used(pool), 0);             /* every page back */
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
}

typedef struct pages_back {
   vmk_MpnRange range;
} pages_back_t;

static void *
free_pages_later(void *arg)
{
   pages_back_t *pb = arg;
   vmk_MemPoolAllocRequest rq;

   usleep(50000);
   rq.numPages = (vmk_uint32)pb->range.numPages;
   rq.numElements = 1;
   rq.mpnRanges = &pb->range;
   assert_vmk_ok(vmk_MemPoolFree(&rq));
   return NULL;
}

static void
test_slab_alloc_with_timeout_waits_for_pages_back_in_the_pool(void **state)
{
   static void *obj[4096];
   vmk_MemPool pool = leaf_pool("waitpool", 64);
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   pages_back_t pb;
   pthread_t t;
   unsigned n = 0;
   unsigned i;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = 16;
   rq.numElements = 1;
   rq.mpnRanges = &pb.range;
   assert_vmk_ok(vmk_MemPoolAlloc(pool, &ap, &rq));  /* the driver's pages */
   props_mempool(&p, "waiter", 1000, pool);
   assert_vmk_ok(vmk_SlabCreate(&p, &slab));
   while (n < 4096 && (obj[n] = vmk_SlabAlloc(slab)) != NULL) {
      n++;
   }
   assert_int_equal(pool_used(pool), 64);
   assert_int_equal(pthread_create(&t, NULL, free_pages_later, &pb), 0);
   obj[n] = vmk_SlabAllocWithTimeout(slab, 5000);    /* grows once freed */
   assert_non_null(obj[n]);
   n++;
   pthread_join(t, NULL);
   assert_int_equal(pool_used(pool), 64);
   for (i = 0; i < n; i++) {
      vmk_SlabFree(slab, obj[i]);
   }
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_int_equal(pool_used(pool), 0);
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
}

static void
test_slab_mempool_create_takes_what_get_mem_size_says(void **state)
{
   static const vmk_uint32 sizes[] = { 16, 64, 200, 3000, 70000 };
   vmk_MemPool pool = leaf_pool("sizepool", 0);
   vmk_SlabCreateProps p;
   vmk_SlabMemSize ms;
   vmk_SlabID slab;
   unsigned i;

   for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      props_mempool(&p, "memsize", sizes[i], pool);
      p.minObj = 500;
      p.maxObj = 2000;
      assert_vmk_ok(vmk_SlabGetMemSize(&p, &ms));
      assert_vmk_ok(vmk_SlabCreate(&p, &slab));
      assert_int_equal(pool_used(pool), ms.minPages);
      assert_vmk_ok(vmk_SlabDestroy(slab));
      assert_int_equal(pool_used(pool), 0);
   }
   /* minObj beyond the pool's limit: create fails and takes nothing. */
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
   pool = leaf_pool("smallpool", 16);
   props_mempool(&p, "toobig", 1000, pool);
   p.minObj = 1000;
   p.maxObj = 2000;
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_NO_MEMORY);
   assert_int_equal(pool_used(pool), 0);
   /* A parent pool cannot hold pages, a dead one is no pool. */
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
   props_mempool(&p, "deadpool", 64, pool);
   assert_vmk_status(vmk_SlabCreate(&p, &slab), VMK_BAD_PARAM);
}

/* ---- Misuse ---------------------------------------------------------- */

static void
test_slab_double_free_is_reported(void **state)
{
   vmk_SlabID slab = make_slab("dfree", 64);
   void *obj = vmk_SlabAlloc(slab);

   vmk_SlabFree(slab, obj);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   vmk_SlabFree(slab, obj);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_free_of_a_pointer_never_given_is_reported(void **state)
{
   vmk_SlabID slab = make_slab("foreign", 64);
   char local[64];

   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_SlabFree(slab, local);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_SlabFree(slab, NULL);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_free_to_wrong_cache_is_reported(void **state)
{
   vmk_SlabID a = make_slab("wa", 64);
   vmk_SlabID b = make_slab("wb", 64);
   void *obj = vmk_SlabAlloc(a);
   void *ok;

   EmuCtl_ExpectReport(EMUCTL_REPORT_WRONG_CACHE);
   vmk_SlabFree(b, obj);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   ok = vmk_SlabAlloc(b);                 /* b is unharmed */
   assert_ptr_not_equal(ok, obj);
   vmk_SlabFree(b, ok);
   vmk_SlabFree(a, obj);                  /* and obj still belongs to a */
   assert_vmk_ok(vmk_SlabDestroy(a));
   assert_vmk_ok(vmk_SlabDestroy(b));
}

static void
test_slab_misaligned_free_is_reported(void **state)
{
   vmk_SlabID slab = make_slab("mis", 64);
   char *obj = vmk_SlabAlloc(slab);

   EmuCtl_ExpectReport(EMUCTL_REPORT_MISALIGNED_FREE);
   vmk_SlabFree(slab, obj + 8);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_SlabFree(slab, obj);
   assert_vmk_ok(vmk_SlabDestroy(slab));
}

static void
test_slab_destroy_with_outstanding_objects_is_a_leak_report(void **state)
{
   vmk_SlabID slab = make_slab("leaky", 64);
   char buf[512];

   assert_non_null(vmk_SlabAlloc(slab));
   assert_non_null(vmk_SlabAlloc(slab));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_LastReport(buf, sizeof buf);
   assert_non_null(strstr(buf, "2 object"));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_SLAB), 0);
}

static void
test_slab_destroyed_handle_is_reported_and_refused(void **state)
{
   vmk_SlabID slab = make_slab("dead", 64);

   assert_vmk_ok(vmk_SlabDestroy(slab));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_null(vmk_SlabAlloc(slab));
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SlabDestroy(slab), VMK_INVALID_HANDLE);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_status(vmk_SlabDestroy(VMK_INVALID_SLAB_ID), VMK_BAD_PARAM);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_null(vmk_SlabAlloc(VMK_INVALID_SLAB_ID));
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

/* ---- Debug options ----------------------------------------------------- */

#if !SLAB_TEST_ASAN
static void
test_slab_guard_overrun_is_reported_on_free(void **state)
{
   vmk_SlabID slab;
   char *obj;

   assert_vmk_ok(EmuCtl_SetOption("guards", NULL));
   slab = make_slab("guards", 40);
   obj = vmk_SlabAlloc(slab);
   obj[40] = 1;                            /* one past the end */
   EmuCtl_ExpectReport(EMUCTL_REPORT_GUARD_OVERRUN);
   vmk_SlabFree(slab, obj);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_vmk_ok(EmuCtl_SetOption("guards", "off"));
}

static void
test_slab_write_after_free_is_reported_on_next_alloc(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab;
   counts_t c = { 0, 0, -1 };
   char *obj;
   char *again;
   int ctor;

   assert_vmk_ok(EmuCtl_SetOption("contents", NULL));
   for (ctor = 0; ctor < 2; ctor++) {
      props_init(&p, "contents", 48);
      if (ctor) {
         p.constructor = count_ctor;
         p.constructorArg.ptr = &c;
      }
      assert_vmk_ok(vmk_SlabCreate(&p, &slab));
      obj = vmk_SlabAlloc(slab);
      vmk_SlabFree(slab, obj);
      obj[5] = 0x11;                       /* write after free */
      EmuCtl_ExpectReport(EMUCTL_REPORT_WRITE_AFTER_FREE);
      again = vmk_SlabAlloc(slab);
      assert_int_equal(EmuCtl_CheckReports(), 0);
      assert_ptr_equal(again, obj);
      if (ctor) {                          /* constructed state kept */
         assert_int_equal((unsigned char)again[20], 0x5c);
      }
      vmk_SlabFree(slab, again);
      assert_vmk_ok(vmk_SlabDestroy(slab));
   }
   assert_vmk_ok(EmuCtl_SetOption("contents", "off"));
}
#endif

static void
test_slab_audit_names_allocators_of_leaked_objects(void **state)
{
   vmk_SlabID slab;
   char buf[2048];

   assert_vmk_ok(EmuCtl_SetOption("audit", NULL));
   slab = make_slab("audited", 64);
   assert_non_null(vmk_SlabAlloc(slab));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_LastReport(buf, sizeof buf);
   assert_non_null(strstr(buf, "allocated by"));
   slab = make_slab("audited2", 64);
   {
      void *obj = vmk_SlabAlloc(slab);

      vmk_SlabFree(slab, obj);
      EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
      vmk_SlabFree(slab, obj);
      assert_int_equal(EmuCtl_CheckReports(), 0);
      EmuCtl_LastReport(buf, sizeof buf);
      assert_non_null(strstr(buf, "last free"));
   }
   assert_vmk_ok(vmk_SlabDestroy(slab));
   assert_vmk_ok(EmuCtl_SetOption("audit", "off"));
}

/* ---- Model and stress ---------------------------------------------------- */

static uint64_t
xorshift(uint64_t *s)
{
   uint64_t x = *s;

   x ^= x << 13;
   x ^= x >> 7;
   x ^= x << 17;
   *s = x;
   return x;
}

#define MODEL_SLABS 3
#define MODEL_LIVE  4096

static void
test_slab_model_million_random_operations(void **state)
{
   static const vmk_ByteCountSmall sizes[MODEL_SLABS] = { 24, 200, 1500 };
   static const vmk_uint32 maxobj[MODEL_SLABS] = {
      VMK_SLAB_MAX_UNLIMITED, 3000, VMK_SLAB_MAX_UNLIMITED
   };
   static uint64_t *live[MODEL_SLABS][MODEL_LIVE];
   static uint64_t stamp[MODEL_SLABS][MODEL_LIVE];
   vmk_SlabCreateProps p;
   vmk_SlabID slab[MODEL_SLABS];
   unsigned nlive[MODEL_SLABS] = { 0 };
   uint64_t seed = emutest_seed(12345);
   uint64_t s = seed | 1;
   uint64_t next_stamp = 1;
   long op;
   int k;

   for (k = 0; k < MODEL_SLABS; k++) {
      props_init(&p, "model", sizes[k]);
      p.maxObj = maxobj[k];
      p.ctrlOffset = k == 1 ? 16 : 0;
      assert_vmk_ok(vmk_SlabCreate(&p, &slab[k]));
   }
   for (op = 0; op < 1000000; op++) {
      uint64_t r = xorshift(&s);
      unsigned i;

      k = (int)(r % MODEL_SLABS);
      r >>= 8;
      if (nlive[k] < MODEL_LIVE && (nlive[k] == 0 || (r & 3) < 2)) {
         uint64_t *obj = vmk_SlabAlloc(slab[k]);

         if (obj == NULL) {
            /* Only the limited slab may run out, and only at its cap. */
            assert_int_equal(maxobj[k], nlive[k]);
            continue;
         }
         obj[0] = next_stamp;
         ((unsigned char *)obj)[sizes[k] - 1] = (unsigned char)next_stamp;
         stamp[k][nlive[k]] = next_stamp++;
         live[k][nlive[k]++] = obj;
      } else {
         i = (unsigned)((r >> 2) % nlive[k]);
         /* The object still holds what we wrote: nobody else had it. */
         assert_int_equal(live[k][i][0], stamp[k][i]);
         assert_int_equal(((unsigned char *)live[k][i])[sizes[k] - 1],
                          (unsigned char)stamp[k][i]);
         vmk_SlabFree(slab[k], live[k][i]);
         nlive[k]--;
         live[k][i] = live[k][nlive[k]];
         stamp[k][i] = stamp[k][nlive[k]];
      }
   }
   for (k = 0; k < MODEL_SLABS; k++) {
      while (nlive[k] > 0) {
         nlive[k]--;
         assert_int_equal(live[k][nlive[k]][0], stamp[k][nlive[k]]);
         vmk_SlabFree(slab[k], live[k][nlive[k]]);
      }
      assert_vmk_ok(vmk_SlabDestroy(slab[k]));
   }
}

#define STRESS_RING  1024
#define STRESS_OPS   200000

typedef struct ring {
   void          *slot[STRESS_RING];
   unsigned long  head;              /* producer */
   unsigned long  tail;              /* consumer */
   vmk_SlabID     slab;
} ring_t;

static void *
stress_consumer(void *arg)
{
   ring_t *r = arg;
   unsigned long done = 0;

   while (done < STRESS_OPS) {
      unsigned long h = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);

      while (r->tail < h) {
         uint64_t *obj = r->slot[r->tail % STRESS_RING];

         assert_int_equal(obj[1], r->tail);
         vmk_SlabFree(r->slab, obj);     /* freed on the other thread */
         __atomic_store_n(&r->tail, r->tail + 1, __ATOMIC_RELEASE);
         done++;
      }
      sched_yield();
   }
   return NULL;
}

static void *
stress_own(void *arg)
{
   vmk_SlabID slab = arg;
   void *held[64];
   int round;
   int i;

   for (round = 0; round < 3000; round++) {
      for (i = 0; i < 64; i++) {
         held[i] = vmk_SlabAlloc(slab);
         assert_non_null(held[i]);
         memset(held[i], i, 32);
      }
      for (i = 0; i < 64; i++) {
         vmk_SlabFree(slab, held[i]);
      }
   }
   return NULL;
}

static void
test_slab_two_threads_stress_with_cross_thread_frees(void **state)
{
   static ring_t r;
   pthread_t c;
   pthread_t o[2];
   unsigned long i;

   memset(&r, 0, sizeof r);
   r.slab = make_slab("stress", 64);
   assert_int_equal(pthread_create(&c, NULL, stress_consumer, &r), 0);
   for (i = 0; i < STRESS_OPS; i++) {
      uint64_t *obj;

      while (i - __atomic_load_n(&r.tail, __ATOMIC_ACQUIRE) >= STRESS_RING) {
         sched_yield();
      }
      obj = vmk_SlabAlloc(r.slab);
      assert_non_null(obj);
      obj[1] = i;
      r.slot[i % STRESS_RING] = obj;
      __atomic_store_n(&r.head, i + 1, __ATOMIC_RELEASE);
   }
   pthread_join(c, NULL);
   /* Two threads on one shared cache. */
   for (i = 0; i < 2; i++) {
      assert_int_equal(pthread_create(&o[i], NULL, stress_own, r.slab), 0);
   }
   for (i = 0; i < 2; i++) {
      pthread_join(o[i], NULL);
   }
   assert_vmk_ok(vmk_SlabDestroy(r.slab));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slab_alloc_free_round_trip_gives_aligned_objects),
      cmocka_unit_test(test_slab_ctor_runs_once_per_object_not_per_alloc),
      cmocka_unit_test(test_slab_bytes_outside_ctrl_survive_free_and_realloc),
      cmocka_unit_test(test_slab_object_bytes_all_survive_when_ctrl_is_past_the_end),
      cmocka_unit_test(test_slab_alloc_returns_null_at_max_obj_until_a_free),
      cmocka_unit_test(test_slab_two_waiters_at_max_obj_each_get_a_freed_object),
      cmocka_unit_test(test_slab_alloc_with_timeout_gives_up_after_the_timeout),
      cmocka_unit_test(test_slab_create_rejects_every_invalid_props_field),
      cmocka_unit_test(test_slab_create_fails_cleanly_when_a_constructor_fails),
      cmocka_unit_test(test_slab_create_fails_with_no_memory_when_min_obj_cannot_exist),
      cmocka_unit_test(test_slab_survives_every_alloc_failure),
      cmocka_unit_test(test_slab_get_mem_size_rejects_unlimited_simple_and_counts_pages),
      cmocka_unit_test(test_slab_get_properties_returns_what_create_was_given),
      cmocka_unit_test(test_slab_sizes_reported_are_consistent),
      cmocka_unit_test(test_slab_mempool_limit_stops_growth_and_destroy_returns_pages),
      cmocka_unit_test(test_slab_alloc_with_timeout_waits_for_pages_back_in_the_pool),
      cmocka_unit_test(test_slab_mempool_create_takes_what_get_mem_size_says),
      cmocka_unit_test(test_slab_double_free_is_reported),
      cmocka_unit_test(test_slab_free_of_a_pointer_never_given_is_reported),
      cmocka_unit_test(test_slab_free_to_wrong_cache_is_reported),
      cmocka_unit_test(test_slab_misaligned_free_is_reported),
      cmocka_unit_test(test_slab_destroy_with_outstanding_objects_is_a_leak_report),
      cmocka_unit_test(test_slab_destroyed_handle_is_reported_and_refused),
#if !SLAB_TEST_ASAN
      cmocka_unit_test(test_slab_guard_overrun_is_reported_on_free),
      cmocka_unit_test(test_slab_write_after_free_is_reported_on_next_alloc),
#endif
      cmocka_unit_test(test_slab_audit_names_allocators_of_leaked_objects),
      cmocka_unit_test(test_slab_model_million_random_operations),
      cmocka_unit_test(test_slab_two_threads_stress_with_cross_thread_frees),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
