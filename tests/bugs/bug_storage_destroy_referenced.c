/*
 * A driver that destroys a world storage while it still holds a reference
 * to another world's slot: on ESXi the destroy would wait for itself.
 */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_WorldStorageProps props;
   vmk_WorldStorageHandle h;
   vmk_WorldID other;
   void *slot;

   memset(&props, 0, sizeof props);
   props.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.size = 32;
   props.align = 8;
   if (vmk_WorldStorageCreate(&props, &h) != VMK_OK ||
       EmuCtl_WorldCreateSimulated("peer", &other) != VMK_OK ||
       vmk_WorldStorageLookUp(other, h, &slot) != VMK_OK) {
      return;
   }
   vmk_WorldStorageDestroy(h); BUG_AT(line);
   vmk_WorldStorageRelease(other, &slot);
   EmuCtl_WorldKill(other);
   vmk_WorldStorageDestroy(h);
}

const bug_case_t bug_storage_destroy_referenced = {
   "world storage destroyed while referenced", EMUCTL_REPORT_BUSY_DESTROY,
   NULL, run, __FILE__, &line
};
