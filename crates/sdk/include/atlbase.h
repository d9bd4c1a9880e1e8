/*
 * atlbase.h: the ATL classes modules use most (CComPtr, CComQIPtr, CComBSTR, CComVariant,
 * CComCriticalSection, CComAutoCriticalSection, CComCritSecLock) and the text conversion classes
 * of atlconv.h (CW2A, CA2W, CT2A, ...), for building IIS native modules off Windows with iissim.
 * Clean-room: written from the documented behaviour of the classes. Licence: MIT OR Apache-2.0.
 *
 * Everything is in namespace ATL, brought into the global namespace unless
 * _ATL_NO_AUTOMATIC_NAMESPACE is defined, as ATL does. Narrow text is UTF-8.
 */
#include <windows.h>
#include <objbase.h>

#ifndef __ATLBASE_H__
#define __ATLBASE_H__

#if defined(__cplusplus) && defined(__IISSIM_POSIX)

#ifndef ATLASSERT
# define ATLASSERT(expr)    ((void)0)
#endif
#define ATL_NO_VTABLE       DECLSPEC_NOVTABLE

namespace ATL {

template <class T> class CComPtr
{
  public:
    T *p;

    CComPtr() : p(NULL) {}
    CComPtr(T *other) : p(other)
    {
        if (p)
            p->AddRef();
    }
    CComPtr(const CComPtr &other) : p(other.p)
    {
        if (p)
            p->AddRef();
    }
    CComPtr(CComPtr &&other) : p(other.p) { other.p = NULL; }
    ~CComPtr() { Release(); }

    T *operator=(T *other)
    {
        if (other)
            other->AddRef();
        Release();
        p = other;
        return p;
    }
    T *operator=(const CComPtr &other) { return *this = other.p; }
    T *operator=(CComPtr &&other)
    {
        if (this != &other) {
            Release();
            p = other.p;
            other.p = NULL;
        }
        return p;
    }

    operator T *() const { return p; }
    T &operator*() const { return *p; }
    T **operator&() { return &p; }
    T *operator->() const { return p; }
    bool operator!() const { return p == NULL; }
    bool operator==(T *other) const { return p == other; }
    bool operator!=(T *other) const { return p != other; }
    bool operator<(T *other) const { return p < other; }

    void Release()
    {
        T *old = p;
        if (old) {
            p = NULL;
            old->Release();
        }
    }
    void Attach(T *other)
    {
        Release();
        p = other;
    }
    T *Detach()
    {
        T *old = p;
        p = NULL;
        return old;
    }
    HRESULT CopyTo(T **out) const
    {
        if (!out)
            return E_POINTER;
        *out = p;
        if (p)
            p->AddRef();
        return S_OK;
    }
    template <class Q> HRESULT QueryInterface(Q **out) const
    {
        if (!p)
            return E_POINTER;
        return p->QueryInterface(__uuidof(Q), reinterpret_cast<void **>(out));
    }
    bool IsEqualObject(IUnknown *other) const
    {
        if (!p && !other)
            return true;
        if (!p || !other)
            return false;
        CComPtr<IUnknown> a, b;
        p->QueryInterface(__uuidof(IUnknown), reinterpret_cast<void **>(&a.p));
        other->QueryInterface(__uuidof(IUnknown), reinterpret_cast<void **>(&b.p));
        return a.p == b.p;
    }
    HRESULT CoCreateInstance(REFCLSID clsid, LPUNKNOWN outer = NULL, DWORD context = CLSCTX_ALL)
    {
        return ::CoCreateInstance(clsid, outer, context, __uuidof(T), reinterpret_cast<void **>(&p));
    }
};

/* Takes any interface pointer and keeps the result of QueryInterface for T */
template <class T, const IID *piid = static_cast<const IID *>(nullptr)> class CComQIPtr : public CComPtr<T>
{
  public:
    CComQIPtr() {}
    CComQIPtr(T *other) : CComPtr<T>(other) {}
    CComQIPtr(const CComQIPtr &other) : CComPtr<T>(other.p) {}
    CComQIPtr(IUnknown *other) { Query(other); }
    T *operator=(T *other) { return CComPtr<T>::operator=(other); }
    T *operator=(const CComQIPtr &other) { return CComPtr<T>::operator=(other.p); }
    T *operator=(IUnknown *other)
    {
        this->Release();
        Query(other);
        return this->p;
    }

  private:
    void Query(IUnknown *other)
    {
        const IID *iid = piid;
        if (other)
            other->QueryInterface(iid != NULL ? *iid : __uuidof(T), reinterpret_cast<void **>(&this->p));
    }
};

class CComBSTR
{
  public:
    BSTR m_str;

