/*
 * pci.c -- simulated PCI functions for libvmkemu.
 *
 * 1. Model.  A test describes a function (EmuCtl_PCIDeviceProps) and the
 *    emulator builds its configuration space the way firmware would find
 *    it: type-0 header, BARs at simulated addresses, and a capability
 *    list -- power management at 0x40, MSI at 0x50, PCI Express at 0x70,
 *    MSI-X at 0xb0 -- plus an SR-IOV extended capability at 0x100 when
 *    the function offers virtual functions.  A write mask per byte says
 *    what a driver may change (command, cache line, latency, interrupt
 *    line, MSI/MSI-X control and message registers, PM control, SR-IOV
 *    control); BARs follow the sizing protocol (all-ones reads back the
 *    size mask) but never move.  The function is registered on the "pci"
 *    bus of the device layer (device.c) with the vmk_PCIDevice as the
 *    registration data, as ESXi's PCI bus driver does.
 *
 * 2. BARs.  A memory BAR is ordinary host memory: vmk_PCIMapIOResource
 *    reserves the BAR's I/O resource and hands the driver the mapping, so
 *    its loads and stores are plain memory accesses at full speed.  The
 *    device side sees the driver's stores when the test steps the device
 *    (EmuCtl_PCIDeviceStep compares each 32-bit register with a shadow
 *    copy and calls mmioWrite for every change); the device's own writes
 *    (EmuCtl_PCIBarWrite) update the shadow so they never come back.  We
 *    chose this over trapping accesses with page protection and SIGSEGV:
 *    decoding the faulting instruction is fragile and fights with the
 *    sanitizers, whereas a step is deterministic and is what a test of a
 *    doorbell wants anyway.  An I/O BAR has no memory: every
 *    vmk_IOPort* access reaches ioRead/ioWrite synchronously.
 *
 * 3. Interrupts.  vmk_PCIAllocIntrCookie allocates cookies from intr.c
 *    and records vector -> cookie (INTx: vector 0; MSI: message number;
 *    MSI-X: table entry, honouring indexArray), and sets the enable bits
 *    a real allocation would (MSI enable and multiple-message enable,
 *    MSI-X enable, INTx disable).  EmuCtl_PCIRaiseInterrupt maps the
 *    vector through that table.
 *
 * 4. Removal.  Surprise removal marks the function gone first: memory
 *    BARs are filled with all-ones (what reads of a vanished device
 *    return), configuration reads give all-ones, interrupts cannot be
 *    raised, DMA is refused.  When the driver's detachDevice returns, any
 *    BAR still mapped and any interrupt cookie still allocated is a LEAK
 *    report and is released for the driver.
 *
 * 5. SR-IOV.  vmk_PCIEnableVFs creates the virtual functions (a 16 KiB
 *    64-bit BAR 0 with a 4-entry MSI-X table, the PF's vendor and the
 *    props' VF device ID); they are PCI functions the iterator sees, but
 *    enter the device tree only through vmk_PCIRegisterVF from the PF
 *    driver's scanDevice.  Their removeDevice is the VF ops' removeVF.
 *
 * 6. Locking: pci_lock guards the list and the address allocators;
 *    p_lock guards one function's configuration space, BAR state and
 *    vectors.  Test callbacks, driver callbacks and interrupt delivery run
 *    with neither held.
 *
 * 7. Differences from real hardware: no bridges or ECAM, one segment;
 *    BAR address space is never reused after hot removal; MSI masking,
 *    the MSI-X per-vector mask and the pending-bit array are not modelled
 *    (the table is plain BAR memory).
 */
#include "pci.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fault.h"
#include "../core/log.h"
#include "../core/report.h"
#include "intr.h"

#define PCI_CAP_PM     0x40
#define PCI_CAP_MSI    0x50
#define PCI_CAP_PCIE   0x70
#define PCI_CAP_MSIX   0xb0
#define PCI_EXT_SRIOV  0x100

#define PCI_MEM32_BASE 0x10000000ull        /* below machine memory */
#define PCI_MEM32_END  0x40000000ull
#define PCI_MEM64_BASE 0x10000000000ull     /* 1 TiB, above it */
#define PCI_IO_BASE    0x1000u

static emu_mutex_t pci_lock = EMU_MUTEX_INITIALIZER;
static struct emu_pci *pci_all;             /* pci_lock, newest first */
static uint64_t pci_seq;
static uint64_t pci_mem32_next;
static uint64_t pci_mem64_next;
static uint32_t pci_io_next;

static void pci_detached(struct emu_dev *d, struct emu_drv *drv);
static const struct emu_dev_hooks pci_hooks = { pci_detached };

emu_status_t
emu_pci_init(void)
{
   pci_mem32_next = PCI_MEM32_BASE;
   pci_mem64_next = PCI_MEM64_BASE;
   pci_io_next = PCI_IO_BASE;
   pci_seq = 0;
   return EMU_OK;
}

static void pci_destroy(struct emu_pci *p);

void
emu_pci_fini(void)
{
   /* Left-over functions were listed as leaks; their device-layer
    * entries are freed by device.c's fini. */
   while (pci_all != NULL) {
      struct emu_pci *p = pci_all;

      while (p->p_pf != NULL) {
         p = p->p_pf;                  /* a VF goes with its PF */
      }
      p->p_dev = NULL;
      pci_destroy(p);
   }
}

/* ---- Handles ------------------------------------------------------- */

emu_status_t
emu_pci_check(struct emu_pci *p, const char *fn, const void *caller)
{
   struct emu_pci *x;

   if (p == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&pci_lock);
   for (x = pci_all; x != NULL && x != p; x = x->p_next) {
   }
   emu_mutex_unlock(&pci_lock);
   if (x == NULL) {
      emu_report_obj_t obj = { "PCI device", NULL, p };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: %p is not a live PCI device", fn, (void *)p);
      return EMU_BADHANDLE;
   }
   return EMU_OK;
}

struct emu_pci *
emu_pci_next(uint64_t seq)
{
   struct emu_pci *x;
   struct emu_pci *best = NULL;

   emu_mutex_lock(&pci_lock);
   for (x = pci_all; x != NULL; x = x->p_next) {
      if (x->p_seq > seq && (best == NULL || x->p_seq < best->p_seq)) {
         best = x;
      }
   }
   emu_mutex_unlock(&pci_lock);
   return best;
}

/* ---- Configuration space layout ------------------------------------ */

