/*
 * core/vmkapi_scatter_gather.h -- machine-address scatter-gather arrays
 *
 * Arrays of (machine address, length) elements describing a buffer that
 * may be scattered in machine memory, the handles that allocate them, and
 * the functions that build, measure, search and copy through them.
 */

#ifndef _VMKAPI_SCATTER_GATHER_H_
#define _VMKAPI_SCATTER_GATHER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_scatter_gather.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_SG Scatter-Gather
 *
 * \brief Describing and copying through buffers scattered in machine
 *        memory.
 *
 * A vmk_SgArray lists the machine-address pieces of a buffer. Arrays are
 * allocated through an ops handle, which either uses the driver's alloc
 * and free callbacks or a heap. vmk_SgInit() fills an array from a
 * virtual buffer; DMA mapping (\ref VMK_DMA) turns an array of machine
 * addresses into one of I/O addresses. Component arrays group several SG
 * arrays into one logical transfer.
 *
 * \note vmkemu makes one element per page a buffer touches, the worst
 *       case, so drivers see multi-element arrays as on real hardware.
 *       Freeing an array twice or through the wrong handle is reported,
 *       and a handle destroyed with arrays still allocated is reported as
 *       a leak.
 * \{
 */

/** \brief Private structure behind a vmk_SgComponentOpsHandle. */
struct vmk_SgComponentOpsHandleInt;

/** \brief Private structure behind a vmk_SgOpsHandle. */
struct vmk_SgOpsHandleInt;

/**
 * \brief One contiguous piece of a buffer: an address and a length.
 */
typedef struct vmk_SgElem {
   /**
    * \brief The piece's address, as a machine address before DMA mapping or
    *        an I/O address after.
    */
   union {
      /** \brief Machine address of the piece. */
      vmk_MA addr;
      /** \brief I/O address of the piece, in an array made by DMA mapping. */
      vmk_IOA ioAddr;
   };
   /** \brief Length of the piece in bytes. */
   vmk_ByteCountSmall length;
   /** \brief Reserved; do not use. */
   vmk_uint32 reserved;
} vmk_SgElem;

/**
 * \brief A scatter-gather array: a header followed by maxElems elements.
 */
typedef struct vmk_SgArray {
   /** \brief Number of elements the array has room for. */
   vmk_uint32 maxElems;
   /** \brief Number of elements in use, from elem[0]. */
   vmk_uint32 numElems;
   /** \brief Reserved; do not use. */
   vmk_uint64 reserved;
   /** \brief Reserved; do not use. */
   vmk_uint64 reserved2;
   /** \brief The elements. */
   vmk_SgElem elem[0];
} vmk_SgArray;

/** \brief Handle that allocates and frees vmk_SgArray objects. */
typedef struct vmk_SgOpsHandleInt *vmk_SgOpsHandle;

/**
 * \brief Driver callback that allocates an array with room for the given
 *        number of elements; gets the handle, where to store the array,
 *        the element count and the handle's private data.
 */
typedef VMK_ReturnStatus (*vmk_SgArrayOpAlloc)(vmk_SgOpsHandle, vmk_SgArray **, vmk_uint32, void *);

/**
 * \brief Driver callback that frees an array its alloc callback made;
 *        gets the handle, the array and the handle's private data.
 */
typedef VMK_ReturnStatus (*vmk_SgArrayOpFree)(vmk_SgOpsHandle, vmk_SgArray *, void *);

/**
 * \brief Driver callbacks that allocate and free SG arrays for an ops
 *        handle.
 */
typedef struct vmk_SgArrayOps {
   /** \brief Allocate an array; required if ops are given. */
   vmk_SgArrayOpAlloc alloc;
   /** \brief Free an array; required if ops are given. */
   vmk_SgArrayOpFree free;
} vmk_SgArrayOps;

/**
 * \brief One part of a larger transfer: a byte range of an SG array.
 */
typedef struct vmk_SgComponent {
   /** \brief Offset of this part within the whole transfer. */
   vmk_ByteCount ioOffset;
   /** \brief Length of this part in bytes. */
   vmk_ByteCount ioLength;
   /** \brief SG array that holds the data of this part. */
   vmk_SgArray *sg;
} vmk_SgComponent;

/**
 * \brief A list of SG components making up one transfer; a header
 *        followed by maxComponents entries.
 */
typedef struct vmk_SgComponentArray {
   /** \brief Number of components the array has room for. */
   vmk_int32 maxComponents;
   /** \brief Number of components in use. */
   vmk_int32 numComponents;
   /** \brief Reserved; do not use. */
   vmk_uint64 reserved;
   /** \brief Reserved; do not use. */
   vmk_uint64 reserved2;
   /** \brief The components. */
   vmk_SgComponent sgComponent[0];
} vmk_SgComponentArray;

/** \brief Handle that allocates and frees vmk_SgComponentArray objects. */
typedef struct vmk_SgComponentOpsHandleInt *vmk_SgComponentOpsHandle;

/**
 * \brief Driver callback that allocates a component array with room for
 *        the given number of components.
 */
typedef VMK_ReturnStatus (*vmk_SgComponentArrayOpAlloc)(vmk_SgComponentOpsHandle, vmk_SgComponentArray **, vmk_uint32, void *);

/**
 * \brief Driver callback that frees a component array its alloc callback
 *        made.
 */
typedef VMK_ReturnStatus (*vmk_SgComponentArrayOpFree)(vmk_SgComponentOpsHandle, vmk_SgComponentArray *, void *);

/**
 * \brief Driver callbacks that allocate and free component arrays for an
 *        ops handle.
 */
typedef struct vmk_SgComponentArrayOps {
   /** \brief Allocate a component array; required if ops are given. */
   vmk_SgComponentArrayOpAlloc alloc;
   /** \brief Free a component array; required if ops are given. */
   vmk_SgComponentArrayOpFree free;
} vmk_SgComponentArrayOps;

/**
 * \brief How a vmk_SgPosition names its place in an array.
 */
typedef enum vmk_SgPositionType {
   /** \brief No position; not valid as input. */
   VMK_SG_POSITION_TYPE_NONE = 0,
   /** \brief Unknown kind; not valid as input. */
   VMK_SG_POSITION_TYPE_UNKNOWN = 1,
   /** \brief A byte offset from the start of the data. */
   VMK_SG_POSITION_TYPE_BUFFER_OFFSET = 2,
   /** \brief An element index and a byte offset within that element. */
   VMK_SG_POSITION_TYPE_ELEMENT = 3,
} vmk_SgPositionType;

/**
 * \brief A place in the data an SG array describes.
 */
typedef struct vmk_SgPosition {
   /** \brief Array the position refers to. */
   vmk_SgArray *sg;
   /** \brief Which member of the union below is valid. */
   vmk_SgPositionType type;
   /** \brief The position, in the form type names. */
   union {
      /** \brief For VMK_SG_POSITION_TYPE_BUFFER_OFFSET. */
      struct {
         /** \brief Byte offset from the start of the data. */
         vmk_ByteCount offset;
      } bufferOffset;
      /** \brief For VMK_SG_POSITION_TYPE_ELEMENT. */
      struct {
         /** \brief Index of the element. */
         vmk_uint32 element;
         /** \brief Byte offset within that element. */
         vmk_ByteCountSmall offset;
      } element;
   };
} vmk_SgPosition;

/**
 * \brief Allocate an empty SG array.
 *
 * \note This function will not block.
 *
 * \param[in]  handle       Ops handle to allocate through.
 * \param[out] sg           Receives the array, with numElems 0.
 * \param[in]  maxElements  Room wanted, in elements; at least 1.
 *
 * \retval VMK_OK         *sg is set.
 * \retval VMK_BAD_PARAM  handle is not valid, sg is NULL or maxElements
 *                        is 0.
 * \retval VMK_NO_MEMORY  The allocation failed.
 */
VMK_ReturnStatus
vmk_SgAlloc(
   vmk_SgOpsHandle handle,
   vmk_SgArray **sg,
   vmk_uint32 maxElements);

/**
 * \brief Allocate an SG array just big enough for a virtual buffer and
 *        fill it with the buffer's machine-address pieces.
 *
 * \note This function will not block.
 *
 * \param[in]  handle       Ops handle to allocate through.
 * \param[out] sg           Receives the filled array.
 * \param[in]  bufferStart  Start of the buffer (kernel virtual address).
 * \param[in]  size         Length of the buffer in bytes.
 *
 * \retval VMK_OK         *sg is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid, or the buffer
 *                        is not machine memory (vmkemu: heap, memory-pool
 *                        or mapped memory, not the stack or host malloc).
 * \retval VMK_NO_MEMORY  The allocation failed.
 */
VMK_ReturnStatus
vmk_SgAllocWithInit(
   vmk_SgOpsHandle handle,
   vmk_SgArray **sg,
   void *bufferStart,
   vmk_ByteCount size);

/**
 * \brief Allocate an empty SG component array.
 *
 * \note This function will not block.
 *
 * \param[in]  handle       Component ops handle to allocate through.
 * \param[out] sgComponent  Receives the array, with numComponents 0.
 * \param[in]  maxLength    Room wanted, in components; at least 1.
 *
 * \retval VMK_OK         *sgComponent is set.
 * \retval VMK_BAD_PARAM  handle is not valid, sgComponent is NULL or
 *                        maxLength is 0 or too large.
 * \retval VMK_NO_MEMORY  The allocation failed.
 */
VMK_ReturnStatus
vmk_SgComponentAlloc(
   vmk_SgComponentOpsHandle handle,
   vmk_SgComponentArray **sgComponent,
   vmk_uint32 maxLength);

/**
 * \brief Create a handle that allocates SG component arrays.
 *
 * \note This function will not block.
 *
 * \param[in]  heap                 Heap for the handle, and for the arrays
 *                                  when no ops are given.
 * \param[out] sgOpsOut             Receives the handle.
 * \param[in]  sgComponentArrayOps  Driver alloc and free callbacks, or NULL
 *                                  to use the heap.
 * \param[in]  data                 Private data passed to the callbacks.
 *
 * \retval VMK_OK         *sgOpsOut is set.
 * \retval VMK_BAD_PARAM  sgOpsOut is NULL, heap is not valid, or ops lack
 *                        alloc or free.
 * \retval VMK_NO_MEMORY  The heap could not supply the handle.
 */
VMK_ReturnStatus
vmk_SgComponentCreateOpsHandle(
   vmk_HeapID heap,
   vmk_SgComponentOpsHandle *sgOpsOut,
   vmk_SgComponentArrayOps *sgComponentArrayOps,
   void *data);

/**
 * \brief Destroy a component ops handle.
 *
 * \note This function will not block.
 * \note Arrays still allocated through it are reported as a leak by
 *       vmkemu and freed.
 *
 * \param[in] handle  Handle to destroy.
 *
 * \retval VMK_OK         The handle is gone.
 * \retval VMK_BAD_PARAM  handle is not a live component ops handle.
 */
VMK_ReturnStatus
vmk_SgComponentDestroyOpsHandle(
   vmk_SgComponentOpsHandle handle);

/**
 * \brief Free an SG component array.
 *
 * The SG arrays the components point to are not freed.
 *
 * \note This function will not block.
 *
 * \param[in] handle            Handle the array was allocated through.
 * \param[in] sgComponentArray  Array to free.
 *
 * \retval VMK_OK         The array is freed.
 * \retval VMK_BAD_PARAM  An argument is not valid, or the array is not
 *                        live on this handle (also reported by vmkemu).
 */
VMK_ReturnStatus
vmk_SgComponentFree(
   vmk_SgComponentOpsHandle handle,
   vmk_SgComponentArray *sgComponentArray);

/**
 * \brief Add up the lengths of all components of a component array.
 *
 * \note This function will not block.
 *
 * \param[in] sgComponentArray  Array to measure; NULL counts as empty.
 *
 * \return Total of ioLength over the used components, in bytes.
 */
vmk_ByteCount
vmk_SgComponentGetDataLen(
   vmk_SgComponentArray *sgComponentArray);

/**
 * \brief Tell how many elements an SG array needs at most to describe a
 *        virtual buffer (one per page the buffer touches).
 *
 * \note This function will not block.
 *
 * \param[in]  bufferStart  Start of the buffer.
 * \param[in]  size         Length of the buffer in bytes; 0 gives 0.
 * \param[out] numElems     Receives the element count.
 *
 * \retval VMK_OK         *numElems is set.
 * \retval VMK_BAD_PARAM  numElems is NULL, the range wraps around the
 *                        address space, or the count does not fit.
 */
VMK_ReturnStatus
vmk_SgComputeMaxEntries(
   void *bufferStart,
   vmk_ByteCount size,
   vmk_uint32 *numElems);

/**
 * \brief Copy bytes from one place in SG-described memory to another.
 *
 * \note This function will not block.
 *
 * \param[in]  dest              Where the copy goes.
 * \param[in]  source            Where the copy comes from.
 * \param[in]  bytesToCopy       Number of bytes to copy.
 * \param[out] totalBytesCopied  If not NULL, receives the number of bytes
 *                               actually copied, also on failure.
 *
 * \retval VMK_OK         Everything was copied.
 * \retval VMK_BAD_PARAM  dest or source is NULL, or a position is not
 *                        valid.
 * \retval VMK_FAILURE    An array ended, or an element was not machine
 *                        memory, before all bytes were copied.
 */
VMK_ReturnStatus
vmk_SgCopyData(
   vmk_SgPosition *dest,
   vmk_SgPosition *source,
   vmk_ByteCount bytesToCopy,
   vmk_ByteCount *totalBytesCopied);

/**
 * \brief Copy the data an SG array describes into a flat buffer.
 *
 * \note This function will not block.
 *
 * \param[out] dataBuffer  Buffer that receives the data.
 * \param[in]  sgArray     Array describing the source memory.
 * \param[in]  dataLen     Number of bytes to copy.
 *
 * \retval VMK_OK         Everything was copied.
 * \retval VMK_BAD_PARAM  sgArray is NULL or malformed, or dataBuffer is
 *                        NULL with a non-zero length.
 * \retval VMK_FAILURE    The array holds fewer than dataLen bytes, or an
 *                        element is not machine memory; what fitted was
 *                        copied.
 */
VMK_ReturnStatus
vmk_SgCopyFrom(
   void *dataBuffer,
   vmk_SgArray *sgArray,
   vmk_ByteCount dataLen);

/**
 * \brief Copy a flat buffer into the memory an SG array describes.
 *
 * \note This function will not block.
 *
 * \param[in] sgArray     Array describing the destination memory.
 * \param[in] dataBuffer  Buffer with the data.
 * \param[in] dataLen     Number of bytes to copy.
 *
 * \retval VMK_OK         Everything was copied.
 * \retval VMK_BAD_PARAM  sgArray is NULL or malformed, or dataBuffer is
 *                        NULL with a non-zero length.
 * \retval VMK_FAILURE    The array holds fewer than dataLen bytes, or an
 *                        element is not machine memory; what fitted was
 *                        copied.
 */
VMK_ReturnStatus
vmk_SgCopyTo(
   vmk_SgArray *sgArray,
   void *dataBuffer,
   vmk_ByteCount dataLen);

/**
 * \brief Create a handle that allocates SG arrays.
 *
 * \note This function will not block.
 *
 * \param[in]  heap        Heap for the handle, and for the arrays when no
 *                         ops are given.
 * \param[out] sgOpsOut    Receives the handle.
 * \param[in]  sgArrayOps  Driver alloc and free callbacks, or NULL to use
 *                         the heap.
 * \param[in]  data        Private data passed to the callbacks.
 *
 * \retval VMK_OK         *sgOpsOut is set.
 * \retval VMK_BAD_PARAM  sgOpsOut is NULL, heap is not valid, or ops lack
 *                        alloc or free.
 * \retval VMK_NO_MEMORY  The heap could not supply the handle.
 */
VMK_ReturnStatus
vmk_SgCreateOpsHandle(
   vmk_HeapID heap,
   vmk_SgOpsHandle *sgOpsOut,
   vmk_SgArrayOps *sgArrayOps,
   void *data);

/**
 * \brief Destroy an SG ops handle.
 *
 * \note This function will not block.
 * \note Arrays still allocated through it are reported as a leak by
 *       vmkemu and freed.
 *
 * \param[in] handle  Handle to destroy.
 *
 * \retval VMK_OK         The handle is gone.
 * \retval VMK_BAD_PARAM  handle is not a live SG ops handle.
 */
VMK_ReturnStatus
vmk_SgDestroyOpsHandle(
   vmk_SgOpsHandle handle);

/**
 * \brief Turn a byte offset into the data of an SG array into an element
 *        index and an offset within that element.
 *
 * \note This function will not block.
 *
 * \param[in]  sgArray    Array to search.
 * \param[in]  bufOffset  Byte offset from the start of the data.
 * \param[out] position   Receives a position of type
 *                        VMK_SG_POSITION_TYPE_ELEMENT.
 *
 * \retval VMK_OK         *position is set.
 * \retval VMK_BAD_PARAM  sgArray or position is NULL.
 * \retval VMK_FAILURE    bufOffset is at or past the end of the data.
 */
VMK_ReturnStatus
vmk_SgFindPosition(
   vmk_SgArray *sgArray,
   vmk_ByteCount bufOffset,
   vmk_SgPosition *position);

/**
 * \brief Free an SG array.
 *
 * \note This function will not block.
 *
 * \param[in] handle   Handle the array was allocated through.
 * \param[in] sgArray  Array to free.
 *
 * \retval VMK_OK         The array is freed.
 * \retval VMK_BAD_PARAM  An argument is not valid, or the array is not
 *                        live on this handle (also reported by vmkemu as
 *                        a double free, bad free or wrong-handle free).
 */
VMK_ReturnStatus
vmk_SgFree(
   vmk_SgOpsHandle handle,
   vmk_SgArray *sgArray);

/**
 * \brief Add up the lengths of the used elements of an SG array.
 *
 * \note This function will not block.
 *
 * \param[in] sgArray  Array to measure; NULL counts as empty.
 *
 * \return Total length of elem[0] to elem[numElems - 1], in bytes.
 */
vmk_ByteCount
vmk_SgGetDataLen(
   vmk_SgArray *sgArray);

/**
 * \brief Fill an existing SG array with the machine-address pieces of a
 *        virtual buffer.
 *
 * \note This function will not block.
 *
 * \param[in]     handle       Ops handle the array came from.
 * \param[in,out] sg           Array to fill.
 * \param[in]     bufferStart  Start of the buffer (kernel virtual
 *                             address).
 * \param[in]     size         Length of the buffer in bytes.
 * \param[in]     initSGEntry  Index of the first element to write; the
 *                             elements before it are kept. numElems
 *                             becomes initSGEntry plus the elements
 *                             written.
 *
 * \retval VMK_OK         The array describes the buffer.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid, the buffer is
 *                        not machine memory, or the array has too few free
 *                        elements after initSGEntry.
 */
VMK_ReturnStatus
vmk_SgInit(
   vmk_SgOpsHandle handle,
   vmk_SgArray *sg,
   void *bufferStart,
   vmk_ByteCount size,
   vmk_uint32 initSGEntry);

/**
 * \brief Tell how many bytes an SG array with room for a number of
 *        elements occupies, for alloc callbacks.
 *
 * \note This function will not block.
 *
 * \param[in] maxElems  Room wanted, in elements.
 *
 * \return Size of the header plus maxElems elements, in bytes.
 */
static inline vmk_ByteCount
vmk_SgComputeAllocSize(
   vmk_uint32 maxElems)
{
   return sizeof(vmk_SgArray) + (vmk_ByteCount)maxElems * sizeof(vmk_SgElem);
}

/** \} */

#endif /* _VMKAPI_SCATTER_GATHER_H_ */
