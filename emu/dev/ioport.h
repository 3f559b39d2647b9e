/*
 * ioport.h -- I/O resources (memory and port ranges), reservations of
 * them and port accesses routed to the simulated device behind a range
 * (engine-private; the theory is in ioport.c).
 */
#ifndef EMU_DEV_IOPORT_H
#define EMU_DEV_IOPORT_H

#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"

#define EMU_IORES_MAGIC   0x494f5253u   /* "IORS" */
#define EMU_IORESV_MAGIC  0x494f5256u   /* "IORV" */
#define EMU_IORES_MAXBIND 8

typedef enum emu_iores_type {
   EMU_IORES_MEM = 2,           /* the values of vmk_IOResourceType */
   EMU_IORES_PORT = 3,
} emu_iores_type_t;

/* What answers port accesses of a range (a simulated device's I/O BAR). */
struct emu_iores_backend {
   uint32_t (*ib_read)(void *ctx, uint64_t off, uint32_t size);
   void     (*ib_write)(void *ctx, uint64_t off, uint32_t size, uint32_t v);
};

struct emu_iores {
   uint32_t                        r_magic;
   emu_iores_type_t                r_type;
   uint64_t                        r_start;
   uint64_t                        r_len;
   uint32_t                        r_attrs;
   int32_t                         r_module;
   const struct emu_iores_backend *r_backend;  /* NULL: floating bus */
   void                           *r_ctx;
   int                             r_system;   /* the emulator's own */
   void                           *r_bound[EMU_IORES_MAXBIND]; /* devices */
   unsigned                        r_nbound;
   unsigned                        r_nresv;    /* live reservations */
   struct emu_iores               *r_next;
   emu_rsrc_t                      r_rsrc;
};

struct emu_ioresv {
   uint32_t           v_magic;
   struct emu_iores  *v_res;
   uint64_t           v_start;
   uint64_t           v_len;
   uint32_t           v_attrs;
   int32_t            v_module;
   int                v_system;
   struct emu_ioresv *v_next;
   emu_rsrc_t         v_rsrc;
};

emu_status_t emu_ioport_init(void);
void emu_ioport_fini(void);

/*
 * Register a range.  EMU_BADPARAM for a zero length or a port range past
 * 0xffff; EMU_EXISTS when it overlaps a registered range of its type.
 * system: the emulator's own (a BAR), not a driver resource.
 */
emu_status_t emu_iores_register(emu_iores_type_t type, uint64_t start,
                                uint64_t len, uint32_t attrs, int32_t module,
                                const struct emu_iores_backend *backend,
                                void *ctx, int system, const void *caller,
                                struct emu_iores **rp);
/* EMU_BUSY while reserved or bound. */
emu_status_t emu_iores_unregister(struct emu_iores *r);
emu_status_t emu_iores_bind(struct emu_iores *r, void *device, int bind);
int emu_iores_live(const struct emu_iores *r);

/*
 * Reserve [start, start + len) of a registered range of that type.
 * EMU_NOTFOUND when no registered range holds it; EMU_BUSY when it
 * overlaps a reservation and not both are shareable.
 */
emu_status_t emu_ioresv_reserve(emu_iores_type_t type, uint64_t start,
                                uint64_t len, uint32_t attrs, int32_t module,
                                int system, const void *caller,
                                struct emu_ioresv **vp);
emu_status_t emu_ioresv_release(struct emu_ioresv *v);
int emu_ioresv_live(const struct emu_ioresv *v);

/* Port access through a reservation; EMU_BADPARAM outside it. */
emu_status_t emu_ioport_read(struct emu_ioresv *v, uint16_t port,
                             uint32_t size, uint32_t *val);
emu_status_t emu_ioport_write(struct emu_ioresv *v, uint16_t port,
                              uint32_t size, uint32_t val);

#endif
