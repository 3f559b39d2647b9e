/*
 * base/vmkapi_module.h -- modules
 *
 * Module registration, module parameters and the module information stamps a
 * loader reads from the binary (version, license, namespaces, exported
 * symbols).
 */

#ifndef _VMKAPI_MODULE_H_
#define _VMKAPI_MODULE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_module.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Module
 * \{
 */

/** \brief Vmkernel module id. */
#define VMK_VMKERNEL_MODULE_ID 0

/**
 * \brief Call function of module moduleID with the module stack set up; store its value in result.
 */
#define VMKAPI_MODULE_CALL(moduleID, result, function, ...)            \
   do {                                                                \
      vmk_ModInfoStack _vmkModStack;                                   \
      vmk_ModulePushId((moduleID), (void *)(function), &_vmkModStack); \
      (result) = (function)(__VA_ARGS__);                              \
      vmk_ModulePopId();                                               \
   } while (0)

/**
 * \brief Call a void function of module moduleID with the module stack set up.
 */
#define VMKAPI_MODULE_CALL_VOID(moduleID, function, ...)               \
   do {                                                                \
      vmk_ModInfoStack _vmkModStack;                                   \
      vmk_ModulePushId((moduleID), (void *)(function), &_vmkModStack); \
      (function)(__VA_ARGS__);                                         \
      vmk_ModulePopId();                                               \
   } while (0)

/**
 * \brief A module ID that refers to no module.
 */
#define VMK_INVALID_MODULE_ID ((vmk_uint32)-1)

/**
 * \brief Stamp the module license (e.g. VMK_MODULE_LICENSE_BSD).
 */
#define VMK_LICENSE_INFO(text) __VMK_LICENSE_INFO(text)

/**
 * \brief Declare the variable name as a module parameter of the same name.
 */
#define VMK_MODPARAM(name, type, desc) VMK_MODPARAM_NAMED(name, name, type, desc)

/**
 * \brief Declare the array name as a module parameter of the same name.
 */
#define VMK_MODPARAM_ARRAY(name, type, nump, desc)          \
   VMK_MODPARAM_ARRAY_NAMED(name, name, type, nump, desc)

/**
 * \brief Declare array var as module parameter name; *nump receives the count given.
 */
#define VMK_MODPARAM_ARRAY_NAMED(name, var, type, nump, desc) \
   __VMK_MODPARAM_ARRAY_NAMED(name, var, type, nump);         \
   __VMK_MODPARAM_DESC(name, desc)

/**
 * \brief Declare variable var as module parameter name of the given type, with a description.
 */
#define VMK_MODPARAM_NAMED(name, var, type, desc)           \
   __VMK_MODPARAM_NAMED(name, var, type);                   \
   __VMK_MODPARAM_DESC(name, desc)

/**
 * \brief Declare the character buffer name as a string module parameter of the same name.
 */
#define VMK_MODPARAM_STRING(name, len, desc)                \
   VMK_MODPARAM_STRING_NAMED(name, name, len, desc)

/**
 * \brief Declare character buffer string (len bytes) as string module parameter name.
 */
#define VMK_MODPARAM_STRING_NAMED(name, string, len, desc)  \
   __VMK_MODPARAM_STRING_NAMED(name, string, len);          \
   __VMK_MODPARAM_DESC(name, desc)

/**
 * \brief Export symbol as an alias of itself.
 */
#define VMK_MODULE_EXPORT_ALIAS(symbol) __VMK_MODULE_EXPORT_SYMBOL_ALIASED(symbol, symbol)

/**
 * \brief Export symbol to modules that require this module's namespace.
 */
#define VMK_MODULE_EXPORT_SYMBOL(symbol) __VMK_MODULE_EXPORT_SYMBOL(symbol)

/**
 * \brief Export symbol under the name alias.
 */
#define VMK_MODULE_EXPORT_SYMBOL_ALIASED(symbol, alias)     \
   __VMK_MODULE_EXPORT_SYMBOL_ALIASED(symbol, alias)

/**
 * \brief License string for BSD-licensed modules.
 */
#define VMK_MODULE_LICENSE_BSD "BSD"

/**
 * \brief License string for GPL version 2 modules.
 */
#define VMK_MODULE_LICENSE_GPLV2 "GPLv2"

/**
 * \brief License string for VMware-licensed modules.
 */
#define VMK_MODULE_LICENSE_VMWARE "VMware"

/**
 * \brief Declare that the module provides namespace ns at version.
 */
#define VMK_NAMESPACE_PROVIDES(ns, version) __VMK_NAMESPACE_PROVIDES(ns, version)

/**
 * \brief Declare that the module needs namespace ns at version.
 */
#define VMK_NAMESPACE_REQUIRED(ns, version) __VMK_NAMESPACE_REQUIRED(ns, version)

/**
 * \brief Stamp a third-party license string.
 */
#define VMK_THIRD_PARTY_LICENSE_INFO(text)                       \
   __VMK_LICENSE_INFO(__VMK_MODULE_LICENSE_THIRD_PARTY ":" text)

/**
 * \brief Stamp the module version string.
 */
#define VMK_VERSION_INFO(text) __VMK_VERSION_INFO(text)

/**
 * \brief Description of a mod info stack.
 */
typedef struct vmk_ModInfoStack {
   /** \brief Mod ID. */
   vmk_ModuleID modID;
   /** \brief Mod fn. */
   void *mod_fn;
   /** \brief Push RA. */
   void *pushRA;
   /** \brief Old stack. */
   struct vmk_ModInfoStack *oldStack;
} vmk_ModInfoStack;

/**
 * \brief Module: decrement use count.
 *
 * \param[in] moduleID Module id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModuleDecUseCount(
   vmk_ModuleID moduleID);

/**
 * \brief Identifier the debugger uses for a module.
 *
 * \param[in] moduleID Module id.
 */
vmk_uint64
vmk_ModuleGetDebugID(
   vmk_ModuleID moduleID);

/**
 * \brief Get the heap ID of a module.
 *
 * \param[in] moduleID Module id.
 */
vmk_HeapID
vmk_ModuleGetHeapID(
   vmk_ModuleID moduleID);

/**
 * \brief Get the ID of a module.
 *
 * \param[in] name Name.
 */
vmk_ModuleID
vmk_ModuleGetID(
   const char *name);

/**
 * \brief Get the name of a module.
 *
 * \param[in] moduleID Module id.
 * \param[in] name Name.
 * \param[in] nameLen Name len.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModuleGetName(
   vmk_ModuleID moduleID,
   char *name,
   vmk_ByteCountSmall nameLen);

/**
 * \brief Module: increment use count.
 *
 * \param[in] moduleID Module id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModuleIncUseCount(
   vmk_ModuleID moduleID);

/**
 * \brief Pop the top of the calling world's module-call stack.
 */
void
vmk_ModulePopId(void);

/**
 * \brief Push a module onto the calling world's module-call stack.
 *
 * \param[in] moduleID Module id.
 * \param[in] function Function.
 * \param[in,out] modStack Mod stack.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModulePushId(
   vmk_ModuleID moduleID,
   void *function,
   vmk_ModInfoStack *modStack);

/**
 * \brief Register the calling module and obtain its module ID.
 *
 * \param[in,out] moduleID Module id.
 * \param[in] vmkApiRevision Vmk api revision.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModuleRegister(
   vmk_ModuleID *moduleID,
   vmk_uint32 vmkApiRevision);

/**
 * \brief Set the heap ID of a module.
 *
 * \param[in] moduleID Module id.
 * \param[in] heap Heap.
 */
void
vmk_ModuleSetHeapID(
   vmk_ModuleID moduleID,
   vmk_HeapID heap);

/**
 * \brief Module ID at the top of the caller's module-call stack.
 */
vmk_ModuleID
vmk_ModuleStackTop(void);

/**
 * \brief Unregister a module.
 *
 * \param[in] moduleID Module id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_ModuleUnregister(
   vmk_ModuleID moduleID);

/** \} */

#endif /* _VMKAPI_MODULE_H_ */
