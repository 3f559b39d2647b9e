/*
 * vmk_accounting.c -- core/vmkapi_accounting.h: charging time to services.
 *
 * ESXi keeps per-service CPU accounts ("kernel", "net", "scsi") and lets a
 * driver say "the time from now on is work for service S on behalf of
 * world W".  Here a charge context records the service, the world and the
 * instant charging started (the emulator clock, so a test on the manual
 * clock gets exact figures); ending the context or moving it to another
 * world adds the elapsed time to that (service, world) account.  Tests read
 * the accounts with EmuCtl_ServiceTimeCharged().
 *
 * Contexts are kept on a list and checked against it before use, so an
 * ended or foreign context is a DEAD_HANDLE report rather than a read of
 * freed memory; a context still open at shutdown is a leak (kind OTHER).
 * An unknown service ID or a world that is not alive yields
 * VMK_SERVICE_TIME_CONTEXT_NONE, which End/SetWorld accept and ignore.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emuctl.h"
#include "core/rsrc.h"
#include "world/time.h"
#include "world/world.h"

#define ACCT_NSERVICES 3
#define ACCT_MAXWORLDS 64

static const char *const acct_names[ACCT_NSERVICES] = {
   VMK_SERVICE_ACCT_NAME_KERNEL,
   VMK_SERVICE_ACCT_NAME_NET,
   VMK_SERVICE_ACCT_NAME_SCSI,
};

/* One account: time charged to a service on behalf of a world. */
typedef struct acct_entry {
   vmk_WorldID ae_world;
   vmk_uint64  ae_ns;
} acct_entry_t;

struct Sched_SysAcctContext {
   struct Sched_SysAcctContext *ac_next;
   vmk_ServiceAcctID            ac_service;
   vmk_WorldID                  ac_world;
   vmk_uint64                   ac_start;   /* emulator clock, ns */
   char                         ac_name[32];
   emu_rsrc_t                   ac_rsrc;
};

static emu_mutex_t acct_lock = EMU_MUTEX_INITIALIZER;
static struct Sched_SysAcctContext *acct_open;
static acct_entry_t acct_table[ACCT_NSERVICES][ACCT_MAXWORLDS];

/* Service IDs are 1-based so that 0 never names a service. */
static int
acct_valid_service(vmk_ServiceAcctID id)
{
   return id >= 1 && id <= ACCT_NSERVICES;
}

/* Add ns to (service, world); => acct_lock held. */
static void
acct_add(vmk_ServiceAcctID service, vmk_WorldID world, vmk_uint64 ns)
{
   acct_entry_t *row = acct_table[service - 1];
   int i;

   for (i = 0; i < ACCT_MAXWORLDS; i++) {
      if (row[i].ae_world == world || row[i].ae_world == 0) {
         row[i].ae_world = world;
         row[i].ae_ns += ns;
         return;
      }
   }
   /* Table full: the oldest slot absorbs it (figures stay monotonic). */
   row[ACCT_MAXWORLDS - 1].ae_ns += ns;
}

/* Unlink ctx from the open list; 0 when it is not there. => acct_lock. */
static int
acct_find(vmk_ServiceTimeContext ctx, int unlink)
{
   struct Sched_SysAcctContext **pp;

   for (pp = &acct_open; *pp != NULL; pp = &(*pp)->ac_next) {
      if (*pp == ctx) {
         if (unlink) {
            *pp = ctx->ac_next;
         }
         return 1;
      }
   }
   return 0;
}

static void
acct_dead(vmk_ServiceTimeContext ctx, const char *what, const void *caller)
{
   emu_report_obj_t obj = { "service time context", NULL, ctx };

   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on a context that was ended or never begun", what);
}

EMU_EXPORT VMK_ReturnStatus
vmk_ServiceGetID(const char *name, vmk_ServiceAcctID *serviceID)
{
   int i;

   if (name == NULL || serviceID == NULL) {
      return VMK_INVALID_NAME;
   }
   for (i = 0; i < ACCT_NSERVICES; i++) {
      if (strcmp(name, acct_names[i]) == 0) {
         *serviceID = (vmk_ServiceAcctID)(i + 1);
         return VMK_OK;
      }
   }
   return VMK_INVALID_NAME;
}

