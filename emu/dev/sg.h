/*
 * sg.h -- scatter-gather ops handles and the registry of live SG arrays
 * (engine-private; theory in sg.c).
 *
 * The SG arrays are the vmkapi's own public structures (vmk_SgArray,
 * vmk_SgComponentArray) and the ops callbacks are the driver's, typed by
 * the vmkapi, so this engine includes vmkapi.h for those types; it still
 * answers in emu_status_t.
 */
#ifndef EMU_DEV_SG_H
#define EMU_DEV_SG_H

#include <stddef.h>
#include <stdint.h>

#include <uthash.h>

#include "vmkapi.h"

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "../mem/heap.h"

#define EMU_SG_OPS_MAGIC       0x53474f50u   /* "SGOP" */
#define EMU_SG_OPS_MAGIC_DEAD  0xdead5347u
#define EMU_SG_VIRT_MAGIC      0x53475641u   /* "SGVA" */
#define EMU_SG_VIRT_MAGIC_DEAD 0xdead5356u
#define EMU_SG_VELEM_MAGIC     0x5356454cu   /* "SVEL" */
#define EMU_SG_FREED_RING      64

/* What an ops handle hands out. */
typedef enum emu_sg_kind {
   EMU_SG_KIND_MA = 1,          /* vmk_SgArray of machine addresses */
   EMU_SG_KIND_COMPONENT,       /* vmk_SgComponentArray */
   EMU_SG_KIND_VIRT,            /* the opaque vmk_SgVirtArray */
} emu_sg_kind_t;

typedef struct emu_sg_ops {
   uint32_t          so_magic;      /* EMU_SG_OPS_MAGIC while alive */
   /* Immutable after create */
   void             *so_self;       /* table key: the handle's address */
   emu_sg_kind_t     so_kind;
   emu_heap_t       *so_heap;       /* the handle lives here; default arrays too */
   int               so_custom;     /* the driver gave callbacks */
   union {
      vmk_SgArrayOps          ma;
      vmk_SgComponentArrayOps comp;
      vmk_SgVirtArrayOps      virt;
   }                 so_ops;
   void             *so_private;
   const void       *so_caller;
   /* Arrays handed out and not freed -- sg_lock */
   uint64_t          so_live;
   /* Registry -- sg_lock */
   emu_rsrc_t        so_rsrc;
   UT_hash_handle    hh;            /* live handles, keyed by address */
} emu_sg_ops_t;

/* Header of a virtual-address SG array (vmk_SgVirtArray points here). */
typedef struct emu_sg_velem {
   uint32_t ve_magic;               /* EMU_SG_VELEM_MAGIC */
   uint32_t ve_length;
   uintptr_t ve_va;
} emu_sg_velem_t;

typedef struct emu_sg_virt {
   uint32_t          sv_magic;      /* EMU_SG_VIRT_MAGIC while allocated */
   uint32_t          sv_max;
   uint32_t          sv_used;
   uint32_t          sv_pad;
   emu_sg_ops_t     *sv_ops;
   void             *sv_private;    /* arrayPrivate, given back to free */
   emu_sg_velem_t    sv_elem[];
} emu_sg_virt_t;

/* Engine start / stop (row "sg" in emu/ctl/engines.c). */
emu_status_t emu_sg_init(void);
void emu_sg_fini(void);

/*
 * Create an ops handle of a kind; ops NULL takes the default (arrays from
 * heap) except for VIRT, whose alloc and free are mandatory.  The handle is
 * allocated from heap.  EMU_BADPARAM (dead heap, half-given ops), EMU_NOMEM.
 * => never blocks.
 */
emu_status_t emu_sg_ops_create(emu_sg_kind_t kind, emu_heap_t *heap,
                               const void *ops, void *private,
                               const void *caller, emu_sg_ops_t **opsp);
/*
 * Destroy: arrays still live are a LEAK report, then freed.
 * EMU_BADHANDLE (reported) when ops is not a live handle of that kind.
 */
emu_status_t emu_sg_ops_destroy(emu_sg_ops_t *ops, emu_sg_kind_t kind,
                                const void *caller);
/*
 * Whether ops is a live handle of kind; a non-NULL handle that is not is
 * a DEAD_HANDLE report naming what.  NULL is just "no" (EMU_BADPARAM).
 */
emu_status_t emu_sg_ops_check(const emu_sg_ops_t *ops, emu_sg_kind_t kind,
                              const char *what, const void *caller);

/*
 * Allocate an MA or component array with room for n entries through the
 * handle's ops, and register it.  EMU_NOMEM, EMU_BADPARAM (n == 0, or the
 * driver's alloc callback returned nothing usable).  => never blocks.
 */
emu_status_t emu_sg_array_alloc(emu_sg_ops_t *ops, uint32_t n,
                                const void *caller, void **arrayp);
/*
 * Free an array through the ops that allocated it.  A pointer that is not
 * a live array is a DOUBLE_FREE (recently freed) or BAD_FREE report, a
 * different ops handle a WRONG_CACHE report; both EMU_NOTFOUND.
 */
emu_status_t emu_sg_array_free(emu_sg_ops_t *ops, void *array,
                               const void *caller);

/*
 * Register / forget an array allocated by the caller (virtual arrays);
 * forget reports like emu_sg_array_free and returns EMU_NOTFOUND.
 */
emu_status_t emu_sg_track(emu_sg_ops_t *ops, void *array,
                          const void *caller);
emu_status_t emu_sg_untrack(emu_sg_ops_t *ops, void *array,
                            const char *what, const void *caller);
/* DOUBLE_FREE (recently freed) or BAD_FREE report about array. */
void emu_sg_report_not_live(emu_sg_kind_t kind, const void *array,
                            const char *what, const void *caller);
/* Whether array is a live tracked array (of any handle). */
int emu_sg_is_live(const void *array);

/* --- Walking machine-address arrays ------------------------------------ */

/* Sum of the lengths of the used elements (0 for NULL). */
uint64_t emu_sg_data_len(const vmk_SgArray *sg);

/*
 * Element and offset of byte off of the buffer sg describes.
 * EMU_NOTFOUND when off is at or past the end.
 */
emu_status_t emu_sg_find(const vmk_SgArray *sg, uint64_t off,
                         uint32_t *elemp, uint32_t *eoffp);

/*
 * Copy len bytes between sg's memory, from element elem offset eoff on,
 * and buf (to_sg: buf -> sg).  *donep gets what was copied.
 * EMU_LIMIT when sg ends first, EMU_BADPARAM when an element is not
 * machine memory (the copy stops there).  => never blocks.
 */
emu_status_t emu_sg_copy_buf(const vmk_SgArray *sg, uint32_t elem,
                             uint32_t eoff, void *buf, uint64_t len,
                             int to_sg, uint64_t *donep);

/* The same between two arrays' memory (memmove per chunk). */
emu_status_t emu_sg_copy_sg(const vmk_SgArray *dst, uint32_t delem,
                            uint32_t doff, const vmk_SgArray *src,
                            uint32_t selem, uint32_t soff, uint64_t len,
                            uint64_t *donep);

#endif /* EMU_DEV_SG_H */
