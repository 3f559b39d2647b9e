/*
 * lib/vmkapi_slist.h -- singly-linked lists
 *
 * Intrusive singly-linked lists with head and tail pointers. Inline, no
 * runtime support.
 */

#ifndef _VMKAPI_SLIST_H_
#define _VMKAPI_SLIST_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_slist.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_SList Singly-Linked Lists
 *
 * \brief Intrusive singly-linked lists that know their first and last
 *        element.
 *
 * A list is a vmk_SList (head and tail pointers); an element is any
 * structure that embeds a vmk_SList_Links. The last element's link is
 * NULL. Adding at either end and removing at the head take constant time;
 * removing elsewhere needs the predecessor, which the caller supplies or
 * vmk_SListPrev() finds by walking the list.
 *
 * The functions do no locking: the caller serialises every access to a
 * list.
 * \{
 */

/**
 * \brief Get the structure that embeds a singly-linked list link.
 *
 * \param[in] element        Pointer to the vmk_SList_Links inside the
 *                           structure.
 * \param[in] containerType  Type of the embedding structure.
 * \param[in] field          Name of the vmk_SList_Links member in
 *                           containerType.
 *
 * \return A containerType pointer to the embedding structure.
 */
#define VMK_SLIST_ENTRY(element, containerType, field)                              \
   ((containerType *)((vmk_uint8 *)(element) - vmk_offsetof(containerType, field)))

/**
 * \brief Loop over every element of a singly-linked list, head to tail.
 *
 * The loop body must not remove element; use VMK_SLIST_FORALL_SAFE() for
 * that.
 *
 * \param[in]  list     The vmk_SList to walk.
 * \param[out] element  vmk_SList_Links pointer that walks the list.
 */
#define VMK_SLIST_FORALL(list, element)                     \
   for ((element) = (list)->head;                           \
        (element) != NULL;                                  \
        (element) = (element)->next)

/**
 * \brief Resume a walk at element (inclusive) and run to the tail.
 *
 * \param[in]     list     The vmk_SList being walked (unused by the loop,
 *                         kept for symmetry).
 * \param[in,out] element  Starting element; advanced by the loop.
 */
#define VMK_SLIST_FORALL_AFTER(list, element)               \
   for (; (element) != NULL;                                \
        (element) = (element)->next)

/**
 * \brief Loop over every element, head to tail, allowing the body to
 *        remove the current element with vmk_SListRemove().
 *
 * On every iteration prevElement is the nearest element before element
 * that is still on the list (NULL at the head), which is exactly the
 * predecessor vmk_SListRemove() needs.
 *
 * \param[in]  list         The vmk_SList to walk.
 * \param[out] prevElement  Predecessor of element, or NULL.
 * \param[out] element      vmk_SList_Links pointer that walks the list.
 * \param[out] nextElement  Scratch pointer read ahead of the body.
 */
#define VMK_SLIST_FORALL_SAFE(list, prevElement, element, nextElement)             \
   for ((prevElement) = NULL, (element) = (list)->head,                            \
           (nextElement) = ((element) != NULL) ? (element)->next : NULL;           \
        (element) != NULL;                                                         \
        (prevElement) = (((prevElement) == NULL)                                   \
                         ? (((list)->head == (element)) ? (element) : NULL)        \
                         : (((prevElement)->next == (element)) ? (element)         \
                                                                : (prevElement))), \
           (element) = (nextElement),                                              \
           (nextElement) = ((element) != NULL) ? (element)->next : NULL)

/**
 * \brief Loop over at most the first n elements of a list.
 *
 * \param[in]     list     The vmk_SList to walk.
 * \param[out]    element  vmk_SList_Links pointer that walks the list.
 * \param[in,out] n        Modifiable counter (an lvalue); decremented once
 *                         per element visited.
 */
#define VMK_SLIST_FORN(list, element, n)                    \
   for ((element) = (list)->head;                           \
        (element) != NULL && (n) != 0;                      \
        (element) = (element)->next, (n)--)

/**
 * \brief Link of one element of a singly-linked list; embed it in the
 *        structure that goes on the list.
 */
typedef struct vmk_SList_Links {
   /** \brief Next element, or NULL for the last one. */
   struct vmk_SList_Links *next;
} vmk_SList_Links;

/**
 * \brief A singly-linked list: its first and last elements.
 *
 * Initialise it with vmk_SListInit(); an empty list has both pointers NULL.
 */
typedef struct vmk_SList {
   /** \brief First element, or NULL if the list is empty. */
   vmk_SList_Links *head;
   /** \brief Last element, or NULL if the list is empty. */
   vmk_SList_Links *tail;
} vmk_SList;

/**
 * \brief Clear an element's link so it is on no list.
 *
 * \note This function will not block.
 *
 * \param[out] element  Element to clear.
 */
static inline void
vmk_SListInitElement(
   vmk_SList_Links *element)
{
   element->next = NULL;
}

/**
 * \brief Tell whether a list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return VMK_TRUE if the list is empty, VMK_FALSE otherwise.
 */
static inline vmk_Bool
vmk_SListIsEmpty(
   const vmk_SList *list)
{
   return (list->head == NULL) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Get the first element of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return The head element, or NULL if the list is empty.
 */
static inline vmk_SList_Links *
vmk_SListFirst(
   const vmk_SList *list)
{
   return list->head;
}

/**
 * \brief Get the last element of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return The tail element, or NULL if the list is empty.
 */
static inline vmk_SList_Links *
vmk_SListLast(
   const vmk_SList *list)
{
   return list->tail;
}

/**
 * \brief Get the element after a given one.
 *
 * \note This function will not block.
 *
 * \param[in] element  An element on a list.
 *
 * \return The next element, or NULL if element is the tail.
 */
static inline vmk_SList_Links *
vmk_SListNext(
   const vmk_SList_Links *element)
{
   return element->next;
}

/**
 * \brief Initialise a list as empty.
 *
 * Elements that were on the list are not touched; they are simply
 * forgotten.
 *
 * \note This function will not block.
 *
 * \param[out] list  List to initialise.
 */
static inline void
vmk_SListInit(
   vmk_SList *list)
{
   list->head = NULL;
   list->tail = NULL;
}

/**
 * \brief Find the element before a given one by walking from the head.
 *
 * Takes time proportional to element's position in the list.
 *
 * \note This function will not block.
 *
 * \param[in] list     List that holds element.
 * \param[in] element  Element whose predecessor is wanted.
 *
 * \return The predecessor, or NULL if element is the head (or not on the
 *         list).
 */
static inline vmk_SList_Links *
vmk_SListPrev(
   const vmk_SList *list,
   const vmk_SList_Links *element)
{
   vmk_SList_Links *cur;

   for (cur = list->head; cur != NULL; cur = cur->next) {
      if (cur->next == element) {
         return cur;
      }
   }
   return NULL;
}

/**
 * \brief Unlink and return the first element of a list.
 *
 * \note This function will not block.
 * \note On an empty list vmkemu returns NULL (and fails a VMK_ASSERT in
 *       debug builds) where ESXi would dereference NULL.
 *
 * \param[in,out] list  List to take from; should not be empty.
 *
 * \return The former head, with its link cleared.
 */
static inline vmk_SList_Links *
vmk_SListPop(
   vmk_SList *list)
{
   vmk_SList_Links *first = list->head;

   VMK_ASSERT(first != NULL);
   if (first == NULL) {
      return NULL;
   }
   list->head = first->next;
   if (list->head == NULL) {
      list->tail = NULL;
   }
   first->next = NULL;
   return first;
}

/**
 * \brief Make an element the new first element of a list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List to insert into.
 * \param[in,out] element  Element to insert; must not be on any list.
 */
static inline void
vmk_SListInsertAtHead(
   vmk_SList *list,
   vmk_SList_Links *element)
{
   element->next = list->head;
   list->head = element;
   if (list->tail == NULL) {
      list->tail = element;
   }
}

/**
 * \brief Make an element the new last element of a list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List to insert into.
 * \param[in,out] element  Element to insert; must not be on any list.
 */
static inline void
vmk_SListInsertAtTail(
   vmk_SList *list,
   vmk_SList_Links *element)
{
   element->next = NULL;
   if (list->tail == NULL) {
      list->head = element;
   } else {
      list->tail->next = element;
   }
   list->tail = element;
}

/**
 * \brief Link an element right behind another element of the list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List that holds after; its tail moves if after
 *                         was the last element.
 * \param[in,out] element  Element to insert; must not be on any list.
 * \param[in,out] after    Element of list that element will follow.
 */
static inline void
vmk_SListInsertAfter(
   vmk_SList *list,
   vmk_SList_Links *element,
   vmk_SList_Links *after)
{
   element->next = after->next;
   after->next = element;
   if (list->tail == after) {
      list->tail = element;
   }
}

/**
 * \brief Unlink an element whose predecessor the caller knows.
 *
 * \note This function will not block.
 * \note As on ESXi, only builds with VMX86_DEBUG clear the removed
 *       element's link.
 *
 * \param[in,out] list     List that holds element.
 * \param[in,out] element  Element to remove.
 * \param[in,out] prev     The element just before element, or NULL if
 *                         element is the head.
 */
static inline void
vmk_SListRemove(
   vmk_SList *list,
   vmk_SList_Links *element,
   vmk_SList_Links *prev)
{
   VMK_ASSERT(prev == NULL ? list->head == element : prev->next == element);
   if (prev == NULL) {
      list->head = element->next;
   } else {
      prev->next = element->next;
   }
   if (list->tail == element) {
      list->tail = prev;
   }
#if defined(VMX86_DEBUG)
   /* Like ESXi, only debug builds clear the link of the removed element. */
   vmk_SListInitElement(element);
#endif
}

/**
 * \brief Unlink an element, finding its predecessor by walking the list.
 *
 * Takes time proportional to element's position; prefer vmk_SListRemove()
 * when the predecessor is at hand.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List that holds element.
 * \param[in,out] element  Element to remove.
 */
static inline void
vmk_SListRemoveSlow(
   vmk_SList *list,
   vmk_SList_Links *element)
{
   vmk_SListRemove(list, element, vmk_SListPrev(list, element));
}

/**
 * \brief Move every element of one list to the end of another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements at its tail.
 * \param[in,out] listSrc   List that gives them; left empty.
 */
static inline void
vmk_SListAppend(
   vmk_SList *listDest,
   vmk_SList *listSrc)
{
   if (listSrc->head == NULL) {
      return;
   }
   if (listDest->head == NULL) {
      listDest->head = listSrc->head;
   } else {
      listDest->tail->next = listSrc->head;
   }
   listDest->tail = listSrc->tail;
   vmk_SListInit(listSrc);
}

/**
 * \brief Move the first num elements of one list to the end of another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements at its tail.
 * \param[in,out] listSrc   List that gives its first elements; keeps the
 *                          rest.
 * \param[in]     num       Number of elements to move; if listSrc has
 *                          fewer, all of them move. 0 moves nothing.
 */
static inline void
vmk_SListAppendN(
   vmk_SList *listDest,
   vmk_SList *listSrc,
   vmk_uint32 num)
{
   vmk_SList_Links *first = listSrc->head;
   vmk_SList_Links *last = first;
   vmk_uint32 moved;

   if (num == 0 || first == NULL) {
      return;
   }
   for (moved = 1; moved < num && last->next != NULL; moved++) {
      last = last->next;
   }
   listSrc->head = last->next;
   if (listSrc->head == NULL) {
      listSrc->tail = NULL;
   }
   last->next = NULL;
   if (listDest->tail == NULL) {
      listDest->head = first;
   } else {
      listDest->tail->next = first;
   }
   listDest->tail = last;
}

/**
 * \brief Move every element of one list to the front of another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements ahead of its
 *                          own.
 * \param[in,out] listSrc   List that gives them; left empty.
 */
static inline void
vmk_SListPrepend(
   vmk_SList *listDest,
   vmk_SList *listSrc)
{
   if (listSrc->head == NULL) {
      return;
   }
   if (listDest->head == NULL) {
      listDest->tail = listSrc->tail;
   } else {
      listSrc->tail->next = listDest->head;
   }
   listDest->head = listSrc->head;
   vmk_SListInit(listSrc);
}

/**
 * \brief Split a list after a given element: the head up to and including
 *        the element moves to a second list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list1    List to split; keeps the elements after element.
 * \param[out]    list2    Empty list that receives the head through
 *                         element.
 * \param[in,out] element  Last element to move; must be on list1.
 */
static inline void
vmk_SListSplitHead(
   vmk_SList *list1,
   vmk_SList *list2,
   vmk_SList_Links *element)
{
   VMK_ASSERT(vmk_SListIsEmpty(list2));
   list2->head = list1->head;
   list2->tail = element;
   list1->head = element->next;
   if (list1->head == NULL) {
      list1->tail = NULL;
   }
   element->next = NULL;
}

/**
 * \brief Split a list after its element number n (counting from 0): the
 *        first n + 1 elements move to a second list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list1  List to split.
 * \param[out]    list2  Empty list that receives the leading elements; if
 *                       list1 has n + 1 elements or fewer, all of them.
 * \param[in]     n      Index of the last element to move.
 */
static inline void
vmk_SListSplitNHead(
   vmk_SList *list1,
   vmk_SList *list2,
   vmk_uint64 n)
{
   vmk_SList_Links *cur = list1->head;

   /* As on ESXi, n is the index of the last element that moves. */
   while (cur != NULL && n != 0) {
      cur = cur->next;
      n--;
   }
   if (cur == NULL) {
      vmk_SListAppend(list2, list1);
   } else {
      vmk_SListSplitHead(list1, list2, cur);
   }
}

/**
 * \brief Put one element in place of another on a list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list         List that holds target.
 * \param[in,out] target       Element to take off; its link is cleared.
 * \param[in,out] replacement  Element to put in target's place; must not
 *                             be on any list.
 * \param[in,out] prev         The element just before target, or NULL if
 *                             target is the head.
 */
static inline void
vmk_SListReplace(
   vmk_SList *list,
   vmk_SList_Links *target,
   vmk_SList_Links *replacement,
   vmk_SList_Links *prev)
{
   if (prev == NULL) {
      list->head = replacement;
   } else {
      prev->next = replacement;
   }
   if (list->tail == target) {
      list->tail = replacement;
   }
   replacement->next = target->next;
   target->next = NULL;
}

/** \} */

#endif /* _VMKAPI_SLIST_H_ */
