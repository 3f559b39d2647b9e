## tests/api/inline.mk -- tests of the inline functions and macros of the
## vmkapi headers (lists, atomics, byte order, memdefs, bit vectors,
## versioned atomics, utility macros), and the header checks.

check_PROGRAMS += tests/api/test_list
TESTS += tests/api/test_list
tests_api_test_list_SOURCES = tests/api/test_list.c
tests_api_test_list_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_list_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_list_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_slist
TESTS += tests/api/test_slist
tests_api_test_slist_SOURCES = tests/api/test_slist.c
tests_api_test_slist_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_slist_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_slist_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_cslist
TESTS += tests/api/test_cslist
tests_api_test_cslist_SOURCES = tests/api/test_cslist.c
tests_api_test_cslist_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_cslist_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_cslist_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_atomic
TESTS += tests/api/test_atomic
tests_api_test_atomic_SOURCES = tests/api/test_atomic.c
tests_api_test_atomic_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_atomic_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_atomic_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_bits
TESTS += tests/api/test_bits
tests_api_test_bits_SOURCES = tests/api/test_bits.c
tests_api_test_bits_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_bits_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_bits_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_memdefs
TESTS += tests/api/test_memdefs
tests_api_test_memdefs_SOURCES = tests/api/test_memdefs.c
tests_api_test_memdefs_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_memdefs_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_memdefs_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_bitvector_inline
TESTS += tests/api/test_bitvector_inline
tests_api_test_bitvector_inline_SOURCES = tests/api/test_bitvector_inline.c
tests_api_test_bitvector_inline_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_bitvector_inline_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_bitvector_inline_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_versioned_atomic
TESTS += tests/api/test_versioned_atomic
tests_api_test_versioned_atomic_SOURCES = tests/api/test_versioned_atomic.c
tests_api_test_versioned_atomic_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_versioned_atomic_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_versioned_atomic_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_util_macros
TESTS += tests/api/test_util_macros
tests_api_test_util_macros_SOURCES = tests/api/test_util_macros.c
tests_api_test_util_macros_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_util_macros_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_util_macros_LDADD = $(API_TEST_LDADD)

# Header checks (TAP): doc tags name real statuses; the compile matrix.
TESTS += tests/check/retval.sh tests/check/headers.sh
EXTRA_DIST += tests/check/retval.sh tests/check/headers.sh
