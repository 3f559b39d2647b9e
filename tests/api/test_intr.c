/*
 * test_intr.c -- interrupts of simulated PCI functions: delivery on the
 * interrupt world in interrupt context, enable/disable with pending
 * interrupts, acknowledge on shared lines, MSI-X table entries,
 * vmk_IntrWithAllDisabledInvoke, sync, misuse, and raises from several
 * threads at once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define MOD vmk_ModuleCurrentID

static EmuCtl_PCIDevice edev;
static vmk_PCIDevice pdev;

struct hstate {
   unsigned       calls;         /* atomic */
   vmk_IntrCookie last_cookie;
   vmk_WorldID    world;
   vmk_Bool       safe_to_block;
   VMK_ReturnStatus ack_result;
   unsigned       acks;
};

static struct hstate h1;
static struct hstate h2;

static void
handler(void *data, vmk_IntrCookie c)
{
   struct hstate *h = data;

   h->last_cookie = c;
   h->world = vmk_WorldGetID();
   __atomic_add_fetch(&h->calls, 1, __ATOMIC_RELAXED);
}

static VMK_ReturnStatus
ack(void *data, vmk_IntrCookie c)
{
   struct hstate *h = data;

   (void)c;
   h->acks++;
   return h->ack_result;
}

static void
props_for(vmk_IntrProps *p, struct hstate *h, vmk_IntrAcknowledge a)
{
   memset(p, 0, sizeof *p);
   p->device = EmuCtl_PCIDeviceGetDevice(edev);
   assert_vmk_ok(vmk_NameInitialize(&p->deviceName, "test"));
   p->acknowledgeInterrupt = a;
   p->handler = handler;
   p->handlerData = h;
}

static int
set_up(void **state)
{
   EmuCtl_PCIDeviceProps p;

   (void)state;
   memset(&h1, 0, sizeof h1);
   memset(&h2, 0, sizeof h2);
   memset(&p, 0, sizeof p);
   p.vendorID = 0x14e4;
   p.deviceID = 0x1657;
   p.bars[0].type = EMUCTL_PCI_BAR_MEM64;
   p.bars[0].size = 0x10000;
   p.intxPin = 2;
   p.msiVectors = 1;
   p.msixVectors = 16;
   p.msixBar = 0;
   p.msixTableOffset = 0x4000;
   p.msixPBAOffset = 0x5000;
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&p, &edev));
   pdev = EmuCtl_PCIDeviceGetPCIDevice(edev);
   return 0;
}

static int
tear_down(void **state)
{
   (void)state;
   (void)vmk_PCIFreeIntrCookie(MOD, pdev);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(edev, VMK_FALSE));
   return 0;
}

static vmk_IntrCookie
alloc_one(vmk_PCIInterruptType type)
{
   vmk_IntrCookie c;
   vmk_uint32 n;

   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev, type, 1, 1, NULL, &c, &n));
   assert_int_equal(n, 1);
   return c;
}

static void
test_msi_runs_the_handler_on_the_interrupt_world(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c;

   (void)state;
   c = alloc_one(VMK_PCI_INTERRUPT_TYPE_MSI);
   props_for(&p, &h1, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, c, &p));
   /* Registered disabled. */
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_WOULD_BLOCK);
   assert_int_equal(h1.calls, 0);
   assert_vmk_ok(vmk_IntrEnable(c));
   assert_vmk_ok(vmk_IntrSync(c));          /* the pending one, delivered */
   assert_int_equal(h1.calls, 1);
   assert_vmk_ok(EmuCtl_PCIRaiseInterrupt(edev, 0));
   assert_int_equal(h1.calls, 2);
   assert_int_equal(h1.last_cookie, c);
   assert_true(h1.world != vmk_WorldGetID());
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 1), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_IntrDisable(c));
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_WOULD_BLOCK);
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_WOULD_BLOCK);
   assert_vmk_ok(vmk_IntrEnable(c));
   assert_vmk_ok(vmk_IntrSync(c));
   assert_int_equal(h1.calls, 3);           /* pending is one bit */
   assert_int_equal(EmuCtl_IntrInFlight(), 0);
   assert_vmk_ok(vmk_IntrUnregister(MOD, c, &h1));
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_NOT_FOUND);
   assert_vmk_status(vmk_IntrUnregister(MOD, c, &h1), VMK_FAILURE);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

