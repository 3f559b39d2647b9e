/*
 * heap.c -- heaps for libvmkemu.
 *
 * 1. Model.  A heap hands out variable-sized memory, bounded by a maximum
 *    size fixed at create: allocations beyond it fail, so drivers' error
 *    paths run.  Small requests (<= EMU_HEAP_SMALL_MAX, alignment <= 16)
 *    are served by one slab cache per size class (28 classes, 16 .. 4096
 *    bytes, created on first use); larger or more aligned requests are
 *    spans of the heap's arena.  All memory is machine memory: the heap's
 *    arena (bytes, page quantum) imports physically contiguous runs from a
 *    pool (the driver's for MEMPOOL heaps, the engine's kernel pool
 *    otherwise) within the heap's physical range, and the size-class caches
 *    take their clusters from that arena (h_backing).  Every allocation is
 *    therefore translatable with vmk_VA2MA and counted by its pool.  The
 *    initial size is one run taken from the pool at create and added to
 *    the arena as a span it never gives back.
 *
 * 2. Header-less objects.  Allocation finds the class cache through
 *    h_bysize[(size - 1) >> 4], whose entries point at emu_slab_nocache
 *    (an always-empty magazine) until the class is first used, so the
 *    fast path has no NULL test and no class table lookup.  The class
 *    caches keep their control structure before each object, and their
 *    live tag (the word before the object, slab props.tagkey) is h_key <<
 *    32 | class << 20 | the cache's magazine slot offset | 1; the free tag
 *    is one less.  The free fast path therefore needs only that word: h's
 *    key proves the pointer is a handed-out object of one of h's classes
 *    (not interior, not free, not another heap's or slab's: h_key has bit
 *    31 set and bit 30 clear, which no other kind of tag has, and heaps
 *    get distinct keys), and the low bits give the slot to push onto, so
 *    nothing on its way depends on a load through the object's cluster.
 *    The slow paths find the class from the address (cluster table, then
 *    the cache's api area, emu_heap_cinfo_t).  Each class cache's objects
 *    are one word longer than the class: that side word, past the bytes
 *    the driver may use, holds the caller address and the requested size
 *    (size << 48 | ra), written on every allocation (one store: recording
 *    callers is always on).  Large allocations are uthash records by
 *    address.
 *
 * 3. The maximum is a byte budget: the class size for small allocations,
 *    the page-rounded size for large ones (emu_heap_charge, also used by
 *    vmk_HeapDetermineMaxSize).  h_avail is max less what is charged, and
 *    the class caches are charged through the slab engine's charging
 *    (slab.c 9.): an object is charged while it is handed out or sits in
 *    some thread's magazine, so the fast paths, which only move objects
 *    between a thread's magazine and the driver, touch no budget.  A
 *    magazine of a class holds at most EMU_HEAP_MAGBYTES.  An allocation
 *    the budget refuses first gives back what the calling thread's own
 *    magazines of h hold and tries again, so with one thread the limit is
 *    exact: an allocation fails iff the charges of the live allocations
 *    plus its own would exceed max.  With several threads, objects that
 *    other threads freed into their magazines (at most two magazines per
 *    class each) still count until those threads exchange a magazine,
 *    flush or exit, so an allocation may fail that much early; the
 *    maximum is never exceeded.  Footprint (clusters, spans) is bounded
 *    by the pool, not by the heap maximum: a heap whose classes each hold
 *    a partly used 64 KiB cluster would otherwise refuse allocations that
 *    ESXi would grant.
 *
 * 4. Timed allocations wait for frees (h_wlock, h_cv): a waiter raises
 *    h_waiters and changes h_fkey, so that the free fast path takes no
 *    tag of h's and every free goes to the slow path, which flushes the
 *    freeing thread's magazine of that class to the depot (its charge
 *    back to h_avail); every giving back wakes the waiters.
 *
 * 5. Frees are checked: a pointer of another heap's cache is WRONG_CACHE,
 *    an interior pointer MISALIGNED_FREE, a freed small object (its slab
 *    free tag set) or a recently freed large one DOUBLE_FREE, anything else
 *    BAD_FREE; the heap is left untouched.
 *
 * 6. Destroy with live allocations is one LEAK report listing each (up to
 *    EMU_HEAP_LEAK_LIST) with its size and symbolized caller; live objects
 *    are found by walking the class caches' clusters for objects whose
 *    slab free tag is clear (magazines and depots hold only tagged, free
 *    objects).  They are then freed so the caches go away cleanly.
 *
 * 7. Locking: h_lock (large allocations, cache creation) before the slab
 *    locks and the arena lock; h_wlock (waiters) after every other, held
 *    around nothing but the wait and the wake-up; heap_list_lock for the
 *    list of heaps and the handle chunks.  The fast paths take no lock.
 *
 * 8. Differences from ESX.  Allocations are 16-byte aligned; size 0 is
 *    served as 1 byte; heap memory is not returned to the pool while any
 *    object of the same cluster or span is live; the class caches do not
 *    take the slab debug options (they are engine-internal caches).
 */
#include "heap.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "../core/assert.h"
#include "../core/fault.h"
#include "../core/report.h"
#include "memsan.h"

