// compat-flags: -DUNICODE -D_UNICODE
// TCHAR in the Unicode build (compiled with -DUNICODE -D_UNICODE).
#include "compat_tchar.inc"

int main()
{
#if !defined(UNICODE) || !defined(_UNICODE)
# error "the Unicode test must build with -DUNICODE -D_UNICODE"
#endif
    CHECK(sizeof(TCHAR) == sizeof(wchar_t));
    run();
    // stdout is wide-oriented now (_tprintf is wprintf): report through it
    wprintf(L"ok\n");
    return 0;
}
