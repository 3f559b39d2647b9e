/*
 * core/vmkapi_user.h -- user-space memory
 *
 * Copying between kernel buffers and the memory of the user process that
 * called into the driver, mapping pages into that process, and pinning
 * its pages.
 */

#ifndef _VMKAPI_USER_H_
#define _VMKAPI_USER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_user.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_User User Memory
 *
 * \brief Reaching the memory of the calling user-space process.
 *
 * A driver must never dereference a user address: it copies with
 * vmk_CopyFromUser() and vmk_CopyToUser(), which may fault pages in and
 * so may block. vmk_UserMap() maps machine pages, anonymous memory or a
 * shared object into the calling process; vmk_UserPinPage() keeps one of
 * its pages resident and yields the machine page behind it.
 *
 * \note vmkemu simulates one user process, played by the test. Its
 *       addresses are non-canonical, so a driver that dereferences one
 *       faults at once; only the copy functions (and the test's
 *       EmuCtl_User* calls) reach the bytes. Regions, shared objects and
 *       valid MPN ranges left at shutdown are listed as leaks.
 * \{
 */

/** \brief Private structure behind a vmk_UserMapHandle. */
struct vmkUserMapHandleInt;

/** \brief A vmk_UserMapHandle value that refers to no shared object. */
#define VMK_USER_MAP_HANDLE_INVALID ((vmk_UserMapHandle)-1)

/**
 * \brief Callback run with callbackParam when a user mapping goes away
 *        (unmapped, or the process exits).
 */
typedef void (*vmk_UserMapCallback)(void *);

/**
 * \brief Callback run when the process touches a page of an MPN mapping
 *        that has fault notification on: gets faultParam, the world and
 *        the page, and stores the machine page to install. Returning
 *        VMK_MAPFAULT_RETRY makes the fault be taken again.
 */
typedef VMK_ReturnStatus (*vmk_UserMapFaultCallback)(void *, vmk_WorldID, vmk_VPN, vmk_MPN *);

/**
 * \brief Handle to a shared user mapping object, for attaching further
 *        mappings to it.
 */
typedef struct vmkUserMapHandleInt *vmk_UserMapHandle;

/**
 * \brief Callback run after a notified fault was handled: gets
 *        postFaultParam, whether the page was installed, the world, the
 *        page and the machine page.
 */
typedef void (*vmk_UserMapPostFaultCallback)(void *, vmk_Bool, vmk_WorldID, vmk_VPN, vmk_MPN);

/**
 * \brief What vmk_UserMap() maps into the process.
 */
typedef enum vmk_UserMapType {
   /** \brief Machine pages the driver names in a vmk_MapRequest. */
   VMK_USER_MAP_MPNS = 1,
   /** \brief Fresh zero-filled private memory. */
   VMK_USER_MAP_ANON = 2,
   /** \brief Zero-filled memory shared between mappings of one handle. */
   VMK_USER_MAP_SHARED = 3,
} vmk_UserMapType;

/**
 * \brief What vmk_UserMap() should map and how.
 */
typedef struct vmk_UserMapProps {
   /** \brief Module that owns the mapping. */
   vmk_ModuleID moduleID;
   /** \brief Run when the mapping goes away, or NULL. */
   vmk_UserMapCallback callbackFunction;
   /** \brief Argument for callbackFunction. */
   vmk_AddrCookie callbackParam;
   /** \brief Kind of mapping; selects the member of the union below. */
   vmk_UserMapType type;
   /** \brief Kind-specific properties. */
   union {
      /** \brief For VMK_USER_MAP_MPNS. */
      struct {
         /** \brief Machine pages to map and the access attributes. */
         vmk_MapRequest *mapRequest;
         /** \brief Run on a notified fault, or NULL for no notification. */
         vmk_UserMapFaultCallback faultFunction;
         /** \brief Argument for faultFunction. */
         vmk_AddrCookie faultParam;
         /** \brief Run after a notified fault, or NULL. */
         vmk_UserMapPostFaultCallback postFaultFunction;
         /** \brief Argument for postFaultFunction. */
         vmk_AddrCookie postFaultParam;
      } mpns;
      /** \brief For VMK_USER_MAP_ANON. */
      struct {
         /** \brief Access attributes (VMK_MAPATTRS_*). */
         vmk_MapAttrs mapAttrs;
         /** \brief Length to map, in bytes. */
         vmk_ByteCount mapLength;
      } anon;
      /** \brief For VMK_USER_MAP_SHARED. */
      struct {
         /**
          * \brief VMK_TRUE to create a new shared object (its handle is
          *        returned);
          *        VMK_FALSE to attach to the one whose handle is passed in.
          */
         vmk_Bool create;
         /** \brief Access attributes (VMK_MAPATTRS_*). */
         vmk_MapAttrs mapAttrs;
         /** \brief Length to map, in bytes. */
         vmk_ByteCount mapLength;
      } shared;
   };
} vmk_UserMapProps;

/**
 * \brief Copy bytes from the calling process's memory into a kernel
 *        buffer.
 *
 * \note This function may block.
 *
 * \param[out] dest  Kernel buffer (as a virtual address).
 * \param[in]  src   User address to copy from.
 * \param[in]  len   Number of bytes; 0 copies nothing.
 *
 * \retval VMK_OK               All bytes were copied.
 * \retval VMK_BAD_PARAM        dest is 0 with a non-zero length.
 * \retval VMK_INVALID_ADDRESS  Part of the user range is not mapped (or is
 *                              device memory with no bytes in vmkemu).
 * \retval VMK_NO_MEMORY        A user page could not be faulted in.
 */
VMK_ReturnStatus
vmk_CopyFromUser(
   vmk_VA dest,
   vmk_VA src,
   vmk_ByteCount len);

/**
 * \brief Copy bytes from a kernel buffer into the calling process's
 *        memory.
 *
 * \note This function may block.
 *
 * \param[in] dest  User address to copy to.
 * \param[in] src   Kernel buffer (as a virtual address).
 * \param[in] len   Number of bytes; 0 copies nothing.
 *
 * \retval VMK_OK               All bytes were copied.
 * \retval VMK_BAD_PARAM        src is 0 with a non-zero length.
 * \retval VMK_INVALID_ADDRESS  Part of the user range is not mapped (or is
 *                              device memory with no bytes in vmkemu).
 * \retval VMK_NO_MEMORY        A user page could not be faulted in.
 */
VMK_ReturnStatus
vmk_CopyToUser(
   vmk_VA dest,
   vmk_VA src,
   vmk_ByteCount len);

/**
 * \brief Declare machine pages outside ordinary memory (device memory)
 *        that MPN user mappings may name.
 *
 * \note This function may block.
 *
 * \param[in] mpn       First machine page of the range.
 * \param[in] numPages  Number of pages; at least 1.
 *
 * \retval VMK_OK                   The range is valid for user mappings.
 * \retval VMK_BAD_PARAM            numPages is 0 or the range wraps.
 * \retval VMK_INVALID_PAGE_NUMBER  The range overlaps one already added.
 * \retval VMK_NO_MEMORY            No memory to record the range.
 */
VMK_ReturnStatus
vmk_UserAddValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Map memory into the address space of the calling process.
 *
 * \note This function may block.
 *
 * \param[in]     props          Kind of mapping and its properties.
 * \param[out]    vaOut          Receives the user address of the mapping.
 * \param[in,out] userMapHandle  For shared mappings: receives the handle
 *                               of a new shared object, or gives the one
 *                               to attach to. Unused otherwise.
 *
 * \retval VMK_OK         The memory is mapped.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid (unknown type,
 *                        empty length, bad map request, unknown shared
 *                        handle, pages that may not be mapped).
 * \retval VMK_NO_MEMORY  No memory or address space for the mapping.
 */
VMK_ReturnStatus
vmk_UserMap(
   vmk_UserMapProps *props,
   vmk_VA *vaOut,
   vmk_UserMapHandle *userMapHandle);

/**
 * \brief Turn off fault notification for one page of an MPN user mapping.
 *
 * \note This function may block.
 *
 * \param[in] worldID  A world of the process.
 * \param[in] vpn      User page number.
 *
 * \retval VMK_OK             Notification is off.
 * \retval VMK_INVALID_WORLD  worldID is not a live world.
 * \retval VMK_BAD_PARAM      The page is not in an MPN mapping that has a
 *                            fault callback.
 */
VMK_ReturnStatus
vmk_UserMapDisableNotify(
   vmk_WorldID worldID,
   vmk_VPN vpn);

/**
 * \brief Make the next touch of one page of an MPN user mapping fault to
 *        the mapping's fault callback.
 *
 * The page is made not present; the callback supplies the machine page to
 * install.
 *
 * \note This function may block.
 *
 * \param[in] worldID  A world of the process.
 * \param[in] vpn      User page number.
 *
 * \retval VMK_OK             Notification is armed.
 * \retval VMK_INVALID_WORLD  worldID is not a live world.
 * \retval VMK_BAD_PARAM      The page is not in an MPN mapping that has a
 *                            fault callback.
 */
VMK_ReturnStatus
vmk_UserMapEnableNotify(
   vmk_WorldID worldID,
   vmk_VPN vpn);

/**
 * \brief Keep a page of the process resident and get the machine page
 *        behind it, for DMA into user memory.
 *
 * Pins are counted; undo each with vmk_UserUnpinPage().
 *
 * \note This function may block.
 * \note Unmapping a region with pinned pages is a MISUSE report in vmkemu.
 *
 * \param[in]  cartelID  A world of the process.
 * \param[in]  vpn       User page number.
 * \param[out] mpn       Receives the machine page number.
 *
 * \retval VMK_OK             The page is pinned and *mpn is set.
 * \retval VMK_BAD_PARAM      mpn is NULL, or the page is not mapped or
 *                            cannot be faulted in.
 * \retval VMK_INVALID_WORLD  cartelID is not a live world.
 */
VMK_ReturnStatus
vmk_UserPinPage(
   vmk_WorldID cartelID,
   vmk_VPN vpn,
   vmk_MPN *mpn);

/**
 * \brief Withdraw a range added with vmk_UserAddValidMPNRange().
 *
 * \note This function may block.
 *
 * \param[in] mpn       First machine page of the range, as added.
 * \param[in] numPages  Number of pages, as added.
 *
 * \retval VMK_OK         The range is withdrawn.
 * \retval VMK_NOT_FOUND  No range with exactly these bounds was added.
 */
VMK_ReturnStatus
vmk_UserRemoveValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Remove a mapping made with vmk_UserMap() from the calling
 *        process.
 *
 * \note This function may block.
 *
 * \param[in] type    Kind the mapping was made as.
 * \param[in] vaddr   User address vmk_UserMap() returned.
 * \param[in] length  Length of the mapping in bytes.
 *
 * \retval VMK_OK               The mapping is gone; its callback has run.
 * \retval VMK_INVALID_ADDRESS  vaddr is not a user address.
 * \retval VMK_NOT_FOUND        No mapping of that kind and length starts
 *                              at vaddr.
 */
VMK_ReturnStatus
vmk_UserUnmap(
   vmk_UserMapType type,
   vmk_VA vaddr,
   vmk_ByteCount length);

/**
 * \brief Drop one pin taken with vmk_UserPinPage().
 *
 * \note This function may block.
 *
 * \param[in] cartelID  A world of the process.
 * \param[in] vpn       User page number.
 *
 * \retval VMK_OK             The pin is dropped.
 * \retval VMK_BAD_PARAM      The page is not mapped or not pinned.
 * \retval VMK_INVALID_WORLD  cartelID is not a live world.
 */
VMK_ReturnStatus
vmk_UserUnpinPage(
   vmk_WorldID cartelID,
   vmk_VPN vpn);

/** \} */

#endif /* _VMKAPI_USER_H_ */