#define EMU_HEAP_LEAK_LIST   32
#define EMU_HEAP_CHUNKBYTES  (64 * 1024)
#define EMU_HEAP_QUARANTINE  64
#define EMU_HEAP_MAX_HCHUNKS 256

typedef struct emu_heap_big {
   uintptr_t      b_addr;
   uint64_t       b_size;       /* requested */
   uint64_t       b_bytes;      /* span bytes */
   uint64_t       b_charge;
   const void    *b_caller;
   UT_hash_handle hh;
} emu_heap_big_t;

typedef struct heap_leak {
   uintptr_t   l_addr;
   uint64_t    l_size;
   const void *l_caller;
} heap_leak_t;

EMU_STATIC_ASSERT(EMU_HEAP_NCLASS <= EMU_HEAP_TAG_CMASK + 1,
                  "a tag has 5 bits for the class");

EMU_HIDDEN const uint32_t emu_heap_class_size[EMU_HEAP_TAG_CMASK + 1] = {
   16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
   448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072,
   3584, 4096,
};

/* (size + 15) >> 4 -> the smallest class that holds size */
EMU_HIDDEN const uint8_t emu_heap_class_of[EMU_HEAP_SMALL_MAX / 16 + 1] = {
   0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 11,
   11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15,
   15, 16, 16, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17, 17, 17,
   17, 18, 18, 18, 18, 18, 18, 18, 18, 19, 19, 19, 19, 19, 19, 19,
   19, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
   20, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21,
   21, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22,
   22, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23,
   23, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
   24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
   24, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25,
   25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25,
   25, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
   26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 26,
   26, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
   27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
   27,
};

static emu_mutex_t     heap_list_lock = EMU_MUTEX_INITIALIZER;
static emu_heap_t     *heap_list;
static uint64_t        heap_next_tag = 1;
static unsigned char  *hh_chunk[EMU_HEAP_MAX_HCHUNKS];
static unsigned        hh_n;
static size_t          hh_used;
static emu_heap_t     *hh_dead_head;
static emu_heap_t     *hh_dead_tail;
static unsigned        hh_ndead;

static size_t
heap_round(size_t v, size_t a)
{
   return (v + a - 1) / a * a;
}

/* ---- Handles (never unmapped; quarantined before reuse) ---------------- */

static size_t
hsize(void)
{
   return heap_round(sizeof(emu_heap_t), 64);
}

static emu_heap_t *
handle_get(void)
{
   emu_heap_t *h;

   if (hh_ndead > EMU_HEAP_QUARANTINE) {
      h = hh_dead_head;
      hh_dead_head = h->h_gnext;
      if (hh_dead_head == NULL) {
         hh_dead_tail = NULL;
      }
      hh_ndead--;
      return h;
   }
   if (hh_n == 0 || hh_used + hsize() > EMU_HEAP_CHUNKBYTES) {
      unsigned char *c;

      if (hh_n == EMU_HEAP_MAX_HCHUNKS) {
         return NULL;
      }
      c = emu_host_map_anon(EMU_HEAP_CHUNKBYTES);
      if (c == NULL) {
         return NULL;
      }
      hh_chunk[hh_n++] = c;
      hh_used = 0;
   }
   h = (emu_heap_t *)(hh_chunk[hh_n - 1] + hh_used);
   hh_used += hsize();
   return h;
}

static void
handle_put(emu_heap_t *h)
{
   h->h_magic = EMU_HEAP_MAGIC_DEAD;
   h->h_gnext = NULL;
   if (hh_dead_tail != NULL) {
      hh_dead_tail->h_gnext = h;
   } else {
      hh_dead_head = h;
   }
   hh_dead_tail = h;
   hh_ndead++;
}

static emu_status_t
check_locked(const emu_heap_t *h)
{
   uintptr_t a = (uintptr_t)h;
   unsigned i;

   if (h == NULL) {
      return EMU_NOTFOUND;
   }
   for (i = 0; i < hh_n; i++) {
      uintptr_t c = (uintptr_t)hh_chunk[i];

      if (a - c < EMU_HEAP_CHUNKBYTES && (a - c) % hsize() == 0) {
         if (h->h_magic == EMU_HEAP_MAGIC) {
            return EMU_OK;
         }
         return h->h_magic == EMU_HEAP_MAGIC_DEAD ? EMU_BADHANDLE
                                                  : EMU_NOTFOUND;
      }
   }
   return EMU_NOTFOUND;
}

emu_status_t
emu_heap_check(const emu_heap_t *h)
{
   emu_status_t st;

   emu_mutex_lock(&heap_list_lock);
   st = check_locked(h);
   emu_mutex_unlock(&heap_list_lock);
   return st;
}

static int
heap_handle_ok(emu_heap_t *h, const char *what, const void *caller)
{
   emu_status_t st;
   emu_report_obj_t obj = { "heap", NULL, h };

   if (EMU_LIKELY(h != NULL && h->h_magic == EMU_HEAP_MAGIC)) {
      return 1;
   }
   st = emu_heap_check(h);
   if (st == EMU_OK) {
      return 1;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller, "%s on a %s heap handle",
              what, st == EMU_BADHANDLE ? "destroyed" : "unknown");
   return 0;
}

/* ---- The budget (section 3) -------------------------------------------- */

/*
 * Take up to want units of unit bytes from h's budget: how many were
 * taken, 0 when not even one is left.
 */
