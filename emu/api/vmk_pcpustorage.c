/*
 * vmk_pcpustorage.c -- vmk_PCPUStorage* over pcpustorage.c.  A vmk_PCPUID
 * carries the simulated PCPU number (0 .. n-1) in its pointer bits.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/block.h"
#include "world/pcpustorage.h"

struct pcpus_cb {
   vmk_PCPUStorageConstructor c_ctor;
   vmk_PCPUStorageDestructor  c_dtor;
   vmk_AddrCookie             c_arg;
};

static int32_t
pcpus_ctor(uint32_t pcpu, void *data, uint32_t size, uintptr_t arg)
{
   struct pcpus_cb *cb = (struct pcpus_cb *)arg;

   if (cb->c_ctor == NULL) {
      return 0;
   }
   return (int32_t)cb->c_ctor((vmk_PCPUID)(uintptr_t)pcpu, data, size,
                              cb->c_arg);
}

static void
pcpus_dtor(uint32_t pcpu, void *data, uint32_t size, uintptr_t arg)
{
   struct pcpus_cb *cb = (struct pcpus_cb *)arg;

   if (cb->c_dtor != NULL) {
      cb->c_dtor((vmk_PCPUID)(uintptr_t)pcpu, data, size, cb->c_arg);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCPUStorageCreate(vmk_PCPUStorageProps *props,
                      vmk_PCPUStorageHandle *handleOut)
{
   struct emu_pcpus *p;
   struct pcpus_cb *cb;
   emu_status_t st;
   char name[VMK_MISC_NAME_MAX + 1];

   EMU_MAY_BLOCK();
   if (props == NULL || handleOut == NULL || props->size == 0 ||
       (unsigned)props->type >= VMK_PCPU_STORAGE_TYPE_MAX) {
      return VMK_BAD_PARAM;
   }
   cb = malloc(sizeof *cb);
   if (cb == NULL) {
      return VMK_NO_MEMORY;
   }
   cb->c_ctor = props->constructor;
   cb->c_dtor = props->destructor;
   cb->c_arg = props->arg;
   snprintf(name, sizeof name, "%.*s", (int)sizeof props->name.string,
            props->name.string);
   st = emu_pcpus_create(name, props->size, props->align, pcpus_ctor,
                         pcpus_dtor, (uintptr_t)cb, EMU_CALLER(), &p);
   if (st != EMU_OK) {
      free(cb);
      return emu_api_status(st);
   }
   *handleOut = (vmk_PCPUStorageHandle)p;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCPUStorageDestroy(vmk_PCPUStorageHandle handle)
{
   struct emu_pcpus *p = (struct emu_pcpus *)handle;
   uintptr_t arg;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (!emu_pcpus_valid(p)) {
      return VMK_BAD_PARAM;
   }
   arg = p->p_arg;
   st = emu_pcpus_destroy(p);
   if (st == EMU_OK) {
      free((void *)arg);
   }
   return emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCPUStorageLookUp(vmk_PCPUID pcpu, vmk_PCPUStorageHandle handle,
                      void **data)
{
   struct emu_pcpus *p = (struct emu_pcpus *)handle;

   if (data == NULL || !emu_pcpus_valid(p)) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_pcpus_lookup(p, (uint32_t)(uintptr_t)pcpu,
                                          data));
}

EMU_EXPORT VMK_ReturnStatus
vmk_PCPUStorageRelease(vmk_PCPUStorageHandle handle, void *data)
{
   struct emu_pcpus *p = (struct emu_pcpus *)handle;

   if (data == NULL || !emu_pcpus_valid(p)) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_pcpus_release(p, data));
}
