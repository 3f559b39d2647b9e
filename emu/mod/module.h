/*
 * module.h -- the module registry, the per-thread module ID stack and the
 * glue slots that hold each module's vmk_ModuleCurrentID (engine-private;
 * the theory is in module.c).
 *
 * Engines speak plain integers: a module ID is an int32_t, 0 is the
 * vmkernel, -1 is "no module".  Other engines validate a props->module with
 * emu_mod_exists() and learn who is calling with emu_mod_current().
 */
#ifndef EMU_MOD_MODULE_H
#define EMU_MOD_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"
#include "../host/host.h"

#define EMU_MOD_MAGIC        0x4d4f4455u   /* "MODU" */
#define EMU_MOD_NAME_MAX     32            /* with the NUL */
#define EMU_MOD_VMKERNEL_ID  0
#define EMU_MOD_INVALID_ID   (-1)
#define EMU_MOD_MAX_ID       1024          /* IDs are 1 .. EMU_MOD_MAX_ID-1 */

/* Where a module entry came from. */
typedef enum emu_mod_origin {
   EMU_MOD_KERNEL = 1,       /* ID 0, always there */
   EMU_MOD_PROGRAM,          /* the host program itself (tests) */
   EMU_MOD_LOADED,           /* a shared object loaded by the loader */
   EMU_MOD_REGISTERED,       /* vmk_ModuleRegister outside any loader */
} emu_mod_origin_t;

/* Life of a module entry (see module.c 2.). */
typedef enum emu_mod_state {
   EMU_MODS_LOADING = 1,     /* loaded, init_module not returned yet */
   EMU_MODS_LIVE,            /* init_module returned success */
   EMU_MODS_FAILED,          /* init_module failed; waiting for unload */
   EMU_MODS_UNLOADING,       /* cleanup_module running or done */
} emu_mod_state_t;

/* A consistent copy of one entry, for control and listings. */
typedef struct emu_mod_info {
   int32_t          mi_id;
   char             mi_name[EMU_MOD_NAME_MAX];
   emu_mod_origin_t mi_origin;
   emu_mod_state_t  mi_state;
   uint32_t         mi_use;          /* use count */
   void            *mi_heap;         /* default heap (opaque), or NULL */
   uint32_t         mi_revision;     /* vmkapi revision given at register */
   int              mi_registered;   /* vmk_ModuleRegister was called */
   void            *mi_obj;          /* loader object (modload.h) or NULL */
} emu_mod_info_t;

/*
 * One frame of the module ID stack.  The layout is that of the public
 * vmk_ModInfoStack (checked in emu/api/vmk_module.c): the caller owns the
 * memory, usually on its stack, and frames chain through f_old.
 */
typedef struct emu_mod_frame {
   int32_t               f_id;
   void                 *f_fn;
   void                 *f_ra;
   struct emu_mod_frame *f_old;
} emu_mod_frame_t;

/* Engine start/stop (an emu_ctl_engines[] row). */
emu_status_t emu_mod_init(void);
void emu_mod_fini(void);

/*
 * Create an entry.  EMU_EXISTS when the name is taken, EMU_NOMEM when IDs
 * run out, EMU_BADPARAM for an empty or too long name.  Entries other than
 * the program's are registered resources (kind MODULE) until destroyed.
 * => never blocks.
 */
emu_status_t emu_mod_create(const char *name, emu_mod_origin_t origin,
                            emu_mod_state_t state, const void *caller,
                            int32_t *idp);
/* Remove an entry and free its ID.  EMU_NOTFOUND; EMU_BADPARAM for ID 0. */
emu_status_t emu_mod_destroy(int32_t id);

/*
 * vmk_ModuleRegister: the calling module (top of the stack, else a new
 * anonymous entry) becomes registered.  EMU_EXISTS when it already was.
 */
emu_status_t emu_mod_register(uint32_t revision, const void *caller,
                              int32_t *idp);
/*
 * vmk_ModuleUnregister.  EMU_NOTFOUND (no such module or never
 * registered), EMU_BUSY (use count not zero), EMU_BADPARAM (the vmkernel).
 */
emu_status_t emu_mod_unregister(int32_t id);

emu_status_t emu_mod_set_state(int32_t id, emu_mod_state_t state);
emu_status_t emu_mod_set_obj(int32_t id, void *obj);

/*
 * Use counts.  delta is +1 or -1.  EMU_NOTFOUND, EMU_BUSY when the module
 * is unloading, EMU_LIMIT when a decrement would go below zero.
 */
emu_status_t emu_mod_use(int32_t id, int delta);

/*
 * The name.  EMU_NOTFOUND for an unknown module or one whose init_module
 * has not returned yet; EMU_BADPARAM when len cannot hold it.
 */
emu_status_t emu_mod_name(int32_t id, char *buf, size_t len);
/* The name whatever the state, "?" when unknown (for log lines). */
void emu_mod_label(int32_t id, char *buf, size_t len);
/* ID by name, or EMU_MOD_INVALID_ID. */
int32_t emu_mod_lookup(const char *name);

/* Default heap: set once, later sets ignored (returns EMU_EXISTS). */
emu_status_t emu_mod_set_heap(int32_t id, void *heap);
void *emu_mod_heap(int32_t id);

int emu_mod_exists(int32_t id);
emu_status_t emu_mod_get_info(int32_t id, emu_mod_info_t *mi);
/* Call fn for each entry in ID order (under no lock: on copies). */
void emu_mod_foreach(void (*fn)(const emu_mod_info_t *mi, void *arg),
                     void *arg);
/* The program's own entry, or EMU_MOD_INVALID_ID. */
int32_t emu_mod_program(void);

/*
 * The module ID stack of the calling thread (a thread is a world, so this
 * is the world's stack).  push: EMU_NOTFOUND when the module is unknown.
 * pop on an empty stack is a MISUSE report.  top: the innermost frame's
 * module, else the fallback's answer (the calling world's module), else
 * the program's module, else the vmkernel.
 */
emu_status_t emu_mod_push(int32_t id, void *fn, void *ra,
                          emu_mod_frame_t *frame);
void emu_mod_pop(const void *caller);
int32_t emu_mod_stack_top(void);
/* Save / restore the whole stack (a panic unwinding with longjmp). */
emu_mod_frame_t *emu_mod_stack_save(void);
void emu_mod_stack_restore(emu_mod_frame_t *top);
/* Owner of what is created now: innermost frame, else program, else -1. */
int32_t emu_mod_current(void);
/*
 * With an empty stack, ask fn first (the world layer answers the module
 * that created the calling world, or -1); ctl wires it, since world and
 * mod sit at the same layer and include neither the other.
 */
void emu_mod_set_fallback(int32_t (*fn)(void));

/*
 * Glue slots: each module's (or test program's) vmk_ModuleCurrentID, as
 * announced by its constructor (emu/include/vmkemu_module.h).  bind sets
 * every slot for which in_object(slot, arg) is true; forget drops them.
 */
void emu_mod_glue_attach(int32_t *slot);
unsigned emu_mod_glue_bind(int (*in_object)(const void *slot, void *arg),
                           void *arg, int32_t id);
void emu_mod_glue_forget(int (*in_object)(const void *slot, void *arg),
                         void *arg);

#endif
