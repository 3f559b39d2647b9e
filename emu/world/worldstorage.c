/*
 * worldstorage.c -- world storage for libvmkemu.
 *
 * 1. Model.  Every world owns one storage area of EMU_WORLD_WS_AREA bytes
 *    (reserved lazily from the host, so untouched areas cost address space,
 *    not memory: thousands of simulated worlds stay cheap).  A handle is an
 *    offset into every area, allocated from a vmem identifier arena
 *    (quantum 1, next-fit) with the requested alignment, so
 *    vmk_WorldStorageLookUpLocal is the current world's area pointer (the
 *    first field of the world, one load after the thread-local self load)
 *    plus the handle; its only handle check is a range compare against
 *    the area size, so a destroyed handle still answers there (its slot is
 *    zeroed for the next user) while LookUp, Release and Destroy check the
 *    published table.  Running out of area is VMK_NO_MEMORY, as ESXi's own
 *    per-world storage is a small fixed budget.
 *
 * 2. Lifetimes.  Create zero-fills the slot in every world that has an
 *    area, then runs the constructor for each; a failure runs the
 *    destructor on those already constructed and frees the offset.  A new
 *    world gets every live handle constructed before it is published (a
 *    failure fails the world's creation).  Destroy first unpublishes the
 *    handle (new lookups fail), waits until its LookUp references are
 *    released, then destructs it in every world.  A world's death marks it
 *    dying (LookUp answers VMK_NOT_FOUND), waits for references to its area,
 *    then runs every destructor and unmaps the area: a reference taken by
 *    vmk_WorldStorageLookUp keeps the other world's area alive (and, as on
 *    ESXi, holds its death back) until vmk_WorldStorageRelease.
 *
 * 3. Locking: ws_lock (a host mutex) protects the handle list, the world
 *    list and reference counts; constructors and destructors run under it,
 *    so they must not create or destroy storage or worlds.  The published
 *    table emu_ws_by_off is read lock-free (atomic loads) by LookUpLocal.
 *    Order: world.c's locks are never held when the hooks run.
 *
 * 4. Differences from ESX: the area is fixed at 16 KiB per world; offsets
 *    are plain integers, not a kernel-private encoding.  Memory comes from
 *    host mappings (the heap engine is a later issue).
 */
#include "worldstorage.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/fault.h"
#include "../core/report.h"
#include "../core/rsrc.h"
#include "../mem/vmem.h"

#define EMU_WS_HOLDERS 8

struct ws_handle {
   uint32_t          h_magic;
   uint32_t          h_off;
   uint32_t          h_size;
   uint32_t          h_align;
   emu_ws_ctor_t     h_ctor;
   emu_ws_dtor_t     h_dtor;
   uintptr_t         h_arg;
   uint32_t          h_refs;        /* LookUp references -- ws_lock */
   /* Who holds those references (the first few holders), so that a
    * destroy by a holder -- which would wait for itself for ever -- is
    * reported instead. */
   struct {
      void          *rh_self;       /* host self slot of the holder */
      uint32_t       rh_count;
      const void    *rh_caller;     /* its latest LookUp */
   }                 h_holders[EMU_WS_HOLDERS];
   int               h_dying;
   char              h_name[24];
   struct ws_handle *h_next;
   emu_rsrc_t        h_rsrc;
};

/* => ws_lock held.  Count a reference for (or drop one of) the caller. */
static void
ws_holder_note(struct ws_handle *h, int delta, const void *caller)
{
   void *self = emu_host_self_get();
   unsigned i;
   unsigned spare = EMU_WS_HOLDERS;

   for (i = 0; i < EMU_WS_HOLDERS; i++) {
      if (h->h_holders[i].rh_count != 0 && h->h_holders[i].rh_self == self) {
         if (delta < 0) {
            h->h_holders[i].rh_count--;
         } else {
            h->h_holders[i].rh_count++;
            h->h_holders[i].rh_caller = caller;
         }
         return;
      }
      if (h->h_holders[i].rh_count == 0 && spare == EMU_WS_HOLDERS) {
         spare = i;
      }
   }
   if (delta < 0) {
      /* Released by another world than the one that took it. */
      for (i = 0; i < EMU_WS_HOLDERS; i++) {
         if (h->h_holders[i].rh_count != 0) {
            h->h_holders[i].rh_count--;
            return;
         }
      }
      return;
   }
   if (spare < EMU_WS_HOLDERS) {
      h->h_holders[spare].rh_self = self;
      h->h_holders[spare].rh_count = 1;
      h->h_holders[spare].rh_caller = caller;
   }
}

