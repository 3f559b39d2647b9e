/*
 * vmk_pci.c -- hardware/vmkapi_pci.h over emu/dev/pci.c.
 *
 * Decisions where the ESXi documentation is silent or loose:
 * - moduleID must name a live module (VMK_BAD_PARAM); access permission is
 *   not checked beyond that.
 * - Configuration accesses: access size 1, 2 or 4 and naturally aligned
 *   (VMK_BAD_PARAM), inside the 256-byte (PCI) or 4 KiB (PCIe) space
 *   (VMK_LIMIT_EXCEEDED).  Reads of a surprise-removed function give
 *   all-ones with VMK_OK, as the hardware would.
 * - vmk_PCIMapIOResource reserves the whole BAR; mapping it again before
 *   unmapping is VMK_NO_RESOURCES.  A memory BAR's mappedAddress is the
 *   host memory behind it; an I/O BAR's is its first port, to be used
 *   with vmk_IOPort* and the reservation.
 * - vmk_PCIAllocIntrCookie grants min(desired, what the capability
 *   offers), rounded down to a power of two for MSI; fewer than required
 *   is VMK_NO_RESOURCES; a second allocation before
 *   vmk_PCIFreeIntrCookie is VMK_BAD_PARAM; a missing capability (no
 *   interrupt pin, no MSI, no MSI-X) is VMK_NOT_SUPPORTED; a
 *   surprise-removed function is VMK_IO_ERROR.  indexArray picks MSI-X
 *   table entries (each below the table size, no repeats).
 * - vmk_PCIFreeIntrCookie with handlers still registered is a MISUSE
 *   report; the handlers are dropped.
 * - The iterator walks functions (virtual ones included) in the order
 *   they appeared; past the last one vmk_PCIDevIteratorGetFirst/GetNext
 *   return VMK_NOT_FOUND.  It is allocated from the given heap.
 * - SR-IOV: *numVFs (1 .. the props' totalVFs) VFs are created; enabling
 *   twice is VMK_BAD_PARAM; vmk_PCIDisableVFs with a VF still registered
 *   is VMK_FAILURE.  vmk_PCIRegisterVF works from the PF driver's
 *   scanDevice only (VMK_FAILURE otherwise); vmk_PCIUnregisterVF from
 *   the VF's removeVF only (VMK_FAILURE otherwise).  vmk_PCIGetVFPCIDevice
 *   with an index past the enabled VFs is VMK_BAD_PARAM.
 * - vmk_PCIEnablePME / DisablePME set or clear PME_En in the power
 *   management capability; VMK_NOT_SUPPORTED when the function does not
 *   advertise PME.
 * - A NULL handle is VMK_BAD_PARAM; a stale or foreign one is a
 *   DEAD_HANDLE report, then VMK_BAD_PARAM.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "dev/pci.h"
#include "mod/module.h"

struct pci_iter {
   uint32_t    i_magic;
   vmk_HeapID  i_heap;
   uint64_t    i_seq;
};

static struct emu_pci *
pci_get(vmk_PCIDevice device, const char *fn, const void *caller)
{
   struct emu_pci *p = (struct emu_pci *)device;

   return emu_pci_check(p, fn, caller) == EMU_OK ? p : NULL;
}

static VMK_ReturnStatus
pci_status(emu_status_t st)
{
   switch (st) {
   case EMU_LIMIT:   return VMK_LIMIT_EXCEEDED;
   case EMU_NOTSUP:  return VMK_NOT_SUPPORTED;
   default:          return emu_api_status(st);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIReadConfig(vmk_ModuleID moduleID, vmk_PCIDevice device,
                  vmk_PCIConfigAccess accessType, vmk_uint16 offset,
                  vmk_uint32 *data)
{
   struct emu_pci *p;

   if (data == NULL || !emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return pci_status(emu_pci_cfg_read(p, offset, (uint32_t)accessType,
                                      data, 0));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIWriteConfig(vmk_ModuleID moduleID, vmk_PCIDevice device,
                   vmk_PCIConfigAccess accessType, vmk_uint16 offset,
                   vmk_uint32 data)
{
   struct emu_pci *p;

   if (!emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return pci_status(emu_pci_cfg_write(p, offset, (uint32_t)accessType,
                                       data, 0));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIQueryDeviceID(vmk_PCIDevice pciDevice, vmk_PCIDeviceID *devID)
{
   struct emu_pci *p;
   uint32_t v[4];

   if (devID == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(pciDevice, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   (void)emu_pci_cfg_read(p, 0x00, 4, &v[0], 1);
   (void)emu_pci_cfg_read(p, 0x08, 4, &v[1], 1);
   (void)emu_pci_cfg_read(p, 0x2c, 4, &v[2], 1);
   devID->vendorID = (vmk_uint16)v[0];
   devID->deviceID = (vmk_uint16)(v[0] >> 16);
   devID->classCode = (vmk_uint16)(v[1] >> 16);          /* base << 8 | sub */
   devID->progIFRevID = (vmk_uint16)(((v[1] >> 8) & 0xff) << 8 |
                                     (v[1] & 0xff));
   devID->subVendorID = (vmk_uint16)v[2];
   devID->subDeviceID = (vmk_uint16)(v[2] >> 16);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIQueryDeviceAddr(vmk_PCIDevice pciDevice, vmk_PCIDeviceAddr *sbdf)
{
   struct emu_pci *p;

   if (sbdf == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(pciDevice, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   *sbdf = p->p_addr;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIQueryIOResources(vmk_PCIDevice pciDevice, vmk_uint8 numBars,
                        vmk_PCIResource *resources)
{
   struct emu_pci *p;
   unsigned i;

   if (resources == NULL || numBars == 0 || numBars > VMK_PCI_NUM_BARS) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(pciDevice, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < numBars; i++) {
      const struct emu_pci_bar *b = &p->p_bars[i];

      memset(&resources[i], 0, sizeof resources[i]);
      if (b->b_type == EMUCTL_PCI_BAR_NONE) {
         continue;
      }
      resources[i].start = b->b_addr;
      resources[i].size = b->b_size;
      switch (b->b_type) {
      case EMUCTL_PCI_BAR_IO:
         resources[i].flags = VMK_PCI_BAR_FLAGS_IO;
         break;
      case EMUCTL_PCI_BAR_MEM64:
         resources[i].flags = VMK_PCI_BAR_FLAGS_MEM_64_BITS;
         break;
      default:
         break;
      }
      if (b->b_prefetch) {
         resources[i].flags |= VMK_PCI_BAR_FLAGS_MEM_PREFETCHABLE;
      }
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIMapIOResource(vmk_ModuleID moduleID, vmk_PCIDevice device,
                     vmk_uint8 pciBar, vmk_IOReservation *reservation,
                     vmk_VA *mappedAddress)
{
   struct emu_pci *p;
   struct emu_ioresv *v = NULL;
   uint64_t va = 0;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (reservation == NULL || mappedAddress == NULL ||
       !emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_map(p, moduleID, pciBar, EMU_CALLER(), &v, &va);
   if (st == EMU_BUSY || st == EMU_NOMEM) {
      return VMK_NO_RESOURCES;
   }
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *reservation = (vmk_IOReservation)v;
   *mappedAddress = (vmk_VA)va;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIUnmapIOResource(vmk_ModuleID moduleID, vmk_PCIDevice device,
                       vmk_uint8 pciBar)
{
   struct emu_pci *p;

   EMU_MAY_BLOCK();
   if (!emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_pci_unmap(p, pciBar) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIFindCapability(vmk_PCIDevice device, vmk_uint8 capID,
                      vmk_uint16 *capOffset)
{
   struct emu_pci *p;

   if (capOffset == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_pci_find_cap(p, capID, capOffset));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIAllocIntrCookie(vmk_ModuleID moduleID, vmk_PCIDevice device,
                       vmk_PCIInterruptType type, vmk_uint32 numIntrsDesired,
                       vmk_uint32 numIntrsRequired, vmk_uint16 *indexArray,
                       vmk_IntrCookie *intrArray,
                       vmk_uint32 *numIntrsAlloced)
{
   struct emu_pci *p;
   uint32_t got = 0;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (intrArray == NULL || numIntrsAlloced == NULL ||
       !emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_intr_alloc(p, moduleID, type, numIntrsDesired,
                           numIntrsRequired, indexArray, intrArray, &got);
   switch (st) {
   case EMU_OK:      *numIntrsAlloced = got; return VMK_OK;
   case EMU_LIMIT:   return VMK_NO_RESOURCES;
   case EMU_NOTSUP:  return VMK_NOT_SUPPORTED;
   case EMU_EXISTS:  return VMK_BAD_PARAM;
   case EMU_FAILURE: return VMK_IO_ERROR;
   default:          return emu_api_status(st);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIFreeIntrCookie(vmk_ModuleID moduleID, vmk_PCIDevice device)
{
   struct emu_pci *p;

   EMU_MAY_BLOCK();
   if (!emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_pci_intr_free(p, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDevIteratorAlloc(vmk_HeapID heap, vmk_PCIDevIteratorType type,
                        vmk_PCIDevIterator *iterator)
{
   struct pci_iter *it;

   EMU_MAY_BLOCK();
   if (heap == NULL || iterator == NULL ||
       type != VMK_PCI_DEV_ITERATOR_TYPE_NO_ORDER) {
      return VMK_BAD_PARAM;
   }
   it = vmk_HeapAllocWithRA(heap, sizeof *it, EMU_CALLER());
   if (it == NULL) {
      return VMK_FAILURE;
   }
   it->i_magic = EMU_PCI_ITER_MAGIC;
   it->i_heap = heap;
   it->i_seq = 0;
   *iterator = (vmk_PCIDevIterator)it;
   return VMK_OK;
}

static struct pci_iter *
iter_get(vmk_PCIDevIterator iterator)
{
   struct pci_iter *it = (struct pci_iter *)iterator;

   return it != NULL && it->i_magic == EMU_PCI_ITER_MAGIC ? it : NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDevIteratorFree(vmk_PCIDevIterator iterator)
{
   struct pci_iter *it = iter_get(iterator);

   EMU_MAY_BLOCK();
   if (it == NULL) {
      return VMK_BAD_PARAM;
   }
   it->i_magic = 0;
   vmk_HeapFree(it->i_heap, it);
   return VMK_OK;
}

static VMK_ReturnStatus
iter_step(struct pci_iter *it, vmk_PCIDevice *dev)
{
   struct emu_pci *p = emu_pci_next(it->i_seq);

   if (p == NULL) {
      return VMK_NOT_FOUND;
   }
   it->i_seq = p->p_seq;
   *dev = (vmk_PCIDevice)p;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDevIteratorGetFirst(vmk_PCIDevIterator iterator, vmk_PCIDevice *dev)
{
   struct pci_iter *it = iter_get(iterator);

   EMU_MAY_BLOCK();
   if (it == NULL || dev == NULL) {
      return VMK_BAD_PARAM;
   }
   it->i_seq = 0;
   return iter_step(it, dev);
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDevIteratorGetNext(vmk_PCIDevIterator iterator, vmk_PCIDevice *dev)
{
   struct pci_iter *it = iter_get(iterator);

   EMU_MAY_BLOCK();
   if (it == NULL || dev == NULL) {
      return VMK_BAD_PARAM;
   }
   return iter_step(it, dev);
}

static VMK_ReturnStatus
pci_pme(vmk_ModuleID moduleID, vmk_PCIDevice device, int enable,
        const char *fn, const void *caller)
{
   struct emu_pci *p;

   if (!emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, fn, caller);
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return pci_status(emu_pci_pme(p, enable));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIEnablePME(vmk_ModuleID moduleID, vmk_PCIDevice device)
{
   return pci_pme(moduleID, device, 1, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDisablePME(vmk_ModuleID moduleID, vmk_PCIDevice device)
{
   return pci_pme(moduleID, device, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIEnableVFs(vmk_PCIDevice pf, vmk_uint16 *numVFs)
{
   struct emu_pci *p;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (numVFs == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(pf, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_enable_vfs(p, numVFs);
   switch (st) {
   case EMU_OK:     return VMK_OK;
   case EMU_NOMEM:  return VMK_FAILURE;
   case EMU_NOTSUP: return VMK_BAD_PARAM;
   case EMU_EXISTS: return VMK_BAD_PARAM;
   default:         return emu_api_status(st);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIDisableVFs(vmk_PCIDevice pf)
{
   struct emu_pci *p;
   emu_status_t st;

   EMU_MAY_BLOCK();
   p = pci_get(pf, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_disable_vfs(p);
   return st == EMU_BUSY ? VMK_FAILURE : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIGetVFPCIDevice(vmk_PCIDevice device, vmk_uint16 uint16,
                      vmk_PCIDevice *deviceOut)
{
   struct emu_pci *p;
   VMK_ReturnStatus status = VMK_BAD_PARAM;

   if (deviceOut == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&p->p_lock);
   if (uint16 < p->p_numvfs) {
      *deviceOut = (vmk_PCIDevice)p->p_vfs[uint16];
      status = VMK_OK;
   }
   emu_mutex_unlock(&p->p_lock);
   return status;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIGetPFPCIDevice(vmk_PCIDevice vf, vmk_PCIDevice *pf)
{
   struct emu_pci *p;

   if (pf == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(vf, __func__, EMU_CALLER());
   if (p == NULL || p->p_pf == NULL) {
      return VMK_BAD_PARAM;
   }
   *pf = (vmk_PCIDevice)p->p_pf;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCISetVFPrivateData(vmk_PCIDevice vf, vmk_AddrCookie privateData)
{
   struct emu_pci *p = pci_get(vf, __func__, EMU_CALLER());

   if (p == NULL || p->p_pf == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&p->p_lock);
   p->p_vf_priv = privateData;
   emu_mutex_unlock(&p->p_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIGetVFPrivateData(vmk_PCIDevice device, vmk_AddrCookie *data)
{
   struct emu_pci *p;

   if (data == NULL) {
      return VMK_BAD_PARAM;
   }
   p = pci_get(device, __func__, EMU_CALLER());
   if (p == NULL || p->p_pf == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&p->p_lock);
   *data = p->p_vf_priv;
   emu_mutex_unlock(&p->p_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIRegisterVF(vmk_PCIDevice vf, vmk_PCIDevice pf,
                  vmk_Driver pfDriverHandle, vmk_PCIVFDeviceOps *vfDevOps)
{
   struct emu_pci *v;
   struct emu_pci *p;
   emu_status_t st;

   EMU_MAY_BLOCK();
   v = pci_get(vf, __func__, EMU_CALLER());
   p = pci_get(pf, __func__, EMU_CALLER());
   if (v == NULL || p == NULL ||
       emu_drv_check((struct emu_drv *)pfDriverHandle, __func__,
                     EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_register_vf(v, p, (struct emu_drv *)pfDriverHandle,
                            vfDevOps, EMU_CALLER());
   switch (st) {
   case EMU_OK:     return VMK_OK;
   case EMU_BADPARAM:
   case EMU_EXISTS: return VMK_BAD_PARAM;
   default:         return VMK_FAILURE;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCIUnregisterVF(vmk_PCIDevice device)
{
   struct emu_pci *v;
   emu_status_t st;

   EMU_MAY_BLOCK();
   v = pci_get(device, __func__, EMU_CALLER());
   if (v == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_unregister_vf(v, EMU_CALLER());
   switch (st) {
   case EMU_OK:       return VMK_OK;
   case EMU_BADPARAM: return VMK_BAD_PARAM;
   default:           return VMK_FAILURE;
   }
}