static void
cfg_put(struct emu_pci *p, uint16_t off, uint32_t size, uint32_t v)
{
   uint32_t i;

   for (i = 0; i < size; i++) {
      p->p_cfg[off + i] = (uint8_t)(v >> (8 * i));
   }
}

static uint32_t
cfg_get(const struct emu_pci *p, uint16_t off, uint32_t size)
{
   uint32_t v = 0;
   uint32_t i;

   for (i = 0; i < size; i++) {
      v |= (uint32_t)p->p_cfg[off + i] << (8 * i);
   }
   return v;
}

static void
wmask_put(struct emu_pci *p, uint16_t off, uint32_t size, uint32_t m)
{
   uint32_t i;

   for (i = 0; i < size; i++) {
      p->p_wmask[off + i] = (uint8_t)(m >> (8 * i));
   }
}

static uint32_t
bar_flags(const struct emu_pci_bar *b)
{
   switch (b->b_type) {
   case EMUCTL_PCI_BAR_IO:    return 0x1;
   case EMUCTL_PCI_BAR_MEM64: return 0x4 | (b->b_prefetch ? 0x8 : 0);
   case EMUCTL_PCI_BAR_MEM32: return b->b_prefetch ? 0x8 : 0;
   default:                   return 0;
   }
}

/* The BAR dwords as firmware left them. */
static void
cfg_bars(struct emu_pci *p)
{
   unsigned i;

   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_type == EMUCTL_PCI_BAR_NONE) {
         continue;
      }
      cfg_put(p, (uint16_t)(0x10 + 4 * i), 4,
              (uint32_t)b->b_addr | bar_flags(b));
      if (b->b_type == EMUCTL_PCI_BAR_MEM64) {
         cfg_put(p, (uint16_t)(0x14 + 4 * i), 4, (uint32_t)(b->b_addr >> 32));
      }
   }
}

static void
cfg_build(struct emu_pci *p)
{
   const EmuCtl_PCIDeviceProps *pr = &p->p_props;
   uint8_t *last = &p->p_cfg[0x34];
   unsigned i;

   p->p_cfgsize = pr->pcie ? 4096 : 256;
   cfg_put(p, 0x00, 2, pr->vendorID);
   cfg_put(p, 0x02, 2, pr->deviceID);
   wmask_put(p, 0x04, 2, 0x0547);          /* io, mem, master, perr, serr, intx off */
   cfg_put(p, 0x06, 2, 0x0010);            /* capability list */
   cfg_put(p, 0x08, 1, pr->revision);
   cfg_put(p, 0x09, 1, pr->progIF);
   cfg_put(p, 0x0a, 1, pr->subClass);
   cfg_put(p, 0x0b, 1, pr->baseClass);
   wmask_put(p, 0x0c, 2, 0xffff);          /* cache line, latency */
   cfg_bars(p);
   cfg_put(p, 0x2c, 2, pr->subVendorID);
   cfg_put(p, 0x2e, 2, pr->subDeviceID);
   wmask_put(p, 0x3c, 1, 0xff);            /* interrupt line */
   cfg_put(p, 0x3d, 1, pr->intxPin);

   /* Power management: version 3, PME from D0 and D3hot. */
   *last = PCI_CAP_PM;
   cfg_put(p, PCI_CAP_PM, 1, 0x01);
   cfg_put(p, PCI_CAP_PM + 2, 2, 0x0003 | (0x09u << 11));
   wmask_put(p, PCI_CAP_PM + 4, 2, 0x0103);
   p->p_cap_pm = PCI_CAP_PM;
   last = &p->p_cfg[PCI_CAP_PM + 1];

   if (pr->msiVectors != 0) {
      unsigned mmc = 0;

      while ((1u << mmc) < pr->msiVectors) {
         mmc++;
      }
      *last = PCI_CAP_MSI;
      cfg_put(p, PCI_CAP_MSI, 1, 0x05);
      cfg_put(p, PCI_CAP_MSI + 2, 2, 0x0080 | (mmc << 1));  /* 64-bit */
      wmask_put(p, PCI_CAP_MSI + 2, 2, 0x0071);
      wmask_put(p, PCI_CAP_MSI + 4, 4, 0xfffffffc);
      wmask_put(p, PCI_CAP_MSI + 8, 4, 0xffffffff);
      wmask_put(p, PCI_CAP_MSI + 12, 2, 0xffff);
      p->p_cap_msi = PCI_CAP_MSI;
      last = &p->p_cfg[PCI_CAP_MSI + 1];
   }
   if (pr->pcie) {
      *last = PCI_CAP_PCIE;
      cfg_put(p, PCI_CAP_PCIE, 1, 0x10);
      cfg_put(p, PCI_CAP_PCIE + 2, 2, 0x0002);     /* v2, endpoint */
      wmask_put(p, PCI_CAP_PCIE + 8, 2, 0xffff);   /* device control */
      p->p_cap_pcie = PCI_CAP_PCIE;
      last = &p->p_cfg[PCI_CAP_PCIE + 1];
   }
   if (pr->msixVectors != 0) {
      *last = PCI_CAP_MSIX;
      cfg_put(p, PCI_CAP_MSIX, 1, 0x11);
      cfg_put(p, PCI_CAP_MSIX + 2, 2, (uint32_t)(pr->msixVectors - 1));
      wmask_put(p, PCI_CAP_MSIX + 2, 2, 0xc000);
      cfg_put(p, PCI_CAP_MSIX + 4, 4, pr->msixTableOffset | pr->msixBar);
      cfg_put(p, PCI_CAP_MSIX + 8, 4, pr->msixPBAOffset | pr->msixBar);
      p->p_cap_msix = PCI_CAP_MSIX;
      last = &p->p_cfg[PCI_CAP_MSIX + 1];
   }
   *last = 0;
   if (pr->totalVFs != 0) {
      cfg_put(p, PCI_EXT_SRIOV, 4, 0x0010u | (1u << 16));
      wmask_put(p, PCI_EXT_SRIOV + 0x08, 2, 0x0001);
      cfg_put(p, PCI_EXT_SRIOV + 0x0e, 2, pr->totalVFs);
      cfg_put(p, PCI_EXT_SRIOV + 0x10, 2, pr->totalVFs);
      cfg_put(p, PCI_EXT_SRIOV + 0x1a, 2, pr->vfDeviceID);
      p->p_ext_sriov = PCI_EXT_SRIOV;
   }
   for (i = 0; i < 6; i++) {
      if (p->p_bars[i].b_type != EMUCTL_PCI_BAR_NONE) {
         wmask_put(p, (uint16_t)(0x10 + 4 * i), 4, 0);   /* see cfg_write */
      }
   }
}

