/*
 * emutest.c -- shared CMocka fixtures for vmkemu tests (see emutest.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "emutest.h"

void
emutest_assert_status(VMK_ReturnStatus got, VMK_ReturnStatus expected,
                      const char *expr, const char *file, int line)
{
   if (got != expected) {
      print_error("%s returned %s (0x%x), expected %s (0x%x)\n", expr,
                  vmk_StatusToString(got), (unsigned)got,
                  vmk_StatusToString(expected), (unsigned)expected);
      _fail(file, line);
   }
}

/* A driver panic inside a test fails that test with the panic's message. */
static void
emutest_panic_handler(const char *msg, void *arg)
{
   (void)arg;
   print_error("vmk_Panic: %s\n", msg);
   _fail(__FILE__, __LINE__);
}

int
emutest_group_setup(void **state)
{
   (void)state;
   if (EmuCtl_Init(NULL) != VMK_OK) {
      return -1;
   }
   EmuCtl_SetPanicHandler(emutest_panic_handler, NULL);
   return 0;
}

int
emutest_group_teardown(void **state)
{
   (void)state;
   if (EmuCtl_CheckReports() != 0) {
      EmuCtl_Shutdown();
      return -1;
   }
   return EmuCtl_Shutdown() == VMK_OK ? 0 : -1;
}

int
emutest_setup(void **state)
{
   return emutest_group_setup(state);
}

int
emutest_teardown(void **state)
{
   return emutest_group_teardown(state);
}

unsigned long
emutest_seed(unsigned long dflt)
{
   const char *s = getenv("VMKEMU_TEST_SEED");
   unsigned long seed = s != NULL ? strtoul(s, NULL, 0) : dflt;

   fprintf(stderr, "# seed %lu (set VMKEMU_TEST_SEED to repeat)\n", seed);
   return seed;
}
