/*
 * slab.h -- object caches (engine-private; the theory is in slab.c).
 *
 * The fast paths are static inline so that vmk_SlabAlloc / vmk_SlabFree
 * (emu/api/vmk_slab.c) compile to a handful of instructions: one thread-local
 * load, no lock, no atomic.  Anything they cannot do goes to the slow entry
 * points emu_slab_alloc / emu_slab_free, which handle every case (debug
 * caches, limited caches, depot trips, growth, misuse reports).
 *
 * What keeps them short (slab.c sections 5 and 6 have the whole argument):
 * - no handle magic test: a cache's magazine slot index belongs to its
 *   handle structure for good, and only the slow path (which checks the
 *   handle) ever loads a slot, so a destroyed, debug or limited cache
 *   always finds its slot empty (alloc) or full (free) and goes slow;
 * - the pop reads the round under the top before it tests anything: the
 *   floor word under every magazine says "empty" (magazine.h), and for
 *   the usual cache, control structure before its objects, the round is
 *   the object and its live tag 2 * handle + 1 at obj - 8, so alloc
 *   reads nothing of the handle but the slot offset;
 * - the free path proves ownership before it reads the handle: the
 *   backing range is one aligned power of two (a shift and a compare),
 *   and the word before the object must be 2 * handle + 1; a cache with
 *   its control structure inside the objects goes through the cluster
 *   table instead (never NULL: a sentinel cluster that no cache owns
 *   stands for "none"), where one multiply and rotate gives the object
 *   index and a single compare with the objects per cluster tests "on a
 *   boundary" and "inside" at once.
 */
#ifndef EMU_MEM_SLAB_H
#define EMU_MEM_SLAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../core/fault.h"
#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "magazine.h"
#include "slab_backing.h"

#if defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>) && defined(EMU_ASAN)
#include <sanitizer/asan_interface.h>
#define EMU_SLAB_ASAN 1
#endif
#endif
#ifndef EMU_SLAB_ASAN
#define EMU_SLAB_ASAN 0
#endif

#define EMU_SLAB_MAGIC_FAST   0x51ab0fa5u  /* alive, plain: fast paths */
#define EMU_SLAB_MAGIC_SLOW   0x51ab5104u  /* alive, debug or limited */
#define EMU_SLAB_MAGIC_DEAD   0xdead51abu  /* destroyed */
#define EMU_SLAB_CLUSTER_MAGIC 0xc1057e12u

/*
 * What a free object holds at its control offset.  Caches without a
 * ctrlOffset keep it in the 16 bytes just before each object (the tail of
 * the previous chunk, or of the cluster header for the first object), so
 * that the free fast path finds sl_tag at a fixed place, obj - 8, without
 * reading the cache first.
 */
typedef struct emu_slab_ctrl {
   void      *sl_next;       /* cluster free list */
   uintptr_t  sl_tag;        /* sc_freetag while free, sc_livetag while out */
} emu_slab_ctrl_t;

#define EMU_SLAB_CTRL_SIZE    sizeof(emu_slab_ctrl_t)
#define EMU_SLAB_CTRL_END     ((size_t)-1)    /* control past the object */
#define EMU_SLAB_UNLIMITED    UINT32_MAX
#define EMU_SLAB_MAX_OBJ      ((size_t)1 << 20)
#define EMU_SLAB_FREE_SALT    ((uintptr_t)0x5a1bf7ee0dd5a1b5ull)
/*
 * sl_tag of a handed-out object.  Caches with a control structure before
 * their objects hand out 2 * sc + 1 (EMU_SLAB_PRE_LIVETAG: one lea), which
 * the free fast path accepts: odd, so never a free tag (sc itself) nor an
 * object or cache address, and no other cache's.  Caches with a ctrlOffset,
 * whose tag word is the driver's own data while the object is out, hand
 * out sc XOR EMU_SLAB_INSIDE_SALT, whose top bit no user-space value of
 * those has (user space is below 2^47), so the fast path never accepts it
 * and they take the checked path.
 */
