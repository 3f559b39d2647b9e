/*
 * slab_debug.h -- the slab engine's debug layer (engine-private; the theory
 * is in slab_debug.c): audit trails, guards, contents checks, reports, and
 * the descriptions given to AddressSanitizer and Valgrind memcheck.
 */
#ifndef EMU_MEM_SLAB_DEBUG_H
#define EMU_MEM_SLAB_DEBUG_H

#include <stddef.h>
#include <stdint.h>

#include "../core/report.h"
#include "slab.h"

#define EMU_SLAB_AUDIT_DEPTH  8
#define EMU_SLAB_GUARD_BYTES  16
#define EMU_SLAB_GUARD_BYTE   0xa5u   /* guard pattern after objects */
#define EMU_SLAB_FREE_BYTE    0xdbu   /* free-pattern of objects w/o ctor */
#define EMU_SLAB_LEAK_LIST    8       /* outstanding objects listed */

/* One audit trail entry: the last alloc or the last free of an object. */
typedef struct emu_slab_trail {
   const void *t_caller;
   void       *t_world;                       /* emu_host_self then */
   uint64_t    t_thread;                      /* host thread id */
   uint64_t    t_time_ns;
   void       *t_stack[EMU_SLAB_AUDIT_DEPTH];
   int         t_depth;
} emu_slab_trail_t;

/* Per-object record of a debug cache (array per cluster). */
typedef struct emu_slab_dbg {
   uint32_t          d_state;      /* EMU_SLAB_DBG_FREE / _ALLOC */
   uint32_t          d_pad;
   uint64_t          d_sum;        /* contents checksum when freed */
   emu_slab_trail_t  d_alloc;      /* audit only */
   emu_slab_trail_t  d_free;
} emu_slab_dbg_t;

#define EMU_SLAB_DBG_FREE   1u
#define EMU_SLAB_DBG_ALLOC  2u

/* Report kind about obj of sc, naming both and the caller. */
EMU_PRINTF(5, 6)
void emu_slab_report(emu_report_kind_t kind, emu_slab_cache_t *sc,
                     const void *obj, const void *caller,
                     const char *fmt, ...);

/*
 * A new cluster of a debug cache: records (all FREE), guards, free
 * patterns / checksums.  EMU_NOMEM when the record array cannot be had.
 * => objects already constructed; no lock needed (cluster not yet shared).
 */
emu_status_t emu_slab_dbg_cluster_init(emu_slab_cache_t *sc,
                                       emu_slab_cluster_t *cl);
void emu_slab_dbg_cluster_fini(emu_slab_cache_t *sc, emu_slab_cluster_t *cl);

/*
 * An object leaves the cache (alloc) / comes back (free).  free returns 0
 * to accept, -1 to refuse the object (double free: reported).  Contents
 * and guard damage are reported and repaired; the object is accepted.
 * => caller holds sc_lock.
 */
void emu_slab_dbg_alloc(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                        uint32_t idx, void *obj, const void *caller);
int  emu_slab_dbg_free(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                       uint32_t idx, void *obj, const void *caller);

/* Add the outstanding objects (with alloc callers) to an open report. */
void emu_slab_dbg_list_outstanding(emu_slab_cache_t *sc,
                                   emu_slab_cluster_t *cl, unsigned *listed);

/* Sanitizer / memcheck descriptions of objects and clusters. */
void emu_slab_san_cache_create(emu_slab_cache_t *sc);
void emu_slab_san_cache_destroy(emu_slab_cache_t *sc);
void emu_slab_san_cluster_new(emu_slab_cache_t *sc, emu_slab_cluster_t *cl);
void emu_slab_san_cluster_gone(emu_slab_cache_t *sc, emu_slab_cluster_t *cl);
void emu_slab_san_obj_alloc(emu_slab_cache_t *sc, void *obj);
void emu_slab_san_obj_free(emu_slab_cache_t *sc, void *obj);
/* Let the engine itself touch a free object's bytes, and stop again. */
void emu_slab_san_obj_open(emu_slab_cache_t *sc, void *obj);
void emu_slab_san_obj_close(emu_slab_cache_t *sc, void *obj);

#endif
