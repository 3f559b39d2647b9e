/*
 * modload.h -- loading driver modules (shared objects) the way vmkload_mod
 * would: module information stamps, module parameters, the glue that sets
 * vmk_ModuleCurrentID, and the init / scenario / cleanup calls made with the
 * module pushed on the module ID stack (engine-private; theory in
 * modload.c).
 */
#ifndef EMU_MOD_MODLOAD_H
#define EMU_MOD_MODLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"

typedef struct emu_modobj emu_modobj_t;

/*
 * Load path and register it as a module named after the file (directory
 * and ".so" dropped).  params are "name=value" strings applied before
 * init_module.  On failure err says why (dlerror text, unknown parameter,
 * missing init_module) and nothing stays loaded.
 *   EMU_NOTFOUND  no such file;  EMU_FAILURE  the dynamic linker refused it;
 *   EMU_BADPARAM  no init_module, or a bad parameter;  EMU_EXISTS  a module
 *   of that name is loaded;  EMU_NOMEM.
 * => may block (file I/O); not with engine locks held.
 */
emu_status_t emu_modload_load(const char *path, int nparams,
                              char *const *params, const void *caller,
                              int32_t *idp, char *err, size_t errlen);

/*
 * Run init_module with the module pushed (on the calling thread, or in a
 * fresh world: see emu_modload_set_inworld).  Fails (EMU_NOMEM) only when
 * that world cannot be made; init_module's own answer is *result.
 */
emu_status_t emu_modload_init(int32_t id, int *result);
/* Run vmkemu_scenario if the module has one (EMU_NOTFOUND if not). */
emu_status_t emu_modload_scenario(int32_t id, int *result);
/*
 * Unload: cleanup_module (only after a successful init), then count what
 * the module left behind (*leaked), drop the module entry and close the
 * object -- unless resources remain, which may still point into its code:
 * then it stays mapped until shutdown.  EMU_BUSY (nothing done) while the
 * use count is not zero; EMU_NOTFOUND; EMU_BADPARAM for a module the
 * loader did not load.  Unloading again a module kept for its leftovers
 * skips cleanup_module and finishes the unload once they are gone.
 */
emu_status_t emu_modload_unload(int32_t id, uint64_t *leaked);

/* A "key=value" stamp of .vmkmodinfo (key "version", "license", ...). */
emu_status_t emu_modload_stamp(int32_t id, const char *key, char *buf,
                               size_t len);
/* Set one module parameter ("name", "value"). */
emu_status_t emu_modload_param(int32_t id, const char *name,
                               const char *value, char *err, size_t errlen);
/* Print the module's stamps to stderr; EMU_NOTFOUND when it has none. */
emu_status_t emu_modload_describe(int32_t id);

/*
 * Where entry points run.  By default on the calling thread.  A module set
 * "in world" runs each entry point (init_module, vmkemu_scenario,
 * cleanup_module) in a fresh world made by the runner, which the control
 * layer installs (worlds sit beside this layer, so it cannot make one):
 * run(name, fn, arg) starts a world named name that calls fn(arg), waits
 * until that world is gone and returns EMU_OK, or fails without calling
 * fn (EMU_NOMEM).  EMU_NOTSUP when no runner is installed.
 */
typedef emu_status_t (*emu_modload_runner_t)(const char *name,
                                             void (*fn)(void *), void *arg);
void emu_modload_set_runner(emu_modload_runner_t run);
emu_status_t emu_modload_set_inworld(int32_t id, int on);

/* For module.c: bind the program's glue, release an object at fini. */
void emu_modload_bind_program(int32_t id);
void emu_modload_release(void *obj);

#endif
