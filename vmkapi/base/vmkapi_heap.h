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
 * \brief One kind of allocation a heap must hold, for
 *        vmk_HeapDetermineMaxSize().
 */
typedef struct vmk_HeapAllocationDescriptor {
   /** \brief Size of each allocation in bytes. */
   vmk_ByteCount size;
   /** \brief Alignment of each allocation in bytes (0 or a power of two). */
   vmk_ByteCount alignment;
   /** \brief Number of such allocations live at the same time. */
   vmk_uint64 count;
} vmk_HeapAllocationDescriptor;

/**
 * \brief Where a heap's memory comes from.
 */
typedef enum {
   /** \brief Any kernel memory; no physical constraints. */
   VMK_HEAP_TYPE_SIMPLE = 0,
   /** \brief Memory meeting the constraints in typeSpecific.custom. */
   VMK_HEAP_TYPE_CUSTOM = 1,
   /** \brief Pages charged to the pool in typeSpecific.memPool. */
   VMK_HEAP_TYPE_MEMPOOL = 2,
} vmk_HeapType;

/**
 * \brief Properties for creating a heap.
 */
typedef struct vmk_HeapCreateProps {
   /** \brief Memory source; selects which member of typeSpecific applies. */
   vmk_HeapType type;
   /** \brief Name of the heap (non-empty), used in statistics and reports. */
   vmk_Name name;
   /** \brief Module that owns the heap. */
   vmk_ModuleID module;
   /** \brief Bytes reserved at creation and kept for the heap's life. */
   vmk_ByteCountSmall initial;
   /** \brief Most bytes the heap may grow to (not less than initial). */
   vmk_ByteCountSmall max;
   /** \brief Longest wait in milliseconds for the initial memory. */
   vmk_uint32 creationTimeoutMS;
   /** \brief Settings that depend on type. */
   union {
      /** \brief Settings for VMK_HEAP_TYPE_CUSTOM. */
      struct {
         /** \brief Whether an allocation's pages must be physically contiguous. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Physical address range the memory must lie in. */
         vmk_MemPhysAddrConstraint physRange;
      } custom;
      /** \brief Settings for VMK_HEAP_TYPE_MEMPOOL. */
      struct {
         /** \brief Whether an allocation's pages must be physically contiguous. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Physical address range the memory must lie in. */
         vmk_MemPhysAddrConstraint physRange;
         /** \brief Memory pool the heap's pages are charged to. */
         vmk_MemPool memPool;
      } memPool;
   } typeSpecific;
} vmk_HeapCreateProps;

/**
 * \brief Properties of an existing heap, as vmk_HeapGetProperties() reports
 *        them.
 */
typedef struct vmk_HeapGetProps {
   /** \brief Name given at creation. */
   vmk_Name name;
   /** \brief Module that owns the heap. */
   vmk_ModuleID module;
   /** \brief Initial size in bytes given at creation. */
   vmk_ByteCountSmall initial;
   /** \brief Maximum size in bytes given at creation. */
   vmk_ByteCountSmall max;
   /** \brief Contiguity requirement (any contiguity for a simple heap). */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Physical address range (any for a simple heap). */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Backing memory pool, or VMK_MEMPOOL_INVALID if none was given. */
   vmk_MemPool memPool;
} vmk_HeapGetProps;

/** \brief Handle of a heap. */
typedef struct Heap *vmk_HeapID;

/**
 * \brief Allocate aligned memory from a heap without waiting, recording a caller
 *     address.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap to allocate from.
 * \param[in] size Bytes to allocate.
 * \param[in] align Alignment of the result in bytes (a power of two).
 * \param[in] ra Caller address to record for this allocation (shown in leak
 *     reports).
 *
 * \return The new memory, or NULL when the heap is at its maximum size or memory
 *     ran out.
 */
void *
vmk_HeapAlignWithRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 align,
   void *ra);

/**
 * \brief Allocate aligned memory from a heap, waiting up to a timeout, recording
 *     a caller address.
 *
 * \note This function may block, unless timeoutMS is VMK_TIMEOUT_NONBLOCKING.
 *
 * \param[in] heap Heap to allocate from.
 * \param[in] size Bytes to allocate.
 * \param[in] align Alignment of the result in bytes (a power of two).
 * \param[in] timeoutMS Longest wait in milliseconds: VMK_TIMEOUT_NONBLOCKING
 *     fails at once, VMK_TIMEOUT_UNLIMITED_MS waits for ever.
 * \param[in] ra Caller address to record for this allocation (shown in leak
 *     reports).
 *
 * \return The new memory, or NULL when the heap is at its maximum size or memory
 *     ran out.
 */
void *
vmk_HeapAlignWithTimeoutAndRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 align,
   vmk_uint32 timeoutMS,
   void *ra);

/**
 * \brief Allocate memory from a heap without waiting, recording a caller
 *     address.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap to allocate from.
 * \param[in] size Bytes to allocate.
 * \param[in] ra Caller address to record for this allocation (shown in leak
 *     reports).
 *
 * \return The new memory, or NULL when the heap is at its maximum size or memory
 *     ran out.
 */
