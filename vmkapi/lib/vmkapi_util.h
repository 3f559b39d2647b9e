/*
 * lib/vmkapi_util.h -- preprocessor helpers
 *
 * Stringification, rounding and a variadic argument counter (0 to 128
 * arguments) used by the management API.
 */

#ifndef _VMKAPI_UTIL_H_
#define _VMKAPI_UTIL_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_util.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Util Preprocessor Utilities
 *
 * \brief Stringification, argument counting and rounding macros.
 * \{
 */

/**
 * \brief Expand v, then turn it into a string literal.
 */
#define VMK_STRINGIFY(v) __VMK_STRINGIFY(v)

/**
 * \brief Number of arguments passed (0 to 128), as an integer constant.
 */
#define VMK_UTIL_NUM_ARGS(...)                                                       \
   (__VMK_UTIL_MASK_ARGS__(_vmkNoArg, ##__VA_ARGS__, __VMK_UTIL_ARG_COUNTS__()) - 1)

/**
 * \brief Round x up to a multiple of y.
 */
#define VMK_UTIL_ROUNDUP(x, y) ((((x) + (y) - 1) / (y)) * (y))

/**
 * \brief Turn the argument tokens into a string literal.
 */
#define __VMK_STRINGIFY(v) #v

/**
 * \brief The numbers 128 down to 0 (helper of VMK_UTIL_NUM_ARGS()).
 */
#define __VMK_UTIL_ARG_COUNTS__() \
   128, 127, 126, 125, 124, 123, 122, 121, 120, \
   119, 118, 117, 116, 115, 114, 113, 112, 111, 110, \
   109, 108, 107, 106, 105, 104, 103, 102, 101, 100, \
   99, 98, 97, 96, 95, 94, 93, 92, 91, 90, \
   89, 88, 87, 86, 85, 84, 83, 82, 81, 80, \
   79, 78, 77, 76, 75, 74, 73, 72, 71, 70, \
   69, 68, 67, 66, 65, 64, 63, 62, 61, 60, \
   59, 58, 57, 56, 55, 54, 53, 52, 51, 50, \
   49, 48, 47, 46, 45, 44, 43, 42, 41, 40, \
   39, 38, 37, 36, 35, 34, 33, 32, 31, 30, \
   29, 28, 27, 26, 25, 24, 23, 22, 21, 20, \
   19, 18, 17, 16, 15, 14, 13, 12, 11, 10, \
   9, 8, 7, 6, 5, 4, 3, 2, 1, 0

/**
 * \brief Select the 129th argument (helper of VMK_UTIL_NUM_ARGS()).
 */
#define __VMK_UTIL_MASK_ARGS_INT__(_a1, _a2, _a3, _a4, _a5, _a6, _a7, _a8, _a9, _a10,  \
   _a11, _a12, _a13, _a14, _a15, _a16, _a17, _a18, _a19, _a20,  \
   _a21, _a22, _a23, _a24, _a25, _a26, _a27, _a28, _a29, _a30,  \
   _a31, _a32, _a33, _a34, _a35, _a36, _a37, _a38, _a39, _a40,  \
   _a41, _a42, _a43, _a44, _a45, _a46, _a47, _a48, _a49, _a50,  \
   _a51, _a52, _a53, _a54, _a55, _a56, _a57, _a58, _a59, _a60,  \
   _a61, _a62, _a63, _a64, _a65, _a66, _a67, _a68, _a69, _a70,  \
   _a71, _a72, _a73, _a74, _a75, _a76, _a77, _a78, _a79, _a80,  \
   _a81, _a82, _a83, _a84, _a85, _a86, _a87, _a88, _a89, _a90,  \
   _a91, _a92, _a93, _a94, _a95, _a96, _a97, _a98, _a99, _a100,  \
   _a101, _a102, _a103, _a104, _a105, _a106, _a107, _a108, _a109, _a110,  \
   _a111, _a112, _a113, _a114, _a115, _a116, _a117, _a118, _a119, _a120,  \
   _a121, _a122, _a123, _a124, _a125, _a126, _a127, _a128, _a129, ...) _a129

/**
 * \brief Expand the arguments before selecting (helper of VMK_UTIL_NUM_ARGS()).
 */
#define __VMK_UTIL_MASK_ARGS__(...) __VMK_UTIL_MASK_ARGS_INT__(__VA_ARGS__)

/** \} */

#endif /* _VMKAPI_UTIL_H_ */
