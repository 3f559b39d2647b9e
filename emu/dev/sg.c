/*
 * sg.c -- scatter-gather ops handles, the registry of live SG arrays, and
 * the walks over machine-address SG arrays that copies and DMA use.
 *
 * 1. Model: a driver never allocates an SG array itself; it asks an ops
 *    handle (vmk_SgCreateOpsHandle & co.).  A handle either carries the
 *    driver's alloc/free callbacks or, without them, allocates arrays of
 *    vmk_SgComputeAllocSize(n) bytes from the heap it was created with.
 *    Virtual-address arrays (vmk_SgVirt*) always use the driver's
 *    callbacks, which get a byte size and hand back memory that this
 *    engine then lays out (emu_sg_virt_t).
 * 2. Registry: every array handed out is recorded (host memory, keyed by
 *    the array's address) with the handle and the driver code that asked
 *    for it, and registered as a resource "sg array", so a leak names its
 *    caller.  Freeing through the wrong handle is a WRONG_CACHE report;
 *    freeing something that is not a live array is a DOUBLE_FREE report
 *    when it was freed recently (a ring of EMU_SG_FREED_RING addresses),
 *    otherwise BAD_FREE.  Destroying a handle with live arrays is a LEAK
 *    report listing them; they are freed with it.
 * 3. Handles: the handle object is host memory (not the driver's heap, so
 *    that a heap destroyed early cannot pull the registry links from under
 *    us); the heap must be alive at create.  Live handles are kept in a
 *    table keyed by address, so a stale or foreign handle is recognised
 *    without being dereferenced (DEAD_HANDLE report).
 * 4. Walks: elements are machine addresses; each piece is translated with
 *    emu_machmem_ma2va, so an element outside machine memory stops a copy
 *    instead of touching host memory.
 * 5. Locking: sg_lock guards the tables and counters.  The driver's
 *    callbacks run outside it, inside a non-blocking region (the vmkapi
 *    says they must not block).  The DMA engine calls in without its own
 *    lock held.
 * 6. Differences from ESX: none known in behaviour; ESX keeps no registry,
 *    so its misuse is silent corruption where ours is a report.
 */
#include "sg.h"

#include <stdlib.h>
#include <string.h>

#include "../core/block.h"
#include "../core/fault.h"
#include "../core/report.h"
#include "../mem/machmem.h"

typedef struct sg_rec {
   void           *r_array;       /* key */
   emu_sg_ops_t   *r_ops;
   const void     *r_caller;
   emu_rsrc_t      r_rsrc;
   UT_hash_handle  hh;
} sg_rec_t;

static emu_mutex_t sg_lock = EMU_MUTEX_INITIALIZER;
static emu_sg_ops_t *sg_handles;          /* live handles */
static sg_rec_t *sg_arrays;               /* live arrays */
static uintptr_t sg_freed[EMU_SG_FREED_RING];
static unsigned sg_freed_next;

static const char *
sg_kind_name(emu_sg_kind_t kind)
{
   switch (kind) {
   case EMU_SG_KIND_MA:        return "sg ops";
   case EMU_SG_KIND_COMPONENT: return "sg component ops";
   case EMU_SG_KIND_VIRT:      return "sg virt ops";
   }
   return "sg ops";
}

static const char *
sg_array_name(emu_sg_kind_t kind)
{
   switch (kind) {
   case EMU_SG_KIND_MA:        return "sg array";
   case EMU_SG_KIND_COMPONENT: return "sg component array";
   case EMU_SG_KIND_VIRT:      return "sg virt array";
   }
   return "sg array";
}

emu_status_t
emu_sg_init(void)
{
   emu_mutex_lock(&sg_lock);
   sg_handles = NULL;
   sg_arrays = NULL;
   memset(sg_freed, 0, sizeof sg_freed);
   sg_freed_next = 0;
   emu_mutex_unlock(&sg_lock);
   return EMU_OK;
}

/*
 * Shutdown: the leak listing has already named what is left; forget it.
 * Default arrays live in driver heaps, which their engine frees.
 */
