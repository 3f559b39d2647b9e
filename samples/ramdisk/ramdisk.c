/*
 * ramdisk.c -- a RAM-disk block driver: what a driver author learns here.
 *
 *  - Machine memory the ESXi way: a memory pool with a page limit
 *    (vmk_MemPoolCreate), pages taken from it (vmk_MemPoolAlloc) and mapped
 *    into a virtual range (vmk_Map).  Asking for more than the limit fails
 *    with a status (VMK_LIMIT_EXCEEDED), not a crash.
 *  - A private heap for per-request structures (vmk_HeapCreate/HeapAlloc).
 *  - A spinlock protecting the disk against the timer callback.
 *  - A periodic timer (vmk_TimerSchedule, VMK_TIMER_ATTR_PERIODIC) that
 *    "writes back" dirty blocks and counts its runs.
 *  - An init_module whose every failure point unwinds what was set up
 *    before it (one label per step, in reverse order), and a cleanup_module
 *    that cancels the timer before freeing what the timer touches.
 *  - I/O entry points that check their arguments and bounds and return
 *    VMK_BAD_PARAM / VMK_NO_MEMORY / VMK_NOT_INITIALIZED instead of trusting
 *    the caller.
 *
 * Build and run (vmkemu_scenario writes and verifies every block):
 *    cc -shared -fPIC $(pkg-config --cflags vmkemu) ramdisk.c -o ramdisk.so
 *    vmkemu load ./ramdisk.so ramdisk_blocks=256
 */
#include "vmkapi.h"

/* Bytes per block; a page holds RAMDISK_BLOCKS_PER_PAGE blocks. */
#define RAMDISK_BLOCK_SIZE 512
#define RAMDISK_BLOCKS_PER_PAGE (VMK_PAGE_SIZE / RAMDISK_BLOCK_SIZE)
/* The memory pool never holds more than this many pages (1 MiB). */
#define RAMDISK_POOL_LIMIT_PAGES 256
/* Period of the writeback timer. */
#define RAMDISK_FLUSH_PERIOD_US 10000
/* Room for the lock and a few in-flight requests. */
#define RAMDISK_HEAP_BYTES (16 * 1024)

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
VMK_ReturnStatus ramdisk_read(vmk_uint64 lba, vmk_uint32 nblocks, void *buf);
VMK_ReturnStatus ramdisk_write(vmk_uint64 lba, vmk_uint32 nblocks,
                               const void *buf);
vmk_uint64 ramdisk_num_blocks(void);
vmk_uint64 ramdisk_flush_count(void);
vmk_uint64 ramdisk_writeback_count(void);

/* Size of the disk in blocks (a module parameter; tests set it directly). */
int ramdisk_blocks = 64;
VMK_MODPARAM(ramdisk_blocks, int, "disk size in 512-byte blocks");

/* One I/O request, allocated from the driver's heap while it runs. */
typedef struct RamdiskRequest {
   vmk_uint64 lba;
   vmk_uint32 nblocks;
   vmk_Bool write;
} RamdiskRequest;

static struct {
   vmk_Bool live;
   vmk_MemPool pool;
   vmk_MpnRange range;        /* the disk's pages, one contiguous range */
   vmk_VA va;                 /* where they are mapped */
   vmk_uint64 nblocks;
   vmk_HeapID heap;
   vmk_Lock lock;             /* protects the data and the counters below */
   vmk_Timer timer;
   vmk_uint64 dirtyBlocks;    /* written since the last writeback */
   vmk_uint64 flushes;        /* timer runs */
   vmk_uint64 writebacks;     /* blocks written back */
} rd;

/* The periodic timer: pretend to write dirty blocks to backing store. */
static void
ramdisk_flush(vmk_TimerCookie cookie)
{
   (void)cookie;
   vmk_SpinlockLock(rd.lock);
   rd.flushes++;
   rd.writebacks += rd.dirtyBlocks;
   rd.dirtyBlocks = 0;
   vmk_SpinlockUnlock(rd.lock);
}

static VMK_ReturnStatus
ramdisk_pool_create(vmk_uint32 limitPages)
{
   vmk_MemPoolProps props;

   vmk_Memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "ramdisk");
   props.module = vmk_ModuleCurrentID;
   props.parentMemPool = VMK_MEMPOOL_INVALID;
   props.memPoolType = VMK_MEM_POOL_LEAF;
   props.resourceProps.reservation = 0;
   props.resourceProps.limit = limitPages;
   return vmk_MemPoolCreate(&props, &rd.pool);
}

