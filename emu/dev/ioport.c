/*
 * ioport.c -- I/O resources and port I/O for libvmkemu.
 *
 * 1. Model.  An I/O resource is a registered range of memory addresses or
 *    I/O ports.  The emulator registers one per BAR of every simulated PCI
 *    function (with a backend: the device's ioRead/ioWrite callbacks for
 *    port BARs); a driver may register ranges of its own.  A reservation
 *    claims part of one registered range; two reservations may overlap
 *    only when both asked for VMK_IORESOURCE_SHAREABLE.  A port access
 *    names a reservation and a port inside it; the access goes to the
 *    backend of the range, or reads all-ones and drops writes when no
 *    device sits there (a floating bus).
 *
 * 2. Locking: io_lock guards both lists; backends run without it (they
 *    are test callbacks and may call EmuCtl_*).  A reservation cannot be
 *    released while an access through it is running on another thread:
 *    that is the driver's business, as on ESXi.
 *
 * 3. Differences from ESX: memory reservations are bookkeeping only
 *    (mapping BARs goes through vmk_PCIMapIOResource); binding a resource
 *    to a device records the device but changes nothing else.
 */
#include "ioport.h"

#include <stdlib.h>

#include "../core/fault.h"

static emu_mutex_t io_lock = EMU_MUTEX_INITIALIZER;
static struct emu_iores *io_res;        /* io_lock */
static struct emu_ioresv *io_resv;      /* io_lock */

emu_status_t
emu_ioport_init(void)
{
   return EMU_OK;
}

void
emu_ioport_fini(void)
{
   emu_mutex_lock(&io_lock);
   while (io_resv != NULL) {
      struct emu_ioresv *v = io_resv;

      io_resv = v->v_next;
      if (!v->v_system) {
         emu_rsrc_remove(&v->v_rsrc);
      }
      v->v_magic = 0;
      free(v);
   }
   while (io_res != NULL) {
      struct emu_iores *r = io_res;

      io_res = r->r_next;
      if (!r->r_system) {
         emu_rsrc_remove(&r->r_rsrc);
      }
      r->r_magic = 0;
      free(r);
   }
   emu_mutex_unlock(&io_lock);
}

static int
io_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
   return a < b + blen && b < a + alen;
}

int
emu_iores_live(const struct emu_iores *r)
{
   const struct emu_iores *x;
   int live = 0;

   emu_mutex_lock(&io_lock);
   for (x = io_res; x != NULL && !live; x = x->r_next) {
      live = x == r;
   }
   emu_mutex_unlock(&io_lock);
   return live;
}

int
emu_ioresv_live(const struct emu_ioresv *v)
{
   const struct emu_ioresv *x;
   int live = 0;

   emu_mutex_lock(&io_lock);
   for (x = io_resv; x != NULL && !live; x = x->v_next) {
      live = x == v;
   }
   emu_mutex_unlock(&io_lock);
   return live;
}

emu_status_t
emu_iores_register(emu_iores_type_t type, uint64_t start, uint64_t len,
                   uint32_t attrs, int32_t module,
                   const struct emu_iores_backend *backend, void *ctx,
                   int system, const void *caller, struct emu_iores **rp)
{
   struct emu_iores *r;
   struct emu_iores *x;

   if (len == 0 || start + len < start ||
       (type == EMU_IORES_PORT && start + len > 0x10000)) {
      return EMU_BADPARAM;
   }
   if (!system && emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   r = calloc(1, sizeof *r);
   if (r == NULL) {
      return EMU_NOMEM;
   }
   r->r_magic = EMU_IORES_MAGIC;
   r->r_type = type;
   r->r_start = start;
   r->r_len = len;
   r->r_attrs = attrs;
   r->r_module = module;
   r->r_backend = backend;
   r->r_ctx = ctx;
   r->r_system = system;
   emu_mutex_lock(&io_lock);
   for (x = io_res; x != NULL; x = x->r_next) {
      if (x->r_type == type &&
          io_overlap(x->r_start, x->r_len, start, len)) {
         emu_mutex_unlock(&io_lock);
         free(r);
         return EMU_EXISTS;
      }
   }
   r->r_next = io_res;
   io_res = r;
   if (!system) {
      emu_rsrc_add(&r->r_rsrc, EMU_RSRC_OTHER, "I/O resource", "driver",
                   caller);
   }
   emu_mutex_unlock(&io_lock);
   *rp = r;
   return EMU_OK;
}

emu_status_t
emu_iores_unregister(struct emu_iores *r)
{
   struct emu_iores **pp;

   emu_mutex_lock(&io_lock);
   if (r->r_nresv != 0 || r->r_nbound != 0) {
      emu_mutex_unlock(&io_lock);
      return EMU_BUSY;
   }
   for (pp = &io_res; *pp != NULL; pp = &(*pp)->r_next) {
      if (*pp == r) {
         *pp = r->r_next;
         break;
      }
   }
   if (!r->r_system) {
      emu_rsrc_remove(&r->r_rsrc);
   }
   emu_mutex_unlock(&io_lock);
   r->r_magic = 0;
   free(r);
   return EMU_OK;
}

emu_status_t
emu_iores_bind(struct emu_iores *r, void *device, int bind)
{
   unsigned i;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&io_lock);
   for (i = 0; i < r->r_nbound && r->r_bound[i] != device; i++) {
   }
   if (bind) {
      if (i < r->r_nbound) {
         st = EMU_EXISTS;
      } else if (r->r_nbound == EMU_IORES_MAXBIND) {
         st = EMU_LIMIT;
      } else {
         r->r_bound[r->r_nbound++] = device;
      }
   } else if (i == r->r_nbound) {
      st = EMU_NOTFOUND;
   } else {
      r->r_bound[i] = r->r_bound[--r->r_nbound];
   }
   emu_mutex_unlock(&io_lock);
   return st;
}

