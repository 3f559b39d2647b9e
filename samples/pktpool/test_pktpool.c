/*
 * test_pktpool.c -- testing a slab-backed buffer pool off-host.
 *
 * What this shows a driver author, each hard to check on a real host:
 *  - the slab constructor runs once per object, not on every get;
 *  - maxObj back-pressure: the (maxObj+1)-th get fails at once, and a get
 *    with a timeout is satisfied when another world puts a buffer back;
 *  - every allocation failure inside init_module is unwound completely
 *    (EmuCtl_FailNthAlloc walks each failure point in turn);
 *  - a double put is caught as a DOUBLE_FREE report instead of silently
 *    corrupting the free list;
 *  - nothing is left behind at unload (the group teardown is a leak check).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
void *pktpool_get(vmk_uint32 timeoutMS);
VMK_ReturnStatus pktpool_put(void *buf);
vmk_uint32 pktpool_buf_serial(const void *buf);
vmk_uint32 pktpool_payload_size(void);
vmk_uint64 pktpool_ctor_count(void);
vmk_uint64 pktpool_dtor_count(void);
vmk_uint32 pktpool_max_buffers(void);

extern int pktpool_max;

#define MAX_BUFS 64

/* Each test loads the driver and unloads it, checking nothing is left. */
static int
load(void **state)
{
   (void)state;
   pktpool_max = 8;
   return init_module() == VMK_OK ? 0 : -1;
}

static int
unload(void **state)
{
   (void)state;
   cleanup_module();
   return EmuCtl_LiveResources(EMUCTL_RSRC_ANY) == 0 ? 0 : -1;
}

static void
get_all(void **bufs, vmk_uint32 n)
{
   vmk_uint32 i;

   for (i = 0; i < n; i++) {
      bufs[i] = pktpool_get(0);
      assert_non_null(bufs[i]);
   }
}

static void
put_all(void **bufs, vmk_uint32 n)
{
   vmk_uint32 i;

   for (i = 0; i < n; i++) {
      assert_vmk_ok(pktpool_put(bufs[i]));
   }
}

static void
test_constructor_runs_once_per_buffer_not_per_get(void **state)
{
   void *bufs[MAX_BUFS];
   vmk_uint32 serial[MAX_BUFS];
   vmk_uint32 n = pktpool_max_buffers();
   vmk_uint64 built;
   vmk_uint32 i;
   int round;

   (void)state;
   get_all(bufs, n);
   built = pktpool_ctor_count();
   assert_true(built >= n);
   for (i = 0; i < n; i++) {
      serial[i] = pktpool_buf_serial(bufs[i]);
      assert_int_not_equal(serial[i], 0);    /* stamped by the constructor */
   }
   put_all(bufs, n);
   for (round = 0; round < 20; round++) {
      get_all(bufs, n);
      for (i = 0; i < n; i++) {
         /* The stamp survived the free: the slab's link sits at ctrlOffset. */
         assert_int_not_equal(pktpool_buf_serial(bufs[i]), 0);
         memset((char *)bufs[i] + 32, 0xee, pktpool_payload_size());
      }
      put_all(bufs, n);
   }
   assert_int_equal(pktpool_ctor_count(), built);
   assert_int_equal(pktpool_dtor_count(), 0);
}

static void
test_destructor_runs_once_per_constructed_buffer_at_unload(void **state)
{
   void *bufs[MAX_BUFS];
   vmk_uint32 n = pktpool_max_buffers();

   (void)state;
   get_all(bufs, n);
   put_all(bufs, n);
   cleanup_module();
   assert_int_equal(pktpool_dtor_count(), pktpool_ctor_count());
   assert_vmk_ok(init_module());            /* for the fixture's unload */
}

static void
test_get_beyond_max_obj_fails_at_once_without_a_timeout(void **state)
{
   void *bufs[MAX_BUFS];
   vmk_uint32 n = pktpool_max_buffers();
   vmk_uint64 t0;

   (void)state;
   get_all(bufs, n);
   t0 = EmuCtl_ClockNow();
   assert_null(pktpool_get(0));
   assert_true(EmuCtl_ClockNow() - t0 < 1000000000ull);
   assert_vmk_ok(pktpool_put(bufs[0]));
   bufs[0] = pktpool_get(0);                /* room again after one put */
   assert_non_null(bufs[0]);
   put_all(bufs, n);
}

static void
test_get_with_timeout_gives_up_when_nobody_puts(void **state)
{
   void *bufs[MAX_BUFS];
   vmk_uint32 n = pktpool_max_buffers();

   (void)state;
   get_all(bufs, n);
   assert_null(pktpool_get(30));
   put_all(bufs, n);
}

typedef struct putter {
   void *buf;
   VMK_ReturnStatus status;
} putter_t;

/* Another world: hold on a while, then give one buffer back. */
static VMK_ReturnStatus
putter_main(void *data)
{
   putter_t *p = data;

   (void)vmk_WorldSleep(50 * 1000);
   p->status = pktpool_put(p->buf);
   return VMK_OK;
}

