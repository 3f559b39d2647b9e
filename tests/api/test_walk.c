/*
 * test_walk.c -- EmuCtl_WalkFailures: every call site of a small driver's
 * init fails once; sites whose failure leaks, raises a report or crashes
 * are found and named.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

/* Bugs a test can seed into the little driver below. */
enum {
   BUG_LEAK_HEAP_ON_SLAB_FAILURE = 0x1,   /* forgets vmk_HeapDestroy */
   BUG_LEAK_BUFFER_ON_LOCK_FAILURE = 0x2, /* forgets vmk_HeapFree */
   BUG_CRASH_ON_BUFFER_FAILURE = 0x4,     /* writes through NULL */
   BUG_DOUBLE_FREE_ON_LOCK_FAILURE = 0x8, /* frees the buffer twice */
};

typedef struct drv {
   int         bugs;
   vmk_HeapID  heap;
   vmk_SlabID  slab;
   char       *buf;
   vmk_Lock    lock;
   vmk_HeapID  modheap;     /* the module's long-lived heap */
   vmk_HeapID  leaked;      /* what the seeded leak left behind */
   char       *leakedBuf;
} drv_t;

static VMK_ReturnStatus
drv_init(drv_t *d)
{
   vmk_HeapCreateProps hp;
   vmk_SlabCreateProps sp;
   vmk_SpinlockCreateProps lp;
   VMK_ReturnStatus st;

   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "walkdrv");
   hp.initial = 0;
   hp.max = 1 << 20;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   st = vmk_HeapCreate(&hp, &d->heap);                      /* site 1 */
   if (st != VMK_OK) {
      return st;
   }

   memset(&sp, 0, sizeof sp);
   sp.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&sp.name, "walkobj");
   sp.objSize = 128;
   sp.alignment = 8;
   sp.maxObj = 16;
   sp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   st = vmk_SlabCreate(&sp, &d->slab);                      /* site 2 */
   if (st != VMK_OK) {
      if (!(d->bugs & BUG_LEAK_HEAP_ON_SLAB_FAILURE)) {
         vmk_HeapDestroy(d->heap);
      } else {
         d->leaked = d->heap;
      }
      return st;
   }

   d->buf = vmk_HeapAlloc(d->modheap, 256);                  /* site 3 */
   if (d->buf == NULL) {
      if (d->bugs & BUG_CRASH_ON_BUFFER_FAILURE) {
         d->buf[0] = 1;
      }
      vmk_SlabDestroy(d->slab);
      vmk_HeapDestroy(d->heap);
      return VMK_NO_MEMORY;
   }

   memset(&lp, 0, sizeof lp);
   vmk_NameInitialize(&lp.name, "walklock");
   lp.type = VMK_SPINLOCK;
   lp.domain = VMK_LOCKDOMAIN_INVALID;
   lp.rank = VMK_SPINLOCK_UNRANKED;
   st = vmk_SpinlockCreate(&lp, &d->lock);                  /* site 4 */
   if (st != VMK_OK) {
      if (!(d->bugs & BUG_LEAK_BUFFER_ON_LOCK_FAILURE)) {
         vmk_HeapFree(d->modheap, d->buf);
      } else {
         d->leakedBuf = d->buf;
      }
      if (d->bugs & BUG_DOUBLE_FREE_ON_LOCK_FAILURE) {
         vmk_HeapFree(d->modheap, d->buf);
      }
      vmk_SlabDestroy(d->slab);
      vmk_HeapDestroy(d->heap);
      return st;
   }
   return VMK_OK;
}

static void
drv_cleanup(drv_t *d)
{
   vmk_SpinlockDestroy(d->lock);
   vmk_HeapFree(d->modheap, d->buf);
   vmk_SlabDestroy(d->slab);
   vmk_HeapDestroy(d->heap);
}

/* One pass: what a module load and unload does. */
static VMK_ReturnStatus
drv_pass(void *arg)
{
   drv_t *d = arg;
   VMK_ReturnStatus st;

   st = drv_init(d);
   if (st == VMK_OK) {
      drv_cleanup(d);
   }
   return st;
}

