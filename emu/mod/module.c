/*
 * module.c -- the module registry of libvmkemu.
 *
 * 1. Model.  A module is a named unit of driver code with an ID, a use
 *    count, an optional default heap and a vmkapi revision.  IDs come from
 *    an identifier arena (vmem, next-fit, so a freed ID is not handed out
 *    again soon and a stale ID names nothing rather than the wrong module).
 *    ID 0 is the vmkernel, always present.  Entries come from four places:
 *    the vmkernel; the host program itself (a test that links driver
 *    sources gets one entry, named after the program, created at
 *    EmuCtl_Init and never listed as a leak); the loader (EmuCtl_ModuleLoad,
 *    `vmkemu load`), one entry per shared object; and vmk_ModuleRegister
 *    called outside any loader context, which makes an anonymous entry
 *    ("module-<id>") so tests can register as many modules as they like.
 *    Inside a loader context vmk_ModuleRegister marks the loading module
 *    registered and returns its ID, as the ESX loader does for the module
 *    whose init_module is running.
 *
 * 2. States: LOADING (init_module has not returned; vmk_ModuleGetName
 *    answers NOT_FOUND then, as ESX documents), LIVE, FAILED (init returned
 *    an error), UNLOADING (cleanup_module runs; use counts can no longer
 *    change: MODULE_NOT_LOADED).  Program, kernel and anonymous entries are
 *    LIVE from creation.
 *
 * 3. The module ID stack.  ESX tracks, per world, which module's code is
 *    running: VMKAPI_MODULE_CALL pushes the module about to run around an
 *    inter-module call, the kernel pushes a module around its init,
 *    cleanup and callbacks.  Frames are the callers' vmk_ModInfoStack
 *    structs chained through oldStack; the top is a thread-local pointer
 *    (a host thread is a world in vmkemu, so this is the world's stack).
 *    With an empty stack the answer is the module that created the calling
 *    world (a fallback the world layer provides, wired by ctl), then the
 *    program's entry -- so what a test creates is owned by "the test
 *    module" -- then the vmkernel.  emu_mod_current() is the hook the
 *    resource registry asks, so every resource records its owning module.
 *
 * 4. Glue.  vmk_ModuleCurrentID is a per-module variable.  The SDK's glue
 *    header (emu/include/vmkemu_module.h, force-included through
 *    pkg-config) defines it in each module as a weak, hidden, writable
 *    word initialised to -1 and announces its address from a constructor.
 *    Slots are kept here; the loader (modload.c) binds those that lie in
 *    the object it loaded to the new ID before init_module runs, and
 *    EmuCtl_Init binds those of the main program to the program's entry.
 *
 * 5. Locking: mod_lock protects the table and the slot list.  The stack is
 *    thread-local and needs none.  Never held across a call into driver
 *    code or another engine, except the rsrc registry (a leaf).
 *
 * 6. Differences from ESX: namespaces and symbol exports between modules
 *    are not resolved (the dynamic linker does that); the stack is checked
 *    (a pop with no frame is a MISUSE report) where ESX would corrupt.
 *    Unregistering an anonymous module that still owns resources of any
 *    kind is a LEAK report listing them with their creating lines
 *    (emu_rsrc_report_leaks); the entry goes anyway.  A loaded module's
 *    leftovers are listed by the loader at unload instead (modload.c 4.).
 */
#include "config.h"

#include "module.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/report.h"
#include "../core/rsrc.h"
#include "../mem/vmem.h"
#include "modload.h"
#include "panic.h"
#include "stress.h"

#define MOD_GLUE_MAX 256

struct emu_module {
   uint32_t          m_magic;           /* EMU_MOD_MAGIC while alive */
   /* Immutable after create */
   int32_t           m_id;
   char              m_name[EMU_MOD_NAME_MAX];
   emu_mod_origin_t  m_origin;
   /* mod_lock */
   emu_mod_state_t   m_state;
   uint32_t          m_use;             /* use count */
   void             *m_heap;            /* default heap, set once */
   uint32_t          m_revision;        /* vmkapi revision at register */
   int               m_registered;      /* vmk_ModuleRegister called */
   void             *m_obj;             /* loader object, or NULL */
   emu_rsrc_t        m_rsrc;            /* kind MODULE (not for program) */
};

