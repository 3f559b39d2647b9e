/*
 * slab_backing.h -- where slab clusters come from (engine-private).
 *
 * A backing hands out runs of bytes for clusters and takes them back.  The
 * engine's own caches (magazines) and caches created without a backing draw
 * from one process-wide backing, the "machine" backing: a vmem arena
 * (quantum EMU_SLAB_GRANULE) over one lazily reserved host mapping.  That
 * mapping also holds simulated machine memory (machmem.c borrows a window
 * of it), so the backings over memory pools -- the vmk_Slab caches
 * (emu/api/vmk_slab.c) and the heaps' size-class caches (heap.c) -- hand
 * out memory inside the one range the cluster table covers.
 */
#ifndef EMU_MEM_SLAB_BACKING_H
#define EMU_MEM_SLAB_BACKING_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"
#include "../host/host.h"

/* Cluster granule: clusters are multiples of it, aligned to it. */
#define EMU_SLAB_GRANULE_SHIFT  16
#define EMU_SLAB_GRANULE        ((size_t)1 << EMU_SLAB_GRANULE_SHIFT)

/* Address space of the machine backing (lazy, no swap): 2^shift bytes. */
#define EMU_SLAB_RANGE_SHIFT    33
#define EMU_SLAB_MACHINE_BYTES  ((size_t)1 << EMU_SLAB_RANGE_SHIFT)

typedef struct emu_slab_backing {
   const char *sb_name;
   /*
    * Give size bytes (a multiple of the granule) aligned to the granule.
    * deadline_ns: 0 never waits; UINT64_MAX waits for ever; otherwise a
    * monotonic deadline.  EMU_NOMEM / EMU_TIMEOUT on failure.
    */
   emu_status_t (*sb_alloc)(void *ctx, size_t size, uint64_t deadline_ns,
                            const void *caller, uintptr_t *addrp);
   /* Take back what sb_alloc gave; its pages stop being resident. */
   void (*sb_free)(void *ctx, uintptr_t addr, size_t size);
   /*
    * Optional: emu_slab_destroy calls it once, after the cache's last
    * cluster went back, for a backing made for that one cache (the memory
    * pool backings of emu/api/vmk_slab.c).  NULL for shared backings.
    */
   void (*sb_fini)(void *ctx);
   void *sb_ctx;
} emu_slab_backing_t;

/*
 * The machine backing, created on first need (host reservation and arena).
 * NULL when the host cannot reserve the address space.
 * => may be called from any thread; serialised internally.
 */
const emu_slab_backing_t *emu_slab_backing_machine(void);

/*
 * The address range every backing's memory lies in: [base, base + len),
 * len EMU_SLAB_MACHINE_BYTES and base a multiple of it, so that an address
 * a lies in it exactly when a >> EMU_SLAB_RANGE_SHIFT is sr_key.  Before
 * the machine backing exists base and len are 0 and sr_key matches no
 * address.  Read without a lock by the free fast paths (set once, never
 * changed afterwards).  The 16 bytes before sr_base are mapped too, so a
 * tag word before any address of the range can be read.
 */
struct emu_slab_range {
   uintptr_t sr_base;
   size_t    sr_len;
   uintptr_t sr_key;
};
extern EMU_HIDDEN struct emu_slab_range emu_slab_range;

/* Bytes the machine backing has handed out now (for tests and GetMemSize). */
size_t emu_slab_backing_inuse(void);

/* Tear the machine backing down (emu_slab_fini, when no cache is left). */
void emu_slab_backing_fini(void);

#endif
