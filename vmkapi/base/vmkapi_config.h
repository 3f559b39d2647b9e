/*
 * base/vmkapi_config.h -- configuration parameters
 *
 * Read access to host configuration options by group and name.
 */

#ifndef _VMKAPI_CONFIG_H_
#define _VMKAPI_CONFIG_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_config.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Config Configuration Parameters
 * \{
 */

/**
 * \brief Configuration group "Disk".
 */
#define VMK_CONFIG_GROUP_DISK "Disk"

/**
 * \brief Configuration group "Misc".
 */
#define VMK_CONFIG_GROUP_MISC "Misc"

/**
 * \brief Configuration group "Net".
 */
#define VMK_CONFIG_GROUP_NET "Net"

/**
 * \brief Configuration group "Nmp".
 */
#define VMK_CONFIG_GROUP_NMP "Nmp"

/**
 * \brief Configuration group "Scsi".
 */
#define VMK_CONFIG_GROUP_SCSI "Scsi"

/**
 * \brief Configuration option holding the host name.
 */
#define VMK_CONFIG_PARAM_HOSTNAME "HostName"

/**
 * \brief Configuration option holding the management IP address.
 */
#define VMK_CONFIG_PARAM_MGMT_IPADDR "ManagementAddr"

/** \brief Config param handle. */
typedef vmk_uint64 vmk_ConfigParamHandle;

/**
 * \brief Close a config param.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_ConfigParamClose(
   vmk_ConfigParamHandle handle);

/**
 * \brief Get the string of a config param.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] value Value.
 * \param[in] size Size in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_ConfigParamGetString(
   vmk_ConfigParamHandle handle,
   char *value,
   vmk_ByteCount size);

/**
 * \brief Get the string size of a config param.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] size Size in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_ConfigParamGetStringSize(
   vmk_ConfigParamHandle handle,
   vmk_ByteCount *size);

/**
 * \brief Get the uint of a config param.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_ConfigParamGetUint(
   vmk_ConfigParamHandle handle,
   unsigned int *value);

/**
 * \brief Open a config param.
 *
 * \note This function will not block.
 *
 * \param[in] groupName Group name.
 * \param[in] paramName Param name.
 * \param[out] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_ConfigParamOpen(
   const char *groupName,
   const char *paramName,
   vmk_ConfigParamHandle *handle);

/** \} */

#endif /* _VMKAPI_CONFIG_H_ */
