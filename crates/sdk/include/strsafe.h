/*
 * strsafe.h: the safer string functions (StringCch*, StringCb*) of Windows, header-only, for
 * building IIS native modules off Windows with iissim. Clean-room: written from the documented
 * behaviour of the functions. Licence: MIT OR Apache-2.0.
 *
 * Every function that writes leaves the destination NUL-terminated whenever it has room for one
 * character. On insufficient space the result is the truncated text and
 * STRSAFE_E_INSUFFICIENT_BUFFER; invalid arguments give STRSAFE_E_INVALID_PARAMETER.
 * The Cb forms count bytes: sizeof(WCHAR) is 4 off Windows, so StringCbCopyW(d, sizeof d, s) is
 * right and code that assumes 2 bytes a character is not portable.
 * Formats are MSVC formats (%I64d, %s as wide in the W functions; see iissim/crt.h).
 */
#include <windows.h>

#ifndef _STRSAFE_H_INCLUDED_
#define _STRSAFE_H_INCLUDED_

#define STRSAFE_MAX_CCH                 2147483647
#define STRSAFE_MAX_LENGTH              (STRSAFE_MAX_CCH - 1)

#define STRSAFE_E_INSUFFICIENT_BUFFER   ((HRESULT)0x8007007Au)
#define STRSAFE_E_INVALID_PARAMETER     ((HRESULT)0x80070057u)
#define STRSAFE_E_END_OF_FILE           ((HRESULT)0x80070026u)

#define STRSAFE_IGNORE_NULLS            0x00000100
#define STRSAFE_FILL_BEHIND_NULL        0x00000200
#define STRSAFE_FILL_ON_FAILURE         0x00000400
#define STRSAFE_NULL_ON_FAILURE         0x00000800
#define STRSAFE_NO_TRUNCATION           0x00001000
#define STRSAFE_FILL_BYTE(x)            ((DWORD)(((x) & 0xFF) | STRSAFE_FILL_BEHIND_NULL))
#define STRSAFE_FAILURE_BYTE(x)         ((DWORD)(((x) & 0xFF) | STRSAFE_FILL_ON_FAILURE))

typedef char               *STRSAFE_LPSTR;
typedef const char         *STRSAFE_LPCSTR;
typedef wchar_t            *STRSAFE_LPWSTR;
typedef const wchar_t      *STRSAFE_LPCWSTR;
typedef const wchar_t      *STRSAFE_PCNZWCH;
typedef const char         *STRSAFE_PCNZCH;

#ifdef __IISSIM_POSIX

/* The common tail of the Ex functions: end pointer, remaining count, fill rules. `end` is the
 * index of the terminating NUL written (when the call wrote one). */