/* ---- Adding and removing ------------------------------------------- */

static int
pow2(uint32_t v)
{
   return v != 0 && (v & (v - 1)) == 0;
}

static emu_status_t
props_check(const EmuCtl_PCIDeviceProps *pr)
{
   unsigned i;

   if (pr->vendorID == 0xffff || pr->intxPin > 4 ||
       !(pr->msiVectors == 0 || (pow2(pr->msiVectors) && pr->msiVectors <= 32)) ||
       pr->msixVectors > 2048 || (pr->totalVFs != 0 && !pr->pcie)) {
      return EMU_BADPARAM;
   }
   for (i = 0; i < 6; i++) {
      const EmuCtl_PCIBar *b = &pr->bars[i];

      switch (b->type) {
      case EMUCTL_PCI_BAR_NONE:
         break;
      case EMUCTL_PCI_BAR_MEM32:
         if (!pow2(b->size) || b->size < 4096 || b->size > (64u << 20)) {
            return EMU_BADPARAM;
         }
         break;
      case EMUCTL_PCI_BAR_MEM64:
         if (!pow2(b->size) || b->size < 4096 || b->size > (1u << 30) ||
             i == 5 || pr->bars[i + 1].type != EMUCTL_PCI_BAR_NONE) {
            return EMU_BADPARAM;
         }
         i++;
         break;
      case EMUCTL_PCI_BAR_IO:
         if (!pow2(b->size) || b->size < 4 || b->size > 256) {
            return EMU_BADPARAM;
         }
         break;
      default:
         return EMU_BADPARAM;
      }
   }
   if (pr->msixVectors != 0) {
      const EmuCtl_PCIBar *b;
      uint64_t tend = (uint64_t)pr->msixTableOffset + 16u * pr->msixVectors;
      uint64_t pend = (uint64_t)pr->msixPBAOffset +
                      8u * ((pr->msixVectors + 63u) / 64u);

      if (pr->msixBar >= 6) {
         return EMU_BADPARAM;
      }
      b = &pr->bars[pr->msixBar];
      if ((b->type != EMUCTL_PCI_BAR_MEM32 &&
           b->type != EMUCTL_PCI_BAR_MEM64) ||
          (pr->msixTableOffset & 7u) != 0 || (pr->msixPBAOffset & 7u) != 0 ||
          tend > b->size || pend > b->size) {
         return EMU_BADPARAM;
      }
   }
   return EMU_OK;
}

static int
addr_used_locked(vmk_PCIDeviceAddr a)
{
   const struct emu_pci *x;

   for (x = pci_all; x != NULL; x = x->p_next) {
      if (x->p_addr.seg == a.seg && x->p_addr.bus == a.bus &&
          x->p_addr.dev == a.dev && x->p_addr.fn == a.fn) {
         return 1;
      }
   }
   return 0;
}

/* Place BARs and pick an address.  => pci_lock held. */
static emu_status_t
place_locked(struct emu_pci *p, const EmuCtl_PCIDeviceProps *pr)
{
   unsigned i;

   if (pr->fixedAddr) {
      if (addr_used_locked(pr->addr)) {
         return EMU_EXISTS;
      }
      p->p_addr = pr->addr;
   } else {
      unsigned bus;
      unsigned dev;
      int found = 0;

      for (bus = 1; bus < 256 && !found; bus++) {
         for (dev = 0; dev < 32 && !found; dev++) {
            vmk_PCIDeviceAddr a;

            memset(&a, 0, sizeof a);
            a.bus = (vmk_uint8)bus;
            a.dev = (vmk_uint8)dev;
            if (!addr_used_locked(a)) {
               p->p_addr = a;
               found = 1;
            }
         }
      }
      if (!found) {
         return EMU_NOMEM;
      }
   }
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];
      uint64_t a;

      switch (b->b_type) {
      case EMUCTL_PCI_BAR_MEM32:
         a = (pci_mem32_next + b->b_size - 1) & ~(uint64_t)(b->b_size - 1);
         if (a + b->b_size > PCI_MEM32_END) {
            return EMU_NOMEM;
         }
         pci_mem32_next = a + b->b_size;
         b->b_addr = a;
         break;
      case EMUCTL_PCI_BAR_MEM64:
         a = (pci_mem64_next + b->b_size - 1) & ~(uint64_t)(b->b_size - 1);
         pci_mem64_next = a + b->b_size;
         b->b_addr = a;
         break;
      case EMUCTL_PCI_BAR_IO:
         a = (pci_io_next + b->b_size - 1) & ~(uint64_t)(b->b_size - 1);
         if (a + b->b_size > 0x10000) {
            return EMU_NOMEM;
         }
         pci_io_next = (uint32_t)(a + b->b_size);
         b->b_addr = a;
         break;
      default:
         break;
      }
   }
   return EMU_OK;
}

static uint32_t
pci_io_read(void *ctx, uint64_t off, uint32_t size)
{
   struct emu_pci_bar *b = ctx;
   struct emu_pci *p = b->b_owner;

   if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE) || !p->p_has_ops ||
       p->p_ops.ioRead == NULL) {
      return 0xffffffffu;
   }
   return p->p_ops.ioRead((EmuCtl_PCIDevice)p, (vmk_uint8)b->b_index,
                          (vmk_uint32)off, size, p->p_props.opsData);
}

static void
pci_io_write(void *ctx, uint64_t off, uint32_t size, uint32_t v)
{
   struct emu_pci_bar *b = ctx;
   struct emu_pci *p = b->b_owner;

   if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE) || !p->p_has_ops ||
       p->p_ops.ioWrite == NULL) {
      return;
   }
   p->p_ops.ioWrite((EmuCtl_PCIDevice)p, (vmk_uint8)b->b_index,
                    (vmk_uint32)off, size, v, p->p_props.opsData);
}

static const struct emu_iores_backend pci_io_backend = {
   pci_io_read, pci_io_write
};

