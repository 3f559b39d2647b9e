/*
 * hardware/vmkapi_pci_types.h -- PCI handle types
 *
 * PCI device and iterator handles. Device devkit only
 * (VMK_DEVKIT_HAS_API_VMKAPI_DEVICE).
 */

#ifndef _VMKAPI_PCI_TYPES_H_
#define _VMKAPI_PCI_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "hardware/vmkapi_pci_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PCI PCI
 *
 * \brief PCI functions as seen by their drivers.
 *
 * A PCI driver attaches to a vmk_Device; vmk_DeviceGetRegistrationData()
 * on it yields the vmk_PCIDevice handle used by the functions here.
 *
 * \note In vmkemu the PCI functions are simulated: a test describes their
 *       configuration space, BARs and capabilities with EmuCtl_ calls and
 *       can hot-add and remove them.
 * \{
 */

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/** \brief Private structure behind a vmk_PCIDevIterator. */
struct vmkPCIDevIterator;

/** \brief Private structure behind a vmk_PCIDevice. */
struct vmkPCIDevice;

/** \brief Handle to an iterator over the system's PCI functions. */
typedef struct vmkPCIDevIterator *vmk_PCIDevIterator;

/**
 * \brief Order in which a PCI function iterator visits the functions.
 */
typedef enum vmk_PCIDevIteratorType {
   /** \brief No particular order. */
   VMK_PCI_DEV_ITERATOR_TYPE_NO_ORDER = 0,
} vmk_PCIDevIteratorType;

/** \brief Handle to one PCI function. */
typedef struct vmkPCIDevice *vmk_PCIDevice;

/**
 * \brief Kind of interrupt a PCI function signals.
 */
typedef enum vmk_PCIInterruptType {
   /** \brief No interrupt. */
   VMK_PCI_INTERRUPT_TYPE_NONE = 0,
   /** \brief Legacy INTx pin interrupt, possibly shared. */
   VMK_PCI_INTERRUPT_TYPE_LEGACY = 1,
   /**
    * \brief Message-signalled interrupts (up to 32 vectors, a power of two).
    */
   VMK_PCI_INTERRUPT_TYPE_MSI = 2,
   /** \brief MSI-X: a table of independently steerable vectors. */
   VMK_PCI_INTERRUPT_TYPE_MSIX = 3,
} vmk_PCIInterruptType;

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_PCI_TYPES_H_ */
