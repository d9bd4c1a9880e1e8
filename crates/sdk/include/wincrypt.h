/*
 * wincrypt.h: the CryptoAPI calls modules use for encoding and random bytes (CryptBinaryToString,
 * CryptStringToBinary, CryptAcquireContext/CryptGenRandom), header-only, for building IIS native
 * modules off Windows with iissim. Clean-room: written from the documented behaviour.
 * Licence: MIT OR Apache-2.0.
 *
 * Encodings: CRYPT_STRING_BASE64 (64-character lines ending in CR LF, or LF with
 * CRYPT_STRING_NOCR, or none with CRYPT_STRING_NOCRLF), CRYPT_STRING_BASE64HEADER and
 * CRYPT_STRING_HEXRAW; decoding also accepts CRYPT_STRING_BASE64_ANY and CRYPT_STRING_ANY.
 * Hashing and keys (CryptCreateHash, ...) are not provided.
 */
#include <windows.h>

#ifndef __WINCRYPT_H__
#define __WINCRYPT_H__

#define CRYPT_STRING_BASE64HEADER           0x00000000
#define CRYPT_STRING_BASE64                 0x00000001
#define CRYPT_STRING_BINARY                 0x00000002
#define CRYPT_STRING_BASE64REQUESTHEADER    0x00000003
#define CRYPT_STRING_HEX                    0x00000004
#define CRYPT_STRING_HEXASCII               0x00000005
#define CRYPT_STRING_BASE64_ANY             0x00000006
#define CRYPT_STRING_ANY                    0x00000007
#define CRYPT_STRING_HEX_ANY                0x00000008
#define CRYPT_STRING_BASE64X509CRLHEADER    0x00000009
#define CRYPT_STRING_HEXADDR                0x0000000A
#define CRYPT_STRING_HEXASCIIADDR           0x0000000B
#define CRYPT_STRING_HEXRAW                 0x0000000C
#define CRYPT_STRING_STRICT                 0x20000000
#define CRYPT_STRING_NOCRLF                 0x40000000
#define CRYPT_STRING_NOCR                   0x80000000

#define PROV_RSA_FULL                       1
#define PROV_RSA_AES                        24
#define CRYPT_VERIFYCONTEXT                 0xF0000000
#define CRYPT_NEWKEYSET                     0x00000008
#define CRYPT_SILENT                        0x00000040

typedef ULONG_PTR           HCRYPTPROV;

#ifdef __IISSIM_POSIX

