#include <winbase.h> /* processthreadsapi.h: winbase.h holds the thread functions. Licence: MIT OR Apache-2.0. */
