/*
 * vmk_sg.c -- core/vmkapi_scatter_gather.h over emu/dev/sg.c (theory
 * there).
 *
 * Decisions where the ESXi documentation is silent:
 * - Ops handles need a live heap; given ops must have both alloc and free
 *   (VMK_BAD_PARAM otherwise).  Without ops, arrays come from that heap.
 * - A NULL handle is VMK_BAD_PARAM; a destroyed or foreign one a
 *   DEAD_HANDLE report and VMK_BAD_PARAM.  Freeing an array that is not
 *   live is a DOUBLE_FREE or BAD_FREE report, through another handle a
 *   WRONG_CACHE report; each returns VMK_BAD_PARAM.  Destroying a handle
 *   with live arrays is a LEAK report (the arrays are freed with it).
 * - vmk_SgInit / vmk_SgAllocWithInit describe a virtual buffer that must
 *   be machine memory (heap, memory-pool or mapped memory; not the stack
 *   or host malloc): VMK_BAD_PARAM otherwise.  They make one element per
 *   page the buffer touches -- the worst case vmk_SgComputeMaxEntries
 *   counts -- so drivers meet multi-element arrays as on real hardware.
 *   Too few free elements after initSGEntry is VMK_BAD_PARAM; numElems
 *   becomes initSGEntry plus the elements written.
 * - vmk_SgComputeMaxEntries counts the pages [bufferStart, +size) touches
 *   (any address; 0 for size 0).
 * - Copies stop at the end of an array with VMK_FAILURE, having copied
 *   what fitted (the vmkapi allows partial copies on failure); an element
 *   outside machine memory also ends the copy with VMK_FAILURE.  A NULL
 *   array or buffer, or a position of unknown type, is VMK_BAD_PARAM.
 * - vmk_SgFindPosition at or past the end of the data is VMK_FAILURE.
 * - vmk_SgGetDataLen / vmk_SgComponentGetDataLen of NULL are 0.
 */
#include "api.h"

#include <string.h>

#include "dev/sg.h"
#include "mem/machmem.h"

/* The ops handle behind h, or NULL (a dead one is reported). */
static emu_sg_ops_t *
sg_ops(void *h, emu_sg_kind_t kind, const char *what, const void *ra)
{
   emu_sg_ops_t *o = h;

   return emu_sg_ops_check(o, kind, what, ra) == EMU_OK ? o : NULL;
}

