//! The http.h (HTTP Server API) types that IIS interfaces expose, as `#[repr(C)]` Rust types with
//! the SDK's names: requests, responses, headers, data chunks, cache policy, log fields, and the
//! enums and flags that go with them.
//!
//! C enums are `i32` type aliases plus constants, never Rust enums: a module can hand the host
//! any integer. Sizes and field offsets are those of 64-bit Windows and are checked at compile
//! time below; `tests/http_layout.rs` checks them again against the SDK's `http.h` compiled by
//! the system C++ compiler. Strings are `PCWSTR`, the platform `wchar_t` (see [`crate::types`]).
#![allow(non_upper_case_globals)]

use crate::types::{
    BOOLEAN, CHAR, HANDLE, LONG, PCSTR, PCWSTR, PSOCKADDR, PUCHAR, PVOID, PWSTR, ULARGE_INTEGER, ULONG, ULONGLONG,
    USHORT, WCHAR,
};

/// `PCHAR`: a pointer to narrow characters (not in `types.rs`).
pub type PCHAR = *mut CHAR;
/// `PWCHAR`: a pointer to platform wide characters (not in `types.rs`).
pub type PWCHAR = *mut WCHAR;
/// `SECURITY_STATUS`: an SSPI status, a 32-bit signed value (not in `types.rs`).
pub type SECURITY_STATUS = LONG;

// ---------------------------------------------------------------------------------------------
// Opaque ids, limits and flags
// ---------------------------------------------------------------------------------------------

/// `HTTP_OPAQUE_ID`: an opaque 64-bit id.
pub type HTTP_OPAQUE_ID = ULONGLONG;
/// `HTTP_REQUEST_ID`.
pub type HTTP_REQUEST_ID = HTTP_OPAQUE_ID;
/// `HTTP_CONNECTION_ID`.
pub type HTTP_CONNECTION_ID = HTTP_OPAQUE_ID;
/// `HTTP_RAW_CONNECTION_ID`.
pub type HTTP_RAW_CONNECTION_ID = HTTP_OPAQUE_ID;
/// `HTTP_URL_GROUP_ID`.
pub type HTTP_URL_GROUP_ID = HTTP_OPAQUE_ID;
/// `HTTP_SERVER_SESSION_ID`.
pub type HTTP_SERVER_SESSION_ID = HTTP_OPAQUE_ID;
/// `HTTP_URL_CONTEXT`: the context value registered with a URL.
pub type HTTP_URL_CONTEXT = ULONGLONG;
/// `PHTTP_OPAQUE_ID`.
pub type PHTTP_OPAQUE_ID = *mut HTTP_OPAQUE_ID;
/// `PHTTP_REQUEST_ID`.
pub type PHTTP_REQUEST_ID = *mut HTTP_REQUEST_ID;
/// `PHTTP_CONNECTION_ID`.
pub type PHTTP_CONNECTION_ID = *mut HTTP_CONNECTION_ID;
/// `PHTTP_RAW_CONNECTION_ID`.
pub type PHTTP_RAW_CONNECTION_ID = *mut HTTP_RAW_CONNECTION_ID;
/// `PHTTP_URL_GROUP_ID`.
pub type PHTTP_URL_GROUP_ID = *mut HTTP_URL_GROUP_ID;
/// `PHTTP_SERVER_SESSION_ID`.
pub type PHTTP_SERVER_SESSION_ID = *mut HTTP_SERVER_SESSION_ID;

/// `HTTP_NULL_ID`: no id.
pub const HTTP_NULL_ID: HTTP_OPAQUE_ID = 0;
/// `HTTP_BYTE_RANGE_TO_EOF`: as `HTTP_BYTE_RANGE::Length`, "up to the end of the file".
pub const HTTP_BYTE_RANGE_TO_EOF: ULONGLONG = ULONGLONG::MAX;

/// `HTTP_REQUEST::Flags`: more entity body is waiting to be read.
pub const HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS: ULONG = 0x1;
/// `HTTP_REQUEST::Flags`: the request was routed through an IP route.
pub const HTTP_REQUEST_FLAG_IP_ROUTED: ULONG = 0x2;
/// `HTTP_REQUEST::Flags`: the request came over HTTP/2.
pub const HTTP_REQUEST_FLAG_HTTP2: ULONG = 0x4;
/// `HTTP_REQUEST::Flags`: the request came over HTTP/3.
pub const HTTP_REQUEST_FLAG_HTTP3: ULONG = 0x8;

/// `HTTP_RESPONSE::Flags`: several content encodings are available.
pub const HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE: ULONG = 0x1;
/// `HTTP_RESPONSE::Flags`: more entity body follows.
pub const HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS: ULONG = 0x2;

/// Send-response flag (`ISendResponseProvider::GetFlags`/`SetFlags`): close the connection after sending.
pub const HTTP_SEND_RESPONSE_FLAG_DISCONNECT: ULONG = 0x1;
/// Send-response flag: more data follows.
pub const HTTP_SEND_RESPONSE_FLAG_MORE_DATA: ULONG = 0x2;
/// Send-response flag: buffer the data.
pub const HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA: ULONG = 0x4;
/// Send-response flag: allow Nagling.
pub const HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING: ULONG = 0x8;
/// Send-response flag: process `Range` requests.
pub const HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES: ULONG = 0x20;
/// Send-response flag: opaque (upgraded) connection.
pub const HTTP_SEND_RESPONSE_FLAG_OPAQUE: ULONG = 0x40;
/// Send-response flag: send an HTTP/2 GOAWAY.
pub const HTTP_SEND_RESPONSE_FLAG_GOAWAY: ULONG = 0x100;

// ---------------------------------------------------------------------------------------------
// HTTP_VERSION
// ---------------------------------------------------------------------------------------------

/// `HTTP_VERSION`: the protocol version of a request or response.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct HTTP_VERSION {
    /// Major version.
    pub MajorVersion: USHORT,
    /// Minor version.
    pub MinorVersion: USHORT,
}
/// `PHTTP_VERSION`.
pub type PHTTP_VERSION = *mut HTTP_VERSION;

/// `HTTP_VERSION_UNKNOWN` (0.0).
pub const HTTP_VERSION_UNKNOWN: HTTP_VERSION = HTTP_VERSION { MajorVersion: 0, MinorVersion: 0 };
/// `HTTP_VERSION_0_9`.
pub const HTTP_VERSION_0_9: HTTP_VERSION = HTTP_VERSION { MajorVersion: 0, MinorVersion: 9 };
/// `HTTP_VERSION_1_0`.
pub const HTTP_VERSION_1_0: HTTP_VERSION = HTTP_VERSION { MajorVersion: 1, MinorVersion: 0 };
/// `HTTP_VERSION_1_1`.
pub const HTTP_VERSION_1_1: HTTP_VERSION = HTTP_VERSION { MajorVersion: 1, MinorVersion: 1 };
/// `HTTP_VERSION_2_0`.
pub const HTTP_VERSION_2_0: HTTP_VERSION = HTTP_VERSION { MajorVersion: 2, MinorVersion: 0 };
/// `HTTP_VERSION_3_0`.
pub const HTTP_VERSION_3_0: HTTP_VERSION = HTTP_VERSION { MajorVersion: 3, MinorVersion: 0 };