void
emu_sg_fini(void)
{
   sg_rec_t *r;
   sg_rec_t *rt;
   emu_sg_ops_t *o;
   emu_sg_ops_t *ot;

   emu_mutex_lock(&sg_lock);
   HASH_ITER(hh, sg_arrays, r, rt) {
      HASH_DEL(sg_arrays, r);
      emu_rsrc_remove(&r->r_rsrc);
      free(r);
   }
   HASH_ITER(hh, sg_handles, o, ot) {
      HASH_DEL(sg_handles, o);
      emu_rsrc_remove(&o->so_rsrc);
      o->so_magic = EMU_SG_OPS_MAGIC_DEAD;
      free(o);
   }
   emu_mutex_unlock(&sg_lock);
}

/* ---- Handles ------------------------------------------------------------ */

static emu_sg_ops_t *
sg_ops_find_locked(const emu_sg_ops_t *ops)
{
   emu_sg_ops_t *o = NULL;

   HASH_FIND_PTR(sg_handles, &ops, o);
   return o;
}

emu_status_t
emu_sg_ops_check(const emu_sg_ops_t *ops, emu_sg_kind_t kind,
                 const char *what, const void *caller)
{
   emu_sg_ops_t *o;
   emu_report_obj_t obj = { sg_kind_name(kind), NULL, ops };

   if (ops == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&sg_lock);
   o = sg_ops_find_locked(ops);
   emu_mutex_unlock(&sg_lock);
   if (o != NULL && o->so_kind == kind) {
      return EMU_OK;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on %s that is not a live %s handle", what,
              o != NULL ? "a handle of another kind" : "a pointer",
              sg_kind_name(kind));
   return EMU_BADHANDLE;
}

emu_status_t
emu_sg_ops_create(emu_sg_kind_t kind, emu_heap_t *heap, const void *ops,
                  void *private, const void *caller, emu_sg_ops_t **opsp)
{
   emu_sg_ops_t *o;
   int custom = 0;

   if (heap == NULL || emu_heap_check(heap) != EMU_OK) {
      return EMU_BADPARAM;
   }
   if (ops != NULL) {
      /* Every ops struct is { alloc, free }: both or the call is bad. */
      const vmk_SgArrayOps *any = ops;

      if (any->alloc == NULL || any->free == NULL) {
         return EMU_BADPARAM;
      }
      custom = 1;
   } else if (kind == EMU_SG_KIND_VIRT) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   o = calloc(1, sizeof *o);
   if (o == NULL) {
      return EMU_NOMEM;
   }
   o->so_magic = EMU_SG_OPS_MAGIC;
   o->so_self = o;
   o->so_kind = kind;
   o->so_heap = heap;
   o->so_custom = custom;
   if (custom) {
      switch (kind) {
      case EMU_SG_KIND_MA:
         o->so_ops.ma = *(const vmk_SgArrayOps *)ops;
         break;
      case EMU_SG_KIND_COMPONENT:
         o->so_ops.comp = *(const vmk_SgComponentArrayOps *)ops;
         break;
      case EMU_SG_KIND_VIRT:
         o->so_ops.virt = *(const vmk_SgVirtArrayOps *)ops;
         break;
      }
   }
   o->so_private = private;
   o->so_caller = caller;
   emu_mutex_lock(&sg_lock);
   HASH_ADD_PTR(sg_handles, so_self, o);
   emu_mutex_unlock(&sg_lock);
   emu_rsrc_add(&o->so_rsrc, EMU_RSRC_OTHER, sg_kind_name(kind),
                sg_kind_name(kind), caller);
   *opsp = o;
   return EMU_OK;
}

/* Release an array's memory through its handle (outside sg_lock). */
static void
sg_release(emu_sg_ops_t *o, void *array, const void *caller)
{
   if (!o->so_custom) {
      emu_heap_free(o->so_heap, array, caller);
      return;
   }
   EMU_NONBLOCKING_BEGIN("scatter-gather free callback");
   switch (o->so_kind) {
   case EMU_SG_KIND_MA:
      (void)o->so_ops.ma.free((vmk_SgOpsHandle)o, array, o->so_private);
      break;
   case EMU_SG_KIND_COMPONENT:
      (void)o->so_ops.comp.free((vmk_SgComponentOpsHandle)o, array,
                                o->so_private);
      break;
   case EMU_SG_KIND_VIRT: {
      emu_sg_virt_t *v = array;

      (void)o->so_ops.virt.free((vmk_SgVirtOpsHandle)o,
                                (vmk_HeapID)o->so_heap, o->so_private,
                                (vmk_SgVirtArray)array, v->sv_private);
      break;
   }
   }
   EMU_NONBLOCKING_END();
}

