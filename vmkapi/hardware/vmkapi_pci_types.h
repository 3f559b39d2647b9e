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
 * \{
 */

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkPCIDevIterator;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkPCIDevice;

/** \brief Handle to a PCI dev iterator. */
typedef struct vmkPCIDevIterator *vmk_PCIDevIterator;

/**
 * \brief Values of PCI dev iterator type.
 */
typedef enum vmk_PCIDevIteratorType {
   /** \brief Pci dev iterator type no order. */
   VMK_PCI_DEV_ITERATOR_TYPE_NO_ORDER = 0,
} vmk_PCIDevIteratorType;

/** \brief Handle to a PCI device. */
typedef struct vmkPCIDevice *vmk_PCIDevice;

/**
 * \brief Values of PCI interrupt type.
 */
typedef enum vmk_PCIInterruptType {
   /** \brief None. */
   VMK_PCI_INTERRUPT_TYPE_NONE = 0,
   /** \brief Legacy. */
   VMK_PCI_INTERRUPT_TYPE_LEGACY = 1,
   /** \brief Msi. */
   VMK_PCI_INTERRUPT_TYPE_MSI = 2,
   /** \brief Msix. */
   VMK_PCI_INTERRUPT_TYPE_MSIX = 3,
} vmk_PCIInterruptType;

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_PCI_TYPES_H_ */
