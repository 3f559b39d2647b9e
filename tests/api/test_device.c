/*
 * test_device.c -- drivers, devices, bus types and the logical bus: the
 * order of driver callbacks on hot-add, removal, surprise removal and
 * driver unload; child devices registered from scan; the rules on where
 * vmk_DeviceRegister/Unregister may be called; bad input and dead handles.
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

/* ---- A recording driver pair: "parent" on PCI, "child" on logical ---- */

static char oplog[1024];
static vmk_Device parent_dev;
static vmk_Device child_dev;
static vmk_Driver parent_drv;
static vmk_Driver child_drv;
static vmk_HeapID heap;
static char *child_addr;

/* Knobs a test sets. */
static VMK_ReturnStatus attach_result;
static VMK_ReturnStatus start_result;
static int scan_registers_child;
static int remove_unregisters = 1;
static int scans;

static const char *
tag(vmk_Device d)
{
   return d == parent_dev ? "P" : d == child_dev ? "C" : "?";
}

static void
note(const char *op, vmk_Device d)
{
   size_t n = strlen(oplog);

   snprintf(oplog + n, sizeof oplog - n, "%s%s:%s", n ? " " : "", op, tag(d));
}

static VMK_ReturnStatus
child_remove(vmk_Device d)
{
   VMK_ReturnStatus st = VMK_OK;

   note("remove", d);
   if (remove_unregisters) {
      st = vmk_DeviceUnregister(d);
      if (st == VMK_OK) {
         assert_vmk_ok(vmk_LogicalFreeBusAddress(parent_drv, child_addr));
         child_addr = NULL;
         child_dev = NULL;
      }
   }
   return st;
}

static vmk_DeviceOps child_devops = { child_remove };

static VMK_ReturnStatus
p_attach(vmk_Device d)
{
   parent_dev = d;
   note("attach", d);
   return attach_result;
}

static VMK_ReturnStatus
p_start(vmk_Device d)
{
   note("start", d);
   return start_result;
}

static VMK_ReturnStatus
p_scan(vmk_Device d)
{
   vmk_DeviceProps props;
   vmk_DeviceID id;
   vmk_Name bus;
   vmk_uint32 len = 0;

   scans++;
   note("scan", d);
   if (!scan_registers_child || child_dev != NULL) {
      return VMK_OK;
   }
   assert_vmk_ok(vmk_NameInitialize(&bus, VMK_LOGICAL_BUS_NAME));
   memset(&id, 0, sizeof id);
   assert_vmk_ok(vmk_BusTypeFind(&bus, &id.busType));
   assert_vmk_ok(vmk_LogicalCreateBusAddress(parent_drv, d, 0, &child_addr,
                                             &len));
   id.busAddress = child_addr;
   id.busAddressLen = len;
   id.busIdentifier = "com.example.child";
   id.busIdentifierLen = (vmk_uint32)strlen(id.busIdentifier);
   memset(&props, 0, sizeof props);
   props.registeringDriver = parent_drv;
   props.deviceID = &id;
   props.deviceOps = &child_devops;
   props.registeringDriverData.addr = 0x1234;
   props.registrationData.addr = 0x5678;
   assert_vmk_ok(vmk_DeviceRegister(&props, d, &child_dev));
   /* The same address again is taken. */
   {
      vmk_Device dup;

      assert_vmk_status(vmk_DeviceRegister(&props, d, &dup), VMK_EXISTS);
   }
   assert_vmk_ok(vmk_BusTypeRelease(id.busType));
   return VMK_OK;
}

static VMK_ReturnStatus
p_quiesce(vmk_Device d)
{
   note("quiesce", d);
   return VMK_OK;
}

static VMK_ReturnStatus
p_detach(vmk_Device d)
{
   note("detach", d);
   return VMK_OK;
}

static void
p_forget(vmk_Device d)
{
   note("forget", d);
}

static VMK_ReturnStatus
c_attach(vmk_Device d)
{
   note("attach", d);
   return VMK_OK;
}

static VMK_ReturnStatus
c_start(vmk_Device d)
{
   note("start", d);
   return VMK_OK;
}

static VMK_ReturnStatus
c_scan(vmk_Device d)
{
   note("scan", d);
   return VMK_OK;
}

