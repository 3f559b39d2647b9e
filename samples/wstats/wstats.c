/*
 * wstats.c -- a per-world statistics driver: what a driver author learns here.
 *
 *  - World storage (vmk_WorldStorageCreate): one counter block per world,
 *    with no lock on the hot path.  The constructor stamps each world's
 *    block (it runs for every live world at create and for each world made
 *    later); the destructor runs when a world dies and folds that world's
 *    count into a "retired" total, so no event is ever lost or counted
 *    twice.
 *  - Reading another world's block safely: vmk_WorldStorageLookUp holds it
 *    alive until vmk_WorldStorageRelease, even if the world is dying.
 *  - Worker worlds (vmk_WorldCreate) that sleep on an event and are woken
 *    for work (vmk_WorldWait / vmk_WorldWakeup).  The condition is checked
 *    under a spinlock that vmk_WorldWait drops atomically with going to
 *    sleep, so a wakeup is never lost; vmk_WorldWait returns without the
 *    lock, so the loop takes it again.
 *  - An orderly stop in cleanup_module: flag, wake, vmk_WorldWaitForDeath
 *    for every worker before freeing what they touch.
 *  - An init_module whose every failure point unwinds what it set up
 *    before (one label per step, in reverse order).
 *
 * Build and run (vmkemu_scenario posts work to the workers and checks the
 * per-world counts add up):
 *    cc -shared -fPIC $(pkg-config --cflags vmkemu) wstats.c -o wstats.so
 *    vmkemu load ./wstats.so wstats_workers=4
 */
#include "vmkapi.h"

VMK_VERSION_INFO("1.0");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_BSD);

/* Stamped into each world's block by the constructor. */
#define WSTATS_MAGIC 0x57535431u       /* "WST1" */
/* Most worker worlds and most worlds the report tracks. */
#define WSTATS_MAX_WORKERS 8
#define WSTATS_MAX_TRACKED 64

/* One per world, in world storage. */
typedef struct WstatsWorld {
   vmk_uint32 magic;                  /* WSTATS_MAGIC once constructed */
   vmk_WorldID world;                 /* the world it belongs to */
   vmk_atomic64 events;               /* bumped only by its own world */
   vmk_Bool tracked;                  /* listed in ws.tracked[] */
} WstatsWorld;

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
VMK_ReturnStatus wstats_event(void);
VMK_ReturnStatus wstats_world_events(vmk_WorldID world, vmk_uint64 *events);
VMK_ReturnStatus wstats_report(vmk_uint64 *liveSum, vmk_uint64 *retired,
                               vmk_uint32 *worlds);
VMK_ReturnStatus wstats_post(vmk_uint32 n);
VMK_ReturnStatus wstats_wait_idle(vmk_uint32 timeoutMS);
vmk_uint64 wstats_ctor_count(void);
vmk_uint64 wstats_dtor_count(void);
vmk_uint32 wstats_num_workers(void);

/* Worker worlds started by init_module (module parameter). */
int wstats_workers = 2;
VMK_MODPARAM(wstats_workers, int, "worker worlds (0 to 8)");

static struct {
   vmk_Bool live;
   vmk_ModuleID module;
   vmk_LogComponent log;
   vmk_Lock lock;                     /* protects everything below */
   vmk_WorldStorageHandle storage;
   vmk_WorldID workers[WSTATS_MAX_WORKERS];
   vmk_uint32 nworkers;
   vmk_Bool stop;                     /* workers exit when set */
   vmk_uint64 pending;                /* posted, not yet taken (event) */
   vmk_uint64 posted;
   vmk_uint64 processed;              /* (event for wstats_wait_idle) */
   vmk_WorldID tracked[WSTATS_MAX_TRACKED];
   vmk_uint32 ntracked;
   vmk_uint64 retired;                /* events of worlds that died */
   vmk_atomic64 ctors;
   vmk_atomic64 dtors;
} ws;

static VMK_ReturnStatus
wstats_ctor(vmk_WorldID world, void *data, vmk_ByteCountSmall size,
            vmk_AddrCookie arg)
{
   WstatsWorld *w = data;

   (void)arg;
   vmk_Memset(w, 0, size);
   w->magic = WSTATS_MAGIC;
   w->world = world;
   vmk_AtomicInc64(&ws.ctors);
   return VMK_OK;
}