#define EMU_SLAB_PRE_LIVETAG(sc)  ((uintptr_t)(sc) * 2 + 1)
#define EMU_SLAB_INSIDE_SALT  ((uintptr_t)0xca11ce5000000000ull)
/* Bits of a keyed live tag (props.tagkey) that hold slotoff | 1. */
#define EMU_SLAB_TAGKEY_LOW   ((uint64_t)EMU_MAG_MAX_CACHES * \
                               sizeof(emu_mag_slot_t) - 1)
/* Where sl_tag / sl_next are when the control structure precedes objects. */
#define EMU_SLAB_PRE_TAGOFF   ((size_t)-(ptrdiff_t)sizeof(uintptr_t))
#define EMU_SLAB_PRE_LINKOFF  ((size_t)-(ptrdiff_t)EMU_SLAB_CTRL_SIZE)
#define EMU_SLAB_NAMELEN      32
#define EMU_SLAB_API_AREA     160             /* bytes kept for emu/api */

/* Per-cache option bits, fixed at create. */
#define EMU_SLAB_F_AUDIT      0x01
#define EMU_SLAB_F_GUARDS     0x02
#define EMU_SLAB_F_CONTENTS   0x04
#define EMU_SLAB_F_VALGRIND   0x08    /* running under memcheck */
#define EMU_SLAB_F_DEBUG      0x0f
#define EMU_SLAB_F_NOMAG      0x10    /* no magazine layer (direct mode) */
#define EMU_SLAB_F_INTERNAL   0x20    /* engine-owned: not a resource */

struct emu_slab_cache;
struct emu_slab_dbg;

/* The user's callbacks, carried opaquely for the layer that set them. */
typedef struct emu_slab_user {
   void     (*u_ctor)(void);
   void     (*u_dtor)(void);
   uintptr_t  u_arg;
} emu_slab_user_t;

typedef emu_status_t (*emu_slab_ctor_t)(const emu_slab_user_t *u, void *obj,
                                        size_t size);
typedef void (*emu_slab_dtor_t)(const emu_slab_user_t *u, void *obj,
                                size_t size);

typedef struct emu_slab_props {
   const char              *name;
   size_t                   objsize;   /* 1..EMU_SLAB_MAX_OBJ */
   size_t                   align;     /* power of two, <= page size */
   size_t                   ctrloff;   /* EMU_SLAB_CTRL_END or inside */
   emu_slab_ctor_t          ctor;      /* may be NULL */
   emu_slab_dtor_t          dtor;      /* may be NULL */
   emu_slab_user_t          user;
   uint32_t                 minobj;
   uint32_t                 maxobj;    /* EMU_SLAB_UNLIMITED: none */
   uint64_t                 deadline_ns; /* for minobj: 0 none, MAX ever */
   const emu_slab_backing_t *backing;  /* NULL: the machine backing */
   int                      flags;     /* EMU_SLAB_F_NOMAG/INTERNAL only */
   /*
    * Engine-internal caches with their control structure before objects
    * only: non-zero asks for the live tag tagkey | slot offset | 1 (the
    * offset of the cache's slot in a thread's slot array) and the free tag
    * one less, so that a layer above can find the magazine slot from an
    * object's tag alone.  tagkey must have bit 63 set (no 2 * sc + 1 or
    * pointer has it) and no bit of EMU_SLAB_TAGKEY_LOW.
    */
   uint64_t                 tagkey;
   /*
    * Charging (NULL: none).  The layer above counts the objects that are
    * handed out or held in any thread's magazines: take is asked for the
    * charge of up to want (>= 1) objects before they leave the depot or
    * the clusters for a thread's magazine or the caller, and returns how
    * many it granted (0 fails the allocation); give returns the charge of
    * n objects going back to the depot or the clusters.  Both run with
    * the cache lock possibly held: they must not call the slab engine.
    */
   uint32_t               (*take)(struct emu_slab_cache *sc, uint32_t want);
   void                   (*give)(struct emu_slab_cache *sc, uint32_t n);
   uint32_t                 magcap;    /* most rounds a thread's magazine
                                          holds; 0: the depot's size */
   const void              *caller;
} emu_slab_props_t;

