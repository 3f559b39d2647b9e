/*
 * test_machmem.c -- simulated machine memory and mappings as a driver sees
 * them: MA/VA translation, physical constraints, vmk_Map / vmk_Unmap.
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

#define GiB (1ull << 30)

static vmk_MemPool test_pool;

static int
machmem_setup(void **state)
{
   vmk_MemPoolProps props;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "machmem-test");
   props.memPoolType = VMK_MEM_POOL_LEAF;
   return vmk_MemPoolCreate(&props, &test_pool) == VMK_OK ? 0 : -1;
}

static int
machmem_teardown(void **state)
{
   vmk_MemPoolDestroy(test_pool);
   return emutest_group_teardown(state);
}

static vmk_MPN
alloc_pages(vmk_uint32 n, vmk_MemPhysAddrConstraint range)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = range;
   rq.numPages = n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   assert_vmk_ok(vmk_MemPoolAlloc(test_pool, &ap, &rq));
   return r.startMPN;
}

static void
free_pages(vmk_MPN mpn, vmk_uint32 n)
{
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r = { mpn, n };

   rq.numPages = n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   assert_vmk_ok(vmk_MemPoolFree(&rq));
}

static void
test_machine_memory_has_banks_below_and_above_4gb(void **state)
{
   EmuCtl_MachMemInfo info;

   (void)state;
   assert_vmk_ok(EmuCtl_MachMemGetInfo(&info));
   assert_int_equal(info.totalBytes, GiB);
   assert_true(vmk_MPN2MA(info.lowStartMPN + info.lowPages) <= 4 * GiB);
   assert_true(vmk_MPN2MA(info.highStartMPN) >= 4 * GiB);
   assert_int_equal((info.lowPages + info.highPages) * VMK_PAGE_SIZE, GiB);
   assert_int_equal(vmk_MachMemMaxAddr(),
                    vmk_MPN2MA(info.highStartMPN + info.highPages) - 1);
}

static void
test_ma2va_and_va2ma_are_inverse(void **state)
{
   EmuCtl_MachMemInfo info;
   vmk_VA va;
   vmk_MA ma;
   vmk_MA probes[4];
   int i;

   (void)state;
   assert_vmk_ok(EmuCtl_MachMemGetInfo(&info));
   probes[0] = vmk_MPN2MA(info.lowStartMPN);
   probes[1] = vmk_MPN2MA(info.lowStartMPN + info.lowPages) - 8;
   probes[2] = vmk_MPN2MA(info.highStartMPN) + 123;
   probes[3] = vmk_MachMemMaxAddr();
   for (i = 0; i < 4; i++) {
      assert_vmk_ok(vmk_MA2VA(probes[i], 1, &va));
      assert_vmk_ok(vmk_VA2MA(va, 1, &ma));
      assert_int_equal(ma, probes[i]);
   }
}

static void
test_ma2va_outside_memory_or_across_banks_is_bad_param(void **state)
{
   EmuCtl_MachMemInfo info;
   vmk_VA va;
   vmk_MA ma;

   (void)state;
   assert_vmk_ok(EmuCtl_MachMemGetInfo(&info));
   assert_vmk_status(vmk_MA2VA(0, 1, &va), VMK_BAD_PARAM);
   assert_vmk_status(vmk_MA2VA(vmk_MachMemMaxAddr() + 1, 1, &va),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MA2VA(vmk_MPN2MA(info.lowStartMPN + info.lowPages) -
                               8, 16, &va), VMK_BAD_PARAM);
   assert_vmk_status(vmk_VA2MA((vmk_VA)(uintptr_t)&info, 1, &ma),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MA2VA(0, 1, NULL), VMK_BAD_PARAM);
}

static void
test_ma_get_constraint_names_the_narrowest_range(void **state)
{
   (void)state;
   assert_int_equal(vmk_MAGetConstraint(GiB), VMK_PHYS_ADDR_BELOW_2GB);
   assert_int_equal(vmk_MAGetConstraint(3 * GiB), VMK_PHYS_ADDR_BELOW_4GB);
   assert_int_equal(vmk_MAGetConstraint(5 * GiB), VMK_PHYS_ADDR_BELOW_512GB);
   assert_int_equal(vmk_MAGetConstraint(600 * GiB), VMK_PHYS_ADDR_ANY);
}

static void
test_zero_buffer_is_machine_memory_reading_zero(void **state)
{
   vmk_ByteCount len = 0;
   vmk_MA ma = vmk_MAGetZeroBuffer(&len);
   vmk_VA va;
   const unsigned char *p;
   vmk_ByteCount i;

   (void)state;
   assert_true(len >= VMK_PAGE_SIZE);
   assert_vmk_ok(vmk_MA2VA(ma, len, &va));
   p = (const unsigned char *)(uintptr_t)va;
   for (i = 0; i < len; i++) {
      assert_int_equal(p[i], 0);
   }
}

static void
test_map_gives_the_direct_va_and_memory_is_usable(void **state)
{
   vmk_MPN mpn = alloc_pages(4, VMK_PHYS_ADDR_ANY);
   vmk_MapRequest mr;
   vmk_MpnRange r = { mpn, 4 };
   vmk_VA va;
   vmk_VA va2;
   vmk_MA ma;

   (void)state;
   memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.mapAttrs = VMK_MAPATTRS_READWRITE;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   assert_vmk_ok(vmk_Map(0, &mr, &va));
   assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(mpn), 4 * VMK_PAGE_SIZE, &va2));
   assert_int_equal(va, va2);
   memset((void *)(uintptr_t)va, 0x5a, 4 * VMK_PAGE_SIZE);
   assert_vmk_ok(vmk_VA2MA(va + VMK_PAGE_SIZE + 7, 1, &ma));
   assert_int_equal(ma, vmk_MPN2MA(mpn + 1) + 7);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MAP), 1);
   assert_vmk_ok(vmk_MapChangeAttributes(va, VMK_MAPATTRS_READONLY));
   vmk_Unmap(va);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MAP), 0);
   free_pages(mpn, 4);
}

static void
test_map_of_scattered_ranges_is_not_supported(void **state)
{
   vmk_MPN a = alloc_pages(1, VMK_PHYS_ADDR_ANY);
   vmk_MPN b = alloc_pages(2, VMK_PHYS_ADDR_ANY);
   vmk_MapRequest mr;
   vmk_MpnRange r[2] = { { b + 1, 1 }, { a, 1 } };
   vmk_VA va;

   (void)state;
   memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.numElements = 2;
   mr.mpnRanges = r;
   if (b + 1 + 1 != a) {
      assert_vmk_status(vmk_Map(0, &mr, &va),
                        VMK_NOT_SUPPORTED);
   }
   mr.numElements = 1;
   r[0].startMPN = 12345;    /* not machine memory */
   assert_vmk_status(vmk_Map(0, &mr, &va), VMK_BAD_PARAM);
   free_pages(a, 1);
   free_pages(b, 2);
}

