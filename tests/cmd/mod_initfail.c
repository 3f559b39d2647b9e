/*
 * mod_initfail.c -- a test module whose init_module fails.
 */
#include "vmkapi.h"

int init_module(void);
void cleanup_module(void);

int
init_module(void)
{
   vmk_WarningMessage("mod_initfail: pretending to run out of memory");
   return VMK_NO_MEMORY;
}

void
cleanup_module(void)
{
   /* Never called: init failed. */
   vmk_Panic("mod_initfail: cleanup_module called after a failed init");
}
