/*
 * test_core.c -- white-box tests of the core layer: options, the report
 * channel (including the exit on an unexpected report), fault injection
 * and the live-resource registry.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/fault.h"
#include "host/host.h"
#include "core/options.h"
#include "core/report.h"
#include "core/rsrc.h"

static void
test_options_parse_sets_each_listed_option(void **state)
{
   (void)state;
   emu_options_reset();
   assert_int_equal(emu_options_parse("audit,guards=off,fail_every=7"),
                    EMU_OK);
   assert_int_equal(emu_opt.audit, 1);
   assert_int_equal(emu_opt.guards, 0);
   assert_int_equal(emu_opt.fail_every, 7);
   emu_options_reset();
   assert_int_equal(emu_opt.fail_every, 0);
   assert_int_equal(emu_fault_armed, 0);
}

static void
test_options_parse_rejects_unknown_names(void **state)
{
   (void)state;
   assert_int_equal(emu_options_parse("audit,bogus"), EMU_NOTFOUND);
   assert_int_equal(emu_options_parse("fail_nth=abc"), EMU_BADPARAM);
   emu_options_reset();
}

static void
test_report_expected_is_recorded_not_fatal(void **state)
{
   emu_report_obj_t obj = { "slab", "pktbuf", (void *)0x1000 };
   char text[1024];
   unsigned long before = emu_report_count(EMU_RPT_DOUBLE_FREE);

   (void)state;
   emu_report_expect(EMU_RPT_DOUBLE_FREE);
   emu_report(EMU_RPT_DOUBLE_FREE, &obj, EMU_CALLER(), "object %p", &obj);
   assert_int_equal(emu_report_check(NULL, 0), 0);
   assert_int_equal(emu_report_count(EMU_RPT_DOUBLE_FREE), before + 1);
   emu_report_last(text, sizeof text);
   assert_non_null(strstr(text, "DOUBLE_FREE"));
   assert_non_null(strstr(text, "pktbuf"));
   assert_non_null(strstr(text, "caller:"));
}

static void
test_report_unexpected_exits_with_report_code(void **state)
{
   pid_t pid;
   int status;

   (void)state;
   pid = fork();
   assert_true(pid >= 0);
   if (pid == 0) {
      /* Child: no expectation, so the report must end the process. */
      close(STDERR_FILENO);
      emu_report(EMU_RPT_LEAK, NULL, NULL, "on purpose");
      _exit(0);
   }
   assert_int_equal(waitpid(pid, &status, 0), pid);
   assert_true(WIFEXITED(status));
   assert_int_equal(WEXITSTATUS(status), EMU_REPORT_EXIT_CODE);
}

static void
test_report_detail_lines_join_one_report(void **state)
{
   char text[2048];

   (void)state;
   emu_report_expect(EMU_RPT_LEAK);
   emu_report_begin(EMU_RPT_LEAK, NULL, NULL, "%d objects", 2);
   emu_report_detail("object one");
   emu_report_detail("object two");
   emu_report_end();
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_last(text, sizeof text);
   assert_non_null(strstr(text, "object one"));
   assert_non_null(strstr(text, "object two"));
}

static void
test_fault_nth_fails_exactly_that_call(void **state)
{
   int i;
   int failed_at = 0;

   (void)state;
   emu_fault_fail_nth(EMU_FAULT_SLAB, 3);
   for (i = 1; i <= 6; i++) {
      /* Calls of other classes are not counted against SLAB. */
      assert_int_equal(emu_fault_inject(EMU_FAULT_HEAP, NULL), 0);
      if (emu_fault_inject(EMU_FAULT_SLAB, NULL)) {
         assert_int_equal(failed_at, 0);
         failed_at = i;
      }
   }
   assert_int_equal(failed_at, 3);
   assert_int_equal(emu_fault_injected(), 1);
   /* Counting stops once nothing is armed any more: the fast path is free. */
   assert_int_equal(emu_fault_calls(EMU_FAULT_SLAB), 3);
   assert_int_equal(emu_fault_armed, 0);
   emu_fault_fail_nth(EMU_FAULT_ANY, 0);
   assert_int_equal(emu_fault_armed, 0);
}

static void
test_fault_every_nth_repeats(void **state)
{
   int i;
   int n = 0;

   (void)state;
   assert_int_equal(emu_options_set("fail_every", "4"), EMU_OK);
   for (i = 0; i < 20; i++) {
      n += emu_fault_inject(EMU_FAULT_PAGES, NULL);
   }
   assert_int_equal(n, 5);
   emu_options_reset();
}

static void
test_fault_sites_fail_each_site_once(void **state)
{
   int a = 0;
   int b = 0;
   int i;

   (void)state;
   emu_fault_reset_sites();
   assert_int_equal(emu_options_set("fail_sites", NULL), EMU_OK);
   for (i = 0; i < 3; i++) {
      a += emu_fault_inject(EMU_FAULT_HEAP, (void *)0x10);
      b += emu_fault_inject(EMU_FAULT_HEAP, (void *)0x20);
   }
   assert_int_equal(a, 1);
   assert_int_equal(b, 1);
   assert_ptr_equal(emu_fault_last_site(), (void *)0x20);
   emu_options_reset();
   emu_fault_reset_sites();
}

