/*
 * winsock2.h: Windows Sockets 2 names over the platform's BSD sockets, for building IIS native
 * modules off Windows with iissim. Clean-room: written from the documented API.
 * Licence: MIT OR Apache-2.0.
 *
 * Socket addresses are the platform's (design decision 4): on Linux sa_family is a 16-bit value at
 * offset 0 and AF_INET6 is 10, not 23. SOCKADDR_IN, SOCKADDR_IN6 and IN_ADDR are layout-identical
 * to the platform's sockaddr_in, sockaddr_in6 and in_addr (checked below) but spell their members
 * the Windows way: IN_ADDR has both S_un.S_addr / S_un.S_un_b.s_b1.. and s_addr; IN6_ADDR has
 * u.Byte / u.Word and s6_addr. The platform's own `struct sockaddr_in` keeps the platform's
 * members, so `sin.sin_addr.S_un.S_addr` compiles only on a SOCKADDR_IN; `.s_addr` works on both.
 * A SOCKET is the file descriptor widened to UINT_PTR; INVALID_SOCKET is ~0, as returned -1 becomes.
 */
#include <windows.h>

#ifndef _WINSOCK2API_
#define _WINSOCK2API_
#define _WINSOCKAPI_

#ifdef __IISSIM_POSIX

#include <sys/socket.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>

typedef UINT_PTR            SOCKET;
#define INVALID_SOCKET      ((SOCKET)(~0))
#define SOCKET_ERROR        (-1)
typedef USHORT              ADDRESS_FAMILY;

#define SD_RECEIVE          0x00
#define SD_SEND             0x01
#define SD_BOTH             0x02

typedef struct in_addr_windows {
    __IISSIM_ANONYMOUS union {
        union {
            struct {
                UCHAR       s_b1, s_b2, s_b3, s_b4;
            } S_un_b;
            struct {
                USHORT      s_w1, s_w2;
            } S_un_w;
            ULONG           S_addr;
        } S_un;
        in_addr_t           s_addr;
    };
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;

typedef struct in6_addr_windows {
    __IISSIM_ANONYMOUS union {
        union {
            UCHAR           Byte[16];
            USHORT          Word[8];
        } u;
#ifdef __GLIBC__
        /* glibc's s6_addr macro names this member */
        union {
            uint8_t         __u6_addr8[16];
            uint16_t        __u6_addr16[8];
            uint32_t        __u6_addr32[4];
        } __in6_u;
#endif
    };
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

typedef struct sockaddr_in_windows {
    sa_family_t             sin_family;
    in_port_t               sin_port;
    IN_ADDR                 sin_addr;
    CHAR                    sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;

typedef struct sockaddr_in6_windows {
    sa_family_t             sin6_family;
    in_port_t               sin6_port;
    ULONG                   sin6_flowinfo;
    IN6_ADDR                sin6_addr;
    ULONG                   sin6_scope_id;
} SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6, SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH;

typedef struct sockaddr_storage SOCKADDR_STORAGE, *PSOCKADDR_STORAGE, *LPSOCKADDR_STORAGE;

typedef union _SOCKADDR_INET {
    SOCKADDR_IN             Ipv4;
    SOCKADDR_IN6            Ipv6;
    ADDRESS_FAMILY          si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

typedef struct addrinfo     ADDRINFOA, *PADDRINFOA;
typedef struct hostent      HOSTENT, *PHOSTENT, *LPHOSTENT;
typedef struct linger       LINGER, *PLINGER;
typedef struct timeval      TIMEVAL, *PTIMEVAL;

__IISSIM_STATIC_ASSERT(sizeof(IN_ADDR) == sizeof(struct in_addr), "IN_ADDR must match in_addr")
__IISSIM_STATIC_ASSERT(sizeof(IN6_ADDR) == sizeof(struct in6_addr), "IN6_ADDR must match in6_addr")
__IISSIM_STATIC_ASSERT(sizeof(SOCKADDR_IN) == sizeof(struct sockaddr_in), "SOCKADDR_IN must match sockaddr_in")
__IISSIM_STATIC_ASSERT(offsetof(SOCKADDR_IN, sin_port) == offsetof(struct sockaddr_in, sin_port), "sin_port")
__IISSIM_STATIC_ASSERT(offsetof(SOCKADDR_IN, sin_addr) == offsetof(struct sockaddr_in, sin_addr), "sin_addr")
__IISSIM_STATIC_ASSERT(sizeof(SOCKADDR_IN6) == sizeof(struct sockaddr_in6), "SOCKADDR_IN6 must match sockaddr_in6")
__IISSIM_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_addr) == offsetof(struct sockaddr_in6, sin6_addr), "sin6_addr")
__IISSIM_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_scope_id) == offsetof(struct sockaddr_in6, sin6_scope_id),
                       "sin6_scope_id")