/* Create a function (not yet in the device tree). */
static emu_status_t
pci_create(const EmuCtl_PCIDeviceProps *pr, struct emu_pci *pf,
           const void *caller, struct emu_pci **pp)
{
   struct emu_pci *p;
   emu_status_t st;
   unsigned i;

   st = props_check(pr);
   if (st != EMU_OK) {
      return st;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   p = calloc(1, sizeof *p);
   if (p == NULL) {
      return EMU_NOMEM;
   }
   p->p_magic = EMU_PCI_MAGIC;
   emu_mutex_init(&p->p_lock);
   p->p_props = *pr;
   p->p_props.driverName = NULL;
   if (pr->ops != NULL) {
      p->p_ops = *pr->ops;
      p->p_has_ops = 1;
   }
   p->p_props.ops = NULL;
   p->p_pf = pf;
   for (i = 0; i < 6; i++) {
      p->p_bars[i].b_owner = p;
      p->p_bars[i].b_index = i;
   }
   for (i = 0; i < 6; i++) {
      p->p_bars[i].b_type = pr->bars[i].type;
      p->p_bars[i].b_size = pr->bars[i].size;
      p->p_bars[i].b_prefetch = pr->bars[i].prefetchable != VMK_FALSE;
      if (pr->bars[i].type == EMUCTL_PCI_BAR_MEM64) {
         i++;                               /* upper half stays NONE */
      }
   }
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_type == EMUCTL_PCI_BAR_MEM32 ||
          b->b_type == EMUCTL_PCI_BAR_MEM64) {
         size_t pg = emu_host_page_size();

         b->b_maplen = (b->b_size + pg - 1) & ~(pg - 1);
         b->b_mem = emu_host_map_anon(b->b_maplen);
         b->b_shadow = calloc(1, b->b_size);
         if (b->b_mem == NULL || b->b_shadow == NULL) {
            st = EMU_NOMEM;
            goto fail;
         }
      }
   }
   emu_mutex_lock(&pci_lock);
   st = place_locked(p, pr);
   if (st != EMU_OK) {
      emu_mutex_unlock(&pci_lock);
      goto fail;
   }
   p->p_seq = ++pci_seq;
   p->p_next = pci_all;
   pci_all = p;
   emu_mutex_unlock(&pci_lock);
   snprintf(p->p_addrstr, sizeof p->p_addrstr, "%04x:%02x:%02x.%x",
            (unsigned)p->p_addr.seg, (unsigned)p->p_addr.bus,
            (unsigned)p->p_addr.dev, (unsigned)p->p_addr.fn);
   snprintf(p->p_ident, sizeof p->p_ident,
            "pci:v%04xd%04xsv%04xsd%04xc%02x%02x%02x",
            pr->vendorID, pr->deviceID, pr->subVendorID, pr->subDeviceID,
            pr->baseClass, pr->subClass, pr->progIF);
   cfg_build(p);
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_type == EMUCTL_PCI_BAR_NONE) {
         continue;
      }
      st = emu_iores_register(b->b_type == EMUCTL_PCI_BAR_IO ?
                              EMU_IORES_PORT : EMU_IORES_MEM,
                              b->b_addr, b->b_size, 0, -1,
                              b->b_type == EMUCTL_PCI_BAR_IO ?
                              &pci_io_backend : NULL, b, 1, caller,
                              &b->b_res);
      if (st != EMU_OK) {
         goto fail_listed;
      }
   }
   emu_rsrc_add(&p->p_rsrc, EMU_RSRC_DEVICE,
                pf != NULL ? "PCI virtual function" : "PCI function",
                p->p_addrstr, caller);
   *pp = p;
   if (p->p_has_ops && p->p_ops.reset != NULL) {
      p->p_ops.reset((EmuCtl_PCIDevice)p, p->p_props.opsData);
   }
   return EMU_OK;

fail_listed:
   {
      struct emu_pci **xp;

      emu_mutex_lock(&pci_lock);
      for (xp = &pci_all; *xp != NULL; xp = &(*xp)->p_next) {
         if (*xp == p) {
            *xp = p->p_next;
            break;
         }
      }
      emu_mutex_unlock(&pci_lock);
   }
fail:
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_res != NULL) {
         (void)emu_iores_unregister(b->b_res);
      }
      if (b->b_mem != NULL) {
         emu_host_unmap(b->b_mem, b->b_maplen);
      }
      free(b->b_shadow);
   }
   emu_mutex_destroy(&p->p_lock);
   free(p);
   return st;
}

/* Free a function.  => no longer in the device tree. */
static void
pci_destroy(struct emu_pci *p)
{
   struct emu_pci **xp;
   unsigned i;

   emu_mutex_lock(&pci_lock);
   for (xp = &pci_all; *xp != NULL; xp = &(*xp)->p_next) {
      if (*xp == p) {
         *xp = p->p_next;
         break;
      }
   }
   emu_mutex_unlock(&pci_lock);
   for (i = 0; i < p->p_numvfs; i++) {
      pci_destroy(p->p_vfs[i]);
   }
   free(p->p_vfs);
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_resv != NULL) {
         (void)emu_ioresv_release(b->b_resv);
      }
      if (b->b_res != NULL) {
         (void)emu_iores_unregister(b->b_res);
      }
      if (b->b_mem != NULL) {
         emu_host_unmap(b->b_mem, b->b_maplen);
      }
      free(b->b_shadow);
   }
   for (i = 0; i < p->p_nvec; i++) {
      if (p->p_vec[i] != 0) {
         (void)emu_intr_free(p->p_vec[i]);
      }
   }
   free(p->p_vec);
   emu_rsrc_remove(&p->p_rsrc);
   p->p_magic = 0;
   emu_mutex_destroy(&p->p_lock);
   free(p);
}

emu_status_t
emu_pci_add(const EmuCtl_PCIDeviceProps *props, const void *caller,
            struct emu_pci **pp)
{
   struct emu_pci *p = NULL;
   vmk_AddrCookie rd;
   emu_status_t st;

   st = pci_create(props, NULL, caller, &p);
   if (st != EMU_OK) {
      return st;
   }
   rd.ptr = p;
   *pp = p;
   st = emu_dev_add_root(emu_bustype_pci(), p->p_addrstr, p->p_ident,
                         props->driverName, rd, &pci_hooks, p, caller,
                         &p->p_dev);
   if (st != EMU_OK) {
      p->p_dev = NULL;
      pci_destroy(p);
      return st;
   }
   return EMU_OK;
}