    CComBSTR() : m_str(NULL) {}
    explicit CComBSTR(int length) : m_str(SysAllocStringLen(NULL, (UINT)length)) {}
    CComBSTR(int length, LPCOLESTR s) : m_str(SysAllocStringLen(s, (UINT)length)) {}
    CComBSTR(LPCOLESTR s) : m_str(SysAllocString(s)) {}
    CComBSTR(LPCSTR s) : m_str(NULL)
    {
        if (s) {
            int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
            m_str = SysAllocStringLen(NULL, n > 0 ? (UINT)(n - 1) : 0);
            if (m_str && n > 0)
                MultiByteToWideChar(CP_UTF8, 0, s, -1, m_str, n);
        }
    }
    CComBSTR(const CComBSTR &other) : m_str(other.Copy()) {}
    CComBSTR(CComBSTR &&other) : m_str(other.m_str) { other.m_str = NULL; }
    ~CComBSTR() { SysFreeString(m_str); }

    CComBSTR &operator=(const CComBSTR &other)
    {
        if (m_str != other.m_str) {
            SysFreeString(m_str);
            m_str = other.Copy();
        }
        return *this;
    }
    CComBSTR &operator=(CComBSTR &&other)
    {
        if (m_str != other.m_str) {
            SysFreeString(m_str);
            m_str = other.m_str;
            other.m_str = NULL;
        }
        return *this;
    }
    CComBSTR &operator=(LPCOLESTR s)
    {
        if (s != m_str) {
            SysFreeString(m_str);
            m_str = SysAllocString(s);
        }
        return *this;
    }
    CComBSTR &operator=(LPCSTR s) { return *this = CComBSTR(s); }

    operator BSTR() const { return m_str; }
    BSTR *operator&() { return &m_str; }
    bool operator!() const { return m_str == NULL; }
    bool operator==(const CComBSTR &o) const { return Compare(o.m_str) == 0; }
    bool operator!=(const CComBSTR &o) const { return Compare(o.m_str) != 0; }
    bool operator==(LPCOLESTR s) const { return Compare(s) == 0; }
    bool operator!=(LPCOLESTR s) const { return Compare(s) != 0; }
    bool operator<(const CComBSTR &o) const { return Compare(o.m_str) < 0; }
    CComBSTR &operator+=(const CComBSTR &o)
    {
        AppendBSTR(o.m_str);
        return *this;
    }
    CComBSTR &operator+=(LPCOLESTR s)
    {
        Append(s);
        return *this;
    }

