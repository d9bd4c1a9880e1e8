/*
 * bcrypt.h: Cryptography API: Next Generation random numbers (BCryptGenRandom) for building IIS
 * native modules off Windows with iissim. Clean-room: written from the documented behaviour.
 * Licence: MIT OR Apache-2.0.
 *
 * Only the RNG algorithm is provided; the bytes come from the kernel (/dev/urandom).
 */
#include <windows.h>

#ifndef __BCRYPT_H__
#define __BCRYPT_H__

typedef LONG                NTSTATUS;
typedef PVOID               BCRYPT_HANDLE;
typedef PVOID               BCRYPT_ALG_HANDLE;

#ifndef STATUS_SUCCESS
# define STATUS_SUCCESS             ((NTSTATUS)0x00000000L)
#endif
#define STATUS_INVALID_HANDLE       ((NTSTATUS)0xC0000008u)
#define STATUS_INVALID_PARAMETER    ((NTSTATUS)0xC000000Du)
#define STATUS_NO_MEMORY            ((NTSTATUS)0xC0000017u)
#define STATUS_NOT_SUPPORTED        ((NTSTATUS)0xC00000BBu)
#define STATUS_NOT_FOUND            ((NTSTATUS)0xC0000225u)
#define STATUS_UNSUCCESSFUL         ((NTSTATUS)0xC0000001u)
#define BCRYPT_SUCCESS(status)      (((NTSTATUS)(status)) >= 0)
#define NT_SUCCESS(status)          (((NTSTATUS)(status)) >= 0)

#define BCRYPT_RNG_USE_ENTROPY_IN_BUFFER    0x00000001
#define BCRYPT_USE_SYSTEM_PREFERRED_RNG     0x00000002
#define BCRYPT_RNG_ALGORITHM        L"RNG"
#define BCRYPT_RNG_ALG_HANDLE       ((BCRYPT_ALG_HANDLE)0x00000081)

#ifdef __IISSIM_POSIX

__IISSIM_SHARED char __iissim_bcrypt_rng;

static __IISSIM_INLINE NTSTATUS BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *alg, LPCWSTR id, LPCWSTR impl,
                                                            ULONG flags)
{
    (void)impl;
    (void)flags;
    if (!alg || !id)
        return STATUS_INVALID_PARAMETER;
    if (wcscmp(id, BCRYPT_RNG_ALGORITHM) != 0) {
        *alg = NULL;
        return STATUS_NOT_FOUND;
    }
    *alg = (BCRYPT_ALG_HANDLE)&__iissim_bcrypt_rng;
    return STATUS_SUCCESS;
}

static __IISSIM_INLINE NTSTATUS BCryptCloseAlgorithmProvider(BCRYPT_ALG_HANDLE alg, ULONG flags)
{
    (void)flags;
    return alg == (BCRYPT_ALG_HANDLE)&__iissim_bcrypt_rng ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

static __IISSIM_INLINE NTSTATUS BCryptGenRandom(BCRYPT_ALG_HANDLE alg, PUCHAR buf, ULONG n, ULONG flags)
{
    if (flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) {
        if (alg)
            return STATUS_INVALID_HANDLE;
    } else if (alg != (BCRYPT_ALG_HANDLE)&__iissim_bcrypt_rng && alg != BCRYPT_RNG_ALG_HANDLE) {
        return STATUS_INVALID_HANDLE;
    }
    if (!buf && n)
        return STATUS_INVALID_PARAMETER;
    return __iissim_random_bytes(buf, n) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

#endif  /* __IISSIM_POSIX */

#endif  /* __BCRYPT_H__ */