static int64_t
budget_take(emu_heap_t *h, int64_t unit, int64_t want)
{
   int64_t a = __atomic_load_n(&h->h_avail, __ATOMIC_RELAXED);
   int64_t g;

   do {
      g = a / unit;
      if (g <= 0) {
         return 0;
      }
      if (g > want) {
         g = want;
      }
   } while (!__atomic_compare_exchange_n(&h->h_avail, &a, a - g * unit, 0,
                                         __ATOMIC_SEQ_CST,
                                         __ATOMIC_RELAXED));
   return g;
}

/*
 * Give n bytes back and wake the allocations waiting for them (4.).
 * => any lock but h_wlock may be held (a class cache's, from the slab
 *    engine's give).
 */
static void
budget_give(emu_heap_t *h, int64_t n)
{
   __atomic_add_fetch(&h->h_avail, n, __ATOMIC_SEQ_CST);
   if (__atomic_load_n(&h->h_waiters, __ATOMIC_SEQ_CST) != 0) {
      emu_mutex_lock(&h->h_wlock);
      emu_cond_broadcast(&h->h_cv);
      emu_mutex_unlock(&h->h_wlock);
   }
}

/* The class caches' charging (slab props take / give, slab.c 9.). */
static uint32_t
class_take(emu_slab_cache_t *sc, uint32_t want)
{
   return (uint32_t)budget_take(sc->sc_owner, sc->sc_owner_size, want);
}

static void
class_give(emu_slab_cache_t *sc, uint32_t n)
{
   budget_give(sc->sc_owner, (int64_t)n * sc->sc_owner_size);
}

/*
 * Give back the charge of everything the calling thread holds in its
 * magazines of h's classes (a failed allocation retries after it).
 */
static void
heap_flush_mine(emu_heap_t *h)
{
   uint32_t c;

   for (c = 0; c < EMU_HEAP_NCLASS; c++) {
      emu_slab_cache_t *sc = __atomic_load_n(&h->h_cache[c],
                                             __ATOMIC_ACQUIRE);

      if (sc != NULL) {
         emu_slab_flush_mine(sc);
      }
   }
}

uint64_t
emu_heap_charge(uint64_t size, uint64_t align)
{
   if (size == 0) {
      size = 1;
   }
   if (size <= EMU_HEAP_SMALL_MAX && align <= EMU_HEAP_ALIGN) {
      return emu_heap_class_size[emu_heap_class_of[(size + 15) >> 4]];
   }
   return heap_round(size, EMU_MM_PAGE_SIZE);
}

/* ---- Memory for caches (h_backing) ------------------------------------- */

static emu_status_t
heap_backing_alloc(void *ctx, size_t size, uint64_t deadline_ns,
                   const void *caller, uintptr_t *addrp)
{
   emu_heap_t *h = ctx;
   emu_vmem_req_t r;

   memset(&r, 0, sizeof r);
   r.size = size;
   r.align = EMU_SLAB_GRANULE;
   r.caller = caller;
   if (deadline_ns == 0) {
      r.flags = EMU_VM_NOSLEEP;
   } else {
      r.flags = EMU_VM_SLEEP;
      r.deadline_ns = deadline_ns == UINT64_MAX ? 0 : deadline_ns;
   }
   return emu_vmem_xalloc(h->h_arena, &r, addrp);
}

static void
heap_backing_free(void *ctx, uintptr_t addr, size_t size)
{
   emu_heap_t *h = ctx;

   emu_host_discard((void *)addr, size);
   emu_vmem_xfree(h->h_arena, addr, size);
}

/* Point every h_bysize entry of class c at sc.  => h_lock held. */
static void
heap_bysize_set(emu_heap_t *h, uint32_t c, emu_slab_cache_t *sc)
{
   unsigned i;

   for (i = 0; i < EMU_HEAP_SMALL_MAX / 16; i++) {
      if (emu_heap_class_of[i + 1] == c) {    /* sizes 16 i + 1 .. 16 i + 16 */
         __atomic_store_n(&h->h_bysize[i], sc, __ATOMIC_RELEASE);
      }
   }
}

