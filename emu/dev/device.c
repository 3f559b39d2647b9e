/*
 * device.c -- the device layer of libvmkemu: bus types, drivers, the
 * device tree, and the order in which drivers hear about their devices.
 *
 * 1. Model.  A driver registers a name and six callbacks.  A device is
 *    registered on a bus type ("pci" and "logical" exist) with a bus
 *    address, unique per bus, and a bus identifier that says what it is.
 *    Root devices belong to the emulator's buses (simulated PCI functions,
 *    pci.c); a child is registered by the driver of its parent from that
 *    driver's scanDevice callback (an uplink, a SCSI adapter, a VF) and
 *    carries the registering driver's removeDevice callback.  Which driver
 *    a device is offered to: the name the bus gave (a PCI function's
 *    driverName), else EmuCtl_DriverMapAdd's map of bus identifiers, the
 *    way ESXi's driver map files do it.
 *
 * 2. States of a device: unclaimed -> attached (attachDevice said yes;
 *    quiescent) -> started (startDevice said yes; IO-able) -> scanned
 *    (scanDevice ran; children registered now are offered in turn).  A
 *    failed attach leaves the device unclaimed; a failed start leaves it
 *    attached and unscanned; a failed scan is logged.  Offers happen when
 *    a device is registered and its driver exists, or when a driver
 *    registers and unclaimed devices name it.
 *
 * 3. Taking a device away (hot removal, driver unregister, shutdown of a
 *    parent): first its children go, newest first -- each is taken away
 *    the same way, then its registering driver's removeDevice runs, which
 *    must call vmk_DeviceUnregister; then the device's own driver gets
 *    quiesceDevice (when started) and detachDevice.  Surprise removal
 *    marks the hardware gone first and calls forgetDevice on every
 *    attached device of the subtree, deepest first.  A failing callback is
 *    remembered (the first failure is what EmuCtl_PCIDeviceRemove
 *    returns) but removal goes on: the emulator's bus cannot keep a
 *    device the test unplugged.  A removeDevice that does not unregister
 *    its device is a MISUSE report and the device is unregistered for it.
 *
 * 4. Locking.  Everything that runs driver callbacks -- registering a
 *    driver, adding or removing a device, a rescan -- runs inside the
 *    device layer: one host mutex held across the callbacks, re-entrant
 *    per thread (a callback calling vmk_DeviceRegister or
 *    vmk_DriverRegister nests).  dev_lock guards the lists and is never
 *    held across a callback; handle checks and the data getters take only
 *    it.  A rescan requested from inside the layer runs when the
 *    outermost layer call ends.
 *
 * 5. Differences from ESX.  The device layer runs in the thread that
 *    caused the event (the test's thread for hot-plug, the loader's for
 *    vmk_DriverRegister), not in a device-layer world, so a test sees the
 *    callbacks done when its call returns.  No driver ranking: the first
 *    driver that matches is the only one offered the device.  Memory for
 *    the layer's own objects is plain host memory; the registering
 *    driver's module must still have a heap, as on ESXi.
 */
#include "device.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/block.h"
#include "../core/fault.h"
#include "../core/log.h"
#include "../core/report.h"
#include "../mod/module.h"

/* The callback a thread is running, so that register/unregister can check
 * that they are called from the one callback ESX allows them in. */
enum dev_op {
   DEV_OP_ATTACH = 1, DEV_OP_START, DEV_OP_SCAN, DEV_OP_QUIESCE,
   DEV_OP_DETACH, DEV_OP_FORGET, DEV_OP_REMOVE,
};

struct dev_cb {
   enum dev_op    cb_op;
   struct emu_dev *cb_dev;
   struct emu_drv *cb_drv;
   struct dev_cb  *cb_prev;
};

struct dev_map {
   char            m_ident[EMU_DEV_IDENT_MAX + 1];
   char            m_driver[VMK_MISC_NAME_MAX];
   struct dev_map *m_next;
};

static emu_mutex_t dev_lock = EMU_MUTEX_INITIALIZER;
static emu_mutex_t dev_layer_mtx = EMU_MUTEX_INITIALIZER;
static EMU_HOST_THREAD_LOCAL unsigned dev_layer_depth;
static EMU_HOST_THREAD_LOCAL struct dev_cb *dev_cur;

