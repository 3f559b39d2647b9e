/*
 * base/vmkapi_config.h -- host configuration parameters
 *
 * Reading the host's advanced configuration options (the values of
 * esxcli system settings advanced) by group and name.
 */

#ifndef _VMKAPI_CONFIG_H_
#define _VMKAPI_CONFIG_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_config.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Config Configuration Parameters
 *
 * \brief Reading host configuration options.
 *
 * Open an option by group and name, read it as an unsigned integer or a
 * string, and close the handle.
 *
 * \note vmkemu keeps the options in an in-memory table with a few
 *       built-in entries; tests add, change and remove options with
 *       EmuCtl_Config* calls. A handle reads the current value each time.
 *       Handles left open at shutdown are listed as leaks.
 * \{
 */

/** \brief Name of the group of disk options. */
#define VMK_CONFIG_GROUP_DISK "Disk"

/** \brief Name of the group of miscellaneous options. */
#define VMK_CONFIG_GROUP_MISC "Misc"

/** \brief Name of the group of networking options. */
#define VMK_CONFIG_GROUP_NET "Net"

/** \brief Name of the group of native multipathing options. */
#define VMK_CONFIG_GROUP_NMP "Nmp"

/** \brief Name of the group of SCSI options. */
#define VMK_CONFIG_GROUP_SCSI "Scsi"

/** \brief Option (in the Misc group) holding the host name. */
#define VMK_CONFIG_PARAM_HOSTNAME "HostName"

/** \brief Option (in the Misc group) holding the management IP address. */
#define VMK_CONFIG_PARAM_MGMT_IPADDR "ManagementAddr"

/** \brief Handle to an open configuration option. */
typedef vmk_uint64 vmk_ConfigParamHandle;

/**
 * \brief Close a handle from vmk_ConfigParamOpen().
 *
 * \note This function will not block.
 *
 * \param[in] handle  Handle to close.
 *
 * \retval VMK_OK         The handle is closed.
 * \retval VMK_BAD_PARAM  handle is not an open handle.
 */
VMK_ReturnStatus
vmk_ConfigParamClose(
   vmk_ConfigParamHandle handle);

/**
 * \brief Read the value of a string option.
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open handle of a string option.
 * \param[out] value   Buffer that receives the NUL-terminated value.
 * \param[in]  size    Size of value in bytes; see
 *                     vmk_ConfigParamGetStringSize().
 *
 * \retval VMK_OK              The whole value was copied.
 * \retval VMK_LIMIT_EXCEEDED  The buffer was too small; the value was cut
 *                             and terminated.
 * \retval VMK_BAD_PARAM       value is NULL, size is 0, the handle is not
 *                             open, or the option is not a string (or was
 *                             removed).
 */
VMK_ReturnStatus
vmk_ConfigParamGetString(
   vmk_ConfigParamHandle handle,
   char *value,
   vmk_ByteCount size);

/**
 * \brief Tell how big a buffer the value of a string option needs.
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open handle of a string option.
 * \param[out] size    Receives the length of the value plus one for the
 *                     terminator.
 *
 * \retval VMK_OK         *size is set.
 * \retval VMK_BAD_PARAM  size is NULL, the handle is not open, or the
 *                        option is not a string.
 */
VMK_ReturnStatus
vmk_ConfigParamGetStringSize(
   vmk_ConfigParamHandle handle,
   vmk_ByteCount *size);

/**
 * \brief Read the value of an integer option.
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open handle of an integer option.
 * \param[out] value   Receives the value.
 *
 * \retval VMK_OK         *value is set.
 * \retval VMK_BAD_PARAM  value is NULL, the handle is not open, or the
 *                        option is not an integer (or was removed).
 */
VMK_ReturnStatus
vmk_ConfigParamGetUint(
   vmk_ConfigParamHandle handle,
   unsigned int *value);

/**
 * \brief Open a configuration option for reading.
 *
 * \note This function will not block.
 *
 * \param[in]  groupName  Group of the option, for example
 *                        VMK_CONFIG_GROUP_MISC.
 * \param[in]  paramName  Name of the option within the group.
 * \param[out] handle     Receives the handle; close it with
 *                        vmk_ConfigParamClose().
 *
 * \retval VMK_OK         *handle is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or no such option exists.
 * \retval VMK_NO_MEMORY  No memory for the handle.
 */
VMK_ReturnStatus
vmk_ConfigParamOpen(
   const char *groupName,
   const char *paramName,
   vmk_ConfigParamHandle *handle);

/** \} */

#endif /* _VMKAPI_CONFIG_H_ */
