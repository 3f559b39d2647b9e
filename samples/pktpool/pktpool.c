/*
 * pktpool.c -- a packet-buffer pool driver: what a driver author learns here.
 *
 *  - Registering the module (vmk_ModuleRegister) and a log component
 *    (vmk_LogRegister) as the first steps of init_module, and undoing both
 *    last in cleanup_module.
 *  - A slab of fixed-size packet buffers (vmk_SlabCreate) whose constructor
 *    stamps a header once per object, when the slab carves the object from
 *    memory -- not on every vmk_SlabAlloc.  The header survives free/alloc
 *    cycles because the slab keeps its free-list link at ctrlOffset, a
 *    reserved gap inside the buffer, not over the header.
 *  - Back-pressure with maxObj: once maxObj buffers are out, a non-blocking
 *    get fails at once (NULL) and a get with a timeout sleeps until another
 *    world puts a buffer back (vmk_SlabAllocWithTimeout).
 *  - An init_module whose every failure point unwinds what it set up
 *    before (one label per step, in reverse order).
 *
 * The test (test_pktpool.c) shows what is hard to see on a host: that the
 * constructor ran once per object, that init leaves nothing behind at every
 * allocation failure, and that a double put is caught as DOUBLE_FREE.
 *
 * Build and run (vmkemu_scenario cycles buffers and checks their stamps):
 *    cc -shared -fPIC $(pkg-config --cflags vmkemu) pktpool.c -o pktpool.so
 *    vmkemu load ./pktpool.so pktpool_max=16
 */
#include "vmkapi.h"

VMK_VERSION_INFO("1.0");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_BSD);

/* Stamped into every buffer by the slab constructor. */
#define PKTPOOL_MAGIC 0x504b5442u      /* "PKTB" */
/* Total size of one buffer, header included. */
#define PKTPOOL_BUF_SIZE 256
/* Room reserved for the slab's free-list link (vmk_SlabControlSize()). */
#define PKTPOOL_CTRL_ROOM 16

/* Layout of a buffer: header, the slab's control gap, then payload. */
typedef struct PktBuf {
   vmk_uint32 magic;                  /* PKTPOOL_MAGIC while constructed */
   vmk_uint32 serial;                 /* 1, 2, ... in construction order */
   vmk_uint32 len;                    /* payload bytes in use */
   vmk_uint32 reserved;
   vmk_uint8 ctrl[PKTPOOL_CTRL_ROOM]; /* the slab's while the buffer is free */
   vmk_uint8 data[PKTPOOL_BUF_SIZE - 16 - PKTPOOL_CTRL_ROOM];
} PktBuf;

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
void *pktpool_get(vmk_uint32 timeoutMS);
VMK_ReturnStatus pktpool_put(void *buf);
vmk_uint32 pktpool_buf_serial(const void *buf);
vmk_uint32 pktpool_payload_size(void);
vmk_uint64 pktpool_ctor_count(void);
vmk_uint64 pktpool_dtor_count(void);
vmk_uint32 pktpool_max_buffers(void);

/* Most buffers out at once (a module parameter; tests set it directly). */
int pktpool_max = 8;
VMK_MODPARAM(pktpool_max, int, "most packet buffers out at once");

static struct {
   vmk_Bool live;
   vmk_ModuleID module;
   vmk_LogComponent log;
   vmk_SlabID slab;
   vmk_uint32 max;
   vmk_atomic64 ctors;                /* constructor runs, ever */
   vmk_atomic64 dtors;                /* destructor runs, ever */
   vmk_atomic64 refused;              /* gets that found the pool empty */
} pp;

/* Runs once per object, when the slab carves it from memory. */
static VMK_ReturnStatus
pktpool_ctor(void *obj, vmk_ByteCountSmall size, vmk_AddrCookie arg,
             int flags)
{
   PktBuf *b = obj;

   (void)size;
   (void)arg;
   (void)flags;
   b->magic = PKTPOOL_MAGIC;
   b->serial = (vmk_uint32)vmk_AtomicReadInc64(&pp.ctors) + 1;
   b->len = 0;
   b->reserved = 0;
   return VMK_OK;
}

