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
 * \brief Status returned by vmkapi calls.
 */
typedef enum {
   /** \brief Ok. */
   VMK_OK = 0,
   /** \brief Failure. */
   VMK_FAILURE = 0x0bad0001,
   /** \brief Would block. */
   VMK_WOULD_BLOCK = 0x0bad0002,
   /** \brief Not found. */
   VMK_NOT_FOUND = 0x0bad0003,
   /** \brief Busy. */
   VMK_BUSY = 0x0bad0004,
   /** \brief Exists. */
   VMK_EXISTS = 0x0bad0005,
   /** \brief Limit exceeded. */
   VMK_LIMIT_EXCEEDED = 0x0bad0006,
   /** \brief Bad param. */
   VMK_BAD_PARAM = 0x0bad0007,
   /** \brief Metadata read error. */
   VMK_METADATA_READ_ERROR = 0x0bad0008,
   /** \brief Metadata write error. */
   VMK_METADATA_WRITE_ERROR = 0x0bad0009,
   /** \brief Io error. */
   VMK_IO_ERROR = 0x0bad000a,
   /** \brief Read error. */
   VMK_READ_ERROR = 0x0bad000b,
   /** \brief Write error. */
   VMK_WRITE_ERROR = 0x0bad000c,
   /** \brief Invalid name. */
   VMK_INVALID_NAME = 0x0bad000d,
   /** \brief Invalid handle. */
   VMK_INVALID_HANDLE = 0x0bad000e,
   /** \brief Invalid adapter. */
   VMK_INVALID_ADAPTER = 0x0bad000f,
   /** \brief Invalid target. */
   VMK_INVALID_TARGET = 0x0bad0010,
   /** \brief Invalid partition. */
   VMK_INVALID_PARTITION = 0x0bad0011,
   /** \brief Invalid fs. */
   VMK_INVALID_FS = 0x0bad0012,
   /** \brief Invalid memmap. */
   VMK_INVALID_MEMMAP = 0x0bad0013,
   /** \brief No memory. */
   VMK_NO_MEMORY = 0x0bad0014,
   /** \brief No memory retry. */
   VMK_NO_MEMORY_RETRY = 0x0bad0015,
   /** \brief No lpage memory. */
   VMK_NO_LPAGE_MEMORY = 0x0bad0016,
   /** \brief No resources. */
   VMK_NO_RESOURCES = 0x0bad0017,
   /** \brief No free handles. */
   VMK_NO_FREE_HANDLES = 0x0bad0018,
   /** \brief Num handles exceeded. */
   VMK_NUM_HANDLES_EXCEEDED = 0x0bad0019,
   /** \brief Deprecated no free ptr blocks. */
   VMK_DEPRECATED_NO_FREE_PTR_BLOCKS = 0x0bad001a,
   /** \brief Deprecated no free data blocks. */
   VMK_DEPRECATED_NO_FREE_DATA_BLOCKS = 0x0bad001b,
   /** \brief Corrupt redolog. */
   VMK_CORRUPT_REDOLOG = 0x0bad001c,
   /** \brief Status pending. */
   VMK_STATUS_PENDING = 0x0bad001d,
   /** \brief Status free. */
   VMK_STATUS_FREE = 0x0bad001e,
   /** \brief Unsupported cpu. */
   VMK_UNSUPPORTED_CPU = 0x0bad001f,
   /** \brief Not supported. */
   VMK_NOT_SUPPORTED = 0x0bad0020,
   /** \brief Timeout. */
   VMK_TIMEOUT = 0x0bad0021,
   /** \brief Read only. */
   VMK_READ_ONLY = 0x0bad0022,
   /** \brief Reservation conflict. */
   VMK_RESERVATION_CONFLICT = 0x0bad0023,
   /** \brief Fs locked. */
   VMK_FS_LOCKED = 0x0bad0024,
   /** \brief Not enough slots. */
   VMK_NOT_ENOUGH_SLOTS = 0x0bad0025,
   /** \brief Invalid address. */
   VMK_INVALID_ADDRESS = 0x0bad0026,
   /** \brief Not shared. */
   VMK_NOT_SHARED = 0x0bad0027,
   /** \brief Shared. */
   VMK_SHARED = 0x0bad0028,
   /** \brief Kseg pair flushed. */
   VMK_KSEG_PAIR_FLUSHED = 0x0bad0029,
   /** \brief Max asyncio pending. */
   VMK_MAX_ASYNCIO_PENDING = 0x0bad002a,
   /** \brief Version mismatch minor. */
   VMK_VERSION_MISMATCH_MINOR = 0x0bad002b,
   /** \brief Version mismatch major. */
   VMK_VERSION_MISMATCH_MAJOR = 0x0bad002c,
   /** \brief Is connected. */
   VMK_IS_CONNECTED = 0x0bad002d,
   /** \brief Is disconnected. */
   VMK_IS_DISCONNECTED = 0x0bad002e,
   /** \brief Is enabled. */
   VMK_IS_ENABLED = 0x0bad002f,
   /** \brief Is disabled. */
   VMK_IS_DISABLED = 0x0bad0030,
   /** \brief Not initialized. */
   VMK_NOT_INITIALIZED = 0x0bad0031,
   /** \brief Wait interrupted. */
   VMK_WAIT_INTERRUPTED = 0x0bad0032,
   /** \brief Name too long. */
   VMK_NAME_TOO_LONG = 0x0bad0033,
   /** \brief Missing fs pes. */
   VMK_MISSING_FS_PES = 0x0bad0034,
   /** \brief Nicteaming valid master. */
   VMK_NICTEAMING_VALID_MASTER = 0x0bad0035,
   /** \brief Nicteaming slave. */
   VMK_NICTEAMING_SLAVE = 0x0bad0036,
   /** \brief Nicteaming regular vmnic. */
   VMK_NICTEAMING_REGULAR_VMNIC = 0x0bad0037,
   /** \brief Abort not running. */
   VMK_ABORT_NOT_RUNNING = 0x0bad0038,
   /** \brief Not ready. */
   VMK_NOT_READY = 0x0bad0039,
   /** \brief Checksum mismatch. */
   VMK_CHECKSUM_MISMATCH = 0x0bad003a,
   /** \brief Vlan no hw accel. */
   VMK_VLAN_NO_HW_ACCEL = 0x0bad003b,
   /** \brief No vlan support. */
   VMK_NO_VLAN_SUPPORT = 0x0bad003c,
   /** \brief Not vlan handle. */
   VMK_NOT_VLAN_HANDLE = 0x0bad003d,
   /** \brief Bad vlanid. */
   VMK_BAD_VLANID = 0x0bad003e,
   /** \brief Mig conn closed. */
   VMK_MIG_CONN_CLOSED = 0x0bad003f,
   /** \brief No connect. */
   VMK_NO_CONNECT = 0x0bad0040,
   /** \brief Segment overlap. */
   VMK_SEGMENT_OVERLAP = 0x0bad0041,
   /** \brief Bad mps. */
   VMK_BAD_MPS = 0x0bad0042,
   /** \brief Bad acpi. */
   VMK_BAD_ACPI = 0x0bad0043,
   /** \brief Resume error. */
   VMK_RESUME_ERROR = 0x0bad0044,
   /** \brief No address space. */
   VMK_NO_ADDRESS_SPACE = 0x0bad0045,
   /** \brief Bad addr range. */
   VMK_BAD_ADDR_RANGE = 0x0bad0046,
   /** \brief Enetdown. */
   VMK_ENETDOWN = 0x0bad0047,
   /** \brief Enetunreach. */
   VMK_ENETUNREACH = 0x0bad0048,
   /** \brief Enetreset. */
   VMK_ENETRESET = 0x0bad0049,
   /** \brief Econnaborted. */
   VMK_ECONNABORTED = 0x0bad004a,
   /** \brief Econnreset. */
   VMK_ECONNRESET = 0x0bad004b,
   /** \brief Enotconn. */
   VMK_ENOTCONN = 0x0bad004c,
   /** \brief Eshutdown. */
   VMK_ESHUTDOWN = 0x0bad004d,
   /** \brief Etoomanyrefs. */
   VMK_ETOOMANYREFS = 0x0bad004e,
   /** \brief Econnrefused. */
   VMK_ECONNREFUSED = 0x0bad004f,
   /** \brief Ehostdown. */
   VMK_EHOSTDOWN = 0x0bad0050,
   /** \brief Ehostunreach. */
   VMK_EHOSTUNREACH = 0x0bad0051,
   /** \brief Eaddrinuse. */
   VMK_EADDRINUSE = 0x0bad0052,
   /** \brief Broken pipe. */
   VMK_BROKEN_PIPE = 0x0bad0053,
   /** \brief Not a directory. */
   VMK_NOT_A_DIRECTORY = 0x0bad0054,
   /** \brief Is a directory. */
   VMK_IS_A_DIRECTORY = 0x0bad0055,
   /** \brief Not empty. */
   VMK_NOT_EMPTY = 0x0bad0056,
   /** \brief Not implemented. */
   VMK_NOT_IMPLEMENTED = 0x0bad0057,
   /** \brief No signal handler. */
   VMK_NO_SIGNAL_HANDLER = 0x0bad0058,
   /** \brief Fatal signal blocked. */
   VMK_FATAL_SIGNAL_BLOCKED = 0x0bad0059,
   /** \brief No access. */
   VMK_NO_ACCESS = 0x0bad005a,
   /** \brief No permission. */
   VMK_NO_PERMISSION = 0x0bad005b,
   /** \brief Undefined syscall. */
   VMK_UNDEFINED_SYSCALL = 0x0bad005c,
   /** \brief Result too large. */
   VMK_RESULT_TOO_LARGE = 0x0bad005d,
   /** \brief Vlan filtered. */
   VMK_VLAN_FILTERED = 0x0bad005e,
   /** \brief Bad excframe. */
   VMK_BAD_EXCFRAME = 0x0bad005f,
   /** \brief Module not loaded. */
   VMK_MODULE_NOT_LOADED = 0x0bad0060,
   /** \brief No such zombie. */
   VMK_NO_SUCH_ZOMBIE = 0x0bad0061,
   /** \brief No such cartel. */
   VMK_NO_SUCH_CARTEL = 0x0bad0062,
   /** \brief Is a symlink. */
   VMK_IS_A_SYMLINK = 0x0bad0063,
   /** \brief Cross device link. */
   VMK_CROSS_DEVICE_LINK = 0x0bad0064,
   /** \brief Not a socket. */
   VMK_NOT_A_SOCKET = 0x0bad0065,
   /** \brief Illegal seek. */
   VMK_ILLEGAL_SEEK = 0x0bad0066,
   /** \brief Addrfam unsupp. */
   VMK_ADDRFAM_UNSUPP = 0x0bad0067,
   /** \brief Already connected. */
   VMK_ALREADY_CONNECTED = 0x0bad0068,
   /** \brief Death pending. */
   VMK_DEATH_PENDING = 0x0bad0069,
   /** \brief No cpu assignment. */
   VMK_NO_CPU_ASSIGNMENT = 0x0bad006a,
   /** \brief Cpu min invalid. */
   VMK_CPU_MIN_INVALID = 0x0bad006b,
   /** \brief Cpu minlimit invalid. */
   VMK_CPU_MINLIMIT_INVALID = 0x0bad006c,
   /** \brief Cpu max invalid. */
   VMK_CPU_MAX_INVALID = 0x0bad006d,
   /** \brief Cpu shares invalid. */
   VMK_CPU_SHARES_INVALID = 0x0bad006e,
   /** \brief Cpu min overflow. */
   VMK_CPU_MIN_OVERFLOW = 0x0bad006f,
   /** \brief Cpu minlimit overflow. */
   VMK_CPU_MINLIMIT_OVERFLOW = 0x0bad0070,
   /** \brief Cpu max overflow. */
   VMK_CPU_MAX_OVERFLOW = 0x0bad0071,
   /** \brief Cpu min gt minlimit. */
   VMK_CPU_MIN_GT_MINLIMIT = 0x0bad0072,
   /** \brief Cpu min gt max. */
   VMK_CPU_MIN_GT_MAX = 0x0bad0073,
   /** \brief Cpu minlimit lt reserved. */
   VMK_CPU_MINLIMIT_LT_RESERVED = 0x0bad0074,
   /** \brief Cpu max lt reserved. */
   VMK_CPU_MAX_LT_RESERVED = 0x0bad0075,
   /** \brief Cpu admit failed. */
   VMK_CPU_ADMIT_FAILED = 0x0bad0076,
   /** \brief Mem min invalid. */
   VMK_MEM_MIN_INVALID = 0x0bad0077,
   /** \brief Mem minlimit invalid. */
   VMK_MEM_MINLIMIT_INVALID = 0x0bad0078,
   /** \brief Mem max invalid. */
   VMK_MEM_MAX_INVALID = 0x0bad0079,
   /** \brief Mem min overflow. */
   VMK_MEM_MIN_OVERFLOW = 0x0bad007a,
   /** \brief Mem minlimit overflow. */
   VMK_MEM_MINLIMIT_OVERFLOW = 0x0bad007b,
   /** \brief Mem max overflow. */
   VMK_MEM_MAX_OVERFLOW = 0x0bad007c,
   /** \brief Mem min gt minlimit. */
   VMK_MEM_MIN_GT_MINLIMIT = 0x0bad007d,
   /** \brief Mem min gt max. */
   VMK_MEM_MIN_GT_MAX = 0x0bad007e,
   /** \brief Mem minlimit lt reserved. */
   VMK_MEM_MINLIMIT_LT_RESERVED = 0x0bad007f,
   /** \brief Mem max lt reserved. */
   VMK_MEM_MAX_LT_RESERVED = 0x0bad0080,
   /** \brief Mem admit failed. */
   VMK_MEM_ADMIT_FAILED = 0x0bad0081,
   /** \brief No swap file. */
   VMK_NO_SWAP_FILE = 0x0bad0082,
   /** \brief Bad param count. */
   VMK_BAD_PARAM_COUNT = 0x0bad0083,
   /** \brief Bad param type. */
   VMK_BAD_PARAM_TYPE = 0x0bad0084,
   /** \brief Unmap retry. */
   VMK_UNMAP_RETRY = 0x0bad0085,
   /** \brief Invalid ioctl. */
   VMK_INVALID_IOCTL = 0x0bad0086,
   /** \brief Mapfault retry. */
   VMK_MAPFAULT_RETRY = 0x0bad0087,
   /** \brief Einprogress. */
   VMK_EINPROGRESS = 0x0bad0088,
   /** \brief Addr unmapped. */
   VMK_ADDR_UNMAPPED = 0x0bad0089,
   /** \brief Invalid buddy type. */
   VMK_INVALID_BUDDY_TYPE = 0x0bad008a,
   /** \brief Lpage info not found. */
   VMK_LPAGE_INFO_NOT_FOUND = 0x0bad008b,
   /** \brief Lpage info invalid. */
   VMK_LPAGE_INFO_INVALID = 0x0bad008c,
   /** \brief Snapshot dev. */
   VMK_SNAPSHOT_DEV = 0x0bad008d,
   /** \brief In transition. */
   VMK_IN_TRANSITION = 0x0bad008e,
   /** \brief Txn full. */
   VMK_TXN_FULL = 0x0bad008f,
   /** \brief Lock not free. */
   VMK_LOCK_NOT_FREE = 0x0bad0090,
   /** \brief Num files exceeded. */
   VMK_NUM_FILES_EXCEEDED = 0x0bad0091,
   /** \brief Migrate vmx failure. */
   VMK_MIGRATE_VMX_FAILURE = 0x0bad0092,
   /** \brief Vsi list overflow. */
   VMK_VSI_LIST_OVERFLOW = 0x0bad0093,
   /** \brief Invalid world. */
   VMK_INVALID_WORLD = 0x0bad0094,
   /** \brief Invalid vmm. */
   VMK_INVALID_VMM = 0x0bad0095,
   /** \brief Invalid txn. */
   VMK_INVALID_TXN = 0x0bad0096,
   /** \brief Fs retry operation. */
   VMK_FS_RETRY_OPERATION = 0x0bad0097,
   /** \brief Vcpu limit exceeded. */
   VMK_VCPU_LIMIT_EXCEEDED = 0x0bad0098,
   /** \brief Invalid metadata. */
   VMK_INVALID_METADATA = 0x0bad0099,
   /** \brief Invalid page number. */
   VMK_INVALID_PAGE_NUMBER = 0x0bad009a,
   /** \brief Not exec. */
   VMK_NOT_EXEC = 0x0bad009b,
   /** \brief Nfs connect failure. */
   VMK_NFS_CONNECT_FAILURE = 0x0bad009c,
   /** \brief Nfs mount not supported. */
   VMK_NFS_MOUNT_NOT_SUPPORTED = 0x0bad009d,
   /** \brief Nfs nfs not supported. */
   VMK_NFS_NFS_NOT_SUPPORTED = 0x0bad009e,
   /** \brief Nfs mount denied. */
   VMK_NFS_MOUNT_DENIED = 0x0bad009f,
   /** \brief Nfs mount not dir. */
   VMK_NFS_MOUNT_NOT_DIR = 0x0bad00a0,
   /** \brief Nfs bad fsinfo. */
   VMK_NFS_BAD_FSINFO = 0x0bad00a1,
   /** \brief Nfs volume limit exceeded. */
   VMK_NFS_VOLUME_LIMIT_EXCEEDED = 0x0bad00a2,
   /** \brief No memory nice. */
   VMK_NO_MEMORY_NICE = 0x0bad00a3,
   /** \brief Migrate preemptive fail. */
   VMK_MIGRATE_PREEMPTIVE_FAIL = 0x0bad00a4,
   /** \brief Cache miss. */
   VMK_CACHE_MISS = 0x0bad00a5,
   /** \brief Stress induced error. */
   VMK_STRESS_INDUCED_ERROR = 0x0bad00a6,
   /** \brief Too many lock holders. */
   VMK_TOO_MANY_LOCK_HOLDERS = 0x0bad00a7,
   /** \brief No journal. */
   VMK_NO_JOURNAL = 0x0bad00a8,
   /** \brief Rank violation. */
   VMK_RANK_VIOLATION = 0x0bad00a9,
   /** \brief Module failed. */
   VMK_MODULE_FAILED = 0x0bad00aa,
   /** \brief No master pty. */
   VMK_NO_MASTER_PTY = 0x0bad00ab,
   /** \brief Not ioable. */
   VMK_NOT_IOABLE = 0x0bad00ac,
   /** \brief No free inodes. */
   VMK_NO_FREE_INODES = 0x0bad00ad,
   /** \brief No memory for filedata. */
   VMK_NO_MEMORY_FOR_FILEDATA = 0x0bad00ae,
   /** \brief No tar space. */
   VMK_NO_TAR_SPACE = 0x0bad00af,
   /** \brief No fifo reader. */
   VMK_NO_FIFO_READER = 0x0bad00b0,
   /** \brief No such device. */
   VMK_NO_SUCH_DEVICE = 0x0bad00b1,
   /** \brief Mem min gt memsize. */
   VMK_MEM_MIN_GT_MEMSIZE = 0x0bad00b2,
   /** \brief No such vt. */
   VMK_NO_SUCH_VT = 0x0bad00b3,
   /** \brief Too many elements. */
   VMK_TOO_MANY_ELEMENTS = 0x0bad00b4,
   /** \brief Sharedarea mismatch. */
   VMK_SHAREDAREA_MISMATCH = 0x0bad00b5,
   /** \brief Exec failure. */
   VMK_EXEC_FAILURE = 0x0bad00b6,
   /** \brief Invalid module. */
   VMK_INVALID_MODULE = 0x0bad00b7,
   /** \brief Unaligned address. */
   VMK_UNALIGNED_ADDRESS = 0x0bad00b8,
   /** \brief Not mapped. */
   VMK_NOT_MAPPED = 0x0bad00b9,
   /** \brief No message space. */
   VMK_NO_MESSAGE_SPACE = 0x0bad00ba,
   /** \brief Exception handler invalid. */
   VMK_EXCEPTION_HANDLER_INVALID = 0x0bad00bb,
   /** \brief Exception not handled. */
   VMK_EXCEPTION_NOT_HANDLED = 0x0bad00bc,
   /** \brief Invalid multiwriter object. */
   VMK_INVALID_MULTIWRITER_OBJECT = 0x0bad00bd,
   /** \brief Storage retry operation. */
   VMK_STORAGE_RETRY_OPERATION = 0x0bad00be,
   /** \brief Hba error. */
   VMK_HBA_ERROR = 0x0bad00bf,
   /** \brief Timer init failed. */
   VMK_TIMER_INIT_FAILED = 0x0bad00c0,
   /** \brief Module not found. */
   VMK_MODULE_NOT_FOUND = 0x0bad00c1,
   /** \brief Not socket owner. */
   VMK_NOT_SOCKET_OWNER = 0x0bad00c2,
   /** \brief Vsi handler not found. */
   VMK_VSI_HANDLER_NOT_FOUND = 0x0bad00c3,
   /** \brief Invalid mmapprotflags. */
   VMK_INVALID_MMAPPROTFLAGS = 0x0bad00c4,
   /** \brief Invalid mapcontig size. */
   VMK_INVALID_MAPCONTIG_SIZE = 0x0bad00c5,
   /** \brief Invalid mapcontig max. */
   VMK_INVALID_MAPCONTIG_MAX = 0x0bad00c6,
   /** \brief Invalid mapcontig flag. */
   VMK_INVALID_MAPCONTIG_FLAG = 0x0bad00c7,
   /** \brief Not lazy mminfo. */
   VMK_NOT_LAZY_MMINFO = 0x0bad00c8,
   /** \brief Mminfo wont split. */
   VMK_MMINFO_WONT_SPLIT = 0x0bad00c9,
   /** \brief No cache info. */
   VMK_NO_CACHE_INFO = 0x0bad00ca,
   /** \brief Cannot remap pinned memory. */
   VMK_CANNOT_REMAP_PINNED_MEMORY = 0x0bad00cb,
   /** \brief No such cartelgroup. */
   VMK_NO_SUCH_CARTELGROUP = 0x0bad00cc,
   /** \brief Splockstats disabled. */
   VMK_SPLOCKSTATS_DISABLED = 0x0bad00cd,
   /** \brief Bad tar image. */
   VMK_BAD_TAR_IMAGE = 0x0bad00ce,
   /** \brief Branched already. */
   VMK_BRANCHED_ALREADY = 0x0bad00cf,
   /** \brief Name reserved for branch. */
   VMK_NAME_RESERVED_FOR_BRANCH = 0x0bad00d0,
   /** \brief Cannot branch unlinked. */
   VMK_CANNOT_BRANCH_UNLINKED = 0x0bad00d1,
   /** \brief Max retries exceeded. */
   VMK_MAX_RETRIES_EXCEEDED = 0x0bad00d2,
   /** \brief Optlock stolen. */
   VMK_OPTLOCK_STOLEN = 0x0bad00d3,
   /** \brief Not mmapable. */
   VMK_NOT_MMAPABLE = 0x0bad00d4,
   /** \brief Invalid cpu affinity. */
   VMK_INVALID_CPU_AFFINITY = 0x0bad00d5,
   /** \brief Device not partof lv. */
   VMK_DEVICE_NOT_PARTOF_LV = 0x0bad00d6,
   /** \brief No space. */
   VMK_NO_SPACE = 0x0bad00d7,
   /** \brief Vsi invalid node id. */
   VMK_VSI_INVALID_NODE_ID = 0x0bad00d8,
   /** \brief Too many users. */
   VMK_TOO_MANY_USERS = 0x0bad00d9,
   /** \brief Ealready. */
   VMK_EALREADY = 0x0bad00da,
   /** \brief Buf too small. */
   VMK_BUF_TOO_SMALL = 0x0bad00db,
   /** \brief Snapshot dev disallowed. */
   VMK_SNAPSHOT_DEV_DISALLOWED = 0x0bad00dc,
   /** \brief Lvm device unreachable. */
   VMK_LVM_DEVICE_UNREACHABLE = 0x0bad00dd,
   /** \brief Cpu invalid resource units. */
   VMK_CPU_INVALID_RESOURCE_UNITS = 0x0bad00de,
   /** \brief Mem invalid resource units. */
   VMK_MEM_INVALID_RESOURCE_UNITS = 0x0bad00df,
   /** \brief Aborted. */
   VMK_ABORTED = 0x0bad00e0,
   /** \brief Mem min lt reserved. */
   VMK_MEM_MIN_LT_RESERVED = 0x0bad00e1,
   /** \brief Mem min lt consumed. */
   VMK_MEM_MIN_LT_CONSUMED = 0x0bad00e2,
   /** \brief Mem max lt consumed. */
   VMK_MEM_MAX_LT_CONSUMED = 0x0bad00e3,
   /** \brief Timeout retry deprecated. */
   VMK_TIMEOUT_RETRY_DEPRECATED = 0x0bad00e4,
   /** \brief Reservation lost. */
   VMK_RESERVATION_LOST = 0x0bad00e5,
   /** \brief Fs stale metadata. */
   VMK_FS_STALE_METADATA = 0x0bad00e6,
   /** \brief No fcntl lock. */
   VMK_NO_FCNTL_LOCK = 0x0bad00e7,
   /** \brief No fcntl lock holder. */
   VMK_NO_FCNTL_LOCK_HOLDER = 0x0bad00e8,
   /** \brief No license. */
   VMK_NO_LICENSE = 0x0bad00e9,
   /** \brief Vsi module not found. */
   VMK_VSI_MODULE_NOT_FOUND = 0x0bad00ea,
   /** \brief Lvm retry operation. */
   VMK_LVM_RETRY_OPERATION = 0x0bad00eb,
   /** \brief Snapshot lv incomplete. */
   VMK_SNAPSHOT_LV_INCOMPLETE = 0x0bad00ec,
   /** \brief Medium not found. */
   VMK_MEDIUM_NOT_FOUND = 0x0bad00ed,
   /** \brief Max paths claimed. */
   VMK_MAX_PATHS_CLAIMED = 0x0bad00ee,
   /** \brief Not mountable. */
   VMK_NOT_MOUNTABLE = 0x0bad00ef,
   /** \brief Memsize gt memsizelimit. */
   VMK_MEMSIZE_GT_MEMSIZELIMIT = 0x0bad00f0,
   /** \brief Record write error. */
   VMK_RECORD_WRITE_ERROR = 0x0bad00f1,
   /** \brief Replay read error. */
   VMK_REPLAY_READ_ERROR = 0x0bad00f2,
   /** \brief Replay type mismatch. */
   VMK_REPLAY_TYPE_MISMATCH = 0x0bad00f3,
   /** \brief Replay divergence. */
   VMK_REPLAY_DIVERGENCE = 0x0bad00f4,
   /** \brief Ft not responding. */
   VMK_FT_NOT_RESPONDING = 0x0bad00f5,
   /** \brief Net replay error. */
   VMK_NET_REPLAY_ERROR = 0x0bad00f6,
   /** \brief Voberr invalid vobid. */
   VMK_VOBERR_INVALID_VOBID = 0x0bad00f7,
   /** \brief Voberr fmt limit exceeded. */
   VMK_VOBERR_FMT_LIMIT_EXCEEDED = 0x0bad00f8,
   /** \brief Voberr invalid fmt string. */
   VMK_VOBERR_INVALID_FMT_STRING = 0x0bad00f9,
   /** \brief Voberr invalid attr. */
   VMK_VOBERR_INVALID_ATTR = 0x0bad00fa,
   /** \brief Elf corrupt. */
   VMK_ELF_CORRUPT = 0x0bad00fb,
   /** \brief Eaddrnotavail. */
   VMK_EADDRNOTAVAIL = 0x0bad00fc,
   /** \brief Edestaddrreq. */
   VMK_EDESTADDRREQ = 0x0bad00fd,
   /** \brief Lvm stale metadata. */
   VMK_LVM_STALE_METADATA = 0x0bad00fe,
   /** \brief No rpc table. */
   VMK_NO_RPC_TABLE = 0x0bad00ff,
   /** \brief Duplicate uid. */
   VMK_DUPLICATE_UID = 0x0bad0100,
   /** \brief Unresolved symbol. */
   VMK_UNRESOLVED_SYMBOL = 0x0bad0101,
   /** \brief Device not owned. */
   VMK_DEVICE_NOT_OWNED = 0x0bad0102,
   /** \brief Device not named. */
   VMK_DEVICE_NOT_NAMED = 0x0bad0103,
   /** \brief Eprotonosupport. */
   VMK_EPROTONOSUPPORT = 0x0bad0104,
   /** \brief Eopnotsupp. */
   VMK_EOPNOTSUPP = 0x0bad0105,
   /** \brief Undefined vmkcall. */
   VMK_UNDEFINED_VMKCALL = 0x0bad0106,
   /** \brief Migrate max downtime exceeded. */
   VMK_MIGRATE_MAX_DOWNTIME_EXCEEDED = 0x0bad0107,
   /** \brief Lock exists. */
   VMK_LOCK_EXISTS = 0x0bad0108,
   /** \brief Migrate precopy no forward progress. */
   VMK_MIGRATE_PRECOPY_NO_FORWARD_PROGRESS = 0x0bad0109,
   /** \brief Uid changed. */
   VMK_UID_CHANGED = 0x0bad010a,
   /** \brief Vmotion connect failed. */
   VMK_VMOTION_CONNECT_FAILED = 0x0bad010b,
   /** \brief No migration in progress. */
   VMK_NO_MIGRATION_IN_PROGRESS = 0x0bad010c,
   /** \brief Exec file busy. */
   VMK_EXEC_FILE_BUSY = 0x0bad010d,
   /** \brief Fs timeout retry. */
   VMK_FS_TIMEOUT_RETRY = 0x0bad010e,
   /** \brief Cow timeout retry. */
   VMK_COW_TIMEOUT_RETRY = 0x0bad010f,
   /** \brief Fs lockstate in transition deprecated. */
   VMK_FS_LOCKSTATE_IN_TRANSITION_DEPRECATED = 0x0bad0110,
   /** \brief Fs lock lost. */
   VMK_FS_LOCK_LOST = 0x0bad0111,
   /** \brief No space on device. */
   VMK_NO_SPACE_ON_DEVICE = 0x0bad0112,
   /** \brief Eoverflow. */
   VMK_EOVERFLOW = 0x0bad0113,
   /** \brief Mem shares invalid. */
   VMK_MEM_SHARES_INVALID = 0x0bad0114,
   /** \brief Lvm inconsistent locklessop. */
   VMK_LVM_INCONSISTENT_LOCKLESSOP = 0x0bad0115,
   /** \brief Invalid security label. */
   VMK_INVALID_SECURITY_LABEL = 0x0bad0116,
   /** \brief Access denied. */
   VMK_ACCESS_DENIED = 0x0bad0117,
   /** \brief Work completed. */
   VMK_WORK_COMPLETED = 0x0bad0118,
   /** \brief Work running. */
   VMK_WORK_RUNNING = 0x0bad0119,
   /** \brief Work pending. */
   VMK_WORK_PENDING = 0x0bad011a,
   /** \brief Work invalid. */
   VMK_WORK_INVALID = 0x0bad011b,
   /** \brief Voberr overflow. */
   VMK_VOBERR_OVERFLOW = 0x0bad011c,
   /** \brief Voberr invalid context. */
   VMK_VOBERR_INVALID_CONTEXT = 0x0bad011d,
   /** \brief Voberr lock conflict. */
   VMK_VOBERR_LOCK_CONFLICT = 0x0bad011e,
   /** \brief Retry. */
   VMK_RETRY = 0x0bad011f,
   /** \brief No module heap. */
   VMK_NO_MODULE_HEAP = 0x0bad0120,
   /** \brief Remote page fault failure. */
   VMK_REMOTE_PAGE_FAULT_FAILURE = 0x0bad0121,
   /** \brief Vsi data length mismatch. */
   VMK_VSI_DATA_LENGTH_MISMATCH = 0x0bad0122,
   /** \brief Mapping failed. */
   VMK_MAPPING_FAILED = 0x0bad0123,
   /** \brief Ats miscompare. */
   VMK_ATS_MISCOMPARE = 0x0bad0124,
   /** \brief No bufferspace. */
   VMK_NO_BUFFERSPACE = 0x0bad0125,
   /** \brief Ft not running. */
   VMK_FT_NOT_RUNNING = 0x0bad0126,
   /** \brief License mismatch. */
   VMK_LICENSE_MISMATCH = 0x0bad0127,
   /** \brief Elf unknown relocations. */
   VMK_ELF_UNKNOWN_RELOCATIONS = 0x0bad0128,
   /** \brief Message too long. */
   VMK_MESSAGE_TOO_LONG = 0x0bad0129,
   /** \brief Invalid namespace. */
   VMK_INVALID_NAMESPACE = 0x0bad012a,
   /** \brief Shutting down. */
   VMK_SHUTTING_DOWN = 0x0bad012b,
   /** \brief Skipped free. */
   VMK_SKIPPED_FREE = 0x0bad012c,
   /** \brief Vmfs aborted. */
   VMK_VMFS_ABORTED = 0x0bad012d,
   /** \brief No write on tardisks. */
   VMK_NO_WRITE_ON_TARDISKS = 0x0bad012e,
   /** \brief Svm io retry. */
   VMK_SVM_IO_RETRY = 0x0bad012f,
   /** \brief Module no license. */
   VMK_MODULE_NO_LICENSE = 0x0bad0130,
   /** \brief Module unknown license. */
   VMK_MODULE_UNKNOWN_LICENSE = 0x0bad0131,
   /** \brief Perm dev loss. */
   VMK_PERM_DEV_LOSS = 0x0bad0132,
   /** \brief Se io retry. */
   VMK_SE_IO_RETRY = 0x0bad0133,
   /** \brief Bad addr space. */
   VMK_BAD_ADDR_SPACE = 0x0bad0134,
   /** \brief Dma mapping failed. */
   VMK_DMA_MAPPING_FAILED = 0x0bad0135,
   /** \brief Reservation gt limit. */
   VMK_RESERVATION_GT_LIMIT = 0x0bad0136,
   /** \brief Module nonamespace. */
   VMK_MODULE_NONAMESPACE = 0x0bad0137,
   /** \brief Fs object unlinked. */
   VMK_FS_OBJECT_UNLINKED = 0x0bad0138,
   /** \brief Hbr wire instance aborted. */
   VMK_HBR_WIRE_INSTANCE_ABORTED = 0x0bad0139,
   /** \brief Hbr wire need full sync. */
   VMK_HBR_WIRE_NEED_FULL_SYNC = 0x0bad013a,
   /** \brief Hbr wire disk set mismatch. */
   VMK_HBR_WIRE_DISK_SET_MISMATCH = 0x0bad013b,
   /** \brief Hbr wire request checksum mismatch. */
   VMK_HBR_WIRE_REQUEST_CHECKSUM_MISMATCH = 0x0bad013c,
   /** \brief Hbr wire response checksum mismatch. */
   VMK_HBR_WIRE_RESPONSE_CHECKSUM_MISMATCH = 0x0bad013d,
   /** \brief Hbr wire group removed. */
   VMK_HBR_WIRE_GROUP_REMOVED = 0x0bad013e,
   /** \brief Hbr wire group session revoked. */
   VMK_HBR_WIRE_GROUP_SESSION_REVOKED = 0x0bad013f,
   /** \brief Hbr wire protocol corrupted. */
   VMK_HBR_WIRE_PROTOCOL_CORRUPTED = 0x0bad0140,
   /** \brief Portset handle not mutable. */
   VMK_PORTSET_HANDLE_NOT_MUTABLE = 0x0bad0141,
   /** \brief Suspend io. */
   VMK_SUSPEND_IO = 0x0bad0142,
   /** \brief No working paths. */
   VMK_NO_WORKING_PATHS = 0x0bad0143,
   /** \brief Eprototype. */
   VMK_EPROTOTYPE = 0x0bad0144,
   /** \brief Module consumed resource count not zero. */
   VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO = 0x0bad0145,
   /** \brief Hbr server does not support request. */
   VMK_HBR_SERVER_DOES_NOT_SUPPORT_REQUEST = 0x0bad0146,
   /** \brief Stale filehandle. */
   VMK_STALE_FILEHANDLE = 0x0bad0147,
   /** \brief Vvol unbound. */
   VMK_VVOL_UNBOUND = 0x0bad0148,
   /** \brief Device not ready fail open. */
   VMK_DEVICE_NOT_READY_FAIL_OPEN = 0x0bad0149,
   /** \brief Not this device. */
   VMK_NOT_THIS_DEVICE = 0x0bad014a,
   /** \brief Ignore. */
   VMK_IGNORE = 0x0bad014b,
   /** \brief Object destroyed. */
   VMK_OBJECT_DESTROYED = 0x0bad014c,
   /** \brief Vvol pe not ready. */
   VMK_VVOL_PE_NOT_READY = 0x0bad014d,
   /** \brief Scsi pi guard error. */
   VMK_SCSI_PI_GUARD_ERROR = 0x0bad014e,
   /** \brief Scsi pi ref error. */
   VMK_SCSI_PI_REF_ERROR = 0x0bad014f,
   /** \brief Res meta stale. */
   VMK_RES_META_STALE = 0x0bad0150,
   /** \brief Not pinned. */
   VMK_NOT_PINNED = 0x0bad0151,
   /** \brief Bad swap scope. */
   VMK_BAD_SWAP_SCOPE = 0x0bad0152,
   /** \brief Consumed gt zero. */
   VMK_CONSUMED_GT_ZERO = 0x0bad0153,
   /** \brief Lock held by zombie txn. */
   VMK_LOCK_HELD_BY_ZOMBIE_TXN = 0x0bad0154,
   /** \brief Generic linux error. */
   VMK_GENERIC_LINUX_ERROR = 0x2bad0000,
} VMK_ReturnStatus;

/** \} */

#endif /* _VMKAPI_STATUS_H_ */
