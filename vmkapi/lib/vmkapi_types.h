/*
 * lib/vmkapi_types.h -- fixed-size integer types and vmk_String
 *
 * The fixed-width integer types, byte-count types and the counted string
 * descriptor. Sizes match ESXi on x86_64 exactly.
 */

#ifndef _VMKAPI_TYPES_H_
#define _VMKAPI_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Types Basic Types
 *
 * \brief Fixed-width integers, byte counts, booleans and counted strings
 *        used throughout the vmkapi.
 *
 * The integer types have the stated width on the LP64 x86-64 ABI the
 * vmkernel uses. Use the vmkapi names in driver code rather than the C
 * library's, so the driver compiles the same against any devkit.
 * \{
 */

/**
 * \brief Largest vmk_ByteCount.
 */
#define VMK_BYTE_COUNT_MAX VMK_UINT64_MAX

/**
 * \brief Largest vmk_ByteCountSmall.
 */
#define VMK_BYTE_COUNT_SMALL_MAX VMK_UINT32_MAX

/**
 * \brief Limit used for vmk_ByteCountSmallSigned (kept equal to VMK_UINT32_MAX,
 *        as on ESXi).
 */
#define VMK_BYTE_COUNT_SMALL_S_MAX VMK_UINT32_MAX

/**
 * \brief Largest vmk_ByteCountSigned.
 */
#define VMK_BYTE_COUNT_S_MAX VMK_INT64_MAX

/**
 * \brief In debug builds, check that a vmk_String is not NULL and that its
 *        length leaves room for a terminator in its buffer.
 *
 * \param[in] string  Pointer to the vmk_String to check.
 */
#define VMK_STRING_CHECK_CONSISTENCY(string)                                     \
   VMK_ASSERT((string) != NULL && (string)->bufferSize > (string)->stringLength)

/**
 * \brief Make a vmk_String describe a buffer.
 *
 * \param[out] str   Pointer to the vmk_String to set.
 * \param[in]  ptr   The buffer.
 * \param[in]  size  Size of the buffer in bytes.
 * \param[in]  len   Number of characters currently in it.
 */
#define VMK_STRING_SET(str, ptr, size, len)                 \
   {                                                        \
      (str)->buffer = (ptr);                                \
      (str)->bufferSize = (size);                           \
      (str)->stringLength = (len);                          \
   }

/** \brief Boolean: VMK_FALSE (0) or VMK_TRUE (1). */
typedef char vmk_Bool;

/** \brief Unsigned 64-bit integer. */
typedef unsigned long vmk_uint64;

/** \brief A byte count. */
typedef vmk_uint64 vmk_ByteCount;

/** \brief Signed 64-bit integer. */
typedef long vmk_int64;

/** \brief A signed byte count. */
typedef vmk_int64 vmk_ByteCountSigned;

/** \brief Unsigned 32-bit integer. */
typedef unsigned int vmk_uint32;

/** \brief A 32-bit byte count. */
typedef vmk_uint32 vmk_ByteCountSmall;

/** \brief Signed 32-bit integer. */
typedef int vmk_int32;

/** \brief A signed 32-bit byte count. */
typedef vmk_int32 vmk_ByteCountSmallSigned;

/**
 * \brief Whether the user process issuing an ioctl is a 64-bit or a
 *        32-bit program, which decides the layout of its ioctl arguments.
 */
typedef enum {
   /** \brief The caller is a 64-bit process. */
   VMK_IOCTL_CALLER_64 = 0,
   /**
    * \brief The caller is a 32-bit process; pointers in its structures are 32
    *        bits.
    */
   VMK_IOCTL_CALLER_32 = 1,
} vmk_IoctlCallerSize;

/** \brief Unsigned 8-bit integer. */
typedef unsigned char vmk_uint8;

/**
 * \brief A string with an explicit length, stored in a buffer the caller
 *        owns.
 */
typedef struct {
   /** \brief Size of buffer in bytes. */
   vmk_ByteCountSmall bufferSize;
   /** \brief Number of characters in use, without a terminator. */
   vmk_ByteCountSmall stringLength;
   /** \brief The characters. */
   vmk_uint8 *buffer;
} vmk_String;

/** \brief Signed 16-bit integer. */
typedef short vmk_int16;

/** \brief Signed 8-bit integer. */
typedef signed char vmk_int8;

/** \brief A file offset. */
typedef long long vmk_loff_t;

/** \brief Unsigned 16-bit integer. */
typedef unsigned short vmk_uint16;

/** \brief Unsigned integer wide enough for a pointer. */
typedef vmk_uint64 vmk_uintptr_t;

/** \} */

#endif /* _VMKAPI_TYPES_H_ */
