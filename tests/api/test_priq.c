/*
 * test_priq.c -- lib/vmkapi_priq.h: min and max queues, ties in insertion
 * order, lookups by value, rekeying, capacity and bad parameters.
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

/* Until the heap API exists the library ignores the heap (libmem.h). */
#define TEST_HEAP VMK_INVALID_HEAP_ID
#define DATA(n) ((void *)(uintptr_t)(n))

static vmk_PriQHandle
q_new(vmk_PriQType type, vmk_uint64 n)
{
   vmk_PriQHandle q = NULL;

   assert_vmk_ok(vmk_PriQCreate(0, TEST_HEAP, type, n, &q));
   assert_non_null(q);
   return q;
}

static void
test_priq_min_queue_extracts_keys_in_ascending_order(void **state)
{
   static const vmk_PriQKey keys[] = { 50, 3, 99, 7, 7, 0, 1000, 42, 3, 8 };
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 16);
   vmk_PriQKey key;
   vmk_PriQKey last = 0;
   void *data;
   size_t i;

   (void)state;
   assert_true(vmk_PriQIsEmpty(q));
   for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
      assert_vmk_ok(vmk_PriQInsert(q, keys[i], DATA(i + 1)));
   }
   assert_false(vmk_PriQIsEmpty(q));
   assert_vmk_ok(vmk_PriQFirst(q, &key, &data));
   assert_int_equal(key, 0);
   assert_ptr_equal(data, DATA(6));
   for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
      assert_vmk_ok(vmk_PriQExtractFirst(q, &key, NULL));
      assert_true(key >= last);
      last = key;
   }
   assert_int_equal(last, 1000);
   assert_vmk_status(vmk_PriQExtractFirst(q, &key, &data), VMK_NOT_FOUND);
   assert_vmk_status(vmk_PriQFirst(q, NULL, NULL), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_max_queue_puts_the_largest_key_first(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MAX, 4);
   vmk_PriQKey key;

   (void)state;
   assert_vmk_ok(vmk_PriQInsert(q, 5, DATA(1)));
   assert_vmk_ok(vmk_PriQInsert(q, 500, DATA(2)));
   assert_vmk_ok(vmk_PriQInsert(q, 50, DATA(3)));
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, NULL));
   assert_int_equal(key, 500);
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, NULL));
   assert_int_equal(key, 50);
   assert_vmk_ok(vmk_PriQClear(q));
   assert_true(vmk_PriQIsEmpty(q));
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_equal_keys_come_out_in_insertion_order(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 64);
   void *data;
   int i;

   (void)state;
   for (i = 0; i < 40; i++) {
      assert_vmk_ok(vmk_PriQInsert(q, (vmk_PriQKey)(i % 2), DATA(i + 1)));
   }
   for (i = 0; i < 40; i++) {
      int expect = i < 20 ? 2 * i : 2 * (i - 20) + 1;

      assert_vmk_ok(vmk_PriQExtractFirst(q, NULL, &data));
      assert_ptr_equal(data, DATA(expect + 1));
   }
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_find_extract_and_rekey_work_by_value(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 8);
   vmk_PriQKey key;
   void *data;
   vmk_uint64 used;

   (void)state;
   assert_vmk_ok(vmk_PriQInsert(q, 10, DATA(1)));
   assert_vmk_ok(vmk_PriQInsert(q, 20, DATA(2)));
   assert_vmk_ok(vmk_PriQInsert(q, 30, DATA(3)));
   assert_vmk_ok(vmk_PriQFind(q, DATA(2), &key));
   assert_int_equal(key, 20);
   assert_vmk_ok(vmk_PriQFind(q, DATA(2), NULL));
   assert_vmk_status(vmk_PriQFind(q, DATA(9), &key), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_PriQRekey(q, DATA(3), 5));
   assert_vmk_ok(vmk_PriQFirst(q, &key, &data));
   assert_int_equal(key, 5);
   assert_ptr_equal(data, DATA(3));
   assert_vmk_ok(vmk_PriQRekeyFirst(q, 100));
   assert_vmk_ok(vmk_PriQFirst(q, &key, &data));
   assert_ptr_equal(data, DATA(1));
   assert_vmk_ok(vmk_PriQExtract(q, DATA(2), &key));
   assert_int_equal(key, 20);
   assert_vmk_status(vmk_PriQExtract(q, DATA(2), &key), VMK_NOT_FOUND);
   assert_vmk_status(vmk_PriQRekey(q, DATA(2), 1), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_PriQUsedElems(q, &used));
   assert_int_equal(used, 2);
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, &data));
   assert_int_equal(key, 10);
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, &data));
   assert_int_equal(key, 100);
   assert_vmk_status(vmk_PriQRekeyFirst(q, 1), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_full_queue_is_limit_exceeded_until_resized(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 2);
   vmk_uint64 total;
   vmk_PriQKey key;

   (void)state;
   assert_vmk_ok(vmk_PriQInsert(q, 2, DATA(1)));
   assert_vmk_ok(vmk_PriQInsert(q, 1, DATA(2)));
   assert_vmk_status(vmk_PriQInsert(q, 0, DATA(3)), VMK_LIMIT_EXCEEDED);
   assert_vmk_status(vmk_PriQResize(q, 1), VMK_BUSY);   /* 2 elements held */
   assert_vmk_ok(vmk_PriQResize(q, 4));
   assert_vmk_ok(vmk_PriQTotalElems(q, &total));
   assert_int_equal(total, 4);
   assert_vmk_ok(vmk_PriQInsert(q, 0, DATA(3)));
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, NULL));
   assert_int_equal(key, 0);
   assert_vmk_ok(vmk_PriQResize(q, 2));                 /* shrink to fit */
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_PriQResize(q, 100), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_vmk_ok(vmk_PriQTotalElems(q, &total));
   assert_int_equal(total, 2);                          /* unchanged */
   assert_vmk_ok(vmk_PriQExtractFirst(q, &key, NULL));
   assert_int_equal(key, 1);
   assert_vmk_status(vmk_PriQDestroy(q), VMK_BUSY);     /* not empty */
   assert_vmk_ok(vmk_PriQClear(q));
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_create_rejects_bad_parameters_and_survives_failures(void **state)
{
   vmk_PriQHandle q;

   (void)state;
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, VMK_PRIQ_TYPE_MIN, 4, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, VMK_PRIQ_TYPE_MIN, 0, &q),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, (vmk_PriQType)2, 4, &q),
                     VMK_BAD_PARAM);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, VMK_PRIQ_TYPE_MIN, 4, &q),
                     VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 2);
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, VMK_PRIQ_TYPE_MIN, 4, &q),
                     VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_vmk_status(vmk_PriQCreate(0, TEST_HEAP, VMK_PRIQ_TYPE_MIN,
                                    (vmk_uint64)-1, &q), VMK_NO_MEMORY);
}