static void
sleeping_handler(void *data, vmk_IntrCookie c)
{
   (void)data;
   (void)c;
   (void)vmk_WorldSleep(1);
}

static void
test_blocking_in_a_handler_is_reported(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c;

   (void)state;
   c = alloc_one(VMK_PCI_INTERRUPT_TYPE_MSI);
   props_for(&p, &h1, NULL);
   p.handler = sleeping_handler;
   assert_vmk_ok(vmk_IntrRegister(MOD, c, &p));
   assert_vmk_ok(vmk_IntrEnable(c));
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   assert_vmk_ok(EmuCtl_PCIRaiseInterrupt(edev, 0));
   assert_reports_met();
   assert_vmk_ok(vmk_IntrUnregister(MOD, c, &h1));
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

static void
test_shared_intx_line_acknowledges_each_handler(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c;

   (void)state;
   c = alloc_one(VMK_PCI_INTERRUPT_TYPE_LEGACY);
   props_for(&p, &h1, ack);
   assert_vmk_ok(vmk_IntrRegister(MOD, c, &p));
   assert_vmk_status(vmk_IntrRegister(MOD, c, &p), VMK_BAD_PARAM);
   props_for(&p, &h2, ack);
   assert_vmk_ok(vmk_IntrRegister(MOD, c, &p));
   assert_vmk_ok(vmk_IntrEnable(c));
   h1.ack_result = VMK_NOT_THIS_DEVICE;
   h2.ack_result = VMK_OK;
   assert_vmk_ok(EmuCtl_PCIRaiseInterrupt(edev, 0));
   assert_int_equal(h1.acks, 1);
   assert_int_equal(h1.calls, 0);
   assert_int_equal(h2.calls, 1);
   h2.ack_result = VMK_NOT_THIS_DEVICE;
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_NOT_FOUND);
   /* INTx disabled in the command register: nothing arrives. */
   assert_vmk_ok(vmk_PCIWriteConfig(MOD, pdev, VMK_PCI_CONFIG_ACCESS_16, 4,
                                    0x0400));
   h2.ack_result = VMK_OK;
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_NOT_FOUND);
   assert_int_equal(h2.calls, 1);
   assert_vmk_ok(vmk_IntrUnregister(MOD, c, &h1));
   assert_vmk_ok(vmk_IntrUnregister(MOD, c, &h2));
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

static void
test_msix_vectors_follow_the_index_array(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c[2];
   vmk_uint16 idx[2] = { 9, 3 };
   vmk_uint32 n;

   (void)state;
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev,
                                        VMK_PCI_INTERRUPT_TYPE_MSIX, 2, 2,
                                        idx, c, &n));
   props_for(&p, &h1, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, c[0], &p));
   props_for(&p, &h2, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, c[1], &p));
   /* One handler per MSI-X vector. */
   assert_vmk_status(vmk_IntrRegister(MOD, c[1], &p), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_IntrEnable(c[0]));
   assert_vmk_ok(vmk_IntrEnable(c[1]));
   assert_vmk_ok(EmuCtl_PCIRaiseInterrupt(edev, 9));
   assert_int_equal(h1.calls, 1);
   assert_int_equal(h2.calls, 0);
   assert_vmk_ok(EmuCtl_PCIRaiseInterrupt(edev, 3));
   assert_int_equal(h2.calls, 1);
   assert_int_equal(h2.last_cookie, c[1]);
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 16), VMK_BAD_PARAM);
   /* Freeing with handlers registered. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
   assert_reports_met();
}

static vmk_IntrCookie wad_cookie;
static VMK_ReturnStatus wad_raise;
static unsigned wad_calls_inside;

static void
with_all_disabled(vmk_AddrCookie data)
{
   (void)data;
   wad_raise = EmuCtl_PCIRaiseInterrupt(edev, 0);
   wad_calls_inside = h1.calls;
}

static void
test_with_all_disabled_holds_interrupts_back(void **state)
{
   vmk_IntrProps p;
   vmk_AddrCookie data;

   (void)state;
   wad_cookie = alloc_one(VMK_PCI_INTERRUPT_TYPE_MSI);
   props_for(&p, &h1, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, wad_cookie, &p));
   assert_vmk_ok(vmk_IntrEnable(wad_cookie));
   data.addr = 0;
   assert_vmk_ok(vmk_IntrWithAllDisabledInvoke(MOD, with_all_disabled, data));
   assert_vmk_status(wad_raise, VMK_WOULD_BLOCK);
   assert_int_equal(wad_calls_inside, 0);
   assert_vmk_ok(vmk_IntrSync(wad_cookie));
   assert_int_equal(h1.calls, 1);
   assert_vmk_status(vmk_IntrWithAllDisabledInvoke(MOD, NULL, data),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_IntrUnregister(MOD, wad_cookie, &h1));
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

static void
test_bad_cookies_and_props_are_rejected(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c;

   (void)state;
   props_for(&p, &h1, NULL);
   assert_vmk_status(vmk_IntrRegister(MOD, 12345, &p), VMK_BAD_PARAM);
   assert_vmk_status(vmk_IntrEnable(VMK_INVALID_INTRCOOKIE), VMK_BAD_PARAM);
   assert_vmk_status(vmk_IntrSync(VMK_INVALID_INTRCOOKIE), VMK_BAD_PARAM);
   c = alloc_one(VMK_PCI_INTERRUPT_TYPE_MSI);
   p.handler = NULL;
   assert_vmk_status(vmk_IntrRegister(MOD, c, &p), VMK_BAD_PARAM);
   assert_vmk_status(vmk_IntrRegister(MOD, c, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_IntrRegister(777, c, &p), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
   /* A freed cookie is gone. */
   assert_vmk_status(vmk_IntrEnable(c), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_PCIRaiseInterrupt(edev, 0), VMK_NOT_FOUND);
}

