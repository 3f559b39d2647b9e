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

/** \brief Module ID of the kernel itself. */
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
 * \brief One entry of a world's module stack: records that the world has
 *        entered a module's code (see VMKAPI_MODULE_CALL).
 */
typedef struct vmk_ModInfoStack {
   /** \brief Module being entered. */
   vmk_ModuleID modID;
   /** \brief Function of that module being called. */
   void *mod_fn;
   /** \brief Return address of the code that pushed the entry. */
   void *pushRA;
   /** \brief Entry below this one, restored by vmk_ModulePopId(). */
   struct vmk_ModInfoStack *oldStack;
} vmk_ModInfoStack;

/**
 * \brief Drop a use-count reference taken with vmk_ModuleIncUseCount().
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 *
 * \retval VMK_OK The use count is lowered.
 * \retval VMK_NOT_FOUND No module has that ID.
 * \retval VMK_MODULE_NOT_LOADED The module is being unloaded.
 * \retval VMK_BAD_PARAM The use count is already zero (also a misuse report).
 */
VMK_ReturnStatus
vmk_ModuleDecUseCount(
   vmk_ModuleID module);

/**
 * \brief Identifier debuggers use for a module.
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 *
 * \return The debug ID (in vmkemu, the module ID).
 */
vmk_uint64
vmk_ModuleGetDebugID(
   vmk_ModuleID module);

/**
 * \brief The heap set for a module with vmk_ModuleSetHeapID().
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 *
 * \return The heap, or VMK_INVALID_HEAP_ID if none is set.
 */
vmk_HeapID
vmk_ModuleGetHeapID(
   vmk_ModuleID module);

/**
 * \brief Look a module up by name.
 *
 * \note This function will not block.
 *
 * \param[in] moduleName Module name.
 *
 * \return The module ID, or VMK_INVALID_MODULE_ID if no such module is loaded.
 */
vmk_ModuleID
vmk_ModuleGetID(
   const char *moduleName);

/**
 * \brief Copy a module's name.
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 * \param[out] moduleName Buffer that receives the name.
 * \param[in] len Size of the buffer in bytes.
 *
 * \retval VMK_OK The name is copied.
 * \retval VMK_NOT_FOUND No module has that ID.
 * \retval VMK_BAD_PARAM moduleName is NULL or len is too small.
 */
VMK_ReturnStatus
vmk_ModuleGetName(
   vmk_ModuleID module,
   char *moduleName,
   vmk_ByteCountSmall len);

/**
 * \brief Keep a module from being unloaded.
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 *
 * \retval VMK_OK The use count is raised.
 * \retval VMK_NOT_FOUND No module has that ID.
 * \retval VMK_MODULE_NOT_LOADED The module is being unloaded.
 */
VMK_ReturnStatus
vmk_ModuleIncUseCount(
   vmk_ModuleID module);

/**
 * \brief Undo the last vmk_ModulePushId() of the calling world.
 *
 * \note This function will not block.
 */
void
vmk_ModulePopId(void);

/**
 * \brief Record that the calling world enters another module (used by
 *     VMKAPI_MODULE_CALL).
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module being entered.
 * \param[in] function Function being called.
 * \param[in] modStack Caller-provided stack entry.
 *
 * \retval VMK_OK The entry is pushed.
 * \retval VMK_BAD_PARAM modStack is NULL.
 * \retval VMK_MODULE_NOT_LOADED No module has that ID.
 */
VMK_ReturnStatus
vmk_ModulePushId(
   vmk_ModuleID moduleID,
   void *function,
   vmk_ModInfoStack *modStack);

/**
 * \brief Register the calling module with the kernel; the first call of a
 *     module's init.
 *
 * \note This function may block.
 *
 * \param[out] id Receives the module ID.
 * \param[in] vmkApiModRevision VMKAPI_REVISION the module was built with.
 *
 * \retval VMK_OK The module is registered.
 * \retval VMK_BAD_PARAM id is NULL.
 * \retval VMK_VERSION_MISMATCH_MAJOR The module was built for another major
 *     vmkapi revision.
 * \retval VMK_VERSION_MISMATCH_MINOR The module was built for a newer minor
 *     vmkapi revision than this one.
 * \retval VMK_EXISTS The module is already registered.
 * \retval VMK_NO_MEMORY No memory or module ID is left for the module.
 * \retval VMK_FAILURE The vmkemu runtime is not running (before EmuCtl_Init()
 *     or after EmuCtl_Shutdown()).
 *
 * \note Outside a module that vmkemu's loader runs, each call registers a new
 *     module named "module-N".
 */
VMK_ReturnStatus
vmk_ModuleRegister(
   vmk_ModuleID *id,
   vmk_uint32 vmkApiModRevision);

/**
 * \brief Set the default heap of a module.
 *
 * \note This function will not block.
 *
 * \param[in] module ID of the module.
 * \param[in] heap Heap to use.
 */
void
vmk_ModuleSetHeapID(
   vmk_ModuleID module,
   vmk_HeapID heap);

/**
 * \brief Module the calling world is currently running in.
 *
 * \note This function will not block.
 *
 * \return The module ID on top of the world's module stack.
 */
vmk_ModuleID
vmk_ModuleStackTop(void);

/**
 * \brief Unregister a module; the last call of its cleanup.
 *
 * \note This function may block.
 *
 * \param[in] id Module ID from vmk_ModuleRegister().
 *
 * \retval VMK_OK The module is unregistered.
 * \retval VMK_INVALID_MODULE No registered module has that ID.
 * \retval VMK_NO_PERMISSION id is VMK_VMKERNEL_MODULE_ID; the kernel cannot
 *     be unregistered.
 * \retval VMK_BUSY The module's use count is not zero.
 */
VMK_ReturnStatus
vmk_ModuleUnregister(
   vmk_ModuleID id);

/** \} */

#endif /* _VMKAPI_MODULE_H_ */
