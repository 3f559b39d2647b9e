## emu/api/runtime.mk -- runtime services of issues #10 and #6: character
## devices, the management channel, simulated user memory, core dumps,
## service-time accounting, VOBs, page slabs and large spaces (vmk_* layer
## and their EmuCtl_* control, emuctl_sys.h), with one test program each.
## Included from emu/Makefile.inc.  Tests are driver-style code, so they
## carry the module glue (MOD_TEST_CPPFLAGS, emu/mod/mod.mk).

libvmkemu_la_SOURCES += \
	emu/api/vmk_char.c emu/api/vmk_mgmt.c emu/api/vmk_user.c \
	emu/api/vmk_dump.c emu/api/vmk_accounting.c emu/api/vmk_vob.c \
	emu/api/vmk_pageslab.c emu/api/vmk_largespace.c

RUNTIME_API_TESTS = tests/api/test_char tests/api/test_mgmt \
	tests/api/test_user tests/api/test_dump tests/api/test_accounting \
	tests/api/test_vob tests/api/test_pageslab tests/api/test_largespace
check_PROGRAMS += $(RUNTIME_API_TESTS)
TESTS += $(RUNTIME_API_TESTS)

tests_api_test_char_SOURCES = tests/api/test_char.c
tests_api_test_char_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_char_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_char_LDADD = $(API_TEST_LDADD)

tests_api_test_mgmt_SOURCES = tests/api/test_mgmt.c
tests_api_test_mgmt_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_mgmt_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_mgmt_LDADD = $(API_TEST_LDADD)

tests_api_test_user_SOURCES = tests/api/test_user.c
tests_api_test_user_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_user_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_user_LDADD = $(API_TEST_LDADD)

tests_api_test_dump_SOURCES = tests/api/test_dump.c
tests_api_test_dump_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_dump_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_dump_LDADD = $(API_TEST_LDADD)

tests_api_test_accounting_SOURCES = tests/api/test_accounting.c
tests_api_test_accounting_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_accounting_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_accounting_LDADD = $(API_TEST_LDADD)

tests_api_test_vob_SOURCES = tests/api/test_vob.c
tests_api_test_vob_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_vob_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_vob_LDADD = $(API_TEST_LDADD)

tests_api_test_pageslab_SOURCES = tests/api/test_pageslab.c
tests_api_test_pageslab_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_pageslab_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_pageslab_LDADD = $(API_TEST_LDADD)

tests_api_test_largespace_SOURCES = tests/api/test_largespace.c
tests_api_test_largespace_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_largespace_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_largespace_LDADD = $(API_TEST_LDADD)
