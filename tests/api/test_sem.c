/*
 * test_sem.c -- counting, binary and reader/writer semaphores.
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

static void
test_counting_semaphore_counts(void **state)
{
   vmk_Semaphore s;

   (void)state;
   assert_vmk_ok(vmk_SemaCreate(&s, VMK_INVALID_MODULE_ID, "count", 2));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOCK), 1);
   vmk_SemaLock(&s);
   assert_vmk_ok(vmk_SemaTryLock(&s));
   assert_vmk_status(vmk_SemaTryLock(&s), VMK_BUSY);
   vmk_SemaAssertIsLocked(&s);
   vmk_SemaUnlock(&s);
   vmk_SemaUnlock(&s);
   vmk_SemaUnlock(&s);                        /* counting: may go above */
   vmk_SemaLock(&s);
   vmk_SemaLock(&s);
   vmk_SemaLock(&s);
   vmk_SemaUnlock(&s);
   vmk_SemaUnlock(&s);
   vmk_SemaUnlock(&s);
   vmk_SemaDestroy(&s);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOCK), 0);
   assert_vmk_status(vmk_SemaCreate(&s, 0, "neg", -1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SemaCreate(NULL, 0, "null", 1), VMK_BAD_PARAM);
}

static void
test_binary_semaphore_state_assertions(void **state)
{
   vmk_Semaphore s;

   (void)state;
   assert_vmk_ok(vmk_BinarySemaCreate(&s, VMK_INVALID_MODULE_ID, "bin"));
   vmk_SemaAssertIsUnlocked(&s);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SemaAssertIsLocked(&s);
   assert_reports_met();
   vmk_SemaLock(&s);
   vmk_SemaAssertIsLocked(&s);
   EmuCtl_ExpectReport(EMUCTL_REPORT_ASSERT);
   vmk_SemaAssertIsUnlocked(&s);
   assert_reports_met();
   vmk_SemaUnlock(&s);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SemaUnlock(&s);                      /* binary: not above 1 */
   assert_reports_met();
   vmk_SemaDestroy(&s);
}

static void
test_semaphore_under_spinlock_is_reported(void **state)
{
   vmk_Semaphore s;
   vmk_SpinlockCreateProps props;
   vmk_Lock l;

   (void)state;
   memset(&props, 0, sizeof props);
   props.type = VMK_SPINLOCK;
   props.domain = VMK_LOCKDOMAIN_INVALID;
   props.rank = VMK_SPINLOCK_UNRANKED;
   assert_vmk_ok(vmk_SpinlockCreate(&props, &l));
   assert_vmk_ok(vmk_BinarySemaCreate(&s, 0, "under"));
   vmk_SpinlockLock(l);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   vmk_SemaLock(&s);
   assert_reports_met();
   vmk_SpinlockUnlock(l);
   vmk_SemaUnlock(&s);
   vmk_SemaDestroy(&s);
   vmk_SpinlockDestroy(l);
}

struct handoff {
   vmk_Semaphore go;
   vmk_Semaphore back;
   int rounds;
};

static VMK_ReturnStatus
ping(void *data)
{
   struct handoff *h = data;
   int i;

   for (i = 0; i < h->rounds; i++) {
      vmk_SemaLock(&h->go);
      vmk_SemaUnlock(&h->back);
   }
   return VMK_OK;
}

static void
test_semaphore_hands_off_between_worlds(void **state)
{
   struct handoff h;
   vmk_WorldProps props;
   vmk_WorldID id;
   VMK_ReturnStatus st;
   int i;

   (void)state;
   h.rounds = 1000;
   assert_vmk_ok(vmk_SemaCreate(&h.go, 0, "go", 0));
   assert_vmk_ok(vmk_SemaCreate(&h.back, 0, "back", 0));
   memset(&props, 0, sizeof props);
   props.name = "ping";
   props.startFunction = ping;
   props.data = &h;
   assert_vmk_ok(vmk_WorldCreate(&props, &id));
   for (i = 0; i < h.rounds; i++) {
      vmk_SemaUnlock(&h.go);
      vmk_SemaLock(&h.back);
   }
   st = vmk_WorldWaitForDeath(id);
   assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   vmk_SemaDestroy(&h.go);
   vmk_SemaDestroy(&h.back);
}

