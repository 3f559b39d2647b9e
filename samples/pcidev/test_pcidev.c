/*
 * test_pcidev.c -- testing a native PCI driver off-host: the test plays
 * the device.  Its model (struct model) answers the doorbell when the
 * test steps the device: it completes PING at once and XFORM after
 * reading the driver's DMA buffer, adding one to every byte and writing
 * it back; either way it sets STATUS and raises its interrupt, and clears
 * STATUS when the driver writes ACK.
 *
 * The driver's source is linked into this program and loaded once for the
 * group (init_module / cleanup_module, as the loader would); each test
 * plugs devices in and out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

int init_module(void);
void cleanup_module(void);
VMK_ReturnStatus pcidev_ping(void);
VMK_ReturnStatus pcidev_xform_submit(const void *data, vmk_uint32 len);
VMK_ReturnStatus pcidev_xform_result(void *data, vmk_uint32 len);
vmk_uint64 pcidev_completions(void);
vmk_uint64 pcidev_forgets(void);
int pcidev_attached(void);
vmk_PCIInterruptType pcidev_intr_type(void);

/* The device's registers (the driver has its own copy of this map). */
#define REG_ID        0x00
#define REG_CTRL      0x04
#define REG_STATUS    0x08
#define REG_DOORBELL  0x0c
#define REG_ACK       0x10
#define REG_DMA_LO    0x14
#define REG_DMA_HI    0x18
#define REG_DMA_LEN   0x1c
#define CMD_PING      1
#define CMD_XFORM     2

struct model {
   unsigned   commands;
   unsigned   enables;
   VMK_ReturnStatus last_raise;
   VMK_ReturnStatus last_dma;
};

static struct model model;

static void
device_complete(EmuCtl_PCIDevice dev)
{
   assert_vmk_ok(EmuCtl_PCIBarWrite(dev, 0, REG_STATUS, 4, 1));
   model.last_raise = EmuCtl_PCIRaiseInterrupt(dev, 0);
}

static void
device_xform(EmuCtl_PCIDevice dev)
{
   vmk_uint64 lo;
   vmk_uint64 hi;
   vmk_uint64 len;
   unsigned char buf[4096];
   vmk_uint64 i;

   assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_DMA_LO, 4, &lo));
   assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_DMA_HI, 4, &hi));
   assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_DMA_LEN, 4, &len));
   assert_true(len <= sizeof buf);
   model.last_dma = EmuCtl_DeviceDMARead(dev, hi << 32 | lo, buf, len);
   if (model.last_dma != VMK_OK) {
      return;
   }
   for (i = 0; i < len; i++) {
      buf[i]++;
   }
   model.last_dma = EmuCtl_DeviceDMAWrite(dev, hi << 32 | lo, buf, len);
}

/* The driver stored to a register: act on it. */
static void
device_mmio_write(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 off,
                  vmk_uint32 old, vmk_uint32 val, void *data)
{
   vmk_uint64 status;

   (void)old;
   (void)data;
   if (bar != 0) {
      return;
   }
   switch (off) {
   case REG_CTRL:
      model.enables += val & 1;
      break;
   case REG_DOORBELL:
      model.commands++;
      if (val == CMD_XFORM) {
         device_xform(dev);
      }
      assert_vmk_ok(EmuCtl_PCIBarWrite(dev, 0, REG_DOORBELL, 4, 0));
      device_complete(dev);
      break;
   case REG_ACK:
      assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_STATUS, 4, &status));
      assert_vmk_ok(EmuCtl_PCIBarWrite(dev, 0, REG_STATUS, 4,
                                       status & ~(vmk_uint64)val));
      assert_vmk_ok(EmuCtl_PCIBarWrite(dev, 0, REG_ACK, 4, 0));
      break;
   default:
      break;
   }
}

static const EmuCtl_PCIDeviceOps device_ops;

static void
device_props(EmuCtl_PCIDeviceProps *p, int msix)
{
   memset(p, 0, sizeof *p);
   p->vendorID = 0x1234;
   p->deviceID = 0xbeef;
   p->baseClass = 0xff;
   p->bars[0].type = EMUCTL_PCI_BAR_MEM32;
   p->bars[0].size = 4096;
   p->intxPin = 1;
   if (msix) {
      p->msixVectors = 2;
      p->msixBar = 0;
      p->msixTableOffset = 0x800;
      p->msixPBAOffset = 0xc00;
   }
   p->driverName = "pcidev";
   p->ops = &device_ops;
}

/* Power-on: the ID register holds its magic before the driver looks. */
static void
device_reset(EmuCtl_PCIDevice dev, void *data)
{
   (void)data;
   assert_vmk_ok(EmuCtl_PCIBarWrite(dev, 0, REG_ID, 4, 0x0100beef));
}

static const EmuCtl_PCIDeviceOps device_ops = { device_mmio_write, NULL,
                                                NULL, NULL, device_reset };

static EmuCtl_PCIDevice
plug(int msix)
{
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice dev;

   device_props(&p, msix);
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &dev));
   return dev;
}

static int
group_set_up(void **state)
{
   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   assert_int_equal(init_module(), 0);
   return 0;
}

static int
group_tear_down(void **state)
{
   cleanup_module();
   return emutest_group_teardown(state);
}

static int
set_up(void **state)
{
   (void)state;
   memset(&model, 0, sizeof model);
   return 0;
}

