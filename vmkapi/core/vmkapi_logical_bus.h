/*
 * core/vmkapi_logical_bus.h -- the logical bus
 *
 * Addresses for devices that represent software constructs (uplinks,
 * adapters, character devices) registered under a real device.
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

/** \brief Name of the logical bus type, for vmk_BusTypeFind(). */
#define VMK_LOGICAL_BUS_NAME "logical"

/**
 * \brief Build a unique logical-bus address for a child of a device.
 *
 * \note This function may block.
 * \note vmkemu builds "<parent bus>#<parent address>#<port>".
 *
 * \param[in]  driver             Driver registering the child.
 * \param[in]  parent             Device the child hangs under.
 * \param[in]  uniqueLogicalPort  Number distinguishing the parent's
 *                                children.
 * \param[out] globalAddress      Receives the address, allocated from the
 *                                driver's module heap; free it with
 *                                vmk_LogicalFreeBusAddress().
 * \param[out] globalAddressLen   Receives the address length, without the
 *                                terminator.
 *
 * \retval VMK_OK              The address is built.
 * \retval VMK_BAD_PARAM       An argument is NULL or not valid.
 * \retval VMK_NO_MODULE_HEAP  The driver's module has no heap.
 * \retval VMK_NO_MEMORY       The heap could not supply the address.
 */
VMK_ReturnStatus
vmk_LogicalCreateBusAddress(
   vmk_Driver driver,
   vmk_Device parent,
   vmk_uint32 uniqueLogicalPort,
   char **globalAddress,
   vmk_uint32 *globalAddressLen);

/**
 * \brief Free an address built by vmk_LogicalCreateBusAddress().
 *
 * \note This function may block.
 *
 * \param[in] driver      Driver that built it.
 * \param[in] busAddress  The address.
 *
 * \retval VMK_OK              The address is freed.
 * \retval VMK_BAD_PARAM       busAddress is NULL or driver is not valid.
 * \retval VMK_NO_MODULE_HEAP  The driver's module has no heap.
 */
VMK_ReturnStatus
vmk_LogicalFreeBusAddress(
   vmk_Driver driver,
   char *busAddress);

/** \} */

#endif /* _VMKAPI_LOGICAL_BUS_H_ */
