/*
 * test_time.c -- the clock, conversions, timers and timer queues (real and
 * manual clock), and helper queues.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static int
manual_setup(void **state)
{
   (void)state;
   EmuCtl_ClockSetManual(VMK_TRUE);
   return 0;
}

static int
manual_teardown(void **state)
{
   (void)state;
   EmuCtl_ClockSetManual(VMK_FALSE);
   return 0;
}

static void
test_conversions_are_exact(void **state)
{
   (void)state;
   assert_int_equal(vmk_TimerCyclesPerSecond(), 1000000000ull);
   assert_int_equal(vmk_TimerTCToMS(vmk_TimerMSToTC(1234)), 1234);
   assert_int_equal(vmk_TimerTCToUS(vmk_TimerUSToTC(-77)), -77);
   assert_int_equal(vmk_TimerTCToNS(vmk_TimerNSToTC(5)), 5);
   assert_int_equal(vmk_TimerUnsignedTCToMS(vmk_TimerUnsignedMSToTC(9)), 9);
   assert_int_equal(vmk_TimerUnsignedTCToUS(vmk_TimerUnsignedUSToTC(9)), 9);
   assert_int_equal(vmk_TimerUnsignedTCToNS(vmk_TimerUnsignedNSToTC(9)), 9);
   assert_int_equal(vmk_TimerUSToTC(1), 1000);
}

static void
test_uptime_and_time_of_day_move_forward(void **state)
{
   vmk_TimeVal a;
   vmk_TimeVal b;
   vmk_TimeVal tod;
   vmk_TimerCycles c0 = vmk_GetTimerCycles();

   (void)state;
   vmk_GetUptime(&a);
   vmk_DelayUsecs(1000);
   vmk_GetUptime(&b);
   assert_true(vmk_GetTimerCycles() - c0 >= vmk_TimerUnsignedUSToTC(1000));
   assert_true(b.sec * 1000000 + b.usec >= a.sec * 1000000 + a.usec + 1000);
   vmk_GetTimeOfDay(&tod);
   assert_true(tod.sec > 1500000000);        /* after 2017 */
   assert_true(tod.usec >= 0 && tod.usec < 1000000);
}

static volatile int real_fired;

static void
real_cb(vmk_TimerCookie c)
{
   __atomic_store_n((int *)c.ptr, 1, __ATOMIC_RELEASE);
}

static void
test_timer_fires_from_the_timer_world(void **state)
{
   vmk_TimerCookie c;
   vmk_Timer t;
   int i;

   (void)state;
   real_fired = 0;
   c.ptr = (void *)&real_fired;
   assert_vmk_ok(vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, real_cb, c, 1000,
                                   VMK_TIMER_DEFAULT_TOLERANCE,
                                   VMK_TIMER_ATTR_NONE,
                                   VMK_LOCKDOMAIN_INVALID,
                                   VMK_SPINLOCK_UNRANKED, &t));
   for (i = 0; i < 2000 && !__atomic_load_n(&real_fired, __ATOMIC_ACQUIRE);
        i++) {
      vmk_WorldSleep(1000);
   }
   assert_int_equal(real_fired, 1);
   assert_false(vmk_TimerIsPending(t));
   assert_vmk_status(vmk_TimerCancel(t, VMK_TRUE), VMK_NOT_FOUND);
}

/* -- manual clock -------------------------------------------------------- */

static char order[16];
static int norder;

static void
record_cb(vmk_TimerCookie c)
{
   if (norder < (int)sizeof order - 1) {
      order[norder++] = (char)c.addr;
   }
}

static vmk_Timer
sched(vmk_TimerQueue q, vmk_int64 us, char tag, vmk_TimerAttributes attr)
{
   vmk_TimerCookie c;
   vmk_Timer t;

   c.addr = (vmk_VA)tag;
   assert_vmk_ok(vmk_TimerSchedule(q, record_cb, c, us,
                                   VMK_TIMER_DEFAULT_TOLERANCE, attr,
                                   VMK_LOCKDOMAIN_INVALID,
                                   VMK_SPINLOCK_UNRANKED, &t));
   return t;
}