static vmk_DriverOps parent_ops = {
   p_attach, p_scan, p_detach, p_quiesce, p_start, p_forget
};
static vmk_DriverOps child_ops = {
   c_attach, c_scan, p_detach, p_quiesce, c_start, p_forget
};

static void
register_driver(const char *name, vmk_DriverOps *ops, vmk_Driver *drv)
{
   vmk_DriverProps props;

   memset(&props, 0, sizeof props);
   props.moduleID = vmk_ModuleCurrentID;
   assert_vmk_ok(vmk_NameInitialize(&props.name, name));
   props.ops = ops;
   props.privateData.addr = 42;
   assert_vmk_ok(vmk_DriverRegister(&props, drv));
}

static EmuCtl_PCIDevice
add_pci(const char *driver)
{
   EmuCtl_PCIDeviceProps props;
   EmuCtl_PCIDevice dev;

   memset(&props, 0, sizeof props);
   props.vendorID = 0x15ad;
   props.deviceID = 0x07b0;
   props.baseClass = 0x02;
   props.bars[0].type = EMUCTL_PCI_BAR_MEM32;
   props.bars[0].size = 4096;
   props.driverName = driver;
   assert_vmk_ok(EmuCtl_PCIDeviceAdd(&props, &dev));
   return dev;
}

/* The module's heap is set once per process: one for the whole group. */
static int
group_set_up(void **state)
{
   vmk_HeapCreateProps hp;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   assert_vmk_ok(vmk_NameInitialize(&hp.name, "test_device"));
   hp.module = vmk_ModuleCurrentID;
   hp.initial = 0;
   hp.max = 1 << 20;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&hp, &heap));
   vmk_ModuleSetHeapID(vmk_ModuleCurrentID, heap);
   return 0;
}

static int
group_tear_down(void **state)
{
   vmk_HeapDestroy(heap);
   return emutest_group_teardown(state);
}

static int
set_up(void **state)
{
   (void)state;
   oplog[0] = '\0';
   parent_dev = child_dev = NULL;
   attach_result = VMK_OK;
   start_result = VMK_OK;
   scan_registers_child = 0;
   remove_unregisters = 1;
   scans = 0;
   register_driver("parent", &parent_ops, &parent_drv);
   register_driver("child", &child_ops, &child_drv);
   assert_vmk_ok(EmuCtl_DriverMapAdd("com.example.child", "child"));
   return 0;
}

static int
tear_down(void **state)
{
   (void)state;
   if (child_drv != NULL) {
      assert_vmk_ok(vmk_DriverUnregister(child_drv));
      child_drv = NULL;
   }
   if (parent_drv != NULL) {
      assert_vmk_ok(vmk_DriverUnregister(parent_drv));
      parent_drv = NULL;
   }
   return 0;
}

/* ---- Drivers ------------------------------------------------------- */

