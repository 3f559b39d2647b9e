/*
 * base/vmkapi_assert.h -- assertions and panics
 *
 * vmk_Panic() and the VMK_ASSERT family. VMK_ASSERT is checked only in debug
 * builds (VMX86_DEBUG defined), as on ESXi; VMK_ASSERT_BUG is always
 * checked. In vmkemu a panic prints the message with the world and module
 * and aborts the process (or is recorded when a test expects it).
 */

#ifndef _VMKAPI_ASSERT_H_
#define _VMKAPI_ASSERT_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_assert.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Assert Assertions and Panic
 *
 * \brief Checking invariants and stopping the system when they fail.
 *
 * VMK_ASSERT() and its comparison forms are checked only in debug builds
 * (VMX86_DEBUG); VMK_ASSERT_BUG() is always checked; VMK_ASSERT_ON_COMPILE()
 * fails the build. A failed check, like vmk_Panic(), stops the whole
 * system with a message that names the module.
 *
 * \note A panic in vmkemu never returns into the driver: it goes back to
 *       a test that expected it (EmuCtl_ExpectPanic), fails the running
 *       test, or prints a backtrace and ends the process with status 87.
 * \{
 */

/**
 * \brief Panic if cond is false; checked in debug builds only (VMX86_DEBUG).
 *
 * Release builds drop cond entirely, as ESXi does, so cond may name
 * variables that only exist in debug builds.
 */
#if defined(VMX86_DEBUG)
#define VMK_ASSERT(cond, ...) VMK_ASSERT_BUG(cond, ##__VA_ARGS__)
#else
#define VMK_ASSERT(cond, ...)                                   \
   do {                                                         \
   } while (0)
#endif

/**
 * \brief Panic if cond is false, in every build. Optional printf-style message.
 */
#define VMK_ASSERT_BUG(cond, ...)                           \
   do {                                                     \
      if (VMK_UNLIKELY(!(cond))) {                          \
         VMK_ASSERT_PANIC(cond, "" __VA_ARGS__);            \
      }                                                     \
   } while (0)

/**
 * \brief Debug builds: assert that a is equal to b.
 */
#define VMK_ASSERT_EQ(a, b) VMK_ASSERT_OP(a, b, ==, EQ)

/**
 * \brief Debug builds: assert that a is greater than or equal to b.
 */
#define VMK_ASSERT_GE(a, b) VMK_ASSERT_OP(a, b, >=, GE)

/**
 * \brief Debug builds: assert that a is greater than b.
 */
#define VMK_ASSERT_GT(a, b) VMK_ASSERT_OP(a, b, >, GT)

/**
 * \brief Debug builds: assert that a is less than or equal to b.
 */
#define VMK_ASSERT_LE(a, b) VMK_ASSERT_OP(a, b, <=, LE)

/**
 * \brief Define a function holding compile-time assertions (never needs to be
 *        called).
 */
#define VMK_ASSERT_LIST(name, assertions)                   \
   static inline void name(void)                            \
   {                                                        \
      assertions                                            \
   }

/**
 * \brief Debug builds: assert that a is less than b.
 */
#define VMK_ASSERT_LT(a, b) VMK_ASSERT_OP(a, b, <, LT)

/**
 * \brief Debug builds: assert that a is not equal to b.
 */
#define VMK_ASSERT_NE(a, b) VMK_ASSERT_OP(a, b, !=, NE)

/**
 * \brief Debug builds: assert that a is not NULL.
 */
#define VMK_ASSERT_NOT_NULL(a) VMK_ASSERT((a) != NULL)

/**
 * \brief Debug builds: assert that a is NULL.
 */
#define VMK_ASSERT_NULL(a)                                                                 \
   VMK_ASSERT((a) == NULL, "VMK_ASSERT_NULL(" VMK_STRINGIFY(a) "(%p))", (const void *)(a))

/**
 * \brief Fail the build unless the constant expression cond is true.
 */
#define VMK_ASSERT_ON_COMPILE(cond)                         \
   do {                                                     \
      typedef char vmkAssertOnCompile[(cond) ? 1 : -1]      \
         __attribute__((__unused__));                       \
   } while (0)

/**
 * \brief Debug builds: assert (a op b), printing both values on failure.
 */
#define VMK_ASSERT_OP(a, b, op, opname)                                 \
   VMK_ASSERT((a) op (b),                                               \
              "VMK_ASSERT_" VMK_STRINGIFY(opname) "("                   \
              VMK_STRINGIFY(a) "(0x%lx), " VMK_STRINGIFY(b) "(0x%lx))", \
              (unsigned long)(a), (unsigned long)(b))

/**
 * \brief Panic for a failed assertion of cond, with an optional message.
 */
#define VMK_ASSERT_PANIC(cond, fmt, ...)                    \
   do {                                                     \
      if ((fmt)[0] == '\0') {                               \
         vmk_Panic("Failed at %s:%d -- VMK_ASSERT(%s)",     \
                   __FILE__, __LINE__, #cond);              \
      } else {                                              \
         vmk_Panic("Failed at %s:%d -- " fmt,               \
                   __FILE__, __LINE__, ##__VA_ARGS__);      \
      }                                                     \
   } while (0)

/**
 * \brief Panic: control reached code that must be unreachable.
 */
#define VMK_NOT_REACHED() vmk_Panic("Failed at %s:%d -- NOT REACHED", __FILE__, __LINE__)

/**
 * \brief Stop the system with a printf-style message, naming the calling
 *        module.
 */
#define vmk_Panic(fmt, ...)                                           \
   do {                                                               \
      vmk_PanicWithModuleID(vmk_ModuleCurrentID, fmt, ##__VA_ARGS__); \
   } while (0)

/**
 * \brief Stop the system with a formatted message that names a module.
 *
 * Drivers normally use the vmk_Panic() macro, which passes their own
 * module ID. Does not return.
 *
 * \note This function will not block.
 * \note See the group note for what a panic does in vmkemu.
 *
 * \param[in] moduleID  Module blamed for the panic.
 * \param[in] fmt       Format of the message, in the vmkernel's printf
 *                      dialect.
 * \param[in] ...       Arguments the format consumes.
 */
void
vmk_PanicWithModuleID(
   vmk_ModuleID moduleID,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Stop the system with a message whose arguments come from a
 *        va_list. Does not return.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID  Module blamed for the panic.
 * \param[in] fmt       Format of the message.
 * \param[in] ap        Arguments the format consumes.
 */
void
vmk_vPanic(
   vmk_ModuleID moduleID,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_ASSERT_H_ */
