/*
 * logcomp.c -- log components (see logcomp.h).
 *
 * 1. Model.  A component is a named log channel owned by a module, with a
 *    current level and a throttle.  vmk_LogLevel(urgency, comp, level, ..)
 *    writes when the component's current level is at least `level`; the
 *    vmk_Log / vmk_Warning / vmk_Alert macros pass the current level, so
 *    they always pass that test, and vmk_LogDebug passes its own minimum.
 *    Lines go to the core log (stderr and the EmuCtl_LogCapture buffer) as
 *    "vmkemu: <time> <world> <module> <severity>: <text>"; the macros put
 *    the component name, function and line at the start of the text.
 *
 * 2. Throttling.  NONE writes everything.  COUNT keeps a message count per
 *    component: the first EMU_LOGCOMP_THROTTLE_FREE messages pass, then
 *    only those whose number is a power of two (16th, 32nd, 64th, ...), so
 *    a flood costs O(log n) lines; a line written after some were dropped
 *    is followed by "(<n> messages throttled)".  CUSTOM asks the driver's
 *    function, which must not block: it runs inside a non-blocking region.
 *
 * 3. Handles.  Components live on one list under lc_lock.  A handle is
 *    checked by looking it up on the list, never by dereferencing it, so a
 *    stale handle is detected without touching freed memory.  Each live
 *    component is a registered resource (kind LOG) so a module that forgets
 *    vmk_LogUnregister is listed at unload.
 *
 * 4. Differences from ESX: the component is allocated from the host, not
 *    from props->heap (the heap is recorded only), so a heap destroyed
 *    under a live component is not detected here; the component leak is.
 */
#include "logcomp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/block.h"
#include "../core/fault.h"
#include "../core/rsrc.h"
#include "module.h"

struct emu_logcomp {
   uint32_t                lc_magic;      /* EMU_LOGCOMP_MAGIC while alive */
   /* Immutable after create */
   char                    lc_name[EMU_LOGCOMP_NAME_MAX];
   int32_t                 lc_module;
   emu_logcomp_throttle_t  lc_thr;
   int                   (*lc_thr_call)(void *, void *);
   void                   *lc_thr_fn;     /* the driver's throttler */
   void                   *lc_thr_arg;
   emu_rsrc_t              lc_rsrc;
   /* lc_lock */
   struct emu_logcomp     *lc_next;
   /* Atomics */
   int32_t                 lc_level;
   uint64_t                lc_count;      /* messages offered (COUNT) */
   uint64_t                lc_dropped;    /* dropped since the last written */
   uint64_t                lc_suppressed; /* dropped in total */
};

static emu_mutex_t lc_lock = EMU_MUTEX_INITIALIZER;
static struct emu_logcomp *lc_list;

emu_status_t
emu_logcomp_init(void)
{
   return EMU_OK;
}

void
emu_logcomp_fini(void)
{
   struct emu_logcomp *c;

   /* What is left was listed as leaked by EmuCtl_Shutdown. */
   emu_mutex_lock(&lc_lock);
   while ((c = lc_list) != NULL) {
      lc_list = c->lc_next;
      emu_rsrc_remove(&c->lc_rsrc);
      c->lc_magic = 0;
      free(c);
   }
   emu_mutex_unlock(&lc_lock);
}

/* => lc_lock held. */
static struct emu_logcomp *
lc_lookup(const emu_logcomp_t *h)
{
   struct emu_logcomp *c;

   for (c = lc_list; c != NULL; c = c->lc_next) {
      if (c == h) {
         return c;
      }
   }
   return NULL;
}

int
emu_logcomp_live(const emu_logcomp_t *c)
{
   int live;

   if (c == NULL) {
      return 0;
   }
   emu_mutex_lock(&lc_lock);
   live = lc_lookup(c) != NULL;
   emu_mutex_unlock(&lc_lock);
   return live;
}

