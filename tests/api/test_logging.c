/*
 * test_logging.c -- log components (register, levels, throttling, lookup,
 * stale handles), the message and warning macros, backtraces, and the
 * shape of a log line (time, world, module, severity), checked through the
 * log capture.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static vmk_LogComponent
make_log(const char *name, vmk_int32 level,
         const vmk_LogThrottleProperties *throttle)
{
   vmk_LogProperties props;
   vmk_LogComponent comp;

   memset(&props, 0, sizeof props);
   snprintf(props.name.string, sizeof props.name.string, "%s", name);
   props.module = vmk_ModuleCurrentID;
   props.defaultLevel = level;
   props.throttle = throttle;
   assert_vmk_ok(vmk_LogRegister(&props, &comp));
   return comp;
}

static unsigned
count_in_capture(const char *text)
{
   const char *p = EmuCtl_LogCaptured();
   unsigned n = 0;

   while ((p = strstr(p, text)) != NULL) {
      n++;
      p += strlen(text);
   }
   return n;
}

static void
test_log_register_sets_name_and_default_level(void **state)
{
   vmk_LogComponent c;

   (void)state;
   c = make_log("drv", 3, NULL);
   assert_string_equal(vmk_LogGetName(c), "drv");
   assert_int_equal(vmk_LogGetCurrentLogLevel(c), 3);
   assert_vmk_ok(vmk_LogSetCurrentLogLevel(c, 7));
   assert_int_equal(vmk_LogGetCurrentLogLevel(c), 7);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOG), 1);
   assert_vmk_ok(vmk_LogUnregister(c));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOG), 0);
   assert_true(vmk_LogHeapAllocSize() > 0);
}

static void
test_log_register_refuses_bad_properties(void **state)
{
   vmk_LogProperties props;
   vmk_LogThrottleProperties thr;
   vmk_LogComponent c;
   vmk_LogComponent d;

   (void)state;
   memset(&props, 0, sizeof props);
   memset(&thr, 0, sizeof thr);
   snprintf(props.name.string, sizeof props.name.string, "x");
   props.module = vmk_ModuleCurrentID;
   assert_vmk_status(vmk_LogRegister(NULL, &c), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LogRegister(&props, NULL), VMK_BAD_PARAM);
   props.module = 555;
   assert_vmk_status(vmk_LogRegister(&props, &c), VMK_INVALID_MODULE);
   props.module = vmk_ModuleCurrentID;
   props.throttle = &thr;
   thr.type = (vmk_LogThrottleType)9;
   assert_vmk_status(vmk_LogRegister(&props, &c), VMK_BAD_PARAM);
   thr.type = VMK_LOG_THROTTLE_CUSTOM;
   assert_vmk_status(vmk_LogRegister(&props, &c), VMK_BAD_PARAM);
   props.throttle = NULL;
   props.name.string[0] = '\0';
   assert_vmk_status(vmk_LogRegister(&props, &c), VMK_BAD_PARAM);
   snprintf(props.name.string, sizeof props.name.string, "twice");
   assert_vmk_ok(vmk_LogRegister(&props, &c));
   assert_vmk_status(vmk_LogRegister(&props, &d), VMK_EXISTS);
   assert_vmk_ok(vmk_LogUnregister(c));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOG), 0);
}

static void
test_log_register_fails_cleanly_when_memory_runs_out(void **state)
{
   vmk_LogProperties props;
   vmk_LogComponent c;

   (void)state;
   memset(&props, 0, sizeof props);
   snprintf(props.name.string, sizeof props.name.string, "nomem");
   props.module = vmk_ModuleCurrentID;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 1);
   assert_vmk_status(vmk_LogRegister(&props, &c), VMK_NO_MEMORY);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_LOG), 0);
   assert_vmk_ok(vmk_LogRegister(&props, &c));
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_line_carries_time_world_module_and_severity(void **state)
{
   vmk_LogComponent c;
   const char *line;

   (void)state;
   c = make_log("shape", 0, NULL);
   EmuCtl_LogCaptureStart();
   vmk_Log(c, "value %d", 42);
   EmuCtl_LogCaptureStop();
   line = EmuCtl_LogCaptured();
   /* vmkemu: <sec>.<usec> <world> <module> <severity>: <comp>: <fn>:<line>: */
   assert_int_equal(strncmp(line, "vmkemu: ", 8), 0);
   assert_true(line[8] >= '0' && line[8] <= '9');
   assert_non_null(strchr(line, '.'));
   assert_non_null(strstr(line, " test_logging info: shape: "
                           "test_log_line_carries_time_world_module_and_"
                           "severity:"));
   assert_non_null(strstr(line, ": value 42\n"));
   assert_int_equal(count_in_capture("\n"), 1);
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_urgencies_map_to_severities(void **state)
{
   vmk_LogComponent c;

   (void)state;
   c = make_log("urg", 0, NULL);
   EmuCtl_LogCaptureStart();
   vmk_Warning(c, "careful");
   vmk_Alert(c, "on fire");
   vmk_LogMessage("plain message %s", "here");
   vmk_WarningMessage("plain warning");
   vmk_AlertMessage("plain alert");
   EmuCtl_LogCaptureStop();
   assert_true(EmuCtl_LogContains("test_logging warning: urg: "));
   assert_true(EmuCtl_LogContains("careful\n"));
   assert_true(EmuCtl_LogContains("test_logging error: urg: "));
   assert_true(EmuCtl_LogContains("test_logging info: plain message here\n"));
   assert_true(EmuCtl_LogContains("test_logging warning: plain warning\n"));
   assert_true(EmuCtl_LogContains("test_logging error: plain alert\n"));
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_level_hides_messages_above_the_component_level(void **state)
{
   vmk_LogComponent c;

   (void)state;
   c = make_log("lvl", 2, NULL);
   EmuCtl_LogCaptureStart();
   vmk_LogLevel(VMK_LOG_URGENCY_DEBUG, c, 3, "hidden at level 2\n");
   vmk_LogLevel(VMK_LOG_URGENCY_DEBUG, c, 2, "shown at level 2\n");
   assert_vmk_ok(vmk_LogSetCurrentLogLevel(c, 3));
   vmk_LogLevel(VMK_LOG_URGENCY_DEBUG, c, 3, "shown at level 3\n");
   EmuCtl_LogCaptureStop();
   assert_false(EmuCtl_LogContains("hidden"));
   assert_true(EmuCtl_LogContains("test_logging debug: shown at level 2"));
   assert_true(EmuCtl_LogContains("shown at level 3"));
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_count_throttle_keeps_a_logarithmic_sample(void **state)
{
   vmk_LogThrottleProperties thr;
   vmk_LogComponent c;
   int i;

   (void)state;
   memset(&thr, 0, sizeof thr);
   thr.type = VMK_LOG_THROTTLE_COUNT;
   c = make_log("flood", 0, &thr);
   EmuCtl_LogCaptureStart();
   for (i = 1; i <= 100; i++) {
      vmk_Log(c, "flood #%d", i);
   }
   EmuCtl_LogCaptureStop();
   /* 1..8, then 16, 32, 64. */
   assert_int_equal(count_in_capture("flood #"), 11);
   assert_true(EmuCtl_LogContains("flood #8\n"));
   assert_false(EmuCtl_LogContains("flood #9\n"));
   assert_true(EmuCtl_LogContains("flood #64\n"));
   assert_true(EmuCtl_LogContains("(31 messages throttled)"));
   assert_int_equal(EmuCtl_LogThrottled(c), 89);
   assert_vmk_ok(vmk_LogUnregister(c));
}

static int throttle_calls;

static vmk_Bool
every_other(void *arg)
{
   int *calls = arg;

   return (*calls)++ % 2 == 0 ? VMK_TRUE : VMK_FALSE;
}

static void
test_log_custom_throttle_decides_each_message(void **state)
{
   vmk_LogThrottleProperties thr;
   vmk_LogComponent c;
   int i;

   (void)state;
   memset(&thr, 0, sizeof thr);
   thr.type = VMK_LOG_THROTTLE_CUSTOM;
   thr.info.custom.throttler = every_other;
   thr.info.custom.arg = &throttle_calls;
   throttle_calls = 0;
   c = make_log("custom", 0, &thr);
   EmuCtl_LogCaptureStart();
   for (i = 0; i < 10; i++) {
      vmk_Log(c, "custom %d", i);
   }
   EmuCtl_LogCaptureStop();
   assert_int_equal(throttle_calls, 10);
   assert_int_equal(count_in_capture(": custom "), 5);
   assert_int_equal(EmuCtl_LogThrottled(c), 5);
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_find_by_name_returns_the_component(void **state)
{
   vmk_LogComponent c;
   vmk_LogComponent found;
   vmk_Name name;

   (void)state;
   c = make_log("findme", 0, NULL);
   memset(&name, 0, sizeof name);
   snprintf(name.string, sizeof name.string, "findme");
   assert_vmk_ok(vmk_LogFindLogComponentByName(vmk_ModuleCurrentID, &name,
                                               &found));
   assert_ptr_equal(found, c);
   assert_vmk_status(vmk_LogFindLogComponentByName(VMK_VMKERNEL_MODULE_ID,
                                                   &name, &found),
                     VMK_NOT_FOUND);
   snprintf(name.string, sizeof name.string, "other");
   assert_vmk_status(vmk_LogFindLogComponentByName(vmk_ModuleCurrentID,
                                                   &name, &found),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_use_of_unregistered_component_is_reported(void **state)
{
   vmk_LogComponent c;

   (void)state;
   c = make_log("stale", 0, NULL);
   assert_vmk_ok(vmk_LogUnregister(c));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_LogLevel(VMK_LOG_URGENCY_NORMAL, c, 0, "x\n"),
                     VMK_INVALID_HANDLE);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_LogUnregister(c), VMK_NOT_FOUND);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_status(vmk_LogUnregister(VMK_INVALID_LOG_HANDLE),
                     VMK_NOT_FOUND);
   assert_vmk_status(vmk_LogLevel(VMK_LOG_URGENCY_NORMAL, NULL, 0, "x\n"),
                     VMK_BAD_PARAM);
}

static void
test_log_backtrace_lists_the_callers(void **state)
{
   vmk_LogComponent c;

   (void)state;
   c = make_log("bt", 0, NULL);
   EmuCtl_LogCaptureStart();
   assert_vmk_ok(vmk_LogBacktrace(c));
   assert_vmk_ok(vmk_LogBacktraceMessage());
   EmuCtl_LogCaptureStop();
   assert_true(EmuCtl_LogContains("bt: backtrace ("));
   assert_true(EmuCtl_LogContains("  #0 "));
   assert_true(count_in_capture("backtrace (") == 2);
   assert_vmk_ok(vmk_LogUnregister(c));
}

static void
test_log_no_level_refuses_null_format(void **state)
{
   (void)state;
   assert_vmk_status(vmk_LogNoLevel(VMK_LOG_URGENCY_NORMAL, NULL),
                     VMK_BAD_PARAM);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_log_register_sets_name_and_default_level),
      cmocka_unit_test(test_log_register_refuses_bad_properties),
      cmocka_unit_test(test_log_register_fails_cleanly_when_memory_runs_out),
      cmocka_unit_test(test_log_line_carries_time_world_module_and_severity),
      cmocka_unit_test(test_log_urgencies_map_to_severities),
      cmocka_unit_test(test_log_level_hides_messages_above_the_component_level),
      cmocka_unit_test(test_log_count_throttle_keeps_a_logarithmic_sample),
      cmocka_unit_test(test_log_custom_throttle_decides_each_message),
      cmocka_unit_test(test_log_find_by_name_returns_the_component),
      cmocka_unit_test(test_log_use_of_unregistered_component_is_reported),
      cmocka_unit_test(test_log_backtrace_lists_the_callers),
      cmocka_unit_test(test_log_no_level_refuses_null_format),
   };

   return cmocka_run_group_tests_name("logging", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