/* A cluster: a run of backing memory cut into objects (header first). */
typedef struct emu_slab_cluster {
   struct emu_slab_cache    *cl_cache;   /* owner; read by the free path */
   uintptr_t                 cl_base;    /* first object */
   uint32_t                  cl_magic;   /* EMU_SLAB_CLUSTER_MAGIC */
   uint32_t                  cl_nobj;
   uint32_t                  cl_nfree;   /* on cl_free -- sc_lock */
   uint32_t                  cl_list;    /* which cache list -- sc_lock */
   void                     *cl_free;    /* free objects -- sc_lock */
   struct emu_slab_cluster  *cl_next;    /* cache list -- sc_lock */
   struct emu_slab_cluster  *cl_prev;
   struct emu_slab_dbg      *cl_dbg;     /* per-object records or NULL */
} emu_slab_cluster_t;

/*
 * The cluster of every granule of the backing range; &emu_slab_nocl where
 * there is none (its cl_cache is no cache, so the free fast path needs no
 * NULL test).
 */
extern EMU_HIDDEN emu_slab_cluster_t **emu_slab_cltab;
extern EMU_HIDDEN emu_slab_cluster_t emu_slab_nocl;
extern EMU_HIDDEN struct emu_slab_cache emu_slab_nocache;

extern EMU_HIDDEN int emu_fault_armed;

typedef struct emu_slab_cache {
   uint32_t                 sc_magic;     /* EMU_SLAB_MAGIC_* */
   uint32_t                 sc_index;     /* magazine slot index, for good */
   /* Immutable after create: the fast paths read these (one line). */
   size_t                   sc_slotoff;   /* sc_index * slot size, or 0
                                             (the always-empty slot) while
                                             fault injection is armed */
   size_t                   sc_tagoff;    /* offset of sl_tag in an object */
   uintptr_t                sc_freetag;   /* sl_tag of a free object */
   uintptr_t                sc_livetag;   /* sl_tag of a handed-out one */
   uint32_t                 sc_owner_tag; /* the layer above's (heap class) */
   uint32_t                 sc_owner_size;/*  and its size (class bytes) */
   uint32_t                 sc_flags;
   uint32_t                 sc_div_shift; /* object index of offset o:     */
   uint64_t                 sc_clnobj64;  /*  rotr(o * inv, shift), which  */
   /* Second line: the owner the layer above set (heap free fast path),
    * &emu_slab_nocache for none; then immutable fields for the checked
    * free and the slow paths. */
   uint64_t                 sc_div_inv;   /*  is >= nobj unless o is an
                                              object's start (sc_clnobj)   */
   void                    *sc_owner;
   size_t                   sc_clobjbytes;/* nobj * chunk */
   uint64_t                 sc_div_lim;   /* o % chunk == 0 iff rotr <= lim */
   size_t                   sc_objsize;
   size_t                   sc_chunk;     /* bytes per object slot */
   size_t                   sc_align;
   size_t                   sc_ctrloff;   /* as given (CTRL_END: past end) */
   size_t                   sc_linkoff;   /* where emu_slab_ctrl_t lives */
   size_t                   sc_guardoff;  /* guard bytes (F_GUARDS) */
   size_t                   sc_clbytes;   /* bytes per cluster */
   size_t                   sc_clhdr;     /* header bytes before objects */
   uint32_t                 sc_clnobj;    /* objects per cluster */
   uint32_t                 sc_minobj;
   uint32_t                 sc_maxobj;
   uint32_t                 sc_magcap;    /* rounds per slot magazine */
   uint32_t               (*sc_take)(struct emu_slab_cache *, uint32_t);
   void                   (*sc_give)(struct emu_slab_cache *, uint32_t);
   emu_slab_ctor_t          sc_ctor;
   emu_slab_dtor_t          sc_dtor;
   emu_slab_user_t          sc_user;
   const emu_slab_backing_t *sc_backing;
   char                     sc_name[EMU_SLAB_NAMELEN];
   const void              *sc_caller;    /* who created it */
   /* Cluster and depot layer -- sc_lock. */
   emu_mutex_t              sc_lock;
   emu_cond_t               sc_cv;        /* frees wake maxObj waiters */
   emu_slab_cluster_t      *sc_partial;   /* clusters with free objects */
   emu_slab_cluster_t      *sc_full;      /* clusters with none */
   uint64_t                 sc_nclusters;
   uint64_t                 sc_nobj;      /* objects in all clusters */
   uint64_t                 sc_nfree;     /* objects on cluster free lists */
   uint64_t                 sc_outstanding; /* direct mode: handed out */
   uint32_t                 sc_waiters;
   uint32_t                 sc_growing;   /* clusters being built */
   emu_mag_depot_t          sc_depot;
   /* Statistics -- sc_lock (slow paths only). */
   uint64_t                 sc_st_grow;
   uint64_t                 sc_st_reap;   /* clusters given back */
   uint64_t                 sc_st_ctor;
   uint64_t                 sc_st_dtor;
   uint64_t                 sc_st_fail;
   uint64_t                 sc_st_depot;  /* depot trips */
   /* Registry. */
   emu_rsrc_t               sc_rsrc;
   struct emu_slab_cache   *sc_gnext;     /* all caches -- slab_list_lock */
   struct emu_slab_cache   *sc_gprev;
   unsigned char            sc_api[EMU_SLAB_API_AREA] __attribute__((aligned(8)));
} emu_slab_cache_t;

