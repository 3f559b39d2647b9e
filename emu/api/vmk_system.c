/*
 * vmk_system.c -- base/vmkapi_system.h: who the system is, what state it
 * is in, and the handlers to run before it reboots.
 *
 * 1. Identity: vmk_SystemGetVersionInfo says productName "vmkemu (ESXi 6.0
 *    emulation)", productVersion "6.0.0" (drivers compare it with the ESXi
 *    release they support) and buildVersion "vmkemu-<package version>";
 *    vmk_SystemGetIDString gives a fixed identifier naming vmkemu.  The
 *    strings are static and each shorter than VMK_SYSTEM_VERSION_INFO_MAX_LEN.
 * 2. State: the emulated host is NORMAL, except while reboot handlers run
 *    (EmuCtl_SystemReboot), when it is UNLOADING and not NORMAL.  It never
 *    reports PANIC: vmk_Panic ends the run with a report instead.
 * 3. Reboot handlers: a list under rb_lock, newest first.  A handler is
 *    registered once (again is VMK_EXISTS) and removed by the handler
 *    address.  EmuCtl_SystemReboot takes each one off the list, then calls
 *    it without the lock held, so a handler may unregister others.
 *    EmuCtl_Shutdown calls emu_api_system_reboot() before it lists leaks,
 *    so handlers a driver left registered run (and free what they own) as
 *    they would when ESXi goes down.
 * 4. Registration memory is host memory (a list node per handler); nodes
 *    never outlive their registration.
 */
#include "api.h"

#include <stdlib.h>

#include "config.h"
#include "emuctl.h"

struct rb_handler {
   struct rb_handler *rb_next;
   vmk_RebootHandler  rb_fn;
   void              *rb_data;
};

static emu_mutex_t rb_lock = EMU_MUTEX_INITIALIZER;
static struct rb_handler *rb_list;          /* rb_lock; newest first */
static int rb_unloading;                    /* atomics: reboot in progress */


EMU_EXPORT VMK_ReturnStatus
vmk_SystemGetVersionInfo(vmk_SystemVersionInfo *info)
{
   if (info == NULL) {
      return VMK_BAD_PARAM;
   }
   info->productName = "vmkemu (ESXi 6.0 emulation)";
   info->productVersion = "6.0.0";
   info->buildVersion = "vmkemu-" PACKAGE_VERSION;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SystemGetIDString(const char **id)
{
   if (id == NULL) {
      return VMK_BAD_PARAM;
   }
   *id = "vmkemu-00000000-0000-0000-0000-000000000001";
   return VMK_OK;
}

EMU_EXPORT vmk_Bool
vmk_SystemCheckState(vmk_SystemState state)
{
   int unloading = __atomic_load_n(&rb_unloading, __ATOMIC_ACQUIRE);

   switch (state) {
   case VMK_SYSTEM_STATE_NORMAL:
      return unloading ? VMK_FALSE : VMK_TRUE;
   case VMK_SYSTEM_STATE_UNLOADING:
      return unloading ? VMK_TRUE : VMK_FALSE;
   default:
      return VMK_FALSE;                      /* PANIC, or not a state */
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_RegisterRebootHandler(vmk_RebootHandler handler, void *data)
{
   struct rb_handler *h;
   struct rb_handler *it;

   if (handler == NULL) {
      return VMK_BAD_PARAM;
   }
   h = malloc(sizeof *h);
   if (h == NULL) {
      return VMK_NO_MEMORY;
   }
   h->rb_fn = handler;
   h->rb_data = data;
   emu_mutex_lock(&rb_lock);
   for (it = rb_list; it != NULL; it = it->rb_next) {
      if (it->rb_fn == handler) {
         emu_mutex_unlock(&rb_lock);
         free(h);
         return VMK_EXISTS;
      }
   }
   h->rb_next = rb_list;
   rb_list = h;
   emu_mutex_unlock(&rb_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UnregisterRebootHandler(vmk_RebootHandler handler)
{
   struct rb_handler **link;

   if (handler == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&rb_lock);
   for (link = &rb_list; *link != NULL; link = &(*link)->rb_next) {
      if ((*link)->rb_fn == handler) {
         struct rb_handler *h = *link;

         *link = h->rb_next;
         emu_mutex_unlock(&rb_lock);
         free(h);
         return VMK_OK;
      }
   }
   emu_mutex_unlock(&rb_lock);
   return VMK_NOT_FOUND;
}

EMU_HIDDEN vmk_uint32
emu_api_system_reboot(void)
{
   vmk_uint32 ran = 0;

   __atomic_store_n(&rb_unloading, 1, __ATOMIC_RELEASE);
   for (;;) {
      struct rb_handler *h;

      emu_mutex_lock(&rb_lock);
      h = rb_list;
      if (h != NULL) {
         rb_list = h->rb_next;
      }
      emu_mutex_unlock(&rb_lock);
      if (h == NULL) {
         break;
      }
      h->rb_fn(h->rb_data);
      free(h);
      ran++;
   }
   __atomic_store_n(&rb_unloading, 0, __ATOMIC_RELEASE);
   return ran;
}

/* Emulator control (emuctl_lib.h); may move to emu/ctl. */
EMU_EXPORT vmk_uint32
EmuCtl_SystemReboot(void)
{
   return emu_api_system_reboot();
}
