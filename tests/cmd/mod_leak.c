/*
 * mod_leak.c -- a test module that creates one resource of each kind in
 * init_module and "forgets" to free those named by its leak parameter in
 * cleanup_module, so that tests/cmd/vmkemu.sh can check `vmkemu load`
 * lists each kind by name.
 *
 *    leak=log (default)   its log component
 *    leak=heap            its heap, with one live allocation in it
 *    leak=heapalloc       one allocation; the heap is destroyed anyway
 *                         (a LEAK report from vmk_HeapDestroy)
 *    leak=slab            its slab cache, with one object out
 *    leak=lock            its spinlock
 *    leak=sema            its semaphore
 *    leak=timer           its periodic timer (never cancelled)
 *    leak=storage         its world-storage handle
 *    leak=pool            its memory pool
 *    leak=pages           the page it took from the pool (so the pool
 *                         cannot be destroyed either)
 *    leak=map             its mapping of that page (never unmapped)
 *    leak=world           its worker world (never told to stop)
 *    leak=none            nothing
 * Several may be given, separated by commas (leak=heap,lock).
 */
#include "vmkapi.h"

int init_module(void);
void cleanup_module(void);

static char leak[64] = "log";
VMK_MODPARAM_STRING(leak, sizeof leak, "resources to leave behind");

static vmk_LogComponent mod_leak_log;
static vmk_HeapID mod_leak_heap;
static void *mod_leak_alloc;
static vmk_SlabID mod_leak_slab;
static void *mod_leak_obj;
static vmk_Lock mod_leak_lock;
static vmk_Semaphore mod_leak_sema;
static vmk_Timer mod_leak_timer;
static vmk_WorldStorageHandle mod_leak_storage;
static vmk_MemPool mod_leak_pool;
static vmk_MpnRange mod_leak_range;
static vmk_VA mod_leak_va;
static vmk_WorldID mod_leak_world = VMK_INVALID_WORLD_ID;
static int mod_leak_event;

/* The worker: sleeps until it is told to die. */
static VMK_ReturnStatus
mod_leak_worker(void *data)
{
   (void)data;
   while (vmk_WorldWait((vmk_WorldEventID)&mod_leak_event, VMK_LOCK_INVALID,
                        VMK_TIMEOUT_UNLIMITED_MS, "mod_leak: idle") !=
          VMK_DEATH_PENDING) {
   }
   return VMK_OK;
}

/* Is word one of the comma-separated words of leak? */
static vmk_Bool
leaks(const char *word)
{
   const char *p = leak;
   vmk_ByteCount n = vmk_Strnlen(word, 32);

   while (*p != '\0') {
      if (vmk_Strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == '\0')) {
         return VMK_TRUE;
      }
      while (*p != '\0' && *p != ',') {
         p++;
      }
      if (*p == ',') {
         p++;
      }
   }
   return VMK_FALSE;
}

static void
mod_leak_tick(vmk_TimerCookie cookie)
{
   (void)cookie;
}