/* Make the hardware vanish: BAR reads all-ones from now on. */
static void
pci_mark_gone(struct emu_pci *p)
{
   unsigned i;

   emu_mutex_lock(&p->p_lock);
   __atomic_store_n(&p->p_gone, 1, __ATOMIC_RELEASE);
   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];

      if (b->b_mem != NULL) {
         memset(b->b_mem, 0xff, b->b_size);
         memset(b->b_shadow, 0xff, b->b_size);
      }
   }
   for (i = 0; i < p->p_numvfs; i++) {
      emu_mutex_unlock(&p->p_lock);
      pci_mark_gone(p->p_vfs[i]);
      emu_mutex_lock(&p->p_lock);
   }
   emu_mutex_unlock(&p->p_lock);
}

VMK_ReturnStatus
emu_pci_remove(struct emu_pci *p, int surprise)
{
   VMK_ReturnStatus first = VMK_OK;

   if (surprise) {
      pci_mark_gone(p);
   }
   emu_dev_remove_root(p->p_dev, surprise, &first);
   p->p_dev = NULL;
   if (p->p_numvfs != 0) {
      emu_report_obj_t obj = { "PCI device", p->p_addrstr, p };

      emu_report(EMU_RPT_LEAK, &obj, NULL,
                 "PCI device %s removed with %u virtual function(s) still "
                 "enabled (vmk_PCIDisableVFs missing); disabled for the "
                 "driver", p->p_addrstr, (unsigned)p->p_numvfs);
   }
   pci_destroy(p);
   return first;
}

/* Release what the driver left behind on d when it detached. */
static void
pci_detached(struct emu_dev *d, struct emu_drv *drv)
{
   struct emu_pci *p = d->d_bus_obj;
   emu_report_obj_t obj;
   unsigned i;

   if (p == NULL) {
      return;
   }
   obj.type = "PCI device";
   obj.name = p->p_addrstr;
   obj.addr = p;
   for (i = 0; i < 6; i++) {
      if (p->p_bars[i].b_resv != NULL) {
         emu_report(EMU_RPT_LEAK, &obj,
                    (const void *)(uintptr_t)drv->dr_ops.detachDevice,
                    "driver '%s' detached from %s with BAR %u still mapped "
                    "(vmk_PCIUnmapIOResource missing); unmapped for it",
                    drv->dr_name, p->p_addrstr, i);
         (void)emu_pci_unmap(p, (uint8_t)i);
      }
   }
   if (p->p_intr_type != VMK_PCI_INTERRUPT_TYPE_NONE) {
      emu_report(EMU_RPT_LEAK, &obj,
                 (const void *)(uintptr_t)drv->dr_ops.detachDevice,
                 "driver '%s' detached from %s with interrupt cookies still "
                 "allocated (vmk_PCIFreeIntrCookie missing); freed for it",
                 drv->dr_name, p->p_addrstr);
      (void)emu_pci_intr_free(p, NULL);
   }
}

/* ---- Configuration access ------------------------------------------ */

static emu_status_t
cfg_check(const struct emu_pci *p, uint16_t off, uint32_t size)
{
   if ((size != 1 && size != 2 && size != 4) || (off & (size - 1)) != 0) {
      return EMU_BADPARAM;
   }
   if ((uint32_t)off + size > p->p_cfgsize) {
      return EMU_LIMIT;
   }
   return EMU_OK;
}

emu_status_t
emu_pci_cfg_read(struct emu_pci *p, uint16_t off, uint32_t size,
                 uint32_t *val, int raw)
{
   emu_status_t st = cfg_check(p, off, size);

   if (st != EMU_OK) {
      return st;
   }
   if (!raw && __atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
      *val = size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
      return EMU_OK;
   }
   emu_mutex_lock(&p->p_lock);
   *val = cfg_get(p, off, size);
   emu_mutex_unlock(&p->p_lock);
   return EMU_OK;
}

/* A dword write to BAR i (sizing protocol).  => p_lock held. */
static void
cfg_bar_write(struct emu_pci *p, unsigned i, uint32_t v)
{
   struct emu_pci_bar *b = &p->p_bars[i];
   uint16_t off = (uint16_t)(0x10 + 4 * i);

   if (b->b_type != EMUCTL_PCI_BAR_NONE) {
      cfg_put(p, off, 4, v == 0xffffffffu ?
              (~(b->b_size - 1u) | bar_flags(b)) :
              ((uint32_t)b->b_addr | bar_flags(b)));
   } else if (i > 0 && p->p_bars[i - 1].b_type == EMUCTL_PCI_BAR_MEM64) {
      cfg_put(p, off, 4, v == 0xffffffffu ? 0xffffffffu :
              (uint32_t)(p->p_bars[i - 1].b_addr >> 32));
   }
}

emu_status_t
emu_pci_cfg_write(struct emu_pci *p, uint16_t off, uint32_t size,
                  uint32_t val, int raw)
{
   emu_status_t st = cfg_check(p, off, size);
   uint32_t i;

   if (st != EMU_OK) {
      return st;
   }
   if (!raw && __atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
      return EMU_OK;                       /* dropped on the floor */
   }
   emu_mutex_lock(&p->p_lock);
   if (raw) {
      cfg_put(p, off, size, val);
   } else if (off >= 0x10 && off < 0x28) {
      if (size == 4) {
         cfg_bar_write(p, (unsigned)(off - 0x10) / 4, val);
      }
   } else {
      for (i = 0; i < size; i++) {
         uint8_t m = p->p_wmask[off + i];
         uint8_t b = (uint8_t)(val >> (8 * i));

         p->p_cfg[off + i] = (uint8_t)((p->p_cfg[off + i] & ~m) | (b & m));
      }
   }
   emu_mutex_unlock(&p->p_lock);
   if (!raw && p->p_has_ops && p->p_ops.configWrite != NULL) {
      p->p_ops.configWrite((EmuCtl_PCIDevice)p, off, size, val,
                           p->p_props.opsData);
   }
   return EMU_OK;
}

emu_status_t
emu_pci_find_cap(struct emu_pci *p, uint8_t id, uint16_t *offp)
{
   unsigned guard = 0;
   uint8_t off;
   emu_status_t st = EMU_NOTFOUND;

   emu_mutex_lock(&p->p_lock);
   if (cfg_get(p, 0x06, 2) & 0x10) {
      off = p->p_cfg[0x34] & 0xfc;
      while (off >= 0x40 && guard++ < 48) {
         if (p->p_cfg[off] == id) {
            *offp = off;
            st = EMU_OK;
            break;
         }
         off = p->p_cfg[off + 1] & 0xfc;
      }
   }
   emu_mutex_unlock(&p->p_lock);
   return st;
}