static emu_mutex_t mod_lock = EMU_MUTEX_INITIALIZER;
static struct emu_module *mod_table[EMU_MOD_MAX_ID];
static struct emu_module mod_kernel;
static emu_vmem_t *mod_ids;
static int32_t mod_program_id = EMU_MOD_INVALID_ID;
static int mod_running;
static int32_t *mod_glue[MOD_GLUE_MAX];
static unsigned mod_nglue;

static EMU_HOST_THREAD_LOCAL emu_mod_frame_t *mod_stack;
static int32_t (*mod_fallback)(void);

/* => mod_lock held. */
static struct emu_module *
mod_get(int32_t id)
{
   struct emu_module *m;

   if (id < 0 || id >= EMU_MOD_MAX_ID) {
      return NULL;
   }
   m = mod_table[id];
   EMU_ASSERT(m == NULL || m->m_magic == EMU_MOD_MAGIC);
   return m;
}

static void
mod_info_fill(const struct emu_module *m, emu_mod_info_t *mi)
{
   memset(mi, 0, sizeof *mi);
   mi->mi_id = m->m_id;
   memcpy(mi->mi_name, m->m_name, sizeof mi->mi_name);
   mi->mi_origin = m->m_origin;
   mi->mi_state = m->m_state;
   mi->mi_use = m->m_use;
   mi->mi_heap = m->m_heap;
   mi->mi_revision = m->m_revision;
   mi->mi_registered = m->m_registered;
   mi->mi_obj = m->m_obj;
}

static const char *
mod_program_name(void)
{
   const char *n = program_invocation_short_name;

   if (n == NULL || *n == '\0') {
      return "program";
   }
   /* libtool wrappers run the real binary as lt-<name>. */
   if (strncmp(n, "lt-", 3) == 0 && n[3] != '\0') {
      n += 3;
   }
   return n;
}

/* For reports: the module the caller acts for, as "<id> '<name>'". */
static void
mod_describe_current(char *buf, size_t len)
{
   int32_t id = emu_mod_current();
   char name[64];

   emu_mod_label(id, name, sizeof name);
   snprintf(buf, len, "%d '%s'", (int)id, name);
}

emu_status_t
emu_mod_init(void)
{
   char name[EMU_MOD_NAME_MAX];
   emu_status_t st;
   int32_t id;

   st = emu_vmem_create_ids("module IDs", 1, EMU_MOD_MAX_ID - 1, &mod_ids);
   if (st != EMU_OK) {
      return st;
   }
   memset(&mod_kernel, 0, sizeof mod_kernel);
   mod_kernel.m_magic = EMU_MOD_MAGIC;
   mod_kernel.m_id = EMU_MOD_VMKERNEL_ID;
   snprintf(mod_kernel.m_name, sizeof mod_kernel.m_name, "vmkernel");
   mod_kernel.m_origin = EMU_MOD_KERNEL;
   mod_kernel.m_state = EMU_MODS_LIVE;
   mod_kernel.m_registered = 1;
   emu_mutex_lock(&mod_lock);
   mod_table[EMU_MOD_VMKERNEL_ID] = &mod_kernel;
   mod_running = 1;
   emu_mutex_unlock(&mod_lock);

   snprintf(name, sizeof name, "%s", mod_program_name());
   st = emu_mod_create(name, EMU_MOD_PROGRAM, EMU_MODS_LIVE, NULL, &id);
   if (st != EMU_OK) {
      emu_mod_fini();
      return st;
   }
   mod_program_id = id;
   emu_modload_bind_program(id);
   emu_rsrc_set_module_hook(emu_mod_current);
   emu_report_set_module_describer(mod_describe_current);
   emu_panic_reset();
   emu_stress_reset();
   return EMU_OK;
}

void
emu_mod_fini(void)
{
   int32_t id;
   unsigned i;

   emu_rsrc_set_module_hook(NULL);
   emu_report_set_module_describer(NULL);
   emu_panic_reset();
   mod_program_id = EMU_MOD_INVALID_ID;
   /* Entries still here were listed as leaks by EmuCtl_Shutdown. */
   for (id = 1; id < EMU_MOD_MAX_ID; id++) {
      struct emu_module *m;

      emu_mutex_lock(&mod_lock);
      m = mod_table[id];
      emu_mutex_unlock(&mod_lock);
      if (m != NULL) {
         if (m->m_obj != NULL) {
            emu_modload_release(m->m_obj);
         }
         emu_mod_destroy(id);
      }
   }
   emu_mutex_lock(&mod_lock);
   mod_table[EMU_MOD_VMKERNEL_ID] = NULL;
   for (i = 0; i < mod_nglue; i++) {
      *mod_glue[i] = EMU_MOD_INVALID_ID;
   }
   mod_running = 0;
   emu_mutex_unlock(&mod_lock);
   if (mod_ids != NULL) {
      emu_vmem_destroy(mod_ids);
      mod_ids = NULL;
   }
   mod_stack = NULL;
}

