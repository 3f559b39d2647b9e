/*
 * slab.c -- object caches for libvmkemu.
 *
 * 1. Model (Bonwick, "The Slab Allocator", 1994, and Bonwick & Adams,
 *    "Magazines and Vmem", 2001; the code and words here are ours).  A
 *    cache hands out fixed-size objects cut from clusters, runs of memory
 *    it takes from a backing (slab_backing.c).  Objects keep their
 *    constructed state while free: the constructor runs once per object
 *    when its cluster is built, the destructor once per object just before
 *    the cluster goes back.  Never per alloc or free.
 *
 * 2. Object states: (a) raw, in a cluster being built; (b) constructed and
 *    free -- on a cluster's free list, in a depot magazine, or in a thread's
 *    magazine; (c) allocated to the driver.  Building a cluster takes all of
 *    its objects a->b; alloc b->c; free c->b; releasing a wholly free
 *    cluster b->a.
 *
 * 3. Layout.  A cluster is a multiple of the 64 KiB granule, aligned to it:
 *    a header (emu_slab_cluster_t, padded to the object alignment) and then
 *    sc_clnobj chunks.  A chunk is the object, then (with the guards option)
 *    EMU_SLAB_GUARD_BYTES of guard, then -- when no control offset is given
 *    -- room for the control structure (emu_slab_ctrl_t: free-list link and
 *    tag), all rounded up to the alignment (at least 8).  That room serves
 *    the next object: each object's control structure is the 16 bytes just
 *    before it (the first object's is the tail of the header, which grows
 *    by 16 bytes for it), so its tag is always at obj - 8 whatever the
 *    cache.  With a control offset the control structure lives inside the
 *    free object at that offset; the driver's other bytes survive free and
 *    re-alloc untouched.  Small chunks get 64 KiB clusters; big ones enough
 *    granules for 4 objects (1 above 128 KiB).
 *
 * 4. Two modes.  A plain cache (no debug option, no maxObj) runs on
 *    magazines (magazine.c): alloc pops and free pushes the calling thread's
 *    magazine with no lock; the depot trades whole magazines under sc_lock;
 *    an empty depot refills a magazine straight from the clusters in one
 *    locked pass.  A debug cache, a cache with a finite maxObj and the
 *    engine's own magazine caches run "direct": every alloc and free takes
 *    sc_lock and works on the clusters.  Direct mode keeps an exact count of
 *    outstanding objects, so maxObj means exactly "at most maxObj handed
 *    out" (objects parked in other threads' magazines could not be counted
 *    without a lock on the fast path), and debug records stay exact.
 *    vmk_SlabAlloc returns NULL at once at the cap; a timed alloc sleeps on
 *    sc_cv, which frees signal.  Clusters for a limited cache stop growing
 *    at ceil(maxObj / objects per cluster).
 *
 * 5. Free checks, always on.  Every object's tag tells its state: a free
 *    object's holds sc_freetag, a handed-out one's sc_livetag, written on
 *    every hand-out.  For a cache with its control structure before the
 *    objects, sc_livetag is 2 * sc + 1 and sc_freetag is sc: the free fast
 *    path checks that the pointer lies in the backing range (whose first
 *    bytes are preceded by mapped memory) and that the word before it is
 *    2 * handle + 1 -- odd, so no free tag, no address and no other cache's
 *    tag, and it needs nothing read from the handle, so a NULL or stale
 *    handle fails it too.  Only that cache's handed-out objects carry the
 *    value, in memory the driver does not own; an interior pointer, a free
 *    object, another cache's object or a wild pointer into the range does
 *    not match.  A cache with a control offset has its tag inside the
 *    object, where the driver's data lies while the object is out, so its
 *    sc_livetag (sc XOR a salt with the top bit set) never matches and its
 *    frees take the checked fast path: the cluster table (one entry per
 *    granule of the backing range, read without a lock: an entry only
 *    changes while its cluster has no object outstanding; "none" is a
 *    sentinel cluster owned by emu_slab_nocache, so there is no NULL test)
 *    must name this cache -- which also proves the handle is a live cache
 *    before anything else of it is read; then the object index,
 *    rotr((p - base) * inv, k), inv the inverse of the chunk's odd part
 *    modulo 2^64 and k its power of two, must be below the objects per
 *    cluster (object starts come out as their index, every other offset as
 *    a bigger number: "on a boundary" and "inside" in one compare, no
 *    division); last, the tag must not be sc_freetag (sc XOR another salt;
 *    a double free).  Any failure goes to the slow path, which reports
 *    BAD_FREE, WRONG_CACHE, MISALIGNED_FREE or DOUBLE_FREE naming the
 *    cache, the object and the caller, and leaves the cache untouched.
 *    The inner tag is probabilistic (a driver could store that exact value
 *    in its object); debug caches keep a per-object state and are exact.
 *
 * 6. Handles.  Cache structures come from a private pool of host pages and
 *    are never unmapped; a destroyed cache keeps EMU_SLAB_MAGIC_DEAD and is
 *    reused only after EMU_SLAB_QUARANTINE later destroys, so a stale handle
 *    is reported (DEAD_HANDLE) instead of trusted.  The fast paths do not
 *    test the magic: each structure gets its magazine slot index once, when
 *    it is first carved, and keeps it through reuse, so no other cache ever
 *    loads that slot; only the slow path loads a slot (after checking the
 *    handle and the mode), destroy drains the slot in every thread, and
 *    debug or limited caches never load theirs.  A destroyed or direct-mode
 *    cache therefore finds its slot empty (alloc) or full (free) and goes
 *    slow, which checks the magic and reports.  The alloc fast path still
 *    tests NULL.  While fault injection is armed every cache's sc_slotoff
 *    points at slot 0, which no cache owns and stays empty, so both fast
 *    paths go slow, where injection is decided (slab_fault_armed, called
 *    by the fault layer on each arm and disarm).  A handle that never was
 *    a cache is undefined on the alloc fast path, as a wild pointer is on
 *    ESXi.
 *
 * 7. Reclaim gives back wholly free clusters beyond those minObj needs:
 *    on request (emu_slab_reclaim: the depot and the calling thread's
 *    magazines are emptied first), under pressure (a cluster the backing
 *    cannot give makes every cache reclaim, then one retry) and at destroy.
 *    Magazines parked in other live threads stay there (as per-CPU
 *    magazines do in the paper); they go back when those threads exit.
 *
 * 8. Locking order: slab_list_lock, then the magazine thread lock, then a
 *    cache's sc_lock, then a magazine cache's sc_lock.  No lock is held
 *    across a constructor or destructor (they run inside
 *    EMU_NONBLOCKING_BEGIN/END), nor across a backing allocation.
 *
 * 9. Charging (props.take / give; the heap's size classes use it).  A
 *    layer above may bound a cache by counting the objects that are handed
 *    out or sit in a thread's magazine: such objects are charged when they
 *    leave the depot or the clusters (a full depot magazine is charged for
 *    its rounds, and whatever the charge does not cover goes back to the
 *    clusters; a fill from the clusters asks for a magazine's worth and
 *    takes what is granted) and given back when they return (a magazine to
 *    the depot, an object to its cluster, a thread's slot flushed).  The
 *    fast paths move objects only between a thread's magazine and the
 *    caller, so they touch no count.  magcap bounds what one thread's
 *    magazine holds, and so what it keeps charged.
 *
 * 10. Differences from ESX.  Memory: the API layer gives each vmk_Slab
 *     cache a backing over a memory pool (emu/api/vmk_slab.c: clusters are
 *     contiguous page runs of the pool within the physical range); the
 *     engine's own caches use the machine backing (slab_backing.c).  Debug
 *     options are read when a cache is created.  A
 *     constructor failing while minObj objects are built makes create fail
 *     with EMU_NOMEM after the objects already built are destroyed.
 */
#include "slab.h"

#include <stdio.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/block.h"
#include "../core/options.h"
#include "../core/report.h"
#include "memsan.h"
#include "slab_debug.h"

#define EMU_SLAB_QUARANTINE   64          /* dead handles kept before reuse */
#define EMU_SLAB_POOL_CHUNK   (256 * 1024)
#define EMU_SLAB_MAX_POOLS    256

EMU_HIDDEN emu_slab_cluster_t **emu_slab_cltab;
/*
 * "No cluster here": owned by a cache structure that is no cache (never
 * alive, no slot, owner tag none), so a lookup that lands here fails every
 * ownership test without a NULL test.
 */