static void
test_rw_semaphore_readers_writer_upgrade_downgrade(void **state)
{
   vmk_SemaphoreRW r;
   vmk_WorldID sim;

   (void)state;
   assert_vmk_ok(vmk_RWSemaCreate(&r, VMK_INVALID_MODULE_ID, "rw"));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("reader", &sim));
   vmk_RWSemaReadLock(&r);
   vmk_RWSemaAssertHasReaders(&r);
   vmk_RWSemaAssertHasReadersWriter(&r);
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   assert_vmk_ok(vmk_RWSemaTryReadLock(&r));     /* two readers */
   assert_vmk_status(vmk_RWSemaTryUpgradeFromRead(&r), VMK_BUSY);
   vmk_RWSemaReadUnlock(&r);
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_vmk_ok(vmk_RWSemaTryUpgradeFromRead(&r)); /* the only reader */
   vmk_RWSemaAssertHasWriter(&r);
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   assert_vmk_status(vmk_RWSemaTryReadLock(&r), VMK_BUSY);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_RWSemaWriteUnlock(&r);                    /* not the writer */
   assert_reports_met();
   assert_vmk_ok(EmuCtl_WorldLeave());
   vmk_RWSemaDowngradeToRead(&r);
   vmk_RWSemaAssertHasReaders(&r);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_RWSemaAssertHasWriter(&r);
   assert_reports_met();
   assert_vmk_ok(vmk_RWSemaUpgradeFromRead(&r));
   vmk_RWSemaWriteUnlock(&r);
   vmk_RWSemaWriteLock(&r);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BUSY_DESTROY);
   vmk_RWSemaDestroy(&r);
   assert_reports_met();
   vmk_RWSemaWriteUnlock(&r);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_RWSemaReadUnlock(&r);
   assert_reports_met();
   vmk_RWSemaDestroy(&r);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
}

struct rw_shared {
   vmk_SemaphoreRW sem;
   long value;
   int rounds;
};

static VMK_ReturnStatus
rw_worker(void *data)
{
   struct rw_shared *s = data;
   int i;

   for (i = 0; i < s->rounds; i++) {
      if (i % 4 == 0) {
         vmk_RWSemaWriteLock(&s->sem);
         s->value++;
         vmk_RWSemaWriteUnlock(&s->sem);
      } else if (i % 4 == 1) {
         vmk_RWSemaReadLock(&s->sem);
         if (vmk_RWSemaUpgradeFromRead(&s->sem) == VMK_OK) {
            s->value++;
            vmk_RWSemaWriteUnlock(&s->sem);
         } else {
            vmk_RWSemaReadUnlock(&s->sem);
            vmk_RWSemaWriteLock(&s->sem);
            s->value++;
            vmk_RWSemaWriteUnlock(&s->sem);
         }
      } else {
         vmk_RWSemaReadLock(&s->sem);
         (void)s->value;
         vmk_RWSemaReadUnlock(&s->sem);
      }
   }
   return VMK_OK;
}

static void
test_rw_semaphore_excludes_writers_across_worlds(void **state)
{
   struct rw_shared s;
   vmk_WorldProps props;
   vmk_WorldID ids[4];
   int i;

   (void)state;
   assert_vmk_ok(vmk_RWSemaCreate(&s.sem, 0, "shared"));
   s.value = 0;
   s.rounds = 2000;
   memset(&props, 0, sizeof props);
   props.name = "rw";
   props.startFunction = rw_worker;
   props.data = &s;
   for (i = 0; i < 4; i++) {
      assert_vmk_ok(vmk_WorldCreate(&props, &ids[i]));
   }
   for (i = 0; i < 4; i++) {
      VMK_ReturnStatus st = vmk_WorldWaitForDeath(ids[i]);

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   }
   assert_int_equal(s.value, 4L * (s.rounds / 2));
   vmk_RWSemaDestroy(&s.sem);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counting_semaphore_counts),
      cmocka_unit_test(test_binary_semaphore_state_assertions),
      cmocka_unit_test(test_semaphore_under_spinlock_is_reported),
      cmocka_unit_test(test_semaphore_hands_off_between_worlds),
      cmocka_unit_test(test_rw_semaphore_readers_writer_upgrade_downgrade),
      cmocka_unit_test(test_rw_semaphore_excludes_writers_across_worlds),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
