/*
 * vmkapi.h -- the single entry point of vmkemu's mirror of the ESXi 6.0 vmkapi
 * (revision 2.3.0.0, public binary-compatible API).
 *
 * Drivers include only this file.  Every header under lib/, base/, core/,
 * hardware/, platform/ and system_health/ refuses to be included on its own.
 * Names, types, values and layouts match ESXi 6.0; the comments and all
 * inline code are vmkemu's own.  The out-of-line functions are implemented by
 * libvmkemu.
 *
 * Devkit switches (as in the ESXi DDK):
 *   VMK_DEVKIT_HAS_API_VMKAPI_BASE, VMK_DEVKIT_USES_PUBLIC_APIS and
 *   VMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS select the base API.  A build
 *   that defines none of the three gets the base API anyway: vmkemu assumes
 *   the base devkit rather than showing an empty header.
 *   VMK_DEVKIT_USES_DEPRECATED_APIS adds the deprecated IRQ spinlock calls
 *   and vmk_WorldWaitIRQ().
 *   VMK_DEVKIT_HAS_API_VMKAPI_DEVICE adds the PCI and interrupt API.
 *   VMK_DEVKIT_HAS_NATIVE_DDK drops the legacy character-device API.
 *
 * Kernel and user mode: ESXi modules are built with __KERNEL__ (kernel mode);
 * without it ESXi's headers expose only a small user-level subset.  vmkemu
 * runs everything in a user process, so user mode (no __KERNEL__, or
 * USERLEVEL) defines VMK_BUILDING_FOR_USER_MODE instead of
 * VMK_BUILDING_FOR_KERNEL_MODE but declares exactly the same API: tests and
 * the runtime itself can use any vmk_* call.
 *
 * Debug builds: VMX86_DEBUG enables VMK_ASSERT, the debug-only lock and
 * world assertions and vmk_LogDebug, as on ESXi.
 *
 * C++: the declarations have C linkage.
 */

#ifndef _VMKAPI_H_
#define _VMKAPI_H_

/** \brief Major part of the vmkapi revision these headers describe. */
#define VMKAPI_REVISION_MAJOR 2
/** \brief Minor part of the vmkapi revision. */
#define VMKAPI_REVISION_MINOR 3
/** \brief Update part of the vmkapi revision. */
#define VMKAPI_REVISION_UPDATE 0
/** \brief Patch level of the vmkapi revision. */
#define VMKAPI_REVISION_PATCH_LEVEL 0
/** \brief The vmkapi revision, packed (pass to vmk_ModuleRegister()). */
#define VMKAPI_REVISION VMK_REVISION_NUMBER(VMKAPI)

#if defined(USERLEVEL) || !defined(__KERNEL__)
/** \brief Defined when building user-level code (same API under vmkemu). */
#define VMK_BUILDING_FOR_USER_MODE
#else
/** \brief Defined when building a kernel module. */
#define VMK_BUILDING_FOR_KERNEL_MODE
#endif

#if !defined(VMK_DEVKIT_HAS_API_VMKAPI_BASE) &&                        \
    !defined(VMK_DEVKIT_USES_PUBLIC_APIS) &&                           \
    !defined(VMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS)
#define VMK_DEVKIT_HAS_API_VMKAPI_BASE
#define VMK_DEVKIT_USES_PUBLIC_APIS
#define VMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS
#endif

#include <stdarg.h>

/* Lets the sub-headers check that they are included from here. */
#define VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H

#if defined(__cplusplus)
extern "C" {
#endif

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_BASE) &&                         \
    defined(VMK_DEVKIT_USES_PUBLIC_APIS) &&                            \
    defined(VMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS)

/*
 * Headers in dependency order: every type is complete before a later
 * header uses it.  Items of the deprecated and device tiers are gated inside
 * their headers.
 */
#include "lib/vmkapi_compiler.h"
#include "lib/vmkapi_const.h"
#include "base/vmkapi_status.h"
#include "lib/vmkapi_types.h"
#include "lib/vmkapi_util.h"
#include "base/vmkapi_module_const.h"
#include "base/vmkapi_worldlet_types.h"
#include "base/vmkapi_module_types.h"
#include "base/vmkapi_assert.h"
#include "lib/vmkapi_list.h"
#include "lib/vmkapi_name.h"
#include "lib/vmkapi_revision.h"
#include "base/vmkapi_mgmt_types.h"
#include "core/vmkapi_cpu.h"
#include "platform/x86/vmkapi_pagetable.h"
#include "core/vmkapi_memdefs.h"
#include "base/vmkapi_platform.h"
#include "base/vmkapi_atomic.h"
#include "base/vmkapi_char.h"
#if !defined(VMK_DEVKIT_HAS_NATIVE_DDK)
#include "base/vmkapi_char_legacy.h"
#endif
#include "base/vmkapi_config.h"
#include "core/vmkapi_device_types.h"
#include "platform/x86/vmkapi_ioport_types.h"
#include "platform/x86/vmkapi_ioresource.h"
#include "core/vmkapi_mapping.h"
#include "core/vmkapi_mempool.h"
#include "base/vmkapi_heap.h"
#include "core/vmkapi_lock_domain.h"
#include "core/vmkapi_spinlock.h"
#include "hardware/vmkapi_intr_types.h"
#include "base/vmkapi_world.h"
#include "base/vmkapi_helper.h"
#include "base/vmkapi_logging.h"
#include "base/vmkapi_mgmt.h"
#include "base/vmkapi_module_int.h"
#include "base/vmkapi_module_ns.h"
#include "base/vmkapi_module.h"
#include "base/vmkapi_sem.h"
#include "base/vmkapi_slab.h"
#include "base/vmkapi_stress.h"
#include "base/vmkapi_system.h"
#include "base/vmkapi_time.h"
#include "base/vmkapi_versioned_atomic.h"
#include "core/vmkapi_spinlock_deprecated.h"
#include "base/vmkapi_world_deprecated.h"
#include "core/vmkapi_accounting.h"
#include "core/vmkapi_bus.h"
#include "core/vmkapi_device.h"
#include "core/vmkapi_scatter_gather.h"
#include "core/vmkapi_dma.h"
#include "core/vmkapi_driver.h"
#include "core/vmkapi_dump.h"
#include "core/vmkapi_largespace.h"
#include "core/vmkapi_logical_bus.h"
#include "core/vmkapi_machine_memory.h"
#include "core/vmkapi_pageslab.h"
#include "core/vmkapi_pcpustorage.h"
#include "core/vmkapi_scatter_gather_virt.h"
#include "core/vmkapi_user.h"
#include "core/vmkapi_vmuuid.h"
#include "core/vmkapi_worldstorage.h"
#include "hardware/vmkapi_intr.h"
#include "hardware/vmkapi_pci_types.h"
#include "hardware/vmkapi_pci.h"
#include "hardware/vmkapi_psa_types.h"
#include "lib/vmkapi_bits.h"
#include "lib/vmkapi_libc.h"
#include "lib/vmkapi_bitvector.h"
#include "lib/vmkapi_slist.h"
#include "lib/vmkapi_cslist.h"
#include "lib/vmkapi_hash.h"
#include "lib/vmkapi_parse.h"
#include "lib/vmkapi_priq.h"
#include "lib/vmkapi_string.h"
#include "platform/x86/vmkapi_ioport.h"
#include "system_health/vmkapi_vob.h"

#endif /* base devkit */

#if defined(__cplusplus)
} /* extern "C" */
#endif

#undef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H

#endif /* _VMKAPI_H_ */
