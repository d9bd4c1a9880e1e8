#include <oleauto.h> /* wtypes.h: oleauto.h holds BSTR and VARIANT. Licence: MIT OR Apache-2.0. */
