/*
 * lib/vmkapi_cslist.h -- counted singly-linked lists
 *
 * A vmk_SList that also keeps its element count. Inline, no runtime support.
 */

#ifndef _VMKAPI_CSLIST_H_
#define _VMKAPI_CSLIST_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_cslist.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_CSList Counted Singly-Linked Lists
 *
 * \brief Singly-linked lists that also keep their number of elements.
 *
 * A vmk_CSList wraps a vmk_SList and a count, so vmk_CSListCount() takes
 * constant time. Elements are the same vmk_SList_Links; use
 * VMK_SLIST_ENTRY() to reach the containing structure. Every function
 * keeps the count exact; none of them locks.
 *
 * \note vmkemu keeps the count exact also in the corner cases of
 *       vmk_CSListAppendN() and vmk_CSListSplitNHead(), and
 *       vmk_CSListPop() returns NULL on an empty list instead of faulting.
 * \{
 */

/**
 * \brief Loop over every element of a counted list, head to tail; the
 *        body must not remove element.
 *
 * \param[in]  cslist   The vmk_CSList to walk.
 * \param[out] element  vmk_SList_Links pointer that walks the list.
 */
#define VMK_CSLIST_FORALL(cslist, element) VMK_SLIST_FORALL(&(cslist)->slist, element)

/**
 * \brief Resume a walk of a counted list at element (inclusive).
 *
 * \param[in]     cslist   The vmk_CSList being walked.
 * \param[in,out] element  Starting element; advanced by the loop.
 */
#define VMK_CSLIST_FORALL_AFTER(cslist, element)            \
   VMK_SLIST_FORALL_AFTER(&(cslist)->slist, element)

/**
 * \brief Loop over every element of a counted list, allowing the body to
 *        remove the current one with vmk_CSListRemove(element,
 *        prevElement).
 *
 * \param[in]  cslist       The vmk_CSList to walk.
 * \param[out] prevElement  Predecessor of element still on the list, or
 *                          NULL at the head.
 * \param[out] element      vmk_SList_Links pointer that walks the list.
 * \param[out] nextElement  Scratch pointer read ahead of the body.
 */
#define VMK_CSLIST_FORALL_SAFE(cslist, prevElement, element, nextElement)     \
   VMK_SLIST_FORALL_SAFE(&(cslist)->slist, prevElement, element, nextElement)

/**
 * \brief A singly-linked list with an element count; initialise it with
 *        vmk_CSListInit().
 */
typedef struct vmk_CSList {
   /** \brief The list itself. */
   vmk_SList slist;
   /** \brief Number of elements on slist. */
   vmk_uint32 numElements;
} vmk_CSList;

/**
 * \brief Tell whether a counted list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return VMK_TRUE if the list is empty, VMK_FALSE otherwise.
 */
static inline vmk_Bool
vmk_CSListIsEmpty(
   const vmk_CSList *list)
{
   return (list->numElements == 0) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief Get the first element of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return The head element, or NULL if the list is empty.
 */
static inline vmk_SList_Links *
vmk_CSListFirst(
   const vmk_CSList *list)
{
   return vmk_SListFirst(&list->slist);
}

/**
 * \brief Get the last element of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return The tail element, or NULL if the list is empty.
 */
static inline vmk_SList_Links *
vmk_CSListLast(
   const vmk_CSList *list)
{
   return vmk_SListLast(&list->slist);
}

/**
 * \brief Find the element before a given one by walking from the head.
 *
 * \note This function will not block.
 *
 * \param[in] list     List that holds element.
 * \param[in] element  Element whose predecessor is wanted.
 *
 * \return The predecessor, or NULL if element is the head.
 */
static inline vmk_SList_Links *
vmk_CSListPrev(
   const vmk_CSList *list,
   const vmk_SList_Links *element)
{
   return vmk_SListPrev(&list->slist, element);
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
vmk_CSListNext(
   const vmk_SList_Links *element)
{
   return vmk_SListNext(element);
}

/**
 * \brief Initialise a counted list as empty, with a count of 0.
 *
 * \note This function will not block.
 *
 * \param[out] list  List to initialise.
 */
static inline void
vmk_CSListInit(
   vmk_CSList *list)
{
   vmk_SListInit(&list->slist);
   list->numElements = 0;
}

/**
 * \brief Get the number of elements of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in] list  Initialised list.
 *
 * \return The element count.
 */
static inline vmk_uint32
vmk_CSListCount(
   const vmk_CSList *list)
{
   return list->numElements;
}

/**
 * \brief Unlink and return the first element of a counted list.
 *
 * \note This function will not block.
 * \note On an empty list vmkemu returns NULL (and fails a VMK_ASSERT in
 *       debug builds) where ESXi would dereference NULL.
 *
 * \param[in,out] list  List to take from; should not be empty.
 *
 * \return The former head.
 */
static inline vmk_SList_Links *
vmk_CSListPop(
   vmk_CSList *list)
{
   vmk_SList_Links *element = vmk_SListPop(&list->slist);

   if (element != NULL) {
      list->numElements--;
   }
   return element;
}

/**
 * \brief Make an element the new first element of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List to insert into.
 * \param[in,out] element  Element to insert; must not be on any list.
 */
static inline void
vmk_CSListInsertAtHead(
   vmk_CSList *list,
   vmk_SList_Links *element)
{
   vmk_SListInsertAtHead(&list->slist, element);
   list->numElements++;
}

/**
 * \brief Make an element the new last element of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List to insert into.
 * \param[in,out] element  Element to insert; must not be on any list.
 */
static inline void
vmk_CSListInsertAtTail(
   vmk_CSList *list,
   vmk_SList_Links *element)
{
   vmk_SListInsertAtTail(&list->slist, element);
   list->numElements++;
}

/**
 * \brief Link an element right behind another element of a counted list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List that holds after.
 * \param[in,out] element  Element to insert; must not be on any list.
 * \param[in,out] after    Element of list that element will follow.
 */
static inline void
vmk_CSListInsertAfter(
   vmk_CSList *list,
   vmk_SList_Links *element,
   vmk_SList_Links *after)
{
   vmk_SListInsertAfter(&list->slist, element, after);
   list->numElements++;
}

/**
 * \brief Unlink an element whose predecessor the caller knows.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List that holds element.
 * \param[in,out] element  Element to remove.
 * \param[in,out] prev     The element just before element, or NULL if
 *                         element is the head.
 */
static inline void
vmk_CSListRemove(
   vmk_CSList *list,
   vmk_SList_Links *element,
   vmk_SList_Links *prev)
{
   VMK_ASSERT(list->numElements > 0);
   vmk_SListRemove(&list->slist, element, prev);
   list->numElements--;
}

/**
 * \brief Unlink an element, finding its predecessor by walking the list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list     List that holds element.
 * \param[in,out] element  Element to remove.
 */
static inline void
vmk_CSListRemoveSlow(
   vmk_CSList *list,
   vmk_SList_Links *element)
{
   VMK_ASSERT(list->numElements > 0);
   vmk_SListRemoveSlow(&list->slist, element);
   list->numElements--;
}

/**
 * \brief Move every element of one counted list to the end of another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements at its tail.
 * \param[in,out] listSrc   List that gives them; left empty.
 */
static inline void
vmk_CSListAppend(
   vmk_CSList *listDest,
   vmk_CSList *listSrc)
{
   vmk_SListAppend(&listDest->slist, &listSrc->slist);
   listDest->numElements += listSrc->numElements;
   listSrc->numElements = 0;
}

/**
 * \brief Move the first num elements of one counted list to the end of
 *        another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements at its tail.
 * \param[in,out] listSrc   List that gives its first elements.
 * \param[in]     num       Number of elements to move; all of them if
 *                          listSrc has fewer.
 */
static inline void
vmk_CSListAppendN(
   vmk_CSList *listDest,
   vmk_CSList *listSrc,
   vmk_uint32 num)
{
   vmk_uint32 moved = (num < listSrc->numElements) ? num : listSrc->numElements;

   vmk_SListAppendN(&listDest->slist, &listSrc->slist, num);
   listDest->numElements += moved;
   listSrc->numElements -= moved;
}

/**
 * \brief Move every element of one counted list to the front of another.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest  List that receives the elements ahead of its
 *                          own.
 * \param[in,out] listSrc   List that gives them; left empty.
 */
static inline void
vmk_CSListPrepend(
   vmk_CSList *listDest,
   vmk_CSList *listSrc)
{
   vmk_SListPrepend(&listDest->slist, &listSrc->slist);
   listDest->numElements += listSrc->numElements;
   listSrc->numElements = 0;
}

/**
 * \brief Split a counted list after its element number n (counting from
 *        0): the first n + 1 elements move to a second list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list1  List to split.
 * \param[out]    list2  Empty list that receives the leading elements; all
 *                       of list1 if it has n + 1 elements or fewer.
 * \param[in]     n      Index of the last element to move.
 */
static inline void
vmk_CSListSplitNHead(
   vmk_CSList *list1,
   vmk_CSList *list2,
   vmk_uint64 n)
{
   vmk_uint64 moved = n + 1;

   /* Same split as vmk_SListSplitNHead(): elements 0..n move. */
   if (moved > list1->numElements) {
      moved = list1->numElements;
   }
   vmk_SListSplitNHead(&list1->slist, &list2->slist, n);
   list2->numElements += (vmk_uint32)moved;
   list1->numElements -= (vmk_uint32)moved;
}

/**
 * \brief Put one element in place of another on a counted list; the
 *        count does not change.
 *
 * \note This function will not block.
 *
 * \param[in,out] list         List that holds target.
 * \param[in,out] target       Element to take off.
 * \param[in,out] replacement  Element to put in its place; must not be on
 *                             any list.
 * \param[in,out] prev         The element just before target, or NULL if
 *                             target is the head.
 */
static inline void
vmk_CSListReplace(
   vmk_CSList *list,
   vmk_SList_Links *target,
   vmk_SList_Links *replacement,
   vmk_SList_Links *prev)
{
   vmk_SListReplace(&list->slist, target, replacement, prev);
}

/** \} */

#endif /* _VMKAPI_CSLIST_H_ */
