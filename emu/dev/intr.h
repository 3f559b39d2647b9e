/*
 * intr.h -- interrupt cookies, handlers and delivery on the interrupt
 * world (engine-private; the theory is in intr.c).
 */
#ifndef EMU_DEV_INTR_H
#define EMU_DEV_INTR_H

#include <stdint.h>

#include "vmkapi.h"

#include "../core/status.h"
#include "../host/host.h"

#define EMU_INTR_MAX    4096          /* cookies in the system */
#define EMU_INTR_BASE   0x100u        /* first cookie value */

emu_status_t emu_intr_init(void);
void emu_intr_fini(void);

/*
 * Allocate n cookies for owner (a PCI function), in module, all shared
 * (legacy INTx lines may carry several handlers) or not.  EMU_NOMEM when
 * the cookie space is exhausted.
 */
emu_status_t emu_intr_alloc(void *owner, int32_t module, int shared,
                            uint32_t n, uint32_t *cookies);
/*
 * Free a cookie; handlers still registered are dropped after the ones
 * running finished.  Returns how many handlers were dropped.
 */
unsigned emu_intr_free(uint32_t cookie);
/* The owner of an allocated cookie, or NULL. */
void *emu_intr_owner(uint32_t cookie);

emu_status_t emu_intr_register(uint32_t cookie, int32_t module,
                               const vmk_IntrProps *props);
emu_status_t emu_intr_unregister(uint32_t cookie, void *handler_data);
emu_status_t emu_intr_enable(uint32_t cookie, int enable);
emu_status_t emu_intr_sync(uint32_t cookie);
/* Run fn(data) while no handler of module runs or starts. */
void emu_intr_with_module_disabled(int32_t module, vmk_IntrDisabledFunc fn,
                                   vmk_AddrCookie data);

/*
 * Raise: EMU_OK when handlers ran, EMU_WOULDBLOCK when held pending,
 * EMU_NOTFOUND when lost, EMU_BADPARAM for an unallocated cookie.
 * => may block (waits for the handlers).
 */
emu_status_t emu_intr_raise(uint32_t cookie);

uint32_t emu_intr_inflight(void);

#endif