// ---------------------------------------------------------------------------------------------
// HTTP_VERB
// ---------------------------------------------------------------------------------------------

/// `HTTP_VERB` (a C enum, 4 bytes). For [`HttpVerbUnknown`] the text is in `pUnknownVerb`.
pub type HTTP_VERB = i32;
/// `PHTTP_VERB`.
pub type PHTTP_VERB = *mut HTTP_VERB;
/// Not parsed.
pub const HttpVerbUnparsed: HTTP_VERB = 0;
/// A verb without its own value; see `pUnknownVerb`.
pub const HttpVerbUnknown: HTTP_VERB = 1;
/// Not a valid verb.
pub const HttpVerbInvalid: HTTP_VERB = 2;
/// `OPTIONS`.
pub const HttpVerbOPTIONS: HTTP_VERB = 3;
/// `GET`.
pub const HttpVerbGET: HTTP_VERB = 4;
/// `HEAD`.
pub const HttpVerbHEAD: HTTP_VERB = 5;
/// `POST`.
pub const HttpVerbPOST: HTTP_VERB = 6;
/// `PUT`.
pub const HttpVerbPUT: HTTP_VERB = 7;
/// `DELETE`.
pub const HttpVerbDELETE: HTTP_VERB = 8;
/// `TRACE`.
pub const HttpVerbTRACE: HTTP_VERB = 9;
/// `CONNECT`.
pub const HttpVerbCONNECT: HTTP_VERB = 10;
/// `TRACK`.
pub const HttpVerbTRACK: HTTP_VERB = 11;
/// `MOVE`.
pub const HttpVerbMOVE: HTTP_VERB = 12;
/// `COPY`.
pub const HttpVerbCOPY: HTTP_VERB = 13;
/// `PROPFIND`.
pub const HttpVerbPROPFIND: HTTP_VERB = 14;
/// `PROPPATCH`.
pub const HttpVerbPROPPATCH: HTTP_VERB = 15;
/// `MKCOL`.
pub const HttpVerbMKCOL: HTTP_VERB = 16;
/// `LOCK`.
pub const HttpVerbLOCK: HTTP_VERB = 17;
/// `UNLOCK`.
pub const HttpVerbUNLOCK: HTTP_VERB = 18;
/// `SEARCH`.
pub const HttpVerbSEARCH: HTTP_VERB = 19;
/// One past the last verb.
pub const HttpVerbMaximum: HTTP_VERB = 20;

// ---------------------------------------------------------------------------------------------
// HTTP_HEADER_ID
// ---------------------------------------------------------------------------------------------

/// `HTTP_HEADER_ID` (a C enum, 4 bytes): the index into `KnownHeaders`. Ids 0–19 name the same
/// header in requests and responses; 20–29 name different headers, so the response names are
/// second names for the same values.
pub type HTTP_HEADER_ID = i32;
/// `PHTTP_HEADER_ID`.
pub type PHTTP_HEADER_ID = *mut HTTP_HEADER_ID;
/// `Cache-Control`.
pub const HttpHeaderCacheControl: HTTP_HEADER_ID = 0;
/// `Connection`.
pub const HttpHeaderConnection: HTTP_HEADER_ID = 1;
/// `Date`.
pub const HttpHeaderDate: HTTP_HEADER_ID = 2;
/// `Keep-Alive`.
pub const HttpHeaderKeepAlive: HTTP_HEADER_ID = 3;
/// `Pragma`.
pub const HttpHeaderPragma: HTTP_HEADER_ID = 4;
/// `Trailer`.
pub const HttpHeaderTrailer: HTTP_HEADER_ID = 5;
/// `Transfer-Encoding`.
pub const HttpHeaderTransferEncoding: HTTP_HEADER_ID = 6;
/// `Upgrade`.
pub const HttpHeaderUpgrade: HTTP_HEADER_ID = 7;
/// `Via`.
pub const HttpHeaderVia: HTTP_HEADER_ID = 8;
/// `Warning`.
pub const HttpHeaderWarning: HTTP_HEADER_ID = 9;
/// `Allow`.
pub const HttpHeaderAllow: HTTP_HEADER_ID = 10;
/// `Content-Length`.
pub const HttpHeaderContentLength: HTTP_HEADER_ID = 11;
/// `Content-Type`.
pub const HttpHeaderContentType: HTTP_HEADER_ID = 12;
/// `Content-Encoding`.
pub const HttpHeaderContentEncoding: HTTP_HEADER_ID = 13;
/// `Content-Language`.
pub const HttpHeaderContentLanguage: HTTP_HEADER_ID = 14;
/// `Content-Location`.
pub const HttpHeaderContentLocation: HTTP_HEADER_ID = 15;
/// `Content-MD5`.
pub const HttpHeaderContentMd5: HTTP_HEADER_ID = 16;
/// `Content-Range`.
pub const HttpHeaderContentRange: HTTP_HEADER_ID = 17;
/// `Expires`.
pub const HttpHeaderExpires: HTTP_HEADER_ID = 18;
/// `Last-Modified`.
pub const HttpHeaderLastModified: HTTP_HEADER_ID = 19;
/// Request: `Accept`.
pub const HttpHeaderAccept: HTTP_HEADER_ID = 20;
/// Request: `Accept-Charset`.
pub const HttpHeaderAcceptCharset: HTTP_HEADER_ID = 21;
/// Request: `Accept-Encoding`.
pub const HttpHeaderAcceptEncoding: HTTP_HEADER_ID = 22;
/// Request: `Accept-Language`.
pub const HttpHeaderAcceptLanguage: HTTP_HEADER_ID = 23;
/// Request: `Authorization`.
pub const HttpHeaderAuthorization: HTTP_HEADER_ID = 24;
/// Request: `Cookie`.
pub const HttpHeaderCookie: HTTP_HEADER_ID = 25;
/// Request: `Expect`.
pub const HttpHeaderExpect: HTTP_HEADER_ID = 26;
/// Request: `From`.
pub const HttpHeaderFrom: HTTP_HEADER_ID = 27;
/// Request: `Host`.
pub const HttpHeaderHost: HTTP_HEADER_ID = 28;
/// Request: `If-Match`.
pub const HttpHeaderIfMatch: HTTP_HEADER_ID = 29;
/// Request: `If-Modified-Since`.
pub const HttpHeaderIfModifiedSince: HTTP_HEADER_ID = 30;
/// Request: `If-None-Match`.
pub const HttpHeaderIfNoneMatch: HTTP_HEADER_ID = 31;
/// Request: `If-Range`.
pub const HttpHeaderIfRange: HTTP_HEADER_ID = 32;
/// Request: `If-Unmodified-Since`.
pub const HttpHeaderIfUnmodifiedSince: HTTP_HEADER_ID = 33;
/// Request: `Max-Forwards`.
pub const HttpHeaderMaxForwards: HTTP_HEADER_ID = 34;
/// Request: `Proxy-Authorization`.
pub const HttpHeaderProxyAuthorization: HTTP_HEADER_ID = 35;
/// Request: `Referer`.
pub const HttpHeaderReferer: HTTP_HEADER_ID = 36;
/// Request: `Range`.
pub const HttpHeaderRange: HTTP_HEADER_ID = 37;
/// Request: `TE`.
pub const HttpHeaderTe: HTTP_HEADER_ID = 38;
/// Request: `Translate`.
pub const HttpHeaderTranslate: HTTP_HEADER_ID = 39;
/// Request: `User-Agent`.
pub const HttpHeaderUserAgent: HTTP_HEADER_ID = 40;
/// The number of known request headers (the length of `HTTP_REQUEST_HEADERS::KnownHeaders`).
pub const HttpHeaderRequestMaximum: HTTP_HEADER_ID = 41;
/// Response: `Accept-Ranges` (the value of the request's `Accept`).
pub const HttpHeaderAcceptRanges: HTTP_HEADER_ID = 20;
/// Response: `Age`.
pub const HttpHeaderAge: HTTP_HEADER_ID = 21;
/// Response: `ETag`.
pub const HttpHeaderEtag: HTTP_HEADER_ID = 22;
/// Response: `Location`.
pub const HttpHeaderLocation: HTTP_HEADER_ID = 23;
/// Response: `Proxy-Authenticate`.
pub const HttpHeaderProxyAuthenticate: HTTP_HEADER_ID = 24;
/// Response: `Retry-After`.
pub const HttpHeaderRetryAfter: HTTP_HEADER_ID = 25;
/// Response: `Server`.
pub const HttpHeaderServer: HTTP_HEADER_ID = 26;
/// Response: `Set-Cookie`.
pub const HttpHeaderSetCookie: HTTP_HEADER_ID = 27;
/// Response: `Vary`.
pub const HttpHeaderVary: HTTP_HEADER_ID = 28;
/// Response: `WWW-Authenticate`.
pub const HttpHeaderWwwAuthenticate: HTTP_HEADER_ID = 29;
/// The number of known response headers (the length of `HTTP_RESPONSE_HEADERS::KnownHeaders`).
pub const HttpHeaderResponseMaximum: HTTP_HEADER_ID = 30;
/// The larger of the two maxima.
pub const HttpHeaderMaximum: HTTP_HEADER_ID = 41;

