#include <wincrypt.h> /* Wincrypt.h: the same header, for sources that spell it so. Licence: MIT OR Apache-2.0. */