/* A world dies (or the storage goes): keep its count, forget the world. */
static void
wstats_dtor(vmk_WorldID world, void *data, vmk_ByteCountSmall size,
            vmk_AddrCookie arg)
{
   WstatsWorld *w = data;
   vmk_uint32 i;

   (void)size;
   (void)arg;
   vmk_SpinlockLock(ws.lock);
   ws.retired += vmk_AtomicRead64(&w->events);
   if (w->tracked) {
      for (i = 0; i < ws.ntracked; i++) {
         if (ws.tracked[i] == world) {
            ws.tracked[i] = ws.tracked[--ws.ntracked];
            break;
         }
      }
   }
   vmk_SpinlockUnlock(ws.lock);
   w->magic = 0;
   vmk_AtomicInc64(&ws.dtors);
}

/* Count one event for the calling world: no lock but on its first one. */
VMK_ReturnStatus
wstats_event(void)
{
   WstatsWorld *w;
   VMK_ReturnStatus status;

   if (!ws.live) {
      return VMK_NOT_INITIALIZED;
   }
   status = vmk_WorldStorageLookUpLocal(ws.storage, (void **)&w);
   if (status != VMK_OK) {
      return status;
   }
   if (!w->tracked) {
      vmk_SpinlockLock(ws.lock);
      if (ws.ntracked == WSTATS_MAX_TRACKED) {
         vmk_SpinlockUnlock(ws.lock);
         return VMK_LIMIT_EXCEEDED;
      }
      ws.tracked[ws.ntracked++] = w->world;
      w->tracked = VMK_TRUE;
      vmk_SpinlockUnlock(ws.lock);
   }
   vmk_AtomicInc64(&w->events);
   return VMK_OK;
}

/* One world's count, read from that world's block under a reference. */
VMK_ReturnStatus
wstats_world_events(vmk_WorldID world, vmk_uint64 *events)
{
   WstatsWorld *w;
   VMK_ReturnStatus status;

   if (!ws.live) {
      return VMK_NOT_INITIALIZED;
   }
   if (events == NULL) {
      return VMK_BAD_PARAM;
   }
   status = vmk_WorldStorageLookUp(world, ws.storage, (void **)&w);
   if (status != VMK_OK) {
      return status;
   }
   *events = vmk_AtomicRead64(&w->events);
   return vmk_WorldStorageRelease(world, (void **)&w);
}

/*
 * Sum every live world's count, and give the count of worlds that died.
 * The lock makes it one snapshot: a dying world is either still listed
 * (and not yet retired) or retired (and no longer listed).
 */
VMK_ReturnStatus
wstats_report(vmk_uint64 *liveSum, vmk_uint64 *retired, vmk_uint32 *worlds)
{
   vmk_uint64 sum = 0;
   vmk_uint64 n;
   vmk_uint32 i;
   vmk_uint32 seen = 0;

   if (!ws.live) {
      return VMK_NOT_INITIALIZED;
   }
   if (liveSum == NULL) {
      return VMK_BAD_PARAM;
   }
   vmk_SpinlockLock(ws.lock);
   for (i = 0; i < ws.ntracked; i++) {
      if (wstats_world_events(ws.tracked[i], &n) == VMK_OK) {
         sum += n;
         seen++;
      }
   }
   if (retired != NULL) {
      *retired = ws.retired;
   }
   vmk_SpinlockUnlock(ws.lock);
   *liveSum = sum;
   if (worlds != NULL) {
      *worlds = seen;
   }
   return VMK_OK;
}

/* A worker: sleep until there is work or a stop, count one event a job. */
static VMK_ReturnStatus
wstats_worker(void *data)
{
   VMK_ReturnStatus status;

   (void)data;
   for (;;) {
      vmk_SpinlockLock(ws.lock);
      while (!ws.stop && ws.pending == 0) {
         /* Drops the lock atomically with going to sleep; wakes unlocked. */
         status = vmk_WorldWait((vmk_WorldEventID)&ws.pending, ws.lock,
                                VMK_TIMEOUT_UNLIMITED_MS, "wstats: no work");
         vmk_SpinlockLock(ws.lock);
         if (status == VMK_DEATH_PENDING) {
            ws.stop = VMK_TRUE;
         }
      }
      if (ws.stop) {
         vmk_SpinlockUnlock(ws.lock);
         return VMK_OK;
      }
      ws.pending--;
      vmk_SpinlockUnlock(ws.lock);

      (void)wstats_event();

      vmk_SpinlockLock(ws.lock);
      ws.processed++;
      vmk_SpinlockUnlock(ws.lock);
      (void)vmk_WorldWakeup((vmk_WorldEventID)&ws.processed);
   }
}