/// The wire name of each request header id, in id order (`REQUEST_HEADER_NAMES[HttpHeaderHost]` is `Host`).
pub const REQUEST_HEADER_NAMES: [&str; HttpHeaderRequestMaximum as usize] = [
    "Cache-Control",
    "Connection",
    "Date",
    "Keep-Alive",
    "Pragma",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
    "Warning",
    "Allow",
    "Content-Length",
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "Content-Location",
    "Content-MD5",
    "Content-Range",
    "Expires",
    "Last-Modified",
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "Cookie",
    "Expect",
    "From",
    "Host",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Max-Forwards",
    "Proxy-Authorization",
    "Referer",
    "Range",
    "TE",
    "Translate",
    "User-Agent",
];

/// The wire name of each response header id, in id order (`RESPONSE_HEADER_NAMES[HttpHeaderServer]` is `Server`).
pub const RESPONSE_HEADER_NAMES: [&str; HttpHeaderResponseMaximum as usize] = [
    "Cache-Control",
    "Connection",
    "Date",
    "Keep-Alive",
    "Pragma",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
    "Warning",
    "Allow",
    "Content-Length",
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "Content-Location",
    "Content-MD5",
    "Content-Range",
    "Expires",
    "Last-Modified",
    "Accept-Ranges",
    "Age",
    "ETag",
    "Location",
    "Proxy-Authenticate",
    "Retry-After",
    "Server",
    "Set-Cookie",
    "Vary",
    "WWW-Authenticate",
];

// ---------------------------------------------------------------------------------------------
// Data chunks
// ---------------------------------------------------------------------------------------------

/// `HTTP_DATA_CHUNK_TYPE` (a C enum, 4 bytes): which member of a data chunk's union is valid.
pub type HTTP_DATA_CHUNK_TYPE = i32;
/// `PHTTP_DATA_CHUNK_TYPE`.
pub type PHTTP_DATA_CHUNK_TYPE = *mut HTTP_DATA_CHUNK_TYPE;
/// Bytes in memory ([`HTTP_DATA_CHUNK_UNION::FromMemory`]).
pub const HttpDataChunkFromMemory: HTTP_DATA_CHUNK_TYPE = 0;
/// A range of an open file ([`HTTP_DATA_CHUNK_UNION::FromFileHandle`]).
pub const HttpDataChunkFromFileHandle: HTTP_DATA_CHUNK_TYPE = 1;
/// A fragment cache entry ([`HTTP_DATA_CHUNK_UNION::FromFragmentCache`]).
pub const HttpDataChunkFromFragmentCache: HTTP_DATA_CHUNK_TYPE = 2;
/// A range of a fragment cache entry ([`HTTP_DATA_CHUNK_UNION::FromFragmentCacheEx`]).
pub const HttpDataChunkFromFragmentCacheEx: HTTP_DATA_CHUNK_TYPE = 3;
/// Trailers ([`HTTP_DATA_CHUNK_UNION::Trailers`]).
pub const HttpDataChunkTrailers: HTTP_DATA_CHUNK_TYPE = 4;
/// One past the last chunk type.
pub const HttpDataChunkMaximum: HTTP_DATA_CHUNK_TYPE = 5;

/// `HTTP_BYTE_RANGE`: a byte range of a file; a `Length` of [`HTTP_BYTE_RANGE_TO_EOF`] runs to the end.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct HTTP_BYTE_RANGE {
    /// First byte.
    pub StartingOffset: ULARGE_INTEGER,
    /// Number of bytes.
    pub Length: ULARGE_INTEGER,
}
/// `PHTTP_BYTE_RANGE`.
pub type PHTTP_BYTE_RANGE = *mut HTTP_BYTE_RANGE;

/// The `FromMemory` member of a data chunk.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_DATA_CHUNK_FROM_MEMORY {
    /// The bytes.
    pub pBuffer: PVOID,
    /// Their number.
    pub BufferLength: ULONG,
}

/// The `FromFileHandle` member of a data chunk.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_DATA_CHUNK_FROM_FILE_HANDLE {
    /// The range of the file.
    pub ByteRange: HTTP_BYTE_RANGE,
    /// The open file.
    pub FileHandle: HANDLE,
}

/// The `FromFragmentCache` member of a data chunk.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE {
    /// Length of the fragment name.
    pub FragmentNameLength: USHORT,
    /// The fragment name.
    pub pFragmentName: PCWSTR,
}

/// The `FromFragmentCacheEx` member of a data chunk.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX {
    /// The range of the fragment.
    pub ByteRange: HTTP_BYTE_RANGE,
    /// The fragment name (NUL-terminated).
    pub pFragmentName: PCWSTR,
}

