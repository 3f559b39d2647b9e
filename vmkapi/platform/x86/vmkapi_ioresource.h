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

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkIOReservation;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkIOResource;

/** \brief Handle to a IO reservation. */
typedef struct vmkIOReservation *vmk_IOReservation;

/**
 * \brief Values of IO reservation attrs.
 */
typedef enum {
   /** \brief Ioresource reserve exclusive. */
   VMK_IORESOURCE_RESERVE_EXCLUSIVE = 1,
} vmk_IOReservationAttrs;

/** \brief Handle to a IO resource. */
typedef struct vmkIOResource *vmk_IOResource;

/**
 * \brief Values of IO resource type.
 */
typedef enum {
   /** \brief None. */
   VMK_IORESOURCE_NONE = 0,
   /** \brief Unknown. */
   VMK_IORESOURCE_UNKNOWN = 1,
   /** \brief Mem. */
   VMK_IORESOURCE_MEM = 2,
   /** \brief Port. */
   VMK_IORESOURCE_PORT = 3,
} vmk_IOResourceType;

/**
 * \brief Description of a IO resource address.
 */
typedef struct vmk_IOResourceAddress {
   /** \brief Type. */
   vmk_IOResourceType type;
   /** \brief Address. */
   union {
      /** \brief Memory. */
      vmk_MA memory;
      /** \brief Port. */
      vmk_IOPortAddr port;
   } address;
} vmk_IOResourceAddress;

/**
 * \brief Values of IO resource attrs.
 */
typedef enum {
   /** \brief Shareable. */
   VMK_IORESOURCE_SHAREABLE = 1,
   /** \brief Cacheable. */
   VMK_IORESOURCE_CACHEABLE = 2,
   /** \brief Prefetchable. */
   VMK_IORESOURCE_PREFETCHABLE = 4,
} vmk_IOResourceAttrs;

/**
 * \brief Description of a IO resource info.
 */
typedef struct vmk_IOResourceInfo {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Start. */
   vmk_IOResourceAddress start;
   /** \brief Len. */
   vmk_ByteCount len;
   /** \brief Attrs. */
   vmk_IOResourceAttrs attrs;
} vmk_IOResourceInfo;

/**
 * \brief Bind an IO resource to device.
 *
 * \note This function may block.
 *
 * \param[in] resource Resource.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IOResourceBindToDevice(
   vmk_IOResource resource,
   vmk_Device device);

/**
 * \brief Register an IO resource.
 *
 * \note This function will not block.
 *
 * \param[in] resourceInfo Resource info.
 * \param[out] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOResourceRegister(
   vmk_IOResourceInfo *resourceInfo,
   vmk_IOResource *handle);

/**
 * \brief Release an IO resource.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IOResourceRelease(
   vmk_IOReservation reservation);

/**
 * \brief Reserve an IO resource.
 *
 * \note This function will not block.
 *
 * \param[in] resourceInfo Resource info.
 * \param[out] reservation Reservation.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 * \retval VMK_NOT_SHARED The object is not shared.
 */
VMK_ReturnStatus
vmk_IOResourceReserve(
   vmk_IOResourceInfo *resourceInfo,
   vmk_IOReservation *reservation);

/**
 * \brief Unbind an IO resource from device.
 *
 * \note This function may block.
 *
 * \param[in] resource Resource.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IOResourceUnbindFromDevice(
   vmk_IOResource resource,
   vmk_Device device);

/**
 * \brief Unregister an IO resource.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IOResourceUnregister(
   vmk_IOResource handle);

/** \} */

#endif /* _VMKAPI_IORESOURCE_H_ */
