/*
 * test_slist.c -- vmk_SList*: singly-linked lists with head and tail.
 *
 * After each operation the list is walked and its tail pointer checked,
 * since most slist bugs leave a stale tail behind.
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

/* The list holds exactly want[0..n-1]; tail is the last; last->next NULL. */
static void
assert_slist_is(vmk_SList *list, const int *want, int n)
{
   vmk_SList_Links *e;
   vmk_SList_Links *last = NULL;
   int i = 0;

   VMK_SLIST_FORALL(list, e) {
      assert_true(i < n);
      assert_int_equal(value_of(e), want[i]);
      last = e;
      i++;
   }
   assert_int_equal(i, n);
   assert_ptr_equal(vmk_SListLast(list), last);
   assert_int_equal(vmk_SListIsEmpty(list), n == 0);
   if (n == 0) {
      assert_null(vmk_SListFirst(list));
   }
}

static void
fill_tail(vmk_SList *list, int from, int to)
{
   int i;

   for (i = from; i < to; i++) {
      vmk_SListInsertAtTail(list, &items[i].links);
   }
}

static void
test_slist_init_makes_an_empty_list(void **state)
{
   vmk_SList list;

   (void)state;
   vmk_SListInit(&list);
   assert_slist_is(&list, NULL, 0);
   assert_null(vmk_SListLast(&list));
}

static void
test_slist_insert_at_tail_and_head_set_both_ends(void **state)
{
   vmk_SList list;
   static const int want[] = { 5, 0, 1, 2 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   vmk_SListInsertAtHead(&list, &items[0].links);   /* head of empty list */
   assert_ptr_equal(vmk_SListLast(&list), &items[0].links);
   fill_tail(&list, 1, 3);
   vmk_SListInsertAtHead(&list, &items[5].links);
   assert_slist_is(&list, want, 4);
   assert_ptr_equal(vmk_SListFirst(&list), &items[5].links);
   assert_ptr_equal(vmk_SListNext(&items[5].links), &items[0].links);
   assert_null(vmk_SListNext(&items[2].links));
}

static void
test_slist_insert_after_the_tail_moves_the_tail(void **state)
{
   vmk_SList list;
   static const int want[] = { 0, 6, 1, 7 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 2);
   vmk_SListInsertAfter(&list, &items[6].links, &items[0].links);
   vmk_SListInsertAfter(&list, &items[7].links, &items[1].links);
   assert_slist_is(&list, want, 4);
}

static void
test_slist_prev_finds_the_predecessor_or_null(void **state)
{
   vmk_SList list;

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 4);
   assert_null(vmk_SListPrev(&list, &items[0].links));
   assert_ptr_equal(vmk_SListPrev(&list, &items[3].links), &items[2].links);
   assert_null(vmk_SListPrev(&list, &items[6].links));  /* not a member */
}

static void
test_slist_pop_takes_the_head_and_clears_its_link(void **state)
{
   vmk_SList list;
   static const int want[] = { 1 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 2);
   assert_ptr_equal(vmk_SListPop(&list), &items[0].links);
   assert_null(items[0].links.next);
   assert_slist_is(&list, want, 1);
   assert_ptr_equal(vmk_SListPop(&list), &items[1].links);
   assert_slist_is(&list, NULL, 0);
}

static void
test_slist_remove_head_middle_and_tail(void **state)
{
   vmk_SList list;
   static const int want1[] = { 0, 2, 3 };
   static const int want2[] = { 2, 3 };
   static const int want3[] = { 2 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 4);
   vmk_SListRemove(&list, &items[1].links, &items[0].links);
   assert_slist_is(&list, want1, 3);
   vmk_SListRemove(&list, &items[0].links, NULL);
   assert_slist_is(&list, want2, 2);
   vmk_SListRemove(&list, &items[3].links, &items[2].links);
   assert_slist_is(&list, want3, 1);
   vmk_SListRemove(&list, &items[2].links, NULL);
   assert_slist_is(&list, NULL, 0);
}

static void
test_slist_remove_slow_finds_the_predecessor_itself(void **state)
{
   vmk_SList list;
   static const int want[] = { 0, 1, 2 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 4);
   vmk_SListRemoveSlow(&list, &items[3].links);
   assert_slist_is(&list, want, 3);
}

static void
test_slist_forall_safe_allows_removing_during_the_walk(void **state)
{
   vmk_SList list;
   vmk_SList_Links *prev;
   vmk_SList_Links *e;
   vmk_SList_Links *next;
   static const int want[] = { 1, 3, 5 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 7);
   VMK_SLIST_FORALL_SAFE(&list, prev, e, next) {
      if (value_of(e) % 2 == 0) {
         vmk_SListRemove(&list, e, prev);
      }
   }
   assert_slist_is(&list, want, 3);
}

static void
test_slist_forn_and_forall_after_bound_the_walk(void **state)
{
   vmk_SList list;
   vmk_SList_Links *e;
   int n = 2;
   int count = 0;

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 5);
   VMK_SLIST_FORN(&list, e, n) {
      count++;
   }
   assert_int_equal(count, 2);
   assert_ptr_equal(e, &items[2].links);
   count = 0;
   VMK_SLIST_FORALL_AFTER(&list, e) {
      count++;
   }
   assert_int_equal(count, 3);
}