EMU_HIDDEN emu_slab_cache_t emu_slab_nocache = {
   .sc_magic = EMU_SLAB_MAGIC_DEAD,
   .sc_owner_tag = UINT32_MAX,
   .sc_owner = &emu_slab_nocache,
   .sc_clnobj64 = 0,
};
EMU_HIDDEN emu_slab_cluster_t emu_slab_nocl = {
   .cl_cache = &emu_slab_nocache,
};

enum { CL_PARTIAL = 1, CL_FULL = 2 };

static emu_mutex_t        slab_list_lock = EMU_MUTEX_INITIALIZER;
static emu_slab_cache_t  *slab_list;           /* all live caches */
static int                slab_ready;          /* globals built */
static emu_slab_cache_t  *slab_by_index[EMU_MAG_MAX_CACHES];
static emu_slab_cache_t  *slab_magcache[EMU_MAG_NSIZES];

/* Handle pool -- slab_list_lock. */
static emu_slab_cache_t  *pool_dead_head;
static emu_slab_cache_t  *pool_dead_tail;
static unsigned           pool_ndead;
static unsigned char     *pool_chunks[EMU_SLAB_MAX_POOLS];
static unsigned           pool_nchunks;
static size_t             pool_used;            /* bytes used of the last */

static void slab_flush_slot(uint32_t idx, emu_mag_slot_t *slot);

/* ---- Small helpers ---------------------------------------------------- */

static inline void *
ctrl_next(const emu_slab_cache_t *sc, void *obj)
{
   return (void *)emu_slab_tag_load((uintptr_t)obj, sc->sc_linkoff);
}

static inline void
ctrl_set(const emu_slab_cache_t *sc, void *obj, void *next, uintptr_t tag)
{
   emu_slab_tag_store((uintptr_t)obj, sc->sc_linkoff, (uintptr_t)next);
   emu_slab_tag_store((uintptr_t)obj, sc->sc_tagoff, tag);
}

static inline uint64_t
deadline_passed(uint64_t deadline_ns)
{
   return deadline_ns != UINT64_MAX && emu_clock_mono_ns() >= deadline_ns;
}

static size_t
round_up(size_t v, size_t a)
{
   return (v + a - 1) / a * a;
}

/* ---- Handles ----------------------------------------------------------- */

static emu_slab_cache_t *
pool_get(void)
{
   emu_slab_cache_t *sc;
   size_t sz = round_up(sizeof(emu_slab_cache_t), 64);

   if (pool_ndead > EMU_SLAB_QUARANTINE) {
      sc = pool_dead_head;
      pool_dead_head = sc->sc_gnext;
      if (pool_dead_head == NULL) {
         pool_dead_tail = NULL;
      }
      pool_ndead--;
      return sc;
   }
   if (pool_nchunks == 0 || pool_used + sz > EMU_SLAB_POOL_CHUNK) {
      unsigned char *c;

      if (pool_nchunks == EMU_SLAB_MAX_POOLS) {
         return NULL;
      }
      c = emu_host_map_anon(EMU_SLAB_POOL_CHUNK);
      if (c == NULL) {
         return NULL;
      }
      pool_chunks[pool_nchunks++] = c;
      pool_used = 0;
   }
   sc = (emu_slab_cache_t *)(pool_chunks[pool_nchunks - 1] + pool_used);
   pool_used += sz;
   /*
    * The magazine slot index belongs to the structure for good (section
    * 5): no other cache ever uses this slot, so a stale handle finds it
    * empty.  0 (none left) makes the structure's caches run direct.
    */
   sc->sc_index = emu_mag_index_alloc();
   return sc;
}

static void
pool_put(emu_slab_cache_t *sc)
{
   sc->sc_gnext = NULL;
   if (pool_dead_tail != NULL) {
      pool_dead_tail->sc_gnext = sc;
   } else {
      pool_dead_head = sc;
   }
   pool_dead_tail = sc;
   pool_ndead++;
}

emu_status_t
emu_slab_check_handle(const emu_slab_cache_t *sc)
{
   uintptr_t a = (uintptr_t)sc;
   unsigned i;
   int ours = 0;
   uint32_t magic;

   if (sc == NULL) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&slab_list_lock);
   for (i = 0; i < pool_nchunks; i++) {
      uintptr_t b = (uintptr_t)pool_chunks[i];

      if (a >= b && a < b + EMU_SLAB_POOL_CHUNK &&
          (a - b) % round_up(sizeof(emu_slab_cache_t), 64) == 0) {
         ours = 1;
         break;
      }
   }
   emu_mutex_unlock(&slab_list_lock);
   if (!ours) {
      return EMU_NOTFOUND;
   }
   magic = __atomic_load_n(&sc->sc_magic, __ATOMIC_ACQUIRE);
   if (magic == EMU_SLAB_MAGIC_FAST || magic == EMU_SLAB_MAGIC_SLOW) {
      return EMU_OK;
   }
   return magic == EMU_SLAB_MAGIC_DEAD ? EMU_BADHANDLE : EMU_NOTFOUND;
}

static void
report_handle(emu_slab_cache_t *sc, emu_status_t st, const char *what,
              const void *caller)
{
   emu_report_obj_t o = { "slab", NULL, sc };

   emu_report(EMU_RPT_DEAD_HANDLE, &o, caller, "%s on %s slab handle %p",
              what, st == EMU_BADHANDLE ? "a destroyed" :
              sc == NULL ? "a NULL" : "an unknown", (void *)sc);
}

/* ---- Layout -------------------------------------------------------------- */

size_t
emu_slab_max_objsize(size_t align)
{
   if (align == 0 || (align & (align - 1)) != 0 ||
       align > emu_host_page_size()) {
      return 0;
   }
   return EMU_SLAB_MAX_OBJ;
}

emu_status_t
emu_slab_layout(const emu_slab_props_t *p, int flags, emu_slab_layout_t *ly)
{
   size_t a;
   size_t end;

   memset(ly, 0, sizeof *ly);
   if (p->objsize == 0 || p->objsize > emu_slab_max_objsize(p->align)) {
      return EMU_BADPARAM;
   }
   if (p->ctrloff != EMU_SLAB_CTRL_END &&
       (p->ctrloff > p->objsize ||
        p->objsize - p->ctrloff < EMU_SLAB_CTRL_SIZE)) {
      return EMU_BADPARAM;
   }
   if (p->maxobj == 0 || p->minobj > p->maxobj) {
      return EMU_BADPARAM;
   }
   a = p->align < 8 ? 8 : p->align;
   end = p->objsize;
   /*
    * Under memcheck (F_VALGRIND) every cache gets the guard gap too, as a
    * redzone the checker keeps unaddressable, and the 16 bytes before each
    * object even with an inner control structure: the free fast path reads
    * the word before the object, which must then be engine memory the
    * checker lets it read (slab_debug.c 6.).
    */
   if (flags & (EMU_SLAB_F_GUARDS | EMU_SLAB_F_VALGRIND)) {
      ly->ly_guardoff = round_up(end, 8);
      end = ly->ly_guardoff + EMU_SLAB_GUARD_BYTES;
   }
   ly->ly_linkoff = p->ctrloff == EMU_SLAB_CTRL_END ? EMU_SLAB_PRE_LINKOFF
                                                   : p->ctrloff;
   if (p->ctrloff == EMU_SLAB_CTRL_END || (flags & EMU_SLAB_F_VALGRIND)) {
      /*
       * The control structure goes in the 16 bytes before each object:
       * the tail of the previous chunk (past that object and its guard),
       * or of the cluster header for the first object.
       */
      end = round_up(end, 8) + EMU_SLAB_CTRL_SIZE;
      ly->ly_clhdr = round_up(sizeof(emu_slab_cluster_t) + EMU_SLAB_CTRL_SIZE,
                              a < 64 ? 64 : a);
   } else {
      ly->ly_clhdr = round_up(sizeof(emu_slab_cluster_t), a < 64 ? 64 : a);
   }
   ly->ly_chunk = round_up(end, a);
   if (ly->ly_chunk * 8 <= EMU_SLAB_GRANULE - ly->ly_clhdr) {
      ly->ly_clbytes = EMU_SLAB_GRANULE;
   } else if (ly->ly_chunk <= 128 * 1024) {
      ly->ly_clbytes = round_up(ly->ly_clhdr + 4 * ly->ly_chunk,
                                EMU_SLAB_GRANULE);
   } else {
      ly->ly_clbytes = round_up(ly->ly_clhdr + ly->ly_chunk,
                                EMU_SLAB_GRANULE);
   }
   ly->ly_clnobj = (uint32_t)((ly->ly_clbytes - ly->ly_clhdr) /
                              ly->ly_chunk);
   ly->ly_minclusters = ((uint64_t)p->minobj + ly->ly_clnobj - 1) /
                        ly->ly_clnobj;
   ly->ly_maxclusters = p->maxobj == EMU_SLAB_UNLIMITED ? 0 :
                        ((uint64_t)p->maxobj + ly->ly_clnobj - 1) /
                        ly->ly_clnobj;
   return EMU_OK;
}

