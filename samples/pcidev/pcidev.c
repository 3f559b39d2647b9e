/*
 * pcidev.c -- a native PCI driver for a small simulated device: what a
 * driver author learns here.
 *
 *  - Registering a driver in init_module (vmk_DriverRegister) and getting
 *    devices through its callbacks, in ESXi's order: attachDevice (claim,
 *    map, allocate), startDevice (enable the device), scanDevice (no
 *    children here), quiesceDevice (stop I/O), detachDevice (undo
 *    attach), forgetDevice (the hardware is gone: touch it no more).
 *  - Reaching the PCI function from the device handle
 *    (vmk_DeviceGetRegistrationData), checking its IDs
 *    (vmk_PCIQueryDeviceID) and mapping BAR 0 (vmk_PCIMapIOResource).
 *  - Interrupts: MSI-X first, legacy INTx as the fallback
 *    (vmk_PCIAllocIntrCookie), a handler registered then enabled, an
 *    acknowledge callback that says whether a shared INTx line is ours,
 *    and vmk_IntrDisable/Unregister/FreeIntrCookie in detach.
 *  - DMA: an engine for the device (vmk_DMAEngineCreate), a buffer from
 *    the module heap mapped for the device (vmk_DMAMapElem), flushed in
 *    the right direction around each transfer.
 *  - Every attach failure unwinds what was set up before it, so a device
 *    the driver could not take is left as it was found.
 *
 * The device (see samples/pcidev/test_pcidev.c for its model): BAR 0
 * holds the registers below; a doorbell write starts a command; the
 * device completes it by setting STATUS and raising MSI-X vector 0 (or
 * INTx); the driver acknowledges by writing the bits back to ACK.
 * Command XFORM makes the device read the DMA buffer, add one to every
 * byte and write it back.
 *
 * One device at a time: a second one is refused (left unclaimed).
 */
#include "vmkapi.h"

#define PCIDEV_VENDOR        0x1234
#define PCIDEV_DEVICE        0xbeef
#define PCIDEV_ID_MAGIC      0x0100beefu

#define PCIDEV_REG_ID        0x00   /* RO: PCIDEV_ID_MAGIC */
#define PCIDEV_REG_CTRL      0x04   /* bit 0: device enabled */
#define PCIDEV_REG_STATUS    0x08   /* bit 0: command done */
#define PCIDEV_REG_DOORBELL  0x0c   /* write a command to start it */
#define PCIDEV_REG_ACK       0x10   /* write the STATUS bits handled */
#define PCIDEV_REG_DMA_LO    0x14
#define PCIDEV_REG_DMA_HI    0x18
#define PCIDEV_REG_DMA_LEN   0x1c

#define PCIDEV_CMD_PING      1
#define PCIDEV_CMD_XFORM     2
#define PCIDEV_STATUS_DONE   1u

#define PCIDEV_DMA_BYTES     4096
#define PCIDEV_HEAP_BYTES    (64 * 1024)

int init_module(void);
void cleanup_module(void);
VMK_ReturnStatus pcidev_ping(void);
VMK_ReturnStatus pcidev_xform_submit(const void *data, vmk_uint32 len);
VMK_ReturnStatus pcidev_xform_result(void *data, vmk_uint32 len);
vmk_uint64 pcidev_completions(void);
vmk_uint64 pcidev_forgets(void);
int pcidev_attached(void);
vmk_PCIInterruptType pcidev_intr_type(void);

struct pcidev {
   vmk_Device           dev;
   vmk_PCIDevice        pci;
   volatile vmk_uint32 *regs;
   vmk_IntrCookie       cookie;
   vmk_PCIInterruptType intr_type;
   vmk_DMAEngine        engine;
   vmk_uint8           *buf;
   vmk_SgElem           io;         /* buf as the device sees it */
   int                  gone;       /* forgetDevice was called */
};

static struct {
   vmk_HeapID    heap;
   vmk_Driver    driver;
   struct pcidev *unit;             /* the one device we drive */
   vmk_uint64    completions;       /* atomic: interrupts handled */
   vmk_uint64    forgets;
} pd;

static vmk_uint32
reg_read(struct pcidev *u, vmk_uint32 off)
{
   return u->regs[off / 4];
}

static void
reg_write(struct pcidev *u, vmk_uint32 off, vmk_uint32 v)
{
   u->regs[off / 4] = v;
}

