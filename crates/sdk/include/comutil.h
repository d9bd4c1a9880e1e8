/*
 * comutil.h: the compiler COM support classes _bstr_t and _variant_t, for building IIS native
 * modules off Windows with iissim. Clean-room: written from the documented behaviour of the
 * classes. Licence: MIT OR Apache-2.0.
 *
 * Errors (out of memory, failed conversions) throw _com_error through _com_issue_error, as with
 * MSVC. Narrow text is UTF-8. A `long` is 64-bit here but maps to VT_I4 as on Windows (values
 * that need more than 32 bits are a Windows-portability bug anyway); `long long` maps to VT_I8.
 */
#include <windows.h>
#include <objbase.h>

#ifndef _INC_COMUTIL
#define _INC_COMUTIL

#if defined(__cplusplus) && defined(__IISSIM_POSIX)

class _com_error;
[[noreturn]] inline void _com_issue_error(HRESULT hr);

namespace _com_util {
/* Returns a new BSTR (free with SysFreeString) */
inline BSTR ConvertStringToBSTR(const char *s)
{
    if (!s)
        return NULL;
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    BSTR b = SysAllocStringLen(NULL, n > 0 ? (UINT)(n - 1) : 0);
    if (!b)
        _com_issue_error(E_OUTOFMEMORY);
    if (n > 0)
        MultiByteToWideChar(CP_UTF8, 0, s, -1, b, n);
    return b;
}
/* Returns a new char[] (free with delete[]) */
inline char *ConvertBSTRToString(BSTR b)
{
    if (!b)
        return NULL;
    int n = WideCharToMultiByte(CP_UTF8, 0, b, (int)SysStringLen(b) + 1, NULL, 0, NULL, NULL);
    char *s = new char[n > 0 ? n : 1];
    s[0] = 0;
    if (n > 0)
        WideCharToMultiByte(CP_UTF8, 0, b, (int)SysStringLen(b) + 1, s, n, NULL, NULL);
    return s;
}
} // namespace _com_util

class _variant_t;

class _bstr_t
{
  public:
    _bstr_t() : m_data(NULL) {}
    _bstr_t(const _bstr_t &other) : m_data(other.m_data) { AddRef(); }
    _bstr_t(const char *s) : m_data(s ? new Data(_com_util::ConvertStringToBSTR(s)) : NULL) {}
    _bstr_t(const wchar_t *s) : m_data(NULL)
    {
        if (s)
            m_data = new Data(Alloc(s, (UINT)wcslen(s)));
    }
    _bstr_t(BSTR b, bool copy) : m_data(NULL)
    {
        if (b)
            m_data = new Data(copy ? Alloc(b, SysStringLen(b)) : b);
    }
    _bstr_t(const _variant_t &v);
    ~_bstr_t() { Release(); }

    _bstr_t &operator=(const _bstr_t &other)
    {
        if (m_data != other.m_data) {
            Release();
            m_data = other.m_data;
            AddRef();
        }
        return *this;
    }
    _bstr_t &operator=(const char *s) { return *this = _bstr_t(s); }
    _bstr_t &operator=(const wchar_t *s) { return *this = _bstr_t(s); }
    _bstr_t &operator=(const _variant_t &v);

    _bstr_t &operator+=(const _bstr_t &other)
    {
        UINT a = length(), b = other.length();
        BSTR joined = SysAllocStringLen(NULL, a + b);
        if (!joined)
            _com_issue_error(E_OUTOFMEMORY);
        if (a)
            memcpy(joined, m_data->wstr, a * sizeof(OLECHAR));
        if (b)
            memcpy(joined + a, other.m_data->wstr, b * sizeof(OLECHAR));
        Release();
        m_data = new Data(joined);
        return *this;
    }
    _bstr_t operator+(const _bstr_t &other) const
    {
        _bstr_t r(*this);
        r += other;
        return r;
    }
    friend _bstr_t operator+(const char *a, const _bstr_t &b) { return _bstr_t(a) + b; }
    friend _bstr_t operator+(const wchar_t *a, const _bstr_t &b) { return _bstr_t(a) + b; }

    operator const wchar_t *() const { return m_data ? m_data->wstr : NULL; }
    operator wchar_t *() const { return m_data ? m_data->wstr : NULL; }
    operator const char *() const { return narrow(); }
    operator char *() const { return narrow(); }

    bool operator!() const { return !m_data || !m_data->wstr; }
    bool operator==(const _bstr_t &o) const { return compare(o) == 0; }
    bool operator!=(const _bstr_t &o) const { return compare(o) != 0; }
    bool operator<(const _bstr_t &o) const { return compare(o) < 0; }
    bool operator>(const _bstr_t &o) const { return compare(o) > 0; }
    bool operator<=(const _bstr_t &o) const { return compare(o) <= 0; }
    bool operator>=(const _bstr_t &o) const { return compare(o) >= 0; }

