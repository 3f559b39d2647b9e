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
 * \{
 */

/**
 * \brief The structure of type containerType whose list link (member field) is at element.
 */
#define VMK_SLIST_ENTRY(element, containerType, field)                              \
   ((containerType *)((vmk_uint8 *)(element) - vmk_offsetof(containerType, field)))

/**
 * \brief Iterate element over a singly-linked list. Do not remove element in the body.
 */
#define VMK_SLIST_FORALL(list, element)                     \
   for ((element) = (list)->head;                           \
        (element) != NULL;                                  \
        (element) = (element)->next)

/**
 * \brief Continue iterating a singly-linked list from element.
 */
#define VMK_SLIST_FORALL_AFTER(list, element)               \
   for (; (element) != NULL;                                \
        (element) = (element)->next)

/**
 * \brief Iterate a singly-linked list; the body may remove element (prevElement is its predecessor).
 *
 * prevElement stays the last element still linked, so it is the right
 * "prev" argument for vmk_SListRemove() on every iteration.
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
 * \brief Iterate over at most the first n elements; n (an lvalue) is counted down.
 */
#define VMK_SLIST_FORN(list, element, n)                    \
   for ((element) = (list)->head;                           \
        (element) != NULL && (n) != 0;                      \
        (element) = (element)->next, (n)--)

/**
 * \brief Link of a singly-linked list element.
 */
typedef struct vmk_SList_Links {
   /** \brief Next. */
   struct vmk_SList_Links *next;
} vmk_SList_Links;

/**
 * \brief A singly-linked list (head and tail).
 */
typedef struct vmk_SList {
   /** \brief Head. */
   vmk_SList_Links *head;
   /** \brief Tail. */
   vmk_SList_Links *tail;
} vmk_SList;

/**
 * \brief Mark an element as not linked.
 *
 * \note This function will not block.
 *
 * \param[in] element Element.
 */
static inline void
vmk_SListInitElement(
   vmk_SList_Links *element)
{
   element->next = NULL;
}

/**
 * \brief Whether a list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_Bool
vmk_SListIsEmpty(
   const vmk_SList *list)
{
   return (list->head == NULL) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief First element of a list, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_SList_Links *
vmk_SListFirst(
   const vmk_SList *list)
{
   return list->head;
}

/**
 * \brief Last element of a list, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_SList_Links *
vmk_SListLast(
   const vmk_SList *list)
{
   return list->tail;
}

/**
 * \brief Element after the given one, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] element Element.
 */
static inline vmk_SList_Links *
vmk_SListNext(
   const vmk_SList_Links *element)
{
   return element->next;
}

/**
 * \brief Make a list empty.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline void
vmk_SListInit(
   vmk_SList *list)
{
   list->head = NULL;
   list->tail = NULL;
}

/**
 * \brief Element before the given one, or NULL for the head (walks the list).
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
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
 * \brief Remove and return the first element (NULL if the list is empty).
 *
 * \note This function will not block.
 *
 * \param[in] list List.
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
 * \brief Insert an element at the head of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
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
 * \brief Insert an element at the tail of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
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
 * \brief Insert element right after another element of the list.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
 * \param[in,out] after After.
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
 * \brief Remove element, whose predecessor is prev (NULL for the head).
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
 * \param[in] prev Prev.
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
 * \brief Remove element, finding its predecessor by walking the list.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
 */
static inline void
vmk_SListRemoveSlow(
   vmk_SList *list,
   vmk_SList_Links *element)
{
   vmk_SListRemove(list, element, vmk_SListPrev(list, element));
}

/**
 * \brief Move all elements of listSrc to the end of listDest.
 *
 * \note This function will not block.
 *
 * \param[in] listDest List dest.
 * \param[in] listSrc List src.
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
 * \brief Move the first num elements (or all, if fewer) of listSrc to the end of
 *     listDest.
 *
 * \note This function will not block.
 *
 * \param[in] listDest List dest.
 * \param[in] listSrc List src.
 * \param[in] num Num.
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
 * \brief Move all elements of listSrc to the front of listDest.
 *
 * \note This function will not block.
 *
 * \param[in] listDest List dest.
 * \param[in] listSrc List src.
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
 * \brief Move the elements from the head up to and including element to the
 *     empty list2.
 *
 * \note This function will not block.
 *
 * \param[in] list1 List 1.
 * \param[in] list2 List 2.
 * \param[in] element Element.
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
 * \brief Move the elements with index 0..n (all of them if fewer) to the empty
 *     list2.
 *
 * \note This function will not block.
 *
 * \param[in] list1 List 1.
 * \param[in] list2 List 2.
 * \param[in] n N.
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
 * \brief Put replacement where target is; prev is the predecessor of target
 *     (NULL for the head).
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in,out] target Target.
 * \param[in,out] replacement Replacement.
 * \param[in,out] prev Prev.
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
