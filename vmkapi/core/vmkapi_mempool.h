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

/** \brief Mempool no limit. */
#define VMK_MEMPOOL_NO_LIMIT 0

/**
 * \brief A memory pool handle that refers to no pool.
 */
#define VMK_MEMPOOL_INVALID ((vmk_MemPool)NULL)

/** \brief Handle to a mem pool. */
typedef struct vmk_MemPoolInt *vmk_MemPool;

/**
 * \brief Properties of a mem pool alloc.
 */
typedef struct vmk_MemPoolAllocProps {
   /** \brief Phys contiguity. */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Phys range. */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Creation timeout MS. */
   vmk_uint32 creationTimeoutMS;
} vmk_MemPoolAllocProps;

/**
 * \brief Description of a mem pool alloc request.
 */
typedef struct vmk_MemPoolAllocRequest {
   /** \brief Num pages. */
   vmk_uint32 numPages;
   /** \brief Num elements. */
   vmk_uint32 numElements;
   /** \brief Mpn ranges. */
   vmk_MpnRange *mpnRanges;
} vmk_MemPoolAllocRequest;

/**
 * \brief Properties of a mem pool resource.
 */
typedef struct vmk_MemPoolResourceProps {
   /** \brief Reservation. */
   vmk_uint32 reservation;
   /** \brief Limit. */
   vmk_uint32 limit;
} vmk_MemPoolResourceProps;

/**
 * \brief Values of mem pool type.
 */
typedef enum vmk_MemPoolType {
   /** \brief Parent. */
   VMK_MEM_POOL_PARENT = 0,
   /** \brief Leaf. */
   VMK_MEM_POOL_LEAF = 1,
} vmk_MemPoolType;

/**
 * \brief Properties of a mem pool.
 */
typedef struct vmk_MemPoolProps {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Parent mem pool. */
   vmk_MemPool parentMemPool;
   /** \brief Mem pool type. */
   vmk_MemPoolType memPoolType;
   /** \brief Resource props. */
   vmk_MemPoolResourceProps resourceProps;
} vmk_MemPoolProps;

/**
 * \brief Allocate machine pages from a memory pool.
 *
 * \param[in] pool Pool.
 * \param[in] props Props.
 * \param[in] memPoolAllocRequest Mem pool alloc request.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolAlloc(
   vmk_MemPool pool,
   const vmk_MemPoolAllocProps *props,
   const vmk_MemPoolAllocRequest *memPoolAllocRequest);

/**
 * \brief Create a mem pool.
 *
 * \param[in,out] props Props.
 * \param[in,out] poolOut Pool out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolCreate(
   vmk_MemPoolProps *props,
   vmk_MemPool *poolOut);

/**
 * \brief Destroy a mem pool.
 *
 * \param[in] pool Pool.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolDestroy(
   vmk_MemPool pool);

/**
 * \brief Return machine pages to their memory pool.
 *
 * \param[in] memPoolAllocRequest Mem pool alloc request.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolFree(
   const vmk_MemPoolAllocRequest *memPoolAllocRequest);

/**
 * \brief Get the props of a mem pool.
 *
 * \param[in] pool Pool.
 * \param[in,out] props Props.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolGetProps(
   const vmk_MemPool pool,
   vmk_MemPoolResourceProps *props);

/**
 * \brief Set the props of a mem pool.
 *
 * \param[in] pool Pool.
 * \param[in] props Props.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MemPoolSetProps(
   const vmk_MemPool pool,
   const vmk_MemPoolResourceProps *props);

/** \} */

#endif /* _VMKAPI_MEMPOOL_H_ */
