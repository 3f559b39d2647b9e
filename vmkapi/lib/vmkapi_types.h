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
 * \brief Limit used for vmk_ByteCountSmallSigned (kept equal to VMK_UINT32_MAX, as on ESXi).
 */
#define VMK_BYTE_COUNT_SMALL_S_MAX VMK_UINT32_MAX

/**
 * \brief Largest vmk_ByteCountSigned.
 */
#define VMK_BYTE_COUNT_S_MAX VMK_INT64_MAX

/**
 * \brief Debug builds: assert that a vmk_String's length fits its buffer with room for a NUL.
 */
#define VMK_STRING_CHECK_CONSISTENCY(string)                                     \
   VMK_ASSERT((string) != NULL && (string)->bufferSize > (string)->stringLength)

/**
 * \brief Point a vmk_String at a buffer of size bytes holding len characters.
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
 * \brief Address-space width of an ioctl caller.
 */
typedef enum {
   /** \brief 64. */
   VMK_IOCTL_CALLER_64 = 0,
   /** \brief 32. */
   VMK_IOCTL_CALLER_32 = 1,
} vmk_IoctlCallerSize;

/** \brief Unsigned 8-bit integer. */
typedef unsigned char vmk_uint8;

/**
 * \brief A counted string in a caller-provided buffer.
 */
typedef struct {
   /** \brief Buffer size. */
   vmk_ByteCountSmall bufferSize;
   /** \brief String length. */
   vmk_ByteCountSmall stringLength;
   /** \brief Buffer. */
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
