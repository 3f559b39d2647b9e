/*
 * test_world.c -- worlds: creation, exit, death, wait/wakeup, sleep,
 * settings, simulated worlds, PCPUs and the blocking assertions.
 */
#define VMX86_DEBUG 1
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static vmk_Lock
make_lock(const char *name)
{
   vmk_SpinlockCreateProps props;
   vmk_Lock lock;

   memset(&props, 0, sizeof props);
   strncpy(props.name.string, name, sizeof props.name.string - 1);
   props.type = VMK_SPINLOCK;
   props.domain = VMK_LOCKDOMAIN_INVALID;
   props.rank = VMK_SPINLOCK_UNRANKED;
   assert_vmk_ok(vmk_SpinlockCreate(&props, &lock));
   return lock;
}

static VMK_ReturnStatus
start_world(vmk_WorldStartFunc fn, void *data, vmk_WorldID *id)
{
   vmk_WorldProps props;

   memset(&props, 0, sizeof props);
   props.name = "test-world";
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.startFunction = fn;
   props.data = data;
   props.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   return vmk_WorldCreate(&props, id);
}

/* The world may already be gone when we ask: both answers mean "dead". */
static void
wait_death(vmk_WorldID id)
{
   VMK_ReturnStatus st = vmk_WorldWaitForDeath(id);

   assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   assert_vmk_status(vmk_WorldWaitForDeath(id), VMK_INVALID_WORLD);
}

/* -- identity ------------------------------------------------------------ */

static void
test_main_thread_is_a_world_with_an_id(void **state)
{
   (void)state;
   assert_int_not_equal(vmk_WorldGetID(), VMK_INVALID_WORLD_ID);
   assert_int_equal(vmk_WorldGetID(), vmk_WorldGetID());
   assert_int_equal(vmk_WorldGetCartelID(), VMK_INVALID_WORLD_ID);
   assert_true(vmk_WorldsMax() >= 1024);
}

struct id_box {
   vmk_WorldID seen;
   vmk_uint32 cpu_min;
   vmk_uint32 cpu_max;
};

static VMK_ReturnStatus
record_id(void *data)
{
   struct id_box *box = data;

   box->seen = vmk_WorldGetID();
   return VMK_OK;
}

static void
test_created_world_runs_with_its_own_id_and_dies(void **state)
{
   struct id_box box = { 0, 0, 0 };
   vmk_WorldID id = VMK_INVALID_WORLD_ID;

   (void)state;
   assert_vmk_ok(start_world(record_id, &box, &id));
   assert_int_not_equal(id, VMK_INVALID_WORLD_ID);
   wait_death(id);
   assert_int_equal(box.seen, id);
   assert_int_not_equal(id, vmk_WorldGetID());
}

static VMK_ReturnStatus
exit_early(void *data)
{
   int *reached = data;

   vmk_WorldExit(VMK_OK);
   *reached = 1;                     /* never runs */
   return VMK_FAILURE;
}

static void
test_world_exit_ends_the_world_at_once(void **state)
{
   int reached = 0;
   vmk_WorldID id;

   (void)state;
   assert_vmk_ok(start_world(exit_early, &reached, &id));
   wait_death(id);
   assert_int_equal(reached, 0);
}

static void
test_world_create_rejects_missing_start_function(void **state)
{
   vmk_WorldProps props;
   vmk_WorldID id;

   (void)state;
   memset(&props, 0, sizeof props);
   assert_vmk_status(vmk_WorldCreate(&props, &id), VMK_BAD_PARAM);
   assert_vmk_status(vmk_WorldCreate(NULL, &id), VMK_BAD_PARAM);
}

static void
test_world_create_fails_with_no_memory_when_injected(void **state)
{
   struct id_box box = { 0, 0, 0 };
   vmk_WorldID id;

   (void)state;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_WORLD, 1);
   assert_vmk_status(start_world(record_id, &box, &id), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_WORLD, 0);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_WORLD), 0);
}

