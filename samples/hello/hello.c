/*
 * hello.c -- the smallest vmkemu sample driver: a module that logs when it
 * is loaded and unloaded.
 *
 * Build it like any ESXi module source, but against the vmkemu SDK:
 *    cc -shared -fPIC $(pkg-config --cflags vmkemu) hello.c -o hello.so
 * and run it:
 *    vmkemu load ./hello.so
 */
#include "vmkapi.h"

int init_module(void);
void cleanup_module(void);

static int hello_loads;

int
init_module(void)
{
   hello_loads++;
   vmk_LogMessage("hello: loaded (load #%d), vmkapi revision %d.%d",
                  hello_loads, VMKAPI_REVISION_MAJOR, VMKAPI_REVISION_MINOR);
   return VMK_OK;
}

void
cleanup_module(void)
{
   vmk_LogMessage("hello: unloading, goodbye");
}
