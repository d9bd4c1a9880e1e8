/*
 * windows.h: the Win32 types, constants and helpers an IIS native module needs, for building it
 * off Windows with iissim. Clean-room: written from ABI facts, not from any Windows SDK header.
 * Licence: MIT OR Apache-2.0.
 *
 * Widths are those of 64-bit Windows (LLP64): DWORD, ULONG and LONG are 32-bit on every platform
 * (fixed-width <stdint.h> types, never C `long`), BOOL is `int`, HANDLE is `void *`.
 * Everything here is header-only: a module links against nothing from iissim.
 */
#ifndef _WINDOWS_
#define _WINDOWS_
#define _WINDEF_
#define _WINNT_

/* The header-only Win32 shim (winbase.h, the CRT extensions, COM, winsock, crypto) uses POSIX and
 * GNU declarations of the C library. C++ compilers on glibc always ask for them; a C build gets
 * them here when windows.h comes first. */
#if !defined(_WIN32) && !defined(_GNU_SOURCE)
# if !defined(__cplusplus) && defined(_FEATURES_H) && !defined(__USE_GNU)
#  error "iissim: a C source must include <windows.h> (or another SDK header) before any C library header, or be compiled with -D_GNU_SOURCE"
# endif
# define _GNU_SOURCE 1
#endif

#include <stddef.h>
#include <stdint.h>

/* Portability helpers for the headers of this SDK (not for module code) */

#if defined(__cplusplus) && (__cplusplus >= 201103L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201103L))
# define __IISSIM_STATIC_ASSERT(cond, msg) static_assert(cond, msg);
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
# define __IISSIM_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg);
#else
# define __IISSIM_STATIC_ASSERT(cond, msg)
#endif

#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)
# define __IISSIM_INLINE inline
#else
# define __IISSIM_INLINE __inline
#endif

/* Keeps the SDK's own inline helpers out of a module's exported symbols. */
#if defined(__GNUC__) || defined(__clang__)
# define __IISSIM_HIDDEN __attribute__((__visibility__("hidden")))
#else
# define __IISSIM_HIDDEN
#endif

/* Lets an anonymous struct or union stand in a strict ISO C or C++ build. */
#if defined(__GNUC__) || defined(__clang__)
# define __IISSIM_ANONYMOUS __extension__
#else
# define __IISSIM_ANONYMOUS
#endif

#if defined(__cplusplus) && (__cplusplus >= 201103L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201103L))
# define __IISSIM_THREAD_LOCAL thread_local
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
# define __IISSIM_THREAD_LOCAL _Thread_local
#elif defined(__GNUC__)
# define __IISSIM_THREAD_LOCAL __thread
#else
# define __IISSIM_THREAD_LOCAL
#endif

#ifdef __has_include
# if __has_include(<stdio.h>)
#  define __IISSIM_HAVE_STDIO 1
# endif
#elif !defined(_MSC_VER)
# define __IISSIM_HAVE_STDIO 1
#endif

/* __IISSIM_POSIX: a hosted build off Windows, where the shim implements the Win32 and CRT
 * functions over the C library and POSIX. Without it (the freestanding layout proofs, a Windows
 * target) only the types and constants are declared. */
#if !defined(_WIN32)
# ifdef __has_include
#  if __has_include(<pthread.h>) && __has_include(<unistd.h>) && __has_include(<stdio.h>)
#   define __IISSIM_POSIX 1
#  endif
# else
#  define __IISSIM_POSIX 1
# endif
#endif

/* State that a module shares between its translation units (handle registry, locks): a weak
 * hidden definition, which the linker merges into one copy per module. */
#if defined(__GNUC__) || defined(__clang__)
# define __IISSIM_SHARED __attribute__((__weak__, __visibility__("hidden")))
#else
# define __IISSIM_SHARED
#endif

