/*
 * platform/x86/vmkapi_ioport.h -- I/O port access
 *
 * Reads and writes of I/O ports inside a reservation; vmkemu routes them to
 * simulated devices.
 */

#ifndef _VMKAPI_IOPORT_H_
#define _VMKAPI_IOPORT_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "platform/x86/vmkapi_ioport.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_IOResource
 * \{
 */

/**
 * \brief IO port: read 16.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[out] outValue Out value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortRead16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 *outValue);

/**
 * \brief IO port: read 32.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[out] outValue Out value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortRead32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 *outValue);

/**
 * \brief IO port: read 8.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[out] outValue Out value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortRead8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 *outValue);

/**
 * \brief IO port: write 16.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] inValue In value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortWrite16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 inValue);

/**
 * \brief IO port: write 32.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] inValue In value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortWrite32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 inValue);

/**
 * \brief IO port: write 8.
 *
 * \note This function will not block.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] inValue In value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_ADDR_RANGE The address range is not valid.
 */
VMK_ReturnStatus
vmk_IOPortWrite8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 inValue);

/** \} */

#endif /* _VMKAPI_IOPORT_H_ */