static emu_slab_cache_t *
heap_class_cache(emu_heap_t *h, uint32_t c)
{
   emu_slab_cache_t *sc = __atomic_load_n(&h->h_cache[c], __ATOMIC_ACQUIRE);
   emu_slab_props_t p;
   char name[EMU_SLAB_NAMELEN];
   emu_heap_cinfo_t *ci;

   if (sc != NULL) {
      return sc;
   }
   emu_mutex_lock(&h->h_lock);
   sc = h->h_cache[c];
   if (sc == NULL) {
      memset(&p, 0, sizeof p);
      snprintf(name, sizeof name, "%.20s.%u", h->h_name,
               emu_heap_class_size[c]);
      p.name = name;
      p.objsize = emu_heap_class_size[c] + sizeof(uintptr_t);
      p.align = EMU_HEAP_ALIGN;
      p.ctrloff = EMU_SLAB_CTRL_END;
      p.maxobj = EMU_SLAB_UNLIMITED;
      p.backing = &h->h_backing;
      p.flags = EMU_SLAB_F_INTERNAL;
      p.tagkey = (uint64_t)h->h_key << 32 | (uint64_t)c << EMU_HEAP_TAG_CSHIFT;
      p.take = class_take;
      p.give = class_give;
      /* What one thread may keep charged in a magazine (3.). */
      p.magcap = EMU_HEAP_MAGBYTES / emu_heap_class_size[c];
      if (emu_memsan_valgrind()) {
         /* Every alloc and free through the slow paths, which describe
          * each block to memcheck (memsan.h). */
         p.flags |= EMU_SLAB_F_NOMAG;
      }
      p.caller = h->h_rsrc.r_caller;
      if (emu_slab_create(&p, &sc) == EMU_OK) {
         ci = emu_slab_api_area(sc);
         ci->ci_class = c;
         ci->ci_heap = h;
         sc->sc_owner_tag = c;          /* for the fast paths: class, */
         sc->sc_owner_size = emu_heap_class_size[c];   /* its charge */
         sc->sc_owner = h;
         __atomic_store_n(&h->h_cache[c], sc, __ATOMIC_RELEASE);
         heap_bysize_set(h, c, sc);
      } else {
         sc = NULL;
      }
   }
   emu_mutex_unlock(&h->h_lock);
   return sc;
}

/* ---- Start / stop ------------------------------------------------------ */

emu_status_t
emu_heap_init(void)
{
   return emu_slab_init();
}

void
emu_heap_fini(void)
{
   /* Heaps still alive were listed as leaks by the resource registry. */
   for (;;) {
      emu_heap_t *h;

      emu_mutex_lock(&heap_list_lock);
      h = heap_list;
      emu_mutex_unlock(&heap_list_lock);
      if (h == NULL) {
         break;
      }
      emu_heap_destroy(h, 1, NULL);
   }
}

/* ---- Create / destroy -------------------------------------------------- */

emu_status_t
emu_heap_create(const emu_heap_props_t *p, emu_heap_t **hp)
{
   emu_heap_t *h;
   emu_mempool_t *pool = p->pool != NULL ? p->pool : emu_mempool_kernel();
   emu_status_t st;
   unsigned i;

   if (p->max == 0 || p->initial > p->max || pool == NULL ||
       p->max > ((uint64_t)1 << 40)) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_HEAP, p->caller)) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&heap_list_lock);
   h = handle_get();
   emu_mutex_unlock(&heap_list_lock);
   if (h == NULL) {
      return EMU_NOMEM;
   }
   memset(h, 0, sizeof *h);
   for (i = 0; i < EMU_HEAP_SMALL_MAX / 16; i++) {
      h->h_bysize[i] = &emu_slab_nocache;   /* no cache yet: slow path */
   }
   snprintf(h->h_name, sizeof h->h_name, "%s", p->name);
   h->h_module = p->module;
   h->h_type = p->type;
   h->h_initial = p->initial;
   h->h_max = p->max;
   h->h_avail = (int64_t)p->max;
   h->h_contig = p->contig;
   h->h_range = p->range;
   h->h_pool = pool;
   h->h_upool = p->upool;
   h->h_backing.sb_name = h->h_name;
   h->h_backing.sb_alloc = heap_backing_alloc;
   h->h_backing.sb_free = heap_backing_free;
   h->h_backing.sb_ctx = h;
   emu_mutex_init(&h->h_lock);
   emu_mutex_init(&h->h_wlock);
   emu_cond_init(&h->h_cv);
   st = emu_mempool_arena_create(pool, p->range, h->h_name, &h->h_arena);
   if (st != EMU_OK) {
      goto fail_locks;
   }
   if (p->initial != 0) {
      emu_mp_req_t r;
      emu_mp_run_t run;
      uint32_t n;

      memset(&r, 0, sizeof r);
      r.npages = heap_round(p->initial, EMU_SLAB_GRANULE) >>
                 EMU_MM_PAGE_SHIFT;
      r.contig = EMU_MP_CONTIG;
      r.range = p->range;
      r.align = EMU_SLAB_GRANULE >> EMU_MM_PAGE_SHIFT;
      r.deadline_ns = p->deadline_ns;
      r.caller = p->caller;
      st = emu_mempool_alloc(pool, &r, &run, 1, &n);
      if (st != EMU_OK) {
         st = st == EMU_TIMEOUT ? EMU_TIMEOUT : EMU_NOMEM;
         goto fail_arena;
      }
      h->h_init_mpn = run.r_mpn;
      h->h_init_pages = run.r_npages;
      st = emu_vmem_add(h->h_arena, emu_machmem_mpn2va(run.r_mpn),
                        run.r_npages << EMU_MM_PAGE_SHIFT, EMU_VM_NOSLEEP);
      if (st != EMU_OK) {
         emu_mempool_free(run.r_mpn, run.r_npages, NULL);
         st = EMU_NOMEM;
         goto fail_arena;
      }
   }
   emu_rsrc_add(&h->h_rsrc, EMU_RSRC_HEAP, "heap", h->h_name, p->caller);
   emu_mutex_lock(&heap_list_lock);
   h->h_tag = heap_next_tag++;
   h->h_key = EMU_HEAP_KEY_BIT | (uint32_t)(h->h_tag & 0x3fffffffu);
   h->h_fkey = h->h_key;
   h->h_gnext = heap_list;
   if (heap_list != NULL) {
      heap_list->h_gprev = h;
   }
   heap_list = h;
   __atomic_store_n(&h->h_magic, EMU_HEAP_MAGIC, __ATOMIC_RELEASE);
   emu_mutex_unlock(&heap_list_lock);
   *hp = h;
   return EMU_OK;

