#include <windows.h> /* guiddef.h: windows.h holds GUID and DEFINE_GUID. Licence: MIT OR Apache-2.0. */