#define __IISSIM_DEFINE_STRSAFE(CH, S, LEN, VSNPRINTF)                                            \
static __IISSIM_INLINE HRESULT __iissim_sc_finish_##S(CH *dest, size_t cch, size_t end, HRESULT hr,   \
                                                      CH **dest_end, size_t *remaining, DWORD flags)  \
{                                                                                                 \
    if (FAILED(hr) && dest && cch) {                                                              \
        if (flags & STRSAFE_FILL_ON_FAILURE) {                                                    \
            memset(dest, (int)(flags & 0xFF), cch * sizeof(CH));                                  \
            dest[cch - 1] = 0;                                                                    \
            end = cch - 1;                                                                        \
        }                                                                                         \
        if (flags & (STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION)) {                          \
            dest[0] = 0;                                                                          \
            end = 0;                                                                              \
        }                                                                                         \
    } else if (SUCCEEDED(hr) && (flags & STRSAFE_FILL_BEHIND_NULL) && end + 1 < cch) {           \
        memset(dest + end + 1, (int)(flags & 0xFF), (cch - end - 1) * sizeof(CH));                \
    }                                                                                             \
    if (hr != STRSAFE_E_INVALID_PARAMETER || (dest && cch)) {                                     \
        if (dest_end)                                                                             \
            *dest_end = dest ? dest + end : dest;                                                 \
        if (remaining)                                                                            \
            *remaining = cch - end;                                                               \
    }                                                                                             \
    return hr;                                                                                    \
}                                                                                                 \
/* Copies at most `max` characters of src at dest+at, truncating to the room left */             \
static __IISSIM_INLINE HRESULT __iissim_sc_put_##S(CH *dest, size_t cch, size_t at, const CH *src,    \
                                                   size_t max, size_t *end)                       \
{                                                                                                 \
    size_t i = 0;                                                                                 \
    while (i < max && src[i] && at + i + 1 < cch) {                                               \
        dest[at + i] = src[i];                                                                    \
        i++;                                                                                      \
    }                                                                                             \
    dest[at + i] = 0;                                                                             \
    *end = at + i;                                                                                \
    return (i < max && src[i]) ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;                            \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCopyNEx##S(CH *dest, size_t cch, const CH *src, size_t n,     \
                                                   CH **dest_end, size_t *remaining, DWORD flags) \
{                                                                                                 \
    size_t end = 0;                                                                               \
    HRESULT hr;                                                                                   \
    static const CH empty[1] = {0};                                                               \
    if (!src && (flags & STRSAFE_IGNORE_NULLS))                                                   \
        src = empty;                                                                              \
    if (!dest || !cch || cch > STRSAFE_MAX_CCH || !src || n > STRSAFE_MAX_CCH) {                  \
        if (dest && cch && cch <= STRSAFE_MAX_CCH)                                                \
            dest[0] = 0;                                                                          \
        hr = STRSAFE_E_INVALID_PARAMETER;                                                         \
    } else {                                                                                      \
        hr = __iissim_sc_put_##S(dest, cch, 0, src, n, &end);                                     \
    }                                                                                             \
    return __iissim_sc_finish_##S(dest, cch <= STRSAFE_MAX_CCH ? cch : 0, end, hr, dest_end,      \
                                  remaining, flags);                                              \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCopyEx##S(CH *dest, size_t cch, const CH *src, CH **dest_end, \
                                                  size_t *remaining, DWORD flags)                 \
{                                                                                                 \
    return StringCchCopyNEx##S(dest, cch, src, STRSAFE_MAX_CCH, dest_end, remaining, flags);      \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCopy##S(CH *dest, size_t cch, const CH *src)              \
{                                                                                                 \
    return StringCchCopyNEx##S(dest, cch, src, STRSAFE_MAX_CCH, NULL, NULL, 0);                   \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCopyN##S(CH *dest, size_t cch, const CH *src, size_t n)   \
{                                                                                                 \
    return StringCchCopyNEx##S(dest, cch, src, n, NULL, NULL, 0);                                 \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCatNEx##S(CH *dest, size_t cch, const CH *src, size_t n,      \
                                                  CH **dest_end, size_t *remaining, DWORD flags)  \
{                                                                                                 \
    size_t used = 0, end = 0;                                                                     \
    HRESULT hr;                                                                                   \
    static const CH empty[1] = {0};                                                               \
    if (!src && (flags & STRSAFE_IGNORE_NULLS))                                                   \
        src = empty;                                                                              \
    if (!dest || !cch || cch > STRSAFE_MAX_CCH || !src || n > STRSAFE_MAX_CCH)                    \
        return STRSAFE_E_INVALID_PARAMETER;                                                       \
    while (used < cch && dest[used])                                                              \
        used++;                                                                                   \
    if (used == cch)                                                                              \
        return STRSAFE_E_INVALID_PARAMETER;                                                       \
    if (flags & STRSAFE_NO_TRUNCATION) {                                                          \
        size_t len = 0;                                                                           \
        while (len < n && src[len])                                                               \
            len++;                                                                                \
        if (used + len >= cch)                                                                    \
            return STRSAFE_E_INSUFFICIENT_BUFFER; /* destination left as it was */                \
    }                                                                                             \
    hr = __iissim_sc_put_##S(dest, cch, used, src, n, &end);                                      \
    return __iissim_sc_finish_##S(dest, cch, end, hr, dest_end, remaining,                        \
                                  flags & ~(DWORD)STRSAFE_NO_TRUNCATION);                         \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCatEx##S(CH *dest, size_t cch, const CH *src, CH **dest_end,  \
                                                 size_t *remaining, DWORD flags)                  \
{                                                                                                 \
    return StringCchCatNEx##S(dest, cch, src, STRSAFE_MAX_CCH, dest_end, remaining, flags);       \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCat##S(CH *dest, size_t cch, const CH *src)               \
{                                                                                                 \
    return StringCchCatNEx##S(dest, cch, src, STRSAFE_MAX_CCH, NULL, NULL, 0);                    \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchCatN##S(CH *dest, size_t cch, const CH *src, size_t n)    \
{                                                                                                 \
    return StringCchCatNEx##S(dest, cch, src, n, NULL, NULL, 0);                                  \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchLength##S(const CH *s, size_t max, size_t *length)        \
{                                                                                                 \
    size_t n = 0;                                                                                 \
    if (!s || max > STRSAFE_MAX_CCH) {                                                            \
        if (length)                                                                               \
            *length = 0;                                                                          \
        return STRSAFE_E_INVALID_PARAMETER;                                                       \
    }                                                                                             \
    while (n < max && s[n])                                                                       \
        n++;                                                                                      \
    if (n == max) {                                                                               \
        if (length)                                                                               \
            *length = 0;                                                                          \
        return STRSAFE_E_INVALID_PARAMETER;                                                       \
    }                                                                                             \
    if (length)                                                                                   \
        *length = n;                                                                              \
    return S_OK;                                                                                  \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchVPrintfEx##S(CH *dest, size_t cch, CH **dest_end,         \
                                                     size_t *remaining, DWORD flags,              \
                                                     const CH *fmt, va_list ap)                   \
{                                                                                                 \
    size_t end = 0;                                                                               \
    HRESULT hr = S_OK;                                                                            \
    int r;                                                                                        \
    if (!dest || !cch || cch > STRSAFE_MAX_CCH || !fmt) {                                         \
        if (dest && cch && cch <= STRSAFE_MAX_CCH)                                                \
            dest[0] = 0;                                                                          \
        hr = STRSAFE_E_INVALID_PARAMETER;                                                         \
    } else {                                                                                      \
        r = VSNPRINTF(dest, cch, _TRUNCATE, fmt, ap);                                             \
        dest[cch - 1] = 0;                                                                        \
        end = LEN(dest);                                                                          \
        if (r < 0)                                                                                \
            hr = STRSAFE_E_INSUFFICIENT_BUFFER;                                                   \
    }                                                                                             \
    return __iissim_sc_finish_##S(dest, cch <= STRSAFE_MAX_CCH ? cch : 0, end, hr, dest_end,      \
                                  remaining, flags);                                              \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchVPrintf##S(CH *dest, size_t cch, const CH *fmt, va_list ap)   \
{                                                                                                 \
    return StringCchVPrintfEx##S(dest, cch, NULL, NULL, 0, fmt, ap);                              \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchPrintf##S(CH *dest, size_t cch, const CH *fmt, ...)       \
{                                                                                                 \
    HRESULT hr;                                                                                   \
    va_list ap;                                                                                   \
    va_start(ap, fmt);                                                                            \
    hr = StringCchVPrintfEx##S(dest, cch, NULL, NULL, 0, fmt, ap);                                \
    va_end(ap);                                                                                   \
    return hr;                                                                                    \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCchPrintfEx##S(CH *dest, size_t cch, CH **dest_end,          \
                                                    size_t *remaining, DWORD flags,               \
                                                    const CH *fmt, ...)                           \
{                                                                                                 \
    HRESULT hr;                                                                                   \
    va_list ap;                                                                                   \
    va_start(ap, fmt);                                                                            \
    hr = StringCchVPrintfEx##S(dest, cch, dest_end, remaining, flags, fmt, ap);                   \
    va_end(ap);                                                                                   \
    return hr;                                                                                    \
}                                                                                                 \
/* Byte counts */                                                                                 \
static __IISSIM_INLINE HRESULT StringCbCopy##S(CH *dest, size_t cb, const CH *src)                \
{                                                                                                 \
    return StringCchCopy##S(dest, cb / sizeof(CH), src);                                          \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbCopyN##S(CH *dest, size_t cb, const CH *src, size_t cbsrc) \
{                                                                                                 \
    return StringCchCopyN##S(dest, cb / sizeof(CH), src, cbsrc / sizeof(CH));                    \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbCopyEx##S(CH *dest, size_t cb, const CH *src, CH **dest_end,   \
                                                 size_t *remaining, DWORD flags)                  \
{                                                                                                 \
    size_t cch = 0;                                                                               \
    HRESULT hr = StringCchCopyEx##S(dest, cb / sizeof(CH), src, dest_end, &cch, flags);           \
    if (remaining)                                                                                \
        *remaining = cch * sizeof(CH);                                                            \
    return hr;                                                                                    \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbCat##S(CH *dest, size_t cb, const CH *src)                 \
{                                                                                                 \
    return StringCchCat##S(dest, cb / sizeof(CH), src);                                           \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbCatN##S(CH *dest, size_t cb, const CH *src, size_t cbsrc)  \
{                                                                                                 \
    return StringCchCatN##S(dest, cb / sizeof(CH), src, cbsrc / sizeof(CH));                     \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbLength##S(const CH *s, size_t maxcb, size_t *length)       \
{                                                                                                 \
    size_t cch = 0;                                                                               \
    HRESULT hr = StringCchLength##S(s, maxcb / sizeof(CH), &cch);                                 \
    if (length)                                                                                   \
        *length = cch * sizeof(CH);                                                               \
    return hr;                                                                                    \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbVPrintf##S(CH *dest, size_t cb, const CH *fmt, va_list ap) \
{                                                                                                 \
    return StringCchVPrintf##S(dest, cb / sizeof(CH), fmt, ap);                                   \
}                                                                                                 \
static __IISSIM_INLINE HRESULT StringCbPrintf##S(CH *dest, size_t cb, const CH *fmt, ...)         \
{                                                                                                 \
    HRESULT hr;                                                                                   \
    va_list ap;                                                                                   \
    va_start(ap, fmt);                                                                            \
    hr = StringCchVPrintf##S(dest, cb / sizeof(CH), fmt, ap);                                     \
    va_end(ap);                                                                                   \
    return hr;                                                                                    \
}

__IISSIM_DEFINE_STRSAFE(char, A, strlen, _vsnprintf_s)
__IISSIM_DEFINE_STRSAFE(wchar_t, W, wcslen, _vsnwprintf_s)

#ifdef UNICODE
# define __IISSIM_SC(name)              name##W
#else
# define __IISSIM_SC(name)              name##A
#endif
#define StringCchCopy                   __IISSIM_SC(StringCchCopy)
#define StringCchCopyEx                 __IISSIM_SC(StringCchCopyEx)
#define StringCchCopyN                  __IISSIM_SC(StringCchCopyN)
#define StringCchCopyNEx                __IISSIM_SC(StringCchCopyNEx)
#define StringCchCat                    __IISSIM_SC(StringCchCat)
#define StringCchCatEx                  __IISSIM_SC(StringCchCatEx)
#define StringCchCatN                   __IISSIM_SC(StringCchCatN)
#define StringCchCatNEx                 __IISSIM_SC(StringCchCatNEx)
#define StringCchLength                 __IISSIM_SC(StringCchLength)
#define StringCchPrintf                 __IISSIM_SC(StringCchPrintf)
#define StringCchPrintfEx               __IISSIM_SC(StringCchPrintfEx)
#define StringCchVPrintf                __IISSIM_SC(StringCchVPrintf)
#define StringCchVPrintfEx              __IISSIM_SC(StringCchVPrintfEx)
#define StringCbCopy                    __IISSIM_SC(StringCbCopy)
#define StringCbCopyEx                  __IISSIM_SC(StringCbCopyEx)
#define StringCbCopyN                   __IISSIM_SC(StringCbCopyN)
#define StringCbCat                     __IISSIM_SC(StringCbCat)
#define StringCbCatN                    __IISSIM_SC(StringCbCatN)
#define StringCbLength                  __IISSIM_SC(StringCbLength)
#define StringCbPrintf                  __IISSIM_SC(StringCbPrintf)
#define StringCbVPrintf                 __IISSIM_SC(StringCbVPrintf)

#endif  /* __IISSIM_POSIX */

#endif  /* _STRSAFE_H_INCLUDED_ */