fail_arena:
   emu_vmem_destroy(h->h_arena);
fail_locks:
   emu_cond_destroy(&h->h_cv);
   emu_mutex_destroy(&h->h_wlock);
   emu_mutex_destroy(&h->h_lock);
   emu_mutex_lock(&heap_list_lock);
   handle_put(h);
   emu_mutex_unlock(&heap_list_lock);
   return st == EMU_BADPARAM ? EMU_NOMEM : st;
}

/* Live small objects of one cache (up to max recorded, all counted). */
static uint64_t
walk_cache(emu_slab_cache_t *sc, uint32_t c, heap_leak_t *out,
           unsigned *nout, unsigned max, uint64_t *bytes)
{
   emu_slab_cluster_t *lists[2];
   uint64_t n = 0;
   int l;

   emu_mutex_lock(&sc->sc_lock);
   lists[0] = sc->sc_partial;
   lists[1] = sc->sc_full;
   for (l = 0; l < 2; l++) {
      emu_slab_cluster_t *cl;

      for (cl = lists[l]; cl != NULL; cl = cl->cl_next) {
         uint32_t i;

         for (i = 0; i < cl->cl_nobj; i++) {
            uintptr_t o = cl->cl_base + (uintptr_t)i * sc->sc_chunk;
            uintptr_t w;

            if (emu_slab_tag_load(o, sc->sc_tagoff) == sc->sc_freetag) {
               continue;
            }
            n++;
            *bytes += emu_heap_class_size[c];
            if (out != NULL && *nout < max) {
               w = emu_memsan_word_load((const char *)o +
                                        emu_heap_class_size[c]);
               out[*nout].l_addr = o;
               out[*nout].l_size = emu_heap_side_size(w);
               out[*nout].l_caller = emu_heap_side_caller(w);
               (*nout)++;
            }
         }
      }
   }
   emu_mutex_unlock(&sc->sc_lock);
   return n;
}

uint64_t
emu_heap_live(emu_heap_t *h, uint64_t *bytesp)
{
   uint64_t n = 0;
   uint64_t bytes = 0;
   uint32_t c;
   emu_heap_big_t *b;
   emu_heap_big_t *tmp;

   for (c = 0; c < EMU_HEAP_NCLASS; c++) {
      emu_slab_cache_t *sc = __atomic_load_n(&h->h_cache[c],
                                             __ATOMIC_ACQUIRE);

      if (sc != NULL) {
         n += walk_cache(sc, c, NULL, NULL, 0, &bytes);
      }
   }
   emu_mutex_lock(&h->h_lock);
   HASH_ITER(hh, h->h_big, b, tmp) {
      n++;
      bytes += b->b_charge;
   }
   emu_mutex_unlock(&h->h_lock);
   if (bytesp != NULL) {
      *bytesp = bytes;
   }
   return n;
}

