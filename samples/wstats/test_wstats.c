/*
 * test_wstats.c -- testing per-world state off-host, deterministically.
 *
 * What this shows a driver author, each hard to check on a real host:
 *  - simulated worlds (EmuCtl_WorldCreateSimulated / WorldEnter /
 *    WorldLeave) let one test thread act as many worlds in an exact order,
 *    so each world's count and the sum are known exactly, with no races;
 *  - killing a world (EmuCtl_WorldKill) runs its world-storage destructor,
 *    and the driver keeps that world's events;
 *  - real worker worlds woken with vmk_WorldWakeup process every job;
 *  - every allocation failure inside init_module is unwound completely,
 *    including worker worlds already started;
 *  - nothing is left behind at unload (the fixtures are leak checks).
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
VMK_ReturnStatus wstats_event(void);
VMK_ReturnStatus wstats_world_events(vmk_WorldID world, vmk_uint64 *events);
VMK_ReturnStatus wstats_report(vmk_uint64 *liveSum, vmk_uint64 *retired,
                               vmk_uint32 *worlds);
VMK_ReturnStatus wstats_post(vmk_uint32 n);
VMK_ReturnStatus wstats_wait_idle(vmk_uint32 timeoutMS);
vmk_uint64 wstats_ctor_count(void);
vmk_uint64 wstats_dtor_count(void);
vmk_uint32 wstats_num_workers(void);

extern int wstats_workers;

#define NSIM 5

/* Load with no workers: only simulated worlds count, all deterministic. */
static int
load_no_workers(void **state)
{
   (void)state;
   wstats_workers = 0;
   return init_module() == VMK_OK ? 0 : -1;
}

static int
load_two_workers(void **state)
{
   (void)state;
   wstats_workers = 2;
   return init_module() == VMK_OK ? 0 : -1;
}

static int
unload(void **state)
{
   (void)state;
   cleanup_module();
   return EmuCtl_LiveResources(EMUCTL_RSRC_ANY) == 0 ? 0 : -1;
}

/* World i bumps its own counter i + 1 times, one world after another. */
static void
make_and_run_worlds(vmk_WorldID *ids, int n)
{
   int i;
   int k;

   for (i = 0; i < n; i++) {
      assert_vmk_ok(EmuCtl_WorldCreateSimulated("wstats-sim", &ids[i]));
   }
   for (i = 0; i < n; i++) {
      assert_vmk_ok(EmuCtl_WorldEnter(ids[i]));
      for (k = 0; k <= i; k++) {
         assert_vmk_ok(wstats_event());
      }
      assert_vmk_ok(EmuCtl_WorldLeave());
   }
}

static void
kill_worlds(vmk_WorldID *ids, int n)
{
   int i;

   for (i = 0; i < n; i++) {
      if (ids[i] != VMK_INVALID_WORLD_ID) {
         assert_vmk_ok(EmuCtl_WorldKill(ids[i]));
      }
   }
}

static void
test_storage_constructor_runs_for_each_new_world(void **state)
{
   vmk_uint64 before = wstats_ctor_count();
   vmk_WorldID ids[NSIM];
   vmk_uint64 n;
   int i;

   (void)state;
   assert_true(before >= 1);                /* every live world at create */
   for (i = 0; i < NSIM; i++) {
      assert_vmk_ok(EmuCtl_WorldCreateSimulated("wstats-sim", &ids[i]));
      assert_int_equal(wstats_ctor_count(), before + i + 1);
      assert_vmk_ok(wstats_world_events(ids[i], &n));
      assert_int_equal(n, 0);               /* the constructor zeroed it */
   }
   kill_worlds(ids, NSIM);
}

static void
test_each_world_counts_only_its_own_events(void **state)
{
   vmk_WorldID ids[NSIM];
   vmk_uint64 n;
   int i;

   (void)state;
   make_and_run_worlds(ids, NSIM);
   for (i = 0; i < NSIM; i++) {
      assert_vmk_ok(wstats_world_events(ids[i], &n));
      assert_int_equal(n, (vmk_uint64)i + 1);
   }
   assert_vmk_ok(wstats_world_events(vmk_WorldGetID(), &n));
   assert_int_equal(n, 0);                  /* the test's world did nothing */
   kill_worlds(ids, NSIM);
}

static void
test_report_sum_over_worlds_is_exact(void **state)
{
   vmk_WorldID ids[NSIM];
   vmk_uint64 sum;
   vmk_uint64 retired;
   vmk_uint32 worlds;

   (void)state;
   make_and_run_worlds(ids, NSIM);          /* 1 + 2 + 3 + 4 + 5 */
   assert_vmk_ok(wstats_report(&sum, &retired, &worlds));
   assert_int_equal(sum, 15);
   assert_int_equal(retired, 0);
   assert_int_equal(worlds, NSIM);
   kill_worlds(ids, NSIM);
}

