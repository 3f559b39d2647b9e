## emu/mem/slab.mk -- slab object caches (engine + vmk_Slab API), their
## tests and their benchmark.

libvmkemu_la_SOURCES += emu/mem/slab.c emu/mem/slab.h \
	emu/mem/magazine.c emu/mem/magazine.h \
	emu/mem/slab_debug.c emu/mem/slab_debug.h \
	emu/mem/slab_backing.c emu/mem/slab_backing.h \
	emu/api/vmk_slab.c

check_PROGRAMS += tests/api/test_slab
TESTS += tests/api/test_slab
tests_api_test_slab_SOURCES = tests/api/test_slab.c
tests_api_test_slab_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_slab_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_slab_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/engine/test_slab
TESTS += tests/engine/test_slab
tests_engine_test_slab_SOURCES = tests/engine/test_slab.c
tests_engine_test_slab_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_engine_test_slab_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_slab_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_slab_LDFLAGS = $(ENGINE_TEST_LINK)

noinst_PROGRAMS += tests/bench/bench_slab
tests_bench_bench_slab_SOURCES = tests/bench/bench_slab.c tests/bench/bench_insns.h
tests_bench_bench_slab_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_bench_bench_slab_CFLAGS = $(AM_CFLAGS) -O2
tests_bench_bench_slab_LDADD = libvmkemu.la $(PTHREAD_LIBS) -ldl -lm
# Wholly static, so that glibc's malloc is called the way vmk_Slab* is (a
# direct call, not one into a shared library, which costs about 1 ns more
# here): the hot-pair ratio compares the allocators, not the linkage.
# Sanitizer runtimes cannot be linked statically.
if SANITIZED
tests_bench_bench_slab_LDFLAGS = $(ENGINE_TEST_LINK)
else
tests_bench_bench_slab_LDFLAGS = -all-static
endif
