## tests/verify.mk -- the driver verifier (issue #9): the failure walker.

check_PROGRAMS += tests/api/test_walk
TESTS += tests/api/test_walk
tests_api_test_walk_SOURCES = tests/api/test_walk.c
tests_api_test_walk_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_walk_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_walk_LDADD = $(API_TEST_LDADD)

# The bug corpus: seeded-bug drivers and correct ones.  -O1 -g keeps each
# buggy call on its own line in the debug info the reports read.
check_PROGRAMS += tests/bugs/test_bugs
TESTS += tests/bugs/test_bugs
tests_bugs_test_bugs_SOURCES = tests/bugs/test_bugs.c tests/bugs/bugs.h \
	tests/bugs/bugs_util.c tests/bugs/clean_drivers.c \
	tests/bugs/bug_slab_double_free.c tests/bugs/bug_heap_double_free.c \
	tests/bugs/bug_heap_leak.c tests/bugs/bug_slab_leak.c \
	tests/bugs/bug_wrong_slab.c tests/bugs/bug_wrong_heap.c \
	tests/bugs/bug_interior_free.c tests/bugs/bug_overrun.c \
	tests/bugs/bug_use_after_free.c tests/bugs/bug_dead_slab.c \
	tests/bugs/bug_lock_rank.c tests/bugs/bug_unlock_not_held.c \
	tests/bugs/bug_block_under_spinlock.c tests/bugs/bug_destroy_held_lock.c \
	tests/bugs/bug_storage_destroy_referenced.c \
	tests/bugs/bug_storage_never_released.c \
	tests/bugs/bug_timer_leak.c tests/bugs/bug_sema_leak.c \
	tests/bugs/bug_log_leak.c tests/bugs/bug_map_leak.c \
	tests/bugs/bug_pages_leak.c tests/bugs/bug_lock_leak.c \
	tests/bugs/bug_pool_leak.c tests/bugs/bug_world_leak.c \
	tests/bugs/bug_chardev_leak.c
tests_bugs_test_bugs_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_bugs_test_bugs_CFLAGS = $(API_TEST_CFLAGS) -O1 -g -fno-optimize-sibling-calls -fno-inline
tests_bugs_test_bugs_LDADD = $(API_TEST_LDADD)

# Slab objects as Valgrind memcheck and AddressSanitizer see them.
check_PROGRAMS += tests/bugs/memtool_demo
tests_bugs_memtool_demo_SOURCES = tests/bugs/memtool_demo.c
tests_bugs_memtool_demo_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_bugs_memtool_demo_CFLAGS = $(API_TEST_CFLAGS) -g
tests_bugs_memtool_demo_LDADD = $(API_TEST_LDADD)
TESTS += tests/bugs/memtool.sh
EXTRA_DIST += tests/bugs/memtool.sh

# AddressSanitizer reports on slab and heap objects name the allocating
# line (emu/ctl/san_whatis.c); skipped outside ASan builds.
TESTS += tests/bugs/asanstack.sh
EXTRA_DIST += tests/bugs/asanstack.sh
