/*
 * base/vmkapi_module_int.h -- module internals
 *
 * Helpers that the public module macros expand to: parameter descriptors,
 * symbol export records and the .vmkmodinfo stamps, in the section layout
 * vmkemu's loader reads.
 */

#ifndef _VMKAPI_MODULE_INT_H_
#define _VMKAPI_MODULE_INT_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_module_int.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Module
 * \{
 */

/**
 * \brief Build type stamped into modules: "debug" with VMX86_DEBUG, else
 *        "release".
 */
#if !defined(VMK_BUILD_TYPE)
#if defined(VMX86_DEBUG)
#define VMK_BUILD_TYPE "debug"
#else
#define VMK_BUILD_TYPE "release"
#endif
#endif

/**
 * \brief Symbol of the build-type stamp.
 */
#define VMK_BUILD_TYPE_INFO_SYM __vmk_buildTypeInfo_str

/**
 * \brief Prefix of the build-type stamp.
 */
#define VMK_BUILD_TYPE_INFO_TAG "buildType="

/**
 * \brief Length of VMK_BUILD_TYPE_INFO_TAG.
 */
#define VMK_BUILD_TYPE_INFO_TAG_LEN (sizeof(VMK_BUILD_TYPE_INFO_TAG) - 1)

/**
 * \brief ELF section listing exported symbol aliases.
 */
#define VMK_EXPORT_ALIAS_SEC ".vmksymbolaliases"

/**
 * \brief ELF section listing exported symbols.
 */
#define VMK_EXPORT_SYMBOL_SEC ".vmksymbolexports"

/**
 * \brief Symbol of the license stamp.
 */
#define VMK_LICENSE_INFO_SYM __vmk_licenseInfo_str

/**
 * \brief Prefix of the license stamp.
 */
#define VMK_LICENSE_INFO_TAG "license="

/**
 * \brief Length of VMK_LICENSE_INFO_TAG.
 */
#define VMK_LICENSE_INFO_TAG_LEN (sizeof(VMK_LICENSE_INFO_TAG) - 1)

/**
 * \brief ELF section holding the module information strings.
 */
#define VMK_MODINFO_SEC ".vmkmodinfo"

/**
 * \brief Symbol of the provided-namespace stamp.
 */
#define VMK_NAMESPACE_PROVIDES_SYM __vmk_nsProvides_str

/**
 * \brief Prefix of the provided-namespace stamp.
 */
#define VMK_NAMESPACE_PROVIDES_TAG "nsProvides="

/**
 * \brief Length of VMK_NAMESPACE_PROVIDES_TAG.
 */
#define VMK_NAMESPACE_PROVIDES_TAG_LEN (sizeof(VMK_NAMESPACE_PROVIDES_TAG) - 1)

/**
 * \brief ELF section listing required namespaces.
 */
#define VMK_NAMESPACE_SEC ".vmkrequiredns"

/**
 * \brief Enumerator VMK_PARAM_type with the type code of type.
 */
#define VMK_PARAM(type) VMK_PARAM_##type = __vmk_ModuleParamType_##type

/**
 * \brief ELF section holding module parameter descriptors.
 */
#define VMK_PARAM_SEC ".vmkmodparam"

/**
 * \brief Symbol of the version stamp.
 */
#define VMK_VERSION_INFO_SYM __vmk_versionInfo_str

/**
 * \brief Prefix of the version stamp.
 */
#define VMK_VERSION_INFO_TAG "version="

/**
 * \brief Length of VMK_VERSION_INFO_TAG.
 */
#define VMK_VERSION_INFO_TAG_LEN (sizeof(VMK_VERSION_INFO_TAG) - 1)

/**
 * \brief Attributes of a symbol alias record.
 */
#define __VMK_EXPORT_ALIAS_ATTRS                            \
   VMK_ATTRIBUTE_SECTION(VMK_EXPORT_ALIAS_SEC)              \
   VMK_ATTRIBUTE_USED                                       \
   VMK_ATTRIBUTE_ALIGN(sizeof(void *))

/**
 * \brief Attributes of a symbol export record.
 */
#define __VMK_EXPORT_SYMBOL_ATTRS                           \
   VMK_ATTRIBUTE_SECTION(VMK_EXPORT_SYMBOL_SEC)             \
   VMK_ATTRIBUTE_USED                                       \
   VMK_ATTRIBUTE_ALIGN(sizeof(void *))

/**
 * \brief Stamp the license string text.
 */
#define __VMK_LICENSE_INFO(text)                                  \
   static const char VMK_LICENSE_INFO_SYM[]                       \
      VMK_ATTRIBUTE_USED VMK_ATTRIBUTE_SECTION(VMK_MODINFO_SEC) = \
      VMK_LICENSE_INFO_TAG text

/**
 * \brief Append the string literal text to the module information section.
 */
#define __VMK_MODINFO_STAMP(text)                                 \
   __asm__(".pushsection " VMK_MODINFO_SEC ", \"a\", @progbits\n" \
           "\t.string \"" text "\"\n"                             \
           "\t.popsection\n")

/**
 * \brief Describe array _pArray as module parameter _pName; *_pNump receives
 *        the number of values given.
 */
#define __VMK_MODPARAM_ARRAY_NAMED(_pName, _pArray, _pType, _pNump)                  \
   static char __vmk_param_str_##_pName[] = #_pName;                                 \
   static const struct vmk_ModuleParam __vmk_param_##_pName __VMK_MODPARAM_ATTRS = { \
      .name = __vmk_param_str_##_pName,                                              \
      .type = (vmk_ModuleParamType)__vmk_ModuleParamType_##_pType##_array,           \
      .param = {                                                                     \
         .array = {                                                                  \
            .arg = (void *)(_pArray),                                                \
            .maxlen = (int)__VMK_MODPARAM_ARRAY_SIZE(_pArray),                       \
            .nump = (_pNump),                                                        \
         },                                                                          \
      },                                                                             \
   };                                                                                \
   __VMK_MODPARAM_NAME(_pName, "array of " #_pType)

/**
 * \brief Number of elements of an array.
 */
#define __VMK_MODPARAM_ARRAY_SIZE(_pArray) (sizeof(_pArray) / sizeof((_pArray)[0]))

/**
 * \brief Attributes of a module parameter descriptor.
 */
#define __VMK_MODPARAM_ATTRS                                \
   VMK_ATTRIBUTE_SECTION(VMK_PARAM_SEC)                     \
   VMK_ATTRIBUTE_USED                                       \
   VMK_ATTRIBUTE_ALIGN(sizeof(void *))

/**
 * \brief Stamp the description of a module parameter.
 */
#define __VMK_MODPARAM_DESC(name, desc)                           \
   static const char __vmk_param_desc_##name[]                    \
      VMK_ATTRIBUTE_USED VMK_ATTRIBUTE_SECTION(VMK_MODINFO_SEC) = \
      "param_desc_" #name "=" desc

/**
 * \brief Stamp the name and type of a module parameter.
 */
#define __VMK_MODPARAM_NAME(name, type) __VMK_MODINFO_STAMP("param_" #name ":" type)

/**
 * \brief Describe scalar variable _pVar as module parameter _pName.
 */
#define __VMK_MODPARAM_NAMED(_pName, _pVar, _pType)                                  \
   static char __vmk_param_str_##_pName[] = #_pName;                                 \
   static const struct vmk_ModuleParam __vmk_param_##_pName __VMK_MODPARAM_ATTRS = { \
      .name = __vmk_param_str_##_pName,                                              \
      .type = (vmk_ModuleParamType)__vmk_ModuleParamType_##_pType,                   \
      .param = {                                                                     \
         .arg = (void *)&(_pVar),                                                    \
      },                                                                             \
   };                                                                                \
   __VMK_MODPARAM_NAME(_pName, #_pType)

/**
 * \brief Describe the character buffer _pString (_pMaxLen bytes) as module
 *        parameter _pName.
 */
#define __VMK_MODPARAM_STRING_NAMED(_pName, _pString, _pMaxLen)                      \
   static char __vmk_param_str_##_pName[] = #_pName;                                 \
   static const struct vmk_ModuleParam __vmk_param_##_pName __VMK_MODPARAM_ATTRS = { \
      .name = __vmk_param_str_##_pName,                                              \
      .type = (vmk_ModuleParamType)__vmk_ModuleParamType_string,                     \
      .param = {                                                                     \
         .string = {                                                                 \
            .arg = (_pString),                                                       \
            .maxlen = (int)(_pMaxLen),                                               \
         },                                                                          \
      },                                                                             \
   };                                                                                \
   __VMK_MODPARAM_NAME(_pName, "string")

