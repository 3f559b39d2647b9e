/*
 * base/vmkapi_heap.h -- heaps
 *
 * Module heaps. vmkemu builds them from size-class slabs with large sizes
 * straight from an arena, enforces the maximum size and records the caller
 * of every allocation so a leak names the line that made it.
 */

#ifndef _VMKAPI_HEAP_H_
#define _VMKAPI_HEAP_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_heap.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Heap Heaps
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct Heap;

/**
 * \brief A heap ID that refers to no heap.
 */
#define VMK_INVALID_HEAP_ID NULL

/**
 * \brief Allocate size bytes aligned to alignment from heap, recording the allocation site.
 *
 * On x86_64 vmkemu passes the address of the call site itself as the
 * caller address, so leak and misuse reports name the allocating line;
 * elsewhere it passes the return address of the calling function.
 */
#if defined(__x86_64__)
#define vmk_HeapAlign(heap, size, alignment)                        \
   (__extension__({                                                 \
      void *_vmkCaller;                                             \
      __asm__ __volatile__("leaq 0(%%rip), %0" : "=r"(_vmkCaller)); \
      vmk_HeapAlignWithRA((heap), (size), (alignment), _vmkCaller); \
   }))
#else
#define vmk_HeapAlign(heap, size, alignment)                                       \
   (vmk_HeapAlignWithRA((heap), (size), (alignment), __builtin_return_address(0)))
#endif

/**
 * \brief Allocate aligned memory, waiting up to timeoutMS, recording the allocation site.
 *
 * On x86_64 vmkemu passes the address of the call site itself as the
 * caller address, so leak and misuse reports name the allocating line;
 * elsewhere it passes the return address of the calling function.
 */
#if defined(__x86_64__)
#define vmk_HeapAlignWithTimeout(heap, size, alignment, timeoutMS)                         \
   (__extension__({                                                                        \
      void *_vmkCaller;                                                                    \
      __asm__ __volatile__("leaq 0(%%rip), %0" : "=r"(_vmkCaller));                        \
      vmk_HeapAlignWithTimeoutAndRA((heap), (size), (alignment), (timeoutMS), _vmkCaller); \
   }))
#else
#define vmk_HeapAlignWithTimeout(heap, size, alignment, timeoutMS)                                        \
   (vmk_HeapAlignWithTimeoutAndRA((heap), (size), (alignment), (timeoutMS), __builtin_return_address(0)))
#endif

/**
 * \brief Allocate size bytes from heap; the allocation site is recorded for leak reports.
 *
 * On x86_64 vmkemu passes the address of the call site itself as the
 * caller address, so leak and misuse reports name the allocating line;
 * elsewhere it passes the return address of the calling function.
 */
#if defined(__x86_64__)
#define vmk_HeapAlloc(heap, size)                                   \
   (__extension__({                                                 \
      void *_vmkCaller;                                             \
      __asm__ __volatile__("leaq 0(%%rip), %0" : "=r"(_vmkCaller)); \
      vmk_HeapAllocWithRA((heap), (size), _vmkCaller);              \
   }))
#else
#define vmk_HeapAlloc(heap, size)                                     \
   (vmk_HeapAllocWithRA((heap), (size), __builtin_return_address(0)))
#endif

/**
 * \brief Allocate size bytes, waiting up to timeoutMS for memory, recording the allocation site.
 *
 * On x86_64 vmkemu passes the address of the call site itself as the
 * caller address, so leak and misuse reports name the allocating line;
 * elsewhere it passes the return address of the calling function.
 */
#if defined(__x86_64__)
#define vmk_HeapAllocWithTimeout(heap, size, timeoutMS)                       \
   (__extension__({                                                           \
      void *_vmkCaller;                                                       \
      __asm__ __volatile__("leaq 0(%%rip), %0" : "=r"(_vmkCaller));           \
      vmk_HeapAllocWithTimeoutAndRA((heap), (size), (timeoutMS), _vmkCaller); \
   }))
#else
#define vmk_HeapAllocWithTimeout(heap, size, timeoutMS)                                      \
   (vmk_HeapAllocWithTimeoutAndRA((heap), (size), (timeoutMS), __builtin_return_address(0)))
#endif

/**
 * \brief Description of a heap allocation descriptor.
 */
typedef struct vmk_HeapAllocationDescriptor {
   /** \brief Size. */
   vmk_ByteCount size;
   /** \brief Alignment. */
   vmk_ByteCount alignment;
   /** \brief Count. */
   vmk_uint64 count;
} vmk_HeapAllocationDescriptor;

/**
 * \brief Values of heap type.
 */
