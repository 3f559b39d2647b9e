/*
 * lib/vmkapi_list.h -- circular doubly-linked lists
 *
 * Intrusive circular lists with a sentinel header. Everything here is inline
 * and pure: no runtime support is needed.
 */

#ifndef _VMKAPI_LIST_H_
#define _VMKAPI_LIST_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_list.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_List Doubly-Linked Lists
 * \{
 */

/**
 * \brief The structure of type containerType whose list links (member field) are at element.
 */
#define VMK_LIST_ENTRY(element, containerType, field)                               \
   ((containerType *)((vmk_uint8 *)(element) - vmk_offsetof(containerType, field)))

/**
 * \brief Iterate element over a list from front to rear. Do not remove element in the body.
 */
#define VMK_LIST_FORALL(list, element)                      \
   for ((element) = vmk_ListFirst(list);                    \
        !vmk_ListIsAtEnd((list), (element));                \
        (element) = vmk_ListNext(element))

/**
 * \brief Iterate element over a list from rear to front. Do not remove element in the body.
 */
#define VMK_LIST_FORALL_REVERSE(list, element)              \
   for ((element) = vmk_ListLast(list);                     \
        !vmk_ListIsAtEnd((list), (element));                \
        (element) = vmk_ListPrev(element))

/**
 * \brief Iterate rear to front; the body may remove element (prevElement is read ahead).
 */
#define VMK_LIST_FORALL_REVERSE_SAFE(list, element, prevElement)               \
   for ((element) = vmk_ListLast(list), (prevElement) = vmk_ListPrev(element); \
        !vmk_ListIsAtEnd((list), (element));                                   \
        (element) = (prevElement), (prevElement) = vmk_ListPrev(element))

/**
 * \brief Iterate front to rear; the body may remove element (nextElement is read ahead).
 */
#define VMK_LIST_FORALL_SAFE(list, element, nextElement)                        \
   for ((element) = vmk_ListFirst(list), (nextElement) = vmk_ListNext(element); \
        !vmk_ListIsAtEnd((list), (element));                                    \
        (element) = (nextElement), (nextElement) = vmk_ListNext(element))

/**
 * \brief Continue iterating front to rear from the current element.
 */
#define VMK_LIST_ITER(list, element)                        \
   for (; !vmk_ListIsAtEnd((list), (element));              \
        (element) = vmk_ListNext(element))

/**
 * \brief Continue iterating rear to front from the current element.
 */
#define VMK_LIST_ITER_REVERSE(list, element)                \
   for (; !vmk_ListIsAtEnd((list), (element));              \
        (element) = vmk_ListPrev(element))

/**
 * \brief Continue iterating rear to front from element; the body may remove element.
 */
#define VMK_LIST_ITER_REVERSE_SAFE(list, element, prevElement)            \
   for ((prevElement) = vmk_ListPrev(element);                            \
        !vmk_ListIsAtEnd((list), (element));                              \
        (element) = (prevElement), (prevElement) = vmk_ListPrev(element))

/**
 * \brief Continue iterating front to rear from element; the body may remove element.
 */
#define VMK_LIST_ITER_SAFE(list, element, nextElement)                    \
   for ((nextElement) = vmk_ListNext(element);                            \
        !vmk_ListIsAtEnd((list), (element));                              \
        (element) = (nextElement), (nextElement) = vmk_ListNext(element))

/**
 * \brief Links of a doubly-linked list element, or the list header itself.
 */
typedef struct vmk_ListLinks {
   /** \brief Prev ptr. */
   struct vmk_ListLinks *prevPtr;
   /** \brief Next ptr. */
   struct vmk_ListLinks *nextPtr;
} vmk_ListLinks;

/**
 * \brief Make a list header describe an empty list (it points to itself).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline void
vmk_ListInit(
   vmk_ListLinks *list)
{
   VMK_ASSERT(list != NULL);
   list->prevPtr = list;
   list->nextPtr = list;
}

/**
 * \brief Mark an element as not linked into any list.
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline void
vmk_ListInitElement(
   vmk_ListLinks *element)
{
   element->prevPtr = NULL;
   element->nextPtr = NULL;
}

/**
 * \brief Whether an element is marked as not linked (see vmk_ListInitElement()).
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline vmk_Bool
vmk_ListIsUnlinkedElement(
   vmk_ListLinks *element)
{
   return (element->prevPtr == NULL && element->nextPtr == NULL) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Whether a list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline vmk_Bool
vmk_ListIsEmpty(
   vmk_ListLinks *list)
{
   return (list->nextPtr == list) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Whether an iterator has come back to the list header (end of
 *     iteration).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in,out] element Element.
 */
static inline vmk_Bool
vmk_ListIsAtEnd(
   vmk_ListLinks *list,
   vmk_ListLinks *element)
{
   return (element == list) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief First element of a list (the header itself when the list is empty).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline vmk_ListLinks *
vmk_ListFirst(
   vmk_ListLinks *list)
{
   return list->nextPtr;
}

/**
 * \brief Last element of a list (the header itself when the list is empty).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline vmk_ListLinks *
vmk_ListLast(
   vmk_ListLinks *list)
{
   return list->prevPtr;
}

/**
 * \brief Element before the given one.
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline vmk_ListLinks *
vmk_ListPrev(
   vmk_ListLinks *element)
{
   return element->prevPtr;
}

/**
 * \brief Element after the given one.
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline vmk_ListLinks *
vmk_ListNext(
   vmk_ListLinks *element)
{
   return element->nextPtr;
}

/**
 * \brief Insert an element right after a position (see vmk_ListAtFront() and
 *     friends).
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 * \param[in,out] after After.
 */
static inline void
vmk_ListInsert(
   vmk_ListLinks *element,
   vmk_ListLinks *after)
{
   VMK_ASSERT(element != NULL && after != NULL);
   VMK_ASSERT(element != after);
   element->prevPtr = after;
   element->nextPtr = after->nextPtr;
   after->nextPtr->prevPtr = element;
   after->nextPtr = element;
}

/**
 * \brief Insert position just after an element, for vmk_ListInsert().
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline vmk_ListLinks *
vmk_ListAfter(
   vmk_ListLinks *element)
{
   return element;
}

/**
 * \brief Insert position just before an element, for vmk_ListInsert().
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline vmk_ListLinks *
vmk_ListBefore(
   vmk_ListLinks *element)
{
   return element->prevPtr;
}

/**
 * \brief Insert position at the front of a list, for vmk_ListInsert().
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline vmk_ListLinks *
vmk_ListAtFront(
   vmk_ListLinks *list)
{
   return list;
}

/**
 * \brief Insert position at the rear of a list, for vmk_ListInsert().
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline vmk_ListLinks *
vmk_ListAtRear(
   vmk_ListLinks *list)
{
   return list->prevPtr;
}

/**
 * \brief Unlink an element from its list and mark it unlinked.
 *
 * \note This function will not block.
 *
 * \param[in,out] element Element.
 */
static inline void
vmk_ListRemove(
   vmk_ListLinks *element)
{
   VMK_ASSERT(element != NULL && element->nextPtr != element);
   VMK_ASSERT(element->prevPtr->nextPtr == element);
   VMK_ASSERT(element->nextPtr->prevPtr == element);
   element->prevPtr->nextPtr = element->nextPtr;
   element->nextPtr->prevPtr = element->prevPtr;
   vmk_ListInitElement(element);
}

/**
 * \brief Move the elements from the first one up to and including element to the
 *     empty newList.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in,out] newList New list.
 * \param[in,out] element Element.
 */
static inline void
vmk_ListSplitBefore(
   vmk_ListLinks *list,
   vmk_ListLinks *newList,
   vmk_ListLinks *element)
{
   vmk_ListLinks *first;

   VMK_ASSERT(list != NULL && newList != NULL && list != newList);
   VMK_ASSERT(vmk_ListIsEmpty(newList));
   VMK_ASSERT(!vmk_ListIsEmpty(list));
   /* newList takes the run first..element. */
   first = list->nextPtr;
   list->nextPtr = element->nextPtr;
   element->nextPtr->prevPtr = list;
   newList->nextPtr = first;
   first->prevPtr = newList;
   newList->prevPtr = element;
   element->nextPtr = newList;
}

/**
 * \brief Move the elements from element to the end of the list to the empty
 *     newList.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in,out] newList New list.
 * \param[in,out] element Element.
 */
static inline void
vmk_ListSplitAfter(
   vmk_ListLinks *list,
   vmk_ListLinks *newList,
   vmk_ListLinks *element)
{
   vmk_ListLinks *last;

   VMK_ASSERT(list != NULL && newList != NULL && list != newList);
   VMK_ASSERT(vmk_ListIsEmpty(newList));
   VMK_ASSERT(!vmk_ListIsEmpty(list));
   /* newList takes the run element..last. */
   last = list->prevPtr;
   list->prevPtr = element->prevPtr;
   element->prevPtr->nextPtr = list;
   newList->prevPtr = last;
   last->nextPtr = newList;
   newList->nextPtr = element;
   element->prevPtr = newList;
}

/** \} */

#endif /* _VMKAPI_LIST_H_ */
