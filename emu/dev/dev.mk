## emu/dev/dev.mk -- the device model (issue #11): drivers, devices, bus
## types and the logical bus, simulated PCI functions, interrupts, I/O
## resources and ports; their vmk_* layers, EmuCtl_* device control and
## tests.  (DMA and scatter-gather are in emu/dev/dma.mk.)
##
## Needs this row in emu/ctl/engines.c, after "dma":
##   { "devices", emu_devices_init, emu_devices_fini },

libvmkemu_la_SOURCES += emu/dev/device.c emu/dev/device.h \
	emu/dev/pci.c emu/dev/pci.h \
	emu/dev/intr.c emu/dev/intr.h \
	emu/dev/ioport.c emu/dev/ioport.h \
	emu/dev/dev_ctl.c emu/dev/dev_ctl.h \
	emu/api/vmk_driver.c emu/api/vmk_device.c emu/api/vmk_bus.c \
	emu/api/vmk_pci.c emu/api/vmk_intr.c emu/api/vmk_ioport.c \
	emu/api/vmk_ioresource.c

check_PROGRAMS += tests/api/test_device
TESTS += tests/api/test_device
tests_api_test_device_SOURCES = tests/api/test_device.c
tests_api_test_device_CPPFLAGS = $(API_TEST_CPPFLAGS) $(VMKEMU_GLUE_CPPFLAGS)
tests_api_test_device_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_device_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_pci
TESTS += tests/api/test_pci
tests_api_test_pci_SOURCES = tests/api/test_pci.c
tests_api_test_pci_CPPFLAGS = $(API_TEST_CPPFLAGS) $(VMKEMU_GLUE_CPPFLAGS)
tests_api_test_pci_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_pci_LDADD = $(API_TEST_LDADD)

check_PROGRAMS += tests/api/test_intr
TESTS += tests/api/test_intr
tests_api_test_intr_SOURCES = tests/api/test_intr.c
tests_api_test_intr_CPPFLAGS = $(API_TEST_CPPFLAGS) $(VMKEMU_GLUE_CPPFLAGS)
tests_api_test_intr_CFLAGS = $(API_TEST_CFLAGS)
tests_api_test_intr_LDADD = $(API_TEST_LDADD)