static void
test_driver_register_rejects_bad_props(void **state)
{
   vmk_DriverProps props;
   vmk_DriverOps ops = parent_ops;
   vmk_Driver drv;

   (void)state;
   memset(&props, 0, sizeof props);
   props.moduleID = vmk_ModuleCurrentID;
   props.ops = &ops;
   assert_vmk_status(vmk_DriverRegister(NULL, &drv), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DriverRegister(&props, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DriverRegister(&props, &drv), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_NameInitialize(&props.name, "another"));
   props.ops = NULL;
   assert_vmk_status(vmk_DriverRegister(&props, &drv), VMK_BAD_PARAM);
   props.ops = &ops;
   ops.attachDevice = NULL;
   assert_vmk_status(vmk_DriverRegister(&props, &drv), VMK_BAD_PARAM);
   ops = parent_ops;
   props.moduleID = 999;
   assert_vmk_status(vmk_DriverRegister(&props, &drv), VMK_NOT_FOUND);
   props.moduleID = vmk_ModuleCurrentID;
   assert_vmk_ok(vmk_NameInitialize(&props.name, "parent"));
   assert_vmk_status(vmk_DriverRegister(&props, &drv), VMK_EXISTS);
   /* forgetDevice is optional. */
   assert_vmk_ok(vmk_NameInitialize(&props.name, "another"));
   ops.forgetDevice = NULL;
   assert_vmk_ok(vmk_DriverRegister(&props, &drv));
   assert_vmk_ok(vmk_DriverUnregister(drv));
}

static void
test_driver_private_data_and_dead_handle(void **state)
{
   vmk_AddrCookie data;
   vmk_Driver drv;
   vmk_DriverProps props;

   (void)state;
   assert_vmk_ok(vmk_DriverGetPrivateData(parent_drv, &data));
   assert_int_equal(data.addr, 42);
   assert_vmk_status(vmk_DriverGetPrivateData(parent_drv, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_DriverGetPrivateData(NULL, &data), VMK_BAD_PARAM);
   memset(&props, 0, sizeof props);
   props.moduleID = vmk_ModuleCurrentID;
   props.ops = &parent_ops;
   assert_vmk_ok(vmk_NameInitialize(&props.name, "gone"));
   assert_vmk_ok(vmk_DriverRegister(&props, &drv));
   assert_vmk_ok(vmk_DriverUnregister(drv));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DriverGetPrivateData(drv, &data), VMK_BAD_PARAM);
   assert_reports_met();
}

static void
test_bus_types_are_found_named_and_released(void **state)
{
   vmk_Name name;
   vmk_Name got;
   vmk_BusType bt;

   (void)state;
   assert_vmk_ok(vmk_NameInitialize(&name, VMK_PCI_BUS_NAME));
   assert_vmk_ok(vmk_BusTypeFind(&name, &bt));
   assert_vmk_ok(vmk_BusTypeGetName(bt, &got));
   assert_string_equal(got.string, "pci");
   assert_vmk_ok(vmk_BusTypeRelease(bt));
   assert_vmk_ok(vmk_NameInitialize(&name, VMK_LOGICAL_BUS_NAME));
   assert_vmk_ok(vmk_BusTypeFind(&name, &bt));
   assert_vmk_ok(vmk_BusTypeGetName(bt, &got));
   assert_string_equal(got.string, "logical");
   assert_vmk_ok(vmk_BusTypeRelease(bt));
   assert_vmk_ok(vmk_NameInitialize(&name, "usb"));
   assert_vmk_status(vmk_BusTypeFind(&name, &bt), VMK_NOT_FOUND);
   assert_vmk_status(vmk_BusTypeGetName(VMK_BUSTYPE_NONE, &got),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_BusTypeRelease(VMK_BUSTYPE_NONE), VMK_BAD_PARAM);
   /* Released more often than found. */
   assert_vmk_ok(vmk_NameInitialize(&name, VMK_PCI_BUS_NAME));
   assert_vmk_ok(vmk_BusTypeFind(&name, &bt));
   assert_vmk_ok(vmk_BusTypeRelease(bt));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_BusTypeRelease(bt), VMK_BAD_PARAM);
   assert_reports_met();
}

/* ---- Callback order ------------------------------------------------ */

static void
test_hot_add_attaches_starts_then_scans_and_removal_quiesces_then_detaches(
   void **state)
{
   EmuCtl_PCIDevice dev;
   EmuCtl_DeviceState st;

   (void)state;
   dev = add_pci("parent");
   assert_string_equal(oplog, "attach:P start:P scan:P");
   assert_ptr_equal(EmuCtl_PCIDeviceGetDevice(dev), parent_dev);
   assert_vmk_ok(EmuCtl_DeviceGetState(parent_dev, &st));
   assert_int_equal(st, EMUCTL_DEVICE_STARTED);
   oplog[0] = '\0';
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_string_equal(oplog, "quiesce:P detach:P");
}

static void
test_driver_registered_after_the_device_is_offered_it(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_Driver late;
   EmuCtl_DeviceState st;

   (void)state;
   dev = add_pci("late");
   assert_string_equal(oplog, "");
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(dev), &st));
   assert_int_equal(st, EMUCTL_DEVICE_UNCLAIMED);
   register_driver("late", &parent_ops, &late);
   assert_string_equal(oplog, "attach:P start:P scan:P");
   oplog[0] = '\0';
   /* Unloading the driver takes the device away but keeps it. */
   assert_vmk_ok(vmk_DriverUnregister(late));
   assert_string_equal(oplog, "quiesce:P detach:P");
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(dev), &st));
   assert_int_equal(st, EMUCTL_DEVICE_UNCLAIMED);
   oplog[0] = '\0';
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_string_equal(oplog, "");
}

