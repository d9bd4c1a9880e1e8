// strsafe.h: exact HRESULTs and truncation rules.
#include <windows.h>
#include <strsafe.h>
#include <tchar.h>
#include "check.h"

int main()
{
    CHECK(STRSAFE_E_INSUFFICIENT_BUFFER == (HRESULT)0x8007007A);
    CHECK(STRSAFE_E_INVALID_PARAMETER == (HRESULT)0x80070057);

    char a[6];
    CHECK(StringCchCopyA(a, ARRAYSIZE(a), "abc") == S_OK && strcmp(a, "abc") == 0);
    CHECK(StringCchCopyA(a, ARRAYSIZE(a), "abcdefgh") == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "abcde") == 0);
    CHECK(StringCchCopyA(a, 0, "x") == STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCchCopyA(a, ARRAYSIZE(a), "") == S_OK && a[0] == 0);

    CHECK(StringCchCopyA(a, ARRAYSIZE(a), "ab") == S_OK);
    CHECK(StringCchCatA(a, ARRAYSIZE(a), "cd") == S_OK && strcmp(a, "abcd") == 0);
    CHECK(StringCchCatA(a, ARRAYSIZE(a), "efg") == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "abcde") == 0);
    char unterminated[3] = {'x', 'y', 'z'};
    CHECK(StringCchCatA(unterminated, 3, "a") == STRSAFE_E_INVALID_PARAMETER);

    CHECK(StringCchCopyNA(a, ARRAYSIZE(a), "abcdef", 2) == S_OK && strcmp(a, "ab") == 0);
    CHECK(StringCchCopyNA(a, ARRAYSIZE(a), "abcdefgh", 7) == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "abcde") == 0);

    CHECK(StringCchPrintfA(a, ARRAYSIZE(a), "%d", 42) == S_OK && strcmp(a, "42") == 0);
    CHECK(StringCchPrintfA(a, ARRAYSIZE(a), "%I64u", 12345678901ull) == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "12345") == 0);

    size_t len = 99;
    CHECK(StringCchLengthA("hello", STRSAFE_MAX_CCH, &len) == S_OK && len == 5);
    CHECK(StringCchLengthA("hello", 5, &len) == STRSAFE_E_INVALID_PARAMETER && len == 0);
    CHECK(StringCchLengthA(NULL, 5, &len) == STRSAFE_E_INVALID_PARAMETER);

    // Byte counts
    char b[8];
    CHECK(StringCbCopyA(b, sizeof b, "12345678") == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(b, "1234567") == 0);
    CHECK(StringCbCopyA(b, sizeof b, "12") == S_OK);
    CHECK(StringCbCatA(b, sizeof b, "34") == S_OK && strcmp(b, "1234") == 0);
    CHECK(StringCbPrintfA(b, sizeof b, "%s", "xy") == S_OK && strcmp(b, "xy") == 0);
    CHECK(StringCbLengthA("abc", sizeof b, &len) == S_OK && len == 3);

    // Wide, where Cb counts bytes of 4-byte WCHARs
    WCHAR w[6];
    CHECK(StringCchCopyW(w, ARRAYSIZE(w), L"abcdefg") == STRSAFE_E_INSUFFICIENT_BUFFER && wcscmp(w, L"abcde") == 0);
    CHECK(StringCbCopyW(w, sizeof w, L"xyz") == S_OK && wcscmp(w, L"xyz") == 0);
    CHECK(StringCbCatW(w, sizeof w, L"12") == S_OK && wcscmp(w, L"xyz12") == 0);
    CHECK(StringCchCatW(w, ARRAYSIZE(w), L"3") == STRSAFE_E_INSUFFICIENT_BUFFER && wcscmp(w, L"xyz12") == 0);
    CHECK(StringCchPrintfW(w, ARRAYSIZE(w), L"%s%d", L"ab", 7) == S_OK && wcscmp(w, L"ab7") == 0);
    CHECK(StringCbPrintfW(w, sizeof w, L"%s", L"toolong") == STRSAFE_E_INSUFFICIENT_BUFFER && wcscmp(w, L"toolo") == 0);
    CHECK(StringCchLengthW(L"abcd", 10, &len) == S_OK && len == 4);
    CHECK(StringCbLengthW(L"abcd", 100, &len) == S_OK && len == 4 * sizeof(WCHAR));
    CHECK(StringCchCopyNW(w, ARRAYSIZE(w), L"abcdef", 3) == S_OK && wcscmp(w, L"abc") == 0);

    // VPrintf
    struct Local {
        static HRESULT Format(char *dst, size_t cch, const char *fmt, ...)
        {
            va_list ap;
            va_start(ap, fmt);
            HRESULT hr = StringCchVPrintfA(dst, cch, fmt, ap);
            va_end(ap);
            return hr;
        }
        static HRESULT FormatW(WCHAR *dst, size_t cch, const WCHAR *fmt, ...)
        {
            va_list ap;
            va_start(ap, fmt);
            HRESULT hr = StringCchVPrintfW(dst, cch, fmt, ap);
            va_end(ap);
            return hr;
        }
    };
    CHECK(Local::Format(a, ARRAYSIZE(a), "%s-%s", "a", "b") == S_OK && strcmp(a, "a-b") == 0);
    CHECK(Local::FormatW(w, ARRAYSIZE(w), L"%Iu", (size_t)123456) == STRSAFE_E_INSUFFICIENT_BUFFER && wcscmp(w, L"12345") == 0);

    // Ex forms
    char *end = NULL;
    size_t remaining = 0;
    CHECK(StringCchCopyExA(a, ARRAYSIZE(a), "ab", &end, &remaining, 0) == S_OK && end == a + 2 && remaining == 4);
    CHECK(StringCchCopyExA(a, ARRAYSIZE(a), "abcdefg", &end, &remaining, STRSAFE_NULL_ON_FAILURE)
              == STRSAFE_E_INSUFFICIENT_BUFFER
          && a[0] == 0);

    // TCHAR forms
    TCHAR t[8];
    CHECK(StringCchCopy(t, ARRAYSIZE(t), TEXT("tchar")) == S_OK && _tcscmp(t, TEXT("tchar")) == 0);
    CHECK(StringCchPrintf(t, ARRAYSIZE(t), TEXT("%d"), 5) == S_OK);

    printf("ok\n");
    return 0;
}
