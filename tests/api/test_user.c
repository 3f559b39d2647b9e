/*
 * test_user.c -- the simulated user process's memory: buffers, copies in
 * and out across pages, bad user addresses, vmk_UserMap of MPNs (with
 * fault callbacks), anonymous and shared mappings, pins, valid MPN ranges.
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

static vmk_MemPool pool;

static int
group_setup(void **state)
{
   vmk_MemPoolProps mp;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&mp, 0, sizeof mp);
   vmk_NameInitialize(&mp.name, "userpool");
   mp.memPoolType = VMK_MEM_POOL_LEAF;
   return vmk_MemPoolCreate(&mp, &pool) == VMK_OK ? 0 : -1;
}

static int
group_teardown(void **state)
{
   if (vmk_MemPoolDestroy(pool) != VMK_OK) {
      return -1;
   }
   return emutest_group_teardown(state);
}

static void
pages_alloc(vmk_uint32 n, vmk_MpnRange *r, vmk_MemPoolAllocRequest *rq)
{
   vmk_MemPoolAllocProps ap;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq->numPages = n;
   rq->numElements = 1;
   rq->mpnRanges = r;
   assert_vmk_ok(vmk_MemPoolAlloc(pool, &ap, rq));
}

static void *
mpn_va(vmk_MPN mpn)
{
   vmk_VA va;

   assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(mpn), VMK_PAGE_SIZE, &va));
   return (void *)va;
}

static void
test_copies_round_trip_across_pages(void **state)
{
   vmk_VA u;
   char src[3 * VMK_PAGE_SIZE];
   char dst[3 * VMK_PAGE_SIZE];
   size_t i;

   (void)state;
   for (i = 0; i < sizeof src; i++) {
      src[i] = (char)(i * 7);
   }
   assert_vmk_ok(EmuCtl_UserBufferCreate(sizeof src + 100, &u));
   /* Fresh user memory reads as zero. */
   assert_vmk_ok(EmuCtl_UserRead(u, dst, 64));
   for (i = 0; i < 64; i++) {
      assert_int_equal(dst[i], 0);
   }
   /* Kernel -> user at an unaligned offset, spanning pages. */
   assert_vmk_ok(vmk_CopyToUser(u + 100, (vmk_VA)src, sizeof src));
   memset(dst, 0, sizeof dst);
   assert_vmk_ok(EmuCtl_UserRead(u + 100, dst, sizeof dst));
   assert_memory_equal(src, dst, sizeof src);
   /* User -> kernel. */
   memset(dst, 0, sizeof dst);
   assert_vmk_ok(vmk_CopyFromUser((vmk_VA)dst, u + 100, sizeof dst));
   assert_memory_equal(src, dst, sizeof src);
   assert_vmk_ok(vmk_CopyFromUser((vmk_VA)dst, u, 0));
   assert_vmk_ok(EmuCtl_UserBufferDestroy(u));
}

static void
test_bad_user_addresses_are_refused(void **state)
{
   vmk_VA u;
   char buf[64];

   (void)state;
   assert_vmk_ok(EmuCtl_UserBufferCreate(VMK_PAGE_SIZE, &u));
   /* Past the end of the buffer (the next page is a gap). */
   assert_vmk_status(vmk_CopyToUser(u + VMK_PAGE_SIZE - 8, (vmk_VA)buf, 16),
                     VMK_INVALID_ADDRESS);
   /* A kernel pointer is not a user address. */
   assert_vmk_status(vmk_CopyFromUser((vmk_VA)buf, (vmk_VA)buf, 8),
                     VMK_INVALID_ADDRESS);
   assert_vmk_status(vmk_CopyFromUser((vmk_VA)buf, 0, 8),
                     VMK_INVALID_ADDRESS);
   assert_vmk_status(vmk_CopyFromUser(0, u, 8), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_UserBufferDestroy(u));
   /* A freed buffer is gone, and its address is never reused. */
   assert_vmk_status(vmk_CopyFromUser((vmk_VA)buf, u, 8),
                     VMK_INVALID_ADDRESS);
   assert_vmk_status(EmuCtl_UserBufferDestroy(u), VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_UserBufferCreate(0, &u), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_UserWrite(u, NULL, 4), VMK_BAD_PARAM);
}

