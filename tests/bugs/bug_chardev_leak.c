/* A driver module that registers a character device and never unregisters. */
#include <string.h>

#include "bugs.h"

static int line;

static void
run(void)
{
   bugs_module_t m;
   vmk_CharDevOps ops;
   vmk_AddrCookie p;
   vmk_CharDev dev;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   memset(&ops, 0, sizeof ops);
   p.ptr = NULL;
   st = vmk_CharDevRegister(m.id, "leaky", &ops, NULL, p, &dev); BUG_AT(line);
   bugs_module_end(&m);
   if (st == VMK_OK) {
      vmk_CharDevUnregister(dev);
   }
}

const bug_case_t bug_chardev_leak = {
   "module unregistered with a character device", EMUCTL_REPORT_LEAK, NULL,
   run, __FILE__, &line
};
