/*
 * core/vmkapi_driver.h -- drivers
 *
 * Registering a driver and the callbacks the device layer invokes on it.
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

/** \brief Callback type: driver attach device. */
typedef VMK_ReturnStatus (*vmk_DriverAttachDevice)(vmk_Device);

/** \brief Callback type: driver detach device. */
typedef VMK_ReturnStatus (*vmk_DriverDetachDevice)(vmk_Device);

/** \brief Callback type: driver forget device. */
typedef void (*vmk_DriverForgetDevice)(vmk_Device);

/** \brief Callback type: driver quiesce device. */
typedef VMK_ReturnStatus (*vmk_DriverQuiesceDevice)(vmk_Device);

/** \brief Callback type: driver scan device. */
typedef VMK_ReturnStatus (*vmk_DriverScanDevice)(vmk_Device);

/** \brief Callback type: driver start device. */
typedef VMK_ReturnStatus (*vmk_DriverStartDevice)(vmk_Device);

/**
 * \brief Callbacks of a driver.
 */
typedef struct {
   /** \brief Attach device. */
   vmk_DriverAttachDevice attachDevice;
   /** \brief Scan device. */
   vmk_DriverScanDevice scanDevice;
   /** \brief Detach device. */
   vmk_DriverDetachDevice detachDevice;
   /** \brief Quiesce device. */
   vmk_DriverQuiesceDevice quiesceDevice;
   /** \brief Start device. */
   vmk_DriverStartDevice startDevice;
   /** \brief Forget device. */
   vmk_DriverForgetDevice forgetDevice;
} vmk_DriverOps;

/**
 * \brief Properties of a driver.
 */
typedef struct {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Ops. */
   vmk_DriverOps *ops;
   /** \brief Private data. */
   vmk_AddrCookie privateData;
} vmk_DriverProps;

/**
 * \brief Get the private data of a driver.
 *
 * \note This function will not block.
 *
 * \param[in] driver Driver handle.
 * \param[out] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DriverGetPrivateData(
   vmk_Driver driver,
   vmk_AddrCookie *data);

/**
 * \brief Register a driver.
 *
 * \note This function will not block.
 *
 * \param[in] driverProps Driver props.
 * \param[out] driver Driver.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_EXISTS The object already exists.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_DriverRegister(
   vmk_DriverProps *driverProps,
   vmk_Driver *driver);

/**
 * \brief Unregister a driver.
 *
 * \note This function will not block.
 *
 * \param[in] driver Driver handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DriverUnregister(
   vmk_Driver driver);

/** \} */

#endif /* _VMKAPI_DRIVER_H_ */
