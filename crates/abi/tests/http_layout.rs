//! The SDK's C headers (`crates/sdk/include/http.h` and `windows.h`) and the Rust mirror in
//! `iissim_abi::http` / `iissim_abi::types` must agree on every size, alignment, field offset and
//! enum value. A C++ probe, compiled by the system compiler (`$CXX`, else `c++`), prints the C
//! side; Rust computes its own side from the same list; every mismatch is reported by name.
//! The 64-bit Windows numbers themselves are pinned by the `const` asserts in `http.rs`.
//!
//! A missing compiler fails this test: it never skips.

use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::path::{Path, PathBuf};
use std::process::Command;

use iissim_abi::http::*;
use iissim_abi::types;

/// One number both sides must agree on.
struct Fact {
    /// What is measured, e.g. `HTTP_REQUEST_V1.Headers`.
    name: String,
    /// A C++ expression that evaluates to it.
    cpp: String,
    /// What Rust says.
    rust: i128,
}

fn fact(facts: &mut Vec<Fact>, name: impl Into<String>, cpp: impl Into<String>, rust: i128) {
    facts.push(Fact { name: name.into(), cpp: cpp.into(), rust });
}

/// Size and alignment of a type that has the same name on both sides.
macro_rules! size_align {
    ($facts:ident, $($ty:ident),* $(,)?) => {$(
        fact(&mut $facts, concat!(stringify!($ty), " size"), concat!("sizeof(", stringify!($ty), ")"),
             size_of::<$ty>() as i128);
        fact(&mut $facts, concat!(stringify!($ty), " align"), concat!("alignof(", stringify!($ty), ")"),
             align_of::<$ty>() as i128);
    )*};
}

/// Offsets of fields that have the same name on both sides.
macro_rules! fields {
    ($facts:ident, $ty:ident { $($field:ident),* $(,)? }) => {$(
        fact(&mut $facts, concat!(stringify!($ty), ".", stringify!($field)),
             concat!("IISSIM_OFFSET(", stringify!($ty), ", ", stringify!($field), ")"),
             offset_of!($ty, $field) as i128);
    )*};
}

/// Offsets of fields that C reaches directly but Rust reaches through a member: a C++ base class
/// (`Base`) or the anonymous union of `HTTP_DATA_CHUNK` (`Anonymous`).
macro_rules! inner_fields {
    ($facts:ident, $ty:ident . $via:ident : $inner:ident $(as $cpath:ident)? { $($field:ident),* $(,)? }) => {
        let prefix = inner_fields!(@prefix $($cpath)?);
        $(
            let cpath = format!("{prefix}{}", stringify!($field));
            fact(&mut $facts, format!("{}.{cpath}", stringify!($ty)),
                 format!("IISSIM_OFFSET({}, {cpath})", stringify!($ty)),
                 (offset_of!($ty, $via) + offset_of!($inner, $field)) as i128);
        )*
    };
    (@prefix) => { "" };
    (@prefix $cpath:ident) => { concat!(stringify!($cpath), ".") };
}

/// Values of C enum constants and macros that have the same name on both sides.
macro_rules! values {
    ($facts:ident, $($name:ident),* $(,)?) => {$(
        fact(&mut $facts, stringify!($name), concat!("(long long)(", stringify!($name), ")"),
             $name as i64 as i128);
    )*};
}

