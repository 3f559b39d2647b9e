/*
 * core/vmkapi_largespace.h -- large virtual spaces
 *
 * Reserving a large range of kernel virtual pages up front and mapping
 * machine pages into it wherever the driver needs them.
 */

#ifndef _VMKAPI_LARGESPACE_H_
#define _VMKAPI_LARGESPACE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_largespace.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_LargeSpace Large Virtual Spaces
 *
 * \brief Big reservations of kernel virtual address space, filled with
 *        mappings on demand.
 *
 * A driver that needs a large, sparse window (for example over a big
 * device memory region) reserves a run of virtual pages, then maps and
 * unmaps machine pages at chosen offsets inside it, and deletes the
 * reservation when everything is unmapped.
 *
 * \note vmkemu reserves real address space (non-canonical addresses, so a
 *       touch of an unmapped page faults), but cannot map pages into it:
 *       placing an arbitrary machine page at an arbitrary virtual page
 *       needs page aliasing, which its host layer does not offer.
 *       vmk_LargeSpaceMap() checks its arguments and then returns
 *       VMK_NOT_SUPPORTED. Reservations left at shutdown are listed as
 *       leaks.
 * \{
 */

/** \brief Private structure behind a vmk_LargeSpaceHandle. */
struct vmk_LargeSpaceHandleInt;

/** \brief A vmk_LargeSpaceHandle value that refers to no reservation. */
#define VMK_LARGESPACE_INVALID_HANDLE ((vmk_LargeSpaceHandle)-1)

/** \brief Handle to a large-space reservation. */
typedef struct vmk_LargeSpaceHandleInt *vmk_LargeSpaceHandle;

/**
 * \brief How vmk_LargeSpaceMap() maps pages; flags may be ORed.
 */
typedef enum vmk_LargeSpaceMapFlags {
   /** \brief Ordinary cached, writable mapping of RAM with small pages. */
   VMK_LARGESPACE_MAP_FLAG_NONE = 0,
   /** \brief Use 2 MiB pages (addresses and counts must be 2 MiB aligned). */
   VMK_LARGESPACE_MAP_FLAG_LARGE_PAGE = 1,
   /** \brief Map the pages uncached. */
   VMK_LARGESPACE_MAP_FLAG_UNCACHED = 2,
   /** \brief The pages are device memory, covered by an I/O reservation. */
   VMK_LARGESPACE_MAP_FLAG_DEVICE = 4,
   /** \brief Map the pages read-only. */
   VMK_LARGESPACE_MAP_FLAG_READONLY = 8,
   /** \brief Map the pages write-combining. */
   VMK_LARGESPACE_MAP_FLAG_WRITECOMBINE = 16,
} vmk_LargeSpaceMapFlags;

/**
 * \brief Tell how much heap memory one reservation's bookkeeping takes,
 *        for sizing the module's heap.
 *
 * \note This function will not block.
 *
 * \return Bytes per reservation.
 */
vmk_ByteCountSmall
vmk_LargeSpaceAllocSize(void);

/**
 * \brief Give back a reservation that has nothing mapped in it.
 *
 * \note This function will not block.
 *
 * \param[in] lHandle  Reservation to delete.
 *
 * \retval VMK_OK         The address range is released.
 * \retval VMK_BAD_PARAM  lHandle is not a live reservation.
 * \retval VMK_BUSY       Pages are still mapped in the reservation.
 */
VMK_ReturnStatus
vmk_LargeSpaceDelete(
   vmk_LargeSpaceHandle lHandle);

/**
 * \brief Map a run of machine pages at a place inside a reservation.
 *
 * \note This function may block.
 * \note Not emulated: after checking its arguments vmkemu returns
 *       VMK_NOT_SUPPORTED and logs "not emulated" once.
 *
 * \param[in] handle       Reservation to map into.
 * \param[in] vpn          First virtual page; the run must lie inside the
 *                         reservation.
 * \param[in] mpn          First machine page to map.
 * \param[in] flags        VMK_LARGESPACE_MAP_FLAG_* bits.
 * \param[in] reservation  I/O reservation covering the pages, for
 *                         VMK_LARGESPACE_MAP_FLAG_DEVICE; NULL otherwise.
 * \param[in] numPages     Number of pages to map.
 *
 * \retval VMK_OK             The pages are mapped (ESXi).
 * \retval VMK_BAD_PARAM      The handle is not live, the run leaves the
 *                            reservation, a flag is unknown, or the pages
 *                            are not machine memory.
 * \retval VMK_NOT_SUPPORTED  vmkemu: mapping is not emulated.
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
 * \brief Reserve a run of kernel virtual pages.
 *
 * \note This function may block.
 *
 * \param[in]  moduleID  Module the reservation is charged to.
 * \param[in]  mapName   Name of the reservation, for debugging.
 * \param[in]  numPages  Number of virtual pages; at least 1.
 * \param[out] lHandle   Receives the reservation handle.
 * \param[out] vpn       Receives the first virtual page of the run.
 *
 * \retval VMK_OK         The pages are reserved.
 * \retval VMK_BAD_PARAM  An argument is NULL, numPages is 0 or the module
 *                        is not valid.
 * \retval VMK_NO_MEMORY  Not enough address space or memory.
 */
VMK_ReturnStatus
vmk_LargeSpaceReserve(
   vmk_ModuleID moduleID,
   const vmk_Name *mapName,
   vmk_uint64 numPages,
   vmk_LargeSpaceHandle *lHandle,
   vmk_VPN *vpn);

/**
 * \brief Remove mappings from a run of pages of a reservation.
 *
 * \note This function may block.
 *
 * \param[in] lHandle   Reservation to unmap from.
 * \param[in] vpn       First virtual page of the run.
 * \param[in] numPages  Number of pages.
 * \param[in] mapFlags  Flags the pages were mapped with.
 *
 * \retval VMK_OK         The pages are unmapped.
 * \retval VMK_BAD_PARAM  The handle is not live or the run leaves the
 *                        reservation.
 * \retval VMK_NOT_FOUND  Nothing is mapped there (always the case in
 *                        vmkemu, which maps nothing).
 */
VMK_ReturnStatus
vmk_LargeSpaceUnmap(
   vmk_LargeSpaceHandle lHandle,
   vmk_VA vpn,
   vmk_uint64 numPages,
   vmk_LargeSpaceMapFlags mapFlags);

/** \} */

#endif /* _VMKAPI_LARGESPACE_H_ */
