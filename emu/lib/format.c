/*
 * format.c -- printf and scanf engines for libvmkemu.
 *
 * 1. Why our own: the vmkernel formats with its own rules, not the host C
 *    library's, and a driver's log lines and names must come out the same
 *    under the emulator as on ESXi.  The differences from glibc that matter:
 *    (a) the length modifier L means a 64-bit integer ("%Lx"), like ll and
 *        (on LP64) l; q is accepted as the same;
 *    (b) there is no floating point: %e %f %g %a and any other unknown
 *        conversion are copied to the output as written, and no argument
 *        is taken for them;
 *    (c) %p prints "0x" and lower-case hex digits, also for NULL ("0x0");
 *    (d) %n stores nothing (its pointer is taken and ignored): a format
 *        string must never be a way to write memory;
 *    (e) a NULL %s prints "(null)".
 *    Supported: conversions d i u x X o c s p %, flags - + space 0 #, field
 *    width and precision (both may be *), modifiers hh h l ll L q j z t.
 *
 * 2. Output model: characters go through one sink that counts every
 *    character and stores those that fit, so the return value is always the
 *    length the full output needs (vmk_Snprintf's contract) and truncation
 *    never reads or writes past the buffer.
 *
 * 3. Scanning: whitespace in the format matches any run of input white
 *    space (including none); every conversion except %c %[ and %n first
 *    skips input white space; integers are read by the same code as
 *    vmk_Strtoul (emu_lib_strtoull), limited to the field width.  Supported:
 *    d i u o x X p c s [set] n %, assignment suppression *, width, the same
 *    length modifiers as printf.  Returns the number of fields stored, or -1
 *    when the input ended before the first conversion.
 *
 * 4. Nothing here allocates, blocks or keeps state: safe from any world,
 *    with any lock held.
 */
#include "format.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* Length modifiers. */
enum fmt_len {
   FMT_LEN_INT = 0,
   FMT_LEN_CHAR,       /* hh */
   FMT_LEN_SHORT,      /* h */
   FMT_LEN_LONG,       /* l */
   FMT_LEN_64,         /* ll L q */
   FMT_LEN_MAX,        /* j */
   FMT_LEN_SIZE,       /* z */
   FMT_LEN_PTRDIFF,    /* t */
};

/* Flags of one printf conversion. */
#define FMT_F_LEFT   0x01   /* - */
#define FMT_F_PLUS   0x02   /* + */
#define FMT_F_SPACE  0x04   /* space */
#define FMT_F_ZERO   0x08   /* 0 */
#define FMT_F_ALT    0x10   /* # */

struct fmt_sink {
   char  *buf;
   size_t size;        /* bytes of buf, 0 when nothing may be stored */
   size_t len;         /* characters produced so far, stored or not */
};

static void
fmt_put(struct fmt_sink *s, char c)
{
   if (s->len + 1 < s->size) {
      s->buf[s->len] = c;
   }
   s->len++;
}

static void
fmt_put_n(struct fmt_sink *s, char c, size_t n)
{
   while (n-- > 0) {
      fmt_put(s, c);
   }
}

static void
fmt_put_str(struct fmt_sink *s, const char *str, size_t n)
{
   size_t i;

   for (i = 0; i < n; i++) {
      fmt_put(s, str[i]);
   }
}

static const char *
fmt_len_parse(const char *p, enum fmt_len *len)
{
   *len = FMT_LEN_INT;
   switch (*p) {
   case 'h':
      if (p[1] == 'h') {
         *len = FMT_LEN_CHAR;
         return p + 2;
      }
      *len = FMT_LEN_SHORT;
      return p + 1;
   case 'l':
      if (p[1] == 'l') {
         *len = FMT_LEN_64;
         return p + 2;
      }
      *len = FMT_LEN_LONG;
      return p + 1;
   case 'L':
   case 'q':
      *len = FMT_LEN_64;
      return p + 1;
   case 'j':
      *len = FMT_LEN_MAX;
      return p + 1;
   case 'z':
      *len = FMT_LEN_SIZE;
      return p + 1;
   case 't':
      *len = FMT_LEN_PTRDIFF;
      return p + 1;
   default:
      return p;
   }
}

