/*
 * dev_ctl.c -- EmuCtl_* for simulated devices (emuctl_device.h) and the
 * device area's engine row (dev_ctl.h).
 *
 * Start order: I/O resources, PCI functions, the device layer, then the
 * interrupt world.  Stop runs the other way round: the interrupt world
 * ends first, so no handler runs while the rest is torn down.
 */
#include "dev_ctl.h"

#include "../core/report.h"
#include "device.h"
#include "dma.h"
#include "intr.h"
#include "ioport.h"
#include "pci.h"

static int dev_ctl_running;

emu_status_t
emu_devices_init(void)
{
   emu_status_t st;

   (void)emu_ioport_init();
   (void)emu_pci_init();
   (void)emu_dev_init();
   st = emu_intr_init();
   if (st != EMU_OK) {
      emu_dev_fini();
      emu_pci_fini();
      emu_ioport_fini();
      return st;
   }
   __atomic_store_n(&dev_ctl_running, 1, __ATOMIC_RELEASE);
   return EMU_OK;
}

void
emu_devices_fini(void)
{
   __atomic_store_n(&dev_ctl_running, 0, __ATOMIC_RELEASE);
   emu_intr_fini();
   emu_pci_fini();
   emu_dev_fini();
   emu_ioport_fini();
}

static VMK_ReturnStatus
ctl_status(emu_status_t st)
{
   switch (st) {
   case EMU_OK:        return VMK_OK;
   case EMU_NOMEM:     return VMK_NO_MEMORY;
   case EMU_EXISTS:    return VMK_EXISTS;
   case EMU_NOTFOUND:  return VMK_NOT_FOUND;
   case EMU_WOULDBLOCK: return VMK_WOULD_BLOCK;
   case EMU_LIMIT:     return VMK_LIMIT_EXCEEDED;
   case EMU_NOTSUP:    return VMK_NOT_SUPPORTED;
   default:            return VMK_BAD_PARAM;
   }
}

static struct emu_pci *
ctl_pci(EmuCtl_PCIDevice dev, const char *fn, const void *caller)
{
   struct emu_pci *p = (struct emu_pci *)dev;

   if (!__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE)) {
      return NULL;
   }
   return emu_pci_check(p, fn, caller) == EMU_OK ? p : NULL;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIDeviceAdd(const EmuCtl_PCIDeviceProps *props, EmuCtl_PCIDevice *dev)
{
   struct emu_pci *p = NULL;
   emu_status_t st;

   if (!__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE)) {
      return VMK_NOT_INITIALIZED;
   }
   if (props == NULL || dev == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_add(props, EMU_CALLER(), &p);
   if (st != EMU_OK) {
      return ctl_status(st);
   }
   *dev = (EmuCtl_PCIDevice)p;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIDeviceRemove(EmuCtl_PCIDevice dev, vmk_Bool surprise)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   if (p == NULL || p->p_pf != NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_pci_remove(p, surprise != VMK_FALSE);
}

EMU_EXPORT vmk_Device
EmuCtl_PCIDeviceGetDevice(EmuCtl_PCIDevice dev)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   return p != NULL ? (vmk_Device)p->p_dev : VMK_DEVICE_NONE;
}

