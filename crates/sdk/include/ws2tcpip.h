/*
 * ws2tcpip.h: the TCP/IP additions of Windows Sockets 2 (getaddrinfo names, InetNtop/InetPton),
 * for building IIS native modules off Windows with iissim. Licence: MIT OR Apache-2.0.
 * inet_ntop, inet_pton and getaddrinfo are the platform's own.
 */
#include <winsock2.h>

#ifndef _WS2TCPIP_H_
#define _WS2TCPIP_H_

#ifdef __IISSIM_POSIX

#define InetNtopA           inet_ntop
#define InetPtonA           inet_pton
#define GetAddrInfoA        getaddrinfo
#define FreeAddrInfoA       freeaddrinfo
#define INET_ADDRSTRLEN_W   INET_ADDRSTRLEN

static __IISSIM_INLINE PCWSTR InetNtopW(INT family, const VOID *addr, PWSTR out, size_t cch)
{
    char text[INET6_ADDRSTRLEN];
    size_t i, n;
    if (!inet_ntop(family, addr, text, sizeof text)) {
        WSASetLastError(__iissim_errno_to_wsa(errno));
        return NULL;
    }
    n = strlen(text);
    if (!out || cch < n + 1) {
        WSASetLastError(WSAEINVAL);
        return NULL;
    }
    for (i = 0; i <= n; i++)
        out[i] = (WCHAR)(unsigned char)text[i];
    return out;
}

/* 1 on success, 0 for text that is no address, -1 for an unknown family */
static __IISSIM_INLINE INT InetPtonW(INT family, PCWSTR text, PVOID addr)
{
    char narrow[INET6_ADDRSTRLEN + 1];
    size_t i;
    if (!text) {
        WSASetLastError(WSAEFAULT);
        return -1;
    }
    for (i = 0; text[i]; i++) {
        if (i >= INET6_ADDRSTRLEN || (uint32_t)text[i] > 0x7F)
            return 0;
        narrow[i] = (char)text[i];
    }
    narrow[i] = 0;
    i = (size_t)inet_pton(family, narrow, addr);
    if ((int)i < 0)
        WSASetLastError(WSAEAFNOSUPPORT);
    return (INT)i;
}

#ifdef UNICODE
# define InetNtop           InetNtopW
# define InetPton           InetPtonW
#else
# define InetNtop           InetNtopA
# define InetPton           InetPtonA
#endif

#endif  /* __IISSIM_POSIX */

#endif  /* _WS2TCPIP_H_ */