/* C runtime headers that Windows code expects to find after including windows.h.
 * Each is included only where it exists, so that a freestanding build (the MSVC-target layout
 * proofs, which have only the compiler's own headers) still compiles. */

/* stdarg.h is the compiler's own, so it is always there, as windows.h brings it on Windows. */
#include <stdarg.h>

#ifdef __has_include
# if __has_include(<string.h>)
#  include <string.h>
# endif
# if __has_include(<wchar.h>)
#  include <wchar.h>
# endif
# if __has_include(<stdlib.h>)
#  include <stdlib.h>
# endif
# if __has_include(<stdio.h>)
#  include <stdio.h>
# endif
#elif !defined(_MSC_VER)
# include <string.h>
# include <wchar.h>
# include <stdlib.h>
# include <stdio.h>
#endif

/* C++: the C library's C++ headers come now, before the printf redirects of iissim/crt.h, since
 * <cstdio> and <cwchar> #undef the names they declare. */
#if defined(__cplusplus) && defined(__IISSIM_POSIX)
# include <cstdio>
# include <cwchar>
# include <cstdlib>
# include <cstring>
#endif

/* Calling conventions and declaration modifiers.
 * A module shares the platform ABI with the host, so every calling convention is empty off
 * Windows; on a Windows target (MSVC or clang in MSVC mode) the compiler's own keywords stay. */

#if !defined(_MSC_VER) && !defined(_WIN32)
# ifndef __stdcall
#  define __stdcall
# endif
# ifndef __cdecl
#  define __cdecl
# endif
# ifndef __fastcall
#  define __fastcall
# endif
# ifndef __thiscall
#  define __thiscall
# endif
# ifndef __forceinline
#  define __forceinline __IISSIM_INLINE
# endif
# ifndef __unaligned
#  define __unaligned
# endif
# ifndef __w64
#  define __w64
# endif
# ifndef __ptr64
#  define __ptr64
# endif
#endif

/* MSVC's sized integer keywords (`unsigned __int64` must keep working, so these are macros) */
#if !defined(_MSC_VER) && !defined(_WIN32) && !defined(_MSC_EXTENSIONS) && !defined(__int64)
# define __int8             char
# define __int16            short
# define __int32            int
# define __int64            long long
#endif

/* __declspec(x) becomes __iissim_declspec_x; each supported x maps to a GNU attribute or to nothing.
 * Compilers that know __declspec themselves (MSVC, clang with -fms-extensions) keep theirs.
 * selectany becomes a weak definition; deprecated takes no message here; any other x is an error
 * naming __iissim_declspec_x. __uuidof is deliberately not provided here. */
#if !defined(_MSC_VER) && !defined(_WIN32) && !defined(_MSC_EXTENSIONS) && !defined(__declspec)
# define __declspec(x)                   __iissim_declspec_##x
# define __iissim_declspec_dllexport     __attribute__((__visibility__("default")))
# define __iissim_declspec_dllimport
# define __iissim_declspec_novtable
# define __iissim_declspec_selectany     __attribute__((__weak__))
# define __iissim_declspec_uuid(x)
# define __iissim_declspec_noinline      __attribute__((__noinline__))
# define __iissim_declspec_noreturn      __attribute__((__noreturn__))
# define __iissim_declspec_nothrow       __attribute__((__nothrow__))
# define __iissim_declspec_deprecated    __attribute__((__deprecated__))
# define __iissim_declspec_align(n)      __attribute__((__aligned__(n)))
# define __iissim_declspec_thread        __thread
# define __iissim_declspec_restrict
# define __iissim_declspec_noalias
# define __iissim_declspec_allocator
# define __iissim_declspec_empty_bases
#endif

#ifdef _WIN32
# define WINAPI             __stdcall
# define APIENTRY           __stdcall
# define CALLBACK           __stdcall
# define STDMETHODCALLTYPE  __stdcall
# define STDAPICALLTYPE     __stdcall
#else
# define WINAPI
# define APIENTRY
# define CALLBACK
# define STDMETHODCALLTYPE
# define STDAPICALLTYPE
#endif
#define WINAPIV
#define NTAPI               WINAPI

