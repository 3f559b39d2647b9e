/*
 * core/vmkapi_pageslab.h -- page slabs
 *
 * Caches of single machine pages, drawn from a memory pool, for drivers
 * that hand whole pages to hardware.
 */

#ifndef _VMKAPI_PAGESLAB_H_
#define _VMKAPI_PAGESLAB_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_pageslab.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PageSlab Page Slabs
 *
 * \brief Fast allocation of single machine pages.
 *
 * A page slab keeps minPages pages ready and never holds more than
 * maxPages (handed out plus cached). Pages come from the given memory
 * pool, or from a private pool when none is given, within the requested
 * physical range.
 *
 * \note vmkemu reports freeing a page the slab does not hold (BAD_FREE)
 *       or freeing one twice (DOUBLE_FREE), and lists pages still out when
 *       the slab is destroyed as a leak.
 * \{
 */

/** \brief Private structure behind a vmk_PageSlabID. */
struct vmkPageSlabInt;

/** \brief A vmk_PageSlabID value that refers to no page slab. */
#define VMK_INVALID_PAGESLAB_ID ((vmk_PageSlabID)NULL)

/**
 * \brief How vmk_PageSlabCreate() should build a page slab.
 */
typedef struct vmk_PageSlabCreateProps {
   /**
    * \brief Heap for the slab's own record (vmk_PageSlabAllocationSize()
    *        bytes).
    */
   vmk_HeapID heapID;
   /** \brief Name of the slab, for debugging. */
   vmk_Name name;
   /** \brief Pages taken at creation and always kept ready. */
   vmk_uint32 minPages;
   /** \brief Most pages the slab may hold, out and cached together. */
   vmk_uint32 maxPages;
   /** \brief Where in machine memory the pages must lie. */
   vmk_MemPhysAddrConstraint physRange;
   /**
    * \brief Pool to take pages from, or VMK_MEMPOOL_INVALID for a private one.
    */
   vmk_MemPool memPool;
} vmk_PageSlabCreateProps;

/** \brief Handle to a page slab. */
typedef struct vmkPageSlabInt *vmk_PageSlabID;

/**
 * \brief Take one machine page from a page slab.
 *
 * \note This function may block if blocking is VMK_TRUE; otherwise it will
 *       not block.
 *
 * \param[in]  pageSlabID  Slab to take from.
 * \param[in]  blocking    VMK_TRUE to wait while the slab is at maxPages
 *                         or its pool is empty.
 * \param[out] mpn         Receives the machine page number.
 *
 * \retval VMK_OK         *mpn is set.
 * \retval VMK_BAD_PARAM  mpn is NULL or the slab is not live.
 * \retval VMK_NO_MEMORY  No page is available and blocking is VMK_FALSE,
 *                        or the pool cannot supply one.
 */
VMK_ReturnStatus
vmk_PageSlabAlloc(
   vmk_PageSlabID pageSlabID,
   vmk_Bool blocking,
   vmk_MPN *mpn);

/**
 * \brief Tell how much heap memory a page slab's record takes, for sizing
 *        the heap named in vmk_PageSlabCreateProps.
 *
 * \note This function will not block.
 *
 * \return Bytes per page slab.
 */
vmk_ByteCountSmall
vmk_PageSlabAllocationSize(void);

/**
 * \brief Create a page slab on behalf of a given module (the worker behind
 *        vmk_PageSlabCreate()).
 *
 * \note This function may block.
 *
 * \param[in]  moduleID     Module that owns the slab.
 * \param[in]  createProps  Heap, name, page limits, range and pool.
 * \param[out] pageSlabID   Receives the slab handle.
 *
 * \retval VMK_OK         The slab exists with minPages pages ready.
 * \retval VMK_BAD_PARAM  An argument is NULL, minPages exceeds maxPages,
 *                        the range is unknown, or the module or pool is
 *                        not valid.
 * \retval VMK_NO_MEMORY  The heap could not supply the record, or the
 *                        minPages pages could not be had.
 */
VMK_ReturnStatus
vmk_PageSlabCreateCustom(
   vmk_ModuleID moduleID,
   vmk_PageSlabCreateProps *createProps,
   vmk_PageSlabID *pageSlabID);

/**
 * \brief Destroy a page slab and give its pages back.
 *
 * \note This function may block.
 * \note Pages still out are reported as a leak by vmkemu and taken back.
 *
 * \param[in] pageSlabID  Slab to destroy.
 */
void
vmk_PageSlabDestroy(
   vmk_PageSlabID pageSlabID);

/**
 * \brief Give a machine page back to the slab it came from.
 *
 * \note This function will not block.
 *
 * \param[in] pageSlabID  Slab the page was taken from.
 * \param[in] mpn         Page to return.
 */
void
vmk_PageSlabFree(
   vmk_PageSlabID pageSlabID,
   vmk_MPN mpn);

/**
 * \brief Create a page slab owned by the calling module.
 *
 * \note This function may block.
 *
 * \param[in]  props     Heap, name, page limits, range and pool.
 * \param[out] pageSlab  Receives the slab handle.
 *
 * \retval VMK_OK         The slab exists.
 * \retval VMK_BAD_PARAM  The properties are not valid.
 * \retval VMK_NO_MEMORY  The record or the initial pages could not be had.
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
