/*
 * vmk_libc.c -- lib/vmkapi_libc.h: the kernel's C library.
 *
 * 1. Strings and memory keep their C meanings (return values included);
 *    they are written here rather than forwarded so that the emulator's
 *    answer never depends on the host libc's extensions.
 * 2. Formatting and scanning use the vmkapi rules of emu/lib/format.c
 *    (%L is 64-bit, no floating point, %n stores nothing, "(null)").
 * 3. Trouble: a NULL pointer where the C function would dereference one is
 *    a driver bug that ESXi would crash on, so it is a MISUSE report naming
 *    the caller; when a test expected the report the call returns a neutral
 *    value (0, NULL, dst) without touching memory.  NULL with a zero length
 *    is not a bug (vmk_Memcpy(NULL, NULL, 0), vmk_Snprintf(NULL, 0, ...)).
 * 4. vmk_Rand is the Park-Miller "minimal standard" generator (multiplier
 *    16807 modulo 2^31-1), so a fixed seed gives the same sequence on every
 *    run; vmk_GetRandSeed mixes the monotonic clock with a counter.
 * Nothing here blocks or allocates.
 */
#include "api.h"

#include <limits.h>
#include <stdint.h>

#include "lib/format.h"

#define LIBC_MISUSE(caller, what)                                          \
   emu_report(EMU_RPT_MISUSE, NULL, (caller), "%s: %s", __func__, (what))

#define LIBC_RAND_MOD 0x7fffffffu          /* 2^31 - 1, a prime */
#define LIBC_RAND_MUL 16807u

static int
libc_tolower(int c)
{
   return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int
libc_clamp_int(size_t n)
{
   return n > (size_t)INT_MAX ? INT_MAX : (int)n;
}

EMU_EXPORT vmk_uint32
vmk_GetRandSeed(void)
{
   static vmk_uint64 counter;
   vmk_uint64 x;

   x = emu_clock_mono_ns() ^
       (__atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED) *
        0x9e3779b97f4a7c15ull);
   /* splitmix64 finaliser, then fold into 1 .. 2^31-2. */
   x ^= x >> 30;
   x *= 0xbf58476d1ce4e5b9ull;
   x ^= x >> 27;
   x *= 0x94d049bb133111ebull;
   x ^= x >> 31;
   return (vmk_uint32)(x % (LIBC_RAND_MOD - 1)) + 1;
}

EMU_EXPORT vmk_uint32
vmk_Rand(vmk_uint32 seed)
{
   vmk_uint64 s = seed % LIBC_RAND_MOD;

   if (s == 0) {
      s = 1;             /* 0 is a fixed point; fold it into the range */
   }
   return (vmk_uint32)((s * LIBC_RAND_MUL) % LIBC_RAND_MOD);
}

