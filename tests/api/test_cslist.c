/*
 * test_cslist.c -- vmk_CSList*: singly-linked lists that keep a count.
 *
 * Each test checks the count against a real walk of the list, so a count
 * that drifts from the links is caught whichever operation caused it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define NITEMS 8

typedef struct Item {
   int value;
   vmk_SList_Links links;
} Item;

static Item items[NITEMS];

static void
items_init(void)
{
   int i;

   for (i = 0; i < NITEMS; i++) {
      items[i].value = i;
      vmk_SListInitElement(&items[i].links);
   }
}

static int
value_of(vmk_SList_Links *l)
{
   return VMK_SLIST_ENTRY(l, Item, links)->value;
}

static void
assert_cslist_is(vmk_CSList *list, const int *want, int n)
{
   vmk_SList_Links *e;
   vmk_SList_Links *last = NULL;
   int i = 0;

   VMK_CSLIST_FORALL(list, e) {
      assert_true(i < n);
      assert_int_equal(value_of(e), want[i]);
      last = e;
      i++;
   }
   assert_int_equal(i, n);
   assert_int_equal(vmk_CSListCount(list), n);
   assert_int_equal(vmk_CSListIsEmpty(list), n == 0);
   assert_ptr_equal(vmk_CSListLast(list), last);
}

static void
fill_tail(vmk_CSList *list, int from, int to)
{
   int i;

   for (i = from; i < to; i++) {
      vmk_CSListInsertAtTail(list, &items[i].links);
   }
}

static void
test_cslist_init_gives_an_empty_list_with_count_zero(void **state)
{
   vmk_CSList list;

   (void)state;
   vmk_CSListInit(&list);
   assert_cslist_is(&list, NULL, 0);
   assert_null(vmk_CSListFirst(&list));
}

static void
test_cslist_inserts_count_every_element(void **state)
{
   vmk_CSList list;
   static const int want[] = { 4, 0, 5, 1 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   fill_tail(&list, 0, 2);
   vmk_CSListInsertAtHead(&list, &items[4].links);
   vmk_CSListInsertAfter(&list, &items[5].links, &items[0].links);
   assert_cslist_is(&list, want, 4);
   assert_ptr_equal(vmk_CSListFirst(&list), &items[4].links);
   assert_ptr_equal(vmk_CSListNext(&items[4].links), &items[0].links);
   assert_ptr_equal(vmk_CSListPrev(&list, &items[5].links), &items[0].links);
}

static void
test_cslist_pop_and_removes_decrement_the_count(void **state)
{
   vmk_CSList list;
   static const int want1[] = { 1, 2, 3, 4 };
   static const int want2[] = { 1, 3, 4 };
   static const int want3[] = { 1, 3 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   fill_tail(&list, 0, 5);
   assert_ptr_equal(vmk_CSListPop(&list), &items[0].links);
   assert_cslist_is(&list, want1, 4);
   vmk_CSListRemove(&list, &items[2].links, &items[1].links);
   assert_cslist_is(&list, want2, 3);
   vmk_CSListRemoveSlow(&list, &items[4].links);
   assert_cslist_is(&list, want3, 2);
}

static void
test_cslist_forall_safe_removal_keeps_the_count(void **state)
{
   vmk_CSList list;
   vmk_SList_Links *prev;
   vmk_SList_Links *e;
   vmk_SList_Links *next;
   static const int want[] = { 1, 3 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   fill_tail(&list, 0, 5);
   VMK_CSLIST_FORALL_SAFE(&list, prev, e, next) {
      if (value_of(e) % 2 == 0) {
         vmk_CSListRemove(&list, e, prev);
      }
   }
   assert_cslist_is(&list, want, 2);
   e = &items[1].links;
   {
      int n = 0;

      VMK_CSLIST_FORALL_AFTER(&list, e) {
         n++;
      }
      assert_int_equal(n, 2);
   }
}

static void
test_cslist_append_and_prepend_move_the_count(void **state)
{
   vmk_CSList a;
   vmk_CSList b;
   static const int app[] = { 0, 1, 2, 3 };
   static const int pre[] = { 4, 5, 0, 1, 2, 3 };

   (void)state;
   items_init();
   vmk_CSListInit(&a);
   vmk_CSListInit(&b);
   fill_tail(&a, 0, 2);
   fill_tail(&b, 2, 4);
   vmk_CSListAppend(&a, &b);
   assert_cslist_is(&a, app, 4);
   assert_cslist_is(&b, NULL, 0);
   fill_tail(&b, 4, 6);
   vmk_CSListPrepend(&a, &b);
   assert_cslist_is(&a, pre, 6);
   assert_cslist_is(&b, NULL, 0);
}

static void
test_cslist_append_n_counts_what_actually_moved(void **state)
{
   vmk_CSList src;
   vmk_CSList dst;
   static const int dst1[] = { 0, 1, 2 };
   static const int src1[] = { 3, 4 };
   static const int dst2[] = { 0, 1, 2, 3, 4 };

   (void)state;
   items_init();
   vmk_CSListInit(&src);
   vmk_CSListInit(&dst);
   fill_tail(&src, 0, 5);
   vmk_CSListAppendN(&dst, &src, 3);
   assert_cslist_is(&dst, dst1, 3);
   assert_cslist_is(&src, src1, 2);
   vmk_CSListAppendN(&dst, &src, 9);       /* more than is left */
   assert_cslist_is(&dst, dst2, 5);
   assert_cslist_is(&src, NULL, 0);
}

static void
test_cslist_split_n_head_counts_elements_zero_through_n(void **state)
{
   vmk_CSList list;
   vmk_CSList head;
   static const int moved[] = { 0, 1, 2 };
   static const int kept[] = { 3, 4 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   vmk_CSListInit(&head);
   fill_tail(&list, 0, 5);
   vmk_CSListSplitNHead(&list, &head, 2);
   assert_cslist_is(&head, moved, 3);
   assert_cslist_is(&list, kept, 2);
}

static void
test_cslist_split_n_head_beyond_the_end_moves_all(void **state)
{
   vmk_CSList list;
   vmk_CSList head;
   static const int moved[] = { 0, 1 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   vmk_CSListInit(&head);
   fill_tail(&list, 0, 2);
   vmk_CSListSplitNHead(&list, &head, 5);
   assert_cslist_is(&head, moved, 2);
   assert_cslist_is(&list, NULL, 0);
}

static void
test_cslist_replace_keeps_the_count(void **state)
{
   vmk_CSList list;
   static const int want[] = { 0, 7, 2 };

   (void)state;
   items_init();
   vmk_CSListInit(&list);
   fill_tail(&list, 0, 3);
   vmk_CSListReplace(&list, &items[1].links, &items[7].links, &items[0].links);
   assert_cslist_is(&list, want, 3);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cslist_init_gives_an_empty_list_with_count_zero),
      cmocka_unit_test(test_cslist_inserts_count_every_element),
      cmocka_unit_test(test_cslist_pop_and_removes_decrement_the_count),
      cmocka_unit_test(test_cslist_forall_safe_removal_keeps_the_count),
      cmocka_unit_test(test_cslist_append_and_prepend_move_the_count),
      cmocka_unit_test(test_cslist_append_n_counts_what_actually_moved),
      cmocka_unit_test(test_cslist_split_n_head_counts_elements_zero_through_n),
      cmocka_unit_test(test_cslist_split_n_head_beyond_the_end_moves_all),
      cmocka_unit_test(test_cslist_replace_keeps_the_count),
   };

   return cmocka_run_group_tests_name("cslist", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