void
emu_heap_destroy(emu_heap_t *h, int quiet, const void *caller)
{
   heap_leak_t *leaks = NULL;
   unsigned nleaks = 0;
   uint64_t total = 0;
   uint64_t bytes = 0;
   uint32_t c;
   emu_heap_big_t *b;
   emu_heap_big_t *tmp;

   if (!heap_handle_ok(h, "vmk_HeapDestroy", caller)) {
      return;
   }
   emu_mutex_lock(&heap_list_lock);
   /* Unpublish first: stale frees now see a dead handle. */
   h->h_magic = EMU_HEAP_MAGIC_DEAD;
   if (h->h_gprev != NULL) {
      h->h_gprev->h_gnext = h->h_gnext;
   } else {
      heap_list = h->h_gnext;
   }
   if (h->h_gnext != NULL) {
      h->h_gnext->h_gprev = h->h_gprev;
   }
   emu_mutex_unlock(&heap_list_lock);

   leaks = calloc(EMU_HEAP_LEAK_LIST + 1, sizeof *leaks);
   for (c = 0; c < EMU_HEAP_NCLASS; c++) {
      if (h->h_cache[c] != NULL) {
         total += walk_cache(h->h_cache[c], c, leaks, &nleaks,
                             leaks != NULL ? EMU_HEAP_LEAK_LIST : 0, &bytes);
      }
   }
   HASH_ITER(hh, h->h_big, b, tmp) {
      total++;
      bytes += b->b_charge;
      if (leaks != NULL && nleaks < EMU_HEAP_LEAK_LIST) {
         leaks[nleaks].l_addr = b->b_addr;
         leaks[nleaks].l_size = b->b_size;
         leaks[nleaks].l_caller = b->b_caller;
         nleaks++;
      }
   }
   if (total != 0 && !quiet) {
      emu_report_obj_t obj = { "heap", h->h_name, h };
      unsigned i;

      emu_report_begin(EMU_RPT_LEAK, &obj, caller,
                       "heap '%s' destroyed with %llu live allocation%s "
                       "(%llu bytes charged)", h->h_name,
                       (unsigned long long)total, total == 1 ? "" : "s",
                       (unsigned long long)bytes);
      for (i = 0; i < nleaks; i++) {
         char sym[256];

         emu_host_symbolize(leaks[i].l_caller, sym, sizeof sym, 1);
         emu_report_detail("  %llu bytes at %p allocated by %s",
                           (unsigned long long)leaks[i].l_size,
                           (void *)leaks[i].l_addr, sym);
      }
      if (total > nleaks) {
         emu_report_detail("  ... and %llu more",
                           (unsigned long long)(total - nleaks));
      }
      emu_report_end();
   }
   /* Free what leaked so the caches and the arena go away cleanly. */
   for (c = 0; c < EMU_HEAP_NCLASS; c++) {
      emu_slab_cache_t *sc = h->h_cache[c];

      if (sc == NULL) {
         continue;
      }
      for (;;) {
         heap_leak_t one[16];
         unsigned n1 = 0;
         uint64_t dummy = 0;
         unsigned i;

         walk_cache(sc, c, one, &n1, 16, &dummy);
         if (n1 == 0) {
            break;
         }
         for (i = 0; i < n1; i++) {
            emu_slab_free(sc, (void *)one[i].l_addr, NULL);
         }
      }
      heap_bysize_set(h, c, &emu_slab_nocache);
      emu_slab_destroy(sc, caller);
      h->h_cache[c] = NULL;
   }
   HASH_ITER(hh, h->h_big, b, tmp) {
      HASH_DEL(h->h_big, b);
      emu_vmem_xfree(h->h_arena, b->b_addr, b->b_bytes);
      free(b);
   }
   free(leaks);
   emu_vmem_destroy(h->h_arena);
   if (h->h_init_pages != 0) {
      emu_host_discard((void *)emu_machmem_mpn2va(h->h_init_mpn),
                       h->h_init_pages << EMU_MM_PAGE_SHIFT);
      emu_mempool_free(h->h_init_mpn, h->h_init_pages, NULL);
   }
   emu_rsrc_remove(&h->h_rsrc);
   emu_cond_destroy(&h->h_cv);
   emu_mutex_destroy(&h->h_wlock);
   emu_mutex_destroy(&h->h_lock);
   emu_mutex_lock(&heap_list_lock);
   handle_put(h);
   emu_mutex_unlock(&heap_list_lock);
}

/* ---- Allocation -------------------------------------------------------- */

static void *
big_alloc(emu_heap_t *h, size_t size, size_t align, uint64_t charge,
          uint64_t deadline_ns, const void *caller)
{
   emu_heap_big_t *b = malloc(sizeof *b);
   emu_vmem_req_t r;
   uintptr_t addr;

   if (b == NULL) {
      return NULL;
   }
   memset(&r, 0, sizeof r);
   r.size = heap_round(size, EMU_MM_PAGE_SIZE);
   r.align = align > EMU_MM_PAGE_SIZE ? align : 0;
   r.caller = caller;
   if (deadline_ns == 0) {
      r.flags = EMU_VM_NOSLEEP;
   } else {
      r.flags = EMU_VM_SLEEP;
      r.deadline_ns = deadline_ns == UINT64_MAX ? 0 : deadline_ns;
   }
   if (emu_vmem_xalloc(h->h_arena, &r, &addr) != EMU_OK) {
      free(b);
      return NULL;
   }
   b->b_addr = addr;
   b->b_size = size;
   b->b_bytes = r.size;
   b->b_charge = charge;
   b->b_caller = caller;
   emu_memsan_alloc((void *)addr, size, b->b_bytes, 0);
   emu_mutex_lock(&h->h_lock);
   HASH_ADD(hh, h->h_big, b_addr, sizeof b->b_addr, b);
   h->h_nbig++;
   emu_mutex_unlock(&h->h_lock);
   return (void *)addr;
}

/*
 * One more (d = 1) or one fewer (d = -1) allocation waiting for frees.
 * While any waits, the free fast path takes no tag of h's (h_fkey is not
 * h_key), so every free of a class object takes the slow path, which gives
 * the charge straight back and wakes the waiters (4.); the free fast path
 * needs no test of its own.
 * => h_wlock held.
 */
static void
heap_waiters(emu_heap_t *h, int d)
{
   uint32_t n = __atomic_add_fetch(&h->h_waiters, (uint32_t)d,
                                   __ATOMIC_SEQ_CST);

   if (d > 0 ? n != 1 : n != 0) {
      return;                          /* no first or last waiter */
   }
   __atomic_store_n(&h->h_fkey, n != 0 ? h->h_key ^ EMU_HEAP_KEY_WAIT
                                       : h->h_key, __ATOMIC_RELAXED);
}

/*
 * One try at the allocation, charging the budget (3.): small ones through
 * the class cache's charging, large ones here.  *budget: 1 when the
 * budget, not memory, refused it.
 */