static __IISSIM_INLINE BOOL __iissim_encode(const BYTE *data, DWORD n, DWORD flags, char *out, DWORD *cch)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char hex[] = "0123456789abcdef";
    DWORD type = flags & 0xFFFF, i, o = 0, line = 0;
    const char *eol = (flags & CRYPT_STRING_NOCRLF) ? "" : (flags & CRYPT_STRING_NOCR) ? "\n" : "\r\n";
    size_t eol_len = strlen(eol);
    const char *head = type == CRYPT_STRING_BASE64HEADER ? "-----BEGIN CERTIFICATE-----" : NULL;
    const char *tail = type == CRYPT_STRING_BASE64HEADER ? "-----END CERTIFICATE-----" : NULL;
    size_t need;
    char *buf;
    if (!cch || (!data && n) || (type != CRYPT_STRING_BASE64 && type != CRYPT_STRING_BASE64HEADER
                                 && type != CRYPT_STRING_HEXRAW)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    need = type == CRYPT_STRING_HEXRAW ? (size_t)n * 2 + eol_len
                                       : ((size_t)n + 2) / 3 * 4 + ((((size_t)n + 2) / 3 * 4 + 63) / 64) * eol_len;
    if (head)
        need += strlen(head) + strlen(tail) + 2 * eol_len;
    buf = (char *)malloc(need + 1);
    if (!buf) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (head) {
        memcpy(buf, head, strlen(head));
        o = (DWORD)strlen(head);
        memcpy(buf + o, eol, eol_len);
        o += (DWORD)eol_len;
    }
    if (type == CRYPT_STRING_HEXRAW) {
        for (i = 0; i < n; i++) {
            buf[o++] = hex[data[i] >> 4];
            buf[o++] = hex[data[i] & 15];
        }
        memcpy(buf + o, eol, eol_len);
        o += (DWORD)eol_len;
    } else {
        for (i = 0; i < n; i += 3) {
            uint32_t v = (uint32_t)data[i] << 16;
            if (i + 1 < n)
                v |= (uint32_t)data[i + 1] << 8;
            if (i + 2 < n)
                v |= data[i + 2];
            buf[o++] = digits[(v >> 18) & 63];
            buf[o++] = digits[(v >> 12) & 63];
            buf[o++] = i + 1 < n ? digits[(v >> 6) & 63] : '=';
            buf[o++] = i + 2 < n ? digits[v & 63] : '=';
            line += 4;
            if (line == 64 || i + 3 >= n) {
                memcpy(buf + o, eol, eol_len);
                o += (DWORD)eol_len;
                line = 0;
            }
        }
    }
    if (tail) {
        memcpy(buf + o, tail, strlen(tail));
        o += (DWORD)strlen(tail);
        memcpy(buf + o, eol, eol_len);
        o += (DWORD)eol_len;
    }
    buf[o] = 0;
    if (!out) {
        *cch = o + 1;
        free(buf);
        return TRUE;
    }
    if (*cch < o + 1) {
        *cch = o + 1;
        free(buf);
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    memcpy(out, buf, (size_t)o + 1);
    *cch = o;
    free(buf);
    return TRUE;
}

static __IISSIM_INLINE BOOL CryptBinaryToStringA(const BYTE *data, DWORD n, DWORD flags, LPSTR out, DWORD *cch)
{
    return __iissim_encode(data, n, flags, out, cch);
}

static __IISSIM_INLINE BOOL CryptBinaryToStringW(const BYTE *data, DWORD n, DWORD flags, LPWSTR out, DWORD *cch)
{
    DWORD need = 0, i;
    char *narrow;
    if (!cch || !__iissim_encode(data, n, flags, NULL, &need))
        return FALSE;
    if (!out) {
        *cch = need;
        return TRUE;
    }
    if (*cch < need) {
        *cch = need;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    narrow = (char *)malloc(need);
    if (!narrow || !__iissim_encode(data, n, flags, narrow, &need)) {
        free(narrow);
        return FALSE;
    }
    for (i = 0; i <= need; i++)
        out[i] = (WCHAR)(unsigned char)narrow[i];
    free(narrow);
    *cch = need;
    return TRUE;
}

static __IISSIM_INLINE int __iissim_b64_value(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* Decodes into out (NULL: size only); returns the byte count or -1 for invalid text */
static __IISSIM_INLINE long __iissim_decode(const char *s, size_t len, DWORD type, BYTE *out)
{
    long o = 0;
    size_t i;
    if (type == CRYPT_STRING_HEXRAW || type == CRYPT_STRING_HEX_ANY) {
        int half = -1;
        for (i = 0; i < len; i++) {
            int c = (unsigned char)s[i], v;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (v < 0)
                return -1;
            if (half < 0) {
                half = v;
            } else {
                if (out)
                    out[o] = (BYTE)(half << 4 | v);
                o++;
                half = -1;
            }
        }
        return half < 0 ? o : -1;
    }
    {
        uint32_t acc = 0;
        int bits = 0, pad = 0;
        const char *begin = s, *end = s + len;
        /* A PEM header and trailer are skipped */
        const char *dash = NULL;
        if (len >= 5 && !strncmp(s, "-----", 5)) {
            dash = (const char *)memchr(s + 5, '\n', len - 5);
            if (!dash)
                return -1;
            begin = dash + 1;
            for (end = begin; end + 5 <= s + len && strncmp(end, "-----", 5); end++) {
            }
        } else if (type == CRYPT_STRING_BASE64HEADER) {
            return -1;
        }
        for (; begin < end; begin++) {
            int c = (unsigned char)*begin, v;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            if (c == '=') {
                pad++;
                continue;
            }
            v = __iissim_b64_value(c);
            if (v < 0 || pad)
                return -1;
            acc = (acc << 6) | (uint32_t)v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                if (out)
                    out[o] = (BYTE)(acc >> bits);
                o++;
            }
        }
        if (pad > 2)
            return -1;
        return o;
    }
}

static __IISSIM_INLINE BOOL CryptStringToBinaryA(LPCSTR s, DWORD cch, DWORD flags, BYTE *out, DWORD *cb,
                                                 DWORD *skip, DWORD *used_flags)
{
    DWORD type = flags & 0xFFFF;
    size_t len;
    long n;
    if (!s || !cb || (type != CRYPT_STRING_BASE64 && type != CRYPT_STRING_BASE64HEADER
                      && type != CRYPT_STRING_BASE64_ANY && type != CRYPT_STRING_ANY
                      && type != CRYPT_STRING_HEXRAW && type != CRYPT_STRING_HEX_ANY)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    len = cch ? cch : strlen(s);
    n = __iissim_decode(s, len, type, NULL);
    if (n < 0) {
        SetLastError(ERROR_INVALID_DATA);
        return FALSE;
    }
    if (skip)
        *skip = 0;
    if (used_flags)
        *used_flags = (type == CRYPT_STRING_HEXRAW || type == CRYPT_STRING_HEX_ANY) ? CRYPT_STRING_HEXRAW
                      : (len >= 5 && !strncmp(s, "-----", 5)) ? CRYPT_STRING_BASE64HEADER
                                                             : CRYPT_STRING_BASE64;
    if (!out) {
        *cb = (DWORD)n;
        return TRUE;
    }
    if (*cb < (DWORD)n) {
        *cb = (DWORD)n;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    __iissim_decode(s, len, type, out);
    *cb = (DWORD)n;
    return TRUE;
}

static __IISSIM_INLINE BOOL CryptStringToBinaryW(LPCWSTR s, DWORD cch, DWORD flags, BYTE *out, DWORD *cb,
                                                 DWORD *skip, DWORD *used_flags)
{
    size_t len, i;
    char *narrow;
    BOOL r;
    if (!s) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    len = cch ? cch : wcslen(s);
    narrow = (char *)malloc(len + 1);
    if (!narrow) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (i = 0; i < len; i++)
        narrow[i] = (uint32_t)s[i] < 0x80 ? (char)s[i] : '?';
    narrow[len] = 0;
    r = CryptStringToBinaryA(narrow, (DWORD)len, flags, out, cb, skip, used_flags);
    free(narrow);
    return r;
}

#ifdef UNICODE
# define CryptBinaryToString    CryptBinaryToStringW
# define CryptStringToBinary    CryptStringToBinaryW
#else
# define CryptBinaryToString    CryptBinaryToStringA
# define CryptStringToBinary    CryptStringToBinaryA
#endif

/* A provider that only makes random bytes */
static __IISSIM_INLINE BOOL CryptAcquireContextA(HCRYPTPROV *prov, LPCSTR container, LPCSTR provider, DWORD type,
                                                 DWORD flags)
{
    (void)container;
    (void)provider;
    (void)type;
    (void)flags;
    if (!prov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *prov = (HCRYPTPROV)0x1CEB00DA;
    return TRUE;
}
static __IISSIM_INLINE BOOL CryptAcquireContextW(HCRYPTPROV *prov, LPCWSTR container, LPCWSTR provider, DWORD type,
                                                 DWORD flags)
{
    (void)container;
    (void)provider;
    return CryptAcquireContextA(prov, NULL, NULL, type, flags);
}
static __IISSIM_INLINE BOOL CryptGenRandom(HCRYPTPROV prov, DWORD n, BYTE *buf)
{
    if (!prov || (!buf && n) || !__iissim_random_bytes(buf, n)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}
static __IISSIM_INLINE BOOL CryptReleaseContext(HCRYPTPROV prov, DWORD flags)
{
    (void)flags;
    return prov != 0;
}
#ifdef UNICODE
# define CryptAcquireContext    CryptAcquireContextW
#else
# define CryptAcquireContext    CryptAcquireContextA
#endif

#endif  /* __IISSIM_POSIX */

#endif  /* __WINCRYPT_H__ */