static struct emu_bustype dev_bus_pci = { EMU_BUSTYPE_MAGIC, "pci", 0 };
static struct emu_bustype dev_bus_logical = {
   EMU_BUSTYPE_MAGIC, "logical", 0
};
static struct emu_drv *dev_drivers;        /* dev_lock */
static struct emu_dev *dev_devices;        /* dev_lock, newest first */
static struct dev_map *dev_maps;           /* dev_lock */
static uint64_t dev_seq;                   /* dev_lock */
static int dev_rescan_pending;             /* dev_layer_mtx */

/* Per-device "rescan requested" bits live beside the tree (layer only). */
struct dev_rescan {
   struct emu_dev    *r_dev;
   struct dev_rescan *r_next;
};
static struct dev_rescan *dev_rescans;     /* dev_layer_mtx */

static void dev_offer(struct emu_dev *d);

/* ---- Start/stop ---------------------------------------------------- */

emu_status_t
emu_dev_init(void)
{
   dev_bus_pci.bt_refs = 0;
   dev_bus_logical.bt_refs = 0;
   return EMU_OK;
}

static void
dev_free_mem(struct emu_dev *d)
{
   d->d_magic = 0;
   free(d->d_addr);
   free(d->d_ident);
   free(d);
}

/* Whatever is left was listed as a leak by EmuCtl_Shutdown: free it
 * without calling drivers (their modules may be gone). */
void
emu_dev_fini(void)
{
   struct dev_map *m;
   struct dev_rescan *r;

   emu_mutex_lock(&dev_lock);
   while (dev_devices != NULL) {
      struct emu_dev *d = dev_devices;

      dev_devices = d->d_all_next;
      emu_rsrc_remove(&d->d_rsrc);
      dev_free_mem(d);
   }
   while (dev_drivers != NULL) {
      struct emu_drv *drv = dev_drivers;

      dev_drivers = drv->dr_next;
      emu_rsrc_remove(&drv->dr_rsrc);
      drv->dr_magic = 0;
      free(drv);
   }
   while ((m = dev_maps) != NULL) {
      dev_maps = m->m_next;
      free(m);
   }
   emu_mutex_unlock(&dev_lock);
   while ((r = dev_rescans) != NULL) {
      dev_rescans = r->r_next;
      free(r);
   }
   dev_rescan_pending = 0;
}

/* ---- Bus types ----------------------------------------------------- */

struct emu_bustype *
emu_bustype_pci(void)
{
   return &dev_bus_pci;
}

struct emu_bustype *
emu_bustype_logical(void)
{
   return &dev_bus_logical;
}

int
emu_bustype_valid(const struct emu_bustype *bt)
{
   return bt == &dev_bus_pci || bt == &dev_bus_logical;
}

struct emu_bustype *
emu_bustype_find(const char *name)
{
   struct emu_bustype *bt = NULL;

   if (strcmp(name, dev_bus_pci.bt_name) == 0) {
      bt = &dev_bus_pci;
   } else if (strcmp(name, dev_bus_logical.bt_name) == 0) {
      bt = &dev_bus_logical;
   }
   if (bt != NULL) {
      emu_mutex_lock(&dev_lock);
      bt->bt_refs++;
      emu_mutex_unlock(&dev_lock);
   }
   return bt;
}

emu_status_t
emu_bustype_release(struct emu_bustype *bt, const void *caller)
{
   emu_report_obj_t obj = { "bus type", NULL, bt };

   if (!emu_bustype_valid(bt)) {
      if (bt != NULL) {
         emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                    "vmk_BusTypeRelease: %p is not a bus type", (void *)bt);
      }
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dev_lock);
   if (bt->bt_refs == 0) {
      emu_mutex_unlock(&dev_lock);
      obj.name = bt->bt_name;
      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "vmk_BusTypeRelease: bus type '%s' released more often "
                 "than vmk_BusTypeFind returned it", bt->bt_name);
      return EMU_BADPARAM;
   }
   bt->bt_refs--;
   emu_mutex_unlock(&dev_lock);
   return EMU_OK;
}

/* ---- Handle checks ------------------------------------------------- */

/* => dev_lock held. */
static int
dev_live_locked(const struct emu_dev *d)
{
   const struct emu_dev *x;

   for (x = dev_devices; x != NULL; x = x->d_all_next) {
      if (x == d) {
         return 1;
      }
   }
   return 0;
}

static int
drv_live_locked(const struct emu_drv *drv)
{
   const struct emu_drv *x;

   for (x = dev_drivers; x != NULL; x = x->dr_next) {
      if (x == drv) {
         return 1;
      }
   }
   return 0;
}