typedef struct emu_slab_stats {
   uint64_t ss_clusters;
   uint64_t ss_objects;      /* constructed objects in clusters */
   uint64_t ss_free;         /* free in clusters, depot and magazines seen */
   uint64_t ss_outstanding;  /* direct mode only (else 0) */
   uint64_t ss_bytes;        /* backing bytes held */
   uint64_t ss_ctor;
   uint64_t ss_dtor;
   uint64_t ss_grow;
   uint64_t ss_reap;
   uint64_t ss_fail;
   uint64_t ss_depot;
   uint32_t ss_magsize;
   uint32_t ss_chunk;
   uint32_t ss_clnobj;
   uint32_t ss_clbytes;
} emu_slab_stats_t;

/* Engine start / stop (an emu_ctl_engines row). */
emu_status_t emu_slab_init(void);
void emu_slab_fini(void);

/*
 * Check props and compute the layout create would use: bytes per cluster,
 * objects per cluster, the clusters minobj needs and the most maxobj
 * allows (0 when unlimited).  EMU_BADPARAM names nothing: the API layer
 * maps it.  => never blocks.
 */
typedef struct emu_slab_layout {
   size_t   ly_chunk;
   size_t   ly_linkoff;
   size_t   ly_guardoff;
   size_t   ly_clbytes;
   size_t   ly_clhdr;
   uint32_t ly_clnobj;
   uint64_t ly_minclusters;
   uint64_t ly_maxclusters;
} emu_slab_layout_t;
emu_status_t emu_slab_layout(const emu_slab_props_t *p, int flags,
                             emu_slab_layout_t *ly);

/*
 * Create a cache; minobj objects are constructed before it returns.
 * EMU_BADPARAM, EMU_NOMEM (memory, index, or a constructor failed),
 * EMU_TIMEOUT (the deadline passed waiting for memory).
 * => may block until p->deadline_ns.
 */
emu_status_t emu_slab_create(const emu_slab_props_t *p,
                             emu_slab_cache_t **scp);

/*
 * Destroy a cache: every thread's magazines and the depot are emptied,
 * destructors run for every constructed object still free, clusters go
 * back.  Outstanding objects are a LEAK report with their count (and
 * callers when auditing); the cache is destroyed either way.  A dead or
 * foreign handle is a DEAD_HANDLE report and EMU_BADHANDLE.
 * => no other thread may use the cache any more; may block.
 */
emu_status_t emu_slab_destroy(emu_slab_cache_t *sc, const void *caller);

/* EMU_OK alive; EMU_BADHANDLE destroyed; EMU_NOTFOUND not a cache. */
emu_status_t emu_slab_check_handle(const emu_slab_cache_t *sc);

/*
 * The slow entry points (they also do what the fast paths do).
 * deadline_ns: 0 never wait; UINT64_MAX wait for ever; else monotonic.
 */
void *emu_slab_alloc(emu_slab_cache_t *sc, uint64_t deadline_ns,
                     const void *caller);
void emu_slab_free(emu_slab_cache_t *sc, void *obj, const void *caller);

/*
 * Give wholly free clusters above minobj back to the backing, after
 * emptying the depot and the calling thread's magazines into the clusters.
 * Returns the bytes given back.
 */