emu_status_t
emu_mod_create(const char *name, emu_mod_origin_t origin,
               emu_mod_state_t state, const void *caller, int32_t *idp)
{
   struct emu_module *m;
   uintptr_t id;
   emu_status_t st;
   int32_t i;

   if (name == NULL || name[0] == '\0' ||
       strlen(name) >= EMU_MOD_NAME_MAX) {
      return EMU_BADPARAM;
   }
   if (!mod_running) {
      return EMU_FAILURE;
   }
   m = calloc(1, sizeof *m);
   if (m == NULL) {
      return EMU_NOMEM;
   }
   st = emu_vmem_alloc_ra(mod_ids, 1, EMU_VM_NOSLEEP, caller, &id);
   if (st != EMU_OK) {
      free(m);
      return EMU_NOMEM;
   }
   m->m_magic = EMU_MOD_MAGIC;
   m->m_id = (int32_t)id;
   snprintf(m->m_name, sizeof m->m_name, "%s", name);
   m->m_origin = origin;
   m->m_state = state;

   emu_mutex_lock(&mod_lock);
   for (i = 0; i < EMU_MOD_MAX_ID; i++) {
      if (mod_table[i] != NULL && strcmp(mod_table[i]->m_name, name) == 0) {
         emu_mutex_unlock(&mod_lock);
         emu_vmem_free(mod_ids, id, 1);
         free(m);
         return EMU_EXISTS;
      }
   }
   EMU_ASSERT(mod_table[id] == NULL);
   mod_table[id] = m;
   emu_mutex_unlock(&mod_lock);
   if (origin != EMU_MOD_PROGRAM) {
      emu_rsrc_add(&m->m_rsrc, EMU_RSRC_MODULE, "module", m->m_name, caller);
   }
   *idp = m->m_id;
   return EMU_OK;
}

emu_status_t
emu_mod_destroy(int32_t id)
{
   struct emu_module *m;

   if (id == EMU_MOD_VMKERNEL_ID) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m == NULL) {
      emu_mutex_unlock(&mod_lock);
      return EMU_NOTFOUND;
   }
   mod_table[id] = NULL;
   if (id == mod_program_id) {
      mod_program_id = EMU_MOD_INVALID_ID;
   }
   emu_mutex_unlock(&mod_lock);
   if (m->m_origin != EMU_MOD_PROGRAM) {
      emu_rsrc_remove(&m->m_rsrc);
   }
   emu_vmem_free(mod_ids, (uintptr_t)id, 1);
   m->m_magic = 0;
   free(m);
   return EMU_OK;
}

emu_status_t
emu_mod_register(uint32_t revision, const void *caller, int32_t *idp)
{
   struct emu_module *m;
   char name[EMU_MOD_NAME_MAX];
   emu_status_t st;
   int32_t id;
   int32_t top = mod_stack != NULL ? mod_stack->f_id : EMU_MOD_INVALID_ID;

   emu_mutex_lock(&mod_lock);
   m = mod_get(top);
   if (m != NULL && m->m_origin == EMU_MOD_LOADED) {
      /* The module whose init_module is running registers itself. */
      if (m->m_registered) {
         emu_mutex_unlock(&mod_lock);
         return EMU_EXISTS;
      }
      m->m_registered = 1;
      m->m_revision = revision;
      *idp = m->m_id;
      emu_mutex_unlock(&mod_lock);
      return EMU_OK;
   }
   emu_mutex_unlock(&mod_lock);

   /* Outside a loader: a fresh anonymous module, named after its ID. */
   for (;;) {
      static unsigned long seq;

      snprintf(name, sizeof name, "module-%lu",
               __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED));
      st = emu_mod_create(name, EMU_MOD_REGISTERED, EMU_MODS_LIVE, caller,
                          &id);
      if (st != EMU_EXISTS) {
         break;
      }
   }
   if (st != EMU_OK) {
      return st;
   }
   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   m->m_registered = 1;
   m->m_revision = revision;
   emu_mutex_unlock(&mod_lock);
   *idp = id;
   return EMU_OK;
}

