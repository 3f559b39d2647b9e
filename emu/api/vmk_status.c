/*
 * vmk_status.c -- vmk_StatusToString.
 *
 * Status values are sparse (VMK_FAILURE starts a block at 0x0bad0001, and
 * VMK_GENERIC_LINUX_ERROR sits far above), so the lookup is a binary search
 * over the generated table, which lists the codes in ascending order
 * (tests/api/test_status.c checks that every code is found).
 */
#include "api.h"

#include "status_table.h"

typedef struct status_row {
   VMK_ReturnStatus status;
   const char      *text;
} status_row_t;

static const status_row_t status_rows[] = {
#define STATUS_ROW(name, text) { name, text },
   EMU_STATUS_TABLE(STATUS_ROW)
#undef STATUS_ROW
};

EMU_EXPORT const char *
vmk_StatusToString(VMK_ReturnStatus status)
{
   size_t lo = 0;
   size_t hi = sizeof status_rows / sizeof status_rows[0];

   /* The manifest lists the codes in ascending value order. */
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;

      if ((vmk_uint32)status_rows[mid].status == (vmk_uint32)status) {
         return status_rows[mid].text;
      }
      if ((vmk_uint32)status_rows[mid].status < (vmk_uint32)status) {
         lo = mid + 1;
      } else {
         hi = mid;
      }
   }
   return "Unknown status";
}
