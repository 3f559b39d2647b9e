/*
 * lib/vmkapi_priq.h -- priority queues
 *
 * Min or max priority queues keyed by 64-bit keys.
 */

#ifndef _VMKAPI_PRIQ_H_
#define _VMKAPI_PRIQ_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_priq.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PriQ Priority Queues
 *
 * \brief Bounded priority queues of (key, value) pairs.
 *
 * A queue holds up to its capacity of elements, each a 64-bit key and an
 * opaque value, and hands them out smallest key first (MIN queues) or
 * largest key first (MAX queues); equal keys come out in insertion order.
 * Values identify elements for vmk_PriQFind(), vmk_PriQExtract() and
 * vmk_PriQRekey(), so they should be unique. Queues do no locking.
 *
 * \note vmkemu finds elements by value with a linear scan. Queues still
 *       allocated at shutdown are listed as leaks.
 * \{
 */

/** \brief Private structure behind a vmk_PriQHandle. */
struct vmk_PriQInternal;

/** \brief Handle to a priority queue. */
typedef struct vmk_PriQInternal *vmk_PriQHandle;

/** \brief Priority of an element; ordering depends on the queue's type. */
typedef vmk_uint64 vmk_PriQKey;

/**
 * \brief Which end of the key order a queue serves first.
 */
typedef enum vmk_PriQType {
   /** \brief Smallest key first. */
   VMK_PRIQ_TYPE_MIN = 0,
   /** \brief Largest key first. */
   VMK_PRIQ_TYPE_MAX = 1,
} vmk_PriQType;

/**
 * \brief Remove every element from a queue.
 *
 * \note This function will not block.
 *
 * \param[in] priQ  Queue to empty.
 *
 * \retval VMK_OK              The queue is empty.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQClear(
   vmk_PriQHandle priQ);

/**
 * \brief Create an empty priority queue of a fixed capacity.
 *
 * \note This function will not block.
 *
 * \param[in]  moduleID  Module that owns the queue.
 * \param[in]  heapID    Heap for the queue and its element array.
 * \param[in]  type      VMK_PRIQ_TYPE_MIN or VMK_PRIQ_TYPE_MAX.
 * \param[in]  numElems  Capacity; at least 1 (see vmk_PriQResize()).
 * \param[out] priQ      Receives the queue handle.
 *
 * \retval VMK_OK         *priQ is set.
 * \retval VMK_BAD_PARAM  priQ is NULL, the type is unknown or numElems is
 *                        0.
 * \retval VMK_NO_MEMORY  The heap could not supply the queue.
 */
VMK_ReturnStatus
vmk_PriQCreate(
   vmk_ModuleID moduleID,
   vmk_HeapID heapID,
   vmk_PriQType type,
   vmk_uint64 numElems,
   vmk_PriQHandle *priQ);

/**
 * \brief Destroy an empty priority queue.
 *
 * \note This function will not block.
 *
 * \param[in] priQ  Queue to destroy; must be empty.
 *
 * \retval VMK_OK              The queue is gone.
 * \retval VMK_BUSY            The queue still holds elements.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQDestroy(
   vmk_PriQHandle priQ);

/**
 * \brief Remove the element with a given value, wherever it is.
 *
 * \note This function will not block.
 *
 * \param[in]  priQ   Queue to search.
 * \param[in]  value  Value of the element to remove.
 * \param[out] key    If not NULL, receives the element's key.
 *
 * \retval VMK_OK              The element is removed.
 * \retval VMK_NOT_FOUND       No element has that value.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQExtract(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey *key);

/**
 * \brief Remove the element that comes first (smallest or largest key).
 *
 * \note This function will not block.
 *
 * \param[in]  priQ  Queue to take from.
 * \param[out] key   If not NULL, receives the element's key.
 * \param[out] data  If not NULL, receives the element's value.
 *
 * \retval VMK_OK              The element is removed.
 * \retval VMK_NOT_FOUND       The queue is empty.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQExtractFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey *key,
   void **data);

/**
 * \brief Look up the key of the element with a given value.
 *
 * \note This function will not block.
 *
 * \param[in]  priQ   Queue to search.
 * \param[in]  value  Value of the element.
 * \param[out] key    If not NULL, receives its key.
 *
 * \retval VMK_OK              The element is in the queue.
 * \retval VMK_NOT_FOUND       No element has that value.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQFind(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey *key);

/**
 * \brief Look at the element that comes first without removing it.
 *
 * \note This function will not block.
 *
 * \param[in]  priQ   Queue to look at.
 * \param[out] key    If not NULL, receives the element's key.
 * \param[out] value  If not NULL, receives the element's value.
 *
 * \retval VMK_OK              The queue is not empty; outputs are set.
 * \retval VMK_NOT_FOUND       The queue is empty.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey *key,
   void **value);

/**
 * \brief Add an element to a queue.
 *
 * \note This function will not block.
 *
 * \param[in] priQ   Queue to add to.
 * \param[in] key    Priority of the element.
 * \param[in] value  Value of the element; should be unique in the queue.
 *
 * \retval VMK_OK              The element is queued.
 * \retval VMK_LIMIT_EXCEEDED  The queue is full; grow it with
 *                             vmk_PriQResize().
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQInsert(
   vmk_PriQHandle priQ,
   vmk_PriQKey key,
   void *value);

/**
 * \brief Change the key of the element with a given value.
 *
 * The element then orders as if it had just been inserted with the new
 * key.
 *
 * \note This function will not block.
 *
 * \param[in] priQ    Queue to change.
 * \param[in] value   Value of the element.
 * \param[in] newKey  Its new key.
 *
 * \retval VMK_OK              The key is changed.
 * \retval VMK_NOT_FOUND       No element has that value.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQRekey(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey newKey);

/**
 * \brief Change the key of the element that comes first.
 *
 * \note This function will not block.
 *
 * \param[in] priQ    Queue to change.
 * \param[in] newKey  New key for the first element.
 *
 * \retval VMK_OK              The key is changed.
 * \retval VMK_NOT_FOUND       The queue is empty.
 * \retval VMK_BAD_PARAM       priQ is NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQRekeyFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey newKey);

/**
 * \brief Change the capacity of a queue, keeping its elements.
 *
 * \note This function will not block.
 *
 * \param[in] priQ      Queue to resize.
 * \param[in] numElems  New capacity; at least 1 and not below the number
 *                      of elements held.
 *
 * \retval VMK_OK              The queue has the new capacity.
 * \retval VMK_BUSY            numElems is below the number of elements
 *                             held.
 * \retval VMK_NO_MEMORY       The heap could not supply the new array; the
 *                             queue is unchanged.
 * \retval VMK_BAD_PARAM       priQ is NULL or numElems is 0.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQResize(
   vmk_PriQHandle priQ,
   vmk_uint64 numElems);

/**
 * \brief Get the capacity of a queue.
 *
 * \note This function will not block.
 *
 * \param[in]  priQ        Queue to ask.
 * \param[out] totalElems  Receives the capacity.
 *
 * \retval VMK_OK              *totalElems is set.
 * \retval VMK_BAD_PARAM       priQ is NULL or totalElems is
 *                             NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQTotalElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *totalElems);

/**
 * \brief Get the number of elements in a queue.
 *
 * \note This function will not block.
 *
 * \param[in]  priQ       Queue to ask.
 * \param[out] usedElems  Receives the element count.
 *
 * \retval VMK_OK              *usedElems is set.
 * \retval VMK_BAD_PARAM       priQ is NULL or usedElems is
 *                             NULL.
 * \retval VMK_INVALID_HANDLE  priQ is not a live queue (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_PriQUsedElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *usedElems);

/**
 * \brief Tell whether a queue holds no elements.
 *
 * \note This function will not block.
 *
 * \param[in] priQ  Queue to test.
 *
 * \return VMK_TRUE if the queue is empty (or cannot be queried), VMK_FALSE
 *         otherwise.
 */
static inline vmk_Bool
vmk_PriQIsEmpty(
   vmk_PriQHandle priQ)
{
   vmk_uint64 used = 0;
   VMK_ReturnStatus status = vmk_PriQUsedElems(priQ, &used);

   VMK_ASSERT(status == VMK_OK);
   (void)status;
   return (used == 0) ? VMK_TRUE : VMK_FALSE;
}

/** \} */

#endif /* _VMKAPI_PRIQ_H_ */
