/*
 * test_hash.c -- lib/vmkapi_hash.h: tables of int, string and opaque keys,
 * references through acquire/release, iteration, and bad parameters.
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

static int refs[8];                 /* references held on values &refs[i] */

static void
value_acquire(vmk_HashValue v)
{
   (*(int *)v)++;
}

static void
value_release(vmk_HashValue v)
{
   (*(int *)v)--;
}

static void
props_init(vmk_HashProperties *p, vmk_HashKeyType type, vmk_uint32 keySize)
{
   memset(p, 0, sizeof *p);
   p->moduleID = 0;
   p->heapID = TEST_HEAP;
   p->keyType = type;
   p->keyFlags = VMK_HASH_KEY_FLAGS_NONE;
   p->keySize = keySize;
   p->nbEntries = 8;
}

#define INT_KEY(n) ((vmk_HashKey)(uintptr_t)(n))
#define VAL(n) ((vmk_HashValue)(uintptr_t)(n))

static void
test_hash_int_keys_insert_find_update_delete(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v = NULL;
   vmk_uint64 count = 99;
   int i;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_true(vmk_HashIsEmpty(ht));
   for (i = 0; i < 100; i++) {                 /* more than nbEntries */
      assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(i), VAL(i + 1000)));
   }
   assert_vmk_ok(vmk_HashKeysCount(ht, &count));
   assert_int_equal(count, 100);
   assert_false(vmk_HashIsEmpty(ht));
   for (i = 0; i < 100; i++) {
      assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(i), &v));
      assert_ptr_equal(v, VAL(i + 1000));
   }
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(0), NULL));    /* NULL key ok */
   assert_vmk_status(vmk_HashKeyFind(ht, INT_KEY(100), &v), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_HashKeyUpdate(ht, INT_KEY(5), VAL(5), &v));
   assert_ptr_equal(v, VAL(1005));
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(5), &v));
   assert_ptr_equal(v, VAL(5));
   assert_vmk_ok(vmk_HashKeyDelete(ht, INT_KEY(5), &v));
   assert_ptr_equal(v, VAL(5));
   assert_vmk_status(vmk_HashKeyDelete(ht, INT_KEY(5), NULL), VMK_NOT_FOUND);
   assert_vmk_status(vmk_HashKeyUpdate(ht, INT_KEY(5), NULL, NULL),
                     VMK_NOT_FOUND);
   assert_vmk_status(vmk_HashRelease(ht), VMK_BUSY);      /* not empty */
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_true(vmk_HashIsEmpty(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_insert_of_a_present_key_is_exists(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(0), NULL));  /* NULL value */
   assert_vmk_status(vmk_HashKeyInsert(ht, INT_KEY(0), VAL(1)), VMK_EXISTS);
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(0), &v));
   assert_null(v);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_string_keys_compare_by_content(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v;
   char key[16] = "vmnic0";
   char other[16] = "vmnic0";

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_STR, 8);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, key, VAL(1)));
   assert_vmk_ok(vmk_HashKeyInsert(ht, "vmnic", VAL(2)));
   assert_vmk_ok(vmk_HashKeyFind(ht, other, &v));        /* same text */
   assert_ptr_equal(v, VAL(1));
   assert_vmk_ok(vmk_HashKeyFind(ht, "vmnic", &v));
   assert_ptr_equal(v, VAL(2));
   assert_vmk_status(vmk_HashKeyFind(ht, "vmnic01", &v), VMK_NOT_FOUND);
   /* Longer than keySize: cannot be stored, so never found. */
   assert_vmk_status(vmk_HashKeyInsert(ht, "toolongkey", VAL(3)),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyFind(ht, "toolongkey", &v), VMK_NOT_FOUND);
   assert_vmk_status(vmk_HashKeyInsert(ht, NULL, VAL(3)), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyFind(ht, NULL, &v), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_local_copy_keeps_its_own_key(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v;
   char key[16] = "alpha";

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_STR, 15);
   props.keyFlags = VMK_HASH_KEY_FLAGS_LOCAL_COPY;
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, key, VAL(1)));
   strcpy(key, "beta");                              /* driver reuses it */
   assert_vmk_ok(vmk_HashKeyFind(ht, "alpha", &v));
   assert_ptr_equal(v, VAL(1));
   assert_vmk_status(vmk_HashKeyFind(ht, "beta", &v), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

struct opaque_key {
   vmk_uint32 bus;
   vmk_uint16 dev;
   vmk_uint16 fn;
};

static void
test_hash_opaque_keys_compare_key_size_bytes(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v;
   struct opaque_key a = { 1, 2, 3 };
   struct opaque_key b = { 1, 2, 3 };
   struct opaque_key c = { 1, 2, 4 };

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_OPAQUE, sizeof a);
   props.keyFlags = VMK_HASH_KEY_FLAGS_LOCAL_COPY;
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, &a, VAL(7)));
   assert_vmk_ok(vmk_HashKeyFind(ht, &b, &v));
   assert_ptr_equal(v, VAL(7));
   assert_vmk_status(vmk_HashKeyFind(ht, &c, &v), VMK_NOT_FOUND);
   assert_vmk_status(vmk_HashKeyInsert(ht, &b, VAL(8)), VMK_EXISTS);
   assert_vmk_ok(vmk_HashKeyDelete(ht, &b, NULL));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_acquire_and_release_track_references(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_HashValue v;

   (void)state;
   memset(refs, 0, sizeof refs);
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   props.acquire = value_acquire;
   props.release = value_release;
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(1), &refs[0]));
   assert_int_equal(refs[0], 1);                       /* the table's */
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(1), &v));
   assert_int_equal(refs[0], 2);                       /* + the caller's */
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(1), NULL));
   assert_int_equal(refs[0], 2);                       /* none taken */
   assert_vmk_ok(vmk_HashKeyUpdate(ht, INT_KEY(1), &refs[1], &v));
   assert_ptr_equal(v, &refs[0]);
   assert_int_equal(refs[0], 2);          /* +1 for the caller, -1 table */
   assert_int_equal(refs[1], 1);
   assert_vmk_ok(vmk_HashKeyUpdate(ht, INT_KEY(1), &refs[2], NULL));
   assert_int_equal(refs[1], 0);
   assert_vmk_ok(vmk_HashKeyDelete(ht, INT_KEY(1), &v));
   assert_int_equal(refs[2], 1);          /* the caller's, table's dropped */
   assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(2), &refs[3]));
   assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(3), NULL));  /* no callback */
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_int_equal(refs[3], 0);
   assert_vmk_ok(vmk_HashRelease(ht));
}

