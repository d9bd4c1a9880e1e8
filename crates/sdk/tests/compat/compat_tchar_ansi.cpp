// TCHAR in the ANSI build (no UNICODE/_UNICODE).
#include "compat_tchar.inc"

int main()
{
#if defined(UNICODE) || defined(_UNICODE)
# error "the ANSI test must build without UNICODE"
#endif
    CHECK(sizeof(TCHAR) == 1);
    run();
    printf("ok\n");
    return 0;
}
