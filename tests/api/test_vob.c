/*
 * test_vob.c -- vmk_VobNotify: the log line, the record tests read back,
 * the vmkapi format rules, limits on source, link and message.
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
meta_init(vmk_VobMetadata *m, vmk_VobUrgency u, const char *src,
          const char *kb)
{
   memset(m, 0, sizeof *m);
   m->urgency = u;
   strcpy((char *)m->source, src);
   strcpy((char *)m->kbLinkUrl, kb);
}

static void
test_notify_logs_and_records(void **state)
{
   vmk_VobMetadata m;
   EmuCtl_Vob v;

   (void)state;
   EmuCtl_VobClear();
   meta_init(&m, VMK_VOB_URGENCY_WARNING, "nic0", "http://kb/1");
   EmuCtl_LogCaptureStart();
   assert_vmk_ok(vmk_VobNotify(&m, "link %s at %u Mbps", "down", 1000u));
   EmuCtl_LogCaptureStop();
   assert_non_null(strstr(EmuCtl_LogCaptured(), "link down at 1000 Mbps"));
   assert_non_null(strstr(EmuCtl_LogCaptured(), "nic0"));
   assert_int_equal(EmuCtl_VobCount(), 1);
   assert_vmk_ok(EmuCtl_VobGet(0, &v));
   assert_int_equal(v.urgency, VMK_VOB_URGENCY_WARNING);
   assert_string_equal(v.source, "nic0");
   assert_string_equal(v.kbLinkUrl, "http://kb/1");
   assert_string_equal(v.message, "link down at 1000 Mbps");
   assert_vmk_status(EmuCtl_VobGet(1, &v), VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_VobGet(0, NULL), VMK_BAD_PARAM);
}

static void
test_vmkapi_format_rules_apply(void **state)
{
   vmk_VobMetadata m;
   EmuCtl_Vob v;
   vmk_uint64 big = 0x123456789abcull;

   (void)state;
   EmuCtl_VobClear();
   meta_init(&m, VMK_VOB_URGENCY_INFO, "drv", "");
   assert_vmk_ok(vmk_VobNotify(&m, "%" VMK_FMT64 "x", big));
   assert_vmk_ok(EmuCtl_VobGet(0, &v));
   assert_string_equal(v.message, "123456789abc");
}

static void
test_only_the_latest_are_kept(void **state)
{
   vmk_VobMetadata m;
   EmuCtl_Vob v;
   int i;

   (void)state;
   EmuCtl_VobClear();
   meta_init(&m, VMK_VOB_URGENCY_ERROR, "drv", "");
   for (i = 0; i < EMUCTL_VOB_KEEP + 5; i++) {
      assert_vmk_ok(vmk_VobNotify(&m, "n%d", i));
   }
   assert_int_equal(EmuCtl_VobCount(), EMUCTL_VOB_KEEP + 5);
   assert_vmk_status(EmuCtl_VobGet(4, &v), VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_VobGet(5, &v));
   assert_string_equal(v.message, "n5");
   assert_vmk_ok(EmuCtl_VobGet(EMUCTL_VOB_KEEP + 4, &v));
   assert_int_equal(v.sequence, EMUCTL_VOB_KEEP + 4);
}

static void
test_bad_input_is_refused(void **state)
{
   vmk_VobMetadata m;
   char longmsg[VMK_MAX_VOB_FMTARGS_LEN + 10];

   (void)state;
   EmuCtl_VobClear();
   meta_init(&m, VMK_VOB_URGENCY_INFO, "drv", "");
   assert_vmk_status(vmk_VobNotify(NULL, "x"), VMK_FAILURE);
   assert_vmk_status(vmk_VobNotify(&m, NULL), VMK_FAILURE);
   m.urgency = VMK_VOB_URGENCY_INVALID;
   assert_vmk_status(vmk_VobNotify(&m, "x"), VMK_FAILURE);
   m.urgency = (vmk_VobUrgency)7;
   assert_vmk_status(vmk_VobNotify(&m, "x"), VMK_FAILURE);
   m.urgency = VMK_VOB_URGENCY_INFO;
   memset((char *)m.source, 'a', sizeof m.source);
   assert_vmk_status(vmk_VobNotify(&m, "x"), VMK_NAME_TOO_LONG);
   meta_init(&m, VMK_VOB_URGENCY_INFO, "drv", "");
   memset((char *)m.kbLinkUrl, 'k', sizeof m.kbLinkUrl);
   assert_vmk_status(vmk_VobNotify(&m, "x"), VMK_NAME_TOO_LONG);
   meta_init(&m, VMK_VOB_URGENCY_INFO, "drv", "");
   memset(longmsg, 'm', sizeof longmsg - 1);
   longmsg[sizeof longmsg - 1] = '\0';
   assert_vmk_status(vmk_VobNotify(&m, "%s", longmsg), VMK_MESSAGE_TOO_LONG);
   assert_int_equal(EmuCtl_VobCount(), 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_notify_logs_and_records),
      cmocka_unit_test(test_vmkapi_format_rules_apply),
      cmocka_unit_test(test_only_the_latest_are_kept),
      cmocka_unit_test(test_bad_input_is_refused),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