static vmk_HashKeyIteratorCmd
iter_count(vmk_HashTable ht, vmk_HashKey key, vmk_HashValue value,
           vmk_AddrCookie data)
{
   (*(int *)data.ptr)++;
   return VMK_HASH_KEY_ITER_CMD_CONTINUE;
}

static vmk_HashKeyIteratorCmd
iter_delete_odd(vmk_HashTable ht, vmk_HashKey key, vmk_HashValue value,
                vmk_AddrCookie data)
{
   return ((uintptr_t)key & 1) ? VMK_HASH_KEY_ITER_CMD_DELETE
                               : VMK_HASH_KEY_ITER_CMD_CONTINUE;
}

static vmk_HashKeyIteratorCmd
iter_stop_after_three(vmk_HashTable ht, vmk_HashKey key, vmk_HashValue value,
                      vmk_AddrCookie data)
{
   return ++(*(int *)data.ptr) == 3 ? VMK_HASH_KEY_ITER_CMD_STOP
                                    : VMK_HASH_KEY_ITER_CMD_CONTINUE;
}

static vmk_HashKeyIteratorCmd
iter_insert(vmk_HashTable ht, vmk_HashKey key, vmk_HashValue value,
            vmk_AddrCookie data)
{
   *(VMK_ReturnStatus *)data.ptr = vmk_HashKeyInsert(ht, INT_KEY(1000), NULL);
   return VMK_HASH_KEY_ITER_CMD_STOP;
}

static void
test_hash_iterate_visits_deletes_and_stops(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_AddrCookie cookie;
   vmk_uint64 count;
   int seen = 0;
   int i;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   for (i = 0; i < 50; i++) {
      assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(i), NULL));
   }
   cookie.ptr = &seen;
   assert_vmk_ok(vmk_HashKeyIterate(ht, iter_count, cookie));
   assert_int_equal(seen, 50);
   assert_vmk_ok(vmk_HashKeyIterate(ht, iter_delete_odd, cookie));
   assert_vmk_ok(vmk_HashKeysCount(ht, &count));
   assert_int_equal(count, 25);
   assert_vmk_status(vmk_HashKeyFind(ht, INT_KEY(7), NULL), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_HashKeyFind(ht, INT_KEY(8), NULL));
   seen = 0;
   assert_vmk_ok(vmk_HashKeyIterate(ht, iter_stop_after_three, cookie));
   assert_int_equal(seen, 3);
   assert_vmk_status(vmk_HashKeyIterate(ht, NULL, cookie), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_insert_from_the_iterator_is_reported(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_AddrCookie cookie;
   VMK_ReturnStatus inner = VMK_OK;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, INT_KEY(1), NULL));
   cookie.ptr = &inner;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(vmk_HashKeyIterate(ht, iter_insert, cookie));
   assert_reports_met();
   assert_vmk_status(inner, VMK_BUSY);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_alloc_rejects_bad_properties(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_status(vmk_HashAlloc(NULL, &ht), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashAlloc(&props, NULL), VMK_BAD_PARAM);
   props.keySize = 4;                                 /* INT needs 0 */
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_BAD_PARAM);
   props_init(&props, VMK_HASH_KEY_TYPE_STR, 0);      /* STR needs a size */
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_BAD_PARAM);
   props_init(&props, VMK_HASH_KEY_TYPE_OPAQUE, 0);
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_BAD_PARAM);
   props_init(&props, (vmk_HashKeyType)7, 4);
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_BAD_PARAM);
   props_init(&props, VMK_HASH_KEY_TYPE_STR, 4);
   props.keyFlags = 0x80;
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_BAD_PARAM);
}

