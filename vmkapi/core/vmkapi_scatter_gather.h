/*
 * core/vmkapi_scatter_gather.h -- machine-address scatter-gather arrays
 *
 * Scatter-gather arrays of machine-address elements and the operations to
 * build, copy and search them.
 */

#ifndef _VMKAPI_SCATTER_GATHER_H_
#define _VMKAPI_SCATTER_GATHER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_scatter_gather.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_SG Scatter-Gather
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SgComponentOpsHandleInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SgOpsHandleInt;

/**
 * \brief Description of a Sg elem.
 */
typedef struct vmk_SgElem {
   /** \brief Anonymous union. */
   union {
      /** \brief Addr. */
      vmk_MA addr;
      /** \brief Io addr. */
      vmk_IOA ioAddr;
   };
   /** \brief Length. */
   vmk_ByteCountSmall length;
   /** \brief Reserved. */
   vmk_uint32 reserved;
} vmk_SgElem;

/**
 * \brief Description of a Sg array.
 */
typedef struct vmk_SgArray {
   /** \brief Max elems. */
   vmk_uint32 maxElems;
   /** \brief Num elems. */
   vmk_uint32 numElems;
   /** \brief Reserved. */
   vmk_uint64 reserved;
   /** \brief Reserved 2. */
   vmk_uint64 reserved2;
   /** \brief Elem. */
   vmk_SgElem elem[0];
} vmk_SgArray;

/** \brief Handle to a Sg ops handle. */
typedef struct vmk_SgOpsHandleInt *vmk_SgOpsHandle;

/** \brief Callback type: Sg array op alloc. */
typedef VMK_ReturnStatus (*vmk_SgArrayOpAlloc)(vmk_SgOpsHandle, vmk_SgArray **, vmk_uint32, void *);

/** \brief Callback type: Sg array op free. */
typedef VMK_ReturnStatus (*vmk_SgArrayOpFree)(vmk_SgOpsHandle, vmk_SgArray *, void *);

/**
 * \brief Callbacks of a Sg array.
 */
typedef struct vmk_SgArrayOps {
   /** \brief Alloc. */
   vmk_SgArrayOpAlloc alloc;
   /** \brief Free. */
   vmk_SgArrayOpFree free;
} vmk_SgArrayOps;

/**
 * \brief Description of a Sg component.
 */
typedef struct vmk_SgComponent {
   /** \brief Io offset. */
   vmk_ByteCount ioOffset;
   /** \brief Io length. */
   vmk_ByteCount ioLength;
   /** \brief Sg. */
   vmk_SgArray *sg;
} vmk_SgComponent;

/**
 * \brief Description of a Sg component array.
 */
typedef struct vmk_SgComponentArray {
   /** \brief Max components. */
   vmk_int32 maxComponents;
   /** \brief Num components. */
   vmk_int32 numComponents;
   /** \brief Reserved. */
   vmk_uint64 reserved;
   /** \brief Reserved 2. */
   vmk_uint64 reserved2;
   /** \brief Sg component. */
   vmk_SgComponent sgComponent[0];
} vmk_SgComponentArray;

/** \brief Handle to a Sg component ops handle. */
typedef struct vmk_SgComponentOpsHandleInt *vmk_SgComponentOpsHandle;

/** \brief Callback type: Sg component array op alloc. */
typedef VMK_ReturnStatus (*vmk_SgComponentArrayOpAlloc)(vmk_SgComponentOpsHandle, vmk_SgComponentArray **, vmk_uint32, void *);

/** \brief Callback type: Sg component array op free. */
typedef VMK_ReturnStatus (*vmk_SgComponentArrayOpFree)(vmk_SgComponentOpsHandle, vmk_SgComponentArray *, void *);

/**
 * \brief Callbacks of a Sg component array.
 */
typedef struct vmk_SgComponentArrayOps {
   /** \brief Alloc. */
   vmk_SgComponentArrayOpAlloc alloc;
   /** \brief Free. */
   vmk_SgComponentArrayOpFree free;
} vmk_SgComponentArrayOps;

/**
 * \brief Values of Sg position type.
 */
typedef enum vmk_SgPositionType {
   /** \brief None. */
   VMK_SG_POSITION_TYPE_NONE = 0,
   /** \brief Unknown. */
   VMK_SG_POSITION_TYPE_UNKNOWN = 1,
   /** \brief Buffer offset. */
   VMK_SG_POSITION_TYPE_BUFFER_OFFSET = 2,
   /** \brief Element. */
   VMK_SG_POSITION_TYPE_ELEMENT = 3,
} vmk_SgPositionType;

/**
 * \brief Description of a Sg position.
 */
typedef struct vmk_SgPosition {
   /** \brief Sg. */
   vmk_SgArray *sg;
   /** \brief Type. */
   vmk_SgPositionType type;
   /** \brief Anonymous union. */
   union {
      /** \brief Buffer offset. */
      struct {
         /** \brief Offset. */
         vmk_ByteCount offset;
      } bufferOffset;
      /** \brief Element. */
      struct {
         /** \brief Element. */
         vmk_uint32 element;
         /** \brief Offset. */
         vmk_ByteCountSmall offset;
      } element;
   };
} vmk_SgPosition;

