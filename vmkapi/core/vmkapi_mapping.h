/*
 * core/vmkapi_mapping.h -- mapping machine pages
 *
 * Mapping lists of machine page ranges into a contiguous virtual range.
 */

#ifndef _VMKAPI_MAPPING_H_
#define _VMKAPI_MAPPING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_mapping.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Mapping Memory Mapping
 * \{
 */

/** \brief Mapattrs readonly. */
#define VMK_MAPATTRS_READONLY 0

/**
 * \brief Map attribute: executable.
 */
#define VMK_MAPATTRS_EXECUTABLE (1 << 1)

/**
 * \brief Map attribute: attributes may change later.
 */
#define VMK_MAPATTRS_MIGHTCHANGE (1 << 4)

/**
 * \brief Map attribute: writable.
 */
#define VMK_MAPATTRS_READWRITE (1 << 0)

/**
 * \brief Map attribute: uncached.
 */
#define VMK_MAPATTRS_UNCACHED (1 << 3)

/**
 * \brief Map attribute: write-combining.
 */
#define VMK_MAPATTRS_WRITECOMBINE (1 << 2)

/** \brief Map attrs. */
typedef vmk_uint64 vmk_MapAttrs;

/**
 * \brief Values of map request type.
 */
typedef enum {
   /** \brief None. */
   VMK_MAPTYPE_NONE = 0,
   /** \brief Default. */
   VMK_MAPTYPE_DEFAULT = 1,
   /** \brief Device. */
   VMK_MAPTYPE_DEVICE = 2,
} vmk_MapRequestType;

/**
 * \brief Description of a Mpn range.
 */
typedef struct vmk_MpnRange {
   /** \brief Start MPN. */
   vmk_MPN startMPN;
   /** \brief Num pages. */
   vmk_uint32 numPages;
} vmk_MpnRange;

/**
 * \brief Description of a map request.
 */
typedef struct vmk_MapRequest {
   /** \brief Map type. */
   vmk_MapRequestType mapType;
   /** \brief Map attrs. */
   vmk_MapAttrs mapAttrs;
   /** \brief Num elements. */
   vmk_uint32 numElements;
   /** \brief Mpn ranges. */
   vmk_MpnRange *mpnRanges;
   /** \brief Reservation. */
   vmk_IOReservation reservation;
} vmk_MapRequest;

/**
 * \brief Map machine page ranges into a contiguous virtual range.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] mapRequest Map request.
 * \param[out] va Va.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_Map(
   vmk_ModuleID moduleID,
   vmk_MapRequest *mapRequest,
   vmk_VA *va);

/**
 * \brief Change the attributes of a mapping made by vmk_Map().
 *
 * \note This function will not block.
 *
 * \param[in] va Va.
 * \param[in] attrs Attrs.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MapChangeAttributes(
   vmk_VA va,
   vmk_MapAttrs attrs);

/**
 * \brief Undo a vmk_Map().
 *
 * \note This function will not block.
 *
 * \param[in] va Va.
 */
void
vmk_Unmap(
   vmk_VA va);

/** \} */

#endif /* _VMKAPI_MAPPING_H_ */