static void
test_manual_clock_fires_due_timers_in_order(void **state)
{
   vmk_uint64 fired;
   vmk_uint64 t0 = EmuCtl_ClockNow();
   vmk_Timer c;

   (void)state;
   memset(order, 0, sizeof order);
   norder = 0;
   sched(VMK_INVALID_TIMER_QUEUE, 300, 'c', 0);
   sched(VMK_INVALID_TIMER_QUEUE, 100, 'a', 0);
   sched(VMK_INVALID_TIMER_QUEUE, 200, 'b', 0);
   c = sched(VMK_INVALID_TIMER_QUEUE, 200, 'B', 0);   /* same deadline */
   assert_int_equal(EmuCtl_TimersPending(), 4);
   assert_vmk_ok(EmuCtl_ClockAdvance(150000, &fired));
   assert_int_equal(fired, 1);
   assert_string_equal(order, "a");
   assert_true(vmk_TimerIsPending(c));
   assert_vmk_ok(EmuCtl_ClockAdvance(1000000, &fired));
   assert_int_equal(fired, 3);
   assert_string_equal(order, "abBc");
   assert_int_equal(EmuCtl_ClockNow() - t0, 1150000);
   assert_int_equal(EmuCtl_TimersPending(), 0);
}

static void
test_periodic_timer_fires_once_per_period_until_cancelled(void **state)
{
   vmk_uint64 fired;
   vmk_Timer p;

   (void)state;
   memset(order, 0, sizeof order);
   norder = 0;
   p = sched(VMK_INVALID_TIMER_QUEUE, 10, 'p', VMK_TIMER_ATTR_PERIODIC);
   assert_vmk_ok(EmuCtl_ClockAdvance(35000, &fired));
   assert_int_equal(fired, 3);
   assert_true(vmk_TimerIsPending(p));
   assert_vmk_ok(vmk_TimerCancel(p, VMK_FALSE));
   assert_false(vmk_TimerIsPending(p));
   assert_vmk_ok(EmuCtl_ClockAdvance(100000, &fired));
   assert_int_equal(fired, 0);
   assert_string_equal(order, "ppp");
}

static void
test_cancel_before_due_prevents_firing(void **state)
{
   vmk_uint64 fired;
   vmk_Timer t;

   (void)state;
   norder = 0;
   t = sched(VMK_INVALID_TIMER_QUEUE, 50, 'x', 0);
   assert_true(vmk_TimerIsPending(t));
   assert_vmk_ok(vmk_TimerCancel(t, VMK_TRUE));
   assert_vmk_status(vmk_TimerCancel(t, VMK_TRUE), VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_ClockAdvance(100000, &fired));
   assert_int_equal(fired, 0);
   assert_int_equal(norder, 0);
   assert_vmk_status(vmk_TimerCancel(VMK_INVALID_TIMER, VMK_FALSE),
                     VMK_BAD_PARAM);
}

static void
test_schedule_custom_rearms_a_pending_timer(void **state)
{
   vmk_TimerCookie c;
   vmk_Timer t = VMK_INVALID_TIMER;
   vmk_Bool was;
   vmk_uint64 fired;

   (void)state;
   norder = 0;
   c.addr = 'r';
   assert_vmk_ok(vmk_TimerScheduleCustom(VMK_INVALID_MODULE_ID,
                                         VMK_INVALID_TIMER_QUEUE, record_cb,
                                         c, 100, 0, 0,
                                         VMK_LOCKDOMAIN_INVALID,
                                         VMK_SPINLOCK_UNRANKED, &was, &t));
   assert_false(was);
   assert_vmk_ok(vmk_TimerScheduleCustom(VMK_INVALID_MODULE_ID,
                                         VMK_INVALID_TIMER_QUEUE, record_cb,
                                         c, 500, 0, 0,
                                         VMK_LOCKDOMAIN_INVALID,
                                         VMK_SPINLOCK_UNRANKED, &was, &t));
   assert_true(was);
   assert_int_equal(EmuCtl_TimersPending(), 1);
   assert_vmk_ok(EmuCtl_ClockAdvance(200000, &fired));
   assert_int_equal(fired, 0);
   assert_vmk_ok(EmuCtl_ClockAdvance(300000, &fired));
   assert_int_equal(fired, 1);
}