int
init_module(void)
{
   vmk_LogProperties lp;
   vmk_HeapCreateProps hp;
   vmk_SlabCreateProps sp;
   vmk_SpinlockCreateProps kp;
   vmk_WorldStorageProps wp;
   vmk_MemPoolProps mp;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MapRequest mr;
   vmk_WorldProps wo;
   vmk_TimerCookie cookie;
   VMK_ReturnStatus status;

   vmk_Memset(&lp, 0, sizeof lp);
   vmk_NameInitialize(&lp.name, "mod_leak_log");
   lp.module = vmk_ModuleCurrentID;
   lp.heap = VMK_INVALID_HEAP_ID;
   status = vmk_LogRegister(&lp, &mod_leak_log);
   if (status != VMK_OK) {
      return status;
   }

   vmk_Memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "mod_leak_heap");
   hp.module = vmk_ModuleCurrentID;
   hp.initial = 0;
   hp.max = 64 * 1024;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   status = vmk_HeapCreate(&hp, &mod_leak_heap);
   if (status != VMK_OK) {
      return status;
   }
   mod_leak_alloc = vmk_HeapAlloc(mod_leak_heap, 100);
   if (mod_leak_alloc == NULL) {
      return VMK_NO_MEMORY;
   }

   vmk_Memset(&sp, 0, sizeof sp);
   sp.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&sp.name, "mod_leak_slab");
   sp.module = vmk_ModuleCurrentID;
   sp.objSize = 200;
   sp.alignment = 8;
   sp.ctrlOffset = 0;
   sp.minObj = 0;
   sp.maxObj = VMK_SLAB_MAX_UNLIMITED;
   sp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   status = vmk_SlabCreate(&sp, &mod_leak_slab);
   if (status != VMK_OK) {
      return status;
   }
   mod_leak_obj = vmk_SlabAlloc(mod_leak_slab);
   if (mod_leak_obj == NULL) {
      return VMK_NO_MEMORY;
   }

   vmk_Memset(&kp, 0, sizeof kp);
   kp.moduleID = vmk_ModuleCurrentID;
   kp.heapID = mod_leak_heap;
   vmk_NameInitialize(&kp.name, "mod_leak_lock");
   kp.type = VMK_SPINLOCK;
   kp.domain = VMK_LOCKDOMAIN_INVALID;
   kp.rank = VMK_SPINLOCK_UNRANKED;
   status = vmk_SpinlockCreate(&kp, &mod_leak_lock);
   if (status != VMK_OK) {
      return status;
   }

   status = vmk_SemaCreate(&mod_leak_sema, vmk_ModuleCurrentID,
                           "mod_leak_sema", 1);
   if (status != VMK_OK) {
      return status;
   }

   cookie.ptr = NULL;
   status = vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, mod_leak_tick, cookie,
                              1000 * 1000, 0, VMK_TIMER_ATTR_PERIODIC,
                              VMK_LOCKDOMAIN_INVALID, VMK_SPINLOCK_UNRANKED,
                              &mod_leak_timer);
   if (status != VMK_OK) {
      return status;
   }

   vmk_Memset(&wp, 0, sizeof wp);
   wp.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   wp.moduleID = vmk_ModuleCurrentID;
   wp.size = 64;
   wp.align = 8;
   status = vmk_WorldStorageCreate(&wp, &mod_leak_storage);
   if (status != VMK_OK) {
      return status;
   }

   vmk_Memset(&mp, 0, sizeof mp);
   vmk_NameInitialize(&mp.name, "mod_leak_pool");
   mp.module = vmk_ModuleCurrentID;
   mp.parentMemPool = VMK_MEMPOOL_INVALID;
   mp.memPoolType = VMK_MEM_POOL_LEAF;
   mp.resourceProps.reservation = 0;
   mp.resourceProps.limit = 16;
   status = vmk_MemPoolCreate(&mp, &mod_leak_pool);
   if (status != VMK_OK) {
      return status;
   }

   vmk_Memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = 1;
   rq.numElements = 1;
   rq.mpnRanges = &mod_leak_range;
   status = vmk_MemPoolAlloc(mod_leak_pool, &ap, &rq);
   if (status != VMK_OK) {
      return status;
   }
   vmk_Memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.mapAttrs = VMK_MAPATTRS_READWRITE;
   mr.numElements = 1;
   mr.mpnRanges = &mod_leak_range;
   status = vmk_Map(vmk_ModuleCurrentID, &mr, &mod_leak_va);
   if (status != VMK_OK) {
      return status;
   }

   if (leaks("world")) {
      vmk_Memset(&wo, 0, sizeof wo);
      wo.name = "mod_leak_worker";
      wo.moduleID = vmk_ModuleCurrentID;
      wo.startFunction = mod_leak_worker;
      wo.data = NULL;
      wo.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
      wo.heapID = VMK_INVALID_HEAP_ID;
      status = vmk_WorldCreate(&wo, &mod_leak_world);
   }
   return status;
}

void
cleanup_module(void)
{
   vmk_MemPoolAllocRequest rq;

   vmk_LogMessage("mod_leak: cleanup leaves behind: %s", leak);
   if (!leaks("map")) {
      vmk_Unmap(mod_leak_va);
   }
   if (!leaks("pages")) {
      rq.numPages = 1;
      rq.numElements = 1;
      rq.mpnRanges = &mod_leak_range;
      vmk_MemPoolFree(&rq);
   }
   if (!leaks("pool")) {
      vmk_MemPoolDestroy(mod_leak_pool);
   }
   if (!leaks("storage")) {
      vmk_WorldStorageDestroy(mod_leak_storage);
   }
   if (!leaks("timer")) {
      vmk_TimerCancel(mod_leak_timer, VMK_TRUE);
   }
   if (!leaks("sema")) {
      vmk_SemaDestroy(&mod_leak_sema);
   }
   if (!leaks("lock")) {
      vmk_SpinlockDestroy(mod_leak_lock);
   }
   if (!leaks("slab")) {
      vmk_SlabFree(mod_leak_slab, mod_leak_obj);
      vmk_SlabDestroy(mod_leak_slab);
   }
   if (!leaks("heap")) {
      if (!leaks("heapalloc")) {
         vmk_HeapFree(mod_leak_heap, mod_leak_alloc);
      }
      vmk_HeapDestroy(mod_leak_heap);
   }
   if (!leaks("log")) {
      vmk_LogUnregister(mod_leak_log);
   }
}
