#include <winsock2.h> /* Winsock2.h: the same header, for sources that spell it so. Licence: MIT OR Apache-2.0. */