void *
vmk_HeapAllocWithRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   void *ra);

/**
 * \brief Allocate memory from a heap, waiting up to a timeout, recording a
 *     caller address.
 *
 * \note This function may block, unless timeoutMS is VMK_TIMEOUT_NONBLOCKING.
 *
 * \param[in] heap Heap to allocate from.
 * \param[in] size Bytes to allocate.
 * \param[in] timeoutMS Longest wait in milliseconds: VMK_TIMEOUT_NONBLOCKING
 *     fails at once, VMK_TIMEOUT_UNLIMITED_MS waits for ever.
 * \param[in] ra Caller address to record for this allocation (shown in leak
 *     reports).
 *
 * \return The new memory, or NULL when the heap is at its maximum size or memory
 *     ran out.
 */
void *
vmk_HeapAllocWithTimeoutAndRA(
   vmk_HeapID heap,
   vmk_uint32 size,
   vmk_uint32 timeoutMS,
   void *ra);

/**
 * \brief Create a heap: a growable, size-limited memory allocator.
 *
 * \note This function may block, unless props->creationTimeoutMS is
 *     VMK_TIMEOUT_NONBLOCKING.
 * \note vmkemu enforces the maximum size exactly, so allocations beyond it fail
 *     and drivers' error paths run.  With several threads, small allocations
 *     freed by other threads may still count for a while (at most 8 KiB per
 *     size class and thread; see "Differences from ESXi").
 *
 * \param[in] props Name, module, type, initial and maximum size and (for custom
 *     heaps) the physical constraints.
 * \param[out] heapID Where the handle of the new heap is stored.
 *
 * \retval VMK_OK The heap exists and *heapID is set.
 * \retval VMK_BAD_PARAM An argument is NULL, the name is empty or not
 *     terminated, max is 0 or below initial, the type, contiguity or range is
 *     unknown, or (memory-pool heaps) memPool is not a live leaf pool.
 * \retval VMK_NO_MEMORY The initial size could not be allocated.
 * \retval VMK_TIMEOUT creationTimeoutMS passed before the initial memory was
 *     found.
 */
VMK_ReturnStatus
vmk_HeapCreate(
   vmk_HeapCreateProps *props,
   vmk_HeapID *heapID);

/**
 * \brief Destroy a heap.
 *
 * \note This function will not block.
 * \note Destroying a heap with live allocations is reported by vmkemu, naming
 *     the allocation sites.
 *
 * \param[in] heap Heap to destroy; all its memory must have been freed.
 */
void
vmk_HeapDestroy(
   vmk_HeapID heap);

/**
 * \brief Destroy a heap once its last allocation has been freed.
 *
 * \note This function may block.
 * \note vmkemu polls for the last free every millisecond; a negative
 *     timeoutMS waits for ever, like VMK_TIMEOUT_UNLIMITED_MS.
 *
 * \param[in] heap Heap to destroy.
 * \param[in] timeoutMS Longest wait in milliseconds for outstanding allocations
 *     to be freed (VMK_TIMEOUT_UNLIMITED_MS waits for ever).
 *
 * \retval VMK_OK The heap is destroyed.
 * \retval VMK_BAD_PARAM heap is not a live heap (also a dead-handle report).
 * \retval VMK_TIMEOUT Allocations were still live when the timeout passed; the
 *     heap is kept.
 */
VMK_ReturnStatus
vmk_HeapDestroySync(
   vmk_HeapID heap,
   vmk_int64 timeoutMS);

/**
 * \brief Compute the maximum heap size needed for a set of allocations.
 *
 * \note This function will not block.
 *
 * \param[in] descriptors Array of allocation sizes, alignments and counts.
 * \param[in] numDescriptors Number of entries in descriptors.
 * \param[out] maxSize Receives the maximum size a heap needs to hold them all at
 *     once.
 *
 * \retval VMK_OK *maxSize is set.
 * \retval VMK_BAD_PARAM An argument is NULL, numDescriptors is 0 or an
 *     alignment is not a power of two.
 * \retval VMK_LIMIT_EXCEEDED A size or the total does not fit in 32 bits.
 */
VMK_ReturnStatus
vmk_HeapDetermineMaxSize(
   vmk_HeapAllocationDescriptor *descriptors,
   vmk_uint64 numDescriptors,
   vmk_ByteCount *maxSize);

/**
 * \brief Give memory back to the heap it was allocated from.
 *
 * \note This function will not block.
 * \note Freeing to the wrong heap or twice is reported by vmkemu.
 *
 * \param[in] heap Heap the memory came from.
 * \param[in] mem Memory to free; NULL is ignored.
 */
void
vmk_HeapFree(
   vmk_HeapID heap,
   void *mem);

/**
 * \brief Report a heap's name, module, type and sizes.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap to query.
 * \param[out] props Receives the properties.
 *
 * \retval VMK_OK *props is filled in.
 * \retval VMK_BAD_PARAM props is NULL or heap is not a live heap.
 */
VMK_ReturnStatus
vmk_HeapGetProperties(
   vmk_HeapID heap,
   vmk_HeapGetProps *props);

/** \} */

#endif /* _VMKAPI_HEAP_H_ */
