/*
 * winbase.h: the kernel32 functions an IIS native module calls, implemented header-only over
 * POSIX for building modules off Windows with iissim: text conversion, critical sections, SRW
 * locks, interlocked operations, time, files, heaps, threads, events, waits, the thread pool,
 * modules, INI files and the event log. Clean-room: written from the documented behaviour of
 * the Win32 API, not from any Windows SDK header. Licence: MIT OR Apache-2.0.
 *
 * Handles: every HANDLE this shim creates points to a tagged object (a magic number and a kind)
 * that is also entered in a per-module registry, so that CloseHandle and the waits recognise
 * their own handles without touching memory they do not own. CloseHandle on any other handle
 * (the host's synthetic tokens, for example) goes to the host's close_handle service when a host
 * is present, and otherwise fails with ERROR_INVALID_HANDLE.
 *
 * Paths: `\` becomes `/`; file names are case-sensitive as the file system is.
 * Multibyte text (CP_ACP, CP_UTF8, the A functions) is UTF-8; WCHAR is wchar_t (UTF-32).
 */
#include <windows.h>

#ifndef _WINBASE_
#define _WINBASE_

/* Constants (declared in every build) */

#define WAIT_OBJECT_0                   0x00000000
#define WAIT_ABANDONED                  0x00000080
#define WAIT_ABANDONED_0                0x00000080
#define WAIT_IO_COMPLETION              0x000000C0
#define WAIT_FAILED                     0xFFFFFFFF
#define STILL_ACTIVE                    259
#define MAXDWORD                        0xFFFFFFFF
#define MAXLONG                         0x7FFFFFFF
#define MAXULONG                        0xFFFFFFFF

#define CP_ACP                          0
#define CP_OEMCP                        1
#define CP_MACCP                        2
#define CP_THREAD_ACP                   3
#define CP_UTF7                         65000
#define CP_UTF8                         65001
#define MB_PRECOMPOSED                  0x00000001
#define MB_COMPOSITE                    0x00000002
#define MB_USEGLYPHCHARS                0x00000004
#define MB_ERR_INVALID_CHARS            0x00000008
#define WC_COMPOSITECHECK               0x00000200
#define WC_DISCARDNS                    0x00000010
#define WC_SEPCHARS                     0x00000020
#define WC_DEFAULTCHAR                  0x00000040
#define WC_ERR_INVALID_CHARS            0x00000080
#define WC_NO_BEST_FIT_CHARS            0x00000400

#define LOGON32_LOGON_INTERACTIVE       2
#define LOGON32_LOGON_NETWORK           3
#define LOGON32_LOGON_BATCH             4
#define LOGON32_LOGON_SERVICE           5
#define LOGON32_LOGON_UNLOCK            7
#define LOGON32_LOGON_NETWORK_CLEARTEXT 8
#define LOGON32_LOGON_NEW_CREDENTIALS   9
#define LOGON32_PROVIDER_DEFAULT        0

#define GENERIC_READ                    0x80000000
#define GENERIC_WRITE                   0x40000000
#define GENERIC_EXECUTE                 0x20000000
#define GENERIC_ALL                     0x10000000
#define FILE_READ_DATA                  0x0001
#define FILE_LIST_DIRECTORY             0x0001
#define FILE_WRITE_DATA                 0x0002
#define FILE_ADD_FILE                   0x0002
#define FILE_APPEND_DATA                0x0004
#define FILE_READ_EA                    0x0008
#define FILE_WRITE_EA                   0x0010
#define FILE_EXECUTE                    0x0020
#define FILE_READ_ATTRIBUTES            0x0080
#define FILE_WRITE_ATTRIBUTES           0x0100
#define DELETE                          0x00010000
#define READ_CONTROL                    0x00020000
#define SYNCHRONIZE                     0x00100000
#define STANDARD_RIGHTS_READ            READ_CONTROL
#define STANDARD_RIGHTS_WRITE           READ_CONTROL
#define FILE_GENERIC_READ               0x00120089
#define FILE_GENERIC_WRITE              0x00120116
#define FILE_ALL_ACCESS                 0x001F01FF
#define EVENT_ALL_ACCESS                0x001F0003
#define EVENT_MODIFY_STATE              0x0002
#define MUTEX_ALL_ACCESS                0x001F0001
#define SEMAPHORE_ALL_ACCESS            0x001F0003

#define FILE_SHARE_READ                 0x00000001
#define FILE_SHARE_WRITE                0x00000002
#define FILE_SHARE_DELETE               0x00000004

#define CREATE_NEW                      1
#define CREATE_ALWAYS                   2
#define OPEN_EXISTING                   3
#define OPEN_ALWAYS                     4
#define TRUNCATE_EXISTING               5

#define FILE_ATTRIBUTE_READONLY         0x00000001
#define FILE_ATTRIBUTE_HIDDEN           0x00000002
#define FILE_ATTRIBUTE_SYSTEM           0x00000004
#define FILE_ATTRIBUTE_DIRECTORY        0x00000010
#define FILE_ATTRIBUTE_ARCHIVE          0x00000020
#define FILE_ATTRIBUTE_DEVICE           0x00000040
#define FILE_ATTRIBUTE_NORMAL           0x00000080
#define FILE_ATTRIBUTE_TEMPORARY        0x00000100
#define FILE_ATTRIBUTE_REPARSE_POINT    0x00000400
#define FILE_ATTRIBUTE_COMPRESSED       0x00000800
#define FILE_ATTRIBUTE_OFFLINE          0x00001000
#define FILE_ATTRIBUTE_NOT_CONTENT_INDEXED 0x00002000
#define FILE_ATTRIBUTE_ENCRYPTED        0x00004000
#define INVALID_FILE_ATTRIBUTES         ((DWORD)-1)
#define INVALID_FILE_SIZE               ((DWORD)0xFFFFFFFF)
#define INVALID_SET_FILE_POINTER        ((DWORD)-1)

#define FILE_FLAG_WRITE_THROUGH         0x80000000
#define FILE_FLAG_OVERLAPPED            0x40000000
#define FILE_FLAG_NO_BUFFERING          0x20000000
#define FILE_FLAG_RANDOM_ACCESS         0x10000000
#define FILE_FLAG_SEQUENTIAL_SCAN       0x08000000
#define FILE_FLAG_DELETE_ON_CLOSE       0x04000000
#define FILE_FLAG_BACKUP_SEMANTICS      0x02000000
#define FILE_FLAG_POSIX_SEMANTICS       0x01000000
#define FILE_FLAG_OPEN_REPARSE_POINT    0x00200000

#define FILE_BEGIN                      0
#define FILE_CURRENT                    1
#define FILE_END                        2

#define FILE_TYPE_UNKNOWN               0x0000
#define FILE_TYPE_DISK                  0x0001
#define FILE_TYPE_CHAR                  0x0002
#define FILE_TYPE_PIPE                  0x0003

#define STD_INPUT_HANDLE                ((DWORD)-10)
#define STD_OUTPUT_HANDLE               ((DWORD)-11)
#define STD_ERROR_HANDLE                ((DWORD)-12)

#define HEAP_NO_SERIALIZE               0x00000001
#define HEAP_GENERATE_EXCEPTIONS        0x00000004
#define HEAP_ZERO_MEMORY                0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY      0x00000010

#define LMEM_FIXED                      0x0000
#define LMEM_MOVEABLE                   0x0002
#define LMEM_ZEROINIT                   0x0040
#define LPTR                            (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND                            (LMEM_MOVEABLE | LMEM_ZEROINIT)
#define GMEM_FIXED                      0x0000
#define GMEM_MOVEABLE                   0x0002
#define GMEM_ZEROINIT                   0x0040
#define GPTR                            (GMEM_FIXED | GMEM_ZEROINIT)
#define GHND                            (GMEM_MOVEABLE | GMEM_ZEROINIT)

#define MEM_COMMIT                      0x00001000
#define MEM_RESERVE                     0x00002000
#define MEM_DECOMMIT                    0x00004000
#define MEM_RELEASE                     0x00008000
#define MEM_RESET                       0x00080000
#define MEM_TOP_DOWN                    0x00100000
#define MEM_LARGE_PAGES                 0x20000000
#define PAGE_NOACCESS                   0x01
#define PAGE_READONLY                   0x02
#define PAGE_READWRITE                  0x04
#define PAGE_WRITECOPY                  0x08
#define PAGE_EXECUTE                    0x10
#define PAGE_EXECUTE_READ               0x20
#define PAGE_EXECUTE_READWRITE          0x40
#define PAGE_GUARD                      0x100

#define CREATE_SUSPENDED                0x00000004
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x00010000
#define WT_EXECUTEDEFAULT               0x00000000
#define WT_EXECUTEINIOTHREAD            0x00000001
#define WT_EXECUTELONGFUNCTION          0x00000010
#define CREATE_EVENT_MANUAL_RESET       0x00000001
#define CREATE_EVENT_INITIAL_SET        0x00000002
#define TLS_OUT_OF_INDEXES              ((DWORD)0xFFFFFFFF)

#define GET_MODULE_HANDLE_EX_FLAG_PIN                 0x00000001
#define GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT  0x00000002
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS        0x00000004

#define FORMAT_MESSAGE_ALLOCATE_BUFFER  0x00000100
#define FORMAT_MESSAGE_IGNORE_INSERTS   0x00000200
#define FORMAT_MESSAGE_FROM_STRING      0x00000400
#define FORMAT_MESSAGE_FROM_HMODULE     0x00000800
#define FORMAT_MESSAGE_FROM_SYSTEM      0x00001000
#define FORMAT_MESSAGE_ARGUMENT_ARRAY   0x00002000
#define FORMAT_MESSAGE_MAX_WIDTH_MASK   0x000000FF

#define EVENTLOG_SUCCESS                0x0000
#define EVENTLOG_ERROR_TYPE             0x0001
#define EVENTLOG_WARNING_TYPE           0x0002
#define EVENTLOG_INFORMATION_TYPE       0x0004
#define EVENTLOG_AUDIT_SUCCESS          0x0008
#define EVENTLOG_AUDIT_FAILURE          0x0010

#define MAX_COMPUTERNAME_LENGTH         15

/* Memory macros */

#define RtlEqualMemory(d, s, n)         (!memcmp((d), (s), (n)))
#define RtlMoveMemory(d, s, n)          memmove((d), (s), (n))
#define RtlCopyMemory(d, s, n)          memcpy((d), (s), (n))
#define RtlFillMemory(d, n, v)          memset((d), (v), (n))
#define RtlZeroMemory(d, n)             memset((d), 0, (n))
#define EqualMemory                     RtlEqualMemory
#define MoveMemory                      RtlMoveMemory
#define CopyMemory                      RtlCopyMemory
#define FillMemory                      RtlFillMemory
#define ZeroMemory                      RtlZeroMemory

/* Structures */

typedef struct _SECURITY_ATTRIBUTES {
    DWORD                   nLength;
    LPVOID                  lpSecurityDescriptor;
    BOOL                    bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _WIN32_FIND_DATAA {
    DWORD                   dwFileAttributes;
    FILETIME                ftCreationTime;
    FILETIME                ftLastAccessTime;
    FILETIME                ftLastWriteTime;
    DWORD                   nFileSizeHigh;
    DWORD                   nFileSizeLow;
    DWORD                   dwReserved0;
    DWORD                   dwReserved1;
    CHAR                    cFileName[MAX_PATH];
    CHAR                    cAlternateFileName[14];
} WIN32_FIND_DATAA, *PWIN32_FIND_DATAA, *LPWIN32_FIND_DATAA;

typedef struct _WIN32_FIND_DATAW {
    DWORD                   dwFileAttributes;
    FILETIME                ftCreationTime;
    FILETIME                ftLastAccessTime;
    FILETIME                ftLastWriteTime;
    DWORD                   nFileSizeHigh;
    DWORD                   nFileSizeLow;
    DWORD                   dwReserved0;
    DWORD                   dwReserved1;
    WCHAR                   cFileName[MAX_PATH];
    WCHAR                   cAlternateFileName[14];
} WIN32_FIND_DATAW, *PWIN32_FIND_DATAW, *LPWIN32_FIND_DATAW;

typedef enum _GET_FILEEX_INFO_LEVELS {
    GetFileExInfoStandard,
    GetFileExMaxInfoLevel
} GET_FILEEX_INFO_LEVELS;

typedef struct _WIN32_FILE_ATTRIBUTE_DATA {
    DWORD                   dwFileAttributes;
    FILETIME                ftCreationTime;
    FILETIME                ftLastAccessTime;
    FILETIME                ftLastWriteTime;
    DWORD                   nFileSizeHigh;
    DWORD                   nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA, *LPWIN32_FILE_ATTRIBUTE_DATA;

typedef struct _TIME_ZONE_INFORMATION {
    LONG                    Bias;
    WCHAR                   StandardName[32];
    SYSTEMTIME              StandardDate;
    LONG                    StandardBias;
    WCHAR                   DaylightName[32];
    SYSTEMTIME              DaylightDate;
    LONG                    DaylightBias;
} TIME_ZONE_INFORMATION, *PTIME_ZONE_INFORMATION, *LPTIME_ZONE_INFORMATION;

typedef struct _SYSTEM_INFO {
    __IISSIM_ANONYMOUS union {
        DWORD               dwOemId;
        __IISSIM_ANONYMOUS struct {
            WORD            wProcessorArchitecture;
            WORD            wReserved;
        };
    };
    DWORD                   dwPageSize;
    LPVOID                  lpMinimumApplicationAddress;
    LPVOID                  lpMaximumApplicationAddress;
    DWORD_PTR               dwActiveProcessorMask;
    DWORD                   dwNumberOfProcessors;
    DWORD                   dwProcessorType;
    DWORD                   dwAllocationGranularity;
    WORD                    wProcessorLevel;
    WORD                    wProcessorRevision;
} SYSTEM_INFO, *LPSYSTEM_INFO;

#define PROCESSOR_ARCHITECTURE_INTEL    0
#define PROCESSOR_ARCHITECTURE_ARM      5
#define PROCESSOR_ARCHITECTURE_AMD64    9
#define PROCESSOR_ARCHITECTURE_ARM64    12

typedef DWORD (WINAPI *PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;

/* Thread pool types */
typedef struct __iissim_tp_work TP_WORK, *PTP_WORK;
typedef struct __iissim_tp_instance TP_CALLBACK_INSTANCE, *PTP_CALLBACK_INSTANCE;
typedef struct __iissim_tp_env TP_CALLBACK_ENVIRON, *PTP_CALLBACK_ENVIRON;
typedef VOID (CALLBACK *PTP_WORK_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PTP_WORK Work);
typedef VOID (CALLBACK *PTP_SIMPLE_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context);

#ifdef UNICODE
typedef WIN32_FIND_DATAW    WIN32_FIND_DATA, *PWIN32_FIND_DATA, *LPWIN32_FIND_DATA;
#else
typedef WIN32_FIND_DATAA    WIN32_FIND_DATA, *PWIN32_FIND_DATA, *LPWIN32_FIND_DATA;
#endif

#ifdef __IISSIM_POSIX

#include <pthread.h>
#include <sched.h>
#include <errno.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <dlfcn.h>
#include <link.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/syscall.h>

/* Locks: CRITICAL_SECTION is a recursive pthread mutex, SRWLOCK a pthread rwlock (all-zero
 * bytes are a valid unlocked rwlock in glibc, so SRWLOCK_INIT and zeroed storage both work),
 * CONDITION_VARIABLE a pthread condition (SleepConditionVariableCS only). Their sizes are the
 * platform's, not Windows' (module-internal; never part of the host ABI). */

typedef struct _RTL_CRITICAL_SECTION {
    pthread_mutex_t         mutex;
    LONG                    initialized;
} CRITICAL_SECTION, RTL_CRITICAL_SECTION, *PCRITICAL_SECTION, *LPCRITICAL_SECTION, *PRTL_CRITICAL_SECTION;

typedef struct _RTL_SRWLOCK {
    pthread_rwlock_t        lock;
} SRWLOCK, RTL_SRWLOCK, *PSRWLOCK, *PRTL_SRWLOCK;
#define SRWLOCK_INIT                    { PTHREAD_RWLOCK_INITIALIZER }
#define RTL_SRWLOCK_INIT                SRWLOCK_INIT

typedef struct _RTL_CONDITION_VARIABLE {
    pthread_cond_t          cond;
} CONDITION_VARIABLE, RTL_CONDITION_VARIABLE, *PCONDITION_VARIABLE, *PRTL_CONDITION_VARIABLE;
#define CONDITION_VARIABLE_INIT         { PTHREAD_COND_INITIALIZER }

static __IISSIM_INLINE VOID InitializeCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&cs->mutex, &attr);
    pthread_mutexattr_destroy(&attr);
    cs->initialized = 1;
}
static __IISSIM_INLINE BOOL InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION cs, DWORD spin)
{
    (void)spin;
    InitializeCriticalSection(cs);
    return TRUE;
}
static __IISSIM_INLINE BOOL InitializeCriticalSectionEx(LPCRITICAL_SECTION cs, DWORD spin, DWORD flags)
{
    (void)spin;
    (void)flags;
    InitializeCriticalSection(cs);
    return TRUE;
}
static __IISSIM_INLINE DWORD SetCriticalSectionSpinCount(LPCRITICAL_SECTION cs, DWORD spin)
{
    (void)cs;
    (void)spin;
    return 0;
}
static __IISSIM_INLINE VOID EnterCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutex_lock(&cs->mutex);
}
static __IISSIM_INLINE BOOL TryEnterCriticalSection(LPCRITICAL_SECTION cs)
{
    return pthread_mutex_trylock(&cs->mutex) == 0;
}
static __IISSIM_INLINE VOID LeaveCriticalSection(LPCRITICAL_SECTION cs)
{
    pthread_mutex_unlock(&cs->mutex);
}
static __IISSIM_INLINE VOID DeleteCriticalSection(LPCRITICAL_SECTION cs)
{
    if (cs->initialized)
        pthread_mutex_destroy(&cs->mutex);
    cs->initialized = 0;
}