static void
test_get_with_timeout_succeeds_when_another_world_puts_one_back(void **state)
{
   void *bufs[MAX_BUFS];
   vmk_uint32 n = pktpool_max_buffers();
   vmk_WorldProps props;
   vmk_WorldID id;
   putter_t p;
   void *got;
   VMK_ReturnStatus st;

   (void)state;
   get_all(bufs, n);
   p.buf = bufs[n - 1];
   p.status = VMK_FAILURE;
   memset(&props, 0, sizeof props);
   props.name = "putter";
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.startFunction = putter_main;
   props.data = &p;
   props.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   assert_vmk_ok(vmk_WorldCreate(&props, &id));

   got = pktpool_get(10000);                /* sleeps until the put */
   assert_non_null(got);
   assert_ptr_equal(got, p.buf);            /* the very buffer put back */
   st = vmk_WorldWaitForDeath(id);
   assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   assert_vmk_ok(p.status);
   bufs[n - 1] = got;
   put_all(bufs, n);
}

static void
test_double_put_is_reported_as_double_free(void **state)
{
   void *buf = pktpool_get(0);

   (void)state;
   assert_non_null(buf);
   assert_vmk_ok(pktpool_put(buf));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   (void)pktpool_put(buf);
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

static void
test_put_of_null_is_refused(void **state)
{
   (void)state;
   assert_vmk_status(pktpool_put(NULL), VMK_BAD_PARAM);
}

static void
test_scenario_passes(void **state)
{
   (void)state;
   assert_int_equal(vmkemu_scenario(), 0);
}

/* Runs without the load/unload fixture: it calls init_module itself. */
static void
test_init_unwinds_completely_at_every_allocation_failure(void **state)
{
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   VMK_ReturnStatus status;
   vmk_uint64 n;

   (void)state;
   pktpool_max = 8;
   for (n = 1; n < 1000; n++) {
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      status = init_module();
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
      if (status == VMK_OK) {
         break;                             /* n passed the last allocation */
      }
      assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
      assert_null(pktpool_get(0));          /* not half alive either */
   }
   assert_true(n > 1);                      /* init did allocate */
   assert_true(n < 1000);
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
}

/* One load and unload, as the walker runs it again and again. */
static VMK_ReturnStatus
load_and_unload(void *arg)
{
   VMK_ReturnStatus status = init_module();

   (void)arg;
   if (status == VMK_OK) {
      cleanup_module();
   }
   return status;
}

/*
 * The same question asked per call site instead of per count: the walker
 * fails each allocation site of init once (and of cleanup, were there
 * any), and checks that nothing is left and no report is raised.
 */
static void
test_walker_fails_every_allocation_site_and_finds_no_bad_one(void **state)
{
   EmuCtl_WalkResult result;
   EmuCtl_WalkSite sites[32];
   vmk_uint32 i;

   (void)state;
   pktpool_max = 8;
   assert_vmk_ok(EmuCtl_WalkFailures(load_and_unload, NULL, NULL, sites, 32,
                                     &result));
   assert_true(result.complete);
   assert_true(result.sites >= 2);          /* the heap and the slab, at least */
   assert_int_equal(result.badSites, 0);
   for (i = 0; i < result.sites && i < 32; i++) {
      assert_int_not_equal(sites[i].status, VMK_OK);
   }
}

static void
test_init_rejects_a_zero_pool_size(void **state)
{
   (void)state;
   pktpool_max = 0;
   assert_vmk_status(init_module(), VMK_BAD_PARAM);
   pktpool_max = 8;
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
         test_constructor_runs_once_per_buffer_not_per_get, load, unload),
      cmocka_unit_test_setup_teardown(
         test_destructor_runs_once_per_constructed_buffer_at_unload, load,
         unload),
      cmocka_unit_test_setup_teardown(
         test_get_beyond_max_obj_fails_at_once_without_a_timeout, load,
         unload),
      cmocka_unit_test_setup_teardown(
         test_get_with_timeout_gives_up_when_nobody_puts, load, unload),
      cmocka_unit_test_setup_teardown(
         test_get_with_timeout_succeeds_when_another_world_puts_one_back,
         load, unload),
      cmocka_unit_test_setup_teardown(
         test_double_put_is_reported_as_double_free, load, unload),
      cmocka_unit_test_setup_teardown(test_put_of_null_is_refused, load,
                                      unload),
      cmocka_unit_test_setup_teardown(test_scenario_passes, load, unload),
      cmocka_unit_test(test_init_unwinds_completely_at_every_allocation_failure),
      cmocka_unit_test(test_walker_fails_every_allocation_site_and_finds_no_bad_one),
      cmocka_unit_test(test_init_rejects_a_zero_pool_size),
   };

   return cmocka_run_group_tests_name("pktpool", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