emu_status_t
emu_logcomp_create(const char *name, int32_t module, int32_t level,
                   emu_logcomp_throttle_t thr,
                   int (*thr_call)(void *fn, void *arg), void *thr_fn,
                   void *thr_arg, const void *caller, emu_logcomp_t **out)
{
   struct emu_logcomp *c;
   struct emu_logcomp *o;

   if (name == NULL || name[0] == '\0' || out == NULL) {
      return EMU_BADPARAM;
   }
   if (thr != EMU_LOGTHR_NONE && thr != EMU_LOGTHR_COUNT &&
       thr != EMU_LOGTHR_CUSTOM) {
      return EMU_BADPARAM;
   }
   if (thr == EMU_LOGTHR_CUSTOM && (thr_fn == NULL || thr_call == NULL)) {
      return EMU_BADPARAM;
   }
   if (!emu_mod_exists(module)) {
      return EMU_NOTFOUND;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   c = calloc(1, sizeof *c);
   if (c == NULL) {
      return EMU_NOMEM;
   }
   c->lc_magic = EMU_LOGCOMP_MAGIC;
   snprintf(c->lc_name, sizeof c->lc_name, "%s", name);
   c->lc_module = module;
   c->lc_level = level;
   c->lc_thr = thr;
   c->lc_thr_call = thr_call;
   c->lc_thr_fn = thr_fn;
   c->lc_thr_arg = thr_arg;

   emu_mutex_lock(&lc_lock);
   for (o = lc_list; o != NULL; o = o->lc_next) {
      if (o->lc_module == module && strcmp(o->lc_name, c->lc_name) == 0) {
         emu_mutex_unlock(&lc_lock);
         free(c);
         return EMU_EXISTS;
      }
   }
   c->lc_next = lc_list;
   lc_list = c;
   emu_mutex_unlock(&lc_lock);
   emu_rsrc_add(&c->lc_rsrc, EMU_RSRC_LOG, "log", c->lc_name, caller);
   *out = c;
   return EMU_OK;
}

emu_status_t
emu_logcomp_destroy(emu_logcomp_t *h)
{
   struct emu_logcomp **pp;
   struct emu_logcomp *c = NULL;

   emu_mutex_lock(&lc_lock);
   for (pp = &lc_list; *pp != NULL; pp = &(*pp)->lc_next) {
      if (*pp == h) {
         c = *pp;
         *pp = c->lc_next;
         break;
      }
   }
   emu_mutex_unlock(&lc_lock);
   if (c == NULL) {
      return EMU_NOTFOUND;
   }
   emu_rsrc_remove(&c->lc_rsrc);
   c->lc_magic = 0;
   free(c);
   return EMU_OK;
}

emu_status_t
emu_logcomp_find(int32_t module, const char *name, emu_logcomp_t **out)
{
   struct emu_logcomp *c;

   if (name == NULL || out == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&lc_lock);
   for (c = lc_list; c != NULL; c = c->lc_next) {
      if (c->lc_module == module && strcmp(c->lc_name, name) == 0) {
         break;
      }
   }
   emu_mutex_unlock(&lc_lock);
   if (c == NULL) {
      return EMU_NOTFOUND;
   }
   *out = c;
   return EMU_OK;
}

const char *
emu_logcomp_name(const emu_logcomp_t *c)
{
   return c->lc_name;
}

int32_t
emu_logcomp_level(const emu_logcomp_t *c)
{
   return __atomic_load_n(&c->lc_level, __ATOMIC_RELAXED);
}

void
emu_logcomp_set_level(emu_logcomp_t *c, int32_t level)
{
   __atomic_store_n(&c->lc_level, level, __ATOMIC_RELAXED);
}

int32_t
emu_logcomp_module(const emu_logcomp_t *c)
{
   return c->lc_module;
}

uint64_t
emu_logcomp_suppressed(const emu_logcomp_t *c)
{
   return __atomic_load_n(&c->lc_suppressed, __ATOMIC_RELAXED);
}

/* 1 when the throttle lets this message through. */
static int
lc_throttle_pass(struct emu_logcomp *c)
{
   uint64_t n;
   int pass;

   switch (c->lc_thr) {
   case EMU_LOGTHR_COUNT:
      n = __atomic_add_fetch(&c->lc_count, 1, __ATOMIC_RELAXED);
      return n <= EMU_LOGCOMP_THROTTLE_FREE || (n & (n - 1)) == 0;
   case EMU_LOGTHR_CUSTOM:
      EMU_NONBLOCKING_BEGIN("log throttle callback");
      pass = c->lc_thr_call(c->lc_thr_fn, c->lc_thr_arg) != 0;
      EMU_NONBLOCKING_END();
      return pass;
   default:
      return 1;
   }
}

int
emu_logcomp_vlog(emu_logcomp_t *c, emu_log_level_t sev, int32_t level,
                 const char *fmt, va_list ap)
{
   char who[EMU_MOD_NAME_MAX];
   uint64_t dropped;

   if (emu_logcomp_level(c) < level) {
      return 0;
   }
   if (!lc_throttle_pass(c)) {
      __atomic_add_fetch(&c->lc_dropped, 1, __ATOMIC_RELAXED);
      __atomic_add_fetch(&c->lc_suppressed, 1, __ATOMIC_RELAXED);
      return 0;
   }
   emu_mod_label(c->lc_module, who, sizeof who);
   emu_vlog(sev, who, fmt, ap);
   dropped = __atomic_exchange_n(&c->lc_dropped, 0, __ATOMIC_RELAXED);
   if (dropped != 0) {
      emu_log(sev, who, "%s: (%llu messages throttled)", c->lc_name,
              (unsigned long long)dropped);
   }
   return 1;
}

void
emu_logcomp_vlog_module(emu_log_level_t sev, const char *fmt, va_list ap)
{
   char who[EMU_MOD_NAME_MAX];

   emu_mod_label(emu_mod_stack_top(), who, sizeof who);
   emu_vlog(sev, who, fmt, ap);
}

void
emu_logcomp_backtrace(emu_logcomp_t *c, int skip)
{
   void *pcs[32];
   char who[EMU_MOD_NAME_MAX];
   const char *cname = c != NULL ? c->lc_name : NULL;
   int n;
   int i;

   emu_mod_label(c != NULL ? c->lc_module : emu_mod_stack_top(), who,
                 sizeof who);
   n = emu_host_backtrace(pcs, 32, skip + 1);
   emu_log(EMU_LOG_INFO, who, "%s%sbacktrace (%d frames):",
           cname != NULL ? cname : "", cname != NULL ? ": " : "", n);
   for (i = 0; i < n; i++) {
      char where[256];

      emu_host_symbolize(pcs[i], where, sizeof where, 0);
      emu_log(EMU_LOG_INFO, who, "  #%d %s", i, where);
   }
}

size_t
emu_logcomp_alloc_size(void)
{
   return (sizeof(struct emu_logcomp) + 63) & ~(size_t)63;
}