size_t emu_slab_reclaim(emu_slab_cache_t *sc);
/* The same for every cache (pool pressure). */
size_t emu_slab_reclaim_all(void);

void emu_slab_stats(emu_slab_cache_t *sc, emu_slab_stats_t *st);

/* The bytes an API layer may keep with the cache (props it must return). */
static inline void *
emu_slab_api_area(emu_slab_cache_t *sc)
{
   return sc->sc_api;
}

size_t emu_slab_max_objsize(size_t align);

/* --- Fast paths -------------------------------------------------------- */

static inline uintptr_t
emu_slab_tag_load(uintptr_t obj, size_t off)
   __attribute__((no_sanitize_address));
static inline uintptr_t
emu_slab_tag_load(uintptr_t obj, size_t off)
{
   uintptr_t v;

   __builtin_memcpy(&v, (void *)(obj + off), sizeof v);
   return v;
}

static inline void
emu_slab_tag_store(uintptr_t obj, size_t off, uintptr_t v)
   __attribute__((no_sanitize_address));
static inline void
emu_slab_tag_store(uintptr_t obj, size_t off, uintptr_t v)
{
   __builtin_memcpy((void *)(obj + off), &v, sizeof v);
}

/* 1 when a lies in the backing range (so a - 16 .. a may be read). */
static inline int
emu_slab_in_range(uintptr_t a)
{
   return (a >> EMU_SLAB_RANGE_SHIFT) == emu_slab_range.sr_key;
}

/* The cluster table entry of addr: a cluster or &emu_slab_nocl.  No lock. */
static inline emu_slab_cluster_t *
emu_slab_cl_entry(uintptr_t addr)
{
   if (EMU_UNLIKELY(!emu_slab_in_range(addr))) {
      return &emu_slab_nocl;
   }
   return __atomic_load_n(&emu_slab_cltab[(addr - emu_slab_range.sr_base) >>
                                          EMU_SLAB_GRANULE_SHIFT],
                          __ATOMIC_RELAXED);
}

/* The cluster holding addr, or NULL.  No lock (see slab.c 5.). */
static inline emu_slab_cluster_t *
emu_slab_cluster_of(uintptr_t addr)
{
   emu_slab_cluster_t *cl = emu_slab_cl_entry(addr);

   return cl != &emu_slab_nocl ? cl : NULL;
}

/*
 * The index of the object starting at a in cl, or a value >= sc_clnobj64
 * when a is not the start of one of cl's objects (a modular inverse of the
 * chunk's odd part, then a rotate by its power of two: exact multiples come
 * out as the quotient, everything else as a huge number).
 */
static inline uint64_t
emu_slab_obj_index(const emu_slab_cache_t *sc, const emu_slab_cluster_t *cl,
                   uintptr_t a)
{
   uint64_t x = (uint64_t)(a - cl->cl_base) * sc->sc_div_inv;
   unsigned s = sc->sc_div_shift;          /* 3..: chunks are 8-aligned */

   return (x >> s) | (x << ((64 - s) & 63));
}

/* 1 when o is a multiple of the cache's chunk size. */
static inline int
emu_slab_on_boundary(const emu_slab_cache_t *sc, uint64_t o)
{
   uint64_t x = o * sc->sc_div_inv;
   unsigned s = sc->sc_div_shift;

   x = (x >> s) | (x << ((64 - s) & 63));
   return x <= sc->sc_div_lim;
}

/* This thread's magazine slot for sc. */
static inline emu_mag_slot_t *
emu_slab_slot(const emu_slab_cache_t *sc)
{
   /* Relaxed: fault injection re-points it while others run (slab.c 6.). */
   return emu_mag_slot_at(__atomic_load_n(&sc->sc_slotoff,
                                          __ATOMIC_RELAXED));
}

/*
 * The round of object a, of a cache whose tag word is at tagoff
 * (magazine.h): a itself, plus EMU_MAG_INSIDE when the tag word is inside
 * the object.
 */
static inline void *
emu_slab_round_at(uintptr_t a, size_t tagoff)
{
   return (void *)(a | (tagoff != EMU_SLAB_PRE_TAGOFF ? EMU_MAG_INSIDE : 0));
}