emu_status_t
emu_dev_check(struct emu_dev *d, const char *fn, const void *caller)
{
   int live;

   if (d == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dev_lock);
   live = dev_live_locked(d);
   emu_mutex_unlock(&dev_lock);
   if (!live) {
      emu_report_obj_t obj = { "device", NULL, d };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: %p is not a registered device", fn, (void *)d);
      return EMU_BADHANDLE;
   }
   return EMU_OK;
}

emu_status_t
emu_drv_check(struct emu_drv *drv, const char *fn, const void *caller)
{
   int live;

   if (drv == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dev_lock);
   live = drv_live_locked(drv);
   emu_mutex_unlock(&dev_lock);
   if (!live) {
      emu_report_obj_t obj = { "driver", NULL, drv };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: %p is not a registered driver", fn, (void *)drv);
      return EMU_BADHANDLE;
   }
   return EMU_OK;
}

/* ---- The device layer's serialisation ------------------------------ */

static void dev_run_rescans(void);

void
emu_dev_layer_enter(void)
{
   if (dev_layer_depth++ == 0) {
      emu_mutex_lock(&dev_layer_mtx);
   }
}

void
emu_dev_layer_exit(void)
{
   if (dev_layer_depth == 1) {
      dev_run_rescans();
   }
   if (--dev_layer_depth == 0) {
      emu_mutex_unlock(&dev_layer_mtx);
   }
}

/* ---- Calling drivers ----------------------------------------------- */

static const char *
dev_op_name(enum dev_op op)
{
   switch (op) {
   case DEV_OP_ATTACH:  return "attachDevice";
   case DEV_OP_START:   return "startDevice";
   case DEV_OP_SCAN:    return "scanDevice";
   case DEV_OP_QUIESCE: return "quiesceDevice";
   case DEV_OP_DETACH:  return "detachDevice";
   case DEV_OP_FORGET:  return "forgetDevice";
   case DEV_OP_REMOVE:  return "removeDevice";
   }
   return "?";
}

/*
 * Run one callback of drv on d with drv's module on the module ID stack.
 * => inside the device layer; dev_lock not held.
 */
static VMK_ReturnStatus
dev_call(struct emu_drv *drv, struct emu_dev *d, enum dev_op op)
{
   struct dev_cb cb = { op, d, drv, dev_cur };
   emu_mod_frame_t frame;
   VMK_ReturnStatus st = VMK_OK;
   void *fn = NULL;
   int pushed;

   switch (op) {
   case DEV_OP_ATTACH:  fn = (void *)(uintptr_t)drv->dr_ops.attachDevice; break;
   case DEV_OP_START:   fn = (void *)(uintptr_t)drv->dr_ops.startDevice; break;
   case DEV_OP_SCAN:    fn = (void *)(uintptr_t)drv->dr_ops.scanDevice; break;
   case DEV_OP_QUIESCE: fn = (void *)(uintptr_t)drv->dr_ops.quiesceDevice; break;
   case DEV_OP_DETACH:  fn = (void *)(uintptr_t)drv->dr_ops.detachDevice; break;
   case DEV_OP_FORGET:  fn = (void *)(uintptr_t)drv->dr_ops.forgetDevice; break;
   case DEV_OP_REMOVE:  fn = (void *)(uintptr_t)d->d_ops.removeDevice; break;
   }
   if (fn == NULL) {
      return VMK_OK;           /* forgetDevice is optional */
   }
   pushed = emu_mod_push(drv->dr_module, fn, NULL, &frame) == EMU_OK;
   dev_cur = &cb;
   switch (op) {
   case DEV_OP_ATTACH:  st = drv->dr_ops.attachDevice((vmk_Device)d); break;
   case DEV_OP_START:   st = drv->dr_ops.startDevice((vmk_Device)d); break;
   case DEV_OP_SCAN:    st = drv->dr_ops.scanDevice((vmk_Device)d); break;
   case DEV_OP_QUIESCE: st = drv->dr_ops.quiesceDevice((vmk_Device)d); break;
   case DEV_OP_DETACH:  st = drv->dr_ops.detachDevice((vmk_Device)d); break;
   case DEV_OP_FORGET:  drv->dr_ops.forgetDevice((vmk_Device)d); break;
   case DEV_OP_REMOVE:  st = d->d_ops.removeDevice((vmk_Device)d); break;
   }
   dev_cur = cb.cb_prev;
   if (pushed) {
      emu_mod_pop(NULL);
   }
   if (st != VMK_OK) {
      emu_log(EMU_LOG_WARNING, "device",
              "driver '%s': %s of device '%s' failed (status 0x%x)",
              drv->dr_name, dev_op_name(op), d->d_addr, (unsigned)st);
   }
   return st;
}

