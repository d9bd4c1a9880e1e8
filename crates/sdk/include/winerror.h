/*
 * winerror.h: HRESULT values, Win32 error codes and the macros that build and test them, for
 * building IIS native modules off Windows with iissim. Clean-room: written from ABI facts, not
 * from any Windows SDK header. Licence: MIT OR Apache-2.0.
 *
 * Usable on its own: it spells HRESULT as int32_t (the same type as windows.h's HRESULT).
 * Win32 error codes are plain int constants (DWORD values), never C `long`.
 */
#ifndef _WINERROR_
#define _WINERROR_

#include <stdint.h>

/* Building and taking apart HRESULTs: severity bit 31, facility bits 16-28, code bits 0-15 */

#define SEVERITY_SUCCESS            0
#define SEVERITY_ERROR              1

#define FACILITY_NULL               0
#define FACILITY_RPC                1
#define FACILITY_DISPATCH           2
#define FACILITY_STORAGE            3
#define FACILITY_ITF                4
#define FACILITY_WIN32              7
#define FACILITY_WINDOWS            8
#define FACILITY_SECURITY           9
#define FACILITY_SSPI               9
#define FACILITY_CONTROL            10
#define FACILITY_CERT               11
#define FACILITY_INTERNET           12
#define FACILITY_HTTP               25

#define _HRESULT_TYPEDEF_(value)    ((int32_t)(value))

#define SUCCEEDED(hr)               (((int32_t)(hr)) >= 0)
#define FAILED(hr)                  (((int32_t)(hr)) < 0)
#define IS_ERROR(status)            ((((uint32_t)(status)) >> 31) == SEVERITY_ERROR)

#define HRESULT_CODE(hr)            (((uint32_t)(hr)) & 0xFFFF)
#define SCODE_CODE(sc)              (((uint32_t)(sc)) & 0xFFFF)
#define HRESULT_FACILITY(hr)        ((((uint32_t)(hr)) >> 16) & 0x1FFF)
#define SCODE_FACILITY(sc)          ((((uint32_t)(sc)) >> 16) & 0x1FFF)
#define HRESULT_SEVERITY(hr)        ((((uint32_t)(hr)) >> 31) & 0x1)
#define SCODE_SEVERITY(sc)          ((((uint32_t)(sc)) >> 31) & 0x1)

#define MAKE_HRESULT(sev, fac, code) \
    ((int32_t)((((uint32_t)(sev)) << 31) | (((uint32_t)(fac)) << 16) | ((uint32_t)(code))))
#define MAKE_SCODE(sev, fac, code)  MAKE_HRESULT(sev, fac, code)

/* A Win32 error code as an HRESULT: zero and negative values (already HRESULTs) pass through,
 * anything else keeps its low 16 bits under FACILITY_WIN32 with the error bit set. */
#define __HRESULT_FROM_WIN32(x)                                                              \
    (((int32_t)(x)) <= 0 ? ((int32_t)(x))                                                    \
                         : ((int32_t)((((uint32_t)(x)) & 0xFFFF) | (FACILITY_WIN32 << 16) | 0x80000000u)))

#if defined(__cplusplus) && (__cplusplus >= 201103L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201103L))
/* constexpr, so that it still works in case labels and constant initialisers */
constexpr int32_t HRESULT_FROM_WIN32(uint32_t x)
{
    return __HRESULT_FROM_WIN32(x);
}
#elif defined(__cplusplus)
inline int32_t HRESULT_FROM_WIN32(uint32_t x)
{
    return __HRESULT_FROM_WIN32(x);
}
#else
# define HRESULT_FROM_WIN32(x)      __HRESULT_FROM_WIN32(x)
#endif

/* HRESULTs */

