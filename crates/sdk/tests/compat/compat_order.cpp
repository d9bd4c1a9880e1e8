// compat-variants: | -DNOMINMAX | -DSTD_FIRST | -DSTD_FIRST -DNOMINMAX
// Standard headers before and after windows.h, with and without NOMINMAX, as Windows code
// includes them. compat.rs builds every variant listed above.
#ifdef STD_FIRST
# include <algorithm>
# include <cstdio>
# include <cstring>
# include <functional>
# include <iostream>
# include <limits>
# include <map>
# include <memory>
# include <mutex>
# include <sstream>
# include <string>
# include <thread>
# include <unordered_map>
# include <vector>
#endif
#include <windows.h>
#include <httpserv.h>
#include <strsafe.h>
#include <tchar.h>
#include <atlbase.h>
#include <comdef.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <wincrypt.h>
#include <bcrypt.h>
#include <io.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>
#include "check.h"

int main()
{
#ifdef NOMINMAX
# if defined(min) || defined(max)
#  error "NOMINMAX must keep min and max undefined"
# endif
    CHECK(std::min(3, 4) == 3 && std::max(3, 4) == 4);
    CHECK(std::numeric_limits<int>::max() == 2147483647);
#else
# if !defined(min) || !defined(max)
#  error "windows.h defines min and max unless NOMINMAX"
# endif
    DWORD small = 3;
    CHECK(min(small, 4u) == 3 && max(2, 5) == 5);
    CHECK((std::min)(3, 4) == 3 && (std::max)(3, 4) == 4);
    CHECK((std::numeric_limits<int>::max)() == 2147483647);
#endif
    std::vector<std::string> names = {"b", "a"};
    std::sort(names.begin(), names.end());
    CHECK(names[0] == "a");
    std::ostringstream os;
    os << 1.5 << std::to_string(2);
    CHECK(os.str() == "1.52");
    std::mutex m;
    std::lock_guard<std::mutex> lock(m);
    std::printf("%s\n", "ok");
    return 0;
}
