/*
 * test_spinlock.c -- spinlocks, RW spinlocks, lock domains, ranks and the
 * deprecated IRQ variants.
 */
#define VMX86_DEBUG 1
#define VMK_DEVKIT_USES_DEPRECATED_APIS 1
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static vmk_LockDomainID
make_domain(const char *name)
{
   vmk_Name n;
   vmk_LockDomainID d;

   memset(&n, 0, sizeof n);
   strncpy(n.string, name, sizeof n.string - 1);
   assert_vmk_ok(vmk_LockDomainCreate(VMK_INVALID_MODULE_ID, NULL, &n, &d));
   return d;
}

static vmk_Lock
make(const char *name, vmk_SpinlockType type, vmk_LockDomainID d,
     vmk_LockRank rank)
{
   vmk_SpinlockCreateProps props;
   vmk_Lock lock;

   memset(&props, 0, sizeof props);
   strncpy(props.name.string, name, sizeof props.name.string - 1);
   props.type = type;
   props.domain = d;
   props.rank = rank;
   assert_vmk_ok(vmk_SpinlockCreate(&props, &lock));
   return lock;
}

static void
test_lock_unlock_and_assert_held(void **state)
{
   vmk_Lock l = make("plain", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);

   (void)state;
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOCK), 1);
   assert_vmk_ok(vmk_SpinlockLock(l));
   vmk_SpinlockAssertHeldByWorld(l);
   vmk_SpinlockUnlock(l);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SpinlockAssertHeldByWorld(l);
   assert_reports_met();
   vmk_SpinlockLockIgnoreDeathPending(l);
   vmk_SpinlockUnlock(l);
   vmk_SpinlockDestroy(l);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOCK), 0);
   assert_true(vmk_SpinlockAllocSize(VMK_SPINLOCK) > 0);
}

static void
test_create_rejects_bad_props(void **state)
{
   vmk_SpinlockCreateProps props;
   vmk_Lock l;

   (void)state;
   memset(&props, 0, sizeof props);
   props.type = VMK_SPINLOCK;
   props.domain = VMK_LOCKDOMAIN_INVALID;
   props.rank = VMK_SPINLOCK_RANK_INVALID;
   assert_vmk_status(vmk_SpinlockCreate(&props, &l), VMK_BAD_PARAM);
   props.rank = 5;                       /* ranked but no domain */
   assert_vmk_status(vmk_SpinlockCreate(&props, &l), VMK_BAD_PARAM);
   props.rank = VMK_SPINLOCK_UNRANKED;
   props.type = 77;
   assert_vmk_status(vmk_SpinlockCreate(&props, &l), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SpinlockCreate(NULL, &l), VMK_BAD_PARAM);
   props.type = VMK_SPINLOCK;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_LOCK, 1);
   assert_vmk_status(vmk_SpinlockCreate(&props, &l), VMK_NO_MEMORY);
}

static void
test_rw_lock_shares_readers_and_excludes_writers(void **state)
{
   vmk_Lock l = make("rw", VMK_SPINLOCK_RW, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_WorldID sim;

   (void)state;
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("reader2", &sim));
   assert_vmk_ok(vmk_SpinlockReadLock(l));
   vmk_SpinlockAssertReaderHeldByWorld(l);
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   assert_vmk_ok(vmk_SpinlockReadLock(l));      /* a second reader */
   vmk_SpinlockReadUnlock(l);
   assert_vmk_ok(EmuCtl_WorldLeave());
   vmk_SpinlockReadUnlock(l);
   assert_vmk_ok(vmk_SpinlockWriteLock(l));
   vmk_SpinlockAssertHeldByWorld(l);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SpinlockAssertReaderHeldByWorld(l);
   assert_reports_met();
   vmk_SpinlockWriteUnlock(l);
   vmk_SpinlockReadLockIgnoreDeathPending(l);
   vmk_SpinlockReadUnlockOutOfOrder(l);
   vmk_SpinlockWriteLockIgnoreDeathPending(l);
   vmk_SpinlockWriteUnlockOutOfOrder(l);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   vmk_SpinlockDestroy(l);
}