    unsigned int length() const { return m_data ? SysStringLen(m_data->wstr) : 0; }
    /* A copy (copy=true) or the owned BSTR itself */
    BSTR copy(bool copy = true) const
    {
        if (!m_data)
            return NULL;
        return copy ? Alloc(m_data->wstr, SysStringLen(m_data->wstr)) : m_data->wstr;
    }
    void Assign(BSTR b)
    {
        Release();
        m_data = b ? new Data(Alloc(b, SysStringLen(b))) : NULL;
    }
    void Attach(BSTR b)
    {
        Release();
        m_data = b ? new Data(b) : NULL;
    }
    BSTR Detach()
    {
        BSTR b = NULL;
        if (m_data) {
            if (m_data->refs == 1) {
                b = m_data->wstr;
                m_data->wstr = NULL;
            } else {
                b = copy();
            }
            Release();
        }
        return b;
    }
    BSTR &GetBSTR()
    {
        if (!m_data)
            m_data = new Data(NULL);
        return m_data->wstr;
    }
    BSTR *GetAddress()
    {
        Release();
        m_data = new Data(NULL);
        return &m_data->wstr;
    }

  private:
    struct Data {
        explicit Data(BSTR b) : wstr(b), str(NULL), refs(1) {}
        ~Data()
        {
            SysFreeString(wstr);
            delete[] str;
        }
        BSTR wstr;
        char *str;
        LONG refs;
    };
    Data *m_data;

    static BSTR Alloc(const OLECHAR *s, UINT n)
    {
        BSTR b = SysAllocStringLen(s, n);
        if (!b)
            _com_issue_error(E_OUTOFMEMORY);
        return b;
    }
    void AddRef()
    {
        if (m_data)
            InterlockedIncrement(&m_data->refs);
    }
    void Release()
    {
        if (m_data && InterlockedDecrement(&m_data->refs) == 0)
            delete m_data;
        m_data = NULL;
    }
    char *narrow() const
    {
        if (!m_data || !m_data->wstr)
            return NULL;
        if (!m_data->str)
            m_data->str = _com_util::ConvertBSTRToString(m_data->wstr);
        return m_data->str;
    }
    int compare(const _bstr_t &o) const
    {
        const wchar_t *a = m_data ? m_data->wstr : NULL, *b = o.m_data ? o.m_data->wstr : NULL;
        if (!a || !b)
            return (a && *a) ? 1 : (b && *b) ? -1 : 0;
        return wcscmp(a, b);
    }
};

class _variant_t : public tagVARIANT
{
  public:
    _variant_t() { VariantInit(this); }
    _variant_t(const VARIANT &v)
    {
        VariantInit(this);
        Check(VariantCopy(this, &v));
    }
    _variant_t(const VARIANT *v)
    {
        VariantInit(this);
        if (v)
            Check(VariantCopy(this, v));
    }
    _variant_t(const _variant_t &v)
    {
        VariantInit(this);
        Check(VariantCopy(this, &v));
    }
    _variant_t(VARIANT &v, bool copy)
    {
        VariantInit(this);
        if (copy) {
            Check(VariantCopy(this, &v));
        } else {
            *static_cast<VARIANT *>(this) = v;
            v.vt = VT_EMPTY;
        }
    }
    _variant_t(short v, VARTYPE t = VT_I2) { Set(VT_I2, t, v); }
    _variant_t(int v, VARTYPE t = VT_I4) { Set(VT_I4, t, v); }
    _variant_t(long v, VARTYPE t = VT_I4) { Set(VT_I4, t, (LONGLONG)v); }
    _variant_t(long long v) { Set(VT_I8, VT_I8, v); }
    _variant_t(unsigned char v) { Set(VT_UI1, VT_UI1, v); }
    _variant_t(unsigned short v) { Set(VT_UI2, VT_UI2, v); }
    _variant_t(unsigned int v, VARTYPE t = VT_UI4) { Set(VT_UI4, t, v); }
    _variant_t(unsigned long v) { Set(VT_UI4, VT_UI4, (LONGLONG)v); }
    _variant_t(unsigned long long v)
    {
        VariantInit(this);
        vt = VT_UI8;
        ullVal = v;
    }
    _variant_t(float v)
    {
        VariantInit(this);
        vt = VT_R4;
        fltVal = v;
    }
    _variant_t(double v, VARTYPE t = VT_R8)
    {
        VariantInit(this);
        vt = t == VT_DATE ? VT_DATE : VT_R8;
        dblVal = v;
    }
    _variant_t(bool v)
    {
        VariantInit(this);
        vt = VT_BOOL;
        boolVal = v ? VARIANT_TRUE : VARIANT_FALSE;
    }
    _variant_t(const char *s)
    {
        VariantInit(this);
        vt = VT_BSTR;
        bstrVal = _com_util::ConvertStringToBSTR(s);
    }
    _variant_t(const wchar_t *s)
    {
        VariantInit(this);
        vt = VT_BSTR;
        bstrVal = s ? SysAllocString(s) : NULL;
        if (s && !bstrVal)
            _com_issue_error(E_OUTOFMEMORY);
    }
    _variant_t(const _bstr_t &s)
    {
        VariantInit(this);
        vt = VT_BSTR;
        bstrVal = s.copy();
    }
    _variant_t(IUnknown *p, bool addref = true)
    {
        VariantInit(this);
        vt = VT_UNKNOWN;
        punkVal = p;
        if (p && addref)
            p->AddRef();
    }
    _variant_t(IDispatch *p, bool addref = true)
    {
        VariantInit(this);
        vt = VT_DISPATCH;
        pdispVal = p;
        if (p && addref)
            reinterpret_cast<IUnknown *>(p)->AddRef();
    }
    ~_variant_t() { VariantClear(this); }

