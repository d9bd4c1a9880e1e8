#include <atlbase.h> /* atlcomcli.h: atlbase.h holds CComPtr, CComBSTR and CComVariant. Licence: MIT OR Apache-2.0. */