static __IISSIM_INLINE VOID InitializeSRWLock(PSRWLOCK l)
{
    pthread_rwlock_init(&l->lock, NULL);
}
static __IISSIM_INLINE VOID AcquireSRWLockExclusive(PSRWLOCK l)
{
    pthread_rwlock_wrlock(&l->lock);
}
static __IISSIM_INLINE VOID AcquireSRWLockShared(PSRWLOCK l)
{
    pthread_rwlock_rdlock(&l->lock);
}
static __IISSIM_INLINE VOID ReleaseSRWLockExclusive(PSRWLOCK l)
{
    pthread_rwlock_unlock(&l->lock);
}
static __IISSIM_INLINE VOID ReleaseSRWLockShared(PSRWLOCK l)
{
    pthread_rwlock_unlock(&l->lock);
}
static __IISSIM_INLINE BOOLEAN TryAcquireSRWLockExclusive(PSRWLOCK l)
{
    return pthread_rwlock_trywrlock(&l->lock) == 0;
}
static __IISSIM_INLINE BOOLEAN TryAcquireSRWLockShared(PSRWLOCK l)
{
    return pthread_rwlock_tryrdlock(&l->lock) == 0;
}

/* Interlocked operations: full barriers, on any integer width (LONG is 32-bit, the 64 forms
 * take LONG64). Each returns what the Win32 function returns. */

#define InterlockedIncrement(p)                 __sync_add_and_fetch((p), 1)
#define InterlockedDecrement(p)                 __sync_sub_and_fetch((p), 1)
#define InterlockedExchangeAdd(p, v)            __sync_fetch_and_add((p), (v))
#define InterlockedAdd(p, v)                    __sync_add_and_fetch((p), (v))
#define InterlockedExchange(p, v)               __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define InterlockedCompareExchange(p, x, c)     __sync_val_compare_and_swap((p), (c), (x))
#define InterlockedAnd(p, v)                    __sync_fetch_and_and((p), (v))
#define InterlockedOr(p, v)                     __sync_fetch_and_or((p), (v))
#define InterlockedXor(p, v)                    __sync_fetch_and_xor((p), (v))
#define InterlockedIncrement64                  InterlockedIncrement
#define InterlockedDecrement64                  InterlockedDecrement
#define InterlockedExchangeAdd64                InterlockedExchangeAdd
#define InterlockedAdd64                        InterlockedAdd
#define InterlockedExchange64                   InterlockedExchange
#define InterlockedCompareExchange64            InterlockedCompareExchange
#define InterlockedAnd64                        InterlockedAnd
#define InterlockedOr64                         InterlockedOr
#define InterlockedXor64                        InterlockedXor
#define InterlockedIncrementAcquire             InterlockedIncrement
#define InterlockedIncrementRelease             InterlockedIncrement
#define InterlockedIncrementNoFence             InterlockedIncrement
#define InterlockedDecrementAcquire             InterlockedDecrement
#define InterlockedDecrementRelease             InterlockedDecrement
#define InterlockedDecrementNoFence             InterlockedDecrement
#define InterlockedCompareExchangeAcquire       InterlockedCompareExchange
#define InterlockedCompareExchangeRelease       InterlockedCompareExchange
#define InterlockedCompareExchangeNoFence       InterlockedCompareExchange
#define _InterlockedIncrement                   InterlockedIncrement
#define _InterlockedDecrement                   InterlockedDecrement
#define _InterlockedExchange                    InterlockedExchange
#define _InterlockedExchangeAdd                 InterlockedExchangeAdd
#define _InterlockedCompareExchange             InterlockedCompareExchange

static __IISSIM_INLINE PVOID InterlockedExchangePointer(PVOID volatile *target, PVOID value)
{
    return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
}
static __IISSIM_INLINE PVOID InterlockedCompareExchangePointer(PVOID volatile *target, PVOID exchange,
                                                               PVOID comparand)
{
    return __sync_val_compare_and_swap(target, comparand, exchange);
}
#define InterlockedCompareExchangePointerAcquire InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerRelease InterlockedCompareExchangePointer
#define MemoryBarrier()                          __sync_synchronize()
#define YieldProcessor()                         ((void)0)

/* Text conversion. Code pages 0 (CP_ACP), 1, 2, 3 and 65001 are UTF-8; 28591 (ISO 8859-1) and
 * 20127 (US-ASCII) are supported too; any other fails with ERROR_INVALID_PARAMETER. */

#define __IISSIM_CP_UTF8        1
#define __IISSIM_CP_LATIN1      2
#define __IISSIM_CP_ASCII       3

static __IISSIM_INLINE int __iissim_codepage(UINT cp)
{
    switch (cp) {
    case CP_ACP: case CP_OEMCP: case CP_MACCP: case CP_THREAD_ACP: case CP_UTF8:
        return __IISSIM_CP_UTF8;
    case 28591:
        return __IISSIM_CP_LATIN1;
    case 20127:
        return __IISSIM_CP_ASCII;
    default:
        return 0;
    }
}

static __IISSIM_INLINE int MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCCH lpMultiByteStr,
                                               int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar)
{
    int kind = __iissim_codepage(CodePage);
    size_t len, i = 0;
    int out = 0;
    if (!kind || !lpMultiByteStr || cbMultiByte == 0 || cbMultiByte < -1 || cchWideChar < 0
        || (cchWideChar && !lpWideCharStr) || (const void *)lpMultiByteStr == (const void *)lpWideCharStr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    len = cbMultiByte == -1 ? strlen(lpMultiByteStr) + 1 : (size_t)cbMultiByte;
    while (i < len) {
        const unsigned char *s = (const unsigned char *)lpMultiByteStr + i;
        uint32_t c;
        size_t used = 1;
        if (kind == __IISSIM_CP_UTF8) {
            c = __iissim_utf8_decode(s, len - i, &used);
            if (c == 0xFFFFFFFFu) {
                if (dwFlags & MB_ERR_INVALID_CHARS) {
                    SetLastError(ERROR_NO_UNICODE_TRANSLATION);
                    return 0;
                }
                c = 0xFFFD;
            }
        } else {
            c = *s;
            if (kind == __IISSIM_CP_ASCII && c > 0x7F)
                c = '?';
        }
        if (cchWideChar) {
            if (out >= cchWideChar) {
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            lpWideCharStr[out] = (WCHAR)c;
        }
        out++;
        i += used;
    }
    return out;
}

static __IISSIM_INLINE int WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWCH lpWideCharStr,
                                               int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte,
                                               LPCCH lpDefaultChar, LPBOOL lpUsedDefaultChar)
{
    int kind = __iissim_codepage(CodePage);
    size_t len, i;
    int out = 0;
    if (!kind || !lpWideCharStr || cchWideChar == 0 || cchWideChar < -1 || cbMultiByte < 0
        || (cbMultiByte && !lpMultiByteStr) || (const void *)lpMultiByteStr == (const void *)lpWideCharStr
        || (kind == __IISSIM_CP_UTF8 && (lpDefaultChar || lpUsedDefaultChar))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (lpUsedDefaultChar)
        *lpUsedDefaultChar = FALSE;
    len = cchWideChar == -1 ? wcslen(lpWideCharStr) + 1 : (size_t)cchWideChar;
    for (i = 0; i < len; i++) {
        uint32_t c = (uint32_t)lpWideCharStr[i];
        char enc[4];
        size_t n;
        /* UTF-16 surrogate pairs that reached a wchar_t string are joined */
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && (uint32_t)lpWideCharStr[i + 1] >= 0xDC00
            && (uint32_t)lpWideCharStr[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)lpWideCharStr[i + 1] - 0xDC00);
            i++;
        }
        if (kind == __IISSIM_CP_UTF8) {
            if (((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) && (dwFlags & WC_ERR_INVALID_CHARS)) {
                SetLastError(ERROR_NO_UNICODE_TRANSLATION);
                return 0;
            }
            n = __iissim_utf8_encode(c, enc);
        } else {
            n = 1;
            if (c > (kind == __IISSIM_CP_ASCII ? 0x7Fu : 0xFFu)) {
                enc[0] = lpDefaultChar ? *lpDefaultChar : '?';
                if (lpUsedDefaultChar)
                    *lpUsedDefaultChar = TRUE;
            } else {
                enc[0] = (char)c;
            }
        }
        if (cbMultiByte) {
            if ((size_t)out + n > (size_t)cbMultiByte) {
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            memcpy(lpMultiByteStr + out, enc, n);
        }
        out += (int)n;
    }
    return out;
}

/* Shim helpers: UTF-8 copies of wide strings, errno to Win32 errors, Windows paths */

static __IISSIM_INLINE char *__iissim_to_utf8(LPCWSTR s)
{
    int n;
    char *out;
    if (!s)
        return NULL;
    n = WideCharToMultiByte(CP_UTF8, 0, s, -1, NULL, 0, NULL, NULL);
    out = (char *)malloc(n > 0 ? (size_t)n : 1);
    if (out && (n <= 0 || !WideCharToMultiByte(CP_UTF8, 0, s, -1, out, n, NULL, NULL)))
        out[0] = 0;
    return out;
}

/* Copies UTF-8 `s` into wide `dst` of `cch` characters (truncating, always terminated);
 * returns the full length in characters, without the NUL. */
static __IISSIM_INLINE size_t __iissim_utf8_to_wide_buf(const char *s, LPWSTR dst, size_t cch)
{
    size_t len = strlen(s), i = 0, out = 0;
    while (i < len) {
        size_t used;
        uint32_t c = __iissim_utf8_decode((const unsigned char *)s + i, len - i, &used);
        if (dst && out + 1 < cch)
            dst[out] = (WCHAR)(c == 0xFFFFFFFFu ? 0xFFFD : c);
        out++;
        i += used;
    }
    if (dst && cch)
        dst[out < cch ? out : cch - 1] = 0;
    return out;
}

static __IISSIM_INLINE DWORD __iissim_errno_to_win32(int e)
{
    switch (e) {
    case 0: return ERROR_SUCCESS;
    case ENOENT: return ERROR_FILE_NOT_FOUND;
    case ENOTDIR: return ERROR_PATH_NOT_FOUND;
    case EACCES: case EPERM: case EROFS: case EISDIR: return ERROR_ACCESS_DENIED;
    case EEXIST: return ERROR_FILE_EXISTS;
    case EBADF: return ERROR_INVALID_HANDLE;
    case ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
    case EMFILE: case ENFILE: return ERROR_TOO_MANY_OPEN_FILES;
    case ENOSPC: return ERROR_DISK_FULL;
    case ENAMETOOLONG: return ERROR_FILENAME_EXCED_RANGE;
    case ENOTEMPTY: return ERROR_DIR_NOT_EMPTY;
    case EBUSY: case ETXTBSY: return ERROR_SHARING_VIOLATION;
    case EAGAIN: return ERROR_NOT_READY;
    case EPIPE: return ERROR_BROKEN_PIPE;
    case ENOSYS: case ENOTSUP: return ERROR_NOT_SUPPORTED;
    case EINVAL: default: return ERROR_INVALID_PARAMETER;
    }
}

static __IISSIM_INLINE void __iissim_set_errno_error(void)
{
    SetLastError(__iissim_errno_to_win32(errno));
}

/* A heap copy of a Windows path with `\` turned into `/` */
static __IISSIM_INLINE char *__iissim_path(const char *path)
{
    char *p = path ? _strdup(path) : NULL, *c;
    for (c = p; c && *c; c++)
        if (*c == '\\')
            *c = '/';
    return p;
}

/* After ENOENT: ERROR_PATH_NOT_FOUND when the folder is missing, as Windows tells the two apart */
static __IISSIM_INLINE DWORD __iissim_not_found(const char *path)
{
    struct stat st;
    char *copy = _strdup(path), *slash;
    DWORD err = ERROR_FILE_NOT_FOUND;
    if (copy && (slash = strrchr(copy, '/')) != NULL && slash != copy) {
        *slash = 0;
        if (stat(copy, &st) != 0 || !S_ISDIR(st.st_mode))
            err = ERROR_PATH_NOT_FOUND;
    }
    free(copy);
    return err;
}

/* Handles: a tagged object in a per-module registry */

#define __IISSIM_HANDLE_MAGIC   0x4D49534Bu
enum {
    __IISSIM_H_FILE = 1,
    __IISSIM_H_FIND,
    __IISSIM_H_EVENT,
    __IISSIM_H_THREAD,
    __IISSIM_H_MUTEX,
    __IISSIM_H_SEMAPHORE,
    __IISSIM_H_EVENTLOG
};

typedef struct __iissim_handle {
    uint32_t                magic;
    uint32_t                kind;
    struct __iissim_handle *next;
    struct __iissim_handle *prev;
} __iissim_handle;

/* Waitable objects: one lock and one condition each */
typedef struct __iissim_waitable {
    __iissim_handle         h;
    pthread_mutex_t         lock;
    pthread_cond_t          cond;
} __iissim_waitable;

typedef struct __iissim_event {
    __iissim_waitable       w;
    int                     manual;
    int                     signaled;
} __iissim_event;

typedef struct __iissim_thread {
    __iissim_waitable       w;
    pthread_t               thread;
    PTHREAD_START_ROUTINE   start;
    LPVOID                  param;
    DWORD                   tid;
    DWORD                   exit_code;
    int                     done;
    int                     suspended;
    int                     refs;       /* the handle and the running thread */
} __iissim_thread;

typedef struct __iissim_mutex {
    __iissim_waitable       w;
    DWORD                   owner;
    DWORD                   count;
} __iissim_mutex;

typedef struct __iissim_semaphore {
    __iissim_waitable       w;
    LONG                    count;
    LONG                    max;
} __iissim_semaphore;

typedef struct __iissim_file {
    __iissim_handle         h;
    int                     fd;
    char                   *delete_on_close;
} __iissim_file;

typedef struct __iissim_find {
    __iissim_handle         h;
    DIR                    *dir;
    char                   *folder;
    char                   *pattern;
} __iissim_find;

typedef struct __iissim_eventlog {
    __iissim_handle         h;
    char                   *source;
} __iissim_eventlog;

__IISSIM_SHARED pthread_mutex_t __iissim_handles_lock = PTHREAD_MUTEX_INITIALIZER;
__IISSIM_SHARED __iissim_handle *__iissim_handles = NULL;

static __IISSIM_INLINE void *__iissim_handle_new(size_t size, uint32_t kind)
{
    __iissim_handle *h = (__iissim_handle *)calloc(1, size);
    if (!h) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    h->magic = __IISSIM_HANDLE_MAGIC;
    h->kind = kind;
    pthread_mutex_lock(&__iissim_handles_lock);
    h->next = __iissim_handles;
    if (__iissim_handles)
        __iissim_handles->prev = h;
    __iissim_handles = h;
    pthread_mutex_unlock(&__iissim_handles_lock);
    return h;
}

/* The object behind `handle` if this module's shim made it (and, unless kind is 0, of that
 * kind); never reads memory it did not allocate. */
static __IISSIM_INLINE __iissim_handle *__iissim_handle_get(HANDLE handle, uint32_t kind)
{
    __iissim_handle *h;
    pthread_mutex_lock(&__iissim_handles_lock);
    for (h = __iissim_handles; h; h = h->next)
        if ((HANDLE)h == handle)
            break;
    pthread_mutex_unlock(&__iissim_handles_lock);
    if (!h || (kind && h->kind != kind)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return h;
}

static __IISSIM_INLINE int __iissim_handle_unlink(__iissim_handle *target)
{
    __iissim_handle *h;
    pthread_mutex_lock(&__iissim_handles_lock);
    for (h = __iissim_handles; h; h = h->next)
        if (h == target)
            break;
    if (h) {
        if (h->prev)
            h->prev->next = h->next;
        else
            __iissim_handles = h->next;
        if (h->next)
            h->next->prev = h->prev;
        h->magic = 0;
    }
    pthread_mutex_unlock(&__iissim_handles_lock);
    return h != NULL;
}

static __IISSIM_INLINE void __iissim_waitable_init(__iissim_waitable *w)
{
    pthread_condattr_t attr;
    pthread_mutex_init(&w->lock, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->cond, &attr);
    pthread_condattr_destroy(&attr);
}

static __IISSIM_INLINE void __iissim_waitable_destroy(__iissim_waitable *w)
{
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->cond);
}

/* Time */

#define __IISSIM_EPOCH_DIFF     11644473600LL   /* seconds from 1601-01-01 to 1970-01-01 */

static __IISSIM_INLINE ULONGLONG __iissim_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ULONGLONG)ts.tv_sec * 1000000000ull + (ULONGLONG)ts.tv_nsec;
}

