#include <winbase.h> /* stringapiset.h: winbase.h holds MultiByteToWideChar and WideCharToMultiByte. Licence: MIT OR Apache-2.0. */
