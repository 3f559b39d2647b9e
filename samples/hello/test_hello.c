/*
 * test_hello.c -- how a driver author tests module code off-host.
 *
 * The module's source is linked straight into the test program, the
 * simulated host is started by the group fixture, and the test calls the
 * module's entry points as the loader would, then asserts on what the
 * module did (here: its log lines) and that it left nothing behind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

int init_module(void);
void cleanup_module(void);

static void
test_hello_init_succeeds_and_logs(void **state)
{
   (void)state;
   EmuCtl_LogCaptureStart();
   assert_vmk_ok(init_module());
   EmuCtl_LogCaptureStop();
   assert_non_null(strstr(EmuCtl_LogCaptured(), "hello: loaded"));
}

static void
test_hello_cleanup_logs_goodbye(void **state)
{
   (void)state;
   EmuCtl_LogCaptureStart();
   cleanup_module();
   EmuCtl_LogCaptureStop();
   assert_non_null(strstr(EmuCtl_LogCaptured(), "goodbye"));
}

static void
test_hello_leaves_no_resources(void **state)
{
   (void)state;
   assert_vmk_ok(init_module());
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hello_init_succeeds_and_logs),
      cmocka_unit_test(test_hello_cleanup_logs_goodbye),
      cmocka_unit_test(test_hello_leaves_no_resources),
   };

   return cmocka_run_group_tests_name("hello", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