/* ---- BARs ---------------------------------------------------------- */

emu_status_t
emu_pci_bar_access(struct emu_pci *p, uint8_t bar, uint32_t off,
                   uint32_t size, uint64_t *val, int write)
{
   struct emu_pci_bar *b;
   void *a;

   if (bar >= 6 || (size != 1 && size != 2 && size != 4 && size != 8) ||
       (off & (size - 1)) != 0) {
      return EMU_BADPARAM;
   }
   b = &p->p_bars[bar];
   if (b->b_mem == NULL) {
      return EMU_BADPARAM;
   }
   if ((uint64_t)off + size > b->b_size) {
      return EMU_LIMIT;
   }
   a = b->b_mem + off;
   emu_mutex_lock(&p->p_lock);
   if (write) {
      switch (size) {
      case 1: __atomic_store_n((uint8_t *)a, (uint8_t)*val, __ATOMIC_RELEASE); break;
      case 2: __atomic_store_n((uint16_t *)a, (uint16_t)*val, __ATOMIC_RELEASE); break;
      case 4: __atomic_store_n((uint32_t *)a, (uint32_t)*val, __ATOMIC_RELEASE); break;
      default: __atomic_store_n((uint64_t *)a, *val, __ATOMIC_RELEASE); break;
      }
      memcpy(b->b_shadow + off, a, size);
   } else {
      switch (size) {
      case 1: *val = __atomic_load_n((uint8_t *)a, __ATOMIC_ACQUIRE); break;
      case 2: *val = __atomic_load_n((uint16_t *)a, __ATOMIC_ACQUIRE); break;
      case 4: *val = __atomic_load_n((uint32_t *)a, __ATOMIC_ACQUIRE); break;
      default: *val = __atomic_load_n((uint64_t *)a, __ATOMIC_ACQUIRE); break;
      }
   }
   emu_mutex_unlock(&p->p_lock);
   return EMU_OK;
}

emu_status_t
emu_pci_step(struct emu_pci *p, uint32_t *changes)
{
   uint32_t n = 0;
   unsigned i;

   for (i = 0; i < 6; i++) {
      struct emu_pci_bar *b = &p->p_bars[i];
      uint32_t off;

      if (b->b_mem == NULL) {
         continue;
      }
      for (off = 0; off < b->b_size; off += 4) {
         uint32_t now;
         uint32_t old;

         emu_mutex_lock(&p->p_lock);
         if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
            emu_mutex_unlock(&p->p_lock);
            break;
         }
         now = __atomic_load_n((uint32_t *)(b->b_mem + off), __ATOMIC_ACQUIRE);
         memcpy(&old, b->b_shadow + off, 4);
         if (now == old) {
            emu_mutex_unlock(&p->p_lock);
            continue;
         }
         memcpy(b->b_shadow + off, &now, 4);
         emu_mutex_unlock(&p->p_lock);
         n++;
         if (p->p_has_ops && p->p_ops.mmioWrite != NULL) {
            p->p_ops.mmioWrite((EmuCtl_PCIDevice)p, (vmk_uint8)i, off, old,
                               now, p->p_props.opsData);
         }
      }
   }
   if (changes != NULL) {
      *changes = n;
   }
   return EMU_OK;
}

emu_status_t
emu_pci_map(struct emu_pci *p, int32_t module, uint8_t bar,
            const void *caller, struct emu_ioresv **resv, uint64_t *va)
{
   struct emu_pci_bar *b;
   struct emu_ioresv *v = NULL;
   emu_status_t st;

   if (bar >= 6) {
      return EMU_BADPARAM;
   }
   b = &p->p_bars[bar];
   if (b->b_type == EMUCTL_PCI_BAR_NONE) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&p->p_lock);
   if (b->b_resv != NULL) {
      emu_mutex_unlock(&p->p_lock);
      return EMU_BUSY;
   }
   st = emu_ioresv_reserve(b->b_type == EMUCTL_PCI_BAR_IO ?
                           EMU_IORES_PORT : EMU_IORES_MEM,
                           b->b_addr, b->b_size, 0, module, 1, caller, &v);
   if (st != EMU_OK) {
      emu_mutex_unlock(&p->p_lock);
      return st == EMU_NOMEM ? EMU_NOMEM : EMU_BUSY;
   }
   b->b_resv = v;
   b->b_map_module = module;
   emu_mutex_unlock(&p->p_lock);
   *resv = v;
   *va = b->b_type == EMUCTL_PCI_BAR_IO ? b->b_addr : (uint64_t)(uintptr_t)b->b_mem;
   return EMU_OK;
}

emu_status_t
emu_pci_unmap(struct emu_pci *p, uint8_t bar)
{
   struct emu_ioresv *v;

   if (bar >= 6) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&p->p_lock);
   v = p->p_bars[bar].b_resv;
   p->p_bars[bar].b_resv = NULL;
   emu_mutex_unlock(&p->p_lock);
   if (v == NULL) {
      return EMU_NOTFOUND;
   }
   return emu_ioresv_release(v);
}

/* ---- Interrupts ---------------------------------------------------- */