static void
test_read_lock_on_plain_spinlock_is_misuse(void **state)
{
   vmk_Lock l = make("plain2", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_SpinlockReadLock(l), VMK_BAD_PARAM);
   assert_reports_met();
   vmk_SpinlockDestroy(l);
}

static void
test_ranks_must_increase_within_a_domain(void **state)
{
   vmk_LockDomainID d = make_domain("dom");
   vmk_LockDomainID e = make_domain("other");
   vmk_Lock lo = make("lo", VMK_SPINLOCK, d, 1);
   vmk_Lock hi = make("hi", VMK_SPINLOCK, d, 2);
   vmk_Lock same = make("same", VMK_SPINLOCK, d, 2);
   vmk_Lock foreign = make("foreign", VMK_SPINLOCK, e, 1);

   (void)state;
   /* Increasing: fine. */
   vmk_SpinlockLock(lo);
   vmk_SpinlockLock(hi);
   vmk_SpinlockUnlock(hi);
   vmk_SpinlockUnlock(lo);
   /* Other domains do not compare. */
   vmk_SpinlockLock(hi);
   vmk_SpinlockLock(foreign);
   vmk_SpinlockUnlock(foreign);
   /* Equal rank. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_RANK);
   vmk_SpinlockLock(same);
   assert_reports_met();
   vmk_SpinlockUnlock(same);
   /* Lower rank. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_RANK);
   vmk_SpinlockLock(lo);
   assert_reports_met();
   vmk_SpinlockUnlock(lo);
   vmk_SpinlockUnlock(hi);
   assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_LOCK_RANK), 2);
   vmk_SpinlockDestroy(lo);
   vmk_SpinlockDestroy(hi);
   vmk_SpinlockDestroy(same);
   vmk_SpinlockDestroy(foreign);
   vmk_LockDomainDestroy(d);
   vmk_LockDomainDestroy(e);
}

static void
test_unlock_misuse_is_reported(void **state)
{
   vmk_Lock a = make("a", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_Lock b = make("b", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
   vmk_SpinlockUnlock(a);
   assert_reports_met();

   vmk_SpinlockLock(a);
   vmk_SpinlockLock(b);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   vmk_SpinlockUnlock(a);                   /* not the newest */
   assert_reports_met();
   vmk_SpinlockUnlock(b);

   vmk_SpinlockLock(a);
   vmk_SpinlockLock(b);
   vmk_SpinlockUnlockOutOfOrder(a);         /* allowed */
   vmk_SpinlockUnlock(b);

   vmk_SpinlockLock(a);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_SpinlockLock(a), VMK_BAD_PARAM); /* self-deadlock */
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_BUSY_DESTROY);
   vmk_SpinlockDestroy(a);
   assert_reports_met();
   vmk_SpinlockUnlock(a);
   vmk_SpinlockDestroy(a);
   vmk_SpinlockDestroy(b);
}

static void
test_dead_handle_is_reported(void **state)
{
   vmk_Lock a = make("gone", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   static char junk[256];

   (void)state;
   vmk_SpinlockDestroy(a);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SpinlockLock((vmk_Lock)junk), VMK_BAD_PARAM);
   assert_reports_met();
}

static void
test_domain_with_live_locks_cannot_be_destroyed(void **state)
{
   vmk_LockDomainID d = make_domain("busy");
   vmk_Lock l = make("in-busy", VMK_SPINLOCK, d, 3);

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_BUSY_DESTROY);
   vmk_LockDomainDestroy(d);
   assert_reports_met();
   vmk_SpinlockDestroy(l);
   vmk_LockDomainDestroy(d);
   assert_true(vmk_LockDomainAllocSize() > 0);
}

