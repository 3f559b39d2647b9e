/*
 * rsrc.c -- live-resource registry (see rsrc.h).
 */
#include "rsrc.h"

#include <stdio.h>
#include <string.h>

#include "report.h"

static emu_mutex_t rsrc_lock = EMU_MUTEX_INITIALIZER;
static emu_rsrc_t rsrc_heads[EMU_RSRC_COUNT];
static uint64_t rsrc_seq;
static int32_t (*rsrc_module_hook)(void);

static const char *const rsrc_names[EMU_RSRC_COUNT] = {
   "any", "arena", "slab", "heap", "mempool", "pages", "map", "world",
   "storage", "lock", "timer", "log", "module", "device", "other",
};

const char *
emu_rsrc_kind_name(emu_rsrc_kind_t kind)
{
   return (unsigned)kind < EMU_RSRC_COUNT ? rsrc_names[kind] : "?";
}

void
emu_rsrc_set_module_hook(int32_t (*current)(void))
{
   rsrc_module_hook = current;
}

static emu_rsrc_t *
rsrc_head(emu_rsrc_kind_t kind)
{
   emu_rsrc_t *h = &rsrc_heads[kind];

   if (h->r_next == NULL) {
      h->r_next = h;
      h->r_prev = h;
   }
   return h;
}

void
emu_rsrc_add(emu_rsrc_t *r, emu_rsrc_kind_t kind, const char *type,
             const char *name, const void *caller)
{
   emu_rsrc_t *h;

   if ((unsigned)kind >= EMU_RSRC_COUNT || kind == EMU_RSRC_ANY) {
      kind = EMU_RSRC_OTHER;
   }
   r->r_kind = kind;
   r->r_type = type;
   r->r_name = name;
   r->r_caller = caller;
   r->r_module = rsrc_module_hook != NULL ? rsrc_module_hook() : -1;
   emu_mutex_lock(&rsrc_lock);
   h = rsrc_head(kind);
   r->r_seq = ++rsrc_seq;
   r->r_next = h;
   r->r_prev = h->r_prev;
   h->r_prev->r_next = r;
   h->r_prev = r;
   emu_mutex_unlock(&rsrc_lock);
}

void
emu_rsrc_remove(emu_rsrc_t *r)
{
   emu_mutex_lock(&rsrc_lock);
   if (r->r_next != NULL) {
      r->r_next->r_prev = r->r_prev;
      r->r_prev->r_next = r->r_next;
      r->r_next = NULL;
      r->r_prev = NULL;
   }
   emu_mutex_unlock(&rsrc_lock);
}

static uint64_t
rsrc_walk(emu_rsrc_kind_t kind, int32_t module, const char *prefix)
{
   uint64_t n = 0;
   unsigned k;

   for (k = 1; k < EMU_RSRC_COUNT; k++) {
      emu_rsrc_t *h;
      emu_rsrc_t *r;

      if (kind != EMU_RSRC_ANY && kind != (emu_rsrc_kind_t)k) {
         continue;
      }
      h = rsrc_head((emu_rsrc_kind_t)k);
      for (r = h->r_next; r != h; r = r->r_next) {
         if (module != -1 && r->r_module != module) {
            continue;
         }
         n++;
         if (prefix != NULL) {
            char where[512];

            emu_host_symbolize(r->r_caller, where, sizeof where, 1);
            emu_host_print_err("%s%-8s %-20s module %d, created by %s\n",
                               prefix, r->r_type != NULL ? r->r_type
                               : rsrc_names[k],
                               r->r_name != NULL ? r->r_name : "(unnamed)",
                               (int)r->r_module, where);
         }
      }
   }
   return n;
}

uint64_t
emu_rsrc_count(emu_rsrc_kind_t kind, int32_t module)
{
   uint64_t n;

   emu_mutex_lock(&rsrc_lock);
   n = rsrc_walk(kind, module, NULL);
   emu_mutex_unlock(&rsrc_lock);
   return n;
}

uint64_t
emu_rsrc_dump(emu_rsrc_kind_t kind, int32_t module, const char *prefix)
{
   uint64_t n;

   emu_mutex_lock(&rsrc_lock);
   n = rsrc_walk(kind, module, prefix != NULL ? prefix : "");
   emu_mutex_unlock(&rsrc_lock);
   return n;
}

/* One leftover, copied out of the registry so the report runs unlocked. */
typedef struct rsrc_snap {
   emu_rsrc_kind_t s_kind;
   const char     *s_type;
   char            s_name[64];
   const void     *s_caller;
} rsrc_snap_t;

uint64_t
emu_rsrc_report_leaks(int32_t module, const char *owner, const char *what)
{
   rsrc_snap_t snap[EMU_RSRC_REPORT_MAX];
   emu_report_obj_t obj = { "module", owner, NULL };
   uint64_t oldest = UINT64_MAX;
   uint64_t n = 0;
   unsigned first = 0;
   unsigned ns = 0;
   unsigned k;
   unsigned i;

   emu_mutex_lock(&rsrc_lock);
   for (k = 1; k < EMU_RSRC_COUNT; k++) {
      emu_rsrc_t *h = rsrc_head((emu_rsrc_kind_t)k);
      emu_rsrc_t *r;

      for (r = h->r_next; r != h; r = r->r_next) {
         if (module != -1 && r->r_module != module) {
            continue;
         }
         n++;
         if (ns == EMU_RSRC_REPORT_MAX) {
            continue;
         }
         snap[ns].s_kind = (emu_rsrc_kind_t)k;
         snap[ns].s_type = r->r_type != NULL ? r->r_type : rsrc_names[k];
         snprintf(snap[ns].s_name, sizeof snap[ns].s_name, "%s",
                  r->r_name != NULL ? r->r_name : "(unnamed)");
         snap[ns].s_caller = r->r_caller;
         if (r->r_seq < oldest) {
            oldest = r->r_seq;
            first = ns;
         }
         ns++;
      }
   }
   emu_mutex_unlock(&rsrc_lock);
   if (n == 0) {
      return 0;
   }
   emu_report_begin(EMU_RPT_LEAK, &obj, snap[first].s_caller,
                    "%s: module %d still owns %llu resource(s)", what,
                    (int)module, (unsigned long long)n);
   for (i = 0; i < ns; i++) {
      char where[512];

      emu_host_symbolize(snap[i].s_caller, where, sizeof where, 1);
      emu_report_detail("%s %s '%s', created by %s",
                        rsrc_names[snap[i].s_kind], snap[i].s_type,
                        snap[i].s_name, where);
   }
   if (n > ns) {
      emu_report_detail("... and %llu more",
                        (unsigned long long)(n - ns));
   }
   emu_report_end();
   return n;
}

void
emu_rsrc_forget_all(void)
{
   unsigned k;

   emu_mutex_lock(&rsrc_lock);
   for (k = 0; k < EMU_RSRC_COUNT; k++) {
      rsrc_heads[k].r_next = &rsrc_heads[k];
      rsrc_heads[k].r_prev = &rsrc_heads[k];
   }
   emu_mutex_unlock(&rsrc_lock);
}