emu_status_t
emu_pci_intr_alloc(struct emu_pci *p, int32_t module,
                   vmk_PCIInterruptType type, uint32_t want, uint32_t need,
                   const uint16_t *index, uint32_t *cookies, uint32_t *got)
{
   uint32_t avail;
   uint32_t table;
   uint32_t n;
   uint32_t i;
   uint32_t *vec;
   emu_status_t st;

   if (want == 0 || need > want) {
      return EMU_BADPARAM;
   }
   switch (type) {
   case VMK_PCI_INTERRUPT_TYPE_LEGACY:
      table = avail = p->p_props.intxPin != 0 ? 1 : 0;
      break;
   case VMK_PCI_INTERRUPT_TYPE_MSI:
      table = avail = p->p_props.msiVectors;
      break;
   case VMK_PCI_INTERRUPT_TYPE_MSIX:
      table = avail = p->p_props.msixVectors;
      break;
   default:
      return EMU_BADPARAM;
   }
   if (avail == 0) {
      return EMU_NOTSUP;
   }
   n = want < avail ? want : avail;
   if (type == VMK_PCI_INTERRUPT_TYPE_MSI) {
      while (!pow2(n)) {
         n--;                              /* MSI grants powers of two */
      }
   }
   if (n < need) {
      return EMU_LIMIT;
   }
   if (index != NULL && type == VMK_PCI_INTERRUPT_TYPE_MSIX) {
      for (i = 0; i < n; i++) {
         uint32_t j;

         if (index[i] >= table) {
            return EMU_BADPARAM;
         }
         for (j = 0; j < i; j++) {
            if (index[j] == index[i]) {
               return EMU_BADPARAM;
            }
         }
      }
   }
   if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
      return EMU_FAILURE;
   }
   vec = calloc(table, sizeof *vec);
   if (vec == NULL) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&p->p_lock);
   if (p->p_intr_type != VMK_PCI_INTERRUPT_TYPE_NONE) {
      emu_mutex_unlock(&p->p_lock);
      free(vec);
      return EMU_EXISTS;
   }
   st = emu_intr_alloc(p, module, type == VMK_PCI_INTERRUPT_TYPE_LEGACY,
                       n, cookies);
   if (st != EMU_OK) {
      emu_mutex_unlock(&p->p_lock);
      free(vec);
      return st;
   }
   for (i = 0; i < n; i++) {
      uint32_t slot = index != NULL && type == VMK_PCI_INTERRUPT_TYPE_MSIX ?
                      index[i] : i;

      vec[slot] = cookies[i];
   }
   p->p_vec = vec;
   p->p_nvec = table;
   p->p_intr_type = type;
   p->p_intr_module = module;
   switch (type) {
   case VMK_PCI_INTERRUPT_TYPE_LEGACY:
      cfg_put(p, 0x04, 2, cfg_get(p, 0x04, 2) & ~0x0400u);
      break;
   case VMK_PCI_INTERRUPT_TYPE_MSI: {
      uint32_t mme = 0;

      while ((1u << mme) < n) {
         mme++;
      }
      cfg_put(p, 0x04, 2, cfg_get(p, 0x04, 2) | 0x0400u);
      cfg_put(p, (uint16_t)(p->p_cap_msi + 2), 2,
              (cfg_get(p, (uint16_t)(p->p_cap_msi + 2), 2) & ~0x0070u) |
              (mme << 4) | 1u);
      break;
   }
   default:
      cfg_put(p, 0x04, 2, cfg_get(p, 0x04, 2) | 0x0400u);
      cfg_put(p, (uint16_t)(p->p_cap_msix + 2), 2,
              cfg_get(p, (uint16_t)(p->p_cap_msix + 2), 2) | 0x8000u);
      break;
   }
   emu_mutex_unlock(&p->p_lock);
   *got = n;
   return EMU_OK;
}

emu_status_t
emu_pci_intr_free(struct emu_pci *p, const void *caller)
{
   uint32_t *vec;
   uint32_t n;
   uint32_t i;
   unsigned dropped = 0;

   emu_mutex_lock(&p->p_lock);
   if (p->p_intr_type == VMK_PCI_INTERRUPT_TYPE_NONE) {
      emu_mutex_unlock(&p->p_lock);
      return EMU_BADPARAM;
   }
   vec = p->p_vec;
   n = p->p_nvec;
   p->p_vec = NULL;
   p->p_nvec = 0;
   if (p->p_cap_msi != 0) {
      cfg_put(p, (uint16_t)(p->p_cap_msi + 2), 2,
              cfg_get(p, (uint16_t)(p->p_cap_msi + 2), 2) & ~0x0071u);
   }
   if (p->p_cap_msix != 0) {
      cfg_put(p, (uint16_t)(p->p_cap_msix + 2), 2,
              cfg_get(p, (uint16_t)(p->p_cap_msix + 2), 2) & ~0x8000u);
   }
   p->p_intr_type = VMK_PCI_INTERRUPT_TYPE_NONE;
   emu_mutex_unlock(&p->p_lock);
   for (i = 0; i < n; i++) {
      if (vec[i] != 0) {
         dropped += emu_intr_free(vec[i]);
      }
   }
   free(vec);
   if (dropped != 0 && caller != NULL) {
      emu_report_obj_t obj = { "PCI device", p->p_addrstr, p };

      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "vmk_PCIFreeIntrCookie on %s with %u handler(s) still "
                 "registered (vmk_IntrUnregister missing); dropped",
                 p->p_addrstr, dropped);
   }
   return EMU_OK;
}

emu_status_t
emu_pci_raise(struct emu_pci *p, uint16_t vector)
{
   uint32_t cookie = 0;
   emu_status_t st = EMU_OK;

   if (__atomic_load_n(&p->p_gone, __ATOMIC_ACQUIRE)) {
      return EMU_FAILURE;
   }
   emu_mutex_lock(&p->p_lock);
   switch (p->p_intr_type) {
   case VMK_PCI_INTERRUPT_TYPE_NONE:
      if ((p->p_props.intxPin != 0 && vector == 0) ||
          vector < p->p_props.msiVectors || vector < p->p_props.msixVectors) {
         st = EMU_NOTFOUND;
      } else {
         st = EMU_BADPARAM;
      }
      break;
   case VMK_PCI_INTERRUPT_TYPE_LEGACY:
      if (vector != 0) {
         st = EMU_BADPARAM;
      } else if (cfg_get(p, 0x04, 2) & 0x0400u) {
         st = EMU_NOTFOUND;                /* INTx disabled in command */
      }
      break;
   default:
      if (vector >= p->p_nvec) {
         st = EMU_BADPARAM;
      }
      break;
   }
   if (st == EMU_OK) {
      cookie = p->p_vec[vector];
      if (cookie == 0) {
         st = EMU_NOTFOUND;
      }
   }
   emu_mutex_unlock(&p->p_lock);
   if (st != EMU_OK) {
      return st;
   }
   st = emu_intr_raise(cookie);
   return st == EMU_BADPARAM ? EMU_NOTFOUND : st;   /* freed meanwhile */
}

emu_status_t
emu_pci_pme(struct emu_pci *p, int enable)
{
   uint16_t pmcsr = (uint16_t)(p->p_cap_pm + 4);
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&p->p_lock);
   if (p->p_cfg[p->p_cap_pm] != 0x01 ||
       (cfg_get(p, (uint16_t)(p->p_cap_pm + 2), 2) >> 11) == 0) {
      st = EMU_NOTSUP;
   } else if (enable) {
      cfg_put(p, pmcsr, 2, cfg_get(p, pmcsr, 2) | 0x0100u);
   } else {
      cfg_put(p, pmcsr, 2, cfg_get(p, pmcsr, 2) & ~0x0100u);
   }
   emu_mutex_unlock(&p->p_lock);
   return st;
}

