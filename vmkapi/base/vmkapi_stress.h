/*
 * base/vmkapi_stress.h -- stress options
 *
 * Named stress (fault injection) options a driver can poll. vmkemu lets
 * tests set them.
 */

#ifndef _VMKAPI_STRESS_H_
#define _VMKAPI_STRESS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_stress.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Stress Stress Options
 * \{
 */

/**
 * \brief Name of the stress option "NetBlockDevIsSluggish" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_BLOCK_DEV_IS_SLUGGISH "NetBlockDevIsSluggish"

/**
 * \brief Name of the stress option "NetGenTinyArpRarp" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_GEN_TINY_ARP_RARP "NetGenTinyArpRarp"

/**
 * \brief Name of the stress option "NetIfCorruptEthHdr" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_ETHERNET_HDR "NetIfCorruptEthHdr"

/**
 * \brief Name of the stress option "NetIfCorruptRxData" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_RX_DATA "NetIfCorruptRxData"

/**
 * \brief Name of the stress option "NetIfCorruptRxTcpUdp" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_RX_TCP_UDP "NetIfCorruptRxTcpUdp"

/**
 * \brief Name of the stress option "NetIfCorruptTx" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_TX "NetIfCorruptTx"

/**
 * \brief Name of the stress option "NetIfFailHardTx" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_HARD_TX "NetIfFailHardTx"

/**
 * \brief Name of the stress option "NetIfFailRx" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_RX "NetIfFailRx"

/**
 * \brief Name of the stress option "NetIfFailTxAndStopQueue" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_TX_AND_STOP_QUEUE "NetIfFailTxAndStopQueue"

/**
 * \brief Name of the stress option "NetIfForceHighDMAOverflow" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FORCE_HIGH_DMA_OVERFLOW "NetIfForceHighDMAOverflow"

/**
 * \brief Name of the stress option "NetIfForceRxSWCsum" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FORCE_RX_SW_CSUM "NetIfForceRxSWCsum"

/**
 * \brief Name of the stress option "NetNapiForceBackupWorldlet" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_NAPI_FORCE_BACKUP_WORLDLET "NetNapiForceBackupWorldlet"

/**
 * \brief Name of the stress option "ScsiAdapterIssueFail" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_SCSI_ADAPTER_ISSUE_FAIL "ScsiAdapterIssueFail"

/**
 * \brief Name of the stress option "USBBulkDelayProcessURB" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_BULK_DELAY_PROCESS_URB "USBBulkDelayProcessURB"

/**
 * \brief Name of the stress option "USBBulkURBFakeTransientError" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_BULK_URB_FAKE_TRANSIENT_ERROR "USBBulkURBFakeTransientError"

/**
 * \brief Name of the stress option "USBDelayProcessTD" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_DELAY_PROCESS_TD "USBDelayProcessTD"

/**
 * \brief Name of the stress option "USBFailGPHeapAlloc" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_FAIL_GP_HEAP_ALLOC "USBFailGPHeapAlloc"

/**
 * \brief Name of the stress option "USBStorageDelaySCSIDataPhase" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_STORAGE_DELAY_SCSI_DATA_PHASE "USBStorageDelaySCSIDataPhase"

/**
 * \brief Name of the stress option "USBStorageDelaySCSITransfer" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_STORAGE_DELAY_SCSI_TRANSFER "USBStorageDelaySCSITransfer"

/**
 * \brief Name of the stress option "VmkLinuxAbortCmdFailure" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_VMKLINUX_ABORT_CMD_FAILURE "VmkLinuxAbortCmdFailure"

/**
 * \brief Name of the stress option "VmkLinuxDropCmdScsiDone" (pass to vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_VMKLINUX_DROP_CMD_SCSI_DONE "VmkLinuxDropCmdScsiDone"

/** \brief Stress option handle. */
typedef vmk_uint64 vmk_StressOptionHandle;

/**
 * \brief Close a stress option.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StressOptionClose(
   vmk_StressOptionHandle handle);

/**
 * \brief Whether a stress option fires on this call (counter trigger).
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] result Result.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StressOptionCounter(
   vmk_StressOptionHandle handle,
   vmk_Bool *result);

/**
 * \brief Open a stress option.
 *
 * \note This function will not block.
 *
 * \param[in] name Name.
 * \param[out] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StressOptionOpen(
   const char *name,
   vmk_StressOptionHandle *handle);

/**
 * \brief A random value bounded by a stress option's value.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] result Result.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StressOptionRandValue(
   vmk_StressOptionHandle handle,
   vmk_uint32 *result);

/**
 * \brief Value of a stress option.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[out] result Result.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StressOptionValue(
   vmk_StressOptionHandle handle,
   vmk_uint32 *result);

/** \} */

#endif /* _VMKAPI_STRESS_H_ */
