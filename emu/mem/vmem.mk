## emu/mem/vmem.mk -- the vmem resource arena, its tests and its benchmark.

libvmkemu_la_SOURCES += emu/mem/vmem.c emu/mem/vmem.h

# Quantum caches: vmem's hook filled in with the slab engine (rank 3 file;
# started by the "vmem qcache" row of emu/ctl/engines.c, after "slab").
libvmkemu_la_SOURCES += emu/mem/qcache.c emu/mem/qcache.h

check_PROGRAMS += tests/engine/test_vmem
TESTS += tests/engine/test_vmem
tests_engine_test_vmem_SOURCES = tests/engine/test_vmem.c
tests_engine_test_vmem_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_engine_test_vmem_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_vmem_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_vmem_LDFLAGS = $(ENGINE_TEST_LINK)

check_PROGRAMS += tests/engine/test_vmem_model
TESTS += tests/engine/test_vmem_model
tests_engine_test_vmem_model_SOURCES = tests/engine/test_vmem_model.c
tests_engine_test_vmem_model_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_engine_test_vmem_model_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_vmem_model_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_vmem_model_LDFLAGS = $(ENGINE_TEST_LINK)

noinst_PROGRAMS += tests/bench/bench_vmem
tests_bench_bench_vmem_SOURCES = tests/bench/bench_vmem.c
tests_bench_bench_vmem_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_bench_bench_vmem_CFLAGS = $(AM_CFLAGS) -O2
tests_bench_bench_vmem_LDADD = $(ENGINE_TEST_LDADD)
tests_bench_bench_vmem_LDFLAGS = $(ENGINE_TEST_LINK)

check_PROGRAMS += tests/engine/test_vmem_qcache
TESTS += tests/engine/test_vmem_qcache
tests_engine_test_vmem_qcache_SOURCES = tests/engine/test_vmem_qcache.c
tests_engine_test_vmem_qcache_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS)
tests_engine_test_vmem_qcache_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_vmem_qcache_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_vmem_qcache_LDFLAGS = $(ENGINE_TEST_LINK)
