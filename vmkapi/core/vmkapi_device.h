/*
 * core/vmkapi_device.h -- devices
 *
 * Registering devices in the device tree and reading their identity and
 * driver data.
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
 * \brief Description of a device ID.
 */
typedef struct {
   /** \brief Bus type. */
   vmk_BusType busType;
   /** \brief Bus address. */
   char *busAddress;
   /** \brief Bus address len. */
   vmk_uint32 busAddressLen;
   /** \brief Bus identifier. */
   char *busIdentifier;
   /** \brief Bus identifier len. */
   vmk_uint32 busIdentifierLen;
} vmk_DeviceID;

/** \brief Callback type: device remove. */
typedef VMK_ReturnStatus (*vmk_DeviceRemove)(vmk_Device);

/**
 * \brief Callbacks of a device.
 */
typedef struct {
   /** \brief Remove device. */
   vmk_DeviceRemove removeDevice;
} vmk_DeviceOps;

/**
 * \brief Properties of a device.
 */
typedef struct {
   /** \brief Registering driver. */
   vmk_Driver registeringDriver;
   /** \brief Device ID. */
   vmk_DeviceID *deviceID;
   /** \brief Device ops. */
   vmk_DeviceOps *deviceOps;
   /** \brief Registering driver data. */
   vmk_AddrCookie registeringDriverData;
   /** \brief Registration data. */
   vmk_AddrCookie registrationData;
} vmk_DeviceProps;

/**
 * \brief Get the attached driver data of a device.
 *
 * \param[in] device Device.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceGetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get the device ID of a device.
 *
 * \param[in] heap Heap.
 * \param[in] device Device.
 * \param[in,out] devID Dev id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceGetDeviceID(
   vmk_HeapID heap,
   vmk_Device device,
   vmk_DeviceID **devID);

/**
 * \brief Get the registering driver data of a device.
 *
 * \param[in] device Device.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceGetRegisteringDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get the registration data of a device.
 *
 * \param[in] device Device.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceGetRegistrationData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Free a device identifier returned by vmk_DeviceGetDeviceID().
 *
 * \param[in] heap Heap.
 * \param[in,out] deviceID Device id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DevicePutDeviceID(
   vmk_HeapID heap,
   vmk_DeviceID *deviceID);

/**
 * \brief Register a device.
 *
 * \param[in,out] props Props.
 * \param[in] parent Parent.
 * \param[in,out] newDevice New device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceRegister(
   vmk_DeviceProps *props,
   vmk_Device parent,
   vmk_Device *newDevice);

/**
 * \brief Release a device.
 *
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceRelease(
   vmk_Device device);

/**
 * \brief Ask the device layer to rescan a device for children.
 *
 * \param[in] driver Driver.
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceRequestRescan(
   vmk_Driver driver,
   vmk_Device device);

/**
 * \brief Set the attached driver data of a device.
 *
 * \param[in] device Device.
 * \param[in] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceSetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie data);

/**
 * \brief Unregister a device.
 *
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceUnregister(
   vmk_Device device);

/** \} */

#endif /* _VMKAPI_DEVICE_H_ */
