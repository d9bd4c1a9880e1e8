/*
 * http.h: the HTTP Server API (http.sys) types that IIS native modules see through httpserv.h:
 * requests, responses, headers, data chunks, cache policy, log fields and their enums, for
 * building modules off Windows with iissim. Clean-room: written from ABI facts (field lists,
 * offsets, enum values), not from any Windows SDK header. Licence: MIT OR Apache-2.0.
 *
 * Every struct has the size and field offsets of 64-bit Windows on every 64-bit target (checked
 * below and by crates/abi/tests/http_layout.rs). Strings are PCWSTR, so off Windows they point to
 * 4-byte wchar_t units (see windows.h): the pointer is the same size, the pointee is wider.
 * Only types are declared here; the http.sys functions are not.
 */
#ifndef __HTTP_H__
#define __HTTP_H__

#include <windows.h>

/* Opaque ids */

typedef ULONGLONG           HTTP_OPAQUE_ID,         *PHTTP_OPAQUE_ID;
typedef HTTP_OPAQUE_ID      HTTP_REQUEST_ID,        *PHTTP_REQUEST_ID;
typedef HTTP_OPAQUE_ID      HTTP_CONNECTION_ID,     *PHTTP_CONNECTION_ID;
typedef HTTP_OPAQUE_ID      HTTP_RAW_CONNECTION_ID, *PHTTP_RAW_CONNECTION_ID;
typedef HTTP_OPAQUE_ID      HTTP_URL_GROUP_ID,      *PHTTP_URL_GROUP_ID;
typedef HTTP_OPAQUE_ID      HTTP_SERVER_SESSION_ID, *PHTTP_SERVER_SESSION_ID;
typedef ULONGLONG           HTTP_URL_CONTEXT;

#define HTTP_NULL_ID                                    (0ull)
#define HTTP_IS_NULL_ID(pid)                            (HTTP_NULL_ID == *(pid))
#define HTTP_SET_NULL_ID(pid)                           (*(pid) = HTTP_NULL_ID)

/* HTTP_BYTE_RANGE.Length meaning "up to the end of the file" */
#define HTTP_BYTE_RANGE_TO_EOF                          ((ULONGLONG)-1)

/* HTTP_REQUEST.Flags */
#define HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS       0x00000001
#define HTTP_REQUEST_FLAG_IP_ROUTED                     0x00000002
#define HTTP_REQUEST_FLAG_HTTP2                         0x00000004
#define HTTP_REQUEST_FLAG_HTTP3                         0x00000008

/* HTTP_RESPONSE.Flags */
#define HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE 0x00000001
#define HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS      0x00000002

/* Flags of a send-response call (ISendResponseProvider::GetFlags/SetFlags) */
#define HTTP_SEND_RESPONSE_FLAG_DISCONNECT              0x00000001
#define HTTP_SEND_RESPONSE_FLAG_MORE_DATA               0x00000002
#define HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA             0x00000004
#define HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING          0x00000008
#define HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES          0x00000020
#define HTTP_SEND_RESPONSE_FLAG_OPAQUE                  0x00000040
#define HTTP_SEND_RESPONSE_FLAG_GOAWAY                  0x00000100

/* Protocol version */

typedef struct _HTTP_VERSION {
    USHORT                  MajorVersion;
    USHORT                  MinorVersion;
} HTTP_VERSION, *PHTTP_VERSION;

#define HTTP_VERSION_UNKNOWN    { 0, 0 }
#define HTTP_VERSION_0_9        { 0, 9 }
#define HTTP_VERSION_1_0        { 1, 0 }
#define HTTP_VERSION_1_1        { 1, 1 }
#define HTTP_VERSION_2_0        { 2, 0 }
#define HTTP_VERSION_3_0        { 3, 0 }

#define HTTP_SET_VERSION(v, major, minor) \
    ((v).MajorVersion = (USHORT)(major), (v).MinorVersion = (USHORT)(minor))
#define HTTP_EQUAL_VERSION(v, major, minor) \
    ((v).MajorVersion == (major) && (v).MinorVersion == (minor))
#define HTTP_GREATER_VERSION(v, major, minor) \
    ((v).MajorVersion > (major) || ((v).MajorVersion == (major) && (v).MinorVersion > (minor)))