#if defined(_MSC_VER) || defined(_MSC_EXTENSIONS)
# define DECLSPEC_NOVTABLE   __declspec(novtable)
# define DECLSPEC_UUID(x)    __declspec(uuid(x))
# define DECLSPEC_SELECTANY  __declspec(selectany)
# define DECLSPEC_NOINLINE   __declspec(noinline)
# define DECLSPEC_NORETURN   __declspec(noreturn)
#elif defined(__GNUC__) || defined(__clang__)
# define DECLSPEC_NOVTABLE
# define DECLSPEC_UUID(x)
# define DECLSPEC_SELECTANY  __attribute__((__weak__))
# define DECLSPEC_NOINLINE   __attribute__((__noinline__))
# define DECLSPEC_NORETURN   __attribute__((__noreturn__))
#else
# define DECLSPEC_NOVTABLE
# define DECLSPEC_UUID(x)
# define DECLSPEC_SELECTANY
# define DECLSPEC_NOINLINE
# define DECLSPEC_NORETURN
#endif
#define FORCEINLINE          __forceinline

#ifdef __cplusplus
# define EXTERN_C            extern "C"
# define EXTERN_C_START      extern "C" {
# define EXTERN_C_END        }
#else
# define EXTERN_C            extern
# define EXTERN_C_START
# define EXTERN_C_END
#endif

/* Parameter decorations that Windows code writes in its own declarations */
#ifndef IN
# define IN
#endif
#ifndef OUT
# define OUT
#endif
#ifndef OPTIONAL
# define OPTIONAL
#endif
#ifndef CONST
# define CONST               const
#endif
#ifndef FAR
# define FAR
#endif
#ifndef NEAR
# define NEAR
#endif

/* Basic types */

#ifndef VOID
# define VOID void
#endif
typedef void               *PVOID,      *LPVOID;
typedef const void         *LPCVOID,    *PCVOID;

typedef char                CHAR,       *PCHAR,     *LPCH,      *PCH;
typedef const char         *PCCH,       *LPCCH;
typedef unsigned char       UCHAR,      *PUCHAR;
typedef unsigned char       BYTE,       *PBYTE,     *LPBYTE;
typedef unsigned char       BOOLEAN,    *PBOOLEAN;
typedef int16_t             SHORT,      *PSHORT;
typedef uint16_t            USHORT,     *PUSHORT;
typedef uint16_t            WORD,       *PWORD,     *LPWORD;
typedef int                 INT,        *PINT,      *LPINT;
typedef unsigned int        UINT,       *PUINT;
typedef int                 BOOL,       *PBOOL,     *LPBOOL;
typedef int32_t             LONG,       *PLONG,     *LPLONG;
typedef uint32_t            ULONG,      *PULONG;
typedef uint32_t            DWORD,      *PDWORD,    *LPDWORD;
typedef int64_t             LONGLONG,   *PLONGLONG;
typedef uint64_t            ULONGLONG,  *PULONGLONG;
typedef uint64_t            DWORDLONG,  *PDWORDLONG;
typedef int64_t             LONG64,     *PLONG64;
typedef uint64_t            ULONG64,    *PULONG64;
typedef uint64_t            DWORD64,    *PDWORD64;
typedef int8_t              INT8,       *PINT8;
typedef uint8_t             UINT8,      *PUINT8;
typedef int16_t             INT16,      *PINT16;
typedef uint16_t            UINT16,     *PUINT16;
typedef int32_t             INT32,      *PINT32;
typedef uint32_t            UINT32,     *PUINT32;
typedef int64_t             INT64,      *PINT64;
typedef uint64_t            UINT64,     *PUINT64;
typedef float               FLOAT,      *PFLOAT;

/* Integers as wide as a pointer */

