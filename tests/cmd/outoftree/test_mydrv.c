/*
 * test_mydrv.c -- the CMocka test of doc/guide-testing.md: the driver's
 * sources linked into a test program that drives the emulator through
 * emuctl.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"

int init_module(void);
void cleanup_module(void);
VMK_ReturnStatus mydrv_add(int slot, vmk_uint64 n);
VMK_ReturnStatus mydrv_get(int slot, vmk_uint64 *n);

static int
setup(void **state)
{
   (void)state;
   return EmuCtl_Init(NULL) == VMK_OK ? 0 : -1;
}

/* Fails the group when anything is left alive (and lists it). */
static int
teardown(void **state)
{
   (void)state;
   return EmuCtl_Shutdown() == VMK_OK ? 0 : -1;
}

static void
test_init_and_cleanup_leave_nothing(void **state)
{
   (void)state;
   assert_int_equal(init_module(), VMK_OK);
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

static void
test_counters_add_up_and_bad_slots_are_refused(void **state)
{
   vmk_uint64 n;

   (void)state;
   assert_int_equal(init_module(), VMK_OK);
   assert_int_equal(mydrv_add(3, 5), VMK_OK);
   assert_int_equal(mydrv_add(3, 2), VMK_OK);
   assert_int_equal(mydrv_get(3, &n), VMK_OK);
   assert_int_equal(n, 7);
   assert_int_equal(mydrv_add(-1, 1), VMK_BAD_PARAM);
   assert_int_equal(mydrv_get(8, &n), VMK_BAD_PARAM);
   cleanup_module();
}

static void
test_init_survives_every_allocation_failure(void **state)
{
   VMK_ReturnStatus status;
   int n;

   (void)state;
   for (n = 1; ; n++) {
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      status = init_module();
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
      if (status == VMK_OK) {
         cleanup_module();
         break;                      /* n passed the last allocation */
      }
      assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
   }
   assert_true(n > 1);               /* at least one failure was walked */
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_init_and_cleanup_leave_nothing),
      cmocka_unit_test(test_counters_add_up_and_bad_slots_are_refused),
      cmocka_unit_test(test_init_survives_every_allocation_failure),
   };

   return cmocka_run_group_tests(tests, setup, teardown);
}
