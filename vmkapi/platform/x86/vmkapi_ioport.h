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
 * \brief Read a 16-bit word from an I/O port.
 *
 * \note This function will not block.
 * \note In vmkemu the read reaches the simulated device's I/O callback
 *       synchronously; ports no device answers read as all ones.
 *
 * \param[in]  reservation  Reservation covering the port (from
 *                          vmk_PCIMapIOResource() or
 *                          vmk_IOResourceReserve()).
 * \param[in]  port         Port to read.
 * \param[out] outValue     Receives the value read.
 *
 * \retval VMK_OK              *outValue is set.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, the reservation is not a live
 *                             port reservation, or outValue is NULL.
 */
VMK_ReturnStatus
vmk_IOPortRead16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 *outValue);

/**
 * \brief Read a 32-bit doubleword from an I/O port.
 *
 * \note This function will not block.
 * \note In vmkemu the read reaches the simulated device's I/O callback
 *       synchronously; ports no device answers read as all ones.
 *
 * \param[in]  reservation  Reservation covering the port (from
 *                          vmk_PCIMapIOResource() or
 *                          vmk_IOResourceReserve()).
 * \param[in]  port         Port to read.
 * \param[out] outValue     Receives the value read.
 *
 * \retval VMK_OK              *outValue is set.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, the reservation is not a live
 *                             port reservation, or outValue is NULL.
 */
VMK_ReturnStatus
vmk_IOPortRead32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 *outValue);

/**
 * \brief Read a byte from an I/O port.
 *
 * \note This function will not block.
 * \note In vmkemu the read reaches the simulated device's I/O callback
 *       synchronously; ports no device answers read as all ones.
 *
 * \param[in]  reservation  Reservation covering the port (from
 *                          vmk_PCIMapIOResource() or
 *                          vmk_IOResourceReserve()).
 * \param[in]  port         Port to read.
 * \param[out] outValue     Receives the value read.
 *
 * \retval VMK_OK              *outValue is set.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, the reservation is not a live
 *                             port reservation, or outValue is NULL.
 */
VMK_ReturnStatus
vmk_IOPortRead8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 *outValue);

/**
 * \brief Write a 16-bit word to an I/O port.
 *
 * \note This function will not block.
 *
 * \param[in] reservation  Reservation covering the port.
 * \param[in] port         Port to write.
 * \param[in] inValue      Value to write.
 *
 * \retval VMK_OK              The value is written.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, or the reservation is not a
 *                             live port reservation.
 */
VMK_ReturnStatus
vmk_IOPortWrite16(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint16 inValue);

/**
 * \brief Write a 32-bit doubleword to an I/O port.
 *
 * \note This function will not block.
 *
 * \param[in] reservation  Reservation covering the port.
 * \param[in] port         Port to write.
 * \param[in] inValue      Value to write.
 *
 * \retval VMK_OK              The value is written.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, or the reservation is not a
 *                             live port reservation.
 */
VMK_ReturnStatus
vmk_IOPortWrite32(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint32 inValue);

/**
 * \brief Write a byte to an I/O port.
 *
 * \note This function will not block.
 *
 * \param[in] reservation  Reservation covering the port.
 * \param[in] port         Port to write.
 * \param[in] inValue      Value to write.
 *
 * \retval VMK_OK              The value is written.
 * \retval VMK_BAD_ADDR_RANGE  The access does not lie wholly inside the
 *                             reservation, or the reservation is not a
 *                             live port reservation.
 */
VMK_ReturnStatus
vmk_IOPortWrite8(
   vmk_IOReservation reservation,
   vmk_IOPortAddr port,
   vmk_uint8 inValue);

/** \} */

#endif /* _VMKAPI_IOPORT_H_ */
