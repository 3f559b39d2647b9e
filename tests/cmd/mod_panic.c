/*
 * mod_panic.c -- a test module whose init_module fails an assertion (or,
 * with misuse=1, misuses the module API so that a report fires).
 */
#include "vmkapi.h"

int init_module(void);

static int ready;
VMK_MODPARAM(ready, int, "set to 1 to pass the assertion");
static int misuse;
VMK_MODPARAM(misuse, int, "set to 1 to drop a use count never taken");

int
init_module(void)
{
   VMK_ASSERT_BUG(ready == 1, "mod_panic: not ready (ready=%d)", ready);
   if (misuse) {
      vmk_ModuleDecUseCount(vmk_ModuleCurrentID);
   }
   return VMK_OK;
}
