/*
 * pcpustorage.h -- per-PCPU storage over the simulated PCPUs
 * (engine-private; theory in pcpustorage.c).
 */
#ifndef EMU_WORLD_PCPUSTORAGE_H
#define EMU_WORLD_PCPUSTORAGE_H

#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "world.h"

#define EMU_PCPUS_MAGIC 0x50435355u   /* "PCSU" */

typedef int32_t (*emu_pcpus_ctor_t)(uint32_t pcpu, void *data,
                                    uint32_t size, uintptr_t arg);
typedef void (*emu_pcpus_dtor_t)(uint32_t pcpu, void *data, uint32_t size,
                                 uintptr_t arg);

struct emu_pcpus {
   uint32_t          p_magic;
   char              p_name[32];
   uint32_t          p_size;
   uint32_t          p_stride;      /* size rounded up to the alignment */
   uint32_t          p_npcpus;
   char             *p_mem;         /* raw allocation */
   char             *p_base;        /* aligned instance of PCPU 0 */
   emu_pcpus_dtor_t  p_dtor;
   uintptr_t         p_arg;
   uint32_t          p_refs;        /* LookUp without Release -- atomics */
   emu_rsrc_t        p_rsrc;
};

/*
 * Create: an instance per simulated PCPU, zero-filled, constructed in PCPU
 * order; a constructor failure destructs the ones done (EMU_FAILURE).
 */
emu_status_t emu_pcpus_create(const char *name, uint32_t size,
                              uint32_t align, emu_pcpus_ctor_t ctor,
                              emu_pcpus_dtor_t dtor, uintptr_t arg,
                              const void *caller, struct emu_pcpus **pp);
int emu_pcpus_valid(const struct emu_pcpus *p);
/* EMU_BUSY while lookups are outstanding. */
emu_status_t emu_pcpus_destroy(struct emu_pcpus *p);
emu_status_t emu_pcpus_lookup(struct emu_pcpus *p, uint32_t pcpu,
                              void **datap);
emu_status_t emu_pcpus_release(struct emu_pcpus *p, void *data);

#endif /* EMU_WORLD_PCPUSTORAGE_H */