emu_status_t
emu_mod_unregister(int32_t id)
{
   struct emu_module *m;
   char name[EMU_MOD_NAME_MAX];

   if (id == EMU_MOD_VMKERNEL_ID) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m == NULL || !m->m_registered) {
      emu_mutex_unlock(&mod_lock);
      return EMU_NOTFOUND;
   }
   if (m->m_use != 0) {
      emu_mutex_unlock(&mod_lock);
      return EMU_BUSY;
   }
   m->m_registered = 0;
   if (m->m_origin != EMU_MOD_REGISTERED) {
      /* The loader (or the program) owns the entry; it stays. */
      emu_mutex_unlock(&mod_lock);
      return EMU_OK;
   }
   snprintf(name, sizeof name, "%s", m->m_name);
   emu_mutex_unlock(&mod_lock);
   /*
    * What the module created and never destroyed -- of any kind: memory,
    * pages, maps, worlds, storage, locks, timers, log components,
    * devices -- is a leak the driver would carry into the next load.
    */
   (void)emu_rsrc_report_leaks(id, name, "vmk_ModuleUnregister");
   return emu_mod_destroy(id);
}

emu_status_t
emu_mod_set_state(int32_t id, emu_mod_state_t state)
{
   struct emu_module *m;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m != NULL) {
      m->m_state = state;
   }
   emu_mutex_unlock(&mod_lock);
   return m != NULL ? EMU_OK : EMU_NOTFOUND;
}

emu_status_t
emu_mod_set_obj(int32_t id, void *obj)
{
   struct emu_module *m;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m != NULL) {
      m->m_obj = obj;
   }
   emu_mutex_unlock(&mod_lock);
   return m != NULL ? EMU_OK : EMU_NOTFOUND;
}

emu_status_t
emu_mod_use(int32_t id, int delta)
{
   struct emu_module *m;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m == NULL) {
      st = EMU_NOTFOUND;
   } else if (m->m_state == EMU_MODS_UNLOADING) {
      st = EMU_BUSY;
   } else if (delta < 0 && m->m_use == 0) {
      st = EMU_LIMIT;
   } else {
      m->m_use += delta > 0 ? 1 : -1;
   }
   emu_mutex_unlock(&mod_lock);
   return st;
}

emu_status_t
emu_mod_name(int32_t id, char *buf, size_t len)
{
   struct emu_module *m;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m == NULL || m->m_state == EMU_MODS_LOADING) {
      st = EMU_NOTFOUND;
   } else if (buf == NULL || strlen(m->m_name) >= len) {
      st = EMU_BADPARAM;
   } else {
      memcpy(buf, m->m_name, strlen(m->m_name) + 1);
   }
   emu_mutex_unlock(&mod_lock);
   return st;
}

void
emu_mod_label(int32_t id, char *buf, size_t len)
{
   struct emu_module *m;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m != NULL) {
      snprintf(buf, len, "%s", m->m_name);
   } else if (id == EMU_MOD_INVALID_ID) {
      snprintf(buf, len, "-");
   } else {
      snprintf(buf, len, "module#%d", (int)id);
   }
   emu_mutex_unlock(&mod_lock);
}

int32_t
emu_mod_lookup(const char *name)
{
   int32_t id = EMU_MOD_INVALID_ID;
   int32_t i;

   if (name == NULL) {
      return id;
   }
   emu_mutex_lock(&mod_lock);
   for (i = 0; i < EMU_MOD_MAX_ID; i++) {
      if (mod_table[i] != NULL && strcmp(mod_table[i]->m_name, name) == 0) {
         id = i;
         break;
      }
   }
   emu_mutex_unlock(&mod_lock);
   return id;
}

emu_status_t
emu_mod_set_heap(int32_t id, void *heap)
{
   struct emu_module *m;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m == NULL) {
      st = EMU_NOTFOUND;
   } else if (m->m_heap != NULL) {
      st = EMU_EXISTS;
   } else {
      m->m_heap = heap;
   }
   emu_mutex_unlock(&mod_lock);
   return st;
}

void *
emu_mod_heap(int32_t id)
{
   struct emu_module *m;
   void *heap = NULL;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m != NULL) {
      heap = m->m_heap;
   }
   emu_mutex_unlock(&mod_lock);
   return heap;
}

int
emu_mod_exists(int32_t id)
{
   int ok;

   emu_mutex_lock(&mod_lock);
   ok = mod_get(id) != NULL;
   emu_mutex_unlock(&mod_lock);
   return ok;
}