static void
test_world_exit_outside_a_created_world_is_reported(void **state)
{
   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   vmk_WorldExit(VMK_OK);
   assert_reports_met();
}

/* -- wait / wakeup ------------------------------------------------------- */

struct waiter {
   vmk_Lock lock;
   int ready;                       /* under lock */
   int done;                        /* under lock */
   VMK_ReturnStatus status;
   vmk_uint32 timeout_ms;
};

static VMK_ReturnStatus
wait_for_event(void *data)
{
   struct waiter *w = data;
   VMK_ReturnStatus st;

   vmk_SpinlockLock(w->lock);
   w->ready = 1;
   /* Drops the lock atomically with going to sleep. */
   st = vmk_WorldWait((vmk_WorldEventID)w, w->lock, w->timeout_ms, "test");
   vmk_SpinlockLock(w->lock);
   w->status = st;
   w->done = 1;
   vmk_SpinlockUnlock(w->lock);
   return VMK_OK;
}

static int
waiter_ready(struct waiter *w)
{
   int r;

   vmk_SpinlockLock(w->lock);
   r = w->ready;
   vmk_SpinlockUnlock(w->lock);
   return r;
}

static void
test_wakeup_after_lock_drop_is_never_lost(void **state)
{
   struct waiter w;
   vmk_WorldID id;
   int i;

   (void)state;
   for (i = 0; i < 50; i++) {
      memset(&w, 0, sizeof w);
      w.lock = make_lock("wait");
      w.timeout_ms = VMK_TIMEOUT_UNLIMITED_MS;
      assert_vmk_ok(start_world(wait_for_event, &w, &id));
      while (!waiter_ready(&w)) {
         vmk_WorldYield();
      }
      /* The waiter held the lock until it was queued: this finds it. */
      vmk_SpinlockLock(w.lock);
      vmk_SpinlockUnlock(w.lock);
      while (vmk_WorldWakeup((vmk_WorldEventID)&w) != VMK_OK) {
         vmk_WorldYield();
      }
      wait_death(id);
      assert_int_equal(w.status, VMK_OK);
      vmk_SpinlockDestroy(w.lock);
   }
}

static void
test_wakeup_with_no_waiter_is_not_found(void **state)
{
   (void)state;
   assert_vmk_status(vmk_WorldWakeup((vmk_WorldEventID)0x1234),
                     VMK_NOT_FOUND);
}

static void
test_wait_times_out(void **state)
{
   vmk_Lock lock = make_lock("timeout");
   uint64_t t0 = vmk_GetTimerCycles();

   (void)state;
   vmk_SpinlockLock(lock);
   assert_vmk_status(vmk_WorldWait((vmk_WorldEventID)&lock, lock, 5, "t"),
                     VMK_TIMEOUT);
   assert_true(vmk_TimerTCToMS(vmk_GetTimerCycles() - t0) >= 5);
   /* The lock was released by the wait. */
   vmk_SpinlockLock(lock);
   vmk_SpinlockUnlock(lock);
   vmk_SpinlockDestroy(lock);
}

static void
test_wait_rejects_nonblocking_timeout_and_keeps_the_lock(void **state)
{
   vmk_Lock lock = make_lock("bad");

   (void)state;
   vmk_SpinlockLock(lock);
   assert_vmk_status(vmk_WorldWait(1, lock, VMK_TIMEOUT_NONBLOCKING, "x"),
                     VMK_BAD_PARAM);
   vmk_SpinlockAssertHeldByWorld(lock);
   vmk_SpinlockUnlock(lock);
   vmk_SpinlockDestroy(lock);
}