EMU_EXPORT vmk_Bool
vmk_IsPrint(int c)
{
   return (c >= 0x20 && c <= 0x7e) ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT int
vmk_Memcmp(const void *s1, const void *s2, vmk_ByteCount len)
{
   const unsigned char *a = s1;
   const unsigned char *b = s2;
   vmk_ByteCount i;

   if (len != 0 && (s1 == NULL || s2 == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return 0;
   }
   for (i = 0; i < len; i++) {
      if (a[i] != b[i]) {
         return (int)a[i] - (int)b[i];
      }
   }
   return 0;
}

EMU_EXPORT void *
vmk_Memcpy(void *dst, const void *src, vmk_ByteCount len)
{
   if (len != 0 && (dst == NULL || src == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return dst;
   }
   if (len != 0) {
      __builtin_memcpy(dst, src, len);
   }
   return dst;
}

EMU_EXPORT void *
vmk_Memmove(void *dst, void *src, vmk_ByteCount len)
{
   if (len != 0 && (dst == NULL || src == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return dst;
   }
   if (len != 0) {
      __builtin_memmove(dst, src, len);
   }
   return dst;
}

EMU_EXPORT void *
vmk_Memset(void *dst, int byte, vmk_ByteCount len)
{
   if (len != 0 && dst == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return dst;
   }
   if (len != 0) {
      __builtin_memset(dst, byte, len);
   }
   return dst;
}

EMU_EXPORT vmk_ByteCount
vmk_Strnlen(const char *str, vmk_ByteCount maxLen)
{
   vmk_ByteCount n = 0;

   if (str == NULL && maxLen != 0) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return 0;
   }
   while (n < maxLen && str[n] != '\0') {
      n++;
   }
   return n;
}

EMU_EXPORT char *
vmk_Strcpy(char *dst, const char *src)
{
   vmk_ByteCount i = 0;

   if (dst == NULL || src == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return dst;
   }
   do {
      dst[i] = src[i];
   } while (src[i++] != '\0');
   return dst;
}

EMU_EXPORT char *
vmk_Strncpy(char *dst, const char *src, vmk_ByteCount n)
{
   vmk_ByteCount i = 0;

   if (n != 0 && (dst == NULL || src == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return dst;
   }
   for (; i < n && src[i] != '\0'; i++) {
      dst[i] = src[i];
   }
   for (; i < n; i++) {
      dst[i] = '\0';               /* C semantics: pad, never terminate */
   }
   return dst;
}

EMU_EXPORT vmk_ByteCount
vmk_Strlcpy(char *dst, const char *src, vmk_ByteCount size)
{
   vmk_ByteCount len = 0;
   vmk_ByteCount i;

   if (src == NULL || (dst == NULL && size != 0)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return 0;
   }
   while (src[len] != '\0') {
      len++;
   }
   if (size != 0) {
      for (i = 0; i < len && i < size - 1; i++) {
         dst[i] = src[i];
      }
      dst[i] = '\0';
   }
   return len;
}

EMU_EXPORT int
vmk_Strcmp(const char *s1, const char *s2)
{
   const unsigned char *a = (const unsigned char *)s1;
   const unsigned char *b = (const unsigned char *)s2;

   if (s1 == NULL || s2 == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return 0;
   }
   while (*a != '\0' && *a == *b) {
      a++;
      b++;
   }
   return (int)*a - (int)*b;
}

EMU_EXPORT int
vmk_Strncmp(const char *s1, const char *s2, vmk_ByteCount n)
{
   const unsigned char *a = (const unsigned char *)s1;
   const unsigned char *b = (const unsigned char *)s2;
   vmk_ByteCount i;

   if (n != 0 && (s1 == NULL || s2 == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return 0;
   }
   for (i = 0; i < n; i++) {
      if (a[i] != b[i] || a[i] == '\0') {
         return (int)a[i] - (int)b[i];
      }
   }
   return 0;
}

EMU_EXPORT int
vmk_Strncasecmp(const char *s1, const char *s2, vmk_ByteCount n)
{
   const unsigned char *a = (const unsigned char *)s1;
   const unsigned char *b = (const unsigned char *)s2;
   vmk_ByteCount i;

   if (n != 0 && (s1 == NULL || s2 == NULL)) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return 0;
   }
   for (i = 0; i < n; i++) {
      int ca = libc_tolower(a[i]);
      int cb = libc_tolower(b[i]);

      if (ca != cb || ca == '\0') {
         return ca - cb;
      }
   }
   return 0;
}

EMU_EXPORT char *
vmk_Strchr(const void *str, int c)
{
   const char *s = str;

   if (s == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return NULL;
   }
   for (;; s++) {
      if (*s == (char)c) {
         return (char *)s;          /* also finds the terminator for '\0' */
      }
      if (*s == '\0') {
         return NULL;
      }
   }
}

EMU_EXPORT char *
vmk_Strrchr(const void *str, int c)
{
   const char *s = str;
   const char *last = NULL;

   if (s == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return NULL;
   }
   for (;; s++) {
      if (*s == (char)c) {
         last = s;
      }
      if (*s == '\0') {
         return (char *)last;
      }
   }
}

EMU_EXPORT char *
vmk_Strstr(const void *haystack, const void *needle)
{
   const char *h = haystack;
   const char *n = needle;
   vmk_ByteCount nlen = 0;

   if (h == NULL || n == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL string");
      return NULL;
   }
   while (n[nlen] != '\0') {
      nlen++;
   }
   for (; *h != '\0' || nlen == 0; h++) {
      vmk_ByteCount i = 0;

      while (i < nlen && h[i] == n[i]) {
         i++;
      }
      if (i == nlen) {
         return (char *)h;
      }
   }
   return NULL;
}

/*
 * The part of vmk_Strtol/vmk_Strtoul they share: NULL checks, the scan and
 * the end pointer.  0 (and a MISUSE report naming caller) for a NULL str.
 */
static int
libc_strto_scan(const char *fn, const char *str, char **end, int base,
                const void *caller, unsigned long long *v, int *neg, int *ovf)
{
   const char *e;

   if (str == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, caller, "%s: NULL string", fn);
      if (end != NULL) {
         *end = NULL;
      }
      return 0;
   }
   *v = emu_lib_strtoull(str, &e, base, neg, ovf);
   if (end != NULL) {
      *end = (char *)e;
   }
   return 1;
}

EMU_EXPORT long
vmk_Strtol(const char *str, char **end, int base)
{
   unsigned long long v;
   int neg;
   int ovf;

   if (!libc_strto_scan(__func__, str, end, base, EMU_CALLER(), &v, &neg,
                        &ovf)) {
      return 0;
   }
   if (neg) {
      if (ovf || v > (unsigned long long)LONG_MAX + 1) {
         return LONG_MIN;
      }
      return (long)(0ull - v);
   }
   if (ovf || v > (unsigned long long)LONG_MAX) {
      return LONG_MAX;
   }
   return (long)v;
}

EMU_EXPORT unsigned long
vmk_Strtoul(const char *str, char **end, int base)
{
   unsigned long long v;
   int neg;
   int ovf;

   if (!libc_strto_scan(__func__, str, end, base, EMU_CALLER(), &v, &neg,
                        &ovf)) {
      return 0;
   }
   if (ovf) {
      return ULONG_MAX;
   }
   return neg ? (unsigned long)(0ull - v) : (unsigned long)v;
}

/* The formatting entry points share one checker of their arguments. */
static int
libc_vsnprintf(char *str, vmk_ByteCount size, const char *fmt, va_list ap,
               const void *caller, const char *fn)
{
   if (str == NULL && size != 0) {
      emu_report(EMU_RPT_MISUSE, NULL, caller, "%s: NULL buffer of %lu bytes",
                 fn, (unsigned long)size);
      return 0;
   }
   if (fmt == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, caller, "%s: NULL format", fn);
      if (size != 0) {
         str[0] = '\0';
      }
      return 0;
   }
   return libc_clamp_int(emu_lib_vformat(str, size, fmt, ap));
}

EMU_EXPORT int
vmk_Vsnprintf(char *str, vmk_ByteCount size, const char *fmt, va_list ap)
{
   return libc_vsnprintf(str, size, fmt, ap, EMU_CALLER(), __func__);
}

EMU_EXPORT int
vmk_Snprintf(char *str, vmk_ByteCount size, const char *fmt, ...)
{
   va_list ap;
   int n;

   va_start(ap, fmt);
   n = libc_vsnprintf(str, size, fmt, ap, EMU_CALLER(), __func__);
   va_end(ap);
   return n;
}

EMU_EXPORT int
vmk_Vsprintf(char *str, const char *fmt, va_list ap)
{
   if (str == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return 0;
   }
   return libc_vsnprintf(str, SIZE_MAX, fmt, ap, EMU_CALLER(), __func__);
}

EMU_EXPORT int
vmk_Sprintf(char *str, const char *fmt, ...)
{
   va_list ap;
   int n;

   if (str == NULL) {
      LIBC_MISUSE(EMU_CALLER(), "NULL buffer");
      return 0;
   }
   va_start(ap, fmt);
   n = libc_vsnprintf(str, SIZE_MAX, fmt, ap, EMU_CALLER(), __func__);
   va_end(ap);
   return n;
}

static int
libc_vsscanf(const char *str, const char *fmt, va_list ap, const void *caller,
             const char *fn)
{
   if (str == NULL || fmt == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, caller, "%s: NULL %s", fn,
                 str == NULL ? "input" : "format");
      return -1;
   }
   return emu_lib_vscan(str, fmt, ap);
}

EMU_EXPORT int
vmk_Vsscanf(const char *str, const char *fmt, va_list ap)
{
   return libc_vsscanf(str, fmt, ap, EMU_CALLER(), __func__);
}

EMU_EXPORT int
vmk_Sscanf(const char *str, const char *fmt, ...)
{
   va_list ap;
   int n;

   va_start(ap, fmt);
   n = libc_vsscanf(str, fmt, ap, EMU_CALLER(), __func__);
   va_end(ap);
   return n;
}
