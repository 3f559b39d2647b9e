/*
 * mod_leak.c -- a test module that forgets to unregister its log component.
 */
#include "vmkapi.h"

int init_module(void);
void cleanup_module(void);

static vmk_LogComponent mod_leak_log;

int
init_module(void)
{
   vmk_LogProperties props = {
      .name = { .string = "mod_leak_log" },
      .module = vmk_ModuleCurrentID,
   };

   return vmk_LogRegister(&props, &mod_leak_log);
}

void
cleanup_module(void)
{
   vmk_LogMessage("mod_leak: cleanup forgets its log component");
}
