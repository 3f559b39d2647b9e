/*
 * base/vmkapi_status.h -- VMK_ReturnStatus codes
 *
 * Every status a vmkapi call can return, with the exact numeric values ESXi
 * uses. VMK_ERROR_CODES is an X-macro over the same list so the runtime can
 * build its vmk_StatusToString() table from one place; its descriptions are
 * vmkemu's own.
 */

#ifndef _VMKAPI_STATUS_H_
#define _VMKAPI_STATUS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_status.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Status Status Codes
 *
 * \brief The VMK_ReturnStatus values every vmkapi call reports with.
 *
 * VMK_OK is 0; every error is a distinct value in the 0x0bad0000 range
 * (vmklinux-wrapped Linux errors above VMK_GENERIC_LINUX_ERROR).
 * vmk_StatusToString() gives a short text for logging. Each function's
 * documentation lists the statuses it can return; the descriptions below
 * give the general meaning. Many codes belong to subsystems (file systems,
 * storage, replication) that drivers never see.
 * \{
 */

/**
 * \brief X-macro over every status code.
 *
 * Define DEFINE_VMK_ERR_AT(name, description, value, errnoName) and expand
 * VMK_ERROR_CODES to get one row per status (name, a short description
 * derived from the name, the numeric value and the closest POSIX errno name).
 */
#define VMK_ERROR_CODES \
   DEFINE_VMK_ERR_AT(VMK_OK, "Ok", 0x00000000, 0) \
   DEFINE_VMK_ERR_AT(VMK_FAILURE, "Failure", 0x0bad0001, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WOULD_BLOCK, "Would block", 0x0bad0002, EAGAIN) \
   DEFINE_VMK_ERR_AT(VMK_NOT_FOUND, "Not found", 0x0bad0003, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_BUSY, "Busy", 0x0bad0004, EBUSY) \
   DEFINE_VMK_ERR_AT(VMK_EXISTS, "Exists", 0x0bad0005, EXISTS) \
   DEFINE_VMK_ERR_AT(VMK_LIMIT_EXCEEDED, "Limit exceeded", 0x0bad0006, EFBIG) \
   DEFINE_VMK_ERR_AT(VMK_BAD_PARAM, "Bad param", 0x0bad0007, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_METADATA_READ_ERROR, "Metadata read error", 0x0bad0008, EIO) \
   DEFINE_VMK_ERR_AT(VMK_METADATA_WRITE_ERROR, "Metadata write error", 0x0bad0009, EIO) \
   DEFINE_VMK_ERR_AT(VMK_IO_ERROR, "Io error", 0x0bad000a, EIO) \
   DEFINE_VMK_ERR_AT(VMK_READ_ERROR, "Read error", 0x0bad000b, EIO) \
   DEFINE_VMK_ERR_AT(VMK_WRITE_ERROR, "Write error", 0x0bad000c, EIO) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_NAME, "Invalid name", 0x0bad000d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_HANDLE, "Invalid handle", 0x0bad000e, EBADF) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_ADAPTER, "Invalid adapter", 0x0bad000f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_TARGET, "Invalid target", 0x0bad0010, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_PARTITION, "Invalid partition", 0x0bad0011, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_FS, "Invalid fs", 0x0bad0012, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MEMMAP, "Invalid memmap", 0x0bad0013, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MEMORY, "No memory", 0x0bad0014, ENOMEM) \
   DEFINE_VMK_ERR_AT(VMK_NO_MEMORY_RETRY, "No memory retry", 0x0bad0015, ENOMEM) \
   DEFINE_VMK_ERR_AT(VMK_NO_LPAGE_MEMORY, "No lpage memory", 0x0bad0016, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_RESOURCES, "No resources", 0x0bad0017, ENOMEM) \
   DEFINE_VMK_ERR_AT(VMK_NO_FREE_HANDLES, "No free handles", 0x0bad0018, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NUM_HANDLES_EXCEEDED, "Num handles exceeded", 0x0bad0019, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEPRECATED_NO_FREE_PTR_BLOCKS, "Deprecated no free ptr blocks", 0x0bad001a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEPRECATED_NO_FREE_DATA_BLOCKS, "Deprecated no free data blocks", 0x0bad001b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CORRUPT_REDOLOG, "Corrupt redolog", 0x0bad001c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_STATUS_PENDING, "Status pending", 0x0bad001d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_STATUS_FREE, "Status free", 0x0bad001e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_UNSUPPORTED_CPU, "Unsupported cpu", 0x0bad001f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_SUPPORTED, "Not supported", 0x0bad0020, EOPNOTSUPP) \
   DEFINE_VMK_ERR_AT(VMK_TIMEOUT, "Timeout", 0x0bad0021, ETIMEDOUT) \
   DEFINE_VMK_ERR_AT(VMK_READ_ONLY, "Read only", 0x0bad0022, EROFS) \
   DEFINE_VMK_ERR_AT(VMK_RESERVATION_CONFLICT, "Reservation conflict", 0x0bad0023, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FS_LOCKED, "Fs locked", 0x0bad0024, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_ENOUGH_SLOTS, "Not enough slots", 0x0bad0025, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_ADDRESS, "Invalid address", 0x0bad0026, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_SHARED, "Not shared", 0x0bad0027, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SHARED, "Shared", 0x0bad0028, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_KSEG_PAIR_FLUSHED, "Kseg pair flushed", 0x0bad0029, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MAX_ASYNCIO_PENDING, "Max asyncio pending", 0x0bad002a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VERSION_MISMATCH_MINOR, "Version mismatch minor", 0x0bad002b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VERSION_MISMATCH_MAJOR, "Version mismatch major", 0x0bad002c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IS_CONNECTED, "Is connected", 0x0bad002d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IS_DISCONNECTED, "Is disconnected", 0x0bad002e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IS_ENABLED, "Is enabled", 0x0bad002f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IS_DISABLED, "Is disabled", 0x0bad0030, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_INITIALIZED, "Not initialized", 0x0bad0031, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WAIT_INTERRUPTED, "Wait interrupted", 0x0bad0032, EINTR) \
   DEFINE_VMK_ERR_AT(VMK_NAME_TOO_LONG, "Name too long", 0x0bad0033, ENAMETOOLONG) \
   DEFINE_VMK_ERR_AT(VMK_MISSING_FS_PES, "Missing fs pes", 0x0bad0034, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NICTEAMING_VALID_MASTER, "Nicteaming valid master", 0x0bad0035, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NICTEAMING_SLAVE, "Nicteaming slave", 0x0bad0036, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NICTEAMING_REGULAR_VMNIC, "Nicteaming regular vmnic", 0x0bad0037, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ABORT_NOT_RUNNING, "Abort not running", 0x0bad0038, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_READY, "Not ready", 0x0bad0039, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CHECKSUM_MISMATCH, "Checksum mismatch", 0x0bad003a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VLAN_NO_HW_ACCEL, "Vlan no hw accel", 0x0bad003b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_VLAN_SUPPORT, "No vlan support", 0x0bad003c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_VLAN_HANDLE, "Not vlan handle", 0x0bad003d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_VLANID, "Bad vlanid", 0x0bad003e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MIG_CONN_CLOSED, "Mig conn closed", 0x0bad003f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_CONNECT, "No connect", 0x0bad0040, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SEGMENT_OVERLAP, "Segment overlap", 0x0bad0041, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_MPS, "Bad mps", 0x0bad0042, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_ACPI, "Bad acpi", 0x0bad0043, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RESUME_ERROR, "Resume error", 0x0bad0044, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_ADDRESS_SPACE, "No address space", 0x0bad0045, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_ADDR_RANGE, "Bad addr range", 0x0bad0046, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ENETDOWN, "Enetdown", 0x0bad0047, ENETDOWN) \
   DEFINE_VMK_ERR_AT(VMK_ENETUNREACH, "Enetunreach", 0x0bad0048, ENETUNREACH) \
   DEFINE_VMK_ERR_AT(VMK_ENETRESET, "Enetreset", 0x0bad0049, ENETRESET) \
   DEFINE_VMK_ERR_AT(VMK_ECONNABORTED, "Econnaborted", 0x0bad004a, ECONNABORTED) \
   DEFINE_VMK_ERR_AT(VMK_ECONNRESET, "Econnreset", 0x0bad004b, ECONNRESET) \
   DEFINE_VMK_ERR_AT(VMK_ENOTCONN, "Enotconn", 0x0bad004c, ENOTCONN) \
   DEFINE_VMK_ERR_AT(VMK_ESHUTDOWN, "Eshutdown", 0x0bad004d, ESHUTDOWN) \
   DEFINE_VMK_ERR_AT(VMK_ETOOMANYREFS, "Etoomanyrefs", 0x0bad004e, ETOOMANYREFS) \
   DEFINE_VMK_ERR_AT(VMK_ECONNREFUSED, "Econnrefused", 0x0bad004f, ECONNREFUSED) \
   DEFINE_VMK_ERR_AT(VMK_EHOSTDOWN, "Ehostdown", 0x0bad0050, EHOSTDOWN) \
   DEFINE_VMK_ERR_AT(VMK_EHOSTUNREACH, "Ehostunreach", 0x0bad0051, EHOSTUNREACH) \
   DEFINE_VMK_ERR_AT(VMK_EADDRINUSE, "Eaddrinuse", 0x0bad0052, EADDRINUSE) \
   DEFINE_VMK_ERR_AT(VMK_BROKEN_PIPE, "Broken pipe", 0x0bad0053, EPIPE) \
   DEFINE_VMK_ERR_AT(VMK_NOT_A_DIRECTORY, "Not a directory", 0x0bad0054, ENOTDIR) \
   DEFINE_VMK_ERR_AT(VMK_IS_A_DIRECTORY, "Is a directory", 0x0bad0055, EISDIR) \
   DEFINE_VMK_ERR_AT(VMK_NOT_EMPTY, "Not empty", 0x0bad0056, ENOTEMPTY) \
   DEFINE_VMK_ERR_AT(VMK_NOT_IMPLEMENTED, "Not implemented", 0x0bad0057, ENOSYS) \
   DEFINE_VMK_ERR_AT(VMK_NO_SIGNAL_HANDLER, "No signal handler", 0x0bad0058, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FATAL_SIGNAL_BLOCKED, "Fatal signal blocked", 0x0bad0059, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_ACCESS, "No access", 0x0bad005a, EACCES) \
   DEFINE_VMK_ERR_AT(VMK_NO_PERMISSION, "No permission", 0x0bad005b, EPERM) \
   DEFINE_VMK_ERR_AT(VMK_UNDEFINED_SYSCALL, "Undefined syscall", 0x0bad005c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RESULT_TOO_LARGE, "Result too large", 0x0bad005d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VLAN_FILTERED, "Vlan filtered", 0x0bad005e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_EXCFRAME, "Bad excframe", 0x0bad005f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_NOT_LOADED, "Module not loaded", 0x0bad0060, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SUCH_ZOMBIE, "No such zombie", 0x0bad0061, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SUCH_CARTEL, "No such cartel", 0x0bad0062, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IS_A_SYMLINK, "Is a symlink", 0x0bad0063, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CROSS_DEVICE_LINK, "Cross device link", 0x0bad0064, EXDEV) \
   DEFINE_VMK_ERR_AT(VMK_NOT_A_SOCKET, "Not a socket", 0x0bad0065, ENOTSOCK) \
   DEFINE_VMK_ERR_AT(VMK_ILLEGAL_SEEK, "Illegal seek", 0x0bad0066, ESPIPE) \
   DEFINE_VMK_ERR_AT(VMK_ADDRFAM_UNSUPP, "Addrfam unsupp", 0x0bad0067, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ALREADY_CONNECTED, "Already connected", 0x0bad0068, EISCONN) \
   DEFINE_VMK_ERR_AT(VMK_DEATH_PENDING, "Death pending", 0x0bad0069, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_CPU_ASSIGNMENT, "No cpu assignment", 0x0bad006a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MIN_INVALID, "Cpu min invalid", 0x0bad006b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MINLIMIT_INVALID, "Cpu minlimit invalid", 0x0bad006c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MAX_INVALID, "Cpu max invalid", 0x0bad006d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_SHARES_INVALID, "Cpu shares invalid", 0x0bad006e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MIN_OVERFLOW, "Cpu min overflow", 0x0bad006f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MINLIMIT_OVERFLOW, "Cpu minlimit overflow", 0x0bad0070, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MAX_OVERFLOW, "Cpu max overflow", 0x0bad0071, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MIN_GT_MINLIMIT, "Cpu min gt minlimit", 0x0bad0072, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MIN_GT_MAX, "Cpu min gt max", 0x0bad0073, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MINLIMIT_LT_RESERVED, "Cpu minlimit lt reserved", 0x0bad0074, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_MAX_LT_RESERVED, "Cpu max lt reserved", 0x0bad0075, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_ADMIT_FAILED, "Cpu admit failed", 0x0bad0076, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_INVALID, "Mem min invalid", 0x0bad0077, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MINLIMIT_INVALID, "Mem minlimit invalid", 0x0bad0078, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MAX_INVALID, "Mem max invalid", 0x0bad0079, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_OVERFLOW, "Mem min overflow", 0x0bad007a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MINLIMIT_OVERFLOW, "Mem minlimit overflow", 0x0bad007b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MAX_OVERFLOW, "Mem max overflow", 0x0bad007c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_GT_MINLIMIT, "Mem min gt minlimit", 0x0bad007d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_GT_MAX, "Mem min gt max", 0x0bad007e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MINLIMIT_LT_RESERVED, "Mem minlimit lt reserved", 0x0bad007f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MAX_LT_RESERVED, "Mem max lt reserved", 0x0bad0080, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_ADMIT_FAILED, "Mem admit failed", 0x0bad0081, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SWAP_FILE, "No swap file", 0x0bad0082, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_PARAM_COUNT, "Bad param count", 0x0bad0083, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_PARAM_TYPE, "Bad param type", 0x0bad0084, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_UNMAP_RETRY, "Unmap retry", 0x0bad0085, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_IOCTL, "Invalid ioctl", 0x0bad0086, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MAPFAULT_RETRY, "Mapfault retry", 0x0bad0087, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EINPROGRESS, "Einprogress", 0x0bad0088, EINPROGRESS) \
   DEFINE_VMK_ERR_AT(VMK_ADDR_UNMAPPED, "Addr unmapped", 0x0bad0089, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_BUDDY_TYPE, "Invalid buddy type", 0x0bad008a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LPAGE_INFO_NOT_FOUND, "Lpage info not found", 0x0bad008b, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_LPAGE_INFO_INVALID, "Lpage info invalid", 0x0bad008c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SNAPSHOT_DEV, "Snapshot dev", 0x0bad008d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IN_TRANSITION, "In transition", 0x0bad008e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TXN_FULL, "Txn full", 0x0bad008f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LOCK_NOT_FREE, "Lock not free", 0x0bad0090, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NUM_FILES_EXCEEDED, "Num files exceeded", 0x0bad0091, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MIGRATE_VMX_FAILURE, "Migrate vmx failure", 0x0bad0092, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VSI_LIST_OVERFLOW, "Vsi list overflow", 0x0bad0093, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_WORLD, "Invalid world", 0x0bad0094, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_VMM, "Invalid vmm", 0x0bad0095, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_TXN, "Invalid txn", 0x0bad0096, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FS_RETRY_OPERATION, "Fs retry operation", 0x0bad0097, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VCPU_LIMIT_EXCEEDED, "Vcpu limit exceeded", 0x0bad0098, EFBIG) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_METADATA, "Invalid metadata", 0x0bad0099, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_PAGE_NUMBER, "Invalid page number", 0x0bad009a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_EXEC, "Not exec", 0x0bad009b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NFS_CONNECT_FAILURE, "Nfs connect failure", 0x0bad009c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NFS_MOUNT_NOT_SUPPORTED, "Nfs mount not supported", 0x0bad009d, EOPNOTSUPP) \
   DEFINE_VMK_ERR_AT(VMK_NFS_NFS_NOT_SUPPORTED, "Nfs nfs not supported", 0x0bad009e, EOPNOTSUPP) \
   DEFINE_VMK_ERR_AT(VMK_NFS_MOUNT_DENIED, "Nfs mount denied", 0x0bad009f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NFS_MOUNT_NOT_DIR, "Nfs mount not dir", 0x0bad00a0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NFS_BAD_FSINFO, "Nfs bad fsinfo", 0x0bad00a1, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NFS_VOLUME_LIMIT_EXCEEDED, "Nfs volume limit exceeded", 0x0bad00a2, EFBIG) \
   DEFINE_VMK_ERR_AT(VMK_NO_MEMORY_NICE, "No memory nice", 0x0bad00a3, ENOMEM) \
   DEFINE_VMK_ERR_AT(VMK_MIGRATE_PREEMPTIVE_FAIL, "Migrate preemptive fail", 0x0bad00a4, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CACHE_MISS, "Cache miss", 0x0bad00a5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_STRESS_INDUCED_ERROR, "Stress induced error", 0x0bad00a6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TOO_MANY_LOCK_HOLDERS, "Too many lock holders", 0x0bad00a7, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_JOURNAL, "No journal", 0x0bad00a8, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RANK_VIOLATION, "Rank violation", 0x0bad00a9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_FAILED, "Module failed", 0x0bad00aa, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MASTER_PTY, "No master pty", 0x0bad00ab, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_IOABLE, "Not ioable", 0x0bad00ac, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_FREE_INODES, "No free inodes", 0x0bad00ad, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MEMORY_FOR_FILEDATA, "No memory for filedata", 0x0bad00ae, ENOMEM) \
   DEFINE_VMK_ERR_AT(VMK_NO_TAR_SPACE, "No tar space", 0x0bad00af, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_FIFO_READER, "No fifo reader", 0x0bad00b0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SUCH_DEVICE, "No such device", 0x0bad00b1, ENODEV) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_GT_MEMSIZE, "Mem min gt memsize", 0x0bad00b2, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SUCH_VT, "No such vt", 0x0bad00b3, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TOO_MANY_ELEMENTS, "Too many elements", 0x0bad00b4, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SHAREDAREA_MISMATCH, "Sharedarea mismatch", 0x0bad00b5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EXEC_FAILURE, "Exec failure", 0x0bad00b6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MODULE, "Invalid module", 0x0bad00b7, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_UNALIGNED_ADDRESS, "Unaligned address", 0x0bad00b8, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_MAPPED, "Not mapped", 0x0bad00b9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MESSAGE_SPACE, "No message space", 0x0bad00ba, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EXCEPTION_HANDLER_INVALID, "Exception handler invalid", 0x0bad00bb, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EXCEPTION_NOT_HANDLED, "Exception not handled", 0x0bad00bc, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MULTIWRITER_OBJECT, "Invalid multiwriter object", 0x0bad00bd, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_STORAGE_RETRY_OPERATION, "Storage retry operation", 0x0bad00be, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBA_ERROR, "Hba error", 0x0bad00bf, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TIMER_INIT_FAILED, "Timer init failed", 0x0bad00c0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_NOT_FOUND, "Module not found", 0x0bad00c1, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_NOT_SOCKET_OWNER, "Not socket owner", 0x0bad00c2, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VSI_HANDLER_NOT_FOUND, "Vsi handler not found", 0x0bad00c3, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MMAPPROTFLAGS, "Invalid mmapprotflags", 0x0bad00c4, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MAPCONTIG_SIZE, "Invalid mapcontig size", 0x0bad00c5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MAPCONTIG_MAX, "Invalid mapcontig max", 0x0bad00c6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_MAPCONTIG_FLAG, "Invalid mapcontig flag", 0x0bad00c7, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_LAZY_MMINFO, "Not lazy mminfo", 0x0bad00c8, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MMINFO_WONT_SPLIT, "Mminfo wont split", 0x0bad00c9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_CACHE_INFO, "No cache info", 0x0bad00ca, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CANNOT_REMAP_PINNED_MEMORY, "Cannot remap pinned memory", 0x0bad00cb, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SUCH_CARTELGROUP, "No such cartelgroup", 0x0bad00cc, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SPLOCKSTATS_DISABLED, "Splockstats disabled", 0x0bad00cd, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_TAR_IMAGE, "Bad tar image", 0x0bad00ce, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BRANCHED_ALREADY, "Branched already", 0x0bad00cf, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NAME_RESERVED_FOR_BRANCH, "Name reserved for branch", 0x0bad00d0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CANNOT_BRANCH_UNLINKED, "Cannot branch unlinked", 0x0bad00d1, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MAX_RETRIES_EXCEEDED, "Max retries exceeded", 0x0bad00d2, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_OPTLOCK_STOLEN, "Optlock stolen", 0x0bad00d3, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_MMAPABLE, "Not mmapable", 0x0bad00d4, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_CPU_AFFINITY, "Invalid cpu affinity", 0x0bad00d5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEVICE_NOT_PARTOF_LV, "Device not partof lv", 0x0bad00d6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SPACE, "No space", 0x0bad00d7, ENOSPC) \
   DEFINE_VMK_ERR_AT(VMK_VSI_INVALID_NODE_ID, "Vsi invalid node id", 0x0bad00d8, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TOO_MANY_USERS, "Too many users", 0x0bad00d9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EALREADY, "Ealready", 0x0bad00da, EALREADY) \
   DEFINE_VMK_ERR_AT(VMK_BUF_TOO_SMALL, "Buf too small", 0x0bad00db, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SNAPSHOT_DEV_DISALLOWED, "Snapshot dev disallowed", 0x0bad00dc, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LVM_DEVICE_UNREACHABLE, "Lvm device unreachable", 0x0bad00dd, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CPU_INVALID_RESOURCE_UNITS, "Cpu invalid resource units", 0x0bad00de, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_INVALID_RESOURCE_UNITS, "Mem invalid resource units", 0x0bad00df, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ABORTED, "Aborted", 0x0bad00e0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_LT_RESERVED, "Mem min lt reserved", 0x0bad00e1, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MIN_LT_CONSUMED, "Mem min lt consumed", 0x0bad00e2, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEM_MAX_LT_CONSUMED, "Mem max lt consumed", 0x0bad00e3, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_TIMEOUT_RETRY_DEPRECATED, "Timeout retry deprecated", 0x0bad00e4, ETIMEDOUT) \
   DEFINE_VMK_ERR_AT(VMK_RESERVATION_LOST, "Reservation lost", 0x0bad00e5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FS_STALE_METADATA, "Fs stale metadata", 0x0bad00e6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_FCNTL_LOCK, "No fcntl lock", 0x0bad00e7, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_FCNTL_LOCK_HOLDER, "No fcntl lock holder", 0x0bad00e8, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_LICENSE, "No license", 0x0bad00e9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VSI_MODULE_NOT_FOUND, "Vsi module not found", 0x0bad00ea, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_LVM_RETRY_OPERATION, "Lvm retry operation", 0x0bad00eb, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SNAPSHOT_LV_INCOMPLETE, "Snapshot lv incomplete", 0x0bad00ec, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEDIUM_NOT_FOUND, "Medium not found", 0x0bad00ed, ENOENT) \
   DEFINE_VMK_ERR_AT(VMK_MAX_PATHS_CLAIMED, "Max paths claimed", 0x0bad00ee, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_MOUNTABLE, "Not mountable", 0x0bad00ef, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MEMSIZE_GT_MEMSIZELIMIT, "Memsize gt memsizelimit", 0x0bad00f0, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RECORD_WRITE_ERROR, "Record write error", 0x0bad00f1, EIO) \
   DEFINE_VMK_ERR_AT(VMK_REPLAY_READ_ERROR, "Replay read error", 0x0bad00f2, EIO) \
   DEFINE_VMK_ERR_AT(VMK_REPLAY_TYPE_MISMATCH, "Replay type mismatch", 0x0bad00f3, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_REPLAY_DIVERGENCE, "Replay divergence", 0x0bad00f4, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FT_NOT_RESPONDING, "Ft not responding", 0x0bad00f5, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NET_REPLAY_ERROR, "Net replay error", 0x0bad00f6, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_INVALID_VOBID, "Voberr invalid vobid", 0x0bad00f7, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_FMT_LIMIT_EXCEEDED, "Voberr fmt limit exceeded", 0x0bad00f8, EFBIG) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_INVALID_FMT_STRING, "Voberr invalid fmt string", 0x0bad00f9, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_INVALID_ATTR, "Voberr invalid attr", 0x0bad00fa, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ELF_CORRUPT, "Elf corrupt", 0x0bad00fb, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EADDRNOTAVAIL, "Eaddrnotavail", 0x0bad00fc, EADDRNOTAVAIL) \
   DEFINE_VMK_ERR_AT(VMK_EDESTADDRREQ, "Edestaddrreq", 0x0bad00fd, EDESTADDRREQ) \
   DEFINE_VMK_ERR_AT(VMK_LVM_STALE_METADATA, "Lvm stale metadata", 0x0bad00fe, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_RPC_TABLE, "No rpc table", 0x0bad00ff, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DUPLICATE_UID, "Duplicate uid", 0x0bad0100, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_UNRESOLVED_SYMBOL, "Unresolved symbol", 0x0bad0101, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEVICE_NOT_OWNED, "Device not owned", 0x0bad0102, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEVICE_NOT_NAMED, "Device not named", 0x0bad0103, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EPROTONOSUPPORT, "Eprotonosupport", 0x0bad0104, EPROTONOSUPPORT) \
   DEFINE_VMK_ERR_AT(VMK_EOPNOTSUPP, "Eopnotsupp", 0x0bad0105, EOPNOTSUPP) \
   DEFINE_VMK_ERR_AT(VMK_UNDEFINED_VMKCALL, "Undefined vmkcall", 0x0bad0106, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MIGRATE_MAX_DOWNTIME_EXCEEDED, "Migrate max downtime exceeded", 0x0bad0107, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LOCK_EXISTS, "Lock exists", 0x0bad0108, EEXIST) \
   DEFINE_VMK_ERR_AT(VMK_MIGRATE_PRECOPY_NO_FORWARD_PROGRESS, "Migrate precopy no forward progress", 0x0bad0109, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_UID_CHANGED, "Uid changed", 0x0bad010a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VMOTION_CONNECT_FAILED, "Vmotion connect failed", 0x0bad010b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MIGRATION_IN_PROGRESS, "No migration in progress", 0x0bad010c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EXEC_FILE_BUSY, "Exec file busy", 0x0bad010d, EBUSY) \
   DEFINE_VMK_ERR_AT(VMK_FS_TIMEOUT_RETRY, "Fs timeout retry", 0x0bad010e, ETIMEDOUT) \
   DEFINE_VMK_ERR_AT(VMK_COW_TIMEOUT_RETRY, "Cow timeout retry", 0x0bad010f, ETIMEDOUT) \
   DEFINE_VMK_ERR_AT(VMK_FS_LOCKSTATE_IN_TRANSITION_DEPRECATED, "Fs lockstate in transition deprecated", 0x0bad0110, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FS_LOCK_LOST, "Fs lock lost", 0x0bad0111, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_SPACE_ON_DEVICE, "No space on device", 0x0bad0112, ENOSPC) \
   DEFINE_VMK_ERR_AT(VMK_EOVERFLOW, "Eoverflow", 0x0bad0113, EOVERFLOW) \
   DEFINE_VMK_ERR_AT(VMK_MEM_SHARES_INVALID, "Mem shares invalid", 0x0bad0114, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LVM_INCONSISTENT_LOCKLESSOP, "Lvm inconsistent locklessop", 0x0bad0115, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_SECURITY_LABEL, "Invalid security label", 0x0bad0116, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ACCESS_DENIED, "Access denied", 0x0bad0117, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WORK_COMPLETED, "Work completed", 0x0bad0118, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WORK_RUNNING, "Work running", 0x0bad0119, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WORK_PENDING, "Work pending", 0x0bad011a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_WORK_INVALID, "Work invalid", 0x0bad011b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_OVERFLOW, "Voberr overflow", 0x0bad011c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_INVALID_CONTEXT, "Voberr invalid context", 0x0bad011d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VOBERR_LOCK_CONFLICT, "Voberr lock conflict", 0x0bad011e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RETRY, "Retry", 0x0bad011f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_MODULE_HEAP, "No module heap", 0x0bad0120, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_REMOTE_PAGE_FAULT_FAILURE, "Remote page fault failure", 0x0bad0121, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VSI_DATA_LENGTH_MISMATCH, "Vsi data length mismatch", 0x0bad0122, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MAPPING_FAILED, "Mapping failed", 0x0bad0123, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ATS_MISCOMPARE, "Ats miscompare", 0x0bad0124, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_BUFFERSPACE, "No bufferspace", 0x0bad0125, ENOBUFS) \
   DEFINE_VMK_ERR_AT(VMK_FT_NOT_RUNNING, "Ft not running", 0x0bad0126, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LICENSE_MISMATCH, "License mismatch", 0x0bad0127, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_ELF_UNKNOWN_RELOCATIONS, "Elf unknown relocations", 0x0bad0128, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MESSAGE_TOO_LONG, "Message too long", 0x0bad0129, EMSGSIZE) \
   DEFINE_VMK_ERR_AT(VMK_INVALID_NAMESPACE, "Invalid namespace", 0x0bad012a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SHUTTING_DOWN, "Shutting down", 0x0bad012b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SKIPPED_FREE, "Skipped free", 0x0bad012c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VMFS_ABORTED, "Vmfs aborted", 0x0bad012d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_WRITE_ON_TARDISKS, "No write on tardisks", 0x0bad012e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SVM_IO_RETRY, "Svm io retry", 0x0bad012f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_NO_LICENSE, "Module no license", 0x0bad0130, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_UNKNOWN_LICENSE, "Module unknown license", 0x0bad0131, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_PERM_DEV_LOSS, "Perm dev loss", 0x0bad0132, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SE_IO_RETRY, "Se io retry", 0x0bad0133, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_ADDR_SPACE, "Bad addr space", 0x0bad0134, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DMA_MAPPING_FAILED, "Dma mapping failed", 0x0bad0135, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RESERVATION_GT_LIMIT, "Reservation gt limit", 0x0bad0136, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_NONAMESPACE, "Module nonamespace", 0x0bad0137, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_FS_OBJECT_UNLINKED, "Fs object unlinked", 0x0bad0138, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_INSTANCE_ABORTED, "Hbr wire instance aborted", 0x0bad0139, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_NEED_FULL_SYNC, "Hbr wire need full sync", 0x0bad013a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_DISK_SET_MISMATCH, "Hbr wire disk set mismatch", 0x0bad013b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_REQUEST_CHECKSUM_MISMATCH, "Hbr wire request checksum mismatch", 0x0bad013c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_RESPONSE_CHECKSUM_MISMATCH, "Hbr wire response checksum mismatch", 0x0bad013d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_GROUP_REMOVED, "Hbr wire group removed", 0x0bad013e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_GROUP_SESSION_REVOKED, "Hbr wire group session revoked", 0x0bad013f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_WIRE_PROTOCOL_CORRUPTED, "Hbr wire protocol corrupted", 0x0bad0140, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_PORTSET_HANDLE_NOT_MUTABLE, "Portset handle not mutable", 0x0bad0141, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SUSPEND_IO, "Suspend io", 0x0bad0142, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NO_WORKING_PATHS, "No working paths", 0x0bad0143, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_EPROTOTYPE, "Eprototype", 0x0bad0144, EPROTOTYPE) \
   DEFINE_VMK_ERR_AT(VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO, "Module consumed resource count not zero", 0x0bad0145, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_HBR_SERVER_DOES_NOT_SUPPORT_REQUEST, "Hbr server does not support request", 0x0bad0146, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_STALE_FILEHANDLE, "Stale filehandle", 0x0bad0147, ESTALE) \
   DEFINE_VMK_ERR_AT(VMK_VVOL_UNBOUND, "Vvol unbound", 0x0bad0148, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_DEVICE_NOT_READY_FAIL_OPEN, "Device not ready fail open", 0x0bad0149, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_THIS_DEVICE, "Not this device", 0x0bad014a, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_IGNORE, "Ignore", 0x0bad014b, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_OBJECT_DESTROYED, "Object destroyed", 0x0bad014c, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_VVOL_PE_NOT_READY, "Vvol pe not ready", 0x0bad014d, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SCSI_PI_GUARD_ERROR, "Scsi pi guard error", 0x0bad014e, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_SCSI_PI_REF_ERROR, "Scsi pi ref error", 0x0bad014f, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_RES_META_STALE, "Res meta stale", 0x0bad0150, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_NOT_PINNED, "Not pinned", 0x0bad0151, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_BAD_SWAP_SCOPE, "Bad swap scope", 0x0bad0152, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_CONSUMED_GT_ZERO, "Consumed gt zero", 0x0bad0153, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_LOCK_HELD_BY_ZOMBIE_TXN, "Lock held by zombie txn", 0x0bad0154, EINVAL) \
   DEFINE_VMK_ERR_AT(VMK_GENERIC_LINUX_ERROR, "Generic linux error", 0x2bad0000, EINVAL)

