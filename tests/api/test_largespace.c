/*
 * test_largespace.c -- large virtual spaces: reservations that never
 * overlap, range checks, mapping (not emulated: VMK_NOT_SUPPORTED after
 * the argument checks), delete and leaks.
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

static void
test_reservations_are_disjoint_and_listed(void **state)
{
   vmk_Name n;
   vmk_LargeSpaceHandle a;
   vmk_LargeSpaceHandle b;
   vmk_VPN va;
   vmk_VPN vb;
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_MAP);

   (void)state;
   assert_true(vmk_LargeSpaceAllocSize() > 0);
   vmk_NameInitialize(&n, "ls");
   assert_vmk_ok(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, &n, 1024, &a,
                                       &va));
   assert_vmk_ok(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, &n, 16, &b,
                                       &vb));
   assert_true(vb >= va + 1024 || va >= vb + 16);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MAP), before + 2);
   assert_vmk_ok(vmk_LargeSpaceDelete(a));
   assert_vmk_ok(vmk_LargeSpaceDelete(b));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MAP), before);
   assert_vmk_status(vmk_LargeSpaceDelete(a), VMK_BAD_PARAM);
}

static void
test_reserve_rejects_bad_input(void **state)
{
   vmk_Name n;
   vmk_LargeSpaceHandle h;
   vmk_VPN v;

   (void)state;
   vmk_NameInitialize(&n, "ls");
   assert_vmk_status(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, &n, 0, &h,
                                           &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, NULL, 4, &h,
                                           &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceReserve(VMK_INVALID_MODULE_ID, &n, 4, &h,
                                           &v), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, &n, 4, NULL,
                                           &v), VMK_BAD_PARAM);
}

static void
test_map_checks_arguments_then_is_not_emulated(void **state)
{
   vmk_Name n;
   vmk_LargeSpaceHandle h;
   vmk_VPN v;
   vmk_MpnRange r;
   vmk_MemPoolProps mp;
   vmk_MemPool pool;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;

   (void)state;
   memset(&mp, 0, sizeof mp);
   vmk_NameInitialize(&mp.name, "lspool");
   mp.memPoolType = VMK_MEM_POOL_LEAF;
   assert_vmk_ok(vmk_MemPoolCreate(&mp, &pool));
   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = 4;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   assert_vmk_ok(vmk_MemPoolAlloc(pool, &ap, &rq));

   vmk_NameInitialize(&n, "ls");
   assert_vmk_ok(vmk_LargeSpaceReserve(vmk_ModuleCurrentID, &n, 8, &h, &v));
   /* Outside the reservation, bad flags, not machine memory. */
   assert_vmk_status(vmk_LargeSpaceMap(h, v + 6, r.startMPN, 0, NULL, 4),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceMap(h, v - 1, r.startMPN, 0, NULL, 1),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceMap(h, v, r.startMPN,
                                       (vmk_LargeSpaceMapFlags)0x100, NULL,
                                       1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceMap(h, v, 0, 0, NULL, 1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceMap(NULL, v, r.startMPN, 0, NULL, 1),
                     VMK_BAD_PARAM);
   EmuCtl_LogCaptureStart();
   assert_vmk_status(vmk_LargeSpaceMap(h, v, r.startMPN, 0, NULL, 4),
                     VMK_NOT_SUPPORTED);
   EmuCtl_LogCaptureStop();
   assert_non_null(strstr(EmuCtl_LogCaptured(),
                          "not emulated: vmk_LargeSpaceMap"));
   /* Nothing is mapped, so an unmap inside the space finds nothing. */
   assert_vmk_status(vmk_LargeSpaceUnmap(h, v, 4, 0), VMK_NOT_FOUND);
   assert_vmk_status(vmk_LargeSpaceUnmap(h, v + 8, 1, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_LargeSpaceUnmap(h, v, 0, 0), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_LargeSpaceDelete(h));
   assert_vmk_ok(vmk_MemPoolFree(&rq));
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reservations_are_disjoint_and_listed),
      cmocka_unit_test(test_reserve_rejects_bad_input),
      cmocka_unit_test(test_map_checks_arguments_then_is_not_emulated),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
