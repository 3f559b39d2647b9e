/*
 * base/vmkapi_module_ns.h -- the vmkapi namespace
 *
 * Name and version of the namespace this vmkapi provides.
 */

#ifndef _VMKAPI_MODULE_NS_H_
#define _VMKAPI_MODULE_NS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_module_ns.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Module
 * \{
 */

/**
 * \brief Version of the vmkapi namespace these headers provide.
 */
#define VMK_NAMESPACE_CURRENT_VERSION "v2_3_0_0"

/**
 * \brief Namespace of the vmkapi itself.
 */
#define VMK_NAMESPACE_VMKAPI "com.vmware.vmkapi"

/** \} */

#endif /* _VMKAPI_MODULE_NS_H_ */
