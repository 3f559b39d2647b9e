/*
 * core/vmkapi_bus.h -- bus types
 *
 * Bus-type handles used by device identifiers.
 */

#ifndef _VMKAPI_BUS_H_
#define _VMKAPI_BUS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_bus.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Device
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkBusType;

/**
 * \brief A bus type handle that refers to no bus type.
 */
#define VMK_BUSTYPE_NONE ((vmk_BusType)0)

/** \brief Handle to a bus type. */
typedef struct vmkBusType *vmk_BusType;

/**
 * \brief Find a bus type.
 *
 * \note This function will not block.
 *
 * \param[in] name Name.
 * \param[out] busHandle Bus handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_BusTypeFind(
   vmk_Name *name,
   vmk_BusType *busHandle);

/**
 * \brief Get the name of a bus type.
 *
 * \note This function will not block.
 *
 * \param[in] busHandle Bus handle.
 * \param[out] name Name.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_BusTypeGetName(
   vmk_BusType busHandle,
   vmk_Name *name);

/**
 * \brief Release a bus type.
 *
 * \note This function will not block.
 *
 * \param[in] busHandle Bus handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_BusTypeRelease(
   vmk_BusType busHandle);

/** \} */

#endif /* _VMKAPI_BUS_H_ */
