/*
 * lib/vmkapi_revision.h -- revision numbers
 *
 * Packing and unpacking of major.minor.update.patch revision numbers.
 */

#ifndef _VMKAPI_REVISION_H_
#define _VMKAPI_REVISION_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_revision.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Revision Revisions
 *
 * \brief Four-part revision numbers (major.minor.update-patch) packed one
 *        byte per part into a vmk_revnum.
 * \{
 */

/**
 * \brief Expand x, then stringify it.
 */
#define VMK_REVISION_EXPANDSTR(x) VMK_REVISION_STRINGIFY(x)

/**
 * \brief Pack a revision into one number, one byte per part.
 */
#define VMK_REVISION_FROM_NUMBERS(major, minor, update, patchLevel) \
   ((((major) & 0xFF) << 24) |                                      \
    (((minor) & 0xFF) << 16) |                                      \
    (((update) & 0xFF) << 8) |                                      \
    ((patchLevel) & 0xFF))

/**
 * \brief Major part of a packed revision.
 */
#define VMK_REVISION_MAJOR(rev) (((rev) >> 24) & 0xFF)

/**
 * \brief Minor part of a packed revision.
 */
#define VMK_REVISION_MINOR(rev) (((rev) >> 16) & 0xFF)

/**
 * \brief Packed revision number from the four macros ID_REVISION_MAJOR,
 *        ID_REVISION_MINOR, ID_REVISION_UPDATE and ID_REVISION_PATCH_LEVEL,
 *        where ID is the argument.
 */
#define VMK_REVISION_NUMBER(id)                                               \
   VMK_REVISION_FROM_NUMBERS(id##_REVISION_MAJOR, id##_REVISION_MINOR,        \
                             id##_REVISION_UPDATE, id##_REVISION_PATCH_LEVEL)

/**
 * \brief Patch-level part of a packed revision.
 */
#define VMK_REVISION_PATCH_LEVEL(rev) ((rev) & 0xFF)

/**
 * \brief The revision given by the ID_REVISION_* macros of the argument ID, as
 *        "major.minor.update-patch".
 */
#define VMK_REVISION_STRING(id)                             \
   VMK_REVISION_EXPANDSTR(id##_REVISION_MAJOR) "."          \
   VMK_REVISION_EXPANDSTR(id##_REVISION_MINOR) "."          \
   VMK_REVISION_EXPANDSTR(id##_REVISION_UPDATE) "-"         \
   VMK_REVISION_EXPANDSTR(id##_REVISION_PATCH_LEVEL)

/**
 * \brief Turn the argument tokens into a string literal.
 */
#define VMK_REVISION_STRINGIFY(x) #x

/**
 * \brief Update part of a packed revision.
 */
#define VMK_REVISION_UPDATE(rev) (((rev) >> 8) & 0xFF)

/**
 * \brief A packed revision number; build one with
 *        VMK_REVISION_FROM_NUMBERS().
 */
typedef vmk_uint32 vmk_revnum;

/**
 * \brief Tell whether two packed revision numbers are the same.
 *
 * \note This function will not block.
 *
 * \param[in] rev1  First revision.
 * \param[in] rev2  Second revision.
 *
 * \return VMK_TRUE if all four parts are equal, VMK_FALSE otherwise.
 */
static inline vmk_Bool
vmk_RevisionsAreEqual(
   vmk_revnum rev1,
   vmk_revnum rev2)
{
   return (rev1 == rev2) ? VMK_TRUE : VMK_FALSE;
}

/** \} */

#endif /* _VMKAPI_REVISION_H_ */
