/*
 * test_sgvirt.c -- virtual-address scatter-gather arrays: the driver's
 * alloc/free callbacks, element init and walk, limits, and the misuse
 * reports (double free, dead arrays, leaks at handle destroy).
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

static vmk_HeapID test_heap;

static int allocs;
static int frees;
static vmk_ByteCountSmall last_size;
static vmk_HeapID heap_seen;
static void *handle_private_seen;
static void *array_private_seen;
static int fail_alloc;

static int
sgv_setup(void **state)
{
   vmk_HeapCreateProps props;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "sgvirt-test");
   props.max = 1024 * 1024;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   return vmk_HeapCreate(&props, &test_heap) == VMK_OK ? 0 : -1;
}

static int
sgv_teardown(void **state)
{
   vmk_HeapDestroy(test_heap);
   return emutest_group_teardown(state);
}

static VMK_ReturnStatus
v_alloc(vmk_SgVirtOpsHandle h, vmk_HeapID heap, void *priv,
        vmk_SgVirtArray *arr, vmk_ByteCountSmall size)
{
   (void)h;
   heap_seen = heap;
   handle_private_seen = priv;
   last_size = size;
   if (fail_alloc) {
      return VMK_NO_MEMORY;
   }
   *arr = vmk_HeapAlloc(heap, size);
   if (*arr == NULL) {
      return VMK_NO_MEMORY;
   }
   allocs++;
   return VMK_OK;
}

static VMK_ReturnStatus
v_free(vmk_SgVirtOpsHandle h, vmk_HeapID heap, void *priv,
       vmk_SgVirtArray arr, void *arrayPrivate)
{
   (void)h;
   (void)priv;
   array_private_seen = arrayPrivate;
   vmk_HeapFree(heap, arr);
   frees++;
   return VMK_OK;
}

static vmk_SgVirtOpsHandle
make_ops(void *priv)
{
   vmk_SgVirtArrayOps ops = { v_alloc, v_free };
   vmk_SgVirtOpsHandle h;

   assert_vmk_ok(vmk_SgVirtOpsHandleCreate(test_heap, &h, &ops, priv));
   return h;
}

static void
test_ops_handle_needs_both_callbacks_and_a_heap(void **state)
{
   vmk_SgVirtArrayOps half = { v_alloc, NULL };
   vmk_SgVirtArrayOps ops = { v_alloc, v_free };
   vmk_SgVirtOpsHandle h;

   (void)state;
   assert_vmk_status(vmk_SgVirtOpsHandleCreate(test_heap, &h, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtOpsHandleCreate(test_heap, &h, &half, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtOpsHandleCreate(NULL, &h, &ops, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtOpsHandleCreate(test_heap, NULL, &ops, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtOpsHandleDestroy(NULL), VMK_BAD_PARAM);
}

static void
test_alloc_calls_the_driver_with_heap_size_and_private(void **state)
{
   int hp;
   int ap;
   vmk_SgVirtOpsHandle h = make_ops(&hp);
   vmk_SgVirtArray arr;
   vmk_SgVirtArray arr2;
   vmk_uint32 n;

   (void)state;
   allocs = frees = 0;
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr, 4, &ap));
   assert_int_equal(allocs, 1);
   assert_ptr_equal(heap_seen, test_heap);
   assert_ptr_equal(handle_private_seen, &hp);
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr2, 8, NULL));
   /* The size grows with maxElems. */
   assert_true(last_size > 0);
   assert_vmk_ok(vmk_SgVirtArrayGetMaxElems(arr, &n));
   assert_int_equal(n, 4);
   assert_vmk_ok(vmk_SgVirtArrayGetUsedElems(arr, &n));
   assert_int_equal(n, 0);
   assert_vmk_ok(vmk_SgVirtArrayFree(arr));
   assert_int_equal(frees, 1);
   assert_ptr_equal(array_private_seen, &ap);
   assert_vmk_ok(vmk_SgVirtArrayFree(arr2));
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
}