typedef intptr_t            INT_PTR,    *PINT_PTR;
typedef uintptr_t           UINT_PTR,   *PUINT_PTR;
typedef intptr_t            LONG_PTR,   *PLONG_PTR;
typedef uintptr_t           ULONG_PTR,  *PULONG_PTR;
typedef ULONG_PTR           DWORD_PTR,  *PDWORD_PTR;
typedef ULONG_PTR           SIZE_T,     *PSIZE_T;
typedef LONG_PTR            SSIZE_T,    *PSSIZE_T;

/* Status codes */

typedef int32_t             HRESULT;
typedef int32_t             SCODE;
typedef LONG                SECURITY_STATUS;

/* Characters and strings.
 * WCHAR is the platform wchar_t, so 4 bytes (UTF-32) on Linux and macOS: that keeps L"" literals,
 * the libc wcs* functions and std::wstring working in unmodified module sources, and iissim
 * converts to and from UTF-16 at the host boundary. char16_t would break every L"" literal and
 * -fshort-wchar would break libc's and libstdc++'s wide functions, so neither is used. Code that
 * assumes sizeof(WCHAR) == 2 is not portable to iissim. */

typedef wchar_t             WCHAR,      *PWCHAR,    *LPWCH,     *PWCH;
typedef const WCHAR        *PCWCH,      *LPCWCH;
typedef CHAR               *PSTR,       *LPSTR;
typedef const CHAR         *PCSTR,      *LPCSTR;
typedef WCHAR              *PWSTR,      *LPWSTR;
typedef const WCHAR        *PCWSTR,     *LPCWSTR;

#ifdef UNICODE
typedef WCHAR               TCHAR,      *PTCHAR;
typedef WCHAR              *PTSTR,      *LPTSTR;
typedef const WCHAR        *PCTSTR,     *LPCTSTR;
# define __TEXT(quote)      L##quote
#else
typedef CHAR                TCHAR,      *PTCHAR;
typedef CHAR               *PTSTR,      *LPTSTR;
typedef const CHAR         *PCTSTR,     *LPCTSTR;
# define __TEXT(quote)      quote
#endif
#define TEXT(quote)         __TEXT(quote)

/* Handles */

typedef void               *HANDLE,     *PHANDLE,   *LPHANDLE;
typedef HANDLE              HMODULE;
typedef HANDLE              HINSTANCE;
typedef HANDLE              HLOCAL;
typedef HANDLE              HGLOBAL;
typedef void               *PSID;

#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)

/* 64-bit values that can also be read as two 32-bit halves */

