/*
 * core/vmkapi_driver.h -- drivers
 *
 * Registering a native driver with the device layer, and the callbacks
 * through which the device layer hands devices to it and takes them back.
 */

#ifndef _VMKAPI_DRIVER_H_
#define _VMKAPI_DRIVER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_driver.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Device
 * \{
 */

/**
 * \brief Callback offering a device to the driver.
 *
 * The driver checks that it can handle the device, sets up what it needs
 * to talk to the hardware (mappings, interrupts, DMA engines) and stores
 * its per-device state with vmk_DeviceSetAttachedDriverData(). It must
 * not start I/O yet. Returning VMK_OK claims the device; any other status
 * leaves it unclaimed.
 */
typedef VMK_ReturnStatus (*vmk_DriverAttachDevice)(vmk_Device);

/**
 * \brief Callback taking a claimed device away from the driver, which
 *        releases everything it set up in attachDevice. The device is
 *        already quiesced.
 */
typedef VMK_ReturnStatus (*vmk_DriverDetachDevice)(vmk_Device);

/**
 * \brief Callback telling the driver that a device has disappeared
 *        (surprise removal): the hardware must no longer be touched and
 *        outstanding I/O should be failed. Detach follows.
 */
typedef void (*vmk_DriverForgetDevice)(vmk_Device);

/**
 * \brief Callback asking the driver to stop all I/O on a started device
 *        and leave the hardware idle, before detach, unload or shutdown.
 */
typedef VMK_ReturnStatus (*vmk_DriverQuiesceDevice)(vmk_Device);

/**
 * \brief Callback asking the driver to register the child devices of a
 *        started device (uplinks, SCSI adapters, virtual functions) with
 *        vmk_DeviceRegister().
 */
typedef VMK_ReturnStatus (*vmk_DriverScanDevice)(vmk_Device);

/**
 * \brief Callback asking the driver to bring an attached device into a
 *        state where it can do I/O.
 */
typedef VMK_ReturnStatus (*vmk_DriverStartDevice)(vmk_Device);

/**
 * \brief The callbacks through which the device layer drives a driver.
 *
 * For each device the order is attach, start, scan; and, going away,
 * quiesce then detach (forget first if the device vanished).
 */
typedef struct {
   /** \brief Offer of a new device; required. */
   vmk_DriverAttachDevice attachDevice;
   /** \brief Register the device's children; required. */
   vmk_DriverScanDevice scanDevice;
   /** \brief Give a device back; required. */
   vmk_DriverDetachDevice detachDevice;
   /** \brief Stop I/O on a device; required. */
   vmk_DriverQuiesceDevice quiesceDevice;
   /** \brief Make a device ready for I/O; required. */
   vmk_DriverStartDevice startDevice;
   /** \brief Notice that a device was removed by surprise; may be NULL. */
   vmk_DriverForgetDevice forgetDevice;
} vmk_DriverOps;

/**
 * \brief What vmk_DriverRegister() needs to know about a driver.
 */
typedef struct {
   /** \brief Module that implements the driver. */
   vmk_ModuleID moduleID;
   /**
    * \brief Name of the driver, unique in the system; devices are matched to
    *        drivers by it.
    */
   vmk_Name name;
   /** \brief The driver's callbacks; must stay valid while it is registered. */
   vmk_DriverOps *ops;
   /** \brief Driver-wide data, returned by vmk_DriverGetPrivateData(). */
   vmk_AddrCookie privateData;
} vmk_DriverProps;

/**
 * \brief Get the private data a driver registered with.
 *
 * \note This function will not block.
 *
 * \param[in]  driver  Driver handle from vmk_DriverRegister().
 * \param[out] data    Receives the privateData of the driver's props.
 *
 * \retval VMK_OK         *data is set.
 * \retval VMK_BAD_PARAM  data is NULL or driver is not a registered
 *                        driver (vmkemu also reports a stale or foreign
 *                        handle).
 */
VMK_ReturnStatus
vmk_DriverGetPrivateData(
   vmk_Driver driver,
   vmk_AddrCookie *data);

/**
 * \brief Register a driver with the device layer.
 *
 * Call it from the module's init function. Devices waiting for a driver of
 * this name are offered to it (attachDevice, then startDevice and
 * scanDevice).
 *
 * \note This function will not block by itself.
 * \note vmkemu offers the waiting devices in the calling thread, before
 *       this call returns, so the driver's callbacks run inside it (on ESXi
 *       a device-layer world runs them later). There is no driver ranking:
 *       the first matching driver gets the device.
 *
 * \param[in]  driverProps  Module, name, callbacks and private data.
 * \param[out] driver       Receives the handle of the new driver.
 *
 * \retval VMK_OK         The driver is registered and *driver is set.
 * \retval VMK_BAD_PARAM  An argument is NULL, the name is empty or does
 *                        not fit a vmk_Name, or a required callback is
 *                        missing.
 * \retval VMK_EXISTS     A driver of that name is already registered.
 * \retval VMK_NOT_FOUND  moduleID is not a loaded module.
 * \retval VMK_NO_MEMORY  No memory for the driver object.
 */
VMK_ReturnStatus
vmk_DriverRegister(
   vmk_DriverProps *driverProps,
   vmk_Driver *driver);

/**
 * \brief Unregister a driver.
 *
 * Call it from the module's cleanup function. Every device the driver
 * still holds is taken away first (children removed, quiesce, detach);
 * the devices stay registered, with no driver.
 *
 * \note This function will not block by itself.
 * \note In vmkemu the taking away happens in the calling thread, so the
 *       driver's quiesce and detach callbacks run inside this call.
 *
 * \param[in] driver  Handle from vmk_DriverRegister().
 *
 * \retval VMK_OK         The driver is gone.
 * \retval VMK_BAD_PARAM  driver is not a registered driver (vmkemu also
 *                        reports a stale or foreign handle).
 */
VMK_ReturnStatus
vmk_DriverUnregister(
   vmk_Driver driver);

/** \} */

#endif /* _VMKAPI_DRIVER_H_ */