static emu_mutex_t        ws_lock = EMU_MUTEX_INITIALIZER;
static emu_cond_t         ws_cv;
static emu_vmem_t        *ws_offsets;
static struct ws_handle  *ws_handles;          /* creation order */
struct ws_handle         *emu_ws_by_off[EMU_WORLD_WS_AREA];
static struct emu_world  *ws_worlds;
static struct emu_world  *ws_by_id[EMU_WORLDS_MAX + 1];

/* -- world hooks ------------------------------------------------------ */

/* => ws_lock held. */
static void
ws_destruct_one(struct ws_handle *h, struct emu_world *w)
{
   if (h->h_dtor != NULL) {
      h->h_dtor(w->w_id, w->w_ws_area + h->h_off, h->h_size, h->h_arg);
   }
}

static emu_status_t
ws_birth(struct emu_world *w)
{
   struct ws_handle *h;
   struct ws_handle *g;
   char *area = emu_host_map_reserve(EMU_WORLD_WS_AREA);

   if (area == NULL) {
      return EMU_NOMEM;
   }
   w->w_ws_area = area;
   emu_mutex_lock(&ws_lock);
   for (h = ws_handles; h != NULL; h = h->h_next) {
      if (h->h_ctor != NULL &&
          h->h_ctor(w->w_id, area + h->h_off, h->h_size, h->h_arg) != 0) {
         for (g = ws_handles; g != h; g = g->h_next) {
            ws_destruct_one(g, w);
         }
         emu_mutex_unlock(&ws_lock);
         w->w_ws_area = NULL;
         emu_host_unmap(area, EMU_WORLD_WS_AREA);
         return EMU_FAILURE;
      }
   }
   w->w_ws_state = 1;
   w->w_ws_prev = NULL;
   w->w_ws_next = ws_worlds;
   if (ws_worlds != NULL) {
      ws_worlds->w_ws_prev = w;
   }
   ws_worlds = w;
   ws_by_id[w->w_id] = w;
   emu_mutex_unlock(&ws_lock);
   return EMU_OK;
}

/*
 * A dying world that still holds references it took with LookUp never
 * released them: a LEAK report per storage, naming the LookUp.  The
 * references themselves stay counted (the other world's slot is still in
 * use as far as anyone knows); the holder records go, since their holder
 * is gone.
 */
static void
ws_holder_died(struct emu_world *w)
{
   struct {
      char        name[24];
      uintptr_t   handle;
      uint32_t    count;
      const void *caller;
   } found[EMU_WS_HOLDERS];
   unsigned nfound = 0;
   struct ws_handle *h;
   unsigned i;

   emu_mutex_lock(&ws_lock);
   for (h = ws_handles; h != NULL; h = h->h_next) {
      for (i = 0; i < EMU_WS_HOLDERS; i++) {
         if (h->h_holders[i].rh_count == 0 ||
             h->h_holders[i].rh_self != (void *)w) {
            continue;
         }
         if (nfound < EMU_WS_HOLDERS) {
            snprintf(found[nfound].name, sizeof found[nfound].name, "%s",
                     h->h_name);
            found[nfound].handle = h->h_off;
            found[nfound].count = h->h_holders[i].rh_count;
            found[nfound].caller = h->h_holders[i].rh_caller;
            nfound++;
         }
         h->h_holders[i].rh_count = 0;
      }
   }
   emu_mutex_unlock(&ws_lock);
   for (i = 0; i < nfound; i++) {
      emu_report_obj_t obj = { "world storage", found[i].name,
                               (const void *)found[i].handle };

      emu_report(EMU_RPT_LEAK, &obj, found[i].caller,
                 "world %d '%s' ended still holding %u reference(s) it took "
                 "with vmk_WorldStorageLookUp (here) and never released",
                 (int)w->w_id, w->w_name, found[i].count);
   }
}

static void
ws_death(struct emu_world *w)
{
   struct ws_handle *h;
   char *area;

   ws_holder_died(w);
   emu_mutex_lock(&ws_lock);
   if (w->w_ws_state != 1) {
      emu_mutex_unlock(&ws_lock);
      return;
   }
   w->w_ws_state = 2;
   while (__atomic_load_n(&w->w_ws_refs, __ATOMIC_ACQUIRE) != 0) {
      emu_cond_wait(&ws_cv, &ws_lock);
   }
   for (h = ws_handles; h != NULL; h = h->h_next) {
      ws_destruct_one(h, w);
   }
   if (w->w_ws_prev != NULL) {
      w->w_ws_prev->w_ws_next = w->w_ws_next;
   } else {
      ws_worlds = w->w_ws_next;
   }
   if (w->w_ws_next != NULL) {
      w->w_ws_next->w_ws_prev = w->w_ws_prev;
   }
   ws_by_id[w->w_id] = NULL;
   w->w_ws_state = 0;
   area = w->w_ws_area;
   w->w_ws_area = NULL;
   emu_mutex_unlock(&ws_lock);
   emu_host_unmap(area, EMU_WORLD_WS_AREA);
}

