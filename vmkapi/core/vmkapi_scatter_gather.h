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
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 * \param[in] uint32 Uint 32.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgAlloc(
   vmk_SgOpsHandle sgOps,
   vmk_SgArray **sgArray,
   vmk_uint32 uint32);

/**
 * \brief Allocate a Sg with init.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 * \param[in] vaddr Vaddr.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgAllocWithInit(
   vmk_SgOpsHandle sgOps,
   vmk_SgArray **sgArray,
   void *vaddr,
   vmk_ByteCount length);

/**
 * \brief Allocate a Sg component.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 * \param[in] uint32 Uint 32.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComponentAlloc(
   vmk_SgComponentOpsHandle sgOps,
   vmk_SgComponentArray **sgArray,
   vmk_uint32 uint32);

/**
 * \brief Sg component: create ops handle.
 *
 * \param[in] heap Heap.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgComponentArrayOps Sg component array ops.
 * \param[in] data Data.
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
 * \param[in] sgOps Sg ops.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComponentDestroyOpsHandle(
   vmk_SgComponentOpsHandle sgOps);

/**
 * \brief Free a Sg component.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComponentFree(
   vmk_SgComponentOpsHandle sgOps,
   vmk_SgComponentArray *sgArray);

/**
 * \brief Total data length of an SG component array.
 *
 * \param[in,out] sgArray Sg array.
 */
vmk_ByteCount
vmk_SgComponentGetDataLen(
   vmk_SgComponentArray *sgArray);

/**
 * \brief Sg: compute max entries.
 *
 * \param[in] vaddr Vaddr.
 * \param[in] length Length.
 * \param[in,out] numEntries Num entries.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgComputeMaxEntries(
   void *vaddr,
   vmk_ByteCount length,
   vmk_uint32 *numEntries);

/**
 * \brief Sg: copy data.
 *
 * \param[in,out] dstPos Dst pos.
 * \param[in,out] srcPos Src pos.
 * \param[in] length Length.
 * \param[in,out] bytesCopied Bytes copied.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgCopyData(
   vmk_SgPosition *dstPos,
   vmk_SgPosition *srcPos,
   vmk_ByteCount length,
   vmk_ByteCount *bytesCopied);

/**
 * \brief Copy a Sg from.
 *
 * \param[in] dst Dst.
 * \param[in,out] sgArray Sg array.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgCopyFrom(
   void *dst,
   vmk_SgArray *sgArray,
   vmk_ByteCount length);

/**
 * \brief Copy a Sg to.
 *
 * \param[in,out] sgArray Sg array.
 * \param[in] src Src.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgCopyTo(
   vmk_SgArray *sgArray,
   void *src,
   vmk_ByteCount length);

/**
 * \brief Sg: create ops handle.
 *
 * \param[in] heap Heap.
 * \param[in,out] sgOpsOut Sg ops out.
 * \param[in,out] sgArrayOps Sg array ops.
 * \param[in] data Data.
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
 * \param[in] sgOps Sg ops.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgDestroyOpsHandle(
   vmk_SgOpsHandle sgOps);

/**
 * \brief Sg: find position.
 *
 * \param[in,out] sgArray Sg array.
 * \param[in] length Length.
 * \param[in,out] sgPosition Sg position.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgFindPosition(
   vmk_SgArray *sgArray,
   vmk_ByteCount length,
   vmk_SgPosition *sgPosition);

/**
 * \brief Free a Sg.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgFree(
   vmk_SgOpsHandle sgOps,
   vmk_SgArray *sgArray);

/**
 * \brief Total data length of an SG array.
 *
 * \param[in,out] sgArray Sg array.
 */
vmk_ByteCount
vmk_SgGetDataLen(
   vmk_SgArray *sgArray);

/**
 * \brief Initialize a Sg.
 *
 * \param[in] sgOps Sg ops.
 * \param[in,out] sgArray Sg array.
 * \param[in] vaddr Vaddr.
 * \param[in] length Length.
 * \param[in] maxElems Max elems.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SgInit(
   vmk_SgOpsHandle sgOps,
   vmk_SgArray *sgArray,
   void *vaddr,
   vmk_ByteCount length,
   vmk_uint32 maxElems);

/**
 * \brief Bytes needed for an SG array with room for maxElems elements.
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
