/*
 * lib/vmkapi_name.h -- fixed-size names
 *
 * vmk_Name: a short, NUL-terminated name stored in place, used by the
 * properties structures of almost every object a driver creates.
 */

#ifndef _VMKAPI_NAME_H_
#define _VMKAPI_NAME_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_name.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Name Names
 *
 * \brief Fixed-size object names and the functions that fill them.
 *
 * A vmk_Name holds at most VMK_MISC_NAME_MAX - 1 characters and the
 * terminating NUL; it is copied by value, so no memory has to be managed.
 * Fill one with vmk_NameInitialize() or vmk_NameFormat(), which cut a
 * longer string to fit and say so.
 * \{
 */

/**
 * \brief Size in bytes of the text of a vmk_Name, terminator included.
 */
#define VMK_MISC_NAME_MAX 32

/**
 * \brief A name of up to VMK_MISC_NAME_MAX - 1 characters, stored in
 *        place.
 */
typedef struct vmk_Name {
   /** \brief The characters of the name, always NUL-terminated. */
   char string[32];
} vmk_Name;

/**
 * \brief Copy one name into another.
 *
 * \note This function will not block.
 * \note A NULL argument is a MISUSE report in vmkemu (ESXi would fault).
 *
 * \param[out] dst  Name to overwrite.
 * \param[in]  src  Name to copy.
 */
void
vmk_NameCopy(
   vmk_Name *dst,
   vmk_Name *src);

/**
 * \brief Set a name from a printf-style format.
 *
 * A result longer than the name can hold is cut, and still terminated.
 *
 * \note This function will not block.
 *
 * \param[out] name    Name to set.
 * \param[in]  format  Format string in the vmkernel's printf dialect (see
 *                     \ref VMK_Libc).
 * \param[in]  ...     Arguments the format consumes.
 *
 * \retval VMK_OK              The whole text fitted.
 * \retval VMK_LIMIT_EXCEEDED  The text was cut to VMK_MISC_NAME_MAX - 1
 *                             characters.
 * \retval VMK_BAD_PARAM       name or format is NULL.
 */
VMK_ReturnStatus
vmk_NameFormat(
   vmk_Name *name,
   const char *format,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Set a name from a C string.
 *
 * A longer string is cut to fit, and still terminated.
 *
 * \note This function will not block.
 *
 * \param[out] name    Name to set.
 * \param[in]  string  NUL-terminated text for the name.
 *
 * \retval VMK_OK             The whole string fitted.
 * \retval VMK_NAME_TOO_LONG  The string was cut to VMK_MISC_NAME_MAX - 1
 *                            characters.
 * \retval VMK_BAD_PARAM      name or string is NULL.
 */
VMK_ReturnStatus
vmk_NameInitialize(
   vmk_Name *name,
   const char *string);

/**
 * \brief Get the text of a name as a C string.
 *
 * \note This function will not block.
 * \note A NULL name is a MISUSE report in vmkemu; the call then returns
 *       an empty string.
 *
 * \param[in] name  Name to read.
 *
 * \return Pointer to the name's NUL-terminated text, valid as long as the
 *         name itself.
 */
const char *
vmk_NameToString(
   const vmk_Name *name);

/** \} */

#endif /* _VMKAPI_NAME_H_ */