/* Exact divisibility by d: inverse of d's odd part, shift, limit. */
static void
slab_div_setup(emu_slab_cache_t *sc, uint64_t d)
{
   unsigned k = (unsigned)__builtin_ctzll(d);
   uint64_t d0 = d >> k;
   uint64_t x = d0;
   int i;

   for (i = 0; i < 5; i++) {
      x *= 2 - d0 * x;
   }
   EMU_ASSERT(x * d0 == 1);
   sc->sc_div_inv = x;
   sc->sc_div_shift = k;
   sc->sc_div_lim = UINT64_MAX / d;
}

/* ---- Globals ----------------------------------------------------------- */

/*
 * Fault injection armed or disarmed: point every live cache's fast paths at
 * the always-empty slot 0, or back at its own slot.  Runs under the fault
 * lock, takes no lock of ours: a cache being created reads emu_fault_armed
 * after publishing itself in slab_by_index, so it sees either this walk or
 * the new value (emu_slab_create).
 */
static size_t
slab_slotoff(const emu_slab_cache_t *sc, int armed)
{
   return armed ? 0 : (size_t)sc->sc_index * sizeof(emu_mag_slot_t);
}

static void
slab_fault_armed(int armed)
{
   uint32_t i;

   for (i = 1; i < EMU_MAG_MAX_CACHES; i++) {
      emu_slab_cache_t *sc = __atomic_load_n(&slab_by_index[i],
                                             __ATOMIC_ACQUIRE);

      if (sc != NULL) {
         __atomic_store_n(&sc->sc_slotoff, slab_slotoff(sc, armed),
                          __ATOMIC_RELAXED);
      }
   }
}

static emu_status_t
slab_globals(void)
{
   const emu_slab_backing_t *b;
   unsigned i;

   if (__atomic_load_n(&slab_ready, __ATOMIC_ACQUIRE)) {
      return EMU_OK;
   }
   b = emu_slab_backing_machine();
   if (b == NULL) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&slab_list_lock);
   if (emu_slab_cltab == NULL) {
      size_t n = emu_slab_range.sr_len >> EMU_SLAB_GRANULE_SHIFT;
      emu_slab_cluster_t **tab = emu_host_map_anon(n * sizeof *tab);
      size_t g;

      if (tab == NULL) {
         emu_mutex_unlock(&slab_list_lock);
         return EMU_NOMEM;
      }
      for (g = 0; g < n; g++) {
         tab[g] = &emu_slab_nocl;
      }
      __atomic_store_n(&emu_slab_cltab, tab, __ATOMIC_RELEASE);
   }
   emu_mutex_unlock(&slab_list_lock);
   emu_mag_set_flush(slab_flush_slot);
   emu_fault_set_arm_hook(slab_fault_armed);
   for (i = 0; i < EMU_MAG_NSIZES; i++) {
      emu_slab_props_t p;
      char name[EMU_SLAB_NAMELEN];

      if (slab_magcache[i] != NULL) {
         continue;
      }
      memset(&p, 0, sizeof p);
      snprintf(name, sizeof name, "emu_magazine_%u", emu_mag_sizes[i]);
      p.name = name;
      /* Whole cache lines: two threads' magazines never share one. */
      p.objsize = round_up(sizeof(emu_mag_t) +
                           emu_mag_sizes[i] * sizeof(void *), 64);
      p.align = 64;
      p.ctrloff = 0;
      p.maxobj = EMU_SLAB_UNLIMITED;
      p.backing = b;
      p.flags = EMU_SLAB_F_NOMAG | EMU_SLAB_F_INTERNAL;
      if (emu_slab_create(&p, &slab_magcache[i]) != EMU_OK) {
         return EMU_NOMEM;
      }
   }
   __atomic_store_n(&slab_ready, 1, __ATOMIC_RELEASE);
   return EMU_OK;
}

emu_status_t
emu_slab_init(void)
{
   return slab_globals();
}

void
emu_slab_fini(void)
{
   /*
    * Live caches were already listed as leaks by the resource registry;
    * the machine backing, the cluster table and the magazine caches stay
    * for the next EmuCtl_Init (and so that stale pointers still look up).
    */
   emu_slab_reclaim_all();
}

/* ---- Magazines are objects of internal caches ------------------------- */

static int
mag_size_index(uint32_t cap)
{
   int i;

   for (i = 0; i < EMU_MAG_NSIZES; i++) {
      if (emu_mag_sizes[i] == cap) {
         return i;
      }
   }
   EMU_ASSERT(!"magazine size");
   return 0;
}

emu_mag_t *
emu_mag_alloc(uint32_t cap)
{
   emu_mag_t *m = emu_slab_alloc(slab_magcache[mag_size_index(cap)], 0,
                                 NULL);

   if (m != NULL) {
      m->m_next = NULL;
      m->m_cap = cap;
      m->m_rounds = 0;
      m->m_floor = EMU_MAG_FLOOR;
   }
   return m;
}

void
emu_mag_free(emu_mag_t *m)
{
   emu_slab_free(slab_magcache[mag_size_index(m->m_cap)], m, NULL);
}

/* ---- Cluster layer (sc_lock) ------------------------------------------- */

static void
list_remove(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   emu_slab_cluster_t **head = cl->cl_list == CL_FULL ? &sc->sc_full
                                                       : &sc->sc_partial;

   if (cl->cl_prev != NULL) {
      cl->cl_prev->cl_next = cl->cl_next;
   } else {
      *head = cl->cl_next;
   }
   if (cl->cl_next != NULL) {
      cl->cl_next->cl_prev = cl->cl_prev;
   }
   cl->cl_next = cl->cl_prev = NULL;
   cl->cl_list = 0;
}

static void
list_push(emu_slab_cache_t *sc, emu_slab_cluster_t *cl, uint32_t which)
{
   emu_slab_cluster_t **head = which == CL_FULL ? &sc->sc_full
                                                : &sc->sc_partial;

   cl->cl_prev = NULL;
   cl->cl_next = *head;
   if (*head != NULL) {
      (*head)->cl_prev = cl;
   }
   *head = cl;
   cl->cl_list = which;
}

static void *
cl_pop(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   void *obj = cl->cl_free;

   EMU_DEBUG_ASSERT(obj != NULL);
   cl->cl_free = ctrl_next(sc, obj);
   cl->cl_nfree--;
   sc->sc_nfree--;
   if (cl->cl_nfree == 0) {
      list_remove(sc, cl);
      list_push(sc, cl, CL_FULL);
   }
   return obj;
}

static void
cl_push(emu_slab_cache_t *sc, emu_slab_cluster_t *cl, void *obj)
{
   ctrl_set(sc, obj, cl->cl_free, sc->sc_freetag);
   cl->cl_free = obj;
   cl->cl_nfree++;
   sc->sc_nfree++;
   if (cl->cl_list == CL_FULL) {
      list_remove(sc, cl);
      list_push(sc, cl, CL_PARTIAL);
   }
}

/* Push an object whose cluster is not known yet (magazine rounds). */
static void
obj_to_cluster(emu_slab_cache_t *sc, void *obj)
{
   emu_slab_cluster_t *cl = emu_slab_cluster_of((uintptr_t)obj);

   EMU_ASSERT(cl != NULL && cl->cl_cache == sc);
   cl_push(sc, cl, obj);
}

