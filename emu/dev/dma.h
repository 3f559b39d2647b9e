/*
 * dma.h -- DMA engines, mappings, bounce buffers and the per-device IOMMU
 * view (engine-private; theory in dma.c).
 *
 * The device model calls emu_dma_device_access() whenever a simulated
 * device reads or writes memory by DMA; everything else is for
 * emu/api/vmk_dma.c.  Like sg.h it includes vmkapi.h for the vmkapi's own
 * SG and constraint structures, and answers in emu_status_t.
 */
#ifndef EMU_DEV_DMA_H
#define EMU_DEV_DMA_H

#include <stddef.h>
#include <stdint.h>

#include "vmkapi.h"

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "../mem/machmem.h"
#include "sg.h"

#define EMU_DMA_MAGIC         0x444d4145u   /* "DMAE" */
#define EMU_DMA_MAGIC_DEAD    0xdead444du
#define EMU_DMA_DEV_MAGIC     0x444d4144u   /* "DMAD" */
#define EMU_DMA_FREED_RING    32
#define EMU_DMA_NAMELEN       32

/* One contiguous stretch of machine (= IO) addresses. */
typedef struct emu_dma_range {
   uint64_t r_addr;
   uint64_t r_len;
} emu_dma_range_t;

struct emu_dma_engine;

/* A live mapping (vmk_DMAMapElem or vmk_DMAMapSg). */
typedef struct emu_dma_map {
   struct emu_dma_map    *dm_next;       /* engine's list -- dma_lock */
   struct emu_dma_map    *dm_prev;
   struct emu_dma_engine *dm_engine;
   vmk_DMADirection       dm_dir;
   int                    dm_is_sg;
   void                  *dm_key_sg;     /* the IO SG array handed out */
   uint64_t               dm_key_ioa;    /* the IO element handed out */
   uint64_t               dm_key_len;
   emu_sg_ops_t          *dm_ops;        /* allocated dm_key_sg */
   uint64_t               dm_total;      /* bytes in the transfer */
   uint64_t               dm_bounce_mpn; /* bounce pages, 0 when direct */
   uint64_t               dm_bounce_pages;
   uint64_t               dm_bounce_ma;
   uint32_t               dm_nsrc;       /* the driver's ranges (bounce) */
   uint32_t               dm_nio;        /* what the device may touch */
   emu_dma_range_t       *dm_src;
   emu_dma_range_t       *dm_io;
   const void            *dm_caller;
   emu_rsrc_t             dm_rsrc;
} emu_dma_map_t;

typedef struct emu_dma_engine {
   uint32_t               de_magic;      /* EMU_DMA_MAGIC while alive */
   /* Immutable after create */
   char                   de_name[EMU_DMA_NAMELEN];
   int32_t                de_module;
   uint32_t               de_flags;
   void                  *de_device;     /* the vmk_Device of the props */
   vmk_DMAConstraints     de_con;        /* with any registered device's */
   int                    de_bounce;     /* may bounce (pool, not coherent) */
   const void            *de_caller;
   /* Mappings -- dma_lock */
   emu_dma_map_t         *de_maps;
   uint64_t               de_nmaps;
   uint64_t               de_freed[EMU_DMA_FREED_RING]; /* unmapped keys */
   unsigned               de_freed_next;
   /* Registry -- dma_lock */
   emu_rsrc_t             de_rsrc;
   struct emu_dma_engine *de_next;
   struct emu_dma_engine *de_prev;
} emu_dma_engine_t;

/* A vmk_DMADevice: constraints a device adds for engines on it. */
typedef struct emu_dma_dev {
   uint32_t               dd_magic;
   char                   dd_name[EMU_DMA_NAMELEN];
   void                  *dd_device;
   vmk_DMAConstraints     dd_con;
   emu_rsrc_t             dd_rsrc;
   struct emu_dma_dev    *dd_next;
} emu_dma_dev_t;

/* Engine start / stop (row "dma" in emu/ctl/engines.c, after "heap"). */
emu_status_t emu_dma_init(void);
void emu_dma_fini(void);

/*
 * Whether constraints are well formed (mask non-zero and contiguous,
 * powers of two where the vmkapi asks, sizes against the page size).
 */
int emu_dma_constraints_ok(const vmk_DMAConstraints *con);

emu_status_t emu_dma_device_register(const char *name, void *device,
                                     const vmk_DMAConstraints *con,
                                     const void *caller, emu_dma_dev_t **ddp);
/* EMU_BUSY while engines live on the device; EMU_BADHANDLE (reported). */
emu_status_t emu_dma_device_unregister(emu_dma_dev_t *dd, const void *caller);

