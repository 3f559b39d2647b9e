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
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] dstSize Dst size.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringCat(
   char *dst,
   const char *src,
   vmk_ByteCount dstSize);

/**
 * \brief Copy a string into a sized buffer, reporting truncation.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] dstSize Dst size.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstSize);

/**
 * \brief Duplicate a string into memory allocated from a heap.
 *
 * \param[in] heap Heap.
 * \param[in] src Src.
 * \param[in] maxLen Max len.
 * \param[in,out] dup Dup.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringDup(
   vmk_HeapID heap,
   const char *src,
   vmk_ByteCount maxLen,
   char **dup);

/**
 * \brief Format into a sized buffer, reporting truncation as a status.
 *
 * \param[in] dst Dst.
 * \param[in] dstSize Dst size.
 * \param[in,out] bytesWritten Bytes written.
 * \param[in] fmt printf-style format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringFormat(
   char *dst,
   vmk_ByteCount dstSize,
   vmk_ByteCount *bytesWritten,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(4, 5);

/**
 * \brief Copy a string into a sized buffer, reporting the source length and truncation.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] dstSize Dst size.
 * \param[in,out] srcLen Src len.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringLCopy(
   char *dst,
   const char *src,
   vmk_ByteCount dstSize,
   vmk_ByteCount *srcLen);

/**
 * \brief va_list form of vmk_StringFormat().
 *
 * \param[in] dst Dst.
 * \param[in] dstSize Dst size.
 * \param[in,out] bytesWritten Bytes written.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_StringVFormat(
   char *dst,
   vmk_ByteCount dstSize,
   vmk_ByteCount *bytesWritten,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_STRING_H_ */
