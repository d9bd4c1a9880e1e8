/*
 * iissim/security.h: security identifiers and access tokens for modules built with the iissim
 * SDK: SIDs (AllocateAndInitializeSid, EqualSid, ConvertSidToStringSid, ...), and the token
 * functions (GetTokenInformation, CheckTokenMembership, DuplicateToken, impersonation,
 * LookupAccountSid) that answer from the synthetic identities of the host, through its
 * services table. Included by windows.h. Licence: MIT OR Apache-2.0.
 *
 * Without a host the token functions fail with ERROR_INVALID_HANDLE; the SID functions work.
 */
#ifndef __IISSIM_SECURITY_H
#define __IISSIM_SECURITY_H

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes this header returns that winerror.h may not have. */
#ifndef ERROR_NO_TOKEN
#define ERROR_NO_TOKEN                  1008L
#endif
#ifndef ERROR_NONE_MAPPED
#define ERROR_NONE_MAPPED               1332L
#endif
#ifndef ERROR_INVALID_SID
#define ERROR_INVALID_SID               1337L
#endif
#ifndef ERROR_BAD_TOKEN_TYPE
#define ERROR_BAD_TOKEN_TYPE            1349L
#endif

typedef struct _SID_IDENTIFIER_AUTHORITY {
    BYTE    Value[6];
} SID_IDENTIFIER_AUTHORITY, *PSID_IDENTIFIER_AUTHORITY;

typedef struct _SID {
    BYTE                        Revision;
    BYTE                        SubAuthorityCount;
    SID_IDENTIFIER_AUTHORITY    IdentifierAuthority;
    DWORD                       SubAuthority[1];
} SID, *PISID;

#define SID_REVISION                    1
#define SID_MAX_SUB_AUTHORITIES         15
#define SECURITY_MAX_SID_SIZE           (8 + 4 * SID_MAX_SUB_AUTHORITIES)

#define SECURITY_NULL_SID_AUTHORITY     {{0, 0, 0, 0, 0, 0}}
#define SECURITY_WORLD_SID_AUTHORITY    {{0, 0, 0, 0, 0, 1}}
#define SECURITY_NT_AUTHORITY           {{0, 0, 0, 0, 0, 5}}
#define SECURITY_WORLD_RID              0x00000000L
#define SECURITY_AUTHENTICATED_USER_RID 0x0000000BL
#define SECURITY_LOCAL_SYSTEM_RID       0x00000012L
#define SECURITY_BUILTIN_DOMAIN_RID     0x00000020L
#define DOMAIN_ALIAS_RID_ADMINS         0x00000220L
#define DOMAIN_ALIAS_RID_USERS          0x00000221L
#define DOMAIN_ALIAS_RID_GUESTS         0x00000222L
#define DOMAIN_ALIAS_RID_IUSERS         0x00000238L

typedef struct _SID_AND_ATTRIBUTES {
    PSID    Sid;
    DWORD   Attributes;
} SID_AND_ATTRIBUTES, *PSID_AND_ATTRIBUTES;

#define SE_GROUP_MANDATORY              0x00000001L
#define SE_GROUP_ENABLED_BY_DEFAULT     0x00000002L
#define SE_GROUP_ENABLED                0x00000004L
#define SE_GROUP_OWNER                  0x00000008L
#define SE_GROUP_LOGON_ID               0xC0000000L

typedef struct _TOKEN_USER {
    SID_AND_ATTRIBUTES User;
} TOKEN_USER, *PTOKEN_USER;

typedef struct _TOKEN_GROUPS {
    DWORD               GroupCount;
    SID_AND_ATTRIBUTES  Groups[1];
} TOKEN_GROUPS, *PTOKEN_GROUPS;

typedef struct _TOKEN_ELEVATION {
    DWORD   TokenIsElevated;
} TOKEN_ELEVATION, *PTOKEN_ELEVATION;

typedef enum _TOKEN_TYPE {
    TokenPrimary = 1,
    TokenImpersonation
} TOKEN_TYPE, *PTOKEN_TYPE;