/**
 * \brief Record symbol for export to other modules.
 *
 * (In C++ the enumerator is scoped in struct vmk_ExportSymbol.)
 */
#if defined(__cplusplus)
#define __VMK_MODULE_EXPORT_SYMBOL(symbol)                    \
   static char __vmk_symbol_str_##symbol[] = #symbol;         \
   static const struct vmk_ExportSymbol __vmk_symbol_##symbol \
      __VMK_EXPORT_SYMBOL_ATTRS = {                           \
      __vmk_symbol_str_##symbol,                              \
      vmk_ExportSymbol::VMK_EXPORT_SYMBOL_DEFAULT,            \
   };
#else
#define __VMK_MODULE_EXPORT_SYMBOL(symbol)                    \
   static char __vmk_symbol_str_##symbol[] = #symbol;         \
   static const struct vmk_ExportSymbol __vmk_symbol_##symbol \
      __VMK_EXPORT_SYMBOL_ATTRS = {                           \
      __vmk_symbol_str_##symbol,                              \
      VMK_EXPORT_SYMBOL_DEFAULT,                              \
   };
#endif

/**
 * \brief Record that symbol is exported under the name alias.
 */
#define __VMK_MODULE_EXPORT_SYMBOL_ALIASED(symbol, alias)                 \
   static char __vmk_symbol_str_##symbol##alias[] = #symbol;              \
   static char __vmk_symbol_str_##alias[] = #alias;                       \
   static const struct vmk_ExportSymbolAlias __vmk_symbol_##symbol##alias \
      __VMK_EXPORT_ALIAS_ATTRS = {                                        \
      __vmk_symbol_str_##symbol##alias,                                   \
      __vmk_symbol_str_##alias,                                           \
   };