static void
test_irq_lock_disables_interrupts_until_unlock(void **state)
{
   vmk_Lock l = make("irq", VMK_SPINLOCK_IRQ, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_LockIRQL irql;

   (void)state;
   assert_vmk_ok(vmk_SpinlockLockIRQ(l, &irql));
   assert_false(vmk_CPUHasIntsEnabled());
   vmk_SpinlockAssertHeldOnPCPU(l);
   vmk_SpinlockUnlockIRQ(l, irql);
   assert_true(vmk_CPUHasIntsEnabled());
   assert_vmk_ok(vmk_SpinlockLockIRQ(l, &irql));
   vmk_SpinlockUnlockIRQOutOfOrder(l, irql);
   vmk_SpinlockDestroy(l);
}

struct counter {
   vmk_Lock lock;
   long value;
   int iterations;
};

static VMK_ReturnStatus
bump(void *data)
{
   struct counter *c = data;
   int i;

   for (i = 0; i < c->iterations; i++) {
      vmk_SpinlockLock(c->lock);
      c->value++;
      vmk_SpinlockUnlock(c->lock);
   }
   return VMK_OK;
}

static void
test_spinlock_excludes_across_worlds(void **state)
{
   struct counter c;
   vmk_WorldProps props;
   vmk_WorldID ids[4];
   int i;

   (void)state;
   c.lock = make("count", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                 VMK_SPINLOCK_UNRANKED);
   c.value = 0;
   c.iterations = 20000;
   memset(&props, 0, sizeof props);
   props.name = "bumper";
   props.startFunction = bump;
   props.data = &c;
   for (i = 0; i < 4; i++) {
      assert_vmk_ok(vmk_WorldCreate(&props, &ids[i]));
   }
   for (i = 0; i < 4; i++) {
      VMK_ReturnStatus st = vmk_WorldWaitForDeath(ids[i]);

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   }
   assert_int_equal(c.value, 4L * c.iterations);
   vmk_SpinlockDestroy(c.lock);
}

/*
 * The fast paths (nothing else held; releasing the newest lock) and the
 * slow ones (nested, out of order) share one held stack: any mix of them
 * unwinds to a world that holds nothing and may block again.
 */
static void
test_nested_and_out_of_order_locks_unwind_to_a_world_that_may_block(
   void **state)
{
   vmk_Lock a = make("a", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_Lock b = make("b", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_Lock c = make("c", VMK_SPINLOCK, VMK_LOCKDOMAIN_INVALID,
                     VMK_SPINLOCK_UNRANKED);
   vmk_uint64 blocked = EmuCtl_ReportCount(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   int i;

   (void)state;
   for (i = 0; i < 3; i++) {
      assert_vmk_ok(vmk_SpinlockLock(a));
      assert_vmk_ok(vmk_SpinlockLock(b));
      assert_vmk_ok(vmk_SpinlockLock(c));
      vmk_SpinlockUnlock(c);
      vmk_SpinlockUnlockOutOfOrder(a);
      vmk_SpinlockAssertHeldByWorld(b);
      EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
      vmk_WorldAssertIsSafeToBlock();
      assert_reports_met();
      vmk_SpinlockUnlock(b);
      vmk_WorldAssertIsSafeToBlock();
      EmuCtl_ExpectReport(EMUCTL_REPORT_LOCK_NOT_HELD);
      vmk_SpinlockUnlock(a);
      assert_reports_met();
   }
   assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING),
                    blocked + 3);
   vmk_SpinlockDestroy(a);
   vmk_SpinlockDestroy(b);
   vmk_SpinlockDestroy(c);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lock_unlock_and_assert_held),
      cmocka_unit_test(test_create_rejects_bad_props),
      cmocka_unit_test(test_rw_lock_shares_readers_and_excludes_writers),
      cmocka_unit_test(test_read_lock_on_plain_spinlock_is_misuse),
      cmocka_unit_test(test_ranks_must_increase_within_a_domain),
      cmocka_unit_test(test_unlock_misuse_is_reported),
      cmocka_unit_test(test_dead_handle_is_reported),
      cmocka_unit_test(test_domain_with_live_locks_cannot_be_destroyed),
      cmocka_unit_test(test_irq_lock_disables_interrupts_until_unlock),
      cmocka_unit_test(test_spinlock_excludes_across_worlds),
      cmocka_unit_test(
         test_nested_and_out_of_order_locks_unwind_to_a_world_that_may_block),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