static void
test_force_wakeup_interrupts_a_wait(void **state)
{
   struct waiter w;
   vmk_WorldID id;

   (void)state;
   memset(&w, 0, sizeof w);
   w.lock = make_lock("force");
   w.timeout_ms = VMK_TIMEOUT_UNLIMITED_MS;
   assert_vmk_ok(start_world(wait_for_event, &w, &id));
   while (!waiter_ready(&w)) {
      vmk_WorldYield();
   }
   for (;;) {
      VMK_ReturnStatus st = vmk_WorldForceWakeup(id);
      int done;

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
      vmk_SpinlockLock(w.lock);
      done = w.done;
      vmk_SpinlockUnlock(w.lock);
      if (done) {
         break;
      }
      vmk_WorldSleep(100);
   }
   wait_death(id);
   assert_int_equal(w.status, VMK_WAIT_INTERRUPTED);
   vmk_SpinlockDestroy(w.lock);
}

static void
test_destroy_makes_the_world_see_death_pending(void **state)
{
   struct waiter w;
   vmk_WorldID id;

   (void)state;
   memset(&w, 0, sizeof w);
   w.lock = make_lock("death");
   w.timeout_ms = VMK_TIMEOUT_UNLIMITED_MS;
   assert_vmk_ok(start_world(wait_for_event, &w, &id));
   while (!waiter_ready(&w)) {
      vmk_WorldYield();
   }
   assert_vmk_ok(vmk_WorldDestroy(id));
   wait_death(id);
   assert_int_equal(w.status, VMK_DEATH_PENDING);
   assert_vmk_status(vmk_WorldDestroy(id), VMK_INVALID_WORLD);
   vmk_SpinlockDestroy(w.lock);
}

static void
test_sleep_waits_at_least_the_delay(void **state)
{
   uint64_t t0 = vmk_GetTimerCycles();

   (void)state;
   assert_vmk_ok(vmk_WorldSleep(2000));
   assert_true(vmk_TimerTCToUS(vmk_GetTimerCycles() - t0) >= 2000);
   assert_vmk_ok(vmk_WorldYield());
}

/* -- settings ------------------------------------------------------------ */

static void
test_cpu_min_max_round_trip_and_validate(void **state)
{
   vmk_uint32 mn;
   vmk_uint32 mx;

   (void)state;
   assert_vmk_ok(vmk_WorldSetCPUMinMax(10, 50));
   assert_vmk_ok(vmk_WorldGetCPUMinMax(&mn, &mx));
   assert_int_equal(mn, 10);
   assert_int_equal(mx, 50);
   assert_vmk_status(vmk_WorldSetCPUMinMax(60, 50), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_WorldSetCPUMinMax(0, VMK_CPU_ALLOC_UNLIMITED));
   assert_vmk_status(vmk_WorldGetCPUMinMax(NULL, &mx), VMK_BAD_PARAM);
}