typedef enum {
   /** \brief Simple. */
   VMK_HEAP_TYPE_SIMPLE = 0,
   /** \brief Custom. */
   VMK_HEAP_TYPE_CUSTOM = 1,
   /** \brief Mempool. */
   VMK_HEAP_TYPE_MEMPOOL = 2,
} vmk_HeapType;

/**
 * \brief Properties for creating a heap.
 */
typedef struct vmk_HeapCreateProps {
   /** \brief Type. */
   vmk_HeapType type;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Initial. */
   vmk_ByteCountSmall initial;
   /** \brief Max. */
   vmk_ByteCountSmall max;
   /** \brief Creation timeout MS. */
   vmk_uint32 creationTimeoutMS;
   /** \brief Type specific. */
   union {
      /** \brief Custom. */
      struct {
         /** \brief Phys contiguity. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Phys range. */
         vmk_MemPhysAddrConstraint physRange;
      } custom;
      /** \brief Mem pool. */
      struct {
         /** \brief Phys contiguity. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Phys range. */
         vmk_MemPhysAddrConstraint physRange;
         /** \brief Mem pool. */
         vmk_MemPool memPool;
      } memPool;
   } typeSpecific;
} vmk_HeapCreateProps;

/**
 * \brief Properties reported for a heap.
 */
typedef struct vmk_HeapGetProps {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Initial. */
   vmk_ByteCountSmall initial;
   /** \brief Max. */
   vmk_ByteCountSmall max;
   /** \brief Phys contiguity. */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Phys range. */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Mem pool. */
   vmk_MemPool memPool;
} vmk_HeapGetProps;

/** \brief Handle to a heap ID. */
typedef struct Heap *vmk_HeapID;

/**
 * \brief Allocate aligned heap memory, recording the caller address.
 *
 * \param[in] heap Heap.
 * \param[in] size Size.
 * \param[in] alignment Alignment.
 * \param[in] ra Ra.
 */
void *
vmk_HeapAlignWithRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 alignment,
   void *ra);

/**
 * \brief Allocate aligned heap memory, waiting up to a timeout, recording the caller address.
 *
 * \param[in] heap Heap.
 * \param[in] size Size.
 * \param[in] alignment Alignment.
 * \param[in] timeoutMS Timeout ms.
 * \param[in] ra Ra.
 */
void *
vmk_HeapAlignWithTimeoutAndRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 alignment,
   vmk_uint32 timeoutMS,
   void *ra);

/**
 * \brief Allocate heap memory, recording the given caller address (see vmk_HeapAlloc()).
 *
 * \param[in] heap Heap.
 * \param[in] size Size.
 * \param[in] ra Ra.
 */
void *
vmk_HeapAllocWithRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   void *ra);

/**
 * \brief Allocate heap memory, waiting up to a timeout, recording the caller address.
 *
 * \param[in] heap Heap.
 * \param[in] size Size.
 * \param[in] timeoutMS Timeout ms.
 * \param[in] ra Ra.
 */
void *
vmk_HeapAllocWithTimeoutAndRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 timeoutMS,
   void *ra);

/**
 * \brief Create a heap.
 *
 * \param[in,out] props Props.
 * \param[in,out] heapOut Heap out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HeapCreate(
   vmk_HeapCreateProps *props,
   vmk_HeapID *heapOut);

/**
 * \brief Destroy a heap.
 *
 * \param[in] heap Heap.
 */
void
vmk_HeapDestroy(
   vmk_HeapID heap);

/**
 * \brief Destroy a heap, waiting up to a timeout for outstanding frees.
 *
 * \param[in] heap Heap.
 * \param[in] timeoutMS Timeout ms.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HeapDestroySync(
   vmk_HeapID heap,
   vmk_int64 timeoutMS);

/**
 * \brief Compute the heap size needed for a set of allocations.
 *
 * \param[in,out] descs Descs.
 * \param[in] numDescs Num descs.
 * \param[in,out] maxSize Max size.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HeapDetermineMaxSize(
   vmk_HeapAllocationDescriptor *descs,
   vmk_uint64 numDescs,
   vmk_ByteCount *maxSize);

/**
 * \brief Return memory to the heap it came from.
 *
 * \param[in] heap Heap.
 * \param[in] data Data.
 */
void
vmk_HeapFree(
   vmk_HeapID heap,
   void *data);

/**
 * \brief Return the properties of a heap.
 *
 * \param[in] heap Heap.
 * \param[in,out] props Props.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HeapGetProperties(
   vmk_HeapID heap,
   vmk_HeapGetProps *props);

/** \} */

#endif /* _VMKAPI_HEAP_H_ */
