/*
 * core/vmkapi_mempool.h -- machine page pools
 *
 * A tree of page pools with reservations and limits. vmkemu allocates pages
 * from its simulated machine memory through the vmem arena, honouring
 * contiguity and physical-address constraints.
 */

#ifndef _VMKAPI_MEMPOOL_H_
#define _VMKAPI_MEMPOOL_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_mempool.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_MemPool Memory Pools
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_MemPoolInt;

/** \brief Limit value meaning the pool may grow without bound. */
#define VMK_MEMPOOL_NO_LIMIT 0

/**
 * \brief A memory pool handle that refers to no pool.
 */
#define VMK_MEMPOOL_INVALID ((vmk_MemPool)NULL)

/** \brief Handle of a memory pool. */
typedef struct vmk_MemPoolInt *vmk_MemPool;

/**
 * \brief How vmk_MemPoolAlloc() must place the pages it takes.
 */
typedef struct vmk_MemPoolAllocProps {
   /** \brief Whether the pages must be one contiguous run, single pages, or
    *        either. */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Physical address range the pages must lie in. */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Longest wait in milliseconds for pages to become available. */
   vmk_uint32 creationTimeoutMS;
} vmk_MemPoolAllocProps;

/**
 * \brief A page request for vmk_MemPoolAlloc() and vmk_MemPoolFree().
 */
typedef struct vmk_MemPoolAllocRequest {
   /** \brief Number of pages wanted. */
   vmk_uint32 numPages;
   /** \brief Number of entries in mpnRanges. */
   vmk_uint32 numElements;
   /** \brief Caller's array that receives the runs of pages allocated. */
   vmk_MpnRange *mpnRanges;
} vmk_MemPoolAllocRequest;

/**
 * \brief Reservation and limit of a memory pool, in pages.
 */
typedef struct vmk_MemPoolResourceProps {
   /** \brief Pages set aside for the pool (taken from its parent). */
   vmk_uint32 reservation;
   /** \brief Most pages the pool may use, or VMK_MEMPOOL_NO_LIMIT. */
   vmk_uint32 limit;
} vmk_MemPoolResourceProps;

/**
 * \brief Place of a memory pool in the pool tree.
 */
typedef enum vmk_MemPoolType {
   /** \brief Inner pool: holds child pools, no pages of its own. */
   VMK_MEM_POOL_PARENT = 0,
   /** \brief Leaf pool: pages are allocated from it. */
   VMK_MEM_POOL_LEAF = 1,
} vmk_MemPoolType;

/**
 * \brief Properties for creating a memory pool.
 */
typedef struct vmk_MemPoolProps {
   /** \brief Name of the pool (non-empty). */
   vmk_Name name;
   /** \brief Module that owns the pool. */
   vmk_ModuleID module;
   /** \brief Parent pool (a VMK_MEM_POOL_PARENT pool), or VMK_MEMPOOL_INVALID
    *        for a top-level pool. */
   vmk_MemPool parentMemPool;
   /** \brief Whether the new pool is a parent or a leaf. */
   vmk_MemPoolType memPoolType;
   /** \brief Reservation and limit of the new pool. */
   vmk_MemPoolResourceProps resourceProps;
} vmk_MemPoolProps;

/**
 * \brief Allocate machine pages from a memory pool.
 *
 * \note This function may block for up to props->creationTimeoutMS, unless that
 *     is VMK_TIMEOUT_NONBLOCKING.
 * \note vmkemu simulates machine memory: pages below and above 4 GiB exist, so
 *     the physical-range constraints are honoured; the memory is reachable via
 *     vmk_Map().
 *
 * \param[in] pool Pool to charge the pages to.
 * \param[in] props Contiguity, physical-range constraint, alignment and wait
 *     behaviour.
 * \param[in,out] request In: number of pages and the MPN range array; out: the
 *     MPNs allocated.
 *
 * \retval VMK_OK The pages are allocated and described in request.
 * \retval VMK_BAD_PARAM An argument is NULL, numPages or numElements is 0,
 *     numElements is too small for the contiguity asked, a constraint is
 *     unknown, or pool is not a live leaf pool.
 * \retval VMK_LIMIT_EXCEEDED The limit of the pool or of a pool above it would
 *     be exceeded (after waiting creationTimeoutMS).
 * \retval VMK_NO_RESOURCES No free pages meet the constraints (after waiting
 *     creationTimeoutMS).
 * \retval VMK_NO_MEMORY vmkemu could not allocate its own bookkeeping for a
 *     request of more than 16 elements.
 */