/* ---- Interrupts ---------------------------------------------------- */

/* On a shared INTx line: is the interrupt ours? */
static VMK_ReturnStatus
pcidev_ack(void *data, vmk_IntrCookie cookie)
{
   struct pcidev *u = data;

   (void)cookie;
   return (reg_read(u, PCIDEV_REG_STATUS) & PCIDEV_STATUS_DONE) != 0 ?
          VMK_OK : VMK_NOT_THIS_DEVICE;
}

/* Interrupt context: no blocking, just acknowledge and count. */
static void
pcidev_intr(void *data, vmk_IntrCookie cookie)
{
   struct pcidev *u = data;
   vmk_uint32 status;

   (void)cookie;
   status = reg_read(u, PCIDEV_REG_STATUS);
   if (status == 0) {
      return;                                  /* spurious */
   }
   reg_write(u, PCIDEV_REG_ACK, status);
   __atomic_add_fetch(&pd.completions, 1, __ATOMIC_RELEASE);
}

static VMK_ReturnStatus
pcidev_intr_setup(struct pcidev *u)
{
   vmk_IntrProps props;
   vmk_uint32 n = 0;
   VMK_ReturnStatus st;

   u->intr_type = VMK_PCI_INTERRUPT_TYPE_MSIX;
   st = vmk_PCIAllocIntrCookie(vmk_ModuleCurrentID, u->pci, u->intr_type,
                               1, 1, NULL, &u->cookie, &n);
   if (st == VMK_NOT_SUPPORTED) {
      u->intr_type = VMK_PCI_INTERRUPT_TYPE_LEGACY;
      st = vmk_PCIAllocIntrCookie(vmk_ModuleCurrentID, u->pci, u->intr_type,
                                  1, 1, NULL, &u->cookie, &n);
   }
   if (st != VMK_OK) {
      return st;
   }
   vmk_Memset(&props, 0, sizeof props);
   props.device = u->dev;
   vmk_NameInitialize(&props.deviceName, "pcidev");
   props.acknowledgeInterrupt =
      u->intr_type == VMK_PCI_INTERRUPT_TYPE_LEGACY ? pcidev_ack : NULL;
   props.handler = pcidev_intr;
   props.handlerData = u;
   st = vmk_IntrRegister(vmk_ModuleCurrentID, u->cookie, &props);
   if (st != VMK_OK) {
      vmk_PCIFreeIntrCookie(vmk_ModuleCurrentID, u->pci);
      return st;
   }
   return vmk_IntrEnable(u->cookie);
}

static void
pcidev_intr_teardown(struct pcidev *u)
{
   vmk_IntrDisable(u->cookie);
   vmk_IntrUnregister(vmk_ModuleCurrentID, u->cookie, u);
   vmk_PCIFreeIntrCookie(vmk_ModuleCurrentID, u->pci);
}

/* ---- DMA ----------------------------------------------------------- */

static VMK_ReturnStatus
pcidev_dma_setup(struct pcidev *u)
{
   vmk_DMAConstraints con;
   vmk_DMAEngineProps props;
   vmk_DMAMapErrorInfo err;
   vmk_SgElem in;
   vmk_MA ma;
   VMK_ReturnStatus st;

   vmk_Memset(&con, 0, sizeof con);
   con.addressMask = 0xffffffffull;            /* a 32-bit DMA device */
   con.maxTransfer = PCIDEV_DMA_BYTES;
   con.sgMaxEntries = 1;
   vmk_Memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "pcidev-dma");
   props.module = vmk_ModuleCurrentID;
   props.device = u->dev;
   props.constraints = &con;
   st = vmk_DMAEngineCreate(&props, &u->engine);
   if (st != VMK_OK) {
      return st;
   }
   u->buf = vmk_HeapAlign(pd.heap, PCIDEV_DMA_BYTES, PCIDEV_DMA_BYTES);
   if (u->buf == NULL) {
      st = VMK_NO_MEMORY;
      goto fail_buf;
   }
   st = vmk_VA2MA((vmk_VA)u->buf, PCIDEV_DMA_BYTES, &ma);
   if (st != VMK_OK) {
      goto fail_map;
   }
   vmk_Memset(&in, 0, sizeof in);
   in.addr = ma;
   in.length = PCIDEV_DMA_BYTES;
   st = vmk_DMAMapElem(u->engine, VMK_DMA_DIRECTION_BIDIRECTIONAL, &in,
                       VMK_TRUE, &u->io, &err);
   if (st != VMK_OK) {
      goto fail_map;
   }
   return VMK_OK;