EMU_EXPORT vmk_PCIDevice
EmuCtl_PCIDeviceGetPCIDevice(EmuCtl_PCIDevice dev)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   return (vmk_PCIDevice)p;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIDeviceStep(EmuCtl_PCIDevice dev, vmk_uint32 *changes)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return ctl_status(emu_pci_step(p, changes));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIBarRead(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 offset,
                  vmk_uint32 size, vmk_uint64 *value)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());
   emu_status_t st;

   if (p == NULL || value == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_bar_access(p, bar, offset, size, value, 0);
   return st == EMU_LIMIT ? VMK_BAD_ADDR_RANGE : ctl_status(st);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIBarWrite(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 offset,
                   vmk_uint32 size, vmk_uint64 value)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());
   emu_status_t st;

   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_bar_access(p, bar, offset, size, &value, 1);
   return st == EMU_LIMIT ? VMK_BAD_ADDR_RANGE : ctl_status(st);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIConfigRead(EmuCtl_PCIDevice dev, vmk_uint16 offset,
                     vmk_uint32 size, vmk_uint32 *value)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   if (p == NULL || value == NULL) {
      return VMK_BAD_PARAM;
   }
   return ctl_status(emu_pci_cfg_read(p, offset, size, value, 1));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIConfigWrite(EmuCtl_PCIDevice dev, vmk_uint16 offset,
                      vmk_uint32 size, vmk_uint32 value)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());

   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   return ctl_status(emu_pci_cfg_write(p, offset, size, value, 1));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_PCIRaiseInterrupt(EmuCtl_PCIDevice dev, vmk_uint16 vector)
{
   struct emu_pci *p = ctl_pci(dev, __func__, EMU_CALLER());
   emu_status_t st;

   if (p == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_pci_raise(p, vector);
   return st == EMU_FAILURE ? VMK_NOT_READY : ctl_status(st);
}

static VMK_ReturnStatus
ctl_dma(EmuCtl_PCIDevice dev, vmk_IOA ioa, void *buf, vmk_ByteCount len,
        int write, const char *fn, const void *caller)
{
   struct emu_pci *p = ctl_pci(dev, fn, caller);
   emu_status_t st;

   if (p == NULL || buf == NULL || len == 0) {
      return VMK_BAD_PARAM;
   }
   if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
      return VMK_NOT_READY;
   }
   st = emu_dma_device_access(p->p_dev, ioa, buf, len, write, caller);
   switch (st) {
   case EMU_OK:       return VMK_OK;
   case EMU_NOTFOUND: return VMK_BAD_ADDR_RANGE;
   default:           return ctl_status(st);
   }
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DeviceDMARead(EmuCtl_PCIDevice dev, vmk_IOA ioa, void *buf,
                     vmk_ByteCount len)
{
   return ctl_dma(dev, ioa, buf, len, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DeviceDMAWrite(EmuCtl_PCIDevice dev, vmk_IOA ioa, const void *buf,
                      vmk_ByteCount len)
{
   return ctl_dma(dev, ioa, (void *)(uintptr_t)buf, len, 1, __func__,
                  EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DeviceGetState(vmk_Device device, EmuCtl_DeviceState *state)
{
   struct emu_dev *d = (struct emu_dev *)device;

   if (state == NULL || !__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE) ||
       emu_dev_check(d, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *state = (EmuCtl_DeviceState)emu_dev_state(d);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DeviceGetChildren(vmk_Device device, vmk_uint32 *count,
                         vmk_Device *first)
{
   struct emu_dev *d = (struct emu_dev *)device;
   struct emu_dev *f = NULL;

   if (count == NULL || !__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE) ||
       emu_dev_check(d, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   emu_dev_children(d, count, &f);
   if (first != NULL) {
      *first = (vmk_Device)f;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DeviceFind(const char *busName, const char *busAddress,
                  vmk_Device *device)
{
   struct emu_dev *d = NULL;
   emu_status_t st;

   if (busName == NULL || busAddress == NULL || device == NULL ||
       !__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE)) {
      return VMK_BAD_PARAM;
   }
   st = emu_dev_find(busName, busAddress, &d);
   if (st != EMU_OK) {
      return ctl_status(st);
   }
   *device = (vmk_Device)d;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DriverMapAdd(const char *busIdentifier, const char *driverName)
{
   if (busIdentifier == NULL || driverName == NULL ||
       !__atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE)) {
      return VMK_BAD_PARAM;
   }
   return ctl_status(emu_dev_map_add(busIdentifier, driverName));
}

EMU_EXPORT vmk_uint32
EmuCtl_IntrInFlight(void)
{
   return __atomic_load_n(&dev_ctl_running, __ATOMIC_ACQUIRE) ?
          emu_intr_inflight() : 0;
}