typedef enum _SECURITY_IMPERSONATION_LEVEL {
    SecurityAnonymous,
    SecurityIdentification,
    SecurityImpersonation,
    SecurityDelegation
} SECURITY_IMPERSONATION_LEVEL, *PSECURITY_IMPERSONATION_LEVEL;

typedef enum _TOKEN_INFORMATION_CLASS {
    TokenUser = 1,
    TokenGroups,
    TokenPrivileges,
    TokenOwner,
    TokenPrimaryGroup,
    TokenDefaultDacl,
    TokenSource,
    TokenType,
    TokenImpersonationLevel,
    TokenStatistics,
    TokenRestrictedSids,
    TokenSessionId,
    TokenGroupsAndPrivileges,
    TokenSessionReference,
    TokenSandBoxInert,
    TokenAuditPolicy,
    TokenOrigin,
    TokenElevationType,
    TokenLinkedToken,
    TokenElevation
} TOKEN_INFORMATION_CLASS, *PTOKEN_INFORMATION_CLASS;

typedef enum _SID_NAME_USE {
    SidTypeUser = 1,
    SidTypeGroup,
    SidTypeDomain,
    SidTypeAlias,
    SidTypeWellKnownGroup,
    SidTypeDeletedAccount,
    SidTypeInvalid,
    SidTypeUnknown,
    SidTypeComputer,
    SidTypeLabel
} SID_NAME_USE, *PSID_NAME_USE;

#define TOKEN_ASSIGN_PRIMARY            0x0001
#define TOKEN_DUPLICATE                 0x0002
#define TOKEN_IMPERSONATE               0x0004
#define TOKEN_QUERY                     0x0008
#define TOKEN_QUERY_SOURCE              0x0010
#define TOKEN_ADJUST_PRIVILEGES         0x0020
#define TOKEN_ADJUST_GROUPS             0x0040
#define TOKEN_ADJUST_DEFAULT            0x0080
#define TOKEN_ALL_ACCESS                0x000F01FF
#define TOKEN_READ                      0x00020008
#define MAXIMUM_ALLOWED                 0x02000000


/* SIDs, all in the module. */

static __IISSIM_INLINE DWORD GetLengthSid(PSID pSid)
{
    const SID *sid = (const SID *)pSid;
    return sid ? (DWORD)(8 + 4 * sid->SubAuthorityCount) : 0;
}

