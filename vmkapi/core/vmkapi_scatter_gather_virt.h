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
 * \note This function will not block.
 *
 * \param[in] sgVirtOpsHandle Sg virt ops handle.
 * \param[out] sgVirtArray Sg virt array.
 * \param[in] maxElems Max elems.
 * \param[in] arrayPrivate Array private.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtArrayAllocWithInit(
   vmk_SgVirtOpsHandle sgVirtOpsHandle,
   vmk_SgVirtArray *sgVirtArray,
   vmk_uint32 maxElems,
   void *arrayPrivate);

/**
 * \brief Free a Sg virt array.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray Sg virt array.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtArrayFree(
   vmk_SgVirtArray sgVirtArray);

/**
 * \brief Get the elem of a Sg virt array.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray Sg virt array.
 * \param[in] index Index.
 * \param[out] sgVirtElem Sg virt elem.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetElem(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 index,
   vmk_SgVirtElem *sgVirtElem);

/**
 * \brief Get the max elems of a Sg virt array.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray Sg virt array.
 * \param[out] maxElems Max elems.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetMaxElems(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 *maxElems);

/**
 * \brief Get the used elems of a Sg virt array.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray Sg virt array.
 * \param[out] usedElems Used elems.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetUsedElems(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 *usedElems);

/**
 * \brief Get the info of a Sg virt elem.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtElem Sg virt elem.
 * \param[out] vaddr Vaddr.
 * \param[out] length Length in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtElemGetInfo(
   vmk_SgVirtElem sgVirtElem,
   vmk_VA *vaddr,
   vmk_uint32 *length);

/**
 * \brief Initialize a Sg virt elem.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray Sg virt array.
 * \param[in] bufferStart Buffer start.
 * \param[in] length Length in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 */
VMK_ReturnStatus
vmk_SgVirtElemInit(
   vmk_SgVirtArray sgVirtArray,
   void *bufferStart,
   vmk_uint32 length);

/**
 * \brief Create a Sg virt ops handle.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgVirtArrayOps Sg virt array ops.
 * \param[in] data Caller data.
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
 * \note This function will not block.
 *
 * \param[in] sgVirtOpsHandle Sg virt ops handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgVirtOpsHandleDestroy(
   vmk_SgVirtOpsHandle sgVirtOpsHandle);

/** \} */

#endif /* _VMKAPI_SCATTER_GATHER_VIRT_H_ */
