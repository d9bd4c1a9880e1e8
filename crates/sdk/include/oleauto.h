/*
 * oleauto.h: OLE automation basics (BSTR, VARIANT, IDispatch, IErrorInfo) for building IIS
 * native modules off Windows with iissim. Clean-room: written from the documented behaviour.
 * Licence: MIT OR Apache-2.0.
 *
 * A BSTR points to OLECHAR (wchar_t, 4 bytes off Windows) text preceded by a 4-byte byte count
 * and followed by a NUL character, as on Windows; SysStringByteLen reads that count.
 * VARIANT has the Windows member names (vt, lVal, bstrVal, ...) with the platform's sizes.
 * SAFEARRAY is declared but not implemented.
 */
#include <windows.h>
#include <unknwn.h>

#ifndef __IISSIM_OLEAUTO_H
#define __IISSIM_OLEAUTO_H

#ifndef _WIN32

typedef WCHAR               OLECHAR;
typedef OLECHAR            *LPOLESTR;
typedef const OLECHAR      *LPCOLESTR;
typedef OLECHAR            *BSTR;
typedef BSTR               *LPBSTR;
typedef short               VARIANT_BOOL;
typedef unsigned short      VARTYPE;
typedef double              DATE;
typedef LONG                DISPID;
typedef DWORD               LCID;
#define OLESTR(str)         L##str
#define VARIANT_TRUE        ((VARIANT_BOOL)-1)
#define VARIANT_FALSE       ((VARIANT_BOOL)0)

typedef union tagCY {
    __IISSIM_ANONYMOUS struct {
        ULONG               Lo;
        LONG                Hi;
    };
    LONGLONG                int64;
} CY;

typedef struct tagDEC {
    USHORT                  wReserved;
    BYTE                    scale;
    BYTE                    sign;
    ULONG                   Hi32;
    ULONGLONG               Lo64;
} DECIMAL;

typedef struct tagSAFEARRAYBOUND {
    ULONG                   cElements;
    LONG                    lLbound;
} SAFEARRAYBOUND;

typedef struct tagSAFEARRAY {
    USHORT                  cDims;
    USHORT                  fFeatures;
    ULONG                   cbElements;
    ULONG                   cLocks;
    PVOID                   pvData;
    SAFEARRAYBOUND          rgsabound[1];
} SAFEARRAY;

enum VARENUM {
    VT_EMPTY = 0, VT_NULL = 1, VT_I2 = 2, VT_I4 = 3, VT_R4 = 4, VT_R8 = 5, VT_CY = 6, VT_DATE = 7,
    VT_BSTR = 8, VT_DISPATCH = 9, VT_ERROR = 10, VT_BOOL = 11, VT_VARIANT = 12, VT_UNKNOWN = 13,
    VT_DECIMAL = 14, VT_I1 = 16, VT_UI1 = 17, VT_UI2 = 18, VT_UI4 = 19, VT_I8 = 20, VT_UI8 = 21,
    VT_INT = 22, VT_UINT = 23, VT_VOID = 24, VT_HRESULT = 25, VT_PTR = 26, VT_SAFEARRAY = 27,
    VT_CARRAY = 28, VT_USERDEFINED = 29, VT_LPSTR = 30, VT_LPWSTR = 31, VT_RECORD = 36,
    VT_INT_PTR = 37, VT_UINT_PTR = 38, VT_FILETIME = 64, VT_BLOB = 65, VT_CLSID = 72,
    VT_VECTOR = 0x1000, VT_ARRAY = 0x2000, VT_BYREF = 0x4000, VT_RESERVED = 0x8000,
    VT_ILLEGAL = 0xFFFF, VT_ILLEGALMASKED = 0x0FFF, VT_TYPEMASK = 0x0FFF
};

#ifdef __cplusplus
struct IDispatch;
struct IRecordInfo;
#else
typedef struct IDispatch IDispatch;
typedef struct IRecordInfo IRecordInfo;
#endif

