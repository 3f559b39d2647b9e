/*
 * vmk_module.c -- the vmk_Module* family over the module registry
 * (emu/mod/module.c, where the theory is).
 *
 * vmk_ModuleCurrentID itself is not defined here: each module (or test
 * program) gets its own from the SDK glue (emu/include/vmkemu_module.h).
 */
#include "api.h"

#include <stddef.h>

#include "core/assert.h"
#include "core/block.h"
#include "mod/module.h"

EMU_STATIC_ASSERT(sizeof(vmk_ModInfoStack) == sizeof(emu_mod_frame_t),
                  "vmk_ModInfoStack and emu_mod_frame_t differ");
EMU_STATIC_ASSERT(offsetof(vmk_ModInfoStack, modID) ==
                  offsetof(emu_mod_frame_t, f_id), "modID");
EMU_STATIC_ASSERT(offsetof(vmk_ModInfoStack, mod_fn) ==
                  offsetof(emu_mod_frame_t, f_fn), "mod_fn");
EMU_STATIC_ASSERT(offsetof(vmk_ModInfoStack, pushRA) ==
                  offsetof(emu_mod_frame_t, f_ra), "pushRA");
EMU_STATIC_ASSERT(offsetof(vmk_ModInfoStack, oldStack) ==
                  offsetof(emu_mod_frame_t, f_old), "oldStack");
EMU_STATIC_ASSERT(VMK_MODULE_NAME_MAX == EMU_MOD_NAME_MAX,
                  "module name sizes differ");
EMU_STATIC_ASSERT(VMK_VMKERNEL_MODULE_ID == EMU_MOD_VMKERNEL_ID,
                  "vmkernel module ID differs");
EMU_STATIC_ASSERT((vmk_ModuleID)VMK_INVALID_MODULE_ID == EMU_MOD_INVALID_ID,
                  "invalid module ID differs");

EMU_EXPORT VMK_ReturnStatus
vmk_ModuleRegister(vmk_ModuleID *moduleID, vmk_uint32 vmkApiRevision)
{
   int32_t id;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (moduleID == NULL) {
      return VMK_BAD_PARAM;
   }
   if (VMK_REVISION_MAJOR(vmkApiRevision) != VMKAPI_REVISION_MAJOR) {
      return VMK_VERSION_MISMATCH_MAJOR;
   }
   if (VMK_REVISION_MINOR(vmkApiRevision) > VMKAPI_REVISION_MINOR) {
      return VMK_VERSION_MISMATCH_MINOR;
   }
   st = emu_mod_register(vmkApiRevision, EMU_CALLER(), &id);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *moduleID = id;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ModuleUnregister(vmk_ModuleID moduleID)
{
   emu_status_t st;

   EMU_MAY_BLOCK();
   st = emu_mod_unregister(moduleID);
   switch (st) {
   case EMU_OK:
      return VMK_OK;
   case EMU_NOTFOUND:
      return VMK_INVALID_MODULE;
   case EMU_BADPARAM:
      return VMK_NO_PERMISSION;        /* the vmkernel stays */
   default:
      return emu_api_status(st);       /* VMK_BUSY: use count not zero */
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_ModuleIncUseCount(vmk_ModuleID moduleID)
{
   emu_status_t st = emu_mod_use(moduleID, +1);

   if (st == EMU_BUSY) {
      return VMK_MODULE_NOT_LOADED;
   }
   return emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_ModuleDecUseCount(vmk_ModuleID moduleID)
{
   emu_status_t st = emu_mod_use(moduleID, -1);

   switch (st) {
   case EMU_BUSY:
      return VMK_MODULE_NOT_LOADED;
   case EMU_LIMIT: {
      char name[EMU_MOD_NAME_MAX];
      emu_report_obj_t obj = { "module", name, NULL };

      emu_mod_label(moduleID, name, sizeof name);
      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_ModuleDecUseCount below zero");
      return VMK_BAD_PARAM;
   }
   default:
      return emu_api_status(st);
   }
}

EMU_EXPORT vmk_uint64
vmk_ModuleGetDebugID(vmk_ModuleID moduleID)
{
   return (vmk_uint64)(vmk_int64)moduleID;
}

EMU_EXPORT vmk_HeapID
vmk_ModuleGetHeapID(vmk_ModuleID moduleID)
{
   return (vmk_HeapID)emu_mod_heap(moduleID);
}

EMU_EXPORT void
vmk_ModuleSetHeapID(vmk_ModuleID moduleID, vmk_HeapID heap)
{
   /* Only the first assignment counts (later ones are ignored, as on ESX). */
   (void)emu_mod_set_heap(moduleID, (void *)heap);
}

EMU_EXPORT vmk_ModuleID
vmk_ModuleGetID(const char *name)
{
   return emu_mod_lookup(name);
}

EMU_EXPORT VMK_ReturnStatus
vmk_ModuleGetName(vmk_ModuleID moduleID, char *name,
                  vmk_ByteCountSmall nameLen)
{
   return emu_api_status(emu_mod_name(moduleID, name, nameLen));
}

EMU_EXPORT VMK_ReturnStatus
vmk_ModulePushId(vmk_ModuleID moduleID, void *function,
                 vmk_ModInfoStack *modStack)
{
   emu_status_t st;

   if (modStack == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_mod_push(moduleID, function, EMU_CALLER(),
                     (emu_mod_frame_t *)modStack);
   return st == EMU_NOTFOUND ? VMK_MODULE_NOT_LOADED : emu_api_status(st);
}

EMU_EXPORT void
vmk_ModulePopId(void)
{
   emu_mod_pop(EMU_CALLER());
}

EMU_EXPORT vmk_ModuleID
vmk_ModuleStackTop(void)
{
   return emu_mod_stack_top();
}
