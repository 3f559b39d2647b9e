/*
 * pcpustorage.c -- per-PCPU storage for libvmkemu.
 *
 * 1. Model.  The simulated machine has emu_world_npcpus() PCPUs (set by
 *    EmuCtl_Init's numPCPUs, default the host's count); every world runs
 *    on one of them, fixed at its creation (world.c).  A PCPU storage
 *    handle owns one instance per PCPU, laid out as an array with a stride
 *    of the size rounded up to the alignment, so a lookup is base + pcpu *
 *    stride.  Instances are zero-filled, then constructed in PCPU order;
 *    destructors run at destroy.
 *
 * 2. Lookup/release pairs are counted; destroying a handle with lookups
 *    outstanding is VMK_BUSY.  The storage types (read-mostly, write-local,
 *    write-remote) only tune cache placement on ESXi and change nothing
 *    here.
 *
 * 3. Memory: plain host allocation (the heap engine is a later issue).
 *    No lock: instances are the driver's to synchronize, as on ESXi.
 */
#include "pcpustorage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fault.h"

emu_status_t
emu_pcpus_create(const char *name, uint32_t size, uint32_t align,
                 emu_pcpus_ctor_t ctor, emu_pcpus_dtor_t dtor, uintptr_t arg,
                 const void *caller, struct emu_pcpus **pp)
{
   struct emu_pcpus *p;
   uint32_t n = emu_world_npcpus();
   uint32_t i;
   uint32_t j;

   if (size == 0 || (align & (align - 1)) != 0 || align > 4096) {
      return EMU_BADPARAM;
   }
   if (align == 0) {
      align = 1;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   p = calloc(1, sizeof *p);
   if (p == NULL) {
      return EMU_NOMEM;
   }
   p->p_stride = (size + align - 1) & ~(align - 1);
   p->p_mem = calloc(1, (size_t)p->p_stride * n + align);
   if (p->p_mem == NULL) {
      free(p);
      return EMU_NOMEM;
   }
   p->p_base = (char *)(((uintptr_t)p->p_mem + align - 1) &
                        ~(uintptr_t)(align - 1));
   p->p_magic = EMU_PCPUS_MAGIC;
   snprintf(p->p_name, sizeof p->p_name, "%s", name != NULL ? name : "");
   p->p_size = size;
   p->p_npcpus = n;
   p->p_dtor = dtor;
   p->p_arg = arg;
   for (i = 0; ctor != NULL && i < n; i++) {
      if (ctor(i, p->p_base + (size_t)i * p->p_stride, size, arg) != 0) {
         for (j = 0; dtor != NULL && j < i; j++) {
            dtor(j, p->p_base + (size_t)j * p->p_stride, size, arg);
         }
         free(p->p_mem);
         free(p);
         return EMU_FAILURE;
      }
   }
   emu_rsrc_add(&p->p_rsrc, EMU_RSRC_STORAGE, "pcpu storage", p->p_name,
                caller);
   *pp = p;
   return EMU_OK;
}

int
emu_pcpus_valid(const struct emu_pcpus *p)
{
   return p != NULL && p->p_magic == EMU_PCPUS_MAGIC;
}

emu_status_t
emu_pcpus_destroy(struct emu_pcpus *p)
{
   uint32_t i;

   if (__atomic_load_n(&p->p_refs, __ATOMIC_ACQUIRE) != 0) {
      return EMU_BUSY;
   }
   for (i = 0; p->p_dtor != NULL && i < p->p_npcpus; i++) {
      p->p_dtor(i, p->p_base + (size_t)i * p->p_stride, p->p_size,
                p->p_arg);
   }
   emu_rsrc_remove(&p->p_rsrc);
   p->p_magic = 0;
   free(p->p_mem);
   free(p);
   return EMU_OK;
}

emu_status_t
emu_pcpus_lookup(struct emu_pcpus *p, uint32_t pcpu, void **datap)
{
   if (pcpu >= p->p_npcpus) {
      return EMU_BADPARAM;
   }
   __atomic_add_fetch(&p->p_refs, 1, __ATOMIC_ACQ_REL);
   *datap = p->p_base + (size_t)pcpu * p->p_stride;
   return EMU_OK;
}

emu_status_t
emu_pcpus_release(struct emu_pcpus *p, void *data)
{
   uintptr_t off = (uintptr_t)((char *)data - p->p_base);

   if ((char *)data < p->p_base || off % p->p_stride != 0 ||
       off / p->p_stride >= p->p_npcpus) {
      return EMU_BADPARAM;
   }
   if (__atomic_load_n(&p->p_refs, __ATOMIC_ACQUIRE) == 0) {
      return EMU_BADPARAM;
   }
   __atomic_sub_fetch(&p->p_refs, 1, __ATOMIC_ACQ_REL);
   return EMU_OK;
}
