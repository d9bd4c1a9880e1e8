/*
 * httptrace.h: the IIS trace event and trace configuration structures, item data types,
 * levels and trace-provider GUIDs, for building IIS native modules off Windows with iissim.
 * Clean-room: written from ABI facts (field lists, offsets, values), not from any Windows SDK
 * header. Licence: MIT OR Apache-2.0.
 *
 * httpserv.h forward-declares HTTP_TRACE_CONFIGURATION and HTTP_TRACE_EVENT, so they stay named
 * struct tags here (no typedef): include this header before or after httpserv.h. Every struct has
 * the layout of 64-bit Windows on every 64-bit target (checked below and by
 * crates/abi/tests/httptrace_layout.rs). Strings are LPCWSTR: 4-byte wchar_t units off Windows,
 * so an HTTP_TRACE_TYPE_LPCWSTR item's cbData is sizeof(WCHAR) * (wcslen + 1) there.
 */
#ifndef _HTTP_TRACE_H
#define _HTTP_TRACE_H

#include <windows.h>

/* What an HTTP_TRACE_EVENT_ITEM's pbData points to; the numbers are VARIANT VT_* types */
enum HTTP_TRACE_TYPE
{
    HTTP_TRACE_TYPE_BYTE        = 17,   /* uint8 */
    HTTP_TRACE_TYPE_USHORT      = 18,   /* uint16 */
    HTTP_TRACE_TYPE_ULONG       = 19,   /* uint32 */
    HTTP_TRACE_TYPE_ULONGLONG   = 21,   /* uint64 */
    HTTP_TRACE_TYPE_CHAR        = 16,   /* int8 */
    HTTP_TRACE_TYPE_SHORT       = 2,    /* int16 */
    HTTP_TRACE_TYPE_LONG        = 3,    /* int32 */
    HTTP_TRACE_TYPE_LONGLONG    = 20,   /* int64 */
    HTTP_TRACE_TYPE_LPCWSTR     = 31,   /* the wide characters, NUL included */
    HTTP_TRACE_TYPE_LPCSTR      = 30,   /* the narrow characters, NUL included */
    HTTP_TRACE_TYPE_LPCGUID     = 72,   /* the 16 bytes of a GUID */
    HTTP_TRACE_TYPE_BOOL        = 11    /* a 4-byte BOOL */
};

/* HTTP_TRACE_EVENT.dwFlags: the event's GUID pointers, its name and its items' names and
 * descriptions live as long as the process; a consumer that keeps the event need not copy them */
#define HTTP_TRACE_EVENT_FLAG_STATIC_DESCRIPTIVE_FIELDS     0x01

/* Verbosities of start and end events, next to the ETW levels below */
#define HTTP_TRACE_LEVEL_START                              6
#define HTTP_TRACE_LEVEL_END                                7

/* The ETW levels belong to evntrace.h, which this SDK does not carry; trace code needs them */
#ifndef TRACE_LEVEL_NONE
#define TRACE_LEVEL_NONE                                    0
#define TRACE_LEVEL_CRITICAL                                1
#define TRACE_LEVEL_FATAL                                   1
#define TRACE_LEVEL_ERROR                                   2
#define TRACE_LEVEL_WARNING                                 3
#define TRACE_LEVEL_INFORMATION                             4
#define TRACE_LEVEL_VERBOSE                                 5
#endif

struct HTTP_TRACE_EVENT_ITEM;

/* One event: raised by IHttpTraceContext::RaiseTraceEvent, read by GL_TRACE_EVENT consumers */
struct HTTP_TRACE_EVENT
{
    LPCGUID                 pProviderGuid;
    DWORD                   dwArea;
    LPCGUID                 pAreaGuid;
    DWORD                   dwEvent;
    LPCWSTR                 pszEventName;
    DWORD                   dwEventVersion;
    DWORD                   dwVerbosity;
    LPCGUID                 pActivityGuid;          /* NULL: the server fills in the request's */
    LPCGUID                 pRelatedActivityGuid;
    DWORD                   dwTimeStamp;            /* tick count; 0: the server fills it in */
    DWORD                   dwFlags;
    DWORD                   cEventItems;            /* ETW allows 16 at most */
    struct HTTP_TRACE_EVENT_ITEM *pEventItems;
};

