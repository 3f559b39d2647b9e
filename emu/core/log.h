/*
 * log.h -- the emulator's own log lines (the driver-facing vmk_Log* API is
 * built on top of this in emu/api).
 *
 * Lines go to stderr as "vmkemu: <time> <world> <level>: text".  A capture
 * hook lets tests see what was logged (EmuCtl_LogCapture*).
 */
#ifndef EMU_CORE_LOG_H
#define EMU_CORE_LOG_H

#include <stdarg.h>

#include "../host/host.h"

typedef enum emu_log_level {
   EMU_LOG_ERROR = 0,
   EMU_LOG_WARNING = 1,
   EMU_LOG_INFO = 2,
   EMU_LOG_VERBOSE = 3,
   EMU_LOG_DEBUG = 4,
} emu_log_level_t;

EMU_PRINTF(3, 4)
void emu_log(emu_log_level_t level, const char *who, const char *fmt, ...);
void emu_vlog(emu_log_level_t level, const char *who, const char *fmt,
              va_list ap);

/*
 * Log "not emulated: <name>" once per name (the caller keeps a flag per
 * function: EMU_NOT_EMULATED(name) does that and evaluates to nothing).
 */
void emu_log_not_emulated(const char *name, int *once);
#define EMU_NOT_EMULATED(name)                                           \
   do {                                                                  \
      static int emu_ne_once_;                                           \
      emu_log_not_emulated(name, &emu_ne_once_);                         \
   } while (0)

/* Capture: while on, every line is also appended to an in-memory buffer. */
void emu_log_capture_start(void);
void emu_log_capture_stop(void);
/* NUL-terminated text captured so far (valid until the next start/stop). */
const char *emu_log_captured(void);
/* Total lines written (captured or not) since init. */
unsigned long emu_log_lines(void);

#endif
