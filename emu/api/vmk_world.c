/*
 * vmk_world.c -- the vmk_World* calls over the world engine (world.c).
 */
#define VMK_DEVKIT_USES_DEPRECATED_APIS 1
#include "api.h"

#include <stdlib.h>

#include "core/block.h"
#include "world/lock.h"
#include "world/time.h"
#include "world/world.h"

/* The driver's start function and argument, handed to the new world. */
struct world_start {
   vmk_WorldStartFunc ws_fn;
   void              *ws_data;
};

static int32_t
world_trampoline(void *arg)
{
   struct world_start s = *(struct world_start *)arg;

   free(arg);
   return (int32_t)s.ws_fn(s.ws_data);
}

static VMK_ReturnStatus
world_wake_status(emu_world_wake_t why)
{
   switch (why) {
   case EMU_WAKE_EVENT:   return VMK_OK;
   case EMU_WAKE_TIMEOUT: return VMK_TIMEOUT;
   case EMU_WAKE_DEATH:   return VMK_DEATH_PENDING;
   default:               return VMK_WAIT_INTERRUPTED;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldCreate(vmk_WorldProps *props, vmk_WorldID *worldIDOut)
{
   struct world_start *s;
   emu_status_t st;
   int32_t id;

   EMU_MAY_BLOCK();
   if (props == NULL || props->startFunction == NULL) {
      return VMK_BAD_PARAM;
   }
   s = malloc(sizeof *s);
   if (s == NULL) {
      return VMK_NO_MEMORY;
   }
   s->ws_fn = props->startFunction;
   s->ws_data = props->data;
   st = emu_world_create(props->name, props->moduleID, world_trampoline, s,
                         EMU_CALLER(), &id);
   if (st != EMU_OK) {
      free(s);
      return emu_api_status(st);
   }
   if (worldIDOut != NULL) {
      *worldIDOut = id;
   }
   return VMK_OK;
}

EMU_EXPORT vmk_ByteCount
vmk_WorldCreateAllocSize(vmk_ByteCount *lengthOut)
{
   if (lengthOut != NULL) {
      *lengthOut = VMK_L1_CACHELINE_SIZE;      /* alignment */
   }
   return sizeof(struct emu_world) + EMU_WORLD_WS_AREA;
}

EMU_EXPORT void
vmk_WorldExit(VMK_ReturnStatus status)
{
   if (emu_world_exit((int32_t)status) != EMU_OK) {
      emu_report_obj_t obj = { "world", NULL, NULL };

      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_WorldExit from a world vmk_WorldCreate did not start");
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldDestroy(vmk_WorldID worldID)
{
   emu_status_t st = emu_world_destroy(worldID);

   return st == EMU_NOTFOUND ? VMK_INVALID_WORLD : emu_api_status(st);
}

EMU_EXPORT vmk_WorldID
vmk_WorldGetID(void)
{
   return emu_world_self()->w_id;
}

EMU_EXPORT vmk_WorldID
vmk_WorldGetCartelID(void)
{
   (void)emu_world_self();
   return VMK_INVALID_WORLD_ID;                  /* kernel worlds only */
}

EMU_EXPORT vmk_WorldID
vmk_WorldIDToCartelID(vmk_WorldID worldID)
{
   (void)worldID;
   return VMK_INVALID_WORLD_ID;
}

EMU_EXPORT vmk_uint32
vmk_WorldsMax(void)
{
   return EMU_WORLDS_MAX;
}

EMU_EXPORT void
vmk_WorldAssertIsSafeToBlockInt(void)
{
   (void)emu_world_self();
   if (emu_block.depth != 0) {
      emu_block_violation("vmk_WorldAssertIsSafeToBlock", EMU_CALLER());
   }
}

/*
 * The common part of vmk_WorldWait and vmk_WorldWaitIRQ.
 * => lock, when given, is held by the caller and is the only reason the
 *    caller may not block; it is released once the world is queued.
 */
static VMK_ReturnStatus
world_wait(vmk_WorldEventID eventID, vmk_Lock lock, vmk_uint32 timeoutMS,
           const void *caller)
{
   struct emu_lock *l = NULL;
   unsigned allowed = 0;
   uint64_t deadline = 0;

   if (timeoutMS == VMK_TIMEOUT_NONBLOCKING) {
      return VMK_BAD_PARAM;
   }
   if (lock != VMK_LOCK_INVALID && lock != NULL) {
      l = (struct emu_lock *)lock;
      if (!emu_lock_check(l, "vmk_WorldWait", caller) ||
          l->l_type == EMU_LOCK_RW || !emu_lock_held_by_self(l, 0)) {
         return VMK_BAD_PARAM;
      }
      allowed = 1;
   }
   if (EMU_UNLIKELY(emu_block.depth > allowed)) {
      emu_block_violation("vmk_WorldWait", caller);
   }
   if (timeoutMS != VMK_TIMEOUT_UNLIMITED_MS) {
      deadline = emu_time_now_ns() + (uint64_t)timeoutMS * 1000000ull;
   }
   return world_wake_status(emu_world_wait((uintptr_t)eventID, l, deadline));
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldWait(vmk_WorldEventID eventID, vmk_Lock lock, vmk_uint32 timeoutMS,
              const char *reason)
{
   (void)reason;
   return world_wait(eventID, lock, timeoutMS, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldWaitIRQ(vmk_WorldEventID eventID, vmk_Lock lock, vmk_LockIRQL irql,
                 vmk_uint32 timeoutMS, const char *reason)
{
   (void)reason;
   (void)irql;   /* releasing the IRQ lock restores interrupts (lock.c) */
   return world_wait(eventID, lock, timeoutMS, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldWakeup(vmk_WorldEventID eventID)
{
   return emu_world_wakeup((uintptr_t)eventID) != 0 ? VMK_OK : VMK_NOT_FOUND;
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldForceWakeup(vmk_WorldID worldID)
{
   emu_status_t st = emu_world_force_wakeup(worldID);

   return st == EMU_NOTFOUND ? VMK_INVALID_WORLD : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldSleep(vmk_uint64 delayUS)
{
   struct emu_world *w;

   EMU_MAY_BLOCK();
   w = emu_world_self();
   if (delayUS == 0) {
      emu_thread_yield();
      return VMK_OK;
   }
   switch (emu_world_wait((uintptr_t)&w->w_cond, NULL,
                          emu_time_now_ns() + delayUS * 1000ull)) {
   case EMU_WAKE_TIMEOUT: return VMK_OK;
   case EMU_WAKE_DEATH:   return VMK_DEATH_PENDING;
   default:               return VMK_WAIT_INTERRUPTED;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldYield(void)
{
   EMU_MAY_BLOCK();
   (void)emu_world_self();
   emu_thread_yield();
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldWaitForDeath(vmk_WorldID worldID)
{
   emu_status_t st;

   EMU_MAY_BLOCK();
   (void)emu_world_self();
   st = emu_world_wait_for_death(worldID);
   return st == EMU_NOTFOUND ? VMK_INVALID_WORLD : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldGetCPUMinMax(vmk_uint32 *minPercent, vmk_uint32 *maxPercent)
{
   if (minPercent == NULL || maxPercent == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_world_get_cpu(minPercent, maxPercent);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldSetCPUMinMax(vmk_uint32 minPercent, vmk_uint32 maxPercent)
{
   return emu_api_status(emu_world_set_cpu(minPercent, maxPercent));
}

static VMK_ReturnStatus
world_intr(vmk_WorldID worldID, vmk_IntrCookie cookie, int set)
{
   if (!emu_world_exists(worldID)) {
      return VMK_INVALID_WORLD;
   }
   return emu_api_status(emu_world_intr(worldID, cookie, set));
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldInterruptSet(vmk_WorldID worldID, vmk_IntrCookie intrCookie)
{
   return world_intr(worldID, intrCookie, 1);
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldInterruptUnset(vmk_WorldID worldID, vmk_IntrCookie intrCookie)
{
   return world_intr(worldID, intrCookie, 0);
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldRelationAdd(vmk_WorldID world, vmk_WorldID relatedWorld)
{
   return emu_api_status(emu_world_relation(world, relatedWorld, 1));
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldRelationRemove(vmk_WorldID world, vmk_WorldID relatedWorld)
{
   return emu_api_status(emu_world_relation(world, relatedWorld, 0));
}
