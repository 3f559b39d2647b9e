/*
 * vmk_ioresource.c -- platform/x86/vmkapi_ioresource.h over
 * emu/dev/ioport.c.
 *
 * Decisions where the ESXi documentation is silent or loose:
 * - Register: type MEM or PORT, a non-zero length (VMK_BAD_PARAM); a port
 *   range past 0xffff or one overlapping a registered range of its type
 *   (every BAR of a simulated function is registered) is
 *   VMK_BAD_ADDR_RANGE.  Unregistering while reserved or bound is a
 *   MISUSE report and VMK_BAD_PARAM.
 * - Reserve: the range must lie in one registered range
 *   (VMK_BAD_ADDR_RANGE); overlapping another reservation is allowed only
 *   when both ask for VMK_IORESOURCE_SHAREABLE (VMK_NOT_SHARED).  The
 *   module heap is not needed.
 * - Bind/unbind record the device on the resource; binding twice or
 *   unbinding what is not bound is VMK_BAD_PARAM.
 * - Stale or foreign handles are DEAD_HANDLE reports, then VMK_BAD_PARAM.
 */
#include "api.h"

#include "core/block.h"
#include "dev/device.h"
#include "dev/ioport.h"
#include "mod/module.h"

static struct emu_iores *
res_get(vmk_IOResource h, const char *fn, const void *caller)
{
   struct emu_iores *r = (struct emu_iores *)h;

   if (r == NULL) {
      return NULL;
   }
   if (!emu_iores_live(r)) {
      emu_report_obj_t obj = { "I/O resource", NULL, r };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: %p is not a registered I/O resource", fn, (void *)r);
      return NULL;
   }
   return r;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceRegister(vmk_IOResourceInfo *resourceInfo,
                       vmk_IOResource *handle)
{
   struct emu_iores *r = NULL;
   emu_status_t st;

   if (resourceInfo == NULL || handle == NULL || resourceInfo->len == 0 ||
       (resourceInfo->start.type != VMK_IORESOURCE_MEM &&
        resourceInfo->start.type != VMK_IORESOURCE_PORT)) {
      return VMK_BAD_PARAM;
   }
   st = emu_iores_register(
      (emu_iores_type_t)resourceInfo->start.type,
      resourceInfo->start.type == VMK_IORESOURCE_PORT ?
      resourceInfo->start.address.port : resourceInfo->start.address.memory,
      resourceInfo->len, (uint32_t)resourceInfo->attrs,
      resourceInfo->moduleID, NULL, NULL, 0, EMU_CALLER(), &r);
   switch (st) {
   case EMU_OK:
      *handle = (vmk_IOResource)r;
      return VMK_OK;
   case EMU_NOMEM:
      return VMK_NO_MEMORY;
   default:
      return VMK_BAD_ADDR_RANGE;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceUnregister(vmk_IOResource handle)
{
   struct emu_iores *r = res_get(handle, __func__, EMU_CALLER());

   if (r == NULL) {
      return VMK_BAD_PARAM;
   }
   if (r->r_system) {
      emu_report_obj_t obj = { "I/O resource", "BAR", r };

      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_IOResourceUnregister: the range belongs to a "
                 "simulated device");
      return VMK_BAD_PARAM;
   }
   if (emu_iores_unregister(r) != EMU_OK) {
      emu_report_obj_t obj = { "I/O resource", NULL, r };

      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_IOResourceUnregister: still reserved or bound");
      return VMK_BAD_PARAM;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceReserve(vmk_IOResourceInfo *resourceInfo,
                      vmk_IOReservation *reservation)
{
   struct emu_ioresv *v = NULL;
   emu_status_t st;

   if (resourceInfo == NULL || reservation == NULL ||
       (resourceInfo->start.type != VMK_IORESOURCE_MEM &&
        resourceInfo->start.type != VMK_IORESOURCE_PORT)) {
      return VMK_BAD_ADDR_RANGE;
   }
   st = emu_ioresv_reserve(
      (emu_iores_type_t)resourceInfo->start.type,
      resourceInfo->start.type == VMK_IORESOURCE_PORT ?
      resourceInfo->start.address.port : resourceInfo->start.address.memory,
      resourceInfo->len, (uint32_t)resourceInfo->attrs,
      resourceInfo->moduleID, 0, EMU_CALLER(), &v);
   switch (st) {
   case EMU_OK:
      *reservation = (vmk_IOReservation)v;
      return VMK_OK;
   case EMU_NOMEM:
      return VMK_NO_MEMORY;
   case EMU_BUSY:
      return VMK_NOT_SHARED;
   default:
      return VMK_BAD_ADDR_RANGE;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceRelease(vmk_IOReservation reservation)
{
   struct emu_ioresv *v = (struct emu_ioresv *)reservation;

   if (v == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!emu_ioresv_live(v)) {
      emu_report_obj_t obj = { "I/O reservation", NULL, v };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, EMU_CALLER(),
                 "vmk_IOResourceRelease: %p is not a live reservation",
                 (void *)v);
      return VMK_BAD_PARAM;
   }
   if (v->v_system) {
      emu_report_obj_t obj = { "I/O reservation", "BAR", v };

      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_IOResourceRelease on a BAR reservation; use "
                 "vmk_PCIUnmapIOResource");
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_ioresv_release(v));
}

static VMK_ReturnStatus
res_bind(vmk_IOResource resource, vmk_Device device, int bind,
         const char *fn, const void *caller)
{
   struct emu_iores *r;

   EMU_MAY_BLOCK();
   r = res_get(resource, fn, caller);
   if (r == NULL ||
       emu_dev_check((struct emu_dev *)device, fn, caller) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   return emu_iores_bind(r, device, bind) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceBindToDevice(vmk_IOResource resource, vmk_Device device)
{
   return res_bind(resource, device, 1, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOResourceUnbindFromDevice(vmk_IOResource resource, vmk_Device device)
{
   return res_bind(resource, device, 0, __func__, EMU_CALLER());
}