static vmk_uint64
drv_probe(void *arg)
{
   EmuCtl_HeapUsage u;

   if (EmuCtl_HeapGetUsage(((drv_t *)arg)->modheap, &u) != VMK_OK) {
      return 0;
   }
   return u.liveAllocations;
}

/* A fresh driver state with its module heap. */
static void
drv_setup(drv_t *d, int bugs)
{
   vmk_HeapCreateProps hp;

   memset(d, 0, sizeof *d);
   d->bugs = bugs;
   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "walkmod");
   hp.max = 1 << 20;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&hp, &d->modheap));
}

static void
test_correct_driver_walks_clean_over_every_site(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint32 i;

   (void)state;
   drv_setup(&d, 0);
   memset(&p, 0, sizeof p);
   p.probe = drv_probe;
   assert_vmk_ok(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r));
   assert_true(r.complete);
   assert_int_equal(r.sites, 4);
   assert_int_equal(r.passes, 6);       /* clean + 4 sites + the last */
   assert_int_equal(r.badSites, 0);
   for (i = 0; i < r.sites; i++) {
      assert_int_equal(sites[i].status, VMK_NO_MEMORY);
      assert_int_equal(sites[i].leaked, 0);
      assert_int_equal(sites[i].reports, 0);
      assert_non_null(sites[i].site);
   }
   /* Sites come in the order the driver reaches them. */
   assert_int_equal(sites[0].cls, EMUCTL_ALLOC_HEAP);
   assert_int_equal(sites[1].cls, EMUCTL_ALLOC_SLAB);
   assert_int_equal(sites[2].cls, EMUCTL_ALLOC_HEAP);
   assert_int_equal(sites[3].cls, EMUCTL_ALLOC_LOCK);
   /* Injection is off again after the walk. */
   assert_vmk_ok(drv_pass(&d));
   vmk_HeapDestroy(d.modheap);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

static void
test_leak_on_an_error_path_is_found_at_its_site(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint32 i;
   vmk_uint32 bad = 16;

   (void)state;
   drv_setup(&d, BUG_LEAK_HEAP_ON_SLAB_FAILURE);
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_QUIET;
   assert_vmk_status(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r),
                     VMK_FAILURE);
   assert_true(r.complete);
   assert_int_equal(r.sites, 4);
   assert_int_equal(r.badSites, 1);
   for (i = 0; i < r.sites; i++) {
      if (sites[i].leaked != 0) {
         bad = i;
      }
   }
   assert_int_equal(bad, 1);
   assert_int_equal(sites[bad].cls, EMUCTL_ALLOC_SLAB);
   assert_int_equal(sites[bad].leaked, 1);     /* the heap */
   /* The leaked heap is still there: clean it up for the group check. */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_HEAP), 2);
   vmk_HeapDestroy(d.leaked);
   vmk_HeapDestroy(d.modheap);
}

static void
test_leaked_allocation_is_found_through_the_probe(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;

   (void)state;
   drv_setup(&d, BUG_LEAK_BUFFER_ON_LOCK_FAILURE);
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_QUIET;
   p.probe = drv_probe;
   assert_vmk_status(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r),
                     VMK_FAILURE);
   assert_int_equal(r.badSites, 1);
   assert_int_equal(sites[3].cls, EMUCTL_ALLOC_LOCK);
   assert_int_equal(sites[3].leaked, 1);      /* the buffer */
   vmk_HeapFree(d.modheap, d.leakedBuf);
   vmk_HeapDestroy(d.modheap);
}

static void
test_report_on_an_error_path_is_counted_not_fatal(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint64 before = EmuCtl_ReportCount(EMUCTL_REPORT_DOUBLE_FREE);

   (void)state;
   drv_setup(&d, BUG_DOUBLE_FREE_ON_LOCK_FAILURE);
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_QUIET;
   assert_vmk_status(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r),
                     VMK_FAILURE);
   assert_int_equal(r.badSites, 1);
   assert_int_equal(sites[3].reports, 1);
   assert_int_equal(sites[3].leaked, 0);
   assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_DOUBLE_FREE),
                    before + 1);
   vmk_HeapDestroy(d.modheap);
}