emu_status_t
emu_ioresv_reserve(emu_iores_type_t type, uint64_t start, uint64_t len,
                   uint32_t attrs, int32_t module, int system,
                   const void *caller, struct emu_ioresv **vp)
{
   struct emu_iores *r;
   struct emu_ioresv *v;
   struct emu_ioresv *x;

   if (len == 0 || start + len < start) {
      return EMU_NOTFOUND;
   }
   if (!system && emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   v = calloc(1, sizeof *v);
   if (v == NULL) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&io_lock);
   for (r = io_res; r != NULL; r = r->r_next) {
      if (r->r_type == type && start >= r->r_start &&
          start + len <= r->r_start + r->r_len) {
         break;
      }
   }
   if (r == NULL) {
      emu_mutex_unlock(&io_lock);
      free(v);
      return EMU_NOTFOUND;
   }
   for (x = io_resv; x != NULL; x = x->v_next) {
      if (x->v_res == r && io_overlap(x->v_start, x->v_len, start, len) &&
          !((x->v_attrs & 1u) && (attrs & 1u))) {    /* both SHAREABLE */
         emu_mutex_unlock(&io_lock);
         free(v);
         return EMU_BUSY;
      }
   }
   v->v_magic = EMU_IORESV_MAGIC;
   v->v_res = r;
   v->v_start = start;
   v->v_len = len;
   v->v_attrs = attrs;
   v->v_module = module;
   v->v_system = system;
   v->v_next = io_resv;
   io_resv = v;
   r->r_nresv++;
   if (!system) {
      emu_rsrc_add(&v->v_rsrc, EMU_RSRC_OTHER, "I/O reservation", "driver",
                   caller);
   }
   emu_mutex_unlock(&io_lock);
   *vp = v;
   return EMU_OK;
}

emu_status_t
emu_ioresv_release(struct emu_ioresv *v)
{
   struct emu_ioresv **pp;

   emu_mutex_lock(&io_lock);
   for (pp = &io_resv; *pp != NULL; pp = &(*pp)->v_next) {
      if (*pp == v) {
         *pp = v->v_next;
         break;
      }
   }
   v->v_res->r_nresv--;
   if (!v->v_system) {
      emu_rsrc_remove(&v->v_rsrc);
   }
   emu_mutex_unlock(&io_lock);
   v->v_magic = 0;
   free(v);
   return EMU_OK;
}

static emu_status_t
io_target(struct emu_ioresv *v, uint16_t port, uint32_t size,
          const struct emu_iores_backend **be, void **ctx, uint64_t *off)
{
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&io_lock);
   if (v->v_res->r_type != EMU_IORES_PORT || port < v->v_start ||
       (uint64_t)port + size > v->v_start + v->v_len) {
      st = EMU_BADPARAM;
   } else {
      *be = v->v_res->r_backend;
      *ctx = v->v_res->r_ctx;
      *off = port - v->v_res->r_start;
   }
   emu_mutex_unlock(&io_lock);
   return st;
}

emu_status_t
emu_ioport_read(struct emu_ioresv *v, uint16_t port, uint32_t size,
                uint32_t *val)
{
   const struct emu_iores_backend *be = NULL;
   void *ctx = NULL;
   uint64_t off = 0;
   emu_status_t st = io_target(v, port, size, &be, &ctx, &off);

   if (st != EMU_OK) {
      return st;
   }
   if (be == NULL || be->ib_read == NULL) {
      *val = size == 4 ? 0xffffffffu : (1u << (size * 8)) - 1;
   } else {
      *val = be->ib_read(ctx, off, size);
      if (size < 4) {
         *val &= (1u << (size * 8)) - 1;
      }
   }
   return EMU_OK;
}

emu_status_t
emu_ioport_write(struct emu_ioresv *v, uint16_t port, uint32_t size,
                 uint32_t val)
{
   const struct emu_iores_backend *be = NULL;
   void *ctx = NULL;
   uint64_t off = 0;
   emu_status_t st = io_target(v, port, size, &be, &ctx, &off);

   if (st != EMU_OK) {
      return st;
   }
   if (be != NULL && be->ib_write != NULL) {
      be->ib_write(ctx, off, size, val);
   }
   return EMU_OK;
}