/* Fetch a signed argument of the given length, as a magnitude and a sign. */
static unsigned long long
fmt_arg_signed(va_list *ap, enum fmt_len len, int *neg)
{
   long long v;

   switch (len) {
   case FMT_LEN_CHAR:
      v = (signed char)va_arg(*ap, int);
      break;
   case FMT_LEN_SHORT:
      v = (short)va_arg(*ap, int);
      break;
   case FMT_LEN_LONG:
      v = va_arg(*ap, long);
      break;
   case FMT_LEN_64:
      v = va_arg(*ap, long long);
      break;
   case FMT_LEN_MAX:
      v = va_arg(*ap, intmax_t);
      break;
   case FMT_LEN_SIZE:
      v = (long long)va_arg(*ap, size_t);   /* the signed size_t */
      break;
   case FMT_LEN_PTRDIFF:
      v = va_arg(*ap, ptrdiff_t);
      break;
   default:
      v = va_arg(*ap, int);
      break;
   }
   *neg = v < 0;
   return v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
}

static unsigned long long
fmt_arg_unsigned(va_list *ap, enum fmt_len len)
{
   switch (len) {
   case FMT_LEN_CHAR:
      return (unsigned char)va_arg(*ap, unsigned int);
   case FMT_LEN_SHORT:
      return (unsigned short)va_arg(*ap, unsigned int);
   case FMT_LEN_LONG:
      return va_arg(*ap, unsigned long);
   case FMT_LEN_64:
      return va_arg(*ap, unsigned long long);
   case FMT_LEN_MAX:
      return va_arg(*ap, uintmax_t);
   case FMT_LEN_SIZE:
      return va_arg(*ap, size_t);
   case FMT_LEN_PTRDIFF:
      return (unsigned long long)va_arg(*ap, ptrdiff_t);
   default:
      return va_arg(*ap, unsigned int);
   }
}

/*
 * Emit one integer: sign or 0x prefix, zeros for the precision or the 0
 * flag, spaces for the width on the side the - flag says.
 */
static void
fmt_integer(struct fmt_sink *s, unsigned long long v, int neg, unsigned base,
            int upper, int flags, int width, int prec, int is_signed,
            int is_ptr)
{
   const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
   char tmp[64];
   char prefix[3];
   size_t ndig = 0;
   size_t npre = 0;
   size_t zeros = 0;
   size_t total;

   while (v != 0) {
      tmp[ndig++] = digits[v % base];
      v /= base;
   }
   if (is_ptr && ndig == 0) {
      tmp[ndig++] = '0';
   }
   if (is_signed) {
      if (neg) {
         prefix[npre++] = '-';
      } else if (flags & FMT_F_PLUS) {
         prefix[npre++] = '+';
      } else if (flags & FMT_F_SPACE) {
         prefix[npre++] = ' ';
      }
   }
   if (base == 16 && ((flags & FMT_F_ALT) && ndig > 0)) {
      prefix[npre++] = '0';
      prefix[npre++] = upper ? 'X' : 'x';
   }
   if (prec < 0) {
      prec = 1;                                  /* at least one digit */
      if ((flags & (FMT_F_ZERO | FMT_F_LEFT)) == FMT_F_ZERO && width > 0 &&
          (size_t)width > npre) {
         prec = width - (int)npre;
      }
   }
   if ((size_t)prec > ndig) {
      zeros = (size_t)prec - ndig;
   }
   if (base == 8 && (flags & FMT_F_ALT) && zeros == 0 &&
       (ndig == 0 || tmp[ndig - 1] != '0')) {
      zeros = 1;                                 /* # makes octal start 0 */
   }
   total = npre + zeros + ndig;
   if (!(flags & FMT_F_LEFT) && width > 0 && (size_t)width > total) {
      fmt_put_n(s, ' ', (size_t)width - total);
   }
   fmt_put_str(s, prefix, npre);
   fmt_put_n(s, '0', zeros);
   while (ndig > 0) {
      fmt_put(s, tmp[--ndig]);
   }
   if ((flags & FMT_F_LEFT) && width > 0 && (size_t)width > total) {
      fmt_put_n(s, ' ', (size_t)width - total);
   }
}