static void
test_interrupts_and_relations_are_tracked(void **state)
{
   vmk_WorldID me = vmk_WorldGetID();
   vmk_WorldID sim;

   (void)state;
   assert_vmk_ok(vmk_WorldInterruptSet(me, 7));
   assert_vmk_status(vmk_WorldInterruptSet(me, 7), VMK_EXISTS);
   assert_vmk_ok(vmk_WorldInterruptUnset(me, 7));
   assert_vmk_status(vmk_WorldInterruptUnset(me, 7), VMK_NOT_FOUND);
   assert_vmk_status(vmk_WorldInterruptSet(0x7fff0000, 1),
                     VMK_INVALID_WORLD);

   assert_vmk_ok(EmuCtl_WorldCreateSimulated("related", &sim));
   assert_vmk_ok(vmk_WorldRelationAdd(me, sim));
   assert_vmk_status(vmk_WorldRelationAdd(me, sim), VMK_EXISTS);
   assert_vmk_ok(vmk_WorldRelationRemove(me, sim));
   assert_vmk_status(vmk_WorldRelationRemove(me, sim), VMK_NOT_FOUND);
   assert_vmk_status(vmk_WorldRelationAdd(me, me), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
}

static void
test_blocking_while_holding_a_spinlock_is_reported(void **state)
{
   vmk_Lock lock = make_lock("held");

   (void)state;
   vmk_WorldAssertIsSafeToBlock();            /* nothing held: quiet */
   vmk_SpinlockLock(lock);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   vmk_WorldAssertIsSafeToBlock();
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   vmk_WorldYield();
   assert_reports_met();
   vmk_SpinlockUnlock(lock);
   vmk_SpinlockDestroy(lock);
}

static void
test_waiting_with_another_spinlock_held_is_reported(void **state)
{
   vmk_Lock outer = make_lock("outer");
   vmk_Lock inner = make_lock("inner");

   (void)state;
   vmk_SpinlockLock(outer);
   vmk_SpinlockLock(inner);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   assert_vmk_status(vmk_WorldWait(1, inner, 1, "x"), VMK_TIMEOUT);
   assert_reports_met();
   vmk_SpinlockUnlock(outer);
   vmk_SpinlockDestroy(outer);
   vmk_SpinlockDestroy(inner);
}

static void
test_interrupts_disabled_forbid_blocking(void **state)
{
   (void)state;
   assert_true(vmk_CPUHasIntsEnabled());
   vmk_CPUDisableInterrupts();
   assert_false(vmk_CPUHasIntsEnabled());
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   vmk_WorldAssertIsSafeToBlockInt();
   assert_reports_met();
   vmk_CPUEnableInterrupts();
   assert_true(vmk_CPUHasIntsEnabled());
   vmk_WorldAssertIsSafeToBlockInt();
   assert_vmk_ok(vmk_CPUGlobalCacheFlush());
}

/* -- simulated worlds ------------------------------------------------------ */

static void
test_simulated_world_acts_in_the_calling_thread(void **state)
{
   vmk_WorldID me = vmk_WorldGetID();
   vmk_WorldID sim;

   (void)state;
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("sim", &sim));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_WORLD), 1);
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   assert_int_equal(vmk_WorldGetID(), sim);
   assert_vmk_status(EmuCtl_WorldEnter(sim), VMK_BUSY);
   assert_vmk_status(EmuCtl_WorldKill(sim), VMK_BUSY);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_int_equal(vmk_WorldGetID(), me);
   assert_vmk_status(EmuCtl_WorldLeave(), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   assert_vmk_status(EmuCtl_WorldEnter(sim), VMK_INVALID_WORLD);
   assert_vmk_status(EmuCtl_WorldKill(sim), VMK_INVALID_WORLD);
   assert_vmk_status(EmuCtl_WorldKill(me), VMK_BAD_PARAM);
}

static void
test_simulated_worlds_nest(void **state)
{
   vmk_WorldID me = vmk_WorldGetID();
   vmk_WorldID a;
   vmk_WorldID b;

   (void)state;
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("a", &a));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("b", &b));
   assert_vmk_ok(EmuCtl_WorldEnter(a));
   assert_vmk_ok(EmuCtl_WorldEnter(b));
   assert_int_equal(vmk_WorldGetID(), b);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_int_equal(vmk_WorldGetID(), a);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_int_equal(vmk_WorldGetID(), me);
   assert_vmk_ok(EmuCtl_WorldKill(a));
   assert_vmk_ok(EmuCtl_WorldKill(b));
}

static void
test_thousands_of_simulated_worlds_are_cheap_and_unique(void **state)
{
   enum { N = 5000 };
   static vmk_WorldID ids[N];
   vmk_uint32 base = EmuCtl_WorldCount();
   int i;

   (void)state;
   for (i = 0; i < N; i++) {
      assert_vmk_ok(EmuCtl_WorldCreateSimulated("many", &ids[i]));
      if (i > 0) {
         assert_int_not_equal(ids[i], ids[i - 1]);
      }
   }
   assert_int_equal(EmuCtl_WorldCount(), base + N);
   for (i = 0; i < N; i++) {
      assert_vmk_ok(EmuCtl_WorldEnter(ids[i]));
      assert_int_equal(vmk_WorldGetID(), ids[i]);
      assert_vmk_ok(EmuCtl_WorldLeave());
   }
   for (i = 0; i < N; i++) {
      assert_vmk_ok(EmuCtl_WorldKill(ids[i]));
   }
   assert_int_equal(EmuCtl_WorldCount(), base);
}

