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
 *
 * \brief Intrusive, circular, doubly-linked lists.
 *
 * A list is a vmk_ListLinks header; an element is any structure that
 * embeds a vmk_ListLinks member. The header's links point at the first and
 * last elements, and an empty list's header points at itself, so insertion
 * and removal never test for NULL. VMK_LIST_ENTRY() gets from the links
 * back to the containing structure.
 *
 * The functions do no locking: the caller serialises every access to a
 * list. In builds with VMX86_DEBUG the inline functions check their
 * arguments with VMK_ASSERT.
 * \{
 */

/**
 * \brief Get the structure that embeds a set of list links.
 *
 * \param[in] element        Pointer to the vmk_ListLinks inside the
 *                           structure.
 * \param[in] containerType  Type of the embedding structure.
 * \param[in] field          Name of the vmk_ListLinks member in
 *                           containerType.
 *
 * \return A containerType pointer to the embedding structure.
 */
#define VMK_LIST_ENTRY(element, containerType, field)                               \
   ((containerType *)((vmk_uint8 *)(element) - vmk_offsetof(containerType, field)))

/**
 * \brief Loop over every element of a list, first to last.
 *
 * The loop body must not remove element from the list; use
 * VMK_LIST_FORALL_SAFE() for that.
 *
 * \param[in]  list     List header.
 * \param[out] element  vmk_ListLinks pointer that walks the list.
 */
#define VMK_LIST_FORALL(list, element)                      \
   for ((element) = vmk_ListFirst(list);                    \
        !vmk_ListIsAtEnd((list), (element));                \
        (element) = vmk_ListNext(element))

/**
 * \brief Loop over every element of a list, last to first.
 *
 * The loop body must not remove element from the list; use
 * VMK_LIST_FORALL_REVERSE_SAFE() for that.
 *
 * \param[in]  list     List header.
 * \param[out] element  vmk_ListLinks pointer that walks the list.
 */
#define VMK_LIST_FORALL_REVERSE(list, element)              \
   for ((element) = vmk_ListLast(list);                     \
        !vmk_ListIsAtEnd((list), (element));                \
        (element) = vmk_ListPrev(element))

/**
 * \brief Loop over every element of a list, last to first, allowing the
 *        body to remove the current element.
 *
 * \param[in]  list         List header.
 * \param[out] element      vmk_ListLinks pointer that walks the list.
 * \param[out] prevElement  Scratch pointer that holds the element before
 *                          element, read before the body runs.
 */
#define VMK_LIST_FORALL_REVERSE_SAFE(list, element, prevElement)               \
   for ((element) = vmk_ListLast(list), (prevElement) = vmk_ListPrev(element); \
        !vmk_ListIsAtEnd((list), (element));                                   \
        (element) = (prevElement), (prevElement) = vmk_ListPrev(element))

/**
 * \brief Loop over every element of a list, first to last, allowing the
 *        body to remove the current element.
 *
 * \param[in]  list         List header.
 * \param[out] element      vmk_ListLinks pointer that walks the list.
 * \param[out] nextElement  Scratch pointer that holds the element after
 *                          element, read before the body runs.
 */
#define VMK_LIST_FORALL_SAFE(list, element, nextElement)                        \
   for ((element) = vmk_ListFirst(list), (nextElement) = vmk_ListNext(element); \
        !vmk_ListIsAtEnd((list), (element));                                    \
        (element) = (nextElement), (nextElement) = vmk_ListNext(element))

/**
 * \brief Resume a first-to-last walk at element (inclusive) and run to the
 *        end of the list.
 *
 * \param[in]     list     List header.
 * \param[in,out] element  Starting element; advanced by the loop.
 */
#define VMK_LIST_ITER(list, element)                        \
   for (; !vmk_ListIsAtEnd((list), (element));              \
        (element) = vmk_ListNext(element))

/**
 * \brief Resume a last-to-first walk at element (inclusive) and run to the
 *        front of the list.
 *
 * \param[in]     list     List header.
 * \param[in,out] element  Starting element; moved backwards by the loop.
 */
#define VMK_LIST_ITER_REVERSE(list, element)                \
   for (; !vmk_ListIsAtEnd((list), (element));              \
        (element) = vmk_ListPrev(element))

/**
 * \brief Resume a last-to-first walk at element, allowing the body to remove
 *        the current element.
 *
 * \param[in]     list         List header.
 * \param[in,out] element      Starting element; moved backwards by the
 *                             loop.
 * \param[out]    prevElement  Scratch pointer read ahead of the body.
 */
#define VMK_LIST_ITER_REVERSE_SAFE(list, element, prevElement)            \
   for ((prevElement) = vmk_ListPrev(element);                            \
        !vmk_ListIsAtEnd((list), (element));                              \
        (element) = (prevElement), (prevElement) = vmk_ListPrev(element))

/**
 * \brief Resume a first-to-last walk at element, allowing the body to
 *        remove the current element.
 *
 * \param[in]     list         List header.
 * \param[in,out] element      Starting element; advanced by the loop.
 * \param[out]    nextElement  Scratch pointer read ahead of the body.
 */
#define VMK_LIST_ITER_SAFE(list, element, nextElement)                    \
   for ((nextElement) = vmk_ListNext(element);                            \
        !vmk_ListIsAtEnd((list), (element));                              \
        (element) = (nextElement), (nextElement) = vmk_ListNext(element))

/**
 * \brief Links of one list element, or the header of a whole list.
 *
 * Embed one of these in each structure that goes on a list, and one more
 * (initialised with vmk_ListInit()) as the list itself.
 */
typedef struct vmk_ListLinks {
   /** \brief Previous element; for the header, the last element. */
   struct vmk_ListLinks *prevPtr;
   /** \brief Next element; for the header, the first element. */
   struct vmk_ListLinks *nextPtr;
} vmk_ListLinks;

/**
 * \brief Initialise a list header as an empty list.
 *
 * \note This function will not block.
 *
 * \param[out] list  Header to initialise; it ends up pointing at itself.
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
 * \brief Mark an element as being on no list.
 *
 * Both links are set to NULL, which vmk_ListIsUnlinkedElement() recognises.
 *
 * \note This function will not block.
 *
 * \param[out] element  Element to mark.
 */
static inline void
vmk_ListInitElement(
   vmk_ListLinks *element)
{
   element->prevPtr = NULL;
   element->nextPtr = NULL;
}

/**
 * \brief Tell whether an element is marked as being on no list.
 *
 * \note This function will not block.
 *
 * \param[in] element  Element to test.
 *
 * \return VMK_TRUE if both links are NULL (as vmk_ListInitElement() and
 *         vmk_ListRemove() leave them), VMK_FALSE otherwise.
 */
static inline vmk_Bool
vmk_ListIsUnlinkedElement(
   vmk_ListLinks *element)
{
   return (element->prevPtr == NULL && element->nextPtr == NULL) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Tell whether a list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list header.
 *
 * \return VMK_TRUE if the list is empty, VMK_FALSE otherwise.
 */
static inline vmk_Bool
vmk_ListIsEmpty(
   vmk_ListLinks *list)
{
   return (list->nextPtr == list) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Tell whether a walk over a list has come back to its header.
 *
 * \note This function will not block.
 *
 * \param[in] list     List header.
 * \param[in] element  Current position of the walk.
 *
 * \return VMK_TRUE if element is the header (no more elements), VMK_FALSE
 *         if it is a real element.
 */
static inline vmk_Bool
vmk_ListIsAtEnd(
   vmk_ListLinks *list,
   vmk_ListLinks *element)
{
   return (element == list) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Get the first element of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list  List header.
 *
 * \return The first element, or the header itself if the list is empty.
 */
static inline vmk_ListLinks *
vmk_ListFirst(
   vmk_ListLinks *list)
{
   return list->nextPtr;
}

/**
 * \brief Get the last element of a list.
 *
 * \note This function will not block.
 *
 * \param[in] list  List header.
 *
 * \return The last element, or the header itself if the list is empty.
 */
static inline vmk_ListLinks *
vmk_ListLast(
   vmk_ListLinks *list)
{
   return list->prevPtr;
}

/**
 * \brief Get the element before a given one.
 *
 * \note This function will not block.
 *
 * \param[in] element  An element that is on a list.
 *
 * \return The previous element, or the list header if element is first.
 */
static inline vmk_ListLinks *
vmk_ListPrev(
   vmk_ListLinks *element)
{
   return element->prevPtr;
}

/**
 * \brief Get the element after a given one.
 *
 * \note This function will not block.
 *
 * \param[in] element  An element that is on a list.
 *
 * \return The next element, or the list header if element is last.
 */
static inline vmk_ListLinks *
vmk_ListNext(
   vmk_ListLinks *element)
{
   return element->nextPtr;
}

/**
 * \brief Link an element into a list after a given position.
 *
 * The position is normally computed with vmk_ListAtFront(),
 * vmk_ListAtRear(), vmk_ListBefore() or vmk_ListAfter().
 *
 * \note This function will not block.
 *
 * \param[in,out] element  Element to insert; must not be on any list.
 * \param[in,out] after    Header or element that element is linked
 *                         behind.
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
 * \brief Compute the insert position just behind an element.
 *
 * \note This function will not block.
 *
 * \param[in] element  Element that the new one should follow.
 *
 * \return The position to pass to vmk_ListInsert() (element itself).
 */
static inline vmk_ListLinks *
vmk_ListAfter(
   vmk_ListLinks *element)
{
   return element;
}

/**
 * \brief Compute the insert position just ahead of an element.
 *
 * \note This function will not block.
 *
 * \param[in] element  Element that the new one should precede.
 *
 * \return The position to pass to vmk_ListInsert() (the element's
 *         predecessor).
 */
static inline vmk_ListLinks *
vmk_ListBefore(
   vmk_ListLinks *element)
{
   return element->prevPtr;
}

/**
 * \brief Compute the insert position that makes an element the new first
 *        one.
 *
 * \note This function will not block.
 *
 * \param[in] list  List header.
 *
 * \return The position to pass to vmk_ListInsert() (the header).
 */
static inline vmk_ListLinks *
vmk_ListAtFront(
   vmk_ListLinks *list)
{
   return list;
}

/**
 * \brief Compute the insert position that makes an element the new last
 *        one.
 *
 * \note This function will not block.
 *
 * \param[in] list  List header.
 *
 * \return The position to pass to vmk_ListInsert() (the last element).
 */
static inline vmk_ListLinks *
vmk_ListAtRear(
   vmk_ListLinks *list)
{
   return list->prevPtr;
}

/**
 * \brief Unlink an element from the list it is on.
 *
 * Afterwards the element is marked unlinked, as by vmk_ListInitElement().
 *
 * \note This function will not block.
 *
 * \param[in,out] element  Element to remove; must be on a list (not the
 *                         header).
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
 * \brief Split a list in two: move its first elements, up to and including
 *        a given one, to another list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     Non-empty list to split; keeps the elements after
 *                         element.
 * \param[in,out] newList  Empty, initialised header that receives the
 *                         elements from the first through element, in
 *                         order.
 * \param[in,out] element  Last element to move; must be on list.
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
 * \brief Split a list in two: move a given element and everything after
 *        it to another list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     Non-empty list to split; keeps the elements
 *                         before element.
 * \param[in,out] newList  Empty, initialised header that receives element
 *                         through the last element, in order.
 * \param[in,out] element  First element to move; must be on list.
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