static const struct emu_world_hooks ws_hooks = { ws_birth, ws_death };

emu_status_t
emu_ws_init(void)
{
   emu_status_t st;

   st = emu_vmem_create_ids("world-storage", 0, EMU_WORLD_WS_AREA,
                            &ws_offsets);
   if (st != EMU_OK) {
      return st;
   }
   emu_cond_init(&ws_cv);
   ws_handles = NULL;
   ws_worlds = NULL;
   emu_world_set_hooks(&ws_hooks);
   return EMU_OK;
}

/*
 * Before emu_world_fini: the areas of worlds still alive are unmapped
 * without destructors (leaked handles were listed already) and handles
 * are freed; the world layer then drops the structs.
 */
void
emu_ws_fini(void)
{
   struct ws_handle *h;
   struct ws_handle *next;
   struct emu_world *w;

   emu_world_set_hooks(NULL);
   emu_mutex_lock(&ws_lock);
   for (h = ws_handles; h != NULL; h = next) {
      next = h->h_next;
      __atomic_store_n(&emu_ws_by_off[h->h_off], NULL, __ATOMIC_RELEASE);
      emu_vmem_xfree(ws_offsets, h->h_off, h->h_size);
      h->h_magic = 0;
      free(h);
   }
   ws_handles = NULL;
   for (w = ws_worlds; w != NULL; w = w->w_ws_next) {
      ws_by_id[w->w_id] = NULL;
      emu_host_unmap(w->w_ws_area, EMU_WORLD_WS_AREA);
      w->w_ws_area = NULL;
      w->w_ws_state = 0;
   }
   ws_worlds = NULL;
   emu_mutex_unlock(&ws_lock);
   emu_vmem_destroy(ws_offsets);
   ws_offsets = NULL;
   emu_cond_destroy(&ws_cv);
}

/* -- handles ---------------------------------------------------------- */

emu_status_t
emu_ws_create(uint32_t size, uint32_t align, emu_ws_ctor_t ctor,
              emu_ws_dtor_t dtor, uintptr_t arg, const void *caller,
              int32_t *ctor_status, uint64_t *handlep)
{
   struct ws_handle *h;
   struct ws_handle **tail;
   struct emu_world *w;
   struct emu_world *v;
   emu_vmem_req_t req;
   uintptr_t off;
   emu_status_t st;
   int32_t cs;

   if (size == 0 || size > EMU_WORLD_WS_AREA) {
      return EMU_BADPARAM;
   }
   if (align == 0) {
      align = 1;
   }
   if ((align & (align - 1)) != 0 || align > 4096) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   h = calloc(1, sizeof *h);
   if (h == NULL) {
      return EMU_NOMEM;
   }
   memset(&req, 0, sizeof req);
   req.size = size;
   req.align = align;
   req.flags = EMU_VM_NOSLEEP;
   req.caller = caller;
   emu_mutex_lock(&ws_lock);
   st = emu_vmem_xalloc(ws_offsets, &req, &off);
   if (st != EMU_OK) {
      emu_mutex_unlock(&ws_lock);
      free(h);
      return EMU_NOMEM;
   }
   h->h_magic = EMU_WS_MAGIC;
   h->h_off = (uint32_t)off;
   h->h_size = size;
   h->h_align = align;
   h->h_ctor = ctor;
   h->h_dtor = dtor;
   h->h_arg = arg;
   for (w = ws_worlds; w != NULL; w = w->w_ws_next) {
      memset(w->w_ws_area + off, 0, size);
      if (ctor != NULL && w->w_ws_state == 1) {
         cs = ctor(w->w_id, w->w_ws_area + off, size, arg);
         if (cs != 0) {
            for (v = ws_worlds; v != w; v = v->w_ws_next) {
               if (dtor != NULL && v->w_ws_state == 1) {
                  dtor(v->w_id, v->w_ws_area + off, size, arg);
               }
            }
            emu_vmem_xfree(ws_offsets, off, size);
            emu_mutex_unlock(&ws_lock);
            free(h);
            if (ctor_status != NULL) {
               *ctor_status = cs;
            }
            return EMU_FAILURE;
         }
      }
   }
   for (tail = &ws_handles; *tail != NULL; tail = &(*tail)->h_next) {
   }
   *tail = h;
   __atomic_store_n(&emu_ws_by_off[off], h, __ATOMIC_RELEASE);
   emu_mutex_unlock(&ws_lock);
   emu_rsrc_add(&h->h_rsrc, EMU_RSRC_STORAGE, "world storage", h->h_name,
                caller);
   *handlep = off;
   return EMU_OK;
}