/**
 * \brief Allocate a Sg.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] sg Sg.
 * \param[in] maxElements Max elements.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgAlloc(
   vmk_SgOpsHandle handle,
   vmk_SgArray **sg,
   vmk_uint32 maxElements);

/**
 * \brief Allocate a Sg with init.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] sg Sg.
 * \param[in] bufferStart Buffer start.
 * \param[in] size Size in bytes.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgAllocWithInit(
   vmk_SgOpsHandle handle,
   vmk_SgArray **sg,
   void *bufferStart,
   vmk_ByteCount size);

/**
 * \brief Allocate a Sg component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] sgComponent Sg component.
 * \param[in] maxLength Max length.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_SgComponentAlloc(
   vmk_SgComponentOpsHandle handle,
   vmk_SgComponentArray **sgComponent,
   vmk_uint32 maxLength);

/**
 * \brief Sg component: create ops handle.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgComponentArrayOps Sg component array ops.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComponentCreateOpsHandle(
   vmk_HeapID heap,
   vmk_SgComponentOpsHandle *sgOpsOut,
   vmk_SgComponentArrayOps *sgComponentArrayOps,
   void *data);

/**
 * \brief Sg component: destroy ops handle.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComponentDestroyOpsHandle(
   vmk_SgComponentOpsHandle handle);

/**
 * \brief Free a Sg component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] sgComponentArray Sg component array.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_SgComponentFree(
   vmk_SgComponentOpsHandle handle,
   vmk_SgComponentArray *sgComponentArray);

/**
 * \brief Total data length of an SG component array.
 *
 * \note This function will not block.
 *
 * \param[in,out] sgComponentArray Sg component array.
 */
vmk_ByteCount
vmk_SgComponentGetDataLen(
   vmk_SgComponentArray *sgComponentArray);

/**
 * \brief Sg: compute max entries.
 *
 * \note This function will not block.
 *
 * \param[in] bufferStart Buffer start.
 * \param[in] size Size in bytes.
 * \param[out] numElems Num elems.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComputeMaxEntries(
   void *bufferStart,
   vmk_ByteCount size,
   vmk_uint32 *numElems);

/**
 * \brief Sg: copy data.
 *
 * \note This function will not block.
 *
 * \param[in] dest Destination buffer.
 * \param[in] source Source.
 * \param[in] bytesToCopy Bytes to copy.
 * \param[out] totalBytesCopied Total bytes copied.
 *
 * \retval VMK_OK Success.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_SgCopyData(
   vmk_SgPosition *dest,
   vmk_SgPosition *source,
   vmk_ByteCount bytesToCopy,
   vmk_ByteCount *totalBytesCopied);

/**
 * \brief Copy a Sg from.
 *
 * \note This function will not block.
 *
 * \param[in] dataBuffer Data buffer.
 * \param[in,out] sgArray Sg array.
 * \param[in] dataLen Data len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_SgCopyFrom(
   void *dataBuffer,
   vmk_SgArray *sgArray,
   vmk_ByteCount dataLen);

/**
 * \brief Copy a Sg to.
 *
 * \note This function will not block.
 *
 * \param[in,out] sgArray Sg array.
 * \param[in] dataBuffer Data buffer.
 * \param[in] dataLen Data len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_SgCopyTo(
   vmk_SgArray *sgArray,
   void *dataBuffer,
   vmk_ByteCount dataLen);

/**
 * \brief Sg: create ops handle.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgArrayOps Sg array ops.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgCreateOpsHandle(
   vmk_HeapID heap,
   vmk_SgOpsHandle *sgOpsOut,
   vmk_SgArrayOps *sgArrayOps,
   void *data);

/**
 * \brief Sg: destroy ops handle.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgDestroyOpsHandle(
   vmk_SgOpsHandle handle);

/**
 * \brief Sg: find position.
 *
 * \note This function will not block.
 *
 * \param[in] sgArray Sg array.
 * \param[in] bufOffset Buf offset.
 * \param[out] position Position.
 *
 * \retval VMK_OK Success.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_SgFindPosition(
   vmk_SgArray *sgArray,
   vmk_ByteCount bufOffset,
   vmk_SgPosition *position);

/**
 * \brief Free a Sg.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] sgArray Sg array.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgFree(
   vmk_SgOpsHandle handle,
   vmk_SgArray *sgArray);

/**
 * \brief Total data length of an SG array.
 *
 * \note This function will not block.
 *
 * \param[in,out] sgArray Sg array.
 */
vmk_ByteCount
vmk_SgGetDataLen(
   vmk_SgArray *sgArray);

/**
 * \brief Initialize a Sg.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] sg Sg.
 * \param[in] bufferStart Buffer start.
 * \param[in] size Size in bytes.
 * \param[in] initSGEntry Init sg entry.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgInit(
   vmk_SgOpsHandle handle,
   vmk_SgArray *sg,
   void *bufferStart,
   vmk_ByteCount size,
   vmk_uint32 initSGEntry);

/**
 * \brief Bytes needed for an SG array with room for maxElems elements.
 *
 * \note This function will not block.
 *
 * \param[in] maxElems Max elems.
 */
static inline vmk_ByteCount
vmk_SgComputeAllocSize(
   vmk_uint32 maxElems)
{
   return sizeof(vmk_SgArray) + (vmk_ByteCount)maxElems * sizeof(vmk_SgElem);
}

/** \} */

#endif /* _VMKAPI_SCATTER_GATHER_H_ */
