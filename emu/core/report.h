/*
 * report.h -- the one channel for driver bugs.
 *
 * A report names its kind (emuctl_reports.h), the object (type, name,
 * address), the world that was running and the driver code that called in.
 * By default it prints and ends the process with EMU_REPORT_EXIT_CODE; a test
 * that announced it with EmuCtl_ExpectReport() gets it recorded instead and
 * the call that raised it returns normally, so the engine must leave its
 * state consistent before reporting (nothing already stored is lost).  The
 * option "report_continue" records and prints every report and goes on.
 */
#ifndef EMU_CORE_REPORT_H
#define EMU_CORE_REPORT_H

#include <stddef.h>

#include "../host/host.h"
#include "../include/emuctl_reports.h"

#define EMU_REPORT_EXIT_CODE 86

typedef enum emu_report_kind {
   EMU_RPT_NONE = 0,
#define EMU_RPT_ENUM(name, text) EMU_RPT_##name,
   EMUCTL_REPORT_KINDS(EMU_RPT_ENUM)
#undef EMU_RPT_ENUM
   EMU_RPT_COUNT
} emu_report_kind_t;

/* What a report is about.  All fields may be NULL / 0. */
typedef struct emu_report_obj {
   const char *type;             /* "slab", "heap", "arena", ... */
   const char *name;             /* the object's own name */
   const void *addr;             /* its handle or address */
} emu_report_obj_t;

/*
 * Raise a report.  caller is the driver-side return address (EMU_CALLER()
 * taken in the API function); extra lines (audit trails, leak lists) may be
 * attached with emu_report_detail() between emu_report_begin() and
 * emu_report_end(), or a one-shot report made with emu_report().
 * => may be called with engine locks held only if the caller can cope with
 *    returning normally (expected reports); never blocks.
 */
EMU_PRINTF(4, 5)
void emu_report(emu_report_kind_t kind, const emu_report_obj_t *obj,
                const void *caller, const char *fmt, ...);

EMU_PRINTF(4, 5)
void emu_report_begin(emu_report_kind_t kind, const emu_report_obj_t *obj,
                      const void *caller, const char *fmt, ...);
EMU_PRINTF(1, 2) void emu_report_detail(const char *fmt, ...);
void emu_report_end(void);

const char *emu_report_kind_name(emu_report_kind_t kind);

/*
 * The world layer tells the report channel how to describe the running
 * world (from the host self slot).  Writes "world <id> '<name>'" or a
 * host-thread description when none is registered.
 */
typedef void (*emu_report_world_describer_t)(void *self, char *buf,
                                             size_t len);
void emu_report_set_world_describer(emu_report_world_describer_t fn);
void emu_report_describe_world(char *buf, size_t len);

/*
 * The module layer, likewise, names the module on whose behalf the caller
 * runs ("<id> '<name>'"); reports print it as their "module:" line.
 */
typedef void (*emu_report_module_describer_t)(char *buf, size_t len);
void emu_report_set_module_describer(emu_report_module_describer_t fn);

/* Test control (EmuCtl_ExpectReport & co. are built on these). */
void emu_report_expect(emu_report_kind_t kind);
/* Returns how many expectations were unmet; resets expectations. */
int  emu_report_check(char *why, size_t len);
/* Reports raised of a kind so far; EMU_RPT_NONE: of all kinds together. */
unsigned long emu_report_count(emu_report_kind_t kind);
void emu_report_reset(void);
/* The text of the last report raised (printed or recorded). */
void emu_report_last(char *buf, size_t len);

#endif
