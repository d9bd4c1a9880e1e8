#include <atlbase.h> /* atlconv.h: atlbase.h holds the conversion classes. Licence: MIT OR Apache-2.0. */