fail_map:
   vmk_HeapFree(pd.heap, u->buf);
fail_buf:
   vmk_DMAEngineDestroy(u->engine);
   return st;
}

static void
pcidev_dma_teardown(struct pcidev *u)
{
   vmk_DMAUnmapElem(u->engine, VMK_DMA_DIRECTION_BIDIRECTIONAL, &u->io);
   vmk_HeapFree(pd.heap, u->buf);
   vmk_DMAEngineDestroy(u->engine);
}

/* ---- Driver callbacks ---------------------------------------------- */

static VMK_ReturnStatus
pcidev_attach(vmk_Device device)
{
   struct pcidev *u;
   vmk_AddrCookie reg;
   vmk_PCIDeviceID id;
   vmk_IOReservation resv;
   vmk_VA va;
   VMK_ReturnStatus st;

   if (pd.unit != NULL) {
      return VMK_BUSY;                         /* one device at a time */
   }
   st = vmk_DeviceGetRegistrationData(device, &reg);
   if (st != VMK_OK) {
      return st;
   }
   st = vmk_PCIQueryDeviceID(reg.ptr, &id);
   if (st != VMK_OK) {
      return st;
   }
   if (id.vendorID != PCIDEV_VENDOR || id.deviceID != PCIDEV_DEVICE) {
      return VMK_NOT_SUPPORTED;
   }
   u = vmk_HeapAlloc(pd.heap, sizeof *u);
   if (u == NULL) {
      return VMK_NO_MEMORY;
   }
   vmk_Memset(u, 0, sizeof *u);
   u->dev = device;
   u->pci = reg.ptr;
   st = vmk_PCIMapIOResource(vmk_ModuleCurrentID, u->pci, 0, &resv, &va);
   if (st != VMK_OK) {
      goto fail_map;
   }
   u->regs = (volatile vmk_uint32 *)va;
   if (reg_read(u, PCIDEV_REG_ID) != PCIDEV_ID_MAGIC) {
      st = VMK_IO_ERROR;
      goto fail_id;
   }
   st = pcidev_dma_setup(u);
   if (st != VMK_OK) {
      goto fail_id;
   }
   st = pcidev_intr_setup(u);
   if (st != VMK_OK) {
      goto fail_intr;
   }
   reg.ptr = u;
   vmk_DeviceSetAttachedDriverData(device, reg);
   pd.unit = u;
   return VMK_OK;

fail_intr:
   pcidev_dma_teardown(u);
fail_id:
   vmk_PCIUnmapIOResource(vmk_ModuleCurrentID, u->pci, 0);
fail_map:
   vmk_HeapFree(pd.heap, u);
   return st;
}

static struct pcidev *
unit_of(vmk_Device device)
{
   vmk_AddrCookie data;

   if (vmk_DeviceGetAttachedDriverData(device, &data) != VMK_OK) {
      return NULL;
   }
   return data.ptr;
}

static VMK_ReturnStatus
pcidev_start(vmk_Device device)
{
   struct pcidev *u = unit_of(device);

   reg_write(u, PCIDEV_REG_CTRL, 1);
   return VMK_OK;
}

static VMK_ReturnStatus
pcidev_scan(vmk_Device device)
{
   (void)device;
   return VMK_OK;                              /* no child devices */
}

static VMK_ReturnStatus
pcidev_quiesce(vmk_Device device)
{
   struct pcidev *u = unit_of(device);

   if (!u->gone) {
      reg_write(u, PCIDEV_REG_CTRL, 0);
   }
   vmk_IntrSync(u->cookie);
   return VMK_OK;
}

static VMK_ReturnStatus
pcidev_detach(vmk_Device device)
{
   struct pcidev *u = unit_of(device);

   pcidev_intr_teardown(u);
   pcidev_dma_teardown(u);
   vmk_PCIUnmapIOResource(vmk_ModuleCurrentID, u->pci, 0);
   pd.unit = NULL;
   vmk_HeapFree(pd.heap, u);
   return VMK_OK;
}