static void
test_timer_queue_with_pending_timers_is_busy(void **state)
{
   vmk_TimerQueueProps props;
   vmk_TimerQueue q;
   vmk_Timer t;
   vmk_uint64 fired;

   (void)state;
   memset(&props, 0, sizeof props);
   strcpy(props.name.string, "tq");
   assert_vmk_ok(vmk_TimerQueueCreate(&props, &q));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_TIMER), 1);
   t = sched(q, 10, 'q', 0);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_TIMER), 2);
   assert_vmk_status(vmk_TimerQueueDestroy(q), VMK_BUSY);
   assert_vmk_ok(EmuCtl_ClockAdvance(10000, &fired));
   assert_int_equal(fired, 1);
   assert_false(vmk_TimerIsPending(t));
   assert_vmk_ok(vmk_TimerQueueDestroy(q));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_TIMER), 0);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_TIMER, 1);
   assert_vmk_status(vmk_TimerQueueCreate(&props, &q), VMK_NO_MEMORY);
}

static vmk_Lock rank_lock;
static vmk_WorldID cb_world;

static void
rank_cb(vmk_TimerCookie c)
{
   (void)c;
   cb_world = vmk_WorldGetID();
   vmk_SpinlockLock(rank_lock);
   vmk_SpinlockUnlock(rank_lock);
}

static void
test_timer_callback_runs_with_its_rank_and_cannot_block(void **state)
{
   vmk_Name n;
   vmk_LockDomainID d;
   vmk_SpinlockCreateProps props;
   vmk_TimerCookie c;
   vmk_Timer t;
   vmk_uint64 fired;

   (void)state;
   memset(&n, 0, sizeof n);
   strcpy(n.string, "tdom");
   assert_vmk_ok(vmk_LockDomainCreate(0, NULL, &n, &d));
   memset(&props, 0, sizeof props);
   props.type = VMK_SPINLOCK;
   props.domain = d;
   props.rank = 3;
   assert_vmk_ok(vmk_SpinlockCreate(&props, &rank_lock));
   c.addr = 0;
   /* Callback rank 5: taking a rank-3 lock inside is a rank violation. */
   assert_vmk_ok(vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, rank_cb, c, 1,
                                   0, 0, d, 5, &t));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_RANK);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000, &fired));
   assert_reports_met();
   assert_int_not_equal(cb_world, vmk_WorldGetID());  /* the timer world */
   /* Rank 2: fine. */
   assert_vmk_ok(vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, rank_cb, c, 1,
                                   0, 0, d, 2, &t));
   assert_vmk_ok(EmuCtl_ClockAdvance(1000, &fired));
   assert_int_equal(fired, 1);
   vmk_SpinlockDestroy(rank_lock);
   vmk_LockDomainDestroy(d);
}

static void
block_cb(vmk_TimerCookie c)
{
   (void)c;
   vmk_WorldYield();               /* "may block": not from a timer */
}

static void
test_blocking_in_a_timer_callback_is_reported(void **state)
{
   vmk_TimerCookie c;
   vmk_Timer t;

   (void)state;
   c.addr = 0;
   assert_vmk_ok(vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, block_cb, c, 1,
                                   0, 0, VMK_LOCKDOMAIN_INVALID,
                                   VMK_SPINLOCK_UNRANKED, &t));
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000, NULL));
   assert_reports_met();
}

struct advancer {
   int waits;
};