/// The `Trailers` member of a data chunk.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_DATA_CHUNK_TRAILERS {
    /// Number of trailers.
    pub TrailerCount: USHORT,
    /// The trailers.
    pub pTrailers: PHTTP_UNKNOWN_HEADER,
}

/// The anonymous union of `HTTP_DATA_CHUNK` (C reaches its members directly, as `chunk.FromMemory`).
#[repr(C)]
#[derive(Clone, Copy)]
pub union HTTP_DATA_CHUNK_UNION {
    /// Valid for [`HttpDataChunkFromMemory`].
    pub FromMemory: HTTP_DATA_CHUNK_FROM_MEMORY,
    /// Valid for [`HttpDataChunkFromFileHandle`].
    pub FromFileHandle: HTTP_DATA_CHUNK_FROM_FILE_HANDLE,
    /// Valid for [`HttpDataChunkFromFragmentCache`].
    pub FromFragmentCache: HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE,
    /// Valid for [`HttpDataChunkFromFragmentCacheEx`].
    pub FromFragmentCacheEx: HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX,
    /// Valid for [`HttpDataChunkTrailers`].
    pub Trailers: HTTP_DATA_CHUNK_TRAILERS,
}

/// `HTTP_DATA_CHUNK`: one piece of an entity body; `DataChunkType` says which union member is valid.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK {
    /// Selects the valid member of `Anonymous`.
    pub DataChunkType: HTTP_DATA_CHUNK_TYPE,
    /// The C header's anonymous union.
    pub Anonymous: HTTP_DATA_CHUNK_UNION,
}
/// `PHTTP_DATA_CHUNK`.
pub type PHTTP_DATA_CHUNK = *mut HTTP_DATA_CHUNK;

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

/// `HTTP_KNOWN_HEADER`: a header value, counted (not NUL-terminated).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_KNOWN_HEADER {
    /// Length of the value in bytes.
    pub RawValueLength: USHORT,
    /// The value.
    pub pRawValue: PCSTR,
}
/// `PHTTP_KNOWN_HEADER`.
pub type PHTTP_KNOWN_HEADER = *mut HTTP_KNOWN_HEADER;

/// `HTTP_UNKNOWN_HEADER`: a header without an id, name and value counted.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_UNKNOWN_HEADER {
    /// Length of the name in bytes.
    pub NameLength: USHORT,
    /// Length of the value in bytes.
    pub RawValueLength: USHORT,
    /// The name.
    pub pName: PCSTR,
    /// The value.
    pub pRawValue: PCSTR,
}
/// `PHTTP_UNKNOWN_HEADER`.
pub type PHTTP_UNKNOWN_HEADER = *mut HTTP_UNKNOWN_HEADER;

/// `HTTP_REQUEST_HEADERS`: the headers of a request.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_HEADERS {
    /// Number of entries in `pUnknownHeaders`.
    pub UnknownHeaderCount: USHORT,
    /// Headers without an id.
    pub pUnknownHeaders: PHTTP_UNKNOWN_HEADER,
    /// Reserved, 0.
    pub TrailerCount: USHORT,
    /// Reserved, null.
    pub pTrailers: PHTTP_UNKNOWN_HEADER,
    /// Headers by request [`HTTP_HEADER_ID`].
    pub KnownHeaders: [HTTP_KNOWN_HEADER; HttpHeaderRequestMaximum as usize],
}
/// `PHTTP_REQUEST_HEADERS`.
pub type PHTTP_REQUEST_HEADERS = *mut HTTP_REQUEST_HEADERS;

/// `HTTP_RESPONSE_HEADERS`: the headers of a response.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_RESPONSE_HEADERS {
    /// Number of entries in `pUnknownHeaders`.
    pub UnknownHeaderCount: USHORT,
    /// Headers without an id.
    pub pUnknownHeaders: PHTTP_UNKNOWN_HEADER,
    /// Reserved, 0.
    pub TrailerCount: USHORT,
    /// Reserved, null.
    pub pTrailers: PHTTP_UNKNOWN_HEADER,
    /// Headers by response [`HTTP_HEADER_ID`].
    pub KnownHeaders: [HTTP_KNOWN_HEADER; HttpHeaderResponseMaximum as usize],
}
/// `PHTTP_RESPONSE_HEADERS`.
pub type PHTTP_RESPONSE_HEADERS = *mut HTTP_RESPONSE_HEADERS;

/// `HTTP_MULTIPLE_KNOWN_HEADERS`: several values of one known header
/// (`pInfo` of [`HttpResponseInfoTypeMultipleKnownHeaders`]).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_MULTIPLE_KNOWN_HEADERS {
    /// The header.
    pub HeaderId: HTTP_HEADER_ID,
    /// Flags.
    pub Flags: ULONG,
    /// Number of values.
    pub KnownHeaderCount: USHORT,
    /// The values.
    pub KnownHeaders: PHTTP_KNOWN_HEADER,
}
/// `PHTTP_MULTIPLE_KNOWN_HEADERS`.
pub type PHTTP_MULTIPLE_KNOWN_HEADERS = *mut HTTP_MULTIPLE_KNOWN_HEADERS;

// ---------------------------------------------------------------------------------------------
// URL, addresses, TLS
// ---------------------------------------------------------------------------------------------

/// `HTTP_COOKED_URL`: the request URL split into parts, as wide strings.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_COOKED_URL {
    /// Length of `pFullUrl`.
    pub FullUrlLength: USHORT,
    /// Length of `pHost`.
    pub HostLength: USHORT,
    /// Length of `pAbsPath`.
    pub AbsPathLength: USHORT,
    /// Length of `pQueryString`.
    pub QueryStringLength: USHORT,
    /// The whole URL.
    pub pFullUrl: PCWSTR,
    /// The host part (points into `pFullUrl`).
    pub pHost: PCWSTR,
    /// The absolute path (points into `pFullUrl`).
    pub pAbsPath: PCWSTR,
    /// The query string with its `?` (points into `pFullUrl`), or null.
    pub pQueryString: PCWSTR,
}
/// `PHTTP_COOKED_URL`.
pub type PHTTP_COOKED_URL = *mut HTTP_COOKED_URL;

/// `HTTP_TRANSPORT_ADDRESS`: the two ends of the connection.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_TRANSPORT_ADDRESS {
    /// The client.
    pub pRemoteAddress: PSOCKADDR,
    /// The server.
    pub pLocalAddress: PSOCKADDR,
}
/// `PHTTP_TRANSPORT_ADDRESS`.
pub type PHTTP_TRANSPORT_ADDRESS = *mut HTTP_TRANSPORT_ADDRESS;

/// `HTTP_SSL_CLIENT_CERT_INFO`: the client certificate of a TLS connection.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SSL_CLIENT_CERT_INFO {
    /// Certificate flags.
    pub CertFlags: ULONG,
    /// Size of `pCertEncoded`.
    pub CertEncodedSize: ULONG,
    /// The encoded certificate.
    pub pCertEncoded: PUCHAR,
    /// The token the certificate mapped to.
    pub Token: HANDLE,
    /// The mapper denied the certificate.
    pub CertDeniedByMapper: BOOLEAN,
}
/// `PHTTP_SSL_CLIENT_CERT_INFO`.
pub type PHTTP_SSL_CLIENT_CERT_INFO = *mut HTTP_SSL_CLIENT_CERT_INFO;

