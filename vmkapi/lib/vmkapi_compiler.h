/*
 * lib/vmkapi_compiler.h -- compiler attributes and hints
 *
 * Thin wrappers around GCC/Clang attributes and builtins (inlining, packing,
 * sections, branch hints) so driver code spells them the ESX way. Nothing
 * here needs the runtime.
 */

#ifndef _VMKAPI_COMPILER_H_
#define _VMKAPI_COMPILER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_compiler.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Compiler Compiler Utilities
 *
 * \brief Attribute, inlining, branch-hint and layout macros that wrap the
 *        compiler's extensions, so driver code does not spell them out.
 * \{
 */

/**
 * \brief Inline always (used as "static VMK_ALWAYS_INLINE").
 */
#define VMK_ALWAYS_INLINE inline VMK_ATTRIBUTE_ALWAYS_INLINE

/**
 * \brief Align a type or object to n bytes.
 */
#define VMK_ATTRIBUTE_ALIGN(n) __attribute__((__aligned__(n)))

/**
 * \brief Inline the function even when not optimizing.
 */
#define VMK_ATTRIBUTE_ALWAYS_INLINE __attribute__((__always_inline__))

/**
 * \brief The function never returns.
 */
#define VMK_ATTRIBUTE_NORETURN __attribute__((__noreturn__))

/**
 * \brief Lay a structure out without padding.
 */
#define VMK_ATTRIBUTE_PACKED __attribute__((__packed__))

/**
 * \brief Check calls like printf: argument fmtIndex is the format, variable
 *        arguments start at firstArg.
 */
#define VMK_ATTRIBUTE_PRINTF(fmtIndex, firstArg)               \
   __attribute__((__format__(__printf__, fmtIndex, firstArg)))

/**
 * \brief Check calls like scanf: argument fmtIndex is the format, variable
 *        arguments start at firstArg.
 */
#define VMK_ATTRIBUTE_SCANF(fmtIndex, firstArg)               \
   __attribute__((__format__(__scanf__, fmtIndex, firstArg)))

/**
 * \brief Place an object in the named ELF section.
 */
#define VMK_ATTRIBUTE_SECTION(sec) __attribute__((__section__(sec)))

/**
 * \brief Let a union parameter accept any of its member types.
 */
#define VMK_ATTRIBUTE_TRANSPARENT_UNION __attribute__((__transparent_union__))

/**
 * \brief Keep an object even when nothing refers to it.
 */
#define VMK_ATTRIBUTE_USED __attribute__((__used__))

/**
 * \brief Keep x only in debug builds (VMX86_DEBUG defined).
 */
#if defined(VMX86_DEBUG)
#define VMK_DEBUG_ONLY(x) x
#else
#define VMK_DEBUG_ONLY(x)
#endif

/**
 * \brief Suggest inlining.
 */
#define VMK_INLINE inline

/**
 * \brief Whether the compiler knows the value of expr.
 */
#define VMK_IS_COMPILE_TIME(expr) __builtin_constant_p(expr)

/**
 * \brief Branch hint: expr is usually true.
 */
#define VMK_LIKELY(expr) __builtin_expect(!!(expr), 1)

/**
 * \brief Anonymous members "fields" (a brace-enclosed member list) padded to a
 *        multiple of alignSize.
 */
#define VMK_PADDED_STRUCT(alignSize, fields)                          \
   union {                                                            \
      struct fields;                                                  \
      char pad[VMK_UTIL_ROUNDUP(sizeof(struct fields), (alignSize))]; \
   };

/**
 * \brief Branch hint: expr is usually false.
 */
#define VMK_UNLIKELY(expr) __builtin_expect(!!(expr), 0)

/**
 * \brief Byte offset of MEMBER inside TYPE.
 */
#define vmk_offsetof(TYPE, MEMBER) ((vmk_ByteCount)__builtin_offsetof(TYPE, MEMBER))

/** \} */

#endif /* _VMKAPI_COMPILER_H_ */