static void
test_failed_attach_leaves_the_device_unclaimed(void **state)
{
   EmuCtl_PCIDevice dev;
   EmuCtl_DeviceState st;

   (void)state;
   attach_result = VMK_FAILURE;
   dev = add_pci("parent");
   assert_string_equal(oplog, "attach:P");
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(dev), &st));
   assert_int_equal(st, EMUCTL_DEVICE_UNCLAIMED);
   oplog[0] = '\0';
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_string_equal(oplog, "");
}

static void
test_failed_start_leaves_the_device_attached_and_unscanned(void **state)
{
   EmuCtl_PCIDevice dev;
   EmuCtl_DeviceState st;

   (void)state;
   start_result = VMK_FAILURE;
   dev = add_pci("parent");
   assert_string_equal(oplog, "attach:P start:P");
   assert_vmk_ok(EmuCtl_DeviceGetState(EmuCtl_PCIDeviceGetDevice(dev), &st));
   assert_int_equal(st, EMUCTL_DEVICE_ATTACHED);
   oplog[0] = '\0';
   /* Quiescent already: only detach. */
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_string_equal(oplog, "detach:P");
}

static void
test_child_from_scan_is_offered_and_removed_before_its_parent(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_uint32 n = 0;
   vmk_Device first = NULL;
   vmk_AddrCookie c;

   (void)state;
   scan_registers_child = 1;
   dev = add_pci("parent");
   assert_string_equal(oplog, "attach:P start:P scan:P "
                              "attach:C start:C scan:C");
   assert_vmk_ok(EmuCtl_DeviceGetChildren(parent_dev, &n, &first));
   assert_int_equal(n, 1);
   assert_ptr_equal(first, child_dev);
   assert_vmk_ok(vmk_DeviceGetRegisteringDriverData(child_dev, &c));
   assert_int_equal(c.addr, 0x1234);
   assert_vmk_ok(vmk_DeviceGetRegistrationData(child_dev, &c));
   assert_int_equal(c.addr, 0x5678);
   oplog[0] = '\0';
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_string_equal(oplog, "quiesce:C detach:C remove:C "
                              "quiesce:P detach:P");
   assert_null(child_addr);
}

static void
test_surprise_removal_forgets_deepest_first(void **state)
{
   EmuCtl_PCIDevice dev;

   (void)state;
   scan_registers_child = 1;
   dev = add_pci("parent");
   oplog[0] = '\0';
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_TRUE));
   assert_string_equal(oplog, "forget:C forget:P quiesce:C detach:C "
                              "remove:C quiesce:P detach:P");
}

static void
test_remove_callback_that_keeps_its_device_is_reported(void **state)
{
   EmuCtl_PCIDevice dev;
   char *addr;

   (void)state;
   scan_registers_child = 1;
   remove_unregisters = 0;
   dev = add_pci("parent");
   addr = child_addr;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   assert_reports_met();
   assert_vmk_ok(vmk_LogicalFreeBusAddress(parent_drv, addr));
   child_addr = NULL;
}

