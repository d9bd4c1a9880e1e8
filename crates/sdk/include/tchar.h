/*
 * tchar.h: the generic-text names of the Microsoft C runtime (_TCHAR, _T(), _tcs*, _stprintf_s,
 * _tprintf, ...), mapped to the wide functions when _UNICODE is defined and to the narrow ones
 * otherwise, for building IIS native modules off Windows with iissim. Clean-room: written from the
 * documented mappings. Licence: MIT OR Apache-2.0.
 *
 * windows.h keys TCHAR on UNICODE and this header keys _TCHAR on _UNICODE, as on Windows: define
 * both or neither. _tmain maps to wmain in a Unicode build, which a POSIX C runtime never calls.
 */
#include <windows.h>

#ifndef _INC_TCHAR
#define _INC_TCHAR

#ifdef __IISSIM_POSIX
#include <ctype.h>
#include <wctype.h>

/* Wide versions of C runtime calls that only Microsoft's runtime has */

static __IISSIM_INLINE FILE *_wfopen(const wchar_t *name, const wchar_t *mode)
{
    char *n = __iissim_to_utf8(name), *m = __iissim_to_utf8(mode);
    FILE *f = (n && m) ? fopen(n, m) : NULL;
    free(n);
    free(m);
    return f;
}

static __IISSIM_INLINE errno_t fopen_s(FILE **f, const char *name, const char *mode)
{
    if (!f || !name || !mode)
        return __iissim_crt_error(EINVAL);
    *f = fopen(name, mode);
    return *f ? 0 : errno;
}

static __IISSIM_INLINE errno_t _wfopen_s(FILE **f, const wchar_t *name, const wchar_t *mode)
{
    if (!f || !name || !mode)
        return __iissim_crt_error(EINVAL);
    *f = _wfopen(name, mode);
    return *f ? 0 : errno;
}

/* The value stays valid until the calling thread's next _wgetenv */
static __IISSIM_INLINE wchar_t *_wgetenv(const wchar_t *name)
{
    static __IISSIM_THREAD_LOCAL wchar_t value[4096];
    char *n = __iissim_to_utf8(name);
    const char *v = n ? getenv(n) : NULL;
    free(n);
    if (!v)
        return NULL;
    __iissim_utf8_to_wide_buf(v, value, sizeof value / sizeof value[0]);
    return value;
}

/* The legacy _swprintf: no size given */
static __IISSIM_INLINE int _vswprintf(wchar_t *buf, const wchar_t *fmt, va_list ap)
{
    return __iissim_vswprintf(buf, (size_t)INT32_MAX, fmt, ap);
}
__IISSIM_VARIADIC(int, _swprintf, _vswprintf, (wchar_t *buf, const wchar_t *fmt, ...), (buf, fmt, ap), fmt)

static __IISSIM_INLINE int _waccess(const wchar_t *name, int mode)
{
    char *n = __iissim_to_utf8(name);
    int r = n ? access(n, mode) : -1;
    free(n);
    return r;
}

static __IISSIM_INLINE int _wremove(const wchar_t *name)
{
    char *n = __iissim_to_utf8(name);
    int r = n ? remove(n) : -1;
    free(n);
    return r;
}

#ifdef _UNICODE

typedef wchar_t             _TCHAR;
typedef wchar_t             _TSCHAR;
typedef wchar_t             _TUCHAR;
typedef wchar_t             _TXCHAR;
typedef wint_t              _TINT;
# define __T(x)             L##x
# define _TEOF              WEOF

# define _tmain             wmain
# define _tcslen            wcslen
# define _tcsnlen           wcsnlen
# define _tcsclen           wcslen
# define _tcscpy            wcscpy
# define _tcscpy_s          wcscpy_s
# define _tcsncpy           wcsncpy
# define _tcsncpy_s         wcsncpy_s
# define _tcscat            wcscat
# define _tcscat_s          wcscat_s
# define _tcsncat           wcsncat
# define _tcsncat_s         wcsncat_s
# define _tcscmp            wcscmp
# define _tcsicmp           _wcsicmp
# define _tcsncmp           wcsncmp
# define _tcsnicmp          _wcsnicmp
# define _tcsncicmp         _wcsnicmp
# define _tcsnccmp          wcsncmp
# define _tcscoll           wcscoll
# define _tcsicoll          _wcsicmp
# define _tcschr            wcschr
# define _tcsrchr           wcsrchr
# define _tcsstr            wcsstr
# define _tcsspn            wcsspn
# define _tcscspn           wcscspn
# define _tcspbrk           wcspbrk
# define _tcsdup            _wcsdup
# define _tcstok            wcstok
# define _tcstok_s          wcstok_s
# define _tcslwr            _wcslwr
# define _tcslwr_s          _wcslwr_s
# define _tcsupr            _wcsupr
# define _tcsupr_s          _wcsupr_s
# define _tcsftime          wcsftime
# define _tcstol            wcstol
# define _tcstoul           wcstoul
# define _tcstoi64          wcstoll
# define _tcstoui64         wcstoull
# define _tcstod            wcstod
# define _ttoi              _wtoi
# define _tstoi             _wtoi
# define _ttol              _wtol
# define _tstol             _wtol
# define _ttoi64            _wtoi64
# define _tstoi64           _wtoi64
# define _ttof              _wtof
# define _itot              _itow
# define _itot_s            _itow_s
# define _ltot              _ltow
# define _ltot_s            _ltow_s
# define _ultot             _ultow
# define _ultot_s           _ultow_s
# define _i64tot            _i64tow
# define _i64tot_s          _i64tow_s
# define _ui64tot           _ui64tow
# define _ui64tot_s         _ui64tow_s
# define _stprintf          _swprintf
# define _stprintf_s        swprintf_s
# define _sntprintf         _snwprintf
# define _sntprintf_s       _snwprintf_s
# define _vstprintf         _vswprintf
# define _vstprintf_s       vswprintf_s
# define _vsntprintf        _vsnwprintf
# define _vsntprintf_s      _vsnwprintf_s
# define _sctprintf         _scwprintf
# define _vsctprintf        _vscwprintf
# define _tprintf           wprintf
# define _vtprintf          vwprintf
# define _ftprintf          fwprintf
# define _vftprintf         vfwprintf
# define _stscanf           swscanf
# define _tfopen            _wfopen
# define _tfopen_s          _wfopen_s
# define _tgetenv           _wgetenv
# define _taccess           _waccess
# define _tremove           _wremove
# define _tunlink           _wremove
# define _fgetts            fgetws
# define _fputts            fputws
# define _totlower          towlower
# define _totupper          towupper
# define _istspace          iswspace
# define _istdigit          iswdigit
# define _istxdigit         iswxdigit
# define _istalpha          iswalpha
# define _istalnum          iswalnum
# define _istupper          iswupper
# define _istlower          iswlower
# define _istprint          iswprint
# define _istpunct          iswpunct
# define _istcntrl          iswcntrl

