/*
 * fault.c -- deciding which allocation-like calls fail (see fault.h).
 *
 * All state sits under one mutex: this path only runs while a test has
 * armed injection, and determinism matters more there than speed.
 */
#include "fault.h"

#include <stdlib.h>
#include <uthash.h>

#include "options.h"

int emu_fault_armed;

typedef struct fault_site {
   const void    *pc;
   UT_hash_handle hh;
} fault_site_t;

static emu_mutex_t fault_lock = EMU_MUTEX_INITIALIZER;
static uint64_t fault_calls[EMU_FAULT_NCLASSES];
static uint64_t fault_injected;
static emu_fault_class_t fault_nth_class;
static uint64_t fault_nth;
static uint64_t fault_rng;
static fault_site_t *fault_sites;
static const void *fault_last_site;

/* Walk mode: one failure per run, each from a site not failed before. */
static int walk_on;
static int walk_fired;
static const void *walk_site;
static emu_fault_class_t walk_class;
static fault_site_t *walk_sites;
static emu_fault_hook_t walk_hook;
static emu_fault_class_t walk_filter;

static emu_fault_arm_hook_t fault_arm_hook;

static void
fault_update_armed(void)
{
   int armed = fault_nth != 0 || emu_opt.fail_every != 0 ||
               emu_opt.fail_permille != 0 || emu_opt.fail_sites || walk_on;
   int was = __atomic_exchange_n(&emu_fault_armed, armed, __ATOMIC_SEQ_CST);

   if (was != armed && fault_arm_hook != NULL) {
      fault_arm_hook(armed);
   }
}

void
emu_fault_set_arm_hook(emu_fault_arm_hook_t fn)
{
   emu_mutex_lock(&fault_lock);
   fault_arm_hook = fn;
   if (fn != NULL && emu_fault_armed) {
      fn(1);
   }
   emu_mutex_unlock(&fault_lock);
}

/* xorshift64*: small, seedable, good enough to pick failures. */
static uint64_t
fault_random(void)
{
   fault_rng ^= fault_rng >> 12;
   fault_rng ^= fault_rng << 25;
   fault_rng ^= fault_rng >> 27;
   return fault_rng * 2685821657736338717ull;
}

void
emu_fault_rearm(void)
{
   unsigned i;

   emu_mutex_lock(&fault_lock);
   for (i = 0; i < EMU_FAULT_NCLASSES; i++) {
      fault_calls[i] = 0;
   }
   fault_injected = 0;
   if (emu_opt.fail_nth != 0) {
      fault_nth_class = EMU_FAULT_ANY;
      fault_nth = emu_opt.fail_nth;
   } else {
      fault_nth = 0;
   }
   fault_rng = emu_opt.fail_seed != 0 ? emu_opt.fail_seed : 1;
   if (emu_opt.fail_permille != 0) {
      emu_host_print_err("vmkemu: failing %llu/1000 of allocations, "
                         "seed %llu\n",
                         (unsigned long long)emu_opt.fail_permille,
                         (unsigned long long)emu_opt.fail_seed);
   }
   fault_update_armed();
   emu_mutex_unlock(&fault_lock);
}

void
emu_fault_fail_nth(emu_fault_class_t cls, uint64_t n)
{
   unsigned i;

   emu_mutex_lock(&fault_lock);
   for (i = 0; i < EMU_FAULT_NCLASSES; i++) {
      fault_calls[i] = 0;
   }
   fault_nth_class = cls;
   fault_nth = n;
   fault_update_armed();
   emu_mutex_unlock(&fault_lock);
}

int
emu_fault_decide(emu_fault_class_t cls, const void *caller)
{
   int fail = 0;
   int walked = 0;
   uint64_t n;

   if (cls <= EMU_FAULT_ANY || cls >= EMU_FAULT_NCLASSES) {
      cls = EMU_FAULT_OTHER;
   }
   emu_mutex_lock(&fault_lock);
   fault_calls[EMU_FAULT_ANY]++;
   fault_calls[cls]++;
   n = fault_calls[fault_nth_class];
   if (fault_nth != 0 &&
       (fault_nth_class == EMU_FAULT_ANY || fault_nth_class == cls) &&
       n == fault_nth) {
      fail = 1;
      fault_nth = 0;
   }
   if (!fail && emu_opt.fail_every != 0 &&
       fault_calls[EMU_FAULT_ANY] % emu_opt.fail_every == 0) {
      fail = 1;
   }
   if (!fail && emu_opt.fail_permille != 0 &&
       fault_random() % 1000 < emu_opt.fail_permille) {
      fail = 1;
   }
   if (!fail && emu_opt.fail_sites) {
      fault_site_t *s;

      HASH_FIND_PTR(fault_sites, &caller, s);
      if (s == NULL) {
         s = calloc(1, sizeof *s);
         if (s != NULL) {
            s->pc = caller;
            HASH_ADD_PTR(fault_sites, pc, s);
            fail = 1;
         }
      }
   }
   /* Internal calls (no driver caller) are not sites of their own. */
   if (!fail && walk_on && !walk_fired && caller != NULL &&
       (walk_filter == EMU_FAULT_ANY || walk_filter == cls)) {
      fault_site_t *s;

      HASH_FIND_PTR(walk_sites, &caller, s);
      if (s == NULL) {
         s = calloc(1, sizeof *s);
         if (s != NULL) {
            s->pc = caller;
            HASH_ADD_PTR(walk_sites, pc, s);
            fail = 1;
            walk_fired = 1;
            walked = 1;
            walk_site = caller;
            walk_class = cls;
         }
      }
   }
   if (fail) {
      fault_injected++;
      fault_last_site = caller;
   }
   fault_update_armed();
   emu_mutex_unlock(&fault_lock);
   if (walked && walk_hook != NULL) {
      walk_hook(caller, cls);
   }
   return fail;
}