/// `HTTP_SSL_INFO`: the TLS details of a connection.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SSL_INFO {
    /// Server certificate key size.
    pub ServerCertKeySize: USHORT,
    /// Connection key size.
    pub ConnectionKeySize: USHORT,
    /// Size of `pServerCertIssuer`.
    pub ServerCertIssuerSize: ULONG,
    /// Size of `pServerCertSubject`.
    pub ServerCertSubjectSize: ULONG,
    /// Issuer of the server certificate.
    pub pServerCertIssuer: PCSTR,
    /// Subject of the server certificate.
    pub pServerCertSubject: PCSTR,
    /// The client certificate, if negotiated.
    pub pClientCertInfo: PHTTP_SSL_CLIENT_CERT_INFO,
    /// Non-zero when a client certificate was negotiated.
    pub SslClientCertNegotiated: ULONG,
}
/// `PHTTP_SSL_INFO`.
pub type PHTTP_SSL_INFO = *mut HTTP_SSL_INFO;

// ---------------------------------------------------------------------------------------------
// Request information
// ---------------------------------------------------------------------------------------------

/// `HTTP_REQUEST_INFO_TYPE` (a C enum, 4 bytes): the kind of an `HTTP_REQUEST_INFO` entry.
pub type HTTP_REQUEST_INFO_TYPE = i32;
/// `PHTTP_REQUEST_INFO_TYPE`.
pub type PHTTP_REQUEST_INFO_TYPE = *mut HTTP_REQUEST_INFO_TYPE;
/// `pInfo` is an [`HTTP_REQUEST_AUTH_INFO`].
pub const HttpRequestInfoTypeAuth: HTTP_REQUEST_INFO_TYPE = 0;
/// Channel binding.
pub const HttpRequestInfoTypeChannelBind: HTTP_REQUEST_INFO_TYPE = 1;
/// TLS protocol.
pub const HttpRequestInfoTypeSslProtocol: HTTP_REQUEST_INFO_TYPE = 2;
/// TLS token binding (draft).
pub const HttpRequestInfoTypeSslTokenBindingDraft: HTTP_REQUEST_INFO_TYPE = 3;
/// TLS token binding.
pub const HttpRequestInfoTypeSslTokenBinding: HTTP_REQUEST_INFO_TYPE = 4;
/// Request timing.
pub const HttpRequestInfoTypeRequestTiming: HTTP_REQUEST_INFO_TYPE = 5;
/// TCP information, version 0.
pub const HttpRequestInfoTypeTcpInfoV0: HTTP_REQUEST_INFO_TYPE = 6;
/// Request sizing.
pub const HttpRequestInfoTypeRequestSizing: HTTP_REQUEST_INFO_TYPE = 7;
/// QUIC statistics.
pub const HttpRequestInfoTypeQuicStats: HTTP_REQUEST_INFO_TYPE = 8;
/// TCP information, version 1.
pub const HttpRequestInfoTypeTcpInfoV1: HTTP_REQUEST_INFO_TYPE = 9;

/// `HTTP_REQUEST_INFO`: one entry of `HTTP_REQUEST_V2::pRequestInfo`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_INFO {
    /// What `pInfo` points to.
    pub InfoType: HTTP_REQUEST_INFO_TYPE,
    /// Size of `*pInfo`.
    pub InfoLength: ULONG,
    /// The information.
    pub pInfo: PVOID,
}
/// `PHTTP_REQUEST_INFO`.
pub type PHTTP_REQUEST_INFO = *mut HTTP_REQUEST_INFO;

/// `HTTP_AUTH_STATUS` (a C enum, 4 bytes).
pub type HTTP_AUTH_STATUS = i32;
/// `PHTTP_AUTH_STATUS`.
pub type PHTTP_AUTH_STATUS = *mut HTTP_AUTH_STATUS;
/// Authenticated.
pub const HttpAuthStatusSuccess: HTTP_AUTH_STATUS = 0;
/// No authentication was attempted.
pub const HttpAuthStatusNotAuthenticated: HTTP_AUTH_STATUS = 1;
/// Authentication failed.
pub const HttpAuthStatusFailure: HTTP_AUTH_STATUS = 2;

/// `HTTP_REQUEST_AUTH_TYPE` (a C enum, 4 bytes).
pub type HTTP_REQUEST_AUTH_TYPE = i32;
/// `PHTTP_REQUEST_AUTH_TYPE`.
pub type PHTTP_REQUEST_AUTH_TYPE = *mut HTTP_REQUEST_AUTH_TYPE;
/// None.
pub const HttpRequestAuthTypeNone: HTTP_REQUEST_AUTH_TYPE = 0;
/// Basic.
pub const HttpRequestAuthTypeBasic: HTTP_REQUEST_AUTH_TYPE = 1;
/// Digest.
pub const HttpRequestAuthTypeDigest: HTTP_REQUEST_AUTH_TYPE = 2;
/// NTLM.
pub const HttpRequestAuthTypeNTLM: HTTP_REQUEST_AUTH_TYPE = 3;
/// Negotiate.
pub const HttpRequestAuthTypeNegotiate: HTTP_REQUEST_AUTH_TYPE = 4;
/// Kerberos.
pub const HttpRequestAuthTypeKerberos: HTTP_REQUEST_AUTH_TYPE = 5;

/// `HTTP_REQUEST_AUTH_INFO`: `pInfo` of [`HttpRequestInfoTypeAuth`] (the current SDK form, with
/// `PackageNameLength`/`pPackageName`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_AUTH_INFO {
    /// Outcome.
    pub AuthStatus: HTTP_AUTH_STATUS,
    /// SSPI status.
    pub SecStatus: SECURITY_STATUS,
    /// Flags.
    pub Flags: ULONG,
    /// Scheme.
    pub AuthType: HTTP_REQUEST_AUTH_TYPE,
    /// The user's token.
    pub AccessToken: HANDLE,
    /// SSPI context attributes.
    pub ContextAttributes: ULONG,
    /// Size of `PackedContext`.
    pub PackedContextLength: ULONG,
    /// Type of `PackedContext`.
    pub PackedContextType: ULONG,
    /// The packed security context.
    pub PackedContext: PVOID,
    /// Size of `pMutualAuthData`.
    pub MutualAuthDataLength: ULONG,
    /// Mutual authentication data.
    pub pMutualAuthData: PCHAR,
    /// Length of `pPackageName`.
    pub PackageNameLength: USHORT,
    /// The security package.
    pub pPackageName: PWSTR,
}
/// `PHTTP_REQUEST_AUTH_INFO`.
pub type PHTTP_REQUEST_AUTH_INFO = *mut HTTP_REQUEST_AUTH_INFO;