emu_status_t
emu_sg_ops_destroy(emu_sg_ops_t *ops, emu_sg_kind_t kind, const void *caller)
{
   sg_rec_t *r;
   sg_rec_t *rt;
   sg_rec_t *leaked = NULL;
   uint64_t n = 0;
   emu_report_obj_t obj = { sg_kind_name(kind), NULL, ops };

   if (emu_sg_ops_check(ops, kind, "destroy", caller) != EMU_OK) {
      return EMU_BADHANDLE;
   }
   emu_mutex_lock(&sg_lock);
   HASH_DEL(sg_handles, ops);
   if (ops->so_live != 0) {
      HASH_ITER(hh, sg_arrays, r, rt) {
         if (r->r_ops == ops) {
            HASH_DEL(sg_arrays, r);
            r->hh.next = leaked;    /* reuse the link for a private list */
            leaked = r;
            n++;
         }
      }
   }
   ops->so_magic = EMU_SG_OPS_MAGIC_DEAD;
   emu_mutex_unlock(&sg_lock);
   if (n != 0) {
      emu_report_begin(EMU_RPT_LEAK, &obj, caller,
                       "%s destroyed with %llu live array%s",
                       sg_kind_name(kind), (unsigned long long)n,
                       n == 1 ? "" : "s");
      for (r = leaked; r != NULL; r = r->hh.next) {
         char sym[256];

         emu_host_symbolize(r->r_caller, sym, sizeof sym, 1);
         emu_report_detail("  array %p allocated by %s", r->r_array, sym);
      }
      emu_report_end();
      while (leaked != NULL) {
         r = leaked;
         leaked = r->hh.next;
         emu_rsrc_remove(&r->r_rsrc);
         sg_release(ops, r->r_array, caller);
         free(r);
      }
   }
   emu_rsrc_remove(&ops->so_rsrc);
   free(ops);
   return EMU_OK;
}

/* ---- Arrays ------------------------------------------------------------- */

emu_status_t
emu_sg_track(emu_sg_ops_t *ops, void *array, const void *caller)
{
   sg_rec_t *r;
   unsigned i;

   r = calloc(1, sizeof *r);
   if (r == NULL) {
      return EMU_NOMEM;
   }
   r->r_array = array;
   r->r_ops = ops;
   r->r_caller = caller;
   emu_mutex_lock(&sg_lock);
   HASH_ADD_PTR(sg_arrays, r_array, r);
   ops->so_live++;
   /* A reused address is no longer "recently freed". */
   for (i = 0; i < EMU_SG_FREED_RING; i++) {
      if (sg_freed[i] == (uintptr_t)array) {
         sg_freed[i] = 0;
      }
   }
   emu_mutex_unlock(&sg_lock);
   emu_rsrc_add(&r->r_rsrc, EMU_RSRC_OTHER, sg_array_name(ops->so_kind),
                sg_array_name(ops->so_kind), caller);
   return EMU_OK;
}

static int
sg_recently_freed_locked(const void *array)
{
   unsigned i;

   for (i = 0; i < EMU_SG_FREED_RING; i++) {
      if (sg_freed[i] == (uintptr_t)array && array != NULL) {
         return 1;
      }
   }
   return 0;
}

void
emu_sg_report_not_live(emu_sg_kind_t kind, const void *array,
                       const char *what, const void *caller)
{
   emu_report_obj_t obj = { sg_array_name(kind), NULL, array };
   int again;

   emu_mutex_lock(&sg_lock);
   again = sg_recently_freed_locked(array);
   emu_mutex_unlock(&sg_lock);
   if (again) {
      emu_report(EMU_RPT_DOUBLE_FREE, &obj, caller,
                 "%s of %s %p that was already freed", what,
                 sg_array_name(kind), array);
   } else {
      emu_report(EMU_RPT_BAD_FREE, &obj, caller,
                 "%s of %p, which is not a live %s", what, array,
                 sg_array_name(kind));
   }
}