static void
test_hash_calls_on_the_invalid_handle_are_bad_param(void **state)
{
   vmk_AddrCookie cookie;
   vmk_uint64 count;

   (void)state;
   cookie.ptr = NULL;
   assert_vmk_status(vmk_HashRelease(VMK_INVALID_HASH_HANDLE), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashDeleteAll(VMK_INVALID_HASH_HANDLE), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeysCount(VMK_INVALID_HASH_HANDLE, &count),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyInsert(VMK_INVALID_HASH_HANDLE, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyFind(VMK_INVALID_HASH_HANDLE, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyUpdate(VMK_INVALID_HASH_HANDLE, NULL, NULL,
                                       NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyDelete(VMK_INVALID_HASH_HANDLE, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashKeyIterate(VMK_INVALID_HASH_HANDLE, iter_count,
                                        cookie), VMK_BAD_PARAM);
}

static void
test_hash_foreign_handle_is_reported(void **state)
{
   vmk_uint64 junk[8] = { 0 };

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_HashKeyFind((vmk_HashTable)junk, INT_KEY(1), NULL),
                     VMK_INVALID_HANDLE);
   assert_reports_met();
}

static void
test_hash_keys_count_needs_an_out_pointer(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_vmk_status(vmk_HashKeysCount(ht, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_survives_every_allocation_failure(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_STR, 8);
   props.keyFlags = VMK_HASH_KEY_FLAGS_LOCAL_COPY;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_HashAlloc(&props, &ht), VMK_NO_MEMORY);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_HashKeyInsert(ht, "k", NULL), VMK_NO_MEMORY);
   assert_true(vmk_HashIsEmpty(ht));
   assert_vmk_ok(vmk_HashKeyInsert(ht, "k", NULL));
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_vmk_ok(vmk_HashDeleteAll(ht));
   assert_vmk_ok(vmk_HashRelease(ht));
}

static void
test_hash_unreleased_table_is_a_live_resource(void **state)
{
   vmk_HashProperties props;
   vmk_HashTable ht;
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);

   (void)state;
   props_init(&props, VMK_HASH_KEY_TYPE_INT, 0);
   assert_vmk_ok(vmk_HashAlloc(&props, &ht));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before + 1);
   assert_vmk_ok(vmk_HashRelease(ht));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
}

static void
test_hash_bytes_is_stable_and_checks_its_arguments(void **state)
{
   vmk_uint64 a = 0;
   vmk_uint64 b = 0;
   vmk_uint64 c = 0;

   (void)state;
   assert_vmk_ok(vmk_HashBytes((const vmk_uint8 *)"abc", 3, &a));
   assert_vmk_ok(vmk_HashBytes((const vmk_uint8 *)"abc", 3, &b));
   assert_vmk_ok(vmk_HashBytes((const vmk_uint8 *)"abd", 3, &c));
   assert_true(a == b);
   assert_true(a != c);
   assert_vmk_status(vmk_HashBytes(NULL, 3, &a), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashBytes((const vmk_uint8 *)"a", 0, &a),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_HashBytes((const vmk_uint8 *)"a", 1, NULL),
                     VMK_BAD_PARAM);
}

static void
test_hash_alloc_size_grows_with_entries(void **state)
{
   (void)state;
   assert_true(vmk_HashGetAllocSize(0) > 0);
   assert_true(vmk_HashGetAllocSize(1000) > vmk_HashGetAllocSize(10));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hash_int_keys_insert_find_update_delete),
      cmocka_unit_test(test_hash_insert_of_a_present_key_is_exists),
      cmocka_unit_test(test_hash_string_keys_compare_by_content),
      cmocka_unit_test(test_hash_local_copy_keeps_its_own_key),
      cmocka_unit_test(test_hash_opaque_keys_compare_key_size_bytes),
      cmocka_unit_test(test_hash_acquire_and_release_track_references),
      cmocka_unit_test(test_hash_iterate_visits_deletes_and_stops),
      cmocka_unit_test(test_hash_insert_from_the_iterator_is_reported),
      cmocka_unit_test(test_hash_alloc_rejects_bad_properties),
      cmocka_unit_test(test_hash_calls_on_the_invalid_handle_are_bad_param),
      cmocka_unit_test(test_hash_foreign_handle_is_reported),
      cmocka_unit_test(test_hash_keys_count_needs_an_out_pointer),
      cmocka_unit_test(test_hash_survives_every_allocation_failure),
      cmocka_unit_test(test_hash_unreleased_table_is_a_live_resource),
      cmocka_unit_test(test_hash_bytes_is_stable_and_checks_its_arguments),
      cmocka_unit_test(test_hash_alloc_size_grows_with_entries),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
