/*
 * lib/vmkapi_const.h -- basic constants
 *
 * Integer limits, size units, booleans and 64-bit literal helpers. vmkemu
 * builds for LP64 x86_64 hosts, so the 64-bit forms use the long suffixes.
 */

#ifndef _VMKAPI_CONST_H_
#define _VMKAPI_CONST_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_const.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Constants Constants
 *
 * \brief Limits of the basic integer types, size units, booleans and
 *        64-bit literal helpers.
 * \{
 */

/**
 * \brief The null pointer constant, when no system header has defined it yet.
 */
#if !defined(NULL)
#if defined(__cplusplus)
#define NULL __null
#else
#define NULL ((void *)0)
#endif
#endif

/**
 * \brief Bits in a byte.
 */
#define VMK_BITS_PER_BYTE (8)

/**
 * \brief Make c a signed 64-bit literal.
 */
#define VMK_CONST64(c) c##L

/**
 * \brief Make c an unsigned 64-bit literal.
 */
#define VMK_CONST64U(c) c##UL

/**
 * \brief Longest device name, including the NUL.
 */
#define VMK_DEVICE_NAME_MAX_LENGTH 32

/**
 * \brief Bytes in an EiB.
 */
#define VMK_EXABYTE (VMK_CONST64U(1024) * VMK_PETABYTE)

/**
 * \brief Boolean false.
 */
#define VMK_FALSE 0

/**
 * \brief printf length modifier for 64-bit integers, e.g. "%" VMK_FMT64 "u".
 */
#define VMK_FMT64 "l"

/**
 * \brief Bytes in a GiB.
 */
#define VMK_GIGABYTE (1024 * VMK_MEGABYTE)

/**
 * \brief Largest vmk_int16.
 */
#define VMK_INT16_MAX ((vmk_int16)32767)

/**
 * \brief Smallest vmk_int16.
 */
#define VMK_INT16_MIN ((vmk_int16)-32768)

/**
 * \brief Largest vmk_int32.
 */
#define VMK_INT32_MAX ((vmk_int32)2147483647)

/**
 * \brief Smallest vmk_int32.
 */
#define VMK_INT32_MIN ((vmk_int32)(-2147483647 - 1))

/**
 * \brief Largest vmk_int64.
 */
#define VMK_INT64_MAX ((vmk_int64)VMK_CONST64(9223372036854775807))

/**
 * \brief Smallest vmk_int64.
 */
#define VMK_INT64_MIN ((vmk_int64)(-VMK_CONST64(9223372036854775807) - 1))

/**
 * \brief Largest vmk_int8.
 */
#define VMK_INT8_MAX ((vmk_int8)127)

/**
 * \brief Smallest vmk_int8.
 */
#define VMK_INT8_MIN ((vmk_int8)-128)

/**
 * \brief Bytes in a KiB.
 */
#define VMK_KILOBYTE (1024)

/**
 * \brief Bytes in a MiB.
 */
#define VMK_MEGABYTE (1024 * VMK_KILOBYTE)

/**
 * \brief Bytes in a PiB.
 */
#define VMK_PETABYTE (VMK_CONST64U(1024) * VMK_TERABYTE)

/**
 * \brief Bytes in a TiB.
 */
#define VMK_TERABYTE (VMK_CONST64U(1024) * VMK_GIGABYTE)

/**
 * \brief Boolean true.
 */
#define VMK_TRUE 1

/**
 * \brief Largest vmk_uint16.
 */
#define VMK_UINT16_MAX ((vmk_uint16)65535)

/**
 * \brief Smallest vmk_uint16.
 */
#define VMK_UINT16_MIN ((vmk_uint16)0)

/**
 * \brief Largest vmk_uint32.
 */
#define VMK_UINT32_MAX ((vmk_uint32)0xffffffffU)

/**
 * \brief Smallest vmk_uint32.
 */
#define VMK_UINT32_MIN ((vmk_uint32)0)

/**
 * \brief Largest vmk_uint64.
 */
#define VMK_UINT64_MAX ((vmk_uint64)VMK_CONST64U(0xffffffffffffffff))

/**
 * \brief Smallest vmk_uint64.
 */
#define VMK_UINT64_MIN ((vmk_uint64)VMK_CONST64U(0))

/**
 * \brief Largest vmk_uint8.
 */
#define VMK_UINT8_MAX ((vmk_uint8)255)

/**
 * \brief Smallest vmk_uint8.
 */
#define VMK_UINT8_MIN ((vmk_uint8)0)

/**
 * \brief 1 in debug builds (VMX86_DEBUG defined), else 0.
 */
#if defined(VMX86_DEBUG)
#define vmkApiDebug 1
#else
#define vmkApiDebug 0
#endif

/** \} */

#endif /* _VMKAPI_CONST_H_ */
