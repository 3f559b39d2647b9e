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
 * \note This function may block.
 *
 * \param[in] driver Driver handle.
 * \param[in] parent Device handle.
 * \param[in] uniqueLogicalPort Unique logical port.
 * \param[out] globalAddress Global address.
 * \param[out] globalAddressLen Global address len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_LogicalCreateBusAddress(
   vmk_Driver driver,
   vmk_Device parent,
   vmk_uint32 uniqueLogicalPort,
   char **globalAddress,
   vmk_uint32 *globalAddressLen);

/**
 * \brief Logical: free bus address.
 *
 * \note This function may block.
 *
 * \param[in] driver Driver handle.
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
