/*
 * test_memdefs.c -- page/address conversions and size macros.
 *
 * core/vmkapi_memdefs.h (MPN/MA, VPN/VA, IOPN/IOA, byte/page/MB/GB),
 * platform/x86/vmkapi_pagetable.h (page size, shift, mask) and
 * lib/vmkapi_util.h (VMK_UTIL_ROUNDUP).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static void
test_memdefs_page_macros_describe_4k_pages(void **state)
{
   (void)state;
   assert_int_equal(VMK_PAGE_SHIFT, 12);
   assert_int_equal(VMK_PAGE_SIZE, 4096);
   assert_int_equal(VMK_PAGE_MASK, 4095);
   assert_int_equal(VMK_PAGE_SIZE, 1 << VMK_PAGE_SHIFT);
   assert_int_equal(0x12345 & ~(vmk_uint64)VMK_PAGE_MASK, 0x12000);
}

static void
test_memdefs_size_constants_are_powers_of_1024(void **state)
{
   (void)state;
   assert_int_equal(VMK_KILOBYTE, 1024);
   assert_int_equal(VMK_MEGABYTE, 1024 * 1024);
   assert_int_equal(VMK_GIGABYTE, 1024UL * 1024 * 1024);
   assert_int_equal(VMK_TERABYTE, 1UL << 40);
   assert_int_equal(VMK_PETABYTE, 1UL << 50);
   assert_int_equal(VMK_EXABYTE, 1UL << 60);
}

static void
test_memdefs_mpn_and_ma_convert_by_page_shift(void **state)
{
   (void)state;
   assert_int_equal(vmk_MPN2MA(0), 0);
   assert_int_equal(vmk_MPN2MA(5), 0x5000);
   assert_int_equal(vmk_MA2MPN(0x5000), 5);
   assert_int_equal(vmk_MA2MPN(0x5fff), 5);          /* truncates the offset */
   assert_int_equal(vmk_MA2MPN(vmk_MPN2MA(0x123456789UL)), 0x123456789UL);
   /* Addresses above 4 GiB keep their high bits. */
   assert_int_equal(vmk_MPN2MA(0x100000UL), 1UL << 32);
   assert_int_equal(vmk_MA2MPN(1UL << 40), 1UL << 28);
}

static void
test_memdefs_vpn_and_va_convert_by_page_shift(void **state)
{
   static char buf[2 * 4096];
   vmk_VA va = (vmk_VA)(vmk_uintptr_t)&buf[4097];

   (void)state;
   assert_int_equal(vmk_VPN2VA(vmk_VA2VPN(va)), va & ~(vmk_VA)VMK_PAGE_MASK);
   assert_int_equal(vmk_VA2VPN(0x7fffffffe123UL), 0x7fffffffeUL);
   assert_int_equal(vmk_VPN2VA(3), 0x3000);
}

static void
test_memdefs_iopn_and_ioa_convert_by_page_shift(void **state)
{
   (void)state;
   assert_int_equal(vmk_IOPN2IOA(7), 0x7000);
   assert_int_equal(vmk_IOA2IOPN(0x7abc), 7);
   assert_int_equal(vmk_IOA2IOPN(vmk_IOPN2IOA(1UL << 40)), 1UL << 40);
}

static void
test_memdefs_bytes_pages_megabytes_gigabytes_conversions(void **state)
{
   (void)state;
   assert_int_equal(vmk_Bytes2Pages(8192), 2);
   assert_int_equal(vmk_Bytes2Pages(8191), 1);          /* rounds down */
   assert_int_equal(vmk_Pages2Bytes(3), 3 * 4096);
   assert_int_equal(vmk_MBytes2Pages(1), 256);
   assert_int_equal(vmk_GBytes2Pages(1), 262144);
   assert_int_equal(vmk_Pages2MBytes(512), 2);
   assert_int_equal(vmk_Pages2MBytes(255), 0);
   assert_int_equal(vmk_Pages2GBytes(262144 * 3), 3);
   assert_int_equal(vmk_Bytes2MBytes(5UL << 20), 5);
   assert_int_equal(vmk_Bytes2MBytes((1UL << 20) - 1), 0);
   assert_int_equal(vmk_Bytes2GBytes(3UL << 30), 3);
   assert_int_equal(vmk_MBytes2Bytes(2), 2UL << 20);
   assert_int_equal(vmk_GBytes2Bytes(1), 1UL << 30);
   assert_int_equal(vmk_GBytes2Bytes(4096), 1UL << 42);  /* no 32-bit overflow */
   assert_int_equal(vmk_Pages2Bytes(vmk_Bytes2Pages(1UL << 33)), 1UL << 33);
}

static void
test_memdefs_address_masks_and_invalid_numbers(void **state)
{
   (void)state;
   assert_int_equal(VMK_ADDRESS_MASK_31BIT, 0x7fffffffUL);
   assert_int_equal(VMK_ADDRESS_MASK_32BIT, 0xffffffffUL);
   assert_int_equal(VMK_ADDRESS_MASK_39BIT, (1UL << 39) - 1);
   assert_int_equal(VMK_ADDRESS_MASK_64BIT, VMK_UINT64_MAX);
   assert_int_equal(VMK_INVALID_MPN, VMK_UINT64_MAX);
   assert_int_equal(VMK_INVALID_VPN, VMK_UINT64_MAX);
}

static void
test_memdefs_roundup_rounds_to_the_next_multiple(void **state)
{
   (void)state;
   assert_int_equal(VMK_UTIL_ROUNDUP(0, 8), 0);
   assert_int_equal(VMK_UTIL_ROUNDUP(1, 8), 8);
   assert_int_equal(VMK_UTIL_ROUNDUP(8, 8), 8);
   assert_int_equal(VMK_UTIL_ROUNDUP(9, 8), 16);
   assert_int_equal(VMK_UTIL_ROUNDUP(10, 3), 12);       /* not only powers of 2 */
   assert_int_equal(VMK_UTIL_ROUNDUP(4097, VMK_PAGE_SIZE), 8192);
   assert_int_equal(VMK_UTIL_ROUNDUP(5UL << 32, 1UL << 32), 5UL << 32);
}

static void
test_memdefs_addr_cookie_shares_address_and_pointer(void **state)
{
   vmk_AddrCookie c;
   int x;

   (void)state;
   assert_int_equal(sizeof c, 8);
   c.ptr = &x;
   assert_int_equal(c.addr, (vmk_VA)(vmk_uintptr_t)&x);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_memdefs_page_macros_describe_4k_pages),
      cmocka_unit_test(test_memdefs_size_constants_are_powers_of_1024),
      cmocka_unit_test(test_memdefs_mpn_and_ma_convert_by_page_shift),
      cmocka_unit_test(test_memdefs_vpn_and_va_convert_by_page_shift),
      cmocka_unit_test(test_memdefs_iopn_and_ioa_convert_by_page_shift),
      cmocka_unit_test(test_memdefs_bytes_pages_megabytes_gigabytes_conversions),
      cmocka_unit_test(test_memdefs_address_masks_and_invalid_numbers),
      cmocka_unit_test(test_memdefs_roundup_rounds_to_the_next_multiple),
      cmocka_unit_test(test_memdefs_addr_cookie_shares_address_and_pointer),
   };

   return cmocka_run_group_tests_name("memdefs", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