static VMK_ReturnStatus
advance_world(void *data)
{
   (void)data;
   while (EmuCtl_ClockAdvance(1000000, NULL) == VMK_OK &&
          EmuCtl_ClockNow() < 1000000000000ull) {
      vmk_WorldSleep(0);
      if (__atomic_load_n(&((struct advancer *)data)->waits,
                          __ATOMIC_ACQUIRE)) {
         break;
      }
   }
   return VMK_OK;
}

static void
test_timed_wait_ends_when_the_manual_clock_passes_it(void **state)
{
   struct advancer a = { 0 };
   vmk_WorldProps props;
   vmk_WorldID id;
   vmk_uint64 t0 = EmuCtl_ClockNow();
   VMK_ReturnStatus st;

   (void)state;
   memset(&props, 0, sizeof props);
   props.name = "advancer";
   props.startFunction = advance_world;
   props.data = &a;
   assert_vmk_ok(vmk_WorldCreate(&props, &id));
   assert_vmk_status(vmk_WorldWait(0x77, VMK_LOCK_INVALID, 10, "manual"),
                     VMK_TIMEOUT);
   assert_true(EmuCtl_ClockNow() - t0 >= 10000000);
   __atomic_store_n(&a.waits, 1, __ATOMIC_RELEASE);
   st = vmk_WorldWaitForDeath(id);
   assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
}

static void
test_advance_needs_the_manual_clock(void **state)
{
   (void)state;
   EmuCtl_ClockSetManual(VMK_FALSE);
   assert_false(EmuCtl_ClockIsManual());
   assert_vmk_status(EmuCtl_ClockAdvance(1, NULL), VMK_BAD_PARAM);
   EmuCtl_ClockSetManual(VMK_TRUE);
   assert_true(EmuCtl_ClockIsManual());
}

/* -- helpers ------------------------------------------------------------- */

static int helper_runs;
static int helper_cancels;
static int helper_ctor_runs;

static void
helper_ctor(vmk_AddrCookie arg)
{
   (void)arg;
   __atomic_add_fetch(&helper_ctor_runs, 1, __ATOMIC_ACQ_REL);
}

static void
helper_req(vmk_AddrCookie arg)
{
   (void)arg;
   __atomic_add_fetch(&helper_runs, 1, __ATOMIC_ACQ_REL);
}

static void
helper_cancel(vmk_AddrCookie arg)
{
   (void)arg;
   helper_cancels++;
}

static vmk_Helper
make_helper(void)
{
   vmk_HelperProps props;
   vmk_Helper h;

   memset(&props, 0, sizeof props);
   strcpy(props.name.string, "helper");
   props.mutables.minWorlds = 2;
   props.mutables.maxWorlds = 4;
   props.constructor = helper_ctor;
   assert_vmk_ok(vmk_HelperCreate(&props, &h));
   return h;
}

