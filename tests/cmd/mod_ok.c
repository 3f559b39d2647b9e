/*
 * mod_ok.c -- a well-behaved test module: stamps, parameters, a log
 * component, a scenario; it frees everything in cleanup_module.
 */
#include "vmkapi.h"

VMK_VERSION_INFO("1.2.3-test");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_BSD);

static int count = 1;
VMK_MODPARAM(count, int, "how many lines the scenario logs");
static char label[16] = "none";
VMK_MODPARAM_STRING(label, sizeof label, "a label printed at init");
static int vals[4];
static int nvals;
VMK_MODPARAM_ARRAY(vals, int, &nvals, "up to four integers");

static vmk_LogComponent mod_ok_log;

int init_module(void);
void cleanup_module(void);
int vmkemu_scenario(void);
int mod_ok_current_id(void);
int mod_ok_count(void);
int mod_ok_vals_sum(void);

int
mod_ok_current_id(void)
{
   return vmk_ModuleCurrentID;
}

int
mod_ok_count(void)
{
   return count;
}

int
mod_ok_vals_sum(void)
{
   int i;
   int sum = 0;

   for (i = 0; i < nvals; i++) {
      sum += vals[i];
   }
   return sum;
}

int
init_module(void)
{
   vmk_LogProperties props = {
      .name = { .string = "mod_ok" },
      .module = vmk_ModuleCurrentID,
      .defaultLevel = 1,
   };
   VMK_ReturnStatus status;

   if (vmk_ModuleStackTop() != vmk_ModuleCurrentID) {
      return VMK_FAILURE;
   }
   status = vmk_LogRegister(&props, &mod_ok_log);
   if (status != VMK_OK) {
      return status;
   }
   vmk_Log(mod_ok_log, "init: count=%d label=%s nvals=%d sum=%d", count,
           label, nvals, mod_ok_vals_sum());
   return VMK_OK;
}

int
vmkemu_scenario(void)
{
   int i;

   for (i = 0; i < count; i++) {
      vmk_Log(mod_ok_log, "scenario line %d", i + 1);
   }
   return 0;
}

void
cleanup_module(void)
{
   vmk_Log(mod_ok_log, "cleanup");
   vmk_LogUnregister(mod_ok_log);
}
