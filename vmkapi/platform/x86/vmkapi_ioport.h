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
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in,out] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortRead16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 *value);

/**
 * \brief IO port: read 32.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in,out] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortRead32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 *value);

/**
 * \brief IO port: read 8.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in,out] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortRead8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 *value);

/**
 * \brief IO port: write 16.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortWrite16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 value);

/**
 * \brief IO port: write 32.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortWrite32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 value);

/**
 * \brief IO port: write 8.
 *
 * \param[in] reservation Reservation.
 * \param[in] port Port.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IOPortWrite8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 value);

/** \} */

#endif /* _VMKAPI_IOPORT_H_ */
