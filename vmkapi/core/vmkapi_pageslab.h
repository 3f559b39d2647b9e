/*
 * core/vmkapi_pageslab.h -- page slabs
 *
 * Caches of single machine pages.
 */

#ifndef _VMKAPI_PAGESLAB_H_
#define _VMKAPI_PAGESLAB_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_pageslab.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PageSlab Page Slabs
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkPageSlabInt;

/**
 * \brief A page slab ID that refers to no page slab.
 */
#define VMK_INVALID_PAGESLAB_ID ((vmk_PageSlabID)NULL)

/**
 * \brief Properties for creating a page slab.
 */
typedef struct vmk_PageSlabCreateProps {
   /** \brief Heap ID. */
   vmk_HeapID heapID;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Min pages. */
   vmk_uint32 minPages;
   /** \brief Max pages. */
   vmk_uint32 maxPages;
   /** \brief Phys range. */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Mem pool. */
   vmk_MemPool memPool;
} vmk_PageSlabCreateProps;

/** \brief Handle to a page slab ID. */
typedef struct vmkPageSlabInt *vmk_PageSlabID;

/**
 * \brief Allocate one machine page from a page slab.
 *
 * \note This function may block.
 *
 * \param[in] pageSlabID Page slab id.
 * \param[in] blocking Blocking.
 * \param[out] mpn Mpn.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_PageSlabAlloc(
   vmk_PageSlabID pageSlabID,
   vmk_Bool blocking,
   vmk_MPN *mpn);

/**
 * \brief Heap space one page slab needs.
 *
 * \note This function will not block.
 */
vmk_ByteCountSmall
vmk_PageSlabAllocationSize(void);

/**
 * \brief Page slab: create custom.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] createProps Create props.
 * \param[out] pageSlabID Page slab id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PageSlabCreateCustom(
   vmk_ModuleID moduleID,
   vmk_PageSlabCreateProps *createProps,
   vmk_PageSlabID *pageSlabID);

/**
 * \brief Destroy a page slab.
 *
 * \note This function may block.
 *
 * \param[in] pageSlabID Page slab id.
 */
void
vmk_PageSlabDestroy(
   vmk_PageSlabID pageSlabID);

/**
 * \brief Return a machine page to its page slab.
 *
 * \note This function will not block.
 *
 * \param[in] pageSlabID Page slab id.
 * \param[in] mpn Mpn.
 */
void
vmk_PageSlabFree(
   vmk_PageSlabID pageSlabID,
   vmk_MPN mpn);

/**
 * \brief Create a page slab owned by the calling module.
 *
 * \note This function will not block.
 *
 * \param[in] props Properties.
 * \param[in,out] pageSlab Page slab.
 *
 * \retval VMK_OK Success.
 */
static inline VMK_ReturnStatus
vmk_PageSlabCreate(
   vmk_PageSlabCreateProps *props,
   vmk_PageSlabID *pageSlab)
{
   return vmk_PageSlabCreateCustom(vmk_ModuleCurrentID, props, pageSlab);
}

/** \} */

#endif /* _VMKAPI_PAGESLAB_H_ */