/* Hand n jobs to the workers. */
VMK_ReturnStatus
wstats_post(vmk_uint32 n)
{
   if (!ws.live) {
      return VMK_NOT_INITIALIZED;
   }
   if (ws.nworkers == 0) {
      return VMK_NOT_SUPPORTED;
   }
   vmk_SpinlockLock(ws.lock);
   ws.pending += n;
   ws.posted += n;
   vmk_SpinlockUnlock(ws.lock);
   /* VMK_NOT_FOUND just means every worker is busy: they recheck. */
   (void)vmk_WorldWakeup((vmk_WorldEventID)&ws.pending);
   return VMK_OK;
}

/* Wait until every posted job is done; each wait lasts up to timeoutMS. */
VMK_ReturnStatus
wstats_wait_idle(vmk_uint32 timeoutMS)
{
   VMK_ReturnStatus status;

   if (!ws.live) {
      return VMK_NOT_INITIALIZED;
   }
   vmk_SpinlockLock(ws.lock);
   while (ws.processed != ws.posted) {
      status = vmk_WorldWait((vmk_WorldEventID)&ws.processed, ws.lock,
                             timeoutMS, "wstats: idle");
      if (status != VMK_OK) {
         return status;              /* the wait released the lock */
      }
      vmk_SpinlockLock(ws.lock);
   }
   vmk_SpinlockUnlock(ws.lock);
   return VMK_OK;
}

vmk_uint64
wstats_ctor_count(void)
{
   return vmk_AtomicRead64(&ws.ctors);
}

vmk_uint64
wstats_dtor_count(void)
{
   return vmk_AtomicRead64(&ws.dtors);
}

vmk_uint32
wstats_num_workers(void)
{
   return ws.live ? ws.nworkers : 0;
}

/* Ask every worker to stop and wait until each one is gone. */
static void
wstats_stop_workers(void)
{
   vmk_uint32 i;

   vmk_SpinlockLock(ws.lock);
   ws.stop = VMK_TRUE;
   vmk_SpinlockUnlock(ws.lock);
   (void)vmk_WorldWakeup((vmk_WorldEventID)&ws.pending);
   for (i = 0; i < ws.nworkers; i++) {
      (void)vmk_WorldWaitForDeath(ws.workers[i]);
   }
   ws.nworkers = 0;
}

static VMK_ReturnStatus
wstats_start_workers(vmk_uint32 n)
{
   vmk_WorldProps props;
   VMK_ReturnStatus status;

   vmk_Memset(&props, 0, sizeof props);
   props.name = "wstats-worker";
   props.moduleID = ws.module;
   props.startFunction = wstats_worker;
   props.data = NULL;
   props.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   props.heapID = VMK_INVALID_HEAP_ID;
   while (ws.nworkers < n) {
      status = vmk_WorldCreate(&props, &ws.workers[ws.nworkers]);
      if (status != VMK_OK) {
         wstats_stop_workers();      /* the ones already running */
         return status;
      }
      ws.nworkers++;
   }
   return VMK_OK;
}

static VMK_ReturnStatus
wstats_log_create(void)
{
   vmk_LogProperties props;

   vmk_Memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "wstats");
   props.module = ws.module;
   props.heap = VMK_INVALID_HEAP_ID;
   props.defaultLevel = 0;
   return vmk_LogRegister(&props, &ws.log);
}

static VMK_ReturnStatus
wstats_lock_create(void)
{
   vmk_SpinlockCreateProps props;

   vmk_Memset(&props, 0, sizeof props);
   props.moduleID = ws.module;
   props.heapID = VMK_INVALID_HEAP_ID;
   vmk_NameInitialize(&props.name, "wstats-lock");
   props.type = VMK_SPINLOCK;
   props.domain = VMK_LOCKDOMAIN_INVALID;
   props.rank = VMK_SPINLOCK_UNRANKED;
   return vmk_SpinlockCreate(&props, &ws.lock);
}

static VMK_ReturnStatus
wstats_storage_create(void)
{
   vmk_WorldStorageProps props;

   vmk_Memset(&props, 0, sizeof props);
   props.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   props.moduleID = ws.module;
   props.size = sizeof(WstatsWorld);
   props.align = 8;
   props.constructor = wstats_ctor;
   props.destructor = wstats_dtor;
   props.arg.ptr = NULL;
   return vmk_WorldStorageCreate(&props, &ws.storage);
}

