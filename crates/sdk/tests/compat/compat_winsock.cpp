// Winsock types as Windows code spells them, over the platform's sockaddr.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include "check.h"

int main()
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);

    // The platform's values and layout
    CHECK(AF_INET == 2 && AF_INET6 == 10);
    CHECK(sizeof(SOCKADDR_IN) == sizeof(sockaddr_in) && sizeof(SOCKADDR_IN6) == 28 && sizeof(IN_ADDR) == 4);
    CHECK(offsetof(SOCKADDR_IN, sin_family) == 0 && sizeof(((SOCKADDR_IN *)0)->sin_family) == 2);

    SOCKADDR_IN sin;
    ZeroMemory(&sin, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(8080);
    CHECK(InetPtonA(AF_INET, "192.168.1.20", &sin.sin_addr) == 1);
    CHECK(sin.sin_addr.S_un.S_un_b.s_b1 == 192 && sin.sin_addr.S_un.S_un_b.s_b4 == 20);
    CHECK(sin.sin_addr.S_un.S_addr == sin.sin_addr.s_addr && ntohl(sin.sin_addr.s_addr) == 0xC0A80114);
    CHECK(ntohs(sin.sin_port) == 8080 && htonl(1) == ntohl(1));

    // A platform sockaddr from the host, read through the Windows types
    sockaddr_in platform;
    memset(&platform, 0, sizeof platform);
    platform.sin_family = AF_INET;
    platform.sin_port = htons(443);
    inet_pton(AF_INET, "10.0.0.1", &platform.sin_addr);
    const SOCKADDR *generic = (const SOCKADDR *)&platform;
    CHECK(generic->sa_family == AF_INET);
    PSOCKADDR_IN p4 = (PSOCKADDR_IN)(void *)&platform;
    CHECK(p4->sin_addr.S_un.S_un_b.s_b1 == 10 && ntohs(p4->sin_port) == 443);

    char text[64];
    DWORD len = sizeof text;
    CHECK(WSAAddressToStringA((LPSOCKADDR)&sin, sizeof sin, NULL, text, &len) == 0);
    CHECK(strcmp(text, "192.168.1.20:8080") == 0 && len == 18);
    len = 4;
    CHECK(WSAAddressToStringA((LPSOCKADDR)&sin, sizeof sin, NULL, text, &len) == SOCKET_ERROR);
    CHECK(WSAGetLastError() == WSAEFAULT && len == 18);
    CHECK(inet_ntop(AF_INET, &sin.sin_addr, text, sizeof text) && strcmp(text, "192.168.1.20") == 0);

    SOCKADDR_IN6 sin6;
    ZeroMemory(&sin6, sizeof sin6);
    sin6.sin6_family = AF_INET6;
    sin6.sin6_port = htons(80);
    CHECK(InetPtonW(AF_INET6, L"2001:db8::1", &sin6.sin6_addr) == 1);
    CHECK(sin6.sin6_addr.u.Byte[0] == 0x20 && sin6.sin6_addr.s6_addr[1] == 0x01 && sin6.sin6_addr.u.Byte[15] == 1);
    WCHAR wtext[64];
    DWORD wlen = 64;
    CHECK(WSAAddressToStringW((LPSOCKADDR)&sin6, sizeof sin6, NULL, wtext, &wlen) == 0);
    CHECK(wcscmp(wtext, L"[2001:db8::1]:80") == 0);
    CHECK(InetNtopW(AF_INET6, &sin6.sin6_addr, wtext, 64) && wcscmp(wtext, L"2001:db8::1") == 0);
    CHECK(InetPtonW(AF_INET, L"not-an-ip", &sin.sin_addr) == 0);

    SOCKADDR_STORAGE ss;
    memset(&ss, 0, sizeof ss);
    memcpy(&ss, &sin6, sizeof sin6);
    CHECK(ss.ss_family == AF_INET6 && sizeof(SOCKADDR_STORAGE) >= sizeof(SOCKADDR_IN6));

    // A real socket through the Windows names
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(s != INVALID_SOCKET);
    u_long nonblocking = 1;
    CHECK(ioctlsocket(s, FIONBIO, &nonblocking) == 0);
    CHECK(closesocket(s) == 0);
    SOCKET bad = socket(12345, SOCK_STREAM, 0);
    CHECK(bad == INVALID_SOCKET && WSAGetLastError() == WSAEAFNOSUPPORT);

    CHECK(WSACleanup() == 0);
    printf("ok\n");
    return 0;
}