fn http_facts() -> Vec<Fact> {
    let mut f = Vec::new();

    // Every struct of http.h and every enum type.
    size_align!(
        f,
        HTTP_VERSION,
        HTTP_BYTE_RANGE,
        HTTP_KNOWN_HEADER,
        HTTP_UNKNOWN_HEADER,
        HTTP_COOKED_URL,
        HTTP_TRANSPORT_ADDRESS,
        HTTP_REQUEST_HEADERS,
        HTTP_RESPONSE_HEADERS,
        HTTP_MULTIPLE_KNOWN_HEADERS,
        HTTP_SSL_CLIENT_CERT_INFO,
        HTTP_SSL_INFO,
        HTTP_DATA_CHUNK,
        HTTP_REQUEST_INFO,
        HTTP_REQUEST_AUTH_INFO,
        HTTP_REQUEST_V1,
        HTTP_REQUEST_V2,
        HTTP_REQUEST,
        HTTP_RESPONSE_INFO,
        HTTP_RESPONSE_V1,
        HTTP_RESPONSE_V2,
        HTTP_RESPONSE,
        HTTP_CACHE_POLICY,
        HTTP_LOG_DATA,
        HTTP_LOG_FIELDS_DATA,
        HTTP_VERB,
        HTTP_HEADER_ID,
        HTTP_DATA_CHUNK_TYPE,
        HTTP_REQUEST_INFO_TYPE,
        HTTP_RESPONSE_INFO_TYPE,
        HTTP_AUTH_STATUS,
        HTTP_REQUEST_AUTH_TYPE,
        HTTP_REQUEST_PROPERTY,
        HTTP_CACHE_POLICY_TYPE,
        HTTP_LOG_DATA_TYPE,
        HTTP_OPAQUE_ID,
        HTTP_REQUEST_ID,
        HTTP_CONNECTION_ID,
        HTTP_RAW_CONNECTION_ID,
        HTTP_URL_GROUP_ID,
        HTTP_SERVER_SESSION_ID,
        HTTP_URL_CONTEXT,
        SECURITY_STATUS,
    );

    // Every field.
    fields!(f, HTTP_VERSION { MajorVersion, MinorVersion });
    fields!(f, HTTP_BYTE_RANGE { StartingOffset, Length });
    fields!(f, HTTP_KNOWN_HEADER { RawValueLength, pRawValue });
    fields!(f, HTTP_UNKNOWN_HEADER { NameLength, RawValueLength, pName, pRawValue });
    fields!(
        f,
        HTTP_COOKED_URL {
            FullUrlLength,
            HostLength,
            AbsPathLength,
            QueryStringLength,
            pFullUrl,
            pHost,
            pAbsPath,
            pQueryString,
        }
    );
    fields!(f, HTTP_TRANSPORT_ADDRESS { pRemoteAddress, pLocalAddress });
    fields!(f, HTTP_REQUEST_HEADERS { UnknownHeaderCount, pUnknownHeaders, TrailerCount, pTrailers, KnownHeaders });
    fields!(f, HTTP_RESPONSE_HEADERS { UnknownHeaderCount, pUnknownHeaders, TrailerCount, pTrailers, KnownHeaders });
    fields!(f, HTTP_MULTIPLE_KNOWN_HEADERS { HeaderId, Flags, KnownHeaderCount, KnownHeaders });
    fields!(f, HTTP_SSL_CLIENT_CERT_INFO { CertFlags, CertEncodedSize, pCertEncoded, Token, CertDeniedByMapper });
    fields!(
        f,
        HTTP_SSL_INFO {
            ServerCertKeySize,
            ConnectionKeySize,
            ServerCertIssuerSize,
            ServerCertSubjectSize,
            pServerCertIssuer,
            pServerCertSubject,
            pClientCertInfo,
            SslClientCertNegotiated,
        }
    );
    fields!(f, HTTP_DATA_CHUNK { DataChunkType });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_UNION { FromMemory, FromFileHandle,
        FromFragmentCache, FromFragmentCacheEx, Trailers });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_FROM_MEMORY as FromMemory { pBuffer, BufferLength });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_FROM_FILE_HANDLE as FromFileHandle {
        ByteRange, FileHandle,
    });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE as FromFragmentCache {
        FragmentNameLength, pFragmentName,
    });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX as FromFragmentCacheEx {
        ByteRange, pFragmentName,
    });
    inner_fields!(f, HTTP_DATA_CHUNK.Anonymous: HTTP_DATA_CHUNK_TRAILERS as Trailers { TrailerCount, pTrailers });
    for (member, rust) in [
        ("FromMemory", size_of::<HTTP_DATA_CHUNK_FROM_MEMORY>()),
        ("FromFileHandle", size_of::<HTTP_DATA_CHUNK_FROM_FILE_HANDLE>()),
        ("FromFragmentCache", size_of::<HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE>()),
        ("FromFragmentCacheEx", size_of::<HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX>()),
        ("Trailers", size_of::<HTTP_DATA_CHUNK_TRAILERS>()),
    ] {
        fact(
            &mut f,
            format!("HTTP_DATA_CHUNK.{member} size"),
            format!("sizeof(HTTP_DATA_CHUNK::{member})"),
            rust as i128,
        );
    }
    fields!(f, HTTP_REQUEST_INFO { InfoType, InfoLength, pInfo });
    fields!(
        f,
        HTTP_REQUEST_AUTH_INFO {
            AuthStatus,
            SecStatus,
            Flags,
            AuthType,
            AccessToken,
            ContextAttributes,
            PackedContextLength,
            PackedContextType,
            PackedContext,
            MutualAuthDataLength,
            pMutualAuthData,
            PackageNameLength,
            pPackageName,
        }
    );
    fields!(
        f,
        HTTP_REQUEST_V1 {
            Flags,
            ConnectionId,
            RequestId,
            UrlContext,
            Version,
            Verb,
            UnknownVerbLength,
            RawUrlLength,
            pUnknownVerb,
            pRawUrl,
            CookedUrl,
            Address,
            Headers,
            BytesReceived,
            EntityChunkCount,
            pEntityChunks,
            RawConnectionId,
            pSslInfo,
        }
    );
    inner_fields!(f, HTTP_REQUEST_V2.Base: HTTP_REQUEST_V1 {
        Flags, ConnectionId, RequestId, UrlContext, Version, Verb, UnknownVerbLength, RawUrlLength, pUnknownVerb,
        pRawUrl, CookedUrl, Address, Headers, BytesReceived, EntityChunkCount, pEntityChunks, RawConnectionId,
        pSslInfo,
    });
    fields!(f, HTTP_REQUEST_V2 { RequestInfoCount, pRequestInfo });
    fields!(f, HTTP_RESPONSE_INFO { Type, Length, pInfo });
    fields!(
        f,
        HTTP_RESPONSE_V1 {
            Flags,
            Version,
            StatusCode,
            ReasonLength,
            pReason,
            Headers,
            EntityChunkCount,
            pEntityChunks,
        }
    );
    inner_fields!(f, HTTP_RESPONSE_V2.Base: HTTP_RESPONSE_V1 {
        Flags, Version, StatusCode, ReasonLength, pReason, Headers, EntityChunkCount, pEntityChunks,
    });
    fields!(f, HTTP_RESPONSE_V2 { ResponseInfoCount, pResponseInfo });
    fields!(f, HTTP_CACHE_POLICY { Policy, SecondsToLive });
    fields!(f, HTTP_LOG_DATA { Type });
    fields!(
        f,
        HTTP_LOG_FIELDS_DATA {
            Base,
            UserNameLength,
            UriStemLength,
            ClientIpLength,
            ServerNameLength,
            ServiceNameLength,
            ServerIpLength,
            MethodLength,
            UriQueryLength,
            HostLength,
            UserAgentLength,
            CookieLength,
            ReferrerLength,
            UserName,
            UriStem,
            ClientIp,
            ServerName,
            ServiceName,
            ServerIp,
            Method,
            UriQuery,
            Host,
            UserAgent,
            Cookie,
            Referrer,
            ServerPort,
            ProtocolStatus,
            Win32Status,
            MethodNum,
            SubStatus,
        }
    );

    // Every enum value and flag.
    values!(
        f,
        HttpVerbUnparsed,
        HttpVerbUnknown,
        HttpVerbInvalid,
        HttpVerbOPTIONS,
        HttpVerbGET,
        HttpVerbHEAD,
        HttpVerbPOST,
        HttpVerbPUT,
        HttpVerbDELETE,
        HttpVerbTRACE,
        HttpVerbCONNECT,
        HttpVerbTRACK,
        HttpVerbMOVE,
        HttpVerbCOPY,
        HttpVerbPROPFIND,
        HttpVerbPROPPATCH,
        HttpVerbMKCOL,
        HttpVerbLOCK,
        HttpVerbUNLOCK,
        HttpVerbSEARCH,
        HttpVerbMaximum,
    );
    values!(
        f,
        HttpHeaderCacheControl,
        HttpHeaderConnection,
        HttpHeaderDate,
        HttpHeaderKeepAlive,
        HttpHeaderPragma,
        HttpHeaderTrailer,
        HttpHeaderTransferEncoding,
        HttpHeaderUpgrade,
        HttpHeaderVia,
        HttpHeaderWarning,
        HttpHeaderAllow,
        HttpHeaderContentLength,
        HttpHeaderContentType,
        HttpHeaderContentEncoding,
        HttpHeaderContentLanguage,
        HttpHeaderContentLocation,
        HttpHeaderContentMd5,
        HttpHeaderContentRange,
        HttpHeaderExpires,
        HttpHeaderLastModified,
        HttpHeaderAccept,
        HttpHeaderAcceptCharset,
        HttpHeaderAcceptEncoding,
        HttpHeaderAcceptLanguage,
        HttpHeaderAuthorization,
        HttpHeaderCookie,
        HttpHeaderExpect,
        HttpHeaderFrom,
        HttpHeaderHost,
        HttpHeaderIfMatch,
        HttpHeaderIfModifiedSince,
        HttpHeaderIfNoneMatch,
        HttpHeaderIfRange,
        HttpHeaderIfUnmodifiedSince,
        HttpHeaderMaxForwards,
        HttpHeaderProxyAuthorization,
        HttpHeaderReferer,
        HttpHeaderRange,
        HttpHeaderTe,
        HttpHeaderTranslate,
        HttpHeaderUserAgent,
        HttpHeaderRequestMaximum,
        HttpHeaderAcceptRanges,
        HttpHeaderAge,
        HttpHeaderEtag,
        HttpHeaderLocation,
        HttpHeaderProxyAuthenticate,
        HttpHeaderRetryAfter,
        HttpHeaderServer,
        HttpHeaderSetCookie,
        HttpHeaderVary,
        HttpHeaderWwwAuthenticate,
        HttpHeaderResponseMaximum,
        HttpHeaderMaximum,
    );
    values!(
        f,
        HttpDataChunkFromMemory,
        HttpDataChunkFromFileHandle,
        HttpDataChunkFromFragmentCache,
        HttpDataChunkFromFragmentCacheEx,
        HttpDataChunkTrailers,
        HttpDataChunkMaximum,
        HttpCachePolicyNocache,
        HttpCachePolicyUserInvalidates,
        HttpCachePolicyTimeToLive,
        HttpCachePolicyMaximum,
        HttpRequestInfoTypeAuth,
        HttpRequestInfoTypeChannelBind,
        HttpRequestInfoTypeSslProtocol,
        HttpRequestInfoTypeSslTokenBindingDraft,
        HttpRequestInfoTypeSslTokenBinding,
        HttpRequestInfoTypeRequestTiming,
        HttpRequestInfoTypeTcpInfoV0,
        HttpRequestInfoTypeRequestSizing,
        HttpRequestInfoTypeQuicStats,
        HttpRequestInfoTypeTcpInfoV1,
        HttpResponseInfoTypeMultipleKnownHeaders,
        HttpResponseInfoTypeAuthenticationProperty,
        HttpResponseInfoTypeQoSProperty,
        HttpResponseInfoTypeChannelBind,
        HttpLogDataTypeFields,
        HttpAuthStatusSuccess,
        HttpAuthStatusNotAuthenticated,
        HttpAuthStatusFailure,
        HttpRequestAuthTypeNone,
        HttpRequestAuthTypeBasic,
        HttpRequestAuthTypeDigest,
        HttpRequestAuthTypeNTLM,
        HttpRequestAuthTypeNegotiate,
        HttpRequestAuthTypeKerberos,
        HttpRequestPropertyIsb,
        HttpRequestPropertyTcpInfoV0,
        HttpRequestPropertyQuicStats,
        HttpRequestPropertyTcpInfoV1,
        HttpRequestPropertySni,
        HttpRequestPropertyStreamError,
        HttpRequestPropertyWskApiTimings,
        HttpRequestPropertyQuicApiTimings,
        HttpRequestPropertyQuicStatsV2,
        HttpRequestPropertyQuicStreamStats,
        HttpRequestPropertyTcpInfoV2,
        HttpRequestPropertyTlsClientHello,
        HttpRequestPropertyTransportIdleConnectionTimeout,
        HttpRequestPropertyDscpTag,
        HttpRequestPropertyTlsCipherInfo,
    );
    values!(
        f,
        HTTP_NULL_ID,
        HTTP_BYTE_RANGE_TO_EOF,
        HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS,
        HTTP_REQUEST_FLAG_IP_ROUTED,
        HTTP_REQUEST_FLAG_HTTP2,
        HTTP_REQUEST_FLAG_HTTP3,
        HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE,
        HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS,
        HTTP_SEND_RESPONSE_FLAG_DISCONNECT,
        HTTP_SEND_RESPONSE_FLAG_MORE_DATA,
        HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA,
        HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING,
        HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES,
        HTTP_SEND_RESPONSE_FLAG_OPAQUE,
        HTTP_SEND_RESPONSE_FLAG_GOAWAY,
    );
    for (name, v) in [
        ("HTTP_VERSION_UNKNOWN", HTTP_VERSION_UNKNOWN),
        ("HTTP_VERSION_0_9", HTTP_VERSION_0_9),
        ("HTTP_VERSION_1_0", HTTP_VERSION_1_0),
        ("HTTP_VERSION_1_1", HTTP_VERSION_1_1),
        ("HTTP_VERSION_2_0", HTTP_VERSION_2_0),
        ("HTTP_VERSION_3_0", HTTP_VERSION_3_0),
    ] {
        fact(
            &mut f,
            format!("{name} (major*65536+minor)"),
            format!("[] {{ HTTP_VERSION v = {name}; return (long long)v.MajorVersion * 65536 + v.MinorVersion; }}()"),
            i128::from(v.MajorVersion) * 65536 + i128::from(v.MinorVersion),
        );
    }
    f
}