typedef struct tagVARIANT {
    __IISSIM_ANONYMOUS union {
        __IISSIM_ANONYMOUS struct {
            VARTYPE         vt;
            WORD            wReserved1;
            WORD            wReserved2;
            WORD            wReserved3;
            __IISSIM_ANONYMOUS union {
                LONGLONG        llVal;
                LONG            lVal;
                BYTE            bVal;
                SHORT           iVal;
                FLOAT           fltVal;
                double          dblVal;
                VARIANT_BOOL    boolVal;
                SCODE           scode;
                CY              cyVal;
                DATE            date;
                BSTR            bstrVal;
                IUnknown       *punkVal;
                IDispatch      *pdispVal;
                SAFEARRAY      *parray;
                BYTE           *pbVal;
                SHORT          *piVal;
                LONG           *plVal;
                LONGLONG       *pllVal;
                FLOAT          *pfltVal;
                double         *pdblVal;
                VARIANT_BOOL   *pboolVal;
                SCODE          *pscode;
                BSTR           *pbstrVal;
                IUnknown      **ppunkVal;
                IDispatch     **ppdispVal;
                struct tagVARIANT *pvarVal;
                PVOID           byref;
                CHAR            cVal;
                USHORT          uiVal;
                ULONG           ulVal;
                ULONGLONG       ullVal;
                INT             intVal;
                UINT            uintVal;
                CHAR           *pcVal;
                USHORT         *puiVal;
                ULONG          *pulVal;
                INT            *pintVal;
                UINT           *puintVal;
                __IISSIM_ANONYMOUS struct {
                    PVOID       pvRecord;
                    IRecordInfo *pRecInfo;
                };
            };
        };
        DECIMAL             decVal;
    };
} VARIANT, VARIANTARG, *LPVARIANT, *LPVARIANTARG;

#define V_VT(v)             ((v)->vt)
#define V_ISBYREF(v)        (V_VT(v) & VT_BYREF)
#define V_ISARRAY(v)        (V_VT(v) & VT_ARRAY)
#define V_UI1(v)            ((v)->bVal)
#define V_I1(v)             ((v)->cVal)
#define V_I2(v)             ((v)->iVal)
#define V_UI2(v)            ((v)->uiVal)
#define V_I4(v)             ((v)->lVal)
#define V_UI4(v)            ((v)->ulVal)
#define V_I8(v)             ((v)->llVal)
#define V_UI8(v)            ((v)->ullVal)
#define V_INT(v)            ((v)->intVal)
#define V_UINT(v)           ((v)->uintVal)
#define V_R4(v)             ((v)->fltVal)
#define V_R8(v)             ((v)->dblVal)
#define V_CY(v)             ((v)->cyVal)
#define V_DATE(v)           ((v)->date)
#define V_BSTR(v)           ((v)->bstrVal)
#define V_BSTRREF(v)        ((v)->pbstrVal)
#define V_BOOL(v)           ((v)->boolVal)
#define V_ERROR(v)          ((v)->scode)
#define V_UNKNOWN(v)        ((v)->punkVal)
#define V_DISPATCH(v)       ((v)->pdispVal)
#define V_ARRAY(v)          ((v)->parray)
#define V_BYREF(v)          ((v)->byref)
#define V_VARIANTREF(v)     ((v)->pvarVal)
#define V_DECIMAL(v)        ((v)->decVal)

#define VARIANT_NOVALUEPROP     0x01
#define VARIANT_ALPHABOOL       0x02
#define VARIANT_NOUSEROVERRIDE  0x04
#define VARIANT_LOCALBOOL       0x10

typedef struct tagDISPPARAMS {
    VARIANTARG             *rgvarg;
    DISPID                 *rgdispidNamedArgs;
    UINT                    cArgs;
    UINT                    cNamedArgs;
} DISPPARAMS;

typedef struct tagEXCEPINFO {
    WORD                    wCode;
    WORD                    wReserved;
    BSTR                    bstrSource;
    BSTR                    bstrDescription;
    BSTR                    bstrHelpFile;
    DWORD                   dwHelpContext;
    PVOID                   pvReserved;
    HRESULT (STDMETHODCALLTYPE *pfnDeferredFillIn)(struct tagEXCEPINFO *);
    SCODE                   scode;
} EXCEPINFO;

