/*
 * base/vmkapi_module_types.h -- module identifier type
 *
 * vmk_ModuleID and the per-module vmk_ModuleCurrentID. Under vmkemu each
 * loaded module (or test program) defines vmk_ModuleCurrentID from the ID
 * vmk_ModuleRegister() gave it.
 */

#ifndef _VMKAPI_MODULE_TYPES_H_
#define _VMKAPI_MODULE_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_module_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Module
 * \{
 */

/** \brief Identifier of a loaded module. */
typedef int vmk_ModuleID;

/**
 * \brief ID of the module this code belongs to (set when the module registers).
 */
extern const vmk_ModuleID vmk_ModuleCurrentID;

/** \} */

#endif /* _VMKAPI_MODULE_TYPES_H_ */
