/*
 * options.h -- the debug and configuration knobs, in one table.
 *
 * Every knob has a name, a description, a default and a target variable in
 * emu_opt; options.c holds the table.  They are set by EmuCtl_SetOption() or
 * by the VMKEMU_DEBUG environment variable ("audit,guards,fail_nth=20"),
 * which EmuCtl_Init() reads once.  Engines read emu_opt fields directly:
 * a disabled option costs one predictable branch on a fast path.
 */
#ifndef EMU_CORE_OPTIONS_H
#define EMU_CORE_OPTIONS_H

#include <stdint.h>

#include "status.h"

struct emu_options {
   int      audit;              /* record caller+stack of each alloc/free */
   int      guards;             /* redzones after objects, checked on free */
   int      contents;           /* fill freed memory, check on reuse */
   int      report_continue;    /* print reports and keep going */
   int      log_level;          /* messages above this level are dropped */
   uint64_t fail_nth;           /* fail the Nth allocation (1-based), 0 off */
   uint64_t fail_every;         /* fail every Nth allocation, 0 off */
   uint64_t fail_permille;      /* fail with probability p/1000, 0 off */
   uint64_t fail_seed;          /* seed for fail_permille (printed) */
   int      fail_sites;         /* fail once per distinct call site */
};

extern struct emu_options emu_opt;

/* Restore every option to its default. */
void emu_options_reset(void);
/* Set one option by name; value NULL means "on" for booleans. */
emu_status_t emu_options_set(const char *name, const char *value);
/* Format an option's current value. */
emu_status_t emu_options_get(const char *name, char *buf, unsigned len);
/* Parse a comma list such as the VMKEMU_DEBUG string. */
emu_status_t emu_options_parse(const char *list);
/* Print the table (name, value, description) to stderr. */
void emu_options_print(void);

#endif
