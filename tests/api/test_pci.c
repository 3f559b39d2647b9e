/*
 * test_pci.c -- simulated PCI functions seen through vmk_PCI*: config
 * space and its write masks, BAR sizing, capabilities, BAR mapping with
 * device-side callbacks (memory BARs stepped, I/O BARs through
 * vmk_IOPort*), interrupt cookie allocation, the iterator, PME, SR-IOV
 * virtual functions, I/O resources and reservations, surprise removal,
 * leaks left at detach, and bad input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define MOD vmk_ModuleCurrentID

/* ---- The device side: records what the driver did ------------------- */

struct dev_log {
   unsigned   mmio_writes;
   vmk_uint8  last_bar;
   vmk_uint32 last_off;
   vmk_uint32 last_old;
   vmk_uint32 last_new;
   unsigned   io_reads;
   unsigned   io_writes;
   vmk_uint32 io_last_off;
   vmk_uint32 io_last_size;
   vmk_uint32 io_last_val;
   unsigned   cfg_writes;
   vmk_uint16 cfg_last_off;
};

static struct dev_log dl;

static void
mmio_write(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 off,
           vmk_uint32 old, vmk_uint32 val, void *data)
{
   (void)dev;
   assert_ptr_equal(data, &dl);
   dl.mmio_writes++;
   dl.last_bar = bar;
   dl.last_off = off;
   dl.last_old = old;
   dl.last_new = val;
}

static vmk_uint32
io_read(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 off, vmk_uint32 size,
        void *data)
{
   (void)dev;
   (void)bar;
   (void)data;
   dl.io_reads++;
   dl.io_last_off = off;
   dl.io_last_size = size;
   return 0xa5a50000u | off;
}

static void
io_write(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 off, vmk_uint32 size,
         vmk_uint32 val, void *data)
{
   (void)dev;
   (void)bar;
   (void)data;
   dl.io_writes++;
   dl.io_last_off = off;
   dl.io_last_size = size;
   dl.io_last_val = val;
}

static void
cfg_write(EmuCtl_PCIDevice dev, vmk_uint16 off, vmk_uint32 size,
          vmk_uint32 val, void *data)
{
   (void)dev;
   (void)size;
   (void)val;
   (void)data;
   dl.cfg_writes++;
   dl.cfg_last_off = off;
}

static const EmuCtl_PCIDeviceOps dev_ops = {
   mmio_write, io_read, io_write, cfg_write, NULL
};

static void
base_props(EmuCtl_PCIDeviceProps *p)
{
   memset(p, 0, sizeof *p);
   p->vendorID = 0x8086;
   p->deviceID = 0x10d3;
   p->subVendorID = 0x1028;
   p->subDeviceID = 0x0001;
   p->baseClass = 0x02;
   p->subClass = 0x00;
   p->progIF = 0x00;
   p->revision = 0x03;
   p->bars[0].type = EMUCTL_PCI_BAR_MEM32;
   p->bars[0].size = 0x4000;
   p->bars[1].type = EMUCTL_PCI_BAR_IO;
   p->bars[1].size = 32;
   p->bars[2].type = EMUCTL_PCI_BAR_MEM64;
   p->bars[2].size = 0x10000;
   p->bars[2].prefetchable = VMK_TRUE;
   p->intxPin = 1;
   p->msiVectors = 4;
   p->msixVectors = 8;
   p->msixBar = 2;
   p->msixTableOffset = 0x8000;
   p->msixPBAOffset = 0x9000;
   p->ops = &dev_ops;
   p->opsData = &dl;
}

static EmuCtl_PCIDevice edev;
static vmk_PCIDevice pdev;

static int
set_up(void **state)
{
   EmuCtl_PCIDeviceProps p;

   (void)state;
   memset(&dl, 0, sizeof dl);
   base_props(&p);
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &edev));
   pdev = EmuCtl_PCIDeviceGetPCIDevice(edev);
   assert_non_null(pdev);
   return 0;
}

static int
tear_down(void **state)
{
   (void)state;
   if (edev != NULL) {
      assert_vmk_ok(EmuCtl_PCIDeviceRemove(edev, VMK_FALSE));
      edev = NULL;
   }
   return 0;
}

/* ---- Configuration space ------------------------------------------ */

