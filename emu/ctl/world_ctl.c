/*
 * world_ctl.c -- EmuCtl_* for worlds and the clock, and the world area's
 * engine row (world_ctl.h).
 *
 * Start order: worlds, world storage (it installs the world hooks), then
 * the calling thread is adopted (so it has storage), then the clock and
 * its timer world, then helpers.  Stop runs the other way round.
 */
#include "emuctl.h"

#include "api/api.h"
#include "ctl/ctl.h"
#include "ctl/world_ctl.h"
#include "world/helper.h"
#include "world/time.h"
#include "world/world.h"
#include "world/worldstorage.h"
#include "mod/module.h"


/*
 * The module a world belongs to, for code running with an empty module ID
 * stack (world and mod sit side by side, so ctl joins them).
 */
static int32_t
world_ctl_current_module(void)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();

   /* Adopted threads carry no module (0): let the module layer decide. */
   return w != NULL && w->w_module > 0 ? w->w_module : -1;
}

emu_status_t
emu_world_ctl_init(void)
{
   emu_status_t st;
   uint32_t n = emu_ctl_config.num_pcpus;

   st = emu_world_init(n != 0 ? n : emu_host_ncpus());
   if (st != EMU_OK) {
      return st;
   }
   st = emu_ws_init();
   if (st != EMU_OK) {
      goto fail_ws;
   }
   (void)emu_world_self();                   /* adopt EmuCtl_Init's caller */
   emu_mod_set_fallback(world_ctl_current_module);
   st = emu_time_init();
   if (st != EMU_OK) {
      goto fail_time;
   }
   st = emu_helper_init();
   if (st != EMU_OK) {
      goto fail_helper;
   }
   return EMU_OK;

fail_helper:
   emu_time_fini();
fail_time:
   emu_ws_fini();
fail_ws:
   emu_world_fini();
   return st;
}

void
emu_world_ctl_fini(void)
{
   emu_mod_set_fallback(NULL);
   emu_helper_fini();
   emu_time_fini();
   emu_ws_fini();
   emu_world_fini();
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WorldCreateSimulated(const char *name, vmk_WorldID *worldID)
{
   int32_t id;
   emu_status_t st;

   if (worldID == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!emu_world_running()) {
      return VMK_NOT_INITIALIZED;
   }
   st = emu_world_create_simulated(name != NULL ? name : "simulated",
                                   EMU_CALLER(), &id);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *worldID = id;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WorldEnter(vmk_WorldID worldID)
{
   emu_status_t st = emu_world_enter(worldID);

   return st == EMU_NOTFOUND ? VMK_INVALID_WORLD : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WorldLeave(void)
{
   return emu_api_status(emu_world_leave());
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WorldKill(vmk_WorldID worldID)
{
   emu_status_t st = emu_world_kill(worldID);

   return st == EMU_NOTFOUND ? VMK_INVALID_WORLD : emu_api_status(st);
}

EMU_EXPORT vmk_uint32
EmuCtl_WorldCount(void)
{
   return emu_world_running() ? emu_world_count() : 0;
}

EMU_EXPORT vmk_uint32
EmuCtl_NumPCPUs(void)
{
   return emu_world_npcpus();
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WorldGetPCPU(vmk_WorldID worldID, vmk_uint32 *pcpu)
{
   if (pcpu == NULL) {
      return VMK_BAD_PARAM;
   }
   if (worldID == VMK_INVALID_WORLD_ID) {
      *pcpu = emu_world_self()->w_pcpu;
      return VMK_OK;
   }
   return emu_api_status(emu_world_pcpu_of(worldID, pcpu));
}

EMU_EXPORT void
EmuCtl_ClockSetManual(vmk_Bool manual)
{
   emu_time_set_manual(manual != VMK_FALSE);
}

EMU_EXPORT vmk_Bool
EmuCtl_ClockIsManual(void)
{
   return emu_time_is_manual() ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ClockAdvance(vmk_uint64 nanoseconds, vmk_uint64 *timersFired)
{
   uint64_t fired = 0;
   emu_status_t st;

   st = emu_time_advance(nanoseconds, &fired);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   if (timersFired != NULL) {
      *timersFired = fired;
   }
   return VMK_OK;
}

EMU_EXPORT vmk_uint64
EmuCtl_ClockNow(void)
{
   return emu_time_now_ns();
}

EMU_EXPORT vmk_uint64
EmuCtl_TimersPending(void)
{
   return emu_timer_npending();
}
