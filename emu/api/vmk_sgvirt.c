/*
 * vmk_sgvirt.c -- core/vmkapi_scatter_gather_virt.h: arrays of virtual
 * address ranges, over the ops-handle registry of emu/dev/sg.c.
 *
 * Model: the driver's alloc callback gets the byte size of the whole array
 * (an emu_sg_virt_t header and maxElems elements) and hands back that much
 * memory, usually from the heap it is given; this layer lays the array out
 * in it and registers it (resource "sg virt array").  vmk_SgVirtArrayFree
 * unregisters it and gives it to the driver's free callback with the
 * arrayPrivate of the allocation.  The API is not thread safe (the caller
 * serialises, as on ESX).
 *
 * Decisions where the ESXi documentation is silent:
 * - Both callbacks are mandatory and the heap must be live: VMK_BAD_PARAM.
 * - An array the callback did not return, or maxElems whose size does not
 *   fit the callback's 32-bit size: VMK_NO_MEMORY / VMK_BAD_PARAM.
 * - A NULL array or element is VMK_BAD_PARAM; an array that is not live is
 *   a DEAD_HANDLE report (a DOUBLE_FREE or BAD_FREE report for
 *   vmk_SgVirtArrayFree) and VMK_BAD_PARAM.  Destroying a handle with live
 *   arrays is a LEAK report; they are given to the free callback.
 * - vmk_SgVirtArrayGetElem with an index at or past the used elements is
 *   VMK_LIMIT_EXCEEDED; vmk_SgVirtElemInit on a full array too.  A NULL
 *   buffer or a zero length is VMK_BAD_PARAM.  Any virtual address is
 *   accepted (the array only describes it).
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "dev/sg.h"

/* The live array behind a handle, or NULL (reported unless NULL). */
static emu_sg_virt_t *
sgv_array(vmk_SgVirtArray h, const char *what, const void *ra)
{
   emu_sg_virt_t *v = (emu_sg_virt_t *)h;
   emu_report_obj_t obj = { "sg virt array", NULL, v };

   if (v == NULL) {
      return NULL;
   }
   if (emu_sg_is_live(v) && v->sv_magic == EMU_SG_VIRT_MAGIC) {
      return v;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, ra,
              "%s on %p, which is not a live SG virtual array", what,
              (void *)v);
   return NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtOpsHandleCreate(vmk_HeapID heap, vmk_SgVirtOpsHandle *sgOpsOut,
                          vmk_SgVirtArrayOps *sgVirtArrayOps, void *data)
{
   emu_sg_ops_t *o;
   emu_status_t st;

   if (sgOpsOut == NULL || sgVirtArrayOps == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_ops_create(EMU_SG_KIND_VIRT, (emu_heap_t *)heap,
                          sgVirtArrayOps, data, EMU_CALLER(), &o);
   if (st != EMU_OK) {
      return st == EMU_NOMEM ? VMK_NO_MEMORY : VMK_BAD_PARAM;
   }
   *sgOpsOut = (vmk_SgVirtOpsHandle)o;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtOpsHandleDestroy(vmk_SgVirtOpsHandle sgVirtOpsHandle)
{
   if (sgVirtOpsHandle == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_sg_ops_destroy((emu_sg_ops_t *)sgVirtOpsHandle,
                             EMU_SG_KIND_VIRT, EMU_CALLER()) == EMU_OK
             ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtArrayAllocWithInit(vmk_SgVirtOpsHandle sgVirtOpsHandle,
                             vmk_SgVirtArray *sgVirtArray,
                             vmk_uint32 maxElems, void *arrayPrivate)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = (emu_sg_ops_t *)sgVirtOpsHandle;
   vmk_SgVirtArray got = NULL;
   emu_sg_virt_t *v;
   vmk_uint64 size;
   VMK_ReturnStatus vs;

   if (o == NULL || sgVirtArray == NULL || maxElems == 0) {
      return VMK_BAD_PARAM;
   }
   if (emu_sg_ops_check(o, EMU_SG_KIND_VIRT, "vmk_SgVirtArrayAllocWithInit",
                        ra) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   size = sizeof(emu_sg_virt_t) + (vmk_uint64)maxElems * sizeof(emu_sg_velem_t);
   if (size > VMK_UINT32_MAX) {
      return VMK_BAD_PARAM;
   }
   EMU_NONBLOCKING_BEGIN("scatter-gather virtual alloc callback");
   vs = o->so_ops.virt.alloc(sgVirtOpsHandle, (vmk_HeapID)o->so_heap,
                             o->so_private, &got, (vmk_ByteCountSmall)size);
   EMU_NONBLOCKING_END();
   if (vs != VMK_OK || got == NULL) {
      return vs != VMK_OK ? vs : VMK_NO_MEMORY;
   }
   v = (emu_sg_virt_t *)got;
   memset(v, 0, (size_t)size);
   v->sv_magic = EMU_SG_VIRT_MAGIC;
   v->sv_max = maxElems;
   v->sv_ops = o;
   v->sv_private = arrayPrivate;
   if (emu_sg_track(o, v, ra) != EMU_OK) {
      EMU_NONBLOCKING_BEGIN("scatter-gather virtual free callback");
      (void)o->so_ops.virt.free(sgVirtOpsHandle, (vmk_HeapID)o->so_heap,
                                o->so_private, got, arrayPrivate);
      EMU_NONBLOCKING_END();
      return VMK_NO_MEMORY;
   }
   *sgVirtArray = got;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtArrayFree(vmk_SgVirtArray sgVirtArray)
{
   const void *ra = EMU_CALLER();
   emu_sg_virt_t *v = (emu_sg_virt_t *)sgVirtArray;

   if (v == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!emu_sg_is_live(v)) {
      emu_sg_report_not_live(EMU_SG_KIND_VIRT, v, "vmk_SgVirtArrayFree", ra);
      return VMK_BAD_PARAM;
   }
   v->sv_magic = EMU_SG_VIRT_MAGIC_DEAD;
   return emu_sg_array_free(v->sv_ops, v, ra) == EMU_OK ? VMK_OK
                                                         : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtArrayGetElem(vmk_SgVirtArray sgVirtArray, vmk_uint32 index,
                       vmk_SgVirtElem *sgVirtElem)
{
   emu_sg_virt_t *v = sgv_array(sgVirtArray, "vmk_SgVirtArrayGetElem",
                                EMU_CALLER());

   if (v == NULL || sgVirtElem == NULL) {
      return VMK_BAD_PARAM;
   }
   if (index >= v->sv_used) {
      return VMK_LIMIT_EXCEEDED;
   }
   *sgVirtElem = (vmk_SgVirtElem)&v->sv_elem[index];
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtArrayGetMaxElems(vmk_SgVirtArray sgVirtArray, vmk_uint32 *maxElems)
{
   emu_sg_virt_t *v = sgv_array(sgVirtArray, "vmk_SgVirtArrayGetMaxElems",
                                EMU_CALLER());

   if (v == NULL || maxElems == NULL) {
      return VMK_BAD_PARAM;
   }
   *maxElems = v->sv_max;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtArrayGetUsedElems(vmk_SgVirtArray sgVirtArray,
                            vmk_uint32 *usedElems)
{
   emu_sg_virt_t *v = sgv_array(sgVirtArray, "vmk_SgVirtArrayGetUsedElems",
                                EMU_CALLER());

   if (v == NULL || usedElems == NULL) {
      return VMK_BAD_PARAM;
   }
   *usedElems = v->sv_used;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtElemInit(vmk_SgVirtArray sgVirtArray, void *bufferStart,
                   vmk_uint32 length)
{
   emu_sg_virt_t *v = sgv_array(sgVirtArray, "vmk_SgVirtElemInit",
                                EMU_CALLER());
   emu_sg_velem_t *e;

   if (v == NULL || bufferStart == NULL || length == 0) {
      return VMK_BAD_PARAM;
   }
   if (v->sv_used >= v->sv_max) {
      return VMK_LIMIT_EXCEEDED;
   }
   e = &v->sv_elem[v->sv_used++];
   e->ve_magic = EMU_SG_VELEM_MAGIC;
   e->ve_length = length;
   e->ve_va = (uintptr_t)bufferStart;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgVirtElemGetInfo(vmk_SgVirtElem sgVirtElem, vmk_VA *vaddr,
                      vmk_uint32 *length)
{
   const emu_sg_velem_t *e = (const emu_sg_velem_t *)sgVirtElem;

   if (e == NULL || vaddr == NULL || length == NULL ||
       e->ve_magic != EMU_SG_VELEM_MAGIC) {
      return VMK_BAD_PARAM;
   }
   *vaddr = (vmk_VA)e->ve_va;
   *length = e->ve_length;
   return VMK_OK;
}
