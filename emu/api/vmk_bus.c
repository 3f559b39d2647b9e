/*
 * vmk_bus.c -- core/vmkapi_bus.h and core/vmkapi_logical_bus.h over
 * emu/dev/device.c.
 *
 * Two bus types exist: "pci" (the simulated PCI functions of
 * EmuCtl_PCIDeviceAdd) and "logical" (devices drivers register for their
 * software constructs).  vmk_BusTypeFind takes a reference that
 * vmk_BusTypeRelease drops; releasing more than was found is a MISUSE
 * report.
 *
 * A logical bus address is "<parent bus>#<parent address>#<port>" -- the
 * '#' keeps it unique and is why vmk_DeviceRegister accepts '#' only on
 * the logical bus.  It is allocated from the driver's module heap
 * (VMK_NO_MODULE_HEAP without one) and freed back to it.
 */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "core/block.h"
#include "dev/device.h"
#include "mod/module.h"

EMU_EXPORT VMK_ReturnStatus
vmk_BusTypeFind(vmk_Name *name, vmk_BusType *busHandle)
{
   struct emu_bustype *bt;

   if (name == NULL || busHandle == NULL ||
       strnlen(name->string, sizeof name->string) == sizeof name->string) {
      return VMK_BAD_PARAM;
   }
   bt = emu_bustype_find(name->string);
   if (bt == NULL) {
      return VMK_NOT_FOUND;
   }
   *busHandle = (vmk_BusType)bt;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_BusTypeGetName(vmk_BusType busHandle, vmk_Name *name)
{
   struct emu_bustype *bt = (struct emu_bustype *)busHandle;

   if (name == NULL || !emu_bustype_valid(bt)) {
      return VMK_BAD_PARAM;
   }
   memset(name->string, 0, sizeof name->string);
   snprintf(name->string, sizeof name->string, "%s", bt->bt_name);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_BusTypeRelease(vmk_BusType busHandle)
{
   return emu_api_status(emu_bustype_release((struct emu_bustype *)busHandle,
                                             EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogicalCreateBusAddress(vmk_Driver driver, vmk_Device parent,
                            vmk_uint32 uniqueLogicalPort,
                            char **globalAddress,
                            vmk_uint32 *globalAddressLen)
{
   struct emu_drv *drv = (struct emu_drv *)driver;
   struct emu_dev *d = (struct emu_dev *)parent;
   vmk_HeapID heap;
   char buf[EMU_DEV_ADDR_MAX + 1];
   int n;
   char *s;

   EMU_MAY_BLOCK();
   if (globalAddress == NULL || globalAddressLen == NULL ||
       emu_drv_check(drv, __func__, EMU_CALLER()) != EMU_OK ||
       emu_dev_check(d, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   heap = (vmk_HeapID)emu_mod_heap(drv->dr_module);
   if (heap == NULL) {
      return VMK_NO_MODULE_HEAP;
   }
   n = snprintf(buf, sizeof buf, "%s#%s#%u", d->d_bus->bt_name, d->d_addr,
                (unsigned)uniqueLogicalPort);
   if (n < 0 || (size_t)n >= sizeof buf) {
      return VMK_BAD_PARAM;
   }
   s = vmk_HeapAllocWithRA(heap, (vmk_uint32)n + 1, EMU_CALLER());
   if (s == NULL) {
      return VMK_NO_MEMORY;
   }
   memcpy(s, buf, (size_t)n + 1);
   *globalAddress = s;
   *globalAddressLen = (vmk_uint32)n;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogicalFreeBusAddress(vmk_Driver driver, char *busAddress)
{
   struct emu_drv *drv = (struct emu_drv *)driver;
   vmk_HeapID heap;

   EMU_MAY_BLOCK();
   if (busAddress == NULL ||
       emu_drv_check(drv, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   heap = (vmk_HeapID)emu_mod_heap(drv->dr_module);
   if (heap == NULL) {
      return VMK_NO_MODULE_HEAP;
   }
   vmk_HeapFree(heap, busAddress);
   return VMK_OK;
}