static void
test_config_header_holds_the_described_identity(void **state)
{
   vmk_uint32 v;
   vmk_PCIDeviceID id;

   (void)state;
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0,
                                   &v));
   assert_int_equal(v, 0x10d38086);
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 2,
                                   &v));
   assert_int_equal(v, 0x10d3);
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_8, 0x0b,
                                   &v));
   assert_int_equal(v, 0x02);
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_8, 0x3d,
                                   &v));
   assert_int_equal(v, 1);                     /* INTA */
   assert_vmk_ok(vmk_PCIQueryDeviceID(pdev, &id));
   assert_int_equal(id.vendorID, 0x8086);
   assert_int_equal(id.deviceID, 0x10d3);
   assert_int_equal(id.subVendorID, 0x1028);
   assert_int_equal(id.subDeviceID, 0x0001);
   assert_int_equal(id.classCode, 0x0200);
   assert_int_equal(id.progIFRevID, 0x0003);
}

static void
test_config_access_checks_size_alignment_and_range(void **state)
{
   vmk_uint32 v;

   (void)state;
   assert_vmk_status(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 2,
                                       &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIReadConfig(MOD, pdev, (vmk_PCIConfigAccess)3, 0,
                                       &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                       0x100, &v), VMK_LIMIT_EXCEEDED);
   assert_vmk_status(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0,
                                       NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIReadConfig(12345, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                       0, &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                        0x101, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIReadConfig(MOD, NULL, VMK_PCI_CONFIG_ACCESS_32,
                                       0, &v), VMK_BAD_PARAM);
}

static void
test_config_writes_follow_the_write_masks(void **state)
{
   vmk_uint32 v;

   (void)state;
   /* Vendor ID is read-only, the command register is not. */
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 0,
                                    0x1234));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 0,
                                   &v));
   assert_int_equal(v, 0x8086);
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 4,
                                    0x0006));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 4,
                                   &v));
   assert_int_equal(v, 0x0006);
   assert_int_equal(dl.cfg_writes, 2);
   assert_int_equal(dl.cfg_last_off, 4);
   /* A raw test-side write goes anywhere and calls nothing. */
   assert_vmk_ok(EmuCtl_PCIConfigWrite(edev, 0x40 + 0x30, 4, 0xdeadbeef));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                   0x70, &v));
   assert_int_equal(v, 0xdeadbeef);
   assert_int_equal(dl.cfg_writes, 2);
}

static void
test_bar_sizing_reads_back_the_size_mask(void **state)
{
   vmk_uint32 v;
   vmk_uint32 orig;

   (void)state;
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0x10,
                                   &orig));
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                    0x10, 0xffffffff));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0x10,
                                   &v));
   assert_int_equal(v, 0xffffc000);
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                    0x10, orig));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0x10,
                                   &v));
   assert_int_equal(v, orig);
   /* I/O BAR: bit 0 set. */
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                    0x14, 0xffffffff));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32, 0x14,
                                   &v));
   assert_int_equal(v, 0xffffffe1);
}

static void
test_capabilities_are_found_in_the_list(void **state)
{
   vmk_uint16 off;
   vmk_uint32 v;

   (void)state;
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x01, &off));     /* PM */
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x05, &off));     /* MSI */
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 2, &v));
   assert_int_equal((v >> 1) & 7, 2);                          /* 4 vectors */
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x11, &off));     /* MSI-X */
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 2, &v));
   assert_int_equal(v & 0x7ff, 7);                             /* 8 entries */
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_32,
                                   off + 4, &v));
   assert_int_equal(v, 0x8000 | 2);
   assert_vmk_status(vmk_PCIFindCapability(pdev, 0x10, &off),  /* not PCIe */
                     VMK_NOT_FOUND);
   assert_vmk_status(vmk_PCIFindCapability(pdev, 0x01, NULL), VMK_BAD_PARAM);
}

static void
test_io_resources_describe_the_bars(void **state)
{
   vmk_PCIResource r[6];

   (void)state;
   assert_vmk_ok(vmk_PCIQueryIOResources(pdev, 6, r));
   assert_int_equal(r[0].size, 0x4000);
   assert_int_equal(r[0].flags, 0);
   assert_true(r[0].start + r[0].size <= 0x100000000ull);
   assert_int_equal(r[0].start % 0x4000, 0);
   assert_int_equal(r[1].size, 32);
   assert_int_equal(r[1].flags, VMK_PCI_BAR_FLAGS_IO);
   assert_true(r[1].start < 0x10000);
   assert_int_equal(r[2].size, 0x10000);
   assert_int_equal(r[2].flags, VMK_PCI_BAR_FLAGS_MEM_64_BITS |
                                VMK_PCI_BAR_FLAGS_MEM_PREFETCHABLE);
   assert_int_equal(r[3].size, 0);                 /* upper half */
   assert_vmk_status(vmk_PCIQueryIOResources(pdev, 7, r), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIQueryIOResources(pdev, 1, NULL), VMK_BAD_PARAM);
}

