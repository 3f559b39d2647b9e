/*
 * platform/x86/vmkapi_pagetable.h -- x86 page size
 *
 * The 4 KiB x86 page. vmkemu's simulated machine memory uses the same page
 * size.
 */

#ifndef _VMKAPI_PAGETABLE_H_
#define _VMKAPI_PAGETABLE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "platform/x86/vmkapi_pagetable.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Platform Platform
 *
 * \brief Facts and services of the x86-64 platform: page size, CPU
 *        interrupt state, fences and caches.
 * \{
 */

/** \brief Mask of the offset-within-page bits of an address. */
#define VMK_PAGE_MASK (VMK_PAGE_SIZE - 1)

/** \brief Base-2 logarithm of the page size. */
#define VMK_PAGE_SHIFT 12

/** \brief Size of a small page in bytes (4 KiB). */
#define VMK_PAGE_SIZE (1 << VMK_PAGE_SHIFT)

/** \} */

#endif /* _VMKAPI_PAGETABLE_H_ */