/// `HTTP_REQUEST_PROPERTY` (a C enum, 4 bytes): what `IHttpServer3::QueryRequestProperty` asks for.
pub type HTTP_REQUEST_PROPERTY = i32;
/// `PHTTP_REQUEST_PROPERTY`.
pub type PHTTP_REQUEST_PROPERTY = *mut HTTP_REQUEST_PROPERTY;
/// Ideal send backlog.
pub const HttpRequestPropertyIsb: HTTP_REQUEST_PROPERTY = 0;
/// TCP information, version 0.
pub const HttpRequestPropertyTcpInfoV0: HTTP_REQUEST_PROPERTY = 1;
/// QUIC statistics.
pub const HttpRequestPropertyQuicStats: HTTP_REQUEST_PROPERTY = 2;
/// TCP information, version 1.
pub const HttpRequestPropertyTcpInfoV1: HTTP_REQUEST_PROPERTY = 3;
/// TLS server name indication.
pub const HttpRequestPropertySni: HTTP_REQUEST_PROPERTY = 4;
/// Stream error.
pub const HttpRequestPropertyStreamError: HTTP_REQUEST_PROPERTY = 5;
/// WSK API timings.
pub const HttpRequestPropertyWskApiTimings: HTTP_REQUEST_PROPERTY = 6;
/// QUIC API timings.
pub const HttpRequestPropertyQuicApiTimings: HTTP_REQUEST_PROPERTY = 7;
/// QUIC statistics, version 2 (newest SDK).
pub const HttpRequestPropertyQuicStatsV2: HTTP_REQUEST_PROPERTY = 8;
/// QUIC stream statistics (newest SDK).
pub const HttpRequestPropertyQuicStreamStats: HTTP_REQUEST_PROPERTY = 9;
/// TCP information, version 2 (newest SDK).
pub const HttpRequestPropertyTcpInfoV2: HTTP_REQUEST_PROPERTY = 10;
/// The TLS ClientHello (newest SDK).
pub const HttpRequestPropertyTlsClientHello: HTTP_REQUEST_PROPERTY = 11;
/// Transport idle connection timeout (newest SDK).
pub const HttpRequestPropertyTransportIdleConnectionTimeout: HTTP_REQUEST_PROPERTY = 12;
/// DSCP tag (newest SDK).
pub const HttpRequestPropertyDscpTag: HTTP_REQUEST_PROPERTY = 13;
/// TLS cipher information (newest SDK).
pub const HttpRequestPropertyTlsCipherInfo: HTTP_REQUEST_PROPERTY = 14;

// ---------------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------------

/// `HTTP_REQUEST_V1`: a parsed request.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_V1 {
    /// `HTTP_REQUEST_FLAG_*`.
    pub Flags: ULONG,
    /// The connection.
    pub ConnectionId: HTTP_CONNECTION_ID,
    /// The request.
    pub RequestId: HTTP_REQUEST_ID,
    /// The URL context.
    pub UrlContext: HTTP_URL_CONTEXT,
    /// Protocol version.
    pub Version: HTTP_VERSION,
    /// The verb.
    pub Verb: HTTP_VERB,
    /// Length of `pUnknownVerb`.
    pub UnknownVerbLength: USHORT,
    /// Length of `pRawUrl`.
    pub RawUrlLength: USHORT,
    /// The verb text when `Verb` is [`HttpVerbUnknown`].
    pub pUnknownVerb: PCSTR,
    /// The URL as sent.
    pub pRawUrl: PCSTR,
    /// The URL split into parts.
    pub CookedUrl: HTTP_COOKED_URL,
    /// Both ends of the connection.
    pub Address: HTTP_TRANSPORT_ADDRESS,
    /// The headers.
    pub Headers: HTTP_REQUEST_HEADERS,
    /// Bytes received so far.
    pub BytesReceived: ULONGLONG,
    /// Number of entries in `pEntityChunks`.
    pub EntityChunkCount: USHORT,
    /// Entity body already read.
    pub pEntityChunks: PHTTP_DATA_CHUNK,
    /// The raw connection.
    pub RawConnectionId: HTTP_RAW_CONNECTION_ID,
    /// TLS details, or null.
    pub pSslInfo: PHTTP_SSL_INFO,
}
/// `PHTTP_REQUEST_V1`.
pub type PHTTP_REQUEST_V1 = *mut HTTP_REQUEST_V1;

/// `HTTP_REQUEST_V2`: V1 plus request information (C++ derives it from V1).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_V2 {
    /// The V1 part (C++ base class).
    pub Base: HTTP_REQUEST_V1,
    /// Number of entries in `pRequestInfo`.
    pub RequestInfoCount: USHORT,
    /// Extra information.
    pub pRequestInfo: PHTTP_REQUEST_INFO,
}
/// `PHTTP_REQUEST_V2`.
pub type PHTTP_REQUEST_V2 = *mut HTTP_REQUEST_V2;
/// `HTTP_REQUEST`: always V2 for IIS; `IHttpRequest::GetRawHttpRequest` returns it.
pub type HTTP_REQUEST = HTTP_REQUEST_V2;
/// `PHTTP_REQUEST`.
pub type PHTTP_REQUEST = *mut HTTP_REQUEST;

// ---------------------------------------------------------------------------------------------
// The response
// ---------------------------------------------------------------------------------------------

/// `HTTP_RESPONSE_INFO_TYPE` (a C enum, 4 bytes): the kind of an `HTTP_RESPONSE_INFO` entry.
pub type HTTP_RESPONSE_INFO_TYPE = i32;
/// `PHTTP_RESPONSE_INFO_TYPE`.
pub type PHTTP_RESPONSE_INFO_TYPE = *mut HTTP_RESPONSE_INFO_TYPE;
/// `pInfo` is an [`HTTP_MULTIPLE_KNOWN_HEADERS`].
pub const HttpResponseInfoTypeMultipleKnownHeaders: HTTP_RESPONSE_INFO_TYPE = 0;
/// Authentication property.
pub const HttpResponseInfoTypeAuthenticationProperty: HTTP_RESPONSE_INFO_TYPE = 1;
/// QoS property.
pub const HttpResponseInfoTypeQoSProperty: HTTP_RESPONSE_INFO_TYPE = 2;
/// Channel binding.
pub const HttpResponseInfoTypeChannelBind: HTTP_RESPONSE_INFO_TYPE = 3;

/// `HTTP_RESPONSE_INFO`: one entry of `HTTP_RESPONSE_V2::pResponseInfo`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_RESPONSE_INFO {
    /// What `pInfo` points to.
    pub Type: HTTP_RESPONSE_INFO_TYPE,
    /// Size of `*pInfo`.
    pub Length: ULONG,
    /// The information.
    pub pInfo: PVOID,
}
/// `PHTTP_RESPONSE_INFO`.
pub type PHTTP_RESPONSE_INFO = *mut HTTP_RESPONSE_INFO;