#define WSADESCRIPTION_LEN  256
#define WSASYS_STATUS_LEN   128
typedef struct WSAData {
    WORD                    wVersion;
    WORD                    wHighVersion;
    unsigned short          iMaxSockets;
    unsigned short          iMaxUdpDg;
    char                   *lpVendorInfo;
    char                    szDescription[WSADESCRIPTION_LEN + 1];
    char                    szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

typedef struct _WSAPROTOCOL_INFOA {
    DWORD                   dwServiceFlags1;
    int                     iAddressFamily;
    int                     iSocketType;
    int                     iProtocol;
} WSAPROTOCOL_INFOA, *LPWSAPROTOCOL_INFOA;
typedef struct _WSAPROTOCOL_INFOW {
    DWORD                   dwServiceFlags1;
    int                     iAddressFamily;
    int                     iSocketType;
    int                     iProtocol;
} WSAPROTOCOL_INFOW, *LPWSAPROTOCOL_INFOW;

static __IISSIM_INLINE int WSAStartup(WORD version, LPWSADATA data)
{
    if (data) {
        memset(data, 0, sizeof *data);
        data->wVersion = version;
        data->wHighVersion = MAKEWORD(2, 2);
        strcpy(data->szDescription, "iissim sockets");
        strcpy(data->szSystemStatus, "Running");
    }
    return 0;
}
static __IISSIM_INLINE int WSACleanup(void)
{
    return 0;
}

__IISSIM_SHARED __IISSIM_THREAD_LOCAL int __iissim_wsa_error;

static __IISSIM_INLINE int __iissim_errno_to_wsa(int e)
{
    switch (e) {
    case 0: return 0;
    case EINTR: return WSAEINTR;
    case EBADF: return WSAEBADF;
    case EACCES: return WSAEACCES;
    case EFAULT: return WSAEFAULT;
    case EINVAL: return WSAEINVAL;
    case EMFILE: return WSAEMFILE;
    case EWOULDBLOCK: return WSAEWOULDBLOCK;
    case EINPROGRESS: return WSAEINPROGRESS;
    case EALREADY: return WSAEALREADY;
    case ENOTSOCK: return WSAENOTSOCK;
    case EMSGSIZE: return WSAEMSGSIZE;
    case EAFNOSUPPORT: return WSAEAFNOSUPPORT;
    case EADDRINUSE: return WSAEADDRINUSE;
    case EADDRNOTAVAIL: return WSAEADDRNOTAVAIL;
    case ENETDOWN: return WSAENETDOWN;
    case ENETUNREACH: return WSAENETUNREACH;
    case ECONNABORTED: return WSAECONNABORTED;
    case ECONNRESET: return WSAECONNRESET;
    case ENOBUFS: return WSAENOBUFS;
    case EISCONN: return WSAEISCONN;
    case ENOTCONN: return WSAENOTCONN;
    case ETIMEDOUT: return WSAETIMEDOUT;
    case ECONNREFUSED: return WSAECONNREFUSED;
    case EHOSTUNREACH: return WSAEHOSTUNREACH;
    default: return WSAEINVAL;
    }
}

/* The last error the shim set, else errno as a WSA code */
static __IISSIM_INLINE int WSAGetLastError(void)
{
    int e = __iissim_wsa_error;
    __iissim_wsa_error = 0;
    return e ? e : __iissim_errno_to_wsa(errno);
}
static __IISSIM_INLINE void WSASetLastError(int e)
{
    __iissim_wsa_error = e;
}

static __IISSIM_INLINE int closesocket(SOCKET s)
{
    return close((int)s) == 0 ? 0 : SOCKET_ERROR;
}

static __IISSIM_INLINE int ioctlsocket(SOCKET s, long cmd, unsigned long *arg)
{
    if ((unsigned long)cmd == (unsigned long)FIONBIO) {
        int flags = fcntl((int)s, F_GETFL, 0);
        if (flags < 0)
            return SOCKET_ERROR;
        flags = *arg ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
        return fcntl((int)s, F_SETFL, flags) == 0 ? 0 : SOCKET_ERROR;
    }
    if ((unsigned long)cmd == (unsigned long)FIONREAD) {
        int n = 0;
        if (ioctl((int)s, FIONREAD, &n) != 0)
            return SOCKET_ERROR;
        *arg = (unsigned long)n;
        return 0;
    }
    errno = EINVAL;
    return SOCKET_ERROR;
}

/* "a.b.c.d[:port]" or "[v6%scope]:port" / "v6%scope", as WSAAddressToString formats them */
static __IISSIM_INLINE int __iissim_addr_to_string(const struct sockaddr *sa, DWORD len, char *out, size_t cap)
{
    char host[INET6_ADDRSTRLEN];
    if (!sa)
        return -1;
    if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        if (in->sin_port)
            return __iissim_snprintf(out, cap, "%s:%u", host, (unsigned)ntohs(in->sin_port));
        return __iissim_snprintf(out, cap, "%s", host);
    }
    if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        char scope[16] = "";
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        if (in6->sin6_scope_id)
            __iissim_snprintf(scope, sizeof scope, "%%%u", (unsigned)in6->sin6_scope_id);
        if (in6->sin6_port)
            return __iissim_snprintf(out, cap, "[%s%s]:%u", host, scope, (unsigned)ntohs(in6->sin6_port));
        return __iissim_snprintf(out, cap, "%s%s", host, scope);
    }
    return -1;
}