/* The round of obj in sc's magazines. */
static inline void *
emu_slab_round(const emu_slab_cache_t *sc, void *obj)
{
   return emu_slab_round_at((uintptr_t)obj, sc->sc_tagoff);
}

/* The object of round r. */
static inline void *
emu_slab_unround(void *r)
{
   return (void *)((uintptr_t)r & ~EMU_MAG_INSIDE);
}

/* Take obj, the round under top, off slot and mark it handed out. */
static inline int
emu_slab_pop_out(emu_slab_cache_t *sc, emu_mag_slot_t *slot, void **top,
                 uintptr_t obj, size_t tagoff, uintptr_t livetag, void **objp)
{
   slot->ms_top = top - 1;
   emu_slab_tag_store(obj, tagoff, livetag);
#if EMU_SLAB_ASAN
   ASAN_UNPOISON_MEMORY_REGION((void *)obj, sc->sc_objsize);
#else
   (void)sc;
#endif
   *objp = (void *)obj;
   return 1;
}

/*
 * Pop an object from this thread's loaded magazine and mark it handed out
 * (sc's live tag in its tag word).  0 when the slow path must run: the
 * magazine is empty -- which is always so for destroyed, debug and limited
 * caches, for emu_slab_nocache, and for every cache while fault injection
 * is armed (their slot offset is then the empty slot 0).  sc is not NULL
 * and not a keyed cache (props.tagkey; heap.h pops those itself).
 *
 * The common case, a cache with its control structure before objects,
 * reads nothing of sc but the slot offset: its round is the object, its
 * tag word obj - 8 and its live tag 2 * sc + 1.  A round with bit 0 set is
 * the floor (empty) or an object of a cache with a control offset, whose
 * tag place and value are read from sc.
 */
static inline int
emu_slab_alloc_fast_nn(emu_slab_cache_t *sc, void **objp)
{
   emu_mag_slot_t *slot = emu_slab_slot(sc);
   void **top = slot->ms_top;
   uintptr_t r = (uintptr_t)top[-1];

   if (EMU_UNLIKELY(r & EMU_MAG_INSIDE)) {
      if (r == EMU_MAG_FLOOR) {
         return 0;
      }
      return emu_slab_pop_out(sc, slot, top, r - EMU_MAG_INSIDE,
                              sc->sc_tagoff, sc->sc_livetag, objp);
   }
   return emu_slab_pop_out(sc, slot, top, r, EMU_SLAB_PRE_TAGOFF,
                           EMU_SLAB_PRE_LIVETAG(sc), objp);
}

/*
 * The same for a keyed cache (its rounds are plain objects), with the tag
 * place and value given by the caller (heap.h).
 */
static inline int
emu_slab_alloc_fast_tag(emu_slab_cache_t *sc, void **objp, size_t tagoff,
                        uintptr_t livetag)
{
   emu_mag_slot_t *slot = emu_slab_slot(sc);
   void **top = slot->ms_top;
   uintptr_t r = (uintptr_t)top[-1];

   if (EMU_UNLIKELY(r & EMU_MAG_INSIDE)) {
      return 0;
   }
   return emu_slab_pop_out(sc, slot, top, r, tagoff, livetag, objp);
}

/* The same for a handle that may be NULL. */
static inline int
emu_slab_alloc_fast(emu_slab_cache_t *sc, void **objp)
{
   if (EMU_UNLIKELY(sc == NULL)) {
      return 0;
   }
   return emu_slab_alloc_fast_nn(sc, objp);
}

/*
 * Push a, an object of sc, onto this thread's loaded magazine as free (as
 * its round: emu_slab_round), marking its tag word (at tagoff) with
 * freetag -- sc's own tagoff and
 * freetag, passed in so that callers that know them as constants save the
 * loads.  check: the tag has not proved a handed out, so refuse a tag that
 * is already freetag (a double free); tested after the room, so that a
 * direct-mode cache (debug, memcheck), whose slot is never loaded, leaves
 * before reading a tag that may be the driver's uninitialised bytes.  0
 * when the slow path must run.
 */
