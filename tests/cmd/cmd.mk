## tests/cmd/cmd.mk -- the host tables and modules run in worlds (CMocka),
## and the out-of-tree check: install the SDK, build a driver and its test
## against it with pkg-config alone, load and test them
## (tests/cmd/outoftree.sh, files in tests/cmd/outoftree/).

check_PROGRAMS += tests/cmd/test_stats
TESTS += tests/cmd/test_stats
tests_cmd_test_stats_SOURCES = tests/cmd/test_stats.c
tests_cmd_test_stats_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_cmd_test_stats_CFLAGS = $(API_TEST_CFLAGS)
tests_cmd_test_stats_LDADD = $(API_TEST_LDADD)

TESTS += tests/cmd/outoftree.sh
EXTRA_DIST += tests/cmd/outoftree.sh tests/cmd/outoftree/mydrv.c \
	tests/cmd/outoftree/test_mydrv.c