static void
test_mpn_mapping_shows_the_drivers_pages(void **state)
{
   vmk_MpnRange r;
   vmk_MemPoolAllocRequest rq;
   vmk_MapRequest mr;
   vmk_UserMapProps props;
   vmk_VA va = 0;
   vmk_MPN m;
   char buf[16];

   (void)state;
   pages_alloc(2, &r, &rq);
   memset(mpn_va(r.startMPN + 1), 0x3c, VMK_PAGE_SIZE);
   memset(&mr, 0, sizeof mr);
   mr.mapAttrs = VMK_MAPATTRS_READWRITE;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   memset(&props, 0, sizeof props);
   props.moduleID = vmk_ModuleCurrentID;
   props.type = VMK_USER_MAP_MPNS;
   props.mpns.mapRequest = &mr;
   assert_vmk_ok(vmk_UserMap(&props, &va, NULL));
   assert_true(va != 0 && (va & (VMK_PAGE_SIZE - 1)) == 0);
   assert_vmk_ok(EmuCtl_UserRead(va + VMK_PAGE_SIZE, buf, sizeof buf));
   assert_int_equal((unsigned char)buf[0], 0x3c);
   /* The process writes; the driver sees it in its page. */
   assert_vmk_ok(EmuCtl_UserWrite(va + 5, "hi", 2));
   assert_memory_equal((char *)mpn_va(r.startMPN) + 5, "hi", 2);
   assert_vmk_ok(EmuCtl_UserTranslate(va + VMK_PAGE_SIZE, &m));
   assert_int_equal(m, r.startMPN + 1);
   /* Unmap needs the exact type, address and length. */
   assert_vmk_status(vmk_UserUnmap(VMK_USER_MAP_MPNS, va + 1,
                                   2 * VMK_PAGE_SIZE), VMK_INVALID_ADDRESS);
   assert_vmk_status(vmk_UserUnmap(VMK_USER_MAP_ANON, va,
                                   2 * VMK_PAGE_SIZE), VMK_NOT_FOUND);
   assert_vmk_status(vmk_UserUnmap(VMK_USER_MAP_MPNS, va, VMK_PAGE_SIZE),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_MPNS, va, 2 * VMK_PAGE_SIZE));
   assert_vmk_status(EmuCtl_UserRead(va, buf, 1), VMK_INVALID_ADDRESS);
   assert_vmk_ok(vmk_MemPoolFree(&rq));
}

static int released;

static void
release_cb(void *arg)
{
   released += arg == (void *)&released;
}

static void
test_map_rejects_bad_props_and_runs_release_callback(void **state)
{
   vmk_UserMapProps props;
   vmk_MapRequest mr;
   vmk_MpnRange r;
   vmk_VA va = 0;
   vmk_VA fixed;

   (void)state;
   memset(&props, 0, sizeof props);
   assert_vmk_status(vmk_UserMap(NULL, &va, NULL), VMK_BAD_PARAM);
   props.type = (vmk_UserMapType)9;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   props.type = VMK_USER_MAP_MPNS;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   memset(&mr, 0, sizeof mr);
   r.startMPN = 1;              /* not machine memory, not a valid range */
   r.numPages = 1;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   props.mpns.mapRequest = &mr;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   props.type = VMK_USER_MAP_ANON;
   props.anon.mapLength = VMK_PAGE_SIZE;
   props.anon.mapAttrs = VMK_MAPATTRS_EXECUTABLE;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   props.anon.mapAttrs = VMK_MAPATTRS_READWRITE;
   props.anon.mapLength = 0;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   props.anon.mapLength = 3 * VMK_PAGE_SIZE;
   va = 12345;                  /* not page aligned */
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_INVALID_ADDRESS);

   /* An anonymous mapping: zero-filled, writable, release callback. */
   props.callbackFunction = release_cb;
   props.callbackParam.ptr = &released;
   va = 0;
   assert_vmk_ok(vmk_UserMap(&props, &va, NULL));
   /* A fixed address that overlaps is refused; one past it is taken. */
   fixed = va;
   assert_vmk_status(vmk_UserMap(&props, &fixed, NULL), VMK_INVALID_ADDRESS);
   assert_vmk_ok(vmk_CopyToUser(va + 2 * VMK_PAGE_SIZE, (vmk_VA)"abc", 3));
   released = 0;
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_ANON, va, 3 * VMK_PAGE_SIZE));
   assert_int_equal(released, 1);
}