emu_status_t
emu_ws_destroy(uint64_t handle, const void *caller, uintptr_t *argp)
{
   struct ws_handle *h;
   struct ws_handle **pp;
   struct emu_world *w;

   emu_mutex_lock(&ws_lock);
   if (handle >= EMU_WORLD_WS_AREA || emu_ws_by_off[handle] == NULL) {
      emu_mutex_unlock(&ws_lock);
      return EMU_NOTFOUND;
   }
   h = emu_ws_by_off[handle];
   {
      void *self = emu_host_self_get();
      unsigned i;

      for (i = 0; i < EMU_WS_HOLDERS; i++) {
         if (h->h_holders[i].rh_count != 0 &&
             h->h_holders[i].rh_self == self) {
            emu_report_obj_t obj = { "world storage", h->h_name,
                                     (const void *)(uintptr_t)handle };
            const void *taken = h->h_holders[i].rh_caller;
            uint32_t n = h->h_holders[i].rh_count;
            char where[512];

            emu_mutex_unlock(&ws_lock);
            emu_host_symbolize(taken, where, sizeof where, 1);
            emu_report(EMU_RPT_BUSY_DESTROY, &obj, caller,
                       "destroyed by a world that still holds %u "
                       "reference(s) to it (last taken by %s); destroy "
                       "would wait for itself", n, where);
            return EMU_BUSY;
         }
      }
   }
   __atomic_store_n(&emu_ws_by_off[handle], NULL, __ATOMIC_RELEASE);
   h->h_dying = 1;
   while (h->h_refs != 0) {
      emu_cond_wait(&ws_cv, &ws_lock);
   }
   for (w = ws_worlds; w != NULL; w = w->w_ws_next) {
      if (w->w_ws_state != 0) {
         ws_destruct_one(h, w);
      }
   }
   for (pp = &ws_handles; *pp != h; pp = &(*pp)->h_next) {
   }
   *pp = h->h_next;
   emu_vmem_xfree(ws_offsets, h->h_off, h->h_size);
   emu_mutex_unlock(&ws_lock);
   emu_rsrc_remove(&h->h_rsrc);
   h->h_magic = 0;
   *argp = h->h_arg;
   free(h);
   (void)caller;
   return EMU_OK;
}

/* -- lookups ---------------------------------------------------------- */

emu_status_t
emu_ws_lookup(int32_t world, uint64_t handle, void **datap,
              const void *caller)
{
   struct emu_world *w;
   struct ws_handle *h;

   if (world <= 0 || world > EMU_WORLDS_MAX) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&ws_lock);
   h = handle < EMU_WORLD_WS_AREA ? emu_ws_by_off[handle] : NULL;
   if (h == NULL) {
      emu_mutex_unlock(&ws_lock);
      return EMU_BADHANDLE;
   }
   w = ws_by_id[world];
   if (w == NULL || w->w_ws_state != 1) {
      emu_mutex_unlock(&ws_lock);
      return EMU_NOTFOUND;
   }
   __atomic_add_fetch(&w->w_ws_refs, 1, __ATOMIC_ACQ_REL);
   h->h_refs++;
   ws_holder_note(h, 1, caller);
   *datap = w->w_ws_area + handle;
   emu_mutex_unlock(&ws_lock);
   return EMU_OK;
}

emu_status_t
emu_ws_release(int32_t world, void *data)
{
   struct emu_world *w;
   struct ws_handle *h;
   uintptr_t off;

   if (world <= 0 || world > EMU_WORLDS_MAX) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&ws_lock);
   w = ws_by_id[world];
   if (w == NULL || w->w_ws_refs == 0 || (char *)data < w->w_ws_area ||
       (char *)data >= w->w_ws_area + EMU_WORLD_WS_AREA) {
      emu_mutex_unlock(&ws_lock);
      return EMU_BADPARAM;
   }
   off = (uintptr_t)((char *)data - w->w_ws_area);
   for (h = ws_handles; h != NULL && h->h_off != off; h = h->h_next) {
   }
   if (h == NULL || h->h_refs == 0) {
      emu_mutex_unlock(&ws_lock);
      return EMU_BADPARAM;
   }
   h->h_refs--;
   ws_holder_note(h, -1, NULL);
   __atomic_sub_fetch(&w->w_ws_refs, 1, __ATOMIC_ACQ_REL);
   emu_cond_broadcast(&ws_cv);
   emu_mutex_unlock(&ws_lock);
   return EMU_OK;
}
