/*
 * iissim/crt.h: the Microsoft C runtime extensions that Windows code calls (the _s functions,
 * _itoa and friends, _strdup, localtime_s, rand_s, MSVC printf formats), header-only over the
 * platform C library, for building IIS native modules off Windows with iissim.
 * Clean-room: written from the documented behaviour of the functions. Licence: MIT OR Apache-2.0.
 *
 * Included by windows.h, tchar.h and strsafe.h; not meant to be included directly.
 *
 * Invalid parameters: MSVC calls the invalid-parameter handler, whose default ends the process.
 * Here the functions return the documented error instead (EINVAL, ERANGE; -1 for the printf
 * family) after applying the documented buffer rule (the destination, if usable, gets an empty
 * string), and set errno.
 *
 * printf formats: MSVC reads %I64d, %I32d, %Id (size_t/ptrdiff_t), %ws, %hs, and in the wide
 * functions %s/%c as wide and %S/%C as narrow. The printf family used by modules is routed through
 * wrappers that rewrite the format for the C library first (see "printf family" below).
 */
/* windows.h first: when this header is the first one included, windows.h includes it back and
 * its body is read there, before windows.h defines min and max. */
#include <windows.h>

#ifndef __IISSIM_CRT_H
#define __IISSIM_CRT_H

#ifdef __IISSIM_POSIX

#include <errno.h>
#include <time.h>
#include <ctype.h>
#include <wctype.h>
#include <limits.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#ifdef __cplusplus
# include <type_traits>
#endif

/* Types and constants */

#ifndef _ERRNO_T_DEFINED
# define _ERRNO_T_DEFINED
typedef int                 errno_t;
#endif
#ifndef _RSIZE_T_DEFINED
# define _RSIZE_T_DEFINED
typedef size_t              rsize_t;
#endif
#ifndef _TRUNCATE
# define _TRUNCATE          ((size_t)-1)
#endif
#ifndef STRUNCATE
# define STRUNCATE          80
#endif
#ifndef _MAX_PATH
# define _MAX_PATH          260
#endif
#ifndef _MAX_DRIVE
# define _MAX_DRIVE         3
#endif
#ifndef _MAX_DIR
# define _MAX_DIR           256
#endif
#ifndef _MAX_FNAME
# define _MAX_FNAME         256
#endif
#ifndef _MAX_EXT
# define _MAX_EXT           256
#endif
#ifndef __max
# define __max(a, b)        (((a) > (b)) ? (a) : (b))
#endif
#ifndef __min
# define __min(a, b)        (((a) < (b)) ? (a) : (b))
#endif

/* Reports an invalid parameter: sets errno, returns the code. */
static __IISSIM_INLINE errno_t __iissim_crt_error(errno_t code)
{
    errno = code;
    return code;
}

/* String copies and concatenations. The same code serves char and wchar_t. */