#define S_OK                        _HRESULT_TYPEDEF_(0x00000000)
#define S_FALSE                     _HRESULT_TYPEDEF_(0x00000001)
#define NOERROR                     0
#define E_NOTIMPL                   _HRESULT_TYPEDEF_(0x80004001u)
#define E_NOINTERFACE               _HRESULT_TYPEDEF_(0x80004002u)
#define E_POINTER                   _HRESULT_TYPEDEF_(0x80004003u)
#define E_ABORT                     _HRESULT_TYPEDEF_(0x80004004u)
#define E_FAIL                      _HRESULT_TYPEDEF_(0x80004005u)
#define E_PENDING                   _HRESULT_TYPEDEF_(0x8000000Au)
#define E_UNEXPECTED                _HRESULT_TYPEDEF_(0x8000FFFFu)
#define E_ACCESSDENIED              _HRESULT_TYPEDEF_(0x80070005u)
#define E_HANDLE                    _HRESULT_TYPEDEF_(0x80070006u)
#define E_OUTOFMEMORY               _HRESULT_TYPEDEF_(0x8007000Eu)
#define E_INVALIDARG                _HRESULT_TYPEDEF_(0x80070057u)
#define E_NOT_SUFFICIENT_BUFFER     _HRESULT_TYPEDEF_(0x8007007Au)
#define E_NOT_SET                   _HRESULT_TYPEDEF_(0x80070490u)
#define E_NOT_VALID_STATE           _HRESULT_TYPEDEF_(0x8007139Fu)
#define E_CHANGED_STATE             _HRESULT_TYPEDEF_(0x8000000Cu)
#define CO_E_NOTINITIALIZED         _HRESULT_TYPEDEF_(0x800401F0u)
#define RPC_E_CHANGED_MODE          _HRESULT_TYPEDEF_(0x80010106u)
#define CO_E_CLASSSTRING            _HRESULT_TYPEDEF_(0x800401F3u)
#define REGDB_E_CLASSNOTREG         _HRESULT_TYPEDEF_(0x80040154u)
#define CLASS_E_NOAGGREGATION       _HRESULT_TYPEDEF_(0x80040110u)
#define CLASS_E_CLASSNOTAVAILABLE   _HRESULT_TYPEDEF_(0x80040111u)
#define DISP_E_UNKNOWNINTERFACE     _HRESULT_TYPEDEF_(0x80020001u)
#define DISP_E_MEMBERNOTFOUND       _HRESULT_TYPEDEF_(0x80020003u)
#define DISP_E_PARAMNOTFOUND        _HRESULT_TYPEDEF_(0x80020004u)
#define DISP_E_TYPEMISMATCH         _HRESULT_TYPEDEF_(0x80020005u)
#define DISP_E_UNKNOWNNAME          _HRESULT_TYPEDEF_(0x80020006u)
#define DISP_E_BADVARTYPE           _HRESULT_TYPEDEF_(0x80020008u)
#define DISP_E_EXCEPTION            _HRESULT_TYPEDEF_(0x80020009u)
#define DISP_E_OVERFLOW             _HRESULT_TYPEDEF_(0x8002000Au)
#define DISP_E_BADINDEX             _HRESULT_TYPEDEF_(0x8002000Bu)
#define DISP_E_ARRAYISLOCKED        _HRESULT_TYPEDEF_(0x8002000Du)
#define DISP_E_BADPARAMCOUNT        _HRESULT_TYPEDEF_(0x8002000Eu)
#define NTE_BAD_DATA                _HRESULT_TYPEDEF_(0x80090005u)
#define NTE_BAD_FLAGS               _HRESULT_TYPEDEF_(0x80090009u)
#define NTE_INVALID_PARAMETER       _HRESULT_TYPEDEF_(0x80090027u)
#define CRYPT_E_ASN1_BADTAG         _HRESULT_TYPEDEF_(0x8009310Bu)

/* Win32 error codes */