typedef union _LARGE_INTEGER {
    __IISSIM_ANONYMOUS struct {
        DWORD               LowPart;
        LONG                HighPart;
    };
    struct {
        DWORD               LowPart;
        LONG                HighPart;
    } u;
    LONGLONG                QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    __IISSIM_ANONYMOUS struct {
        DWORD               LowPart;
        DWORD               HighPart;
    };
    struct {
        DWORD               LowPart;
        DWORD               HighPart;
    } u;
    ULONGLONG               QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

/* Time */

typedef struct _FILETIME {
    DWORD                   dwLowDateTime;
    DWORD                   dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _SYSTEMTIME {
    WORD                    wYear;
    WORD                    wMonth;
    WORD                    wDayOfWeek;
    WORD                    wDay;
    WORD                    wHour;
    WORD                    wMinute;
    WORD                    wSecond;
    WORD                    wMilliseconds;
} SYSTEMTIME, *PSYSTEMTIME, *LPSYSTEMTIME;

/* GUIDs */

#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    DWORD                   Data1;
    WORD                    Data2;
    WORD                    Data3;
    BYTE                    Data4[8];
} GUID;
#endif

typedef GUID               *LPGUID;
typedef const GUID         *LPCGUID;
typedef GUID                IID,        *LPIID;
typedef GUID                CLSID,      *LPCLSID;
#ifdef __cplusplus
typedef const GUID         &REFGUID;
typedef const IID          &REFIID;
typedef const CLSID        &REFCLSID;
#else
typedef const GUID         *REFGUID;
typedef const IID          *REFIID;
typedef const CLSID        *REFCLSID;
#endif

#ifdef __cplusplus
__IISSIM_HIDDEN inline BOOL __iissim_guid_equal(const GUID *a, const GUID *b)
#else
static __IISSIM_INLINE BOOL __iissim_guid_equal(const GUID *a, const GUID *b)
#endif
{
    int i;
    if (a->Data1 != b->Data1 || a->Data2 != b->Data2 || a->Data3 != b->Data3)
        return 0;
    for (i = 0; i < 8; i++)
        if (a->Data4[i] != b->Data4[i])
            return 0;
    return 1;
}

#ifdef __cplusplus
# define IsEqualGUID(a, b)  __iissim_guid_equal(&(a), &(b))
__IISSIM_HIDDEN inline bool operator==(const GUID &a, const GUID &b) { return __iissim_guid_equal(&a, &b) != 0; }
__IISSIM_HIDDEN inline bool operator!=(const GUID &a, const GUID &b) { return __iissim_guid_equal(&a, &b) == 0; }
#else
# define IsEqualGUID(a, b)  __iissim_guid_equal((a), (b))
#endif
#define IsEqualIID(a, b)    IsEqualGUID(a, b)
#define IsEqualCLSID(a, b)  IsEqualGUID(a, b)

/* DEFINE_GUID declares a GUID, or defines it where INITGUID is defined (initguid.h): a weak
 * definition, so that every translation unit of a module may define the same GUID. */
#ifdef __cplusplus
# define __IISSIM_GUID_DEFINITION   extern "C" DECLSPEC_SELECTANY
#else
# define __IISSIM_GUID_DEFINITION   DECLSPEC_SELECTANY
#endif
#ifdef INITGUID
# define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    __IISSIM_GUID_DEFINITION const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#else
# define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C const GUID name
#endif
/* The SDK's own well-known GUIDs (IID_IUnknown, ...), which Windows links from uuid.lib: always
 * defined, weak and hidden, one per module. */
#define __IISSIM_DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    __IISSIM_GUID_DEFINITION __IISSIM_HIDDEN const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}

/* Asynchronous I/O */

typedef struct _OVERLAPPED {
    ULONG_PTR               Internal;
    ULONG_PTR               InternalHigh;
    __IISSIM_ANONYMOUS union {
        __IISSIM_ANONYMOUS struct {
            DWORD           Offset;
            DWORD           OffsetHigh;
        };
        PVOID               Pointer;
    };
    HANDLE                  hEvent;
} OVERLAPPED, *LPOVERLAPPED;

typedef VOID (WINAPI *LPOVERLAPPED_COMPLETION_ROUTINE)(DWORD dwError, DWORD cbTransferred,
                                                       LPOVERLAPPED pOverlapped);

/* Socket addresses: the platform's own struct sockaddr (on Linux a 16-bit family and 14 bytes
 * of data, the Windows layout; BSDs put a length byte first). Without a C library (the MSVC-target
 * layout proofs) the Windows layout is declared here. */

#if !defined(_WIN32)
# ifdef __has_include
#  if __has_include(<sys/socket.h>)
#   include <sys/socket.h>
#   define __IISSIM_PLATFORM_SOCKADDR 1
#  endif
# else
#  include <sys/socket.h>
#  define __IISSIM_PLATFORM_SOCKADDR 1
# endif
#endif
#ifndef __IISSIM_PLATFORM_SOCKADDR
struct sockaddr {
    USHORT                  sa_family;
    CHAR                    sa_data[14];
};
#endif
typedef struct sockaddr     SOCKADDR,   *PSOCKADDR, *LPSOCKADDR;

/* Limits and constants */

#ifndef FALSE
# define FALSE              0
#endif
#ifndef TRUE
# define TRUE               1
#endif
#define MAX_PATH            260
#define INFINITE            0xFFFFFFFF

#define DLL_PROCESS_DETACH  0
#define DLL_PROCESS_ATTACH  1
#define DLL_THREAD_ATTACH   2
#define DLL_THREAD_DETACH   3

/* Small macros */

#define UNREFERENCED_PARAMETER(p)        ((void)(p))
#define DBG_UNREFERENCED_PARAMETER(p)    ((void)(p))
#define UNREFERENCED_LOCAL_VARIABLE(v)   ((void)(v))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))

#define LOBYTE(w)           ((BYTE)(((DWORD_PTR)(w)) & 0xFF))
#define HIBYTE(w)           ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xFF))
#define LOWORD(l)           ((WORD)(((DWORD_PTR)(l)) & 0xFFFF))
#define HIWORD(l)           ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xFFFF))
#define MAKEWORD(lo, hi)    ((WORD)(((WORD)LOBYTE(lo)) | (((WORD)LOBYTE(hi)) << 8)))
#define MAKELONG(lo, hi)    ((LONG)(((DWORD)LOWORD(lo)) | (((DWORD)LOWORD(hi)) << 16)))

#define ARRAYSIZE(a)        (sizeof(a) / sizeof((a)[0]))
#define RTL_NUMBER_OF(a)    ARRAYSIZE(a)
#ifndef _countof
# define _countof(a)        ARRAYSIZE(a)
#endif

/* HRESULTs and Win32 error codes */

#include <winerror.h>

/* SAL annotations in module code compile to nothing */

#include <sal.h>

/* Layout checks: widths as on 64-bit Windows */

__IISSIM_STATIC_ASSERT(sizeof(BYTE) == 1, "BYTE must be 1 byte")
__IISSIM_STATIC_ASSERT(sizeof(USHORT) == 2, "USHORT must be 2 bytes")
__IISSIM_STATIC_ASSERT(sizeof(WORD) == 2, "WORD must be 2 bytes")
__IISSIM_STATIC_ASSERT(sizeof(DWORD) == 4, "DWORD must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(ULONG) == 4, "ULONG must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(LONG) == 4, "LONG must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(BOOL) == 4, "BOOL must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(HRESULT) == 4, "HRESULT must be 4 bytes")
__IISSIM_STATIC_ASSERT(sizeof(ULONGLONG) == 8, "ULONGLONG must be 8 bytes")
__IISSIM_STATIC_ASSERT(sizeof(LARGE_INTEGER) == 8, "LARGE_INTEGER must be 8 bytes")
__IISSIM_STATIC_ASSERT(sizeof(ULARGE_INTEGER) == 8, "ULARGE_INTEGER must be 8 bytes")
__IISSIM_STATIC_ASSERT(sizeof(FILETIME) == 8, "FILETIME must be 8 bytes")
__IISSIM_STATIC_ASSERT(sizeof(SYSTEMTIME) == 16, "SYSTEMTIME must be 16 bytes")
__IISSIM_STATIC_ASSERT(sizeof(GUID) == 16, "GUID must be 16 bytes")
__IISSIM_STATIC_ASSERT(sizeof(SOCKADDR) == 16, "SOCKADDR must be 16 bytes")
__IISSIM_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(OVERLAPPED) == 32, "OVERLAPPED must be 32 bytes on 64-bit")
__IISSIM_STATIC_ASSERT(sizeof(ULONG_PTR) == sizeof(void *), "ULONG_PTR must be pointer-sized")

