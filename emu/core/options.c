/*
 * options.c -- the table behind emu_opt (see options.h).
 */
#include "options.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../host/host.h"
#include "fault.h"

struct emu_options emu_opt;

/*
 * AddressSanitizer cannot name the allocating line of a slab or heap
 * object (the engine poisons them itself), so ASan builds keep the audit
 * trail by default and describe it after each ASan report (san_whatis.c).
 */
#if defined(EMU_ASAN)
#define OPT_AUDIT_DEFAULT 1
#else
#define OPT_AUDIT_DEFAULT 0
#endif

typedef enum opt_kind {
   OPT_BOOL,
   OPT_U64,
} opt_kind_t;

typedef struct opt_entry {
   const char *name;
   opt_kind_t  kind;
   void       *target;
   uint64_t    dflt;
   const char *stability;       /* "stable" or "experimental" */
   const char *desc;
} opt_entry_t;

static const opt_entry_t opt_table[] = {
   { "audit", OPT_BOOL, &emu_opt.audit, OPT_AUDIT_DEFAULT, "stable",
     "record the caller, world and stack of each allocation and free" },
   { "guards", OPT_BOOL, &emu_opt.guards, 0, "stable",
     "put a guard pattern after each object and check it on free" },
   { "contents", OPT_BOOL, &emu_opt.contents, 0, "stable",
     "fill freed memory with a pattern and check it on reuse" },
   { "report_continue", OPT_BOOL, &emu_opt.report_continue, 0, "stable",
     "print every report and keep running instead of aborting" },
   { "log_level", OPT_U64, &emu_opt.log_level, 4, "stable",
     "drop log messages whose level is above this (0 = errors only)" },
   { "fail_nth", OPT_U64, &emu_opt.fail_nth, 0, "stable",
     "fail the Nth allocation-like call (1-based), then no more" },
   { "fail_every", OPT_U64, &emu_opt.fail_every, 0, "stable",
     "fail every Nth allocation-like call" },
   { "fail_permille", OPT_U64, &emu_opt.fail_permille, 0, "stable",
     "fail allocation-like calls with probability N/1000" },
   { "fail_seed", OPT_U64, &emu_opt.fail_seed, 1, "stable",
     "seed of the random failures (printed when they are armed)" },
   { "fail_sites", OPT_BOOL, &emu_opt.fail_sites, 0, "experimental",
     "fail the first call from each distinct call site once" },
};

#define OPT_COUNT (sizeof opt_table / sizeof opt_table[0])

static void
opt_store(const opt_entry_t *e, uint64_t v)
{
   if (e->kind == OPT_BOOL || e->target == (void *)&emu_opt.log_level) {
      *(int *)e->target = (int)v;
   } else {
      *(uint64_t *)e->target = v;
   }
}

static uint64_t
opt_load(const opt_entry_t *e)
{
   if (e->kind == OPT_BOOL || e->target == (void *)&emu_opt.log_level) {
      return (uint64_t)*(int *)e->target;
   }
   return *(uint64_t *)e->target;
}

void
emu_options_reset(void)
{
   unsigned i;

   for (i = 0; i < OPT_COUNT; i++) {
      opt_store(&opt_table[i], opt_table[i].dflt);
   }
   emu_fault_rearm();
}

static const opt_entry_t *
opt_find(const char *name, size_t len)
{
   unsigned i;

   for (i = 0; i < OPT_COUNT; i++) {
      if (strlen(opt_table[i].name) == len &&
          strncmp(opt_table[i].name, name, len) == 0) {
         return &opt_table[i];
      }
   }
   return NULL;
}

static emu_status_t
opt_set(const char *name, size_t nlen, const char *value, size_t vlen)
{
   const opt_entry_t *e = opt_find(name, nlen);
   char buf[32];
   char *end;
   uint64_t v;

   if (e == NULL) {
      return EMU_NOTFOUND;
   }
   if (value == NULL) {
      if (e->kind != OPT_BOOL) {
         return EMU_BADPARAM;
      }
      v = 1;
   } else {
      if (vlen == 0 || vlen >= sizeof buf) {
         return EMU_BADPARAM;
      }
      memcpy(buf, value, vlen);
      buf[vlen] = '\0';
      if (strcmp(buf, "on") == 0 || strcmp(buf, "yes") == 0 ||
          strcmp(buf, "true") == 0) {
         v = 1;
      } else if (strcmp(buf, "off") == 0 || strcmp(buf, "no") == 0 ||
                 strcmp(buf, "false") == 0) {
         v = 0;
      } else {
         v = strtoull(buf, &end, 0);
         if (*end != '\0') {
            return EMU_BADPARAM;
         }
      }
      if (e->kind == OPT_BOOL && v > 1) {
         return EMU_BADPARAM;
      }
   }
   opt_store(e, v);
   if (strncmp(e->name, "fail_", 5) == 0) {
      emu_fault_rearm();
   }
   return EMU_OK;
}

emu_status_t
emu_options_set(const char *name, const char *value)
{
   if (name == NULL) {
      return EMU_BADPARAM;
   }
   return opt_set(name, strlen(name), value,
                  value != NULL ? strlen(value) : 0);
}

emu_status_t
emu_options_get(const char *name, char *buf, unsigned len)
{
   const opt_entry_t *e;

   if (name == NULL || buf == NULL || len == 0) {
      return EMU_BADPARAM;
   }
   e = opt_find(name, strlen(name));
   if (e == NULL) {
      return EMU_NOTFOUND;
   }
   snprintf(buf, len, "%" PRIu64, opt_load(e));
   return EMU_OK;
}

emu_status_t
emu_options_parse(const char *list)
{
   const char *p = list;

   if (list == NULL) {
      return EMU_OK;
   }
   while (*p != '\0') {
      const char *end = strchr(p, ',');
      const char *eq;
      size_t len;
      emu_status_t st;

      if (end == NULL) {
         end = p + strlen(p);
      }
      len = (size_t)(end - p);
      eq = memchr(p, '=', len);
      if (len > 0) {
         if (eq != NULL) {
            st = opt_set(p, (size_t)(eq - p), eq + 1,
                         (size_t)(end - eq - 1));
         } else {
            st = opt_set(p, len, NULL, 0);
         }
         if (st != EMU_OK) {
            emu_host_print_err("vmkemu: bad debug option '%.*s'\n",
                               (int)len, p);
            return st;
         }
      }
      p = *end == ',' ? end + 1 : end;
   }
   return EMU_OK;
}

void
emu_options_print(void)
{
   unsigned i;

   for (i = 0; i < OPT_COUNT; i++) {
      emu_host_print_err("  %-16s %-8" PRIu64 " %-12s %s\n",
                         opt_table[i].name, opt_load(&opt_table[i]),
                         opt_table[i].stability, opt_table[i].desc);
   }
}
