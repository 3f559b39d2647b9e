/*
 * lib/vmkapi_libc.h -- C library replacements
 *
 * String, memory and formatting routines in the kernel's own spelling.
 * vmkemu implements them on top of the host C library with the kernel's
 * semantics.
 */

#ifndef _VMKAPI_LIBC_H_
#define _VMKAPI_LIBC_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_libc.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Libc C Library
 * \{
 */

/**
 * \brief A seed for vmk_Rand().
 *
 * \note This function will not block.
 */
vmk_uint32
vmk_GetRandSeed(void);

/**
 * \brief Whether a character is printable.
 *
 * \note This function will not block.
 *
 * \param[in] c C.
 */
vmk_Bool
vmk_IsPrint(
   int c);

/**
 * \brief Compare two memory areas byte by byte.
 *
 * \note This function will not block.
 *
 * \param[in] src1 Src 1.
 * \param[in] src2 Src 2.
 * \param[in] len Length in bytes.
 */
int
vmk_Memcmp(
   const void *src1,
   const void *src2,
   vmk_ByteCount len);

/**
 * \brief Copy non-overlapping memory.
 *
 * \note This function will not block.
 *
 * \param[in] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] len Length in bytes.
 */
void *
vmk_Memcpy(
   void *dst,
   const void *src,
   vmk_ByteCount len);

/**
 * \brief Copy memory that may overlap.
 *
 * \note This function will not block.
 *
 * \param[in] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] len Length in bytes.
 */
void *
vmk_Memmove(
   void *dst,
   void *src,
   vmk_ByteCount len);

/**
 * \brief Fill memory with a byte value.
 *
 * \note This function will not block.
 *
 * \param[in] dst Dst.
 * \param[in] byte Byte.
 * \param[in] len Length in bytes.
 */
void *
vmk_Memset(
   void *dst,
   int byte,
   vmk_ByteCount len);

/**
 * \brief Next pseudo-random number from a seed.
 *
 * \note This function will not block.
 *
 * \param[in] seed Seed.
 */
vmk_uint32
vmk_Rand(
   vmk_uint32 seed);

/**
 * \brief Format into a sized buffer.
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] size Size in bytes.
 * \param[in] format printf-style format string.
 */
int
vmk_Snprintf(
   char *str,
   vmk_ByteCount size,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(3, 4);

/**
 * \brief Format into a buffer (unbounded; prefer vmk_Snprintf()).
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] format printf-style format string.
 */
int
vmk_Sprintf(
   char *str,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Parse a string according to a format.
 *
 * \note This function will not block.
 *
 * \param[in] ibuf Ibuf.
 * \param[in] fmt printf-style format.
 */
int
vmk_Sscanf(
   const char *ibuf,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_SCANF(2, 3);

/**
 * \brief Find the first occurrence of a character in a string.
 *
 * \note This function will not block.
 *
 * \param[in] src Source buffer.
 * \param[in] c C.
 */
char *
vmk_Strchr(
   const void *src,
   int c);

/**
 * \brief Compare two strings.
 *
 * \note This function will not block.
 *
 * \param[in] src1 Src 1.
 * \param[in] src2 Src 2.
 */
int
vmk_Strcmp(
   const char *src1,
   const char *src2);

/**
 * \brief Copy a string (unbounded; prefer vmk_StringCopy()).
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 */
char *
vmk_Strcpy(
   char *dst,
   const char *src);

/**
 * \brief Copy a string into a sized buffer, always NUL-terminating; returns the
 *     source length.
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] size Size in bytes.
 */
vmk_ByteCount
vmk_Strlcpy(
   char *dst,
   const char *src,
   vmk_ByteCount size);

/**
 * \brief Compare at most n characters of two strings, ignoring case.
 *
 * \note This function will not block.
 *
 * \param[in] src1 Src 1.
 * \param[in] src2 Src 2.
 * \param[in] maxLen Max len.
 */
int
vmk_Strncasecmp(
   const char *src1,
   const char *src2,
   vmk_ByteCount maxLen);

/**
 * \brief Compare at most n characters of two strings.
 *
 * \note This function will not block.
 *
 * \param[in] src1 Src 1.
 * \param[in] src2 Src 2.
 * \param[in] maxLen Max len.
 */
int
vmk_Strncmp(
   const char *src1,
   const char *src2,
   vmk_ByteCount maxLen);

/**
 * \brief Copy at most n characters of a string.
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] maxLen Max len.
 */
char *
vmk_Strncpy(
   char *dst,
   const char *src,
   vmk_ByteCount maxLen);

/**
 * \brief Length of a string, up to a maximum.
 *
 * \note This function will not block.
 *
 * \param[in] src Source buffer.
 * \param[in] maxLen Max len.
 */
vmk_ByteCount
vmk_Strnlen(
   const char *src,
   vmk_ByteCount maxLen);

/**
 * \brief Find the last occurrence of a character in a string.
 *
 * \note This function will not block.
 *
 * \param[in] src Source buffer.
 * \param[in] c C.
 */
char *
vmk_Strrchr(
   const void *src,
   int c);

/**
 * \brief Find the first occurrence of a substring.
 *
 * \note This function will not block.
 *
 * \param[in] s1 S 1.
 * \param[in] s2 S 2.
 */
char *
vmk_Strstr(
   const void *s1,
   const void *s2);

/**
 * \brief Convert a string to a long.
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[out] end End.
 * \param[in] base Base.
 */
long
vmk_Strtol(
   const char *str,
   char **end,
   int base);

/**
 * \brief Convert a string to an unsigned long.
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[out] end End.
 * \param[in] base Base.
 */
unsigned long
vmk_Strtoul(
   const char *str,
   char **end,
   int base);

/**
 * \brief va_list form of vmk_Snprintf().
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] size Size in bytes.
 * \param[in] format printf-style format string.
 * \param[in] ap Arguments for the format.
 */
int
vmk_Vsnprintf(
   char *str,
   vmk_ByteCount size,
   const char *format,
   va_list ap);

/**
 * \brief va_list form of vmk_Sprintf().
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] format printf-style format string.
 * \param[in] ap Arguments for the format.
 */
int
vmk_Vsprintf(
   char *str,
   const char *format,
   va_list ap);

/**
 * \brief va_list form of vmk_Sscanf().
 *
 * \note This function will not block.
 *
 * \param[in] inp Inp.
 * \param[in] fmt0 Fmt 0.
 * \param[in] ap Arguments for the format.
 */
int
vmk_Vsscanf(
   const char *inp,
   const char *fmt0,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LIBC_H_ */