static __IISSIM_INLINE DWORD GetTickCount(void)
{
    return (DWORD)(__iissim_monotonic_ns() / 1000000ull);
}
static __IISSIM_INLINE ULONGLONG GetTickCount64(void)
{
    return __iissim_monotonic_ns() / 1000000ull;
}
static __IISSIM_INLINE BOOL QueryPerformanceCounter(LARGE_INTEGER *count)
{
    count->QuadPart = (LONGLONG)__iissim_monotonic_ns();
    return TRUE;
}
static __IISSIM_INLINE BOOL QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    frequency->QuadPart = 1000000000LL;
    return TRUE;
}

static __IISSIM_INLINE VOID Sleep(DWORD ms)
{
    struct timespec ts;
    if (ms == INFINITE) {
        for (;;)
            pause();
    }
    ts.tv_sec = (time_t)(ms / 1000);
    ts.tv_nsec = (long)(ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}
static __IISSIM_INLINE DWORD SleepEx(DWORD ms, BOOL alertable)
{
    (void)alertable;
    Sleep(ms);
    return 0;
}
static __IISSIM_INLINE BOOL SwitchToThread(void)
{
    sched_yield();
    return TRUE;
}

static __IISSIM_INLINE ULONGLONG __iissim_filetime_u64(const FILETIME *ft)
{
    return ((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
}
static __IISSIM_INLINE void __iissim_u64_filetime(ULONGLONG v, FILETIME *ft)
{
    ft->dwLowDateTime = (DWORD)v;
    ft->dwHighDateTime = (DWORD)(v >> 32);
}
static __IISSIM_INLINE void __iissim_timespec_filetime(time_t sec, long nsec, FILETIME *ft)
{
    __iissim_u64_filetime((ULONGLONG)((LONGLONG)sec + __IISSIM_EPOCH_DIFF) * 10000000ull + (ULONGLONG)nsec / 100u,
                          ft);
}

static __IISSIM_INLINE VOID GetSystemTimeAsFileTime(LPFILETIME ft)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    __iissim_timespec_filetime(ts.tv_sec, ts.tv_nsec, ft);
}
#define GetSystemTimePreciseAsFileTime GetSystemTimeAsFileTime

static __IISSIM_INLINE void __iissim_tm_systemtime(const struct tm *tm, WORD ms, LPSYSTEMTIME st)
{
    st->wYear = (WORD)(tm->tm_year + 1900);
    st->wMonth = (WORD)(tm->tm_mon + 1);
    st->wDayOfWeek = (WORD)tm->tm_wday;
    st->wDay = (WORD)tm->tm_mday;
    st->wHour = (WORD)tm->tm_hour;
    st->wMinute = (WORD)tm->tm_min;
    st->wSecond = (WORD)tm->tm_sec;
    st->wMilliseconds = ms;
}

static __IISSIM_INLINE BOOL FileTimeToSystemTime(const FILETIME *ft, LPSYSTEMTIME st)
{
    ULONGLONG v = __iissim_filetime_u64(ft);
    time_t sec;
    struct tm tm;
    if (v >= 0x8000000000000000ull) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    sec = (time_t)((LONGLONG)(v / 10000000ull) - __IISSIM_EPOCH_DIFF);
    if (!gmtime_r(&sec, &tm)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    __iissim_tm_systemtime(&tm, (WORD)((v / 10000ull) % 1000ull), st);
    return TRUE;
}

static __IISSIM_INLINE BOOL SystemTimeToFileTime(const SYSTEMTIME *st, LPFILETIME ft)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    struct tm tm;
    time_t sec;
    int leap = (st->wYear % 4 == 0 && st->wYear % 100 != 0) || st->wYear % 400 == 0;
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 || st->wDay < 1
        || st->wDay > days[st->wMonth - 1] || (st->wMonth == 2 && !leap && st->wDay > 28) || st->wHour > 23
        || st->wMinute > 59 || st->wSecond > 59 || st->wMilliseconds > 999) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    memset(&tm, 0, sizeof tm);
    tm.tm_year = st->wYear - 1900;
    tm.tm_mon = st->wMonth - 1;
    tm.tm_mday = st->wDay;
    tm.tm_hour = st->wHour;
    tm.tm_min = st->wMinute;
    tm.tm_sec = st->wSecond;
    sec = timegm(&tm);
    __iissim_u64_filetime((ULONGLONG)((LONGLONG)sec + __IISSIM_EPOCH_DIFF) * 10000000ull
                              + (ULONGLONG)st->wMilliseconds * 10000ull,
                          ft);
    return TRUE;
}

static __IISSIM_INLINE VOID GetSystemTime(LPSYSTEMTIME st)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToSystemTime(&ft, st);
}

static __IISSIM_INLINE VOID GetLocalTime(LPSYSTEMTIME st)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    localtime_r(&ts.tv_sec, &tm);
    __iissim_tm_systemtime(&tm, (WORD)(ts.tv_nsec / 1000000L), st);
}

/* With a TIME_ZONE_INFORMATION, its Bias and StandardBias apply (no daylight rules); with NULL,
 * the process's time zone (TZ) does. */
static __IISSIM_INLINE BOOL SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc,
                                                            LPSYSTEMTIME local)
{
    FILETIME ft;
    ULONGLONG v;
    time_t sec;
    struct tm tm;
    if (!SystemTimeToFileTime(utc, &ft))
        return FALSE;
    v = __iissim_filetime_u64(&ft);
    if (tz) {
        LONGLONG shift = -(LONGLONG)(tz->Bias + tz->StandardBias) * 60LL * 10000000LL;
        __iissim_u64_filetime((ULONGLONG)((LONGLONG)v + shift), &ft);
        return FileTimeToSystemTime(&ft, local);
    }
    sec = (time_t)((LONGLONG)(v / 10000000ull) - __IISSIM_EPOCH_DIFF);
    if (!localtime_r(&sec, &tm)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    __iissim_tm_systemtime(&tm, utc->wMilliseconds, local);
    return TRUE;
}

static __IISSIM_INLINE BOOL FileTimeToLocalFileTime(const FILETIME *ft, LPFILETIME local)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    __iissim_u64_filetime(__iissim_filetime_u64(ft) + (ULONGLONG)((LONGLONG)tm.tm_gmtoff * 10000000LL), local);
    return TRUE;
}

static __IISSIM_INLINE BOOL LocalFileTimeToFileTime(const FILETIME *local, LPFILETIME ft)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    __iissim_u64_filetime(__iissim_filetime_u64(local) - (ULONGLONG)((LONGLONG)tm.tm_gmtoff * 10000000LL), ft);
    return TRUE;
}

static __IISSIM_INLINE LONG CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    ULONGLONG x = __iissim_filetime_u64(a), y = __iissim_filetime_u64(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

/* Process and system */

static __IISSIM_INLINE DWORD GetCurrentThreadId(void)
{
    return (DWORD)syscall(SYS_gettid);
}
static __IISSIM_INLINE DWORD GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}
static __IISSIM_INLINE HANDLE GetCurrentProcess(void)
{
    return (HANDLE)(LONG_PTR)-1;
}
static __IISSIM_INLINE HANDLE GetCurrentThread(void)
{
    return (HANDLE)(LONG_PTR)-2;
}

static __IISSIM_INLINE VOID GetSystemInfo(LPSYSTEM_INFO si)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    memset(si, 0, sizeof *si);
#if defined(__aarch64__)
    si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_ARM64;
#else
    si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
#endif
    si->dwPageSize = (DWORD)sysconf(_SC_PAGESIZE);
    si->lpMinimumApplicationAddress = (LPVOID)(uintptr_t)0x10000;
    si->lpMaximumApplicationAddress = (LPVOID)(uintptr_t)0x7FFFFFFEFFFFull;
    si->dwNumberOfProcessors = cpus > 0 ? (DWORD)cpus : 1;
    si->dwActiveProcessorMask = si->dwNumberOfProcessors >= 64 ? ~(DWORD_PTR)0
                                                               : (((DWORD_PTR)1 << si->dwNumberOfProcessors) - 1);
    si->dwAllocationGranularity = 65536;
}
#define GetNativeSystemInfo GetSystemInfo

/* The host name up to its first dot, upper-cased, as the NetBIOS name reads */
static __IISSIM_INLINE BOOL GetComputerNameA(LPSTR buf, LPDWORD size)
{
    char name[256];
    size_t n, i;
    if (!size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (gethostname(name, sizeof name) != 0)
        strcpy(name, "LOCALHOST");
    name[sizeof name - 1] = 0;
    n = strcspn(name, ".");
    name[n] = 0;
    for (i = 0; i < n; i++)
        if (name[i] >= 'a' && name[i] <= 'z')
            name[i] = (char)(name[i] - ('a' - 'A'));
    if (!buf || *size < n + 1) {
        *size = (DWORD)(n + 1);
        SetLastError(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    memcpy(buf, name, n + 1);
    *size = (DWORD)n;
    return TRUE;
}

static __IISSIM_INLINE BOOL GetComputerNameW(LPWSTR buf, LPDWORD size)
{
    char name[256];
    DWORD n = sizeof name;
    size_t len;
    if (!size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetComputerNameA(name, &n))
        return FALSE;
    len = __iissim_utf8_to_wide_buf(name, NULL, 0);
    if (!buf || *size < len + 1) {
        *size = (DWORD)(len + 1);
        SetLastError(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    __iissim_utf8_to_wide_buf(name, buf, *size);
    *size = (DWORD)len;
    return TRUE;
}

/* Environment variables (names are looked up as written, then upper-cased) */

static __IISSIM_INLINE const char *__iissim_getenv(const char *name, size_t len)
{
    char key[256];
    const char *v;
    size_t i;
    if (len >= sizeof key)
        return NULL;
    memcpy(key, name, len);
    key[len] = 0;
    v = getenv(key);
    if (v)
        return v;
    for (i = 0; i < len; i++)
        if (key[i] >= 'a' && key[i] <= 'z')
            key[i] = (char)(key[i] - ('a' - 'A'));
    return getenv(key);
}

static __IISSIM_INLINE DWORD GetEnvironmentVariableA(LPCSTR name, LPSTR buf, DWORD size)
{
    const char *v = name ? __iissim_getenv(name, strlen(name)) : NULL;
    size_t n;
    if (!v) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    n = strlen(v);
    if (!buf || size < n + 1)
        return (DWORD)(n + 1);
    memcpy(buf, v, n + 1);
    return (DWORD)n;
}

static __IISSIM_INLINE DWORD GetEnvironmentVariableW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    char *key = __iissim_to_utf8(name);
    const char *v = key ? __iissim_getenv(key, strlen(key)) : NULL;
    size_t n;
    free(key);
    if (!v) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    n = __iissim_utf8_to_wide_buf(v, NULL, 0);
    if (!buf || size < n + 1)
        return (DWORD)(n + 1);
    __iissim_utf8_to_wide_buf(v, buf, size);
    return (DWORD)n;
}

static __IISSIM_INLINE BOOL SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    int r = value ? setenv(name, value, 1) : unsetenv(name);
    if (r != 0) {
        __iissim_set_errno_error();
        return FALSE;
    }
    return TRUE;
}

/* %NAME% becomes the variable's value; unknown names stay as written. Returns the characters
 * needed including the NUL; the text is written only when it fits. */
static __IISSIM_INLINE DWORD ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    size_t out = 0;
    const char *p = src;
    if (!src) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    while (*p) {
        const char *end, *v = NULL;
        size_t n = 1;
        const char *piece = p;
        if (*p == '%' && (end = strchr(p + 1, '%')) != NULL && end > p + 1
            && (v = __iissim_getenv(p + 1, (size_t)(end - p - 1))) != NULL) {
            piece = v;
            n = strlen(v);
            p = end + 1;
        } else {
            p++;
        }
        if (dst && out + n < size)
            memcpy(dst + out, piece, n);
        out += n;
    }
    if (dst && out < size)
        dst[out] = 0;
    else if (dst && size)
        dst[0] = 0;
    return (DWORD)(out + 1);
}

static __IISSIM_INLINE DWORD ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    char *s = __iissim_to_utf8(src), *expanded;
    DWORD n, len;
    if (!s) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    n = ExpandEnvironmentStringsA(s, NULL, 0);
    expanded = (char *)malloc(n);
    if (!expanded) {
        free(s);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    ExpandEnvironmentStringsA(s, expanded, n);
    len = (DWORD)__iissim_utf8_to_wide_buf(expanded, NULL, 0) + 1;
    if (dst && size >= len)
        __iissim_utf8_to_wide_buf(expanded, dst, size);
    free(s);
    free(expanded);
    return len;
}

/* Modules. An HMODULE is the base address of a loaded image, as on Windows, so that the module
 * itself is found from any of its addresses with dladdr. */

static __IISSIM_INLINE int __iissim_exe_base_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    int i;
    (void)size;
    for (i = 0; i < info->dlpi_phnum; i++) {
        if (info->dlpi_phdr[i].p_type == PT_LOAD) {
            *(uintptr_t *)data = (uintptr_t)info->dlpi_addr + (uintptr_t)info->dlpi_phdr[i].p_vaddr;
            break;
        }
    }
    return 1; /* the first object is the program itself */
}

static __IISSIM_INLINE HMODULE __iissim_exe_base(void)
{
    uintptr_t base = 0;
    dl_iterate_phdr(__iissim_exe_base_cb, &base);
    return (HMODULE)base;
}

/* The file of `module` (NULL: the program) in a heap string, or NULL */
static __IISSIM_INLINE char *__iissim_module_path(HMODULE module)
{
    Dl_info info;
    char buf[4096];
    ssize_t n;
    if (module && module != __iissim_exe_base()) {
        if (!dladdr((const void *)module, &info) || !info.dli_fname || !info.dli_fname[0]
            || info.dli_fbase != (void *)module)
            return NULL;
        if (info.dli_fname[0] != '/' && realpath(info.dli_fname, buf))
            return _strdup(buf);
        return _strdup(info.dli_fname);
    }
    n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = 0;
    return _strdup(buf);
}

static __IISSIM_INLINE DWORD GetModuleFileNameA(HMODULE module, LPSTR buf, DWORD size)
{
    char *path = __iissim_module_path(module);
    size_t n;
    if (!path) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    n = strlen(path);
    if (!size) {
        free(path);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (n + 1 > size) {
        memcpy(buf, path, size - 1);
        buf[size - 1] = 0;
        free(path);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    memcpy(buf, path, n + 1);
    free(path);
    SetLastError(ERROR_SUCCESS);
    return (DWORD)n;
}

static __IISSIM_INLINE DWORD GetModuleFileNameW(HMODULE module, LPWSTR buf, DWORD size)
{
    char *path = __iissim_module_path(module);
    size_t n;
    if (!path) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    n = __iissim_utf8_to_wide_buf(path, buf, size);
    free(path);
    if (!size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (n + 1 > size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    SetLastError(ERROR_SUCCESS);
    return (DWORD)n;
}

static __IISSIM_INLINE HMODULE __iissim_module_by_name(const char *name)
{
    void *handle;
    struct link_map *map = NULL;
    if (!name)
        return __iissim_exe_base();
    handle = dlopen(name, RTLD_LAZY | RTLD_NOLOAD);
    if (!handle)
        return NULL;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || !map) {
        dlclose(handle);
        return NULL;
    }
    dlclose(handle);
    return (HMODULE)map->l_addr;
}

static __IISSIM_INLINE BOOL GetModuleHandleExA(DWORD flags, LPCSTR name, HMODULE *module)
{
    HMODULE m = NULL;
    if (!module) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) {
        Dl_info info;
        if (dladdr((const void *)name, &info) && info.dli_fbase)
            m = (HMODULE)info.dli_fbase;
    } else {
        char *path = __iissim_path(name);
        m = __iissim_module_by_name(path);
        free(path);
    }
    *module = m;
    if (!m) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return FALSE;
    }
    return TRUE;
}

static __IISSIM_INLINE BOOL GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *module)
{
    BOOL r;
    char *utf8;
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        return GetModuleHandleExA(flags, (LPCSTR)(const void *)name, module);
    utf8 = __iissim_to_utf8(name);
    r = GetModuleHandleExA(flags, utf8, module);
    free(utf8);
    return r;
}

static __IISSIM_INLINE HMODULE GetModuleHandleA(LPCSTR name)
{
    HMODULE m = NULL;
    GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &m);
    return m;
}

