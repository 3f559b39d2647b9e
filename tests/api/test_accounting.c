/*
 * test_accounting.c -- service-time charging: IDs of the named services,
 * time charged to (service, world) on the manual clock, moving a charge to
 * another world, contexts that are not valid.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static void
test_service_ids_of_known_names(void **state)
{
   vmk_ServiceAcctID k;
   vmk_ServiceAcctID n;
   vmk_ServiceAcctID s;

   (void)state;
   assert_vmk_ok(vmk_ServiceGetID(VMK_SERVICE_ACCT_NAME_KERNEL, &k));
   assert_vmk_ok(vmk_ServiceGetID(VMK_SERVICE_ACCT_NAME_NET, &n));
   assert_vmk_ok(vmk_ServiceGetID(VMK_SERVICE_ACCT_NAME_SCSI, &s));
   assert_true(k != n && n != s && k != s);
   assert_vmk_status(vmk_ServiceGetID("nosuch", &k), VMK_INVALID_NAME);
   assert_vmk_status(vmk_ServiceGetID(NULL, &k), VMK_INVALID_NAME);
   assert_vmk_status(vmk_ServiceGetID("net", NULL), VMK_INVALID_NAME);
}

static void
test_charge_adds_elapsed_time_to_the_world(void **state)
{
   vmk_ServiceAcctID net;
   vmk_ServiceTimeContext ctx;
   vmk_WorldID me = vmk_WorldGetID();

   (void)state;
   EmuCtl_ServiceTimeReset();
   EmuCtl_ClockSetManual(VMK_TRUE);
   assert_vmk_ok(vmk_ServiceGetID("net", &net));
   ctx = vmk_ServiceTimeChargeBeginWorld(net, me);
   assert_true(ctx != VMK_SERVICE_TIME_CONTEXT_NONE);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER) > 0, 1);
   assert_vmk_ok(EmuCtl_ClockAdvance(5000000, NULL));
   /* Nothing is charged until the context ends. */
   assert_int_equal(EmuCtl_ServiceTimeCharged(net, me), 0);
   vmk_ServiceTimeChargeEndWorld(ctx);
   assert_int_equal(EmuCtl_ServiceTimeCharged(net, me), 5000000);
   EmuCtl_ClockSetManual(VMK_FALSE);
}

static void
test_set_world_splits_the_charge(void **state)
{
   vmk_ServiceAcctID scsi;
   vmk_ServiceTimeContext ctx;
   vmk_WorldID me = vmk_WorldGetID();
   vmk_WorldID other;

   (void)state;
   EmuCtl_ServiceTimeReset();
   EmuCtl_ClockSetManual(VMK_TRUE);
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("acct-other", &other));
   assert_vmk_ok(vmk_ServiceGetID("scsi", &scsi));
   ctx = vmk_ServiceTimeChargeBeginWorld(scsi, me);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000, NULL));
   vmk_ServiceTimeChargeSetWorld(ctx, other);
   assert_vmk_ok(EmuCtl_ClockAdvance(3000, NULL));
   /* A dead world is refused; the charge stays where it was. */
   vmk_ServiceTimeChargeSetWorld(ctx, (vmk_WorldID)999999);
   assert_vmk_ok(EmuCtl_ClockAdvance(1000, NULL));
   vmk_ServiceTimeChargeEndWorld(ctx);
   assert_int_equal(EmuCtl_ServiceTimeCharged(scsi, me), 1000);
   assert_int_equal(EmuCtl_ServiceTimeCharged(scsi, other), 4000);
   assert_vmk_ok(EmuCtl_WorldKill(other));
   EmuCtl_ClockSetManual(VMK_FALSE);
}

static void
test_bad_service_or_world_gives_no_context(void **state)
{
   vmk_ServiceAcctID net;

   (void)state;
   assert_vmk_ok(vmk_ServiceGetID("net", &net));
   assert_true(vmk_ServiceTimeChargeBeginWorld(77, vmk_WorldGetID()) ==
               VMK_SERVICE_TIME_CONTEXT_NONE);
   assert_true(vmk_ServiceTimeChargeBeginWorld(net, (vmk_WorldID)999999) ==
               VMK_SERVICE_TIME_CONTEXT_NONE);
   /* NONE is accepted and ignored. */
   vmk_ServiceTimeChargeEndWorld(VMK_SERVICE_TIME_CONTEXT_NONE);
   vmk_ServiceTimeChargeSetWorld(VMK_SERVICE_TIME_CONTEXT_NONE, 1);
}

static void
test_ending_a_context_twice_is_reported(void **state)
{
   vmk_ServiceAcctID k;
   vmk_ServiceTimeContext ctx;

   (void)state;
   assert_vmk_ok(vmk_ServiceGetID("kernel", &k));
   ctx = vmk_ServiceTimeChargeBeginWorld(k, vmk_WorldGetID());
   vmk_ServiceTimeChargeEndWorld(ctx);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   vmk_ServiceTimeChargeEndWorld(ctx);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   vmk_ServiceTimeChargeSetWorld(ctx, vmk_WorldGetID());
   assert_reports_met();
}

static void
test_open_context_is_a_leak(void **state)
{
   vmk_ServiceAcctID k;
   vmk_ServiceTimeContext ctx;
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);

   (void)state;
   assert_vmk_ok(vmk_ServiceGetID("kernel", &k));
   ctx = vmk_ServiceTimeChargeBeginWorld(k, vmk_WorldGetID());
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before + 1);
   vmk_ServiceTimeChargeEndWorld(ctx);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_service_ids_of_known_names),
      cmocka_unit_test(test_charge_adds_elapsed_time_to_the_world),
      cmocka_unit_test(test_set_world_splits_the_charge),
      cmocka_unit_test(test_bad_service_or_world_gives_no_context),
      cmocka_unit_test(test_ending_a_context_twice_is_reported),
      cmocka_unit_test(test_open_context_is_a_leak),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