#define __IISSIM_DEFINE_STRING_S(CH, LEN, CPY, CAT, NCPY, NCAT)                                 \
static __IISSIM_INLINE errno_t CPY(CH *dest, rsize_t size, const CH *src)                      \
{                                                                                               \
    size_t n;                                                                                   \
    if (!dest || !size)                                                                         \
        return __iissim_crt_error(EINVAL);                                                      \
    if (!src) {                                                                                 \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    n = LEN(src);                                                                               \
    if (n >= size) {                                                                            \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(ERANGE);                                                      \
    }                                                                                           \
    memmove(dest, src, (n + 1) * sizeof(CH));                                                   \
    return 0;                                                                                   \
}                                                                                               \
static __IISSIM_INLINE errno_t NCPY(CH *dest, rsize_t size, const CH *src, rsize_t count)      \
{                                                                                               \
    size_t n = 0;                                                                               \
    if (!dest && !size && !count)                                                               \
        return 0;                                                                               \
    if (!dest || !size)                                                                         \
        return __iissim_crt_error(EINVAL);                                                      \
    if (!count) {                                                                               \
        dest[0] = 0;                                                                            \
        return 0;                                                                               \
    }                                                                                           \
    if (!src) {                                                                                 \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    while (n < count && src[n])                                                                 \
        n++;                                                                                    \
    if (n >= size) {                                                                            \
        if (count == _TRUNCATE) {                                                               \
            memmove(dest, src, (size - 1) * sizeof(CH));                                        \
            dest[size - 1] = 0;                                                                 \
            return STRUNCATE;                                                                   \
        }                                                                                       \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(ERANGE);                                                      \
    }                                                                                           \
    memmove(dest, src, n * sizeof(CH));                                                         \
    dest[n] = 0;                                                                                \
    return 0;                                                                                   \
}                                                                                               \
static __IISSIM_INLINE errno_t CAT(CH *dest, rsize_t size, const CH *src)                      \
{                                                                                               \
    size_t used = 0, n;                                                                         \
    if (!dest || !size)                                                                         \
        return __iissim_crt_error(EINVAL);                                                      \
    if (!src) {                                                                                 \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    while (used < size && dest[used])                                                           \
        used++;                                                                                 \
    if (used == size) {                                                                         \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    n = LEN(src);                                                                               \
    if (n >= size - used) {                                                                     \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(ERANGE);                                                      \
    }                                                                                           \
    memmove(dest + used, src, (n + 1) * sizeof(CH));                                            \
    return 0;                                                                                   \
}                                                                                               \
static __IISSIM_INLINE errno_t NCAT(CH *dest, rsize_t size, const CH *src, rsize_t count)      \
{                                                                                               \
    size_t used = 0, n = 0;                                                                     \
    if (!dest || !size)                                                                         \
        return __iissim_crt_error(EINVAL);                                                      \
    if (!src && count) {                                                                        \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    while (used < size && dest[used])                                                           \
        used++;                                                                                 \
    if (used == size) {                                                                         \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(EINVAL);                                                      \
    }                                                                                           \
    while (n < count && src[n])                                                                 \
        n++;                                                                                    \
    if (n >= size - used) {                                                                     \
        if (count == _TRUNCATE) {                                                               \
            n = size - used - 1;                                                                \
            memmove(dest + used, src, n * sizeof(CH));                                          \
            dest[used + n] = 0;                                                                 \
            return STRUNCATE;                                                                   \
        }                                                                                       \
        dest[0] = 0;                                                                            \
        return __iissim_crt_error(ERANGE);                                                      \
    }                                                                                           \
    memmove(dest + used, src, n * sizeof(CH));                                                  \
    dest[used + n] = 0;                                                                         \
    return 0;                                                                                   \
}

__IISSIM_DEFINE_STRING_S(char, strlen, strcpy_s, strcat_s, strncpy_s, strncat_s)
__IISSIM_DEFINE_STRING_S(wchar_t, wcslen, wcscpy_s, wcscat_s, wcsncpy_s, wcsncat_s)

static __IISSIM_INLINE errno_t memcpy_s(void *dest, rsize_t size, const void *src, rsize_t count)
{
    if (!count)
        return 0;
    if (!dest)
        return __iissim_crt_error(EINVAL);
    if (!src || size < count) {
        memset(dest, 0, size);
        return __iissim_crt_error(!src ? EINVAL : ERANGE);
    }
    memcpy(dest, src, count);
    return 0;
}

static __IISSIM_INLINE errno_t memmove_s(void *dest, rsize_t size, const void *src, rsize_t count)
{
    if (!count)
        return 0;
    if (!dest || !src)
        return __iissim_crt_error(EINVAL);
    if (size < count)
        return __iissim_crt_error(ERANGE);
    memmove(dest, src, count);
    return 0;
}

static __IISSIM_INLINE size_t __iissim_strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

static __IISSIM_INLINE size_t __iissim_wcsnlen(const wchar_t *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}
#define strnlen_s(s, max)   ((s) ? __iissim_strnlen((s), (max)) : (size_t)0)
#define wcsnlen_s(s, max)   ((s) ? __iissim_wcsnlen((s), (max)) : (size_t)0)
#ifndef __cplusplus
/* C without _GNU_SOURCE does not see the POSIX names; C++ (always GNU on glibc) does. */
# if !defined(_GNU_SOURCE) && !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE) && !defined(_DEFAULT_SOURCE)
#  define wcsnlen(s, max)   __iissim_wcsnlen((s), (max))
#  define strnlen(s, max)   __iissim_strnlen((s), (max))
# endif
#endif

static __IISSIM_INLINE char *_strdup(const char *s)
{
    size_t n;
    char *copy;
    if (!s)
        return NULL;
    n = strlen(s) + 1;
    copy = (char *)malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

static __IISSIM_INLINE wchar_t *_wcsdup(const wchar_t *s)
{
    size_t n;
    wchar_t *copy;
    if (!s)
        return NULL;
    n = (wcslen(s) + 1) * sizeof(wchar_t);
    copy = (wchar_t *)malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

static __IISSIM_INLINE char *strtok_s(char *str, const char *delim, char **context)
{
    char *start;
    if (!delim || !context || (!str && !*context)) {
        errno = EINVAL;
        return NULL;
    }
    start = str ? str : *context;
    start += strspn(start, delim);
    if (!*start) {
        *context = start;
        return NULL;
    }
    *context = start + strcspn(start, delim);
    if (**context)
        *(*context)++ = 0;
    return start;
}

static __IISSIM_INLINE wchar_t *wcstok_s(wchar_t *str, const wchar_t *delim, wchar_t **context)
{
    wchar_t *start;
    if (!delim || !context || (!str && !*context)) {
        errno = EINVAL;
        return NULL;
    }
    start = str ? str : *context;
    start += wcsspn(start, delim);
    if (!*start) {
        *context = start;
        return NULL;
    }
    *context = start + wcscspn(start, delim);
    if (**context)
        *(*context)++ = 0;
    return start;
}

/* Case conversion in place (ASCII, as in the "C" locale) */

static __IISSIM_INLINE char *_strlwr(char *s)
{
    char *p;
    for (p = s; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + ('a' - 'A'));
    return s;
}

static __IISSIM_INLINE char *_strupr(char *s)
{
    char *p;
    for (p = s; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - ('a' - 'A'));
    return s;
}

static __IISSIM_INLINE wchar_t *_wcslwr(wchar_t *s)
{
    wchar_t *p;
    for (p = s; p && *p; p++)
        *p = (wchar_t)towlower((wint_t)*p);
    return s;
}

static __IISSIM_INLINE wchar_t *_wcsupr(wchar_t *s)
{
    wchar_t *p;
    for (p = s; p && *p; p++)
        *p = (wchar_t)towupper((wint_t)*p);
    return s;
}

static __IISSIM_INLINE errno_t _strlwr_s(char *s, size_t size)
{
    if (!s || __iissim_strnlen(s, size) == size)
        return __iissim_crt_error(EINVAL);
    _strlwr(s);
    return 0;
}

static __IISSIM_INLINE errno_t _strupr_s(char *s, size_t size)
{
    if (!s || __iissim_strnlen(s, size) == size)
        return __iissim_crt_error(EINVAL);
    _strupr(s);
    return 0;
}

static __IISSIM_INLINE errno_t _wcslwr_s(wchar_t *s, size_t size)
{
    if (!s || __iissim_wcsnlen(s, size) == size)
        return __iissim_crt_error(EINVAL);
    _wcslwr(s);
    return 0;
}

static __IISSIM_INLINE errno_t _wcsupr_s(wchar_t *s, size_t size)
{
    if (!s || __iissim_wcsnlen(s, size) == size)
        return __iissim_crt_error(EINVAL);
    _wcsupr(s);
    return 0;
}

static __IISSIM_INLINE char *_strrev(char *s)
{
    size_t i, n;
    if (!s)
        return s;
    n = strlen(s);
    for (i = 0; i < n / 2; i++) {
        char c = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = c;
    }
    return s;
}

/* Old names (Microsoft spells them without the underscore too) */
#define _strcmpi            _stricmp
#define stricmp             _stricmp
#define strnicmp            _strnicmp
#define strcmpi             _stricmp
#define wcsicmp             _wcsicmp
#define wcsnicmp            _wcsnicmp
#define _wcsicoll           _wcsicmp
#define _stricoll           _stricmp
#define _strncoll           strncmp
#define strlwr              _strlwr
#define strupr              _strupr
#define strrev              _strrev

/* Integer to text: _itoa, _ltoa, _ultoa, _i64toa, _ui64toa, their _s and wide forms.
 * Only radix 10 prints a sign; other radices print the bits as unsigned, as MSVC does (a `long`
 * is 32-bit on Windows: a negative one that fits in 32 bits prints as 32 bits here too). */

static __IISSIM_INLINE errno_t __iissim_xtoa_s(uint64_t magnitude, int negative, char *buf, size_t size,
                                               int radix)
{
    char tmp[72];
    size_t n = 0, i = 0;
    if (!buf || !size)
        return __iissim_crt_error(EINVAL);
    buf[0] = 0;
    if (radix < 2 || radix > 36)
        return __iissim_crt_error(EINVAL);
    do {
        unsigned d = (unsigned)(magnitude % (unsigned)radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        magnitude /= (unsigned)radix;
    } while (magnitude);
    if (negative)
        tmp[n++] = '-';
    if (n + 1 > size)
        return __iissim_crt_error(ERANGE);
    while (n)
        buf[i++] = tmp[--n];
    buf[i] = 0;
    return 0;
}

static __IISSIM_INLINE errno_t __iissim_stoa_s(int64_t value, int bits, char *buf, size_t size, int radix)
{
    if (radix == 10 && value < 0)
        return __iissim_xtoa_s((uint64_t)0 - (uint64_t)value, 1, buf, size, radix);
    if (bits == 32)
        return __iissim_xtoa_s((uint32_t)value, 0, buf, size, radix);
    return __iissim_xtoa_s((uint64_t)value, 0, buf, size, radix);
}

static __IISSIM_INLINE int __iissim_long_bits(long value)
{
    return (value >= INT32_MIN && value <= INT32_MAX) ? 32 : 64;
}

static __IISSIM_INLINE errno_t __iissim_widen_s(const char *src, wchar_t *buf, size_t size, errno_t e)
{
    size_t i = 0;
    (void)size; /* src was formatted for at most `size` characters */
    if (e)
        return e;
    for (;; i++) {
        buf[i] = (wchar_t)(unsigned char)src[i];
        if (!src[i])
            return 0;
    }
}

static __IISSIM_INLINE errno_t _itoa_s(int value, char *buf, size_t size, int radix)
{
    return __iissim_stoa_s(value, 32, buf, size, radix);
}
static __IISSIM_INLINE errno_t _ltoa_s(long value, char *buf, size_t size, int radix)
{
    return __iissim_stoa_s(value, __iissim_long_bits(value), buf, size, radix);
}
static __IISSIM_INLINE errno_t _ultoa_s(unsigned long value, char *buf, size_t size, int radix)
{
    return __iissim_xtoa_s(value, 0, buf, size, radix);
}
static __IISSIM_INLINE errno_t _i64toa_s(long long value, char *buf, size_t size, int radix)
{
    return __iissim_stoa_s(value, 64, buf, size, radix);
}
static __IISSIM_INLINE errno_t _ui64toa_s(unsigned long long value, char *buf, size_t size, int radix)
{
    return __iissim_xtoa_s(value, 0, buf, size, radix);
}
static __IISSIM_INLINE char *_itoa(int value, char *buf, int radix)
{
    __iissim_stoa_s(value, 32, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE char *_ltoa(long value, char *buf, int radix)
{
    __iissim_stoa_s(value, __iissim_long_bits(value), buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE char *_ultoa(unsigned long value, char *buf, int radix)
{
    __iissim_xtoa_s(value, 0, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE char *_i64toa(long long value, char *buf, int radix)
{
    __iissim_stoa_s(value, 64, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE char *_ui64toa(unsigned long long value, char *buf, int radix)
{
    __iissim_xtoa_s(value, 0, buf, 66, radix);
    return buf;
}
#define itoa                _itoa
#define ltoa                _ltoa
#define ultoa               _ultoa

static __IISSIM_INLINE errno_t _itow_s(int value, wchar_t *buf, size_t size, int radix)
{
    char tmp[72];
    return __iissim_widen_s(tmp, buf, size, __iissim_stoa_s(value, 32, tmp, size < 72 ? size : 72, radix));
}
static __IISSIM_INLINE errno_t _ltow_s(long value, wchar_t *buf, size_t size, int radix)
{
    char tmp[72];
    return __iissim_widen_s(tmp, buf, size,
                            __iissim_stoa_s(value, __iissim_long_bits(value), tmp, size < 72 ? size : 72, radix));
}
static __IISSIM_INLINE errno_t _ultow_s(unsigned long value, wchar_t *buf, size_t size, int radix)
{
    char tmp[72];
    return __iissim_widen_s(tmp, buf, size, __iissim_xtoa_s(value, 0, tmp, size < 72 ? size : 72, radix));
}
static __IISSIM_INLINE errno_t _i64tow_s(long long value, wchar_t *buf, size_t size, int radix)
{
    char tmp[72];
    return __iissim_widen_s(tmp, buf, size, __iissim_stoa_s(value, 64, tmp, size < 72 ? size : 72, radix));
}
static __IISSIM_INLINE errno_t _ui64tow_s(unsigned long long value, wchar_t *buf, size_t size, int radix)
{
    char tmp[72];
    return __iissim_widen_s(tmp, buf, size, __iissim_xtoa_s(value, 0, tmp, size < 72 ? size : 72, radix));
}
/* The wide forms whose size check an invalid buffer would fail report EINVAL: guard NULL first. */
static __IISSIM_INLINE wchar_t *_itow(int value, wchar_t *buf, int radix)
{
    _itow_s(value, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE wchar_t *_ltow(long value, wchar_t *buf, int radix)
{
    _ltow_s(value, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE wchar_t *_ultow(unsigned long value, wchar_t *buf, int radix)
{
    _ultow_s(value, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE wchar_t *_i64tow(long long value, wchar_t *buf, int radix)
{
    _i64tow_s(value, buf, 66, radix);
    return buf;
}
static __IISSIM_INLINE wchar_t *_ui64tow(unsigned long long value, wchar_t *buf, int radix)
{
    _ui64tow_s(value, buf, 66, radix);
    return buf;
}

/* Text to integer. A Windows `long` is 32-bit: _wtol and _atol-style results saturate at the
 * 32-bit limits with errno ERANGE, as MSVC's do. */

static __IISSIM_INLINE long __iissim_clamp_long(long long v)
{
    if (v > INT32_MAX) {
        errno = ERANGE;
        return INT32_MAX;
    }
    if (v < INT32_MIN) {
        errno = ERANGE;
        return INT32_MIN;
    }
    return (long)v;
}

static __IISSIM_INLINE int _wtoi(const wchar_t *s)
{
    return s ? (int)__iissim_clamp_long(wcstoll(s, NULL, 10)) : 0;
}
static __IISSIM_INLINE long _wtol(const wchar_t *s)
{
    return s ? __iissim_clamp_long(wcstoll(s, NULL, 10)) : 0;
}
static __IISSIM_INLINE long long _wtoi64(const wchar_t *s)
{
    return s ? wcstoll(s, NULL, 10) : 0;
}
static __IISSIM_INLINE long long _atoi64(const char *s)
{
    return s ? strtoll(s, NULL, 10) : 0;
}
static __IISSIM_INLINE double _wtof(const wchar_t *s)
{
    return s ? wcstod(s, NULL) : 0.0;
}
#define _strtoi64           strtoll
#define _strtoui64          strtoull
#define _wcstoi64           wcstoll
#define _wcstoui64          wcstoull
#define _wcstoul            wcstoul

/* Time, in MSVC's argument order (the result first) */

static __IISSIM_INLINE errno_t localtime_s(struct tm *result, const time_t *t)
{
    if (!result)
        return __iissim_crt_error(EINVAL);
    if (!t || !localtime_r(t, result)) {
        memset(result, 0xFF, sizeof *result);
        return __iissim_crt_error(EINVAL);
    }
    return 0;
}

static __IISSIM_INLINE errno_t gmtime_s(struct tm *result, const time_t *t)
{
    if (!result)
        return __iissim_crt_error(EINVAL);
    if (!t || !gmtime_r(t, result)) {
        memset(result, 0xFF, sizeof *result);
        return __iissim_crt_error(EINVAL);
    }
    return 0;
}

typedef int64_t             __time64_t;
#define _localtime64_s      localtime_s
#define _gmtime64_s         gmtime_s
#define _time64(t)          ((__time64_t)time((time_t *)(t)))
#define _mktime64           mktime
#define _mkgmtime           timegm
#define _mkgmtime64         timegm
#define _tzset              tzset

static __IISSIM_INLINE errno_t ctime_s(char *buf, size_t size, const time_t *t)
{
    char tmp[64];
    if (!buf || !size)
        return __iissim_crt_error(EINVAL);
    buf[0] = 0;
    if (!t || !ctime_r(t, tmp))
        return __iissim_crt_error(EINVAL);
    return strcpy_s(buf, size, tmp);
}

static __IISSIM_INLINE errno_t asctime_s(char *buf, size_t size, const struct tm *tm)
{
    char tmp[64];
    if (!buf || !size)
        return __iissim_crt_error(EINVAL);
    buf[0] = 0;
    if (!tm || !asctime_r(tm, tmp))
        return __iissim_crt_error(EINVAL);
    return strcpy_s(buf, size, tmp);
}

/* Random bytes from the kernel (getrandom where the C library has it, else /dev/urandom) */

static __IISSIM_INLINE int __iissim_random_bytes(void *buf, size_t n)
{
    unsigned char *p = (unsigned char *)buf;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    while (n) {
        ssize_t got = read(fd, p, n);
        if (got <= 0) {
            if (got < 0 && errno == EINTR)
                continue;
            close(fd);
            return 0;
        }
        p += got;
        n -= (size_t)got;
    }
    close(fd);
    return 1;
}

static __IISSIM_INLINE errno_t rand_s(unsigned int *value)
{
    if (!value)
        return __iissim_crt_error(EINVAL);
    if (!__iissim_random_bytes(value, sizeof *value)) {
        *value = 0;
        return __iissim_crt_error(EINVAL);
    }
    return 0;
}

/* Wide and multibyte conversions. Multibyte text is UTF-8 (see MultiByteToWideChar).
 * The count is written through a pointer whose pointee size the caller's type tells: in C++ by
 * overloads, in C11 by _Generic. A pointer to a 32-bit integer gets 4 bytes, never 8, so Windows
 * code that passes `(size_t *)`-less pointers to a DWORD or int keeps its neighbours intact. */

static __IISSIM_INLINE size_t __iissim_utf8_encode(uint32_t c, char *out)
{
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        c = 0xFFFD;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Decodes one UTF-8 sequence of at most `avail` bytes; *used gets its length.
 * Returns the code point, or 0xFFFFFFFF for an invalid sequence (1 byte consumed). */
static __IISSIM_INLINE uint32_t __iissim_utf8_decode(const unsigned char *s, size_t avail, size_t *used)
{
    uint32_t c = s[0], min;
    size_t n, i;
    *used = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return 0xFFFFFFFFu;
    }
    if (n > avail)
        return 0xFFFFFFFFu;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0xFFFFFFFFu;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0xFFFFFFFFu;
    *used = n;
    return c;
}

static __IISSIM_INLINE void __iissim_store_count(void *p, size_t width, size_t value)
{
    if (!p)
        return;
    if (width == sizeof(uint32_t)) {
        uint32_t v = (uint32_t)value;
        memcpy(p, &v, sizeof v);
    } else {
        memcpy(p, &value, sizeof value);
    }
}

/* wcstombs_s: converts at most `count` wide characters (or up to the NUL; _TRUNCATE: as much as
 * fits), always NUL-terminates, *ret = bytes written including the NUL (or needed, when dest is
 * NULL and size is 0). */
static __IISSIM_INLINE errno_t __iissim_wcstombs_s(void *ret, size_t width, char *dest, size_t size,
                                                   const wchar_t *src, size_t count)
{
    size_t out = 0, i;
    int truncated = 0;
    char enc[4];
    __iissim_store_count(ret, width, 0);
    if ((!dest && size) || (dest && !size) || !src) {
        if (dest && size)
            dest[0] = 0;
        return __iissim_crt_error(EINVAL);
    }
    for (i = 0; (count == _TRUNCATE || i < count) && src[i]; i++) {
        uint32_t c = (uint32_t)src[i];
        size_t n = __iissim_utf8_encode(c, enc);
        if (dest) {
            if (out + n + 1 > size) {
                if (count != _TRUNCATE) {
                    dest[0] = 0;
                    return __iissim_crt_error(ERANGE);
                }
                truncated = 1;
                break;
            }
            memcpy(dest + out, enc, n);
        }
        out += n;
    }
    if (dest)
        dest[out] = 0;
    __iissim_store_count(ret, width, out + 1);
    return truncated ? STRUNCATE : 0;
}

static __IISSIM_INLINE errno_t __iissim_mbstowcs_s(void *ret, size_t width, wchar_t *dest, size_t size,
                                                   const char *src, size_t count)
{
    size_t out = 0, i = 0, len;
    int truncated = 0;
    __iissim_store_count(ret, width, 0);
    if ((!dest && size) || (dest && !size) || !src) {
        if (dest && size)
            dest[0] = 0;
        return __iissim_crt_error(EINVAL);
    }
    len = strlen(src);
    while (i < len && (count == _TRUNCATE || out < count)) {
        size_t used;
        uint32_t c = __iissim_utf8_decode((const unsigned char *)src + i, len - i, &used);
        if (c == 0xFFFFFFFFu) {
            if (dest)
                dest[0] = 0;
            return __iissim_crt_error(EILSEQ);
        }
        if (dest) {
            if (out + 2 > size) {
                if (count != _TRUNCATE) {
                    dest[0] = 0;
                    return __iissim_crt_error(ERANGE);
                }
                truncated = 1;
                break;
            }
            dest[out] = (wchar_t)c;
        }
        out++;
        i += used;
    }
    if (dest)
        dest[out] = 0;
    __iissim_store_count(ret, width, out + 1);
    return truncated ? STRUNCATE : 0;
}

#ifdef __cplusplus
template <class T> struct __iissim_count_ptr {
    static const bool ok = std::is_integral<T>::value && !std::is_const<T>::value
                           && (sizeof(T) == 4 || sizeof(T) == 8);
};
inline errno_t wcstombs_s(size_t *ret, char *dest, size_t size, const wchar_t *src, size_t count)
{
    return __iissim_wcstombs_s(ret, sizeof *ret, dest, size, src, count);
}
template <class T, class = typename std::enable_if<__iissim_count_ptr<T>::ok>::type>
inline errno_t wcstombs_s(T *ret, char *dest, size_t size, const wchar_t *src, size_t count)
{
    return __iissim_wcstombs_s(ret, sizeof(T), dest, size, src, count);
}
template <class T, size_t N, class = typename std::enable_if<__iissim_count_ptr<T>::ok>::type>
inline errno_t wcstombs_s(T *ret, char (&dest)[N], const wchar_t *src, size_t count)
{
    return __iissim_wcstombs_s(ret, sizeof(T), dest, N, src, count);
}
inline errno_t mbstowcs_s(size_t *ret, wchar_t *dest, size_t size, const char *src, size_t count)
{
    return __iissim_mbstowcs_s(ret, sizeof *ret, dest, size, src, count);
}
template <class T, class = typename std::enable_if<__iissim_count_ptr<T>::ok>::type>
inline errno_t mbstowcs_s(T *ret, wchar_t *dest, size_t size, const char *src, size_t count)
{
    return __iissim_mbstowcs_s(ret, sizeof(T), dest, size, src, count);
}
template <class T, size_t N, class = typename std::enable_if<__iissim_count_ptr<T>::ok>::type>
inline errno_t mbstowcs_s(T *ret, wchar_t (&dest)[N], const char *src, size_t count)
{
    return __iissim_mbstowcs_s(ret, sizeof(T), dest, N, src, count);
}
#else
# define __IISSIM_COUNT_WIDTH(p) \
    _Generic((p), int *: 4, unsigned int *: 4, long *: sizeof(long), unsigned long *: sizeof(long), default: sizeof(size_t))
# define wcstombs_s(ret, dest, size, src, count) \
    __iissim_wcstombs_s((ret), __IISSIM_COUNT_WIDTH(ret), (dest), (size), (src), (count))
# define mbstowcs_s(ret, dest, size, src, count) \
    __iissim_mbstowcs_s((ret), __IISSIM_COUNT_WIDTH(ret), (dest), (size), (src), (count))
#endif

/* printf family.
 *
 * __iissim_fmt rewrites a format for the C library: I64 -> ll, I32 -> (nothing), I -> z, w -> l,
 * hs/hc -> s/c (narrow); in the wide functions s/c (no size) -> ls/lc and S/C -> s/c, as MSVC
 * reads %s in a wide function as a wide string. It returns the format itself when nothing
 * changes, else `buf`, or a heap copy (returned in *heap, freed by the caller). */

#define __IISSIM_DEFINE_FMT(NAME, CH, WIDE)                                                     \
static __IISSIM_INLINE const CH *NAME(const CH *fmt, CH *buf, size_t cap, CH **heap)            \
{                                                                                               \
    const CH *p;                                                                                \
    CH *o, *out;                                                                                \
    size_t len = 0;                                                                             \
    int changed = 0;                                                                            \
    *heap = NULL;                                                                               \
    if (!fmt)                                                                                   \
        return fmt;                                                                             \
    for (p = fmt; *p; p++)                                                                      \
        if (*p == '%')                                                                          \
            break;                                                                              \
    if (!*p)                                                                                    \
        return fmt;                                                                             \
    while (fmt[len])                                                                            \
        len++;                                                                                  \
    out = buf;                                                                                  \
    if (2 * len + 1 > cap) {                                                                    \
        *heap = (CH *)malloc((2 * len + 1) * sizeof(CH));                                       \
        if (!*heap)                                                                             \
            return fmt;                                                                         \
        out = *heap;                                                                            \
    }                                                                                           \
    o = out;                                                                                    \
    p = fmt;                                                                                    \
    while (*p) {                                                                                \
        CH *mod;                                                                                \
        int size = 0; /* 0 none, 'h', 'l' */                                                   \
        if (*p != '%') {                                                                        \
            *o++ = *p++;                                                                        \
            continue;                                                                           \
        }                                                                                       \
        *o++ = *p++;                                                                            \
        if (*p == '%') {                                                                        \
            *o++ = *p++;                                                                        \
            continue;                                                                           \
        }                                                                                       \
        for (;;) {                                                                              \
            while (*p == '-' || *p == '+' || *p == ' ' || *p == '#' || *p == '0' || *p == '\'') \
                *o++ = *p++;                                                                    \
            if (*p == '*')                                                                      \
                *o++ = *p++;                                                                    \
            while (*p >= '0' && *p <= '9')                                                      \
                *o++ = *p++;                                                                    \
            if (*p == '$') {                                                                    \
                *o++ = *p++;                                                                    \
                continue;                                                                       \
            }                                                                                   \
            break;                                                                              \
        }                                                                                       \
        if (*p == '.') {                                                                        \
            *o++ = *p++;                                                                        \
            if (*p == '*')                                                                      \
                *o++ = *p++;                                                                    \
            while (*p >= '0' && *p <= '9')                                                      \
                *o++ = *p++;                                                                    \
            if (*p == '$')                                                                      \
                *o++ = *p++;                                                                    \
        }                                                                                       \
        mod = o;                                                                                \
        if (p[0] == 'I' && p[1] == '6' && p[2] == '4') {                                        \
            *o++ = 'l';                                                                         \
            *o++ = 'l';                                                                         \
            p += 3;                                                                             \
            changed = 1;                                                                        \
        } else if (p[0] == 'I' && p[1] == '3' && p[2] == '2') {                                 \
            p += 3;                                                                             \
            changed = 1;                                                                        \
        } else if (p[0] == 'I') {                                                               \
            *o++ = 'z';                                                                         \
            p++;                                                                                \
            changed = 1;                                                                        \
        } else if (p[0] == 'w') {                                                               \
            *o++ = 'l';                                                                         \
            p++;                                                                                \
            size = 'l';                                                                         \
            changed = 1;                                                                        \
        } else {                                                                                \
            while (*p == 'h' || *p == 'l' || *p == 'L' || *p == 'j' || *p == 'z' || *p == 't'   \
                   || *p == 'q') {                                                              \
                size = (*p == 'h' || *p == 'l') ? (int)*p : size;                               \
                *o++ = *p++;                                                                    \
            }                                                                                   \
        }                                                                                       \
        if (*p == 's' || *p == 'c' || *p == 'S' || *p == 'C') {                                 \
            CH lower = (CH)(*p == 'S' ? 's' : *p == 'C' ? 'c' : *p);                            \
            int upper = (*p == 'S' || *p == 'C');                                               \
            int wide_arg = size == 'l' ? 1 : size == 'h' ? 0 : (WIDE ? !upper : upper);        \
            o = mod;                                                                            \
            if (wide_arg)                                                                       \
                *o++ = 'l';                                                                     \
            *o++ = lower;                                                                       \
            p++;                                                                                \
            changed = 1;                                                                        \
            continue;                                                                           \
        }                                                                                       \
        if (*p)                                                                                 \
            *o++ = *p++;                                                                        \
    }                                                                                           \
    *o = 0;                                                                                     \
    if (!changed) {                                                                             \
        free(*heap);                                                                            \
        *heap = NULL;                                                                           \
        return fmt;                                                                             \
    }                                                                                           \
    return out;                                                                                 \
}

__IISSIM_DEFINE_FMT(__iissim_fmt_a, char, 0)
__IISSIM_DEFINE_FMT(__iissim_fmt_w, wchar_t, 1)

#define __IISSIM_FMT_A(fmt)                                                                     \
    char __iissim_fbuf[256], *__iissim_fheap;                                                   \
    const char *__iissim_f = __iissim_fmt_a((fmt), __iissim_fbuf, 256, &__iissim_fheap)
#define __IISSIM_FMT_W(fmt)                                                                     \
    wchar_t __iissim_fbuf[256], *__iissim_fheap;                                                \
    const wchar_t *__iissim_f = __iissim_fmt_w((fmt), __iissim_fbuf, 256, &__iissim_fheap)
#define __IISSIM_FMT_END free(__iissim_fheap)

/* The C library's functions with a rewritten format (the v* forms take a va_list) */

static __IISSIM_INLINE int __iissim_vprintf(const char *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_A(fmt);
    r = vprintf(__iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_A(fmt);
    r = vfprintf(f, __iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vsprintf(char *buf, const char *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_A(fmt);
    r = vsprintf(buf, __iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_A(fmt);
    r = vsnprintf(buf, n, __iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vwprintf(const wchar_t *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_W(fmt);
    r = vwprintf(__iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vfwprintf(FILE *f, const wchar_t *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_W(fmt);
    r = vfwprintf(f, __iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}
static __IISSIM_INLINE int __iissim_vswprintf(wchar_t *buf, size_t n, const wchar_t *fmt, va_list ap)
{
    int r;
    __IISSIM_FMT_W(fmt);
    r = vswprintf(buf, n, __iissim_f, ap);
    __IISSIM_FMT_END;
    return r;
}

/* Formats wide text of any length into a heap buffer (vswprintf cannot report the length
 * needed); returns the length, or -1 (and *out NULL) on a format error. */
static __IISSIM_INLINE int __iissim_vaswprintf(wchar_t **out, const wchar_t *fmt, va_list ap)
{
    size_t cap = 256;
    *out = NULL;
    for (;;) {
        va_list copy;
        int r;
        wchar_t *buf = (wchar_t *)malloc(cap * sizeof(wchar_t));
        if (!buf)
            return -1;
        va_copy(copy, ap);
        r = vswprintf(buf, cap, fmt, copy);
        va_end(copy);
        if (r >= 0) {
            *out = buf;
            return r;
        }
        free(buf);
        if (cap >= ((size_t)1 << 26))
            return -1;
        cap *= 4;
    }
}

/* Microsoft's own formatting functions */

/* _vsnprintf: at most `count` characters; NUL-terminated only when the text is shorter than
 * count; returns the length, or -1 when truncated. */
static __IISSIM_INLINE int _vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    va_list copy;
    int r;
    __IISSIM_FMT_A(fmt);
    va_copy(copy, ap);
    r = vsnprintf(buf, count, __iissim_f, copy);
    va_end(copy);
    if (r >= 0 && (size_t)r >= count && count) {
        char *full = (char *)malloc((size_t)r + 1);
        if (full) {
            vsnprintf(full, (size_t)r + 1, __iissim_f, ap);
            memcpy(buf, full, count);
            free(full);
        }
        if ((size_t)r > count)
            r = -1;
    } else if (r >= 0 && !count && r > 0) {
        r = -1;
    }
    __IISSIM_FMT_END;
    return r;
}

static __IISSIM_INLINE int _vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap)
{
    wchar_t *full;
    int r;
    __IISSIM_FMT_W(fmt);
    r = __iissim_vaswprintf(&full, __iissim_f, ap);
    __IISSIM_FMT_END;
    if (r < 0)
        return -1;
    if ((size_t)r < count) {
        memcpy(buf, full, ((size_t)r + 1) * sizeof(wchar_t));
    } else {
        if (count)
            memcpy(buf, full, count * sizeof(wchar_t));
        if ((size_t)r > count)
            r = -1;
    }
    free(full);
    return r;
}

static __IISSIM_INLINE int _vscprintf(const char *fmt, va_list ap)
{
    return __iissim_vsnprintf(NULL, 0, fmt, ap);
}

static __IISSIM_INLINE int _vscwprintf(const wchar_t *fmt, va_list ap)
{
    wchar_t *full;
    int r;
    __IISSIM_FMT_W(fmt);
    r = __iissim_vaswprintf(&full, __iissim_f, ap);
    __IISSIM_FMT_END;
    free(full);
    return r;
}

/* vsprintf_s: the whole text or an empty buffer and -1 */
static __IISSIM_INLINE int vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap)
{
    int r;
    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    r = __iissim_vsnprintf(buf, size, fmt, ap);
    if (r < 0 || (size_t)r >= size) {
        buf[0] = 0;
        errno = r < 0 ? EINVAL : ERANGE;
        return -1;
    }
    return r;
}

static __IISSIM_INLINE int vswprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, va_list ap)
{
    int r;
    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    r = __iissim_vswprintf(buf, size, fmt, ap);
    if (r < 0 || (size_t)r >= size) {
        buf[0] = 0;
        errno = ERANGE;
        return -1;
    }
    return r;
}

/* _vsnprintf_s: with count _TRUNCATE, as much as fits and -1 when truncated; with count < size,
 * at most count characters and -1 when truncated; otherwise the whole text or an empty buffer
 * and -1 (ERANGE). The buffer is always NUL-terminated. */
static __IISSIM_INLINE int _vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt, va_list ap)
{
    int r;
    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    r = __iissim_vsnprintf(buf, size, fmt, ap);
    if (r < 0) {
        buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    if (count == _TRUNCATE)
        return (size_t)r >= size ? -1 : r;
    if (count < size) {
        if ((size_t)r <= count)
            return r;
        buf[count] = 0;
        return -1;
    }
    if ((size_t)r < size)
        return r;
    buf[0] = 0;
    errno = ERANGE;
    return -1;
}

static __IISSIM_INLINE int _vsnwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt,
                                         va_list ap)
{
    wchar_t *full;
    size_t limit;
    int r;
    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    {
        __IISSIM_FMT_W(fmt);
        r = __iissim_vaswprintf(&full, __iissim_f, ap);
        __IISSIM_FMT_END;
    }
    if (r < 0) {
        buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    limit = count == _TRUNCATE ? size - 1 : count < size ? count : size - 1;
    if ((size_t)r <= limit) {
        memcpy(buf, full, ((size_t)r + 1) * sizeof(wchar_t));
    } else if (count == _TRUNCATE || count < size) {
        memcpy(buf, full, limit * sizeof(wchar_t));
        buf[limit] = 0;
        r = -1;
    } else {
        buf[0] = 0;
        errno = ERANGE;
        r = -1;
    }
    free(full);
    return r;
}

/* Variadic forms. Each is a plain C variadic function over the va_list one. */

#define __IISSIM_VARIADIC(RET, NAME, VNAME, PARAMS, ARGS, LAST)                                  \
static __IISSIM_INLINE RET NAME PARAMS                                                          \
{                                                                                               \
    RET r;                                                                                      \
    va_list ap;                                                                                 \
    va_start(ap, LAST);                                                                         \
    r = VNAME ARGS;                                                                             \
    va_end(ap);                                                                                 \
    return r;                                                                                   \
}

__IISSIM_VARIADIC(int, __iissim_printf, __iissim_vprintf, (const char *fmt, ...), (fmt, ap), fmt)
__IISSIM_VARIADIC(int, __iissim_fprintf, __iissim_vfprintf, (FILE *f, const char *fmt, ...), (f, fmt, ap), fmt)
__IISSIM_VARIADIC(int, __iissim_sprintf, __iissim_vsprintf, (char *b, const char *fmt, ...), (b, fmt, ap), fmt)
__IISSIM_VARIADIC(int, __iissim_snprintf, __iissim_vsnprintf, (char *b, size_t n, const char *fmt, ...),
                  (b, n, fmt, ap), fmt)
__IISSIM_VARIADIC(int, __iissim_wprintf, __iissim_vwprintf, (const wchar_t *fmt, ...), (fmt, ap), fmt)
__IISSIM_VARIADIC(int, __iissim_fwprintf, __iissim_vfwprintf, (FILE *f, const wchar_t *fmt, ...), (f, fmt, ap),
                  fmt)
__IISSIM_VARIADIC(int, __iissim_swprintf, __iissim_vswprintf, (wchar_t *b, size_t n, const wchar_t *fmt, ...),
                  (b, n, fmt, ap), fmt)
__IISSIM_VARIADIC(int, _snprintf, _vsnprintf, (char *b, size_t n, const char *fmt, ...), (b, n, fmt, ap), fmt)
__IISSIM_VARIADIC(int, _snwprintf, _vsnwprintf, (wchar_t *b, size_t n, const wchar_t *fmt, ...), (b, n, fmt, ap),
                  fmt)
__IISSIM_VARIADIC(int, _scprintf, _vscprintf, (const char *fmt, ...), (fmt, ap), fmt)
__IISSIM_VARIADIC(int, _scwprintf, _vscwprintf, (const wchar_t *fmt, ...), (fmt, ap), fmt)
__IISSIM_VARIADIC(int, sprintf_s, vsprintf_s, (char *b, size_t n, const char *fmt, ...), (b, n, fmt, ap), fmt)
__IISSIM_VARIADIC(int, swprintf_s, vswprintf_s, (wchar_t *b, size_t n, const wchar_t *fmt, ...), (b, n, fmt, ap),
                  fmt)
__IISSIM_VARIADIC(int, _snprintf_s, _vsnprintf_s, (char *b, size_t n, size_t c, const char *fmt, ...),
                  (b, n, c, fmt, ap), fmt)
__IISSIM_VARIADIC(int, _snwprintf_s, _vsnwprintf_s, (wchar_t *b, size_t n, size_t c, const wchar_t *fmt, ...),
                  (b, n, c, fmt, ap), fmt)

#define _vsprintf_s         vsprintf_s
#define _sprintf_s          sprintf_s
#define _swprintf_s         swprintf_s
#define _vswprintf_s        vswprintf_s
#define _vsnprintf_l(b, n, f, l, a)  _vsnprintf((b), (n), (f), (a))

/* Redirecting the C library's own names to the wrappers.
 * C++: variadic template overloads, which overload resolution prefers to the C variadic
 * function, so that `printf`, `std::printf`, `&printf` and a libstdc++ header's
 * `using ::printf;` all keep working; windows.h includes <cstdio> and <cwchar> first, so that no
 * later #undef from them can drop a redirect. The va_list forms cannot be overloaded (same
 * signature), so they are macros naming wrappers of the same type, also declared in std.
 * C: function-like macros for the variadic names, object-like ones for the va_list names. */

#ifdef __cplusplus

# define __IISSIM_TEMPLATE_REDIRECT(RET, NAME, WRAPPER, PARAMS, ARGS)                           \
    template <class... __IISSIM_A>                                                             \
    inline RET NAME PARAMS                                                                     \
    {                                                                                           \
        return WRAPPER ARGS;                                                                    \
    }

# ifndef printf
__IISSIM_TEMPLATE_REDIRECT(int, printf, __iissim_printf, (const char *f, __IISSIM_A... a), (f, a...))
namespace std { using ::printf; }
# endif
# ifndef fprintf
__IISSIM_TEMPLATE_REDIRECT(int, fprintf, __iissim_fprintf, (FILE *s, const char *f, __IISSIM_A... a),
                           (s, f, a...))
namespace std { using ::fprintf; }
# endif
# ifndef sprintf
__IISSIM_TEMPLATE_REDIRECT(int, sprintf, __iissim_sprintf, (char *b, const char *f, __IISSIM_A... a),
                           (b, f, a...))
namespace std { using ::sprintf; }
# endif
# ifndef snprintf
__IISSIM_TEMPLATE_REDIRECT(int, snprintf, __iissim_snprintf, (char *b, size_t n, const char *f, __IISSIM_A... a),
                           (b, n, f, a...))
namespace std { using ::snprintf; }
# endif
# ifndef wprintf
__IISSIM_TEMPLATE_REDIRECT(int, wprintf, __iissim_wprintf, (const wchar_t *f, __IISSIM_A... a), (f, a...))
namespace std { using ::wprintf; }
# endif
# ifndef fwprintf
__IISSIM_TEMPLATE_REDIRECT(int, fwprintf, __iissim_fwprintf, (FILE *s, const wchar_t *f, __IISSIM_A... a),
                           (s, f, a...))
namespace std { using ::fwprintf; }
# endif
# ifndef swprintf
__IISSIM_TEMPLATE_REDIRECT(int, swprintf, __iissim_swprintf,
                           (wchar_t *b, size_t n, const wchar_t *f, __IISSIM_A... a), (b, n, f, a...))
namespace std { using ::swprintf; }
# endif

/* The va_list names */
# undef vprintf
# undef vfprintf
# undef vsprintf
# undef vsnprintf
# undef vwprintf
# undef vfwprintf
# undef vswprintf
# define vprintf            __iissim_vprintf
# define vfprintf           __iissim_vfprintf
# define vsprintf           __iissim_vsprintf
# define vsnprintf          __iissim_vsnprintf
# define vwprintf           __iissim_vwprintf
# define vfwprintf          __iissim_vfwprintf
# define vswprintf          __iissim_vswprintf
namespace std {
using ::__iissim_vprintf;
using ::__iissim_vfprintf;
using ::__iissim_vsprintf;
using ::__iissim_vsnprintf;
using ::__iissim_vwprintf;
using ::__iissim_vfwprintf;
using ::__iissim_vswprintf;
}

#else  /* C */

# undef printf
# undef fprintf
# undef sprintf
# undef snprintf
# undef wprintf
# undef fwprintf
# undef swprintf
# undef vprintf
# undef vfprintf
# undef vsprintf
# undef vsnprintf
# undef vwprintf
# undef vfwprintf
# undef vswprintf
# define printf(...)        __iissim_printf(__VA_ARGS__)
# define fprintf(...)       __iissim_fprintf(__VA_ARGS__)
# define sprintf(...)       __iissim_sprintf(__VA_ARGS__)
# define snprintf(...)      __iissim_snprintf(__VA_ARGS__)
# define wprintf(...)       __iissim_wprintf(__VA_ARGS__)
# define fwprintf(...)      __iissim_fwprintf(__VA_ARGS__)
# define swprintf(...)      __iissim_swprintf(__VA_ARGS__)
# define vprintf            __iissim_vprintf
# define vfprintf           __iissim_vfprintf
# define vsprintf           __iissim_vsprintf
# define vsnprintf          __iissim_vsnprintf
# define vwprintf           __iissim_vwprintf
# define vfwprintf          __iissim_vfwprintf
# define vswprintf          __iissim_vswprintf

#endif

/* C++ overloads that take the size from an array, as MSVC declares them */

#ifdef __cplusplus
template <size_t N> inline errno_t strcpy_s(char (&d)[N], const char *s) { return strcpy_s(d, N, s); }
template <size_t N> inline errno_t strcat_s(char (&d)[N], const char *s) { return strcat_s(d, N, s); }
template <size_t N> inline errno_t strncpy_s(char (&d)[N], const char *s, size_t c) { return strncpy_s(d, N, s, c); }
template <size_t N> inline errno_t strncat_s(char (&d)[N], const char *s, size_t c) { return strncat_s(d, N, s, c); }
template <size_t N> inline errno_t wcscpy_s(wchar_t (&d)[N], const wchar_t *s) { return wcscpy_s(d, N, s); }
template <size_t N> inline errno_t wcscat_s(wchar_t (&d)[N], const wchar_t *s) { return wcscat_s(d, N, s); }
template <size_t N>
inline errno_t wcsncpy_s(wchar_t (&d)[N], const wchar_t *s, size_t c) { return wcsncpy_s(d, N, s, c); }
template <size_t N>
inline errno_t wcsncat_s(wchar_t (&d)[N], const wchar_t *s, size_t c) { return wcsncat_s(d, N, s, c); }
template <size_t N> inline errno_t _strlwr_s(char (&d)[N]) { return _strlwr_s(d, N); }
template <size_t N> inline errno_t _strupr_s(char (&d)[N]) { return _strupr_s(d, N); }
template <size_t N> inline errno_t _wcslwr_s(wchar_t (&d)[N]) { return _wcslwr_s(d, N); }
template <size_t N> inline errno_t _wcsupr_s(wchar_t (&d)[N]) { return _wcsupr_s(d, N); }
template <size_t N> inline errno_t _itoa_s(int v, char (&d)[N], int r) { return _itoa_s(v, d, N, r); }
template <size_t N> inline errno_t _ltoa_s(long v, char (&d)[N], int r) { return _ltoa_s(v, d, N, r); }
template <size_t N> inline errno_t _ultoa_s(unsigned long v, char (&d)[N], int r) { return _ultoa_s(v, d, N, r); }
template <size_t N> inline errno_t _i64toa_s(long long v, char (&d)[N], int r) { return _i64toa_s(v, d, N, r); }
template <size_t N>
inline errno_t _ui64toa_s(unsigned long long v, char (&d)[N], int r) { return _ui64toa_s(v, d, N, r); }
template <size_t N> inline errno_t _itow_s(int v, wchar_t (&d)[N], int r) { return _itow_s(v, d, N, r); }
template <size_t N> inline errno_t _ltow_s(long v, wchar_t (&d)[N], int r) { return _ltow_s(v, d, N, r); }
template <size_t N>
inline errno_t _ultow_s(unsigned long v, wchar_t (&d)[N], int r) { return _ultow_s(v, d, N, r); }
template <size_t N> inline errno_t _i64tow_s(long long v, wchar_t (&d)[N], int r) { return _i64tow_s(v, d, N, r); }
template <size_t N>
inline errno_t _ui64tow_s(unsigned long long v, wchar_t (&d)[N], int r) { return _ui64tow_s(v, d, N, r); }
template <size_t N> inline errno_t ctime_s(char (&d)[N], const time_t *t) { return ctime_s(d, N, t); }
template <size_t N> inline errno_t asctime_s(char (&d)[N], const struct tm *t) { return asctime_s(d, N, t); }
template <size_t N>
inline int vsprintf_s(char (&d)[N], const char *f, va_list ap) { return vsprintf_s(d, N, f, ap); }
template <size_t N>
inline int vswprintf_s(wchar_t (&d)[N], const wchar_t *f, va_list ap) { return vswprintf_s(d, N, f, ap); }
template <size_t N>
inline int _vsnprintf_s(char (&d)[N], size_t c, const char *f, va_list ap) { return _vsnprintf_s(d, N, c, f, ap); }
template <size_t N>
inline int _vsnwprintf_s(wchar_t (&d)[N], size_t c, const wchar_t *f, va_list ap)
{
    return _vsnwprintf_s(d, N, c, f, ap);
}
template <size_t N, class... __IISSIM_A>
inline int sprintf_s(char (&d)[N], const char *f, __IISSIM_A... a) { return sprintf_s(d, N, f, a...); }
template <size_t N, class... __IISSIM_A>
inline int swprintf_s(wchar_t (&d)[N], const wchar_t *f, __IISSIM_A... a) { return swprintf_s(d, N, f, a...); }
template <size_t N, class... __IISSIM_A>
inline int _snprintf_s(char (&d)[N], size_t c, const char *f, __IISSIM_A... a) { return _snprintf_s(d, N, c, f, a...); }
template <size_t N, class... __IISSIM_A>
inline int _snwprintf_s(wchar_t (&d)[N], size_t c, const wchar_t *f, __IISSIM_A... a)
{
    return _snwprintf_s(d, N, c, f, a...);
}
#endif

#endif  /* __IISSIM_POSIX */

#endif  /* __IISSIM_CRT_H */