/**
 * \brief Record symbol for direct export (callers bind without a trampoline).
 *
 * (In C++ the enumerator is scoped in struct vmk_ExportSymbol.)
 */
#if defined(__cplusplus)
#define __VMK_MODULE_EXPORT_SYMBOL_DIRECT(symbol)             \
   static char __vmk_symbol_str_##symbol[] = #symbol;         \
   static const struct vmk_ExportSymbol __vmk_symbol_##symbol \
      __VMK_EXPORT_SYMBOL_ATTRS = {                           \
      __vmk_symbol_str_##symbol,                              \
      vmk_ExportSymbol::VMK_EXPORT_SYMBOL_DIRECT,             \
   };
#else
#define __VMK_MODULE_EXPORT_SYMBOL_DIRECT(symbol)             \
   static char __vmk_symbol_str_##symbol[] = #symbol;         \
   static const struct vmk_ExportSymbol __vmk_symbol_##symbol \
      __VMK_EXPORT_SYMBOL_ATTRS = {                           \
      __vmk_symbol_str_##symbol,                              \
      VMK_EXPORT_SYMBOL_DIRECT,                               \
   };
#endif

/**
 * \brief License prefix of third-party modules.
 */
#define __VMK_MODULE_LICENSE_THIRD_PARTY "ThirdParty"

/**
 * \brief Record that the module provides namespace ns at version.
 */
#define __VMK_NAMESPACE_PROVIDES(ns, version)                            \
   static const char VMK_NAMESPACE_PROVIDES_SYM[]                        \
      VMK_ATTRIBUTE_USED VMK_ATTRIBUTE_SECTION(VMK_MODINFO_SEC) =        \
      VMK_NAMESPACE_PROVIDES_TAG ns VMK_NS_VER_SEPARATOR_STRING version;

/**
 * \brief Record that the module needs namespace ns at version.
 */
#define __VMK_NAMESPACE_REQUIRED(ns, version)                                \
   __asm__(".pushsection " VMK_NAMESPACE_SEC ", \"aS\", @progbits\n"         \
           "\t.string \"" ns VMK_NS_VER_SEPARATOR_STRING version "\"\n"      \
           "\t.popsection\n");                                               \
   __VMK_MODINFO_STAMP("nsRequired=" ns VMK_NS_VER_SEPARATOR_STRING version)

/**
 * \brief Stamp the build type and the version string text.
 */
#define __VMK_VERSION_INFO(text)                                  \
   static const char VMK_BUILD_TYPE_INFO_SYM[]                    \
      VMK_ATTRIBUTE_USED VMK_ATTRIBUTE_SECTION(VMK_MODINFO_SEC) = \
      VMK_BUILD_TYPE_INFO_TAG VMK_BUILD_TYPE;                     \
   static const char VMK_VERSION_INFO_SYM[]                       \
      VMK_ATTRIBUTE_USED VMK_ATTRIBUTE_SECTION(VMK_MODINFO_SEC) = \
      VMK_VERSION_INFO_TAG text

/**
 * \brief Type code of module parameters of type bool.
 */
#define __vmk_ModuleParamType_bool 15

/**
 * \brief Type code of module parameters of type byte.
 */
#define __vmk_ModuleParamType_byte 16

/**
 * \brief Type code of module parameters of type charp.
 */
#define __vmk_ModuleParamType_charp 14

/**
 * \brief Type code of module parameters of type int.
 */