static void
test_class_filter_fails_only_that_class(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;

   (void)state;
   drv_setup(&d, 0);
   memset(&p, 0, sizeof p);
   p.cls = EMUCTL_ALLOC_HEAP;
   assert_vmk_ok(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r));
   assert_int_equal(r.sites, 2);
   assert_int_equal(sites[0].cls, EMUCTL_ALLOC_HEAP);
   assert_int_equal(sites[1].cls, EMUCTL_ALLOC_HEAP);
   assert_ptr_not_equal(sites[0].site, sites[1].site);
   vmk_HeapDestroy(d.modheap);
}

static void
test_crash_on_an_error_path_is_caught_in_fork_mode(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint32 i;
   vmk_uint32 crashed = 0;

   (void)state;
   drv_setup(&d, BUG_CRASH_ON_BUFFER_FAILURE);
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_FORK | EMUCTL_WALK_QUIET;
   assert_vmk_status(EmuCtl_WalkFailures(drv_pass, &d, &p, sites, 16, &r),
                     VMK_FAILURE);
   assert_true(r.complete);
   assert_int_equal(r.sites, 4);
   assert_int_equal(r.badSites, 1);
   for (i = 0; i < r.sites; i++) {
      if (sites[i].signal != 0) {
         crashed++;
         assert_int_equal(i, 2);
         assert_int_equal(sites[i].cls, EMUCTL_ALLOC_HEAP);
      }
   }
   assert_int_equal(crashed, 1);
   /* Nothing of the children's passes is live in this process. */
   vmk_HeapDestroy(d.modheap);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

static void
test_pass_limit_and_bad_parameters(void **state)
{
   drv_t d;
   EmuCtl_WalkResult r;
   EmuCtl_WalkProps p;

   (void)state;
   drv_setup(&d, 0);
   memset(&p, 0, sizeof p);
   p.maxPasses = 3;
   assert_vmk_status(EmuCtl_WalkFailures(drv_pass, &d, &p, NULL, 0, &r),
                     VMK_LIMIT_EXCEEDED);
   assert_false(r.complete);
   assert_int_equal(r.passes, 3);
   assert_int_equal(r.sites, 2);
   assert_vmk_status(EmuCtl_WalkFailures(NULL, &d, NULL, NULL, 0, &r),
                     VMK_BAD_PARAM);
   vmk_HeapDestroy(d.modheap);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

/* ---- A driver whose init creates one of each kind ---------------------- */

enum {
   BUG_TIMER_LEFT_ON_LOCK_FAILURE = 0x1,  /* forgets vmk_TimerCancel */
};

typedef struct full {
   int              bugs;
   vmk_HeapID       heap;
   vmk_SlabID       slab;
   vmk_MemPool      pool;
   vmk_MpnRange     range;
   vmk_VA           va;
   vmk_WorldID      world;
   vmk_Timer        timer;
   vmk_Lock         lock;
   vmk_Semaphore    sema;
   vmk_Timer        leakedTimer;   /* what the seeded leak left behind */
} full_t;

static int full_lock_line;           /* the spinlock's call site */

static VMK_ReturnStatus
full_world(void *data)
{
   (void)data;
   return VMK_OK;
}

static void
full_timer(vmk_TimerCookie c)
{
   (void)c;
}

static void
full_world_gone(vmk_WorldID id)
{
   VMK_ReturnStatus st = vmk_WorldWaitForDeath(id);

   assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
}

static VMK_ReturnStatus
full_init(full_t *f)
{
   vmk_HeapCreateProps hp;
   vmk_SlabCreateProps sp;
   vmk_MemPoolProps pp;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MapRequest mr;
   vmk_WorldProps wp;
   vmk_TimerCookie c;
   vmk_SpinlockCreateProps lp;
   VMK_ReturnStatus st;

   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "fullheap");
   hp.max = 1 << 20;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   st = vmk_HeapCreate(&hp, &f->heap);                      /* heap */
   if (st != VMK_OK) {
      goto fail;
   }
   memset(&sp, 0, sizeof sp);
   sp.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&sp.name, "fullobj");
   sp.objSize = 64;
   sp.alignment = 8;
   sp.maxObj = 16;
   sp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   st = vmk_SlabCreate(&sp, &f->slab);                      /* slab */
   if (st != VMK_OK) {
      goto fail_heap;
   }
   memset(&pp, 0, sizeof pp);
   vmk_NameInitialize(&pp.name, "fullpool");
   pp.memPoolType = VMK_MEM_POOL_LEAF;
   st = vmk_MemPoolCreate(&pp, &f->pool);                   /* pool */
   if (st != VMK_OK) {
      goto fail_slab;
   }
   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   rq.numPages = 2;
   rq.numElements = 1;
   rq.mpnRanges = &f->range;
   st = vmk_MemPoolAlloc(f->pool, &ap, &rq);                /* pages */
   if (st != VMK_OK) {
      goto fail_pool;
   }
   memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.mapAttrs = VMK_MAPATTRS_READWRITE;
   mr.numElements = 1;
   mr.mpnRanges = &f->range;
   st = vmk_Map(VMK_INVALID_MODULE_ID, &mr, &f->va);        /* map */
   if (st != VMK_OK) {
      goto fail_pages;
   }
   memset(&wp, 0, sizeof wp);
   wp.name = "fullworld";
   wp.moduleID = VMK_INVALID_MODULE_ID;
   wp.startFunction = full_world;
   wp.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   st = vmk_WorldCreate(&wp, &f->world);                    /* world */
   if (st != VMK_OK) {
      goto fail_map;
   }
   c.addr = 0;
   st = vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, full_timer, c,
                          3600000000ll, VMK_TIMER_DEFAULT_TOLERANCE,
                          VMK_TIMER_ATTR_NONE, VMK_LOCKDOMAIN_INVALID,
                          VMK_SPINLOCK_UNRANKED, &f->timer); /* timer */
   if (st != VMK_OK) {
      goto fail_world;
   }
   memset(&lp, 0, sizeof lp);
   vmk_NameInitialize(&lp.name, "fulllock");
   lp.type = VMK_SPINLOCK;
   lp.domain = VMK_LOCKDOMAIN_INVALID;
   lp.rank = VMK_SPINLOCK_UNRANKED;
   st = vmk_SpinlockCreate(&lp, &f->lock); full_lock_line = __LINE__;
   if (st != VMK_OK) {
      if (f->bugs & BUG_TIMER_LEFT_ON_LOCK_FAILURE) {
         f->leakedTimer = f->timer;
         goto fail_world;                   /* the timer stays pending */
      }
      goto fail_timer;
   }
   st = vmk_SemaCreate(&f->sema, VMK_INVALID_MODULE_ID, "fullsema", 1);
   if (st != VMK_OK) {                                      /* semaphore */
      goto fail_lock;
   }
   return VMK_OK;