/// `HTTP_RESPONSE_V1`: a response.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_RESPONSE_V1 {
    /// `HTTP_RESPONSE_FLAG_*`.
    pub Flags: ULONG,
    /// Protocol version.
    pub Version: HTTP_VERSION,
    /// Status code.
    pub StatusCode: USHORT,
    /// Length of `pReason`.
    pub ReasonLength: USHORT,
    /// Reason phrase.
    pub pReason: PCSTR,
    /// The headers.
    pub Headers: HTTP_RESPONSE_HEADERS,
    /// Number of entries in `pEntityChunks`.
    pub EntityChunkCount: USHORT,
    /// Entity body.
    pub pEntityChunks: PHTTP_DATA_CHUNK,
}
/// `PHTTP_RESPONSE_V1`.
pub type PHTTP_RESPONSE_V1 = *mut HTTP_RESPONSE_V1;

/// `HTTP_RESPONSE_V2`: V1 plus response information (C++ derives it from V1).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_RESPONSE_V2 {
    /// The V1 part (C++ base class).
    pub Base: HTTP_RESPONSE_V1,
    /// Number of entries in `pResponseInfo`.
    pub ResponseInfoCount: USHORT,
    /// Extra information.
    pub pResponseInfo: PHTTP_RESPONSE_INFO,
}
/// `PHTTP_RESPONSE_V2`.
pub type PHTTP_RESPONSE_V2 = *mut HTTP_RESPONSE_V2;
/// `HTTP_RESPONSE`: always V2 for IIS; `IHttpResponse::GetRawHttpResponse` returns it.
pub type HTTP_RESPONSE = HTTP_RESPONSE_V2;
/// `PHTTP_RESPONSE`.
pub type PHTTP_RESPONSE = *mut HTTP_RESPONSE;

// ---------------------------------------------------------------------------------------------
// Cache policy and logging
// ---------------------------------------------------------------------------------------------

/// `HTTP_CACHE_POLICY_TYPE` (a C enum, 4 bytes).
pub type HTTP_CACHE_POLICY_TYPE = i32;
/// `PHTTP_CACHE_POLICY_TYPE`.
pub type PHTTP_CACHE_POLICY_TYPE = *mut HTTP_CACHE_POLICY_TYPE;
/// Do not cache.
pub const HttpCachePolicyNocache: HTTP_CACHE_POLICY_TYPE = 0;
/// Cache until the user invalidates it.
pub const HttpCachePolicyUserInvalidates: HTTP_CACHE_POLICY_TYPE = 1;
/// Cache for `SecondsToLive`.
pub const HttpCachePolicyTimeToLive: HTTP_CACHE_POLICY_TYPE = 2;
/// One past the last policy.
pub const HttpCachePolicyMaximum: HTTP_CACHE_POLICY_TYPE = 3;

/// `HTTP_CACHE_POLICY` (`IHttpCachePolicy::GetKernelCachePolicy`/`GetUserCachePolicy`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HTTP_CACHE_POLICY {
    /// The policy.
    pub Policy: HTTP_CACHE_POLICY_TYPE,
    /// Lifetime for [`HttpCachePolicyTimeToLive`].
    pub SecondsToLive: ULONG,
}
/// `PHTTP_CACHE_POLICY`.
pub type PHTTP_CACHE_POLICY = *mut HTTP_CACHE_POLICY;

/// `HTTP_LOG_DATA_TYPE` (a C enum, 4 bytes).
pub type HTTP_LOG_DATA_TYPE = i32;
/// `PHTTP_LOG_DATA_TYPE`.
pub type PHTTP_LOG_DATA_TYPE = *mut HTTP_LOG_DATA_TYPE;
/// The log data is an [`HTTP_LOG_FIELDS_DATA`].
pub const HttpLogDataTypeFields: HTTP_LOG_DATA_TYPE = 0;

/// `HTTP_LOG_DATA`: the header of every kind of log data.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HTTP_LOG_DATA {
    /// The kind.
    pub Type: HTTP_LOG_DATA_TYPE,
}
/// `PHTTP_LOG_DATA`.
pub type PHTTP_LOG_DATA = *mut HTTP_LOG_DATA;

/// `HTTP_LOG_FIELDS_DATA`: the fields of a log entry (the current SDK form, with
/// `ServiceNameLength`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_LOG_FIELDS_DATA {
    /// `Type` is [`HttpLogDataTypeFields`].
    pub Base: HTTP_LOG_DATA,
    /// Length of `UserName`.
    pub UserNameLength: USHORT,
    /// Length of `UriStem`.
    pub UriStemLength: USHORT,
    /// Length of `ClientIp`.
    pub ClientIpLength: USHORT,
    /// Length of `ServerName`.
    pub ServerNameLength: USHORT,
    /// Length of `ServiceName`.
    pub ServiceNameLength: USHORT,
    /// Length of `ServerIp`.
    pub ServerIpLength: USHORT,
    /// Length of `Method`.
    pub MethodLength: USHORT,
    /// Length of `UriQuery`.
    pub UriQueryLength: USHORT,
    /// Length of `Host`.
    pub HostLength: USHORT,
    /// Length of `UserAgent`.
    pub UserAgentLength: USHORT,
    /// Length of `Cookie`.
    pub CookieLength: USHORT,
    /// Length of `Referrer`.
    pub ReferrerLength: USHORT,
    /// User name.
    pub UserName: PWCHAR,
    /// URI stem.
    pub UriStem: PWCHAR,
    /// Client IP address.
    pub ClientIp: PCHAR,
    /// Server name.
    pub ServerName: PCHAR,
    /// Service name.
    pub ServiceName: PCHAR,
    /// Server IP address.
    pub ServerIp: PCHAR,
    /// Verb.
    pub Method: PCHAR,
    /// Query string.
    pub UriQuery: PCHAR,
    /// Host.
    pub Host: PCHAR,
    /// User agent.
    pub UserAgent: PCHAR,
    /// Cookie.
    pub Cookie: PCHAR,
    /// Referrer.
    pub Referrer: PCHAR,
    /// Server port.
    pub ServerPort: USHORT,
    /// Status code.
    pub ProtocolStatus: USHORT,
    /// Win32 status.
    pub Win32Status: ULONG,
    /// The verb as an [`HTTP_VERB`].
    pub MethodNum: HTTP_VERB,
    /// Sub-status.
    pub SubStatus: USHORT,
}
/// `PHTTP_LOG_FIELDS_DATA`.
pub type PHTTP_LOG_FIELDS_DATA = *mut HTTP_LOG_FIELDS_DATA;

// ---------------------------------------------------------------------------------------------
// Layout checks: the 64-bit Windows numbers of shared/abi/http-abi.md §4
// ---------------------------------------------------------------------------------------------

/// Asserts a type's size and alignment and the offset of each named field, at compile time.
macro_rules! layout {
    ($ty:ident: size $size:literal, align $align:literal { $($field:ident @ $off:literal),* $(,)? }) => {
        const _: () = {
            assert!(size_of::<$ty>() == $size, concat!("size of ", stringify!($ty)));
            assert!(align_of::<$ty>() == $align, concat!("align of ", stringify!($ty)));
            $(assert!(offset_of!($ty, $field) == $off, concat!("offset of ", stringify!($ty), ".", stringify!($field)));)*
        };
    };
}

