/*
 * iissim/host_services.h: the table of host services through which the header-only Win32 shim
 * of the iissim SDK reaches the host that loaded the module (design decision 6).
 * Licence: MIT OR Apache-2.0.
 *
 * Every module carries a weak, default-visibility, C-linkage pointer variable
 * `iissim_host_services`, NULL until a host sets it. A host fills it so:
 *
 *     void *image = dlopen(path, RTLD_NOW | RTLD_LOCAL);
 *     const IISSIM_HOST_SERVICES **slot = dlsym(image, "iissim_host_services");
 *     if (slot) *slot = &host_table;   // before DllMain and RegisterModule run
 *
 * The table must stay valid, and its functions callable from any thread, until the module is
 * unloaded. Fields are appended, never reordered: the shim reads a field only when `cbSize`
 * covers it and the pointer is not NULL, so a host built for an older or newer version works.
 * Every function uses the platform's C calling convention; strings are UTF-8 and NUL-terminated.
 *
 * Layout (LP64: every pointer 8 bytes, 80 bytes in all):
 *     offset  0  uint32_t cbSize                  sizeof the table the host hands out
 *     offset  4  uint32_t version                 IISSIM_HOST_SERVICES_VERSION (1)
 *     offset  8  close_handle                     CloseHandle on a handle the shim did not make
 *     offset 16  report_event                     ReportEvent
 *     offset 24  output_debug_string             OutputDebugStringA/W (wide text as UTF-8)
 *     offset 32  get_token_information            GetTokenInformation on a host token
 *     offset 40  check_token_membership           CheckTokenMembership
 *     offset 48  duplicate_token                  DuplicateToken(Ex): a token the module owns
 *     offset 56  set_thread_token                 impersonation: SetThreadToken, ImpersonateLoggedOnUser, RevertToSelf
 *     offset 64  get_thread_token                 OpenThreadToken
 *     offset 72  lookup_account_sid               LookupAccountSid
 *
 * The token services return a Win32 error code: ERROR_SUCCESS (0), or the error the Windows
 * function would leave in GetLastError.
 *
 * Without a host (pointer NULL) the shim falls back: CloseHandle fails with ERROR_INVALID_HANDLE,
 * ReportEvent and OutputDebugString write one line to stderr.
 */
#ifndef __IISSIM_HOST_SERVICES_H
#define __IISSIM_HOST_SERVICES_H

#include <stddef.h>
#include <stdint.h>

#define IISSIM_HOST_SERVICES_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _IISSIM_HOST_SERVICES {
    uint32_t    cbSize;
    uint32_t    version;
    /* Returns nonzero (TRUE) when the host owned and closed the handle, 0 (FALSE) otherwise;
     * the shim then sets ERROR_INVALID_HANDLE. */
    int         (*close_handle)(void *handle);
    /* source: the name given to RegisterEventSource; type: EVENTLOG_* (ERROR 1, WARNING 2,
     * INFORMATION 4, AUDIT_SUCCESS 8, AUDIT_FAILURE 16); strings: string_count UTF-8 strings.
     * Returns nonzero on success. */
    int         (*report_event)(const char *source_utf8, uint16_t type, uint16_t category,
                                uint32_t event_id, uint16_t string_count,
                                const char *const *strings_utf8);
    void        (*output_debug_string)(const char *utf8);
    /* The token services (see above: each returns a Win32 error code). The host writes
     * TOKEN_USER, TOKEN_GROUPS, ... into buffer, SIDs included, as Windows lays them out. */
    uint32_t    (*get_token_information)(void *token, uint32_t info_class, void *buffer,
                                         uint32_t length, uint32_t *return_length);
    uint32_t    (*check_token_membership)(void *token, const void *sid, int *is_member);
    /* token_type: 1 primary, 2 impersonation (TOKEN_TYPE). */
    uint32_t    (*duplicate_token)(void *token, uint32_t token_type, void **new_token);
    /* NULL reverts to the process's own identity. */
    uint32_t    (*set_thread_token)(void *token);
    void       *(*get_thread_token)(void);
    /* name and domain are UTF-8 buffers of *name_len and *domain_len bytes (with the NUL);
     * on ERROR_INSUFFICIENT_BUFFER both lengths say what is needed. use: SID_NAME_USE. */
    uint32_t    (*lookup_account_sid)(const void *sid, char *name, uint32_t *name_len, char *domain,
                                      uint32_t *domain_len, uint32_t *use);
} IISSIM_HOST_SERVICES;

/* One per module: a weak definition, so that every translation unit of a module may include this
 * header and the linker keeps one copy; default visibility, so that the host finds it by dlsym
 * even when the module builds with -fvisibility=hidden. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((__weak__, __visibility__("default")))
const IISSIM_HOST_SERVICES *iissim_host_services = 0;
#else
extern const IISSIM_HOST_SERVICES *iissim_host_services;
#endif

/* The table if the host provides `field`, else NULL. */
#define IISSIM_HOST_SERVICE(field)                                                              \
    ((iissim_host_services                                                                      \
      && iissim_host_services->cbSize >= offsetof(IISSIM_HOST_SERVICES, field)                  \
                                          + sizeof(iissim_host_services->field)                 \
      && iissim_host_services->field) ? iissim_host_services : (const IISSIM_HOST_SERVICES *)0)

#ifdef __cplusplus
}
#endif

#endif  /* __IISSIM_HOST_SERVICES_H */
