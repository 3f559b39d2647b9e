/*
 * core/vmkapi_logical_bus.h -- the logical bus
 *
 * Addresses for devices on the logical (software) bus.
 */

#ifndef _VMKAPI_LOGICAL_BUS_H_
#define _VMKAPI_LOGICAL_BUS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_logical_bus.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Device
 * \{
 */

/**
 * \brief Name of the logical bus type.
 */
#define VMK_LOGICAL_BUS_NAME "logical"

/**
 * \brief Logical: create bus address.
 *
 * \param[in] driver Driver.
 * \param[in] parent Parent.
 * \param[in] logicalPort Logical port.
 * \param[in,out] busAddress Bus address.
 * \param[in,out] busAddressLen Bus address len.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogicalCreateBusAddress(
   vmk_Driver driver,
   vmk_Device parent,
   vmk_uint32 logicalPort,
   char **busAddress,
   vmk_uint32 *busAddressLen);

/**
 * \brief Logical: free bus address.
 *
 * \param[in] driver Driver.
 * \param[in] busAddress Bus address.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogicalFreeBusAddress(
   vmk_Driver driver,
   char *busAddress);

/** \} */

#endif /* _VMKAPI_LOGICAL_BUS_H_ */