static __IISSIM_INLINE INT WSAAddressToStringA(LPSOCKADDR sa, DWORD len, LPWSAPROTOCOL_INFOA info, LPSTR out,
                                               LPDWORD cch)
{
    char text[80];
    int n;
    (void)info;
    if (!cch || (n = __iissim_addr_to_string(sa, len, text, sizeof text)) < 0) {
        WSASetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (!out || *cch < (DWORD)n + 1) {
        *cch = (DWORD)n + 1;
        WSASetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(out, text, (size_t)n + 1);
    *cch = (DWORD)n + 1;
    return 0;
}

static __IISSIM_INLINE INT WSAAddressToStringW(LPSOCKADDR sa, DWORD len, LPWSAPROTOCOL_INFOW info, LPWSTR out,
                                               LPDWORD cch)
{
    char text[80];
    int n, i;
    (void)info;
    if (!cch || (n = __iissim_addr_to_string(sa, len, text, sizeof text)) < 0) {
        WSASetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (!out || *cch < (DWORD)n + 1) {
        *cch = (DWORD)n + 1;
        WSASetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    for (i = 0; i <= n; i++)
        out[i] = (WCHAR)(unsigned char)text[i];
    *cch = (DWORD)n + 1;
    return 0;
}

#ifdef UNICODE
# define WSAAddressToString WSAAddressToStringW
#else
# define WSAAddressToString WSAAddressToStringA
#endif

#endif  /* __IISSIM_POSIX */

#endif  /* _WINSOCK2API_ */