static void
test_fault_random_is_repeatable_from_seed(void **state)
{
   int run1[64];
   int run2[64];
   int i;
   int total = 0;

   (void)state;
   emu_options_set("fail_seed", "1234");
   emu_options_set("fail_permille", "500");
   for (i = 0; i < 64; i++) {
      run1[i] = emu_fault_inject(EMU_FAULT_HEAP, NULL);
      total += run1[i];
   }
   emu_fault_rearm();
   for (i = 0; i < 64; i++) {
      run2[i] = emu_fault_inject(EMU_FAULT_HEAP, NULL);
   }
   assert_memory_equal(run1, run2, sizeof run1);
   assert_in_range(total, 10, 54);
   emu_options_reset();
}

static void
test_rsrc_counts_by_kind_and_module(void **state)
{
   emu_rsrc_t a;
   emu_rsrc_t b;

   (void)state;
   emu_rsrc_add(&a, EMU_RSRC_SLAB, "slab", "a", NULL);
   emu_rsrc_add(&b, EMU_RSRC_HEAP, "heap", "b", NULL);
   assert_int_equal(emu_rsrc_count(EMU_RSRC_SLAB, -1), 1);
   assert_int_equal(emu_rsrc_count(EMU_RSRC_ANY, -1), 2);
   assert_int_equal(emu_rsrc_count(EMU_RSRC_ANY, 5), 0);
   emu_rsrc_remove(&a);
   emu_rsrc_remove(&a);            /* twice is harmless */
   assert_int_equal(emu_rsrc_count(EMU_RSRC_ANY, -1), 1);
   emu_rsrc_remove(&b);
   assert_int_equal(emu_rsrc_count(EMU_RSRC_ANY, -1), 0);
}

static emu_flock_t flock_lock = EMU_FLOCK_INITIALIZER;
static emu_fcond_t flock_cv;
static long flock_counter;
static int flock_ready;

static void *
flock_adder(void *arg)
{
   int i;

   (void)arg;
   for (i = 0; i < 200000; i++) {
      emu_flock_lock(&flock_lock);
      flock_counter++;
      emu_flock_unlock(&flock_lock);
   }
   return NULL;
}

static void
test_flock_excludes_two_threads(void **state)
{
   emu_thread_t a;
   emu_thread_t b;

   (void)state;
   flock_counter = 0;
   assert_int_equal(emu_thread_create(&a, flock_adder, NULL), 0);
   assert_int_equal(emu_thread_create(&b, flock_adder, NULL), 0);
   emu_thread_join(&a);
   emu_thread_join(&b);
   assert_int_equal(flock_counter, 400000);
}

static void
test_fcond_timedwait_times_out(void **state)
{
   uint64_t start = emu_clock_mono_ns();

   (void)state;
   emu_fcond_init(&flock_cv);
   emu_flock_lock(&flock_lock);
   assert_int_equal(emu_fcond_timedwait(&flock_cv, &flock_lock,
                                        start + 20000000ull), 1);
   emu_flock_unlock(&flock_lock);
   assert_true(emu_clock_mono_ns() - start >= 20000000ull);
}

static void *
flock_setter(void *arg)
{
   (void)arg;
   emu_clock_sleep_ns(5000000ull);
   emu_flock_lock(&flock_lock);
   flock_ready = 1;
   emu_fcond_broadcast(&flock_cv);
   emu_flock_unlock(&flock_lock);
   return NULL;
}

static void
test_fcond_broadcast_wakes_a_waiter(void **state)
{
   emu_thread_t t;

   (void)state;
   flock_ready = 0;
   emu_fcond_init(&flock_cv);
   assert_int_equal(emu_thread_create(&t, flock_setter, NULL), 0);
   emu_flock_lock(&flock_lock);
   while (!flock_ready) {
      assert_int_equal(emu_fcond_timedwait(&flock_cv, &flock_lock,
                                           emu_clock_mono_ns() +
                                           5000000000ull), 0);
   }
   emu_flock_unlock(&flock_lock);
   emu_thread_join(&t);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_options_parse_sets_each_listed_option),
      cmocka_unit_test(test_options_parse_rejects_unknown_names),
      cmocka_unit_test(test_report_expected_is_recorded_not_fatal),
      cmocka_unit_test(test_report_unexpected_exits_with_report_code),
      cmocka_unit_test(test_report_detail_lines_join_one_report),
      cmocka_unit_test(test_fault_nth_fails_exactly_that_call),
      cmocka_unit_test(test_fault_every_nth_repeats),
      cmocka_unit_test(test_fault_sites_fail_each_site_once),
      cmocka_unit_test(test_fault_random_is_repeatable_from_seed),
      cmocka_unit_test(test_rsrc_counts_by_kind_and_module),
      cmocka_unit_test(test_flock_excludes_two_threads),
      cmocka_unit_test(test_fcond_timedwait_times_out),
      cmocka_unit_test(test_fcond_broadcast_wakes_a_waiter),
   };

   emu_options_reset();
   return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
