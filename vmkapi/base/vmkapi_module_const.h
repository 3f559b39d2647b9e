/*
 * base/vmkapi_module_const.h -- module name limits and separators
 *
 * Constants shared by the module loader: the maximum module name and the
 * character that separates a namespace from its version.
 */

#ifndef _VMKAPI_MODULE_CONST_H_
#define _VMKAPI_MODULE_CONST_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_module_const.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Module Modules
 *
 * \brief Loadable kernel modules: identity, namespaces, parameters,
 *        use counts and heaps.
 * \{
 */

/**
 * \brief Longest module name, including the NUL.
 */
#define VMK_MODULE_NAME_MAX 32

/**
 * \brief The namespace/version separator character.
 */
#define VMK_NS_VER_SEPARATOR ((char)'#')

/**
 * \brief The namespace/version separator as a string ("#").
 */
#define VMK_NS_VER_SEPARATOR_STRING VMK_STRINGIFY(_VMK_NS_VER_SEPARATOR)

/**
 * \brief Token between a namespace name and its version (a lone '#').
 */
#if defined(DOXYGEN_RUNNING)
#define _VMK_NS_VER_SEPARATOR
#else
#define _VMK_NS_VER_SEPARATOR #
#endif

/** \} */

#endif /* _VMKAPI_MODULE_CONST_H_ */
