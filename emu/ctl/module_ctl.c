/*
 * module_ctl.c -- EmuCtl_* for modules, logging and panics (see
 * emuctl_module.h; the engines are emu/mod/module.c, modload.c, logcomp.c
 * and panic.c).
 */
#include "emuctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/log.h"
#include "core/rsrc.h"
#include "ctl/ctl.h"
#include "mod/logcomp.h"
#include "mod/modload.h"
#include "mod/module.h"
#include "mod/panic.h"
#include "mod/stress.h"
#include "mem/heap.h"
#include "mem/slab.h"
#include "world/world.h"

EMU_STATIC_ASSERT_CTL(EMUCTL_PANIC_EXIT_CODE == EMU_PANIC_EXIT_CODE,
                      "panic exit code out of step");
EMU_STATIC_ASSERT_CTL((int)EMUCTL_MODULE_LOADING == (int)EMU_MODS_LOADING &&
                      (int)EMUCTL_MODULE_LIVE == (int)EMU_MODS_LIVE &&
                      (int)EMUCTL_MODULE_FAILED == (int)EMU_MODS_FAILED &&
                      (int)EMUCTL_MODULE_UNLOADING ==
                         (int)EMU_MODS_UNLOADING,
                      "module states out of step");

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleLoad(const char *path, int nparams, char *const *params,
                  vmk_ModuleID *id)
{
   char err[1024];
   int32_t mid;
   emu_status_t st;

   if (!EmuCtl_IsRunning()) {
      return VMK_NOT_INITIALIZED;
   }
   if (path == NULL || id == NULL || nparams < 0) {
      return VMK_BAD_PARAM;
   }
   err[0] = '\0';
   st = emu_modload_load(path, nparams, params, EMU_CALLER(), &mid, err,
                         sizeof err);
   if (st != EMU_OK) {
      if (err[0] != '\0') {
         emu_host_print_err("vmkemu: %s\n", err);
      }
      return emu_api_status(st);
   }
   *id = mid;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleCallInit(vmk_ModuleID id, VMK_ReturnStatus *initStatus)
{
   int rc;
   emu_status_t st;

   if (initStatus == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_modload_init(id, &rc);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *initStatus = (VMK_ReturnStatus)rc;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleRunScenario(vmk_ModuleID id, int *result)
{
   if (result == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_modload_scenario(id, result));
}

/* ---- entry points in fresh worlds --------------------------------------- */

typedef struct ctl_call {
   void (*cc_fn)(void *);
   void  *cc_arg;
} ctl_call_t;

static int32_t
ctl_call_world(void *arg)
{
   ctl_call_t *c = arg;

   c->cc_fn(c->cc_arg);
   return 0;
}

/*
 * The loader's runner (modload.h): a world of the emulator's own (not a
 * resource the module could leak), waited for until it is gone.
 */
static emu_status_t
ctl_run_in_world(const char *name, void (*fn)(void *), void *arg)
{
   ctl_call_t c = { fn, arg };
   emu_status_t st;
   int32_t wid;

   st = emu_world_create_system(name, ctl_call_world, &c, &wid);
   if (st != EMU_OK) {
      return EMU_NOMEM;
   }
   /* EMU_NOTFOUND: it is already gone, which is what we wait for. */
   (void)emu_world_wait_for_death(wid);
   return EMU_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleSetCallMode(vmk_ModuleID id, EmuCtl_ModuleCallMode mode)
{
   if (mode != EMUCTL_MODULE_CALL_HERE &&
       mode != EMUCTL_MODULE_CALL_IN_WORLD) {
      return VMK_BAD_PARAM;
   }
   if (!EmuCtl_IsRunning()) {
      return VMK_NOT_INITIALIZED;
   }
   emu_modload_set_runner(ctl_run_in_world);
   return emu_api_status(emu_modload_set_inworld(
                            id, mode == EMUCTL_MODULE_CALL_IN_WORLD));
}

/* ---- leak lists ------------------------------------------------------- */

#define CTL_LEAK_MAX   64          /* heaps / caches detailed per module */
#define CTL_ALLOC_MAX  16          /* allocations listed per heap */

typedef struct ctl_leaks {
   int32_t           l_id;
   emu_heap_t       *l_heap[CTL_LEAK_MAX];
   unsigned          l_nheap;
   char              l_slab[CTL_LEAK_MAX][EMU_SLAB_NAMELEN];
   uint64_t          l_slab_out[CTL_LEAK_MAX];
   unsigned          l_nslab;
} ctl_leaks_t;

static void
ctl_leak_heap_cb(void *arg, const emu_heap_t *h, uint64_t live,
                 uint64_t bytes, const emu_vmem_stats_t *arena)
{
   ctl_leaks_t *l = arg;

   (void)live;
   (void)bytes;
   (void)arena;
   if (h->h_rsrc.r_module == l->l_id && l->l_nheap < CTL_LEAK_MAX) {
      l->l_heap[l->l_nheap++] = (emu_heap_t *)h;
   }
}

static void
ctl_leak_slab_cb(void *arg, const emu_slab_cache_t *sc,
                 const emu_slab_stats_t *st, uint64_t inuse)
{
   ctl_leaks_t *l = arg;

   (void)st;
   if (!(sc->sc_flags & EMU_SLAB_F_INTERNAL) &&
       sc->sc_rsrc.r_module == l->l_id && l->l_nslab < CTL_LEAK_MAX) {
      snprintf(l->l_slab[l->l_nslab], EMU_SLAB_NAMELEN, "%s", sc->sc_name);
      l->l_slab_out[l->l_nslab++] = inuse;
   }
}

typedef struct ctl_alloc_list {
   unsigned a_n;
} ctl_alloc_list_t;

static void
ctl_leak_alloc_cb(void *arg, uintptr_t addr, uint64_t size,
                  const void *caller)
{
   ctl_alloc_list_t *a = arg;
   char where[512];

   if (a->a_n++ >= CTL_ALLOC_MAX) {
      return;
   }
   emu_host_symbolize(caller, where, sizeof where, 1);
   emu_host_print_err("      %llu bytes at %p, allocated by %s\n",
                      (unsigned long long)size, (void *)addr, where);
}

/*
 * What a module's leftover heaps and caches still hold: the live
 * allocations of each heap with their callers, the objects each cache has
 * handed out.  => the module's code is not running any more.
 */
static void
ctl_leak_details(int32_t id)
{
   ctl_leaks_t *l = calloc(1, sizeof *l);
   unsigned i;

   if (l == NULL) {
      return;
   }
   l->l_id = id;
   emu_heap_walk(ctl_leak_heap_cb, l);
   emu_slab_walk(0, ctl_leak_slab_cb, l);
   for (i = 0; i < l->l_nheap; i++) {
      ctl_alloc_list_t a = { 0 };
      uint64_t bytes = 0;
      uint64_t n = emu_heap_live(l->l_heap[i], &bytes);

      if (n == 0) {
         continue;
      }
      emu_host_print_err("    heap '%s' holds %llu live allocation(s), "
                         "%llu bytes:\n", l->l_heap[i]->h_name,
                         (unsigned long long)n, (unsigned long long)bytes);
      n = emu_heap_walk_live(l->l_heap[i], ctl_leak_alloc_cb, &a);
      if (n > CTL_ALLOC_MAX) {
         emu_host_print_err("      ... and %llu more\n",
                            (unsigned long long)(n - CTL_ALLOC_MAX));
      }
   }
   for (i = 0; i < l->l_nslab; i++) {
      if (l->l_slab_out[i] != 0) {
         emu_host_print_err("    slab '%s' has %llu object(s) "
                            "outstanding\n", l->l_slab[i],
                            (unsigned long long)l->l_slab_out[i]);
      }
   }
   free(l);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleUnload(vmk_ModuleID id)
{
   char name[EMU_MOD_NAME_MAX];
   uint64_t leaked = 0;
   emu_status_t st;

   emu_mod_label(id, name, sizeof name);
   st = emu_modload_unload(id, &leaked);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   if (leaked != 0) {
      emu_host_print_err("vmkemu: module '%s' left %llu resource(s) "
                         "behind:\n", name, (unsigned long long)leaked);
      emu_rsrc_dump(EMU_RSRC_ANY, id, "  leaked ");
      ctl_leak_details(id);
      return VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleGetInfo(vmk_ModuleID id, EmuCtl_ModuleInfo *info)
{
   emu_mod_info_t mi;

   if (info == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_mod_get_info(id, &mi) != EMU_OK) {
      return VMK_NOT_FOUND;
   }
   memset(info, 0, sizeof *info);
   info->id = mi.mi_id;
   memcpy(info->name, mi.mi_name, sizeof info->name);
   info->state = (EmuCtl_ModuleState)mi.mi_state;
   info->useCount = mi.mi_use;
   info->heap = (vmk_HeapID)mi.mi_heap;
   info->registered = mi.mi_registered ? VMK_TRUE : VMK_FALSE;
   info->loaded = mi.mi_origin == EMU_MOD_LOADED ? VMK_TRUE : VMK_FALSE;
   info->program = mi.mi_origin == EMU_MOD_PROGRAM ? VMK_TRUE : VMK_FALSE;
   info->liveResources = emu_rsrc_count(EMU_RSRC_ANY, id);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleGetStamp(vmk_ModuleID id, const char *key, char *buf,
                      vmk_uint32 len)
{
   return emu_api_status(emu_modload_stamp(id, key, buf, len));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleSetParam(vmk_ModuleID id, const char *name, const char *value)
{
   char err[512];
   emu_status_t st;

   err[0] = '\0';
   st = emu_modload_param(id, name, value, err, sizeof err);
   if (st != EMU_OK && st != EMU_NOTFOUND && err[0] != '\0') {
      emu_host_print_err("vmkemu: %s\n", err);
   }
   return emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ModuleDescribe(vmk_ModuleID id)
{
   return emu_api_status(emu_modload_describe(id));
}

EMU_EXPORT vmk_ModuleID
EmuCtl_ModuleProgramID(void)
{
   return emu_mod_program();
}

EMU_EXPORT vmk_uint64
EmuCtl_ModuleLiveResources(vmk_ModuleID id, EmuCtl_ResourceKind kind)
{
   return emu_rsrc_count((emu_rsrc_kind_t)kind, id);
}

EMU_EXPORT vmk_uint64
EmuCtl_ModuleDumpResources(vmk_ModuleID id, EmuCtl_ResourceKind kind)
{
   return emu_rsrc_dump((emu_rsrc_kind_t)kind, id, "  live ");
}

static const char *
ctl_state_name(emu_mod_state_t st)
{
   switch (st) {
   case EMU_MODS_LOADING:   return "loading";
   case EMU_MODS_LIVE:      return "live";
   case EMU_MODS_FAILED:    return "failed";
   case EMU_MODS_UNLOADING: return "unloaded";
   }
   return "?";
}

static const char *
ctl_origin_name(emu_mod_origin_t o)
{
   switch (o) {
   case EMU_MOD_KERNEL:     return "kernel";
   case EMU_MOD_PROGRAM:    return "program";
   case EMU_MOD_LOADED:     return "loaded";
   case EMU_MOD_REGISTERED: return "registered";
   }
   return "?";
}

static void
ctl_module_row(const emu_mod_info_t *mi, void *arg)
{
   (void)arg;
   emu_host_print_err("%5d %-24s %-10s %-9s %5u %9llu\n", (int)mi->mi_id,
                      mi->mi_name, ctl_origin_name(mi->mi_origin),
                      ctl_state_name(mi->mi_state), (unsigned)mi->mi_use,
                      (unsigned long long)emu_rsrc_count(EMU_RSRC_ANY,
                                                         mi->mi_id));
}

EMU_EXPORT void
EmuCtl_DumpModules(void)
{
   emu_host_print_err("%5s %-24s %-10s %-9s %5s %9s\n", "id", "module",
                      "origin", "state", "uses", "resources");
   emu_mod_foreach(ctl_module_row, NULL);
}

EMU_EXPORT void
EmuCtl_ModuleGlueAttach(vmk_ModuleID *slot)
{
   emu_mod_glue_attach((int32_t *)slot);
}

EMU_EXPORT vmk_Bool
EmuCtl_LogContains(const char *text)
{
   if (text == NULL) {
      return VMK_FALSE;
   }
   return strstr(emu_log_captured(), text) != NULL ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT vmk_uint64
EmuCtl_LogThrottled(vmk_LogComponent component)
{
   if (!emu_logcomp_live((emu_logcomp_t *)component)) {
      return 0;
   }
   return emu_logcomp_suppressed((emu_logcomp_t *)component);
}

EMU_EXPORT void
EmuCtl_ExpectPanic(jmp_buf *env)
{
   emu_panic_expect(env);
}

EMU_EXPORT void
EmuCtl_SetPanicHandler(EmuCtl_PanicHandler handler, void *arg)
{
   emu_panic_set_handler(handler, arg);
}

EMU_EXPORT vmk_uint64
EmuCtl_PanicCount(void)
{
   return emu_panic_count();
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_LastPanic(EmuCtl_PanicInfo *info)
{
   emu_panic_info_t pi;

   if (info == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_panic_last(&pi) != 0) {
      return VMK_NOT_FOUND;
   }
   memset(info, 0, sizeof *info);
   info->kind = (EmuCtl_ReportKind)pi.pi_kind;
   info->module = pi.pi_module;
   snprintf(info->message, sizeof info->message, "%s", pi.pi_msg);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_StressOptionSet(const char *name, vmk_uint32 value)
{
   return emu_api_status(emu_stress_set(name, value));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_StressOptionGet(const char *name, vmk_uint32 *value)
{
   return emu_api_status(emu_stress_get(name, value));
}