static void
test_killing_a_world_runs_its_destructor_and_keeps_its_events(void **state)
{
   vmk_WorldID ids[NSIM];
   vmk_uint64 dtors = wstats_dtor_count();
   vmk_uint64 sum;
   vmk_uint64 retired;
   vmk_uint32 worlds;
   vmk_uint64 n;

   (void)state;
   make_and_run_worlds(ids, NSIM);
   assert_vmk_ok(EmuCtl_WorldKill(ids[3]));  /* it had counted 4 */
   assert_int_equal(wstats_dtor_count(), dtors + 1);
   assert_vmk_status(wstats_world_events(ids[3], &n), VMK_NOT_FOUND);
   ids[3] = VMK_INVALID_WORLD_ID;
   assert_vmk_ok(wstats_report(&sum, &retired, &worlds));
   assert_int_equal(sum, 11);
   assert_int_equal(retired, 4);
   assert_int_equal(worlds, NSIM - 1);
   kill_worlds(ids, NSIM);
   assert_int_equal(wstats_dtor_count(), dtors + NSIM);
   assert_vmk_ok(wstats_report(&sum, &retired, &worlds));
   assert_int_equal(sum, 0);
   assert_int_equal(retired, 15);
   assert_int_equal(worlds, 0);
}

static void
test_workers_process_every_posted_job(void **state)
{
   vmk_uint64 sum;
   vmk_uint64 retired;
   vmk_uint32 worlds;

   (void)state;
   assert_int_equal(wstats_num_workers(), 2);
   assert_vmk_ok(wstats_post(500));
   assert_vmk_ok(wstats_wait_idle(10000));
   assert_vmk_ok(wstats_report(&sum, &retired, &worlds));
   assert_int_equal(sum + retired, 500);
   assert_true(worlds >= 1 && worlds <= 2);  /* only workers counted */
   assert_vmk_ok(wstats_post(1));
   assert_vmk_ok(wstats_wait_idle(10000));
   assert_vmk_ok(wstats_report(&sum, &retired, NULL));
   assert_int_equal(sum + retired, 501);
}

static void
test_scenario_passes_with_workers(void **state)
{
   (void)state;
   assert_int_equal(vmkemu_scenario(), 0);
}

static void
test_scenario_passes_without_workers(void **state)
{
   (void)state;
   assert_int_equal(vmkemu_scenario(), 0);
}

static void
test_post_without_workers_is_refused(void **state)
{
   (void)state;
   assert_vmk_status(wstats_post(1), VMK_NOT_SUPPORTED);
}

/* Runs without a fixture: it calls init_module itself. */
static void
test_init_unwinds_completely_at_every_allocation_failure(void **state)
{
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   vmk_uint32 worldsBefore = EmuCtl_WorldCount();
   VMK_ReturnStatus status;
   vmk_uint64 n;

   (void)state;
   wstats_workers = 3;
   for (n = 1; n < 1000; n++) {
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      status = init_module();
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
      if (status == VMK_OK) {
         break;                             /* n passed the last allocation */
      }
      assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
      assert_int_equal(EmuCtl_WorldCount(), worldsBefore);
      assert_vmk_status(wstats_event(), VMK_NOT_INITIALIZED);
   }
   assert_true(n > 4);                      /* log, lock, storage, worlds */
   assert_true(n < 1000);
   assert_int_equal(wstats_num_workers(), 3);
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
}

static void
test_init_rejects_too_many_workers(void **state)
{
   (void)state;
   wstats_workers = 9;
   assert_vmk_status(init_module(), VMK_BAD_PARAM);
   wstats_workers = 2;
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
         test_storage_constructor_runs_for_each_new_world, load_no_workers,
         unload),
      cmocka_unit_test_setup_teardown(
         test_each_world_counts_only_its_own_events, load_no_workers,
         unload),
      cmocka_unit_test_setup_teardown(test_report_sum_over_worlds_is_exact,
                                      load_no_workers, unload),
      cmocka_unit_test_setup_teardown(
         test_killing_a_world_runs_its_destructor_and_keeps_its_events,
         load_no_workers, unload),
      cmocka_unit_test_setup_teardown(test_workers_process_every_posted_job,
                                      load_two_workers, unload),
      cmocka_unit_test_setup_teardown(test_scenario_passes_with_workers,
                                      load_two_workers, unload),
      cmocka_unit_test_setup_teardown(test_scenario_passes_without_workers,
                                      load_no_workers, unload),
      cmocka_unit_test_setup_teardown(test_post_without_workers_is_refused,
                                      load_no_workers, unload),
      cmocka_unit_test(test_init_unwinds_completely_at_every_allocation_failure),
      cmocka_unit_test(test_init_rejects_too_many_workers),
   };

   return cmocka_run_group_tests_name("wstats", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
