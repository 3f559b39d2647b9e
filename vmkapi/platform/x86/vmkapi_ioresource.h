/*
 * platform/x86/vmkapi_ioresource.h -- I/O resources
 *
 * Registration and reservation of memory and port I/O ranges. vmkemu tracks
 * ranges against its simulated devices.
 */

#ifndef _VMKAPI_IORESOURCE_H_
#define _VMKAPI_IORESOURCE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "platform/x86/vmkapi_ioresource.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_IOResource
 * \{
 */

/** \brief Private structure behind a vmk_IOReservation. */
struct vmkIOReservation;

/** \brief Private structure behind a vmk_IOResource. */
struct vmkIOResource;

/** \brief Handle to a reservation of part of a registered I/O resource. */
typedef struct vmkIOReservation *vmk_IOReservation;

/** \brief Options of a reservation. */
typedef enum {
   /** \brief No other reservation may overlap this one. */
   VMK_IORESOURCE_RESERVE_EXCLUSIVE = 1,
} vmk_IOReservationAttrs;

/** \brief Handle to a registered I/O resource. */
typedef struct vmkIOResource *vmk_IOResource;

/** \brief Kind of address range an I/O resource is. */
typedef enum {
   /** \brief No resource. */
   VMK_IORESOURCE_NONE = 0,
   /** \brief Kind not known; not valid for registration. */
   VMK_IORESOURCE_UNKNOWN = 1,
   /** \brief Memory-mapped I/O range. */
   VMK_IORESOURCE_MEM = 2,
   /** \brief x86 I/O port range. */
   VMK_IORESOURCE_PORT = 3,
} vmk_IOResourceType;

/** \brief Start address of an I/O resource, by kind. */
typedef struct vmk_IOResourceAddress {
   /** \brief Which member of address is valid. */
   vmk_IOResourceType type;
   /** \brief The address. */
   union {
      /** \brief Machine address, for VMK_IORESOURCE_MEM. */
      vmk_MA memory;
      /** \brief First port, for VMK_IORESOURCE_PORT. */
      vmk_IOPortAddr port;
   } address;
} vmk_IOResourceAddress;

/** \brief Properties of an I/O range; may be ORed. */
typedef enum {
   /** \brief Several reservations may overlap the range. */
   VMK_IORESOURCE_SHAREABLE = 1,
   /** \brief The range may be mapped cached. */
   VMK_IORESOURCE_CACHEABLE = 2,
   /** \brief Reads of the range have no side effects. */
   VMK_IORESOURCE_PREFETCHABLE = 4,
} vmk_IOResourceAttrs;

/**
 * \brief Description of an I/O range, for registering or reserving it.
 */
typedef struct vmk_IOResourceInfo {
   /** \brief Module that registers or reserves the range. */
   vmk_ModuleID moduleID;
   /** \brief Start of the range, with its kind. */
   vmk_IOResourceAddress start;
   /** \brief Length of the range (bytes or ports); not 0. */
   vmk_ByteCount len;
   /** \brief VMK_IORESOURCE_* properties of the range. */
   vmk_IOResourceAttrs attrs;
} vmk_IOResourceInfo;

/**
 * \brief Record that a registered I/O resource belongs to a device.
 *
 * \note This function may block.
 *
 * \param[in] resource  Registered resource.
 * \param[in] device    Device that decodes the range.
 *
 * \retval VMK_OK         The resource is bound.
 * \retval VMK_BAD_PARAM  An argument is not valid, or the resource is
 *                        already bound.
 */
VMK_ReturnStatus
vmk_IOResourceBindToDevice(
   vmk_IOResource resource,
   vmk_Device device);

/**
 * \brief Register an address range that some device decodes, so drivers
 *        can reserve parts of it (a bus driver's job).
 *
 * \note This function will not block.
 *
 * \param[in]  resourceInfo  Kind, start, length and properties.
 * \param[out] handle        Receives the resource handle.
 *
 * \retval VMK_OK              The range is registered.
 * \retval VMK_BAD_PARAM       An argument is NULL, the kind is not MEM or
 *                             PORT, or the length is 0.
 * \retval VMK_BAD_ADDR_RANGE  The range overlaps a registered range of its
 *                             kind, or runs past the last port.
 * \retval VMK_NO_MEMORY       No memory for the record.
 */
VMK_ReturnStatus
vmk_IOResourceRegister(
   vmk_IOResourceInfo *resourceInfo,
   vmk_IOResource *handle);

/**
 * \brief Release a reservation made with vmk_IOResourceReserve().
 *
 * \note This function will not block.
 *
 * \param[in] reservation  Reservation to release.
 *
 * \retval VMK_OK         The reservation is gone.
 * \retval VMK_BAD_PARAM  reservation is not a live reservation of this
 *                        kind.
 */
VMK_ReturnStatus
vmk_IOResourceRelease(
   vmk_IOReservation reservation);

/**
 * \brief Reserve part of a registered I/O range for the calling driver.
 *
 * \note This function will not block.
 *
 * \param[in]  resourceInfo  Kind, start, length and properties of the
 *                           part.
 * \param[out] reservation   Receives the reservation.
 *
 * \retval VMK_OK              The part is reserved.
 * \retval VMK_BAD_ADDR_RANGE  An argument is NULL, or the part does not lie
 *                             in one registered range.
 * \retval VMK_NOT_SHARED      It overlaps another reservation and not both
 *                             are VMK_IORESOURCE_SHAREABLE.
 * \retval VMK_NO_MEMORY       No memory for the record.
 */
VMK_ReturnStatus
vmk_IOResourceReserve(
   vmk_IOResourceInfo *resourceInfo,
   vmk_IOReservation *reservation);

/**
 * \brief Undo vmk_IOResourceBindToDevice().
 *
 * \note This function may block.
 *
 * \param[in] resource  Bound resource.
 * \param[in] device    Device it is bound to.
 *
 * \retval VMK_OK         The binding is removed.
 * \retval VMK_BAD_PARAM  An argument is not valid, or the resource is not
 *                        bound to that device.
 */
VMK_ReturnStatus
vmk_IOResourceUnbindFromDevice(
   vmk_IOResource resource,
   vmk_Device device);

/**
 * \brief Withdraw a registered I/O range.
 *
 * \note This function will not block.
 * \note Unregistering a range still reserved or bound is a MISUSE report
 *       in vmkemu.
 *
 * \param[in] handle  Resource to unregister.
 *
 * \retval VMK_OK         The range is withdrawn.
 * \retval VMK_BAD_PARAM  handle is not valid, or the range is still
 *                        reserved or bound.
 */
VMK_ReturnStatus
vmk_IOResourceUnregister(
   vmk_IOResource handle);

/** \} */

#endif /* _VMKAPI_IORESOURCE_H_ */