static void
dev_note(VMK_ReturnStatus *first, VMK_ReturnStatus st)
{
   if (first != NULL && *first == VMK_OK && st != VMK_OK) {
      *first = st;
   }
}

/* ---- Offering devices to drivers ----------------------------------- */

/* The driver a device should go to.  => dev_lock held. */
static struct emu_drv *
dev_match_locked(const struct emu_dev *d, const char *want)
{
   const struct dev_map *m;
   struct emu_drv *drv;

   if (want == NULL || want[0] == '\0') {
      want = NULL;
      for (m = dev_maps; m != NULL; m = m->m_next) {
         if (d->d_ident != NULL && strcmp(m->m_ident, d->d_ident) == 0) {
            want = m->m_driver;
            break;
         }
      }
   }
   if (want == NULL) {
      return NULL;
   }
   for (drv = dev_drivers; drv != NULL; drv = drv->dr_next) {
      if (strcmp(drv->dr_name, want) == 0) {
         return drv;
      }
   }
   return NULL;
}

/* The wanted driver name of root devices: kept beside the device. */
struct dev_want {
   struct emu_dev  *w_dev;
   char             w_name[VMK_MISC_NAME_MAX];
   struct dev_want *w_next;
};
static struct dev_want *dev_wants;          /* dev_lock */

static const char *
dev_want_locked(const struct emu_dev *d)
{
   const struct dev_want *w;

   for (w = dev_wants; w != NULL; w = w->w_next) {
      if (w->w_dev == d) {
         return w->w_name;
      }
   }
   return NULL;
}

/* Scan a started device and offer what it registered.  => in the layer. */
static void
dev_scan(struct emu_dev *d)
{
   struct emu_dev *c;
   struct emu_dev *todo[64];
   unsigned n;
   unsigned i;

   if (d->d_state != EMU_DEVS_STARTED || d->d_gone || d->d_drv == NULL) {
      return;
   }
   (void)dev_call(d->d_drv, d, DEV_OP_SCAN);
   do {
      n = 0;
      emu_mutex_lock(&dev_lock);
      for (c = d->d_child; c != NULL && n < 64; c = c->d_sibling) {
         if (c->d_drv == NULL && c->d_state == EMU_DEVS_UNCLAIMED &&
             dev_match_locked(c, dev_want_locked(c)) != NULL) {
            todo[n++] = c;
         }
      }
      emu_mutex_unlock(&dev_lock);
      for (i = 0; i < n; i++) {
         dev_offer(todo[i]);
      }
   } while (n == 64);
}

/* Offer an unclaimed device to its driver: attach, start, scan. */
static void
dev_offer(struct emu_dev *d)
{
   struct emu_drv *drv;
   VMK_ReturnStatus st;

   emu_mutex_lock(&dev_lock);
   drv = d->d_drv == NULL && !d->d_gone && !d->d_unregistered ?
      dev_match_locked(d, dev_want_locked(d)) : NULL;
   emu_mutex_unlock(&dev_lock);
   if (drv == NULL) {
      return;
   }
   st = dev_call(drv, d, DEV_OP_ATTACH);
   if (st != VMK_OK) {
      __atomic_store_n(&d->d_drv_data.addr, 0, __ATOMIC_RELAXED);
      return;
   }
   emu_mutex_lock(&dev_lock);
   d->d_drv = drv;
   d->d_state = EMU_DEVS_ATTACHED;
   emu_mutex_unlock(&dev_lock);
   if (d->d_gone) {
      return;
   }
   st = dev_call(drv, d, DEV_OP_START);
   if (st != VMK_OK) {
      return;
   }
   emu_mutex_lock(&dev_lock);
   d->d_state = EMU_DEVS_STARTED;
   emu_mutex_unlock(&dev_lock);
   dev_scan(d);
}

/* ---- Taking devices away ------------------------------------------- */

static void dev_take_away(struct emu_dev *d, VMK_ReturnStatus *first);