static void
slab_run_dtors(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   void *obj;
   void *next;
   uint64_t n = 0;

   if (sc->sc_dtor == NULL) {
      return;
   }
   EMU_NONBLOCKING_BEGIN("slab destructor");
   for (obj = cl->cl_free; obj != NULL; obj = next) {
      next = ctrl_next(sc, obj);
      sc->sc_dtor(&sc->sc_user, obj, sc->sc_objsize);
      n++;
   }
   EMU_NONBLOCKING_END();
   __atomic_add_fetch(&sc->sc_st_dtor, n, __ATOMIC_RELAXED);
}

/* Give a detached cluster back: destructors for its free objects first. */
static void
cluster_release(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   uintptr_t base = (uintptr_t)cl;
   size_t g;

   emu_slab_san_cluster_gone(sc, cl);
   slab_run_dtors(sc, cl);
   if (cl->cl_dbg != NULL) {
      emu_slab_dbg_cluster_fini(sc, cl);
   }
   for (g = 0; g < sc->sc_clbytes; g += EMU_SLAB_GRANULE) {
      __atomic_store_n(&emu_slab_cltab[(base + g - emu_slab_range.sr_base) >>
                                       EMU_SLAB_GRANULE_SHIFT],
                       &emu_slab_nocl, __ATOMIC_RELAXED);
   }
   cl->cl_magic = 0;
   sc->sc_backing->sb_free(sc->sc_backing->sb_ctx, base, sc->sc_clbytes);
}

/*
 * Build a cluster: memory, constructors, free list, debug records, table.
 * => no lock held; may block until deadline_ns.
 */
static emu_status_t
cluster_build(emu_slab_cache_t *sc, uint64_t deadline_ns, const void *caller,
              emu_slab_cluster_t **clp)
{
   const emu_slab_backing_t *b = sc->sc_backing;
   emu_slab_cluster_t *cl;
   uintptr_t addr;
   emu_status_t st;
   uint32_t i;
   size_t g;

   st = b->sb_alloc(b->sb_ctx, sc->sc_clbytes, 0, caller, &addr);
   if (st != EMU_OK && !(sc->sc_flags & EMU_SLAB_F_INTERNAL)) {
      emu_slab_reclaim_all();
      st = b->sb_alloc(b->sb_ctx, sc->sc_clbytes, deadline_ns, caller,
                       &addr);
   }
   if (st != EMU_OK) {
      return st;
   }
   cl = (emu_slab_cluster_t *)addr;
   memset(cl, 0, sizeof *cl);
   cl->cl_cache = sc;
   cl->cl_base = addr + sc->sc_clhdr;
   cl->cl_magic = EMU_SLAB_CLUSTER_MAGIC;
   cl->cl_nobj = sc->sc_clnobj;
   if (sc->sc_ctor != NULL) {
      EMU_NONBLOCKING_BEGIN("slab constructor");
      for (i = 0; i < cl->cl_nobj; i++) {
         void *obj = (void *)(cl->cl_base + (size_t)i * sc->sc_chunk);

         if (sc->sc_ctor(&sc->sc_user, obj, sc->sc_objsize) != EMU_OK) {
            break;
         }
      }
      EMU_NONBLOCKING_END();
      __atomic_add_fetch(&sc->sc_st_ctor, i, __ATOMIC_RELAXED);
      if (i < cl->cl_nobj) {
         uint32_t j;

         if (sc->sc_dtor != NULL) {
            EMU_NONBLOCKING_BEGIN("slab destructor");
            for (j = 0; j < i; j++) {
               sc->sc_dtor(&sc->sc_user,
                           (void *)(cl->cl_base + (size_t)j * sc->sc_chunk),
                           sc->sc_objsize);
            }
            EMU_NONBLOCKING_END();
            __atomic_add_fetch(&sc->sc_st_dtor, i, __ATOMIC_RELAXED);
         }
         b->sb_free(b->sb_ctx, addr, sc->sc_clbytes);
         return EMU_NOMEM;
      }
   }
   for (i = cl->cl_nobj; i-- > 0;) {
      void *obj = (void *)(cl->cl_base + (size_t)i * sc->sc_chunk);

      ctrl_set(sc, obj, cl->cl_free, sc->sc_freetag);
      cl->cl_free = obj;
   }
   cl->cl_nfree = cl->cl_nobj;
   if (sc->sc_flags & EMU_SLAB_F_DEBUG) {
      if (emu_slab_dbg_cluster_init(sc, cl) != EMU_OK) {
         slab_run_dtors(sc, cl);
         b->sb_free(b->sb_ctx, addr, sc->sc_clbytes);
         return EMU_NOMEM;
      }
   }
   emu_slab_san_cluster_new(sc, cl);
   for (g = 0; g < sc->sc_clbytes; g += EMU_SLAB_GRANULE) {
      __atomic_store_n(&emu_slab_cltab[(addr + g - emu_slab_range.sr_base) >>
                                       EMU_SLAB_GRANULE_SHIFT],
                       cl, __ATOMIC_RELAXED);
   }
   *clp = cl;
   return EMU_OK;
}

/* => sc_lock held */
static void
cluster_insert(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   list_push(sc, cl, CL_PARTIAL);
   sc->sc_nclusters++;
   sc->sc_nobj += cl->cl_nobj;
   sc->sc_nfree += cl->cl_nfree;
   sc->sc_st_grow++;
}

/*
 * Detach the wholly free clusters that may go (beyond minObj's) onto a
 * private list.  => sc_lock held.
 */
static emu_slab_cluster_t *
slab_detach_free(emu_slab_cache_t *sc, uint64_t keep_clusters)
{
   emu_slab_cluster_t *cl = sc->sc_partial;
   emu_slab_cluster_t *next;
   emu_slab_cluster_t *out = NULL;

   for (; cl != NULL; cl = next) {
      next = cl->cl_next;
      if (cl->cl_nfree != cl->cl_nobj || sc->sc_nclusters <= keep_clusters) {
         continue;
      }
      list_remove(sc, cl);
      sc->sc_nclusters--;
      sc->sc_nobj -= cl->cl_nobj;
      sc->sc_nfree -= cl->cl_nfree;
      sc->sc_st_reap++;
      cl->cl_next = out;
      out = cl;
   }
   return out;
}

static size_t
slab_release_list(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   emu_slab_cluster_t *next;
   size_t bytes = 0;

   for (; cl != NULL; cl = next) {
      next = cl->cl_next;
      cluster_release(sc, cl);
      bytes += sc->sc_clbytes;
   }
   return bytes;
}

static uint64_t
slab_min_clusters(const emu_slab_cache_t *sc)
{
   return ((uint64_t)sc->sc_minobj + sc->sc_clnobj - 1) / sc->sc_clnobj;
}

/* ---- Depot (sc_lock) ---------------------------------------------------- */

/*
 * Charging (props.take / give, section 9): the layer above counts the
 * objects handed out or held in threads' magazines.
 */
static inline uint32_t
charge_take(emu_slab_cache_t *sc, uint32_t want)
{
   return sc->sc_take != NULL ? sc->sc_take(sc, want) : want;
}

static inline void
charge_give(emu_slab_cache_t *sc, uint32_t n)
{
   if (n != 0 && sc->sc_give != NULL) {
      sc->sc_give(sc, n);
   }
}

static void
slab_lock(emu_slab_cache_t *sc)
{
   if (emu_mutex_trylock(&sc->sc_lock)) {
      emu_mag_depot_note(&sc->sc_depot, 0);
      return;
   }
   emu_mutex_lock(&sc->sc_lock);
   emu_mag_depot_note(&sc->sc_depot, 1);
}

static void
depot_put(emu_slab_cache_t *sc, emu_mag_t *m, uint32_t rounds)
{
   emu_mag_depot_t *d = &sc->sc_depot;

   m->m_rounds = rounds;
   if (rounds > 0) {
      m->m_next = d->md_full;
      d->md_full = m;
      d->md_nfull++;
   } else {
      m->m_next = d->md_empty;
      d->md_empty = m;
      d->md_nempty++;
   }
}

/* Empty the depot into the clusters; returns the magazines to free. */
static emu_mag_t *
depot_purge(emu_slab_cache_t *sc)
{
   emu_mag_depot_t *d = &sc->sc_depot;
   emu_mag_t *out = d->md_empty;
   emu_mag_t *m;

   while ((m = d->md_full) != NULL) {
      uint32_t i;

      d->md_full = m->m_next;
      for (i = 0; i < m->m_rounds; i++) {
         obj_to_cluster(sc, emu_slab_unround(m->m_round[i]));
      }
      m->m_next = out;
      out = m;
   }
   d->md_empty = NULL;
   d->md_nfull = d->md_nempty = 0;
   return out;
}

