/*
 * test_world_stress.c -- many worlds at once: creation and death, wait and
 * wakeup ping-pong, spinlocks, semaphores, world-storage lookups across
 * worlds and real-clock timers, all concurrently; and a helper pool that
 * grows and retires worlds while several worlds submit to it.  Meant to run
 * clean under ThreadSanitizer (configure --enable-sanitizers=thread).
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

#define WORKERS 6
#define ROUNDS  300

struct shared {
   vmk_Lock lock;
   vmk_Semaphore sem;
   vmk_WorldStorageHandle ws;
   long counter;                       /* under lock */
   int timer_hits;                     /* atomics */
   vmk_WorldID ids[WORKERS];           /* written before workers start */
   int ready;                          /* atomics */
};

static struct shared sh;

static VMK_ReturnStatus
short_life(void *data)
{
   long *p;

   (void)data;
   vmk_WorldStorageLookUpLocal(sh.ws, (void **)&p);
   *p = vmk_WorldGetID();
   return VMK_OK;
}

static void
timer_hit(vmk_TimerCookie c)
{
   (void)c;
   __atomic_add_fetch(&sh.timer_hits, 1, __ATOMIC_ACQ_REL);
}

static VMK_ReturnStatus
worker(void *data)
{
   int me = (int)(uintptr_t)data;
   int i;
   long *mine;

   while (!__atomic_load_n(&sh.ready, __ATOMIC_ACQUIRE)) {
      vmk_WorldYield();
   }
   vmk_WorldStorageLookUpLocal(sh.ws, (void **)&mine);
   for (i = 0; i < ROUNDS; i++) {
      vmk_WorldID other = sh.ids[(me + 1 + i) % WORKERS];
      long *theirs;
      vmk_WorldProps props;
      vmk_WorldID child;
      vmk_TimerCookie c;
      vmk_Timer t;

      __atomic_store_n(mine, i, __ATOMIC_RELAXED);
      vmk_SpinlockLock(sh.lock);
      sh.counter++;
      vmk_SpinlockUnlock(sh.lock);

      vmk_SemaLock(&sh.sem);
      vmk_SemaUnlock(&sh.sem);

      if (vmk_WorldStorageLookUp(other, sh.ws, (void **)&theirs) == VMK_OK) {
         (void)__atomic_load_n(theirs, __ATOMIC_RELAXED);
         vmk_WorldStorageRelease(other, (void **)&theirs);
      }
      if (i % 25 == 0) {
         memset(&props, 0, sizeof props);
         props.name = "child";
         props.startFunction = short_life;
         if (vmk_WorldCreate(&props, &child) == VMK_OK) {
            vmk_WorldWaitForDeath(child);
         }
      }
      if (i % 10 == 0) {
         c.addr = 0;
         vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, timer_hit, c, 50, 0, 0,
                           VMK_LOCKDOMAIN_INVALID, VMK_SPINLOCK_UNRANKED,
                           &t);
      }
      /* Ping-pong: wake the next world, wait briefly for ours. */
      vmk_WorldWakeup((vmk_WorldEventID)&sh.ids[(me + 1) % WORKERS]);
      vmk_SpinlockLock(sh.lock);
      vmk_WorldWait((vmk_WorldEventID)&sh.ids[me], sh.lock, 1, "pingpong");
   }
   return VMK_OK;
}