/**
 * \brief Result of a vmkapi call: VMK_OK or the reason it failed.
 */
typedef enum {
   /** \brief Success. */
   VMK_OK = 0,
   /**
    * \brief The operation failed for a reason no more specific status
    *        describes.
    */
   VMK_FAILURE = 0x0bad0001,
   /**
    * \brief The operation would have to wait, and the caller asked it not to.
    */
   VMK_WOULD_BLOCK = 0x0bad0002,
   /** \brief The object, key or entry asked for does not exist. */
   VMK_NOT_FOUND = 0x0bad0003,
   /**
    * \brief The object is in use (still referenced, locked or holding items).
    */
   VMK_BUSY = 0x0bad0004,
   /** \brief An object with that name or key already exists. */
   VMK_EXISTS = 0x0bad0005,
   /**
    * \brief A size, count or capacity limit was reached; a result may have been
    *        cut.
    */
   VMK_LIMIT_EXCEEDED = 0x0bad0006,
   /**
    * \brief An argument is invalid (NULL, out of range, or a handle that is not
    *        live).
    */
   VMK_BAD_PARAM = 0x0bad0007,
   /** \brief File-system metadata could not be read. */
   VMK_METADATA_READ_ERROR = 0x0bad0008,
   /** \brief File-system metadata could not be written. */
   VMK_METADATA_WRITE_ERROR = 0x0bad0009,
   /** \brief The device reported an I/O error or is gone. */
   VMK_IO_ERROR = 0x0bad000a,
   /** \brief A read from the device failed. */
   VMK_READ_ERROR = 0x0bad000b,
   /** \brief A write to the device failed. */
   VMK_WRITE_ERROR = 0x0bad000c,
   /** \brief The name is malformed or names nothing known. */
   VMK_INVALID_NAME = 0x0bad000d,
   /**
    * \brief The handle does not refer to a live object of the expected kind.
    */
   VMK_INVALID_HANDLE = 0x0bad000e,
   /** \brief The storage adapter named does not exist. */
   VMK_INVALID_ADAPTER = 0x0bad000f,
   /** \brief The storage target named does not exist. */
   VMK_INVALID_TARGET = 0x0bad0010,
   /** \brief The disk partition named does not exist or is unusable. */
   VMK_INVALID_PARTITION = 0x0bad0011,
   /** \brief The volume holds no valid file system. */
   VMK_INVALID_FS = 0x0bad0012,
   /** \brief The memory map is invalid. */
   VMK_INVALID_MEMMAP = 0x0bad0013,
   /** \brief Not enough memory (or heap space) was available. */
   VMK_NO_MEMORY = 0x0bad0014,
   /** \brief Not enough memory right now; retrying later may succeed. */
   VMK_NO_MEMORY_RETRY = 0x0bad0015,
   /** \brief No large (2 MiB) page was available. */
   VMK_NO_LPAGE_MEMORY = 0x0bad0016,
   /**
    * \brief A resource other than memory (slots, vectors, queue entries) ran
    *        out.
    */
   VMK_NO_RESOURCES = 0x0bad0017,
   /** \brief No handle of the required kind is free. */
   VMK_NO_FREE_HANDLES = 0x0bad0018,
   /** \brief Too many handles are open. */
   VMK_NUM_HANDLES_EXCEEDED = 0x0bad0019,
   /** \brief File system out of pointer blocks (no longer used). */
   VMK_DEPRECATED_NO_FREE_PTR_BLOCKS = 0x0bad001a,
   /** \brief File system out of data blocks (no longer used). */
   VMK_DEPRECATED_NO_FREE_DATA_BLOCKS = 0x0bad001b,
   /** \brief A virtual-disk redo log is corrupt. */
   VMK_CORRUPT_REDOLOG = 0x0bad001c,
   /** \brief The operation was started and will complete later. */
   VMK_STATUS_PENDING = 0x0bad001d,
   /** \brief Internal: a status slot that is not in use. */
   VMK_STATUS_FREE = 0x0bad001e,
   /** \brief The CPU lacks a feature the operation needs. */
   VMK_UNSUPPORTED_CPU = 0x0bad001f,
   /**
    * \brief The operation is not supported here (in vmkemu also: not emulated).
    */
   VMK_NOT_SUPPORTED = 0x0bad0020,
   /** \brief The time limit passed before the operation could complete. */
   VMK_TIMEOUT = 0x0bad0021,
   /** \brief The object is read-only. */
   VMK_READ_ONLY = 0x0bad0022,
   /**
    * \brief A SCSI reservation held by another initiator blocked the command.
    */
   VMK_RESERVATION_CONFLICT = 0x0bad0023,
   /** \brief The file is locked by another host or process. */
   VMK_FS_LOCKED = 0x0bad0024,
   /** \brief No free slots were left. */
   VMK_NOT_ENOUGH_SLOTS = 0x0bad0025,
   /** \brief The address is not mapped, not valid, or not part of a mapping. */
   VMK_INVALID_ADDRESS = 0x0bad0026,
   /**
    * \brief The range is already reserved and not both reservations allow
    *        sharing.
    */
   VMK_NOT_SHARED = 0x0bad0027,
   /** \brief The object is shared and cannot be used exclusively. */
   VMK_SHARED = 0x0bad0028,
   /** \brief Internal: a kernel mapping cache entry was flushed. */
   VMK_KSEG_PAIR_FLUSHED = 0x0bad0029,
   /** \brief Too many asynchronous I/Os are already outstanding. */
   VMK_MAX_ASYNCIO_PENDING = 0x0bad002a,
   /** \brief The minor version does not match. */
   VMK_VERSION_MISMATCH_MINOR = 0x0bad002b,
   /** \brief The major version does not match. */
   VMK_VERSION_MISMATCH_MAJOR = 0x0bad002c,
   /** \brief The object is already connected. */
   VMK_IS_CONNECTED = 0x0bad002d,
   /** \brief The object is disconnected. */
   VMK_IS_DISCONNECTED = 0x0bad002e,
   /** \brief The feature or object is already enabled. */
   VMK_IS_ENABLED = 0x0bad002f,
   /** \brief The feature or object is disabled. */
   VMK_IS_DISABLED = 0x0bad0030,
   /** \brief The object or facility has not been set up yet. */
   VMK_NOT_INITIALIZED = 0x0bad0031,
   /**
    * \brief A wait ended early because the world was woken for another reason.
    */
   VMK_WAIT_INTERRUPTED = 0x0bad0032,
   /** \brief A name or string does not fit the space it must go in. */
   VMK_NAME_TOO_LONG = 0x0bad0033,
   /** \brief Some extents of a spanned file system are missing. */
   VMK_MISSING_FS_PES = 0x0bad0034,
   /** \brief NIC teaming: the uplink is a valid team master. */
   VMK_NICTEAMING_VALID_MASTER = 0x0bad0035,
   /** \brief NIC teaming: the uplink is a team member, not the master. */
   VMK_NICTEAMING_SLAVE = 0x0bad0036,
   /** \brief NIC teaming: the uplink is not part of a team. */
   VMK_NICTEAMING_REGULAR_VMNIC = 0x0bad0037,
   /** \brief The command to abort was not running. */
   VMK_ABORT_NOT_RUNNING = 0x0bad0038,
   /** \brief The device or object is not ready yet. */
   VMK_NOT_READY = 0x0bad0039,
   /** \brief A checksum did not match the data. */
   VMK_CHECKSUM_MISMATCH = 0x0bad003a,
   /** \brief The NIC has no hardware VLAN acceleration. */
   VMK_VLAN_NO_HW_ACCEL = 0x0bad003b,
   /** \brief VLANs are not supported here. */
   VMK_NO_VLAN_SUPPORT = 0x0bad003c,
   /** \brief The handle is not a VLAN handle. */
   VMK_NOT_VLAN_HANDLE = 0x0bad003d,
   /** \brief The VLAN ID is out of range. */
   VMK_BAD_VLANID = 0x0bad003e,
   /** \brief The migration connection was closed. */
   VMK_MIG_CONN_CLOSED = 0x0bad003f,
   /** \brief No connection could be made. */
   VMK_NO_CONNECT = 0x0bad0040,
   /** \brief Memory segments overlap. */
   VMK_SEGMENT_OVERLAP = 0x0bad0041,
   /** \brief The firmware's multiprocessor table is invalid. */
   VMK_BAD_MPS = 0x0bad0042,
   /** \brief The firmware's ACPI tables are invalid. */
   VMK_BAD_ACPI = 0x0bad0043,
   /** \brief Resuming (from suspend or a checkpoint) failed. */
   VMK_RESUME_ERROR = 0x0bad0044,
   /** \brief No virtual address space was left. */
   VMK_NO_ADDRESS_SPACE = 0x0bad0045,
   /**
    * \brief The address range is invalid or lies outside what is registered or
    *        reserved.
    */
   VMK_BAD_ADDR_RANGE = 0x0bad0046,
   /** \brief Network is down (ENETDOWN). */
   VMK_ENETDOWN = 0x0bad0047,
   /** \brief Network is unreachable (ENETUNREACH). */
   VMK_ENETUNREACH = 0x0bad0048,
   /** \brief The network dropped the connection on reset (ENETRESET). */
   VMK_ENETRESET = 0x0bad0049,
   /** \brief The connection was aborted (ECONNABORTED). */
   VMK_ECONNABORTED = 0x0bad004a,
   /** \brief The peer reset the connection (ECONNRESET). */
   VMK_ECONNRESET = 0x0bad004b,
   /** \brief The socket is not connected (ENOTCONN). */
   VMK_ENOTCONN = 0x0bad004c,
   /** \brief The socket was shut down for sending (ESHUTDOWN). */
   VMK_ESHUTDOWN = 0x0bad004d,
   /** \brief Too many references (ETOOMANYREFS). */
   VMK_ETOOMANYREFS = 0x0bad004e,
   /** \brief The peer refused the connection (ECONNREFUSED). */
   VMK_ECONNREFUSED = 0x0bad004f,
   /** \brief The host is down (EHOSTDOWN). */
   VMK_EHOSTDOWN = 0x0bad0050,
   /** \brief No route to the host (EHOSTUNREACH). */
   VMK_EHOSTUNREACH = 0x0bad0051,
   /** \brief The address is already in use (EADDRINUSE). */
   VMK_EADDRINUSE = 0x0bad0052,
   /** \brief The other end of a pipe or socket is closed (EPIPE). */
   VMK_BROKEN_PIPE = 0x0bad0053,
   /** \brief The file-system object is not a directory. */
   VMK_NOT_A_DIRECTORY = 0x0bad0054,
   /** \brief The file-system object is a directory. */
   VMK_IS_A_DIRECTORY = 0x0bad0055,
   /** \brief The directory or container is not empty. */
   VMK_NOT_EMPTY = 0x0bad0056,
   /** \brief The function exists but has no implementation. */
   VMK_NOT_IMPLEMENTED = 0x0bad0057,
   /** \brief User worlds: no handler for the signal. */
   VMK_NO_SIGNAL_HANDLER = 0x0bad0058,
   /** \brief User worlds: a fatal signal was blocked. */
   VMK_FATAL_SIGNAL_BLOCKED = 0x0bad0059,
   /** \brief Access to the object was denied. */
   VMK_NO_ACCESS = 0x0bad005a,
   /** \brief The caller is not allowed to perform the operation. */
   VMK_NO_PERMISSION = 0x0bad005b,
   /** \brief User worlds: no such system call. */
   VMK_UNDEFINED_SYSCALL = 0x0bad005c,
   /** \brief The result does not fit (ERANGE). */
   VMK_RESULT_TOO_LARGE = 0x0bad005d,
   /** \brief The frame was dropped by VLAN filtering. */
   VMK_VLAN_FILTERED = 0x0bad005e,
   /** \brief User worlds: the exception frame is invalid. */
   VMK_BAD_EXCFRAME = 0x0bad005f,
   /** \brief The module named is not loaded. */
   VMK_MODULE_NOT_LOADED = 0x0bad0060,
   /** \brief User worlds: no such exited child. */
   VMK_NO_SUCH_ZOMBIE = 0x0bad0061,
   /** \brief User worlds: no such process (cartel). */
   VMK_NO_SUCH_CARTEL = 0x0bad0062,
   /** \brief The file-system object is a symbolic link. */
   VMK_IS_A_SYMLINK = 0x0bad0063,
   /** \brief A link across file systems was asked for (EXDEV). */
   VMK_CROSS_DEVICE_LINK = 0x0bad0064,
   /** \brief The descriptor is not a socket. */
   VMK_NOT_A_SOCKET = 0x0bad0065,
   /** \brief The object does not support seeking (ESPIPE). */
   VMK_ILLEGAL_SEEK = 0x0bad0066,
   /** \brief The address family is not supported. */
   VMK_ADDRFAM_UNSUPP = 0x0bad0067,
   /** \brief The socket is already connected. */
   VMK_ALREADY_CONNECTED = 0x0bad0068,
   /** \brief The calling world is being killed; it should return and exit. */
   VMK_DEATH_PENDING = 0x0bad0069,
   /** \brief Scheduler: no CPU is assigned. */
   VMK_NO_CPU_ASSIGNMENT = 0x0bad006a,
   /** \brief Scheduler: the CPU reservation is invalid. */
   VMK_CPU_MIN_INVALID = 0x0bad006b,
   /** \brief Scheduler: the CPU minimum limit is invalid. */
   VMK_CPU_MINLIMIT_INVALID = 0x0bad006c,
   /** \brief Scheduler: the CPU limit is invalid. */
   VMK_CPU_MAX_INVALID = 0x0bad006d,
   /** \brief Scheduler: the CPU shares are invalid. */
   VMK_CPU_SHARES_INVALID = 0x0bad006e,
   /** \brief Scheduler: the CPU reservation is too large. */
   VMK_CPU_MIN_OVERFLOW = 0x0bad006f,
   /** \brief Scheduler: the CPU minimum limit is too large. */
   VMK_CPU_MINLIMIT_OVERFLOW = 0x0bad0070,
   /** \brief Scheduler: the CPU limit is too large. */
   VMK_CPU_MAX_OVERFLOW = 0x0bad0071,
   /** \brief Scheduler: the CPU reservation exceeds the minimum limit. */
   VMK_CPU_MIN_GT_MINLIMIT = 0x0bad0072,
   /** \brief Scheduler: the CPU reservation exceeds the limit. */
   VMK_CPU_MIN_GT_MAX = 0x0bad0073,
   /** \brief Scheduler: the CPU minimum limit is below what is reserved. */
   VMK_CPU_MINLIMIT_LT_RESERVED = 0x0bad0074,
   /** \brief Scheduler: the CPU limit is below what is reserved. */
   VMK_CPU_MAX_LT_RESERVED = 0x0bad0075,
   /** \brief Scheduler: CPU admission control refused the request. */
   VMK_CPU_ADMIT_FAILED = 0x0bad0076,
   /** \brief Memory scheduler: the reservation is invalid. */
   VMK_MEM_MIN_INVALID = 0x0bad0077,
   /** \brief Memory scheduler: the minimum limit is invalid. */
   VMK_MEM_MINLIMIT_INVALID = 0x0bad0078,
   /** \brief Memory scheduler: the limit is invalid. */
   VMK_MEM_MAX_INVALID = 0x0bad0079,
   /** \brief Memory scheduler: the reservation is too large. */
   VMK_MEM_MIN_OVERFLOW = 0x0bad007a,
   /** \brief Memory scheduler: the minimum limit is too large. */
   VMK_MEM_MINLIMIT_OVERFLOW = 0x0bad007b,
   /** \brief Memory scheduler: the limit is too large. */
   VMK_MEM_MAX_OVERFLOW = 0x0bad007c,
   /** \brief Memory scheduler: the reservation exceeds the minimum limit. */
   VMK_MEM_MIN_GT_MINLIMIT = 0x0bad007d,
   /** \brief Memory scheduler: the reservation exceeds the limit. */
   VMK_MEM_MIN_GT_MAX = 0x0bad007e,
   /** \brief Memory scheduler: the minimum limit is below what is reserved. */
   VMK_MEM_MINLIMIT_LT_RESERVED = 0x0bad007f,
   /** \brief Memory scheduler: the limit is below what is reserved. */
   VMK_MEM_MAX_LT_RESERVED = 0x0bad0080,
   /** \brief Memory scheduler: admission control refused the request. */
   VMK_MEM_ADMIT_FAILED = 0x0bad0081,
   /** \brief No swap file is configured. */
   VMK_NO_SWAP_FILE = 0x0bad0082,
   /** \brief Wrong number of parameters. */
   VMK_BAD_PARAM_COUNT = 0x0bad0083,
   /** \brief A parameter has the wrong type. */
   VMK_BAD_PARAM_TYPE = 0x0bad0084,
   /** \brief The unmap should be retried. */
   VMK_UNMAP_RETRY = 0x0bad0085,
   /** \brief The ioctl command is not known to the device. */
   VMK_INVALID_IOCTL = 0x0bad0086,
   /** \brief A fault handler asks for the faulting access to be retried. */
   VMK_MAPFAULT_RETRY = 0x0bad0087,
   /** \brief The operation is in progress (EINPROGRESS). */
   VMK_EINPROGRESS = 0x0bad0088,
   /** \brief The address is not mapped. */
   VMK_ADDR_UNMAPPED = 0x0bad0089,
   /** \brief Internal: invalid buddy allocator type. */
   VMK_INVALID_BUDDY_TYPE = 0x0bad008a,
   /** \brief Internal: no large-page information found. */
   VMK_LPAGE_INFO_NOT_FOUND = 0x0bad008b,
   /** \brief Internal: the large-page information is invalid. */
   VMK_LPAGE_INFO_INVALID = 0x0bad008c,
   /** \brief The device is a snapshot. */
   VMK_SNAPSHOT_DEV = 0x0bad008d,
   /** \brief The object is changing state; try again later. */
   VMK_IN_TRANSITION = 0x0bad008e,
   /** \brief The journal transaction is full. */
   VMK_TXN_FULL = 0x0bad008f,
   /** \brief The lock is held by someone else. */
   VMK_LOCK_NOT_FREE = 0x0bad0090,
   /** \brief Too many open files. */
   VMK_NUM_FILES_EXCEEDED = 0x0bad0091,
   /** \brief vMotion: the VM's user-level process failed. */
   VMK_MIGRATE_VMX_FAILURE = 0x0bad0092,
   /** \brief A VSI list is too long. */
   VMK_VSI_LIST_OVERFLOW = 0x0bad0093,
   /** \brief The world ID does not name a live world. */
   VMK_INVALID_WORLD = 0x0bad0094,
   /** \brief The virtual machine monitor is invalid. */
   VMK_INVALID_VMM = 0x0bad0095,
   /** \brief The journal transaction is invalid. */
   VMK_INVALID_TXN = 0x0bad0096,
   /** \brief The file-system operation should be retried. */
   VMK_FS_RETRY_OPERATION = 0x0bad0097,
   /** \brief Too many virtual CPUs. */
   VMK_VCPU_LIMIT_EXCEEDED = 0x0bad0098,
   /** \brief File-system metadata is invalid. */
   VMK_INVALID_METADATA = 0x0bad0099,
   /** \brief The page number is invalid or overlaps a range already given. */
   VMK_INVALID_PAGE_NUMBER = 0x0bad009a,
   /** \brief The file is not executable. */
   VMK_NOT_EXEC = 0x0bad009b,
   /** \brief NFS: the server could not be reached. */
   VMK_NFS_CONNECT_FAILURE = 0x0bad009c,
   /** \brief NFS: the server does not support the mount protocol version. */
   VMK_NFS_MOUNT_NOT_SUPPORTED = 0x0bad009d,
   /** \brief NFS: the server does not support the NFS version. */
   VMK_NFS_NFS_NOT_SUPPORTED = 0x0bad009e,
   /** \brief NFS: the server refused the mount. */
   VMK_NFS_MOUNT_DENIED = 0x0bad009f,
   /** \brief NFS: the mount path is not a directory. */
   VMK_NFS_MOUNT_NOT_DIR = 0x0bad00a0,
   /** \brief NFS: the server's file-system information is invalid. */
   VMK_NFS_BAD_FSINFO = 0x0bad00a1,
   /** \brief NFS: too many NFS volumes are mounted. */
   VMK_NFS_VOLUME_LIMIT_EXCEEDED = 0x0bad00a2,
   /**
    * \brief Not enough memory, and the caller asked not to dig into reserves.
    */
   VMK_NO_MEMORY_NICE = 0x0bad00a3,
   /** \brief vMotion: the migration was pre-empted. */
   VMK_MIGRATE_PREEMPTIVE_FAIL = 0x0bad00a4,
   /** \brief The item is not in the cache. */
   VMK_CACHE_MISS = 0x0bad00a5,
   /** \brief The failure was injected by a stress option. */
   VMK_STRESS_INDUCED_ERROR = 0x0bad00a6,
   /** \brief The lock has too many holders. */
   VMK_TOO_MANY_LOCK_HOLDERS = 0x0bad00a7,
   /** \brief The file system has no journal. */
   VMK_NO_JOURNAL = 0x0bad00a8,
   /** \brief Locks were taken against their rank order. */
   VMK_RANK_VIOLATION = 0x0bad00a9,
   /** \brief The module failed to load or initialise. */
   VMK_MODULE_FAILED = 0x0bad00aa,
   /** \brief No master pseudo-terminal is available. */
   VMK_NO_MASTER_PTY = 0x0bad00ab,
   /** \brief The memory cannot be used for I/O. */
   VMK_NOT_IOABLE = 0x0bad00ac,
   /** \brief The file system has no free inodes. */
   VMK_NO_FREE_INODES = 0x0bad00ad,
   /** \brief No memory for file data. */
   VMK_NO_MEMORY_FOR_FILEDATA = 0x0bad00ae,
   /** \brief No space left in the boot tar image. */
   VMK_NO_TAR_SPACE = 0x0bad00af,
   /** \brief The FIFO has no reader. */
   VMK_NO_FIFO_READER = 0x0bad00b0,
   /** \brief No such device. */
   VMK_NO_SUCH_DEVICE = 0x0bad00b1,
   /** \brief Memory scheduler: the reservation exceeds the VM's memory size. */
   VMK_MEM_MIN_GT_MEMSIZE = 0x0bad00b2,
   /** \brief No such virtual terminal. */
   VMK_NO_SUCH_VT = 0x0bad00b3,
   /** \brief Too many elements. */
   VMK_TOO_MANY_ELEMENTS = 0x0bad00b4,
   /** \brief Internal: the shared area layout does not match. */
   VMK_SHAREDAREA_MISMATCH = 0x0bad00b5,
   /** \brief Starting the program failed. */
   VMK_EXEC_FAILURE = 0x0bad00b6,
   /** \brief The module ID does not name a valid module. */
   VMK_INVALID_MODULE = 0x0bad00b7,
   /** \brief The address is not aligned as required. */
   VMK_UNALIGNED_ADDRESS = 0x0bad00b8,
   /** \brief The object is not mapped. */
   VMK_NOT_MAPPED = 0x0bad00b9,
   /** \brief No room is left for the message. */
   VMK_NO_MESSAGE_SPACE = 0x0bad00ba,
   /** \brief The exception handler is invalid. */
   VMK_EXCEPTION_HANDLER_INVALID = 0x0bad00bb,
   /** \brief The exception was not handled. */
   VMK_EXCEPTION_NOT_HANDLED = 0x0bad00bc,
   /** \brief The file cannot be opened by several writers. */
   VMK_INVALID_MULTIWRITER_OBJECT = 0x0bad00bd,
   /** \brief The storage operation should be retried. */
   VMK_STORAGE_RETRY_OPERATION = 0x0bad00be,
   /** \brief The host bus adapter reported an error. */
   VMK_HBA_ERROR = 0x0bad00bf,
   /** \brief A timer could not be initialised. */
   VMK_TIMER_INIT_FAILED = 0x0bad00c0,
   /** \brief No module of that name was found. */
   VMK_MODULE_NOT_FOUND = 0x0bad00c1,
   /** \brief The caller does not own the socket. */
   VMK_NOT_SOCKET_OWNER = 0x0bad00c2,
   /** \brief No VSI handler exists for the node. */
   VMK_VSI_HANDLER_NOT_FOUND = 0x0bad00c3,
   /** \brief User worlds: invalid mmap protection flags. */
   VMK_INVALID_MMAPPROTFLAGS = 0x0bad00c4,
   /** \brief User worlds: invalid contiguous mapping size. */
   VMK_INVALID_MAPCONTIG_SIZE = 0x0bad00c5,
   /** \brief User worlds: invalid contiguous mapping maximum. */
   VMK_INVALID_MAPCONTIG_MAX = 0x0bad00c6,
   /** \brief User worlds: invalid contiguous mapping flag. */
   VMK_INVALID_MAPCONTIG_FLAG = 0x0bad00c7,
   /** \brief Internal: the mapping information is not lazy. */
   VMK_NOT_LAZY_MMINFO = 0x0bad00c8,
   /** \brief Internal: the mapping information cannot be split. */
   VMK_MMINFO_WONT_SPLIT = 0x0bad00c9,
   /** \brief No cache information is available. */
   VMK_NO_CACHE_INFO = 0x0bad00ca,
   /** \brief Pinned memory cannot be remapped. */
   VMK_CANNOT_REMAP_PINNED_MEMORY = 0x0bad00cb,
   /** \brief User worlds: no such process group. */
   VMK_NO_SUCH_CARTELGROUP = 0x0bad00cc,
   /** \brief Spinlock statistics are disabled. */
   VMK_SPLOCKSTATS_DISABLED = 0x0bad00cd,
   /** \brief The tar image is invalid. */
   VMK_BAD_TAR_IMAGE = 0x0bad00ce,
   /** \brief The file is already branched. */
   VMK_BRANCHED_ALREADY = 0x0bad00cf,
   /** \brief The name is reserved for a branch. */
   VMK_NAME_RESERVED_FOR_BRANCH = 0x0bad00d0,
   /** \brief An unlinked file cannot be branched. */
   VMK_CANNOT_BRANCH_UNLINKED = 0x0bad00d1,
   /** \brief The operation was retried the most times allowed. */
   VMK_MAX_RETRIES_EXCEEDED = 0x0bad00d2,
   /** \brief An optimistic lock was taken over by someone else. */
   VMK_OPTLOCK_STOLEN = 0x0bad00d3,
   /** \brief The object cannot be memory-mapped. */
   VMK_NOT_MMAPABLE = 0x0bad00d4,
   /** \brief The CPU affinity is invalid. */
   VMK_INVALID_CPU_AFFINITY = 0x0bad00d5,
   /** \brief The device is not part of the logical volume. */
   VMK_DEVICE_NOT_PARTOF_LV = 0x0bad00d6,
   /** \brief No space is left on the device or in the container. */
   VMK_NO_SPACE = 0x0bad00d7,
   /** \brief The VSI node ID is invalid. */
   VMK_VSI_INVALID_NODE_ID = 0x0bad00d8,
   /** \brief Too many users of the object. */
   VMK_TOO_MANY_USERS = 0x0bad00d9,
   /** \brief The operation is already in progress (EALREADY). */
   VMK_EALREADY = 0x0bad00da,
   /** \brief The buffer is too small. */
   VMK_BUF_TOO_SMALL = 0x0bad00db,
   /** \brief Snapshot devices are not allowed here. */
   VMK_SNAPSHOT_DEV_DISALLOWED = 0x0bad00dc,
   /** \brief A device of the logical volume is unreachable. */
   VMK_LVM_DEVICE_UNREACHABLE = 0x0bad00dd,
   /** \brief Scheduler: invalid CPU resource units. */
   VMK_CPU_INVALID_RESOURCE_UNITS = 0x0bad00de,
   /** \brief Memory scheduler: invalid resource units. */
   VMK_MEM_INVALID_RESOURCE_UNITS = 0x0bad00df,
   /** \brief The operation was aborted. */
   VMK_ABORTED = 0x0bad00e0,
   /** \brief Memory scheduler: the reservation is below what is reserved. */
   VMK_MEM_MIN_LT_RESERVED = 0x0bad00e1,
   /** \brief Memory scheduler: the reservation is below what is consumed. */
   VMK_MEM_MIN_LT_CONSUMED = 0x0bad00e2,
   /** \brief Memory scheduler: the limit is below what is consumed. */
   VMK_MEM_MAX_LT_CONSUMED = 0x0bad00e3,
   /** \brief A timeout that should be retried (no longer used). */
   VMK_TIMEOUT_RETRY_DEPRECATED = 0x0bad00e4,
   /** \brief A SCSI reservation was lost. */
   VMK_RESERVATION_LOST = 0x0bad00e5,
   /** \brief Cached file-system metadata is stale. */
   VMK_FS_STALE_METADATA = 0x0bad00e6,
   /** \brief No fcntl lock is held. */
   VMK_NO_FCNTL_LOCK = 0x0bad00e7,
   /** \brief The fcntl lock has no holder. */
   VMK_NO_FCNTL_LOCK_HOLDER = 0x0bad00e8,
   /** \brief No license for the feature. */
   VMK_NO_LICENSE = 0x0bad00e9,
   /** \brief No VSI module of that name. */
   VMK_VSI_MODULE_NOT_FOUND = 0x0bad00ea,
   /** \brief The logical-volume operation should be retried. */
   VMK_LVM_RETRY_OPERATION = 0x0bad00eb,
   /** \brief The snapshot logical volume is incomplete. */
   VMK_SNAPSHOT_LV_INCOMPLETE = 0x0bad00ec,
   /** \brief No medium is in the drive. */
   VMK_MEDIUM_NOT_FOUND = 0x0bad00ed,
   /** \brief The most storage paths allowed are already claimed. */
   VMK_MAX_PATHS_CLAIMED = 0x0bad00ee,
   /** \brief The volume cannot be mounted. */
   VMK_NOT_MOUNTABLE = 0x0bad00ef,
   /** \brief The memory size exceeds its limit. */
   VMK_MEMSIZE_GT_MEMSIZELIMIT = 0x0bad00f0,
   /** \brief Record/replay: writing the log failed. */
   VMK_RECORD_WRITE_ERROR = 0x0bad00f1,
   /** \brief Record/replay: reading the log failed. */
   VMK_REPLAY_READ_ERROR = 0x0bad00f2,
   /** \brief Record/replay: the log entry has an unexpected type. */
   VMK_REPLAY_TYPE_MISMATCH = 0x0bad00f3,
   /** \brief Record/replay: the replay diverged from the recording. */
   VMK_REPLAY_DIVERGENCE = 0x0bad00f4,
   /** \brief Fault tolerance: the peer VM is not responding. */
   VMK_FT_NOT_RESPONDING = 0x0bad00f5,
   /** \brief Record/replay: network replay failed. */
   VMK_NET_REPLAY_ERROR = 0x0bad00f6,
   /** \brief The VOB ID is invalid. */
   VMK_VOBERR_INVALID_VOBID = 0x0bad00f7,
   /** \brief The VOB format has too many arguments. */
   VMK_VOBERR_FMT_LIMIT_EXCEEDED = 0x0bad00f8,
   /** \brief The VOB format string is invalid. */
   VMK_VOBERR_INVALID_FMT_STRING = 0x0bad00f9,
   /** \brief A VOB attribute is invalid. */
   VMK_VOBERR_INVALID_ATTR = 0x0bad00fa,
   /** \brief The ELF file is corrupt. */
   VMK_ELF_CORRUPT = 0x0bad00fb,
   /** \brief The address is not available (EADDRNOTAVAIL). */
   VMK_EADDRNOTAVAIL = 0x0bad00fc,
   /** \brief A destination address is required (EDESTADDRREQ). */
   VMK_EDESTADDRREQ = 0x0bad00fd,
   /** \brief Logical-volume metadata is stale. */
   VMK_LVM_STALE_METADATA = 0x0bad00fe,
   /** \brief No RPC table is registered. */
   VMK_NO_RPC_TABLE = 0x0bad00ff,
   /** \brief The unique ID is already in use. */
   VMK_DUPLICATE_UID = 0x0bad0100,
   /** \brief A module symbol could not be resolved. */
   VMK_UNRESOLVED_SYMBOL = 0x0bad0101,
   /** \brief The device is not owned by the caller. */
   VMK_DEVICE_NOT_OWNED = 0x0bad0102,
   /** \brief The device has no name. */
   VMK_DEVICE_NOT_NAMED = 0x0bad0103,
   /** \brief The protocol is not supported (EPROTONOSUPPORT). */
   VMK_EPROTONOSUPPORT = 0x0bad0104,
   /** \brief The operation is not supported on the socket (EOPNOTSUPP). */
   VMK_EOPNOTSUPP = 0x0bad0105,
   /** \brief No such VMkernel call. */
   VMK_UNDEFINED_VMKCALL = 0x0bad0106,
   /** \brief vMotion: the switch-over would take too long. */
   VMK_MIGRATE_MAX_DOWNTIME_EXCEEDED = 0x0bad0107,
   /** \brief The lock already exists. */
   VMK_LOCK_EXISTS = 0x0bad0108,
   /** \brief vMotion: memory pre-copy makes no progress. */
   VMK_MIGRATE_PRECOPY_NO_FORWARD_PROGRESS = 0x0bad0109,
   /** \brief The unique ID of the object changed. */
   VMK_UID_CHANGED = 0x0bad010a,
   /** \brief vMotion: the connection to the other host failed. */
   VMK_VMOTION_CONNECT_FAILED = 0x0bad010b,
   /** \brief No migration is in progress. */
   VMK_NO_MIGRATION_IN_PROGRESS = 0x0bad010c,
   /** \brief The executable is busy (ETXTBSY). */
   VMK_EXEC_FILE_BUSY = 0x0bad010d,
   /** \brief A file-system operation timed out and should be retried. */
   VMK_FS_TIMEOUT_RETRY = 0x0bad010e,
   /** \brief A copy-on-write operation timed out and should be retried. */
   VMK_COW_TIMEOUT_RETRY = 0x0bad010f,
   /** \brief A file lock is changing state (no longer used). */
   VMK_FS_LOCKSTATE_IN_TRANSITION_DEPRECATED = 0x0bad0110,
   /** \brief A file-system lock was lost. */
   VMK_FS_LOCK_LOST = 0x0bad0111,
   /** \brief The device is full. */
   VMK_NO_SPACE_ON_DEVICE = 0x0bad0112,
   /** \brief A value is too large for its type (EOVERFLOW). */
   VMK_EOVERFLOW = 0x0bad0113,
   /** \brief Memory scheduler: the shares are invalid. */
   VMK_MEM_SHARES_INVALID = 0x0bad0114,
   /** \brief A lock-free logical-volume operation was inconsistent. */
   VMK_LVM_INCONSISTENT_LOCKLESSOP = 0x0bad0115,
   /** \brief The security label is invalid. */
   VMK_INVALID_SECURITY_LABEL = 0x0bad0116,
   /** \brief Access was denied by security policy. */
   VMK_ACCESS_DENIED = 0x0bad0117,
   /** \brief The work item has completed. */
   VMK_WORK_COMPLETED = 0x0bad0118,
   /** \brief The work item is running. */
   VMK_WORK_RUNNING = 0x0bad0119,
   /** \brief The work item is queued. */
   VMK_WORK_PENDING = 0x0bad011a,
   /** \brief The work item is invalid. */
   VMK_WORK_INVALID = 0x0bad011b,
   /** \brief Too many VOBs are pending. */
   VMK_VOBERR_OVERFLOW = 0x0bad011c,
   /** \brief The VOB was posted from an invalid context. */
   VMK_VOBERR_INVALID_CONTEXT = 0x0bad011d,
   /** \brief Posting the VOB hit a lock conflict. */
   VMK_VOBERR_LOCK_CONFLICT = 0x0bad011e,
   /** \brief The operation should be tried again. */
   VMK_RETRY = 0x0bad011f,
   /** \brief The module has no heap, and the operation needs one. */
   VMK_NO_MODULE_HEAP = 0x0bad0120,
   /** \brief A page fault on a remote host failed. */
   VMK_REMOTE_PAGE_FAULT_FAILURE = 0x0bad0121,
   /** \brief The VSI data has the wrong length. */
   VMK_VSI_DATA_LENGTH_MISMATCH = 0x0bad0122,
   /** \brief A mapping could not be created. */
   VMK_MAPPING_FAILED = 0x0bad0123,
   /** \brief An atomic test-and-set found data other than expected. */
   VMK_ATS_MISCOMPARE = 0x0bad0124,
   /** \brief No buffer space was available. */
   VMK_NO_BUFFERSPACE = 0x0bad0125,
   /** \brief Fault tolerance is not running. */
   VMK_FT_NOT_RUNNING = 0x0bad0126,
   /** \brief The license does not match. */
   VMK_LICENSE_MISMATCH = 0x0bad0127,
   /** \brief The ELF file has relocations the loader does not know. */
   VMK_ELF_UNKNOWN_RELOCATIONS = 0x0bad0128,
   /** \brief The formatted message is longer than allowed. */
   VMK_MESSAGE_TOO_LONG = 0x0bad0129,
   /** \brief The namespace is invalid. */
   VMK_INVALID_NAMESPACE = 0x0bad012a,
   /** \brief The system or object is shutting down. */
   VMK_SHUTTING_DOWN = 0x0bad012b,
   /** \brief A free was skipped. */
   VMK_SKIPPED_FREE = 0x0bad012c,
   /** \brief A VMFS operation was aborted. */
   VMK_VMFS_ABORTED = 0x0bad012d,
   /** \brief Tar disks are read-only. */
   VMK_NO_WRITE_ON_TARDISKS = 0x0bad012e,
   /** \brief Storage vMotion: the I/O should be retried. */
   VMK_SVM_IO_RETRY = 0x0bad012f,
   /** \brief The module declares no license. */
   VMK_MODULE_NO_LICENSE = 0x0bad0130,
   /** \brief The module's license is not known. */
   VMK_MODULE_UNKNOWN_LICENSE = 0x0bad0131,
   /** \brief The device is permanently lost. */
   VMK_PERM_DEV_LOSS = 0x0bad0132,
   /** \brief Space-efficient disk: the I/O should be retried. */
   VMK_SE_IO_RETRY = 0x0bad0133,
   /** \brief The address space is invalid. */
   VMK_BAD_ADDR_SPACE = 0x0bad0134,
   /** \brief Memory could not be mapped within a DMA engine's constraints. */
   VMK_DMA_MAPPING_FAILED = 0x0bad0135,
   /** \brief The reservation asked for is above the limit. */
   VMK_RESERVATION_GT_LIMIT = 0x0bad0136,
   /**
    * \brief The module provides or needs no namespace where one is required.
    */
   VMK_MODULE_NONAMESPACE = 0x0bad0137,
   /** \brief The file-system object was unlinked. */
   VMK_FS_OBJECT_UNLINKED = 0x0bad0138,
   /** \brief Replication: the instance was aborted. */
   VMK_HBR_WIRE_INSTANCE_ABORTED = 0x0bad0139,
   /** \brief Replication: a full synchronisation is needed. */
   VMK_HBR_WIRE_NEED_FULL_SYNC = 0x0bad013a,
   /** \brief Replication: the set of disks does not match. */
   VMK_HBR_WIRE_DISK_SET_MISMATCH = 0x0bad013b,
   /** \brief Replication: a request checksum did not match. */
   VMK_HBR_WIRE_REQUEST_CHECKSUM_MISMATCH = 0x0bad013c,
   /** \brief Replication: a response checksum did not match. */
   VMK_HBR_WIRE_RESPONSE_CHECKSUM_MISMATCH = 0x0bad013d,
   /** \brief Replication: the group was removed. */
   VMK_HBR_WIRE_GROUP_REMOVED = 0x0bad013e,
   /** \brief Replication: the group session was revoked. */
   VMK_HBR_WIRE_GROUP_SESSION_REVOKED = 0x0bad013f,
   /** \brief Replication: the wire protocol data is corrupt. */
   VMK_HBR_WIRE_PROTOCOL_CORRUPTED = 0x0bad0140,
   /** \brief The virtual switch handle cannot be used for changes. */
   VMK_PORTSET_HANDLE_NOT_MUTABLE = 0x0bad0141,
   /** \brief I/O must be suspended. */
   VMK_SUSPEND_IO = 0x0bad0142,
   /** \brief No working path to the storage device is left. */
   VMK_NO_WORKING_PATHS = 0x0bad0143,
   /** \brief Wrong protocol type for the socket (EPROTOTYPE). */
   VMK_EPROTOTYPE = 0x0bad0144,
   /** \brief The module still holds resources and cannot unload. */
   VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO = 0x0bad0145,
   /** \brief Replication: the server does not support the request. */
   VMK_HBR_SERVER_DOES_NOT_SUPPORT_REQUEST = 0x0bad0146,
   /** \brief The file handle is stale (ESTALE). */
   VMK_STALE_FILEHANDLE = 0x0bad0147,
   /** \brief The virtual volume is not bound. */
   VMK_VVOL_UNBOUND = 0x0bad0148,
   /** \brief The device is not ready; the open fails. */
   VMK_DEVICE_NOT_READY_FAIL_OPEN = 0x0bad0149,
   /** \brief The interrupt on a shared line was not raised by this device. */
   VMK_NOT_THIS_DEVICE = 0x0bad014a,
   /** \brief The event should be ignored. */
   VMK_IGNORE = 0x0bad014b,
   /** \brief The object was destroyed. */
   VMK_OBJECT_DESTROYED = 0x0bad014c,
   /** \brief The virtual volume's protocol endpoint is not ready. */
   VMK_VVOL_PE_NOT_READY = 0x0bad014d,
   /** \brief SCSI protection information: the guard check failed. */
   VMK_SCSI_PI_GUARD_ERROR = 0x0bad014e,
   /** \brief SCSI protection information: the reference tag check failed. */
   VMK_SCSI_PI_REF_ERROR = 0x0bad014f,
   /** \brief Resource metadata is stale. */
   VMK_RES_META_STALE = 0x0bad0150,
   /** \brief The memory is not pinned. */
   VMK_NOT_PINNED = 0x0bad0151,
   /** \brief The swap scope is invalid. */
   VMK_BAD_SWAP_SCOPE = 0x0bad0152,
   /** \brief Memory is still consumed. */
   VMK_CONSUMED_GT_ZERO = 0x0bad0153,
   /** \brief The lock is held by a transaction that did not finish. */
   VMK_LOCK_HELD_BY_ZOMBIE_TXN = 0x0bad0154,
   /**
    * \brief Base of statuses that wrap a Linux error number (vmklinux drivers).
    */
   VMK_GENERIC_LINUX_ERROR = 0x2bad0000,
} VMK_ReturnStatus;

/** \} */

#endif /* _VMKAPI_STATUS_H_ */
