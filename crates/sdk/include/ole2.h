#include <objbase.h> /* ole2.h: objbase.h holds what a module uses of OLE. Licence: MIT OR Apache-2.0. */
