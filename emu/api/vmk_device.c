/*
 * vmk_device.c -- core/vmkapi_device.h over emu/dev/device.c.
 *
 * Decisions where the ESXi documentation is silent or loose:
 * - vmk_DeviceRegister works only from the parent's scanDevice callback,
 *   running in the calling thread (VMK_NOT_SUPPORTED otherwise), with
 *   props->registeringDriver the driver being asked to scan (VMK_BAD_PARAM
 *   otherwise); the bus type must come from vmk_BusTypeFind; deviceOps and
 *   removeDevice are required; busAddress must be exactly busAddressLen
 *   characters, busIdentifier likewise (it may be NULL with length 0).
 *   The registering driver's module must have a heap, as on ESXi.
 * - vmk_DeviceUnregister works only from the device's removeDevice
 *   callback (VMK_NOT_SUPPORTED otherwise); VMK_BUSY while
 *   EmuCtl_DeviceFind references are held.
 * - vmk_DeviceGetDeviceID allocates one block from the given heap holding
 *   the vmk_DeviceID and both strings (NUL-terminated);
 *   vmk_DevicePutDeviceID frees it to that heap.
 * - vmk_DeviceRequestRescan: only the attached driver may ask
 *   (VMK_NO_PERMISSION); the scan runs before the call returns, or, from
 *   inside a driver callback, when the device layer's current work ends.
 * - A NULL device handle is VMK_BAD_PARAM; a stale or foreign one is a
 *   DEAD_HANDLE report, then VMK_BAD_PARAM.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "dev/device.h"
#include "mod/module.h"

static struct emu_dev *
device_get(vmk_Device device, const char *fn, const void *caller)
{
   struct emu_dev *d = (struct emu_dev *)device;

   return emu_dev_check(d, fn, caller) == EMU_OK ? d : NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceRegister(vmk_DeviceProps *deviceProps, vmk_Device parent,
                   vmk_Device *newDevice)
{
   const vmk_DeviceID *id;
   struct emu_dev *p;
   struct emu_dev *d = NULL;
   struct emu_bustype *bt;
   emu_status_t st;

   if (deviceProps == NULL || newDevice == NULL ||
       deviceProps->deviceID == NULL || deviceProps->deviceOps == NULL ||
       deviceProps->deviceOps->removeDevice == NULL) {
      return VMK_BAD_PARAM;
   }
   p = device_get(parent, __func__, EMU_CALLER());
   if (p == NULL ||
       emu_drv_check((struct emu_drv *)deviceProps->registeringDriver,
                     __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   id = deviceProps->deviceID;
   bt = (struct emu_bustype *)id->busType;
   if (!emu_bustype_valid(bt) || id->busAddress == NULL ||
       id->busAddressLen == 0 ||
       (id->busIdentifier == NULL && id->busIdentifierLen != 0)) {
      return VMK_BAD_PARAM;
   }
   if (id->busAddressLen > EMU_DEV_ADDR_MAX ||
       id->busIdentifierLen > EMU_DEV_IDENT_MAX) {
      return VMK_NAME_TOO_LONG;
   }
   if (strnlen(id->busAddress, id->busAddressLen + 1) != id->busAddressLen ||
       (id->busIdentifier != NULL &&
        strnlen(id->busIdentifier, id->busIdentifierLen + 1) !=
        id->busIdentifierLen)) {
      return VMK_BAD_PARAM;
   }
   if (bt != emu_bustype_logical() &&
       memchr(id->busAddress, '#', id->busAddressLen) != NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_mod_heap(((struct emu_drv *)deviceProps->registeringDriver)
                    ->dr_module) == NULL) {
      return VMK_NO_MODULE_HEAP;
   }
   st = emu_dev_register(deviceProps, p, EMU_CALLER(), &d);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *newDevice = (vmk_Device)d;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceUnregister(vmk_Device device)
{
   struct emu_dev *d;

   EMU_MAY_BLOCK();
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_dev_unregister(d, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceGetDeviceID(vmk_HeapID heap, vmk_Device device,
                      vmk_DeviceID **devID)
{
   struct emu_dev *d;
   vmk_DeviceID *id;
   size_t alen;
   size_t ilen;
   char *p;

   if (devID == NULL || heap == NULL) {
      return VMK_BAD_PARAM;
   }
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   alen = strlen(d->d_addr);
   ilen = strlen(d->d_ident);
   id = vmk_HeapAllocWithRA(heap, (vmk_uint32)(sizeof *id + alen + ilen + 2),
                            EMU_CALLER());
   if (id == NULL) {
      return VMK_NO_MEMORY;
   }
   p = (char *)(id + 1);
   id->busType = (vmk_BusType)d->d_bus;
   id->busAddress = p;
   memcpy(p, d->d_addr, alen + 1);
   id->busAddressLen = (vmk_uint32)alen;
   p += alen + 1;
   id->busIdentifier = p;
   memcpy(p, d->d_ident, ilen + 1);
   id->busIdentifierLen = (vmk_uint32)ilen;
   *devID = id;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DevicePutDeviceID(vmk_HeapID heap, vmk_DeviceID *devID)
{
   if (heap == NULL || devID == NULL) {
      return VMK_BAD_PARAM;
   }
   vmk_HeapFree(heap, devID);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceRelease(vmk_Device device)
{
   struct emu_dev *d = device_get(device, __func__, EMU_CALLER());

   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_dev_release(d, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceGetRegistrationData(vmk_Device device, vmk_AddrCookie *data)
{
   struct emu_dev *d;

   if (data == NULL) {
      return VMK_BAD_PARAM;
   }
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   *data = d->d_reg_data;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceGetRegisteringDriverData(vmk_Device device, vmk_AddrCookie *data)
{
   struct emu_dev *d;

   if (data == NULL) {
      return VMK_BAD_PARAM;
   }
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   *data = d->d_regdrv_data;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceGetAttachedDriverData(vmk_Device device, vmk_AddrCookie *data)
{
   struct emu_dev *d;

   if (data == NULL) {
      return VMK_BAD_PARAM;
   }
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   data->addr = __atomic_load_n(&d->d_drv_data.addr, __ATOMIC_ACQUIRE);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceSetAttachedDriverData(vmk_Device device, vmk_AddrCookie data)
{
   struct emu_dev *d = device_get(device, __func__, EMU_CALLER());

   if (d == NULL) {
      return VMK_BAD_PARAM;
   }
   __atomic_store_n(&d->d_drv_data.addr, data.addr, __ATOMIC_RELEASE);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DeviceRequestRescan(vmk_Driver driver, vmk_Device device)
{
   struct emu_dev *d;
   struct emu_drv *drv = (struct emu_drv *)driver;
   emu_status_t st;

   EMU_MAY_BLOCK();
   d = device_get(device, __func__, EMU_CALLER());
   if (d == NULL ||
       emu_drv_check(drv, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   st = emu_dev_rescan(drv, d, EMU_CALLER());
   if (st == EMU_BUSY) {
      return VMK_NO_PERMISSION;
   }
   return emu_api_status(st);
}