/* Unlink and free.  => in the layer; d has no children. */
static void
dev_destroy(struct emu_dev *d)
{
   struct emu_dev **pp;
   struct dev_want **wp;
   struct dev_rescan **rp;

   emu_mutex_lock(&dev_lock);
   if (d->d_parent != NULL) {
      for (pp = &d->d_parent->d_child; *pp != NULL; pp = &(*pp)->d_sibling) {
         if (*pp == d) {
            *pp = d->d_sibling;
            break;
         }
      }
   }
   for (pp = &dev_devices; *pp != NULL; pp = &(*pp)->d_all_next) {
      if (*pp == d) {
         *pp = d->d_all_next;
         break;
      }
   }
   for (wp = &dev_wants; *wp != NULL; wp = &(*wp)->w_next) {
      if ((*wp)->w_dev == d) {
         struct dev_want *w = *wp;

         *wp = w->w_next;
         free(w);
         break;
      }
   }
   emu_mutex_unlock(&dev_lock);
   for (rp = &dev_rescans; *rp != NULL;) {
      if ((*rp)->r_dev == d) {
         struct dev_rescan *r = *rp;

         *rp = r->r_next;
         free(r);
      } else {
         rp = &(*rp)->r_next;
      }
   }
   emu_rsrc_remove(&d->d_rsrc);
   dev_free_mem(d);
}

/* Remove a child through its registering driver's removeDevice. */
static void
dev_remove_child(struct emu_dev *c, VMK_ReturnStatus *first)
{
   VMK_ReturnStatus st;

   dev_take_away(c, first);
   st = dev_call(c->d_regdrv, c, DEV_OP_REMOVE);
   dev_note(first, st);
   if (!c->d_unregistered) {
      emu_report_obj_t obj = { "device", c->d_addr, c };

      emu_report(EMU_RPT_MISUSE, &obj,
                 (const void *)(uintptr_t)c->d_ops.removeDevice,
                 "removeDevice of driver '%s' returned without "
                 "vmk_DeviceUnregister of device '%s'; unregistered for it",
                 c->d_regdrv->dr_name, c->d_addr);
   }
   dev_destroy(c);
}

/*
 * Children away, then quiesce and detach; d stays registered, unclaimed.
 * => in the layer.
 */
static void
dev_take_away(struct emu_dev *d, VMK_ReturnStatus *first)
{
   struct emu_drv *drv;
   VMK_ReturnStatus st;

   for (;;) {
      struct emu_dev *c;
      struct emu_dev *newest = NULL;

      emu_mutex_lock(&dev_lock);
      for (c = d->d_child; c != NULL; c = c->d_sibling) {
         newest = c;
      }
      emu_mutex_unlock(&dev_lock);
      if (newest == NULL) {
         break;
      }
      dev_remove_child(newest, first);
   }
   drv = d->d_drv;
   if (drv == NULL) {
      return;
   }
   if (d->d_state == EMU_DEVS_STARTED) {
      st = dev_call(drv, d, DEV_OP_QUIESCE);
      dev_note(first, st);
      emu_mutex_lock(&dev_lock);
      d->d_state = EMU_DEVS_ATTACHED;
      emu_mutex_unlock(&dev_lock);
   }
   st = dev_call(drv, d, DEV_OP_DETACH);
   dev_note(first, st);
   emu_mutex_lock(&dev_lock);
   d->d_drv = NULL;
   d->d_state = EMU_DEVS_UNCLAIMED;
   emu_mutex_unlock(&dev_lock);
   __atomic_store_n(&d->d_drv_data.addr, 0, __ATOMIC_RELAXED);
   if (d->d_hooks != NULL && d->d_hooks->dh_detached != NULL) {
      d->d_hooks->dh_detached(d, drv);
   }
}

static void
dev_forget_rec(struct emu_dev *d)
{
   struct emu_dev *c;

   d->d_gone = 1;
   for (c = d->d_child; c != NULL; c = c->d_sibling) {
      dev_forget_rec(c);
   }
   if (d->d_drv != NULL) {
      (void)dev_call(d->d_drv, d, DEV_OP_FORGET);
   }
}

void
emu_dev_forget(struct emu_dev *d)
{
   emu_dev_layer_enter();
   dev_forget_rec(d);
   emu_dev_layer_exit();
}

void
emu_dev_remove_root(struct emu_dev *d, int surprise,
                    VMK_ReturnStatus *first_err)
{
   *first_err = VMK_OK;
   emu_dev_layer_enter();
   if (surprise) {
      dev_forget_rec(d);
   }
   dev_take_away(d, first_err);
   d->d_unregistered = 1;
   dev_destroy(d);
   emu_dev_layer_exit();
}

/* ---- Drivers ------------------------------------------------------- */

