/*
 * core/vmkapi_device.h -- devices
 *
 * Registering devices in the device tree, removing them again, and the
 * data the device layer keeps for the drivers involved with each device.
 */

#ifndef _VMKAPI_DEVICE_H_
#define _VMKAPI_DEVICE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_device.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Device
 * \{
 */

/**
 * \brief Identity of a device: its bus, its address on that bus and what
 *        kind of device it is.
 *
 * The strings need not be NUL-terminated when passed in; their lengths
 * are given explicitly.
 */
typedef struct {
   /** \brief Bus the device sits on, from vmk_BusTypeFind(). */
   vmk_BusType busType;
   /** \brief Address of the device on its bus, unique within that bus. */
   char *busAddress;
   /** \brief Number of characters in busAddress, without a terminator. */
   vmk_uint32 busAddressLen;
   /**
    * \brief Bus-specific description of what the device is; the device layer
    *        matches it against driver maps to find a driver.
    */
   char *busIdentifier;
   /** \brief Number of characters in busIdentifier, without a terminator. */
   vmk_uint32 busIdentifierLen;
} vmk_DeviceID;

/**
 * \brief Callback of the driver that registered a device, asking it to
 *        remove the device: it must call vmk_DeviceUnregister() on it.
 */
typedef VMK_ReturnStatus (*vmk_DeviceRemove)(vmk_Device);

/**
 * \brief Callbacks that the registering driver provides for a device.
 */
typedef struct {
   /** \brief Remove the device from the tree; required. */
   vmk_DeviceRemove removeDevice;
} vmk_DeviceOps;

/**
 * \brief What vmk_DeviceRegister() needs to know about a new device.
 */
typedef struct {
   /** \brief Driver that registers the device (the parent's driver). */
   vmk_Driver registeringDriver;
   /** \brief Bus, address and identifier of the new device. */
   vmk_DeviceID *deviceID;
   /** \brief Callbacks for the registering driver; must stay valid. */
   vmk_DeviceOps *deviceOps;
   /**
    * \brief Data private to the registering driver, returned by
    *        vmk_DeviceGetRegisteringDriverData().
    */
   vmk_AddrCookie registeringDriverData;
   /**
    * \brief Data for the driver that will attach to the device (for example
    *        a structure of operations), returned by
    *        vmk_DeviceGetRegistrationData().
    */
   vmk_AddrCookie registrationData;
} vmk_DeviceProps;

/**
 * \brief Get the data that the attached driver stored with a device.
 *
 * \note This function will not block.
 *
 * \param[in]  device  Device to query.
 * \param[out] data    Receives the value last given to
 *                     vmk_DeviceSetAttachedDriverData().
 *
 * \retval VMK_OK         *data is set.
 * \retval VMK_BAD_PARAM  data is NULL or device is not a registered device
 *                        (vmkemu reports a stale or foreign handle).
 */
VMK_ReturnStatus
vmk_DeviceGetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get a copy of a device's identity.
 *
 * \note This function will not block.
 * \note vmkemu allocates one block holding the structure and both
 *       strings, each NUL-terminated.
 *
 * \param[in]  heap    Heap to allocate the copy from.
 * \param[in]  device  Device to query.
 * \param[out] devID   Receives the copy; release it with
 *                     vmk_DevicePutDeviceID() on the same heap.
 *
 * \retval VMK_OK         *devID is set.
 * \retval VMK_BAD_PARAM  heap or devID is NULL, or device is not a
 *                        registered device.
 * \retval VMK_NO_MEMORY  The heap could not supply the copy.
 */
VMK_ReturnStatus
vmk_DeviceGetDeviceID(
   vmk_HeapID heap,
   vmk_Device device,
   vmk_DeviceID **devID);

/**
 * \brief Get the registeringDriverData a device was registered with.
 *
 * \note This function will not block.
 *
 * \param[in]  device  Device to query.
 * \param[out] data    Receives the data.
 *
 * \retval VMK_OK         *data is set.
 * \retval VMK_BAD_PARAM  data is NULL or device is not a registered
 *                        device.
 */
VMK_ReturnStatus
vmk_DeviceGetRegisteringDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get the registrationData a device was registered with, normally
 *        called by the attaching driver.
 *
 * \note This function will not block.
 *
 * \param[in]  device  Device to query.
 * \param[out] data    Receives the data.
 *
 * \retval VMK_OK         *data is set.
 * \retval VMK_BAD_PARAM  data is NULL or device is not a registered
 *                        device.
 */
VMK_ReturnStatus
vmk_DeviceGetRegistrationData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Free a device identity obtained from vmk_DeviceGetDeviceID().
 *
 * \note This function will not block.
 *
 * \param[in] heap   Heap the identity was allocated from.
 * \param[in] devID  Identity to free.
 *
 * \retval VMK_OK         The memory is freed.
 * \retval VMK_BAD_PARAM  heap or devID is NULL.
 */
VMK_ReturnStatus
vmk_DevicePutDeviceID(
   vmk_HeapID heap,
   vmk_DeviceID *devID);

/**
 * \brief Add a child device to the device tree.
 *
 * Called by a driver from its scanDevice callback for the parent. The
 * device layer then looks for a driver for the new device and offers it.
 *
 * \note This function will not block by itself; in vmkemu the new
 *       device is offered to its driver before the scan ends.
 * \note vmkemu accepts the call only from the parent's scanDevice
 *       callback, with registeringDriver set to the driver being asked to
 *       scan. The registering driver's module must have a heap.
 *
 * \param[in]  deviceProps  Registering driver, identity, callbacks and
 *                          private data of the new device.
 * \param[in]  parent       Device the new one hangs under.
 * \param[out] newDevice    Receives the handle of the new device.
 *
 * \retval VMK_OK              The device is registered.
 * \retval VMK_BAD_PARAM       A required argument, the device ID or
 *                             removeDevice is missing; the bus type is not
 *                             valid; a string does not match its length;
 *                             parent or registeringDriver is wrong.
 * \retval VMK_NAME_TOO_LONG   The bus address or identifier is too long.
 * \retval VMK_EXISTS          A device with this address is already on
 *                             the bus.
 * \retval VMK_NO_MODULE_HEAP  The registering driver's module has no heap.
 * \retval VMK_NO_MEMORY       No memory for the device object.
 * \retval VMK_NOT_SUPPORTED   vmkemu: not called from the parent's
 *                             scanDevice callback.
 */
VMK_ReturnStatus
vmk_DeviceRegister(
   vmk_DeviceProps *deviceProps,
   vmk_Device parent,
   vmk_Device *newDevice);

/**
 * \brief Drop a reference on a device obtained from a device lookup.
 *
 * \note This function will not block.
 *
 * \param[in] device  Device whose reference is dropped.
 *
 * \retval VMK_OK         The reference is dropped.
 * \retval VMK_BAD_PARAM  device is not a registered device, or no
 *                        reference on it is held (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_DeviceRelease(
   vmk_Device device);

/**
 * \brief Ask the device layer to call the scanDevice callback of a device
 *        again, for example after the hardware reported new children.
 *
 * \note This function may block.
 * \note vmkemu runs the scan before the call returns, or, when called from
 *       a driver callback, as soon as the device layer's current work ends.
 *
 * \param[in] driver  Driver attached to the device.
 * \param[in] device  Device to rescan.
 *
 * \retval VMK_OK             The rescan is done or scheduled.
 * \retval VMK_BAD_PARAM      driver or device is not valid.
 * \retval VMK_NO_PERMISSION  driver is not the driver attached to device.
 * \retval VMK_NO_MEMORY      No memory to record the request.
 */
VMK_ReturnStatus
vmk_DeviceRequestRescan(
   vmk_Driver driver,
   vmk_Device device);

/**
 * \brief Store the attached driver's per-device data with a device,
 *        normally from attachDevice.
 *
 * \note This function will not block.
 *
 * \param[in] device  Device the driver is attached to.
 * \param[in] data    Data to store; returned by
 *                    vmk_DeviceGetAttachedDriverData().
 *
 * \retval VMK_OK         The data is stored.
 * \retval VMK_BAD_PARAM  device is not a registered device.
 */
VMK_ReturnStatus
vmk_DeviceSetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie data);

/**
 * \brief Remove a device from the device tree.
 *
 * Called by the registering driver from the device's removeDevice
 * callback, once the device has no children and no driver attached.
 *
 * \note This function may block.
 * \note vmkemu accepts the call only from the device's removeDevice
 *       callback.
 *
 * \param[in] device  Device to remove.
 *
 * \retval VMK_OK             The device is unregistered.
 * \retval VMK_BAD_PARAM      device is not a registered device.
 * \retval VMK_BUSY           The device still has children, an attached
 *                            driver or outstanding references.
 * \retval VMK_NOT_SUPPORTED  vmkemu: not called from the device's
 *                            removeDevice callback.
 */
VMK_ReturnStatus
vmk_DeviceUnregister(
   vmk_Device device);

/** \} */

#endif /* _VMKAPI_DEVICE_H_ */
