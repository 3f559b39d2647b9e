## emu/api/lib.mk -- the library area: C library, strings, names, hash
## tables, bit vectors, priority queues, parsing, VM UUIDs, system
## information and configuration parameters, over the emu/lib helpers.
## Included from emu/Makefile.inc.

libvmkemu_la_SOURCES += \
	emu/lib/format.c emu/lib/format.h \
	emu/lib/libmem.c emu/lib/libmem.h \
	emu/api/vmk_libc.c emu/api/vmk_string.c emu/api/vmk_name.c \
	emu/api/vmk_hash.c emu/api/vmk_bitvector.c emu/api/vmk_priq.c \
	emu/api/vmk_parse.c emu/api/vmk_uuid.c emu/api/vmk_system.c \
	emu/api/vmk_config.c

emuctl_HEADERS += emu/include/emuctl_lib.h

# One CMocka program per API area.
LIB_API_TESTS = tests/api/test_libc tests/api/test_string tests/api/test_name \
	tests/api/test_hash tests/api/test_bitvector tests/api/test_priq \
	tests/api/test_parse tests/api/test_system tests/api/test_config
check_PROGRAMS += $(LIB_API_TESTS)
TESTS += $(LIB_API_TESTS)

tests_api_test_libc_SOURCES = tests/api/test_libc.c
tests_api_test_libc_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_libc_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_libc_LDADD = $(API_TEST_LDADD)

tests_api_test_string_SOURCES = tests/api/test_string.c
tests_api_test_string_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_string_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_string_LDADD = $(API_TEST_LDADD)

tests_api_test_name_SOURCES = tests/api/test_name.c
tests_api_test_name_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_name_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_name_LDADD = $(API_TEST_LDADD)

tests_api_test_hash_SOURCES = tests/api/test_hash.c
tests_api_test_hash_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_hash_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_hash_LDADD = $(API_TEST_LDADD)

tests_api_test_bitvector_SOURCES = tests/api/test_bitvector.c
tests_api_test_bitvector_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_bitvector_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_bitvector_LDADD = $(API_TEST_LDADD)

tests_api_test_priq_SOURCES = tests/api/test_priq.c
tests_api_test_priq_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_priq_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_priq_LDADD = $(API_TEST_LDADD)

tests_api_test_parse_SOURCES = tests/api/test_parse.c
tests_api_test_parse_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_parse_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_parse_LDADD = $(API_TEST_LDADD)

tests_api_test_system_SOURCES = tests/api/test_system.c
tests_api_test_system_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_system_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_system_LDADD = $(API_TEST_LDADD)

tests_api_test_config_SOURCES = tests/api/test_config.c
tests_api_test_config_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_config_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_config_LDADD = $(API_TEST_LDADD)
