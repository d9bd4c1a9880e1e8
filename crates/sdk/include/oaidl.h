#include <oleauto.h> /* oaidl.h: oleauto.h holds VARIANT and IDispatch. Licence: MIT OR Apache-2.0. */
