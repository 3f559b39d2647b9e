/*
 * test_bits.c -- byte order: vmk_CPUToBE* and vmk_BE*ToCPU.
 *
 * The emulator runs on little-endian x86_64 (the manifest's ABI), so every
 * conversion must swap bytes; each pair must also be its own inverse.
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

static void
test_bits_cpu_to_be16_swaps_the_two_bytes(void **state)
{
   (void)state;
   assert_int_equal(vmk_CPUToBE16(0x1234), 0x3412);
   assert_int_equal(vmk_CPUToBE16(0x00ff), 0xff00);
   assert_int_equal(vmk_CPUToBE16(0), 0);
   assert_int_equal(vmk_CPUToBE16(0xffff), 0xffff);
}

static void
test_bits_cpu_to_be32_reverses_four_bytes(void **state)
{
   (void)state;
   assert_int_equal(vmk_CPUToBE32(0x11223344), 0x44332211);
   assert_int_equal(vmk_CPUToBE32(0x000000ff), 0xff000000);
   assert_int_equal(vmk_CPUToBE32(0x80000001), 0x01000080);
}

static void
test_bits_cpu_to_be64_reverses_eight_bytes(void **state)
{
   (void)state;
   assert_int_equal(vmk_CPUToBE64(0x0102030405060708UL), 0x0807060504030201UL);
   assert_int_equal(vmk_CPUToBE64(1), 1UL << 56);
   assert_int_equal(vmk_CPUToBE64(0x8000000000000000UL), 0x80);
}

static void
test_bits_be_to_cpu_undoes_cpu_to_be(void **state)
{
   static const vmk_uint64 samples[] = {
      0, 1, 0xff, 0x1234, 0xdeadbeef, 0x0123456789abcdefUL, VMK_UINT64_MAX,
   };
   size_t i;

   (void)state;
   for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
      vmk_uint64 v = samples[i];

      assert_int_equal(vmk_BE16ToCPU(vmk_CPUToBE16((vmk_uint16)v)), (vmk_uint16)v);
      assert_int_equal(vmk_BE32ToCPU(vmk_CPUToBE32((vmk_uint32)v)), (vmk_uint32)v);
      assert_int_equal(vmk_BE64ToCPU(vmk_CPUToBE64(v)), v);
      assert_int_equal(vmk_BE16ToCPU((vmk_uint16)v), vmk_CPUToBE16((vmk_uint16)v));
      assert_int_equal(vmk_BE32ToCPU((vmk_uint32)v), vmk_CPUToBE32((vmk_uint32)v));
      assert_int_equal(vmk_BE64ToCPU(v), vmk_CPUToBE64(v));
   }
}

static void
test_bits_be_values_have_network_byte_layout_in_memory(void **state)
{
   vmk_uint16 s = vmk_CPUToBE16(0x0102);
   vmk_uint32 w = vmk_CPUToBE32(0x01020304);
   vmk_uint64 q = vmk_CPUToBE64(0x0102030405060708UL);
   static const vmk_uint8 want[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

   (void)state;
   assert_memory_equal(&s, want, sizeof s);
   assert_memory_equal(&w, want, sizeof w);
   assert_memory_equal(&q, want, sizeof q);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bits_cpu_to_be16_swaps_the_two_bytes),
      cmocka_unit_test(test_bits_cpu_to_be32_reverses_four_bytes),
      cmocka_unit_test(test_bits_cpu_to_be64_reverses_eight_bytes),
      cmocka_unit_test(test_bits_be_to_cpu_undoes_cpu_to_be),
      cmocka_unit_test(test_bits_be_values_have_network_byte_layout_in_memory),
   };

   return cmocka_run_group_tests_name("bits", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
