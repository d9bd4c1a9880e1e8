/* compat-c: the C-mode parts of the SDK headers, as a C source includes them. */
#include <windows.h>
#include <strsafe.h>
#include <tchar.h>
#include <winsock2.h>
#include <wincrypt.h>
#include <bcrypt.h>
#include <io.h>
#include <initguid.h>
#include "check.h"

DEFINE_GUID(IID_CompatC, 0x11111111, 0x2222, 0x3333, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB);

static DWORD WINAPI Worker(LPVOID param)
{
    InterlockedIncrement((LONG *)param);
    return 3;
}

int main(void)
{
    char buf[8];
    size_t n = 0;
    DWORD count = 0, guard = 0xAAAAAAAA;
    struct {
        DWORD count;
        DWORD guard;
    } c32 = {0, 0xAAAAAAAA};
    LONG hits = 0;
    HANDLE t;
    DWORD code = 0;
    VARIANT v;
    BSTR b;
    (void)count;
    (void)guard;
    CHECK(strcpy_s(buf, sizeof buf, "abc") == 0 && strcmp(buf, "abc") == 0);
    CHECK(sprintf(buf, "%I64d", (LONGLONG)-3) == 2 && strcmp(buf, "-3") == 0);
    CHECK(StringCchPrintfA(buf, 4, "%s", "abcdef") == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(buf, "abc") == 0);
    CHECK(wcstombs_s(&n, buf, sizeof buf, L"xy", _TRUNCATE) == 0 && n == 3);
    CHECK(wcstombs_s(&c32.count, buf, sizeof buf, L"xyz", _TRUNCATE) == 0 && c32.count == 4 && c32.guard == 0xAAAAAAAA);
    t = CreateThread(NULL, 0, Worker, &hits, 0, NULL);
    CHECK(t && WaitForSingleObject(t, INFINITE) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 3);
    CHECK(CloseHandle(t) && hits == 1);
    CHECK(IID_CompatC.Data1 == 0x11111111 && IsEqualGUID(&IID_IUnknown, &IID_IUnknown));
    b = SysAllocString(L"c");
    VariantInit(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = b;
    CHECK(SysStringLen(V_BSTR(&v)) == 1 && VariantClear(&v) == S_OK);
#ifndef NOMINMAX
    CHECK(max(1, 2) == 2 && min(1, 2) == 1);
#endif
    printf("ok\n");
    return 0;
}
