/*
 * test_ramdisk.c -- testing a block driver off-host: data round trips,
 * argument checks, every init error path, a periodic timer under the
 * manual clock, a pool limit, and no leaks at unload.
 *
 * The driver's source is linked into this program; each test calls
 * init_module/cleanup_module itself, as the loader would.
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
int vmkemu_scenario(void);
VMK_ReturnStatus ramdisk_read(vmk_uint64 lba, vmk_uint32 nblocks, void *buf);
VMK_ReturnStatus ramdisk_write(vmk_uint64 lba, vmk_uint32 nblocks,
                               const void *buf);
vmk_uint64 ramdisk_num_blocks(void);
vmk_uint64 ramdisk_flush_count(void);
vmk_uint64 ramdisk_writeback_count(void);
extern int ramdisk_blocks;

#define BLOCK 512
#define NBLOCKS 64
#define POOL_LIMIT_PAGES 256          /* the driver's pool limit */
#define BLOCKS_PER_PAGE (VMK_PAGE_SIZE / BLOCK)
#define PERIOD_NS (10000ull * 1000)   /* the driver's flush period */

static int
set_up(void **state)
{
   (void)state;
   ramdisk_blocks = NBLOCKS;
   return 0;
}

/* After a failed assertion the disk may still be up: take it down. */
static int
tear_down(void **state)
{
   (void)state;
   cleanup_module();
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
   EmuCtl_ClockSetManual(VMK_FALSE);
   return 0;
}

static void
fill(unsigned char *buf, vmk_uint32 len, unsigned seed)
{
   vmk_uint32 i;

   for (i = 0; i < len; i++) {
      buf[i] = (unsigned char)(seed * 7 + i * 13);
   }
}

static void
test_written_blocks_read_back_unchanged(void **state)
{
   unsigned char out[4 * BLOCK];
   unsigned char in[4 * BLOCK];
   unsigned char last[BLOCK];

   (void)state;
   assert_vmk_ok(init_module());
   assert_int_equal(ramdisk_num_blocks(), NBLOCKS);
   fill(out, sizeof out, 1);
   assert_vmk_ok(ramdisk_write(10, 4, out));
   fill(last, sizeof last, 2);
   assert_vmk_ok(ramdisk_write(NBLOCKS - 1, 1, last));
   memset(in, 0, sizeof in);
   assert_vmk_ok(ramdisk_read(10, 4, in));
   assert_memory_equal(in, out, sizeof out);
   assert_vmk_ok(ramdisk_read(NBLOCKS - 1, 1, in));
   assert_memory_equal(in, last, sizeof last);
   /* A block never written reads as zeroes (fresh pages are zero). */
   memset(in, 0xff, BLOCK);
   assert_vmk_ok(ramdisk_read(0, 1, in));
   memset(out, 0, BLOCK);
   assert_memory_equal(in, out, BLOCK);
   cleanup_module();
}

static void
test_scenario_verifies_every_block(void **state)
{
   (void)state;
   assert_vmk_ok(init_module());
   assert_int_equal(vmkemu_scenario(), 0);
   cleanup_module();
}