typedef struct emu_dma_engine_props {
   const char               *name;
   int32_t                   module;
   uint32_t                  flags;
   void                     *device;
   const vmk_DMAConstraints *con;
   int                       bounce;      /* a bounce pool was asked for */
   const void               *caller;
} emu_dma_engine_props_t;

emu_status_t emu_dma_engine_create(const emu_dma_engine_props_t *p,
                                   emu_dma_engine_t **ep);
/* Live mappings are a LEAK report, then torn down.  EMU_BADHANDLE. */
emu_status_t emu_dma_engine_destroy(emu_dma_engine_t *e, const void *caller);
/*
 * EMU_OK for a live engine; a non-NULL dead or foreign one is a
 * DEAD_HANDLE report naming what (EMU_BADHANDLE); NULL is EMU_BADPARAM.
 */
emu_status_t emu_dma_engine_check(const emu_dma_engine_t *e, const char *what,
                                  const void *caller);

/* The widest physical range whose every address meets the engine's mask. */
emu_mm_range_t emu_dma_alloc_range(const emu_dma_engine_t *e);

/*
 * Map n machine-address elements.  single: vmk_DMAMapElem (one IO element
 * out, *out_elem; last says whether it ends the transfer); otherwise the IO
 * array is allocated through ops and returned in *out_sg.
 * EMU_BADPARAM (bad direction, empty or non-memory element), EMU_LIMIT
 * (constraints not met; *err says why), EMU_NOMEM.  => never blocks.
 */
emu_status_t emu_dma_map(emu_dma_engine_t *e, vmk_DMADirection dir,
                         const vmk_SgElem *in, uint32_t n, int single,
                         int last, emu_sg_ops_t *ops, vmk_SgArray **out_sg,
                         vmk_SgElem *out_elem, vmk_DMAMapErrorInfo *err,
                         const void *caller);

/*
 * Unmap.  Something not mapped on this engine is a DOUBLE_FREE (recently
 * unmapped) or BAD_FREE report and EMU_NOTFOUND; a direction other than
 * the mapping's is a MISUSE report (the mapping's own is used).  For SG
 * mappings ops must be the handle that allocated the IO array.
 */
emu_status_t emu_dma_unmap_sg(emu_dma_engine_t *e, vmk_DMADirection dir,
                              emu_sg_ops_t *ops, vmk_SgArray *sg,
                              const void *caller);
emu_status_t emu_dma_unmap_elem(emu_dma_engine_t *e, vmk_DMADirection dir,
                                const vmk_SgElem *io, const void *caller);

/*
 * Flush (TO_MEMORY: device writes become visible to the CPU; FROM_MEMORY:
 * CPU writes become visible to the device).  EMU_BADPARAM for a direction
 * that is not one of those two or that the mapping does not allow, or a
 * range outside the transfer; EMU_NOTFOUND when not mapped.
 */
emu_status_t emu_dma_flush_sg(emu_dma_engine_t *e, vmk_DMADirection dir,
                              const vmk_SgArray *sg, uint64_t off,
                              uint64_t len);
emu_status_t emu_dma_flush_elem(emu_dma_engine_t *e, vmk_DMADirection dir,
                                const vmk_SgElem *io);

/*
 * DMA protections on machine pages (advisory on ESX; here the IOMMU view
 * enforces them on device accesses).  EMU_NOTFOUND when a page is not
 * machine memory.
 */
emu_status_t emu_dma_protect(uint64_t mpn, uint64_t npages,
                             vmk_DMADirection access);
emu_status_t emu_dma_unprotect(uint64_t mpn, uint64_t npages);

/*
 * The device side: device (the vmk_Device given in the engine props)
 * reads (write == 0) or writes len bytes at IO address ioa.  Every byte of
 * [ioa, ioa + len) must lie in a live mapping of an engine of that device
 * whose direction allows the access (write needs TO_MEMORY or
 * BIDIRECTIONAL, read FROM_MEMORY or BIDIRECTIONAL) and on pages whose DMA
 * protection allows it; otherwise a DMA_VIOLATION report naming the
 * engine, the device, the IOA range and caller, nothing is copied, and
 * EMU_NOTFOUND.  EMU_BADPARAM for a NULL device or buffer.  On success the
 * bytes are copied to / from the simulated machine memory.
 * => never blocks; safe from any thread (one lock).
 */
emu_status_t emu_dma_device_access(void *device, vmk_IOA ioa, void *buf,
                                   size_t len, int write,
                                   const void *caller);

/* Live mappings of all engines of a device (NULL: of every engine). */
uint64_t emu_dma_live_mappings(void *device);

#endif /* EMU_DEV_DMA_H */