#define HTTP_LESS_VERSION(v, major, minor) \
    ((v).MajorVersion < (major) || ((v).MajorVersion == (major) && (v).MinorVersion < (minor)))
#define HTTP_NOT_EQUAL_VERSION(v, major, minor)     (!HTTP_EQUAL_VERSION(v, major, minor))
#define HTTP_GREATER_EQUAL_VERSION(v, major, minor) (!HTTP_LESS_VERSION(v, major, minor))
#define HTTP_LESS_EQUAL_VERSION(v, major, minor)    (!HTTP_GREATER_VERSION(v, major, minor))

/* Verbs. For HttpVerbUnknown the text is in pUnknownVerb/UnknownVerbLength. */

typedef enum _HTTP_VERB {
    HttpVerbUnparsed        = 0,
    HttpVerbUnknown         = 1,
    HttpVerbInvalid         = 2,
    HttpVerbOPTIONS         = 3,
    HttpVerbGET             = 4,
    HttpVerbHEAD            = 5,
    HttpVerbPOST            = 6,
    HttpVerbPUT             = 7,
    HttpVerbDELETE          = 8,
    HttpVerbTRACE           = 9,
    HttpVerbCONNECT         = 10,
    HttpVerbTRACK           = 11,
    HttpVerbMOVE            = 12,
    HttpVerbCOPY            = 13,
    HttpVerbPROPFIND        = 14,
    HttpVerbPROPPATCH       = 15,
    HttpVerbMKCOL           = 16,
    HttpVerbLOCK            = 17,
    HttpVerbUNLOCK          = 18,
    HttpVerbSEARCH          = 19,
    HttpVerbMaximum         = 20
} HTTP_VERB, *PHTTP_VERB;

/* Known headers: the index into KnownHeaders[]. Ids 0-19 mean the same header in requests and
 * responses; from 20 on, requests and responses number different headers, so the response names
 * are second names for the request values 20-29. */

typedef enum _HTTP_HEADER_ID {
    HttpHeaderCacheControl          = 0,    /* Cache-Control */
    HttpHeaderConnection            = 1,    /* Connection */
    HttpHeaderDate                  = 2,    /* Date */
    HttpHeaderKeepAlive             = 3,    /* Keep-Alive */
    HttpHeaderPragma                = 4,    /* Pragma */
    HttpHeaderTrailer               = 5,    /* Trailer */
    HttpHeaderTransferEncoding      = 6,    /* Transfer-Encoding */
    HttpHeaderUpgrade               = 7,    /* Upgrade */
    HttpHeaderVia                   = 8,    /* Via */
    HttpHeaderWarning               = 9,    /* Warning */
    HttpHeaderAllow                 = 10,   /* Allow */
    HttpHeaderContentLength         = 11,   /* Content-Length */
    HttpHeaderContentType           = 12,   /* Content-Type */
    HttpHeaderContentEncoding       = 13,   /* Content-Encoding */
    HttpHeaderContentLanguage       = 14,   /* Content-Language */
    HttpHeaderContentLocation       = 15,   /* Content-Location */
    HttpHeaderContentMd5            = 16,   /* Content-MD5 */
    HttpHeaderContentRange          = 17,   /* Content-Range */
    HttpHeaderExpires               = 18,   /* Expires */
    HttpHeaderLastModified          = 19,   /* Last-Modified */

    /* request headers */
    HttpHeaderAccept                = 20,   /* Accept */
    HttpHeaderAcceptCharset         = 21,   /* Accept-Charset */
    HttpHeaderAcceptEncoding        = 22,   /* Accept-Encoding */
    HttpHeaderAcceptLanguage        = 23,   /* Accept-Language */
    HttpHeaderAuthorization         = 24,   /* Authorization */
    HttpHeaderCookie                = 25,   /* Cookie */
    HttpHeaderExpect                = 26,   /* Expect */
    HttpHeaderFrom                  = 27,   /* From */
    HttpHeaderHost                  = 28,   /* Host */
    HttpHeaderIfMatch               = 29,   /* If-Match */
    HttpHeaderIfModifiedSince       = 30,   /* If-Modified-Since */
    HttpHeaderIfNoneMatch           = 31,   /* If-None-Match */
    HttpHeaderIfRange               = 32,   /* If-Range */
    HttpHeaderIfUnmodifiedSince     = 33,   /* If-Unmodified-Since */
    HttpHeaderMaxForwards           = 34,   /* Max-Forwards */
    HttpHeaderProxyAuthorization    = 35,   /* Proxy-Authorization */
    HttpHeaderReferer               = 36,   /* Referer */
    HttpHeaderRange                 = 37,   /* Range */
    HttpHeaderTe                    = 38,   /* TE */
    HttpHeaderTranslate             = 39,   /* Translate */
    HttpHeaderUserAgent             = 40,   /* User-Agent */
    HttpHeaderRequestMaximum        = 41,

    /* response headers */
    HttpHeaderAcceptRanges          = 20,   /* Accept-Ranges */
    HttpHeaderAge                   = 21,   /* Age */
    HttpHeaderEtag                  = 22,   /* ETag */
    HttpHeaderLocation              = 23,   /* Location */
    HttpHeaderProxyAuthenticate     = 24,   /* Proxy-Authenticate */
    HttpHeaderRetryAfter            = 25,   /* Retry-After */
    HttpHeaderServer                = 26,   /* Server */
    HttpHeaderSetCookie             = 27,   /* Set-Cookie */
    HttpHeaderVary                  = 28,   /* Vary */
    HttpHeaderWwwAuthenticate       = 29,   /* WWW-Authenticate */
    HttpHeaderResponseMaximum       = 30,

    HttpHeaderMaximum               = 41
} HTTP_HEADER_ID, *PHTTP_HEADER_ID;

