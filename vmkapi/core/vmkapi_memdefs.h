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
 * \{
 */

/**
 * \brief Mask of a 31-bit address.
 */
#define VMK_ADDRESS_MASK_31BIT ((VMK_CONST64U(1) << 31) - 1)

/**
 * \brief Mask of a 32-bit address.
 */
#define VMK_ADDRESS_MASK_32BIT ((VMK_CONST64U(1) << 32) - 1)

/**
 * \brief Mask of a 39-bit address.
 */
#define VMK_ADDRESS_MASK_39BIT ((VMK_CONST64U(1) << 39) - 1)

/**
 * \brief Mask of a full 64-bit address.
 */
#define VMK_ADDRESS_MASK_64BIT (~VMK_CONST64U(0))

/**
 * \brief A machine page number that names no page.
 */
#define VMK_INVALID_MPN ((vmk_MPN)-1)

/**
 * \brief A virtual page number that names no page.
 */
#define VMK_INVALID_VPN ((vmk_VPN)-1)

/** \brief Byte address in any address space. */
typedef vmk_uint64 vmk_PageAddress;

/** \brief Virtual address. */
typedef vmk_PageAddress vmk_VA;

/**
 * \brief Data passed back to a callback: either an address or a pointer.
 */
typedef union {
   /** \brief Addr. */
   vmk_VA addr;
   /** \brief Ptr. */
   void *ptr;
} vmk_AddrCookie;

/**
 * \brief Values of address type.
 */
typedef enum vmk_AddressType {
   /** \brief None. */
   VMK_ADDRESS_TYPE_NONE = 0,
   /** \brief Unknown. */
   VMK_ADDRESS_TYPE_UNKNOWN = 1,
   /** \brief Virtual. */
   VMK_ADDRESS_TYPE_VIRTUAL = 2,
   /** \brief Machine. */
   VMK_ADDRESS_TYPE_MACHINE = 3,
   /** \brief Io. */
   VMK_ADDRESS_TYPE_IO = 4,
} vmk_AddressType;

/** \brief I/O (bus) address as seen by a device. */
typedef vmk_PageAddress vmk_IOA;

/** \brief Page number in any address space. */
typedef vmk_uint64 vmk_PageNumber;

/** \brief I/O page number. */
typedef vmk_PageNumber vmk_IOPN;

/** \brief Machine (physical) address. */
typedef vmk_PageAddress vmk_MA;

/** \brief Machine page number. */
typedef vmk_PageNumber vmk_MPN;

/**
 * \brief Values of mem phys addr constraint.
 */
typedef enum vmk_MemPhysAddrConstraint {
   /** \brief Any. */
   VMK_PHYS_ADDR_ANY = 0,
   /** \brief Below 2gb. */
   VMK_PHYS_ADDR_BELOW_2GB = 1,
   /** \brief Below 4gb. */
   VMK_PHYS_ADDR_BELOW_4GB = 2,
   /** \brief Below 512gb. */
   VMK_PHYS_ADDR_BELOW_512GB = 3,
} vmk_MemPhysAddrConstraint;

/**
 * \brief Values of mem phys contiguity.
 */
typedef enum vmk_MemPhysContiguity {
   /** \brief Contiguous. */
   VMK_MEM_PHYS_CONTIGUOUS = 0,
   /** \brief Any contiguity. */
   VMK_MEM_PHYS_ANY_CONTIGUITY = 1,
   /** \brief Discontiguous. */
   VMK_MEM_PHYS_DISCONTIGUOUS = 2,
} vmk_MemPhysContiguity;

/** \brief Virtual page number. */
typedef vmk_PageNumber vmk_VPN;

/**
 * \brief Number of whole GiB in a byte count (rounded down).
 *
 * \note This function will not block.
 *
 * \param[in] bytes Bytes.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Bytes2GBytes(
   vmk_PageAddress bytes)
{
   return bytes >> 30;
}

/**
 * \brief Number of whole MiB in a byte count (rounded down).
 *
 * \note This function will not block.
 *
 * \param[in] bytes Bytes.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Bytes2MBytes(
   vmk_PageAddress bytes)
{
   return bytes >> 20;
}

/**
 * \brief Number of whole pages in a byte count (rounded down).
 *
 * \note This function will not block.
 *
 * \param[in] bytes Bytes.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_Bytes2Pages(
   vmk_PageAddress bytes)
{
   return bytes >> VMK_PAGE_SHIFT;
}

/**
 * \brief Number of bytes in a GiB count.
 *
 * \note This function will not block.
 *
 * \param[in] gbytes Gbytes.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_GBytes2Bytes(
   vmk_PageAddress gbytes)
{
   return gbytes << 30;
}

/**
 * \brief Number of pages in a GiB count.
 *
 * \note This function will not block.
 *
 * \param[in] gbytes Gbytes.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_GBytes2Pages(
   vmk_PageAddress gbytes)
{
   return gbytes << (30 - VMK_PAGE_SHIFT);
}

/**
 * \brief I/O page number containing an I/O address.
 *
 * \note This function will not block.
 *
 * \param[in] ioa Ioa.
 */
static VMK_ALWAYS_INLINE vmk_IOPN
vmk_IOA2IOPN(
   vmk_IOA ioa)
{
   return ioa >> VMK_PAGE_SHIFT;
}

/**
 * \brief I/O address of the start of an I/O page.
 *
 * \note This function will not block.
 *
 * \param[in] iopn Iopn.
 */
static VMK_ALWAYS_INLINE vmk_IOA
vmk_IOPN2IOA(
   vmk_IOPN iopn)
{
   return iopn << VMK_PAGE_SHIFT;
}

/**
 * \brief Machine page number containing a machine address.
 *
 * \note This function will not block.
 *
 * \param[in] ma Ma.
 */
static VMK_ALWAYS_INLINE vmk_MPN
vmk_MA2MPN(
   vmk_MA ma)
{
   return ma >> VMK_PAGE_SHIFT;
}

/**
 * \brief Number of bytes in a MiB count.
 *
 * \note This function will not block.
 *
 * \param[in] mbytes Mbytes.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_MBytes2Bytes(
   vmk_PageNumber mbytes)
{
   return mbytes << 20;
}

/**
 * \brief Number of pages in a MiB count.
 *
 * \note This function will not block.
 *
 * \param[in] mbytes Mbytes.
 */
static VMK_ALWAYS_INLINE vmk_PageNumber
vmk_MBytes2Pages(
   vmk_PageAddress mbytes)
{
   return mbytes << (20 - VMK_PAGE_SHIFT);
}

/**
 * \brief Machine address of the start of a machine page.
 *
 * \note This function will not block.
 *
 * \param[in] mpn Mpn.
 */
static VMK_ALWAYS_INLINE vmk_MA
vmk_MPN2MA(
   vmk_MPN mpn)
{
   return mpn << VMK_PAGE_SHIFT;
}

/**
 * \brief Number of bytes in a page count.
 *
 * \note This function will not block.
 *
 * \param[in] pages Pages.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2Bytes(
   vmk_PageNumber pages)
{
   return pages << VMK_PAGE_SHIFT;
}

/**
 * \brief Number of whole GiB in a page count (rounded down).
 *
 * \note This function will not block.
 *
 * \param[in] pages Pages.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2GBytes(
   vmk_PageNumber pages)
{
   return pages >> (30 - VMK_PAGE_SHIFT);
}

/**
 * \brief Number of whole MiB in a page count (rounded down).
 *
 * \note This function will not block.
 *
 * \param[in] pages Pages.
 */
static VMK_ALWAYS_INLINE vmk_PageAddress
vmk_Pages2MBytes(
   vmk_PageNumber pages)
{
   return pages >> (20 - VMK_PAGE_SHIFT);
}

/**
 * \brief Virtual page number containing a virtual address.
 *
 * \note This function will not block.
 *
 * \param[in] va Va.
 */
static VMK_ALWAYS_INLINE vmk_VPN
vmk_VA2VPN(
   vmk_VA va)
{
   return va >> VMK_PAGE_SHIFT;
}

/**
 * \brief Virtual address of the start of a virtual page.
 *
 * \note This function will not block.
 *
 * \param[in] vpn Vpn.
 */
static VMK_ALWAYS_INLINE vmk_VA
vmk_VPN2VA(
   vmk_VPN vpn)
{
   return vpn << VMK_PAGE_SHIFT;
}

/** \} */

#endif /* _VMKAPI_MEMDEFS_H_ */