static void
mags_free(emu_mag_t *m)
{
   emu_mag_t *next;

   for (; m != NULL; m = next) {
      next = m->m_next;
      emu_mag_free(m);
   }
}

/* Move a slot's magazines to the depot.  => sc_lock held. */
static void
slot_to_depot(emu_slab_cache_t *sc, emu_mag_slot_t *slot)
{
   uint32_t n = 0;

   if (slot->ms_loaded != NULL) {
      n = emu_mag_slot_rounds(slot);
      depot_put(sc, slot->ms_loaded, n);
   }
   if (slot->ms_prev != NULL) {
      n += slot->ms_prounds;
      depot_put(sc, slot->ms_prev, slot->ms_prounds);
   }
   emu_mag_slot_clear(slot);
   charge_give(sc, n);
}

static void
slab_flush_slot(uint32_t idx, emu_mag_slot_t *slot)
{
   emu_slab_cache_t *sc = __atomic_load_n(&slab_by_index[idx],
                                          __ATOMIC_ACQUIRE);

   if (sc == NULL) {
      emu_mag_slot_clear(slot);
      return;
   }
   emu_mutex_lock(&sc->sc_lock);
   slot_to_depot(sc, slot);
   emu_mutex_unlock(&sc->sc_lock);
}

static void
slot_drain_cb(void *arg, emu_mag_slot_t *slot)
{
   emu_slab_cache_t *sc = arg;

   if (slot->ms_loaded != NULL || slot->ms_prev != NULL) {
      emu_mutex_lock(&sc->sc_lock);
      slot_to_depot(sc, slot);
      emu_mutex_unlock(&sc->sc_lock);
   }
}

/* Load mag into the slot; the old previous magazine goes to the depot. */
static void
slot_install(emu_slab_cache_t *sc, emu_mag_slot_t *slot, emu_mag_t *m,
             uint32_t rounds)
{
   if (slot->ms_prev != NULL) {
      depot_put(sc, slot->ms_prev, slot->ms_prounds);
      charge_give(sc, slot->ms_prounds);
   }
   slot->ms_prev = slot->ms_loaded;
   slot->ms_prounds = emu_mag_slot_rounds(slot);
   emu_mag_slot_load(slot, m, rounds, sc->sc_magcap);
}

static void
slot_swap(const emu_slab_cache_t *sc, emu_mag_slot_t *slot)
{
   emu_mag_t *m = slot->ms_loaded;
   uint32_t r = emu_mag_slot_rounds(slot);

   emu_mag_slot_load(slot, slot->ms_prev, slot->ms_prounds, sc->sc_magcap);
   slot->ms_prev = m;
   slot->ms_prounds = r;
}

/* An empty magazine of the depot's current size, or NULL (lock dropped). */
static emu_mag_t *
depot_get_empty(emu_slab_cache_t *sc)
{
   emu_mag_depot_t *d = &sc->sc_depot;
   uint32_t cap = emu_mag_sizes[d->md_sizeidx];
   emu_mag_t *m;

   while ((m = d->md_empty) != NULL) {
      d->md_empty = m->m_next;
      d->md_nempty--;
      if (m->m_cap == cap) {
         return m;
      }
      emu_mag_free(m);            /* an old size: retire it */
   }
   emu_mutex_unlock(&sc->sc_lock);
   m = emu_mag_alloc(cap);
   slab_lock(sc);
   return m;
}

/* ---- Allocation ---------------------------------------------------------- */

static inline void *
obj_hand_out(emu_slab_cache_t *sc, void *obj)
{
   emu_slab_tag_store((uintptr_t)obj, sc->sc_tagoff, sc->sc_livetag);
   emu_slab_san_obj_alloc(sc, obj);
   return obj;
}

/*
 * Get one free object from the clusters, growing when allowed.
 * Returns NULL on failure (*stp says why).  => sc_lock held (may be
 * dropped and retaken).
 */
static void *
slab_cluster_get(emu_slab_cache_t *sc, uint64_t deadline_ns,
                 const void *caller, emu_status_t *stp)
{
   for (;;) {
      emu_slab_cluster_t *cl = sc->sc_partial;
      emu_status_t st;

      if (cl != NULL) {
         return cl_pop(sc, cl);
      }
      if (sc->sc_maxobj != EMU_SLAB_UNLIMITED &&
          (uint64_t)sc->sc_nclusters + sc->sc_growing >=
          ((uint64_t)sc->sc_maxobj + sc->sc_clnobj - 1) / sc->sc_clnobj) {
         if (sc->sc_growing == 0 || deadline_ns == 0) {
            *stp = EMU_LIMIT;
            return NULL;
         }
         /* Another thread is building the last cluster: wait for it. */
         sc->sc_waiters++;
         if (deadline_ns == UINT64_MAX) {
            emu_cond_wait(&sc->sc_cv, &sc->sc_lock);
         } else if (emu_cond_timedwait(&sc->sc_cv, &sc->sc_lock,
                                       deadline_ns)) {
            sc->sc_waiters--;
            *stp = EMU_TIMEOUT;
            return NULL;
         }
         sc->sc_waiters--;
         continue;
      }
      sc->sc_growing++;
      emu_mutex_unlock(&sc->sc_lock);
      st = cluster_build(sc, deadline_ns, caller, &cl);
      emu_mutex_lock(&sc->sc_lock);
      sc->sc_growing--;
      if (sc->sc_waiters != 0) {
         emu_cond_broadcast(&sc->sc_cv);
      }
      if (st != EMU_OK) {
         sc->sc_st_fail++;
         *stp = st;
         return NULL;
      }
      cluster_insert(sc, cl);
   }
}

/* One charged object from the clusters, or NULL.  => sc_lock held. */
static void *
slab_get_one(emu_slab_cache_t *sc, uint64_t deadline_ns, const void *caller)
{
   emu_status_t st = EMU_OK;
   void *obj;

   if (charge_take(sc, 1) == 0) {
      return NULL;
   }
   obj = slab_cluster_get(sc, deadline_ns, caller, &st);
   if (obj == NULL) {
      charge_give(sc, 1);
   }
   return obj;
}

static void *
slab_alloc_direct(emu_slab_cache_t *sc, uint64_t deadline_ns,
                  const void *caller)
{
   emu_slab_cluster_t *cl;
   void *obj;

   emu_mutex_lock(&sc->sc_lock);
   for (;;) {
      if (sc->sc_maxobj == EMU_SLAB_UNLIMITED ||
          sc->sc_outstanding < sc->sc_maxobj) {
         break;
      }
      if (deadline_ns == 0) {
         emu_mutex_unlock(&sc->sc_lock);
         return NULL;
      }
      sc->sc_waiters++;
      if (deadline_ns == UINT64_MAX) {
         emu_cond_wait(&sc->sc_cv, &sc->sc_lock);
      } else if (emu_cond_timedwait(&sc->sc_cv, &sc->sc_lock, deadline_ns) &&
                 sc->sc_outstanding >= sc->sc_maxobj) {
         sc->sc_waiters--;
         emu_mutex_unlock(&sc->sc_lock);
         return NULL;
      }
      sc->sc_waiters--;
   }
   obj = slab_get_one(sc, deadline_ns, caller);
   if (obj == NULL) {
      emu_mutex_unlock(&sc->sc_lock);
      return NULL;
   }
   sc->sc_outstanding++;
   if (sc->sc_flags & EMU_SLAB_F_DEBUG) {
      cl = emu_slab_cluster_of((uintptr_t)obj);
      emu_slab_dbg_alloc(sc, cl, (uint32_t)(((uintptr_t)obj - cl->cl_base) /
                                            sc->sc_chunk), obj, caller);
   }
   emu_mutex_unlock(&sc->sc_lock);
   return obj_hand_out(sc, obj);
}