/// The windows.h types that `iissim_abi::types` mirrors (names differ only for GUID's fields).
fn windows_facts() -> Vec<Fact> {
    use types::{
        BOOL, BYTE, DWORD, FILETIME, GUID, HRESULT, LONG, OVERLAPPED, SOCKADDR, ULARGE_INTEGER, ULONG, USHORT, WCHAR,
    };
    let mut f = Vec::new();
    size_align!(
        f,
        BYTE,
        USHORT,
        DWORD,
        ULONG,
        LONG,
        BOOL,
        HRESULT,
        WCHAR,
        GUID,
        FILETIME,
        ULARGE_INTEGER,
        OVERLAPPED,
        SOCKADDR
    );
    for (c, rust) in [
        ("Data1", offset_of!(GUID, data1)),
        ("Data2", offset_of!(GUID, data2)),
        ("Data3", offset_of!(GUID, data3)),
        ("Data4", offset_of!(GUID, data4)),
    ] {
        fact(&mut f, format!("GUID.{c}"), format!("IISSIM_OFFSET(GUID, {c})"), rust as i128);
    }
    fields!(f, FILETIME { dwLowDateTime, dwHighDateTime });
    fields!(f, ULARGE_INTEGER { QuadPart });
    fields!(f, OVERLAPPED { Internal, InternalHigh, Offset, hEvent });
    f
}

