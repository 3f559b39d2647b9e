/*
 * test_list.c -- vmk_List*: circular doubly-linked lists with a header.
 *
 * Every function and iteration macro of lib/vmkapi_list.h, checked by
 * walking the list both ways after each change (links must stay coherent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define NITEMS 6

typedef struct Item {
   int value;
   vmk_ListLinks links;
} Item;

static Item items[NITEMS];

static void
items_init(void)
{
   int i;

   for (i = 0; i < NITEMS; i++) {
      items[i].value = i;
      vmk_ListInitElement(&items[i].links);
   }
}

static int
value_of(vmk_ListLinks *l)
{
   return VMK_LIST_ENTRY(l, Item, links)->value;
}

/*
 * Check that list holds exactly the values in want[0..n-1], walking it
 * forwards and backwards, and that every link's neighbours point back.
 */
static void
assert_list_is(vmk_ListLinks *list, const int *want, int n)
{
   vmk_ListLinks *e;
   int i = 0;

   VMK_LIST_FORALL(list, e) {
      assert_true(i < n);
      assert_int_equal(value_of(e), want[i]);
      assert_ptr_equal(e->nextPtr->prevPtr, e);
      assert_ptr_equal(e->prevPtr->nextPtr, e);
      i++;
   }
   assert_int_equal(i, n);
   VMK_LIST_FORALL_REVERSE(list, e) {
      i--;
      assert_int_equal(value_of(e), want[i]);
   }
   assert_int_equal(i, 0);
   assert_int_equal(vmk_ListIsEmpty(list), n == 0);
}

static void
fill_rear(vmk_ListLinks *list, int n)
{
   int i;

   for (i = 0; i < n; i++) {
      vmk_ListInsert(&items[i].links, vmk_ListAtRear(list));
   }
}

static void
test_list_init_makes_an_empty_list_pointing_to_itself(void **state)
{
   vmk_ListLinks list;

   (void)state;
   vmk_ListInit(&list);
   assert_true(vmk_ListIsEmpty(&list));
   assert_ptr_equal(vmk_ListFirst(&list), &list);
   assert_ptr_equal(vmk_ListLast(&list), &list);
   assert_true(vmk_ListIsAtEnd(&list, vmk_ListFirst(&list)));
}

static void
test_list_init_element_marks_it_unlinked(void **state)
{
   vmk_ListLinks list;

   (void)state;
   items_init();
   assert_true(vmk_ListIsUnlinkedElement(&items[0].links));
   vmk_ListInit(&list);
   vmk_ListInsert(&items[0].links, vmk_ListAtFront(&list));
   assert_false(vmk_ListIsUnlinkedElement(&items[0].links));
   assert_false(vmk_ListIsEmpty(&list));
}

static void
test_list_insert_at_rear_keeps_insertion_order(void **state)
{
   vmk_ListLinks list;
   static const int want[] = { 0, 1, 2, 3, 4 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 5);
   assert_list_is(&list, want, 5);
   assert_ptr_equal(vmk_ListFirst(&list), &items[0].links);
   assert_ptr_equal(vmk_ListLast(&list), &items[4].links);
}

static void
test_list_insert_at_front_reverses_insertion_order(void **state)
{
   vmk_ListLinks list;
   static const int want[] = { 3, 2, 1, 0 };
   int i;

   (void)state;
   items_init();
   vmk_ListInit(&list);
   for (i = 0; i < 4; i++) {
      vmk_ListInsert(&items[i].links, vmk_ListAtFront(&list));
   }
   assert_list_is(&list, want, 4);
}

static void
test_list_insert_before_and_after_an_element(void **state)
{
   vmk_ListLinks list;
   static const int want1[] = { 0, 5, 1, 2 };
   static const int want2[] = { 0, 5, 1, 4, 2 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 3);
   vmk_ListInsert(&items[5].links, vmk_ListBefore(&items[1].links));
   assert_list_is(&list, want1, 4);
   vmk_ListInsert(&items[4].links, vmk_ListAfter(&items[1].links));
   assert_list_is(&list, want2, 5);
}