/* ---- BARs ---------------------------------------------------------- */

static void
test_mapped_memory_bar_is_shared_with_the_device(void **state)
{
   vmk_IOReservation resv;
   vmk_VA va;
   volatile vmk_uint32 *regs;
   vmk_uint32 n;
   vmk_uint64 v;

   (void)state;
   assert_vmk_ok(vmk_PCIMapIOResource(MOD, pdev, 0, &resv, &va));
   regs = (volatile vmk_uint32 *)va;
   /* Device -> driver. */
   assert_vmk_ok(EmuCtl_PCIBarWrite(edev, 0, 0x10, 4, 0xcafe));
   assert_int_equal(regs[4], 0xcafe);
   assert_vmk_ok(EmuCtl_PCIDeviceStep(edev, &n));
   assert_int_equal(n, 0);                      /* its own write */
   /* Driver -> device: seen at the next step. */
   regs[8] = 0x11;
   regs[9] = 0x22;
   assert_int_equal(dl.mmio_writes, 0);
   assert_vmk_ok(EmuCtl_PCIDeviceStep(edev, &n));
   assert_int_equal(n, 2);
   assert_int_equal(dl.mmio_writes, 2);
   assert_int_equal(dl.last_bar, 0);
   assert_int_equal(dl.last_off, 0x24);
   assert_int_equal(dl.last_old, 0);
   assert_int_equal(dl.last_new, 0x22);
   assert_vmk_ok(EmuCtl_PCIBarRead(edev, 0, 0x20, 4, &v));
   assert_int_equal(v, 0x11);
   assert_vmk_status(EmuCtl_PCIBarRead(edev, 0, 0x4000, 4, &v),
                     VMK_BAD_ADDR_RANGE);
   assert_vmk_status(EmuCtl_PCIBarRead(edev, 0, 2, 4, &v), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_PCIBarRead(edev, 1, 0, 4, &v), VMK_BAD_PARAM);
   /* One mapping per BAR. */
   {
      vmk_IOReservation r2;
      vmk_VA va2;

      assert_vmk_status(vmk_PCIMapIOResource(MOD, pdev, 0, &r2, &va2),
                        VMK_NO_RESOURCES);
   }
   assert_vmk_ok(vmk_PCIUnmapIOResource(MOD, pdev, 0));
   assert_vmk_status(vmk_PCIUnmapIOResource(MOD, pdev, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIMapIOResource(MOD, pdev, 3, &resv, &va),
                     VMK_BAD_PARAM);              /* upper half of BAR 2 */
   assert_vmk_status(vmk_PCIMapIOResource(MOD, pdev, 6, &resv, &va),
                     VMK_BAD_PARAM);
}

static void
test_io_bar_accesses_reach_the_device_callbacks(void **state)
{
   vmk_IOReservation resv;
   vmk_VA base;
   vmk_uint8 b;
   vmk_uint16 w;
   vmk_uint32 l;
   vmk_IOPortAddr port;

   (void)state;
   assert_vmk_ok(vmk_PCIMapIOResource(MOD, pdev, 1, &resv, &base));
   port = (vmk_IOPortAddr)base;
   assert_vmk_ok(vmk_IOPortRead32(resv, port + 4, &l));
   assert_int_equal(l, 0xa5a50004u);
   assert_int_equal(dl.io_last_size, 4);
   assert_vmk_ok(vmk_IOPortRead16(resv, port + 2, &w));
   assert_int_equal(w, 0x0002);
   assert_vmk_ok(vmk_IOPortRead8(resv, port + 31, &b));
   assert_int_equal(b, 31);
   assert_int_equal(dl.io_reads, 3);
   assert_vmk_ok(vmk_IOPortWrite8(resv, port + 1, 0x5a));
   assert_int_equal(dl.io_last_val, 0x5a);
   assert_int_equal(dl.io_last_off, 1);
   assert_vmk_ok(vmk_IOPortWrite16(resv, port + 2, 0xbeef));
   assert_vmk_ok(vmk_IOPortWrite32(resv, port + 28, 0x01020304));
   assert_int_equal(dl.io_writes, 3);
   assert_int_equal(dl.io_last_off, 28);
   /* Outside the reservation. */
   assert_vmk_status(vmk_IOPortRead32(resv, port + 30, &l),
                     VMK_BAD_ADDR_RANGE);
   assert_vmk_status(vmk_IOPortWrite8(resv, port + 32, 0),
                     VMK_BAD_ADDR_RANGE);
   assert_vmk_status(vmk_IOPortRead8(NULL, port, &b), VMK_BAD_ADDR_RANGE);
   assert_int_equal(dl.io_writes, 3);
   /* A BAR's reservation goes back through vmk_PCIUnmapIOResource. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_IOResourceRelease(resv), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_PCIUnmapIOResource(MOD, pdev, 1));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_IOPortRead8(resv, port, &b), VMK_BAD_ADDR_RANGE);
   assert_reports_met();
}

/* ---- Interrupt cookies --------------------------------------------- */

static void
test_intr_cookie_allocation_honours_capabilities(void **state)
{
   vmk_IntrCookie c[8];
   vmk_uint32 n = 0;
   vmk_uint16 idx[3] = { 5, 1, 7 };
   vmk_uint16 off;
   vmk_uint32 v;

   (void)state;
   /* MSI grants a power of two. */
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev, VMK_PCI_INTERRUPT_TYPE_MSI,
                                        3, 1, NULL, c, &n));
   assert_int_equal(n, 2);
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x05, &off));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 2, &v));
   assert_int_equal(v & 1, 1);                         /* MSI enable */
   assert_int_equal((v >> 4) & 7, 1);                  /* 2 messages */
   /* Twice is an error. */
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pdev,
                                            VMK_PCI_INTERRUPT_TYPE_MSI, 1, 1,
                                            NULL, c, &n), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
   assert_vmk_status(vmk_PCIFreeIntrCookie(MOD, pdev), VMK_BAD_PARAM);
   /* MSI-X, chosen table entries. */
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev,
                                        VMK_PCI_INTERRUPT_TYPE_MSIX, 3, 3,
                                        idx, c, &n));
   assert_int_equal(n, 3);
   assert_true(c[0] != c[1] && c[1] != c[2]);
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x11, &off));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 2, &v));
   assert_int_equal(v & 0x8000, 0x8000);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
   /* More required than the table holds. */
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pdev,
                                            VMK_PCI_INTERRUPT_TYPE_MSIX, 16,
                                            9, NULL, c, &n),
                     VMK_NO_RESOURCES);
   idx[1] = 8;
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pdev,
                                            VMK_PCI_INTERRUPT_TYPE_MSIX, 3, 3,
                                            idx, c, &n), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pdev,
                                            VMK_PCI_INTERRUPT_TYPE_NONE, 1, 1,
                                            NULL, c, &n), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pdev,
                                            VMK_PCI_INTERRUPT_TYPE_LEGACY, 1,
                                            2, NULL, c, &n), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev,
                                        VMK_PCI_INTERRUPT_TYPE_LEGACY, 1, 1,
                                        NULL, c, &n));
   assert_int_equal(n, 1);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