/// The C++ probe: prints `name<TAB>value` for every fact.
fn probe_source(facts: &[Fact]) -> String {
    let mut src = String::from(
        "// Generated by crates/abi/tests/http_layout.rs.\n\
         #include <windows.h>\n\
         #include <http.h>\n\
         #include <stdio.h>\n\
         \n\
         template <class T> static T &iissim_object() { static T object; return object; }\n\
         #define IISSIM_OFFSET(T, member) \\\n\
         \x20   ((long long)((const char *)&iissim_object<T>().member - (const char *)&iissim_object<T>()))\n\
         \n\
         struct Fact { const char *name; long long value; };\n\
         \n\
         int main()\n\
         {\n\
         \x20   const Fact facts[] = {\n",
    );
    for f in facts {
        writeln!(src, "        {{ \"{}\", (long long)({}) }},", f.name, f.cpp).unwrap();
    }
    src.push_str(
        "    };\n\
         \x20   for (const Fact &f : facts)\n\
         \x20       printf(\"%s\\t%lld\\n\", f.name, f.value);\n\
         \x20   return 0;\n\
         }\n",
    );
    src
}

fn include_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sdk/include")
}

/// Compiles and runs the probe, returning its stdout.
fn run_probe(source: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("http_layout");
    std::fs::create_dir_all(&dir).expect("the test's temp dir should be creatable");
    let src = dir.join("probe.cpp");
    let exe = dir.join(if cfg!(windows) { "probe.exe" } else { "probe" });
    std::fs::write(&src, source).expect("the probe source should be writable");

    let cxx = std::env::var("CXX").unwrap_or_else(|_| "c++".to_string());
    let include = include_dir();
    let output = Command::new(&cxx)
        .args(["-std=c++14", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(&include)
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "http_layout needs a C++ compiler to check http.h against iissim_abi::http, \
                 but `{cxx}` could not be run ({e}); install g++ (or clang++) or set CXX"
            )
        });
    assert!(
        output.status.success(),
        "`{cxx}` could not compile the layout probe {} against {}:\n{}",
        src.display(),
        include.display(),
        String::from_utf8_lossy(&output.stderr)
    );

    // A freshly linked executable can briefly be "text file busy" while another process still
    // holds it open for writing; try again a few times before giving up.
    let mut attempt = 0;
    let run = loop {
        match Command::new(&exe).output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && attempt < 20 => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => break other,
        }
    }
    .unwrap_or_else(|e| panic!("the layout probe {} could not be run: {e}", exe.display()));
    assert!(run.status.success(), "the layout probe {} failed: {}", exe.display(), run.status);
    String::from_utf8(run.stdout).expect("the probe prints ASCII")
}

