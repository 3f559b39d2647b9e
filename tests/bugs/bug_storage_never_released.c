/*
 * A driver world that looks up another world's storage slot and ends
 * without releasing it.
 */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_WorldStorageProps props;
   vmk_WorldStorageHandle h;
   vmk_WorldID holder;
   vmk_WorldID peer;
   VMK_ReturnStatus st;
   void *slot = NULL;

   memset(&props, 0, sizeof props);
   props.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.size = 32;
   props.align = 8;
   if (vmk_WorldStorageCreate(&props, &h) != VMK_OK ||
       EmuCtl_WorldCreateSimulated("holder", &holder) != VMK_OK ||
       EmuCtl_WorldCreateSimulated("peer", &peer) != VMK_OK ||
       EmuCtl_WorldEnter(holder) != VMK_OK) {
      return;
   }
   st = vmk_WorldStorageLookUp(peer, h, &slot); BUG_AT(line);
   EmuCtl_WorldLeave();
   EmuCtl_WorldKill(holder);              /* ends holding the reference */
   if (st == VMK_OK) {
      vmk_WorldStorageRelease(peer, &slot);
   }
   EmuCtl_WorldKill(peer);
   vmk_WorldStorageDestroy(h);
}

const bug_case_t bug_storage_never_released = {
   "world storage lookup never released", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
