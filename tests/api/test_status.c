/*
 * test_status.c -- VMK_ReturnStatus values and vmk_StatusToString.
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

static const VMK_ReturnStatus some_codes[] = {
   VMK_OK, VMK_FAILURE, VMK_WOULD_BLOCK, VMK_NOT_FOUND, VMK_BUSY,
   VMK_EXISTS, VMK_LIMIT_EXCEEDED, VMK_BAD_PARAM, VMK_NO_MEMORY,
   VMK_NOT_SUPPORTED, VMK_TIMEOUT, VMK_INVALID_HANDLE, VMK_NOT_INITIALIZED,
   VMK_WAIT_INTERRUPTED, VMK_DEATH_PENDING, VMK_STRESS_INDUCED_ERROR,
   VMK_LOCK_HELD_BY_ZOMBIE_TXN, VMK_GENERIC_LINUX_ERROR,
};

static void
test_status_ok_is_zero_and_failures_are_distinct(void **state)
{
   size_t i;
   size_t j;
   size_t n = sizeof some_codes / sizeof some_codes[0];

   (void)state;
   assert_int_equal(VMK_OK, 0);
   assert_int_equal(VMK_FAILURE, 0x0bad0001);
   for (i = 0; i < n; i++) {
      for (j = i + 1; j < n; j++) {
         assert_int_not_equal(some_codes[i], some_codes[j]);
      }
   }
}

static void
test_status_to_string_knows_every_code_in_the_block(void **state)
{
   vmk_uint32 v;

   (void)state;
   /* Every code from VMK_FAILURE to the last of the block has a text. */
   for (v = VMK_FAILURE; v <= VMK_LOCK_HELD_BY_ZOMBIE_TXN; v++) {
      const char *s = vmk_StatusToString((VMK_ReturnStatus)v);

      assert_non_null(s);
      assert_string_not_equal(s, "Unknown status");
   }
   assert_string_not_equal(vmk_StatusToString(VMK_GENERIC_LINUX_ERROR),
                           "Unknown status");
}

static void
test_status_to_string_texts_differ(void **state)
{
   (void)state;
   assert_string_not_equal(vmk_StatusToString(VMK_OK),
                           vmk_StatusToString(VMK_FAILURE));
   assert_string_not_equal(vmk_StatusToString(VMK_NO_MEMORY),
                           vmk_StatusToString(VMK_BAD_PARAM));
}

static void
test_status_to_string_of_unknown_value_is_not_null(void **state)
{
   (void)state;
   assert_string_equal(vmk_StatusToString((VMK_ReturnStatus)0x12345),
                       "Unknown status");
   assert_string_equal(vmk_StatusToString((VMK_ReturnStatus)
                                          (VMK_LOCK_HELD_BY_ZOMBIE_TXN + 1)),
                       "Unknown status");
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_status_ok_is_zero_and_failures_are_distinct),
      cmocka_unit_test(test_status_to_string_knows_every_code_in_the_block),
      cmocka_unit_test(test_status_to_string_texts_differ),
      cmocka_unit_test(test_status_to_string_of_unknown_value_is_not_null),
   };

   return cmocka_run_group_tests_name("status", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
