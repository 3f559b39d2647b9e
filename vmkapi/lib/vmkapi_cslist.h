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
 * \{
 */

/**
 * \brief Iterate element over a counted list. Do not remove element in the body.
 */
#define VMK_CSLIST_FORALL(cslist, element) VMK_SLIST_FORALL(&(cslist)->slist, element)

/**
 * \brief Continue iterating a counted list from element.
 */
#define VMK_CSLIST_FORALL_AFTER(cslist, element)            \
   VMK_SLIST_FORALL_AFTER(&(cslist)->slist, element)

/**
 * \brief Iterate a counted list; the body may remove element.
 */
#define VMK_CSLIST_FORALL_SAFE(cslist, prevElement, element, nextElement)     \
   VMK_SLIST_FORALL_SAFE(&(cslist)->slist, prevElement, element, nextElement)

/**
 * \brief A singly-linked list that keeps its element count.
 */
typedef struct vmk_CSList {
   /** \brief Slist. */
   vmk_SList slist;
   /** \brief Num elements. */
   vmk_uint32 numElements;
} vmk_CSList;

/**
 * \brief Whether a counted list has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_Bool
vmk_CSListIsEmpty(
   const vmk_CSList *list)
{
   return (list->numElements == 0) ? VMK_TRUE : VMK_FALSE;
}

/**
 * \brief First element, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_SList_Links *
vmk_CSListFirst(
   const vmk_CSList *list)
{
   return vmk_SListFirst(&list->slist);
}

/**
 * \brief Last element, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_SList_Links *
vmk_CSListLast(
   const vmk_CSList *list)
{
   return vmk_SListLast(&list->slist);
}

/**
 * \brief Element before the given one, or NULL for the head.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in] element Element.
 */
static inline vmk_SList_Links *
vmk_CSListPrev(
   const vmk_CSList *list,
   const vmk_SList_Links *element)
{
   return vmk_SListPrev(&list->slist, element);
}

/**
 * \brief Element after the given one, or NULL.
 *
 * \note This function will not block.
 *
 * \param[in] element Element.
 */
static inline vmk_SList_Links *
vmk_CSListNext(
   const vmk_SList_Links *element)
{
   return vmk_SListNext(element);
}

/**
 * \brief Make a counted list empty.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 */
static inline void
vmk_CSListInit(
   vmk_CSList *list)
{
   vmk_SListInit(&list->slist);
   list->numElements = 0;
}

/**
 * \brief Number of elements in a counted list.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 */
static inline vmk_uint32
vmk_CSListCount(
   const vmk_CSList *list)
{
   return list->numElements;
}

/**
 * \brief Remove and return the first element (NULL if empty).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
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
 * \brief Insert an element at the head.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in] element Element.
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
 * \brief Insert an element at the tail.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in] element Element.
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
 * \brief Insert element right after another element of the list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in] element Element.
 * \param[in] after After.
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
 * \brief Remove element, whose predecessor is prev (NULL for the head).
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in] element Element.
 * \param[in] prev Prev.
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
 * \brief Remove element, finding its predecessor by walking the list.
 *
 * \note This function will not block.
 *
 * \param[in,out] list List.
 * \param[in] element Element.
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
 * \brief Move all elements of listSrc to the end of listDest.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest List dest.
 * \param[in,out] listSrc List src.
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
 * \brief Move all elements of listSrc to the front of listDest.
 *
 * \note This function will not block.
 *
 * \param[in,out] listDest List dest.
 * \param[in,out] listSrc List src.
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
 * \brief Move the elements with index 0..n (all of them if fewer) to the empty
 *     list2.
 *
 * \note This function will not block.
 *
 * \param[in,out] list1 List 1.
 * \param[in,out] list2 List 2.
 * \param[in] n N.
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
 * \brief Put replacement where target is; the count does not change.
 *
 * \note This function will not block.
 *
 * \param[in] list List.
 * \param[in,out] target Target.
 * \param[in,out] replacement Replacement.
 * \param[in,out] prev Prev.
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