static VMK_ReturnStatus
ramdisk_pages_alloc(vmk_uint32 npages)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;

   vmk_Memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_ANY;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = npages;
   rq.numElements = 1;
   rq.mpnRanges = &rd.range;
   return vmk_MemPoolAlloc(rd.pool, &ap, &rq);
}

static void
ramdisk_pages_free(void)
{
   vmk_MemPoolAllocRequest rq;

   rq.numPages = rd.range.numPages;
   rq.numElements = 1;
   rq.mpnRanges = &rd.range;
   vmk_MemPoolFree(&rq);
}

static VMK_ReturnStatus
ramdisk_map(void)
{
   vmk_MapRequest mr;

   vmk_Memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.mapAttrs = VMK_MAPATTRS_READWRITE;
   mr.numElements = 1;
   mr.mpnRanges = &rd.range;
   return vmk_Map(vmk_ModuleCurrentID, &mr, &rd.va);
}

static VMK_ReturnStatus
ramdisk_heap_create(void)
{
   vmk_HeapCreateProps props;

   vmk_Memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "ramdisk-req");
   props.module = vmk_ModuleCurrentID;
   props.initial = RAMDISK_HEAP_BYTES;
   props.max = RAMDISK_HEAP_BYTES;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   return vmk_HeapCreate(&props, &rd.heap);
}

static VMK_ReturnStatus
ramdisk_lock_create(void)
{
   vmk_SpinlockCreateProps props;

   vmk_Memset(&props, 0, sizeof props);
   props.moduleID = vmk_ModuleCurrentID;
   props.heapID = rd.heap;
   vmk_NameInitialize(&props.name, "ramdisk-lock");
   props.type = VMK_SPINLOCK;
   props.domain = VMK_LOCKDOMAIN_INVALID;
   props.rank = VMK_SPINLOCK_UNRANKED;
   return vmk_SpinlockCreate(&props, &rd.lock);
}

int
init_module(void)
{
   VMK_ReturnStatus status;
   vmk_TimerCookie cookie;
   vmk_uint64 npages;

   if (rd.live) {
      return VMK_EXISTS;
   }
   if (ramdisk_blocks <= 0) {
      vmk_WarningMessage("ramdisk: ramdisk_blocks=%d is not a size",
                         ramdisk_blocks);
      return VMK_BAD_PARAM;
   }
   rd.nblocks = (vmk_uint64)ramdisk_blocks;
   npages = (rd.nblocks + RAMDISK_BLOCKS_PER_PAGE - 1) /
            RAMDISK_BLOCKS_PER_PAGE;
   rd.dirtyBlocks = rd.flushes = rd.writebacks = 0;

   status = ramdisk_pool_create(RAMDISK_POOL_LIMIT_PAGES);
   if (status != VMK_OK) {
      goto fail;
   }
   status = ramdisk_pages_alloc((vmk_uint32)npages);
   if (status != VMK_OK) {
      goto fail_pool;
   }
   status = ramdisk_map();
   if (status != VMK_OK) {
      goto fail_pages;
   }
   status = ramdisk_heap_create();
   if (status != VMK_OK) {
      goto fail_map;
   }
   status = ramdisk_lock_create();
   if (status != VMK_OK) {
      goto fail_heap;
   }
   cookie.ptr = &rd;
   status = vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, ramdisk_flush, cookie,
                              RAMDISK_FLUSH_PERIOD_US, 0,
                              VMK_TIMER_ATTR_PERIODIC, VMK_LOCKDOMAIN_INVALID,
                              VMK_SPINLOCK_UNRANKED, &rd.timer);
   if (status != VMK_OK) {
      goto fail_lock;
   }
   rd.live = VMK_TRUE;
   vmk_LogMessage("ramdisk: %lu blocks (%lu pages) at 0x%lx",
                  (unsigned long)rd.nblocks, (unsigned long)npages,
                  (unsigned long)rd.va);
   return VMK_OK;

fail_lock:
   vmk_SpinlockDestroy(rd.lock);
fail_heap:
   vmk_HeapDestroy(rd.heap);
fail_map:
   vmk_Unmap(rd.va);
fail_pages:
   ramdisk_pages_free();
fail_pool:
   vmk_MemPoolDestroy(rd.pool);
fail:
   vmk_WarningMessage("ramdisk: init failed: %s", vmk_StatusToString(status));
   return status;
}