static VMK_ReturnStatus
sg_status(emu_status_t st)
{
   return st == EMU_NOMEM ? VMK_NO_MEMORY :
          st == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgCreateOpsHandle(vmk_HeapID heap, vmk_SgOpsHandle *sgOpsOut,
                      vmk_SgArrayOps *sgArrayOps, void *data)
{
   emu_sg_ops_t *o;
   emu_status_t st;

   if (sgOpsOut == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_ops_create(EMU_SG_KIND_MA, (emu_heap_t *)heap, sgArrayOps,
                          data, EMU_CALLER(), &o);
   if (st != EMU_OK) {
      return sg_status(st);
   }
   *sgOpsOut = (vmk_SgOpsHandle)o;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgDestroyOpsHandle(vmk_SgOpsHandle handle)
{
   if (handle == NULL) {
      return VMK_BAD_PARAM;
   }
   return sg_status(emu_sg_ops_destroy((emu_sg_ops_t *)handle,
                                       EMU_SG_KIND_MA, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgComponentCreateOpsHandle(vmk_HeapID heap,
                               vmk_SgComponentOpsHandle *sgOpsOut,
                               vmk_SgComponentArrayOps *sgComponentArrayOps,
                               void *data)
{
   emu_sg_ops_t *o;
   emu_status_t st;

   if (sgOpsOut == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_ops_create(EMU_SG_KIND_COMPONENT, (emu_heap_t *)heap,
                          sgComponentArrayOps, data, EMU_CALLER(), &o);
   if (st != EMU_OK) {
      return sg_status(st);
   }
   *sgOpsOut = (vmk_SgComponentOpsHandle)o;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgComponentDestroyOpsHandle(vmk_SgComponentOpsHandle handle)
{
   if (handle == NULL) {
      return VMK_BAD_PARAM;
   }
   return sg_status(emu_sg_ops_destroy((emu_sg_ops_t *)handle,
                                       EMU_SG_KIND_COMPONENT, EMU_CALLER()));
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgAlloc(vmk_SgOpsHandle handle, vmk_SgArray **sg,
            vmk_uint32 maxElements)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = sg_ops(handle, EMU_SG_KIND_MA, "vmk_SgAlloc", ra);
   void *a;
   emu_status_t st;

   if (o == NULL || sg == NULL || maxElements == 0) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_array_alloc(o, maxElements, ra, &a);
   if (st != EMU_OK) {
      return sg_status(st);
   }
   *sg = a;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgFree(vmk_SgOpsHandle handle, vmk_SgArray *sgArray)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = sg_ops(handle, EMU_SG_KIND_MA, "vmk_SgFree", ra);

   if (o == NULL || sgArray == NULL) {
      return VMK_BAD_PARAM;
   }
   return sg_status(emu_sg_array_free(o, sgArray, ra));
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgComponentAlloc(vmk_SgComponentOpsHandle handle,
                     vmk_SgComponentArray **sgComponent,
                     vmk_uint32 maxLength)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = sg_ops(handle, EMU_SG_KIND_COMPONENT,
                            "vmk_SgComponentAlloc", ra);
   void *a;
   emu_status_t st;

   if (o == NULL || sgComponent == NULL || maxLength == 0 ||
       maxLength > (vmk_uint32)VMK_INT32_MAX) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_array_alloc(o, maxLength, ra, &a);
   if (st != EMU_OK) {
      return sg_status(st);
   }
   *sgComponent = a;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgComponentFree(vmk_SgComponentOpsHandle handle,
                    vmk_SgComponentArray *sgComponentArray)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = sg_ops(handle, EMU_SG_KIND_COMPONENT,
                            "vmk_SgComponentFree", ra);

   if (o == NULL || sgComponentArray == NULL) {
      return VMK_BAD_PARAM;
   }
   return sg_status(emu_sg_array_free(o, sgComponentArray, ra));
}

EMU_EXPORT vmk_ByteCount
vmk_SgComponentGetDataLen(vmk_SgComponentArray *sgComponentArray)
{
   vmk_ByteCount len = 0;
   vmk_int32 i;

   if (sgComponentArray == NULL) {
      return 0;
   }
   for (i = 0; i < sgComponentArray->numComponents; i++) {
      len += sgComponentArray->sgComponent[i].ioLength;
   }
   return len;
}

/* Pages [va, va + size) touches. */
static vmk_uint64
sg_pages(uintptr_t va, vmk_ByteCount size)
{
   if (size == 0) {
      return 0;
   }
   return ((va + size - 1) >> EMU_MM_PAGE_SHIFT) - (va >> EMU_MM_PAGE_SHIFT) +
          1;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgComputeMaxEntries(void *bufferStart, vmk_ByteCount size,
                        vmk_uint32 *numElems)
{
   vmk_uint64 n;

   if (numElems == NULL || (uintptr_t)bufferStart + size < size) {
      return VMK_BAD_PARAM;
   }
   n = sg_pages((uintptr_t)bufferStart, size);
   if (n > VMK_UINT32_MAX) {
      return VMK_BAD_PARAM;
   }
   *numElems = (vmk_uint32)n;
   return VMK_OK;
}

/* Fill sg from element first on with one element per page of the buffer. */
static VMK_ReturnStatus
sg_init(vmk_SgArray *sg, void *bufferStart, vmk_ByteCount size,
        vmk_uint32 first)
{
   uintptr_t va = (uintptr_t)bufferStart;
   vmk_uint64 n = sg_pages(va, size);
   vmk_uint32 i = first;
   uint64_t ma;

   if (first > sg->maxElems || n > sg->maxElems - first) {
      return VMK_BAD_PARAM;
   }
   if (size != 0 && emu_machmem_va2ma(va, 1, &ma) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   /* Check the whole buffer before writing anything. */
   {
      uintptr_t p = va;
      vmk_ByteCount left = size;

      while (left != 0) {
         vmk_ByteCount piece = EMU_MM_PAGE_SIZE - (p & (EMU_MM_PAGE_SIZE - 1));

         if (piece > left) {
            piece = left;
         }
         if (emu_machmem_va2ma(p, piece, &ma) != EMU_OK) {
            return VMK_BAD_PARAM;
         }
         p += piece;
         left -= piece;
      }
   }
   while (size != 0) {
      vmk_ByteCount piece = EMU_MM_PAGE_SIZE - (va & (EMU_MM_PAGE_SIZE - 1));

      if (piece > size) {
         piece = size;
      }
      (void)emu_machmem_va2ma(va, piece, &ma);
      sg->elem[i].addr = ma;
      sg->elem[i].length = (vmk_ByteCountSmall)piece;
      sg->elem[i].reserved = 0;
      i++;
      va += piece;
      size -= piece;
   }
   sg->numElems = i;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgInit(vmk_SgOpsHandle handle, vmk_SgArray *sg, void *bufferStart,
           vmk_ByteCount size, vmk_uint32 initSGEntry)
{
   if (handle != NULL &&
       sg_ops(handle, EMU_SG_KIND_MA, "vmk_SgInit", EMU_CALLER()) == NULL) {
      return VMK_BAD_PARAM;
   }
   if (sg == NULL || (bufferStart == NULL && size != 0)) {
      return VMK_BAD_PARAM;
   }
   return sg_init(sg, bufferStart, size, initSGEntry);
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgAllocWithInit(vmk_SgOpsHandle handle, vmk_SgArray **sg,
                    void *bufferStart, vmk_ByteCount size)
{
   const void *ra = EMU_CALLER();
   emu_sg_ops_t *o = sg_ops(handle, EMU_SG_KIND_MA, "vmk_SgAllocWithInit", ra);
   vmk_uint64 n;
   void *a;
   VMK_ReturnStatus vs;
   emu_status_t st;

   if (o == NULL || sg == NULL || bufferStart == NULL || size == 0) {
      return VMK_BAD_PARAM;
   }
   n = sg_pages((uintptr_t)bufferStart, size);
   if (n > VMK_UINT32_MAX) {
      return VMK_BAD_PARAM;
   }
   st = emu_sg_array_alloc(o, (uint32_t)n, ra, &a);
   if (st != EMU_OK) {
      return sg_status(st);
   }
   vs = sg_init(a, bufferStart, size, 0);
   if (vs != VMK_OK) {
      (void)emu_sg_array_free(o, a, ra);
      return vs;
   }
   *sg = a;
   return VMK_OK;
}

EMU_EXPORT vmk_ByteCount
vmk_SgGetDataLen(vmk_SgArray *sgArray)
{
   return emu_sg_data_len(sgArray);
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgFindPosition(vmk_SgArray *sgArray, vmk_ByteCount bufOffset,
                   vmk_SgPosition *position)
{
   uint32_t elem;
   uint32_t off;

   if (sgArray == NULL || position == NULL ||
       sgArray->numElems > sgArray->maxElems) {
      return VMK_BAD_PARAM;
   }
   if (emu_sg_find(sgArray, bufOffset, &elem, &off) != EMU_OK) {
      return VMK_FAILURE;
   }
   position->sg = sgArray;
   position->type = VMK_SG_POSITION_TYPE_ELEMENT;
   position->element.element = elem;
   position->element.offset = off;
   return VMK_OK;
}

/* A position as element + offset; VMK_FAILURE when past the data. */
static VMK_ReturnStatus
sg_resolve(const vmk_SgPosition *pos, uint32_t *elem, uint32_t *off)
{
   const vmk_SgArray *sg = pos->sg;

   if (sg == NULL || sg->numElems > sg->maxElems) {
      return VMK_BAD_PARAM;
   }
   switch (pos->type) {
   case VMK_SG_POSITION_TYPE_BUFFER_OFFSET:
      return emu_sg_find(sg, pos->bufferOffset.offset, elem, off) == EMU_OK
                ? VMK_OK : VMK_FAILURE;
   case VMK_SG_POSITION_TYPE_ELEMENT:
      if (pos->element.element >= sg->numElems ||
          pos->element.offset >= sg->elem[pos->element.element].length) {
         return VMK_FAILURE;
      }
      *elem = pos->element.element;
      *off = pos->element.offset;
      return VMK_OK;
   default:
      return VMK_BAD_PARAM;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgCopyData(vmk_SgPosition *dest, vmk_SgPosition *source,
               vmk_ByteCount bytesToCopy, vmk_ByteCount *totalBytesCopied)
{
   uint32_t de;
   uint32_t doff;
   uint32_t se;
   uint32_t soff;
   uint64_t done = 0;
   VMK_ReturnStatus vs;
   emu_status_t st;

   if (totalBytesCopied != NULL) {
      *totalBytesCopied = 0;
   }
   if (dest == NULL || source == NULL) {
      return VMK_BAD_PARAM;
   }
   if (bytesToCopy == 0) {
      return VMK_OK;
   }
   vs = sg_resolve(dest, &de, &doff);
   if (vs == VMK_OK) {
      vs = sg_resolve(source, &se, &soff);
   }
   if (vs != VMK_OK) {
      return vs;
   }
   st = emu_sg_copy_sg(dest->sg, de, doff, source->sg, se, soff, bytesToCopy,
                       &done);
   if (totalBytesCopied != NULL) {
      *totalBytesCopied = done;
   }
   return st == EMU_OK ? VMK_OK : VMK_FAILURE;
}

static VMK_ReturnStatus
sg_copy_buf(vmk_SgArray *sg, void *buf, vmk_ByteCount len, int to_sg)
{
   uint64_t done;

   if (sg == NULL || (buf == NULL && len != 0) ||
       sg->numElems > sg->maxElems) {
      return VMK_BAD_PARAM;
   }
   if (len == 0) {
      return VMK_OK;
   }
   return emu_sg_copy_buf(sg, 0, 0, buf, len, to_sg, &done) == EMU_OK
             ? VMK_OK : VMK_FAILURE;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgCopyTo(vmk_SgArray *sgArray, void *dataBuffer, vmk_ByteCount dataLen)
{
   return sg_copy_buf(sgArray, dataBuffer, dataLen, 1);
}

EMU_EXPORT VMK_ReturnStatus
vmk_SgCopyFrom(void *dataBuffer, vmk_SgArray *sgArray, vmk_ByteCount dataLen)
{
   return sg_copy_buf(sgArray, dataBuffer, dataLen, 0);
}