static void
test_helper_runs_requests_and_delayed_ones_on_advance(void **state)
{
   vmk_Helper h;
   vmk_HelperRequestProps rp;
   vmk_AddrCookie arg;
   vmk_uint32 n;
   int i;

   (void)state;
   helper_runs = helper_cancels = 0;
   helper_ctor_runs = 0;
   h = make_helper();
   arg.addr = 0;
   for (i = 0; i < 10; i++) {
      assert_vmk_ok(vmk_HelperSubmitRequest(h, helper_req, arg,
                                            VMK_HELPER_DEFAULT_REQ_PROPS));
   }
   vmk_HelperRequestPropsInit(&rp);
   rp.tag.addr = 7;
   rp.cancelFunc = helper_cancel;
   assert_vmk_ok(vmk_HelperSubmitDelayedRequest(h, helper_req, arg, 100,
                                                &rp));
   assert_vmk_ok(vmk_HelperSubmitDelayedRequest(h, helper_req, arg, 100,
                                                &rp));
   rp.tag.addr = 8;
   assert_vmk_ok(vmk_HelperSubmitDelayedRequest(h, helper_req, arg, 100,
                                                &rp));
   while (__atomic_load_n(&helper_runs, __ATOMIC_ACQUIRE) < 10) {
      vmk_WorldSleep(0);
   }
   /* The last immediate request counts until its function has returned. */
   for (i = 0; i < 1000000 && vmk_HelperCurrentRequestCount(h) != 3; i++) {
      vmk_WorldSleep(0);
   }
   assert_int_equal(vmk_HelperCurrentRequestCount(h), 3);
   rp.tag.addr = 7;
   assert_vmk_ok(vmk_HelperCancelRequest(h, rp.tag, &n));
   assert_int_equal(n, 2);
   assert_int_equal(helper_cancels, 2);
   assert_vmk_status(vmk_HelperCancelRequest(h, rp.tag, &n), VMK_NOT_FOUND);
   /* The delay is in milliseconds: 99 ms are not enough. */
   assert_vmk_ok(EmuCtl_ClockAdvance(99 * 1000000ull, NULL));
   assert_int_equal(vmk_HelperCurrentRequestCount(h), 1);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000000ull, NULL));
   while (__atomic_load_n(&helper_runs, __ATOMIC_ACQUIRE) < 11) {
      vmk_WorldSleep(0);
   }
   while (vmk_HelperCurrentRequestCount(h) != 0) {
      vmk_WorldSleep(0);
   }
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), 1);
   assert_vmk_ok(vmk_HelperDestroy(h));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), 0);
   /*
    * Destroy waited for every world, and each ran the constructor: the two
    * of minWorlds, plus any the backlog of ten added (up to maxWorlds).
    */
   i = __atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE);
   assert_in_range(i, 2, 4);
}

/* ---- helper pool scaling ---------------------------------------------- */

static int gate_open;
static int gate_started;

/* A request that holds its world until the test opens the gate. */
static void
gate_req(vmk_AddrCookie arg)
{
   (void)arg;
   __atomic_add_fetch(&gate_started, 1, __ATOMIC_ACQ_REL);
   while (!__atomic_load_n(&gate_open, __ATOMIC_ACQUIRE)) {
      vmk_WorldYield();
   }
   __atomic_add_fetch(&helper_runs, 1, __ATOMIC_ACQ_REL);
}

/* Let other worlds run for a while (to show something does NOT happen). */
static void
let_others_run(void)
{
   int i;

   for (i = 0; i < 2000; i++) {
      vmk_WorldYield();
   }
}

/* Wait (yielding; a hang guard, not a timing check) until *p >= v. */
static void
wait_at_least(int *p, int v)
{
   time_t end = time(NULL) + 60;

   while (__atomic_load_n(p, __ATOMIC_ACQUIRE) < v && time(NULL) < end) {
      vmk_WorldYield();
   }
   assert_true(__atomic_load_n(p, __ATOMIC_ACQUIRE) >= v);
}

/* Wait until EmuCtl_WorldCount() is n (helper worlds start and die
 * asynchronously). */
static void
wait_world_count(vmk_uint32 n)
{
   time_t end = time(NULL) + 60;

   while (EmuCtl_WorldCount() != n && time(NULL) < end) {
      vmk_WorldYield();
   }
   assert_int_equal(EmuCtl_WorldCount(), n);
}

static vmk_Helper
make_scaling_helper(vmk_int32 min, vmk_int32 max, vmk_int32 idle_ms,
                    vmk_int32 block_ms)
{
   vmk_HelperProps props;
   vmk_Helper h;

   memset(&props, 0, sizeof props);
   strcpy(props.name.string, "scaling");
   props.mutables.minWorlds = min;
   props.mutables.maxWorlds = max;
   props.mutables.maxIdleTime = idle_ms;
   props.mutables.maxRequestBlockTime = block_ms;
   props.constructor = helper_ctor;
   assert_vmk_ok(vmk_HelperCreate(&props, &h));
   return h;
}