static void
test_alloc_rejects_bad_arguments_and_passes_on_failure(void **state)
{
   vmk_SgVirtOpsHandle h = make_ops(NULL);
   vmk_SgVirtArray arr;

   (void)state;
   assert_vmk_status(vmk_SgVirtArrayAllocWithInit(h, &arr, 0, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtArrayAllocWithInit(h, NULL, 1, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtArrayAllocWithInit(NULL, &arr, 1, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtArrayAllocWithInit(h, &arr, 0x7fffffff, NULL),
                     VMK_BAD_PARAM);
   fail_alloc = 1;
   assert_vmk_status(vmk_SgVirtArrayAllocWithInit(h, &arr, 2, NULL),
                     VMK_NO_MEMORY);
   fail_alloc = 0;
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
}

static void
test_elements_are_initialised_in_order_and_walked_back(void **state)
{
   vmk_SgVirtOpsHandle h = make_ops(NULL);
   vmk_SgVirtArray arr;
   vmk_SgVirtElem el;
   char a[10];
   char b[20];
   char c[30];
   vmk_VA va;
   vmk_uint32 len;
   vmk_uint32 used;

   (void)state;
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr, 2, NULL));
   assert_vmk_ok(vmk_SgVirtElemInit(arr, a, sizeof a));
   assert_vmk_ok(vmk_SgVirtElemInit(arr, b, sizeof b));
   assert_vmk_status(vmk_SgVirtElemInit(arr, c, sizeof c),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_ok(vmk_SgVirtArrayGetUsedElems(arr, &used));
   assert_int_equal(used, 2);
   assert_vmk_ok(vmk_SgVirtArrayGetElem(arr, 1, &el));
   assert_vmk_ok(vmk_SgVirtElemGetInfo(el, &va, &len));
   assert_ptr_equal((void *)(uintptr_t)va, b);
   assert_int_equal(len, sizeof b);
   assert_vmk_ok(vmk_SgVirtArrayGetElem(arr, 0, &el));
   assert_vmk_ok(vmk_SgVirtElemGetInfo(el, &va, &len));
   assert_ptr_equal((void *)(uintptr_t)va, a);
   assert_int_equal(len, sizeof a);
   assert_vmk_status(vmk_SgVirtArrayGetElem(arr, 2, &el),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_status(vmk_SgVirtArrayGetElem(arr, 0, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtElemGetInfo(el, NULL, &len), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtElemGetInfo(NULL, &va, &len), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtElemInit(arr, NULL, 1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtElemInit(arr, a, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtArrayGetMaxElems(arr, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgVirtArrayGetUsedElems(NULL, &used), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgVirtArrayFree(arr));
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
}

static void
test_unused_elements_are_not_reachable_until_initialised(void **state)
{
   vmk_SgVirtOpsHandle h = make_ops(NULL);
   vmk_SgVirtArray arr;
   vmk_SgVirtElem el;
   char a[4];

   (void)state;
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr, 3, NULL));
   assert_vmk_status(vmk_SgVirtArrayGetElem(arr, 0, &el),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_ok(vmk_SgVirtElemInit(arr, a, sizeof a));
   assert_vmk_ok(vmk_SgVirtArrayGetElem(arr, 0, &el));
   assert_vmk_ok(vmk_SgVirtArrayFree(arr));
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
}

static void
test_double_free_of_a_virtual_array_is_reported(void **state)
{
   vmk_SgVirtOpsHandle h = make_ops(NULL);
   vmk_SgVirtArray arr;

   (void)state;
   frees = 0;
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr, 1, NULL));
   assert_vmk_ok(vmk_SgVirtArrayFree(arr));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   assert_vmk_status(vmk_SgVirtArrayFree(arr), VMK_BAD_PARAM);
   assert_reports_met();
   assert_int_equal(frees, 1);
   assert_vmk_status(vmk_SgVirtArrayFree(NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
}

static void
test_a_foreign_array_handle_is_reported(void **state)
{
   char junk[64];
   vmk_uint32 n;

   (void)state;
   memset(junk, 0, sizeof junk);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SgVirtArrayGetMaxElems((vmk_SgVirtArray)junk, &n),
                     VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   assert_vmk_status(vmk_SgVirtArrayFree((vmk_SgVirtArray)junk),
                     VMK_BAD_PARAM);
   assert_reports_met();
}

static void
test_destroying_the_handle_with_live_arrays_is_a_leak(void **state)
{
   vmk_SgVirtOpsHandle h = make_ops(NULL);
   vmk_SgVirtArray arr;
   int ap;

   (void)state;
   frees = 0;
   assert_vmk_ok(vmk_SgVirtArrayAllocWithInit(h, &arr, 2, &ap));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(vmk_SgVirtOpsHandleDestroy(h));
   assert_reports_met();
   /* The driver's free callback took the array back. */
   assert_int_equal(frees, 1);
   assert_ptr_equal(array_private_seen, &ap);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SgVirtOpsHandleDestroy(h), VMK_BAD_PARAM);
   assert_reports_met();
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ops_handle_needs_both_callbacks_and_a_heap),
      cmocka_unit_test(test_alloc_calls_the_driver_with_heap_size_and_private),
      cmocka_unit_test(test_alloc_rejects_bad_arguments_and_passes_on_failure),
      cmocka_unit_test(test_elements_are_initialised_in_order_and_walked_back),
      cmocka_unit_test(test_unused_elements_are_not_reachable_until_initialised),
      cmocka_unit_test(test_double_free_of_a_virtual_array_is_reported),
      cmocka_unit_test(test_a_foreign_array_handle_is_reported),
      cmocka_unit_test(test_destroying_the_handle_with_live_arrays_is_a_leak),
   };

   return cmocka_run_group_tests(tests, sgv_setup, sgv_teardown);
}
