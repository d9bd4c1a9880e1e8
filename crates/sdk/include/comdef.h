/*
 * comdef.h: compiler COM support (_com_error, _com_issue_error, _bstr_t, _variant_t) for
 * building IIS native modules off Windows with iissim. Licence: MIT OR Apache-2.0.
 *
 * _com_error lives in comutil.h, which this header includes. The smart pointer _com_ptr_t of
 * MSVC's #import is not provided; use CComPtr (atlbase.h).
 */
#include <windows.h>
#include <objbase.h>
#include <comutil.h>

#ifndef _INC_COMDEF
#define _INC_COMDEF
#endif  /* _INC_COMDEF */
