/*
 * lib/vmkapi_name.h -- fixed-size names
 *
 * vmk_Name, a NUL-terminated name of at most VMK_MISC_NAME_MAX bytes, used
 * by every create/props structure.
 */

#ifndef _VMKAPI_NAME_H_
#define _VMKAPI_NAME_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_name.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Name Names
 * \{
 */

/**
 * \brief Size of a vmk_Name, including the NUL.
 */
#define VMK_MISC_NAME_MAX 32

/**
 * \brief A name of at most VMK_MISC_NAME_MAX bytes including the NUL.
 */
typedef struct vmk_Name {
   /** \brief String. */
   char string[32];
} vmk_Name;

/**
 * \brief Copy a vmk_Name.
 *
 * \note This function will not block.
 *
 * \param[out] dst Dst.
 * \param[in] src Source buffer.
 */
void
vmk_NameCopy(
   vmk_Name *dst,
   vmk_Name *src);

/**
 * \brief Format a name.
 *
 * \note This function will not block.
 *
 * \param[out] name Name.
 * \param[in] format printf-style format string.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 */
VMK_ReturnStatus
vmk_NameFormat(
   vmk_Name *name,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Initialize a name.
 *
 * \note This function will not block.
 *
 * \param[out] name Name.
 * \param[in] string String.
 *
 * \retval VMK_OK Success.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 */
VMK_ReturnStatus
vmk_NameInitialize(
   vmk_Name *name,
   const char *string);

/**
 * \brief Return the NUL-terminated string of a vmk_Name.
 *
 * \note This function will not block.
 *
 * \param[in] name Name.
 */
const char *
vmk_NameToString(
   const vmk_Name *name);

/** \} */

#endif /* _VMKAPI_NAME_H_ */
