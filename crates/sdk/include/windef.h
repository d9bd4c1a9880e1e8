#include <windows.h> /* windef.h: windows.h holds the basic types. Licence: MIT OR Apache-2.0. */