static void
test_shared_mapping_is_seen_by_every_attachment(void **state)
{
   vmk_UserMapProps props;
   vmk_UserMapHandle h = NULL;
   vmk_UserMapHandle bogus = (vmk_UserMapHandle)&props;
   vmk_VA a = 0;
   vmk_VA b = 0;
   char buf[8];

   (void)state;
   memset(&props, 0, sizeof props);
   props.type = VMK_USER_MAP_SHARED;
   props.shared.create = VMK_TRUE;
   props.shared.mapAttrs = VMK_MAPATTRS_READWRITE;
   props.shared.mapLength = 2 * VMK_PAGE_SIZE;
   assert_vmk_status(vmk_UserMap(&props, &a, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_UserMap(&props, &a, &h));
   props.shared.create = VMK_FALSE;
   assert_vmk_status(vmk_UserMap(&props, &b, &bogus), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_UserMap(&props, &b, &h));
   assert_true(a != b);
   assert_vmk_ok(EmuCtl_UserWrite(a + VMK_PAGE_SIZE + 1, "shared", 6));
   assert_vmk_ok(EmuCtl_UserRead(b + VMK_PAGE_SIZE + 1, buf, 6));
   assert_memory_equal(buf, "shared", 6);
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_SHARED, a, 2 * VMK_PAGE_SIZE));
   /* Still there through the other attachment. */
   assert_vmk_ok(EmuCtl_UserRead(b + VMK_PAGE_SIZE + 1, buf, 6));
   assert_memory_equal(buf, "shared", 6);
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_SHARED, b, 2 * VMK_PAGE_SIZE));
}

static void
test_pin_returns_the_backing_page(void **state)
{
   vmk_VA u;
   vmk_MPN m;
   vmk_MPN t;
   vmk_WorldID cartel = EmuCtl_UserCartelID();

   (void)state;
   assert_vmk_ok(EmuCtl_UserBufferCreate(2 * VMK_PAGE_SIZE, &u));
   assert_vmk_ok(EmuCtl_UserWrite(u + VMK_PAGE_SIZE, "pin", 3));
   assert_vmk_ok(vmk_UserPinPage(cartel, (u >> VMK_PAGE_SHIFT) + 1, &m));
   assert_vmk_ok(EmuCtl_UserTranslate(u + VMK_PAGE_SIZE, &t));
   assert_int_equal(m, t);
   assert_memory_equal(mpn_va(m), "pin", 3);
   assert_vmk_status(vmk_UserPinPage((vmk_WorldID)999999, u >> VMK_PAGE_SHIFT,
                                     &m), VMK_INVALID_WORLD);
   assert_vmk_status(vmk_UserPinPage(cartel, 5, &m), VMK_BAD_PARAM);
   assert_vmk_status(vmk_UserPinPage(cartel, u >> VMK_PAGE_SHIFT, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_UserUnpinPage(cartel, (u >> VMK_PAGE_SHIFT) + 1));
   assert_vmk_status(vmk_UserUnpinPage(cartel, (u >> VMK_PAGE_SHIFT) + 1),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_UserUnpinPage((vmk_WorldID)999999, 1),
                     VMK_INVALID_WORLD);
   /* Freeing memory with a page still pinned is a driver bug. */
   assert_vmk_ok(vmk_UserPinPage(cartel, u >> VMK_PAGE_SHIFT, &m));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(EmuCtl_UserBufferDestroy(u));
   assert_reports_met();
}

static vmk_MPN fault_mpn;
static int faults;
static int postfaults;
static vmk_Bool post_ok;
static int fault_retry;

static VMK_ReturnStatus
fault_cb(void *arg, vmk_WorldID cartel, vmk_VPN vpn, vmk_MPN *mpn)
{
   (void)arg;
   (void)cartel;
   (void)vpn;
   faults++;
   if (fault_retry > 0) {
      fault_retry--;
      return VMK_MAPFAULT_RETRY;
   }
   *mpn = fault_mpn;
   return VMK_OK;
}

static void
postfault_cb(void *arg, vmk_Bool success, vmk_WorldID cartel, vmk_VPN vpn,
             vmk_MPN mpn)
{
   (void)arg;
   (void)cartel;
   (void)vpn;
   (void)mpn;
   postfaults++;
   post_ok = success;
}

static void
test_enable_notify_faults_on_next_touch(void **state)
{
   vmk_MpnRange r;
   vmk_MemPoolAllocRequest rq;
   vmk_MapRequest mr;
   vmk_UserMapProps props;
   vmk_VA va = 0;
   vmk_MPN m;
   char c;
   vmk_WorldID me = EmuCtl_UserCartelID();

   (void)state;
   pages_alloc(2, &r, &rq);
   memset(mpn_va(r.startMPN), 'a', VMK_PAGE_SIZE);
   memset(mpn_va(r.startMPN + 1), 'b', VMK_PAGE_SIZE);
   memset(&mr, 0, sizeof mr);
   mr.numElements = 1;
   mr.mpnRanges = &r;
   r.numPages = 1;
   memset(&props, 0, sizeof props);
   props.type = VMK_USER_MAP_MPNS;
   props.mpns.mapRequest = &mr;
   props.mpns.faultFunction = fault_cb;
   assert_vmk_status(vmk_UserMap(&props, &va, NULL), VMK_BAD_PARAM);
   props.mpns.postFaultFunction = postfault_cb;
   assert_vmk_ok(vmk_UserMap(&props, &va, NULL));
   assert_vmk_ok(EmuCtl_UserRead(va, &c, 1));
   assert_int_equal(c, 'a');
   assert_int_equal(faults, 0);

   /* Armed: the next touch asks the driver for a page. */
   assert_vmk_ok(vmk_UserMapEnableNotify(me, va >> VMK_PAGE_SHIFT));
   assert_vmk_status(EmuCtl_UserTranslate(va, &m), VMK_NOT_FOUND);
   fault_mpn = r.startMPN + 1;
   fault_retry = 2;
   assert_vmk_ok(EmuCtl_UserRead(va, &c, 1));
   assert_int_equal(c, 'b');
   assert_int_equal(faults, 3);
   assert_int_equal(postfaults, 1);
   assert_true(post_ok);
   /* One notification per arming. */
   assert_vmk_ok(EmuCtl_UserRead(va, &c, 1));
   assert_int_equal(faults, 3);
   /* Disarmed before the touch: no fault. */
   assert_vmk_ok(vmk_UserMapEnableNotify(me, va >> VMK_PAGE_SHIFT));
   assert_vmk_ok(vmk_UserMapDisableNotify(me, va >> VMK_PAGE_SHIFT));
   assert_vmk_ok(EmuCtl_UserRead(va, &c, 1));
   assert_int_equal(faults, 3);
   /* A page the driver answers with that is not memory: the touch fails. */
   assert_vmk_ok(vmk_UserMapEnableNotify(me, va >> VMK_PAGE_SHIFT));
   fault_mpn = 1;
   assert_vmk_status(EmuCtl_UserRead(va, &c, 1), VMK_INVALID_ADDRESS);
   assert_false(post_ok);
   assert_vmk_status(vmk_UserMapEnableNotify((vmk_WorldID)999999,
                                             va >> VMK_PAGE_SHIFT),
                     VMK_INVALID_WORLD);
   assert_vmk_status(vmk_UserMapEnableNotify(me, 7), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_MPNS, va, VMK_PAGE_SIZE));
   r.numPages = 2;
   assert_vmk_ok(vmk_MemPoolFree(&rq));
}

