/*
 * core/vmkapi_scatter_gather_virt.h -- virtual-address scatter-gather
 *
 * Arrays of (virtual address, length) elements describing a buffer made
 * of several pieces of kernel virtual memory, with driver-supplied
 * allocation.
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

/** \brief Private structure behind a vmk_SgVirtArray. */
struct vmk_SgVirtArrayInt;

/** \brief Private structure behind a vmk_SgVirtElem. */
struct vmk_SgVirtElemInt;

/** \brief Private structure behind a vmk_SgVirtOpsHandle. */
struct vmk_SgVirtOpsHandleInt;

/**
 * \brief Handle to an array of virtual-address elements; its layout is
 *        private, reach it only through the functions here.
 */
typedef struct vmk_SgVirtArrayInt *vmk_SgVirtArray;

/** \brief Handle that allocates and frees virtual SG arrays. */
typedef struct vmk_SgVirtOpsHandleInt *vmk_SgVirtOpsHandle;

/**
 * \brief Driver callback that provides memory for an array: gets the ops
 *        handle, its heap and private data, where to store the memory,
 *        and the number of bytes needed. Must not block.
 */
typedef VMK_ReturnStatus (*vmk_SgVirtArrayOpAlloc)(vmk_SgVirtOpsHandle, vmk_HeapID, void *, vmk_SgVirtArray *, vmk_ByteCountSmall);

/**
 * \brief Driver callback that takes back an array's memory: gets the ops
 *        handle, its heap and private data, the array and the
 *        arrayPrivate it was allocated with. Must not block.
 */
typedef VMK_ReturnStatus (*vmk_SgVirtArrayOpFree)(vmk_SgVirtOpsHandle, vmk_HeapID, void *, vmk_SgVirtArray, void *);

/**
 * \brief Driver callbacks that provide the memory of virtual SG arrays.
 */
typedef struct vmk_SgVirtArrayOps {
   /** \brief Provide memory for an array; required. */
   vmk_SgVirtArrayOpAlloc alloc;
   /** \brief Take back an array's memory; required. */
   vmk_SgVirtArrayOpFree free;
} vmk_SgVirtArrayOps;

/** \brief Handle to one element of a virtual SG array. */
typedef struct vmk_SgVirtElemInt *vmk_SgVirtElem;

/**
 * \brief Allocate an empty virtual SG array through an ops handle.
 *
 * \note This function will not block.
 *
 * \param[in]  sgVirtOpsHandle  Ops handle whose alloc callback supplies
 *                              the memory.
 * \param[out] sgVirtArray      Receives the array, with no elements used.
 * \param[in]  maxElems         Room wanted, in elements.
 * \param[in]  arrayPrivate     Value handed to the free callback when the
 *                              array is freed.
 *
 * \retval VMK_OK         *sgVirtArray is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid, or the array
 *                        would exceed 4 GiB.
 * \retval VMK_NO_MEMORY  The alloc callback returned no memory, or vmkemu
 *                        could not track the array. Any other status the
 *                        alloc callback returns is passed on.
 */
VMK_ReturnStatus
vmk_SgVirtArrayAllocWithInit(
   vmk_SgVirtOpsHandle sgVirtOpsHandle,
   vmk_SgVirtArray *sgVirtArray,
   vmk_uint32 maxElems,
   void *arrayPrivate);

/**
 * \brief Free a virtual SG array through the free callback of its ops
 *        handle.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray  Array to free.
 *
 * \retval VMK_OK         The array is freed.
 * \retval VMK_BAD_PARAM  sgVirtArray is NULL or not live (vmkemu reports
 *                        a double or bad free).
 */
VMK_ReturnStatus
vmk_SgVirtArrayFree(
   vmk_SgVirtArray sgVirtArray);