static void
test_missing_capability_is_not_supported(void **state)
{
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice d;
   vmk_IntrCookie c;
   vmk_uint32 n;
   vmk_PCIDevice pd;

   (void)state;
   memset(&p, 0, sizeof p);
   p.vendorID = 0x1af4;
   p.deviceID = 0x1000;
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &d));
   pd = EmuCtl_PCIDeviceGetPCIDevice(d);
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pd,
                                            VMK_PCI_INTERRUPT_TYPE_LEGACY, 1,
                                            1, NULL, &c, &n),
                     VMK_NOT_SUPPORTED);
   assert_vmk_status(vmk_PCIAllocIntrCookie(MOD, pd,
                                            VMK_PCI_INTERRUPT_TYPE_MSIX, 1, 1,
                                            NULL, &c, &n), VMK_NOT_SUPPORTED);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(d, VMK_FALSE));
}

/* ---- Iteration, PME, properties ----------------------------------- */

static void
test_iterator_walks_functions_in_order(void **state)
{
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice second;
   vmk_PCIDevIterator it;
   vmk_PCIDevice d;
   vmk_HeapCreateProps hp;
   vmk_HeapID heap;

   (void)state;
   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   assert_vmk_ok(vmk_NameInitialize(&hp.name, "iter"));
   hp.module = MOD;
   hp.max = 65536;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&hp, &heap));
   base_props(&p);
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &second));
   assert_vmk_ok(vmk_PCIDevIteratorAlloc(heap,
                                         VMK_PCI_DEV_ITERATOR_TYPE_NO_ORDER,
                                         &it));
   assert_vmk_ok(vmk_PCIDevIteratorGetFirst(it, &d));
   assert_ptr_equal(d, pdev);
   assert_vmk_ok(vmk_PCIDevIteratorGetNext(it, &d));
   assert_ptr_equal(d, EmuCtl_PCIDeviceGetPCIDevice(second));
   assert_vmk_status(vmk_PCIDevIteratorGetNext(it, &d), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_PCIDevIteratorGetFirst(it, &d));
   assert_ptr_equal(d, pdev);
   assert_vmk_status(vmk_PCIDevIteratorGetNext(it, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PCIDevIteratorFree(it));
   assert_vmk_status(vmk_PCIDevIteratorAlloc(heap, (vmk_PCIDevIteratorType)9,
                                             &it), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(second, VMK_FALSE));
   vmk_HeapDestroy(heap);
}