int
init_module(void)
{
   VMK_ReturnStatus status;

   if (ws.live) {
      return VMK_EXISTS;
   }
   if (wstats_workers < 0 || wstats_workers > WSTATS_MAX_WORKERS) {
      vmk_WarningMessage("wstats: wstats_workers=%d is not 0..%d",
                         wstats_workers, WSTATS_MAX_WORKERS);
      return VMK_BAD_PARAM;
   }
   ws.nworkers = 0;
   ws.stop = VMK_FALSE;
   ws.pending = ws.posted = ws.processed = 0;
   ws.ntracked = 0;
   ws.retired = 0;
   vmk_AtomicWrite64(&ws.ctors, 0);
   vmk_AtomicWrite64(&ws.dtors, 0);

   status = vmk_ModuleRegister(&ws.module, VMKAPI_REVISION);
   if (status != VMK_OK) {
      vmk_WarningMessage("wstats: module register failed: %s",
                         vmk_StatusToString(status));
      goto fail;
   }
   status = wstats_log_create();
   if (status != VMK_OK) {
      vmk_WarningMessage("wstats: log component: %s",
                         vmk_StatusToString(status));
      goto fail_module;
   }
   status = wstats_lock_create();
   if (status != VMK_OK) {
      vmk_Warning(ws.log, "lock create failed: %s",
                  vmk_StatusToString(status));
      goto fail_log;
   }
   status = wstats_storage_create();
   if (status != VMK_OK) {
      vmk_Warning(ws.log, "world storage create failed: %s",
                  vmk_StatusToString(status));
      goto fail_lock;
   }
   /* Workers use ws.live (through wstats_event): set it before they run. */
   ws.live = VMK_TRUE;
   status = wstats_start_workers((vmk_uint32)wstats_workers);
   if (status != VMK_OK) {
      vmk_Warning(ws.log, "worker create failed: %s",
                  vmk_StatusToString(status));
      ws.live = VMK_FALSE;
      goto fail_storage;
   }
   vmk_Log(ws.log, "ready: %u workers", ws.nworkers);
   return VMK_OK;

fail_storage:
   vmk_WorldStorageDestroy(ws.storage);
fail_lock:
   vmk_SpinlockDestroy(ws.lock);
fail_log:
   vmk_LogUnregister(ws.log);
fail_module:
   vmk_ModuleUnregister(ws.module);
fail:
   return status;
}

void
cleanup_module(void)
{
   vmk_uint64 sum = 0;
   vmk_uint64 retired = 0;

   if (!ws.live) {
      return;
   }
   wstats_stop_workers();
   (void)wstats_report(&sum, &retired, NULL);
   vmk_Log(ws.log, "unloading: %lu events in live worlds, %lu in dead ones",
           (unsigned long)sum, (unsigned long)retired);
   ws.live = VMK_FALSE;
   /* Runs the destructor in every world still alive. */
   vmk_WorldStorageDestroy(ws.storage);
   vmk_SpinlockDestroy(ws.lock);
   vmk_LogUnregister(ws.log);
   vmk_ModuleUnregister(ws.module);
}

/* Post work to the workers, count some events here too, check the sum. */
int
vmkemu_scenario(void)
{
   vmk_uint64 sum;
   vmk_uint64 retired;
   vmk_uint64 mine;
   vmk_uint32 worlds;
   vmk_uint32 jobs = 100;
   vmk_uint32 i;

   for (i = 0; i < 10; i++) {
      if (wstats_event() != VMK_OK) {
         return 1;
      }
   }
   if (ws.nworkers == 0) {
      jobs = 0;
   } else if (wstats_post(jobs) != VMK_OK) {
      return 2;
   }
   if (wstats_wait_idle(10000) != VMK_OK) {
      return 3;
   }
   if (wstats_report(&sum, &retired, &worlds) != VMK_OK) {
      return 4;
   }
   if (sum + retired != jobs + 10) {
      vmk_Warning(ws.log, "sum %lu + retired %lu, expected %u",
                  (unsigned long)sum, (unsigned long)retired, jobs + 10);
      return 5;
   }
   if (wstats_world_events(vmk_WorldGetID(), &mine) != VMK_OK ||
       mine != 10) {
      return 6;
   }
   vmk_Log(ws.log, "scenario: %lu events over %u worlds", (unsigned long)sum,
           worlds);
   return 0;
}
