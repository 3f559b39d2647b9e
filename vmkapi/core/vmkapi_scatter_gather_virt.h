/*
 * core/vmkapi_scatter_gather_virt.h -- virtual-address scatter-gather arrays
 *
 * Scatter-gather arrays whose elements are virtual addresses.
 */

#ifndef _VMKAPI_SCATTER_GATHER_VIRT_H_
#define _VMKAPI_SCATTER_GATHER_VIRT_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_scatter_gather_virt.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_SG
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SgVirtArrayInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SgVirtElemInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SgVirtOpsHandleInt;

/** \brief Handle to a Sg virt array. */
typedef struct vmk_SgVirtArrayInt *vmk_SgVirtArray;

/** \brief Handle to a Sg virt ops handle. */
typedef struct vmk_SgVirtOpsHandleInt *vmk_SgVirtOpsHandle;

/** \brief Callback type: Sg virt array op alloc. */
typedef VMK_ReturnStatus (*vmk_SgVirtArrayOpAlloc)(vmk_SgVirtOpsHandle, vmk_HeapID, void *, vmk_SgVirtArray *, vmk_ByteCountSmall);

/** \brief Callback type: Sg virt array op free. */
typedef VMK_ReturnStatus (*vmk_SgVirtArrayOpFree)(vmk_SgVirtOpsHandle, vmk_HeapID, void *, vmk_SgVirtArray, void *);

/**
 * \brief Callbacks of a Sg virt array.
 */
typedef struct vmk_SgVirtArrayOps {
   /** \brief Alloc. */
   vmk_SgVirtArrayOpAlloc alloc;
   /** \brief Free. */
   vmk_SgVirtArrayOpFree free;
} vmk_SgVirtArrayOps;

/** \brief Handle to a Sg virt elem. */
typedef struct vmk_SgVirtElemInt *vmk_SgVirtElem;

/**
 * \brief Allocate a Sg virt array with init.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 * \param[in] maxElems Max elems.
 * \param[in] opsPrivate Ops private.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtArrayAllocWithInit(
   vmk_SgVirtOpsHandle sgOps,
   vmk_SgVirtArray *sgArray,
   vmk_uint32 maxElems,
   void *opsPrivate);

/**
 * \brief Free a Sg virt array.
 *
 * \param[in] sgArray Sg array.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtArrayFree(
   vmk_SgVirtArray sgArray);

/**
 * \brief Get the elem of a Sg virt array.
 *
 * \param[in] sgArray Sg array.
 * \param[in] index Index.
 * \param[in,out] elem Elem.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetElem(
   vmk_SgVirtArray sgArray,
   vmk_uint32 index,
   vmk_SgVirtElem *elem);

/**
 * \brief Get the max elems of a Sg virt array.
 *
 * \param[in] sgArray Sg array.
 * \param[in,out] uint32 Uint 32.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetMaxElems(
   vmk_SgVirtArray sgArray,
   vmk_uint32 *uint32);

/**
 * \brief Get the used elems of a Sg virt array.
 *
 * \param[in] sgArray Sg array.
 * \param[in,out] uint32 Uint 32.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetUsedElems(
   vmk_SgVirtArray sgArray,
   vmk_uint32 *uint32);

/**
 * \brief Get the info of a Sg virt elem.
 *
 * \param[in] elem Elem.
 * \param[in,out] va Va.
 * \param[in,out] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtElemGetInfo(
   vmk_SgVirtElem elem,
   vmk_VA *va,
   vmk_uint32 *length);

/**
 * \brief Initialize a Sg virt elem.
 *
 * \param[in] sgArray Sg array.
 * \param[in] va Va.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtElemInit(
   vmk_SgVirtArray sgArray,
   void *va,
   vmk_uint32 length);

/**
 * \brief Create a Sg virt ops handle.
 *
 * \param[in] heap Heap.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgVirtArrayOps Sg virt array ops.
 * \param[in] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtOpsHandleCreate(
   vmk_HeapID heap,
   vmk_SgVirtOpsHandle *sgOpsOut,
   vmk_SgVirtArrayOps *sgVirtArrayOps,
   void *data);

/**
 * \brief Destroy a Sg virt ops handle.
 *
 * \param[in] sgOps Sg ops.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgVirtOpsHandleDestroy(
   vmk_SgVirtOpsHandle sgOps);

/** \} */

#endif /* _VMKAPI_SCATTER_GATHER_VIRT_H_ */