static __IISSIM_INLINE HMODULE GetModuleHandleW(LPCWSTR name)
{
    HMODULE m = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &m);
    return m;
}

typedef INT_PTR (WINAPI *FARPROC)(void);

static __IISSIM_INLINE FARPROC GetProcAddress(HMODULE module, LPCSTR name)
{
    char *path = module ? __iissim_module_path(module) : NULL;
    void *handle = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
    void *sym = handle ? dlsym(handle, name) : NULL;
    FARPROC proc;
    free(path);
    if (handle)
        dlclose(handle);
    if (!sym)
        SetLastError(ERROR_PROC_NOT_FOUND);
    memcpy(&proc, &sym, sizeof proc);
    return proc;
}

static __IISSIM_INLINE BOOL DisableThreadLibraryCalls(HMODULE module)
{
    (void)module;
    return TRUE;
}

/* Heaps. HeapAlloc, LocalAlloc and GlobalAlloc share one allocator (malloc with a 16-byte
 * header that keeps the requested size), so any of their Free functions frees any of them.
 * There is one heap: HeapCreate returns the process heap and HeapDestroy frees nothing. */

__IISSIM_SHARED char __iissim_process_heap;

#define __IISSIM_BLOCK_MAGIC    0x48454150u
typedef struct __iissim_block {
    size_t                  size;
    size_t                  magic;
} __iissim_block;

static __IISSIM_INLINE void *__iissim_block_alloc(size_t size, int zero)
{
    __iissim_block *b = (__iissim_block *)(zero ? calloc(1, sizeof(__iissim_block) + size)
                                                : malloc(sizeof(__iissim_block) + size));
    if (!b)
        return NULL;
    b->size = size;
    b->magic = __IISSIM_BLOCK_MAGIC;
    return b + 1;
}

static __IISSIM_INLINE __iissim_block *__iissim_block_of(const void *p)
{
    __iissim_block *b = p ? (__iissim_block *)p - 1 : NULL;
    return b && b->magic == __IISSIM_BLOCK_MAGIC ? b : NULL;
}

static __IISSIM_INLINE void *__iissim_block_realloc(void *p, size_t size, int zero)
{
    __iissim_block *b = __iissim_block_of(p), *nb;
    size_t old;
    if (!p)
        return __iissim_block_alloc(size, zero);
    if (!b)
        return NULL;
    old = b->size;
    nb = (__iissim_block *)realloc(b, sizeof(__iissim_block) + size);
    if (!nb)
        return NULL;
    if (zero && size > old)
        memset((char *)(nb + 1) + old, 0, size - old);
    nb->size = size;
    return nb + 1;
}

static __IISSIM_INLINE int __iissim_block_free(void *p)
{
    __iissim_block *b = __iissim_block_of(p);
    if (!b)
        return 0;
    b->magic = 0;
    free(b);
    return 1;
}

static __IISSIM_INLINE HANDLE GetProcessHeap(void)
{
    return (HANDLE)&__iissim_process_heap;
}
static __IISSIM_INLINE HANDLE HeapCreate(DWORD options, SIZE_T initial, SIZE_T maximum)
{
    (void)options;
    (void)initial;
    (void)maximum;
    return GetProcessHeap();
}
static __IISSIM_INLINE BOOL HeapDestroy(HANDLE heap)
{
    (void)heap;
    return TRUE;
}
static __IISSIM_INLINE LPVOID HeapAlloc(HANDLE heap, DWORD flags, SIZE_T size)
{
    void *p = __iissim_block_alloc(size, (flags & HEAP_ZERO_MEMORY) != 0);
    (void)heap;
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}
static __IISSIM_INLINE LPVOID HeapReAlloc(HANDLE heap, DWORD flags, LPVOID mem, SIZE_T size)
{
    void *p;
    (void)heap;
    if (!mem || (flags & HEAP_REALLOC_IN_PLACE_ONLY)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    p = __iissim_block_realloc(mem, size, (flags & HEAP_ZERO_MEMORY) != 0);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}
static __IISSIM_INLINE BOOL HeapFree(HANDLE heap, DWORD flags, LPVOID mem)
{
    (void)heap;
    (void)flags;
    if (!mem)
        return TRUE;
    if (!__iissim_block_free(mem)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}
static __IISSIM_INLINE SIZE_T HeapSize(HANDLE heap, DWORD flags, LPCVOID mem)
{
    __iissim_block *b = __iissim_block_of(mem);
    (void)heap;
    (void)flags;
    return b ? b->size : (SIZE_T)-1;
}

static __IISSIM_INLINE HLOCAL LocalAlloc(UINT flags, SIZE_T size)
{
    void *p = __iissim_block_alloc(size, (flags & LMEM_ZEROINIT) != 0);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}
static __IISSIM_INLINE HLOCAL LocalReAlloc(HLOCAL mem, SIZE_T size, UINT flags)
{
    void *p = __iissim_block_realloc(mem, size, (flags & LMEM_ZEROINIT) != 0);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}
/* Returns NULL on success, the block on failure */
static __IISSIM_INLINE HLOCAL LocalFree(HLOCAL mem)
{
    if (mem && !__iissim_block_free(mem)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return mem;
    }
    return NULL;
}
static __IISSIM_INLINE LPVOID LocalLock(HLOCAL mem)
{
    return mem;
}
static __IISSIM_INLINE BOOL LocalUnlock(HLOCAL mem)
{
    (void)mem;
    SetLastError(ERROR_NOT_LOCKED);
    return FALSE;
}
static __IISSIM_INLINE SIZE_T LocalSize(HLOCAL mem)
{
    __iissim_block *b = __iissim_block_of(mem);
    return b ? b->size : 0;
}
#define GlobalAlloc(flags, size)        LocalAlloc((flags), (size))
#define GlobalReAlloc(mem, size, flags) LocalReAlloc((mem), (size), (flags))
#define GlobalFree(mem)                 LocalFree(mem)
#define GlobalLock(mem)                 LocalLock(mem)
#define GlobalUnlock(mem)               LocalUnlock(mem)
#define GlobalSize(mem)                 LocalSize(mem)

/* Virtual memory over mmap. Regions are recorded so that MEM_RELEASE with size 0 frees the
 * whole reservation, as on Windows. */

typedef struct __iissim_region {
    char                   *base;
    size_t                  size;
    struct __iissim_region *next;
} __iissim_region;

__IISSIM_SHARED pthread_mutex_t __iissim_regions_lock = PTHREAD_MUTEX_INITIALIZER;
__IISSIM_SHARED __iissim_region *__iissim_regions = NULL;

static __IISSIM_INLINE int __iissim_prot(DWORD protect)
{
    switch (protect & 0xFF) {
    case PAGE_NOACCESS: return PROT_NONE;
    case PAGE_READONLY: return PROT_READ;
    case PAGE_READWRITE: case PAGE_WRITECOPY: return PROT_READ | PROT_WRITE;
    case PAGE_EXECUTE: return PROT_EXEC;
    case PAGE_EXECUTE_READ: return PROT_READ | PROT_EXEC;
    case PAGE_EXECUTE_READWRITE: return PROT_READ | PROT_WRITE | PROT_EXEC;
    default: return -1;
    }
}

static __IISSIM_INLINE LPVOID VirtualAlloc(LPVOID address, SIZE_T size, DWORD type, DWORD protect)
{
    int prot = __iissim_prot(protect);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    void *p;
    __iissim_region *r;
    if (prot < 0 || !size || !(type & (MEM_COMMIT | MEM_RESERVE))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (address && !(type & MEM_RESERVE)) {
        /* Commit inside an existing reservation */
        char *start = (char *)((uintptr_t)address & ~(uintptr_t)(page - 1));
        size_t len = (size_t)((char *)address + size - start);
        if (mprotect(start, len, prot) != 0) {
            __iissim_set_errno_error();
            return NULL;
        }
        return start;
    }
    size = (size + page - 1) & ~(page - 1);
    p = mmap(address, size, (type & MEM_COMMIT) ? prot : PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    r = (__iissim_region *)malloc(sizeof *r);
    if (r) {
        r->base = (char *)p;
        r->size = size;
        pthread_mutex_lock(&__iissim_regions_lock);
        r->next = __iissim_regions;
        __iissim_regions = r;
        pthread_mutex_unlock(&__iissim_regions_lock);
    }
    return p;
}

static __IISSIM_INLINE BOOL VirtualFree(LPVOID address, SIZE_T size, DWORD type)
{
    __iissim_region **link, *r = NULL;
    if (type & MEM_DECOMMIT) {
        if (!size || mprotect(address, size, PROT_NONE) != 0
            || madvise(address, size, MADV_DONTNEED) != 0) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        return TRUE;
    }
    if (!(type & MEM_RELEASE) || size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pthread_mutex_lock(&__iissim_regions_lock);
    for (link = &__iissim_regions; *link; link = &(*link)->next) {
        if ((*link)->base == (char *)address) {
            r = *link;
            *link = r->next;
            break;
        }
    }
    pthread_mutex_unlock(&__iissim_regions_lock);
    if (!r) {
        SetLastError(ERROR_INVALID_ADDRESS);
        return FALSE;
    }
    munmap(r->base, r->size);
    free(r);
    return TRUE;
}

static __IISSIM_INLINE BOOL VirtualProtect(LPVOID address, SIZE_T size, DWORD protect, PDWORD old)
{
    int prot = __iissim_prot(protect);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *start = (char *)((uintptr_t)address & ~(uintptr_t)(page - 1));
    if (old)
        *old = PAGE_READWRITE; /* not tracked */
    if (prot < 0 || mprotect(start, (size_t)((char *)address + size - start), prot) != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

/* Waits */

static __IISSIM_INLINE void __iissim_deadline(DWORD ms, struct timespec *ts)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += (time_t)(ms / 1000);
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Takes the object if it is signaled (the caller holds its lock); returns nonzero if taken */
static __IISSIM_INLINE int __iissim_try_take(__iissim_handle *h, int consume)
{
    switch (h->kind) {
    case __IISSIM_H_EVENT: {
        __iissim_event *e = (__iissim_event *)h;
        if (!e->signaled)
            return 0;
        if (consume && !e->manual)
            e->signaled = 0;
        return 1;
    }
    case __IISSIM_H_THREAD:
        return ((__iissim_thread *)h)->done;
    case __IISSIM_H_MUTEX: {
        __iissim_mutex *m = (__iissim_mutex *)h;
        DWORD me = GetCurrentThreadId();
        if (m->count && m->owner != me)
            return 0;
        if (consume) {
            m->owner = me;
            m->count++;
        }
        return 1;
    }
    case __IISSIM_H_SEMAPHORE: {
        __iissim_semaphore *s = (__iissim_semaphore *)h;
        if (s->count <= 0)
            return 0;
        if (consume)
            s->count--;
        return 1;
    }
    default:
        return 0;
    }
}

static __IISSIM_INLINE int __iissim_waitable_kind(uint32_t kind)
{
    return kind == __IISSIM_H_EVENT || kind == __IISSIM_H_THREAD || kind == __IISSIM_H_MUTEX
           || kind == __IISSIM_H_SEMAPHORE;
}

static __IISSIM_INLINE DWORD WaitForSingleObject(HANDLE handle, DWORD ms)
{
    __iissim_handle *h = __iissim_handle_get(handle, 0);
    __iissim_waitable *w;
    struct timespec deadline;
    DWORD result = WAIT_OBJECT_0;
    if (!h || !__iissim_waitable_kind(h->kind)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return WAIT_FAILED;
    }
    w = (__iissim_waitable *)h;
    if (ms != INFINITE)
        __iissim_deadline(ms, &deadline);
    pthread_mutex_lock(&w->lock);
    while (!__iissim_try_take(h, 1)) {
        if (ms == INFINITE) {
            pthread_cond_wait(&w->cond, &w->lock);
        } else if (!ms || pthread_cond_timedwait(&w->cond, &w->lock, &deadline) == ETIMEDOUT) {
            if (!__iissim_try_take(h, 1))
                result = WAIT_TIMEOUT;
            break;
        }
    }
    pthread_mutex_unlock(&w->lock);
    return result;
}

static __IISSIM_INLINE DWORD WaitForSingleObjectEx(HANDLE handle, DWORD ms, BOOL alertable)
{
    (void)alertable;
    return WaitForSingleObject(handle, ms);
}

/* Several objects: polled every millisecond (correct results, not the latency of Windows).
 * With bWaitAll the objects are taken together once all are signaled. */
static __IISSIM_INLINE DWORD WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all, DWORD ms)
{
    ULONGLONG start = GetTickCount64();
    DWORD i;
    if (!count || count > 64 || !handles) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    for (i = 0; i < count; i++) {
        __iissim_handle *h = __iissim_handle_get(handles[i], 0);
        if (!h || !__iissim_waitable_kind(h->kind)) {
            SetLastError(ERROR_INVALID_HANDLE);
            return WAIT_FAILED;
        }
    }
    for (;;) {
        if (all) {
            int ready = 1;
            for (i = 0; i < count; i++)
                pthread_mutex_lock(&((__iissim_waitable *)handles[i])->lock);
            for (i = 0; i < count && ready; i++)
                ready = __iissim_try_take((__iissim_handle *)handles[i], 0);
            if (ready)
                for (i = 0; i < count; i++)
                    __iissim_try_take((__iissim_handle *)handles[i], 1);
            for (i = count; i-- > 0;)
                pthread_mutex_unlock(&((__iissim_waitable *)handles[i])->lock);
            if (ready)
                return WAIT_OBJECT_0;
        } else {
            for (i = 0; i < count; i++) {
                __iissim_waitable *w = (__iissim_waitable *)handles[i];
                int taken;
                pthread_mutex_lock(&w->lock);
                taken = __iissim_try_take(&w->h, 1);
                pthread_mutex_unlock(&w->lock);
                if (taken)
                    return WAIT_OBJECT_0 + i;
            }
        }
        if (ms != INFINITE && GetTickCount64() - start >= ms)
            return WAIT_TIMEOUT;
        Sleep(1);
    }
}

/* Events */

static __IISSIM_INLINE HANDLE __iissim_create_event(BOOL manual, BOOL initial)
{
    __iissim_event *e = (__iissim_event *)__iissim_handle_new(sizeof(__iissim_event), __IISSIM_H_EVENT);
    if (!e)
        return NULL;
    __iissim_waitable_init(&e->w);
    e->manual = manual != 0;
    e->signaled = initial != 0;
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)e;
}

/* Names are ignored: every event is a new unnamed one */
static __IISSIM_INLINE HANDLE CreateEventA(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_event(manual, initial);
}
static __IISSIM_INLINE HANDLE CreateEventW(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCWSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_event(manual, initial);
}
static __IISSIM_INLINE HANDLE CreateEventExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags, DWORD access)
{
    (void)sa;
    (void)name;
    (void)access;
    return __iissim_create_event((flags & CREATE_EVENT_MANUAL_RESET) != 0, (flags & CREATE_EVENT_INITIAL_SET) != 0);
}
static __IISSIM_INLINE HANDLE CreateEventExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags, DWORD access)
{
    (void)sa;
    (void)name;
    (void)access;
    return __iissim_create_event((flags & CREATE_EVENT_MANUAL_RESET) != 0, (flags & CREATE_EVENT_INITIAL_SET) != 0);
}

static __IISSIM_INLINE BOOL __iissim_event_set(HANDLE handle, int state)
{
    __iissim_event *e = (__iissim_event *)__iissim_handle_get(handle, __IISSIM_H_EVENT);
    if (!e)
        return FALSE;
    pthread_mutex_lock(&e->w.lock);
    e->signaled = state;
    if (state)
        pthread_cond_broadcast(&e->w.cond);
    pthread_mutex_unlock(&e->w.lock);
    return TRUE;
}
static __IISSIM_INLINE BOOL SetEvent(HANDLE handle)
{
    return __iissim_event_set(handle, 1);
}
static __IISSIM_INLINE BOOL ResetEvent(HANDLE handle)
{
    return __iissim_event_set(handle, 0);
}

/* Mutexes and semaphores */

static __IISSIM_INLINE HANDLE __iissim_create_mutex(BOOL owned)
{
    __iissim_mutex *m = (__iissim_mutex *)__iissim_handle_new(sizeof(__iissim_mutex), __IISSIM_H_MUTEX);
    if (!m)
        return NULL;
    __iissim_waitable_init(&m->w);
    if (owned) {
        m->owner = GetCurrentThreadId();
        m->count = 1;
    }
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)m;
}
static __IISSIM_INLINE HANDLE CreateMutexA(LPSECURITY_ATTRIBUTES sa, BOOL owned, LPCSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_mutex(owned);
}
static __IISSIM_INLINE HANDLE CreateMutexW(LPSECURITY_ATTRIBUTES sa, BOOL owned, LPCWSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_mutex(owned);
}
static __IISSIM_INLINE BOOL ReleaseMutex(HANDLE handle)
{
    __iissim_mutex *m = (__iissim_mutex *)__iissim_handle_get(handle, __IISSIM_H_MUTEX);
    BOOL ok = FALSE;
    if (!m)
        return FALSE;
    pthread_mutex_lock(&m->w.lock);
    if (m->count && m->owner == GetCurrentThreadId()) {
        if (--m->count == 0) {
            m->owner = 0;
            pthread_cond_broadcast(&m->w.cond);
        }
        ok = TRUE;
    }
    pthread_mutex_unlock(&m->w.lock);
    if (!ok)
        SetLastError(ERROR_NOT_OWNER);
    return ok;
}

static __IISSIM_INLINE HANDLE __iissim_create_semaphore(LONG initial, LONG max)
{
    __iissim_semaphore *s;
    if (max <= 0 || initial < 0 || initial > max) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    s = (__iissim_semaphore *)__iissim_handle_new(sizeof(__iissim_semaphore), __IISSIM_H_SEMAPHORE);
    if (!s)
        return NULL;
    __iissim_waitable_init(&s->w);
    s->count = initial;
    s->max = max;
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)s;
}
static __IISSIM_INLINE HANDLE CreateSemaphoreA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max, LPCSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_semaphore(initial, max);
}
static __IISSIM_INLINE HANDLE CreateSemaphoreW(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max, LPCWSTR name)
{
    (void)sa;
    (void)name;
    return __iissim_create_semaphore(initial, max);
}
static __IISSIM_INLINE BOOL ReleaseSemaphore(HANDLE handle, LONG release, LPLONG previous)
{
    __iissim_semaphore *s = (__iissim_semaphore *)__iissim_handle_get(handle, __IISSIM_H_SEMAPHORE);
    BOOL ok = FALSE;
    if (!s)
        return FALSE;
    pthread_mutex_lock(&s->w.lock);
    if (release > 0 && s->count <= s->max - release) {
        if (previous)
            *previous = s->count;
        s->count += release;
        pthread_cond_broadcast(&s->w.cond);
        ok = TRUE;
    }
    pthread_mutex_unlock(&s->w.lock);
    if (!ok)
        SetLastError(ERROR_TOO_MANY_POSTS);
    return ok;
}

