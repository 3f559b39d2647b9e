## emu/mem/mem.mk -- machine memory, memory pools, heaps (issue #6): the
## engines, their vmk_* layers, EmuCtl_* memory control, tests, benchmark.
##
## Needs emu/mem/slab.mk (slab_backing.c provides the host range, heap.c
## builds on the slab engine) and these rows in emu/ctl/engines.c, after
## "slab" (if it has a row) and before anything that allocates from heaps:
##   { "machmem", emu_machmem_init, emu_machmem_fini },
##   { "mempool", emu_mempool_init, emu_mempool_fini },
##   { "heap",    emu_heap_init,    emu_heap_fini },

libvmkemu_la_SOURCES += emu/mem/machmem.c emu/mem/machmem.h \
	emu/mem/mempool.c emu/mem/mempool.h \
	emu/mem/heap.c emu/mem/heap.h \
	emu/mem/memsan.c emu/mem/memsan.h \
	emu/api/vmk_machmem.c emu/api/vmk_mapping.c \
	emu/api/vmk_mempool.c emu/api/vmk_heap.c \
	emu/ctl/mem_ctl.c

check_PROGRAMS += tests/api/test_machmem
TESTS += tests/api/test_machmem
tests_api_test_machmem_SOURCES = tests/api/test_machmem.c
tests_api_test_machmem_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_machmem_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_machmem_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_mempool
TESTS += tests/api/test_mempool
tests_api_test_mempool_SOURCES = tests/api/test_mempool.c
tests_api_test_mempool_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_mempool_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_mempool_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_heap
TESTS += tests/api/test_heap
tests_api_test_heap_SOURCES = tests/api/test_heap.c
tests_api_test_heap_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_heap_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_heap_LDADD = $(API_TEST_LDADD)

noinst_PROGRAMS += tests/bench/bench_heap
tests_bench_bench_heap_SOURCES = tests/bench/bench_heap.c
tests_bench_bench_heap_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_bench_bench_heap_CFLAGS = $(AM_CFLAGS) -O2 -fno-plt
tests_bench_bench_heap_LDADD = libvmkemu.la $(PTHREAD_LIBS) -ldl -lm
# Wholly static, as bench_slab (see slab.mk): glibc's malloc and
# vmk_Heap* are then both direct calls.
if !SANITIZED
tests_bench_bench_heap_LDFLAGS = -all-static
endif