#define ERROR_SUCCESS               0
#define NO_ERROR                    0
#define ERROR_INVALID_FUNCTION      1
#define ERROR_FILE_NOT_FOUND        2
#define ERROR_PATH_NOT_FOUND        3
#define ERROR_TOO_MANY_OPEN_FILES   4
#define ERROR_ACCESS_DENIED         5
#define ERROR_INVALID_HANDLE        6
#define ERROR_NOT_ENOUGH_MEMORY     8
#define ERROR_BAD_FORMAT            11
#define ERROR_INVALID_ACCESS        12
#define ERROR_INVALID_DATA          13
#define ERROR_OUTOFMEMORY           14
#define ERROR_NOT_READY             21
#define ERROR_BAD_LENGTH            24
#define ERROR_SHARING_VIOLATION     32
#define ERROR_NO_MORE_FILES         18
#define ERROR_HANDLE_EOF            38
#define ERROR_NOT_SUPPORTED         50
#define ERROR_FILE_EXISTS           80
#define ERROR_ALREADY_ASSIGNED      85
#define ERROR_INVALID_PARAMETER     87
#define ERROR_BROKEN_PIPE           109
#define ERROR_BUFFER_OVERFLOW       111
#define ERROR_DISK_FULL             112
#define ERROR_INSUFFICIENT_BUFFER   122
#define ERROR_INVALID_NAME          123
#define ERROR_NEGATIVE_SEEK         131
#define ERROR_DIR_NOT_EMPTY         145
#define ERROR_NOT_LOCKED            158
#define ERROR_MOD_NOT_FOUND         126
#define ERROR_PROC_NOT_FOUND        127
#define ERROR_BAD_ARGUMENTS         160
#define ERROR_ALREADY_EXISTS        183
#define ERROR_ENVVAR_NOT_FOUND      203
#define ERROR_FILENAME_EXCED_RANGE  206
#define ERROR_NO_DATA               232
#define ERROR_MORE_DATA             234
#define WAIT_TIMEOUT                258
#define ERROR_NO_MORE_ITEMS         259
#define ERROR_NOT_OWNER             288
#define ERROR_TOO_MANY_POSTS        298
#define ERROR_MR_MID_NOT_FOUND      317
#define ERROR_INVALID_ADDRESS       487
#define ERROR_ARITHMETIC_OVERFLOW   534
#define ERROR_OPERATION_ABORTED     995
#define ERROR_IO_PENDING            997
#define ERROR_INVALID_FLAGS         1004
#define ERROR_NO_UNICODE_TRANSLATION 1113
#define ERROR_NOT_FOUND             1168
#define ERROR_CANCELLED             1223
#define ERROR_CONNECTION_INVALID    1229
#define ERROR_CONNECTION_ABORTED    1236
#define ERROR_INTERNAL_ERROR        1359
#define ERROR_INVALID_INDEX         1413
#define ERROR_TIMEOUT               1460
#define ERROR_NOT_ENOUGH_QUOTA      1816
#define ERROR_INVALID_STATE         5023

/* Windows Sockets error codes */

#define WSAEINTR                    10004
#define WSAEBADF                    10009
#define WSAEACCES                   10013
#define WSAEFAULT                   10014
#define WSAEINVAL                   10022
#define WSAEMFILE                   10024
#define WSAEWOULDBLOCK              10035
#define WSAEINPROGRESS              10036
#define WSAEALREADY                 10037
#define WSAENOTSOCK                 10038
#define WSAEMSGSIZE                 10040
#define WSAEAFNOSUPPORT             10047
#define WSAEADDRINUSE               10048
#define WSAEADDRNOTAVAIL            10049
#define WSAENETDOWN                 10050
#define WSAENETUNREACH              10051
#define WSAECONNABORTED             10053
#define WSAECONNRESET               10054
#define WSAENOBUFS                  10055
#define WSAEISCONN                  10056
#define WSAENOTCONN                 10057
#define WSAETIMEDOUT                10060
#define WSAECONNREFUSED             10061
#define WSAEHOSTUNREACH             10065
#define WSASYSNOTREADY              10091
#define WSAVERNOTSUPPORTED          10092
#define WSANOTINITIALISED           10093
#define WSAHOST_NOT_FOUND           11001
#define WSATRY_AGAIN                11002
#define WSANO_RECOVERY              11003
#define WSANO_DATA                  11004

#endif  /* _WINERROR_ */
