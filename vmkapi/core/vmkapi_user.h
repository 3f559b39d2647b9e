/*
 * core/vmkapi_user.h -- user-space memory
 *
 * Copying to and from user space and mapping pages into a user world. vmkemu
 * treats the calling process as the user world.
 */

#ifndef _VMKAPI_USER_H_
#define _VMKAPI_USER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_user.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_User User Memory
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkUserMapHandleInt;

/**
 * \brief A user mapping handle that refers to no mapping.
 */
#define VMK_USER_MAP_HANDLE_INVALID ((vmk_UserMapHandle)-1)

/** \brief Callback type: user map callback. */
typedef void (*vmk_UserMapCallback)(void *);

/** \brief Callback type: user map fault callback. */
typedef VMK_ReturnStatus (*vmk_UserMapFaultCallback)(void *, vmk_WorldID, vmk_VPN, vmk_MPN *);

/** \brief Handle to a user map handle. */
typedef struct vmkUserMapHandleInt *vmk_UserMapHandle;

/** \brief Callback type: user map post fault callback. */
typedef void (*vmk_UserMapPostFaultCallback)(void *, vmk_Bool, vmk_WorldID, vmk_VPN, vmk_MPN);

/**
 * \brief Values of user map type.
 */
typedef enum vmk_UserMapType {
   /** \brief Mpns. */
   VMK_USER_MAP_MPNS = 1,
   /** \brief Anon. */
   VMK_USER_MAP_ANON = 2,
   /** \brief Shared. */
   VMK_USER_MAP_SHARED = 3,
} vmk_UserMapType;

/**
 * \brief Properties of a user map.
 */
typedef struct vmk_UserMapProps {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Callback function. */
   vmk_UserMapCallback callbackFunction;
   /** \brief Callback param. */
   vmk_AddrCookie callbackParam;
   /** \brief Type. */
   vmk_UserMapType type;
   /** \brief Anonymous union. */
   union {
      /** \brief Mpns. */
      struct {
         /** \brief Map request. */
         vmk_MapRequest *mapRequest;
         /** \brief Fault function. */
         vmk_UserMapFaultCallback faultFunction;
         /** \brief Fault param. */
         vmk_AddrCookie faultParam;
         /** \brief Post fault function. */
         vmk_UserMapPostFaultCallback postFaultFunction;
         /** \brief Post fault param. */
         vmk_AddrCookie postFaultParam;
      } mpns;
      /** \brief Anon. */
      struct {
         /** \brief Map attrs. */
         vmk_MapAttrs mapAttrs;
         /** \brief Map length. */
         vmk_ByteCount mapLength;
      } anon;
      /** \brief Shared. */
      struct {
         /** \brief Create. */
         vmk_Bool create;
         /** \brief Map attrs. */
         vmk_MapAttrs mapAttrs;
         /** \brief Map length. */
         vmk_ByteCount mapLength;
      } shared;
   };
} vmk_UserMapProps;

/**
 * \brief Copy from a user-space address to a kernel buffer.
 *
 * \note This function may block.
 *
 * \param[in] dest Destination buffer.
 * \param[in] src Source buffer.
 * \param[in] len Length in bytes.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_CopyFromUser(
   vmk_VA dest,
   vmk_VA src,
   vmk_ByteCount len);

/**
 * \brief Copy from a kernel buffer to a user-space address.
 *
 * \note This function may block.
 *
 * \param[in] dest Destination buffer.
 * \param[in] src Source buffer.
 * \param[in] len Length in bytes.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_CopyToUser(
   vmk_VA dest,
   vmk_VA src,
   vmk_ByteCount len);

/**
 * \brief Allow a machine page range to be mapped into user worlds.
 *
 * \note This function may block.
 *
 * \param[in] mpn Mpn.
 * \param[in] numPages Num pages.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_INVALID_PAGE_NUMBER Invalid page number.
 */
VMK_ReturnStatus
vmk_UserAddValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Map pages into the address space of the calling user world.
 *
 * \note This function may block.
 *
 * \param[in] props Properties.
 * \param[in,out] vaOut Va out.
 * \param[in,out] userMapHandle User map handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserMap(
   vmk_UserMapProps *props,
   vmk_VA *vaOut,
   vmk_UserMapHandle *userMapHandle);

/**
 * \brief Stop fault notification for a user mapping page.
 *
 * \note This function may block.
 *
 * \param[in] worldID World ID.
 * \param[in] vpn Vpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserMapDisableNotify(
   vmk_WorldID worldID,
   vmk_VPN vpn);

/**
 * \brief Ask to be notified of faults on a user mapping page.
 *
 * \note This function may block.
 *
 * \param[in] worldID World ID.
 * \param[in] vpn Vpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserMapEnableNotify(
   vmk_WorldID worldID,
   vmk_VPN vpn);

/**
 * \brief Pin a user page in memory and return its machine page.
 *
 * \note This function may block.
 *
 * \param[in] cartelID World ID.
 * \param[in] vpn Vpn.
 * \param[out] mpn Mpn.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
 */
VMK_ReturnStatus
vmk_UserPinPage(
   vmk_WorldID cartelID,
   vmk_VPN vpn,
   vmk_MPN *mpn);

/**
 * \brief Disallow a machine page range added by vmk_UserAddValidMPNRange().
 *
 * \note This function may block.
 *
 * \param[in] mpn Mpn.
 * \param[in] numPages Num pages.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_UserRemoveValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Remove a mapping made by vmk_UserMap().
 *
 * \note This function may block.
 *
 * \param[in] type Type.
 * \param[in] vaddr Vaddr.
 * \param[in] length Length in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 */
VMK_ReturnStatus
vmk_UserUnmap(
   vmk_UserMapType type,
   vmk_VA vaddr,
   vmk_ByteCount length);

/**
 * \brief Unpin a user page pinned by vmk_UserPinPage().
 *
 * \note This function may block.
 *
 * \param[in] cartelID World ID.
 * \param[in] vpn Vpn.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
 */
VMK_ReturnStatus
vmk_UserUnpinPage(
   vmk_WorldID cartelID,
   vmk_VPN vpn);

/** \} */

#endif /* _VMKAPI_USER_H_ */
