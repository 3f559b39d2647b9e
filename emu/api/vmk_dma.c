/*
 * vmk_dma.c -- core/vmkapi_dma.h over emu/dev/dma.c (theory there).
 *
 * Decisions where the ESXi documentation is silent:
 * - Engines and DMA devices need a live module with a heap set
 *   (VMK_NO_MODULE_HEAP otherwise, as on ESXi) and well-formed constraints
 *   (mask non-zero and contiguous; sgElemMaxSize 0 or at least a page;
 *   sgElemSizeMult 0 or a power of two below a page; sgElemAlignment 0, 1
 *   or a power of two up to a page; sgElemStraddle 0 or a power of two of
 *   at least a page): VMK_BAD_PARAM otherwise, as is an unknown bounce
 *   pool type or an unknown flag.
 * - vmk_DMADeviceRegister for a device that already has engines, or is
 *   registered already, is VMK_BUSY; unregistering while engines live on
 *   the device is VMK_BUSY.
 * - A NULL engine is VMK_BAD_PARAM; a destroyed or foreign one is a
 *   DEAD_HANDLE report and VMK_BAD_PARAM.
 * - Mapping with direction NONE or an unknown one, an empty array, an
 *   element of length 0 or one outside machine memory is VMK_BAD_PARAM.
 *   vmk_DMAMapSg always returns a new IO array allocated through sgOps
 *   (the vmkapi allows "the same array"; a new one is what a driver must
 *   be ready for anyway); vmk_DMAUnmapSg frees it through sgOps.
 * - Unmap or flush of something not mapped: VMK_INVALID_ADDRESS (unmap
 *   also raises a DOUBLE_FREE or BAD_FREE report).  Flush with a direction
 *   other than TO_MEMORY or FROM_MEMORY, or one the mapping does not
 *   allow, or a range past the end of the transfer: VMK_BAD_PARAM.
 * - vmk_DMAGetAllocAddrConstraint: the widest vmk_MemPhysAddrConstraint
 *   every address of which meets the mask (ANY when the mask covers all
 *   machine memory; BELOW_2GB for masks narrower than 32 bits).
 * - Protections: access must be a known direction (NONE forbids all DMA);
 *   a range that is not machine memory is VMK_INVALID_ADDRESS.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "dev/dma.h"
#include "mod/module.h"

#define DMA_FLAGS_KNOWN (VMK_DMA_ENGINE_FLAGS_COHERENT | \
                         VMK_DMA_ENGINE_FLAGS_REQUEST_IOMMU_MAPPER)

static VMK_ReturnStatus
dma_module_check(vmk_ModuleID module)
{
   if (!emu_mod_exists((int32_t)module)) {
      return VMK_BAD_PARAM;
   }
   if (emu_mod_heap((int32_t)module) == NULL) {
      return VMK_NO_MODULE_HEAP;
   }
   return VMK_OK;
}

/* The engine behind a handle, or NULL (a dead one is reported). */
static emu_dma_engine_t *
dma_engine(vmk_DMAEngine engine, const char *what, const void *caller)
{
   emu_dma_engine_t *e = (emu_dma_engine_t *)engine;

   return emu_dma_engine_check(e, what, caller) == EMU_OK ? e : NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAEngineCreate(vmk_DMAEngineProps *props, vmk_DMAEngine *engine)
{
   emu_dma_engine_props_t p;
   emu_dma_engine_t *e;
   VMK_ReturnStatus vs;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (props == NULL || engine == NULL || props->constraints == NULL ||
       (props->flags & ~DMA_FLAGS_KNOWN) != 0) {
      return VMK_BAD_PARAM;
   }
   if (props->bounce != NULL &&
       (unsigned)props->bounce->type >
          (unsigned)VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN) {
      return VMK_BAD_PARAM;
   }
   vs = dma_module_check(props->module);
   if (vs != VMK_OK) {
      return vs;
   }
   memset(&p, 0, sizeof p);
   p.name = vmk_NameToString(&props->name);
   p.module = (int32_t)props->module;
   p.flags = props->flags;
   p.device = props->device;
   p.con = props->constraints;
   p.bounce = props->bounce != NULL &&
              props->bounce->type != VMK_DMA_BOUNCE_POOL_TYPE_NONE;
   p.caller = EMU_CALLER();
   st = emu_dma_engine_create(&p, &e);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *engine = (vmk_DMAEngine)e;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAEngineDestroy(vmk_DMAEngine engine)
{
   emu_status_t st;

   st = emu_dma_engine_destroy((emu_dma_engine_t *)engine, EMU_CALLER());
   return st == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMADeviceRegister(vmk_DMADeviceProps *props, vmk_DMADevice *device)
{
   emu_dma_dev_t *dd;
   VMK_ReturnStatus vs;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (props == NULL || device == NULL || props->device == NULL ||
       props->constraints == NULL) {
      return VMK_BAD_PARAM;
   }
   vs = dma_module_check(props->module);
   if (vs != VMK_OK) {
      return vs;
   }
   st = emu_dma_device_register(vmk_NameToString(&props->name),
                                props->device, props->constraints,
                                EMU_CALLER(), &dd);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *device = (vmk_DMADevice)dd;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMADeviceUnregister(vmk_DMADevice device)
{
   emu_status_t st;

   EMU_MAY_BLOCK();
   st = emu_dma_device_unregister((emu_dma_dev_t *)device, EMU_CALLER());
   switch (st) {
   case EMU_OK:   return VMK_OK;
   case EMU_BUSY: return VMK_BUSY;
   default:       return VMK_BAD_PARAM;
   }
}

static VMK_ReturnStatus
dma_map_status(emu_status_t st)
{
   switch (st) {
   case EMU_OK:     return VMK_OK;
   case EMU_LIMIT:  return VMK_DMA_MAPPING_FAILED;
   case EMU_NOMEM:  return VMK_NO_MEMORY;
   default:         return VMK_BAD_PARAM;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAMapElem(vmk_DMAEngine engine, vmk_DMADirection direction,
               vmk_SgElem *in, vmk_Bool lastElem, vmk_SgElem *out,
               vmk_DMAMapErrorInfo *err)
{
   const void *ra = EMU_CALLER();
   vmk_DMAMapErrorInfo local;
   emu_dma_engine_t *e;
   vmk_SgElem copy;
   emu_status_t st;

   if (err == NULL) {
      err = &local;
   }
   memset(err, 0, sizeof *err);
   e = dma_engine(engine, "vmk_DMAMapElem", ra);
   if (e == NULL || in == NULL || out == NULL) {
      return VMK_BAD_PARAM;
   }
   copy = *in;                       /* in and out may be the same element */
   st = emu_dma_map(e, direction, &copy, 1, 1, lastElem != VMK_FALSE, NULL,
                    NULL, out, err, ra);
   return dma_map_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAUnmapElem(vmk_DMAEngine engine, vmk_DMADirection direction,
                 vmk_SgElem *sgElem)
{
   const void *ra = EMU_CALLER();
   emu_dma_engine_t *e = dma_engine(engine, "vmk_DMAUnmapElem", ra);
   emu_status_t st;

   if (e == NULL || sgElem == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_unmap_elem(e, direction, sgElem, ra);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAFlushElem(vmk_DMAEngine engine, vmk_DMADirection direction,
                 vmk_SgElem *sgElem)
{
   emu_dma_engine_t *e = dma_engine(engine, "vmk_DMAFlushElem", EMU_CALLER());
   emu_status_t st;

   if (e == NULL || sgElem == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_flush_elem(e, direction, sgElem);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAMapSg(vmk_DMAEngine engine, vmk_DMADirection direction,
             vmk_SgOpsHandle sgOps, vmk_SgArray *in, vmk_SgArray **out,
             vmk_DMAMapErrorInfo *err)
{
   const void *ra = EMU_CALLER();
   vmk_DMAMapErrorInfo local;
   emu_dma_engine_t *e;
   emu_sg_ops_t *ops = (emu_sg_ops_t *)sgOps;
   emu_status_t st;

   if (err == NULL) {
      err = &local;
   }
   memset(err, 0, sizeof *err);
   e = dma_engine(engine, "vmk_DMAMapSg", ra);
   if (e == NULL || in == NULL || out == NULL ||
       in->numElems > in->maxElems) {
      return VMK_BAD_PARAM;
   }
   if (emu_sg_ops_check(ops, EMU_SG_KIND_MA, "vmk_DMAMapSg", ra) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_map(e, direction, in->elem, in->numElems, 0, 1, ops, out,
                    NULL, err, ra);
   return dma_map_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAUnmapSg(vmk_DMAEngine engine, vmk_DMADirection direction,
               vmk_SgOpsHandle sgOps, vmk_SgArray *sg)
{
   const void *ra = EMU_CALLER();
   emu_dma_engine_t *e = dma_engine(engine, "vmk_DMAUnmapSg", ra);
   emu_sg_ops_t *ops = (emu_sg_ops_t *)sgOps;
   emu_status_t st;

   if (e == NULL || sg == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_sg_ops_check(ops, EMU_SG_KIND_MA, "vmk_DMAUnmapSg", ra) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_unmap_sg(e, direction, ops, sg, ra);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAFlushSg(vmk_DMAEngine engine, vmk_DMADirection direction,
               vmk_SgArray *sg, vmk_ByteCount offset, vmk_ByteCount len)
{
   emu_dma_engine_t *e = dma_engine(engine, "vmk_DMAFlushSg", EMU_CALLER());
   emu_status_t st;

   if (e == NULL || sg == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_flush_sg(e, direction, sg, offset, len);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAGetAllocAddrConstraint(vmk_DMAEngine engine,
                              vmk_MemPhysAddrConstraint *con)
{
   emu_dma_engine_t *e = dma_engine(engine, "vmk_DMAGetAllocAddrConstraint",
                                    EMU_CALLER());

   if (e == NULL || con == NULL) {
      return VMK_BAD_PARAM;
   }
   *con = (vmk_MemPhysAddrConstraint)emu_dma_alloc_range(e);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMASetProtection(vmk_MpnRange *range, vmk_DMAProtectionAttr *prot)
{
   emu_status_t st;

   if (range == NULL || prot == NULL ||
       (unsigned)prot->access > (unsigned)VMK_DMA_DIRECTION_BIDIRECTIONAL) {
      return VMK_BAD_PARAM;
   }
   st = emu_dma_protect(range->startMPN, range->numPages, prot->access);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DMAClearProtection(vmk_MpnRange *range)
{
   emu_status_t st;

   if (range == NULL) {
      return VMK_INVALID_ADDRESS;
   }
   st = emu_dma_unprotect(range->startMPN, range->numPages);
   return st == EMU_NOTFOUND ? VMK_INVALID_ADDRESS : emu_api_status(st);
}

EMU_EXPORT const char *
vmk_DMADirectionToString(vmk_DMADirection direction)
{
   switch (direction) {
   case VMK_DMA_DIRECTION_NONE:          return "None";
   case VMK_DMA_DIRECTION_TO_MEMORY:     return "ToMemory";
   case VMK_DMA_DIRECTION_FROM_MEMORY:   return "FromMemory";
   case VMK_DMA_DIRECTION_BIDIRECTIONAL: return "Bidirectional";
   }
   return "Unknown";
}

EMU_EXPORT const char *
vmk_DMAMapErrorReasonToString(vmk_DMAMapErrorReason reason)
{
   switch (reason) {
   case VMK_DMA_MAP_ERROR_REASON_NONE:
      return "No error";
   case VMK_DMA_MAP_ERROR_UNKNOWN:
      return "Unknown error";
   case VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE:
      return "Transfer too large";
   case VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES:
      return "Too many SG entries";
   case VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE:
      return "SG element larger than the maximum size";
   case VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT:
      return "SG element size not a multiple of the required size";
   case VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE:
      return "SG element crosses a boundary";
   case VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS:
      return "SG element outside the address mask";
   case VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT:
      return "SG element misaligned";
   case VMK_DMA_MAP_ERROR_REASON_NO_IO_SPACE:
      return "No IO address space";
   }
   return "Unknown reason";
}