static void
test_list_next_and_prev_wrap_through_the_header(void **state)
{
   vmk_ListLinks list;

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 3);
   assert_ptr_equal(vmk_ListNext(&items[0].links), &items[1].links);
   assert_ptr_equal(vmk_ListPrev(&items[1].links), &items[0].links);
   assert_ptr_equal(vmk_ListNext(&items[2].links), &list);
   assert_ptr_equal(vmk_ListPrev(&items[0].links), &list);
   assert_true(vmk_ListIsAtEnd(&list, vmk_ListNext(&items[2].links)));
   assert_false(vmk_ListIsAtEnd(&list, &items[2].links));
}

static void
test_list_remove_unlinks_and_marks_the_element(void **state)
{
   vmk_ListLinks list;
   static const int want1[] = { 0, 2, 3 };
   static const int want2[] = { 2, 3 };
   static const int want3[] = { 2 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 4);
   vmk_ListRemove(&items[1].links);           /* middle */
   assert_true(vmk_ListIsUnlinkedElement(&items[1].links));
   assert_list_is(&list, want1, 3);
   vmk_ListRemove(&items[0].links);           /* first */
   assert_list_is(&list, want2, 2);
   vmk_ListRemove(&items[3].links);           /* last */
   assert_list_is(&list, want3, 1);
   vmk_ListRemove(&items[2].links);           /* only */
   assert_list_is(&list, NULL, 0);
   assert_ptr_equal(vmk_ListFirst(&list), &list);
}

static void
test_list_removed_element_can_be_inserted_again(void **state)
{
   vmk_ListLinks list;
   static const int want[] = { 1, 2, 0 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 3);
   vmk_ListRemove(&items[0].links);
   vmk_ListInsert(&items[0].links, vmk_ListAtRear(&list));
   assert_list_is(&list, want, 3);
}

