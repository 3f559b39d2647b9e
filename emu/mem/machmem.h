/*
 * machmem.h -- simulated machine memory (engine-private; theory in
 * machmem.c).
 *
 * Machine memory is one host mapping cut into two banks with simulated
 * machine addresses, one below and one above 4 GiB.  Machine page numbers
 * (MPNs) are handed out by one vmem arena in MPN units; translation between
 * machine and virtual addresses is exact arithmetic on the bank table.
 */
#ifndef EMU_MEM_MACHMEM_H
#define EMU_MEM_MACHMEM_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"
#include "../host/host.h"
#include "vmem.h"

#define EMU_MM_PAGE_SHIFT    12
#define EMU_MM_PAGE_SIZE     ((uint64_t)1 << EMU_MM_PAGE_SHIFT)
#define EMU_MM_BANK_ALIGN    ((uint64_t)2 << 20)    /* bank sizes, VA base */
#define EMU_MM_BANK0_MA      ((uint64_t)1 << 30)    /* 1 GiB */
#define EMU_MM_BANK1_MA      ((uint64_t)4 << 30)    /* 4 GiB */
#define EMU_MM_BANK0_MAX     ((uint64_t)3 << 30)    /* bank 0 ends <= 4 GiB */
#define EMU_MM_MIN_BYTES     ((uint64_t)8 << 20)
#define EMU_MM_ZERO_PAGES    16                      /* vmk_MAGetZeroBuffer */
#define EMU_MM_NBANKS        2

/* Physical ranges, in the order of vmk_MemPhysAddrConstraint. */
typedef enum emu_mm_range {
   EMU_MM_RANGE_ANY = 0,
   EMU_MM_RANGE_BELOW_2GB = 1,
   EMU_MM_RANGE_BELOW_4GB = 2,
   EMU_MM_RANGE_BELOW_512GB = 3,
   EMU_MM_RANGE_COUNT
} emu_mm_range_t;

typedef struct emu_mm_bank {
   uint64_t  mb_mpn;        /* first MPN */
   uint64_t  mb_npages;
   uintptr_t mb_va;         /* VA of the first page */
   uint64_t  mb_index;      /* page index of the first page (0..total) */
} emu_mm_bank_t;

/* The layout, fixed between emu_machmem_init and emu_machmem_fini. */
typedef struct emu_machmem {
   int            mm_live;
   uintptr_t      mm_va;          /* first byte of bank 0 */
   uint64_t       mm_bytes;       /* machine memory size */
   uint64_t       mm_npages;
   emu_mm_bank_t  mm_bank[EMU_MM_NBANKS];
   emu_vmem_t    *mm_arena;       /* MPNs, quantum 1 */
   uint64_t       mm_zero_mpn;    /* EMU_MM_ZERO_PAGES zero pages */
   /* The host range holding the banks (from the window provider). */
   uintptr_t      mm_win;
   size_t         mm_winlen;
} emu_machmem_t;

extern EMU_HIDDEN emu_machmem_t emu_mm;

/*
 * Engine start / stop.  emu_machmem_start takes the size; the
 * emu_ctl_engines row uses emu_machmem_init, defined in emu/ctl/mem_ctl.c
 * (it reads emu_ctl_config.machine_mem, which this layer may not include).
 */
emu_status_t emu_machmem_start(uint64_t bytes);
emu_status_t emu_machmem_init(void);
void emu_machmem_fini(void);

/* The largest MPN + 1 below which range r is satisfied (0: no bound). */
uint64_t emu_machmem_range_limit_mpn(emu_mm_range_t r);

/* The narrowest range that [ma, ma+len) satisfies. */
emu_mm_range_t emu_machmem_range_of(uint64_t ma);

/*
 * Page index (0..mm_npages-1) of an MPN; -1 when the MPN is not machine
 * memory.  => never blocks.
 */
static inline int64_t
emu_machmem_index(uint64_t mpn)
{
   int b;

   for (b = 0; b < EMU_MM_NBANKS; b++) {
      const emu_mm_bank_t *bk = &emu_mm.mm_bank[b];

      if (mpn - bk->mb_mpn < bk->mb_npages) {
         return (int64_t)(bk->mb_index + (mpn - bk->mb_mpn));
      }
   }
   return -1;
}

/* VA of an MPN known to be machine memory. */
static inline uintptr_t
emu_machmem_mpn2va(uint64_t mpn)
{
   const emu_mm_bank_t *bk = &emu_mm.mm_bank[0];

   if (mpn - bk->mb_mpn >= bk->mb_npages) {
      bk = &emu_mm.mm_bank[1];
   }
   return bk->mb_va + ((mpn - bk->mb_mpn) << EMU_MM_PAGE_SHIFT);
}

/*
 * [ma, ma + len) -> VA.  EMU_BADPARAM when the range is not wholly inside
 * one bank (len 0 counts as 1 byte).
 */
emu_status_t emu_machmem_ma2va(uint64_t ma, uint64_t len, uintptr_t *vap);
/* [va, va + len) -> MA, the same rule. */
emu_status_t emu_machmem_va2ma(uintptr_t va, uint64_t len, uint64_t *map);
/* Whether [va, va+len) is machine memory (any bank). */
int emu_machmem_contains_va(uintptr_t va, uint64_t len);

/* A page request to the machine arena. */
typedef struct emu_mm_req {
   uint64_t        npages;
   uint64_t        align;        /* pages, power of two; 0/1: none */
   emu_mm_range_t  range;
   uint64_t        deadline_ns;  /* 0: never wait; UINT64_MAX: for ever */
   const void     *caller;
} emu_mm_req_t;

/*
 * Take npages physically contiguous pages.  EMU_NOMEM / EMU_TIMEOUT.
 * Pages read as zero the first time (fresh or discarded host pages).
 * => may block until deadline_ns.
 */
emu_status_t emu_machmem_pages_alloc(const emu_mm_req_t *req,
                                     uint64_t *mpnp);
/* Give pages back; their host pages are discarded.  => never blocks. */
void emu_machmem_pages_free(uint64_t mpn, uint64_t npages,
                            const void *caller);

/* Free machine pages now. */
uint64_t emu_machmem_free_pages(void);

#endif /* EMU_MEM_MACHMEM_H */
