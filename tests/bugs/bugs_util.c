/*
 * bugs_util.c -- object set-up the corpus drivers share.
 */
#include <string.h>

#include "bugs.h"

vmk_HeapID
bugs_heap(const char *name)
{
   vmk_HeapCreateProps p;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&p, 0, sizeof p);
   p.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&p.name, name);
   p.max = 1 << 20;
   p.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_HeapCreate(&p, &heap) != VMK_OK) {
      return VMK_INVALID_HEAP_ID;
   }
   return heap;
}

vmk_SlabID
bugs_slab(const char *name, vmk_ByteCountSmall size)
{
   vmk_SlabCreateProps p;
   vmk_SlabID slab = VMK_INVALID_SLAB_ID;

   memset(&p, 0, sizeof p);
   p.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&p.name, name);
   p.objSize = size;
   p.alignment = 8;
   p.maxObj = 1024;
   p.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_SlabCreate(&p, &slab) != VMK_OK) {
      return VMK_INVALID_SLAB_ID;
   }
   return slab;
}

vmk_LockDomainID
bugs_domain(const char *name)
{
   vmk_Name n;
   vmk_LockDomainID d = VMK_LOCKDOMAIN_INVALID;

   vmk_NameInitialize(&n, name);
   if (vmk_LockDomainCreate(VMK_INVALID_MODULE_ID, VMK_INVALID_HEAP_ID, &n,
                            &d) != VMK_OK) {
      return VMK_LOCKDOMAIN_INVALID;
   }
   return d;
}

vmk_Lock
bugs_lock(const char *name, vmk_LockDomainID domain, vmk_LockRank rank)
{
   vmk_SpinlockCreateProps p;
   vmk_Lock lock = NULL;

   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, name);
   p.type = VMK_SPINLOCK;
   p.domain = domain;
   p.rank = rank;
   if (vmk_SpinlockCreate(&p, &lock) != VMK_OK) {
      return NULL;
   }
   return lock;
}

VMK_ReturnStatus
bugs_module_begin(bugs_module_t *m)
{
   VMK_ReturnStatus st;

   memset(m, 0, sizeof *m);
   st = vmk_ModuleRegister(&m->id, VMKAPI_REVISION);
   if (st != VMK_OK) {
      return st;
   }
   st = vmk_ModulePushId(m->id, (void *)bugs_module_begin, &m->stack);
   if (st != VMK_OK) {
      vmk_ModuleUnregister(m->id);
   }
   return st;
}

void
bugs_module_end(bugs_module_t *m)
{
   vmk_ModulePopId();
   vmk_ModuleUnregister(m->id);
}

vmk_MemPool
bugs_pool(const char *name)
{
   vmk_MemPoolProps p;
   vmk_MemPool pool = NULL;

   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, name);
   p.memPoolType = VMK_MEM_POOL_LEAF;
   if (vmk_MemPoolCreate(&p, &pool) != VMK_OK) {
      return NULL;
   }
   return pool;
}

/*
 * Pages whose allocating line does not matter to the case: the allocation
 * is recorded as made here.  A case about the pages calls vmk_MemPoolAlloc
 * on its own line.
 */
vmk_MPN
bugs_pages(vmk_MemPool pool, vmk_uint32 n)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   if (vmk_MemPoolAlloc(pool, &ap, &rq) != VMK_OK) {
      return VMK_INVALID_MPN;
   }
   return r.startMPN;
}

void
bugs_pages_free(vmk_MPN mpn, vmk_uint32 n)
{
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r = { mpn, n };

   rq.numPages = n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   vmk_MemPoolFree(&rq);
}
