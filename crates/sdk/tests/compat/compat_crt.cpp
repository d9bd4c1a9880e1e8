// CRT secure and MSVC-only functions, written as Windows code writes them.
#include <windows.h>
#include <io.h>
#include <time.h>
#include "check.h"

int main()
{
    // strcpy_s: fits, too long (empty + ERANGE), NULL source (empty + EINVAL)
    char buf[8];
    CHECK(strcpy_s(buf, sizeof buf, "abc") == 0 && strcmp(buf, "abc") == 0);
    CHECK(strcpy_s(buf, sizeof buf, "12345678") == ERANGE && buf[0] == 0);
    CHECK(strcpy_s(buf, sizeof buf, NULL) == EINVAL && buf[0] == 0);
    CHECK(strcpy_s(NULL, 4, "a") == EINVAL);
    CHECK(strcpy_s(buf, "1234567") == 0 && strcmp(buf, "1234567") == 0); // template overload

    // strcat_s
    strcpy_s(buf, "ab");
    CHECK(strcat_s(buf, "cd") == 0 && strcmp(buf, "abcd") == 0);
    CHECK(strcat_s(buf, sizeof buf, "efgh") == ERANGE && buf[0] == 0);

    // strncpy_s, with _TRUNCATE
    CHECK(strncpy_s(buf, sizeof buf, "abcdef", 3) == 0 && strcmp(buf, "abc") == 0);
    CHECK(strncpy_s(buf, "abcdefghijk", _TRUNCATE) == STRUNCATE && strcmp(buf, "abcdefg") == 0);
    CHECK(strncpy_s(buf, sizeof buf, "abcdefghijk", 10) == ERANGE && buf[0] == 0);

    // wide
    wchar_t w[6];
    CHECK(wcscpy_s(w, L"hey") == 0 && wcscmp(w, L"hey") == 0);
    CHECK(wcscat_s(w, _countof(w), L"yo") == 0 && wcscmp(w, L"heyyo") == 0);
    CHECK(wcscat_s(w, L"!") == ERANGE && w[0] == 0);
    CHECK(wcsncpy_s(w, L"abcdefgh", _TRUNCATE) == STRUNCATE && wcscmp(w, L"abcde") == 0);
    CHECK(wcsncpy_s(w, _countof(w), L"abcdefgh", 2) == 0 && wcscmp(w, L"ab") == 0);
    CHECK(wcsnlen(L"abc", 10) == 3 && wcsnlen(L"abc", 2) == 2);

    // sprintf_s family
    char out[16];
    CHECK(sprintf_s(out, sizeof out, "%d-%s", 42, "x") == 4 && strcmp(out, "42-x") == 0);
    CHECK(sprintf_s(out, "%s", "this is far too long") == -1 && out[0] == 0);
    CHECK(_snprintf_s(out, sizeof out, _TRUNCATE, "%s", "0123456789abcdefXYZ") == -1 && strcmp(out, "0123456789abcde") == 0);
    CHECK(_snprintf_s(out, sizeof out, 4, "%s", "abcdef") == -1 && strcmp(out, "abcd") == 0);
    CHECK(_snprintf_s(out, _TRUNCATE, "%d", 7) == 1 && strcmp(out, "7") == 0);
    wchar_t wout[16];
    CHECK(swprintf_s(wout, _countof(wout), L"%d:%s", 5, L"ab") == 4 && wcscmp(wout, L"5:ab") == 0);
    CHECK(swprintf_s(wout, L"%hs", "narrow") == 6 && wcscmp(wout, L"narrow") == 0);
    CHECK(_snwprintf_s(wout, _TRUNCATE, L"%s", L"0123456789abcdefXYZ") == -1 && wcscmp(wout, L"0123456789abcde") == 0);
    // _snprintf: no terminator when the text fills the count, -1 when truncated
    char raw[4] = {'x', 'x', 'x', 'x'};
    CHECK(_snprintf(raw, 3, "abc") == 3 && memcmp(raw, "abcx", 4) == 0);
    CHECK(_snprintf(raw, 3, "abcdef") == -1 && memcmp(raw, "abcx", 4) == 0);
    CHECK(_scprintf("%d", 12345) == 5);

    // Integer to text
    char num[40];
    CHECK(_itoa_s(-123, num, sizeof num, 10) == 0 && strcmp(num, "-123") == 0);
    CHECK(_itoa_s(-1, num, 16) == 0 && strcmp(num, "ffffffff") == 0);
    CHECK(_itoa_s(255, num, 2, 10) == ERANGE && num[0] == 0);
    CHECK(strcmp(_ui64toa(18446744073709551615ull, num, 10), "18446744073709551615") == 0);
    CHECK(strcmp(_i64toa(-9223372036854775807LL - 1, num, 10), "-9223372036854775808") == 0);
    CHECK(strcmp(_itoa(10, num, 2), "1010") == 0);
    CHECK(strcmp(itoa(35, num, 36), "z") == 0);
    CHECK(strcmp(ltoa(-5, num, 10), "-5") == 0);
    wchar_t wnum[20];
    CHECK(_itow_s(-42, wnum, _countof(wnum), 10) == 0 && wcscmp(wnum, L"-42") == 0);
    CHECK(_ltow_s(255, wnum, 16) == 0 && wcscmp(wnum, L"ff") == 0);

    // Text to integer
    CHECK(_wtoi(L"  -17xyz") == -17);
    CHECK(_wtol(L"99999999999") == 2147483647);
    CHECK(_atoi64("-9000000000") == -9000000000LL);
    CHECK(_wtoi64(L"9000000000") == 9000000000LL);

    // Case-insensitive comparisons
    CHECK(_stricmp("Hello", "hELLO") == 0 && _stricmp("a", "B") < 0 && _stricmp("b", "A") > 0);
    CHECK(_strnicmp("ABCx", "abcy", 3) == 0 && _strnicmp("ABCx", "abcy", 4) < 0);
    CHECK(_wcsicmp(L"Content-Type", L"content-type") == 0);
    CHECK(_wcsnicmp(L"HTTP_X", L"http_y", 5) == 0);

    // _strdup / _wcsdup
    char *d = _strdup("dup");
    wchar_t *wd = _wcsdup(L"wdup");
    CHECK(d && strcmp(d, "dup") == 0 && wd && wcscmp(wd, L"wdup") == 0);
    free(d);
    free(wd);

    // localtime_s / gmtime_s: MSVC argument order
    time_t t = 86400 * 365;
    struct tm tmv;
    CHECK(gmtime_s(&tmv, &t) == 0 && tmv.tm_year == 71 && tmv.tm_yday == 0);
    CHECK(localtime_s(&tmv, &t) == 0);
    CHECK(gmtime_s(&tmv, NULL) == EINVAL);

    // rand_s
    unsigned int r1 = 0, r2 = 0;
    CHECK(rand_s(&r1) == 0 && rand_s(&r2) == 0 && r1 != r2);

    // wcstombs_s / mbstowcs_s, with the count written through a 32-bit integer
    struct {
        DWORD count;
        DWORD guard;
    } c32 = {0, 0xA5A5A5A5};
    char mb[16];
    CHECK(wcstombs_s(&c32.count, mb, sizeof mb, L"h\u00e9", _TRUNCATE) == 0);
    CHECK(c32.count == 4 && c32.guard == 0xA5A5A5A5 && strcmp(mb, "h\xc3\xa9") == 0);
    size_t n = 99;
    CHECK(wcstombs_s(&n, NULL, 0, L"abc", 0) == 0 && n == 1);
    CHECK(wcstombs_s(&n, NULL, 0, L"abc", _TRUNCATE) == 0 && n == 4);
    CHECK(wcstombs_s(&n, mb, 3, L"abcdef", _TRUNCATE) == STRUNCATE && strcmp(mb, "ab") == 0 && n == 3);
    CHECK(wcstombs_s(&n, mb, 3, L"abcdef", 6) == ERANGE && mb[0] == 0);
    wchar_t wide[8];
    struct {
        int count;
        int guard;
    } i32 = {0, 0x5A5A5A5A};
    CHECK(mbstowcs_s(&i32.count, wide, _countof(wide), "h\xc3\xa9!", _TRUNCATE) == 0);
    CHECK(i32.count == 4 && i32.guard == 0x5A5A5A5A && wcscmp(wide, L"h\u00e9!") == 0);
    CHECK(mbstowcs_s(&n, wide, "abc", 2) == 0 && n == 3 && wcscmp(wide, L"ab") == 0);

    // wsprintf
    char ws[64];
    CHECK(wsprintfA(ws, "%s=%d", "k", 3) == 3 && strcmp(ws, "k=3") == 0);
    WCHAR wws[64];
    CHECK(wsprintfW(wws, L"%s=%u", L"k", 4u) == 3 && wcscmp(wws, L"k=4") == 0);

    // Constants and types
    CHECK(_A_RDONLY == 1 && _TRUNCATE == (size_t)-1);
    errno_t e = 0;
    rsize_t rs = 1;
    unsigned __int64 big = 1ull << 40;
    __int32 small = -1;
    CHECK(e == 0 && rs == 1 && big == 1099511627776ull && small == -1);
    int arr[7];
    CHECK(_countof(arr) == 7);

    printf("ok\n");
    return 0;
}