#[test]
fn c_headers_and_rust_agree_on_every_size_offset_and_value() {
    let mut facts = http_facts();
    facts.extend(windows_facts());

    let stdout = run_probe(&probe_source(&facts));
    let mut from_c = std::collections::HashMap::new();
    for line in stdout.lines() {
        let (name, value) = line.split_once('\t').unwrap_or_else(|| panic!("bad probe line {line:?}"));
        let value: i128 = value.parse().unwrap_or_else(|_| panic!("bad probe value in {line:?}"));
        from_c.insert(name.to_string(), value);
    }

    let mut mismatches = Vec::new();
    for f in &facts {
        match from_c.get(&f.name) {
            Some(&c) if c == f.rust => {}
            Some(&c) => mismatches.push(format!("{}: C++ says {c}, Rust says {}", f.name, f.rust)),
            None => mismatches.push(format!("{}: missing from the probe's output", f.name)),
        }
    }
    assert!(
        mismatches.is_empty(),
        "http.h/windows.h and iissim_abi disagree on {} of {} facts:\n  {}",
        mismatches.len(),
        facts.len(),
        mismatches.join("\n  ")
    );
    assert!(facts.len() > 300, "the fact list shrank to {}", facts.len());
}

#[test]
fn header_name_tables_follow_the_ids() {
    assert_eq!(REQUEST_HEADER_NAMES.len(), HttpHeaderRequestMaximum as usize);
    assert_eq!(RESPONSE_HEADER_NAMES.len(), HttpHeaderResponseMaximum as usize);
    assert_eq!(REQUEST_HEADER_NAMES[HttpHeaderHost as usize], "Host");
    assert_eq!(REQUEST_HEADER_NAMES[HttpHeaderUserAgent as usize], "User-Agent");
    assert_eq!(RESPONSE_HEADER_NAMES[HttpHeaderWwwAuthenticate as usize], "WWW-Authenticate");
    assert_eq!(RESPONSE_HEADER_NAMES[HttpHeaderEtag as usize], "ETag");
    // Ids below 20 name the same header in requests and responses.
    assert_eq!(REQUEST_HEADER_NAMES[..20], RESPONSE_HEADER_NAMES[..20]);
}
