## emu/world/world.mk -- worlds, world/PCPU storage, locks, semaphores,
## time and helpers: engines, API layer, control, tests and benchmark.

libvmkemu_la_SOURCES += \
	emu/world/world.c emu/world/world.h \
	emu/world/worldstorage.c emu/world/worldstorage.h \
	emu/world/pcpustorage.c emu/world/pcpustorage.h \
	emu/world/lock.c emu/world/lock.h \
	emu/world/sem.c emu/world/sem.h \
	emu/world/time.c emu/world/time.h \
	emu/world/helper.c emu/world/helper.h \
	emu/api/vmk_world.c emu/api/vmk_worldstorage.c \
	emu/api/vmk_pcpustorage.c emu/api/vmk_spinlock.c emu/api/vmk_sem.c \
	emu/api/vmk_time.c emu/api/vmk_helper.c emu/api/vmk_cpu.c \
	emu/ctl/world_ctl.c emu/ctl/world_ctl.h

check_PROGRAMS += tests/api/test_world
TESTS += tests/api/test_world
tests_api_test_world_SOURCES = tests/api/test_world.c
tests_api_test_world_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_world_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_world_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_worldstorage
TESTS += tests/api/test_worldstorage
tests_api_test_worldstorage_SOURCES = tests/api/test_worldstorage.c
tests_api_test_worldstorage_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_worldstorage_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_worldstorage_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_spinlock
TESTS += tests/api/test_spinlock
tests_api_test_spinlock_SOURCES = tests/api/test_spinlock.c
tests_api_test_spinlock_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_spinlock_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_spinlock_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_sem
TESTS += tests/api/test_sem
tests_api_test_sem_SOURCES = tests/api/test_sem.c
tests_api_test_sem_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_sem_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_sem_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_time
TESTS += tests/api/test_time
tests_api_test_time_SOURCES = tests/api/test_time.c
tests_api_test_time_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_time_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_time_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/engine/test_world_stress
TESTS += tests/engine/test_world_stress
tests_engine_test_world_stress_SOURCES = tests/engine/test_world_stress.c
tests_engine_test_world_stress_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_engine_test_world_stress_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_world_stress_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_world_stress_LDFLAGS = $(ENGINE_TEST_LINK)

noinst_PROGRAMS += tests/bench/bench_world
tests_bench_bench_world_SOURCES = tests/bench/bench_world.c
tests_bench_bench_world_CPPFLAGS = $(API_TEST_CPPFLAGS)
# As a driver built for the kernel would: direct (GOT) calls into the
# library, bound at load time, no lazily bound PLT stubs.
tests_bench_bench_world_CFLAGS = $(AM_CFLAGS) -O2 -fno-plt
tests_bench_bench_world_LDADD = libvmkemu.la $(PTHREAD_LIBS)
tests_bench_bench_world_LDFLAGS = -Wl,-z,now
