/*
 * lib/vmkapi_string.h -- bounded string routines
 *
 * String copy, concatenation and formatting that report truncation as a
 * status.
 */

#ifndef _VMKAPI_STRING_H_
#define _VMKAPI_STRING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_string.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_String Strings
 * \{
 */

/**
 * \brief Append a string to a sized buffer, reporting truncation.
 *
 * \note This function will not block.
 *
 * \param[in] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] dstLen Dst len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StringCat(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen);

/**
 * \brief Copy a string into a sized buffer, reporting truncation.
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] dstLen Dst len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StringCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen);

/**
 * \brief Duplicate a string into memory allocated from a heap.
 *
 * \note This function will not block.
 *
 * \param[in] heapID Heap handle.
 * \param[in] src Source buffer.
 * \param[in] maxLen Max len.
 * \param[out] dst Dst.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StringDup(
   vmk_HeapID heapID,
   const char *src,
   vmk_ByteCount maxLen,
   char **dst);

/**
 * \brief Format into a sized buffer, reporting truncation as a status.
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] strLen Str len.
 * \param[out] outLen Out len.
 * \param[in] format printf-style format string.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
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
 * \brief Copy a string into a sized buffer, reporting the source length and
 *     truncation.
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 * \param[in] dstLen Dst len.
 * \param[out] outLen Out len.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_StringLCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstLen,
   vmk_ByteCount *outLen);

/**
 * \brief va_list form of vmk_StringFormat().
 *
 * \note This function will not block.
 *
 * \param[in] str Str.
 * \param[in] strLen Str len.
 * \param[out] outLen Out len.
 * \param[in] format printf-style format string.
 * \param[in] ap Arguments for the format.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_BAD_PARAM An argument is invalid.
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
