/*
 * pci.h -- simulated PCI functions: configuration space, BARs, interrupt
 * vectors, SR-IOV virtual functions (engine-private; theory in pci.c).
 *
 * The test-side description is the public EmuCtl_PCIDeviceProps, so this
 * engine includes emuctl.h for it (the layering allows public headers).
 */
#ifndef EMU_DEV_PCI_H
#define EMU_DEV_PCI_H

#include <stdint.h>

#include "vmkapi.h"
#include "emuctl.h"

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "device.h"
#include "ioport.h"

#define EMU_PCI_MAGIC      0x50434946u    /* "PCIF" */
#define EMU_PCI_ITER_MAGIC 0x50434949u    /* "PCII" */
#define EMU_PCI_CFG_MAX    4096

struct emu_pci;

struct emu_pci_bar {
   struct emu_pci     *b_owner;
   unsigned            b_index;
   EmuCtl_PCIBarType   b_type;       /* NONE for the upper half of a MEM64 */
   uint32_t            b_size;
   int                 b_prefetch;
   uint64_t            b_addr;       /* simulated MA, or the first port */
   uint8_t            *b_mem;        /* memory BARs: what the driver maps */
   uint8_t            *b_shadow;     /* last stepped contents */
   size_t              b_maplen;     /* host mapping length */
   struct emu_iores   *b_res;        /* registered range */
   struct emu_ioresv  *b_resv;       /* vmk_PCIMapIOResource reservation */
   int32_t             b_map_module;
   int                 b_sizing;     /* all-ones written: reads give the mask */
};

struct emu_pci {
   uint32_t            p_magic;
   emu_mutex_t         p_lock;       /* config space, BAR state, vectors */
   /* Immutable after add. */
   EmuCtl_PCIDeviceProps p_props;
   EmuCtl_PCIDeviceOps p_ops;
   int                 p_has_ops;
   vmk_PCIDeviceAddr   p_addr;
   char                p_addrstr[16];
   char                p_ident[64];
   uint32_t            p_cfgsize;
   uint16_t            p_cap_pm, p_cap_msi, p_cap_msix, p_cap_pcie;
   uint16_t            p_ext_sriov;
   struct emu_pci     *p_pf;         /* a VF's physical function */
   uint16_t            p_vf_index;
   uint64_t            p_seq;
   /* p_lock */
   uint8_t             p_cfg[EMU_PCI_CFG_MAX];
   uint8_t             p_wmask[EMU_PCI_CFG_MAX];
   struct emu_pci_bar  p_bars[6];
   vmk_PCIInterruptType p_intr_type;
   int32_t             p_intr_module;
   uint32_t            p_nvec;       /* entries of p_vec */
   uint32_t           *p_vec;        /* vector -> cookie (0: none) */
   struct emu_pci    **p_vfs;        /* enabled VFs */
   uint16_t            p_numvfs;
   vmk_AddrCookie      p_vf_priv;
   vmk_PCIVFDeviceOps  p_vf_ops;
   /* Device layer. */
   struct emu_dev     *p_dev;        /* registered device, NULL for an
                                        unregistered VF */
   int                 p_gone;       /* atomic: hardware lost */
   struct emu_pci     *p_next;       /* pci_all -- pci_lock */
   emu_rsrc_t          p_rsrc;
};

emu_status_t emu_pci_init(void);
void emu_pci_fini(void);

/* NULL is EMU_BADPARAM quietly; a dead handle a DEAD_HANDLE report. */
emu_status_t emu_pci_check(struct emu_pci *p, const char *fn,
                           const void *caller);

emu_status_t emu_pci_add(const EmuCtl_PCIDeviceProps *props,
                         const void *caller, struct emu_pci **pp);
VMK_ReturnStatus emu_pci_remove(struct emu_pci *p, int surprise);

/* Configuration access: size 1, 2 or 4; raw ignores write masks and
 * callbacks.  EMU_BADPARAM misaligned or bad size, EMU_LIMIT beyond. */
emu_status_t emu_pci_cfg_read(struct emu_pci *p, uint16_t off, uint32_t size,
                              uint32_t *val, int raw);
emu_status_t emu_pci_cfg_write(struct emu_pci *p, uint16_t off,
                               uint32_t size, uint32_t val, int raw);
emu_status_t emu_pci_find_cap(struct emu_pci *p, uint8_t id, uint16_t *off);

emu_status_t emu_pci_bar_access(struct emu_pci *p, uint8_t bar, uint32_t off,
                                uint32_t size, uint64_t *val, int write);
emu_status_t emu_pci_step(struct emu_pci *p, uint32_t *changes);

emu_status_t emu_pci_map(struct emu_pci *p, int32_t module, uint8_t bar,
                         const void *caller, struct emu_ioresv **resv,
                         uint64_t *va);
emu_status_t emu_pci_unmap(struct emu_pci *p, uint8_t bar);

emu_status_t emu_pci_intr_alloc(struct emu_pci *p, int32_t module,
                                vmk_PCIInterruptType type, uint32_t want,
                                uint32_t need, const uint16_t *index,
                                uint32_t *cookies, uint32_t *got);
emu_status_t emu_pci_intr_free(struct emu_pci *p, const void *caller);
emu_status_t emu_pci_raise(struct emu_pci *p, uint16_t vector);
emu_status_t emu_pci_pme(struct emu_pci *p, int enable);

/* Iteration in add order: the live function added after seq. */
struct emu_pci *emu_pci_next(uint64_t seq);

/* SR-IOV. */
emu_status_t emu_pci_enable_vfs(struct emu_pci *pf, uint16_t *num);
emu_status_t emu_pci_disable_vfs(struct emu_pci *pf);
emu_status_t emu_pci_register_vf(struct emu_pci *vf, struct emu_pci *pf,
                                 struct emu_drv *pfdrv,
                                 const vmk_PCIVFDeviceOps *ops,
                                 const void *caller);
emu_status_t emu_pci_unregister_vf(struct emu_pci *vf, const void *caller);

#endif