/* Runs once per object, just before the slab gives its memory back. */
static void
pktpool_dtor(void *obj, vmk_ByteCountSmall size, vmk_AddrCookie arg)
{
   PktBuf *b = obj;

   (void)size;
   (void)arg;
   if (b->magic != PKTPOOL_MAGIC) {
      vmk_Warning(pp.log, "buffer %p lost its stamp", obj);
   }
   b->magic = 0;
   vmk_AtomicInc64(&pp.dtors);
}

static VMK_ReturnStatus
pktpool_log_create(void)
{
   vmk_LogProperties props;

   vmk_Memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "pktpool");
   props.module = pp.module;
   props.heap = VMK_INVALID_HEAP_ID;
   props.defaultLevel = 0;
   props.throttle = NULL;
   return vmk_LogRegister(&props, &pp.log);
}

static VMK_ReturnStatus
pktpool_slab_create(void)
{
   vmk_SlabCreateProps props;

   vmk_Memset(&props, 0, sizeof props);
   props.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "pktbuf");
   props.module = pp.module;
   props.objSize = sizeof(PktBuf);
   props.alignment = 64;
   props.constructor = pktpool_ctor;
   props.destructor = pktpool_dtor;
   props.constructorArg.ptr = NULL;
   /* The slab's link lives in the gap, so the header stays stamped. */
   props.ctrlOffset = vmk_offsetof(PktBuf, ctrl);
   props.minObj = pp.max / 2;
   props.maxObj = pp.max;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   return vmk_SlabCreate(&props, &pp.slab);
}

int
init_module(void)
{
   VMK_ReturnStatus status;

   if (pp.live) {
      return VMK_EXISTS;
   }
   if (pktpool_max <= 0) {
      vmk_WarningMessage("pktpool: pktpool_max=%d is not a count",
                         pktpool_max);
      return VMK_BAD_PARAM;
   }
   if (vmk_SlabControlSize() > PKTPOOL_CTRL_ROOM) {
      vmk_WarningMessage("pktpool: slab control area needs %u bytes",
                         (unsigned)vmk_SlabControlSize());
      return VMK_NOT_SUPPORTED;
   }
   pp.max = (vmk_uint32)pktpool_max;
   vmk_AtomicWrite64(&pp.ctors, 0);
   vmk_AtomicWrite64(&pp.dtors, 0);
   vmk_AtomicWrite64(&pp.refused, 0);

   status = vmk_ModuleRegister(&pp.module, VMKAPI_REVISION);
   if (status != VMK_OK) {
      vmk_WarningMessage("pktpool: module register failed: %s",
                         vmk_StatusToString(status));
      goto fail;
   }
   status = pktpool_log_create();
   if (status != VMK_OK) {
      vmk_WarningMessage("pktpool: log component: %s",
                         vmk_StatusToString(status));
      goto fail_module;
   }
   status = pktpool_slab_create();
   if (status != VMK_OK) {
      vmk_Warning(pp.log, "slab create failed: %s",
                  vmk_StatusToString(status));
      goto fail_log;
   }
   pp.live = VMK_TRUE;
   vmk_Log(pp.log, "ready: %u buffers of %u bytes at most", pp.max,
           (unsigned)sizeof(PktBuf));
   return VMK_OK;

fail_log:
   vmk_LogUnregister(pp.log);
fail_module:
   vmk_ModuleUnregister(pp.module);
fail:
   return status;
}