    unsigned int Length() const { return SysStringLen(m_str); }
    unsigned int ByteLength() const { return SysStringByteLen(m_str); }
    BSTR Copy() const
    {
        return m_str ? SysAllocStringByteLen((LPCSTR)(const void *)m_str, SysStringByteLen(m_str)) : NULL;
    }
    HRESULT CopyTo(BSTR *out) const
    {
        if (!out)
            return E_POINTER;
        *out = Copy();
        return (m_str && !*out) ? E_OUTOFMEMORY : S_OK;
    }
    void Attach(BSTR s)
    {
        if (s != m_str) {
            SysFreeString(m_str);
            m_str = s;
        }
    }
    BSTR Detach()
    {
        BSTR s = m_str;
        m_str = NULL;
        return s;
    }
    void Empty()
    {
        SysFreeString(m_str);
        m_str = NULL;
    }
    HRESULT Append(LPCOLESTR s, int n)
    {
        if (!s || n <= 0)
            return S_OK;
        UINT old = Length();
        BSTR joined = SysAllocStringLen(NULL, old + (UINT)n);
        if (!joined)
            return E_OUTOFMEMORY;
        if (old)
            memcpy(joined, m_str, old * sizeof(OLECHAR));
        memcpy(joined + old, s, (size_t)n * sizeof(OLECHAR));
        SysFreeString(m_str);
        m_str = joined;
        return S_OK;
    }
    HRESULT Append(LPCOLESTR s) { return s ? Append(s, (int)wcslen(s)) : S_OK; }
    HRESULT Append(const CComBSTR &o) { return Append(o.m_str, (int)o.Length()); }
    HRESULT Append(OLECHAR c) { return Append(&c, 1); }
    HRESULT Append(LPCSTR s)
    {
        CComBSTR w(s);
        return Append(w);
    }
    HRESULT AppendBSTR(BSTR s) { return Append(s, (int)SysStringLen(s)); }
    HRESULT ToLower()
    {
        for (UINT i = 0; i < Length(); i++)
            m_str[i] = (OLECHAR)towlower((wint_t)m_str[i]);
        return S_OK;
    }
    HRESULT ToUpper()
    {
        for (UINT i = 0; i < Length(); i++)
            m_str[i] = (OLECHAR)towupper((wint_t)m_str[i]);
        return S_OK;
    }

  private:
    int Compare(LPCOLESTR s) const
    {
        if (!m_str || !s)
            return (m_str && *m_str) ? 1 : (s && *s) ? -1 : 0;
        return wcscmp(m_str, s);
    }
};

class CComVariant : public tagVARIANT
{
  public:
    CComVariant() { VariantInit(this); }
    CComVariant(const VARIANT &v)
    {
        VariantInit(this);
        VariantCopy(this, &v);
    }
    CComVariant(const CComVariant &v)
    {
        VariantInit(this);
        VariantCopy(this, &v);
    }
    CComVariant(LPCOLESTR s)
    {
        VariantInit(this);
        vt = VT_BSTR;
        bstrVal = SysAllocString(s);
    }
    CComVariant(LPCSTR s)
    {
        VariantInit(this);
        vt = VT_BSTR;
        bstrVal = CComBSTR(s).Detach();
    }
    CComVariant(bool b)
    {
        VariantInit(this);
        vt = VT_BOOL;
        boolVal = b ? VARIANT_TRUE : VARIANT_FALSE;
    }
    CComVariant(int v)
    {
        VariantInit(this);
        vt = VT_I4;
        lVal = v;
    }
    CComVariant(long long v)
    {
        VariantInit(this);
        vt = VT_I8;
        llVal = v;
    }
    CComVariant(double v)
    {
        VariantInit(this);
        vt = VT_R8;
        dblVal = v;
    }
    ~CComVariant() { VariantClear(this); }
    CComVariant &operator=(const CComVariant &v)
    {
        if (this != &v)
            VariantCopy(this, &v);
        return *this;
    }
    HRESULT Clear() { return VariantClear(this); }
    HRESULT Copy(const VARIANT *src) { return VariantCopy(this, src); }
    HRESULT ChangeType(VARTYPE t, const VARIANT *src = NULL) { return VariantChangeType(this, src ? src : this, 0, t); }
    HRESULT Detach(VARIANT *dest)
    {
        if (!dest)
            return E_POINTER;
        VariantClear(dest);
        *dest = *this;
        vt = VT_EMPTY;
        return S_OK;
    }
};

class CComCriticalSection
{
  public:
    CComCriticalSection() { memset(&m_sec, 0, sizeof m_sec); }
    HRESULT Init()
    {
        InitializeCriticalSection(&m_sec);
        return S_OK;
    }
    HRESULT Term()
    {
        DeleteCriticalSection(&m_sec);
        return S_OK;
    }
    HRESULT Lock()
    {
        EnterCriticalSection(&m_sec);
        return S_OK;
    }
    HRESULT Unlock()
    {
        LeaveCriticalSection(&m_sec);
        return S_OK;
    }
    CRITICAL_SECTION m_sec;
};

class CComAutoCriticalSection : public CComCriticalSection
{
  public:
    CComAutoCriticalSection() { Init(); }
    ~CComAutoCriticalSection() { Term(); }