static inline int
emu_slab_push_free(emu_slab_cache_t *sc, uintptr_t a, size_t tagoff,
                   uintptr_t freetag, int check)
{
   emu_mag_slot_t *slot = emu_slab_slot(sc);
   void **top = slot->ms_top;

   if (EMU_UNLIKELY(top == slot->ms_lim)) {
      return 0;
   }
   if (check && EMU_UNLIKELY(emu_slab_tag_load(a, tagoff) == freetag)) {
      return 0;
   }
   emu_slab_tag_store(a, tagoff, freetag);
#if EMU_SLAB_ASAN
   ASAN_POISON_MEMORY_REGION((void *)a, sc->sc_objsize);
#endif
   *top = emu_slab_round_at(a, tagoff);
   slot->ms_top = top + 1;
   return 1;
}

/*
 * Push obj, whose cluster cl (sc's: the caller checked) the caller looked
 * up, onto this thread's loaded magazine after checking that it is a
 * free-able object of sc: the start of one of cl's objects, not already
 * free.  0 when the slow path must run (which also raises the reports).
 * This is the checked free, for caches whose tag word the driver may
 * overwrite (a ctrlOffset inside the object).
 */
static inline int
emu_slab_free_fast_owned(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                         void *obj)
{
   uintptr_t a = (uintptr_t)obj;

   if (EMU_UNLIKELY(emu_slab_obj_index(sc, cl, a) >= sc->sc_clnobj64)) {
      return 0;
   }
   return emu_slab_push_free(sc, a, sc->sc_tagoff, sc->sc_freetag, 1);
}

/* The same when the caller has not checked that cl is sc's. */
static inline int
emu_slab_free_fast_cl(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                      void *obj)
{
   if (EMU_UNLIKELY(cl->cl_cache != sc)) {
      return 0;
   }
   /* sc is a real cache from here on (the sentinel's names none). */
   return emu_slab_free_fast_owned(sc, cl, obj);
}

/*
 * 1 when the word before a -- the tag of a cache whose control structure
 * precedes its objects -- says a is handed out by sc.  a must lie in the
 * backing range (so a - 8 is readable).  The tag is never a pointer, so a
 * NULL or stale sc, a pointer into the middle of an object and a free
 * object (its tag is sc_freetag) all fail it; it reads nothing of sc.
 */
static inline int
emu_slab_is_live_pre(const emu_slab_cache_t *sc, uintptr_t a)
{
   return emu_slab_tag_load(a, EMU_SLAB_PRE_TAGOFF) ==
          EMU_SLAB_PRE_LIVETAG(sc);
}

/*
 * Free obj onto this thread's magazine.  A cache with its control
 * structure before the objects proves obj is one of its handed-out objects
 * by the tag alone; any other cache (or a tag that does not match: a
 * double free, a foreign or interior pointer) takes the checked free, and
 * whatever that cannot prove runs the slow path, which reports.
 */
static inline int
emu_slab_free_fast(emu_slab_cache_t *sc, void *obj)
{
   uintptr_t a = (uintptr_t)obj;

   if (EMU_UNLIKELY(!emu_slab_in_range(a))) {
      return 0;
   }
   if (EMU_LIKELY(emu_slab_is_live_pre(sc, a))) {
      /* Such a cache's sc_tagoff is PRE_TAGOFF and sc_freetag is sc. */
      return emu_slab_push_free(sc, a, EMU_SLAB_PRE_TAGOFF, (uintptr_t)sc,
                                0);
   }
   return emu_slab_free_fast_cl(sc, emu_slab_cl_entry(a), obj);
}

/*
 * Move the calling thread's magazines of sc (both) to the depot, giving
 * back their charge (props.give).  => no lock held.
 */
void emu_slab_flush_mine(emu_slab_cache_t *sc);

/*
 * Statistics walk: fn gets every live cache (engine-internal ones too when
 * internal is non-zero) with a snapshot of its counters and the objects
 * handed out now.  fn runs under slab_list_lock: it must not call the slab
 * engine.  => may block briefly on each cache lock.
 */
typedef void (*emu_slab_walk_fn)(void *arg, const emu_slab_cache_t *sc,
                                 const emu_slab_stats_t *st, uint64_t inuse);
void emu_slab_walk(int internal, emu_slab_walk_fn fn, void *arg);

#endif /* EMU_MEM_SLAB_H */