static void
fmt_text(struct fmt_sink *s, const char *str, size_t n, int flags, int width)
{
   size_t pad = (width > 0 && (size_t)width > n) ? (size_t)width - n : 0;

   if (!(flags & FMT_F_LEFT)) {
      fmt_put_n(s, ' ', pad);
   }
   fmt_put_str(s, str, n);
   if (flags & FMT_F_LEFT) {
      fmt_put_n(s, ' ', pad);
   }
}

size_t
emu_lib_vformat(char *buf, size_t size, const char *fmt, va_list ap0)
{
   struct fmt_sink s = { buf, buf != NULL ? size : 0, 0 };
   const char *p = fmt;
   va_list ap;

   va_copy(ap, ap0);
   while (*p != '\0') {
      const char *spec = p;
      enum fmt_len len;
      int flags = 0;
      int width = 0;
      int prec = -1;

      if (*p != '%') {
         fmt_put(&s, *p++);
         continue;
      }
      p++;
      for (;; p++) {
         if (*p == '-') {
            flags |= FMT_F_LEFT;
         } else if (*p == '+') {
            flags |= FMT_F_PLUS;
         } else if (*p == ' ') {
            flags |= FMT_F_SPACE;
         } else if (*p == '0') {
            flags |= FMT_F_ZERO;
         } else if (*p == '#') {
            flags |= FMT_F_ALT;
         } else {
            break;
         }
      }
      if (*p == '*') {
         width = va_arg(ap, int);
         if (width < 0) {
            flags |= FMT_F_LEFT;
            width = width == INT_MIN ? INT_MAX : -width;
         }
         p++;
      } else {
         while (*p >= '0' && *p <= '9') {
            if (width < INT_MAX / 10) {
               width = width * 10 + (*p - '0');
            }
            p++;
         }
      }
      if (*p == '.') {
         p++;
         prec = 0;
         if (*p == '*') {
            prec = va_arg(ap, int);
            if (prec < 0) {
               prec = -1;                     /* as if no precision */
            }
            p++;
         } else {
            while (*p >= '0' && *p <= '9') {
               if (prec < INT_MAX / 10) {
                  prec = prec * 10 + (*p - '0');
               }
               p++;
            }
         }
      }
      p = fmt_len_parse(p, &len);
      switch (*p) {
      case 'd':
      case 'i': {
         int neg;
         unsigned long long v = fmt_arg_signed(&ap, len, &neg);

         fmt_integer(&s, v, neg, 10, 0, flags, width, prec, 1, 0);
         break;
      }
      case 'u':
         fmt_integer(&s, fmt_arg_unsigned(&ap, len), 0, 10, 0, flags, width,
                     prec, 0, 0);
         break;
      case 'x':
      case 'X':
         fmt_integer(&s, fmt_arg_unsigned(&ap, len), 0, 16, *p == 'X', flags,
                     width, prec, 0, 0);
         break;
      case 'o':
         fmt_integer(&s, fmt_arg_unsigned(&ap, len), 0, 8, 0, flags, width,
                     prec, 0, 0);
         break;
      case 'p':
         fmt_integer(&s, (uintptr_t)va_arg(ap, void *), 0, 16, 0,
                     flags | FMT_F_ALT, width, prec, 0, 1);
         break;
      case 'c': {
         char c = (char)va_arg(ap, int);

         fmt_text(&s, &c, 1, flags, width);
         break;
      }
      case 's': {
         const char *str = va_arg(ap, const char *);
         size_t n;

         if (str == NULL) {
            str = "(null)";
         }
         /* Never read past the precision: the string may be unterminated. */
         n = prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str);
         fmt_text(&s, str, n, flags, width);
         break;
      }
      case 'n':
         (void)va_arg(ap, void *);            /* taken, never written */
         break;
      case '%':
         fmt_put(&s, '%');
         break;
      case '\0':
         /* A lone '%' at the end is printed as it is. */
         fmt_put_str(&s, spec, (size_t)(p - spec));
         continue;
      default:
         /* Not supported (floating point, ...): copied as written. */
         fmt_put_str(&s, spec, (size_t)(p - spec) + 1);
         break;
      }
      p++;
   }
   va_end(ap);
   if (s.size > 0) {
      s.buf[s.len < s.size ? s.len : s.size - 1] = '\0';
   }
   return s.len;
}

