/*
 * vmk_driver.c -- core/vmkapi_driver.h over emu/dev/device.c.
 *
 * Decisions where the ESXi documentation is silent:
 * - attachDevice, startDevice, scanDevice, quiesceDevice and detachDevice
 *   are required (VMK_BAD_PARAM without them); forgetDevice may be NULL.
 * - vmk_DriverUnregister takes every device the driver holds away first
 *   (children removed, quiesce, detach), as a module unload does on ESXi;
 *   the devices stay registered, unclaimed.
 * - A NULL driver handle is VMK_BAD_PARAM; a stale or foreign one is a
 *   DEAD_HANDLE report, then VMK_BAD_PARAM.
 */
#include "api.h"

#include "dev/device.h"

EMU_EXPORT VMK_ReturnStatus
vmk_DriverRegister(vmk_DriverProps *driverProps, vmk_Driver *driver)
{
   struct emu_drv *drv = NULL;
   emu_status_t st;

   if (driverProps == NULL || driver == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_drv_register(driverProps, EMU_CALLER(), &drv);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *driver = (vmk_Driver)drv;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DriverUnregister(vmk_Driver driver)
{
   struct emu_drv *drv = (struct emu_drv *)driver;

   if (emu_drv_check(drv, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_drv_unregister(drv, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_DriverGetPrivateData(vmk_Driver driver, vmk_AddrCookie *data)
{
   struct emu_drv *drv = (struct emu_drv *)driver;

   if (data == NULL ||
       emu_drv_check(drv, __func__, EMU_CALLER()) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *data = drv->dr_priv;
   return VMK_OK;
}