static void
test_pme_sets_and_clears_pme_enable(void **state)
{
   vmk_uint16 off;
   vmk_uint32 v;

   (void)state;
   assert_vmk_ok(vmk_PCIFindCapability(pdev, 0x01, &off));
   assert_vmk_ok(vmk_PCIEnablePME(MOD, pdev));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 4, &v));
   assert_int_equal(v & 0x100, 0x100);
   assert_vmk_ok(vmk_PCIDisablePME(MOD, pdev));
   assert_vmk_ok(vmk_PCIReadConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16,
                                   off + 4, &v));
   assert_int_equal(v & 0x100, 0);
   /* A function that advertises no PME. */
   assert_vmk_ok(EmuCtl_PCIConfigWrite(edev, off + 2, 2, 0x0003));
   assert_vmk_status(vmk_PCIEnablePME(MOD, pdev), VMK_NOT_SUPPORTED);
   assert_vmk_status(vmk_PCIEnablePME(4242, pdev), VMK_BAD_PARAM);
}

static void
test_device_props_are_checked(void **state)
{
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice d;
   vmk_PCIDeviceAddr a;

   (void)state;
   assert_vmk_status(EmuCtl_PCIDeviceAdd(NULL, &d), VMK_BAD_PARAM);
   base_props(&p);
   p.bars[0].size = 1000;                      /* not a power of two */
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_BAD_PARAM);
   base_props(&p);
   p.bars[3].type = EMUCTL_PCI_BAR_IO;         /* upper half of BAR 2 */
   p.bars[3].size = 16;
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_BAD_PARAM);
   base_props(&p);
   p.msixTableOffset = 0xfff0;                 /* table past the BAR */
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_BAD_PARAM);
   base_props(&p);
   p.msiVectors = 3;
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_BAD_PARAM);
   base_props(&p);
   p.totalVFs = 2;                             /* SR-IOV needs PCIe */
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_BAD_PARAM);
   base_props(&p);
   assert_vmk_ok(vmk_PCIQueryDeviceAddr(pdev, &a));
   p.fixedAddr = VMK_TRUE;
   p.addr = a;
   assert_vmk_status(EmuCtl_PCIDeviceAdd(&p, &d), VMK_EXISTS);
   /* PCIe gets the 4 KiB space and a PCIe capability. */
   p.addr.bus = 0x40;
   p.pcie = VMK_TRUE;
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &d));
   {
      vmk_uint32 v;
      vmk_uint16 off;

      assert_vmk_ok(vmk_PCIReadConfig(MOD, EmuCtl_PCIDeviceGetPCIDevice(d),
                                      VMK_PCI_CONFIG_ACCESS_32, 0xffc, &v));
      assert_vmk_ok(vmk_PCIFindCapability(EmuCtl_PCIDeviceGetPCIDevice(d),
                                          0x10, &off));
      assert_vmk_ok(vmk_PCIQueryDeviceAddr(EmuCtl_PCIDeviceGetPCIDevice(d),
                                           &a));
      assert_int_equal(a.bus, 0x40);
   }
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(d, VMK_FALSE));
}

/* ---- Surprise removal and leaks ------------------------------------ */