void *
emu_slab_alloc(emu_slab_cache_t *sc, uint64_t deadline_ns,
               const void *caller)
{
   emu_mag_slot_t *slots;
   emu_mag_slot_t *slot;
   emu_status_t st;
   void *obj;

   if (EMU_UNLIKELY(sc == NULL || (sc->sc_magic != EMU_SLAB_MAGIC_FAST &&
                                   sc->sc_magic != EMU_SLAB_MAGIC_SLOW))) {
      st = emu_slab_check_handle(sc);
      if (st != EMU_OK) {
         report_handle(sc, st, "alloc", caller);
         return NULL;
      }
   }
   if (!(sc->sc_flags & EMU_SLAB_F_INTERNAL) &&
       emu_fault_inject(EMU_FAULT_SLAB, caller)) {
      return NULL;
   }
   if (sc->sc_magic != EMU_SLAB_MAGIC_FAST) {
      return slab_alloc_direct(sc, deadline_ns, caller);
   }
   slots = emu_mag_thread_slots();
   if (slots == NULL) {
      emu_mutex_lock(&sc->sc_lock);
      obj = slab_get_one(sc, deadline_ns, caller);
      emu_mutex_unlock(&sc->sc_lock);
      return obj != NULL ? obj_hand_out(sc, obj) : NULL;
   }
   slot = &slots[sc->sc_index];
   for (;;) {
      emu_mag_t *m;
      uint32_t n;
      uint32_t cap;
      uint32_t g;

      if (slot->ms_top != slot->ms_bot) {
         obj = emu_slab_unround(*--slot->ms_top);
         return obj_hand_out(sc, obj);
      }
      if (slot->ms_prounds > 0) {
         slot_swap(sc, slot);
         continue;
      }
      slab_lock(sc);
      sc->sc_st_depot++;
      if ((m = sc->sc_depot.md_full) != NULL) {
         /* Charge its rounds; any the charge does not cover go back to
          * the clusters (none: the allocation fails). */
         g = charge_take(sc, m->m_rounds);
         if (g == 0) {
            emu_mutex_unlock(&sc->sc_lock);
            return NULL;
         }
         sc->sc_depot.md_full = m->m_next;
         sc->sc_depot.md_nfull--;
         for (n = g; n < m->m_rounds; n++) {
            obj_to_cluster(sc, emu_slab_unround(m->m_round[n]));
         }
         slot_install(sc, slot, m, g);
         emu_mutex_unlock(&sc->sc_lock);
         continue;
      }
      /* Depot dry: fill a magazine from the clusters in one pass. */
      m = depot_get_empty(sc);
      if (m == NULL) {
         obj = slab_get_one(sc, deadline_ns, caller);
         emu_mutex_unlock(&sc->sc_lock);
         return obj != NULL ? obj_hand_out(sc, obj) : NULL;
      }
      cap = m->m_cap < sc->sc_magcap ? m->m_cap : sc->sc_magcap;
      g = charge_take(sc, cap);
      for (n = 0; n < g; n++) {
         obj = slab_cluster_get(sc, n == 0 ? deadline_ns : 0, caller, &st);
         if (obj == NULL) {
            break;
         }
         m->m_round[n] = emu_slab_round(sc, obj);
      }
      charge_give(sc, g - n);
      if (n == 0) {
         depot_put(sc, m, 0);
         emu_mutex_unlock(&sc->sc_lock);
         return NULL;
      }
      /* The current magazines are both empty; slot_install parks prev. */
      slot_install(sc, slot, m, n);
      emu_mutex_unlock(&sc->sc_lock);
   }
}

/* ---- Free ---------------------------------------------------------------- */

/* Validate a free; the cluster when acceptable, NULL when reported. */
static emu_slab_cluster_t *
slab_free_check(emu_slab_cache_t *sc, void *obj, const void *caller)
{
   uintptr_t a = (uintptr_t)obj;
   emu_slab_cluster_t *cl = emu_slab_cluster_of(a);
   uint64_t o;

   if (cl == NULL || cl->cl_magic != EMU_SLAB_CLUSTER_MAGIC) {
      emu_slab_report(EMU_RPT_BAD_FREE, sc, obj, caller,
                      "free of %p, which slab '%s' never gave out",
                      obj, sc->sc_name);
      return NULL;
   }
   if (cl->cl_cache != sc) {
      emu_slab_report(EMU_RPT_WRONG_CACHE, sc, obj, caller,
                      "object %p freed to slab '%s' belongs to slab '%s'",
                      obj, sc->sc_name, cl->cl_cache->sc_name);
      return NULL;
   }
   o = a - cl->cl_base;
   if (emu_slab_obj_index(sc, cl, a) >= sc->sc_clnobj64) {
      emu_slab_report(EMU_RPT_MISALIGNED_FREE, sc, obj, caller,
                      "free of %p in slab '%s' is not the start of an "
                      "object (%zu bytes into object %p)", obj, sc->sc_name,
                      a < cl->cl_base ? (size_t)0 :
                      (size_t)(o % sc->sc_chunk),
                      a < cl->cl_base ? (void *)cl->cl_base :
                      (void *)(a - o % sc->sc_chunk));
      return NULL;
   }
   return cl;
}

static void
report_double_free(emu_slab_cache_t *sc, void *obj, const void *caller)
{
   emu_slab_report(EMU_RPT_DOUBLE_FREE, sc, obj, caller,
                   "object %p freed twice to slab '%s'", obj, sc->sc_name);
}

static void
slab_free_direct(emu_slab_cache_t *sc, emu_slab_cluster_t *cl, void *obj,
                 const void *caller)
{
   emu_mutex_lock(&sc->sc_lock);
   if (sc->sc_flags & EMU_SLAB_F_DEBUG) {
      uint32_t idx = (uint32_t)(((uintptr_t)obj - cl->cl_base) /
                                sc->sc_chunk);

      if (emu_slab_dbg_free(sc, cl, idx, obj, caller) != 0) {
         emu_mutex_unlock(&sc->sc_lock);
         return;
      }
   } else if (emu_slab_tag_load((uintptr_t)obj, sc->sc_tagoff) ==
              sc->sc_freetag) {
      report_double_free(sc, obj, caller);
      emu_mutex_unlock(&sc->sc_lock);
      return;
   }
   emu_slab_san_obj_free(sc, obj);
   cl_push(sc, cl, obj);
   charge_give(sc, 1);
   EMU_ASSERT(sc->sc_outstanding > 0);
   sc->sc_outstanding--;
   if (sc->sc_waiters != 0) {
      emu_cond_broadcast(&sc->sc_cv);
   }
   emu_mutex_unlock(&sc->sc_lock);
}

void
emu_slab_free(emu_slab_cache_t *sc, void *obj, const void *caller)
{
   emu_slab_cluster_t *cl;
   emu_mag_slot_t *slots;
   emu_mag_slot_t *slot;
   emu_status_t st;

   if (EMU_UNLIKELY(sc == NULL || (sc->sc_magic != EMU_SLAB_MAGIC_FAST &&
                                   sc->sc_magic != EMU_SLAB_MAGIC_SLOW))) {
      st = emu_slab_check_handle(sc);
      if (st != EMU_OK) {
         report_handle(sc, st, "free", caller);
         return;
      }
   }
   cl = slab_free_check(sc, obj, caller);
   if (cl == NULL) {
      return;
   }
   if (sc->sc_magic != EMU_SLAB_MAGIC_FAST) {
      slab_free_direct(sc, cl, obj, caller);
      return;
   }
   if (emu_slab_tag_load((uintptr_t)obj, sc->sc_tagoff) == sc->sc_freetag) {
      report_double_free(sc, obj, caller);
      return;
   }
   slots = emu_mag_thread_slots();
   if (slots == NULL) {
      emu_slab_san_obj_free(sc, obj);
      emu_mutex_lock(&sc->sc_lock);
      cl_push(sc, cl, obj);
      charge_give(sc, 1);
      emu_mutex_unlock(&sc->sc_lock);
      return;
   }
   slot = &slots[sc->sc_index];
   for (;;) {
      emu_mag_t *m;

      if (slot->ms_top != slot->ms_lim) {
         emu_slab_tag_store((uintptr_t)obj, sc->sc_tagoff, sc->sc_freetag);
         emu_slab_san_obj_free(sc, obj);
         *slot->ms_top++ = emu_slab_round(sc, obj);
         return;
      }
      if (slot->ms_prev != NULL && slot->ms_prounds == 0) {
         slot_swap(sc, slot);
         continue;
      }
      slab_lock(sc);
      sc->sc_st_depot++;
      m = depot_get_empty(sc);
      if (m == NULL) {
         emu_slab_san_obj_free(sc, obj);
         cl_push(sc, cl, obj);
         charge_give(sc, 1);
         emu_mutex_unlock(&sc->sc_lock);
         return;
      }
      if (slot->ms_loaded == NULL) {
         emu_mag_slot_load(slot, m, 0, sc->sc_magcap);
      } else {
         slot_install(sc, slot, m, 0);
      }
      emu_mutex_unlock(&sc->sc_lock);
   }
}