/* Entity body pieces */

typedef enum _HTTP_DATA_CHUNK_TYPE {
    HttpDataChunkFromMemory             = 0,
    HttpDataChunkFromFileHandle         = 1,
    HttpDataChunkFromFragmentCache      = 2,
    HttpDataChunkFromFragmentCacheEx    = 3,
    HttpDataChunkTrailers               = 4,
    HttpDataChunkMaximum                = 5
} HTTP_DATA_CHUNK_TYPE, *PHTTP_DATA_CHUNK_TYPE;

typedef struct _HTTP_BYTE_RANGE {
    ULARGE_INTEGER          StartingOffset;
    ULARGE_INTEGER          Length;
} HTTP_BYTE_RANGE, *PHTTP_BYTE_RANGE;

/* Headers. Values are counted (RawValueLength), not NUL-terminated. */

typedef struct _HTTP_KNOWN_HEADER {
    USHORT                  RawValueLength;
    PCSTR                   pRawValue;
} HTTP_KNOWN_HEADER, *PHTTP_KNOWN_HEADER;

typedef struct _HTTP_UNKNOWN_HEADER {
    USHORT                  NameLength;
    USHORT                  RawValueLength;
    PCSTR                   pName;
    PCSTR                   pRawValue;
} HTTP_UNKNOWN_HEADER, *PHTTP_UNKNOWN_HEADER;

/* The union member that is valid is the one DataChunkType names. */
typedef struct _HTTP_DATA_CHUNK {
    HTTP_DATA_CHUNK_TYPE    DataChunkType;
    __IISSIM_ANONYMOUS union {
        struct {
            PVOID           pBuffer;
            ULONG           BufferLength;
        } FromMemory;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            HANDLE          FileHandle;
        } FromFileHandle;
        struct {
            USHORT          FragmentNameLength;
            PCWSTR          pFragmentName;
        } FromFragmentCache;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            PCWSTR          pFragmentName;
        } FromFragmentCacheEx;
        struct {
            USHORT          TrailerCount;
            PHTTP_UNKNOWN_HEADER pTrailers;
        } Trailers;
    };
} HTTP_DATA_CHUNK, *PHTTP_DATA_CHUNK;

typedef struct _HTTP_REQUEST_HEADERS {
    USHORT                  UnknownHeaderCount;
    PHTTP_UNKNOWN_HEADER    pUnknownHeaders;
    USHORT                  TrailerCount;           /* reserved: 0 */
    PHTTP_UNKNOWN_HEADER    pTrailers;              /* reserved: NULL */
    HTTP_KNOWN_HEADER       KnownHeaders[HttpHeaderRequestMaximum];
} HTTP_REQUEST_HEADERS, *PHTTP_REQUEST_HEADERS;