static VMK_ReturnStatus
leaky_attach(vmk_Device d)
{
   vmk_AddrCookie c;
   vmk_IOReservation r;
   vmk_VA va;
   vmk_IntrCookie ic;
   vmk_uint32 n;

   assert_vmk_ok(vmk_DeviceGetRegistrationData(d, &c));
   assert_vmk_ok(vmk_PCIMapIOResource(MOD, c.ptr, 0, &r, &va));
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, c.ptr,
                                        VMK_PCI_INTERRUPT_TYPE_LEGACY, 1, 1,
                                        NULL, &ic, &n));
   return VMK_OK;
}

static VMK_ReturnStatus
ok_op(vmk_Device d)
{
   (void)d;
   return VMK_OK;
}

static void
test_resources_left_at_detach_are_leaks(void **state)
{
   static vmk_DriverOps ops = { leaky_attach, ok_op, ok_op, ok_op, ok_op,
                                NULL };
   vmk_DriverProps dp;
   vmk_Driver drv;
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice d;

   (void)state;
   memset(&dp, 0, sizeof dp);
   dp.moduleID = MOD;
   assert_vmk_ok(vmk_NameInitialize(&dp.name, "leaky"));
   dp.ops = &ops;
   assert_vmk_ok(vmk_DriverRegister(&dp, &drv));
   base_props(&p);
   p.driverName = "leaky";
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &d));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(d, VMK_FALSE));
   assert_reports_met();
   assert_vmk_ok(vmk_DriverUnregister(drv));
}

static vmk_VA gone_va;
static vmk_PCIDevice gone_pci;
static vmk_uint32 gone_bar_read;
static vmk_uint32 gone_cfg_read;
static VMK_ReturnStatus gone_raise;
static int gone_forgotten;
static EmuCtl_PCIDevice gone_dev;

static VMK_ReturnStatus
gone_attach(vmk_Device d)
{
   vmk_AddrCookie c;
   vmk_IOReservation r;

   assert_vmk_ok(vmk_DeviceGetRegistrationData(d, &c));
   gone_pci = c.ptr;
   assert_vmk_ok(vmk_PCIMapIOResource(MOD, gone_pci, 0, &r, &gone_va));
   return VMK_OK;
}

static void
gone_forget(vmk_Device d)
{
   (void)d;
   gone_forgotten++;
   gone_raise = EmuCtl_PCIRaiseInterrupt(gone_dev, 0);
}

static VMK_ReturnStatus
gone_detach(vmk_Device d)
{
   (void)d;
   gone_bar_read = ((volatile vmk_uint32 *)gone_va)[0];
   assert_vmk_ok(vmk_PCIReadConfig(MOD, gone_pci, VMK_PCI_CONFIG_ACCESS_32,
                                   0, &gone_cfg_read));
   assert_vmk_ok(vmk_PCIUnmapIOResource(MOD, gone_pci, 0));
   return VMK_OK;
}

static void
test_surprise_removed_function_reads_all_ones(void **state)
{
   static vmk_DriverOps ops = { gone_attach, ok_op, gone_detach, ok_op,
                                ok_op, gone_forget };
   vmk_DriverProps dp;
   vmk_Driver drv;
   EmuCtl_PCIDeviceProps p;
   vmk_uint32 v;

   (void)state;
   memset(&dp, 0, sizeof dp);
   dp.moduleID = MOD;
   assert_vmk_ok(vmk_NameInitialize(&dp.name, "gone"));
   dp.ops = &ops;
   assert_vmk_ok(vmk_DriverRegister(&dp, &drv));
   base_props(&p);
   p.driverName = "gone";
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &gone_dev));
   assert_vmk_ok(EmuCtl_PCIBarWrite(gone_dev, 0, 0, 4, 5));
   assert_int_equal(((volatile vmk_uint32 *)gone_va)[0], 5);
   gone_forgotten = 0;
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(gone_dev, VMK_TRUE));
   assert_int_equal(gone_forgotten, 1);
   assert_int_equal(gone_bar_read, 0xffffffffu);
   assert_int_equal(gone_cfg_read, 0xffffffffu);
   assert_vmk_status(gone_raise, VMK_NOT_READY);
   /* The handle is dead now. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_PCIReadConfig(MOD, gone_pci, VMK_PCI_CONFIG_ACCESS_32,
                                       0, &v), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_DriverUnregister(drv));
}

/* ---- I/O resources ------------------------------------------------- */