void
cleanup_module(void)
{
   if (!pp.live) {
      return;
   }
   pp.live = VMK_FALSE;
   /* Every buffer must be back: a slab with objects out cannot go. */
   if (vmk_SlabDestroy(pp.slab) != VMK_OK) {
      vmk_Warning(pp.log, "slab still has buffers out");
   }
   vmk_Log(pp.log, "unloaded: %lu buffers built, %lu gets refused",
           (unsigned long)vmk_AtomicRead64(&pp.ctors),
           (unsigned long)vmk_AtomicRead64(&pp.refused));
   vmk_LogUnregister(pp.log);
   vmk_ModuleUnregister(pp.module);
}

/*
 * Take a buffer.  timeoutMS 0 never blocks: NULL when maxObj buffers are
 * out.  Otherwise wait up to timeoutMS for another world to put one back.
 */
void *
pktpool_get(vmk_uint32 timeoutMS)
{
   PktBuf *b;

   if (!pp.live) {
      return NULL;
   }
   if (timeoutMS == 0) {
      b = vmk_SlabAlloc(pp.slab);
   } else {
      vmk_WorldAssertIsSafeToBlock();
      b = vmk_SlabAllocWithTimeout(pp.slab, timeoutMS);
   }
   if (b == NULL) {
      vmk_AtomicInc64(&pp.refused);
      return NULL;
   }
   b->len = 0;
   return b;
}

/*
 * Give a buffer back.  It does not read the buffer first: after a put the
 * buffer belongs to the slab, so a second put of the same pointer must not
 * touch it.  The slab itself tells a double put or a foreign pointer apart
 * (vmkemu reports them as DOUBLE_FREE / BAD_FREE).
 */
VMK_ReturnStatus
pktpool_put(void *buf)
{
   if (!pp.live) {
      return VMK_NOT_INITIALIZED;
   }
   if (buf == NULL) {
      return VMK_BAD_PARAM;
   }
   vmk_SlabFree(pp.slab, buf);
   return VMK_OK;
}

vmk_uint32
pktpool_buf_serial(const void *buf)
{
   const PktBuf *b = buf;

   return b != NULL && b->magic == PKTPOOL_MAGIC ? b->serial : 0;
}

vmk_uint32
pktpool_payload_size(void)
{
   return (vmk_uint32)sizeof(((PktBuf *)0)->data);
}

vmk_uint64
pktpool_ctor_count(void)
{
   return vmk_AtomicRead64(&pp.ctors);
}

vmk_uint64
pktpool_dtor_count(void)
{
   return vmk_AtomicRead64(&pp.dtors);
}

vmk_uint32
pktpool_max_buffers(void)
{
   return pp.live ? pp.max : 0;
}

/* Drain the pool, fill every buffer, give all back, and do it again. */
int
vmkemu_scenario(void)
{
   PktBuf *bufs[64];
   vmk_uint32 n = pp.max < 64 ? pp.max : 64;
   vmk_uint64 built = 0;
   vmk_uint32 i;
   int round;

   for (round = 0; round < 3; round++) {
      for (i = 0; i < n; i++) {
         bufs[i] = pktpool_get(0);
         if (bufs[i] == NULL) {
            return 1;
         }
         vmk_Memset(bufs[i]->data, (int)i, sizeof bufs[i]->data);
         bufs[i]->len = sizeof bufs[i]->data;
      }
      if (n == pp.max && pktpool_get(0) != NULL) {
         return 2;                     /* maxObj did not hold */
      }
      for (i = 0; i < n; i++) {
         if (bufs[i]->magic != PKTPOOL_MAGIC ||
             bufs[i]->data[bufs[i]->len - 1] != (vmk_uint8)i) {
            return 3;
         }
         if (pktpool_put(bufs[i]) != VMK_OK) {
            return 4;
         }
      }
      if (round == 0) {
         built = pktpool_ctor_count();
      } else if (pktpool_ctor_count() != built) {
         return 5;                     /* constructor ran per alloc */
      }
   }
   vmk_Log(pp.log, "scenario: 3 rounds of %u buffers, %lu constructed", n,
           (unsigned long)built);
   return 0;
}