#define __vmk_ModuleParamType_int 1

/**
 * \brief Type code of module parameters of type int array.
 */
#define __vmk_ModuleParamType_int_array 2

/**
 * \brief Type code of module parameters of type long.
 */
#define __vmk_ModuleParamType_long 5

/**
 * \brief Type code of module parameters of type long array.
 */
#define __vmk_ModuleParamType_long_array 6

/**
 * \brief Type code of module parameters of type short.
 */
#define __vmk_ModuleParamType_short 9

/**
 * \brief Type code of module parameters of type short array.
 */
#define __vmk_ModuleParamType_short_array 10

/**
 * \brief Type code of module parameters of type string.
 */
#define __vmk_ModuleParamType_string 13

/**
 * \brief Type code of module parameters of type uint.
 */
#define __vmk_ModuleParamType_uint 3

/**
 * \brief Type code of module parameters of type uint array.
 */
#define __vmk_ModuleParamType_uint_array 4

/**
 * \brief Type code of module parameters of type ulong.
 */
#define __vmk_ModuleParamType_ulong 7

/**
 * \brief Type code of module parameters of type ulong array.
 */
#define __vmk_ModuleParamType_ulong_array 8

/**
 * \brief Type code of module parameters of type ushort.
 */
#define __vmk_ModuleParamType_ushort 11

/**
 * \brief Type code of module parameters of type ushort array.
 */
#define __vmk_ModuleParamType_ushort_array 12

/**
 * \brief Record of one symbol a module exports, placed in the export
 *        section by VMK_MODULE_EXPORT_SYMBOL() and friends.
 */
struct vmk_ExportSymbol {
   /** \brief Name of the exported symbol. */
   char *name;
   /** \brief How other modules bind to it. */
   enum {
      /** \brief Through the loader's usual call path. */
      VMK_EXPORT_SYMBOL_DEFAULT = 0,
      /** \brief Directly, without a trampoline. */
      VMK_EXPORT_SYMBOL_DIRECT = 1,
   } exportType;
};

/**
 * \brief Record of a symbol exported under another name.
 */
struct vmk_ExportSymbolAlias {
   /** \brief Name of the symbol in the exporting module. */
   char *name;
   /** \brief Name other modules use for it. */
   char *alias;
};

/**
 * \brief Type codes of module parameters, as stored in their descriptors.
 */
typedef enum {
   /** \brief An int. */
   VMK_PARAM(int),
   /** \brief An array of int. */
   VMK_PARAM(int_array),
   /** \brief An unsigned int. */
   VMK_PARAM(uint),
   /** \brief An array of unsigned int. */
   VMK_PARAM(uint_array),
   /** \brief A long. */
   VMK_PARAM(long),
   /** \brief An array of long. */
   VMK_PARAM(long_array),
   /** \brief An unsigned long. */
   VMK_PARAM(ulong),
   /** \brief An array of unsigned long. */
   VMK_PARAM(ulong_array),
   /** \brief A short. */
   VMK_PARAM(short),
   /** \brief An array of short. */
   VMK_PARAM(short_array),
   /** \brief An unsigned short. */
   VMK_PARAM(ushort),
   /** \brief An array of unsigned short. */
   VMK_PARAM(ushort_array),
   /** \brief A string copied into a fixed-size buffer. */
   VMK_PARAM(string),
   /** \brief A pointer to a string. */
   VMK_PARAM(charp),
   /** \brief A boolean (int-sized). */
   VMK_PARAM(bool),
   /** \brief A byte. */
   VMK_PARAM(byte),
} vmk_ModuleParamType;

/**
 * \brief Descriptor of one module parameter, placed in the parameter
 *        section by the VMK_MODPARAM macros; the loader fills the variable
 *        from the load-time arguments.
 */
struct vmk_ModuleParam {
   /** \brief Name of the parameter on the command line. */
   const char *name;
   /** \brief Type of the parameter. */
   vmk_ModuleParamType type;
   /** \brief Where the value goes, by kind of type. */
   union {
      /** \brief For scalar types: the variable. */
      void *arg;
      /** \brief For VMK_PARAM(string). */
      struct {
         /** \brief The buffer. */
         char *arg;
         /** \brief Size of the buffer in bytes. */
         int maxlen;
      } string;
      /** \brief For the array types. */
      struct {
         /** \brief The array. */
         void *arg;
         /** \brief Number of elements the array holds. */
         int maxlen;
         /** \brief Receives the number of values given, or NULL. */
         int *nump;
      } array;
   } param;
};

/** \} */

#endif /* _VMKAPI_MODULE_INT_H_ */