/* ---- numbers ---------------------------------------------------------- */

static int
fmt_isspace(int c)
{
   return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
          c == '\r';
}

static int
fmt_digit(int c)
{
   if (c >= '0' && c <= '9') {
      return c - '0';
   }
   if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
   }
   if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
   }
   return 99;
}

unsigned long long
emu_lib_strtoull(const char *str, const char **end, int base, int *neg,
                 int *overflow)
{
   const char *p = str;
   unsigned long long v = 0;
   int any = 0;

   *neg = 0;
   *overflow = 0;
   if (base < 0 || base == 1 || base > 36) {
      *end = str;
      return 0;
   }
   while (fmt_isspace((unsigned char)*p)) {
      p++;
   }
   if (*p == '-' || *p == '+') {
      *neg = *p == '-';
      p++;
   }
   if ((base == 0 || base == 16) && p[0] == '0' &&
       (p[1] == 'x' || p[1] == 'X') && fmt_digit((unsigned char)p[2]) < 16) {
      base = 16;
      p += 2;
   } else if (base == 0) {
      base = p[0] == '0' ? 8 : 10;
   }
   for (;; p++) {
      int d = fmt_digit((unsigned char)*p);

      if (d >= base) {
         break;
      }
      any = 1;
      if (v > (ULLONG_MAX - (unsigned)d) / (unsigned)base) {
         *overflow = 1;
         v = ULLONG_MAX;
      } else if (!*overflow) {
         v = v * (unsigned)base + (unsigned)d;
      }
   }
   if (!any) {
      *neg = 0;
      *end = str;
      return 0;
   }
   *end = p;
   return v;
}

/* ---- scanning --------------------------------------------------------- */

static void
scan_store_int(va_list *ap, enum fmt_len len, unsigned long long v)
{
   switch (len) {
   case FMT_LEN_CHAR:
      *va_arg(*ap, signed char *) = (signed char)v;
      break;
   case FMT_LEN_SHORT:
      *va_arg(*ap, short *) = (short)v;
      break;
   case FMT_LEN_LONG:
      *va_arg(*ap, long *) = (long)v;
      break;
   case FMT_LEN_64:
      *va_arg(*ap, long long *) = (long long)v;
      break;
   case FMT_LEN_MAX:
      *va_arg(*ap, intmax_t *) = (intmax_t)v;
      break;
   case FMT_LEN_SIZE:
      *va_arg(*ap, size_t *) = (size_t)v;
      break;
   case FMT_LEN_PTRDIFF:
      *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v;
      break;
   default:
      *va_arg(*ap, int *) = (int)v;
      break;
   }
}

/*
 * Does c belong to the scan set starting at set (just past '[')?  Sets end
 * at the first ']' that is not the set's first character.
 */
static int
scan_in_set(const char *set, const char *set_end, int c)
{
   int negate = 0;
   int found = 0;
   const char *q = set;

   if (*q == '^') {
      negate = 1;
      q++;
   }
   if (q < set_end && *q == ']') {
      found = c == ']';
      q++;
   }
   while (q < set_end && !found) {
      if (q + 2 < set_end && q[1] == '-') {
         found = c >= (unsigned char)q[0] && c <= (unsigned char)q[2];
         q += 3;
      } else {
         found = c == (unsigned char)*q;
         q++;
      }
   }
   return negate ? !found : found;
}

