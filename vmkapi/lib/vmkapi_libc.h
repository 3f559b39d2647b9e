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
 */
vmk_uint32
vmk_GetRandSeed(void);

/**
 * \brief Whether a character is printable.
 *
 * \param[in] c C.
 */
vmk_Bool
vmk_IsPrint(
   int c);

/**
 * \brief Compare two memory areas byte by byte.
 *
 * \param[in] s1 S 1.
 * \param[in] s2 S 2.
 * \param[in] len Len.
 */
int
vmk_Memcmp(
   const void *s1,
   const void *s2,
   vmk_ByteCount len);

/**
 * \brief Copy non-overlapping memory.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] len Len.
 */
void *
vmk_Memcpy(
   void *dst,
   const void *src,
   vmk_ByteCount len);

/**
 * \brief Copy memory that may overlap.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] len Len.
 */
void *
vmk_Memmove(
   void *dst,
   void *src,
   vmk_ByteCount len);

/**
 * \brief Fill memory with a byte value.
 *
 * \param[in] dst Dst.
 * \param[in] byte Byte.
 * \param[in] len Len.
 */
void *
vmk_Memset(
   void *dst,
   int byte,
   vmk_ByteCount len);

/**
 * \brief Next pseudo-random number from a seed.
 *
 * \param[in] seed Seed.
 */
vmk_uint32
vmk_Rand(
   vmk_uint32 seed);

/**
 * \brief Format into a sized buffer.
 *
 * \param[in] str Str.
 * \param[in] size Size.
 * \param[in] fmt printf-style format.
 */
int
vmk_Snprintf(
   char *str,
   vmk_ByteCount size,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(3, 4);

/**
 * \brief Format into a buffer (unbounded; prefer vmk_Snprintf()).
 *
 * \param[in] str Str.
 * \param[in] fmt printf-style format.
 */
int
vmk_Sprintf(
   char *str,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Parse a string according to a format.
 *
 * \param[in] str Str.
 * \param[in] fmt printf-style format.
 */
int
vmk_Sscanf(
   const char *str,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_SCANF(2, 3);

/**
 * \brief Find the first occurrence of a character in a string.
 *
 * \param[in] str Str.
 * \param[in] c C.
 */
char *
vmk_Strchr(
   const void *str,
   int c);

/**
 * \brief Compare two strings.
 *
 * \param[in] s1 S 1.
 * \param[in] s2 S 2.
 */
int
vmk_Strcmp(
   const char *s1,
   const char *s2);

/**
 * \brief Copy a string (unbounded; prefer vmk_StringCopy()).
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 */
char *
vmk_Strcpy(
   char *dst,
   const char *src);

/**
 * \brief Copy a string into a sized buffer, always NUL-terminating; returns the source length.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] size Size.
 */
vmk_ByteCount
vmk_Strlcpy(
   char *dst,
   const char *src,
   vmk_ByteCount size);

/**
 * \brief Compare at most n characters of two strings, ignoring case.
 *
 * \param[in] s1 S 1.
 * \param[in] s2 S 2.
 * \param[in] n N.
 */
int
vmk_Strncasecmp(
   const char *s1,
   const char *s2,
   vmk_ByteCount n);

/**
 * \brief Compare at most n characters of two strings.
 *
 * \param[in] s1 S 1.
 * \param[in] s2 S 2.
 * \param[in] n N.
 */
int
vmk_Strncmp(
   const char *s1,
   const char *s2,
   vmk_ByteCount n);

/**
 * \brief Copy at most n characters of a string.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] n N.
 */
char *
vmk_Strncpy(
   char *dst,
   const char *src,
   vmk_ByteCount n);

/**
 * \brief Length of a string, up to a maximum.
 *
 * \param[in] str Str.
 * \param[in] maxLen Max len.
 */
vmk_ByteCount
vmk_Strnlen(
   const char *str,
   vmk_ByteCount maxLen);

/**
 * \brief Find the last occurrence of a character in a string.
 *
 * \param[in] str Str.
 * \param[in] c C.
 */
char *
vmk_Strrchr(
   const void *str,
   int c);

/**
 * \brief Find the first occurrence of a substring.
 *
 * \param[in] haystack Haystack.
 * \param[in] needle Needle.
 */
char *
vmk_Strstr(
   const void *haystack,
   const void *needle);

/**
 * \brief Convert a string to a long.
 *
 * \param[in] str Str.
 * \param[in,out] end End.
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
 * \param[in] str Str.
 * \param[in,out] end End.
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
 * \param[in] str Str.
 * \param[in] size Size.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 */
int
vmk_Vsnprintf(
   char *str,
   vmk_ByteCount size,
   const char *fmt,
   va_list ap);

/**
 * \brief va_list form of vmk_Sprintf().
 *
 * \param[in] str Str.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 */
int
vmk_Vsprintf(
   char *str,
   const char *fmt,
   va_list ap);

/**
 * \brief va_list form of vmk_Sscanf().
 *
 * \param[in] str Str.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 */
int
vmk_Vsscanf(
   const char *str,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LIBC_H_ */