static void
test_many_worlds_share_everything_without_races(void **state)
{
   vmk_SpinlockCreateProps lp;
   vmk_WorldStorageProps wp;
   vmk_WorldProps props;
   int i;

   (void)state;
   memset(&sh, 0, sizeof sh);
   memset(&lp, 0, sizeof lp);
   lp.type = VMK_SPINLOCK;
   lp.domain = VMK_LOCKDOMAIN_INVALID;
   lp.rank = VMK_SPINLOCK_UNRANKED;
   assert_vmk_ok(vmk_SpinlockCreate(&lp, &sh.lock));
   assert_vmk_ok(vmk_SemaCreate(&sh.sem, 0, "stress", 2));
   memset(&wp, 0, sizeof wp);
   wp.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   wp.size = sizeof(long);
   wp.align = sizeof(long);
   assert_vmk_ok(vmk_WorldStorageCreate(&wp, &sh.ws));
   memset(&props, 0, sizeof props);
   props.name = "worker";
   props.startFunction = worker;
   for (i = 0; i < WORKERS; i++) {
      props.data = (void *)(uintptr_t)i;
      assert_vmk_ok(vmk_WorldCreate(&props, &sh.ids[i]));
   }
   __atomic_store_n(&sh.ready, 1, __ATOMIC_RELEASE);
   for (i = 0; i < WORKERS; i++) {
      VMK_ReturnStatus st = vmk_WorldWaitForDeath(sh.ids[i]);

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   }
   assert_int_equal(sh.counter, (long)WORKERS * ROUNDS);
   /* Let every timer fire. */
   while (EmuCtl_TimersPending() != 0) {
      vmk_WorldSleep(100);
   }
   assert_int_equal(__atomic_load_n(&sh.timer_hits, __ATOMIC_ACQUIRE),
                    WORKERS * (ROUNDS / 10));
   assert_vmk_ok(vmk_WorldStorageDestroy(sh.ws));
   vmk_SemaDestroy(&sh.sem);
   vmk_SpinlockDestroy(sh.lock);
}

/* ---- a helper pool growing and shrinking under load ------------------ */

#define SUBMITTERS   4
#define SUBMISSIONS  150

static int helper_done;                  /* atomics */
static vmk_Helper stress_helper;

static void
stress_req(vmk_AddrCookie arg)
{
   if (arg.addr % 7 == 0) {
      vmk_WorldYield();
   }
   __atomic_add_fetch(&helper_done, 1, __ATOMIC_ACQ_REL);
}

static VMK_ReturnStatus
submitter(void *data)
{
   vmk_HelperRequestProps rp;
   vmk_AddrCookie arg;
   int i;

   (void)data;
   vmk_HelperRequestPropsInit(&rp);
   for (i = 0; i < SUBMISSIONS; i++) {
      arg.addr = (vmk_VA)i;
      if (i % 10 == 0) {
         while (vmk_HelperSubmitDelayedRequest(stress_helper, stress_req,
                                               arg, 1, &rp) != VMK_OK) {
            vmk_WorldYield();
         }
      } else {
         while (vmk_HelperSubmitRequest(stress_helper, stress_req, arg,
                                        &rp) != VMK_OK) {
            vmk_WorldYield();
         }
      }
      if (i % 50 == 49) {
         vmk_WorldSleep(3000);           /* idle worlds may retire */
      }
   }
   return VMK_OK;
}

static void
test_helper_pool_grows_and_shrinks_under_load_without_races(void **state)
{
   vmk_HelperProps hp;
   vmk_WorldProps props;
   vmk_WorldID ids[SUBMITTERS];
   int i;

   (void)state;
   helper_done = 0;
   memset(&hp, 0, sizeof hp);
   strcpy(hp.name.string, "stress");
   hp.maxRequests = 64;
   hp.mutables.minWorlds = 1;
   hp.mutables.maxWorlds = 4;
   hp.mutables.maxIdleTime = 1;            /* ms: retire quickly */
   hp.mutables.maxRequestBlockTime = 1;    /* ms: grow quickly */
   assert_vmk_ok(vmk_HelperCreate(&hp, &stress_helper));
   memset(&props, 0, sizeof props);
   props.name = "submitter";
   props.startFunction = submitter;
   for (i = 0; i < SUBMITTERS; i++) {
      assert_vmk_ok(vmk_WorldCreate(&props, &ids[i]));
   }
   for (i = 0; i < SUBMITTERS; i++) {
      VMK_ReturnStatus st = vmk_WorldWaitForDeath(ids[i]);

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   }
   while (__atomic_load_n(&helper_done, __ATOMIC_ACQUIRE) <
          SUBMITTERS * SUBMISSIONS) {
      vmk_WorldSleep(1000);
   }
   assert_vmk_ok(vmk_HelperDestroy(stress_helper));
   assert_int_equal(__atomic_load_n(&helper_done, __ATOMIC_ACQUIRE),
                    SUBMITTERS * SUBMISSIONS);
   assert_int_equal(EmuCtl_TimersPending(), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_many_worlds_share_everything_without_races),
      cmocka_unit_test(
         test_helper_pool_grows_and_shrinks_under_load_without_races),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
