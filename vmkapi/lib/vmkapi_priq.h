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
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_PriQInternal;

/** \brief Handle to a pri q handle. */
typedef struct vmk_PriQInternal *vmk_PriQHandle;

/** \brief Pri q key. */
typedef vmk_uint64 vmk_PriQKey;

/**
 * \brief Values of pri q type.
 */
typedef enum vmk_PriQType {
   /** \brief Min. */
   VMK_PRIQ_TYPE_MIN = 0,
   /** \brief Max. */
   VMK_PRIQ_TYPE_MAX = 1,
} vmk_PriQType;

/**
 * \brief Clear a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQClear(
   vmk_PriQHandle priQ);

/**
 * \brief Create a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] heapID Heap handle.
 * \param[in] type Type.
 * \param[in] numElems Num elems.
 * \param[out] priQ Pri q.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQCreate(
   vmk_ModuleID moduleID,
   vmk_HeapID heapID,
   vmk_PriQType type,
   vmk_uint64 numElems,
   vmk_PriQHandle *priQ);

/**
 * \brief Destroy a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQDestroy(
   vmk_PriQHandle priQ);

/**
 * \brief Extract a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] value Value.
 * \param[out] key Key.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PriQExtract(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey *key);

/**
 * \brief Remove and return the element with the first key.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in,out] key Key.
 * \param[in,out] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQExtractFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey *key,
   void **data);

/**
 * \brief Find a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] value Value.
 * \param[out] key Key.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PriQFind(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey *key);

/**
 * \brief Return the element with the first key without removing it.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[out] key Key.
 * \param[out] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PriQFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey *key,
   void **value);

/**
 * \brief Insert a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] key Key.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQInsert(
   vmk_PriQHandle priQ,
   vmk_PriQKey key,
   void *value);

/**
 * \brief Rekey a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] value Value.
 * \param[in] newKey New key.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PriQRekey(
   vmk_PriQHandle priQ,
   void *value,
   vmk_PriQKey newKey);

/**
 * \brief Pri q: rekey first.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] newKey New key.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PriQRekeyFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey newKey);

/**
 * \brief Resize a pri q.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[in] numElems Num elems.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BUSY The object is in use.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQResize(
   vmk_PriQHandle priQ,
   vmk_uint64 numElems);

/**
 * \brief Return the capacity of a priority queue.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[out] totalElems Total elems.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQTotalElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *totalElems);

/**
 * \brief Return the number of elements in a priority queue.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
 * \param[out] usedElems Used elems.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PriQUsedElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *usedElems);

/**
 * \brief Whether a priority queue has no elements.
 *
 * \note This function will not block.
 *
 * \param[in] priQ Priority queue handle.
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