#else  /* _UNICODE */

typedef char                _TCHAR;
typedef signed char         _TSCHAR;
typedef unsigned char       _TUCHAR;
typedef unsigned char       _TXCHAR;
typedef int                 _TINT;
# define __T(x)             x
# define _TEOF              EOF

# define _tmain             main
# define _tcslen            strlen
# define _tcsnlen           strnlen
# define _tcsclen           strlen
# define _tcscpy            strcpy
# define _tcscpy_s          strcpy_s
# define _tcsncpy           strncpy
# define _tcsncpy_s         strncpy_s
# define _tcscat            strcat
# define _tcscat_s          strcat_s
# define _tcsncat           strncat
# define _tcsncat_s         strncat_s
# define _tcscmp            strcmp
# define _tcsicmp           _stricmp
# define _tcsncmp           strncmp
# define _tcsnicmp          _strnicmp
# define _tcsncicmp         _strnicmp
# define _tcsnccmp          strncmp
# define _tcscoll           strcoll
# define _tcsicoll          _stricmp
# define _tcschr            strchr
# define _tcsrchr           strrchr
# define _tcsstr            strstr
# define _tcsspn            strspn
# define _tcscspn           strcspn
# define _tcspbrk           strpbrk
# define _tcsdup            _strdup
# define _tcstok            strtok
# define _tcstok_s          strtok_s
# define _tcslwr            _strlwr
# define _tcslwr_s          _strlwr_s
# define _tcsupr            _strupr
# define _tcsupr_s          _strupr_s
# define _tcsftime          strftime
# define _tcstol            strtol
# define _tcstoul           strtoul
# define _tcstoi64          strtoll
# define _tcstoui64         strtoull
# define _tcstod            strtod
# define _ttoi              atoi
# define _tstoi             atoi
# define _ttol              atol
# define _tstol             atol
# define _ttoi64            _atoi64
# define _tstoi64           _atoi64
# define _ttof              atof
# define _itot              _itoa
# define _itot_s            _itoa_s
# define _ltot              _ltoa
# define _ltot_s            _ltoa_s
# define _ultot             _ultoa
# define _ultot_s           _ultoa_s
# define _i64tot            _i64toa
# define _i64tot_s          _i64toa_s
# define _ui64tot           _ui64toa
# define _ui64tot_s         _ui64toa_s
# define _stprintf          sprintf
# define _stprintf_s        sprintf_s
# define _sntprintf         _snprintf
# define _sntprintf_s       _snprintf_s
# define _vstprintf         vsprintf
# define _vstprintf_s       vsprintf_s
# define _vsntprintf        _vsnprintf
# define _vsntprintf_s      _vsnprintf_s
# define _sctprintf         _scprintf
# define _vsctprintf        _vscprintf
# define _tprintf           printf
# define _vtprintf          vprintf
# define _ftprintf          fprintf
# define _vftprintf         vfprintf
# define _stscanf           sscanf
# define _tfopen            fopen
# define _tfopen_s          fopen_s
# define _tgetenv           getenv
# define _taccess           access
# define _tremove           remove
# define _tunlink           unlink
# define _fgetts            fgets
# define _fputts            fputs
# define _totlower          tolower
# define _totupper          toupper
# define _istspace          isspace
# define _istdigit          isdigit
# define _istxdigit         isxdigit
# define _istalpha          isalpha
# define _istalnum          isalnum
# define _istupper          isupper
# define _istlower          islower
# define _istprint          isprint
# define _istpunct          ispunct
# define _istcntrl          iscntrl

#endif  /* _UNICODE */

#define _T(x)               __T(x)
#define _TEXT(x)            __T(x)

#endif  /* __IISSIM_POSIX */

#endif  /* _INC_TCHAR */