static void
test_helper_grows_to_max_when_requests_wait_and_retires_idle_worlds(
   void **state)
{
   vmk_AddrCookie arg;
   vmk_uint32 base;
   vmk_Helper h;
   int i;

   (void)state;
   helper_runs = helper_ctor_runs = 0;
   gate_open = gate_started = 0;
   arg.addr = 0;
   /* min 1, max 3; grow after 10 ms of waiting, retire after 50 ms idle. */
   h = make_scaling_helper(1, 3, 50, 10);
   wait_at_least(&helper_ctor_runs, 1);
   base = EmuCtl_WorldCount();            /* with one helper world */
   for (i = 0; i < 3; i++) {
      assert_vmk_ok(vmk_HelperSubmitRequest(h, gate_req, arg,
                                            VMK_HELPER_DEFAULT_REQ_PROPS));
   }
   wait_at_least(&gate_started, 1);
   /* The manual clock stands still: the other two have not waited 10 ms. */
   let_others_run();
   assert_int_equal(__atomic_load_n(&gate_started, __ATOMIC_ACQUIRE), 1);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 1);
   assert_int_equal(EmuCtl_WorldCount(), base);
   assert_vmk_ok(EmuCtl_ClockAdvance(9 * 1000000ull, NULL));
   let_others_run();
   assert_int_equal(__atomic_load_n(&gate_started, __ATOMIC_ACQUIRE), 1);
   /* 10 ms: a world is added for each waiting request. */
   assert_vmk_ok(EmuCtl_ClockAdvance(1000000ull, NULL));
   wait_at_least(&gate_started, 3);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 3);
   wait_world_count(base + 2);
   /* At maxWorlds a fourth request waits, however long. */
   assert_vmk_ok(vmk_HelperSubmitRequest(h, gate_req, arg,
                                         VMK_HELPER_DEFAULT_REQ_PROPS));
   assert_vmk_ok(EmuCtl_ClockAdvance(20 * 1000000ull, NULL));
   let_others_run();
   assert_int_equal(__atomic_load_n(&gate_started, __ATOMIC_ACQUIRE), 3);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 3);
   assert_int_equal(vmk_HelperCurrentRequestCount(h), 4);
   __atomic_store_n(&gate_open, 1, __ATOMIC_RELEASE);
   wait_at_least(&helper_runs, 4);
   while (vmk_HelperCurrentRequestCount(h) != 0) {
      vmk_WorldYield();
   }
   /* All three idle: not yet 50 ms. */
   assert_vmk_ok(EmuCtl_ClockAdvance(49 * 1000000ull, NULL));
   let_others_run();
   assert_int_equal(EmuCtl_WorldCount(), base + 2);
   /* 50 ms idle: the two above minWorlds retire, one stays for good. */
   assert_vmk_ok(EmuCtl_ClockAdvance(1000000ull, NULL));
   wait_world_count(base);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000 * 1000000ull, NULL));
   let_others_run();
   assert_int_equal(EmuCtl_WorldCount(), base);
   /* The one left still serves; nothing new was started for it. */
   assert_vmk_ok(vmk_HelperSubmitRequest(h, helper_req, arg,
                                         VMK_HELPER_DEFAULT_REQ_PROPS));
   wait_at_least(&helper_runs, 5);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 3);
   assert_vmk_ok(vmk_HelperDestroy(h));
   assert_int_equal(EmuCtl_TimersPending(), 0);
}