/* Threads. The handle is waitable; the thread is detached and its object freed when both the
 * handle is closed and the thread has finished. */

static __IISSIM_INLINE void __iissim_thread_release(__iissim_thread *t)
{
    int last;
    pthread_mutex_lock(&t->w.lock);
    last = --t->refs == 0;
    pthread_mutex_unlock(&t->w.lock);
    if (last) {
        __iissim_waitable_destroy(&t->w);
        free(t);
    }
}

/* How many threads this module's shim started are still running. Each counts itself out as
 * its very last step, so that the host can wait for none before it unloads the image (see
 * iissim_threads_running below). */
__IISSIM_SHARED long __iissim_threads_running = 0;

static __IISSIM_INLINE void __iissim_thread_counted_in(void)
{
    __atomic_add_fetch(&__iissim_threads_running, 1, __ATOMIC_ACQ_REL);
}

static __IISSIM_INLINE void __iissim_thread_counted_out(void)
{
    __atomic_sub_fetch(&__iissim_threads_running, 1, __ATOMIC_ACQ_REL);
}

static __IISSIM_INLINE void __iissim_thread_finish(void *arg)
{
    __iissim_thread *t = (__iissim_thread *)arg;
    pthread_mutex_lock(&t->w.lock);
    t->done = 1;
    pthread_cond_broadcast(&t->w.cond);
    pthread_mutex_unlock(&t->w.lock);
    __iissim_thread_release(t);
}

static __IISSIM_INLINE void *__iissim_thread_main(void *arg)
{
    __iissim_thread *t = (__iissim_thread *)arg;
    DWORD code;
    pthread_mutex_lock(&t->w.lock);
    t->tid = GetCurrentThreadId();
    pthread_cond_broadcast(&t->w.cond);
    while (t->suspended)
        pthread_cond_wait(&t->w.cond, &t->w.lock);
    pthread_mutex_unlock(&t->w.lock);
    code = t->start(t->param);
    t->exit_code = code;
    __iissim_thread_finish(t);
    __iissim_thread_counted_out();
    return NULL;
}

static __IISSIM_INLINE HANDLE CreateThread(LPSECURITY_ATTRIBUTES sa, SIZE_T stack, LPTHREAD_START_ROUTINE start,
                                           LPVOID param, DWORD flags, LPDWORD tid)
{
    __iissim_thread *t;
    pthread_attr_t attr;
    int err;
    (void)sa;
    if (!start) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    t = (__iissim_thread *)__iissim_handle_new(sizeof(__iissim_thread), __IISSIM_H_THREAD);
    if (!t)
        return NULL;
    __iissim_waitable_init(&t->w);
    t->start = start;
    t->param = param;
    t->exit_code = STILL_ACTIVE;
    t->suspended = (flags & CREATE_SUSPENDED) != 0;
    t->refs = 2;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack >= 65536)
        pthread_attr_setstacksize(&attr, stack);
    __iissim_thread_counted_in();
    err = pthread_create(&t->thread, &attr, __iissim_thread_main, t);
    pthread_attr_destroy(&attr);
    if (err) {
        __iissim_thread_counted_out();
        __iissim_handle_unlink(&t->w.h);
        __iissim_waitable_destroy(&t->w);
        free(t);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    pthread_mutex_lock(&t->w.lock);
    while (!t->tid)
        pthread_cond_wait(&t->w.cond, &t->w.lock);
    pthread_mutex_unlock(&t->w.lock);
    if (tid)
        *tid = t->tid;
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)t;
}

static __IISSIM_INLINE DWORD ResumeThread(HANDLE handle)
{
    __iissim_thread *t = (__iissim_thread *)__iissim_handle_get(handle, __IISSIM_H_THREAD);
    DWORD previous;
    if (!t)
        return (DWORD)-1;
    pthread_mutex_lock(&t->w.lock);
    previous = (DWORD)t->suspended;
    t->suspended = 0;
    pthread_cond_broadcast(&t->w.cond);
    pthread_mutex_unlock(&t->w.lock);
    return previous;
}

static __IISSIM_INLINE BOOL GetExitCodeThread(HANDLE handle, LPDWORD code)
{
    __iissim_thread *t = (__iissim_thread *)__iissim_handle_get(handle, __IISSIM_H_THREAD);
    if (!t)
        return FALSE;
    pthread_mutex_lock(&t->w.lock);
    *code = t->done ? t->exit_code : STILL_ACTIVE;
    pthread_mutex_unlock(&t->w.lock);
    return TRUE;
}

static __IISSIM_INLINE DWORD GetThreadId(HANDLE handle)
{
    __iissim_thread *t;
    if (handle == GetCurrentThread())
        return GetCurrentThreadId();
    t = (__iissim_thread *)__iissim_handle_get(handle, __IISSIM_H_THREAD);
    return t ? t->tid : 0;
}

/* Work items: a detached thread each */

typedef struct __iissim_work_item {
    LPTHREAD_START_ROUTINE  fn;
    PVOID                   context;
} __iissim_work_item;

static __IISSIM_INLINE void *__iissim_work_item_main(void *arg)
{
    __iissim_work_item item = *(__iissim_work_item *)arg;
    free(arg);
    item.fn(item.context);
    return NULL;
}

typedef struct __iissim_counted_start {
    void *(*fn)(void *);
    void *arg;
} __iissim_counted_start;

static __IISSIM_INLINE void *__iissim_counted_main(void *arg)
{
    __iissim_counted_start start = *(__iissim_counted_start *)arg;
    free(arg);
    start.fn(start.arg);
    __iissim_thread_counted_out();
    return NULL;
}

static __IISSIM_INLINE int __iissim_spawn_detached(void *(*fn)(void *), void *arg)
{
    pthread_t thread;
    pthread_attr_t attr;
    int err;
    __iissim_counted_start *start = (__iissim_counted_start *)malloc(sizeof *start);
    if (!start)
        return 0;
    start->fn = fn;
    start->arg = arg;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    __iissim_thread_counted_in();
    err = pthread_create(&thread, &attr, __iissim_counted_main, start);
    pthread_attr_destroy(&attr);
    if (err) {
        __iissim_thread_counted_out();
        free(start);
    }
    return err == 0;
}