emu_status_t
emu_sg_untrack(emu_sg_ops_t *ops, void *array, const char *what,
               const void *caller)
{
   sg_rec_t *r = NULL;
   emu_report_obj_t obj = { sg_array_name(ops->so_kind), NULL, array };
   emu_sg_ops_t *owner;

   emu_mutex_lock(&sg_lock);
   HASH_FIND_PTR(sg_arrays, &array, r);
   if (r == NULL) {
      emu_mutex_unlock(&sg_lock);
      emu_sg_report_not_live(ops->so_kind, array, what, caller);
      return EMU_NOTFOUND;
   }
   owner = r->r_ops;
   if (owner != ops) {
      emu_mutex_unlock(&sg_lock);
      emu_report(EMU_RPT_WRONG_CACHE, &obj, caller,
                 "%s of %s %p through ops handle %p; it came from %p", what,
                 sg_array_name(ops->so_kind), array, (void *)ops,
                 (void *)owner);
      return EMU_NOTFOUND;
   }
   HASH_DEL(sg_arrays, r);
   ops->so_live--;
   sg_freed[sg_freed_next] = (uintptr_t)array;
   sg_freed_next = (sg_freed_next + 1) % EMU_SG_FREED_RING;
   emu_mutex_unlock(&sg_lock);
   emu_rsrc_remove(&r->r_rsrc);
   free(r);
   return EMU_OK;
}

int
emu_sg_is_live(const void *array)
{
   sg_rec_t *r = NULL;

   emu_mutex_lock(&sg_lock);
   HASH_FIND_PTR(sg_arrays, &array, r);
   emu_mutex_unlock(&sg_lock);
   return r != NULL;
}

emu_status_t
emu_sg_array_alloc(emu_sg_ops_t *ops, uint32_t n, const void *caller,
                   void **arrayp)
{
   void *a = NULL;
   size_t size;
   emu_status_t st;
   int small;

   if (n == 0 || ops->so_kind == EMU_SG_KIND_VIRT) {
      return EMU_BADPARAM;
   }
   if (ops->so_kind == EMU_SG_KIND_MA) {
      size = sizeof(vmk_SgArray) + (size_t)n * sizeof(vmk_SgElem);
   } else {
      size = sizeof(vmk_SgComponentArray) +
             (size_t)n * sizeof(vmk_SgComponent);
   }
   if (n > (UINT32_MAX - 64) / sizeof(vmk_SgComponent)) {
      return EMU_NOMEM;                /* more than a heap can give */
   }
   if (!ops->so_custom) {
      a = emu_heap_alloc(ops->so_heap, size, 0, 0, caller);
      if (a == NULL) {
         return EMU_NOMEM;
      }
      memset(a, 0, size);
      if (ops->so_kind == EMU_SG_KIND_MA) {
         ((vmk_SgArray *)a)->maxElems = n;
      } else {
         ((vmk_SgComponentArray *)a)->maxComponents = (vmk_int32)n;
      }
   } else {
      VMK_ReturnStatus vs;

      EMU_NONBLOCKING_BEGIN("scatter-gather alloc callback");
      if (ops->so_kind == EMU_SG_KIND_MA) {
         vmk_SgArray *sg = NULL;

         vs = ops->so_ops.ma.alloc((vmk_SgOpsHandle)ops, &sg, n,
                                   ops->so_private);
         a = sg;
      } else {
         vmk_SgComponentArray *ca = NULL;

         vs = ops->so_ops.comp.alloc((vmk_SgComponentOpsHandle)ops, &ca, n,
                                     ops->so_private);
         a = ca;
      }
      EMU_NONBLOCKING_END();
      if (vs != VMK_OK || a == NULL) {
         return vs == VMK_OK ? EMU_BADPARAM : EMU_NOMEM;
      }
      /*
       * The vmkapi asks the callback to set the capacity; one smaller than
       * asked for would be overrun by the caller, so it is refused.
       */
      if (ops->so_kind == EMU_SG_KIND_MA) {
         vmk_SgArray *sg = a;

         small = sg->maxElems < n;
         sg->numElems = 0;
      } else {
         vmk_SgComponentArray *ca = a;

         small = ca->maxComponents < (vmk_int32)n;
         ca->numComponents = 0;
      }
      if (small) {
         emu_report_obj_t obj = { sg_kind_name(ops->so_kind), NULL, ops };

         emu_report(EMU_RPT_MISUSE, &obj, caller,
                    "%s alloc callback returned an array with room for "
                    "fewer than the %u entries asked for",
                    sg_kind_name(ops->so_kind), n);
         sg_release(ops, a, caller);
         return EMU_BADPARAM;
      }
   }
   st = emu_sg_track(ops, a, caller);
   if (st != EMU_OK) {
      sg_release(ops, a, caller);
      return st;
   }
   *arrayp = a;
   return EMU_OK;
}