static void
test_list_split_before_moves_the_head_run_through_element(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks head;
   static const int moved[] = { 0, 1, 2 };
   static const int kept[] = { 3, 4 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   vmk_ListInit(&head);
   fill_rear(&list, 5);
   vmk_ListSplitBefore(&list, &head, &items[2].links);
   assert_list_is(&head, moved, 3);
   assert_list_is(&list, kept, 2);
}

static void
test_list_split_before_last_element_empties_the_list(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks head;
   static const int moved[] = { 0, 1, 2 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   vmk_ListInit(&head);
   fill_rear(&list, 3);
   vmk_ListSplitBefore(&list, &head, &items[2].links);
   assert_list_is(&head, moved, 3);
   assert_list_is(&list, NULL, 0);
}

static void
test_list_split_after_moves_the_tail_run_from_element(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks tail;
   static const int kept[] = { 0, 1 };
   static const int moved[] = { 2, 3, 4 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   vmk_ListInit(&tail);
   fill_rear(&list, 5);
   vmk_ListSplitAfter(&list, &tail, &items[2].links);
   assert_list_is(&tail, moved, 3);
   assert_list_is(&list, kept, 2);
}

static void
test_list_split_after_first_element_moves_everything(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks tail;
   static const int moved[] = { 0, 1, 2, 3 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   vmk_ListInit(&tail);
   fill_rear(&list, 4);
   vmk_ListSplitAfter(&list, &tail, &items[0].links);
   assert_list_is(&tail, moved, 4);
   assert_list_is(&list, NULL, 0);
}

static void
test_list_append_by_split_and_reinsert_round_trips(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks other;
   vmk_ListLinks *e;
   vmk_ListLinks *next;
   static const int want[] = { 3, 4, 5, 0, 1, 2 };

   (void)state;
   items_init();
   vmk_ListInit(&list);
   vmk_ListInit(&other);
   fill_rear(&list, 6);
   /* Rotate: cut 0..2 off the front, then append them at the rear. */
   vmk_ListSplitBefore(&list, &other, &items[2].links);
   VMK_LIST_FORALL_SAFE(&other, e, next) {
      vmk_ListRemove(e);
      vmk_ListInsert(e, vmk_ListAtRear(&list));
   }
   assert_list_is(&list, want, 6);
   assert_true(vmk_ListIsEmpty(&other));
}

static void
test_list_forall_safe_allows_removing_every_element(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks *e;
   vmk_ListLinks *next;
   static const int want[] = { 1, 3 };
   int seen = 0;

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 5);
   VMK_LIST_FORALL_SAFE(&list, e, next) {
      if (value_of(e) % 2 == 0) {
         vmk_ListRemove(e);
      }
      seen++;
   }
   assert_int_equal(seen, 5);
   assert_list_is(&list, want, 2);
}

static void
test_list_forall_reverse_safe_allows_removal(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks *e;
   vmk_ListLinks *prev;
   int order[5];
   int n = 0;

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 5);
   VMK_LIST_FORALL_REVERSE_SAFE(&list, e, prev) {
      order[n++] = value_of(e);
      vmk_ListRemove(e);
   }
   assert_int_equal(n, 5);
   assert_int_equal(order[0], 4);
   assert_int_equal(order[4], 0);
   assert_true(vmk_ListIsEmpty(&list));
}

static void
test_list_iter_continues_from_the_given_element(void **state)
{
   vmk_ListLinks list;
   vmk_ListLinks *e;
   vmk_ListLinks *other;
   int sum = 0;

   (void)state;
   items_init();
   vmk_ListInit(&list);
   fill_rear(&list, 5);
   e = &items[2].links;
   VMK_LIST_ITER(&list, e) {
      sum += value_of(e);
   }
   assert_int_equal(sum, 2 + 3 + 4);
   sum = 0;
   e = &items[2].links;
   VMK_LIST_ITER_REVERSE(&list, e) {
      sum += value_of(e);
   }
   assert_int_equal(sum, 2 + 1 + 0);
   e = &items[3].links;
   VMK_LIST_ITER_SAFE(&list, e, other) {
      vmk_ListRemove(e);
   }
   e = &items[1].links;
   VMK_LIST_ITER_REVERSE_SAFE(&list, e, other) {
      vmk_ListRemove(e);
   }
   {
      static const int want[] = { 2 };
      assert_list_is(&list, want, 1);
   }
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_list_init_makes_an_empty_list_pointing_to_itself),
      cmocka_unit_test(test_list_init_element_marks_it_unlinked),
      cmocka_unit_test(test_list_insert_at_rear_keeps_insertion_order),
      cmocka_unit_test(test_list_insert_at_front_reverses_insertion_order),
      cmocka_unit_test(test_list_insert_before_and_after_an_element),
      cmocka_unit_test(test_list_next_and_prev_wrap_through_the_header),
      cmocka_unit_test(test_list_remove_unlinks_and_marks_the_element),
      cmocka_unit_test(test_list_removed_element_can_be_inserted_again),
      cmocka_unit_test(test_list_split_before_moves_the_head_run_through_element),
      cmocka_unit_test(test_list_split_before_last_element_empties_the_list),
      cmocka_unit_test(test_list_split_after_moves_the_tail_run_from_element),
      cmocka_unit_test(test_list_split_after_first_element_moves_everything),
      cmocka_unit_test(test_list_append_by_split_and_reinsert_round_trips),
      cmocka_unit_test(test_list_forall_safe_allows_removing_every_element),
      cmocka_unit_test(test_list_forall_reverse_safe_allows_removal),
      cmocka_unit_test(test_list_iter_continues_from_the_given_element),
   };

   return cmocka_run_group_tests_name("list", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