static __IISSIM_INLINE BOOL QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, PVOID context, ULONG flags)
{
    __iissim_work_item *item = (__iissim_work_item *)malloc(sizeof *item);
    (void)flags;
    if (!item || !fn) {
        free(item);
        SetLastError(!fn ? ERROR_INVALID_PARAMETER : ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    item->fn = fn;
    item->context = context;
    if (!__iissim_spawn_detached(__iissim_work_item_main, item)) {
        free(item);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

/* Thread pool work objects: each SubmitThreadpoolWork runs the callback on a new detached
 * thread; WaitForThreadpoolWorkCallbacks waits for every submitted callback (pending ones are
 * already running, so fCancelPendingCallbacks cancels nothing); CloseThreadpoolWork frees the
 * object once its callbacks have returned. */

struct __iissim_tp_work {
    PTP_WORK_CALLBACK       callback;
    PVOID                   context;
    pthread_mutex_t         lock;
    pthread_cond_t          cond;
    LONG                    running;
    int                     closed;
};

struct __iissim_tp_env {
    int                     unused;
};

static __IISSIM_INLINE void *__iissim_tp_work_main(void *arg)
{
    PTP_WORK work = (PTP_WORK)arg;
    int free_it;
    work->callback(NULL, work->context, work);
    pthread_mutex_lock(&work->lock);
    work->running--;
    free_it = work->closed && !work->running;
    pthread_cond_broadcast(&work->cond);
    pthread_mutex_unlock(&work->lock);
    if (free_it) {
        pthread_mutex_destroy(&work->lock);
        pthread_cond_destroy(&work->cond);
        free(work);
    }
    return NULL;
}

static __IISSIM_INLINE PTP_WORK CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context,
                                                     PTP_CALLBACK_ENVIRON env)
{
    PTP_WORK work;
    (void)env;
    if (!callback) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    work = (PTP_WORK)calloc(1, sizeof *work);
    if (!work) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    work->callback = callback;
    work->context = context;
    pthread_mutex_init(&work->lock, NULL);
    pthread_cond_init(&work->cond, NULL);
    return work;
}

static __IISSIM_INLINE VOID SubmitThreadpoolWork(PTP_WORK work)
{
    pthread_mutex_lock(&work->lock);
    work->running++;
    pthread_mutex_unlock(&work->lock);
    if (!__iissim_spawn_detached(__iissim_tp_work_main, work)) {
        /* No thread to be had: run it here rather than lose it */
        __iissim_tp_work_main(work);
    }
}

static __IISSIM_INLINE VOID WaitForThreadpoolWorkCallbacks(PTP_WORK work, BOOL cancel)
{
    (void)cancel;
    pthread_mutex_lock(&work->lock);
    while (work->running)
        pthread_cond_wait(&work->cond, &work->lock);
    pthread_mutex_unlock(&work->lock);
}

static __IISSIM_INLINE VOID CloseThreadpoolWork(PTP_WORK work)
{
    int free_it;
    pthread_mutex_lock(&work->lock);
    work->closed = 1;
    free_it = !work->running;
    pthread_mutex_unlock(&work->lock);
    if (free_it) {
        pthread_mutex_destroy(&work->lock);
        pthread_cond_destroy(&work->cond);
        free(work);
    }
}

typedef struct __iissim_simple_cb {
    PTP_SIMPLE_CALLBACK     fn;
    PVOID                   context;
} __iissim_simple_cb;

static __IISSIM_INLINE void *__iissim_simple_cb_main(void *arg)
{
    __iissim_simple_cb cb = *(__iissim_simple_cb *)arg;
    free(arg);
    cb.fn(NULL, cb.context);
    return NULL;
}

static __IISSIM_INLINE BOOL TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK fn, PVOID context,
                                                        PTP_CALLBACK_ENVIRON env)
{
    __iissim_simple_cb *cb = (__iissim_simple_cb *)malloc(sizeof *cb);
    (void)env;
    if (!cb)
        return FALSE;
    cb->fn = fn;
    cb->context = context;
    if (!__iissim_spawn_detached(__iissim_simple_cb_main, cb)) {
        free(cb);
        return FALSE;
    }
    return TRUE;
}

/* Thread-local storage */

static __IISSIM_INLINE DWORD TlsAlloc(void)
{
    pthread_key_t key;
    if (pthread_key_create(&key, NULL) != 0)
        return TLS_OUT_OF_INDEXES;
    return (DWORD)key;
}
static __IISSIM_INLINE LPVOID TlsGetValue(DWORD index)
{
    SetLastError(ERROR_SUCCESS);
    return pthread_getspecific((pthread_key_t)index);
}
static __IISSIM_INLINE BOOL TlsSetValue(DWORD index, LPVOID value)
{
    return pthread_setspecific((pthread_key_t)index, value) == 0;
}
static __IISSIM_INLINE BOOL TlsFree(DWORD index)
{
    return pthread_key_delete((pthread_key_t)index) == 0;
}

/* Files */

static __IISSIM_INLINE void __iissim_stat_to_find(const struct stat *st, const char *name, DWORD *attributes,
                                                  FILETIME *created, FILETIME *accessed, FILETIME *written,
                                                  DWORD *size_high, DWORD *size_low)
{
    DWORD a = 0;
    if (S_ISDIR(st->st_mode))
        a |= FILE_ATTRIBUTE_DIRECTORY;
    if (!(st->st_mode & S_IWUSR))
        a |= FILE_ATTRIBUTE_READONLY;
    if (name && name[0] == '.' && strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
        a |= FILE_ATTRIBUTE_HIDDEN;
    if (!a)
        a = FILE_ATTRIBUTE_NORMAL;
    *attributes = a;
    __iissim_timespec_filetime(st->st_ctim.tv_sec, st->st_ctim.tv_nsec, created);
    __iissim_timespec_filetime(st->st_atim.tv_sec, st->st_atim.tv_nsec, accessed);
    __iissim_timespec_filetime(st->st_mtim.tv_sec, st->st_mtim.tv_nsec, written);
    if (S_ISDIR(st->st_mode)) {
        *size_high = 0;
        *size_low = 0;
    } else {
        *size_high = (DWORD)((uint64_t)st->st_size >> 32);
        *size_low = (DWORD)st->st_size;
    }
}

static __IISSIM_INLINE const char *__iissim_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static __IISSIM_INLINE HANDLE CreateFileA(LPCSTR name, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES sa,
                                          DWORD disposition, DWORD flags, HANDLE template_file)
{
    char *path;
    int oflags = O_CLOEXEC, fd, existed;
    int readable = (access & (GENERIC_READ | GENERIC_ALL | FILE_READ_DATA | GENERIC_EXECUTE)) != 0;
    int writable = (access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0;
    struct stat st;
    __iissim_file *f;
    (void)share;
    (void)sa;
    (void)template_file;
    if (!name || !*name) {
        SetLastError(!name ? ERROR_INVALID_PARAMETER : ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    path = __iissim_path(name);
    if (!path) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    oflags |= readable && writable ? O_RDWR : writable ? O_WRONLY : O_RDONLY;
    if (writable && !(access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA)))
        oflags |= O_APPEND;
    switch (disposition) {
    case CREATE_NEW: oflags |= O_CREAT | O_EXCL; break;
    case CREATE_ALWAYS: oflags |= O_CREAT | O_TRUNC; break;
    case OPEN_EXISTING: break;
    case OPEN_ALWAYS: oflags |= O_CREAT; break;
    case TRUNCATE_EXISTING: oflags |= O_TRUNC; break;
    default:
        free(path);
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    existed = stat(path, &st) == 0;
    if (existed && S_ISDIR(st.st_mode)) {
        if (!(flags & FILE_FLAG_BACKUP_SEMANTICS) || writable) {
            free(path);
            SetLastError(ERROR_ACCESS_DENIED);
            return INVALID_HANDLE_VALUE;
        }
        oflags = O_RDONLY | O_CLOEXEC | O_DIRECTORY;
    }
    fd = open(path, oflags, 0666);
    if (fd < 0) {
        DWORD err = errno == ENOENT ? __iissim_not_found(path) : __iissim_errno_to_win32(errno);
        free(path);
        SetLastError(err);
        return INVALID_HANDLE_VALUE;
    }
    f = (__iissim_file *)__iissim_handle_new(sizeof(__iissim_file), __IISSIM_H_FILE);
    if (!f) {
        close(fd);
        free(path);
        return INVALID_HANDLE_VALUE;
    }
    f->fd = fd;
    if (flags & FILE_FLAG_DELETE_ON_CLOSE)
        f->delete_on_close = path;
    else
        free(path);
    SetLastError(existed && (disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS) ? ERROR_ALREADY_EXISTS
                                                                                          : ERROR_SUCCESS);
    return (HANDLE)f;
}

static __IISSIM_INLINE HANDLE CreateFileW(LPCWSTR name, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES sa,
                                          DWORD disposition, DWORD flags, HANDLE template_file)
{
    char *utf8 = __iissim_to_utf8(name);
    HANDLE h;
    if (!utf8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    h = CreateFileA(utf8, access, share, sa, disposition, flags, template_file);
    free(utf8);
    return h;
}

static __IISSIM_INLINE __iissim_file *__iissim_file_get(HANDLE handle)
{
    return (__iissim_file *)__iissim_handle_get(handle, __IISSIM_H_FILE);
}

/* For the host, not for modules: the POSIX descriptor behind a file HANDLE this module's shim
 * created, or -1 for any other value. The host reads HttpDataChunkFromFileHandle chunks through
 * it. Weak with default visibility, like iissim_host_services: one copy per module, found by
 * dlsym; it compares the handle with this module's registry and reads nothing else. */
#if defined(__GNUC__) || defined(__clang__)
/* For the host, not for modules: how many threads this module started (CreateThread, work
 * items, thread pools) are still running. The host waits for none before it unloads the
 * image, so that no thread runs code that is gone. */
EXTERN_C long iissim_threads_running(void);
EXTERN_C __attribute__((__weak__, __visibility__("default"))) long iissim_threads_running(void)
{
    return __atomic_load_n(&__iissim_threads_running, __ATOMIC_ACQUIRE);
}

EXTERN_C int iissim_file_descriptor(HANDLE handle);
EXTERN_C __attribute__((__weak__, __visibility__("default"))) int iissim_file_descriptor(HANDLE handle)
{
    __iissim_handle *h;
    int fd = -1;
    pthread_mutex_lock(&__iissim_handles_lock);
    for (h = __iissim_handles; h; h = h->next)
        if ((HANDLE)h == handle && h->kind == __IISSIM_H_FILE) {
            fd = ((__iissim_file *)h)->fd;
            break;
        }
    pthread_mutex_unlock(&__iissim_handles_lock);
    return fd;
}
#endif

static __IISSIM_INLINE BOOL ReadFile(HANDLE handle, LPVOID buffer, DWORD size, LPDWORD read_count,
                                     LPOVERLAPPED overlapped)
{
    __iissim_file *f = __iissim_file_get(handle);
    DWORD done = 0;
    off_t offset = 0;
    if (read_count)
        *read_count = 0;
    if (!f)
        return FALSE;
    if (overlapped)
        offset = (off_t)(((uint64_t)overlapped->OffsetHigh << 32) | overlapped->Offset);
    while (done < size) {
        ssize_t n = overlapped ? pread(f->fd, (char *)buffer + done, size - done, offset + (off_t)done)
                               : read(f->fd, (char *)buffer + done, size - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            __iissim_set_errno_error();
            if (read_count)
                *read_count = done;
            return FALSE;
        }
        if (n == 0)
            break;
        done += (DWORD)n;
    }
    if (read_count)
        *read_count = done;
    if (overlapped) {
        overlapped->Internal = 0;
        overlapped->InternalHigh = done;
        if (overlapped->hEvent)
            SetEvent(overlapped->hEvent);
        if (!done && size) {
            SetLastError(ERROR_HANDLE_EOF);
            return FALSE;
        }
    }
    return TRUE;
}

static __IISSIM_INLINE BOOL WriteFile(HANDLE handle, LPCVOID buffer, DWORD size, LPDWORD written,
                                      LPOVERLAPPED overlapped)
{
    __iissim_file *f = __iissim_file_get(handle);
    DWORD done = 0;
    off_t offset = 0;
    if (written)
        *written = 0;
    if (!f)
        return FALSE;
    if (overlapped)
        offset = (off_t)(((uint64_t)overlapped->OffsetHigh << 32) | overlapped->Offset);
    while (done < size) {
        ssize_t n = overlapped ? pwrite(f->fd, (const char *)buffer + done, size - done, offset + (off_t)done)
                               : write(f->fd, (const char *)buffer + done, size - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            __iissim_set_errno_error();
            if (written)
                *written = done;
            return FALSE;
        }
        done += (DWORD)n;
    }
    if (written)
        *written = done;
    if (overlapped) {
        overlapped->Internal = 0;
        overlapped->InternalHigh = done;
        if (overlapped->hEvent)
            SetEvent(overlapped->hEvent);
    }
    return TRUE;
}

static __IISSIM_INLINE BOOL GetFileSizeEx(HANDLE handle, PLARGE_INTEGER size)
{
    __iissim_file *f = __iissim_file_get(handle);
    struct stat st;
    if (!f)
        return FALSE;
    if (fstat(f->fd, &st) != 0) {
        __iissim_set_errno_error();
        return FALSE;
    }
    size->QuadPart = (LONGLONG)st.st_size;
    return TRUE;
}

static __IISSIM_INLINE DWORD GetFileSize(HANDLE handle, LPDWORD high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(handle, &size))
        return INVALID_FILE_SIZE;
    if (high)
        *high = (DWORD)size.HighPart;
    SetLastError(ERROR_SUCCESS);
    return size.LowPart;
}

static __IISSIM_INLINE BOOL SetFilePointerEx(HANDLE handle, LARGE_INTEGER distance, PLARGE_INTEGER position,
                                             DWORD method)
{
    __iissim_file *f = __iissim_file_get(handle);
    off_t r;
    int whence = method == FILE_BEGIN ? SEEK_SET : method == FILE_CURRENT ? SEEK_CUR : SEEK_END;
    if (!f)
        return FALSE;
    if (method > FILE_END) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    r = lseek(f->fd, (off_t)distance.QuadPart, whence);
    if (r < 0) {
        SetLastError(errno == EINVAL ? ERROR_NEGATIVE_SEEK : __iissim_errno_to_win32(errno));
        return FALSE;
    }
    if (position)
        position->QuadPart = (LONGLONG)r;
    return TRUE;
}

/* Without lpDistanceToMoveHigh the distance is a signed 32-bit value; with it, the two make a
 * signed 64-bit one and the high half of the new position is written back. */
static __IISSIM_INLINE DWORD SetFilePointer(HANDLE handle, LONG distance, PLONG high, DWORD method)
{
    LARGE_INTEGER d, pos;
    if (high) {
        d.LowPart = (DWORD)distance;
        d.HighPart = *high;
    } else {
        d.QuadPart = distance;
    }
    if (!SetFilePointerEx(handle, d, &pos, method))
        return INVALID_SET_FILE_POINTER;
    if (high)
        *high = pos.HighPart;
    else if (pos.HighPart) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_SET_FILE_POINTER;
    }
    SetLastError(ERROR_SUCCESS);
    return pos.LowPart;
}

static __IISSIM_INLINE BOOL SetEndOfFile(HANDLE handle)
{
    __iissim_file *f = __iissim_file_get(handle);
    off_t pos;
    if (!f)
        return FALSE;
    pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0 || ftruncate(f->fd, pos) != 0) {
        __iissim_set_errno_error();
        return FALSE;
    }
    return TRUE;
}

static __IISSIM_INLINE BOOL FlushFileBuffers(HANDLE handle)
{
    __iissim_file *f = __iissim_file_get(handle);
    if (!f)
        return FALSE;
    if (fsync(f->fd) != 0 && errno != EINVAL) {
        __iissim_set_errno_error();
        return FALSE;
    }
    return TRUE;
}

static __IISSIM_INLINE DWORD GetFileType(HANDLE handle)
{
    __iissim_file *f = __iissim_file_get(handle);
    struct stat st;
    if (!f || fstat(f->fd, &st) != 0)
        return FILE_TYPE_UNKNOWN;
    if (S_ISCHR(st.st_mode))
        return FILE_TYPE_CHAR;
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
        return FILE_TYPE_PIPE;
    SetLastError(ERROR_SUCCESS);
    return FILE_TYPE_DISK;
}

static __IISSIM_INLINE DWORD GetFileAttributesA(LPCSTR name)
{
    char *path = __iissim_path(name);
    struct stat st;
    DWORD attributes, high, low;
    FILETIME c, a, w;
    if (!path) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_FILE_ATTRIBUTES;
    }
    if (stat(path, &st) != 0) {
        SetLastError(errno == ENOENT ? __iissim_not_found(path) : __iissim_errno_to_win32(errno));
        free(path);
        return INVALID_FILE_ATTRIBUTES;
    }
    __iissim_stat_to_find(&st, __iissim_basename(path), &attributes, &c, &a, &w, &high, &low);
    free(path);
    return attributes;
}

static __IISSIM_INLINE BOOL GetFileAttributesExA(LPCSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID info)
{
    char *path;
    struct stat st;
    WIN32_FILE_ATTRIBUTE_DATA *data = (WIN32_FILE_ATTRIBUTE_DATA *)info;
    if (level != GetFileExInfoStandard || !info || !name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    path = __iissim_path(name);
    if (stat(path, &st) != 0) {
        SetLastError(errno == ENOENT ? __iissim_not_found(path) : __iissim_errno_to_win32(errno));
        free(path);
        return FALSE;
    }
    __iissim_stat_to_find(&st, __iissim_basename(path), &data->dwFileAttributes, &data->ftCreationTime,
                          &data->ftLastAccessTime, &data->ftLastWriteTime, &data->nFileSizeHigh, &data->nFileSizeLow);
    free(path);
    return TRUE;
}

static __IISSIM_INLINE BOOL DeleteFileA(LPCSTR name)
{
    char *path = __iissim_path(name);
    struct stat st;
    int ok;
    if (!path) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        free(path);
        SetLastError(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    ok = unlink(path) == 0;
    if (!ok)
        SetLastError(errno == ENOENT ? __iissim_not_found(path) : __iissim_errno_to_win32(errno));
    free(path);
    return ok;
}

static __IISSIM_INLINE BOOL CreateDirectoryA(LPCSTR name, LPSECURITY_ATTRIBUTES sa)
{
    char *path = __iissim_path(name);
    int ok;
    (void)sa;
    if (!path) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ok = mkdir(path, 0777) == 0;
    if (!ok)
        SetLastError(errno == EEXIST ? ERROR_ALREADY_EXISTS
                     : errno == ENOENT ? ERROR_PATH_NOT_FOUND
                                       : __iissim_errno_to_win32(errno));
    free(path);
    return ok;
}

static __IISSIM_INLINE BOOL RemoveDirectoryA(LPCSTR name)
{
    char *path = __iissim_path(name);
    int ok;
    if (!path) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ok = rmdir(path) == 0;
    if (!ok)
        SetLastError(errno == ENOENT ? __iissim_not_found(path) : __iissim_errno_to_win32(errno));
    free(path);
    return ok;
}

static __IISSIM_INLINE BOOL MoveFileA(LPCSTR from, LPCSTR to)
{
    char *a = __iissim_path(from), *b = __iissim_path(to);
    struct stat st;
    BOOL ok = FALSE;
    if (!a || !b)
        SetLastError(ERROR_INVALID_PARAMETER);
    else if (stat(b, &st) == 0)
        SetLastError(ERROR_ALREADY_EXISTS);
    else if (rename(a, b) != 0)
        SetLastError(errno == ENOENT ? __iissim_not_found(a) : __iissim_errno_to_win32(errno));
    else
        ok = TRUE;
    free(a);
    free(b);
    return ok;
}

static __IISSIM_INLINE BOOL CopyFileA(LPCSTR from, LPCSTR to, BOOL fail_if_exists)
{
    HANDLE in = CreateFileA(from, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL), out;
    char buf[65536];
    DWORD n;
    BOOL ok = TRUE;
    if (in == INVALID_HANDLE_VALUE)
        return FALSE;
    out = CreateFileA(to, GENERIC_WRITE, 0, NULL, fail_if_exists ? CREATE_NEW : CREATE_ALWAYS, 0, NULL);
    if (out == INVALID_HANDLE_VALUE) {
        DWORD err = GetLastError();
        __iissim_handle_unlink((__iissim_handle *)in);
        close(((__iissim_file *)in)->fd);
        free(in);
        SetLastError(err == ERROR_FILE_EXISTS ? ERROR_FILE_EXISTS : err);
        return FALSE;
    }
    while (ok && ReadFile(in, buf, sizeof buf, &n, NULL) && n)
        ok = WriteFile(out, buf, n, &n, NULL);
    close(((__iissim_file *)in)->fd);
    close(((__iissim_file *)out)->fd);
    __iissim_handle_unlink((__iissim_handle *)in);
    __iissim_handle_unlink((__iissim_handle *)out);
    free(in);
    free(out);
    if (ok)
        SetLastError(ERROR_SUCCESS);
    return ok;
}

static __IISSIM_INLINE DWORD GetTempPathA(DWORD size, LPSTR buf)
{
    const char *dir = getenv("TMPDIR");
    size_t n;
    if (!dir || !*dir)
        dir = "/tmp";
    n = strlen(dir);
    if (dir[n - 1] != '/')
        n++;
    if (!buf || size < n + 1)
        return (DWORD)(n + 1);
    strcpy(buf, dir);
    buf[n - 1] = '/';
    buf[n] = 0;
    return (DWORD)n;
}

static __IISSIM_INLINE DWORD GetCurrentDirectoryA(DWORD size, LPSTR buf)
{
    char cwd[4096];
    size_t n;
    if (!getcwd(cwd, sizeof cwd)) {
        __iissim_set_errno_error();
        return 0;
    }
    n = strlen(cwd);
    if (!buf || size < n + 1)
        return (DWORD)(n + 1);
    memcpy(buf, cwd, n + 1);
    return (DWORD)n;
}

/* Wide forms of the path functions: the same over UTF-8 */
#define __IISSIM_WIDE_PATH_CALL(RET, FAIL, call)                                                \
    char *utf8 = __iissim_to_utf8(name);                                                        \
    RET r;                                                                                      \
    if (!utf8) {                                                                                \
        SetLastError(ERROR_INVALID_PARAMETER);                                                  \
        return FAIL;                                                                            \
    }                                                                                           \
    r = call;                                                                                   \
    free(utf8);                                                                                 \
    return r;

static __IISSIM_INLINE DWORD GetFileAttributesW(LPCWSTR name)
{
    __IISSIM_WIDE_PATH_CALL(DWORD, INVALID_FILE_ATTRIBUTES, GetFileAttributesA(utf8))
}
static __IISSIM_INLINE BOOL GetFileAttributesExW(LPCWSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID info)
{
    __IISSIM_WIDE_PATH_CALL(BOOL, FALSE, GetFileAttributesExA(utf8, level, info))
}
static __IISSIM_INLINE BOOL DeleteFileW(LPCWSTR name)
{
    __IISSIM_WIDE_PATH_CALL(BOOL, FALSE, DeleteFileA(utf8))
}
static __IISSIM_INLINE BOOL CreateDirectoryW(LPCWSTR name, LPSECURITY_ATTRIBUTES sa)
{
    __IISSIM_WIDE_PATH_CALL(BOOL, FALSE, CreateDirectoryA(utf8, sa))
}
static __IISSIM_INLINE BOOL RemoveDirectoryW(LPCWSTR name)
{
    __IISSIM_WIDE_PATH_CALL(BOOL, FALSE, RemoveDirectoryA(utf8))
}

/* Directory listings: '*' and '?' match case-insensitively, as on Windows file systems */

static __IISSIM_INLINE int __iissim_wildcard(const char *pattern, const char *name)
{
    const char *star = NULL, *resume = NULL;
    while (*name) {
        if (*pattern == '*') {
            star = pattern++;
            resume = name;
        } else if (*pattern == '?' || __iissim_fold((unsigned char)*pattern) == __iissim_fold((unsigned char)*name)) {
            pattern++;
            name++;
        } else if (star) {
            pattern = star + 1;
            name = ++resume;
        } else {
            return 0;
        }
    }
    while (*pattern == '*')
        pattern++;
    /* "*.*" also matches names without a dot, as Windows does */
    if (pattern[0] == '.' && pattern[1] == '*' && !pattern[2])
        return 1;
    return !*pattern;
}

static __IISSIM_INLINE BOOL __iissim_find_next(__iissim_find *f, LPWIN32_FIND_DATAA data)
{
    struct dirent *entry;
    while ((entry = readdir(f->dir)) != NULL) {
        char *full;
        struct stat st;
        size_t n;
        if (!__iissim_wildcard(f->pattern, entry->d_name))
            continue;
        n = strlen(f->folder) + strlen(entry->d_name) + 2;
        full = (char *)malloc(n);
        if (!full)
            break;
        snprintf(full, n, "%s/%s", f->folder, entry->d_name);
        if (stat(full, &st) != 0 && lstat(full, &st) != 0) {
            free(full);
            continue;
        }
        free(full);
        memset(data, 0, sizeof *data);
        __iissim_stat_to_find(&st, entry->d_name, &data->dwFileAttributes, &data->ftCreationTime,
                              &data->ftLastAccessTime, &data->ftLastWriteTime, &data->nFileSizeHigh,
                              &data->nFileSizeLow);
        strncpy(data->cFileName, entry->d_name, MAX_PATH - 1);
        return TRUE;
    }
    SetLastError(ERROR_NO_MORE_FILES);
    return FALSE;
}

static __IISSIM_INLINE HANDLE FindFirstFileA(LPCSTR name, LPWIN32_FIND_DATAA data)
{
    char *path = __iissim_path(name), *slash;
    __iissim_find *f;
    if (!path || !data) {
        free(path);
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    f = (__iissim_find *)__iissim_handle_new(sizeof(__iissim_find), __IISSIM_H_FIND);
    if (!f) {
        free(path);
        return INVALID_HANDLE_VALUE;
    }
    slash = strrchr(path, '/');
    if (slash) {
        f->pattern = _strdup(slash + 1);
        *slash = 0;
        f->folder = slash == path ? _strdup("/") : _strdup(path);
    } else {
        f->pattern = _strdup(path);
        f->folder = _strdup(".");
    }
    free(path);
    f->dir = f->folder ? opendir(f->folder) : NULL;
    if (!f->dir || !f->pattern || !*f->pattern || !__iissim_find_next(f, data)) {
        DWORD err = !f->dir ? (errno == ENOENT || errno == ENOTDIR ? ERROR_PATH_NOT_FOUND
                                                                    : __iissim_errno_to_win32(errno))
                            : ERROR_FILE_NOT_FOUND;
        if (f->dir)
            closedir(f->dir);
        __iissim_handle_unlink(&f->h);
        free(f->folder);
        free(f->pattern);
        free(f);
        SetLastError(err);
        return INVALID_HANDLE_VALUE;
    }
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)f;
}

static __IISSIM_INLINE BOOL FindNextFileA(HANDLE handle, LPWIN32_FIND_DATAA data)
{
    __iissim_find *f = (__iissim_find *)__iissim_handle_get(handle, __IISSIM_H_FIND);
    return f ? __iissim_find_next(f, data) : FALSE;
}

static __IISSIM_INLINE void __iissim_find_data_w(const WIN32_FIND_DATAA *a, LPWIN32_FIND_DATAW w)
{
    memset(w, 0, sizeof *w);
    w->dwFileAttributes = a->dwFileAttributes;
    w->ftCreationTime = a->ftCreationTime;
    w->ftLastAccessTime = a->ftLastAccessTime;
    w->ftLastWriteTime = a->ftLastWriteTime;
    w->nFileSizeHigh = a->nFileSizeHigh;
    w->nFileSizeLow = a->nFileSizeLow;
    __iissim_utf8_to_wide_buf(a->cFileName, w->cFileName, MAX_PATH);
}

static __IISSIM_INLINE HANDLE FindFirstFileW(LPCWSTR name, LPWIN32_FIND_DATAW data)
{
    WIN32_FIND_DATAA a;
    HANDLE h;
    char *utf8 = __iissim_to_utf8(name);
    if (!utf8 || !data) {
        free(utf8);
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    h = FindFirstFileA(utf8, &a);
    free(utf8);
    if (h != INVALID_HANDLE_VALUE)
        __iissim_find_data_w(&a, data);
    return h;
}

static __IISSIM_INLINE BOOL FindNextFileW(HANDLE handle, LPWIN32_FIND_DATAW data)
{
    WIN32_FIND_DATAA a;
    if (!FindNextFileA(handle, &a))
        return FALSE;
    __iissim_find_data_w(&a, data);
    return TRUE;
}

static __IISSIM_INLINE BOOL FindClose(HANDLE handle)
{
    __iissim_find *f = (__iissim_find *)__iissim_handle_get(handle, __IISSIM_H_FIND);
    if (!f || !__iissim_handle_unlink(&f->h))
        return FALSE;
    closedir(f->dir);
    free(f->folder);
    free(f->pattern);
    free(f);
    return TRUE;
}

/* Event log: a source handle; ReportEvent goes to the host, or to stderr as one line */

static __IISSIM_INLINE HANDLE RegisterEventSourceA(LPCSTR server, LPCSTR source)
{
    __iissim_eventlog *log;
    (void)server;
    if (!source) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    log = (__iissim_eventlog *)__iissim_handle_new(sizeof(__iissim_eventlog), __IISSIM_H_EVENTLOG);
    if (!log)
        return NULL;
    log->source = _strdup(source);
    return (HANDLE)log;
}

static __IISSIM_INLINE HANDLE RegisterEventSourceW(LPCWSTR server, LPCWSTR source)
{
    char *utf8 = __iissim_to_utf8(source);
    HANDLE h;
    (void)server;
    if (!utf8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    h = RegisterEventSourceA(NULL, utf8);
    free(utf8);
    return h;
}

static __IISSIM_INLINE BOOL DeregisterEventSource(HANDLE handle)
{
    __iissim_eventlog *log = (__iissim_eventlog *)__iissim_handle_get(handle, __IISSIM_H_EVENTLOG);
    if (!log || !__iissim_handle_unlink(&log->h))
        return FALSE;
    free(log->source);
    free(log);
    return TRUE;
}

static __IISSIM_INLINE const char *__iissim_event_type_name(WORD type)
{
    switch (type) {
    case EVENTLOG_SUCCESS: return "SUCCESS";
    case EVENTLOG_ERROR_TYPE: return "ERROR";
    case EVENTLOG_WARNING_TYPE: return "WARNING";
    case EVENTLOG_INFORMATION_TYPE: return "INFORMATION";
    case EVENTLOG_AUDIT_SUCCESS: return "AUDIT_SUCCESS";
    case EVENTLOG_AUDIT_FAILURE: return "AUDIT_FAILURE";
    default: return "UNKNOWN";
    }
}

static __IISSIM_INLINE BOOL __iissim_report_event(HANDLE handle, WORD type, WORD category, DWORD id, WORD count,
                                                  const char *const *strings)
{
    __iissim_eventlog *log = (__iissim_eventlog *)__iissim_handle_get(handle, __IISSIM_H_EVENTLOG);
    WORD i;
    if (!log)
        return FALSE;
    if (IISSIM_HOST_SERVICE(report_event)) {
        if (!iissim_host_services->report_event(log->source, type, category, id, count, strings)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        return TRUE;
    }
    flockfile(stderr);
    fputs("[eventlog] ", stderr);
    fputs(log->source, stderr);
    fputs(" ", stderr);
    fputs(__iissim_event_type_name(type), stderr);
    __iissim_fprintf(stderr, " id=%u category=%u", (unsigned)id, (unsigned)category);
    for (i = 0; i < count; i++) {
        const char *s = strings[i] ? strings[i] : "";
        fputs(i ? " | " : ": ", stderr);
        for (; *s; s++)
            fputc(*s == '\n' || *s == '\r' ? ' ' : *s, stderr);
    }
    fputc('\n', stderr);
    funlockfile(stderr);
    return TRUE;
}

static __IISSIM_INLINE BOOL ReportEventA(HANDLE handle, WORD type, WORD category, DWORD id, PSID user, WORD count,
                                         DWORD data_size, LPCSTR *strings, LPVOID data)
{
    (void)user;
    (void)data_size;
    (void)data;
    if (count && !strings) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return __iissim_report_event(handle, type, category, id, count, (const char *const *)strings);
}

static __IISSIM_INLINE BOOL ReportEventW(HANDLE handle, WORD type, WORD category, DWORD id, PSID user, WORD count,
                                         DWORD data_size, LPCWSTR *strings, LPVOID data)
{
    char **utf8;
    WORD i;
    BOOL r;
    (void)user;
    (void)data_size;
    (void)data;
    if (count && !strings) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    utf8 = (char **)calloc(count ? count : 1, sizeof(char *));
    if (!utf8) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (i = 0; i < count; i++)
        utf8[i] = __iissim_to_utf8(strings[i]);
    r = __iissim_report_event(handle, type, category, id, count, (const char *const *)utf8);
    for (i = 0; i < count; i++)
        free(utf8[i]);
    free(utf8);
    return r;
}

/* CloseHandle */

static __IISSIM_INLINE BOOL CloseHandle(HANDLE handle)
{
    __iissim_handle *h = NULL;
    if (handle == GetCurrentProcess() || handle == GetCurrentThread())
        return TRUE;
    if (handle)
        h = __iissim_handle_get(handle, 0);
    if (h && h->kind != __IISSIM_H_FIND && h->kind != __IISSIM_H_EVENTLOG && __iissim_handle_unlink(h)) {
        switch (h->kind) {
        case __IISSIM_H_FILE: {
            __iissim_file *f = (__iissim_file *)h;
            close(f->fd);
            if (f->delete_on_close) {
                unlink(f->delete_on_close);
                free(f->delete_on_close);
            }
            free(f);
            break;
        }
        case __IISSIM_H_THREAD:
            __iissim_thread_release((__iissim_thread *)h);
            break;
        default:
            __iissim_waitable_destroy((__iissim_waitable *)h);
            free(h);
            break;
        }
        return TRUE;
    }
    if (!h && handle && IISSIM_HOST_SERVICE(close_handle)) {
        if (iissim_host_services->close_handle(handle))
            return TRUE;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

/* INI files: GetPrivateProfileString and GetPrivateProfileInt read the file each call.
 * Section and key names match case-insensitively; values lose surrounding blanks and one pair
 * of surrounding quotes; lines starting with ';' are comments. */

static __IISSIM_INLINE char *__iissim_trim(char *s)
{
    char *end;
    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
        *--end = 0;
    return s;
}

/* Appends `s` and a NUL to a double-NUL list in buf; returns 0 once the list no longer fits */
static __IISSIM_INLINE int __iissim_list_add(char *buf, DWORD size, DWORD *used, const char *s)
{
    size_t n = strlen(s);
    if (*used + n + 2 > size) {
        /* Truncate the item so that the list still ends in two NULs */
        if (size >= 2 && *used + 2 <= size) {
            size_t room = size - *used - 2;
            memcpy(buf + *used, s, room);
            buf[*used + room] = 0;
            buf[*used + room + 1] = 0;
            *used = size - 2;
        }
        return 0;
    }
    memcpy(buf + *used, s, n + 1);
    *used += (DWORD)(n + 1);
    buf[*used] = 0;
    return 1;
}

static __IISSIM_INLINE DWORD GetPrivateProfileStringA(LPCSTR section, LPCSTR key, LPCSTR def, LPSTR buf,
                                                      DWORD size, LPCSTR file)
{
    char *path = __iissim_path(file);
    FILE *fp = path ? fopen(path, "r") : NULL;
    char line[4096], current[1024] = "";
    char *found = NULL;
    int in_section = 0, truncated = 0;
    DWORD used = 0;
    size_t n;
    free(path);
    if (!buf || !size) {
        if (fp)
            fclose(fp);
        return 0;
    }
    buf[0] = 0;
    if (size >= 2)
        buf[1] = 0;
    while (fp && fgets(line, sizeof line, fp)) {
        char *s = __iissim_trim(line), *eq;
        if (!*s || *s == ';' || *s == '#')
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (close)
                *close = 0;
            strncpy(current, __iissim_trim(s + 1), sizeof current - 1);
            current[sizeof current - 1] = 0;
            in_section = section && !_stricmp(current, section);
            if (!section && !truncated)
                truncated = !__iissim_list_add(buf, size, &used, current);
            continue;
        }
        if (!in_section)
            continue;
        eq = strchr(s, '=');
        if (eq)
            *eq = 0;
        if (!key) {
            if (!truncated)
                truncated = !__iissim_list_add(buf, size, &used, __iissim_trim(s));
            continue;
        }
        if (eq && !_stricmp(__iissim_trim(s), key) && !found) {
            char *v = __iissim_trim(eq + 1);
            n = strlen(v);
            if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                v[n - 1] = 0;
                v++;
            }
            found = _strdup(v);
        }
    }
    if (fp)
        fclose(fp);
    if (!section || !key) {
        if (truncated) {
            SetLastError(ERROR_MORE_DATA);
            return size >= 2 ? size - 2 : 0;
        }
        return used;
    }
    if (!found) {
        char *d = _strdup(def ? def : "");
        if (d) {
            /* Trailing blanks of the default are dropped */
            n = strlen(d);
            while (n && d[n - 1] == ' ')
                d[--n] = 0;
        }
        found = d;
    }
    if (!found)
        return 0;
    n = strlen(found);
    if (n + 1 > size) {
        n = size - 1;
        SetLastError(ERROR_MORE_DATA);
    }
    memcpy(buf, found, n);
    buf[n] = 0;
    free(found);
    return (DWORD)n;
}

static __IISSIM_INLINE UINT GetPrivateProfileIntA(LPCSTR section, LPCSTR key, INT def, LPCSTR file)
{
    char buf[64];
    char *end;
    long v;
    if (!GetPrivateProfileStringA(section, key, "", buf, sizeof buf, file))
        return (UINT)def;
    v = strtol(buf, &end, 0);
    return end == buf ? 0 : (UINT)v;
}

static __IISSIM_INLINE DWORD GetPrivateProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR def, LPWSTR buf,
                                                      DWORD size, LPCWSTR file)
{
    char *s = __iissim_to_utf8(section), *k = __iissim_to_utf8(key), *d = __iissim_to_utf8(def),
         *f = __iissim_to_utf8(file);
    DWORD cap = size * 4 + 8, n, i, out = 0;
    char *tmp = (char *)malloc(cap);
    if (!tmp || !buf || !size) {
        free(tmp);
        free(s);
        free(k);
        free(d);
        free(f);
        return 0;
    }
    n = GetPrivateProfileStringA(s, k, d, tmp, cap, f);
    if (!s || !k) {
        /* A double-NUL list: convert item by item */
        for (i = 0; i < n && tmp[i];) {
            size_t len = strlen(tmp + i), wlen = __iissim_utf8_to_wide_buf(tmp + i, NULL, 0);
            if (out + wlen + 2 > size)
                break;
            __iissim_utf8_to_wide_buf(tmp + i, buf + out, size - out);
            out += (DWORD)wlen + 1;
            i += (DWORD)len + 1;
        }
        buf[out] = 0;
    } else {
        out = (DWORD)__iissim_utf8_to_wide_buf(tmp, buf, size);
        if (out + 1 > size)
            out = size - 1;
    }
    free(tmp);
    free(s);
    free(k);
    free(d);
    free(f);
    return out;
}

static __IISSIM_INLINE UINT GetPrivateProfileIntW(LPCWSTR section, LPCWSTR key, INT def, LPCWSTR file)
{
    char *s = __iissim_to_utf8(section), *k = __iissim_to_utf8(key), *f = __iissim_to_utf8(file);
    UINT r = GetPrivateProfileIntA(s, k, def, f);
    free(s);
    free(k);
    free(f);
    return r;
}

/* FormatMessage: FROM_SYSTEM gives a short English text for the common codes and
 * "Unknown error 0x...". FROM_STRING copies the text (inserts are not expanded). */

static __IISSIM_INLINE const char *__iissim_error_text(DWORD code)
{
    switch (code) {
    case ERROR_SUCCESS: return "The operation completed successfully.";
    case ERROR_FILE_NOT_FOUND: return "The system cannot find the file specified.";
    case ERROR_PATH_NOT_FOUND: return "The system cannot find the path specified.";
    case ERROR_ACCESS_DENIED: return "Access is denied.";
    case ERROR_INVALID_HANDLE: return "The handle is invalid.";
    case ERROR_NOT_ENOUGH_MEMORY: return "Not enough memory resources are available to process this command.";
    case ERROR_INVALID_PARAMETER: return "The parameter is incorrect.";
    case ERROR_INSUFFICIENT_BUFFER: return "The data area passed to a system call is too small.";
    case ERROR_ALREADY_EXISTS: return "Cannot create a file when that file already exists.";
    case ERROR_FILE_EXISTS: return "The file exists.";
    case ERROR_NOT_SUPPORTED: return "The request is not supported.";
    case ERROR_MORE_DATA: return "More data is available.";
    case WAIT_TIMEOUT: return "The wait operation timed out.";
    default: return NULL;
    }
}

static __IISSIM_INLINE DWORD FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPSTR buffer,
                                            DWORD size, va_list *args)
{
    char text[128];
    const char *msg = NULL;
    size_t n;
    (void)lang;
    (void)args;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        msg = (const char *)source;
    } else if (flags & FORMAT_MESSAGE_FROM_SYSTEM) {
        msg = __iissim_error_text(id);
        if (!msg) {
            __iissim_snprintf(text, sizeof text, "Unknown error 0x%08X.", (unsigned)id);
            msg = text;
        }
    }
    if (!msg || !buffer) {
        SetLastError(msg ? ERROR_INVALID_PARAMETER : ERROR_MR_MID_NOT_FOUND);
        return 0;
    }
    n = strlen(msg);
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        char *p = (char *)LocalAlloc(LMEM_FIXED, (n + 3 > size ? n + 3 : size));
        if (!p) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return 0;
        }
        *(char **)buffer = p;
        buffer = p;
        size = (DWORD)(n + 3);
    }
    if ((flags & FORMAT_MESSAGE_FROM_SYSTEM) && n + 3 <= size) {
        memcpy(buffer, msg, n);
        memcpy(buffer + n, "\r\n", 3);
        return (DWORD)(n + 2);
    }
    if (n + 1 > size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    memcpy(buffer, msg, n + 1);
    return (DWORD)n;
}

static __IISSIM_INLINE DWORD FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buffer,
                                            DWORD size, va_list *args)
{
    char *narrow = NULL, *src = NULL;
    DWORD n, len;
    if (flags & FORMAT_MESSAGE_FROM_STRING)
        src = __iissim_to_utf8((LPCWSTR)source);
    n = FormatMessageA((flags | FORMAT_MESSAGE_ALLOCATE_BUFFER), src, id, lang, (LPSTR)&narrow, 0, args);
    free(src);
    if (!n)
        return 0;
    len = (DWORD)__iissim_utf8_to_wide_buf(narrow, NULL, 0);
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        LPWSTR p = (LPWSTR)LocalAlloc(LMEM_FIXED, (len + 1) * sizeof(WCHAR));
        if (!p) {
            LocalFree(narrow);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return 0;
        }
        *(LPWSTR *)buffer = p;
        buffer = p;
        size = len + 1;
    }
    if (!buffer || len + 1 > size) {
        LocalFree(narrow);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    __iissim_utf8_to_wide_buf(narrow, buffer, size);
    LocalFree(narrow);
    return len;
}

/* lstr* functions */

static __IISSIM_INLINE int lstrlenA(LPCSTR s)
{
    return s ? (int)strlen(s) : 0;
}
static __IISSIM_INLINE int lstrlenW(LPCWSTR s)
{
    return s ? (int)wcslen(s) : 0;
}
static __IISSIM_INLINE LPSTR lstrcpyA(LPSTR d, LPCSTR s)
{
    return strcpy(d, s);
}
static __IISSIM_INLINE LPWSTR lstrcpyW(LPWSTR d, LPCWSTR s)
{
    return wcscpy(d, s);
}
static __IISSIM_INLINE LPSTR lstrcatA(LPSTR d, LPCSTR s)
{
    return strcat(d, s);
}
static __IISSIM_INLINE LPWSTR lstrcatW(LPWSTR d, LPCWSTR s)
{
    return wcscat(d, s);
}
/* lstrcpyn copies at most n - 1 characters and always terminates */
static __IISSIM_INLINE LPSTR lstrcpynA(LPSTR d, LPCSTR s, int n)
{
    int i;
    if (n <= 0)
        return d;
    for (i = 0; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    d[i] = 0;
    return d;
}
static __IISSIM_INLINE LPWSTR lstrcpynW(LPWSTR d, LPCWSTR s, int n)
{
    int i;
    if (n <= 0)
        return d;
    for (i = 0; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    d[i] = 0;
    return d;
}
static __IISSIM_INLINE int lstrcmpA(LPCSTR a, LPCSTR b)
{
    int r = strcmp(a ? a : "", b ? b : "");
    return r < 0 ? -1 : r > 0;
}
static __IISSIM_INLINE int lstrcmpW(LPCWSTR a, LPCWSTR b)
{
    int r = wcscmp(a ? a : L"", b ? b : L"");
    return r < 0 ? -1 : r > 0;
}
static __IISSIM_INLINE int lstrcmpiA(LPCSTR a, LPCSTR b)
{
    return _stricmp(a ? a : "", b ? b : "");
}
static __IISSIM_INLINE int lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
    return _wcsicmp(a ? a : L"", b ? b : L"");
}

/* wsprintf: the MSVC format (no floating point on Windows), at most 1024 characters */
static __IISSIM_INLINE int wvsprintfA(LPSTR buf, LPCSTR fmt, va_list ap)
{
    int r = _vsnprintf_s(buf, 1025, _TRUNCATE, fmt, ap);
    return r < 0 ? (int)strlen(buf) : r;
}
static __IISSIM_INLINE int wvsprintfW(LPWSTR buf, LPCWSTR fmt, va_list ap)
{
    int r = _vsnwprintf_s(buf, 1025, _TRUNCATE, fmt, ap);
    return r < 0 ? (int)wcslen(buf) : r;
}
__IISSIM_VARIADIC(int, wsprintfA, wvsprintfA, (LPSTR buf, LPCSTR fmt, ...), (buf, fmt, ap), fmt)
__IISSIM_VARIADIC(int, wsprintfW, wvsprintfW, (LPWSTR buf, LPCWSTR fmt, ...), (buf, fmt, ap), fmt)

/* TCHAR names */
#ifdef UNICODE
# define CreateFile                     CreateFileW
# define GetFileAttributes              GetFileAttributesW
# define GetFileAttributesEx            GetFileAttributesExW
# define FindFirstFile                  FindFirstFileW
# define FindNextFile                   FindNextFileW
# define DeleteFile                     DeleteFileW
# define CreateDirectory                CreateDirectoryW
# define RemoveDirectory                RemoveDirectoryW
# define CreateEvent                    CreateEventW
# define CreateEventEx                  CreateEventExW
# define CreateMutex                    CreateMutexW
# define CreateSemaphore                CreateSemaphoreW
# define GetComputerName                GetComputerNameW
# define ExpandEnvironmentStrings       ExpandEnvironmentStringsW
# define GetModuleFileName              GetModuleFileNameW
# define GetModuleHandle                GetModuleHandleW
# define GetModuleHandleEx              GetModuleHandleExW
# define GetPrivateProfileString        GetPrivateProfileStringW
# define GetPrivateProfileInt           GetPrivateProfileIntW
# define RegisterEventSource            RegisterEventSourceW
# define ReportEvent                    ReportEventW
# define FormatMessage                  FormatMessageW
# define lstrlen                        lstrlenW
# define lstrcpy                        lstrcpyW
# define lstrcpyn                       lstrcpynW
# define lstrcat                        lstrcatW
# define lstrcmp                        lstrcmpW
# define lstrcmpi                       lstrcmpiW
# define wsprintf                       wsprintfW
# define wvsprintf                      wvsprintfW
#else
# define CreateFile                     CreateFileA
# define GetFileAttributes              GetFileAttributesA
# define GetFileAttributesEx            GetFileAttributesExA
# define FindFirstFile                  FindFirstFileA
# define FindNextFile                   FindNextFileA
# define DeleteFile                     DeleteFileA
# define CreateDirectory                CreateDirectoryA
# define RemoveDirectory                RemoveDirectoryA
# define CreateEvent                    CreateEventA
# define CreateEventEx                  CreateEventExA
# define CreateMutex                    CreateMutexA
# define CreateSemaphore                CreateSemaphoreA
# define GetComputerName                GetComputerNameA
# define ExpandEnvironmentStrings       ExpandEnvironmentStringsA
# define GetModuleFileName              GetModuleFileNameA
# define GetModuleHandle                GetModuleHandleA
# define GetModuleHandleEx              GetModuleHandleExA
# define GetPrivateProfileString        GetPrivateProfileStringA
# define GetPrivateProfileInt           GetPrivateProfileIntA
# define RegisterEventSource            RegisterEventSourceA
# define ReportEvent                    ReportEventA
# define FormatMessage                  FormatMessageA
# define lstrlen                        lstrlenA
# define lstrcpy                        lstrcpyA
# define lstrcpyn                       lstrcpynA
# define lstrcat                        lstrcatA
# define lstrcmp                        lstrcmpA
# define lstrcmpi                       lstrcmpiA
# define wsprintf                       wsprintfA
# define wvsprintf                      wvsprintfA
#endif
#ifdef UNICODE
# define GetEnvironmentVariable         GetEnvironmentVariableW
#else
# define GetEnvironmentVariable         GetEnvironmentVariableA
# define SetEnvironmentVariable         SetEnvironmentVariableA
# define MoveFile                       MoveFileA
# define CopyFile                       CopyFileA
# define GetTempPath                    GetTempPathA
# define GetCurrentDirectory            GetCurrentDirectoryA
#endif

#endif  /* __IISSIM_POSIX */

#endif  /* _WINBASE_ */
