/*
 * emutest.h -- shared CMocka fixtures and assertions for vmkemu tests.
 *
 * Include after <cmocka.h>.  The group fixtures start the simulated host
 * (EmuCtl_Init) and stop it (EmuCtl_Shutdown); the teardown fails the whole
 * group when any resource is still live, so every test program is also a
 * leak check.  Per-test fixtures do the same around each single test.
 */
#ifndef EMUTEST_H
#define EMUTEST_H

#include "vmkapi.h"
#include "emuctl.h"

/* Fail unless a VMK_ReturnStatus is VMK_OK, naming the status found. */
#define assert_vmk_ok(expr) \
   emutest_assert_status((expr), VMK_OK, #expr, __FILE__, __LINE__)
/* Fail unless a VMK_ReturnStatus equals the expected one. */
#define assert_vmk_status(expr, expected) \
   emutest_assert_status((expr), (expected), #expr, __FILE__, __LINE__)
/* Fail unless every announced report (EmuCtl_ExpectReport) happened. */
#define assert_reports_met() \
   assert_int_equal(EmuCtl_CheckReports(), 0)

void emutest_assert_status(VMK_ReturnStatus got, VMK_ReturnStatus expected,
                           const char *expr, const char *file, int line);

/* Group fixtures: EmuCtl_Init with defaults / leak-checking shutdown. */
int emutest_group_setup(void **state);
int emutest_group_teardown(void **state);

/* The same around each test (for tests that need a fresh host). */
int emutest_setup(void **state);
int emutest_teardown(void **state);

/* An integer seed from VMKEMU_TEST_SEED, or the given default; printed. */
unsigned long emutest_seed(unsigned long dflt);

#endif
