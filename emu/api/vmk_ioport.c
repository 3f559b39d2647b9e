/*
 * vmk_ioport.c -- platform/x86/vmkapi_ioport.h over emu/dev/ioport.c.
 *
 * An access names a reservation (from vmk_PCIMapIOResource on an I/O BAR,
 * or vmk_IOResourceReserve on a port range) and a port: the access must
 * lie wholly inside the reservation (VMK_BAD_ADDR_RANGE otherwise, also
 * for a memory reservation).  It reaches the simulated device's ioRead /
 * ioWrite callback synchronously; a range no device answers reads
 * all-ones.  A stale reservation is a DEAD_HANDLE report and
 * VMK_BAD_ADDR_RANGE.
 */
#include "api.h"

#include "dev/ioport.h"

static struct emu_ioresv *
resv_get(vmk_IOReservation reservation, const void *caller)
{
   struct emu_ioresv *v = (struct emu_ioresv *)reservation;

   if (v == NULL) {
      return NULL;
   }
   if (!emu_ioresv_live(v)) {
      emu_report_obj_t obj = { "I/O reservation", NULL, v };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "vmk_IOPort access through %p, not a live reservation",
                 (void *)v);
      return NULL;
   }
   return v;
}

static VMK_ReturnStatus
port_read(vmk_IOReservation r, vmk_IOPortAddr port, uint32_t size,
          uint32_t *val, const void *caller)
{
   struct emu_ioresv *v = resv_get(r, caller);

   if (v == NULL || val == NULL ||
       emu_ioport_read(v, port, size, val) != EMU_OK) {
      return VMK_BAD_ADDR_RANGE;
   }
   return VMK_OK;
}

static VMK_ReturnStatus
port_write(vmk_IOReservation r, vmk_IOPortAddr port, uint32_t size,
           uint32_t val, const void *caller)
{
   struct emu_ioresv *v = resv_get(r, caller);

   if (v == NULL || emu_ioport_write(v, port, size, val) != EMU_OK) {
      return VMK_BAD_ADDR_RANGE;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortRead8(vmk_IOReservation reservation, vmk_IOPortAddr port,
                vmk_uint8 *outValue)
{
   uint32_t v = 0;
   VMK_ReturnStatus st;

   if (outValue == NULL) {
      return VMK_BAD_ADDR_RANGE;
   }
   st = port_read(reservation, port, 1, &v, EMU_CALLER());
   if (st == VMK_OK) {
      *outValue = (vmk_uint8)v;
   }
   return st;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortRead16(vmk_IOReservation reservation, vmk_IOPortAddr port,
                 vmk_uint16 *outValue)
{
   uint32_t v = 0;
   VMK_ReturnStatus st;

   if (outValue == NULL) {
      return VMK_BAD_ADDR_RANGE;
   }
   st = port_read(reservation, port, 2, &v, EMU_CALLER());
   if (st == VMK_OK) {
      *outValue = (vmk_uint16)v;
   }
   return st;
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortRead32(vmk_IOReservation reservation, vmk_IOPortAddr port,
                 vmk_uint32 *outValue)
{
   return port_read(reservation, port, 4, outValue, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortWrite8(vmk_IOReservation reservation, vmk_IOPortAddr port,
                 vmk_uint8 inValue)
{
   return port_write(reservation, port, 1, inValue, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortWrite16(vmk_IOReservation reservation, vmk_IOPortAddr port,
                  vmk_uint16 inValue)
{
   return port_write(reservation, port, 2, inValue, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_IOPortWrite32(vmk_IOReservation reservation, vmk_IOPortAddr port,
                  vmk_uint32 inValue)
{
   return port_write(reservation, port, 4, inValue, EMU_CALLER());
}
