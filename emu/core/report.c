/*
 * report.c -- the report channel (see report.h).
 *
 * A report is assembled into one buffer (so lines from two threads never
 * interleave), then either recorded against an expectation, printed and
 * kept (report_continue), or printed before the process exits with
 * EMU_REPORT_EXIT_CODE.  Between emu_report_begin() and emu_report_end()
 * the channel lock is held, so detail lines belong to one report.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "options.h"

#define REPORT_BUF 16384

static const char *const report_names[EMU_RPT_COUNT] = {
   [EMU_RPT_NONE] = "NONE",
#define RPT_NAME(name, text) [EMU_RPT_##name] = #name,
   EMUCTL_REPORT_KINDS(RPT_NAME)
#undef RPT_NAME
};

static const char *const report_texts[EMU_RPT_COUNT] = {
   [EMU_RPT_NONE] = "no report",
#define RPT_TEXT(name, text) [EMU_RPT_##name] = text,
   EMUCTL_REPORT_KINDS(RPT_TEXT)
#undef RPT_TEXT
};

static emu_mutex_t report_lock = EMU_MUTEX_INITIALIZER;
static emu_report_world_describer_t report_describer;
static emu_report_module_describer_t report_mod_describer;
static char report_buf[REPORT_BUF];
static size_t report_len;
static emu_report_kind_t report_kind;
static char report_last[REPORT_BUF];
static unsigned long report_counts[EMU_RPT_COUNT];
static unsigned long report_expected[EMU_RPT_COUNT];

const char *
emu_report_kind_name(emu_report_kind_t kind)
{
   if ((unsigned)kind >= EMU_RPT_COUNT) {
      return "UNKNOWN";
   }
   return report_names[kind];
}

void
emu_report_set_world_describer(emu_report_world_describer_t fn)
{
   report_describer = fn;
}

void
emu_report_set_module_describer(emu_report_module_describer_t fn)
{
   report_mod_describer = fn;
}

void
emu_report_describe_world(char *buf, size_t len)
{
   void *self = emu_host_self_get();

   if (report_describer != NULL && self != NULL) {
      report_describer(self, buf, len);
   } else {
      snprintf(buf, len, "thread %llu",
               (unsigned long long)emu_thread_host_id());
   }
}

static void
report_vappend(const char *fmt, va_list ap)
{
   int n;

   if (report_len >= sizeof report_buf - 1) {
      return;
   }
   n = vsnprintf(report_buf + report_len, sizeof report_buf - report_len,
                 fmt, ap);
   if (n > 0) {
      report_len += (size_t)n;
      if (report_len > sizeof report_buf - 1) {
         report_len = sizeof report_buf - 1;
      }
   }
}

static void
report_append(const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   report_vappend(fmt, ap);
   va_end(ap);
}

static void
report_vbegin(emu_report_kind_t kind, const emu_report_obj_t *obj,
              const void *caller, const char *fmt, va_list ap)
{
   char world[128];
   char module[96];
   char where[512];

   if ((unsigned)kind >= EMU_RPT_COUNT) {
      kind = EMU_RPT_MISUSE;
   }
   emu_report_describe_world(world, sizeof world);
   module[0] = '\0';
   if (report_mod_describer != NULL) {
      report_mod_describer(module, sizeof module);
   }
   emu_mutex_lock(&report_lock);
   report_kind = kind;
   report_len = 0;
   report_append("vmkemu REPORT %s: %s\n", report_names[kind],
                 report_texts[kind]);
   if (obj != NULL && (obj->type != NULL || obj->name != NULL)) {
      report_append("  object: %s '%s' at %p\n",
                    obj->type != NULL ? obj->type : "?",
                    obj->name != NULL ? obj->name : "",
                    obj->addr);
   }
   report_append("  world:  %s\n", world);
   if (module[0] != '\0') {
      report_append("  module: %s\n", module);
   }
   if (caller != NULL) {
      emu_host_symbolize(caller, where, sizeof where, 1);
      report_append("  caller: %s\n", where);
   }
   if (fmt != NULL && *fmt != '\0') {
      report_append("  what:   ");
      report_vappend(fmt, ap);
      report_append("\n");
   }
}

void
emu_report_begin(emu_report_kind_t kind, const emu_report_obj_t *obj,
                 const void *caller, const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   report_vbegin(kind, obj, caller, fmt, ap);
   va_end(ap);
}

void
emu_report_detail(const char *fmt, ...)
{
   va_list ap;

   report_append("    ");
   va_start(ap, fmt);
   report_vappend(fmt, ap);
   va_end(ap);
   report_append("\n");
}

void
emu_report_end(void)
{
   emu_report_kind_t kind = report_kind;
   int expected;

   report_counts[kind]++;
   memcpy(report_last, report_buf, report_len + 1);
   expected = report_expected[kind] > 0;
   if (expected) {
      report_expected[kind]--;
   }
   if (!expected || emu_opt.report_continue) {
      emu_host_write_err(report_buf, report_len);
   }
   emu_mutex_unlock(&report_lock);
   if (!expected && !emu_opt.report_continue) {
      emu_host_print_err("vmkemu: stopping after the report above "
                         "(exit %d); set report_continue to go on\n",
                         EMU_REPORT_EXIT_CODE);
      emu_host_exit(EMU_REPORT_EXIT_CODE);
   }
}

void
emu_report(emu_report_kind_t kind, const emu_report_obj_t *obj,
           const void *caller, const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   report_vbegin(kind, obj, caller, fmt, ap);
   va_end(ap);
   emu_report_end();
}

void
emu_report_expect(emu_report_kind_t kind)
{
   if ((unsigned)kind >= EMU_RPT_COUNT) {
      return;
   }
   emu_mutex_lock(&report_lock);
   report_expected[kind]++;
   emu_mutex_unlock(&report_lock);
}

int
emu_report_check(char *why, size_t len)
{
   int unmet = 0;
   unsigned i;
   size_t used = 0;

   if (why != NULL && len > 0) {
      why[0] = '\0';
   }
   emu_mutex_lock(&report_lock);
   for (i = 0; i < EMU_RPT_COUNT; i++) {
      if (report_expected[i] != 0) {
         unmet += (int)report_expected[i];
         if (why != NULL && used < len) {
            int n = snprintf(why + used, len - used,
                             "%sexpected %lu more %s report(s)",
                             used ? "; " : "", report_expected[i],
                             report_names[i]);
            if (n > 0) {
               used += (size_t)n;
            }
         }
         report_expected[i] = 0;
      }
   }
   emu_mutex_unlock(&report_lock);
   return unmet;
}

unsigned long
emu_report_count(emu_report_kind_t kind)
{
   unsigned long n;

   if ((unsigned)kind >= EMU_RPT_COUNT) {
      return 0;
   }
   emu_mutex_lock(&report_lock);
   if (kind == EMU_RPT_NONE) {
      unsigned k;

      /* NONE is never raised: it stands for all kinds together. */
      for (n = 0, k = 1; k < EMU_RPT_COUNT; k++) {
         n += report_counts[k];
      }
   } else {
      n = report_counts[kind];
   }
   emu_mutex_unlock(&report_lock);
   return n;
}

void
emu_report_reset(void)
{
   emu_mutex_lock(&report_lock);
   memset(report_counts, 0, sizeof report_counts);
   memset(report_expected, 0, sizeof report_expected);
   report_last[0] = '\0';
   emu_mutex_unlock(&report_lock);
}

void
emu_report_last(char *buf, size_t len)
{
   if (buf == NULL || len == 0) {
      return;
   }
   emu_mutex_lock(&report_lock);
   snprintf(buf, len, "%s", report_last);
   emu_mutex_unlock(&report_lock);
}