static __IISSIM_INLINE BOOL IsValidSid(PSID pSid)
{
    const SID *sid = (const SID *)pSid;
    return sid && sid->Revision == SID_REVISION && sid->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

static __IISSIM_INLINE BOOL EqualSid(PSID a, PSID b)
{
    if (!IsValidSid(a) || !IsValidSid(b)) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    SetLastError(ERROR_SUCCESS);
    return GetLengthSid(a) == GetLengthSid(b) && memcmp(a, b, GetLengthSid(a)) == 0;
}

static __IISSIM_INLINE BOOL CopySid(DWORD cbDest, PSID pDest, PSID pSource)
{
    DWORD n = GetLengthSid(pSource);
    if (!IsValidSid(pSource) || !pDest || cbDest < n) {
        SetLastError(IsValidSid(pSource) ? ERROR_INSUFFICIENT_BUFFER : ERROR_INVALID_SID);
        return FALSE;
    }
    memcpy(pDest, pSource, n);
    return TRUE;
}

static __IISSIM_INLINE PDWORD GetSidSubAuthority(PSID pSid, DWORD n)
{
    return &((SID *)pSid)->SubAuthority[n];
}

static __IISSIM_INLINE PUCHAR GetSidSubAuthorityCount(PSID pSid)
{
    return &((SID *)pSid)->SubAuthorityCount;
}

static __IISSIM_INLINE PSID_IDENTIFIER_AUTHORITY GetSidIdentifierAuthority(PSID pSid)
{
    return &((SID *)pSid)->IdentifierAuthority;
}

static __IISSIM_INLINE BOOL AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY pAuthority, BYTE count, DWORD s0,
                                                   DWORD s1, DWORD s2, DWORD s3, DWORD s4, DWORD s5, DWORD s6,
                                                   DWORD s7, PSID *ppSid)
{
    DWORD subs[8];
    SID *sid;
    BYTE i;
    if (!pAuthority || !ppSid || count > 8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    subs[0] = s0; subs[1] = s1; subs[2] = s2; subs[3] = s3;
    subs[4] = s4; subs[5] = s5; subs[6] = s6; subs[7] = s7;
    sid = (SID *)LocalAlloc(LPTR, 8 + 4 * (count ? count : 1));
    if (!sid) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = count;
    sid->IdentifierAuthority = *pAuthority;
    for (i = 0; i < count; i++)
        sid->SubAuthority[i] = subs[i];
    *ppSid = sid;
    return TRUE;
}

static __IISSIM_INLINE PVOID FreeSid(PSID pSid)
{
    LocalFree(pSid);
    return NULL;
}

/* S-1-5-21-...: the string form, in LocalAlloc'd memory the caller frees with LocalFree. */
static __IISSIM_INLINE BOOL ConvertSidToStringSidA(PSID pSid, LPSTR *ppszSid)
{
    const SID *sid = (const SID *)pSid;
    char text[16 + 11 * SID_MAX_SUB_AUTHORITIES];
    unsigned long long authority = 0;
    int i, n;
    if (!IsValidSid(pSid) || !ppszSid) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    for (i = 0; i < 6; i++)
        authority = (authority << 8) | sid->IdentifierAuthority.Value[i];
    n = snprintf(text, sizeof text, "S-%u-%llu", (unsigned)sid->Revision, authority);
    for (i = 0; i < sid->SubAuthorityCount; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "-%lu", (unsigned long)sid->SubAuthority[i]);
    *ppszSid = (LPSTR)LocalAlloc(LMEM_FIXED, (SIZE_T)n + 1);
    if (!*ppszSid) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    memcpy(*ppszSid, text, (size_t)n + 1);
    return TRUE;
}

static __IISSIM_INLINE BOOL ConvertSidToStringSidW(PSID pSid, LPWSTR *ppwszSid)
{
    LPSTR narrow = NULL;
    size_t i, n;
    if (!ConvertSidToStringSidA(pSid, &narrow))
        return FALSE;
    n = strlen(narrow);
    *ppwszSid = (LPWSTR)LocalAlloc(LMEM_FIXED, (n + 1) * sizeof(WCHAR));
    if (!*ppwszSid) {
        LocalFree(narrow);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (i = 0; i <= n; i++)
        (*ppwszSid)[i] = (WCHAR)(unsigned char)narrow[i];
    LocalFree(narrow);
    return TRUE;
}

static __IISSIM_INLINE BOOL ConvertStringSidToSidA(LPCSTR pszSid, PSID *ppSid)
{
    unsigned long long authority;
    unsigned long subs[SID_MAX_SUB_AUTHORITIES];
    const char *p = pszSid;
    char *end;
    int count = 0, i;
    SID *sid;
    if (!pszSid || !ppSid || (p[0] != 'S' && p[0] != 's') || p[1] != '-' || p[2] != '1' || p[3] != '-') {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    p += 4;
    authority = strtoull(p, &end, 10);
    if (end == p) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    p = end;
    while (*p == '-' && count < SID_MAX_SUB_AUTHORITIES) {
        subs[count] = strtoul(p + 1, &end, 10);
        if (end == p + 1) {
            SetLastError(ERROR_INVALID_SID);
            return FALSE;
        }
        count++;
        p = end;
    }
    if (*p != '\0') {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    sid = (SID *)LocalAlloc(LPTR, 8 + 4 * (count ? count : 1));
    if (!sid) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = (BYTE)count;
    for (i = 5; i >= 0; i--) {
        sid->IdentifierAuthority.Value[i] = (BYTE)(authority & 0xFF);
        authority >>= 8;
    }
    for (i = 0; i < count; i++)
        sid->SubAuthority[i] = (DWORD)subs[i];
    *ppSid = sid;
    return TRUE;
}

static __IISSIM_INLINE BOOL ConvertStringSidToSidW(LPCWSTR pwszSid, PSID *ppSid)
{
    char narrow[16 + 11 * SID_MAX_SUB_AUTHORITIES];
    size_t i;
    if (!pwszSid) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    for (i = 0; pwszSid[i] && i + 1 < sizeof narrow; i++)
        narrow[i] = (char)pwszSid[i];
    narrow[i] = '\0';
    return ConvertStringSidToSidA(narrow, ppSid);
}

/* Tokens: answered by the host. */

static __IISSIM_INLINE BOOL __iissim_token_result(DWORD error)
{
    SetLastError(error);
    return error == ERROR_SUCCESS;
}

static __IISSIM_INLINE BOOL GetTokenInformation(HANDLE TokenHandle, TOKEN_INFORMATION_CLASS TokenInformationClass,
                                              LPVOID TokenInformation, DWORD TokenInformationLength,
                                              PDWORD ReturnLength)
{
    if (!IISSIM_HOST_SERVICE(get_token_information))
        return __iissim_token_result(ERROR_INVALID_HANDLE);
    return __iissim_token_result(iissim_host_services->get_token_information(
        TokenHandle, (uint32_t)TokenInformationClass, TokenInformation, TokenInformationLength, (uint32_t *)ReturnLength));
}

/* TokenHandle NULL: the thread's impersonation token. */
static __IISSIM_INLINE BOOL CheckTokenMembership(HANDLE TokenHandle, PSID SidToCheck, PBOOL IsMember)
{
    int member = 0;
    BOOL ok;
    if (!IISSIM_HOST_SERVICE(check_token_membership))
        return __iissim_token_result(ERROR_INVALID_HANDLE);
    ok = __iissim_token_result(iissim_host_services->check_token_membership(TokenHandle, SidToCheck, &member));
    if (ok && IsMember)
        *IsMember = member ? TRUE : FALSE;
    return ok;
}

static __IISSIM_INLINE BOOL DuplicateTokenEx(HANDLE hExistingToken, DWORD dwDesiredAccess, LPVOID lpTokenAttributes,
                                           SECURITY_IMPERSONATION_LEVEL ImpersonationLevel, TOKEN_TYPE TokenType,
                                           PHANDLE phNewToken)
{
    (void)dwDesiredAccess;
    (void)lpTokenAttributes;
    (void)ImpersonationLevel;
    if (!IISSIM_HOST_SERVICE(duplicate_token))
        return __iissim_token_result(ERROR_INVALID_HANDLE);
    return __iissim_token_result(
        iissim_host_services->duplicate_token(hExistingToken, (uint32_t)TokenType, (void **)phNewToken));
}

static __IISSIM_INLINE BOOL DuplicateToken(HANDLE hExistingToken, SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
                                         PHANDLE phNewToken)
{
    return DuplicateTokenEx(hExistingToken, TOKEN_ALL_ACCESS, NULL, ImpersonationLevel, TokenImpersonation,
                            phNewToken);
}

/* Thread NULL: the calling thread, the only one iissim can set. */
static __IISSIM_INLINE BOOL SetThreadToken(PHANDLE Thread, HANDLE Token)
{
    if (Thread != NULL)
        return __iissim_token_result(ERROR_NOT_SUPPORTED);
    if (!IISSIM_HOST_SERVICE(set_thread_token))
        return __iissim_token_result(Token ? ERROR_INVALID_HANDLE : ERROR_SUCCESS);
    return __iissim_token_result(iissim_host_services->set_thread_token(Token));
}

static __IISSIM_INLINE BOOL RevertToSelf(void)
{
    return SetThreadToken(NULL, NULL);
}

/* A primary token is impersonated through an impersonation copy, as Windows does. */
static __IISSIM_INLINE BOOL ImpersonateLoggedOnUser(HANDLE hToken)
{
    DWORD type = 0, length = 0;
    HANDLE copy = NULL;
    if (!GetTokenInformation(hToken, TokenType, &type, sizeof type, &length))
        return FALSE;
    if (type == TokenImpersonation)
        return SetThreadToken(NULL, hToken);
    if (!DuplicateToken(hToken, SecurityImpersonation, &copy))
        return FALSE;
    return SetThreadToken(NULL, copy);
}

/* ERROR_NO_TOKEN when the thread is not impersonating. The caller closes the handle it gets. */
static __IISSIM_INLINE BOOL OpenThreadToken(HANDLE ThreadHandle, DWORD DesiredAccess, BOOL OpenAsSelf,
                                          PHANDLE TokenHandle)
{
    HANDLE current;
    (void)ThreadHandle;
    (void)OpenAsSelf;
    if (!TokenHandle)
        return __iissim_token_result(ERROR_INVALID_PARAMETER);
    current = IISSIM_HOST_SERVICE(get_thread_token) ? iissim_host_services->get_thread_token() : NULL;
    if (!current)
        return __iissim_token_result(ERROR_NO_TOKEN);
    return DuplicateTokenEx(current, DesiredAccess, NULL, SecurityImpersonation, TokenImpersonation, TokenHandle);
}

static __IISSIM_INLINE BOOL LookupAccountSidA(LPCSTR lpSystemName, PSID Sid, LPSTR Name, LPDWORD cchName,
                                            LPSTR ReferencedDomainName, LPDWORD cchReferencedDomainName,
                                            PSID_NAME_USE peUse)
{
    uint32_t use = 0;
    BOOL ok;
    (void)lpSystemName;
    if (!IISSIM_HOST_SERVICE(lookup_account_sid))
        return __iissim_token_result(ERROR_NONE_MAPPED);
    ok = __iissim_token_result(iissim_host_services->lookup_account_sid(
        Sid, Name, (uint32_t *)cchName, ReferencedDomainName, (uint32_t *)cchReferencedDomainName, &use));
    if (ok && peUse)
        *peUse = (SID_NAME_USE)use;
    return ok;
}

static __IISSIM_INLINE BOOL LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name, LPDWORD cchName,
                                            LPWSTR ReferencedDomainName, LPDWORD cchReferencedDomainName,
                                            PSID_NAME_USE peUse)
{
    char name[256], domain[256];
    DWORD cName = sizeof name, cDomain = sizeof domain, i;
    (void)lpSystemName;
    if (!cchName || !cchReferencedDomainName)
        return __iissim_token_result(ERROR_INVALID_PARAMETER);
    if (!LookupAccountSidA(NULL, Sid, name, &cName, domain, &cDomain, peUse))
        return FALSE;
    if (!Name || !ReferencedDomainName || *cchName <= cName || *cchReferencedDomainName <= cDomain) {
        *cchName = cName + 1;
        *cchReferencedDomainName = cDomain + 1;
        return __iissim_token_result(ERROR_INSUFFICIENT_BUFFER);
    }
    for (i = 0; i <= cName; i++)
        Name[i] = (WCHAR)(unsigned char)name[i];
    for (i = 0; i <= cDomain; i++)
        ReferencedDomainName[i] = (WCHAR)(unsigned char)domain[i];
    *cchName = cName;
    *cchReferencedDomainName = cDomain;
    return TRUE;
}

#ifdef UNICODE
#define ConvertSidToStringSid   ConvertSidToStringSidW
#define ConvertStringSidToSid   ConvertStringSidToSidW
#define LookupAccountSid        LookupAccountSidW
#else
#define ConvertSidToStringSid   ConvertSidToStringSidA
#define ConvertStringSidToSid   ConvertStringSidToSidA
#define LookupAccountSid        LookupAccountSidA
#endif

#ifdef __cplusplus
}
#endif

#endif /* __IISSIM_SECURITY_H */