emu_status_t
emu_drv_register(const vmk_DriverProps *props, const void *caller,
                 struct emu_drv **drvp)
{
   struct emu_drv *drv;
   struct emu_dev *d;
   struct emu_dev *todo[64];
   size_t len;
   unsigned n;
   unsigned i;

   len = strnlen(props->name.string, sizeof props->name.string);
   if (len == 0 || len == sizeof props->name.string || props->ops == NULL ||
       props->ops->attachDevice == NULL || props->ops->detachDevice == NULL ||
       props->ops->scanDevice == NULL || props->ops->quiesceDevice == NULL ||
       props->ops->startDevice == NULL) {
      return EMU_BADPARAM;
   }
   if (!emu_mod_exists(props->moduleID)) {
      return EMU_NOTFOUND;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   drv = calloc(1, sizeof *drv);
   if (drv == NULL) {
      return EMU_NOMEM;
   }
   drv->dr_magic = EMU_DRV_MAGIC;
   memcpy(drv->dr_name, props->name.string, len);
   drv->dr_module = props->moduleID;
   drv->dr_ops = *props->ops;
   drv->dr_priv = props->privateData;

   emu_dev_layer_enter();
   emu_mutex_lock(&dev_lock);
   {
      struct emu_drv *x;

      for (x = dev_drivers; x != NULL; x = x->dr_next) {
         if (strcmp(x->dr_name, drv->dr_name) == 0) {
            emu_mutex_unlock(&dev_lock);
            emu_dev_layer_exit();
            free(drv);
            return EMU_EXISTS;
         }
      }
   }
   drv->dr_next = dev_drivers;
   dev_drivers = drv;
   emu_rsrc_add(&drv->dr_rsrc, EMU_RSRC_DEVICE, "driver", drv->dr_name,
                caller);
   emu_mutex_unlock(&dev_lock);
   *drvp = drv;

   /* Offer the unclaimed devices that name it, oldest first. */
   do {
      n = 0;
      emu_mutex_lock(&dev_lock);
      for (d = dev_devices; d != NULL; d = d->d_all_next) {
         if (d->d_drv == NULL && !d->d_gone &&
             d->d_state == EMU_DEVS_UNCLAIMED &&
             dev_match_locked(d, dev_want_locked(d)) == drv && n < 64) {
            todo[n++] = d;
         }
      }
      emu_mutex_unlock(&dev_lock);
      for (i = n; i-- > 0;) {
         dev_offer(todo[i]);
      }
      /* A refusing driver keeps its devices unclaimed: offer once. */
   } while (0);
   emu_dev_layer_exit();
   return EMU_OK;
}

emu_status_t
emu_drv_unregister(struct emu_drv *drv, const void *caller)
{
   struct emu_drv **pp;
   struct emu_dev *d;
   int again;

   (void)caller;
   emu_dev_layer_enter();
   /* Detach every device the driver holds, newest first. */
   do {
      struct emu_dev *pick = NULL;

      again = 0;
      emu_mutex_lock(&dev_lock);
      for (d = dev_devices; d != NULL; d = d->d_all_next) {
         if (d->d_drv == drv) {
            pick = d;
            break;
         }
      }
      emu_mutex_unlock(&dev_lock);
      if (pick != NULL) {
         dev_take_away(pick, NULL);
         again = 1;
      }
   } while (again);
   emu_mutex_lock(&dev_lock);
   for (pp = &dev_drivers; *pp != NULL; pp = &(*pp)->dr_next) {
      if (*pp == drv) {
         *pp = drv->dr_next;
         break;
      }
   }
   emu_mutex_unlock(&dev_lock);
   emu_rsrc_remove(&drv->dr_rsrc);
   drv->dr_magic = 0;
   free(drv);
   emu_dev_layer_exit();
   return EMU_OK;
}

/* ---- Devices ------------------------------------------------------- */

static emu_status_t
dev_new(struct emu_bustype *bt, const char *addr, size_t alen,
        const char *ident, size_t ilen, const void *caller,
        struct emu_dev **dp)
{
   struct emu_dev *d;

   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   d = calloc(1, sizeof *d);
   if (d == NULL) {
      return EMU_NOMEM;
   }
   d->d_addr = malloc(alen + 1);
   d->d_ident = malloc(ilen + 1);
   if (d->d_addr == NULL || d->d_ident == NULL) {
      dev_free_mem(d);
      return EMU_NOMEM;
   }
   memcpy(d->d_addr, addr, alen);
   d->d_addr[alen] = '\0';
   if (ident != NULL) {
      memcpy(d->d_ident, ident, ilen);
   }
   d->d_ident[ilen] = '\0';
   d->d_magic = EMU_DEV_MAGIC;
   d->d_bus = bt;
   *dp = d;
   return EMU_OK;
}

/* Link a new device into the tree unless its address is taken. */
static emu_status_t
dev_link(struct emu_dev *d, struct emu_dev *parent, const void *caller)
{
   struct emu_dev *x;
   struct emu_dev **pp;

   emu_mutex_lock(&dev_lock);
   for (x = dev_devices; x != NULL; x = x->d_all_next) {
      if (x->d_bus == d->d_bus && strcmp(x->d_addr, d->d_addr) == 0) {
         emu_mutex_unlock(&dev_lock);
         return EMU_EXISTS;
      }
   }
   d->d_parent = parent;
   if (parent != NULL) {
      for (pp = &parent->d_child; *pp != NULL; pp = &(*pp)->d_sibling) {
      }
      *pp = d;
   }
   d->d_seq = ++dev_seq;
   d->d_all_next = dev_devices;
   dev_devices = d;
   emu_rsrc_add(&d->d_rsrc, EMU_RSRC_DEVICE, "device", d->d_addr, caller);
   emu_mutex_unlock(&dev_lock);
   return EMU_OK;
}

emu_status_t
emu_dev_register(const vmk_DeviceProps *props, struct emu_dev *parent,
                 const void *caller, struct emu_dev **dp)
{
   const vmk_DeviceID *id = props->deviceID;
   struct emu_dev *d;
   emu_status_t st;

   if (dev_cur == NULL || dev_cur->cb_op != DEV_OP_SCAN ||
       dev_cur->cb_dev != parent) {
      return EMU_NOTSUP;
   }
   if (props->registeringDriver != (vmk_Driver)dev_cur->cb_drv) {
      return EMU_BADPARAM;
   }
   d = NULL;
   st = dev_new((struct emu_bustype *)id->busType, id->busAddress,
                id->busAddressLen, id->busIdentifier,
                id->busIdentifier != NULL ? id->busIdentifierLen : 0,
                caller, &d);
   if (st != EMU_OK) {
      return st;
   }
   d->d_regdrv = dev_cur->cb_drv;
   d->d_ops = *props->deviceOps;
   d->d_regdrv_data = props->registeringDriverData;
   d->d_reg_data = props->registrationData;
   st = dev_link(d, parent, caller);
   if (st != EMU_OK) {
      dev_free_mem(d);
      return st;
   }
   *dp = d;
   return EMU_OK;
}

emu_status_t
emu_dev_unregister(struct emu_dev *d, const void *caller)
{
   struct emu_dev **pp;

   (void)caller;
   if (dev_cur == NULL || dev_cur->cb_op != DEV_OP_REMOVE ||
       dev_cur->cb_dev != d) {
      return EMU_NOTSUP;
   }
   emu_mutex_lock(&dev_lock);
   if (d->d_refs != 0 || d->d_child != NULL || d->d_drv != NULL) {
      emu_mutex_unlock(&dev_lock);
      return EMU_BUSY;
   }
   /* Out of the live list now (the handle is dead to every API call);
    * the remover frees it when removeDevice returns. */
   for (pp = &dev_devices; *pp != NULL; pp = &(*pp)->d_all_next) {
      if (*pp == d) {
         *pp = d->d_all_next;
         break;
      }
   }
   d->d_all_next = NULL;
   d->d_unregistered = 1;
   emu_mutex_unlock(&dev_lock);
   return EMU_OK;
}

emu_status_t
emu_dev_add_root(struct emu_bustype *bt, const char *addr, const char *ident,
                 const char *want, vmk_AddrCookie reg_data,
                 const struct emu_dev_hooks *hooks, void *bus_obj,
                 const void *caller, struct emu_dev **dp)
{
   struct emu_dev *d = NULL;
   struct dev_want *w = NULL;
   emu_status_t st;

   st = dev_new(bt, addr, strlen(addr), ident, strlen(ident), caller, &d);
   if (st != EMU_OK) {
      return st;
   }
   d->d_reg_data = reg_data;
   d->d_hooks = hooks;
   d->d_bus_obj = bus_obj;
   if (want != NULL && want[0] != '\0') {
      w = calloc(1, sizeof *w);
      if (w == NULL) {
         dev_free_mem(d);
         return EMU_NOMEM;
      }
      w->w_dev = d;
      snprintf(w->w_name, sizeof w->w_name, "%s", want);
   }
   emu_dev_layer_enter();
   st = dev_link(d, NULL, caller);
   if (st != EMU_OK) {
      emu_dev_layer_exit();
      free(w);
      dev_free_mem(d);
      return st;
   }
   if (w != NULL) {
      emu_mutex_lock(&dev_lock);
      w->w_next = dev_wants;
      dev_wants = w;
      emu_mutex_unlock(&dev_lock);
   }
   *dp = d;
   dev_offer(d);
   emu_dev_layer_exit();
   return EMU_OK;
}

/* ---- Rescan, find, map, queries ------------------------------------ */

static void
dev_run_rescans(void)
{
   struct dev_rescan *r;

   while ((r = dev_rescans) != NULL) {
      struct emu_dev *d = r->r_dev;
      int live;

      dev_rescans = r->r_next;
      free(r);
      emu_mutex_lock(&dev_lock);
      live = dev_live_locked(d);
      emu_mutex_unlock(&dev_lock);
      if (live) {
         dev_scan(d);
      }
   }
}

emu_status_t
emu_dev_rescan(struct emu_drv *drv, struct emu_dev *d, const void *caller)
{
   struct dev_rescan *r;

   (void)caller;
   emu_dev_layer_enter();
   if (d->d_drv != drv) {
      emu_dev_layer_exit();
      return EMU_BUSY;            /* not the attached driver: no permission */
   }
   r = calloc(1, sizeof *r);
   if (r == NULL) {
      emu_dev_layer_exit();
      return EMU_NOMEM;
   }
   r->r_dev = d;
   r->r_next = dev_rescans;
   dev_rescans = r;
   emu_dev_layer_exit();       /* runs it unless a callback is running */
   return EMU_OK;
}

emu_status_t
emu_dev_find(const char *bus, const char *addr, struct emu_dev **dp)
{
   struct emu_dev *d;

   emu_mutex_lock(&dev_lock);
   for (d = dev_devices; d != NULL; d = d->d_all_next) {
      if (strcmp(d->d_bus->bt_name, bus) == 0 &&
          strcmp(d->d_addr, addr) == 0) {
         d->d_refs++;
         emu_mutex_unlock(&dev_lock);
         *dp = d;
         return EMU_OK;
      }
   }
   emu_mutex_unlock(&dev_lock);
   return EMU_NOTFOUND;
}

emu_status_t
emu_dev_release(struct emu_dev *d, const void *caller)
{
   emu_mutex_lock(&dev_lock);
   if (d->d_refs == 0) {
      emu_report_obj_t obj = { "device", d->d_addr, d };

      emu_mutex_unlock(&dev_lock);
      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "vmk_DeviceRelease: no reference held on device '%s'",
                 d->d_addr);
      return EMU_BADPARAM;
   }
   d->d_refs--;
   emu_mutex_unlock(&dev_lock);
   return EMU_OK;
}