static void
test_valid_mpn_ranges_admit_device_pages(void **state)
{
   vmk_MapRequest mr;
   vmk_MpnRange r;
   vmk_UserMapProps props;
   vmk_VA va = 0;
   char c;
   vmk_MPN dev = 0x7000000;     /* far above machine memory */

   (void)state;
   assert_vmk_ok(vmk_UserAddValidMPNRange(dev, 16));
   assert_vmk_status(vmk_UserAddValidMPNRange(dev + 8, 16),
                     VMK_INVALID_PAGE_NUMBER);
   assert_vmk_status(vmk_UserAddValidMPNRange(dev, 0), VMK_BAD_PARAM);
   memset(&mr, 0, sizeof mr);
   r.startMPN = dev + 2;
   r.numPages = 2;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   memset(&props, 0, sizeof props);
   props.type = VMK_USER_MAP_MPNS;
   props.mpns.mapRequest = &mr;
   assert_vmk_ok(vmk_UserMap(&props, &va, NULL));
   /* Device pages hold no bytes here. */
   assert_vmk_status(EmuCtl_UserRead(va, &c, 1), VMK_INVALID_ADDRESS);
   assert_vmk_ok(vmk_UserUnmap(VMK_USER_MAP_MPNS, va, 2 * VMK_PAGE_SIZE));
   assert_vmk_status(vmk_UserRemoveValidMPNRange(dev, 8), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_UserRemoveValidMPNRange(dev, 16));
   assert_vmk_status(vmk_UserRemoveValidMPNRange(dev, 16), VMK_NOT_FOUND);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_copies_round_trip_across_pages),
      cmocka_unit_test(test_bad_user_addresses_are_refused),
      cmocka_unit_test(test_mpn_mapping_shows_the_drivers_pages),
      cmocka_unit_test(test_map_rejects_bad_props_and_runs_release_callback),
      cmocka_unit_test(test_shared_mapping_is_seen_by_every_attachment),
      cmocka_unit_test(test_pin_returns_the_backing_page),
      cmocka_unit_test(test_enable_notify_faults_on_next_touch),
      cmocka_unit_test(test_valid_mpn_ranges_admit_device_pages),
   };

   return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
