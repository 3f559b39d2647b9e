/*
 * device.h -- the device layer: bus types, drivers, the device tree and
 * the order of driver callbacks (engine-private; the theory is in
 * device.c).
 *
 * The layer's job is calling driver callbacks, so it speaks the callback
 * types of vmkapi (vmk_DriverOps, vmk_DeviceOps, vmk_AddrCookie), as
 * mod/modload.c does for init_module.  Handles given to drivers are the
 * structures below; every entry point validates them against the live
 * lists before touching them.
 */
#ifndef EMU_DEV_DEVICE_H
#define EMU_DEV_DEVICE_H

#include <stdint.h>

#include "vmkapi.h"

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"

#define EMU_BUSTYPE_MAGIC   0x42555354u   /* "BUST" */
#define EMU_DRV_MAGIC       0x44525652u   /* "DRVR" */
#define EMU_DEV_MAGIC       0x44455643u   /* "DEVC" */
#define EMU_DEV_ADDR_MAX    511           /* busAddressLen limit */
#define EMU_DEV_IDENT_MAX   63            /* busIdentifierLen limit */

typedef enum emu_dev_state {
   EMU_DEVS_UNCLAIMED = 0,
   EMU_DEVS_ATTACHED,        /* attachDevice succeeded: quiescent */
   EMU_DEVS_STARTED,         /* startDevice succeeded: IO-able */
} emu_dev_state_t;

struct emu_bustype {
   uint32_t      bt_magic;
   const char   *bt_name;
   uint32_t      bt_refs;      /* vmk_BusTypeFind references -- dev_lock */
};

struct emu_drv {
   uint32_t        dr_magic;
   char            dr_name[VMK_MISC_NAME_MAX];
   int32_t         dr_module;
   vmk_DriverOps   dr_ops;
   vmk_AddrCookie  dr_priv;
   struct emu_drv *dr_next;      /* dev_drivers -- dev_lock */
   emu_rsrc_t      dr_rsrc;
};

struct emu_dev;

/* What the bus that owns a device wants to hear (PCI: leak checks). */
struct emu_dev_hooks {
   /* After the driver's detachDevice returned (the device is unclaimed). */
   void (*dh_detached)(struct emu_dev *d, struct emu_drv *drv);
};

struct emu_dev {
   uint32_t                    d_magic;
   /* Immutable after register. */
   struct emu_bustype         *d_bus;
   char                       *d_addr;
   char                       *d_ident;
   struct emu_drv             *d_regdrv;    /* NULL: the emulator's bus */
   vmk_DeviceOps               d_ops;
   vmk_AddrCookie              d_regdrv_data;
   vmk_AddrCookie              d_reg_data;
   const struct emu_dev_hooks *d_hooks;
   void                       *d_bus_obj;   /* e.g. the PCI function */
   uint64_t                    d_seq;
   /* Tree and driver binding -- changed inside the device layer only,
    * read under dev_lock. */
   struct emu_dev             *d_parent;
   struct emu_dev             *d_child;     /* oldest child first */
   struct emu_dev             *d_sibling;
   struct emu_drv             *d_drv;       /* attached driver */
   emu_dev_state_t             d_state;
   int                         d_gone;      /* hardware lost (surprise) */
   int                         d_unregistered;
   uint32_t                    d_refs;      /* EmuCtl_DeviceFind references */
   /* The attached driver's data -- atomics. */
   vmk_AddrCookie              d_drv_data;
   struct emu_dev             *d_all_next;  /* dev_devices -- dev_lock */
   emu_rsrc_t                  d_rsrc;
};

emu_status_t emu_dev_init(void);
void emu_dev_fini(void);

/* Bus types: find takes a reference; release drops one. */
struct emu_bustype *emu_bustype_find(const char *name);
emu_status_t emu_bustype_release(struct emu_bustype *bt, const void *caller);
int emu_bustype_valid(const struct emu_bustype *bt);
struct emu_bustype *emu_bustype_pci(void);
struct emu_bustype *emu_bustype_logical(void);

/*
 * Validate handles.  NULL is EMU_BADPARAM silently; a non-NULL handle that
 * is not live is a DEAD_HANDLE report (fn names the API call), then
 * EMU_BADHANDLE.  => never blocks.
 */
emu_status_t emu_drv_check(struct emu_drv *drv, const char *fn,
                           const void *caller);
emu_status_t emu_dev_check(struct emu_dev *d, const char *fn,
                           const void *caller);

/* Drivers. */
emu_status_t emu_drv_register(const vmk_DriverProps *props,
                              const void *caller, struct emu_drv **drvp);
emu_status_t emu_drv_unregister(struct emu_drv *drv, const void *caller);

/*
 * vmk_DeviceRegister: only from the scan callback of parent, run by the
 * calling thread (EMU_NOTSUP otherwise).  The new child is offered to a
 * driver after the scan returns.
 */
emu_status_t emu_dev_register(const vmk_DeviceProps *props,
                              struct emu_dev *parent, const void *caller,
                              struct emu_dev **dp);
/* vmk_DeviceUnregister: only from d's removeDevice callback (EMU_NOTSUP). */
emu_status_t emu_dev_unregister(struct emu_dev *d, const void *caller);

/*
 * A device of the emulator's own buses (no registering driver): register
 * it at the root and offer it to its driver.  want names the driver.
 */
emu_status_t emu_dev_add_root(struct emu_bustype *bt, const char *addr,
                              const char *ident, const char *want,
                              vmk_AddrCookie reg_data,
                              const struct emu_dev_hooks *hooks,
                              void *bus_obj, const void *caller,
                              struct emu_dev **dp);
/*
 * Take a root device away (see device.c 3.); frees it.  *first_err gets
 * the first failure a driver callback returned (VMK_OK when none).
 */
void emu_dev_remove_root(struct emu_dev *d, int surprise,
                         VMK_ReturnStatus *first_err);
/* Mark d and its descendants' hardware gone, calling forgetDevice. */
void emu_dev_forget(struct emu_dev *d);

emu_status_t emu_dev_rescan(struct emu_drv *drv, struct emu_dev *d,
                            const void *caller);
emu_status_t emu_dev_find(const char *bus, const char *addr,
                          struct emu_dev **dp);
emu_status_t emu_dev_release(struct emu_dev *d, const void *caller);
emu_status_t emu_dev_map_add(const char *ident, const char *driver);
void emu_dev_children(struct emu_dev *d, uint32_t *count,
                      struct emu_dev **first);
/* d's state, read under the list lock (safe from interrupt handlers). */
emu_dev_state_t emu_dev_state(struct emu_dev *d);

/* Serialise device-layer work (recursive per thread); see device.c 4. */
void emu_dev_layer_enter(void);
void emu_dev_layer_exit(void);

#endif