    _variant_t &operator=(const _variant_t &v)
    {
        if (this != &v)
            Check(VariantCopy(this, &v));
        return *this;
    }
    _variant_t &operator=(const VARIANT &v)
    {
        if (static_cast<VARIANT *>(this) != &v)
            Check(VariantCopy(this, &v));
        return *this;
    }
    template <class T> _variant_t &operator=(const T &v)
    {
        _variant_t t(v);
        return *this = t;
    }

    operator short() const { return Get(VT_I2).iVal; }
    operator unsigned short() const { return Get(VT_UI2).uiVal; }
    operator int() const { return Get(VT_I4).lVal; }
    operator unsigned int() const { return Get(VT_UI4).ulVal; }
    operator long() const { return Get(VT_I4).lVal; }
    operator unsigned long() const { return Get(VT_UI4).ulVal; }
    operator long long() const { return Get(VT_I8).llVal; }
    operator unsigned long long() const { return Get(VT_UI8).ullVal; }
    operator unsigned char() const { return Get(VT_UI1).bVal; }
    operator float() const { return Get(VT_R4).fltVal; }
    operator double() const { return Get(VT_R8).dblVal; }
    operator bool() const { return Get(VT_BOOL).boolVal != VARIANT_FALSE; }
    operator _bstr_t() const
    {
        if (vt == VT_BSTR)
            return _bstr_t(bstrVal, true);
        _variant_t t = Get(VT_BSTR);
        return _bstr_t(t.bstrVal, true);
    }

    bool operator==(const _variant_t &o) const
    {
        if (vt != o.vt)
            return false;
        switch (vt) {
        case VT_EMPTY: case VT_NULL: return true;
        case VT_BSTR: return _bstr_t(bstrVal, true) == _bstr_t(o.bstrVal, true);
        case VT_R4: return fltVal == o.fltVal;
        case VT_R8: case VT_DATE: return dblVal == o.dblVal;
        default: return llVal == o.llVal;
        }
    }
    bool operator!=(const _variant_t &o) const { return !(*this == o); }

    void Clear() { Check(VariantClear(this)); }
    void ChangeType(VARTYPE t, const _variant_t *src = NULL)
    {
        Check(VariantChangeType(this, src ? src : this, 0, t));
    }
    void Attach(VARIANT &v)
    {
        Clear();
        *static_cast<VARIANT *>(this) = v;
        v.vt = VT_EMPTY;
    }
    VARIANT Detach()
    {
        VARIANT v = *this;
        vt = VT_EMPTY;
        return v;
    }
    VARIANT &GetVARIANT() { return *this; }
    VARIANT *GetAddress()
    {
        Clear();
        return this;
    }
    void SetString(const char *s) { *this = _variant_t(s); }

  private:
    static void Check(HRESULT hr)
    {
        if (FAILED(hr))
            _com_issue_error(hr);
    }
    void Set(VARTYPE natural, VARTYPE wanted, LONGLONG v)
    {
        VariantInit(this);
        vt = VT_I8;
        llVal = v;
        VARTYPE t = wanted ? wanted : natural;
        if (t != VT_I8)
            Check(VariantChangeType(this, this, 0, t));
    }
    _variant_t Get(VARTYPE t) const
    {
        _variant_t r;
        Check(VariantChangeType(&r, this, 0, t));
        return r;
    }
};

inline _bstr_t::_bstr_t(const _variant_t &v) : m_data(NULL)
{
    *this = v.operator _bstr_t();
}
inline _bstr_t &_bstr_t::operator=(const _variant_t &v)
{
    return *this = v.operator _bstr_t();
}

/* _com_error: an HRESULT as an exception (comdef.h documents it; it lives here so that
 * _com_issue_error is always defined where _bstr_t and _variant_t can throw). */
