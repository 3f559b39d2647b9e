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