static void
test_io_resources_register_reserve_and_share(void **state)
{
   vmk_IOResourceInfo info;
   vmk_IOResource res;
   vmk_IOResource res2;
   vmk_IOReservation r1;
   vmk_IOReservation r2;
   vmk_uint32 l;

   (void)state;
   memset(&info, 0, sizeof info);
   info.moduleID = MOD;
   info.start.type = VMK_IORESOURCE_PORT;
   info.start.address.port = 0xe000;
   info.len = 16;
   info.attrs = VMK_IORESOURCE_SHAREABLE;
   assert_vmk_ok(vmk_IOResourceRegister(&info, &res));
   assert_vmk_status(vmk_IOResourceRegister(&info, &res2),
                     VMK_BAD_ADDR_RANGE);            /* overlaps */
   info.len = 0;
   assert_vmk_status(vmk_IOResourceRegister(&info, &res2), VMK_BAD_PARAM);
   info.len = 8;
   assert_vmk_ok(vmk_IOResourceReserve(&info, &r1));
   assert_vmk_ok(vmk_IOResourceReserve(&info, &r2));   /* both shareable */
   assert_vmk_ok(vmk_IOResourceRelease(r2));
   info.attrs = 0;
   assert_vmk_status(vmk_IOResourceReserve(&info, &r2), VMK_NOT_SHARED);
   info.start.address.port = 0xe00c;
   assert_vmk_status(vmk_IOResourceReserve(&info, &r2), VMK_BAD_ADDR_RANGE);
   /* Nothing answers there: all-ones. */
   assert_vmk_ok(vmk_IOPortRead32(r1, 0xe004, &l));
   assert_int_equal(l, 0xffffffffu);
   assert_vmk_ok(vmk_IOPortWrite32(r1, 0xe004, 1));
   /* Bind to a device. */
   assert_vmk_ok(vmk_IOResourceBindToDevice(res,
                                            EmuCtl_PCIDeviceGetDevice(edev)));
   assert_vmk_status(vmk_IOResourceBindToDevice(res,
                                      EmuCtl_PCIDeviceGetDevice(edev)),
                     VMK_BAD_PARAM);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_IOResourceUnregister(res), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_IOResourceUnbindFromDevice(res,
                                       EmuCtl_PCIDeviceGetDevice(edev)));
   assert_vmk_status(vmk_IOResourceUnbindFromDevice(res,
                                       EmuCtl_PCIDeviceGetDevice(edev)),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_IOResourceRelease(r1));
   assert_vmk_ok(vmk_IOResourceUnregister(res));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_IOResourceUnregister(res), VMK_BAD_PARAM);
   assert_reports_met();
   /* A BAR's range is taken. */
   {
      vmk_PCIResource r[1];

      assert_vmk_ok(vmk_PCIQueryIOResources(pdev, 1, r));
      info.start.type = VMK_IORESOURCE_MEM;
      info.start.address.memory = r[0].start;
      info.len = 4096;
      assert_vmk_status(vmk_IOResourceRegister(&info, &res2),
                        VMK_BAD_ADDR_RANGE);
   }
}

/* ---- SR-IOV -------------------------------------------------------- */

static vmk_Driver pf_drv;
static vmk_Driver vf_drv;
static vmk_PCIDevice pf_pci;
static int vf_attached;
static int vf_removed;

static VMK_ReturnStatus
vf_remove(vmk_PCIDevice vf)
{
   vf_removed++;
   return vmk_PCIUnregisterVF(vf);
}

static vmk_PCIVFDeviceOps vf_ops = { vf_remove };

static VMK_ReturnStatus
pf_attach(vmk_Device d)
{
   vmk_AddrCookie c;
   vmk_uint16 n = 2;

   assert_vmk_ok(vmk_DeviceGetRegistrationData(d, &c));
   pf_pci = c.ptr;
   assert_vmk_ok(vmk_PCIEnableVFs(pf_pci, &n));
   return VMK_OK;
}

static VMK_ReturnStatus
pf_scan(vmk_Device d)
{
   vmk_PCIDevice vf;
   vmk_uint16 i;

   (void)d;
   for (i = 0; i < 2; i++) {
      assert_vmk_ok(vmk_PCIGetVFPCIDevice(pf_pci, i, &vf));
      assert_vmk_ok(vmk_PCIRegisterVF(vf, pf_pci, pf_drv, &vf_ops));
      assert_vmk_status(vmk_PCIRegisterVF(vf, pf_pci, pf_drv, &vf_ops),
                        VMK_BAD_PARAM);
   }
   return VMK_OK;
}

static VMK_ReturnStatus
pf_detach(vmk_Device d)
{
   (void)d;
   assert_vmk_ok(vmk_PCIDisableVFs(pf_pci));
   return VMK_OK;
}