/* The host-services table every module carries (design decision 6) */

#if !defined(_WIN32)
# include <iissim/host_services.h>
#endif

/* Per-thread last error, one per module.
 * C++: a function-local thread_local in an inline function, which the ODR makes one per module.
 * C with GNU compilers: a weak hidden thread-local that the linker merges across the module. */

#if defined(__cplusplus)
__IISSIM_HIDDEN inline DWORD *__iissim_last_error_slot(void)
{
    static __IISSIM_THREAD_LOCAL DWORD value = 0;
    return &value;
}
#elif defined(__GNUC__) || defined(__clang__)
__attribute__((__weak__, __visibility__("hidden"))) __IISSIM_THREAD_LOCAL DWORD __iissim_last_error;
static __IISSIM_INLINE DWORD *__iissim_last_error_slot(void)
{
    return &__iissim_last_error;
}
#else
static __IISSIM_THREAD_LOCAL DWORD __iissim_last_error;
static __IISSIM_INLINE DWORD *__iissim_last_error_slot(void)
{
    return &__iissim_last_error;
}
#endif

static __IISSIM_INLINE DWORD GetLastError(void)
{
    return *__iissim_last_error_slot();
}

static __IISSIM_INLINE VOID SetLastError(DWORD dwErrCode)
{
    *__iissim_last_error_slot() = dwErrCode;
}

