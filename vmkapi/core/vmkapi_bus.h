/*
 * core/vmkapi_bus.h -- bus types
 *
 * Looking up the bus types devices are registered on (pci, logical, ...).
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

/** \brief Private structure behind a vmk_BusType. */
struct vmkBusType;

/** \brief A vmk_BusType value that refers to no bus type. */
#define VMK_BUSTYPE_NONE ((vmk_BusType)0)

/** \brief Handle to a bus type; needed in a vmk_DeviceID. */
typedef struct vmkBusType *vmk_BusType;

/**
 * \brief Look up a bus type by name, taking a reference on it.
 *
 * Pair each successful call with vmk_BusTypeRelease().
 *
 * \note This function will not block.
 * \note vmkemu has the bus types "pci" and "logical".
 *
 * \param[in]  name       Name of the bus type, for example
 *                        VMK_LOGICAL_BUS_NAME.
 * \param[out] busHandle  Receives the bus type.
 *
 * \retval VMK_OK         *busHandle is set.
 * \retval VMK_BAD_PARAM  An argument is NULL.
 * \retval VMK_NOT_FOUND  No bus type has that name.
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
 * \param[in]  busHandle  Bus type.
 * \param[out] name       Receives its name.
 *
 * \retval VMK_OK         *name is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid.
 */
VMK_ReturnStatus
vmk_BusTypeGetName(
   vmk_BusType busHandle,
   vmk_Name *name);

/**
 * \brief Drop the reference taken by vmk_BusTypeFind().
 *
 * \note This function will not block.
 * \note Releasing more often than found is a MISUSE report in vmkemu.
 *
 * \param[in] busHandle  Bus type to release.
 *
 * \retval VMK_OK         The reference is dropped.
 * \retval VMK_BAD_PARAM  busHandle is not valid or holds no reference.
 */
VMK_ReturnStatus
vmk_BusTypeRelease(
   vmk_BusType busHandle);

/** \} */

#endif /* _VMKAPI_BUS_H_ */
