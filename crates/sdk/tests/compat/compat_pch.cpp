// A module's precompiled-header include, found through -iquote <module dir> (compat.rs passes
// -iquote tests/compat/pch, as the SDK build passes the module's folder).
#include "stdafx.h"
#include "pch.h"
#include "check.h"

int main()
{
    CHECK(STDAFX_INCLUDED == 1 && PCH_INCLUDED == 1);
    TCHAR buf[8];
    CHECK(StringCchCopy(buf, 8, TEXT("pch")) == S_OK);
    printf("ok\n");
    return 0;
}
