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
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[out] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DeviceGetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get the device ID of a device.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in] device Device handle.
 * \param[out] devID Dev id.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_DeviceGetDeviceID(
   vmk_HeapID heap,
   vmk_Device device,
   vmk_DeviceID **devID);

/**
 * \brief Get the registering driver data of a device.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[out] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DeviceGetRegisteringDriverData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Get the registration data of a device.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[out] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DeviceGetRegistrationData(
   vmk_Device device,
   vmk_AddrCookie *data);

/**
 * \brief Free a device identifier returned by vmk_DeviceGetDeviceID().
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in] devID Dev id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DevicePutDeviceID(
   vmk_HeapID heap,
   vmk_DeviceID *devID);

/**
 * \brief Register a device.
 *
 * \note This function will not block.
 *
 * \param[in] deviceProps Device props.
 * \param[in] parent Device handle.
 * \param[out] newDevice New device.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_SUPPORTED Not supported (or not emulated).
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_EXISTS The object already exists.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 * \retval VMK_NAME_TOO_LONG The name is too long.
 */
VMK_ReturnStatus
vmk_DeviceRegister(
   vmk_DeviceProps *deviceProps,
   vmk_Device parent,
   vmk_Device *newDevice);

/**
 * \brief Release a device.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DeviceRelease(
   vmk_Device device);

/**
 * \brief Ask the device layer to rescan a device for children.
 *
 * \note This function may block.
 *
 * \param[in] driver Driver handle.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_DeviceRequestRescan(
   vmk_Driver driver,
   vmk_Device device);

/**
 * \brief Set the attached driver data of a device.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DeviceSetAttachedDriverData(
   vmk_Device device,
   vmk_AddrCookie data);

/**
 * \brief Unregister a device.
 *
 * \note This function may block.
 *
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DeviceUnregister(
   vmk_Device device);

/** \} */

#endif /* _VMKAPI_DEVICE_H_ */