  private:
    CComAutoCriticalSection(const CComAutoCriticalSection &);
    CComAutoCriticalSection &operator=(const CComAutoCriticalSection &);
};

template <class TLock> class CComCritSecLock
{
  public:
    explicit CComCritSecLock(TLock &cs, bool initial = true) : m_cs(cs), m_locked(false)
    {
        if (initial)
            Lock();
    }
    ~CComCritSecLock()
    {
        if (m_locked)
            Unlock();
    }
    HRESULT Lock()
    {
        m_cs.Lock();
        m_locked = true;
        return S_OK;
    }
    void Unlock()
    {
        m_cs.Unlock();
        m_locked = false;
    }

  private:
    TLock &m_cs;
    bool m_locked;
    CComCritSecLock(const CComCritSecLock &);
    CComCritSecLock &operator=(const CComCritSecLock &);
};

/* atlconv.h: conversions that own their result for the object's lifetime */

class CW2A
{
  public:
    CW2A(LPCWSTR s, UINT cp = CP_UTF8) : m_psz(NULL)
    {
        if (s) {
            int n = WideCharToMultiByte(cp, 0, s, -1, NULL, 0, NULL, NULL);
            m_psz = new char[n > 0 ? n : 1];
            m_psz[0] = 0;
            if (n > 0)
                WideCharToMultiByte(cp, 0, s, -1, m_psz, n, NULL, NULL);
        }
    }
    ~CW2A() { delete[] m_psz; }
    operator LPSTR() const { return m_psz; }
    LPSTR m_psz;

  private:
    CW2A(const CW2A &);
    CW2A &operator=(const CW2A &);
};

class CA2W
{
  public:
    CA2W(LPCSTR s, UINT cp = CP_UTF8) : m_psz(NULL)
    {
        if (s) {
            int n = MultiByteToWideChar(cp, 0, s, -1, NULL, 0);
            m_psz = new wchar_t[n > 0 ? n : 1];
            m_psz[0] = 0;
            if (n > 0)
                MultiByteToWideChar(cp, 0, s, -1, m_psz, n);
        }
    }
    ~CA2W() { delete[] m_psz; }
    operator LPWSTR() const { return m_psz; }
    LPWSTR m_psz;

  private:
    CA2W(const CA2W &);
    CA2W &operator=(const CA2W &);
};

/* Same-width "conversions" keep a pointer to the original */
template <class CH> class __IissimCPassThrough
{
  public:
    __IissimCPassThrough(const CH *s, UINT cp = CP_UTF8) : m_psz(const_cast<CH *>(s)) { (void)cp; }
    operator CH *() const { return m_psz; }
    CH *m_psz;
};

typedef CW2A                CW2CA;
typedef CA2W                CA2CW;
#ifdef UNICODE
typedef __IissimCPassThrough<WCHAR> CW2T, CW2CT, CT2W, CT2CW, CT2CT;
typedef CA2W                CA2T, CA2CT;
typedef CW2A                CT2A, CT2CA;
#else
typedef __IissimCPassThrough<CHAR> CA2T, CA2CT, CT2A, CT2CA, CT2CT;
typedef CW2A                CW2T, CW2CT;
typedef CA2W                CT2W, CT2CW;
#endif
typedef CT2W                CT2OLE, CT2COLE;
typedef CW2T                COLE2T, COLE2CT;

} // namespace ATL

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif

#endif  /* __cplusplus && __IISSIM_POSIX */

#endif  /* __ATLBASE_H__ */
