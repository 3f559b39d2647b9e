/*
 * mydrv.c -- the driver of doc/guide-testing.md: a small module written
 * the way an ESXi driver is, built out of tree against the installed SDK.
 *
 * It keeps a table of counters in memory from its own heap, logs through
 * its own log component, and offers two calls a test (or the rest of a
 * driver) uses: mydrv_add() and mydrv_get().
 */
#include "vmkapi.h"

VMK_VERSION_INFO("1.0");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_BSD);

static int mydrv_slots = 8;
VMK_MODPARAM(mydrv_slots, int, "number of counters (1..1024)");

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
VMK_ReturnStatus mydrv_add(int slot, vmk_uint64 n);
VMK_ReturnStatus mydrv_get(int slot, vmk_uint64 *n);

static vmk_HeapID mydrv_heap;
static vmk_LogComponent mydrv_log;
static vmk_uint64 *mydrv_table;

int
init_module(void)
{
   vmk_HeapCreateProps hp;
   vmk_LogProperties lp;
   VMK_ReturnStatus status;

   if (mydrv_slots < 1 || mydrv_slots > 1024) {
      vmk_WarningMessage("mydrv: mydrv_slots=%d is out of range",
                         mydrv_slots);
      return VMK_BAD_PARAM;
   }
   vmk_Memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "mydrv");
   hp.module = vmk_ModuleCurrentID;
   hp.initial = 0;
   hp.max = 16 * 1024;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   status = vmk_HeapCreate(&hp, &mydrv_heap);
   if (status != VMK_OK) {
      return status;
   }
   mydrv_table = vmk_HeapAlloc(mydrv_heap,
                               mydrv_slots * sizeof *mydrv_table);
   if (mydrv_table == NULL) {
      status = VMK_NO_MEMORY;
      goto fail_heap;
   }
   vmk_Memset(mydrv_table, 0, mydrv_slots * sizeof *mydrv_table);
   vmk_Memset(&lp, 0, sizeof lp);
   vmk_NameInitialize(&lp.name, "mydrv");
   lp.module = vmk_ModuleCurrentID;
   lp.heap = mydrv_heap;
   status = vmk_LogRegister(&lp, &mydrv_log);
   if (status != VMK_OK) {
      goto fail_table;
   }
   vmk_LogMessage("mydrv: %d counters ready", mydrv_slots);
   return VMK_OK;

fail_table:
   vmk_HeapFree(mydrv_heap, mydrv_table);
fail_heap:
   vmk_HeapDestroy(mydrv_heap);
   return status;
}

void
cleanup_module(void)
{
   vmk_LogUnregister(mydrv_log);
   vmk_HeapFree(mydrv_heap, mydrv_table);
   vmk_HeapDestroy(mydrv_heap);
}

VMK_ReturnStatus
mydrv_add(int slot, vmk_uint64 n)
{
   if (slot < 0 || slot >= mydrv_slots) {
      return VMK_BAD_PARAM;
   }
   mydrv_table[slot] += n;
   return VMK_OK;
}

VMK_ReturnStatus
mydrv_get(int slot, vmk_uint64 *n)
{
   if (slot < 0 || slot >= mydrv_slots || n == NULL) {
      return VMK_BAD_PARAM;
   }
   *n = mydrv_table[slot];
   return VMK_OK;
}

/* What `vmkemu load` runs between init_module and cleanup_module. */
int
vmkemu_scenario(void)
{
   vmk_uint64 n;
   int i;

   for (i = 0; i < mydrv_slots; i++) {
      mydrv_add(i, (vmk_uint64)i + 1);
   }
   for (i = 0; i < mydrv_slots; i++) {
      if (mydrv_get(i, &n) != VMK_OK || n != (vmk_uint64)i + 1) {
         return 1;
      }
   }
   vmk_LogMessage("mydrv: scenario checked %d counters", mydrv_slots);
   return 0;
}