/**
 * \brief Get one used element of a virtual SG array.
 *
 * \note This function will not block.
 *
 * \param[in]  sgVirtArray  Array to read.
 * \param[in]  index        Element index, below the used count.
 * \param[out] sgVirtElem   Receives the element handle.
 *
 * \retval VMK_OK              *sgVirtElem is set.
 * \retval VMK_BAD_PARAM       An argument is NULL or the array is not live.
 * \retval VMK_LIMIT_EXCEEDED  index is at or past the used elements.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetElem(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 index,
   vmk_SgVirtElem *sgVirtElem);

/**
 * \brief Get the number of elements a virtual SG array has room for.
 *
 * \note This function will not block.
 *
 * \param[in]  sgVirtArray  Array to ask.
 * \param[out] maxElems     Receives the capacity.
 *
 * \retval VMK_OK         *maxElems is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or the array is not live.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetMaxElems(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 *maxElems);

/**
 * \brief Get the number of elements in use in a virtual SG array.
 *
 * \note This function will not block.
 *
 * \param[in]  sgVirtArray  Array to ask.
 * \param[out] usedElems    Receives the count.
 *
 * \retval VMK_OK         *usedElems is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or the array is not live.
 */
VMK_ReturnStatus
vmk_SgVirtArrayGetUsedElems(
   vmk_SgVirtArray sgVirtArray,
   vmk_uint32 *usedElems);

/**
 * \brief Read the address and length of an element.
 *
 * \note This function will not block.
 *
 * \param[in]  sgVirtElem  Element from vmk_SgVirtArrayGetElem().
 * \param[out] vaddr       Receives the virtual address of the piece.
 * \param[out] length      Receives its length in bytes.
 *
 * \retval VMK_OK         The outputs are set.
 * \retval VMK_BAD_PARAM  An argument is NULL.
 */
VMK_ReturnStatus
vmk_SgVirtElemGetInfo(
   vmk_SgVirtElem sgVirtElem,
   vmk_VA *vaddr,
   vmk_uint32 *length);

/**
 * \brief Append a piece of virtual memory to a virtual SG array as its
 *        next element.
 *
 * \note This function will not block.
 *
 * \param[in] sgVirtArray  Array to extend.
 * \param[in] bufferStart  Start of the piece.
 * \param[in] length       Length of the piece in bytes; not 0.
 *
 * \retval VMK_OK              The element is added.
 * \retval VMK_BAD_PARAM       An argument is NULL or 0, or the array is not
 *                             live.
 * \retval VMK_LIMIT_EXCEEDED  The array is full.
 */
VMK_ReturnStatus
vmk_SgVirtElemInit(
   vmk_SgVirtArray sgVirtArray,
   void *bufferStart,
   vmk_uint32 length);

/**
 * \brief Create a handle that allocates virtual SG arrays through driver
 *        callbacks.
 *
 * \note This function will not block.
 *
 * \param[in]  heap            Heap passed to the callbacks.
 * \param[out] sgOpsOut        Receives the handle.
 * \param[in]  sgVirtArrayOps  Alloc and free callbacks; both required.
 * \param[in]  data            Private data passed to the callbacks.
 *
 * \retval VMK_OK         *sgOpsOut is set.
 * \retval VMK_BAD_PARAM  An argument is NULL, a callback is missing or the
 *                        heap is not valid.
 * \retval VMK_NO_MEMORY  No memory for the handle.
 */
VMK_ReturnStatus
vmk_SgVirtOpsHandleCreate(
   vmk_HeapID heap,
   vmk_SgVirtOpsHandle *sgOpsOut,
   vmk_SgVirtArrayOps *sgVirtArrayOps,
   void *data);

/**
 * \brief Destroy a virtual SG ops handle.
 *
 * \note This function will not block.
 * \note Arrays still allocated through it are reported by vmkemu as a
 *       leak and handed to the free callback.
 *
 * \param[in] sgVirtOpsHandle  Handle to destroy.
 *
 * \retval VMK_OK         The handle is gone.
 * \retval VMK_BAD_PARAM  The handle is NULL or not live.
 */
VMK_ReturnStatus
vmk_SgVirtOpsHandleDestroy(
   vmk_SgVirtOpsHandle sgVirtOpsHandle);

/** \} */

#endif /* _VMKAPI_SCATTER_GATHER_VIRT_H_ */