EMU_EXPORT vmk_ServiceTimeContext
vmk_ServiceTimeChargeBeginWorld(vmk_ServiceAcctID serviceID,
                                vmk_WorldID worldID)
{
   struct Sched_SysAcctContext *ctx;

   if (!acct_valid_service(serviceID) || !emu_world_exists((int32_t)worldID)) {
      emu_log(EMU_LOG_WARNING, "accounting",
              "no charging: service %llu or world %d is not valid",
              (unsigned long long)serviceID, (int)worldID);
      return VMK_SERVICE_TIME_CONTEXT_NONE;
   }
   ctx = calloc(1, sizeof *ctx);
   if (ctx == NULL) {
      return VMK_SERVICE_TIME_CONTEXT_NONE;
   }
   ctx->ac_service = serviceID;
   ctx->ac_world = worldID;
   ctx->ac_start = emu_time_now_ns();
   snprintf(ctx->ac_name, sizeof ctx->ac_name, "%s/%d",
            acct_names[serviceID - 1], (int)worldID);
   emu_mutex_lock(&acct_lock);
   ctx->ac_next = acct_open;
   acct_open = ctx;
   emu_mutex_unlock(&acct_lock);
   emu_rsrc_add(&ctx->ac_rsrc, EMU_RSRC_OTHER, "service time context",
                ctx->ac_name, EMU_CALLER());
   return ctx;
}

EMU_EXPORT void
vmk_ServiceTimeChargeEndWorld(vmk_ServiceTimeContext context)
{
   vmk_uint64 now;

   if (context == VMK_SERVICE_TIME_CONTEXT_NONE) {
      return;
   }
   now = emu_time_now_ns();
   emu_mutex_lock(&acct_lock);
   if (!acct_find(context, 1)) {
      emu_mutex_unlock(&acct_lock);
      acct_dead(context, "vmk_ServiceTimeChargeEndWorld", EMU_CALLER());
      return;
   }
   acct_add(context->ac_service, context->ac_world,
            now > context->ac_start ? now - context->ac_start : 0);
   emu_mutex_unlock(&acct_lock);
   emu_rsrc_remove(&context->ac_rsrc);
   free(context);
}

EMU_EXPORT void
vmk_ServiceTimeChargeSetWorld(vmk_ServiceTimeContext context,
                              vmk_WorldID worldID)
{
   vmk_uint64 now;

   if (context == VMK_SERVICE_TIME_CONTEXT_NONE) {
      return;
   }
   now = emu_time_now_ns();
   emu_mutex_lock(&acct_lock);
   if (!acct_find(context, 0)) {
      emu_mutex_unlock(&acct_lock);
      acct_dead(context, "vmk_ServiceTimeChargeSetWorld", EMU_CALLER());
      return;
   }
   if (!emu_world_exists((int32_t)worldID)) {
      emu_mutex_unlock(&acct_lock);
      emu_log(EMU_LOG_WARNING, "accounting",
              "vmk_ServiceTimeChargeSetWorld: world %d is not alive; "
              "the charge stays with world %d", (int)worldID,
              (int)context->ac_world);
      return;
   }
   acct_add(context->ac_service, context->ac_world,
            now > context->ac_start ? now - context->ac_start : 0);
   context->ac_world = worldID;
   context->ac_start = now;
   emu_mutex_unlock(&acct_lock);
}

EMU_EXPORT vmk_uint64
EmuCtl_ServiceTimeCharged(vmk_ServiceAcctID serviceID, vmk_WorldID worldID)
{
   vmk_uint64 ns = 0;
   int i;

   if (!acct_valid_service(serviceID)) {
      return 0;
   }
   emu_mutex_lock(&acct_lock);
   for (i = 0; i < ACCT_MAXWORLDS; i++) {
      if (acct_table[serviceID - 1][i].ae_world == worldID) {
         ns = acct_table[serviceID - 1][i].ae_ns;
         break;
      }
   }
   emu_mutex_unlock(&acct_lock);
   return ns;
}

EMU_EXPORT void
EmuCtl_ServiceTimeReset(void)
{
   emu_mutex_lock(&acct_lock);
   memset(acct_table, 0, sizeof acct_table);
   emu_mutex_unlock(&acct_lock);
}
