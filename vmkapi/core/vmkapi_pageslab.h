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
 * \param[in] pageSlab Page slab.
 * \param[in] flag Flag.
 * \param[in,out] mpnOut Mpn out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PageSlabAlloc(
   vmk_PageSlabID pageSlab,
   vmk_Bool flag,
   vmk_MPN *mpnOut);

/**
 * \brief Heap space one page slab needs.
 */
vmk_ByteCountSmall
vmk_PageSlabAllocationSize(void);

/**
 * \brief Page slab: create custom.
 *
 * \param[in] moduleID Module id.
 * \param[in,out] props Props.
 * \param[in,out] pageSlabOut Page slab out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PageSlabCreateCustom(
   vmk_ModuleID moduleID,
   vmk_PageSlabCreateProps *props,
   vmk_PageSlabID *pageSlabOut);

/**
 * \brief Destroy a page slab.
 *
 * \param[in] pageSlab Page slab.
 */
void
vmk_PageSlabDestroy(
   vmk_PageSlabID pageSlab);

/**
 * \brief Return a machine page to its page slab.
 *
 * \param[in] pageSlab Page slab.
 * \param[in] mpn Mpn.
 */
void
vmk_PageSlabFree(
   vmk_PageSlabID pageSlab,
   vmk_MPN mpn);

/**
 * \brief Create a page slab owned by the calling module.
 *
 * \param[in,out] props Props.
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
