#include <winsock2.h> /* winsock.h: Windows Sockets 1 names are a subset of winsock2.h here. Licence: MIT OR Apache-2.0. */
