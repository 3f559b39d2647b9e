/*
 * core/vmkapi_memdefs.h -- memory address types
 *
 * Machine, virtual and I/O page numbers and addresses, plus conversions
 * between them. Machine addresses refer to vmkemu's simulated machine
 * memory, which spans both sides of the 4 GiB line so physical constraints
 * mean something.
 */

#ifndef _VMKAPI_MEMDEFS_H_
#define _VMKAPI_MEMDEFS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_memdefs.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Memory Memory Definitions
 *
 * \brief Address and page-number types of the kernel's address spaces,
 *        and conversions between bytes, pages, MiB and GiB.
 *
 * Three address spaces matter to drivers: virtual addresses (vmk_VA,
 * what the CPU dereferences), machine addresses (vmk_MA, physical RAM)
 * and I/O addresses (vmk_IOA, what a device puts on the bus, which an
 * IOMMU may translate). Each has a page-number type. The conversions are
 * plain shifts and do no checking.
 * \{
 */

/** \brief Address mask of a device that generates 31-bit addresses. */
#define VMK_ADDRESS_MASK_31BIT ((VMK_CONST64U(1) << 31) - 1)

/** \brief Address mask of a device that generates 32-bit addresses. */
#define VMK_ADDRESS_MASK_32BIT ((VMK_CONST64U(1) << 32) - 1)

/** \brief Address mask of a device that generates 39-bit addresses. */
#define VMK_ADDRESS_MASK_39BIT ((VMK_CONST64U(1) << 39) - 1)

/** \brief Address mask of a device that can reach all 64-bit addresses. */
#define VMK_ADDRESS_MASK_64BIT (~VMK_CONST64U(0))

/** \brief A machine page number that names no page. */
#define VMK_INVALID_MPN ((vmk_MPN)-1)

/** \brief A virtual page number that names no page. */
#define VMK_INVALID_VPN ((vmk_VPN)-1)

/** \brief A byte address in any of the address spaces. */
typedef vmk_uint64 vmk_PageAddress;

/** \brief Kernel virtual address, as an integer. */
typedef vmk_PageAddress vmk_VA;

/**
 * \brief Opaque value handed back to a callback: an integer address or a
 *        pointer, whichever the owner put in.
 */
typedef union {
   /** \brief The value as an integer address. */
   vmk_VA addr;
   /** \brief The value as a pointer. */
   void *ptr;
} vmk_AddrCookie;

/**
 * \brief Which address space an address belongs to.
 */
typedef enum vmk_AddressType {
   /** \brief No address. */
   VMK_ADDRESS_TYPE_NONE = 0,
   /** \brief Address space not known. */
   VMK_ADDRESS_TYPE_UNKNOWN = 1,
   /** \brief Kernel virtual address. */
   VMK_ADDRESS_TYPE_VIRTUAL = 2,
   /** \brief Machine (physical) address. */
   VMK_ADDRESS_TYPE_MACHINE = 3,
   /** \brief I/O (bus) address. */
   VMK_ADDRESS_TYPE_IO = 4,
} vmk_AddressType;

/** \brief I/O address: what a device uses on the bus to reach memory. */
typedef vmk_PageAddress vmk_IOA;

/** \brief A page number in any of the address spaces (address / page size). */
typedef vmk_uint64 vmk_PageNumber;

/** \brief I/O page number. */
typedef vmk_PageNumber vmk_IOPN;

/** \brief Machine address: the physical address of RAM. */
typedef vmk_PageAddress vmk_MA;

/** \brief Machine page number. */
typedef vmk_PageNumber vmk_MPN;

/**
 * \brief Where in machine memory an allocation must lie, for devices that
 *        cannot reach all of it.
 */
typedef enum vmk_MemPhysAddrConstraint {
   /** \brief Anywhere. */
   VMK_PHYS_ADDR_ANY = 0,
   /** \brief Below 2 GiB (31-bit devices). */
   VMK_PHYS_ADDR_BELOW_2GB = 1,
   /** \brief Below 4 GiB (32-bit devices). */
   VMK_PHYS_ADDR_BELOW_4GB = 2,
   /** \brief Below 512 GiB (39-bit devices). */
   VMK_PHYS_ADDR_BELOW_512GB = 3,
} vmk_MemPhysAddrConstraint;

/**
 * \brief Whether the machine pages of an allocation must follow each
 *        other.
 */
typedef enum vmk_MemPhysContiguity {
   /** \brief One run of consecutive machine pages. */
   VMK_MEM_PHYS_CONTIGUOUS = 0,
   /** \brief Contiguous or not, whichever is available. */
   VMK_MEM_PHYS_ANY_CONTIGUITY = 1,
   /** \brief Not required to be contiguous (pages may be scattered). */
   VMK_MEM_PHYS_DISCONTIGUOUS = 2,
} vmk_MemPhysContiguity;

/** \brief Virtual page number. */
typedef vmk_PageNumber vmk_VPN;

/**
 * \brief Convert a byte count to whole GiB, rounding down.
 *
 * \note This function will not block.
 *
 * \param[in] bytes  Number of bytes.
 *
 * \return bytes / 2^30.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Bytes2GBytes(
   vmk_PageAddress bytes)
{
   return bytes >> 30;
}

/**
 * \brief Convert a byte count to whole MiB, rounding down.
 *
 * \note This function will not block.
 *
 * \param[in] bytes  Number of bytes.
 *
 * \return bytes / 2^20.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Bytes2MBytes(
   vmk_PageAddress bytes)
{
   return bytes >> 20;
}

/**
 * \brief Convert a byte count to whole pages, rounding down.
 *
 * \note This function will not block.
 *
 * \param[in] bytes  Number of bytes.
 *
 * \return bytes / VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_Bytes2Pages(
   vmk_PageAddress bytes)
{
   return bytes >> VMK_PAGE_SHIFT;
}

/**
 * \brief Convert GiB to bytes.
 *
 * \note This function will not block.
 *
 * \param[in] gbytes  Number of GiB.
 *
 * \return gbytes * 2^30.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_GBytes2Bytes(
   vmk_PageAddress gbytes)
{
   return gbytes << 30;
}

/**
 * \brief Convert GiB to pages.
 *
 * \note This function will not block.
 *
 * \param[in] gbytes  Number of GiB.
 *
 * \return The number of pages in gbytes GiB.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_GBytes2Pages(
   vmk_PageAddress gbytes)
{
   return gbytes << (30 - VMK_PAGE_SHIFT);
}

/**
 * \brief Get the number of the I/O page that holds an I/O address.
 *
 * \note This function will not block.
 *
 * \param[in] ioa  I/O address.
 *
 * \return ioa / VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_IOPN
vmk_IOA2IOPN(
   vmk_IOA ioa)
{
   return ioa >> VMK_PAGE_SHIFT;
}

/**
 * \brief Get the I/O address of the first byte of an I/O page.
 *
 * \note This function will not block.
 *
 * \param[in] iopn  I/O page number.
 *
 * \return iopn * VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_IOA
vmk_IOPN2IOA(
   vmk_IOPN iopn)
{
   return iopn << VMK_PAGE_SHIFT;
}

/**
 * \brief Get the number of the machine page that holds a machine address.
 *
 * \note This function will not block.
 *
 * \param[in] ma  Machine address.
 *
 * \return ma / VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_MPN
vmk_MA2MPN(
   vmk_MA ma)
{
   return ma >> VMK_PAGE_SHIFT;
}

/**
 * \brief Convert MiB to bytes.
 *
 * \note This function will not block.
 *
 * \param[in] mbytes  Number of MiB.
 *
 * \return mbytes * 2^20.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_MBytes2Bytes(
   vmk_PageNumber mbytes)
{
   return mbytes << 20;
}

/**
 * \brief Convert MiB to pages.
 *
 * \note This function will not block.
 *
 * \param[in] mbytes  Number of MiB.
 *
 * \return The number of pages in mbytes MiB.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_MBytes2Pages(
   vmk_PageAddress mbytes)
{
   return mbytes << (20 - VMK_PAGE_SHIFT);
}

/**
 * \brief Get the machine address of the first byte of a machine page.
 *
 * \note This function will not block.
 *
 * \param[in] mpn  Machine page number.
 *
 * \return mpn * VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_MA
vmk_MPN2MA(
   vmk_MPN mpn)
{
   return mpn << VMK_PAGE_SHIFT;
}

/**
 * \brief Convert a page count to bytes.
 *
 * \note This function will not block.
 *
 * \param[in] pages  Number of pages.
 *
 * \return pages * VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2Bytes(
   vmk_PageNumber pages)
{
   return pages << VMK_PAGE_SHIFT;
}

/**
 * \brief Convert a page count to whole GiB, rounding down.
 *
 * \note This function will not block.
 *
 * \param[in] pages  Number of pages.
 *
 * \return The number of whole GiB the pages make.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2GBytes(
   vmk_PageNumber pages)
{
   return pages >> (30 - VMK_PAGE_SHIFT);
}

/**
 * \brief Convert a page count to whole MiB, rounding down.
 *
 * \note This function will not block.
 *
 * \param[in] pages  Number of pages.
 *
 * \return The number of whole MiB the pages make.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2MBytes(
   vmk_PageNumber pages)
{
   return pages >> (20 - VMK_PAGE_SHIFT);
}

/**
 * \brief Get the number of the virtual page that holds a virtual address.
 *
 * \note This function will not block.
 *
 * \param[in] va  Virtual address.
 *
 * \return va / VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_VPN
vmk_VA2VPN(
   vmk_VA va)
{
   return va >> VMK_PAGE_SHIFT;
}

/**
 * \brief Get the virtual address of the first byte of a virtual page.
 *
 * \note This function will not block.
 *
 * \param[in] vpn  Virtual page number.
 *
 * \return vpn * VMK_PAGE_SIZE.
 */
static VMK_ALWAYS_INLINE vmk_VA
vmk_VPN2VA(
   vmk_VPN vpn)
{
   return vpn << VMK_PAGE_SHIFT;
}

/** \} */

#endif /* _VMKAPI_MEMDEFS_H_ */