static void *
heap_alloc_try(emu_heap_t *h, size_t size, size_t align, uint64_t charge,
               uint64_t deadline_ns, const void *caller, int *budget)
{
   void *obj;

   if (size <= EMU_HEAP_SMALL_MAX && align <= EMU_HEAP_ALIGN) {
      uint32_t c = emu_heap_class_of[(size + 15) >> 4];
      emu_slab_cache_t *sc = heap_class_cache(h, c);

      if (sc == NULL) {
         *budget = 0;
         return NULL;
      }
      obj = emu_slab_alloc(sc, deadline_ns, caller);
      if (obj == NULL) {
         *budget = __atomic_load_n(&h->h_avail, __ATOMIC_RELAXED) <
                   (int64_t)charge;
         return NULL;
      }
      emu_memsan_word_store((char *)obj + charge,
                            emu_heap_side_word(caller, size));
      /* Exactly size bytes are the driver's (memsan.h). */
      emu_memsan_alloc(obj, size, charge + sizeof(uintptr_t), 0);
      return obj;
   }
   if (budget_take(h, (int64_t)charge, 1) == 0) {
      *budget = 1;
      return NULL;
   }
   *budget = 0;
   obj = big_alloc(h, size, align, charge, deadline_ns, caller);
   if (obj == NULL) {
      budget_give(h, (int64_t)charge);
   }
   return obj;
}

void *
emu_heap_alloc(emu_heap_t *h, size_t size, size_t align,
               uint64_t deadline_ns, const void *caller)
{
   uint64_t charge;
   void *obj;
   int budget;

   if (!heap_handle_ok(h, "heap allocation", caller)) {
      return NULL;
   }
   if (size == 0) {
      size = 1;
   }
   if (emu_fault_inject(EMU_FAULT_HEAP, caller)) {
      __atomic_add_fetch(&h->h_st_fail, 1, __ATOMIC_RELAXED);
      return NULL;
   }
   charge = emu_heap_charge(size, align);
   if (charge > h->h_max) {
      __atomic_add_fetch(&h->h_st_fail, 1, __ATOMIC_RELAXED);
      return NULL;
   }
   for (;;) {
      int timedout = 0;

      obj = heap_alloc_try(h, size, align, charge, deadline_ns, caller,
                           &budget);
      if (obj != NULL || !budget) {
         break;
      }
      /* Our own magazines' charge first: with one thread the limit is
       * then exact (3.). */
      heap_flush_mine(h);
      obj = heap_alloc_try(h, size, align, charge, deadline_ns, caller,
                           &budget);
      if (obj != NULL || !budget || deadline_ns == 0) {
         break;
      }
      emu_mutex_lock(&h->h_wlock);
      heap_waiters(h, 1);
      while (__atomic_load_n(&h->h_avail, __ATOMIC_SEQ_CST) <
             (int64_t)charge && !timedout) {
         if (deadline_ns == UINT64_MAX) {
            emu_cond_wait(&h->h_cv, &h->h_wlock);
         } else {
            timedout = emu_cond_timedwait(&h->h_cv, &h->h_wlock,
                                          deadline_ns);
         }
      }
      heap_waiters(h, -1);
      emu_mutex_unlock(&h->h_wlock);
      if (timedout) {
         obj = heap_alloc_try(h, size, align, charge, 0, caller, &budget);
         break;
      }
   }
   if (obj == NULL) {
      __atomic_add_fetch(&h->h_st_fail, 1, __ATOMIC_RELAXED);
      return NULL;
   }
   __atomic_add_fetch(&h->h_st_alloc, 1, __ATOMIC_RELAXED);
   return obj;
}

/* ---- Free (section 5) -------------------------------------------------- */

static void
free_report(emu_report_kind_t kind, emu_heap_t *h, void *p,
            const void *caller, const char *why)
{
   emu_report_obj_t obj = { "heap", h->h_name, h };

   emu_report(kind, &obj, caller, "vmk_HeapFree(%p): %s", p, why);
}

/* The heap (other than h) whose large allocation holds p, or NULL. */
static emu_heap_t *
big_owner_elsewhere(emu_heap_t *h, uintptr_t a)
{
   emu_heap_t *o;
   emu_heap_t *found = NULL;

   emu_mutex_lock(&heap_list_lock);
   for (o = heap_list; o != NULL && found == NULL; o = o->h_gnext) {
      emu_heap_big_t *b;

      if (o == h) {
         continue;
      }
      emu_mutex_lock(&o->h_lock);
      HASH_FIND(hh, o->h_big, &a, sizeof a, b);
      emu_mutex_unlock(&o->h_lock);
      if (b != NULL) {
         found = o;
      }
   }
   emu_mutex_unlock(&heap_list_lock);
   return found;
}