#[cfg(target_pointer_width = "64")]
mod layout_checks {
    use super::*;
    use core::mem::{align_of, offset_of, size_of};

    layout!(HTTP_VERSION: size 4, align 2 { MajorVersion @ 0, MinorVersion @ 2 });
    layout!(HTTP_BYTE_RANGE: size 16, align 8 { StartingOffset @ 0, Length @ 8 });
    layout!(HTTP_KNOWN_HEADER: size 16, align 8 { RawValueLength @ 0, pRawValue @ 8 });
    layout!(HTTP_UNKNOWN_HEADER: size 24, align 8 {
        NameLength @ 0, RawValueLength @ 2, pName @ 8, pRawValue @ 16,
    });
    layout!(HTTP_COOKED_URL: size 40, align 8 {
        FullUrlLength @ 0, HostLength @ 2, AbsPathLength @ 4, QueryStringLength @ 6,
        pFullUrl @ 8, pHost @ 16, pAbsPath @ 24, pQueryString @ 32,
    });
    layout!(HTTP_TRANSPORT_ADDRESS: size 16, align 8 { pRemoteAddress @ 0, pLocalAddress @ 8 });
    layout!(HTTP_REQUEST_HEADERS: size 688, align 8 {
        UnknownHeaderCount @ 0, pUnknownHeaders @ 8, TrailerCount @ 16, pTrailers @ 24, KnownHeaders @ 32,
    });
    layout!(HTTP_RESPONSE_HEADERS: size 512, align 8 {
        UnknownHeaderCount @ 0, pUnknownHeaders @ 8, TrailerCount @ 16, pTrailers @ 24, KnownHeaders @ 32,
    });
    layout!(HTTP_SSL_CLIENT_CERT_INFO: size 32, align 8 {
        CertFlags @ 0, CertEncodedSize @ 4, pCertEncoded @ 8, Token @ 16, CertDeniedByMapper @ 24,
    });
    layout!(HTTP_SSL_INFO: size 48, align 8 {
        ServerCertKeySize @ 0, ConnectionKeySize @ 2, ServerCertIssuerSize @ 4, ServerCertSubjectSize @ 8,
        pServerCertIssuer @ 16, pServerCertSubject @ 24, pClientCertInfo @ 32, SslClientCertNegotiated @ 40,
    });
    layout!(HTTP_DATA_CHUNK: size 32, align 8 { DataChunkType @ 0, Anonymous @ 8 });
    layout!(HTTP_DATA_CHUNK_UNION: size 24, align 8 {});
    // Offsets inside the union, relative to its start at 8: FromMemory.pBuffer @8, .BufferLength @16, ...
    layout!(HTTP_DATA_CHUNK_FROM_MEMORY: size 16, align 8 { pBuffer @ 0, BufferLength @ 8 });
    layout!(HTTP_DATA_CHUNK_FROM_FILE_HANDLE: size 24, align 8 { ByteRange @ 0, FileHandle @ 16 });
    layout!(HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE: size 16, align 8 { FragmentNameLength @ 0, pFragmentName @ 8 });
    layout!(HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX: size 24, align 8 { ByteRange @ 0, pFragmentName @ 16 });
    layout!(HTTP_DATA_CHUNK_TRAILERS: size 16, align 8 { TrailerCount @ 0, pTrailers @ 8 });
    layout!(HTTP_REQUEST_V1: size 848, align 8 {
        Flags @ 0, ConnectionId @ 8, RequestId @ 16, UrlContext @ 24, Version @ 32, Verb @ 36,
        UnknownVerbLength @ 40, RawUrlLength @ 42, pUnknownVerb @ 48, pRawUrl @ 56, CookedUrl @ 64,
        Address @ 104, Headers @ 120, BytesReceived @ 808, EntityChunkCount @ 816, pEntityChunks @ 824,
        RawConnectionId @ 832, pSslInfo @ 840,
    });
    layout!(HTTP_REQUEST_INFO: size 16, align 8 { InfoType @ 0, InfoLength @ 4, pInfo @ 8 });
    layout!(HTTP_REQUEST_V2: size 864, align 8 { Base @ 0, RequestInfoCount @ 848, pRequestInfo @ 856 });
    layout!(HTTP_RESPONSE_V1: size 552, align 8 {
        Flags @ 0, Version @ 4, StatusCode @ 8, ReasonLength @ 10, pReason @ 16, Headers @ 24,
        EntityChunkCount @ 536, pEntityChunks @ 544,
    });
    layout!(HTTP_RESPONSE_INFO: size 16, align 8 { Type @ 0, Length @ 4, pInfo @ 8 });
    layout!(HTTP_RESPONSE_V2: size 568, align 8 { Base @ 0, ResponseInfoCount @ 552, pResponseInfo @ 560 });
    layout!(HTTP_CACHE_POLICY: size 8, align 4 { Policy @ 0, SecondsToLive @ 4 });
    layout!(HTTP_LOG_DATA: size 4, align 4 { Type @ 0 });
    layout!(HTTP_LOG_FIELDS_DATA: size 144, align 8 {
        Base @ 0, UserNameLength @ 4, UriStemLength @ 6, ClientIpLength @ 8, ServerNameLength @ 10,
        ServiceNameLength @ 12, ServerIpLength @ 14, MethodLength @ 16, UriQueryLength @ 18, HostLength @ 20,
        UserAgentLength @ 22, CookieLength @ 24, ReferrerLength @ 26, UserName @ 32, UriStem @ 40,
        ClientIp @ 48, ServerName @ 56, ServiceName @ 64, ServerIp @ 72, Method @ 80, UriQuery @ 88,
        Host @ 96, UserAgent @ 104, Cookie @ 112, Referrer @ 120, ServerPort @ 128, ProtocolStatus @ 130,
        Win32Status @ 132, MethodNum @ 136, SubStatus @ 140,
    });
    layout!(HTTP_MULTIPLE_KNOWN_HEADERS: size 24, align 8 {
        HeaderId @ 0, Flags @ 4, KnownHeaderCount @ 8, KnownHeaders @ 16,
    });
    layout!(HTTP_REQUEST_AUTH_INFO: size 80, align 8 {
        AuthStatus @ 0, SecStatus @ 4, Flags @ 8, AuthType @ 12, AccessToken @ 16, ContextAttributes @ 24,
        PackedContextLength @ 28, PackedContextType @ 32, PackedContext @ 40, MutualAuthDataLength @ 48,
        pMutualAuthData @ 56, PackageNameLength @ 64, pPackageName @ 72,
    });

    // Every C enum is 4 bytes.
    const _: () = assert!(size_of::<HTTP_HEADER_ID>() == 4 && size_of::<HTTP_VERB>() == 4);
    // KnownHeaders[i] of the request sits at 152 + 16·i inside HTTP_REQUEST_V1 (http-abi.md §4).
    const _: () = assert!(offset_of!(HTTP_REQUEST_V1, Headers) + offset_of!(HTTP_REQUEST_HEADERS, KnownHeaders) == 152);
}

const _: () = assert!(REQUEST_HEADER_NAMES.len() == HttpHeaderMaximum as usize);
