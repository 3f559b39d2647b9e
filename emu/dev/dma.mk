## emu/dev/dma.mk -- DMA engines, bounce buffers, the devices' IOMMU view,
## and scatter-gather arrays (issues #10/#11): the engines, their vmk_*
## layers and tests.
##
## Needs these rows in emu/ctl/engines.c, after "heap":
##   { "sg",  emu_sg_init,  emu_sg_fini },
##   { "dma", emu_dma_init, emu_dma_fini },

libvmkemu_la_SOURCES += emu/dev/sg.c emu/dev/sg.h \
	emu/dev/dma.c emu/dev/dma.h \
	emu/api/vmk_sg.c emu/api/vmk_sgvirt.c emu/api/vmk_dma.c

check_PROGRAMS += tests/api/test_dma
TESTS += tests/api/test_dma
tests_api_test_dma_SOURCES = tests/api/test_dma.c
tests_api_test_dma_CPPFLAGS = $(MOD_TEST_CPPFLAGS)
tests_api_test_dma_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_dma_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_sg
TESTS += tests/api/test_sg
tests_api_test_sg_SOURCES = tests/api/test_sg.c
tests_api_test_sg_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_sg_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_sg_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_sgvirt
TESTS += tests/api/test_sgvirt
tests_api_test_sgvirt_SOURCES = tests/api/test_sgvirt.c
tests_api_test_sgvirt_CPPFLAGS = $(API_TEST_CPPFLAGS)
tests_api_test_sgvirt_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_sgvirt_LDADD = $(API_TEST_LDADD)

# The device side of DMA (emu_dma_device_access) is engine-private: an
# engine test, linked statically.
check_PROGRAMS += tests/engine/test_dma_iommu
TESTS += tests/engine/test_dma_iommu
tests_engine_test_dma_iommu_SOURCES = tests/engine/test_dma_iommu.c
tests_engine_test_dma_iommu_CPPFLAGS = $(ENGINE_TEST_CPPFLAGS) \
	$(VMKEMU_GLUE_CPPFLAGS)
tests_engine_test_dma_iommu_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_engine_test_dma_iommu_LDADD = $(ENGINE_TEST_LDADD)
tests_engine_test_dma_iommu_LDFLAGS = $(ENGINE_TEST_LINK)
