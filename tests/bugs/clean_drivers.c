/*
 * clean_drivers.c -- correct drivers doing what the bug drivers get wrong:
 * with every debug option on they must raise no report and leave nothing.
 */
#include <string.h>

#include "bugs.h"

static int no_line;

/* Slab objects allocated, written to the last byte, freed once each. */
static void
clean_slab(void)
{
   vmk_SlabID slab = bugs_slab("clean", 40);
   char *objs[64];
   int i;

   for (i = 0; i < 64; i++) {
      objs[i] = vmk_SlabAlloc(slab);
      memset(objs[i], i, 40);
   }
   for (i = 0; i < 64; i++) {
      vmk_SlabFree(slab, objs[i]);
   }
   vmk_SlabDestroy(slab);
}

/* Heap allocations of many sizes, each freed to its own heap. */
static void
clean_heap(void)
{
   vmk_HeapID a = bugs_heap("clean-a");
   vmk_HeapID b = bugs_heap("clean-b");
   void *pa[16];
   void *pb[16];
   int i;

   for (i = 0; i < 16; i++) {
      pa[i] = vmk_HeapAlloc(a, 1 + i * 300);
      pb[i] = vmk_HeapAlign(b, 64 + i, 64);
      memset(pa[i], 0xa5, 1 + i * 300);
   }
   for (i = 15; i >= 0; i--) {
      vmk_HeapFree(a, pa[i]);
      vmk_HeapFree(b, pb[i]);
   }
   vmk_HeapDestroy(b);
   vmk_HeapDestroy(a);
}

/* Ranked locks taken in rank order, released, destroyed unheld. */
static void
clean_locks(void)
{
   vmk_LockDomainID d = bugs_domain("clean");
   vmk_Lock outer = bugs_lock("outer", d, 1);
   vmk_Lock inner = bugs_lock("inner", d, 2);

   vmk_SpinlockLock(outer);
   vmk_SpinlockLock(inner);
   vmk_SpinlockUnlock(inner);
   vmk_SpinlockUnlock(outer);
   vmk_SpinlockDestroy(inner);
   vmk_SpinlockDestroy(outer);
   vmk_LockDomainDestroy(d);
}

/* Sleeping with no spinlock held, a semaphore taken and given back. */
static void
clean_blocking(void)
{
   vmk_Semaphore sem;

   vmk_WorldSleep(10);
   if (vmk_BinarySemaCreate(&sem, VMK_INVALID_MODULE_ID, "clean") == VMK_OK) {
      vmk_SemaLock(&sem);
      vmk_SemaUnlock(&sem);
      vmk_SemaDestroy(&sem);
   }
}

/* Another world's storage looked up and released before it dies. */
static void
clean_storage(void)
{
   vmk_WorldStorageProps props;
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   void *p;

   memset(&props, 0, sizeof props);
   props.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.size = 64;
   props.align = 8;
   if (vmk_WorldStorageCreate(&props, &h) != VMK_OK) {
      return;
   }
   if (EmuCtl_WorldCreateSimulated("clean", &sim) == VMK_OK) {
      if (vmk_WorldStorageLookUp(sim, h, &p) == VMK_OK) {
         memset(p, 1, 64);
         vmk_WorldStorageRelease(sim, &p);
      }
      EmuCtl_WorldKill(sim);
   }
   vmk_WorldStorageDestroy(h);
}

/* A module that creates one of each kind and gives all back in time. */
static void
never_cb(vmk_TimerCookie c)
{
   (void)c;
}

static void
clean_module(void)
{
   bugs_module_t m;
   vmk_MemPool pool = bugs_pool("clean-pool");
   vmk_MPN mpn;
   vmk_MpnRange r;
   vmk_MapRequest mr;
   vmk_VA va;
   vmk_Semaphore sema;
   vmk_LogProperties lp;
   vmk_LogComponent comp;
   vmk_TimerCookie c;
   vmk_Timer t;

   if (pool == NULL) {
      return;
   }
   if (bugs_module_begin(&m) != VMK_OK) {
      vmk_MemPoolDestroy(pool);
      return;
   }
   mpn = bugs_pages(pool, 2);
   if (mpn != VMK_INVALID_MPN) {
      r.startMPN = mpn;
      r.numPages = 2;
      memset(&mr, 0, sizeof mr);
      mr.mapType = VMK_MAPTYPE_DEFAULT;
      mr.mapAttrs = VMK_MAPATTRS_READWRITE;
      mr.numElements = 1;
      mr.mpnRanges = &r;
      if (vmk_Map(m.id, &mr, &va) == VMK_OK) {
         memset((void *)va, 0, 2 * VMK_PAGE_SIZE);
         vmk_Unmap(va);
      }
      bugs_pages_free(mpn, 2);
   }
   if (vmk_SemaCreate(&sema, m.id, "clean-sema", 1) == VMK_OK) {
      vmk_SemaDestroy(&sema);
   }
   memset(&lp, 0, sizeof lp);
   vmk_NameInitialize(&lp.name, "clean-log");
   lp.module = m.id;
   if (vmk_LogRegister(&lp, &comp) == VMK_OK) {
      vmk_LogUnregister(comp);
   }
   c.addr = 0;
   if (vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, never_cb, c, 3600000000ll,
                         VMK_TIMER_DEFAULT_TOLERANCE, VMK_TIMER_ATTR_NONE,
                         VMK_LOCKDOMAIN_INVALID, VMK_SPINLOCK_UNRANKED,
                         &t) == VMK_OK) {
      vmk_TimerCancel(t, VMK_TRUE);
   }
   bugs_module_end(&m);
   vmk_MemPoolDestroy(pool);
}

const bug_case_t clean_slab_case = {
   "clean slab user", 0, "audit,guards,contents", clean_slab, __FILE__,
   &no_line
};
const bug_case_t clean_heap_case = {
   "clean heap user", 0, "audit,guards,contents", clean_heap, __FILE__,
   &no_line
};
const bug_case_t clean_locks_case = {
   "clean lock user", 0, NULL, clean_locks, __FILE__, &no_line
};
const bug_case_t clean_blocking_case = {
   "clean blocking", 0, NULL, clean_blocking, __FILE__, &no_line
};
const bug_case_t clean_storage_case = {
   "clean storage user", 0, NULL, clean_storage, __FILE__, &no_line
};
const bug_case_t clean_module_case = {
   "clean module, every kind given back", 0, NULL, clean_module, __FILE__,
   &no_line
};