int
emu_lib_vscan(const char *str, const char *fmt, va_list ap0)
{
   const char *in = str;
   const char *p = fmt;
   int stored = 0;
   int converted = 0;      /* conversions attempted successfully */
   va_list ap;

   va_copy(ap, ap0);
   while (*p != '\0') {
      enum fmt_len len;
      int suppress = 0;
      size_t width = 0;
      int c;

      if (fmt_isspace((unsigned char)*p)) {
         while (fmt_isspace((unsigned char)*p)) {
            p++;
         }
         while (fmt_isspace((unsigned char)*in)) {
            in++;
         }
         continue;
      }
      if (*p != '%' || p[1] == '%') {
         if (*p == '%') {
            p++;                                /* "%%" matches one '%' */
            while (fmt_isspace((unsigned char)*in)) {
               in++;
            }
         }
         if (*in == '\0') {
            goto input_end;
         }
         if (*in != *p) {
            goto done;
         }
         in++;
         p++;
         continue;
      }
      p++;
      if (*p == '*') {
         suppress = 1;
         p++;
      }
      while (*p >= '0' && *p <= '9') {
         if (width < 1000000) {
            width = width * 10 + (size_t)(*p - '0');
         }
         p++;
      }
      p = fmt_len_parse(p, &len);
      c = (unsigned char)*p;
      if (c == '\0') {
         goto done;
      }
      p++;
      if (c != 'c' && c != '[' && c != 'n') {
         while (fmt_isspace((unsigned char)*in)) {
            in++;
         }
      }
      switch (c) {
      case 'n':
         if (!suppress) {
            scan_store_int(&ap, len, (unsigned long long)(in - str));
         }
         continue;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
      case 'p': {
         char tmp[80];
         const char *end;
         size_t n = width == 0 || width >= sizeof tmp ? sizeof tmp - 1 : width;
         int base = c == 'd' || c == 'u' ? 10 : c == 'i' ? 0 : c == 'o' ? 8 : 16;
         int neg;
         int ovf;
         unsigned long long v;

         if (*in == '\0') {
            goto input_end;
         }
         memcpy(tmp, in, strnlen(in, n));
         tmp[strnlen(in, n)] = '\0';
         v = emu_lib_strtoull(tmp, &end, base, &neg, &ovf);
         if (end == tmp) {
            goto done;
         }
         in += end - tmp;
         if (neg) {
            v = 0ull - v;
         }
         converted++;
         if (!suppress) {
            if (c == 'p') {
               *va_arg(ap, void **) = (void *)(uintptr_t)v;
            } else {
               scan_store_int(&ap, len, v);
            }
            stored++;
         }
         break;
      }
      case 'c': {
         size_t n = width == 0 ? 1 : width;
         char *dst = suppress ? NULL : va_arg(ap, char *);
         size_t i;

         if (*in == '\0') {
            goto input_end;
         }
         for (i = 0; i < n && in[i] != '\0'; i++) {
            if (dst != NULL) {
               dst[i] = in[i];
            }
         }
         in += i;
         converted++;
         stored += !suppress;
         break;
      }
      case 's':
      case '[': {
         const char *set = p;
         const char *set_end = NULL;
         char *dst;
         size_t i = 0;

         if (c == '[') {
            const char *q = p;

            if (*q == '^') {
               q++;
            }
            if (*q == ']') {
               q++;
            }
            while (*q != '\0' && *q != ']') {
               q++;
            }
            if (*q == '\0') {
               goto done;                       /* unterminated set */
            }
            set_end = q;
            p = q + 1;
         }
         if (*in == '\0') {
            goto input_end;
         }
         dst = suppress ? NULL : va_arg(ap, char *);
         while (in[i] != '\0' && (width == 0 || i < width)) {
            int ch = (unsigned char)in[i];

            if (c == 's' ? fmt_isspace(ch) : !scan_in_set(set, set_end, ch)) {
               break;
            }
            if (dst != NULL) {
               dst[i] = in[i];
            }
            i++;
         }
         if (i == 0) {
            goto done;                          /* matching failure */
         }
         if (dst != NULL) {
            dst[i] = '\0';
         }
         in += i;
         converted++;
         stored += !suppress;
         break;
      }
      default:
         goto done;                             /* unknown conversion */
      }
   }
   goto done;

input_end:
   if (converted == 0) {
      stored = -1;
   }
done:
   va_end(ap);
   return stored;
}