VMK_ReturnStatus
vmk_MemPoolAlloc(
   vmk_MemPool pool,
   const vmk_MemPoolAllocProps *props,
   const vmk_MemPoolAllocRequest *request);

/**
 * \brief Create a memory pool: a node in the tree of page reservations and
 *     limits.
 *
 * \note This function will not block.
 *
 * \param[in] props Name, module, parent pool (or none) and the reservation and
 *     limit in pages.
 * \param[out] pool Where the handle of the new pool is stored.
 *
 * \retval VMK_OK The pool exists and *pool is set.
 * \retval VMK_BAD_PARAM An argument is NULL, the pool type is unknown, or the
 *     parent is not a live parent pool.
 * \retval VMK_INVALID_NAME The name is empty or too long.
 * \retval VMK_RESERVATION_GT_LIMIT The reservation is larger than the limit.
 * \retval VMK_NO_RESOURCES The parent cannot cover the reservation.
 * \retval VMK_NO_MEMORY No memory is left for a new pool.
 */
VMK_ReturnStatus
vmk_MemPoolCreate(
   vmk_MemPoolProps *props,
   vmk_MemPool *pool);

/**
 * \brief Destroy a memory pool.
 *
 * \note This function will not block.
 *
 * \param[in] pool Pool to destroy; it must have no pages allocated and no child
 *     pools.
 *
 * \retval VMK_OK The pool is gone.
 * \retval VMK_BAD_PARAM pool is invalid.
 * \retval VMK_BUSY Pages or child pools still exist.
 */
VMK_ReturnStatus
vmk_MemPoolDestroy(
   vmk_MemPool pool);

/**
 * \brief Free pages allocated with vmk_MemPoolAlloc().
 *
 * \note This function will not block.
 *
 * \param[in] request The request that vmk_MemPoolAlloc() filled in.
 *
 * \retval VMK_OK The pages are free.
 * \retval VMK_BAD_PARAM request is NULL or does not describe an allocation.
 */
VMK_ReturnStatus
vmk_MemPoolFree(
   const vmk_MemPoolAllocRequest *request);

/**
 * \brief Report a pool's reservation, limit and current use.
 *
 * \note This function will not block.
 *
 * \param[in] pool Pool to query.
 * \param[out] props Receives the values, in pages.
 *
 * \retval VMK_OK *props is filled in.
 * \retval VMK_BAD_PARAM pool or props is invalid.
 */
VMK_ReturnStatus
vmk_MemPoolGetProps(
   const vmk_MemPool pool,
   vmk_MemPoolResourceProps *props);

/**
 * \brief Change a pool's reservation and limit.
 *
 * \note This function will not block.
 *
 * \param[in,out] pool Pool to change.
 * \param[in] props New reservation and limit, in pages.
 *
 * \retval VMK_OK The new values apply.
 * \retval VMK_BAD_PARAM pool or props is invalid.
 * \retval VMK_RESERVATION_GT_LIMIT The reservation is larger than the limit.
 * \retval VMK_NO_RESOURCES The parent cannot cover the larger reservation.
 */
VMK_ReturnStatus
vmk_MemPoolSetProps(
   const vmk_MemPool pool,
   const vmk_MemPoolResourceProps *props);

/** \} */

#endif /* _VMKAPI_MEMPOOL_H_ */
