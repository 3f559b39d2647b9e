/*
 * lib/vmkapi_string.h -- checked string routines
 *
 * Copy, append, duplicate and format strings with an explicit buffer size,
 * reporting truncation and bad arguments as a status.
 */

#ifndef _VMKAPI_STRING_H_
#define _VMKAPI_STRING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_string.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_String Strings
 *
 * \brief String routines that never overrun their destination and say
 *        when a result had to be cut.
 *
 * Every function here writes at most the size it is given, leaves a
 * NUL-terminated result whenever that size is not zero, and returns
 * VMK_LIMIT_EXCEEDED when the full result did not fit (the part that fits
 * is kept). Lengths reported back are those of the complete result,
 * without the terminator, even when it was cut. Prefer these to
 * vmk_Strcpy() and vmk_Sprintf().
 * \{
 */

/**
 * \brief Append a string to the string already in a buffer.
 *
 * \note This function will not block.
 *
 * \param[in,out] dst     Buffer holding a NUL-terminated string within its
 *                        first dstLen bytes; src is added after it.
 * \param[in]     src     NUL-terminated string to append.
 * \param[in]     dstLen  Total size of dst in bytes.
 *
 * \retval VMK_OK              The whole of src was appended.
 * \retval VMK_LIMIT_EXCEEDED  Only part of src fitted; the result is cut
 *                             but terminated.
 * \retval VMK_BAD_PARAM       dst or src is NULL, or dst holds no
 *                             terminator within dstLen bytes.
 */
VMK_ReturnStatus
vmk_StringCat(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen);

/**
 * \brief Copy a string into a buffer of limited size.
 *
 * \note This function will not block.
 *
 * \param[out] dst     Destination buffer.
 * \param[in]  src     NUL-terminated string to copy.
 * \param[in]  dstLen  Size of dst in bytes, terminator included.
 *
 * \retval VMK_OK              The whole string was copied.
 * \retval VMK_LIMIT_EXCEEDED  The string was cut to dstLen - 1 characters
 *                             (or dstLen is 0 and nothing was written).
 * \retval VMK_BAD_PARAM       dst or src is NULL.
 */
VMK_ReturnStatus
vmk_StringCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen);

/**
 * \brief Make a copy of a string in memory from a heap.
 *
 * \note This function will not block.
 *
 * \param[in]  heapID  Heap to allocate the copy from.
 * \param[in]  src     String to copy.
 * \param[in]  maxLen  Most characters to copy; a longer string is cut
 *                     there. The copy is always terminated.
 * \param[out] dst     Receives the copy; release it with vmk_HeapFree() on
 *                     heapID.
 *
 * \retval VMK_OK         *dst points to the copy.
 * \retval VMK_NO_MEMORY  The heap could not supply the memory.
 * \retval VMK_BAD_PARAM  src or dst is NULL, or maxLen is the largest
 *                        vmk_ByteCount and src is that long.
 */
VMK_ReturnStatus
vmk_StringDup(
   vmk_HeapID heapID,
   const char *src,
   vmk_ByteCount maxLen,
   char **dst);

/**
 * \brief Format text into a buffer of limited size, with a status.
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the text; may be NULL only if
 *                     strLen is 0.
 * \param[in]  strLen  Size of str in bytes, terminator included.
 * \param[out] outLen  If not NULL, receives the length of the complete
 *                     text (without terminator), even when it was cut.
 * \param[in]  format  Format string in the vmkernel's printf dialect (see
 *                     \ref VMK_Libc).
 * \param[in]  ...     Arguments the format consumes.
 *
 * \retval VMK_OK              The whole text fitted.
 * \retval VMK_LIMIT_EXCEEDED  The text was cut to fit.
 * \retval VMK_BAD_PARAM       format is NULL, or str is NULL with a
 *                             non-zero strLen.
 */
VMK_ReturnStatus
vmk_StringFormat(
   char *str,
   vmk_ByteCount strLen,
   vmk_ByteCount *outLen,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(4, 5);

/**
 * \brief Copy a string into a buffer of limited size and report the
 *        source's length.
 *
 * \note This function will not block.
 *
 * \param[out] dst     Destination buffer.
 * \param[in]  src     NUL-terminated string to copy.
 * \param[in]  dstLen  Size of dst in bytes, terminator included.
 * \param[out] outLen  If not NULL, receives the length of src, which tells
 *                     the caller how big a buffer would have been needed.
 *
 * \retval VMK_OK              The whole string was copied.
 * \retval VMK_LIMIT_EXCEEDED  The string was cut to fit.
 * \retval VMK_BAD_PARAM       dst or src is NULL.
 */
VMK_ReturnStatus
vmk_StringLCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen,
   vmk_ByteCount *outLen);

/**
 * \brief Format text into a buffer of limited size, with a status, taking
 *        the arguments from a va_list.
 *
 * \note This function will not block.
 *
 * \param[out] str     Buffer that receives the text; may be NULL only if
 *                     strLen is 0.
 * \param[in]  strLen  Size of str in bytes, terminator included.
 * \param[out] outLen  If not NULL, receives the length of the complete
 *                     text (without terminator), even when it was cut.
 * \param[in]  format  Format string in the vmkernel's printf dialect.
 * \param[in]  ap      Arguments the format consumes.
 *
 * \retval VMK_OK              The whole text fitted.
 * \retval VMK_LIMIT_EXCEEDED  The text was cut to fit.
 * \retval VMK_BAD_PARAM       format is NULL, or str is NULL with a
 *                             non-zero strLen.
 */
VMK_ReturnStatus
vmk_StringVFormat(
   char *str,
   vmk_ByteCount strLen,
   vmk_ByteCount *outLen,
   const char *format,
   va_list ap);

/** \} */

#endif /* _VMKAPI_STRING_H_ */