void
emu_heap_free(emu_heap_t *h, void *p, const void *caller)
{
   uintptr_t a = (uintptr_t)p;
   emu_slab_cluster_t *cl;
   emu_heap_big_t *b;
   emu_heap_big_t *tmp;
   unsigned i;

   if (p == NULL) {
      return;
   }
   if (!heap_handle_ok(h, "vmk_HeapFree", caller)) {
      return;
   }
   cl = emu_slab_cluster_of(a);
   if (cl != NULL) {
      emu_slab_cache_t *sc = cl->cl_cache;
      const emu_heap_cinfo_t *ci = emu_slab_api_area(sc);
      uint32_t c = ci->ci_class;
      uint64_t o = a - cl->cl_base;

      if (c < EMU_HEAP_NCLASS && h->h_cache[c] == sc) {
         if (o >= sc->sc_clobjbytes || !emu_slab_on_boundary(sc, o)) {
            free_report(EMU_RPT_MISALIGNED_FREE, h, p, caller,
                        "pointer into the middle of an allocation");
            return;
         }
         if (emu_slab_tag_load(a, sc->sc_tagoff) == sc->sc_freetag) {
            free_report(EMU_RPT_DOUBLE_FREE, h, p, caller,
                        "memory already freed");
            return;
         }
         emu_memsan_free(p, emu_heap_class_size[c] + sizeof(uintptr_t));
         emu_slab_free(sc, p, caller);
         if (__atomic_load_n(&h->h_waiters, __ATOMIC_SEQ_CST) != 0) {
            /* Someone waits for budget: what this thread's magazines
             * hold is charged, so they go back to the depot now. */
            emu_slab_flush_mine(sc);
         }
         return;
      }
      if (c < EMU_HEAP_NCLASS && ci->ci_heap != NULL &&
          ci->ci_heap->h_cache[c] == sc) {
         char why[96];

         snprintf(why, sizeof why, "memory belongs to heap '%s'",
                  ci->ci_heap->h_name);
         free_report(EMU_RPT_WRONG_CACHE, h, p, caller, why);
         return;
      }
      free_report(EMU_RPT_WRONG_CACHE, h, p, caller,
                  "memory belongs to a slab, not to this heap");
      return;
   }
   emu_mutex_lock(&h->h_lock);
   HASH_FIND(hh, h->h_big, &a, sizeof a, b);
   if (b != NULL) {
      HASH_DEL(h->h_big, b);
      h->h_nbig--;
      h->h_freed[h->h_freed_next++ % EMU_HEAP_FREED_RING] = a;
      emu_mutex_unlock(&h->h_lock);
      emu_memsan_free(p, b->b_bytes);
      emu_host_discard(p, b->b_bytes);
      emu_vmem_xfree(h->h_arena, b->b_addr, b->b_bytes);
      budget_give(h, (int64_t)b->b_charge);
      free(b);
      return;
   }
   HASH_ITER(hh, h->h_big, b, tmp) {
      if (a - b->b_addr < b->b_size) {
         emu_mutex_unlock(&h->h_lock);
         free_report(EMU_RPT_MISALIGNED_FREE, h, p, caller,
                     "pointer into the middle of an allocation");
         return;
      }
   }
   for (i = 0; i < EMU_HEAP_FREED_RING; i++) {
      if (h->h_freed[i] == a) {
         emu_mutex_unlock(&h->h_lock);
         free_report(EMU_RPT_DOUBLE_FREE, h, p, caller,
                     "memory already freed");
         return;
      }
   }
   emu_mutex_unlock(&h->h_lock);
   {
      emu_heap_t *o = big_owner_elsewhere(h, a);
      char why[96];

      if (o != NULL) {
         snprintf(why, sizeof why, "memory belongs to heap '%s'", o->h_name);
         free_report(EMU_RPT_WRONG_CACHE, h, p, caller, why);
         return;
      }
   }
   free_report(EMU_RPT_BAD_FREE, h, p, caller,
               "address was never allocated from this heap");
}

/* ---- Statistics and leak walks (EmuCtl_DumpStats, vmkemu load) --------- */

void
emu_heap_walk(emu_heap_walk_fn fn, void *arg)
{
   emu_heap_t *h;

   emu_mutex_lock(&heap_list_lock);
   for (h = heap_list; h != NULL; h = h->h_gnext) {
      emu_vmem_stats_t vs;
      uint64_t bytes = 0;
      uint64_t live = emu_heap_live(h, &bytes);

      if (h->h_arena != NULL) {
         emu_vmem_stats(h->h_arena, &vs);
      }
      fn(arg, h, live, bytes, h->h_arena != NULL ? &vs : NULL);
   }
   emu_mutex_unlock(&heap_list_lock);
}

uint64_t
emu_heap_walk_live(emu_heap_t *h, emu_heap_live_fn fn, void *arg)
{
   heap_leak_t *list;
   unsigned n = 0;
   unsigned max;
   uint64_t total = 0;
   uint64_t bytes = 0;
   uint32_t c;
   emu_heap_big_t *b;
   emu_heap_big_t *tmp;
   unsigned i;

   if (emu_heap_check(h) != EMU_OK) {
      return 0;
   }
   max = (unsigned)emu_heap_live(h, NULL) + 16;
   list = calloc(max, sizeof *list);
   if (list == NULL) {
      return 0;
   }
   for (c = 0; c < EMU_HEAP_NCLASS; c++) {
      emu_slab_cache_t *sc = __atomic_load_n(&h->h_cache[c],
                                             __ATOMIC_ACQUIRE);

      if (sc != NULL) {
         total += walk_cache(sc, c, list, &n, max, &bytes);
      }
   }
   emu_mutex_lock(&h->h_lock);
   HASH_ITER(hh, h->h_big, b, tmp) {
      total++;
      if (n < max) {
         list[n].l_addr = b->b_addr;
         list[n].l_size = b->b_size;
         list[n].l_caller = b->b_caller;
         n++;
      }
   }
   emu_mutex_unlock(&h->h_lock);
   for (i = 0; i < n; i++) {
      fn(arg, list[i].l_addr, list[i].l_size, list[i].l_caller);
   }
   free(list);
   return total;
}
