#include <winbase.h> /* synchapi.h: winbase.h holds the synchronisation functions. Licence: MIT OR Apache-2.0. */