static void
test_map_fails_when_map_fault_is_injected(void **state)
{
   vmk_MPN mpn = alloc_pages(1, VMK_PHYS_ADDR_ANY);
   vmk_MapRequest mr;
   vmk_MpnRange r = { mpn, 1 };
   vmk_VA va;

   (void)state;
   memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_MAP, 1);
   assert_vmk_status(vmk_Map(0, &mr, &va), VMK_NO_MEMORY);
   assert_vmk_ok(vmk_Map(0, &mr, &va));
   vmk_Unmap(va);
   free_pages(mpn, 1);
}

static void
test_unmap_of_unknown_va_is_reported(void **state)
{
   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_Unmap((vmk_VA)0x1000);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_status(vmk_MapChangeAttributes((vmk_VA)0x1000, 0),
                     VMK_BAD_PARAM);
}

static void
test_freed_pages_read_zero_again(void **state)
{
   vmk_MPN mpn = alloc_pages(1, VMK_PHYS_ADDR_ANY);
   vmk_VA va;
   vmk_MPN again;

   (void)state;
   assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(mpn), VMK_PAGE_SIZE, &va));
   memset((void *)(uintptr_t)va, 0xee, VMK_PAGE_SIZE);
   free_pages(mpn, 1);
   again = alloc_pages(1, VMK_PHYS_ADDR_ANY);
   assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(again), VMK_PAGE_SIZE, &va));
   assert_int_equal(((unsigned char *)(uintptr_t)va)[100], 0);
   free_pages(again, 1);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_machine_memory_has_banks_below_and_above_4gb),
      cmocka_unit_test(test_ma2va_and_va2ma_are_inverse),
      cmocka_unit_test(test_ma2va_outside_memory_or_across_banks_is_bad_param),
      cmocka_unit_test(test_ma_get_constraint_names_the_narrowest_range),
      cmocka_unit_test(test_zero_buffer_is_machine_memory_reading_zero),
      cmocka_unit_test(test_map_gives_the_direct_va_and_memory_is_usable),
      cmocka_unit_test(test_map_of_scattered_ranges_is_not_supported),
      cmocka_unit_test(test_map_fails_when_map_fault_is_injected),
      cmocka_unit_test(test_unmap_of_unknown_va_is_reported),
      cmocka_unit_test(test_freed_pages_read_zero_again),
   };

   return cmocka_run_group_tests(tests, machmem_setup, machmem_teardown);
}
