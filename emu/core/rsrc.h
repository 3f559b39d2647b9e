/*
 * rsrc.h -- the registry of live resources, for leak checks.
 *
 * Every object with a lifetime that a driver creates (slab cache, heap,
 * pool, world, storage handle, lock, timer, log component, ...) embeds an
 * emu_rsrc_t and registers it at create, unregisters it at destroy.  The
 * registry is a doubly linked list per kind under one mutex: creation and
 * destruction are not fast paths.  EmuCtl_Shutdown, module unload and
 * `vmkemu load` walk it to name what was left behind, with the module that
 * owned it and the driver code that created it.
 *
 * Kinds are the public EmuCtl_ResourceKind values (emuctl.h), mirrored here
 * so that engines need not include the public control header.
 */
#ifndef EMU_CORE_RSRC_H
#define EMU_CORE_RSRC_H

#include <stdint.h>

#include "../host/host.h"

typedef enum emu_rsrc_kind {
   EMU_RSRC_ANY = 0,
   EMU_RSRC_ARENA,
   EMU_RSRC_SLAB,
   EMU_RSRC_HEAP,
   EMU_RSRC_MEMPOOL,
   EMU_RSRC_PAGES,
   EMU_RSRC_MAP,
   EMU_RSRC_WORLD,
   EMU_RSRC_STORAGE,
   EMU_RSRC_LOCK,
   EMU_RSRC_TIMER,
   EMU_RSRC_LOG,
   EMU_RSRC_MODULE,
   EMU_RSRC_DEVICE,
   EMU_RSRC_OTHER,
   EMU_RSRC_COUNT
} emu_rsrc_kind_t;

typedef struct emu_rsrc {
   struct emu_rsrc *r_next;
   struct emu_rsrc *r_prev;
   emu_rsrc_kind_t  r_kind;
   const char      *r_type;     /* "slab", "heap", ... for listings */
   const char      *r_name;     /* points into the owning object */
   const void      *r_caller;   /* driver code that created it */
   int32_t          r_module;   /* owning module ID, -1 when none */
   uint64_t         r_seq;      /* creation order */
} emu_rsrc_t;

/*
 * Which module owns what is created now: the module layer installs a hook
 * that answers from the module ID stack; without one, -1.
 */
void emu_rsrc_set_module_hook(int32_t (*current)(void));

/* Register a resource; name must outlive the registration. */
void emu_rsrc_add(emu_rsrc_t *r, emu_rsrc_kind_t kind, const char *type,
                  const char *name, const void *caller);
void emu_rsrc_remove(emu_rsrc_t *r);

/* Count live resources of a kind (ANY for all), of a module (-1: any). */
uint64_t emu_rsrc_count(emu_rsrc_kind_t kind, int32_t module);

/*
 * Print one line per live resource of kind/module to stderr, prefixed by
 * prefix; returns how many.
 */
uint64_t emu_rsrc_dump(emu_rsrc_kind_t kind, int32_t module,
                       const char *prefix);

/*
 * Raise one LEAK report for what module still owns (-1: anyone): the
 * report's caller is the code that created the oldest leftover, and one
 * detail line per leftover (up to EMU_RSRC_REPORT_MAX) gives its kind,
 * name and creator.  owner names the module, what the event
 * ("vmk_ModuleUnregister").
 * Returns how many were left; 0 raises nothing.
 * => no engine lock held (the report asks the world and module layers).
 */
#define EMU_RSRC_REPORT_MAX 32
uint64_t emu_rsrc_report_leaks(int32_t module, const char *owner,
                               const char *what);

/* Forget every registration (after a shutdown listed them). */
void emu_rsrc_forget_all(void);

const char *emu_rsrc_kind_name(emu_rsrc_kind_t kind);

#endif
