/*
 * lib/vmkapi_libc.h -- C library replacements
 *
 * The kernel's own versions of the usual string, memory, conversion and
 * formatting routines; a driver cannot link against a host C library.
 */

#ifndef _VMKAPI_LIBC_H_
#define _VMKAPI_LIBC_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_libc.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Libc C Library
 *
 * \brief String, memory, number-conversion and formatting routines with
 *        their familiar C meanings.
 *
 * Unless noted otherwise a function behaves like the C function of the
 * same name. None of them allocates or blocks, so they may be called from
 * any context, with any lock held.
 *
 * Formatting follows the vmkernel's rules, not glibc's: the length
 * modifier L means a 64-bit integer (as in "%Lx"), there is no floating
 * point, %p prints "0x" and lower-case hex digits, a NULL string prints
 * "(null)", and %n stores nothing.
 *
 * \note Where the C function would dereference a NULL pointer (a crash on
 *       ESXi), vmkemu raises a MISUSE report naming the caller; if a test
 *       expected the report the call returns a harmless value (0, NULL or
 *       the destination) and touches no memory. A NULL pointer with a
 *       length of 0 is allowed.
 * \{
 */

/**
 * \brief Get a seed for vmk_Rand() that differs from call to call.
 *
 * \note This function will not block.
 * \note vmkemu derives the seed from the monotonic clock and a counter; it
 *       is in 1 .. 2^31 - 2.
 *
 * \return A seed value.
 */
vmk_uint32
vmk_GetRandSeed(void);

/**
 * \brief Tell whether a character is a printable ASCII character.
 *
 * \note This function will not block.
 *
 * \param[in] c  Character to test, as an unsigned char value.
 *
 * \return VMK_TRUE for characters from space (0x20) through '~' (0x7e),
 *         VMK_FALSE for anything else.
 */
vmk_Bool
vmk_IsPrint(
   int c);

/**
 * \brief Compare two memory areas byte by byte.
 *
 * \note This function will not block.
 *
 * \param[in] src1  First area.
 * \param[in] src2  Second area.
 * \param[in] len   Number of bytes to compare.
 *
 * \return 0 if the areas are equal; otherwise a negative or positive value
 *         as the first differing byte (as unsigned char) of src1 is lower or
 *         higher than that of src2.
 */
int
vmk_Memcmp(
   const void *src1,
   const void *src2,
   vmk_ByteCount len);

/**
 * \brief Copy bytes between memory areas that do not overlap.
 *
 * \note This function will not block.
 *
 * \param[out] dst  Destination area of at least len bytes.
 * \param[in]  src  Source area of at least len bytes; must not overlap dst
 *                  (use vmk_Memmove() if it may).
 * \param[in]  len  Number of bytes to copy.
 *
 * \return dst.
 */
void *
vmk_Memcpy(
   void *dst,
   const void *src,
   vmk_ByteCount len);

/**
 * \brief Copy bytes between memory areas that may overlap.
 *
 * \note This function will not block.
 *
 * \param[out] dst  Destination area of at least len bytes.
 * \param[in]  src  Source area of at least len bytes.
 * \param[in]  len  Number of bytes to copy.
 *
 * \return dst.
 */
void *
vmk_Memmove(
   void *dst,
   void *src,
   vmk_ByteCount len);

/**
 * \brief Fill a memory area with one byte value.
 *
 * \note This function will not block.
 *
 * \param[out] dst   Area to fill.
 * \param[in]  byte  Value to store, converted to unsigned char.
 * \param[in]  len   Number of bytes to fill.
 *
 * \return dst.
 */
void *
vmk_Memset(
   void *dst,
   int byte,
   vmk_ByteCount len);

/**
 * \brief Compute the next number of a pseudo-random sequence.
 *
 * Feed each result back in as the next seed to get a sequence. The
 * generator is fast and repeatable, not suitable for cryptography.
 *
 * \note This function will not block.
 * \note vmkemu uses the Park-Miller "minimal standard" generator, so a
 *       fixed seed gives the same sequence on every run; results lie in
 *       1 .. 2^31 - 2.
 *
 * \param[in] seed  Previous result, or a seed from vmk_GetRandSeed().
 *
 * \return The next pseudo-random number.
 */
vmk_uint32
vmk_Rand(
   vmk_uint32 seed);

/**
 * \brief Format text into a buffer of limited size.
 *
 * The output is always NUL-terminated when size is not 0, and never
 * longer than size - 1 characters.
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the text; may be NULL if size
 *                     is 0.
 * \param[in]  size    Size of str in bytes, terminator included.
 * \param[in]  format  Format string in the vmkernel's printf dialect.
 * \param[in]  ...     Arguments the format consumes.
 *
 * \return The number of characters the complete output has, not counting
 *         the terminator; a value of size or more means the text was cut
 *         short.
 */
int
vmk_Snprintf(
   char *str,
   vmk_ByteCount size,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(3, 4);

/**
 * \brief Format text into a buffer without a size limit.
 *
 * The caller must know that the output fits; prefer vmk_Snprintf().
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the NUL-terminated text.
 * \param[in]  format  Format string in the vmkernel's printf dialect.
 * \param[in]  ...     Arguments the format consumes.
 *
 * \return The number of characters written, not counting the terminator.
 */
int
vmk_Sprintf(
   char *str,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Read values out of a string according to a format.
 *
 * \note This function will not block.
 * \note vmkemu supports the conversions d i u o x X p c s [set] % and
 *       assignment suppression with *; %n stores nothing.
 *
 * \param[in]  ibuf  NUL-terminated input text.
 * \param[in]  fmt   Format string in scanf style.
 * \param[out] ...   Pointers that receive the converted values.
 *
 * \return The number of values stored, or -1 if the input ended before the
 *         first conversion.
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
 * \param[in] src  NUL-terminated string to search.
 * \param[in] c    Character to find, converted to char; '\0' finds the
 *                 terminator.
 *
 * \return Pointer to the first match, or NULL if there is none.
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
 * \param[in] src1  First NUL-terminated string.
 * \param[in] src2  Second NUL-terminated string.
 *
 * \return 0 if the strings are equal, a negative value if src1 sorts
 *         first, a positive value if src2 does (bytes compared as unsigned
 *         char).
 */
int
vmk_Strcmp(
   const char *src1,
   const char *src2);

/**
 * \brief Copy a string, terminator included, without a size limit.
 *
 * The caller must know that src fits in dst; prefer vmk_Strlcpy() or
 * vmk_StringCopy().
 *
 * \note This function will not block.
 *
 * \param[out] dst  Destination buffer.
 * \param[in]  src  NUL-terminated string to copy; must not overlap dst.
 *
 * \return dst.
 */
char *
vmk_Strcpy(
   char *dst,
   const char *src);

/**
 * \brief Copy a string into a buffer of limited size, always
 *        NUL-terminating it.
 *
 * \note This function will not block.
 *
 * \param[out] dst   Destination buffer.
 * \param[in]  src   NUL-terminated string to copy.
 * \param[in]  size  Size of dst in bytes; at most size - 1 characters are
 *                   copied. With 0 nothing is written.
 *
 * \return The length of src; a value of size or more means the copy was
 *         cut short.
 */
vmk_ByteCount
vmk_Strlcpy(
   char *dst,
   const char *src,
   vmk_ByteCount size);

/**
 * \brief Compare the beginnings of two strings, ignoring ASCII case.
 *
 * \note This function will not block.
 *
 * \param[in] src1    First string.
 * \param[in] src2    Second string.
 * \param[in] maxLen  Most characters to compare; comparison also stops at
 *                    a terminator.
 *
 * \return 0 if the compared parts are equal once upper case is folded to
 *         lower, otherwise a negative or positive value as src1 sorts
 *         before or after src2.
 */
int
vmk_Strncasecmp(
   const char *src1,
   const char *src2,
   vmk_ByteCount maxLen);

/**
 * \brief Compare the beginnings of two strings.
 *
 * \note This function will not block.
 *
 * \param[in] src1    First string.
 * \param[in] src2    Second string.
 * \param[in] maxLen  Most characters to compare; comparison also stops at
 *                    a terminator.
 *
 * \return 0 if the compared parts are equal, otherwise a negative or
 *         positive value as src1 sorts before or after src2.
 */
int
vmk_Strncmp(
   const char *src1,
   const char *src2,
   vmk_ByteCount maxLen);

/**
 * \brief Copy at most a given number of characters of a string, padding
 *        with NUL bytes.
 *
 * As in C, dst is not terminated when src has maxLen characters or more;
 * vmk_Strlcpy() is usually what is wanted.
 *
 * \note This function will not block.
 *
 * \param[out] dst     Destination buffer of at least maxLen bytes.
 * \param[in]  src     String to copy.
 * \param[in]  maxLen  Exact number of bytes written to dst.
 *
 * \return dst.
 */
char *
vmk_Strncpy(
   char *dst,
   const char *src,
   vmk_ByteCount maxLen);

/**
 * \brief Measure a string, looking at no more than a given number of
 *        bytes.
 *
 * \note This function will not block.
 *
 * \param[in] src     String to measure.
 * \param[in] maxLen  Most bytes to examine.
 *
 * \return The number of characters before the terminator, or maxLen if
 *         none is found within maxLen bytes.
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
 * \param[in] src  NUL-terminated string to search.
 * \param[in] c    Character to find, converted to char; '\0' finds the
 *                 terminator.
 *
 * \return Pointer to the last match, or NULL if there is none.
 */
char *
vmk_Strrchr(
   const void *src,
   int c);

/**
 * \brief Find the first occurrence of one string inside another.
 *
 * \note This function will not block.
 *
 * \param[in] s1  NUL-terminated string to search.
 * \param[in] s2  NUL-terminated string to find; an empty one matches at
 *                the start of s1.
 *
 * \return Pointer to the start of the first match in s1, or NULL.
 */
char *
vmk_Strstr(
   const void *s1,
   const void *s2);

/**
 * \brief Convert the beginning of a string to a signed long.
 *
 * Leading white space and an optional sign are accepted; base 16 accepts
 * a "0x" prefix and base 0 picks decimal, octal ("0") or hex ("0x") from
 * the prefix.
 *
 * \note This function will not block.
 *
 * \param[in]  str   String to convert.
 * \param[out] end   If not NULL, receives a pointer to the first character
 *                   that was not part of the number.
 * \param[in]  base  Number base, 2 to 36, or 0 to detect it.
 *
 * \return The converted value; LONG_MAX or LONG_MIN if it is out of range,
 *         0 if there is no number.
 */
long
vmk_Strtol(
   const char *str,
   char **end,
   int base);

/**
 * \brief Convert the beginning of a string to an unsigned long.
 *
 * Accepts the same input as vmk_Strtol(); a leading minus negates the
 * value modulo 2^64, as in C.
 *
 * \note This function will not block.
 *
 * \param[in]  str   String to convert.
 * \param[out] end   If not NULL, receives a pointer to the first character
 *                   that was not part of the number.
 * \param[in]  base  Number base, 2 to 36, or 0 to detect it.
 *
 * \return The converted value; ULONG_MAX if it is out of range, 0 if there
 *         is no number.
 */
unsigned long
vmk_Strtoul(
   const char *str,
   char **end,
   int base);

/**
 * \brief Format text into a buffer of limited size, taking the arguments
 *        from a va_list.
 *
 * Same rules as vmk_Snprintf().
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the text; may be NULL if size
 *                     is 0.
 * \param[in]  size    Size of str in bytes, terminator included.
 * \param[in]  format  Format string in the vmkernel's printf dialect.
 * \param[in]  ap      Arguments the format consumes.
 *
 * \return The number of characters the complete output has, not counting
 *         the terminator.
 */
int
vmk_Vsnprintf(
   char *str,
   vmk_ByteCount size,
   const char *format,
   va_list ap);

/**
 * \brief Format text into a buffer without a size limit, taking the
 *        arguments from a va_list.
 *
 * Same rules as vmk_Sprintf(); prefer vmk_Vsnprintf().
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the NUL-terminated text.
 * \param[in]  format  Format string in the vmkernel's printf dialect.
 * \param[in]  ap      Arguments the format consumes.
 *
 * \return The number of characters written, not counting the terminator.
 */
int
vmk_Vsprintf(
   char *str,
   const char *format,
   va_list ap);

/**
 * \brief Read values out of a string according to a format, taking the
 *        result pointers from a va_list.
 *
 * Same rules as vmk_Sscanf().
 *
 * \note This function will not block.
 *
 * \param[in]  inp   NUL-terminated input text.
 * \param[in]  fmt0  Format string in scanf style.
 * \param[out] ap    Pointers that receive the converted values.
 *
 * \return The number of values stored, or -1 if the input ended before the
 *         first conversion.
 */
int
vmk_Vsscanf(
   const char *inp,
   const char *fmt0,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LIBC_H_ */