#ifdef __cplusplus
struct ITypeInfo;
struct IDispatch : public IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT *pctinfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT iTInfo, LCID lcid, ITypeInfo **ppTInfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID riid, LPOLESTR *rgszNames, UINT cNames, LCID lcid,
                                                    DISPID *rgDispId) = 0;
    virtual HRESULT STDMETHODCALLTYPE Invoke(DISPID dispIdMember, REFIID riid, LCID lcid, WORD wFlags,
                                             DISPPARAMS *pDispParams, VARIANT *pVarResult, EXCEPINFO *pExcepInfo,
                                             UINT *puArgErr) = 0;
};
struct IErrorInfo : public IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE GetGUID(GUID *pGUID) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSource(BSTR *pBstrSource) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetDescription(BSTR *pBstrDescription) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpFile(BSTR *pBstrHelpFile) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpContext(DWORD *pdwHelpContext) = 0;
};
IISSIM_DEFINE_UUIDOF(IDispatch, "00020400-0000-0000-C000-000000000046")
IISSIM_DEFINE_UUIDOF(IErrorInfo, "1CF2B120-547D-101B-8E65-08002B2BD119")
#else
typedef struct IErrorInfo IErrorInfo;
#endif
__IISSIM_DEFINE_GUID(IID_IDispatch, 0x00020400, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
__IISSIM_DEFINE_GUID(IID_IErrorInfo, 0x1CF2B120, 0x547D, 0x101B, 0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19);

#ifdef __IISSIM_POSIX

/* BSTR */

static __IISSIM_INLINE BSTR SysAllocStringByteLen(LPCSTR psz, UINT len)
{
    char *block = (char *)malloc(sizeof(uint32_t) + (size_t)len + sizeof(OLECHAR));
    uint32_t bytes = len;
    if (!block)
        return NULL;
    memcpy(block, &bytes, sizeof bytes);
    if (psz)
        memcpy(block + sizeof bytes, psz, len);
    else
        memset(block + sizeof bytes, 0, len);
    memset(block + sizeof bytes + len, 0, sizeof(OLECHAR));
    return (BSTR)(void *)(block + sizeof bytes);
}
static __IISSIM_INLINE BSTR SysAllocStringLen(const OLECHAR *s, UINT len)
{
    BSTR b = SysAllocStringByteLen(NULL, len * (UINT)sizeof(OLECHAR));
    if (b && s)
        memcpy(b, s, len * sizeof(OLECHAR));
    return b;
}
static __IISSIM_INLINE BSTR SysAllocString(const OLECHAR *s)
{
    return s ? SysAllocStringLen(s, (UINT)wcslen(s)) : NULL;
}
static __IISSIM_INLINE UINT SysStringByteLen(BSTR b)
{
    uint32_t bytes = 0;
    if (b)
        memcpy(&bytes, (char *)b - sizeof bytes, sizeof bytes);
    return bytes;
}
static __IISSIM_INLINE UINT SysStringLen(BSTR b)
{
    return SysStringByteLen(b) / (UINT)sizeof(OLECHAR);
}
static __IISSIM_INLINE void SysFreeString(BSTR b)
{
    if (b)
        free((char *)b - sizeof(uint32_t));
}
static __IISSIM_INLINE INT SysReAllocStringLen(BSTR *pb, const OLECHAR *s, UINT len)
{
    BSTR b = SysAllocStringLen(s, len);
    if (!b)
        return FALSE;
    SysFreeString(*pb);
    *pb = b;
    return TRUE;
}
static __IISSIM_INLINE INT SysReAllocString(BSTR *pb, const OLECHAR *s)
{
    return SysReAllocStringLen(pb, s, s ? (UINT)wcslen(s) : 0);
}

/* VARIANT */

static __IISSIM_INLINE void VariantInit(VARIANTARG *v)
{
    memset(v, 0, sizeof *v);
    v->vt = VT_EMPTY;
}

static __IISSIM_INLINE void __iissim_unknown_release(IUnknown *p)
{
#ifdef __cplusplus
    if (p)
        p->Release();
#else
    if (p)
        p->lpVtbl->Release(p);
#endif
}
static __IISSIM_INLINE void __iissim_unknown_addref(IUnknown *p)
{
#ifdef __cplusplus
    if (p)
        p->AddRef();
#else
    if (p)
        p->lpVtbl->AddRef(p);
#endif
}

static __IISSIM_INLINE HRESULT VariantClear(VARIANTARG *v)
{
    if (!v)
        return E_INVALIDARG;
    if (!(v->vt & VT_BYREF)) {
        switch (v->vt & VT_TYPEMASK) {
        case VT_BSTR:
            SysFreeString(v->bstrVal);
            break;
        case VT_UNKNOWN:
            __iissim_unknown_release(v->punkVal);
            break;
        case VT_DISPATCH:
            __iissim_unknown_release((IUnknown *)(void *)v->pdispVal);
            break;
        default:
            break;
        }
    }
    VariantInit(v);
    return S_OK;
}

static __IISSIM_INLINE HRESULT VariantCopy(VARIANTARG *dest, const VARIANTARG *src)
{
    VARIANT copy;
    if (!dest || !src)
        return E_INVALIDARG;
    if (src->vt & VT_ARRAY)
        return DISP_E_BADVARTYPE;
    copy = *src;
    if (!(src->vt & VT_BYREF)) {
        if (src->vt == VT_BSTR && src->bstrVal) {
            copy.bstrVal = SysAllocStringByteLen((LPCSTR)(const void *)src->bstrVal, SysStringByteLen(src->bstrVal));
            if (!copy.bstrVal)
                return E_OUTOFMEMORY;
        } else if (src->vt == VT_UNKNOWN) {
            __iissim_unknown_addref(src->punkVal);
        } else if (src->vt == VT_DISPATCH) {
            __iissim_unknown_addref((IUnknown *)(void *)src->pdispVal);
        }
    }
    if (dest != src)
        VariantClear(dest);
    else if (src->vt == VT_BSTR)
        SysFreeString(src->bstrVal);
    *dest = copy;
    return S_OK;
}

/* Conversions between the numeric types, VT_BOOL and VT_BSTR (VT_BOOL becomes "-1"/"0", or
 * "True"/"False" with VARIANT_ALPHABOOL). Out of range: DISP_E_OVERFLOW; text that is not a
 * number: DISP_E_TYPEMISMATCH. */
static __IISSIM_INLINE HRESULT VariantChangeType(VARIANTARG *dest, const VARIANTARG *src, USHORT flags, VARTYPE vt)
{
    VARIANT out;
    double d = 0;
    LONGLONG i = 0;
    int is_int = 1;
    if (!dest || !src)
        return E_INVALIDARG;
    if (src->vt == vt)
        return VariantCopy(dest, src);
    switch (src->vt) {
    case VT_EMPTY: i = 0; break;
    case VT_I1: i = src->cVal; break;
    case VT_UI1: i = src->bVal; break;
    case VT_I2: i = src->iVal; break;
    case VT_UI2: i = src->uiVal; break;
    case VT_I4: i = src->lVal; break;
    case VT_UI4: i = src->ulVal; break;
    case VT_INT: i = src->intVal; break;
    case VT_UINT: i = src->uintVal; break;
    case VT_I8: i = src->llVal; break;
    case VT_UI8:
        if (src->ullVal > (ULONGLONG)INT64_MAX)
            return DISP_E_OVERFLOW;
        i = (LONGLONG)src->ullVal;
        break;
    case VT_BOOL: i = src->boolVal ? -1 : 0; break;
    case VT_ERROR: i = src->scode; break;
    case VT_R4: d = src->fltVal; is_int = 0; break;
    case VT_R8: case VT_DATE: d = src->dblVal; is_int = 0; break;
    case VT_BSTR: {
        const OLECHAR *s = src->bstrVal ? src->bstrVal : L"";
        wchar_t *end;
        if (vt == VT_BOOL && (!_wcsicmp(s, L"true") || !_wcsicmp(s, L"false"))) {
            i = _wcsicmp(s, L"true") ? 0 : -1;
            break;
        }
        errno = 0;
        i = wcstoll(s, &end, 10);
        while (*end == ' ' || *end == '\t')
            end++;
        if (*end || end == s) {
            d = wcstod(s, &end);
            while (*end == ' ' || *end == '\t')
                end++;
            if (*end || end == s)
                return DISP_E_TYPEMISMATCH;
            is_int = 0;
        } else if (errno == ERANGE) {
            return DISP_E_OVERFLOW;
        }
        break;
    }
    default:
        return DISP_E_TYPEMISMATCH;
    }
    if (!is_int && vt != VT_R4 && vt != VT_R8 && vt != VT_DATE && vt != VT_BSTR && vt != VT_BOOL) {
        /* Banker's rounding, as OLE automation rounds */
        double r = d < 0 ? -d : d, f = (double)(LONGLONG)r, frac = r - f;
        if (r >= 9.2233720368547758e18)
            return DISP_E_OVERFLOW;
        if (frac > 0.5 || (frac == 0.5 && ((LONGLONG)f & 1)))
            f += 1;
        i = d < 0 ? -(LONGLONG)f : (LONGLONG)f;
        is_int = 1;
    }
    VariantInit(&out);
    out.vt = vt;
#define __IISSIM_RANGE(lo, hi) if (i < (LONGLONG)(lo) || i > (LONGLONG)(hi)) return DISP_E_OVERFLOW
    switch (vt) {
    case VT_I1: __IISSIM_RANGE(-128, 127); out.cVal = (CHAR)i; break;
    case VT_UI1: __IISSIM_RANGE(0, 255); out.bVal = (BYTE)i; break;
    case VT_I2: __IISSIM_RANGE(-32768, 32767); out.iVal = (SHORT)i; break;
    case VT_UI2: __IISSIM_RANGE(0, 65535); out.uiVal = (USHORT)i; break;
    case VT_I4: case VT_INT: __IISSIM_RANGE(INT32_MIN, INT32_MAX); out.lVal = (LONG)i; break;
    case VT_UI4: case VT_UINT: __IISSIM_RANGE(0, UINT32_MAX); out.ulVal = (ULONG)i; break;
    case VT_ERROR: __IISSIM_RANGE(INT32_MIN, INT32_MAX); out.scode = (SCODE)i; break;
    case VT_I8: out.llVal = i; break;
    case VT_UI8: __IISSIM_RANGE(0, INT64_MAX); out.ullVal = (ULONGLONG)i; break;
    case VT_R4: out.fltVal = (FLOAT)(is_int ? (double)i : d); break;
    case VT_R8: case VT_DATE: out.dblVal = is_int ? (double)i : d; break;
    case VT_BOOL: out.boolVal = (is_int ? i != 0 : d != 0) ? VARIANT_TRUE : VARIANT_FALSE; break;
    case VT_BSTR: {
        wchar_t text[64];
        if (src->vt == VT_BOOL)
            swprintf(text, 64, L"%ls", (flags & VARIANT_ALPHABOOL) ? (i ? L"True" : L"False") : (i ? L"-1" : L"0"));
        else if (is_int)
            swprintf(text, 64, L"%lld", (long long)i);
        else
            swprintf(text, 64, L"%.15g", d);
        out.bstrVal = SysAllocString(text);
        if (!out.bstrVal)
            return E_OUTOFMEMORY;
        break;
    }
    default:
        return DISP_E_BADVARTYPE;
    }
#undef __IISSIM_RANGE
    if (dest == src || dest->vt != VT_EMPTY)
        VariantClear(dest);
    *dest = out;
    return S_OK;
}

static __IISSIM_INLINE HRESULT VariantChangeTypeEx(VARIANTARG *dest, const VARIANTARG *src, LCID lcid, USHORT flags,
                                                   VARTYPE vt)
{
    (void)lcid;
    return VariantChangeType(dest, src, flags, vt);
}

/* No COM error objects off Windows: GetErrorInfo reports none */
static __IISSIM_INLINE HRESULT GetErrorInfo(ULONG reserved, IErrorInfo **info)
{
    (void)reserved;
    if (info)
        *info = NULL;
    return S_FALSE;
}
static __IISSIM_INLINE HRESULT SetErrorInfo(ULONG reserved, IErrorInfo *info)
{
    (void)reserved;
    (void)info;
    return S_OK;
}

#endif  /* __IISSIM_POSIX */

#endif  /* !_WIN32 */

#endif  /* __IISSIM_OLEAUTO_H */