static void
test_slist_append_moves_everything_and_empties_the_source(void **state)
{
   vmk_SList a;
   vmk_SList b;
   static const int want[] = { 0, 1, 2, 3, 4 };

   (void)state;
   items_init();
   vmk_SListInit(&a);
   vmk_SListInit(&b);
   fill_tail(&a, 0, 2);
   fill_tail(&b, 2, 5);
   vmk_SListAppend(&a, &b);
   assert_slist_is(&a, want, 5);
   assert_slist_is(&b, NULL, 0);
   vmk_SListAppend(&a, &b);                /* empty source: no change */
   assert_slist_is(&a, want, 5);
   vmk_SListAppend(&b, &a);                /* empty destination */
   assert_slist_is(&b, want, 5);
   assert_slist_is(&a, NULL, 0);
}

static void
test_slist_append_n_moves_at_most_n_from_the_head(void **state)
{
   vmk_SList src;
   vmk_SList dst;
   static const int dst1[] = { 0, 1 };
   static const int src1[] = { 2, 3, 4 };
   static const int dst2[] = { 0, 1, 2, 3, 4 };

   (void)state;
   items_init();
   vmk_SListInit(&src);
   vmk_SListInit(&dst);
   fill_tail(&src, 0, 5);
   vmk_SListAppendN(&dst, &src, 0);
   assert_slist_is(&dst, NULL, 0);
   vmk_SListAppendN(&dst, &src, 2);
   assert_slist_is(&dst, dst1, 2);
   assert_slist_is(&src, src1, 3);
   vmk_SListAppendN(&dst, &src, 10);       /* fewer than n left: all move */
   assert_slist_is(&dst, dst2, 5);
   assert_slist_is(&src, NULL, 0);
}

static void
test_slist_prepend_puts_the_source_in_front(void **state)
{
   vmk_SList a;
   vmk_SList b;
   static const int want[] = { 3, 4, 0, 1, 2 };

   (void)state;
   items_init();
   vmk_SListInit(&a);
   vmk_SListInit(&b);
   fill_tail(&a, 0, 3);
   fill_tail(&b, 3, 5);
   vmk_SListPrepend(&a, &b);
   assert_slist_is(&a, want, 5);
   assert_slist_is(&b, NULL, 0);
   vmk_SListPrepend(&b, &a);               /* into an empty list */
   assert_slist_is(&b, want, 5);
}

static void
test_slist_split_head_moves_the_run_through_element(void **state)
{
   vmk_SList list;
   vmk_SList head;
   static const int moved[] = { 0, 1, 2 };
   static const int kept[] = { 3, 4 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   vmk_SListInit(&head);
   fill_tail(&list, 0, 5);
   vmk_SListSplitHead(&list, &head, &items[2].links);
   assert_slist_is(&head, moved, 3);
   assert_slist_is(&list, kept, 2);
}

static void
test_slist_split_n_head_moves_elements_zero_through_n(void **state)
{
   vmk_SList list;
   vmk_SList head;
   static const int moved[] = { 0, 1 };
   static const int kept[] = { 2, 3, 4 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   vmk_SListInit(&head);
   fill_tail(&list, 0, 5);
   vmk_SListSplitNHead(&list, &head, 1);   /* index of the last one moved */
   assert_slist_is(&head, moved, 2);
   assert_slist_is(&list, kept, 3);
}

static void
test_slist_split_n_head_beyond_the_end_moves_everything(void **state)
{
   vmk_SList list;
   vmk_SList head;
   static const int moved[] = { 0, 1, 2 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   vmk_SListInit(&head);
   fill_tail(&list, 0, 3);
   vmk_SListSplitNHead(&list, &head, 7);
   assert_slist_is(&head, moved, 3);
   assert_slist_is(&list, NULL, 0);
}

static void
test_slist_replace_swaps_an_element_in_place(void **state)
{
   vmk_SList list;
   static const int want1[] = { 6, 1, 2 };
   static const int want2[] = { 6, 7, 2 };
   static const int want3[] = { 6, 7, 5 };

   (void)state;
   items_init();
   vmk_SListInit(&list);
   fill_tail(&list, 0, 3);
   vmk_SListReplace(&list, &items[0].links, &items[6].links, NULL);
   assert_slist_is(&list, want1, 3);
   assert_null(items[0].links.next);
   vmk_SListReplace(&list, &items[1].links, &items[7].links, &items[6].links);
   assert_slist_is(&list, want2, 3);
   vmk_SListReplace(&list, &items[2].links, &items[5].links, &items[7].links);
   assert_slist_is(&list, want3, 3);       /* the tail follows */
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slist_init_makes_an_empty_list),
      cmocka_unit_test(test_slist_insert_at_tail_and_head_set_both_ends),
      cmocka_unit_test(test_slist_insert_after_the_tail_moves_the_tail),
      cmocka_unit_test(test_slist_prev_finds_the_predecessor_or_null),
      cmocka_unit_test(test_slist_pop_takes_the_head_and_clears_its_link),
      cmocka_unit_test(test_slist_remove_head_middle_and_tail),
      cmocka_unit_test(test_slist_remove_slow_finds_the_predecessor_itself),
      cmocka_unit_test(test_slist_forall_safe_allows_removing_during_the_walk),
      cmocka_unit_test(test_slist_forn_and_forall_after_bound_the_walk),
      cmocka_unit_test(test_slist_append_moves_everything_and_empties_the_source),
      cmocka_unit_test(test_slist_append_n_moves_at_most_n_from_the_head),
      cmocka_unit_test(test_slist_prepend_puts_the_source_in_front),
      cmocka_unit_test(test_slist_split_head_moves_the_run_through_element),
      cmocka_unit_test(test_slist_split_n_head_moves_elements_zero_through_n),
      cmocka_unit_test(test_slist_split_n_head_beyond_the_end_moves_everything),
      cmocka_unit_test(test_slist_replace_swaps_an_element_in_place),
   };

   return cmocka_run_group_tests_name("slist", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