/* ---- Create / destroy ---------------------------------------------------- */

emu_status_t
emu_slab_create(const emu_slab_props_t *p, emu_slab_cache_t **scp)
{
   emu_slab_layout_t ly;
   emu_slab_cache_t *sc;
   emu_slab_cluster_t *built = NULL;
   emu_status_t st;
   uint64_t i;
   int flags = p->flags & (EMU_SLAB_F_NOMAG | EMU_SLAB_F_INTERNAL);

   if (!(flags & EMU_SLAB_F_INTERNAL)) {
      flags |= emu_opt.audit ? EMU_SLAB_F_AUDIT : 0;
      flags |= emu_opt.guards ? EMU_SLAB_F_GUARDS : 0;
      flags |= emu_opt.contents ? EMU_SLAB_F_CONTENTS : 0;
      flags |= emu_memsan_valgrind() ? EMU_SLAB_F_VALGRIND : 0;
   }
   st = emu_slab_layout(p, flags, &ly);
   if (st != EMU_OK) {
      return st;
   }
   if (!(flags & EMU_SLAB_F_INTERNAL)) {
      st = slab_globals();
      if (st != EMU_OK) {
         return st;
      }
      if (emu_fault_inject(EMU_FAULT_SLAB, p->caller)) {
         return EMU_NOMEM;
      }
   }
   if ((flags & EMU_SLAB_F_DEBUG) || p->maxobj != EMU_SLAB_UNLIMITED) {
      flags |= EMU_SLAB_F_NOMAG;
   }
   emu_mutex_lock(&slab_list_lock);
   sc = pool_get();
   emu_mutex_unlock(&slab_list_lock);
   if (sc == NULL) {
      return EMU_NOMEM;
   }
   {
      uint32_t idx = sc->sc_index;      /* the structure's, for good */

      memset(sc, 0, sizeof *sc);
      sc->sc_index = idx;
   }
   sc->sc_magic = EMU_SLAB_MAGIC_DEAD;
   if (sc->sc_index == 0) {
      flags |= EMU_SLAB_F_NOMAG;       /* no slot: run direct */
   }
   sc->sc_flags = (uint32_t)flags;
   sc->sc_objsize = p->objsize;
   sc->sc_chunk = ly.ly_chunk;
   sc->sc_align = p->align;
   sc->sc_ctrloff = p->ctrloff;
   sc->sc_linkoff = ly.ly_linkoff;
   sc->sc_tagoff = ly.ly_linkoff + offsetof(emu_slab_ctrl_t, sl_tag);
   if (p->ctrloff == EMU_SLAB_CTRL_END) {
      /* The free fast path checks and sets these without reading sc. */
      EMU_ASSERT(sc->sc_tagoff == EMU_SLAB_PRE_TAGOFF);
      if (p->tagkey != 0 && (flags & EMU_SLAB_F_INTERNAL)) {
         EMU_ASSERT((p->tagkey >> 63) != 0 &&
                    (p->tagkey & EMU_SLAB_TAGKEY_LOW) == 0);
         sc->sc_livetag = (uintptr_t)p->tagkey | slab_slotoff(sc, 0) | 1;
         sc->sc_freetag = sc->sc_livetag - 1;
      } else {
         sc->sc_livetag = EMU_SLAB_PRE_LIVETAG(sc);
         sc->sc_freetag = (uintptr_t)sc;
      }
   } else {
      sc->sc_livetag = (uintptr_t)sc ^ EMU_SLAB_INSIDE_SALT;
      sc->sc_freetag = (uintptr_t)sc ^ EMU_SLAB_FREE_SALT;
   }
   sc->sc_guardoff = ly.ly_guardoff;
   sc->sc_clbytes = ly.ly_clbytes;
   sc->sc_clhdr = ly.ly_clhdr;
   sc->sc_clnobj = ly.ly_clnobj;
   sc->sc_clobjbytes = (size_t)ly.ly_clnobj * ly.ly_chunk;
   sc->sc_clnobj64 = ly.ly_clnobj;
   sc->sc_owner_tag = UINT32_MAX;
   sc->sc_owner = &emu_slab_nocache;
   slab_div_setup(sc, ly.ly_chunk);
   sc->sc_minobj = p->minobj;
   sc->sc_maxobj = p->maxobj;
   sc->sc_ctor = p->ctor;
   sc->sc_dtor = p->dtor;
   sc->sc_user = p->user;
   sc->sc_backing = p->backing != NULL ? p->backing
                                       : emu_slab_backing_machine();
   snprintf(sc->sc_name, sizeof sc->sc_name, "%s",
            p->name != NULL ? p->name : "");
   sc->sc_caller = p->caller;
   sc->sc_take = p->take;
   sc->sc_give = p->give;
   sc->sc_magcap = p->magcap != 0 ? p->magcap : UINT32_MAX;
   sc->sc_depot.md_sizeidx = 0;
   emu_mutex_init(&sc->sc_lock);
   emu_cond_init(&sc->sc_cv);
   emu_slab_san_cache_create(sc);

   /* minObj objects exist from create on. */
   for (i = 0; i < ly.ly_minclusters; i++) {
      emu_slab_cluster_t *cl;

      st = cluster_build(sc, p->deadline_ns, p->caller, &cl);
      if (st != EMU_OK) {
         goto fail_min;
      }
      cl->cl_next = built;
      built = cl;
   }
   while (built != NULL) {
      emu_slab_cluster_t *cl = built;

      built = cl->cl_next;
      cluster_insert(sc, cl);
   }
   emu_mutex_lock(&slab_list_lock);
   sc->sc_gnext = slab_list;
   sc->sc_gprev = NULL;
   if (slab_list != NULL) {
      slab_list->sc_gprev = sc;
   }
   slab_list = sc;
   /* sc_slotoff stays 0, the empty slot, until published (section 6). */
   if (sc->sc_index != 0) {
      __atomic_store_n(&slab_by_index[sc->sc_index], sc, __ATOMIC_SEQ_CST);
      sc->sc_slotoff = slab_slotoff(sc, __atomic_load_n(&emu_fault_armed,
                                                       __ATOMIC_SEQ_CST));
   }
   emu_mutex_unlock(&slab_list_lock);
   if (!(flags & EMU_SLAB_F_INTERNAL)) {
      emu_rsrc_add(&sc->sc_rsrc, EMU_RSRC_SLAB, "slab", sc->sc_name,
                   p->caller);
   }
   __atomic_store_n(&sc->sc_magic, (flags & EMU_SLAB_F_NOMAG) ?
                    EMU_SLAB_MAGIC_SLOW : EMU_SLAB_MAGIC_FAST,
                    __ATOMIC_RELEASE);
   *scp = sc;
   return EMU_OK;

fail_min:
   while (built != NULL) {
      emu_slab_cluster_t *cl = built;

      built = cl->cl_next;
      cluster_release(sc, cl);
   }
   emu_slab_san_cache_destroy(sc);
   emu_cond_destroy(&sc->sc_cv);
   emu_mutex_destroy(&sc->sc_lock);
   emu_mutex_lock(&slab_list_lock);
   pool_put(sc);
   emu_mutex_unlock(&slab_list_lock);
   return st;
}