static void
test_priq_null_handle_or_out_pointer_is_bad_param(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 2);
   vmk_uint64 n;

   (void)state;
   assert_vmk_status(vmk_PriQDestroy(NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQClear(NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQInsert(NULL, 1, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQFirst(NULL, NULL, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQExtractFirst(NULL, NULL, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQFind(NULL, NULL, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQExtract(NULL, NULL, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQRekey(NULL, NULL, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQRekeyFirst(NULL, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQResize(NULL, 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQResize(q, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQTotalElems(NULL, &n), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQTotalElems(q, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQUsedElems(NULL, &n), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PriQUsedElems(q, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PriQDestroy(q));
}

static void
test_priq_foreign_handle_is_reported(void **state)
{
   vmk_uint64 junk[16] = { 0 };
   vmk_uint64 n;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_PriQUsedElems((vmk_PriQHandle)junk, &n),
                     VMK_INVALID_HANDLE);
   assert_reports_met();
}

static void
test_priq_random_operations_keep_heap_order(void **state)
{
   vmk_PriQHandle q = q_new(VMK_PRIQ_TYPE_MIN, 512);
   vmk_uint32 r = 12345;
   vmk_PriQKey key;
   vmk_PriQKey last;
   int live[256] = { 0 };
   int i;

   (void)state;
   for (i = 0; i < 256; i++) {
      r = vmk_Rand(r);
      assert_vmk_ok(vmk_PriQInsert(q, r % 1000, DATA(i + 1)));
      live[i] = 1;
   }
   for (i = 0; i < 256; i += 3) {
      r = vmk_Rand(r);
      if (i % 2 == 0) {
         assert_vmk_ok(vmk_PriQRekey(q, DATA(i + 1), r % 1000));
      } else {
         assert_vmk_ok(vmk_PriQExtract(q, DATA(i + 1), NULL));
         live[i] = 0;
      }
   }
   last = 0;
   while (vmk_PriQExtractFirst(q, &key, NULL) == VMK_OK) {
      assert_true(key >= last);
      last = key;
   }
   (void)live;
   assert_vmk_ok(vmk_PriQDestroy(q));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_priq_min_queue_extracts_keys_in_ascending_order),
      cmocka_unit_test(test_priq_max_queue_puts_the_largest_key_first),
      cmocka_unit_test(test_priq_equal_keys_come_out_in_insertion_order),
      cmocka_unit_test(test_priq_find_extract_and_rekey_work_by_value),
      cmocka_unit_test(test_priq_full_queue_is_limit_exceeded_until_resized),
      cmocka_unit_test(test_priq_create_rejects_bad_parameters_and_survives_failures),
      cmocka_unit_test(test_priq_null_handle_or_out_pointer_is_bad_param),
      cmocka_unit_test(test_priq_foreign_handle_is_reported),
      cmocka_unit_test(test_priq_random_operations_keep_heap_order),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