/* Debug output goes to stderr (narrow text as is, wide text as UTF-8).
 * DebugBreak only reports that it was reached: the default handlers of CHttpModule call it. */

static __IISSIM_INLINE VOID OutputDebugStringA(LPCSTR pszText)
{
#if !defined(_WIN32)
    if (pszText && IISSIM_HOST_SERVICE(output_debug_string)) {
        iissim_host_services->output_debug_string(pszText);
        return;
    }
#endif
#ifdef __IISSIM_HAVE_STDIO
    if (pszText)
        fputs(pszText, stderr);
#else
    (void)pszText;
#endif
}

static __IISSIM_INLINE VOID OutputDebugStringW(LPCWSTR pszText)
{
#if defined(__IISSIM_POSIX)
    if (pszText && IISSIM_HOST_SERVICE(output_debug_string)) {
        /* As UTF-8, in one call */
        size_t n = 0, o = 0;
        char *utf8;
        while (pszText[n])
            n++;
        utf8 = (char *)malloc(n * 4 + 1);
        if (utf8) {
            for (size_t i = 0; i < n; i++) {
                uint32_t c = (uint32_t)pszText[i];
                if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
                    c = 0xFFFD;
                if (c < 0x80) {
                    utf8[o++] = (char)c;
                } else if (c < 0x800) {
                    utf8[o++] = (char)(0xC0 | (c >> 6));
                    utf8[o++] = (char)(0x80 | (c & 0x3F));
                } else if (c < 0x10000) {
                    utf8[o++] = (char)(0xE0 | (c >> 12));
                    utf8[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
                    utf8[o++] = (char)(0x80 | (c & 0x3F));
                } else {
                    utf8[o++] = (char)(0xF0 | (c >> 18));
                    utf8[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
                    utf8[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
                    utf8[o++] = (char)(0x80 | (c & 0x3F));
                }
            }
            utf8[o] = 0;
            iissim_host_services->output_debug_string(utf8);
            free(utf8);
            return;
        }
    }
#endif
#ifdef __IISSIM_HAVE_STDIO
    if (!pszText)
        return;
    while (*pszText) {
        uint32_t c = (uint32_t)*pszText++;
        if (sizeof(WCHAR) == 2) {
            c &= 0xFFFF;
            if (c >= 0xD800 && c <= 0xDBFF) {
                uint32_t low = (uint32_t)*pszText & 0xFFFF;
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    pszText++;
                }
            }
        }
        if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
            c = 0xFFFD;
        if (c < 0x80) {
            fputc((int)c, stderr);
        } else if (c < 0x800) {
            fputc((int)(0xC0 | (c >> 6)), stderr);
            fputc((int)(0x80 | (c & 0x3F)), stderr);
        } else if (c < 0x10000) {
            fputc((int)(0xE0 | (c >> 12)), stderr);
            fputc((int)(0x80 | ((c >> 6) & 0x3F)), stderr);
            fputc((int)(0x80 | (c & 0x3F)), stderr);
        } else {
            fputc((int)(0xF0 | (c >> 18)), stderr);
            fputc((int)(0x80 | ((c >> 12) & 0x3F)), stderr);
            fputc((int)(0x80 | ((c >> 6) & 0x3F)), stderr);
            fputc((int)(0x80 | (c & 0x3F)), stderr);
        }
    }
#else
    (void)pszText;
#endif
}

#ifdef UNICODE
# define OutputDebugString  OutputDebugStringW
#else
# define OutputDebugString  OutputDebugStringA
#endif

static __IISSIM_INLINE VOID DebugBreak(void)
{
#ifdef __IISSIM_HAVE_STDIO
    fputs("DebugBreak() called\n", stderr);
#endif
}

/* Case-insensitive comparisons of the Microsoft C runtime, folding ASCII letters only
 * (what they do in the default "C" locale). */

static __IISSIM_INLINE uint32_t __iissim_fold(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

#ifndef _strnicmp
static __IISSIM_INLINE int _strnicmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        uint32_t ca = __iissim_fold((unsigned char)*a), cb = __iissim_fold((unsigned char)*b);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
    return 0;
}
#endif

#ifndef _stricmp
static __IISSIM_INLINE int _stricmp(const char *a, const char *b)
{
    return _strnicmp(a, b, (size_t)-1);
}
#endif

#ifndef _wcsnicmp
static __IISSIM_INLINE int _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    for (; n; n--, a++, b++) {
        uint32_t ca = __iissim_fold((uint32_t)*a), cb = __iissim_fold((uint32_t)*b);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
    return 0;
}
#endif

#ifndef _wcsicmp
static __IISSIM_INLINE int _wcsicmp(const wchar_t *a, const wchar_t *b)
{
    return _wcsnicmp(a, b, (size_t)-1);
}
#endif

/* The rest of what windows.h brings on Windows: the kernel32 shim, the C runtime extensions,
 * and, unless WIN32_LEAN_AND_MEAN, COM and OLE automation, winsock and the crypto API. */

#include <iissim/crt.h>
#include <winbase.h>
#if defined(__IISSIM_POSIX)
# include <iissim/security.h>
#endif
#ifndef WIN32_LEAN_AND_MEAN
# include <objbase.h>
# include <winsock2.h>
# include <wincrypt.h>
#endif


/* min and max, as windows.h defines them unless NOMINMAX.
 * In C++ the standard headers that declare or use std::min, std::max or numeric_limits<>::max()
 * would break if they came after these macros, so windows.h includes the common ones first (their
 * include guards then make a later #include a no-op); see docs for the list. A module that
 * includes another such header after windows.h defines NOMINMAX, as on Windows. */
#ifndef NOMINMAX
# if defined(__cplusplus) && defined(__IISSIM_POSIX)
#  include <limits>
#  include <algorithm>
#  include <utility>
#  include <string>
#  include <vector>
#  include <deque>
#  include <list>
#  include <map>
#  include <set>
#  include <unordered_map>
#  include <unordered_set>
#  include <memory>
#  include <functional>
#  include <iterator>
#  include <numeric>
#  include <iostream>
#  include <istream>
#  include <ostream>
#  include <sstream>
#  include <fstream>
#  include <iomanip>
#  include <stdexcept>
#  include <chrono>
#  include <atomic>
#  include <mutex>
#  include <thread>
#  include <condition_variable>
#  include <array>
#  include <queue>
#  include <stack>
#  include <bitset>
#  include <tuple>
#  include <climits>
#  include <cmath>
# endif
# ifndef max
#  define max(a, b)         (((a) > (b)) ? (a) : (b))
# endif
# ifndef min
#  define min(a, b)         (((a) < (b)) ? (a) : (b))
# endif
#endif

#endif  /* _WINDOWS_ */
