## emu/mod/mod.mk -- modules, the module loader, log components, panics:
## engines, their API and control layers, the vmkemu command's tests.

libvmkemu_la_SOURCES += \
	emu/mod/module.c emu/mod/module.h \
	emu/mod/modload.c emu/mod/modload.h \
	emu/mod/logcomp.c emu/mod/logcomp.h \
	emu/mod/panic.c emu/mod/panic.h \
	emu/mod/stress.c emu/mod/stress.h \
	emu/api/vmk_module.c emu/api/vmk_assert.c emu/api/vmk_stress.c \
	emu/ctl/module_ctl.c

# The per-module glue (vmk_ModuleCurrentID), installed next to emuctl.h and
# force-included into modules by `pkg-config --cflags vmkemu`.
emuctl_HEADERS += emu/include/vmkemu_module.h
VMKEMU_GLUE_CPPFLAGS = -include $(top_srcdir)/emu/include/vmkemu_module.h

# Module test programs: driver-style code linked into the test, so they
# carry the glue like any module.
MOD_TEST_CPPFLAGS = $(API_TEST_CPPFLAGS) $(VMKEMU_GLUE_CPPFLAGS)

check_PROGRAMS += tests/api/test_module tests/api/test_logging \
	tests/api/test_panic tests/api/test_stress
TESTS += tests/api/test_module tests/api/test_logging tests/api/test_panic \
	tests/api/test_stress
tests_api_test_module_SOURCES = tests/api/test_module.c
tests_api_test_module_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_module_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_module_LDADD = $(API_TEST_LDADD)
tests_api_test_logging_SOURCES = tests/api/test_logging.c
tests_api_test_logging_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_logging_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_logging_LDADD = $(API_TEST_LDADD)
tests_api_test_panic_SOURCES = tests/api/test_panic.c
tests_api_test_panic_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_panic_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_panic_LDADD = $(API_TEST_LDADD)

tests_api_test_stress_SOURCES = tests/api/test_stress.c
tests_api_test_stress_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_stress_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_stress_LDADD = $(API_TEST_LDADD)

# Small driver modules for the loader tests (tests/cmd/vmkemu.sh and
# test_module), built like out-of-tree modules: public headers + glue.
CMD_MOD_CPPFLAGS = $(PUBLIC_CPPFLAGS) $(VMKEMU_GLUE_CPPFLAGS)
CMD_MOD_LDFLAGS = -module -avoid-version -shared -rpath /nowhere
check_LTLIBRARIES += tests/cmd/mod_ok.la tests/cmd/mod_leak.la \
	tests/cmd/mod_initfail.la tests/cmd/mod_panic.la tests/cmd/mod_noinit.la
tests_cmd_mod_ok_la_SOURCES = tests/cmd/mod_ok.c
tests_cmd_mod_ok_la_CPPFLAGS = $(CMD_MOD_CPPFLAGS)
tests_cmd_mod_ok_la_LDFLAGS = $(CMD_MOD_LDFLAGS)
tests_cmd_mod_leak_la_SOURCES = tests/cmd/mod_leak.c
tests_cmd_mod_leak_la_CPPFLAGS = $(CMD_MOD_CPPFLAGS)
tests_cmd_mod_leak_la_LDFLAGS = $(CMD_MOD_LDFLAGS)
tests_cmd_mod_initfail_la_SOURCES = tests/cmd/mod_initfail.c
tests_cmd_mod_initfail_la_CPPFLAGS = $(CMD_MOD_CPPFLAGS)
tests_cmd_mod_initfail_la_LDFLAGS = $(CMD_MOD_LDFLAGS)
tests_cmd_mod_panic_la_SOURCES = tests/cmd/mod_panic.c
tests_cmd_mod_panic_la_CPPFLAGS = $(CMD_MOD_CPPFLAGS)
tests_cmd_mod_panic_la_LDFLAGS = $(CMD_MOD_LDFLAGS)
tests_cmd_mod_noinit_la_SOURCES = tests/cmd/mod_noinit.c
tests_cmd_mod_noinit_la_CPPFLAGS = $(CMD_MOD_CPPFLAGS)
tests_cmd_mod_noinit_la_LDFLAGS = $(CMD_MOD_LDFLAGS)

TESTS += tests/cmd/vmkemu.sh
EXTRA_DIST += tests/cmd/vmkemu.sh