emu_status_t
emu_slab_destroy(emu_slab_cache_t *sc, const void *caller)
{
   emu_slab_cluster_t *cl;
   emu_slab_cluster_t *next;
   emu_mag_t *mags;
   uint64_t outstanding;
   emu_status_t st;

   st = emu_slab_check_handle(sc);
   if (st != EMU_OK) {
      report_handle(sc, st, "destroy", caller);
      return EMU_BADHANDLE;
   }
   emu_mutex_lock(&slab_list_lock);
   if (sc->sc_magic == EMU_SLAB_MAGIC_DEAD) {   /* lost a race with destroy */
      emu_mutex_unlock(&slab_list_lock);
      report_handle(sc, EMU_BADHANDLE, "destroy", caller);
      return EMU_BADHANDLE;
   }
   __atomic_store_n(&sc->sc_magic, EMU_SLAB_MAGIC_DEAD, __ATOMIC_RELEASE);
   if (sc->sc_gprev != NULL) {
      sc->sc_gprev->sc_gnext = sc->sc_gnext;
   } else {
      slab_list = sc->sc_gnext;
   }
   if (sc->sc_gnext != NULL) {
      sc->sc_gnext->sc_gprev = sc->sc_gprev;
   }
   if (sc->sc_index != 0) {
      emu_mag_for_each_slot(sc->sc_index, slot_drain_cb, sc);
      __atomic_store_n(&slab_by_index[sc->sc_index], NULL, __ATOMIC_RELEASE);
   }
   emu_mutex_unlock(&slab_list_lock);

   emu_mutex_lock(&sc->sc_lock);
   mags = depot_purge(sc);
   outstanding = sc->sc_nobj - sc->sc_nfree;
   emu_mutex_unlock(&sc->sc_lock);
   mags_free(mags);

   if (outstanding != 0) {
      emu_report_obj_t o = { "slab", sc->sc_name, sc };

      emu_report_begin(EMU_RPT_LEAK, &o, caller,
                       "slab '%s' destroyed with %llu object(s) still "
                       "allocated", sc->sc_name,
                       (unsigned long long)outstanding);
      if (sc->sc_flags & EMU_SLAB_F_AUDIT) {
         unsigned listed = 0;

         for (cl = sc->sc_full; cl != NULL; cl = cl->cl_next) {
            emu_slab_dbg_list_outstanding(sc, cl, &listed);
         }
         for (cl = sc->sc_partial; cl != NULL; cl = cl->cl_next) {
            emu_slab_dbg_list_outstanding(sc, cl, &listed);
         }
      } else {
         emu_report_detail("(set the audit option to name their "
                           "allocators)");
      }
      emu_report_end();
   }
   /* Clusters go back; destructors run for the free objects only. */
   for (cl = sc->sc_partial; cl != NULL; cl = next) {
      next = cl->cl_next;
      cluster_release(sc, cl);
   }
   for (cl = sc->sc_full; cl != NULL; cl = next) {
      next = cl->cl_next;
      cluster_release(sc, cl);
   }
   sc->sc_partial = sc->sc_full = NULL;
   emu_slab_san_cache_destroy(sc);
   if (sc->sc_backing->sb_fini != NULL) {
      sc->sc_backing->sb_fini(sc->sc_backing->sb_ctx);
   }
   sc->sc_backing = NULL;
   if (!(sc->sc_flags & EMU_SLAB_F_INTERNAL)) {
      emu_rsrc_remove(&sc->sc_rsrc);
   }
   emu_cond_destroy(&sc->sc_cv);
   emu_mutex_destroy(&sc->sc_lock);
   emu_mutex_lock(&slab_list_lock);
   pool_put(sc);
   emu_mutex_unlock(&slab_list_lock);
   return EMU_OK;
}

/* ---- Reclaim and statistics --------------------------------------------- */

static size_t
slab_reclaim_locked_list(emu_slab_cache_t *sc)
{
   emu_slab_cluster_t *out;
   emu_mag_t *mags;

   emu_mutex_lock(&sc->sc_lock);
   mags = depot_purge(sc);
   out = slab_detach_free(sc, slab_min_clusters(sc));
   emu_mutex_unlock(&sc->sc_lock);
   mags_free(mags);
   return slab_release_list(sc, out);
}

void
emu_slab_flush_mine(emu_slab_cache_t *sc)
{
   /* The shared cleared slots (no slow path yet) hold nothing, so the
    * drain leaves them alone. */
   if (!(sc->sc_flags & EMU_SLAB_F_NOMAG)) {
      slot_drain_cb(sc, &emu_mag_tls[sc->sc_index]);
   }
}

size_t
emu_slab_reclaim(emu_slab_cache_t *sc)
{
   size_t bytes;
   unsigned i;

   emu_slab_flush_mine(sc);
   bytes = slab_reclaim_locked_list(sc);
   /* Magazines freed above may leave magazine clusters wholly free. */
   for (i = 0; i < EMU_MAG_NSIZES && !(sc->sc_flags & EMU_SLAB_F_INTERNAL);
        i++) {
      if (slab_magcache[i] != NULL) {
         bytes += slab_reclaim_locked_list(slab_magcache[i]);
      }
   }
   return bytes;
}

size_t
emu_slab_reclaim_all(void)
{
   emu_slab_cache_t *sc;
   size_t bytes = 0;
   unsigned i;

   emu_mutex_lock(&slab_list_lock);
   for (sc = slab_list; sc != NULL; sc = sc->sc_gnext) {
      if (!(sc->sc_flags & EMU_SLAB_F_INTERNAL)) {
         bytes += slab_reclaim_locked_list(sc);
      }
   }
   emu_mutex_unlock(&slab_list_lock);
   for (i = 0; i < EMU_MAG_NSIZES; i++) {
      if (slab_magcache[i] != NULL) {
         bytes += slab_reclaim_locked_list(slab_magcache[i]);
      }
   }
   return bytes;
}

void
emu_slab_stats(emu_slab_cache_t *sc, emu_slab_stats_t *st)
{
   emu_mag_t *m;

   memset(st, 0, sizeof *st);
   emu_mutex_lock(&sc->sc_lock);
   st->ss_clusters = sc->sc_nclusters;
   st->ss_objects = sc->sc_nobj;
   st->ss_free = sc->sc_nfree;
   for (m = sc->sc_depot.md_full; m != NULL; m = m->m_next) {
      st->ss_free += m->m_rounds;
   }
   st->ss_outstanding = sc->sc_outstanding;
   st->ss_bytes = sc->sc_nclusters * sc->sc_clbytes;
   st->ss_ctor = __atomic_load_n(&sc->sc_st_ctor, __ATOMIC_RELAXED);
   st->ss_dtor = __atomic_load_n(&sc->sc_st_dtor, __ATOMIC_RELAXED);
   st->ss_grow = sc->sc_st_grow;
   st->ss_reap = sc->sc_st_reap;
   st->ss_fail = sc->sc_st_fail;
   st->ss_depot = sc->sc_st_depot;
   st->ss_magsize = emu_mag_sizes[sc->sc_depot.md_sizeidx];
   st->ss_chunk = (uint32_t)sc->sc_chunk;
   st->ss_clnobj = sc->sc_clnobj;
   st->ss_clbytes = (uint32_t)sc->sc_clbytes;
   emu_mutex_unlock(&sc->sc_lock);
}

/* ---- Statistics walk (EmuCtl_DumpStats) -------------------------------- */

/* Objects of sc handed out now.  => sc_lock held. */
static uint64_t
slab_inuse_locked(emu_slab_cache_t *sc)
{
   emu_slab_cluster_t *lists[2];
   uint64_t n = 0;
   int l;

   if (sc->sc_magic != EMU_SLAB_MAGIC_FAST) {
      return sc->sc_outstanding;          /* direct mode counts exactly */
   }
   /* Free objects carry the free tag wherever they sit (cluster list,
    * depot or a thread's magazine); handed-out ones do not. */
   lists[0] = sc->sc_partial;
   lists[1] = sc->sc_full;
   for (l = 0; l < 2; l++) {
      emu_slab_cluster_t *cl;

      for (cl = lists[l]; cl != NULL; cl = cl->cl_next) {
         uint32_t i;

         for (i = 0; i < cl->cl_nobj; i++) {
            uintptr_t o = cl->cl_base + (uintptr_t)i * sc->sc_chunk;

            if (emu_slab_tag_load(o, sc->sc_tagoff) != sc->sc_freetag) {
               n++;
            }
         }
      }
   }
   return n;
}

void
emu_slab_walk(int internal, emu_slab_walk_fn fn, void *arg)
{
   emu_slab_cache_t *sc;

   emu_mutex_lock(&slab_list_lock);
   for (sc = slab_list; sc != NULL; sc = sc->sc_gnext) {
      emu_slab_stats_t st;
      uint64_t inuse;

      if (!internal && (sc->sc_flags & EMU_SLAB_F_INTERNAL)) {
         continue;
      }
      emu_slab_stats(sc, &st);
      emu_mutex_lock(&sc->sc_lock);
      inuse = slab_inuse_locked(sc);
      emu_mutex_unlock(&sc->sc_lock);
      fn(arg, sc, &st, inuse);
   }
   emu_mutex_unlock(&slab_list_lock);
}