emu_status_t
emu_mod_get_info(int32_t id, emu_mod_info_t *mi)
{
   struct emu_module *m;

   emu_mutex_lock(&mod_lock);
   m = mod_get(id);
   if (m != NULL) {
      mod_info_fill(m, mi);
   }
   emu_mutex_unlock(&mod_lock);
   return m != NULL ? EMU_OK : EMU_NOTFOUND;
}

void
emu_mod_foreach(void (*fn)(const emu_mod_info_t *mi, void *arg), void *arg)
{
   int32_t id;

   for (id = 0; id < EMU_MOD_MAX_ID; id++) {
      emu_mod_info_t mi;

      if (emu_mod_get_info(id, &mi) == EMU_OK) {
         fn(&mi, arg);
      }
   }
}

int32_t
emu_mod_program(void)
{
   return mod_program_id;
}

emu_status_t
emu_mod_push(int32_t id, void *fn, void *ra, emu_mod_frame_t *frame)
{
   if (frame == NULL) {
      return EMU_BADPARAM;
   }
   if (!emu_mod_exists(id)) {
      return EMU_NOTFOUND;
   }
   frame->f_id = id;
   frame->f_fn = fn;
   frame->f_ra = ra;
   frame->f_old = mod_stack;
   mod_stack = frame;
   return EMU_OK;
}

void
emu_mod_pop(const void *caller)
{
   if (mod_stack == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, caller,
                 "module ID stack popped with no frame pushed");
      return;
   }
   mod_stack = mod_stack->f_old;
}

void
emu_mod_set_fallback(int32_t (*fn)(void))
{
   mod_fallback = fn;
}

/* The answer of the fallback when it names a known module, else -1. */
static int32_t
mod_fallback_id(void)
{
   int32_t id;

   if (mod_fallback == NULL) {
      return EMU_MOD_INVALID_ID;
   }
   id = mod_fallback();
   return id >= 0 && id < EMU_MOD_MAX_ID ? id : EMU_MOD_INVALID_ID;
}

int32_t
emu_mod_stack_top(void)
{
   int32_t id;

   if (mod_stack != NULL) {
      return mod_stack->f_id;
   }
   id = mod_fallback_id();
   if (id != EMU_MOD_INVALID_ID) {
      return id;
   }
   if (mod_program_id != EMU_MOD_INVALID_ID) {
      return mod_program_id;
   }
   return EMU_MOD_VMKERNEL_ID;
}

emu_mod_frame_t *
emu_mod_stack_save(void)
{
   return mod_stack;
}

void
emu_mod_stack_restore(emu_mod_frame_t *top)
{
   mod_stack = top;
}

int32_t
emu_mod_current(void)
{
   int32_t id;

   if (mod_stack != NULL) {
      return mod_stack->f_id;
   }
   id = mod_fallback_id();
   return id != EMU_MOD_INVALID_ID ? id : mod_program_id;
}

void
emu_mod_glue_attach(int32_t *slot)
{
   unsigned i;

   if (slot == NULL) {
      return;
   }
   emu_mutex_lock(&mod_lock);
   for (i = 0; i < mod_nglue; i++) {
      if (mod_glue[i] == slot) {
         emu_mutex_unlock(&mod_lock);
         return;
      }
   }
   if (mod_nglue < MOD_GLUE_MAX) {
      mod_glue[mod_nglue++] = slot;
   }
   emu_mutex_unlock(&mod_lock);
}

unsigned
emu_mod_glue_bind(int (*in_object)(const void *slot, void *arg), void *arg,
                  int32_t id)
{
   unsigned n = 0;
   unsigned i;

   emu_mutex_lock(&mod_lock);
   for (i = 0; i < mod_nglue; i++) {
      if (in_object(mod_glue[i], arg)) {
         *mod_glue[i] = id;
         n++;
      }
   }
   emu_mutex_unlock(&mod_lock);
   return n;
}

void
emu_mod_glue_forget(int (*in_object)(const void *slot, void *arg), void *arg)
{
   unsigned i = 0;

   emu_mutex_lock(&mod_lock);
   while (i < mod_nglue) {
      if (in_object(mod_glue[i], arg)) {
         mod_glue[i] = mod_glue[--mod_nglue];
      } else {
         i++;
      }
   }
   emu_mutex_unlock(&mod_lock);
}