uint64_t
emu_fault_calls(emu_fault_class_t cls)
{
   uint64_t n;

   if (cls >= EMU_FAULT_NCLASSES) {
      return 0;
   }
   emu_mutex_lock(&fault_lock);
   n = fault_calls[cls];
   emu_mutex_unlock(&fault_lock);
   return n;
}

uint64_t
emu_fault_injected(void)
{
   uint64_t n;

   emu_mutex_lock(&fault_lock);
   n = fault_injected;
   emu_mutex_unlock(&fault_lock);
   return n;
}

void
emu_fault_reset_sites(void)
{
   fault_site_t *s;
   fault_site_t *tmp;

   emu_mutex_lock(&fault_lock);
   HASH_ITER(hh, fault_sites, s, tmp) {
      HASH_DEL(fault_sites, s);
      free(s);
   }
   fault_last_site = NULL;
   emu_mutex_unlock(&fault_lock);
}

const void *
emu_fault_last_site(void)
{
   const void *pc;

   emu_mutex_lock(&fault_lock);
   pc = fault_last_site;
   emu_mutex_unlock(&fault_lock);
   return pc;
}

static void
walk_forget_sites(void)
{
   fault_site_t *s;
   fault_site_t *tmp;

   HASH_ITER(hh, walk_sites, s, tmp) {
      HASH_DEL(walk_sites, s);
      free(s);
   }
}

void
emu_fault_walk_begin(emu_fault_class_t cls, emu_fault_hook_t hook)
{
   emu_mutex_lock(&fault_lock);
   walk_forget_sites();
   walk_filter = cls < EMU_FAULT_NCLASSES ? cls : EMU_FAULT_ANY;
   walk_on = 1;
   walk_fired = 1;           /* nothing fails until the first run starts */
   walk_site = NULL;
   walk_hook = hook;
   fault_update_armed();
   emu_mutex_unlock(&fault_lock);
}

void
emu_fault_walk_run(void)
{
   emu_mutex_lock(&fault_lock);
   walk_fired = 0;
   walk_site = NULL;
   emu_mutex_unlock(&fault_lock);
}

void
emu_fault_walk_hold(void)
{
   emu_mutex_lock(&fault_lock);
   walk_fired = 1;
   emu_mutex_unlock(&fault_lock);
}

int
emu_fault_walk_result(const void **site, emu_fault_class_t *cls)
{
   int fired;

   emu_mutex_lock(&fault_lock);
   fired = walk_site != NULL;
   if (site != NULL) {
      *site = walk_site;
   }
   if (cls != NULL) {
      *cls = walk_class;
   }
   emu_mutex_unlock(&fault_lock);
   return fired;
}

void
emu_fault_walk_note_site(const void *site)
{
   fault_site_t *s;

   emu_mutex_lock(&fault_lock);
   HASH_FIND_PTR(walk_sites, &site, s);
   if (s == NULL) {
      s = calloc(1, sizeof *s);
      if (s != NULL) {
         s->pc = site;
         HASH_ADD_PTR(walk_sites, pc, s);
      }
   }
   emu_mutex_unlock(&fault_lock);
}

int
emu_fault_walk_active(void)
{
   int on;

   emu_mutex_lock(&fault_lock);
   on = walk_on;
   emu_mutex_unlock(&fault_lock);
   return on;
}

void
emu_fault_walk_end(void)
{
   emu_mutex_lock(&fault_lock);
   walk_forget_sites();
   walk_on = 0;
   walk_fired = 0;
   walk_site = NULL;
   walk_hook = NULL;
   fault_update_armed();
   emu_mutex_unlock(&fault_lock);
}
