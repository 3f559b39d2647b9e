/*
 * core/vmkapi_largespace.h -- large virtual address spaces
 *
 * Reserving large virtual ranges and mapping machine pages into them.
 */

#ifndef _VMKAPI_LARGESPACE_H_
#define _VMKAPI_LARGESPACE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_largespace.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_LargeSpace Large Virtual Spaces
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_LargeSpaceHandleInt;

/**
 * \brief A large-space handle that refers to no reservation.
 */
#define VMK_LARGESPACE_INVALID_HANDLE ((vmk_LargeSpaceHandle)-1)

/** \brief Handle to a large space handle. */
typedef struct vmk_LargeSpaceHandleInt *vmk_LargeSpaceHandle;

/**
 * \brief Values of large space map flags.
 */
typedef enum vmk_LargeSpaceMapFlags {
   /** \brief None. */
   VMK_LARGESPACE_MAP_FLAG_NONE = 0,
   /** \brief Large page. */
   VMK_LARGESPACE_MAP_FLAG_LARGE_PAGE = 1,
   /** \brief Uncached. */
   VMK_LARGESPACE_MAP_FLAG_UNCACHED = 2,
   /** \brief Device. */
   VMK_LARGESPACE_MAP_FLAG_DEVICE = 4,
   /** \brief Readonly. */
   VMK_LARGESPACE_MAP_FLAG_READONLY = 8,
   /** \brief Writecombine. */
   VMK_LARGESPACE_MAP_FLAG_WRITECOMBINE = 16,
} vmk_LargeSpaceMapFlags;

/**
 * \brief Heap space one large-space reservation needs.
 *
 * \note This function will not block.
 */
vmk_ByteCountSmall
vmk_LargeSpaceAllocSize(void);

/**
 * \brief Delete a large space.
 *
 * \note This function will not block.
 *
 * \param[in] lHandle L handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BUSY The object is in use.
 */
VMK_ReturnStatus
vmk_LargeSpaceDelete(
   vmk_LargeSpaceHandle lHandle);

/**
 * \brief Map a large space.
 *
 * \note This function may block.
 *
 * \param[in] handle Handle.
 * \param[in] vpn Vpn.
 * \param[in] mpn Mpn.
 * \param[in] flags Flags.
 * \param[in] reservation Reservation.
 * \param[in] numPages Num pages.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LargeSpaceMap(
   vmk_LargeSpaceHandle handle,
   vmk_VPN vpn,
   vmk_MPN mpn,
   vmk_LargeSpaceMapFlags flags,
   vmk_IOReservation reservation,
   vmk_uint64 numPages);

/**
 * \brief Reserve a large space.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] mapName Map name.
 * \param[in] numPages Num pages.
 * \param[out] lHandle L handle.
 * \param[out] vpn Vpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LargeSpaceReserve(
   vmk_ModuleID moduleID,
   const vmk_Name *mapName,
   vmk_uint64 numPages,
   vmk_LargeSpaceHandle *lHandle,
   vmk_VPN *vpn);

/**
 * \brief Unmap a large space.
 *
 * \note This function may block.
 *
 * \param[in] lHandle L handle.
 * \param[in] vpn Vpn.
 * \param[in] numPages Num pages.
 * \param[in] mapFlags Map flags.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_LargeSpaceUnmap(
   vmk_LargeSpaceHandle lHandle,
   vmk_VA vpn,
   vmk_uint64 numPages,
   vmk_LargeSpaceMapFlags mapFlags);

/** \} */

#endif /* _VMKAPI_LARGESPACE_H_ */