/* One named value of an event */
struct HTTP_TRACE_EVENT_ITEM
{
    LPCWSTR                 pszName;
    enum HTTP_TRACE_TYPE    dwDataType;
    PBYTE                   pbData;
    DWORD                   cbData;
    LPCWSTR                 pszDataDescription;     /* NULL when unused */
};

/* Which areas and level of a provider are enabled (IHttpTraceContext::Get/SetTraceConfiguration) */
struct HTTP_TRACE_CONFIGURATION
{
    LPCGUID                 pProviderGuid;
    DWORD                   dwAreas;
    DWORD                   dwVerbosity;
    BOOL                    fProviderEnabled;
};

/* The trace providers of IIS. Always defined (weak, one per module), so a module links whether
 * or not it includes initguid.h first, as Windows modules must. */
__IISSIM_DEFINE_GUID(GUID_IIS_ALL_TRACE_PROVIDERS,
                     0x00000000, 0x0000, 0x0000, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
__IISSIM_DEFINE_GUID(GUID_IIS_WWW_SERVER_TRACE_PROVIDER,
                     0x3a2a4e84, 0x4c21, 0x4981, 0xae, 0x10, 0x3f, 0xda, 0x0d, 0x9b, 0x0f, 0x83);
__IISSIM_DEFINE_GUID(GUID_IIS_WWW_SERVER_V2_TRACE_PROVIDER,
                     0xde4649c9, 0x15e8, 0x4fea, 0x9d, 0x85, 0x1c, 0xdd, 0xa5, 0x20, 0xc3, 0x34);
__IISSIM_DEFINE_GUID(GUID_IIS_ASPNET_TRACE_PROVIDER,
                     0xaff081fe, 0x0247, 0x4275, 0x9c, 0x4e, 0x02, 0x1f, 0x3d, 0xc1, 0xda, 0x35);
__IISSIM_DEFINE_GUID(GUID_IIS_ASP_TRACE_TRACE_PROVIDER,
                     0x06b94d9a, 0xb15e, 0x456e, 0xa4, 0xef, 0x37, 0xc9, 0x84, 0xa2, 0xcb, 0x4b);
__IISSIM_DEFINE_GUID(GUID_IIS_WWW_GLOBAL_TRACE_PROVIDER,
                     0xd55d3bc9, 0xcba9, 0x44df, 0x82, 0x7e, 0x13, 0x2d, 0x3a, 0x45, 0x96, 0xc2);
__IISSIM_DEFINE_GUID(GUID_IIS_ISAPI_TRACE_PROVIDER,
                     0xa1c2040e, 0x8840, 0x4c31, 0xba, 0x11, 0x98, 0x71, 0x03, 0x1a, 0x19, 0xea);

/* The 64-bit Windows layouts, on every 64-bit target */
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(struct HTTP_TRACE_EVENT) == 88, "HTTP_TRACE_EVENT must be 88 bytes")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || offsetof(struct HTTP_TRACE_EVENT, pEventItems) == 80, "HTTP_TRACE_EVENT.pEventItems must be at 80")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(struct HTTP_TRACE_EVENT_ITEM) == 40, "HTTP_TRACE_EVENT_ITEM must be 40 bytes")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(struct HTTP_TRACE_CONFIGURATION) == 24, "HTTP_TRACE_CONFIGURATION must be 24 bytes")
__IISSIM_STATIC_ASSERT(sizeof(enum HTTP_TRACE_TYPE) == 4, "HTTP_TRACE_TYPE must be an int")

#endif  /* _HTTP_TRACE_H */