fail_lock:
   vmk_SpinlockDestroy(f->lock);
fail_timer:
   vmk_TimerCancel(f->timer, VMK_TRUE);
fail_world:
   full_world_gone(f->world);
fail_map:
   vmk_Unmap(f->va);
fail_pages:
   vmk_MemPoolFree(&rq);
fail_pool:
   vmk_MemPoolDestroy(f->pool);
fail_slab:
   vmk_SlabDestroy(f->slab);
fail_heap:
   vmk_HeapDestroy(f->heap);
fail:
   return st;
}

static void
full_cleanup(full_t *f)
{
   vmk_MemPoolAllocRequest rq;

   vmk_SemaDestroy(&f->sema);
   vmk_SpinlockDestroy(f->lock);
   vmk_TimerCancel(f->timer, VMK_TRUE);
   full_world_gone(f->world);
   vmk_Unmap(f->va);
   rq.numPages = f->range.numPages;
   rq.numElements = 1;
   rq.mpnRanges = &f->range;
   vmk_MemPoolFree(&rq);
   vmk_MemPoolDestroy(f->pool);
   vmk_SlabDestroy(f->slab);
   vmk_HeapDestroy(f->heap);
}

static VMK_ReturnStatus
full_pass(void *arg)
{
   full_t *f = arg;
   VMK_ReturnStatus st = full_init(f);

   if (st == VMK_OK) {
      full_cleanup(f);
   }
   return st;
}