static void
test_register_and_unregister_only_from_their_callbacks(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_DeviceProps props;
   vmk_DeviceID id;
   vmk_Device d;
   vmk_Name bus;

   (void)state;
   scan_registers_child = 1;
   dev = add_pci("parent");
   assert_vmk_ok(vmk_NameInitialize(&bus, VMK_LOGICAL_BUS_NAME));
   memset(&id, 0, sizeof id);
   assert_vmk_ok(vmk_BusTypeFind(&bus, &id.busType));
   id.busAddress = "x";
   id.busAddressLen = 1;
   memset(&props, 0, sizeof props);
   props.registeringDriver = parent_drv;
   props.deviceID = &id;
   props.deviceOps = &child_devops;
   assert_vmk_status(vmk_DeviceRegister(&props, parent_dev, &d),
                     VMK_NOT_SUPPORTED);
   assert_vmk_status(vmk_DeviceUnregister(child_dev), VMK_NOT_SUPPORTED);
   assert_vmk_status(vmk_DeviceRegister(NULL, parent_dev, &d),
                     VMK_BAD_PARAM);
   props.deviceOps = NULL;
   assert_vmk_status(vmk_DeviceRegister(&props, parent_dev, &d),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_BusTypeRelease(id.busType));
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

/* A scan that tries bad IDs, then registers nothing. */
static VMK_ReturnStatus bad_scan_results[4];

static VMK_ReturnStatus
bad_scan(vmk_Device d)
{
   static char longaddr[600];
   vmk_DeviceProps props;
   vmk_DeviceID id;
   vmk_Name bus;
   vmk_Device c;

   assert_vmk_ok(vmk_NameInitialize(&bus, VMK_PCI_BUS_NAME));
   memset(&id, 0, sizeof id);
   assert_vmk_ok(vmk_BusTypeFind(&bus, &id.busType));
   memset(&props, 0, sizeof props);
   props.registeringDriver = parent_drv;
   props.deviceID = &id;
   props.deviceOps = &child_devops;
   id.busAddress = "0000:09:00.0#1";          /* '#' only on logical */
   id.busAddressLen = (vmk_uint32)strlen(id.busAddress);
   bad_scan_results[0] = vmk_DeviceRegister(&props, d, &c);
   memset(longaddr, 'a', sizeof longaddr - 1);
   id.busAddress = longaddr;
   id.busAddressLen = (vmk_uint32)strlen(longaddr);
   bad_scan_results[1] = vmk_DeviceRegister(&props, d, &c);
   id.busAddress = "0000:09:00.0";
   id.busAddressLen = 3;                      /* length does not match */
   bad_scan_results[2] = vmk_DeviceRegister(&props, d, &c);
   id.busAddressLen = (vmk_uint32)strlen(id.busAddress);
   props.registeringDriver = child_drv;       /* not the scanning driver */
   bad_scan_results[3] = vmk_DeviceRegister(&props, d, &c);
   assert_vmk_ok(vmk_BusTypeRelease(id.busType));
   return VMK_OK;
}

static void
test_device_register_rejects_bad_ids(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_Driver drv;
   vmk_DriverOps ops = parent_ops;

   (void)state;
   assert_vmk_ok(vmk_DriverUnregister(parent_drv));
   ops.scanDevice = bad_scan;
   register_driver("parent", &ops, &drv);
   parent_drv = drv;
   dev = add_pci("parent");
   assert_vmk_status(bad_scan_results[0], VMK_BAD_PARAM);
   assert_vmk_status(bad_scan_results[1], VMK_NAME_TOO_LONG);
   assert_vmk_status(bad_scan_results[2], VMK_BAD_PARAM);
   assert_vmk_status(bad_scan_results[3], VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

/* ---- Identity, data, rescan, references ---------------------------- */

static void
test_device_id_copies_address_and_identifier(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_DeviceID *id;
   vmk_Name name;
   vmk_PCIDeviceAddr a;

   (void)state;
   dev = add_pci("parent");
   assert_vmk_ok(vmk_DeviceGetDeviceID(heap, parent_dev, &id));
   assert_vmk_ok(vmk_BusTypeGetName(id->busType, &name));
   assert_string_equal(name.string, "pci");
   assert_vmk_ok(vmk_PCIQueryDeviceAddr(EmuCtl_PCIDeviceGetPCIDevice(dev),
                                        &a));
   {
      char want[32];

      snprintf(want, sizeof want, "%04x:%02x:%02x.%x", a.seg, a.bus, a.dev,
               a.fn);
      assert_string_equal(id->busAddress, want);
      assert_int_equal(id->busAddressLen, strlen(want));
   }
   assert_string_equal(id->busIdentifier, "pci:v15add07b0sv0000sd0000c020000");
   assert_int_equal(id->busIdentifierLen, strlen(id->busIdentifier));
   assert_vmk_ok(vmk_DevicePutDeviceID(heap, id));
   assert_vmk_status(vmk_DeviceGetDeviceID(heap, parent_dev, NULL),
                     VMK_BAD_PARAM);
   /* Out of heap memory. */
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_DeviceGetDeviceID(heap, parent_dev, &id),
                     VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_attached_driver_data_is_kept_until_detach(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_AddrCookie c;

   (void)state;
   dev = add_pci("parent");
   c.addr = 77;
   assert_vmk_ok(vmk_DeviceSetAttachedDriverData(parent_dev, c));
   c.addr = 0;
   assert_vmk_ok(vmk_DeviceGetAttachedDriverData(parent_dev, &c));
   assert_int_equal(c.addr, 77);
   assert_vmk_status(vmk_DeviceGetAttachedDriverData(parent_dev, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_DeviceGetRegistrationData(parent_dev, &c));
   assert_ptr_equal(c.ptr, EmuCtl_PCIDeviceGetPCIDevice(dev));
   assert_vmk_ok(vmk_DriverUnregister(parent_drv));
   parent_drv = NULL;
   assert_vmk_ok(vmk_DeviceGetAttachedDriverData(parent_dev, &c));
   assert_int_equal(c.addr, 0);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   register_driver("parent", &parent_ops, &parent_drv);
}

static void
test_rescan_runs_scan_again_for_the_attached_driver_only(void **state)
{
   EmuCtl_PCIDevice dev;

   (void)state;
   dev = add_pci("parent");
   assert_int_equal(scans, 1);
   assert_vmk_ok(vmk_DeviceRequestRescan(parent_drv, parent_dev));
   assert_int_equal(scans, 2);
   assert_vmk_status(vmk_DeviceRequestRescan(child_drv, parent_dev),
                     VMK_NO_PERMISSION);
   assert_vmk_status(vmk_DeviceRequestRescan(parent_drv, NULL),
                     VMK_BAD_PARAM);
   assert_int_equal(scans, 2);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_find_reference_is_released_once(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_Device d;
   vmk_PCIDeviceAddr a;
   char addr[32];

   (void)state;
   dev = add_pci("parent");
   assert_vmk_ok(vmk_PCIQueryDeviceAddr(EmuCtl_PCIDeviceGetPCIDevice(dev),
                                        &a));
   snprintf(addr, sizeof addr, "%04x:%02x:%02x.%x", a.seg, a.bus, a.dev,
            a.fn);
   assert_vmk_ok(EmuCtl_DeviceFind("pci", addr, &d));
   assert_ptr_equal(d, parent_dev);
   assert_vmk_status(EmuCtl_DeviceFind("pci", "ffff:ff:1f.7", &d),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_DeviceRelease(parent_dev));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_DeviceRelease(parent_dev), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

static void
test_dead_device_handle_is_reported(void **state)
{
   EmuCtl_PCIDevice dev;
   vmk_Device gone;
   vmk_AddrCookie c;

   (void)state;
   dev = add_pci("parent");
   gone = parent_dev;
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DeviceGetRegistrationData(gone, &c), VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_status(vmk_DeviceGetRegistrationData(NULL, &c), VMK_BAD_PARAM);
}

static void
test_logical_address_comes_from_the_module_heap(void **state)
{
   EmuCtl_PCIDevice dev;
   char *addr;
   vmk_uint32 len;

   (void)state;
   dev = add_pci("parent");
   assert_vmk_ok(vmk_LogicalCreateBusAddress(parent_drv, parent_dev, 7,
                                             &addr, &len));
   assert_int_equal(len, strlen(addr));
   assert_non_null(strstr(addr, "#7"));
   assert_vmk_ok(vmk_LogicalFreeBusAddress(parent_drv, addr));
   assert_vmk_status(vmk_LogicalCreateBusAddress(parent_drv, parent_dev, 7,
                                                 NULL, &len), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LogicalCreateBusAddress(NULL, parent_dev, 7,
                                                 &addr, &len), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_PCIDeviceRemove(dev, VMK_FALSE));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, set_up, tear_down)
      T(test_driver_register_rejects_bad_props),
      T(test_driver_private_data_and_dead_handle),
      T(test_bus_types_are_found_named_and_released),
      T(test_hot_add_attaches_starts_then_scans_and_removal_quiesces_then_detaches),
      T(test_driver_registered_after_the_device_is_offered_it),
      T(test_failed_attach_leaves_the_device_unclaimed),
      T(test_failed_start_leaves_the_device_attached_and_unscanned),
      T(test_child_from_scan_is_offered_and_removed_before_its_parent),
      T(test_surprise_removal_forgets_deepest_first),
      T(test_remove_callback_that_keeps_its_device_is_reported),
      T(test_register_and_unregister_only_from_their_callbacks),
      T(test_device_register_rejects_bad_ids),
      T(test_device_id_copies_address_and_identifier),
      T(test_attached_driver_data_is_kept_until_detach),
      T(test_rescan_runs_scan_again_for_the_attached_driver_only),
      T(test_find_reference_is_released_once),
      T(test_dead_device_handle_is_reported),
      T(test_logical_address_comes_from_the_module_heap),
#undef T
   };

   return cmocka_run_group_tests(tests, group_set_up, group_tear_down);
}
