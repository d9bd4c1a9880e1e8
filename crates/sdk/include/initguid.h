/*
 * initguid.h: makes every later DEFINE_GUID a definition (a weak one, so that several translation
 * units of a module may each include this header), for building IIS native modules off Windows
 * with iissim. Licence: MIT OR Apache-2.0.
 */
#include <windows.h>

#ifndef INITGUID
# define INITGUID
#endif
#undef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    __IISSIM_GUID_DEFINITION const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