static void
test_attach_maps_the_bar_takes_msix_and_starts_the_device(void **state)
{
   EmuCtl_PCIDevice dev;
   EmuCtl_DeviceState st;
   vmk_uint64 ctrl;
   vmk_uint32 n;

   (void)state;
   dev = plug(1);
   assert_true(pcidev_attached());
   assert_int_equal(pcidev_intr_type(), VMK_PCI_INTERRUPT_TYPE_MSIX);
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(dev), &st));
   assert_int_equal(st, EMUCTL_DEVICE_STARTED);
   assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_CTRL, 4, &ctrl));
   assert_int_equal(ctrl, 1);
   assert_vmk_ok(EmuCtl_PCIDeviceStep(dev, &n));
   assert_int_equal(model.enables, 1);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_false(pcidev_attached());
}

static void
test_ping_completes_through_the_interrupt(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_uint64 before;
   vmk_uint64 status;
   int i;

   (void)state;
   dev = plug(1);
   before = pcidev_completions();
   for (i = 1; i <= 3; i++) {
      assert_vmk_ok(pcidev_ping());
      assert_vmk_ok(EmuCtl_PCIDeviceStep(dev, NULL));   /* doorbell */
      assert_vmk_ok(model.last_raise);
      assert_int_equal(pcidev_completions(), before + (vmk_uint64)i);
      assert_vmk_ok(EmuCtl_PCIDeviceStep(dev, NULL));   /* the ACK */
      assert_vmk_ok(EmuCtl_PCIBarRead(dev, 0, REG_STATUS, 4, &status));
      assert_int_equal(status, 0);
   }
   assert_int_equal(model.commands, 3);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_intx_is_the_fallback_without_msix(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_uint64 before;

   (void)state;
   dev = plug(0);
   assert_int_equal(pcidev_intr_type(), VMK_PCI_INTERRUPT_TYPE_LEGACY);
   before = pcidev_completions();
   /* Not ours (STATUS clear): the acknowledge turns it away. */
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(dev, 0), VMK_NOT_FOUND);
   assert_vmk_ok(pcidev_ping());
   assert_vmk_ok(EmuCtl_PCIDeviceStep(dev, NULL));
   assert_vmk_ok(model.last_raise);
   assert_int_equal(pcidev_completions(), before + 1);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_dma_round_trip_through_the_device(void **state)
{
   EmuCtl_PCIDevice dev;
   unsigned char in[256];
   unsigned char out[256];
   unsigned i;

   (void)state;
   dev = plug(1);
   for (i = 0; i < sizeof in; i++) {
      in[i] = (unsigned char)i;
   }
   assert_vmk_ok(pcidev_xform_submit(in, sizeof in));
   assert_vmk_ok(EmuCtl_PCIDeviceStep(dev, NULL));
   assert_vmk_ok(model.last_dma);
   assert_vmk_ok(model.last_raise);
   assert_vmk_ok(pcidev_xform_result(out, sizeof out));
   for (i = 0; i < sizeof out; i++) {
      assert_int_equal(out[i], (unsigned char)(i + 1));
   }
   assert_vmk_status(pcidev_xform_submit(in, 0), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_device_dma_outside_the_mapping_is_reported(void **state)
{
   EmuCtl_PCIDevice dev;
   unsigned char buf[16];

   (void)state;
   dev = plug(1);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_vmk_status(EmuCtl_DeviceDMARead(dev, 0x7000000000ull, buf,
                                          sizeof buf), VMK_BAD_ADDR_RANGE);
   assert_reports_met();
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_surprise_removal_mid_command(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_uint64 forgets;
   vmk_uint64 done;

   (void)state;
   dev = plug(1);
   forgets = pcidev_forgets();
   done = pcidev_completions();
   assert_vmk_ok(pcidev_ping());            /* the device never answers */
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_TRUE));
   assert_int_equal(pcidev_forgets(), forgets + 1);
   assert_int_equal(pcidev_completions(), done);
   assert_false(pcidev_attached());
   assert_vmk_status(pcidev_ping(), VMK_NOT_READY);
   /* The slot is free again: a new device is taken. */
   dev = plug(1);
   assert_true(pcidev_attached());
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_second_device_is_left_unclaimed(void **state)
{
   EmuCtl_PCIDevice a;
   EmuCtl_PCIDevice b;
   EmuCtl_DeviceState st;

   (void)state;
   a = plug(1);
   b = plug(1);
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(b), &st));
   assert_int_equal(st, EMUCTL_DEVICE_UNCLAIMED);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(a, VMK_FALSE));
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(b, VMK_FALSE));
}

/* Every allocation that adding and attaching makes can fail; each
 * failure leaves the device unclaimed (or not added) and nothing behind. */
static void
test_attach_survives_every_allocation_failure(void **state)
{
   EmuCtl_PCIDeviceProps p;
   EmuCtl_PCIDevice dev;
   vmk_uint64 live;
   vmk_uint64 n;
   vmk_uint64 injected = 1;
   int attached = 0;

   (void)state;
   device_props(&p, 1);
   live = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   for (n = 1; n < 200 && injected != 0; n++) {
      VMK_ReturnStatus st;

      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      st = EmuCtl_PCIDeviceAdd(&p, &dev);
      injected = EmuCtl_FailuresInjected();
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
      if (st != VMK_OK) {
         assert_int_equal(st, VMK_NO_MEMORY);
         assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), live);
         continue;
      }
      attached = pcidev_attached();
      assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
      assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), live);
   }
   assert_true(attached);                   /* the round with no failure */
   assert_true(n > 3);                      /* and failures before it */
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, set_up)
      T(test_attach_maps_the_bar_takes_msix_and_starts_the_device),
      T(test_ping_completes_through_the_interrupt),
      T(test_intx_is_the_fallback_without_msix),
      T(test_dma_round_trip_through_the_device),
      T(test_device_dma_outside_the_mapping_is_reported),
      T(test_surprise_removal_mid_command),
      T(test_second_device_is_left_unclaimed),
      T(test_attach_survives_every_allocation_failure),
#undef T
   };

   return cmocka_run_group_tests(tests, group_set_up, group_tear_down);
}