static void
test_out_of_range_or_bad_io_is_rejected(void **state)
{
   unsigned char buf[2 * BLOCK];

   (void)state;
   memset(buf, 0, sizeof buf);
   assert_vmk_ok(init_module());
   assert_vmk_status(ramdisk_read(NBLOCKS, 1, buf), VMK_BAD_PARAM);
   assert_vmk_status(ramdisk_write(NBLOCKS, 1, buf), VMK_BAD_PARAM);
   /* Starts inside, ends past the end. */
   assert_vmk_status(ramdisk_write(NBLOCKS - 1, 2, buf), VMK_BAD_PARAM);
   /* lba + nblocks would wrap around. */
   assert_vmk_status(ramdisk_read(~0ull, 2, buf), VMK_BAD_PARAM);
   assert_vmk_status(ramdisk_read(0, 0, buf), VMK_BAD_PARAM);
   assert_vmk_status(ramdisk_read(0, 1, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(ramdisk_write(NBLOCKS - 2, 2, buf));
   cleanup_module();
}

static void
test_io_before_init_is_not_initialized(void **state)
{
   unsigned char buf[BLOCK];

   (void)state;
   assert_vmk_status(ramdisk_read(0, 1, buf), VMK_NOT_INITIALIZED);
   assert_vmk_status(ramdisk_write(0, 1, buf), VMK_NOT_INITIALIZED);
}

static void
test_io_fails_with_no_memory_when_request_allocation_fails(void **state)
{
   unsigned char buf[BLOCK];

   (void)state;
   fill(buf, sizeof buf, 3);
   assert_vmk_ok(init_module());
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(ramdisk_write(0, 1, buf), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_vmk_ok(ramdisk_write(0, 1, buf));
   cleanup_module();
}

static void
test_every_failed_init_step_unwinds_completely(void **state)
{
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   VMK_ReturnStatus status;
   vmk_uint64 n;

   (void)state;
   for (n = 1; ; n++) {
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      status = init_module();
      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
      if (status == VMK_OK) {
         break;
      }
      assert_int_not_equal(status, VMK_OK);
      assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
      assert_true(n < 100);
   }
   /* pool, pages, map, heap, lock, timer: at least six sites. */
   assert_true(n > 6);
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
}

static void
test_flush_timer_fires_once_per_period_under_manual_clock(void **state)
{
   unsigned char buf[3 * BLOCK];
   vmk_uint64 fired;

   (void)state;
   memset(buf, 0x42, sizeof buf);
   EmuCtl_ClockSetManual(VMK_TRUE);
   assert_vmk_ok(init_module());
   assert_vmk_ok(ramdisk_write(5, 3, buf));
   /* Not yet due. */
   assert_vmk_ok(EmuCtl_ClockAdvance(PERIOD_NS - 1, &fired));
   assert_int_equal(fired, 0);
   assert_int_equal(ramdisk_flush_count(), 0);
   assert_int_equal(ramdisk_writeback_count(), 0);
   /* Due: the three dirty blocks are written back once. */
   assert_vmk_ok(EmuCtl_ClockAdvance(1, &fired));
   assert_int_equal(fired, 1);
   assert_int_equal(ramdisk_flush_count(), 1);
   assert_int_equal(ramdisk_writeback_count(), 3);
   /* Four and a half more periods: four more runs, nothing dirty. */
   assert_vmk_ok(EmuCtl_ClockAdvance(4 * PERIOD_NS + PERIOD_NS / 2, &fired));
   assert_int_equal(fired, 4);
   assert_int_equal(ramdisk_flush_count(), 5);
   assert_int_equal(ramdisk_writeback_count(), 3);
   cleanup_module();
   /* Cancelled at unload: time passing fires nothing. */
   assert_vmk_ok(EmuCtl_ClockAdvance(10 * PERIOD_NS, &fired));
   assert_int_equal(fired, 0);
   EmuCtl_ClockSetManual(VMK_FALSE);
}

static void
test_disk_larger_than_pool_limit_fails_init_cleanly(void **state)
{
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   unsigned char buf[BLOCK];

   (void)state;
   ramdisk_blocks = (POOL_LIMIT_PAGES + 1) * BLOCKS_PER_PAGE;
   assert_vmk_status(init_module(), VMK_LIMIT_EXCEEDED);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), before);
   assert_vmk_status(ramdisk_read(0, 1, buf), VMK_NOT_INITIALIZED);
   /* Exactly the limit fits. */
   ramdisk_blocks = POOL_LIMIT_PAGES * BLOCKS_PER_PAGE;
   assert_vmk_ok(init_module());
   assert_int_equal(ramdisk_num_blocks(), POOL_LIMIT_PAGES * BLOCKS_PER_PAGE);
   cleanup_module();
}

static void
test_nonpositive_size_is_bad_param(void **state)
{
   (void)state;
   ramdisk_blocks = 0;
   assert_vmk_status(init_module(), VMK_BAD_PARAM);
   ramdisk_blocks = -5;
   assert_vmk_status(init_module(), VMK_BAD_PARAM);
}

static void
test_unload_leaves_no_resources(void **state)
{
   unsigned char buf[BLOCK];

   (void)state;
   assert_vmk_ok(init_module());
   assert_true(EmuCtl_LiveResources(EMUCTL_RSRC_MEMPOOL) > 0);
   assert_true(EmuCtl_LiveResources(EMUCTL_RSRC_MAP) > 0);
   assert_true(EmuCtl_LiveResources(EMUCTL_RSRC_TIMER) > 0);
   fill(buf, sizeof buf, 4);
   assert_vmk_ok(ramdisk_write(1, 1, buf));
   cleanup_module();
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
}

#define RD_TEST(f) cmocka_unit_test_setup_teardown(f, set_up, tear_down)

int
main(void)
{
   const struct CMUnitTest tests[] = {
      RD_TEST(test_written_blocks_read_back_unchanged),
      RD_TEST(test_scenario_verifies_every_block),
      RD_TEST(test_out_of_range_or_bad_io_is_rejected),
      RD_TEST(test_io_before_init_is_not_initialized),
      RD_TEST(test_io_fails_with_no_memory_when_request_allocation_fails),
      RD_TEST(test_every_failed_init_step_unwinds_completely),
      RD_TEST(test_flush_timer_fires_once_per_period_under_manual_clock),
      RD_TEST(test_disk_larger_than_pool_limit_fails_init_cleanly),
      RD_TEST(test_nonpositive_size_is_bad_param),
      RD_TEST(test_unload_leaves_no_resources),
   };

   return cmocka_run_group_tests_name("ramdisk", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