typedef struct _HTTP_RESPONSE_HEADERS {
    USHORT                  UnknownHeaderCount;
    PHTTP_UNKNOWN_HEADER    pUnknownHeaders;
    USHORT                  TrailerCount;           /* reserved: 0 */
    PHTTP_UNKNOWN_HEADER    pTrailers;              /* reserved: NULL */
    HTTP_KNOWN_HEADER       KnownHeaders[HttpHeaderResponseMaximum];
} HTTP_RESPONSE_HEADERS, *PHTTP_RESPONSE_HEADERS;

typedef struct _HTTP_MULTIPLE_KNOWN_HEADERS {
    HTTP_HEADER_ID          HeaderId;
    ULONG                   Flags;
    USHORT                  KnownHeaderCount;
    PHTTP_KNOWN_HEADER      KnownHeaders;
} HTTP_MULTIPLE_KNOWN_HEADERS, *PHTTP_MULTIPLE_KNOWN_HEADERS;

/* The URL, split up, as UTF-16 on Windows and wchar_t here */

typedef struct _HTTP_COOKED_URL {
    USHORT                  FullUrlLength;
    USHORT                  HostLength;
    USHORT                  AbsPathLength;
    USHORT                  QueryStringLength;
    PCWSTR                  pFullUrl;
    PCWSTR                  pHost;
    PCWSTR                  pAbsPath;
    PCWSTR                  pQueryString;
} HTTP_COOKED_URL, *PHTTP_COOKED_URL;

typedef struct _HTTP_TRANSPORT_ADDRESS {
    PSOCKADDR               pRemoteAddress;
    PSOCKADDR               pLocalAddress;
} HTTP_TRANSPORT_ADDRESS, *PHTTP_TRANSPORT_ADDRESS;

/* TLS */

typedef struct _HTTP_SSL_CLIENT_CERT_INFO {
    ULONG                   CertFlags;
    ULONG                   CertEncodedSize;
    PUCHAR                  pCertEncoded;
    HANDLE                  Token;
    BOOLEAN                 CertDeniedByMapper;
} HTTP_SSL_CLIENT_CERT_INFO, *PHTTP_SSL_CLIENT_CERT_INFO;

typedef struct _HTTP_SSL_INFO {
    USHORT                  ServerCertKeySize;
    USHORT                  ConnectionKeySize;
    ULONG                   ServerCertIssuerSize;
    ULONG                   ServerCertSubjectSize;
    PCSTR                   pServerCertIssuer;
    PCSTR                   pServerCertSubject;
    PHTTP_SSL_CLIENT_CERT_INFO pClientCertInfo;
    ULONG                   SslClientCertNegotiated;
} HTTP_SSL_INFO, *PHTTP_SSL_INFO;

/* Extra request information (HTTP_REQUEST_V2.pRequestInfo) */

typedef enum _HTTP_REQUEST_INFO_TYPE {
    HttpRequestInfoTypeAuth                 = 0,
    HttpRequestInfoTypeChannelBind          = 1,
    HttpRequestInfoTypeSslProtocol          = 2,
    HttpRequestInfoTypeSslTokenBindingDraft = 3,
    HttpRequestInfoTypeSslTokenBinding      = 4,
    HttpRequestInfoTypeRequestTiming        = 5,
    HttpRequestInfoTypeTcpInfoV0            = 6,
    HttpRequestInfoTypeRequestSizing        = 7,
    HttpRequestInfoTypeQuicStats            = 8,
    HttpRequestInfoTypeTcpInfoV1            = 9
} HTTP_REQUEST_INFO_TYPE, *PHTTP_REQUEST_INFO_TYPE;

typedef struct _HTTP_REQUEST_INFO {
    HTTP_REQUEST_INFO_TYPE  InfoType;
    ULONG                   InfoLength;
    PVOID                   pInfo;
} HTTP_REQUEST_INFO, *PHTTP_REQUEST_INFO;

typedef enum _HTTP_AUTH_STATUS {
    HttpAuthStatusSuccess           = 0,
    HttpAuthStatusNotAuthenticated  = 1,
    HttpAuthStatusFailure           = 2
} HTTP_AUTH_STATUS, *PHTTP_AUTH_STATUS;

