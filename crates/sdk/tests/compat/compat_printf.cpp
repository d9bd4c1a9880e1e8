// MSVC printf formats through the printf family, and std headers after windows.h.
#include <windows.h>
#include <strsafe.h>
#include <cstdio>
#include <string>
#include <sstream>
#include <iostream>
#include <vector>
#include <map>
#include <algorithm>
#include <memory>
#include "check.h"

static int Log(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return r;
}

static int LogMs(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnprintf_s(out, n, _TRUNCATE, fmt, ap);
    va_end(ap);
    return r;
}

int main()
{
    char buf[128];
    ULONGLONG big = 18446744073709551615ull;
    LONGLONG neg = -9223372036854775807LL;
    SIZE_T size = 123456789;
    SSIZE_T diff = -42;
    DWORD dw = 0xDEADBEEF;

    CHECK(sprintf(buf, "%I64u|%I64d|%I64x", big, neg, (ULONGLONG)0xABCDEF0123ull) > 0);
    CHECK(strcmp(buf, "18446744073709551615|-9223372036854775807|abcdef0123") == 0);
    CHECK(snprintf(buf, sizeof buf, "%Iu %Id %IX", size, diff, (SIZE_T)255) > 0 && strcmp(buf, "123456789 -42 FF") == 0);
    CHECK(sprintf_s(buf, "%I32u %I32d", dw, (INT32)-1) > 0 && strcmp(buf, "3735928559 -1") == 0);
    CHECK(_snprintf_s(buf, _TRUNCATE, "%-5I64d|", (LONGLONG)7) > 0 && strcmp(buf, "7    |") == 0);
    CHECK(std::snprintf(buf, sizeof buf, "%I64d", (LONGLONG)1) == 1 && strcmp(buf, "1") == 0);
    CHECK(Log(buf, sizeof buf, "%I64u/%Iu", (ULONGLONG)5, (SIZE_T)6) == 3 && strcmp(buf, "5/6") == 0);
    CHECK(LogMs(buf, sizeof buf, "%I64u", (ULONGLONG)8) == 1 && strcmp(buf, "8") == 0);
    CHECK(_snprintf(buf, sizeof buf, "%ws|%hs|%S", L"wide", "narrow", L"cap") > 0 && strcmp(buf, "wide|narrow|cap") == 0);
    CHECK(sprintf(buf, "%%I64d %5.2f %c %%", 3.14159, 'z') > 0 && strcmp(buf, "%I64d  3.14 z %") == 0);

    // Wide functions: %s is a wide string, %S and %hs narrow, as in MSVC
    wchar_t w[64];
    CHECK(swprintf(w, 64, L"%s|%S|%hs|%ls|%I64d", L"a", "b", "c", L"d", (LONGLONG)-1) > 0);
    CHECK(wcscmp(w, L"a|b|c|d|-1") == 0);
    CHECK(swprintf_s(w, L"%c%C", L'x', 'y') == 2 && wcscmp(w, L"xy") == 0);
    CHECK(StringCchPrintfW(w, 64, L"%s=%I64u", L"k", (ULONGLONG)9) == S_OK && wcscmp(w, L"k=9") == 0);
    CHECK(StringCchPrintfA(buf, 64, "%s=%I64u", "k", (ULONGLONG)9) == S_OK && strcmp(buf, "k=9") == 0);

    // Long formats take the heap path
    std::string longfmt(600, 'x');
    longfmt += "%I64d";
    std::vector<char> big_out(700);
    CHECK(snprintf(big_out.data(), big_out.size(), longfmt.c_str(), (LONGLONG)12) == 602);
    CHECK(strcmp(big_out.data() + 600, "12") == 0);

    // printf itself, std::printf, fprintf to a stream, and the C++ library after windows.h
    FILE *f = tmpfile();
    CHECK(f != NULL);
    CHECK(fprintf(f, "%I64d", (LONGLONG)77) == 2);
    rewind(f);
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "77") == 0);
    fclose(f);
    std::ostringstream os;
    os << std::to_string(3.5) << ' ' << (std::max)(1, 2) << ' ' << std::string("s");
    CHECK(os.str() == "3.500000 2 s");
    std::map<int, std::unique_ptr<int>> m;
    m[1].reset(new int(5));
    CHECK(*m[1] == 5);
    std::printf("%I64d", (LONGLONG)0);
    printf("\nok\n");
    return 0;
}