/* Several host threads raise at once: every raise reaches the handler. */
#define RAISERS 4
#define RAISES 500

static void *
raiser(void *arg)
{
   vmk_uint16 v = (vmk_uint16)(uintptr_t)arg;
   unsigned i;

   for (i = 0; i < RAISES; i++) {
      if (EmuCtl_PCIRaiseInterrupt(edev, v) != VMK_OK) {
         return (void *)1;
      }
   }
   return NULL;
}

static void
test_concurrent_raises_are_all_delivered(void **state)
{
   vmk_IntrProps p;
   vmk_IntrCookie c[2];
   vmk_uint32 n;
   pthread_t t[RAISERS];
   unsigned i;

   (void)state;
   assert_vmk_ok(vmk_PCIAllocIntrCookie(MOD, pdev,
                                        VMK_PCI_INTERRUPT_TYPE_MSIX, 2, 2,
                                        NULL, c, &n));
   props_for(&p, &h1, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, c[0], &p));
   props_for(&p, &h2, NULL);
   assert_vmk_ok(vmk_IntrRegister(MOD, c[1], &p));
   assert_vmk_ok(vmk_IntrEnable(c[0]));
   assert_vmk_ok(vmk_IntrEnable(c[1]));
   for (i = 0; i < RAISERS; i++) {
      assert_int_equal(pthread_create(&t[i], NULL, raiser,
                                      (void *)(uintptr_t)(i & 1)), 0);
   }
   for (i = 0; i < RAISERS; i++) {
      void *r;

      assert_int_equal(pthread_join(t[i], &r), 0);
      assert_null(r);
   }
   assert_int_equal(h1.calls + h2.calls, RAISERS * RAISES);
   assert_int_equal(h1.calls, RAISERS / 2 * RAISES);
   assert_vmk_ok(vmk_IntrUnregister(MOD, c[0], &h1));
   assert_vmk_ok(vmk_IntrUnregister(MOD, c[1], &h2));
   assert_vmk_ok(vmk_PCIFreeIntrCookie(MOD, pdev));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, set_up, tear_down)
      T(test_msi_runs_the_handler_on_the_interrupt_world),
      T(test_blocking_in_a_handler_is_reported),
      T(test_shared_intx_line_acknowledges_each_handler),
      T(test_msix_vectors_follow_the_index_array),
      T(test_with_all_disabled_holds_interrupts_back),
      T(test_bad_cookies_and_props_are_rejected),
      T(test_concurrent_raises_are_all_delivered),
#undef T
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
