/*
 * test_stress.c -- stress options: open by public name, values set by the
 * test, counter hits with probability 1/N, random draws below N.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static void
test_stress_option_is_off_until_a_test_sets_it(void **state)
{
   vmk_StressOptionHandle h;
   vmk_uint32 v = 99;
   vmk_Bool hit = VMK_TRUE;

   (void)state;
   assert_vmk_ok(vmk_StressOptionOpen(VMK_STRESS_OPT_NET_IF_FAIL_RX, &h));
   assert_vmk_ok(vmk_StressOptionValue(h, &v));
   assert_int_equal(v, 0);
   assert_vmk_ok(vmk_StressOptionCounter(h, &hit));
   assert_false(hit);
   assert_vmk_ok(vmk_StressOptionRandValue(h, &v));
   assert_int_equal(v, 0);
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_NET_IF_FAIL_RX, 5));
   assert_vmk_ok(vmk_StressOptionValue(h, &v));
   assert_int_equal(v, 5);
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_NET_IF_FAIL_RX, 0));
   assert_vmk_ok(vmk_StressOptionClose(h));
}

static void
test_stress_counter_hits_about_one_in_n(void **state)
{
   vmk_StressOptionHandle h;
   vmk_Bool hit;
   int hits = 0;
   int i;

   (void)state;
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_NET_IF_CORRUPT_TX, 4));
   assert_vmk_ok(vmk_StressOptionOpen(VMK_STRESS_OPT_NET_IF_CORRUPT_TX, &h));
   for (i = 0; i < 4000; i++) {
      assert_vmk_ok(vmk_StressOptionCounter(h, &hit));
      hits += hit ? 1 : 0;
   }
   assert_in_range(hits, 800, 1200);
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_NET_IF_CORRUPT_TX, 1));
   assert_vmk_ok(vmk_StressOptionCounter(h, &hit));
   assert_true(hit);
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_NET_IF_CORRUPT_TX, 0));
   assert_vmk_ok(vmk_StressOptionClose(h));
}

static void
test_stress_rand_value_stays_below_the_option(void **state)
{
   vmk_StressOptionHandle h;
   vmk_uint32 v;
   int seen_top = 0;
   int i;

   (void)state;
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_USB_DELAY_PROCESS_TD,
                                        8));
   assert_vmk_ok(vmk_StressOptionOpen(VMK_STRESS_OPT_USB_DELAY_PROCESS_TD,
                                      &h));
   for (i = 0; i < 1000; i++) {
      assert_vmk_ok(vmk_StressOptionRandValue(h, &v));
      assert_true(v < 8);
      seen_top |= v == 7;
   }
   assert_true(seen_top);
   assert_vmk_ok(EmuCtl_StressOptionSet(VMK_STRESS_OPT_USB_DELAY_PROCESS_TD,
                                        0));
   assert_vmk_ok(vmk_StressOptionClose(h));
}

static void
test_stress_unknown_names_and_handles_are_bad_params(void **state)
{
   vmk_StressOptionHandle h;
   vmk_uint32 v;

   (void)state;
   assert_vmk_status(vmk_StressOptionOpen("NoSuchOption", &h), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StressOptionOpen(NULL, &h), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StressOptionValue(0, &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StressOptionClose(12345), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_StressOptionOpen(VMK_STRESS_OPT_NET_IF_FAIL_RX, &h));
   assert_vmk_ok(vmk_StressOptionClose(h));
   assert_vmk_status(vmk_StressOptionClose(h), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StressOptionValue(h, &v), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_StressOptionSet("NoSuchOption", 1),
                     VMK_NOT_FOUND);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stress_option_is_off_until_a_test_sets_it),
      cmocka_unit_test(test_stress_counter_hits_about_one_in_n),
      cmocka_unit_test(test_stress_rand_value_stays_below_the_option),
      cmocka_unit_test(test_stress_unknown_names_and_handles_are_bad_params),
   };

   return cmocka_run_group_tests_name("stress", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
