/*
 * lib/vmkapi_bits.h -- byte-order conversion
 *
 * Big-endian conversion helpers, implemented inline with compiler byte-swap
 * builtins.
 */

#ifndef _VMKAPI_BITS_H_
#define _VMKAPI_BITS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_bits.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Bits Byte Order
 *
 * \brief Converting integers between the CPU's byte order and big-endian
 *        (network and most device-register) order.
 *
 * x86 is little-endian, so every conversion here swaps bytes; applying
 * the same conversion twice gives the original value back. All are
 * inline and usable in any context.
 * \{
 */

/**
 * \brief Convert a 16-bit big-endian value (network order) to the CPU's
 *        byte order.
 *
 * \note This function will not block.
 *
 * \param[in] be  Value as stored big-endian.
 *
 * \return The same value in CPU byte order (bytes swapped on x86).
 */
static inline vmk_uint16
vmk_BE16ToCPU(
   vmk_uint16 be)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return be;
#else
   return __builtin_bswap16(be);
#endif
}

/**
 * \brief Convert a 32-bit big-endian value (network order) to the CPU's
 *        byte order.
 *
 * \note This function will not block.
 *
 * \param[in] be  Value as stored big-endian.
 *
 * \return The same value in CPU byte order (bytes swapped on x86).
 */
static inline vmk_uint32
vmk_BE32ToCPU(
   vmk_uint32 be)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return be;
#else
   return __builtin_bswap32(be);
#endif
}

/**
 * \brief Convert a 64-bit big-endian value (network order) to the CPU's
 *        byte order.
 *
 * \note This function will not block.
 *
 * \param[in] be  Value as stored big-endian.
 *
 * \return The same value in CPU byte order (bytes swapped on x86).
 */
static inline vmk_uint64
vmk_BE64ToCPU(
   vmk_uint64 be)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return be;
#else
   return __builtin_bswap64(be);
#endif
}

/**
 * \brief Convert a 16-bit value in the CPU's byte order to big-endian
 *        (network order).
 *
 * \note This function will not block.
 *
 * \param[in] value  Value in CPU byte order.
 *
 * \return The same value laid out big-endian (bytes swapped on x86).
 */
static inline vmk_uint16
vmk_CPUToBE16(
   vmk_uint16 value)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return value;
#else
   return __builtin_bswap16(value);
#endif
}

/**
 * \brief Convert a 32-bit value in the CPU's byte order to big-endian
 *        (network order).
 *
 * \note This function will not block.
 *
 * \param[in] value  Value in CPU byte order.
 *
 * \return The same value laid out big-endian (bytes swapped on x86).
 */
static inline vmk_uint32
vmk_CPUToBE32(
   vmk_uint32 value)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return value;
#else
   return __builtin_bswap32(value);
#endif
}

/**
 * \brief Convert a 64-bit value in the CPU's byte order to big-endian
 *        (network order).
 *
 * \note This function will not block.
 *
 * \param[in] value  Value in CPU byte order.
 *
 * \return The same value laid out big-endian (bytes swapped on x86).
 */
static inline vmk_uint64
vmk_CPUToBE64(
   vmk_uint64 value)
{
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
   return value;
#else
   return __builtin_bswap64(value);
#endif
}

/** \} */

#endif /* _VMKAPI_BITS_H_ */