/* The classes full_init reaches, in order. */
static const EmuCtl_AllocClass full_classes[] = {
   EMUCTL_ALLOC_HEAP, EMUCTL_ALLOC_SLAB, EMUCTL_ALLOC_PAGES,
   EMUCTL_ALLOC_PAGES, EMUCTL_ALLOC_MAP, EMUCTL_ALLOC_WORLD,
   EMUCTL_ALLOC_TIMER, EMUCTL_ALLOC_LOCK, EMUCTL_ALLOC_LOCK,
};
#define FULL_NSITES (sizeof full_classes / sizeof full_classes[0])

static void
test_every_kind_fails_once_and_unwinds_clean(void **state)
{
   full_t f;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint32 i;

   (void)state;
   memset(&f, 0, sizeof f);
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_QUIET;
   assert_vmk_ok(EmuCtl_WalkFailures(full_pass, &f, &p, sites, 16, &r));
   assert_true(r.complete);
   assert_int_equal(r.badSites, 0);
   assert_int_equal(r.sites, FULL_NSITES);
   for (i = 0; i < r.sites; i++) {
      assert_int_equal(sites[i].cls, full_classes[i]);
      assert_int_not_equal(sites[i].status, VMK_OK);
      assert_int_equal(sites[i].leaked, 0);
      assert_int_equal(sites[i].reports, 0);
   }
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

static void
test_timer_left_on_one_error_path_is_named_at_that_site(void **state)
{
   full_t f;
   EmuCtl_WalkResult r;
   EmuCtl_WalkSite sites[16];
   EmuCtl_WalkProps p;
   vmk_uint32 i;
   vmk_uint32 bad = 16;
   char where[64];

   (void)state;
   memset(&f, 0, sizeof f);
   f.bugs = BUG_TIMER_LEFT_ON_LOCK_FAILURE;
   memset(&p, 0, sizeof p);
   p.flags = EMUCTL_WALK_QUIET;
   assert_vmk_status(EmuCtl_WalkFailures(full_pass, &f, &p, sites, 16, &r),
                     VMK_FAILURE);
   assert_true(r.complete);
   assert_int_equal(r.sites, FULL_NSITES);
   assert_int_equal(r.badSites, 1);
   for (i = 0; i < r.sites; i++) {
      if (sites[i].leaked != 0) {
         bad = i;
      }
   }
   /* The spinlock's site, and nothing but the timer left behind. */
   assert_int_equal(bad, 7);
   assert_int_equal(sites[bad].cls, EMUCTL_ALLOC_LOCK);
   assert_int_equal(sites[bad].leaked, 1);
   snprintf(where, sizeof where, "test_walk.c:%d", full_lock_line);
   if (strstr(sites[bad].where, where) == NULL) {
      print_error("site %s is not %s\n", sites[bad].where, where);
      fail();
   }
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_TIMER), 1);
   assert_vmk_ok(vmk_TimerCancel(f.leakedTimer, VMK_TRUE));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_correct_driver_walks_clean_over_every_site),
      cmocka_unit_test(test_leak_on_an_error_path_is_found_at_its_site),
      cmocka_unit_test(test_leaked_allocation_is_found_through_the_probe),
      cmocka_unit_test(test_report_on_an_error_path_is_counted_not_fatal),
      cmocka_unit_test(test_class_filter_fails_only_that_class),
      cmocka_unit_test(test_crash_on_an_error_path_is_caught_in_fork_mode),
      cmocka_unit_test(test_pass_limit_and_bad_parameters),
      cmocka_unit_test(test_every_kind_fails_once_and_unwinds_clean),
      cmocka_unit_test(test_timer_left_on_one_error_path_is_named_at_that_site),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