class _com_error
{
  public:
    explicit _com_error(HRESULT hr, IErrorInfo *info = NULL, bool addref = false)
        : m_hr(hr), m_info(info), m_message(NULL)
    {
        if (m_info && addref)
            m_info->AddRef();
    }
    _com_error(const _com_error &other) : m_hr(other.m_hr), m_info(other.m_info), m_message(NULL)
    {
        if (m_info)
            m_info->AddRef();
    }
    _com_error &operator=(const _com_error &other)
    {
        if (this != &other) {
            if (other.m_info)
                other.m_info->AddRef();
            if (m_info)
                m_info->Release();
            m_hr = other.m_hr;
            m_info = other.m_info;
            LocalFree(m_message);
            m_message = NULL;
        }
        return *this;
    }
    virtual ~_com_error()
    {
        if (m_info)
            m_info->Release();
        LocalFree(m_message);
    }

    HRESULT Error() const { return m_hr; }
    WORD WCode() const { return HRESULTToWCode(m_hr); }
    IErrorInfo *ErrorInfo() const
    {
        if (m_info)
            m_info->AddRef();
        return m_info;
    }
    _bstr_t Description() const { return Text(&IErrorInfo::GetDescription); }
    _bstr_t Source() const { return Text(&IErrorInfo::GetSource); }
    _bstr_t HelpFile() const { return Text(&IErrorInfo::GetHelpFile); }
    DWORD HelpContext() const
    {
        DWORD context = 0;
        if (m_info)
            m_info->GetHelpContext(&context);
        return context;
    }
    ::GUID GUID() const
    {
        ::GUID g = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
        if (m_info)
            m_info->GetGUID(&g);
        return g;
    }

    /* The system text of the HRESULT, "IDispatch error #n" for FACILITY_ITF codes from 0x200,
     * else "Unknown error 0x...". Owned by the object. */
    const TCHAR *ErrorMessage() const
    {
        if (!m_message) {
            char text[128];
            const char *known = NULL;
            switch (m_hr) {
            case E_FAIL: known = "Unspecified error"; break;
            case E_NOTIMPL: known = "Not implemented"; break;
            case E_NOINTERFACE: known = "No such interface supported"; break;
            case E_POINTER: known = "Invalid pointer"; break;
            case E_ABORT: known = "Operation aborted"; break;
            case E_UNEXPECTED: known = "Catastrophic failure"; break;
            case E_OUTOFMEMORY: known = "Not enough memory resources are available to complete this operation."; break;
            case E_INVALIDARG: known = "The parameter is incorrect."; break;
            case E_ACCESSDENIED: known = "Access is denied."; break;
            case REGDB_E_CLASSNOTREG: known = "Class not registered"; break;
            default: break;
            }
            if (!known && (HRESULT_FACILITY(m_hr) == FACILITY_WIN32 || m_hr == S_OK))
                known = __iissim_error_text(HRESULT_CODE(m_hr));
            if (known)
                __iissim_snprintf(text, sizeof text, "%s", known);
            else if (WCode())
                __iissim_snprintf(text, sizeof text, "IDispatch error #%u", (unsigned)WCode());
            else
                __iissim_snprintf(text, sizeof text, "Unknown error 0x%0X", (unsigned)m_hr);
            size_t n = strlen(text) + 1;
            m_message = (TCHAR *)LocalAlloc(LMEM_FIXED, n * sizeof(TCHAR));
            if (m_message)
                for (size_t i = 0; i < n; i++)
                    m_message[i] = (TCHAR)(unsigned char)text[i];
        }
        return m_message;
    }

    static HRESULT WCodeToHRESULT(WORD code)
    {
        return code >= 0xFE00 ? (HRESULT)0x8004FFFFu : (HRESULT)(0x80040200u + code);
    }
    static WORD HRESULTToWCode(HRESULT hr)
    {
        return ((uint32_t)hr >= 0x80040200u && (uint32_t)hr <= 0x8004FFFFu) ? (WORD)((uint32_t)hr - 0x80040200u) : 0;
    }

  private:
    HRESULT m_hr;
    IErrorInfo *m_info;
    mutable TCHAR *m_message;

    _bstr_t Text(HRESULT (STDMETHODCALLTYPE IErrorInfo::*get)(BSTR *)) const
    {
        BSTR b = NULL;
        if (m_info)
            (m_info->*get)(&b);
        _bstr_t r;
        r.Attach(b);
        return r;
    }
};

[[noreturn]] inline void _com_issue_error(HRESULT hr)
{
    throw _com_error(hr);
}
[[noreturn]] inline void _com_issue_errorex(HRESULT hr, IUnknown *obj, REFIID iid)
{
    (void)obj;
    (void)iid;
    throw _com_error(hr);
}

#endif  /* __cplusplus && __IISSIM_POSIX */

#endif  /* _INC_COMUTIL */
