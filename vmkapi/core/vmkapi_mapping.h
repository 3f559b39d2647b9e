/*
 * core/vmkapi_mapping.h -- mapping machine pages
 *
 * Building one virtually contiguous, globally visible mapping out of a list
 * of machine page ranges, changing its attributes and tearing it down.
 */

#ifndef _VMKAPI_MAPPING_H_
#define _VMKAPI_MAPPING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_mapping.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Mapping Memory Mapping
 *
 * \brief Mapping machine page ranges at a contiguous virtual address.
 *
 * A driver describes the pages with an array of vmk_MpnRange, wraps it in a
 * vmk_MapRequest together with the wanted attributes, and gets back the
 * first virtual address of the mapping from vmk_Map(). The mapping is
 * charged to the calling module and must be released with vmk_Unmap()
 * before the module unloads.
 *
 * \note vmkemu maps all of its simulated machine memory once, so a mapping
 *       is a view into that direct map: the ranges of one request must
 *       follow each other there (see vmk_Map()). Leaked mappings are listed
 *       at shutdown.
 * \{
 */

/**
 * \brief Map attribute value with no bits set: a read-only, non-executable,
 *        cached mapping.
 */
#define VMK_MAPATTRS_READONLY 0

/**
 * \brief Map attribute: allow instruction fetches from the mapping (no NX
 *        bit).
 */
#define VMK_MAPATTRS_EXECUTABLE (1 << 1)

/**
 * \brief Map attribute: the mapping's attributes may later be changed with
 *        vmk_MapChangeAttributes().
 */
#define VMK_MAPATTRS_MIGHTCHANGE (1 << 4)

/**
 * \brief Map attribute: allow writes through the mapping.
 */
#define VMK_MAPATTRS_READWRITE (1 << 0)

/**
 * \brief Map attribute: access the pages uncached (for memory that backs
 *        device registers; slow for ordinary memory).
 */
#define VMK_MAPATTRS_UNCACHED (1 << 3)

/**
 * \brief Map attribute: use write-combining for the pages (mind the
 *        interaction with the MTRRs on x86).
 */
#define VMK_MAPATTRS_WRITECOMBINE (1 << 2)

/**
 * \brief Attributes of a mapping: an OR of VMK_MAPATTRS_* bits, or
 *        VMK_MAPATTRS_READONLY for none.
 */
typedef vmk_uint64 vmk_MapAttrs;

/**
 * \brief Kind of memory a vmk_MapRequest maps.
 */
typedef enum {
   /** \brief Undefined; not a valid type for a request. */
   VMK_MAPTYPE_NONE = 0,
   /** \brief Ordinary machine memory (RAM). */
   VMK_MAPTYPE_DEFAULT = 1,
   /** \brief Device memory (MMIO); needs an I/O reservation in the request. */
   VMK_MAPTYPE_DEVICE = 2,
} vmk_MapRequestType;

/**
 * \brief A run of physically contiguous machine pages.
 */
typedef struct vmk_MpnRange {
   /** \brief Machine page number of the first page of the run. */
   vmk_MPN startMPN;
   /** \brief Number of pages in the run; must not be 0. */
   vmk_uint32 numPages;
} vmk_MpnRange;

/**
 * \brief What vmk_Map() should map and how.
 *
 * The ranges are mapped one after another, in array order, into one
 * virtually contiguous area.
 */
typedef struct vmk_MapRequest {
   /** \brief Kind of memory the ranges describe. */
   vmk_MapRequestType mapType;
   /** \brief Access and caching attributes (VMK_MAPATTRS_*). */
   vmk_MapAttrs mapAttrs;
   /** \brief Number of entries in mpnRanges; at least 1. */
   vmk_uint32 numElements;
   /** \brief Array of numElements page runs to map. */
   vmk_MpnRange *mpnRanges;
   /**
    * \brief I/O reservation covering the pages, required for
    *        VMK_MAPTYPE_DEVICE; NULL for ordinary memory.
    */
   vmk_IOReservation reservation;
} vmk_MapRequest;

/**
 * \brief Map a list of machine page ranges at one contiguous virtual
 *        address.
 *
 * \note This function will not block.
 * \note vmkemu can only map ranges that are adjacent in its direct map of
 *       simulated machine memory (consecutive MPNs, as a contiguous memory
 *       pool allocation gives); scattered ranges would need page aliasing,
 *       which vmkemu's host layer does not offer, so such a
 *       request is not emulated. Device mappings are not emulated either.
 *       Attributes are recorded but not enforced (a read-only mapping can
 *       be written).
 *
 * \param[in]  moduleID    Module the mapping is charged to.
 * \param[in]  mapRequest  Type, attributes and page ranges to map.
 * \param[out] va          Receives the virtual address of the first byte of
 *                         the first range.
 *
 * \retval VMK_OK             The pages are mapped and *va is set.
 * \retval VMK_BAD_PARAM      mapRequest or va is NULL, the request has no
 *                            ranges, or a range is empty or not machine
 *                            memory.
 * \retval VMK_NO_MEMORY      No memory for the mapping's bookkeeping.
 * \retval VMK_NOT_SUPPORTED  vmkemu: the ranges are not adjacent in
 *                            machine memory, or mapType is
 *                            VMK_MAPTYPE_DEVICE.
 */
VMK_ReturnStatus
vmk_Map(
   vmk_ModuleID moduleID,
   vmk_MapRequest *mapRequest,
   vmk_VA *va);

/**
 * \brief Change the access and caching attributes of an existing mapping.
 *
 * The mapping should have been created with VMK_MAPATTRS_MIGHTCHANGE.
 * Changing attributes is costly on ESXi (TLB and cache flushes); keep it
 * off fast paths.
 *
 * \note This function will not block.
 * \note vmkemu records the new attributes but does not enforce them, and
 *       does not require VMK_MAPATTRS_MIGHTCHANGE.
 *
 * \param[in] va     Address returned by vmk_Map() for the mapping.
 * \param[in] attrs  New attributes (VMK_MAPATTRS_*).
 *
 * \retval VMK_OK         The attributes are changed.
 * \retval VMK_BAD_PARAM  No live mapping starts at va.
 */
VMK_ReturnStatus
vmk_MapChangeAttributes(
   vmk_VA va,
   vmk_MapAttrs attrs);

/**
 * \brief Tear down a mapping made by vmk_Map().
 *
 * \note This function will not block.
 * \note Unmapping an address that is not the start of a live mapping is a
 *       BAD_FREE report in vmkemu.
 *
 * \param[in] va  Address returned by vmk_Map() for the mapping.
 */
void
vmk_Unmap(
   vmk_VA va);

/** \} */

#endif /* _VMKAPI_MAPPING_H_ */