static void
test_leaving_a_simulated_world_holding_a_lock_is_reported(void **state)
{
   vmk_Lock lock = make_lock("sim-held");
   vmk_WorldID sim;

   (void)state;
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("holder", &sim));
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   vmk_SpinlockLock(lock);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_reports_met();
   /* The main world does not hold it; the simulated one still does. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SpinlockUnlock(lock);
   assert_reports_met();
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   vmk_SpinlockUnlock(lock);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   vmk_SpinlockDestroy(lock);
}

/* -- PCPUs --------------------------------------------------------------- */

static void
test_each_world_runs_on_one_simulated_pcpu(void **state)
{
   vmk_uint32 n = EmuCtl_NumPCPUs();
   vmk_uint32 mine;
   vmk_uint32 seen = 0;
   vmk_WorldID sim;
   int i;

   (void)state;
   assert_true(n >= 1);
   assert_vmk_ok(EmuCtl_WorldGetPCPU(VMK_INVALID_WORLD_ID, &mine));
   VMK_WITH_PCPU_DO(pcpu) {
      assert_int_equal((vmk_uint32)(uintptr_t)pcpu, mine);
   } VMK_END_WITH_PCPU(pcpu);
   for (i = 0; i < (int)n * 2; i++) {
      vmk_uint32 p;

      assert_vmk_ok(EmuCtl_WorldCreateSimulated("pcpu", &sim));
      assert_vmk_ok(EmuCtl_WorldGetPCPU(sim, &p));
      assert_true(p < n);
      seen |= 1u << (p % 32);
      assert_vmk_ok(EmuCtl_WorldKill(sim));
   }
   assert_int_equal(__builtin_popcount(seen), n < 32 ? n : 32);
}

static void
test_blocking_inside_with_pcpu_is_reported(void **state)
{
   (void)state;
   VMK_WITH_PCPU_DO(pcpu) {
      (void)pcpu;
      EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
      vmk_WorldYield();
      assert_reports_met();
   } VMK_END_WITH_PCPU(pcpu);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_main_thread_is_a_world_with_an_id),
      cmocka_unit_test(test_created_world_runs_with_its_own_id_and_dies),
      cmocka_unit_test(test_world_exit_ends_the_world_at_once),
      cmocka_unit_test(test_world_create_rejects_missing_start_function),
      cmocka_unit_test(test_world_create_fails_with_no_memory_when_injected),
      cmocka_unit_test(test_world_exit_outside_a_created_world_is_reported),
      cmocka_unit_test(test_wakeup_after_lock_drop_is_never_lost),
      cmocka_unit_test(test_wakeup_with_no_waiter_is_not_found),
      cmocka_unit_test(test_wait_times_out),
      cmocka_unit_test(test_wait_rejects_nonblocking_timeout_and_keeps_the_lock),
      cmocka_unit_test(test_force_wakeup_interrupts_a_wait),
      cmocka_unit_test(test_destroy_makes_the_world_see_death_pending),
      cmocka_unit_test(test_sleep_waits_at_least_the_delay),
      cmocka_unit_test(test_cpu_min_max_round_trip_and_validate),
      cmocka_unit_test(test_interrupts_and_relations_are_tracked),
      cmocka_unit_test(test_blocking_while_holding_a_spinlock_is_reported),
      cmocka_unit_test(test_waiting_with_another_spinlock_held_is_reported),
      cmocka_unit_test(test_interrupts_disabled_forbid_blocking),
      cmocka_unit_test(test_simulated_world_acts_in_the_calling_thread),
      cmocka_unit_test(test_simulated_worlds_nest),
      cmocka_unit_test(test_thousands_of_simulated_worlds_are_cheap_and_unique),
      cmocka_unit_test(test_leaving_a_simulated_world_holding_a_lock_is_reported),
      cmocka_unit_test(test_each_world_runs_on_one_simulated_pcpu),
      cmocka_unit_test(test_blocking_inside_with_pcpu_is_reported),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