static void
test_helper_with_min_zero_starts_on_demand_and_shrinks_to_none(void **state)
{
   vmk_HelperMutableProps m;
   vmk_AddrCookie arg;
   vmk_uint32 base;
   vmk_Helper h;

   (void)state;
   helper_runs = helper_ctor_runs = 0;
   arg.addr = 0;
   base = EmuCtl_WorldCount();
   /* min 0: only the manager; default block time: a world at once. */
   h = make_scaling_helper(0, 2, 30, 0);
   assert_int_equal(EmuCtl_WorldCount(), base + 1);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 0);
   assert_vmk_ok(vmk_HelperSubmitRequest(h, helper_req, arg,
                                         VMK_HELPER_DEFAULT_REQ_PROPS));
   wait_at_least(&helper_runs, 1);
   assert_int_equal(__atomic_load_n(&helper_ctor_runs, __ATOMIC_ACQUIRE), 1);
   while (vmk_HelperCurrentRequestCount(h) != 0) {
      vmk_WorldYield();
   }
   assert_vmk_ok(EmuCtl_ClockAdvance(30 * 1000000ull, NULL));
   wait_world_count(base + 1);
   /* Raising minWorlds brings worlds back without a request. */
   m.minWorlds = 2;
   m.maxWorlds = 2;
   m.maxIdleTime = 30;
   m.maxRequestBlockTime = 0;
   assert_vmk_ok(vmk_HelperUpdateProps(h, &m));
   wait_world_count(base + 3);
   /* ...and they stay: minWorlds == maxWorlds never shrinks. */
   assert_vmk_ok(EmuCtl_ClockAdvance(1000 * 1000000ull, NULL));
   let_others_run();
   assert_int_equal(EmuCtl_WorldCount(), base + 3);
   /* minWorlds -1 means maxWorlds; a minimum above the maximum is bad. */
   m.minWorlds = -1;
   m.maxWorlds = 1;
   assert_vmk_ok(vmk_HelperUpdateProps(h, &m));
   m.minWorlds = -2;
   assert_vmk_status(vmk_HelperUpdateProps(h, &m), VMK_BAD_PARAM);
   m.minWorlds = 2;
   assert_vmk_status(vmk_HelperUpdateProps(h, &m), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_HelperDestroy(h));
   assert_int_equal(EmuCtl_WorldCount(), base);
   assert_int_equal(EmuCtl_TimersPending(), 0);
}

static void
test_helper_destroy_cancels_what_is_left(void **state)
{
   vmk_Helper h = make_helper();
   vmk_HelperRequestProps rp;
   vmk_AddrCookie arg;
   vmk_HelperMutableProps m;

   (void)state;
   helper_cancels = 0;
   arg.addr = 0;
   vmk_HelperRequestPropsInit(&rp);
   rp.cancelFunc = helper_cancel;
   assert_vmk_ok(vmk_HelperSubmitDelayedRequest(h, helper_req, arg, 1000,
                                                &rp));
   m.minWorlds = 3;
   m.maxWorlds = 1;
   assert_vmk_status(vmk_HelperUpdateProps(h, &m), VMK_BAD_PARAM);
   m.maxWorlds = 4;
   assert_vmk_ok(vmk_HelperUpdateProps(h, &m));
   assert_vmk_ok(vmk_HelperDestroy(h));
   assert_int_equal(helper_cancels, 1);
   assert_int_equal(EmuCtl_TimersPending(), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_conversions_are_exact),
      cmocka_unit_test(test_uptime_and_time_of_day_move_forward),
      cmocka_unit_test(test_timer_fires_from_the_timer_world),
      cmocka_unit_test_setup_teardown(
         test_manual_clock_fires_due_timers_in_order, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_periodic_timer_fires_once_per_period_until_cancelled,
         manual_setup, manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_cancel_before_due_prevents_firing, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_schedule_custom_rearms_a_pending_timer, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_timer_queue_with_pending_timers_is_busy, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_timer_callback_runs_with_its_rank_and_cannot_block,
         manual_setup, manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_blocking_in_a_timer_callback_is_reported, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_timed_wait_ends_when_the_manual_clock_passes_it, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_advance_needs_the_manual_clock, manual_setup, manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_helper_runs_requests_and_delayed_ones_on_advance,
         manual_setup, manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_helper_destroy_cancels_what_is_left, manual_setup,
         manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_helper_grows_to_max_when_requests_wait_and_retires_idle_worlds,
         manual_setup, manual_teardown),
      cmocka_unit_test_setup_teardown(
         test_helper_with_min_zero_starts_on_demand_and_shrinks_to_none,
         manual_setup, manual_teardown),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