emu_status_t
emu_sg_array_free(emu_sg_ops_t *ops, void *array, const void *caller)
{
   emu_status_t st = emu_sg_untrack(ops, array, "free", caller);

   if (st != EMU_OK) {
      return st;
   }
   sg_release(ops, array, caller);
   return EMU_OK;
}

/* ---- Walks -------------------------------------------------------------- */

uint64_t
emu_sg_data_len(const vmk_SgArray *sg)
{
   uint64_t len = 0;
   uint32_t i;

   if (sg == NULL) {
      return 0;
   }
   for (i = 0; i < sg->numElems; i++) {
      len += sg->elem[i].length;
   }
   return len;
}

emu_status_t
emu_sg_find(const vmk_SgArray *sg, uint64_t off, uint32_t *elemp,
            uint32_t *eoffp)
{
   uint32_t i;

   for (i = 0; i < sg->numElems; i++) {
      if (off < sg->elem[i].length) {
         *elemp = i;
         *eoffp = (uint32_t)off;
         return EMU_OK;
      }
      off -= sg->elem[i].length;
   }
   return EMU_NOTFOUND;
}

/* Host address of up to *lenp bytes at elem/eoff; shortens *lenp. */
static emu_status_t
sg_piece(const vmk_SgArray *sg, uint32_t elem, uint32_t eoff, uint64_t *lenp,
         char **pp)
{
   const vmk_SgElem *e = &sg->elem[elem];
   uint64_t room = e->length - eoff;
   uintptr_t va;

   if (*lenp > room) {
      *lenp = room;
   }
   if (emu_machmem_ma2va(e->addr + eoff, *lenp, &va) != EMU_OK) {
      return EMU_BADPARAM;
   }
   *pp = (char *)va;
   return EMU_OK;
}

/* Step elem/eoff by n bytes within the current element. */
static void
sg_advance(const vmk_SgArray *sg, uint32_t *elem, uint32_t *eoff, uint64_t n)
{
   *eoff += (uint32_t)n;
   if (*eoff >= sg->elem[*elem].length) {
      (*elem)++;
      *eoff = 0;
      /* Zero-length elements carry no data: step over them. */
      while (*elem < sg->numElems && sg->elem[*elem].length == 0) {
         (*elem)++;
      }
   }
}

emu_status_t
emu_sg_copy_buf(const vmk_SgArray *sg, uint32_t elem, uint32_t eoff,
                void *buf, uint64_t len, int to_sg, uint64_t *donep)
{
   char *b = buf;
   uint64_t done = 0;
   emu_status_t st = EMU_OK;

   while (elem < sg->numElems && sg->elem[elem].length == 0) {
      elem++;
   }
   while (done < len) {
      uint64_t n = len - done;
      char *p;

      if (elem >= sg->numElems) {
         st = EMU_LIMIT;
         break;
      }
      st = sg_piece(sg, elem, eoff, &n, &p);
      if (st != EMU_OK) {
         break;
      }
      if (to_sg) {
         memcpy(p, b + done, n);
      } else {
         memcpy(b + done, p, n);
      }
      done += n;
      sg_advance(sg, &elem, &eoff, n);
   }
   *donep = done;
   return st;
}

emu_status_t
emu_sg_copy_sg(const vmk_SgArray *dst, uint32_t delem, uint32_t doff,
               const vmk_SgArray *src, uint32_t selem, uint32_t soff,
               uint64_t len, uint64_t *donep)
{
   uint64_t done = 0;
   emu_status_t st = EMU_OK;

   while (delem < dst->numElems && dst->elem[delem].length == 0) {
      delem++;
   }
   while (selem < src->numElems && src->elem[selem].length == 0) {
      selem++;
   }
   while (done < len) {
      uint64_t n = len - done;
      char *dp;
      char *sp;

      if (delem >= dst->numElems || selem >= src->numElems) {
         st = EMU_LIMIT;
         break;
      }
      st = sg_piece(dst, delem, doff, &n, &dp);
      if (st == EMU_OK) {
         st = sg_piece(src, selem, soff, &n, &sp);
      }
      if (st != EMU_OK) {
         break;
      }
      memmove(dp, sp, n);
      done += n;
      sg_advance(dst, &delem, &doff, n);
      sg_advance(src, &selem, &soff, n);
   }
   *donep = done;
   return st;
}
