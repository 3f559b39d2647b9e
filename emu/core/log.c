/*
 * log.c -- emulator log lines and their capture buffer (see log.h).
 */
#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "report.h"

static emu_mutex_t log_lock = EMU_MUTEX_INITIALIZER;
static char *log_cap;
static size_t log_cap_len;
static size_t log_cap_size;
static int log_capturing;
static unsigned long log_count;
static uint64_t log_epoch_ns;

static const char *const log_level_names[] = {
   "error", "warning", "info", "verbose", "debug",
};

static void
log_capture_append(const char *s, size_t n)
{
   if (log_cap_len + n + 1 > log_cap_size) {
      size_t size = log_cap_size ? log_cap_size : 4096;
      char *p;

      while (log_cap_len + n + 1 > size) {
         size *= 2;
      }
      p = realloc(log_cap, size);
      if (p == NULL) {
         return;
      }
      log_cap = p;
      log_cap_size = size;
   }
   memcpy(log_cap + log_cap_len, s, n);
   log_cap_len += n;
   log_cap[log_cap_len] = '\0';
}

void
emu_vlog(emu_log_level_t level, const char *who, const char *fmt, va_list ap)
{
   char line[1024];
   char world[96];
   uint64_t now;
   int n;
   int m;

   if ((int)level > emu_opt.log_level && !log_capturing) {
      return;
   }
   now = emu_clock_mono_ns();
   if (log_epoch_ns == 0) {
      log_epoch_ns = now;
   }
   now -= log_epoch_ns;
   emu_report_describe_world(world, sizeof world);
   n = snprintf(line, sizeof line, "vmkemu: %llu.%06llu %s %s%s%s: ",
                (unsigned long long)(now / 1000000000ull),
                (unsigned long long)(now % 1000000000ull / 1000),
                world, who != NULL ? who : "", who != NULL ? " " : "",
                log_level_names[level <= EMU_LOG_DEBUG ? level : 4]);
   if (n < 0 || (size_t)n >= sizeof line) {
      n = 0;
   }
   m = vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
   if (m < 0) {
      m = 0;
   }
   n += m;
   if ((size_t)n >= sizeof line - 1) {
      n = (int)sizeof line - 2;
   }
   if (n == 0 || line[n - 1] != '\n') {
      line[n++] = '\n';
   }
   line[n] = '\0';
   emu_mutex_lock(&log_lock);
   log_count++;
   if (log_capturing) {
      log_capture_append(line, (size_t)n);
   }
   if ((int)level <= emu_opt.log_level) {
      emu_host_write_err(line, (size_t)n);
   }
   emu_mutex_unlock(&log_lock);
}

void
emu_log(emu_log_level_t level, const char *who, const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   emu_vlog(level, who, fmt, ap);
   va_end(ap);
}

void
emu_log_not_emulated(const char *name, int *once)
{
   if (!__atomic_exchange_n(once, 1, __ATOMIC_ACQ_REL)) {
      emu_log(EMU_LOG_WARNING, NULL, "not emulated: %s", name);
   }
}

void
emu_log_capture_start(void)
{
   emu_mutex_lock(&log_lock);
   log_cap_len = 0;
   if (log_cap != NULL) {
      log_cap[0] = '\0';
   }
   log_capturing = 1;
   emu_mutex_unlock(&log_lock);
}

void
emu_log_capture_stop(void)
{
   emu_mutex_lock(&log_lock);
   log_capturing = 0;
   emu_mutex_unlock(&log_lock);
}

const char *
emu_log_captured(void)
{
   return log_cap != NULL ? log_cap : "";
}

unsigned long
emu_log_lines(void)
{
   return log_count;
}
