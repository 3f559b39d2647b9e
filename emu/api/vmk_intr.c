/*
 * vmk_intr.c -- hardware/vmkapi_intr.h over emu/dev/intr.c.
 *
 * Decisions where the ESXi documentation is silent or loose:
 * - A cookie comes from vmk_PCIAllocIntrCookie; any other value is
 *   VMK_BAD_PARAM.  Handlers are registered disabled: nothing is
 *   delivered before vmk_IntrEnable.
 * - props->handler is required, acknowledgeInterrupt optional: when
 *   given it runs first and any status but VMK_OK (VMK_NOT_THIS_DEVICE
 *   on a shared line) skips the handler.  Only legacy (INTx) cookies take
 *   several handlers, told apart by handlerData; a second handler on an
 *   MSI or MSI-X cookie, or the same handlerData twice, is VMK_BAD_PARAM.
 * - vmk_IntrUnregister with unknown handlerData is VMK_FAILURE; it waits
 *   for a running delivery first, like vmk_IntrDisable and vmk_IntrSync.
 * - vmk_IntrWithAllDisabledInvoke holds back every interrupt of the
 *   module (delivered afterwards if raised meanwhile) and waits for its
 *   handlers running elsewhere; the callback must not block.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "dev/intr.h"
#include "mod/module.h"

EMU_EXPORT VMK_ReturnStatus
vmk_IntrRegister(vmk_ModuleID moduleID, vmk_IntrCookie intrCookie,
                 vmk_IntrProps *props)
{
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (props == NULL || props->handler == NULL ||
       !emu_mod_exists(moduleID) || emu_intr_owner(intrCookie) == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_intr_register(intrCookie, moduleID, props);
   return st == EMU_NOMEM ? VMK_NO_MEMORY :
          st == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IntrUnregister(vmk_ModuleID moduleID, vmk_IntrCookie intrCookie,
                   void *handlerData)
{
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (!emu_mod_exists(moduleID) || emu_intr_owner(intrCookie) == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_intr_unregister(intrCookie, handlerData);
   return st == EMU_OK ? VMK_OK : VMK_FAILURE;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IntrEnable(vmk_IntrCookie intrCookie)
{
   return emu_intr_enable(intrCookie, 1) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IntrDisable(vmk_IntrCookie intrCookie)
{
   EMU_MAY_BLOCK();
   return emu_intr_enable(intrCookie, 0) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IntrSync(vmk_IntrCookie intrCookie)
{
   EMU_MAY_BLOCK();
   return emu_intr_sync(intrCookie) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IntrWithAllDisabledInvoke(vmk_ModuleID moduleID,
                              vmk_IntrDisabledFunc func,
                              vmk_AddrCookie data)
{
   if (func == NULL || !emu_mod_exists(moduleID)) {
      return VMK_BAD_PARAM;
   }
   emu_intr_with_module_disabled(moduleID, func, data);
   return VMK_OK;
}