typedef enum _HTTP_REQUEST_AUTH_TYPE {
    HttpRequestAuthTypeNone         = 0,
    HttpRequestAuthTypeBasic        = 1,
    HttpRequestAuthTypeDigest       = 2,
    HttpRequestAuthTypeNTLM         = 3,
    HttpRequestAuthTypeNegotiate    = 4,
    HttpRequestAuthTypeKerberos     = 5
} HTTP_REQUEST_AUTH_TYPE, *PHTTP_REQUEST_AUTH_TYPE;

/* pInfo of an HttpRequestInfoTypeAuth entry */
typedef struct _HTTP_REQUEST_AUTH_INFO {
    HTTP_AUTH_STATUS        AuthStatus;
    SECURITY_STATUS         SecStatus;
    ULONG                   Flags;
    HTTP_REQUEST_AUTH_TYPE  AuthType;
    HANDLE                  AccessToken;
    ULONG                   ContextAttributes;
    ULONG                   PackedContextLength;
    ULONG                   PackedContextType;
    PVOID                   PackedContext;
    ULONG                   MutualAuthDataLength;
    PCHAR                   pMutualAuthData;
    USHORT                  PackageNameLength;
    PWSTR                   pPackageName;
} HTTP_REQUEST_AUTH_INFO, *PHTTP_REQUEST_AUTH_INFO;

/* Properties a module can ask for with IHttpServer3::QueryRequestProperty */
typedef enum _HTTP_REQUEST_PROPERTY {
    HttpRequestPropertyIsb                          = 0,
    HttpRequestPropertyTcpInfoV0                    = 1,
    HttpRequestPropertyQuicStats                    = 2,
    HttpRequestPropertyTcpInfoV1                    = 3,
    HttpRequestPropertySni                          = 4,
    HttpRequestPropertyStreamError                  = 5,
    HttpRequestPropertyWskApiTimings                = 6,
    HttpRequestPropertyQuicApiTimings               = 7,
    HttpRequestPropertyQuicStatsV2                  = 8,
    HttpRequestPropertyQuicStreamStats              = 9,
    HttpRequestPropertyTcpInfoV2                    = 10,
    HttpRequestPropertyTlsClientHello               = 11,
    HttpRequestPropertyTransportIdleConnectionTimeout = 12,
    HttpRequestPropertyDscpTag                      = 13,
    HttpRequestPropertyTlsCipherInfo                = 14
} HTTP_REQUEST_PROPERTY, *PHTTP_REQUEST_PROPERTY;

/* The request (IHttpRequest::GetRawHttpRequest).
 * C++ derives V2 from V1. C has no inheritance, so V2 starts with an anonymous union of the V1
 * fields (reachable directly, as in C++) and a V1 named `s` (for passing the V1 part on). */

#define __IISSIM_HTTP_REQUEST_V1_FIELDS                                                      \
    ULONG                   Flags;                                                           \
    HTTP_CONNECTION_ID      ConnectionId;                                                    \
    HTTP_REQUEST_ID         RequestId;                                                       \
    HTTP_URL_CONTEXT        UrlContext;                                                      \
    HTTP_VERSION            Version;                                                         \
    HTTP_VERB               Verb;                                                            \
    USHORT                  UnknownVerbLength;                                               \
    USHORT                  RawUrlLength;                                                    \
    PCSTR                   pUnknownVerb;                                                    \
    PCSTR                   pRawUrl;                                                         \
    HTTP_COOKED_URL         CookedUrl;                                                       \
    HTTP_TRANSPORT_ADDRESS  Address;                                                         \
    HTTP_REQUEST_HEADERS    Headers;                                                         \
    ULONGLONG               BytesReceived;                                                   \
    USHORT                  EntityChunkCount;                                                \
    PHTTP_DATA_CHUNK        pEntityChunks;                                                   \
    HTTP_RAW_CONNECTION_ID  RawConnectionId;                                                 \
    PHTTP_SSL_INFO          pSslInfo;

typedef struct _HTTP_REQUEST_V1 {
    __IISSIM_HTTP_REQUEST_V1_FIELDS
} HTTP_REQUEST_V1, *PHTTP_REQUEST_V1;

