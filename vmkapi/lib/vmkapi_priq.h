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
 * \param[in] priQ Pri q.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQClear(
   vmk_PriQHandle priQ);

/**
 * \brief Create a pri q.
 *
 * \param[in] moduleID Module id.
 * \param[in] heapID Heap id.
 * \param[in] type Type.
 * \param[in] numElems Num elems.
 * \param[in,out] priQ Pri q.
 *
 * \retval VMK_OK Success.
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
 * \param[in] priQ Pri q.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQDestroy(
   vmk_PriQHandle priQ);

/**
 * \brief Extract a pri q.
 *
 * \param[in] priQ Pri q.
 * \param[in] data Data.
 * \param[in,out] key Key.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQExtract(
   vmk_PriQHandle priQ,
   void *data,
   vmk_PriQKey *key);

/**
 * \brief Remove and return the element with the first key.
 *
 * \param[in] priQ Pri q.
 * \param[in,out] key Key.
 * \param[in,out] data Data.
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
 * \param[in] priQ Pri q.
 * \param[in] data Data.
 * \param[in,out] key Key.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQFind(
   vmk_PriQHandle priQ,
   void *data,
   vmk_PriQKey *key);

/**
 * \brief Return the element with the first key without removing it.
 *
 * \param[in] priQ Pri q.
 * \param[in,out] key Key.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey *key,
   void **data);

/**
 * \brief Insert a pri q.
 *
 * \param[in] priQ Pri q.
 * \param[in] key Key.
 * \param[in] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQInsert(
   vmk_PriQHandle priQ,
   vmk_PriQKey key,
   void *data);

/**
 * \brief Rekey a pri q.
 *
 * \param[in] priQ Pri q.
 * \param[in] data Data.
 * \param[in] key Key.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQRekey(
   vmk_PriQHandle priQ,
   void *data,
   vmk_PriQKey key);

/**
 * \brief Pri q: rekey first.
 *
 * \param[in] priQ Pri q.
 * \param[in] key Key.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQRekeyFirst(
   vmk_PriQHandle priQ,
   vmk_PriQKey key);

/**
 * \brief Resize a pri q.
 *
 * \param[in] priQ Pri q.
 * \param[in] uint64 Uint 64.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQResize(
   vmk_PriQHandle priQ,
   vmk_uint64 uint64);

/**
 * \brief Return the capacity of a priority queue.
 *
 * \param[in] priQ Pri q.
 * \param[in,out] uint64 Uint 64.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQTotalElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *uint64);

/**
 * \brief Return the number of elements in a priority queue.
 *
 * \param[in] priQ Pri q.
 * \param[in,out] uint64 Uint 64.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PriQUsedElems(
   vmk_PriQHandle priQ,
   vmk_uint64 *uint64);

/**
 * \brief Whether a priority queue has no elements.
 *
 * \param[in] priQ Pri q.
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
