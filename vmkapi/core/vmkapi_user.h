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
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_CopyFromUser(
   vmk_VA dst,
   vmk_VA src,
   vmk_ByteCount length);

/**
 * \brief Copy from a kernel buffer to a user-space address.
 *
 * \param[in] dst Dst.
 * \param[in] src Src.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_CopyToUser(
   vmk_VA dst,
   vmk_VA src,
   vmk_ByteCount length);

/**
 * \brief Allow a machine page range to be mapped into user worlds.
 *
 * \param[in] mpn Mpn.
 * \param[in] numPages Num pages.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserAddValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Map pages into the address space of the calling user world.
 *
 * \param[in,out] props Props.
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
 * \param[in] worldID World id.
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
 * \param[in] worldID World id.
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
 * \param[in] worldID World id.
 * \param[in] vpn Vpn.
 * \param[in,out] mpn Mpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserPinPage(
   vmk_WorldID worldID,
   vmk_VPN vpn,
   vmk_MPN *mpn);

/**
 * \brief Disallow a machine page range added by vmk_UserAddValidMPNRange().
 *
 * \param[in] mpn Mpn.
 * \param[in] numPages Num pages.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserRemoveValidMPNRange(
   vmk_MPN mpn,
   vmk_uint32 numPages);

/**
 * \brief Remove a mapping made by vmk_UserMap().
 *
 * \param[in] type Type.
 * \param[in] va Va.
 * \param[in] length Length.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserUnmap(
   vmk_UserMapType type,
   vmk_VA va,
   vmk_ByteCount length);

/**
 * \brief Unpin a user page pinned by vmk_UserPinPage().
 *
 * \param[in] worldID World id.
 * \param[in] vpn Vpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UserUnpinPage(
   vmk_WorldID worldID,
   vmk_VPN vpn);

/** \} */

#endif /* _VMKAPI_USER_H_ */
