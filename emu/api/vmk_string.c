/*
 * vmk_string.c -- lib/vmkapi_string.h: bounded strings with a status.
 *
 * 1. Contract: copy, append and format never write past the size they are
 *    given, always leave a NUL-terminated result when the size is not zero,
 *    and say VMK_LIMIT_EXCEEDED when the result had to be cut (what fits is
 *    kept).  The lengths they report (srcLen, bytesWritten) are the lengths
 *    the whole result needs, without the NUL, even when it was cut.
 * 2. Bad input is a status, not a report (these are the "checked" string
 *    calls): NULL source, destination or format is VMK_BAD_PARAM, and so is
 *    a vmk_StringCat destination that holds no NUL within its size.
 * 3. vmk_StringDup copies at most maxLen characters (a longer source is cut
 *    there, like strndup) into memory from the given heap; see
 *    emu/lib/libmem.h for where that memory comes from until the heap API
 *    exists.  It is freed with vmk_HeapFree.
 * Nothing here blocks.
 */
#include "api.h"

#include "lib/format.h"
#include "lib/libmem.h"

static vmk_ByteCount
string_len(const char *s, vmk_ByteCount max)
{
   vmk_ByteCount n = 0;

   while (n < max && s[n] != '\0') {
      n++;
   }
   return n;
}

/* Copy src into dst (dstSize bytes) and say how long src is. */
static VMK_ReturnStatus
string_copy(char *dst, const char *src, vmk_ByteCount dstSize,
            vmk_ByteCount *srcLen)
{
   vmk_ByteCount len = string_len(src, (vmk_ByteCount)-1);
   vmk_ByteCount n = len;

   if (srcLen != NULL) {
      *srcLen = len;
   }
   if (dstSize == 0) {
      return VMK_LIMIT_EXCEEDED;
   }
   if (n > dstSize - 1) {
      n = dstSize - 1;
   }
   __builtin_memmove(dst, src, n);
   dst[n] = '\0';
   return n == len ? VMK_OK : VMK_LIMIT_EXCEEDED;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringCopy(char *dst, const char *src, vmk_ByteCount dstSize)
{
   if (dst == NULL || src == NULL) {
      return VMK_BAD_PARAM;
   }
   return string_copy(dst, src, dstSize, NULL);
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringLCopy(char *dst, const char *src, vmk_ByteCount dstSize,
                vmk_ByteCount *srcLen)
{
   if (dst == NULL || src == NULL) {
      return VMK_BAD_PARAM;
   }
   return string_copy(dst, src, dstSize, srcLen);
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringCat(char *dst, const char *src, vmk_ByteCount dstSize)
{
   vmk_ByteCount used;

   if (dst == NULL || src == NULL) {
      return VMK_BAD_PARAM;
   }
   used = string_len(dst, dstSize);
   if (used == dstSize) {
      return VMK_BAD_PARAM;          /* dst is not a string of that size */
   }
   return string_copy(dst + used, src, dstSize - used, NULL);
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringVFormat(char *dst, vmk_ByteCount dstSize,
                  vmk_ByteCount *bytesWritten, const char *fmt, va_list ap)
{
   size_t need;

   if (fmt == NULL || (dst == NULL && dstSize != 0)) {
      return VMK_BAD_PARAM;
   }
   need = emu_lib_vformat(dst, dstSize, fmt, ap);
   if (bytesWritten != NULL) {
      *bytesWritten = need;
   }
   return need < dstSize ? VMK_OK : VMK_LIMIT_EXCEEDED;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringFormat(char *dst, vmk_ByteCount dstSize,
                 vmk_ByteCount *bytesWritten, const char *fmt, ...)
{
   VMK_ReturnStatus status;
   va_list ap;

   va_start(ap, fmt);
   status = vmk_StringVFormat(dst, dstSize, bytesWritten, fmt, ap);
   va_end(ap);
   return status;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StringDup(vmk_HeapID heap, const char *src, vmk_ByteCount maxLen,
              char **dup)
{
   vmk_ByteCount len;
   char *copy;

   if (src == NULL || dup == NULL) {
      return VMK_BAD_PARAM;
   }
   len = string_len(src, maxLen);
   if (len == (vmk_ByteCount)-1) {
      return VMK_BAD_PARAM;
   }
   copy = emu_lib_alloc(heap, len + 1, EMU_CALLER());
   if (copy == NULL) {
      return VMK_NO_MEMORY;
   }
   __builtin_memcpy(copy, src, len);
   copy[len] = '\0';
   *dup = copy;
   return VMK_OK;
}