void
cleanup_module(void)
{
   if (!rd.live) {
      return;
   }
   /* The timer uses the lock: stop it (waiting for a running callback). */
   vmk_TimerCancel(rd.timer, VMK_TRUE);
   vmk_LogMessage("ramdisk: unloading after %lu flushes, %lu blocks written "
                  "back", (unsigned long)rd.flushes,
                  (unsigned long)rd.writebacks);
   vmk_SpinlockDestroy(rd.lock);
   vmk_HeapDestroy(rd.heap);
   vmk_Unmap(rd.va);
   ramdisk_pages_free();
   vmk_MemPoolDestroy(rd.pool);
   rd.live = VMK_FALSE;
}

static VMK_ReturnStatus
ramdisk_io(vmk_uint64 lba, vmk_uint32 nblocks, void *buf, vmk_Bool write)
{
   RamdiskRequest *req;
   char *disk;
   vmk_uint64 off;
   vmk_uint64 len;

   if (!rd.live) {
      return VMK_NOT_INITIALIZED;
   }
   if (buf == NULL || nblocks == 0 || lba >= rd.nblocks ||
       nblocks > rd.nblocks - lba) {
      return VMK_BAD_PARAM;
   }
   req = vmk_HeapAlloc(rd.heap, sizeof *req);
   if (req == NULL) {
      return VMK_NO_MEMORY;
   }
   req->lba = lba;
   req->nblocks = nblocks;
   req->write = write;

   disk = (char *)(vmk_uintptr_t)rd.va;
   off = req->lba * RAMDISK_BLOCK_SIZE;
   len = (vmk_uint64)req->nblocks * RAMDISK_BLOCK_SIZE;
   vmk_SpinlockLock(rd.lock);
   if (req->write) {
      vmk_Memcpy(disk + off, buf, len);
      rd.dirtyBlocks += req->nblocks;
   } else {
      vmk_Memcpy(buf, disk + off, len);
   }
   vmk_SpinlockUnlock(rd.lock);
   vmk_HeapFree(rd.heap, req);
   return VMK_OK;
}

VMK_ReturnStatus
ramdisk_read(vmk_uint64 lba, vmk_uint32 nblocks, void *buf)
{
   return ramdisk_io(lba, nblocks, buf, VMK_FALSE);
}

VMK_ReturnStatus
ramdisk_write(vmk_uint64 lba, vmk_uint32 nblocks, const void *buf)
{
   return ramdisk_io(lba, nblocks, (void *)(vmk_uintptr_t)buf, VMK_TRUE);
}

vmk_uint64
ramdisk_num_blocks(void)
{
   return rd.live ? rd.nblocks : 0;
}

vmk_uint64
ramdisk_flush_count(void)
{
   vmk_uint64 n;

   if (!rd.live) {
      return 0;
   }
   vmk_SpinlockLock(rd.lock);
   n = rd.flushes;
   vmk_SpinlockUnlock(rd.lock);
   return n;
}

vmk_uint64
ramdisk_writeback_count(void)
{
   vmk_uint64 n;

   if (!rd.live) {
      return 0;
   }
   vmk_SpinlockLock(rd.lock);
   n = rd.writebacks;
   vmk_SpinlockUnlock(rd.lock);
   return n;
}

/* Write a pattern naming each block into it, read all back and compare. */
int
vmkemu_scenario(void)
{
   unsigned char block[RAMDISK_BLOCK_SIZE];
   vmk_uint64 lba;
   vmk_uint32 i;

   for (lba = 0; lba < rd.nblocks; lba++) {
      for (i = 0; i < RAMDISK_BLOCK_SIZE; i++) {
         block[i] = (unsigned char)(lba * 31 + i);
      }
      if (ramdisk_write(lba, 1, block) != VMK_OK) {
         return 1;
      }
   }
   for (lba = 0; lba < rd.nblocks; lba++) {
      if (ramdisk_read(lba, 1, block) != VMK_OK) {
         return 2;
      }
      for (i = 0; i < RAMDISK_BLOCK_SIZE; i++) {
         if (block[i] != (unsigned char)(lba * 31 + i)) {
            vmk_WarningMessage("ramdisk: block %lu byte %u differs",
                               (unsigned long)lba, i);
            return 3;
         }
      }
   }
   if (ramdisk_write(rd.nblocks, 1, block) != VMK_BAD_PARAM) {
      return 4;
   }
   vmk_LogMessage("ramdisk: scenario verified %lu blocks",
                  (unsigned long)rd.nblocks);
   return 0;
}