#ifdef __cplusplus
typedef struct _HTTP_REQUEST_V2 : _HTTP_REQUEST_V1 {
#else
typedef struct _HTTP_REQUEST_V2 {
    __IISSIM_ANONYMOUS union {
        __IISSIM_ANONYMOUS struct {
            __IISSIM_HTTP_REQUEST_V1_FIELDS
        };
        HTTP_REQUEST_V1     s;
    };
#endif
    USHORT                  RequestInfoCount;
    PHTTP_REQUEST_INFO      pRequestInfo;
} HTTP_REQUEST_V2, *PHTTP_REQUEST_V2;

typedef HTTP_REQUEST_V2     HTTP_REQUEST,           *PHTTP_REQUEST;

/* The response (IHttpResponse::GetRawHttpResponse) */

typedef enum _HTTP_RESPONSE_INFO_TYPE {
    HttpResponseInfoTypeMultipleKnownHeaders    = 0,
    HttpResponseInfoTypeAuthenticationProperty  = 1,
    HttpResponseInfoTypeQoSProperty             = 2,
    HttpResponseInfoTypeChannelBind             = 3
} HTTP_RESPONSE_INFO_TYPE, *PHTTP_RESPONSE_INFO_TYPE;

typedef struct _HTTP_RESPONSE_INFO {
    HTTP_RESPONSE_INFO_TYPE Type;
    ULONG                   Length;
    PVOID                   pInfo;
} HTTP_RESPONSE_INFO, *PHTTP_RESPONSE_INFO;

#define __IISSIM_HTTP_RESPONSE_V1_FIELDS                                                     \
    ULONG                   Flags;                                                           \
    HTTP_VERSION            Version;                                                         \
    USHORT                  StatusCode;                                                      \
    USHORT                  ReasonLength;                                                    \
    PCSTR                   pReason;                                                         \
    HTTP_RESPONSE_HEADERS   Headers;                                                         \
    USHORT                  EntityChunkCount;                                                \
    PHTTP_DATA_CHUNK        pEntityChunks;

typedef struct _HTTP_RESPONSE_V1 {
    __IISSIM_HTTP_RESPONSE_V1_FIELDS
} HTTP_RESPONSE_V1, *PHTTP_RESPONSE_V1;

#ifdef __cplusplus
typedef struct _HTTP_RESPONSE_V2 : _HTTP_RESPONSE_V1 {
#else
typedef struct _HTTP_RESPONSE_V2 {
    __IISSIM_ANONYMOUS union {
        __IISSIM_ANONYMOUS struct {
            __IISSIM_HTTP_RESPONSE_V1_FIELDS
        };
        HTTP_RESPONSE_V1    s;
    };
#endif
    USHORT                  ResponseInfoCount;
    PHTTP_RESPONSE_INFO     pResponseInfo;
} HTTP_RESPONSE_V2, *PHTTP_RESPONSE_V2;

typedef HTTP_RESPONSE_V2    HTTP_RESPONSE,          *PHTTP_RESPONSE;

/* Kernel and user-mode output caching (IHttpCachePolicy) */

typedef enum _HTTP_CACHE_POLICY_TYPE {
    HttpCachePolicyNocache          = 0,
    HttpCachePolicyUserInvalidates  = 1,
    HttpCachePolicyTimeToLive       = 2,
    HttpCachePolicyMaximum          = 3
} HTTP_CACHE_POLICY_TYPE, *PHTTP_CACHE_POLICY_TYPE;

typedef struct _HTTP_CACHE_POLICY {
    HTTP_CACHE_POLICY_TYPE  Policy;
    ULONG                   SecondsToLive;
} HTTP_CACHE_POLICY, *PHTTP_CACHE_POLICY;

/* Logging (the log data a module reads or rewrites in OnLogRequest) */

typedef enum _HTTP_LOG_DATA_TYPE {
    HttpLogDataTypeFields           = 0
} HTTP_LOG_DATA_TYPE, *PHTTP_LOG_DATA_TYPE;

typedef struct _HTTP_LOG_DATA {
    HTTP_LOG_DATA_TYPE      Type;
} HTTP_LOG_DATA, *PHTTP_LOG_DATA;

/* Base.Type is HttpLogDataTypeFields. */
typedef struct _HTTP_LOG_FIELDS_DATA {
    HTTP_LOG_DATA           Base;
    USHORT                  UserNameLength;
    USHORT                  UriStemLength;
    USHORT                  ClientIpLength;
    USHORT                  ServerNameLength;
    USHORT                  ServiceNameLength;
    USHORT                  ServerIpLength;
    USHORT                  MethodLength;
    USHORT                  UriQueryLength;
    USHORT                  HostLength;
    USHORT                  UserAgentLength;
    USHORT                  CookieLength;
    USHORT                  ReferrerLength;
    PWCHAR                  UserName;
    PWCHAR                  UriStem;
    PCHAR                   ClientIp;
    PCHAR                   ServerName;
    PCHAR                   ServiceName;
    PCHAR                   ServerIp;
    PCHAR                   Method;
    PCHAR                   UriQuery;
    PCHAR                   Host;
    PCHAR                   UserAgent;
    PCHAR                   Cookie;
    PCHAR                   Referrer;
    USHORT                  ServerPort;
    USHORT                  ProtocolStatus;
    ULONG                   Win32Status;
    HTTP_VERB               MethodNum;
    USHORT                  SubStatus;
} HTTP_LOG_FIELDS_DATA, *PHTTP_LOG_FIELDS_DATA;

/* Layout checks against the 64-bit Windows numbers (the Rust mirror checks every field) */

#ifndef __IISSIM_STATIC_ASSERT
# define __IISSIM_STATIC_ASSERT(cond, msg)
#endif
#define __IISSIM_HTTP_SIZE(type, size) \
    __IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(type) == (size), #type " must be " #size " bytes on 64-bit")

__IISSIM_STATIC_ASSERT(sizeof(HTTP_HEADER_ID) == 4, "enums must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(HTTP_VERB) == 4, "enums must be 4 bytes")
__IISSIM_HTTP_SIZE(HTTP_VERSION, 4)
__IISSIM_HTTP_SIZE(HTTP_BYTE_RANGE, 16)
__IISSIM_HTTP_SIZE(HTTP_KNOWN_HEADER, 16)
__IISSIM_HTTP_SIZE(HTTP_UNKNOWN_HEADER, 24)
__IISSIM_HTTP_SIZE(HTTP_DATA_CHUNK, 32)
__IISSIM_HTTP_SIZE(HTTP_REQUEST_HEADERS, 688)
__IISSIM_HTTP_SIZE(HTTP_RESPONSE_HEADERS, 512)
__IISSIM_HTTP_SIZE(HTTP_MULTIPLE_KNOWN_HEADERS, 24)
__IISSIM_HTTP_SIZE(HTTP_COOKED_URL, 40)
__IISSIM_HTTP_SIZE(HTTP_TRANSPORT_ADDRESS, 16)
__IISSIM_HTTP_SIZE(HTTP_SSL_CLIENT_CERT_INFO, 32)
__IISSIM_HTTP_SIZE(HTTP_SSL_INFO, 48)
__IISSIM_HTTP_SIZE(HTTP_REQUEST_INFO, 16)
__IISSIM_HTTP_SIZE(HTTP_REQUEST_AUTH_INFO, 80)
__IISSIM_HTTP_SIZE(HTTP_REQUEST_V1, 848)
__IISSIM_HTTP_SIZE(HTTP_REQUEST_V2, 864)
__IISSIM_HTTP_SIZE(HTTP_RESPONSE_INFO, 16)
__IISSIM_HTTP_SIZE(HTTP_RESPONSE_V1, 552)
__IISSIM_HTTP_SIZE(HTTP_RESPONSE_V2, 568)
__IISSIM_HTTP_SIZE(HTTP_CACHE_POLICY, 8)
__IISSIM_HTTP_SIZE(HTTP_LOG_DATA, 4)
__IISSIM_HTTP_SIZE(HTTP_LOG_FIELDS_DATA, 144)
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || offsetof(HTTP_REQUEST_V1, Headers) == 120, "HTTP_REQUEST_V1.Headers must be at 120")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || offsetof(HTTP_REQUEST_V1, pSslInfo) == 840, "HTTP_REQUEST_V1.pSslInfo must be at 840")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || offsetof(HTTP_RESPONSE_V1, Headers) == 24, "HTTP_RESPONSE_V1.Headers must be at 24")
__IISSIM_STATIC_ASSERT(offsetof(HTTP_LOG_FIELDS_DATA, ServiceNameLength) == 12, "HTTP_LOG_FIELDS_DATA.ServiceNameLength must be at 12")

#undef __IISSIM_HTTP_SIZE

#endif  /* __HTTP_H__ */