/* ---- SR-IOV -------------------------------------------------------- */

emu_status_t
emu_pci_enable_vfs(struct emu_pci *pf, uint16_t *num)
{
   EmuCtl_PCIDeviceProps vp;
   struct emu_pci **vfs;
   uint16_t i;
   emu_status_t st;

   if (pf->p_props.totalVFs == 0 || pf->p_pf != NULL) {
      return EMU_NOTSUP;
   }
   if (*num == 0 || *num > pf->p_props.totalVFs) {
      return EMU_BADPARAM;
   }
   if (pf->p_numvfs != 0) {
      return EMU_EXISTS;
   }
   vfs = calloc(*num, sizeof *vfs);
   if (vfs == NULL) {
      return EMU_NOMEM;
   }
   memset(&vp, 0, sizeof vp);
   vp.vendorID = pf->p_props.vendorID;
   vp.deviceID = pf->p_props.vfDeviceID;
   vp.subVendorID = pf->p_props.subVendorID;
   vp.subDeviceID = pf->p_props.subDeviceID;
   vp.baseClass = pf->p_props.baseClass;
   vp.subClass = pf->p_props.subClass;
   vp.progIF = pf->p_props.progIF;
   vp.bars[0].type = EMUCTL_PCI_BAR_MEM64;
   vp.bars[0].size = 16384;
   vp.msixVectors = 4;
   vp.msixBar = 0;
   vp.msixTableOffset = 0x2000;
   vp.msixPBAOffset = 0x3000;
   vp.pcie = VMK_TRUE;
   vp.ops = pf->p_has_ops ? &pf->p_ops : NULL;
   vp.opsData = pf->p_props.opsData;
   for (i = 0; i < *num; i++) {
      st = pci_create(&vp, pf, NULL, &vfs[i]);
      if (st != EMU_OK) {
         while (i-- > 0) {
            pci_destroy(vfs[i]);
         }
         free(vfs);
         return st;
      }
      vfs[i]->p_vf_index = i;
   }
   emu_mutex_lock(&pf->p_lock);
   pf->p_vfs = vfs;
   pf->p_numvfs = *num;
   cfg_put(pf, (uint16_t)(pf->p_ext_sriov + 0x08), 2,
           cfg_get(pf, (uint16_t)(pf->p_ext_sriov + 0x08), 2) | 1u);
   cfg_put(pf, (uint16_t)(pf->p_ext_sriov + 0x12), 2, *num);
   emu_mutex_unlock(&pf->p_lock);
   return EMU_OK;
}

emu_status_t
emu_pci_disable_vfs(struct emu_pci *pf)
{
   struct emu_pci **vfs;
   uint16_t n;
   uint16_t i;

   emu_mutex_lock(&pf->p_lock);
   if (pf->p_numvfs == 0) {
      emu_mutex_unlock(&pf->p_lock);
      return EMU_BADPARAM;
   }
   for (i = 0; i < pf->p_numvfs; i++) {
      if (pf->p_vfs[i]->p_dev != NULL) {
         emu_mutex_unlock(&pf->p_lock);
         return EMU_BUSY;                 /* a VF is still registered */
      }
   }
   vfs = pf->p_vfs;
   n = pf->p_numvfs;
   pf->p_vfs = NULL;
   pf->p_numvfs = 0;
   cfg_put(pf, (uint16_t)(pf->p_ext_sriov + 0x08), 2,
           cfg_get(pf, (uint16_t)(pf->p_ext_sriov + 0x08), 2) & ~1u);
   cfg_put(pf, (uint16_t)(pf->p_ext_sriov + 0x12), 2, 0);
   emu_mutex_unlock(&pf->p_lock);
   for (i = 0; i < n; i++) {
      pci_destroy(vfs[i]);
   }
   free(vfs);
   return EMU_OK;
}

static VMK_ReturnStatus
pci_vf_remove(vmk_Device device)
{
   struct emu_dev *d = (struct emu_dev *)device;
   struct emu_pci *vf = d->d_bus_obj;

   if (vf->p_vf_ops.removeVF == NULL) {
      return VMK_FAILURE;
   }
   return vf->p_vf_ops.removeVF((vmk_PCIDevice)vf);
}

emu_status_t
emu_pci_register_vf(struct emu_pci *vf, struct emu_pci *pf,
                    struct emu_drv *pfdrv, const vmk_PCIVFDeviceOps *ops,
                    const void *caller)
{
   static vmk_DeviceOps vf_devops = { pci_vf_remove };
   vmk_DeviceProps props;
   vmk_DeviceID id;
   struct emu_dev *d = NULL;
   emu_status_t st;

   if (vf->p_pf != pf || pf->p_dev == NULL || ops == NULL ||
       ops->removeVF == NULL) {
      return EMU_BADPARAM;
   }
   if (vf->p_dev != NULL) {
      return EMU_EXISTS;
   }
   memset(&props, 0, sizeof props);
   memset(&id, 0, sizeof id);
   id.busType = (vmk_BusType)emu_bustype_pci();
   id.busAddress = vf->p_addrstr;
   id.busAddressLen = (vmk_uint32)strlen(vf->p_addrstr);
   id.busIdentifier = vf->p_ident;
   id.busIdentifierLen = (vmk_uint32)strlen(vf->p_ident);
   props.registeringDriver = (vmk_Driver)pfdrv;
   props.deviceID = &id;
   props.deviceOps = &vf_devops;
   props.registrationData.ptr = vf;
   vf->p_vf_ops = *ops;
   st = emu_dev_register(&props, pf->p_dev, caller, &d);
   if (st != EMU_OK) {
      return st;
   }
   d->d_bus_obj = vf;
   d->d_hooks = &pci_hooks;
   vf->p_dev = d;
   return EMU_OK;
}

emu_status_t
emu_pci_unregister_vf(struct emu_pci *vf, const void *caller)
{
   emu_status_t st;

   if (vf->p_pf == NULL || vf->p_dev == NULL) {
      return EMU_BADPARAM;
   }
   st = emu_dev_unregister(vf->p_dev, caller);
   if (st == EMU_OK) {
      vf->p_dev = NULL;
   }
   return st;
}
