/*
 * hardware/vmkapi_psa_types.h -- storage bus identifiers
 *
 * Bus identifiers of storage adapters. Device devkit only.
 */

#ifndef _VMKAPI_PSA_TYPES_H_
#define _VMKAPI_PSA_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "hardware/vmkapi_psa_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_PCI
 * \{
 */

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/**
 * \brief Bus identifier of storage adapter ports.
 */
#define VMK_SCSI_PSA_DRIVER_BUS_ID "com.vmware.HBAPort"

/**
 * \brief Bus identifier of virtual storage adapter ports.
 */
#define VMK_SCSI_PSA_DRIVER_VPORT_BUS_ID "com.vmware.Virtual_HBAPort"

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_PSA_TYPES_H_ */