static void
pcidev_forget(vmk_Device device)
{
   struct pcidev *u = unit_of(device);

   u->gone = 1;
   pd.forgets++;
}

static vmk_DriverOps pcidev_ops = {
   pcidev_attach, pcidev_scan, pcidev_detach, pcidev_quiesce, pcidev_start,
   pcidev_forget
};

/* ---- What the rest of the driver (here: the test) calls ------------ */

VMK_ReturnStatus
pcidev_ping(void)
{
   struct pcidev *u = pd.unit;

   if (u == NULL || u->gone) {
      return VMK_NOT_READY;
   }
   reg_write(u, PCIDEV_REG_DOORBELL, PCIDEV_CMD_PING);
   return VMK_OK;
}

VMK_ReturnStatus
pcidev_xform_submit(const void *data, vmk_uint32 len)
{
   struct pcidev *u = pd.unit;
   VMK_ReturnStatus st;

   if (u == NULL || u->gone) {
      return VMK_NOT_READY;
   }
   if (data == NULL || len == 0 || len > PCIDEV_DMA_BYTES) {
      return VMK_BAD_PARAM;
   }
   vmk_Memcpy(u->buf, data, len);
   st = vmk_DMAFlushElem(u->engine, VMK_DMA_DIRECTION_FROM_MEMORY, &u->io);
   if (st != VMK_OK) {
      return st;
   }
   reg_write(u, PCIDEV_REG_DMA_LO, (vmk_uint32)u->io.ioAddr);
   reg_write(u, PCIDEV_REG_DMA_HI, (vmk_uint32)(u->io.ioAddr >> 32));
   reg_write(u, PCIDEV_REG_DMA_LEN, len);
   reg_write(u, PCIDEV_REG_DOORBELL, PCIDEV_CMD_XFORM);
   return VMK_OK;
}

VMK_ReturnStatus
pcidev_xform_result(void *data, vmk_uint32 len)
{
   struct pcidev *u = pd.unit;
   VMK_ReturnStatus st;

   if (u == NULL || u->gone) {
      return VMK_NOT_READY;
   }
   if (data == NULL || len == 0 || len > PCIDEV_DMA_BYTES) {
      return VMK_BAD_PARAM;
   }
   st = vmk_DMAFlushElem(u->engine, VMK_DMA_DIRECTION_TO_MEMORY, &u->io);
   if (st != VMK_OK) {
      return st;
   }
   vmk_Memcpy(data, u->buf, len);
   return VMK_OK;
}

vmk_uint64
pcidev_completions(void)
{
   return __atomic_load_n(&pd.completions, __ATOMIC_ACQUIRE);
}

vmk_uint64
pcidev_forgets(void)
{
   return pd.forgets;
}

int
pcidev_attached(void)
{
   return pd.unit != NULL;
}

vmk_PCIInterruptType
pcidev_intr_type(void)
{
   return pd.unit != NULL ? pd.unit->intr_type : VMK_PCI_INTERRUPT_TYPE_NONE;
}

/* ---- Module entry points ------------------------------------------- */

int
init_module(void)
{
   vmk_HeapCreateProps hp;
   vmk_DriverProps dp;
   VMK_ReturnStatus st;

   vmk_Memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "pcidev");
   hp.module = vmk_ModuleCurrentID;
   hp.initial = 0;
   hp.max = PCIDEV_HEAP_BYTES;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   st = vmk_HeapCreate(&hp, &pd.heap);
   if (st != VMK_OK) {
      return st;
   }
   /* The DMA engine and device registration use the module heap. */
   vmk_ModuleSetHeapID(vmk_ModuleCurrentID, pd.heap);
   vmk_Memset(&dp, 0, sizeof dp);
   dp.moduleID = vmk_ModuleCurrentID;
   vmk_NameInitialize(&dp.name, "pcidev");
   dp.ops = &pcidev_ops;
   st = vmk_DriverRegister(&dp, &pd.driver);
   if (st != VMK_OK) {
      vmk_HeapDestroy(pd.heap);
      return st;
   }
   return 0;
}

void
cleanup_module(void)
{
   if (pd.driver != NULL) {
      vmk_DriverUnregister(pd.driver);          /* detaches our device */
      pd.driver = NULL;
   }
   if (pd.heap != NULL) {
      vmk_HeapDestroy(pd.heap);
      pd.heap = NULL;
   }
}