emu_status_t
emu_dev_map_add(const char *ident, const char *driver)
{
   struct dev_map *m;

   if (strlen(ident) == 0 || strlen(ident) > EMU_DEV_IDENT_MAX ||
       strlen(driver) == 0 || strlen(driver) >= VMK_MISC_NAME_MAX) {
      return EMU_BADPARAM;
   }
   m = calloc(1, sizeof *m);
   if (m == NULL) {
      return EMU_NOMEM;
   }
   snprintf(m->m_ident, sizeof m->m_ident, "%s", ident);
   snprintf(m->m_driver, sizeof m->m_driver, "%s", driver);
   emu_mutex_lock(&dev_lock);
   m->m_next = dev_maps;
   dev_maps = m;
   emu_mutex_unlock(&dev_lock);
   return EMU_OK;
}

void
emu_dev_children(struct emu_dev *d, uint32_t *count, struct emu_dev **first)
{
   struct emu_dev *c;
   uint32_t n = 0;

   emu_mutex_lock(&dev_lock);
   for (c = d->d_child; c != NULL; c = c->d_sibling) {
      n++;
   }
   if (first != NULL) {
      *first = d->d_child;
   }
   emu_mutex_unlock(&dev_lock);
   *count = n;
}


emu_dev_state_t
emu_dev_state(struct emu_dev *d)
{
   emu_dev_state_t st;

   emu_mutex_lock(&dev_lock);
   st = d->d_state;
   emu_mutex_unlock(&dev_lock);
   return st;
}