static VMK_ReturnStatus
vf_attach(vmk_Device d)
{
   vmk_AddrCookie c;
   vmk_PCIDevice pf;
   vmk_PCIDeviceID id;

   assert_vmk_ok(vmk_DeviceGetRegistrationData(d, &c));
   assert_vmk_ok(vmk_PCIGetPFPCIDevice(c.ptr, &pf));
   assert_ptr_equal(pf, pf_pci);
   assert_vmk_ok(vmk_PCIQueryDeviceID(c.ptr, &id));
   assert_int_equal(id.deviceID, 0x10ed);
   vf_attached++;
   return VMK_OK;
}

static void
test_sriov_vfs_are_registered_by_the_pf_driver(void **state)
{
   static vmk_DriverOps pf_ops = { pf_attach, pf_scan, pf_detach, ok_op,
                                   ok_op, NULL };
   static vmk_DriverOps vf_ops_drv = { vf_attach, ok_op, ok_op, ok_op, ok_op,
                                       NULL };
   vmk_DriverProps dp;
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice d;
   vmk_PCIDevice vf;
   vmk_AddrCookie c;
   vmk_uint16 n = 1;

   (void)state;
   vf_attached = vf_removed = 0;
   memset(&dp, 0, sizeof dp);
   dp.moduleID = MOD;
   dp.ops = &pf_ops;
   assert_vmk_ok(vmk_NameInitialize(&dp.name, "pf"));
   assert_vmk_ok(vmk_DriverRegister(&dp, &pf_drv));
   dp.ops = &vf_ops_drv;
   assert_vmk_ok(vmk_NameInitialize(&dp.name, "vf"));
   assert_vmk_ok(vmk_DriverRegister(&dp, &vf_drv));
   base_props(&p);
   p.pcie = VMK_TRUE;
   p.totalVFs = 4;
   p.vfDeviceID = 0x10ed;
   p.driverName = "pf";
   p.ops = NULL;
   assert_vmk_ok(EmuCtl_DriverMapAdd(
      "pci:v8086d10edsv1028sd0001c020000", "vf"));
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &d));
   {
      vmk_uint32 nc = 0;

      assert_vmk_ok(EmuCtl_DeviceGetChildren(EmuCtl_PCIDeviceGetDevice(d),
                                             &nc, NULL));
      assert_int_equal(nc, 2);
   }
   assert_int_equal(vf_attached, 2);
   assert_vmk_ok(vmk_PCIGetVFPCIDevice(pf_pci, 1, &vf));
   c.addr = 99;
   assert_vmk_ok(vmk_PCISetVFPrivateData(vf, c));
   c.addr = 0;
   assert_vmk_ok(vmk_PCIGetVFPrivateData(vf, &c));
   assert_int_equal(c.addr, 99);
   assert_vmk_status(vmk_PCIGetVFPCIDevice(pf_pci, 2, &vf), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIGetPFPCIDevice(pf_pci, &vf), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCISetVFPrivateData(pf_pci, c), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIEnableVFs(pf_pci, &n), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PCIDisableVFs(pf_pci), VMK_FAILURE);  /* registered */
   assert_vmk_status(vmk_PCIUnregisterVF(vf), VMK_FAILURE);   /* not in removeVF */
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(d, VMK_FALSE));
   assert_int_equal(vf_removed, 2);
   assert_vmk_ok(vmk_DriverUnregister(vf_drv));
   assert_vmk_ok(vmk_DriverUnregister(pf_drv));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, set_up, tear_down)
      T(test_config_header_holds_the_described_identity),
      T(test_config_access_checks_size_alignment_and_range),
      T(test_config_writes_follow_the_write_masks),
      T(test_bar_sizing_reads_back_the_size_mask),
      T(test_capabilities_are_found_in_the_list),
      T(test_io_resources_describe_the_bars),
      T(test_mapped_memory_bar_is_shared_with_the_device),
      T(test_io_bar_accesses_reach_the_device_callbacks),
      T(test_intr_cookie_allocation_honours_capabilities),
      T(test_missing_capability_is_not_supported),
      T(test_iterator_walks_functions_in_order),
      T(test_pme_sets_and_clears_pme_enable),
      T(test_device_props_are_checked),
      T(test_resources_left_at_detach_are_leaks),
      T(test_surprise_removed_function_reads_all_ones),
      T(test_io_resources_register_reserve_and_share),
      T(test_sriov_vfs_are_registered_by_the_pf_driver),
#undef T
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
