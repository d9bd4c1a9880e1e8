// COM basics: IUnknown, BSTR, VARIANT, _bstr_t, _variant_t, _com_error, CComPtr, CComBSTR,
// CComQIPtr, __uuidof, DEFINE_GUID, Co* functions.
#include <windows.h>
#include <initguid.h>
#include <comdef.h>
#include <atlbase.h>
#include <httpserv.h>
#include "check.h"

// A module's own interface and its uuid
struct __declspec(uuid("6B29FC40-CA47-1067-B31D-00DD010662DA")) ICounter : public IUnknown
{
    virtual LONG STDMETHODCALLTYPE Next() = 0;
};
IISSIM_DEFINE_UUIDOF(ICounter, "6B29FC40-CA47-1067-B31D-00DD010662DA")
DEFINE_GUID(IID_ICounter, 0x6B29FC40, 0xCA47, 0x1067, 0xB3, 0x1D, 0x00, 0xDD, 0x01, 0x06, 0x62, 0xDA);

class Counter : public ICounter
{
  public:
    Counter() : m_refs(1), m_value(0) {}
    virtual ~Counter() {}
    STDMETHODIMP QueryInterface(REFIID riid, void **ppv) override
    {
        if (!ppv)
            return E_POINTER;
        if (riid == __uuidof(IUnknown) || riid == __uuidof(ICounter)) {
            *ppv = static_cast<ICounter *>(this);
            AddRef();
            return S_OK;
        }
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    STDMETHODIMP_(ULONG) AddRef() override { return (ULONG)InterlockedIncrement(&m_refs); }
    STDMETHODIMP_(ULONG) Release() override
    {
        LONG r = InterlockedDecrement(&m_refs);
        if (!r)
            delete this;
        return (ULONG)r;
    }
    STDMETHODIMP_(LONG) Next() override { return ++m_value; }
    LONG m_refs;
    LONG m_value;
};

static void Fail(HRESULT hr)
{
    if (FAILED(hr))
        _com_issue_error(hr);
}

int main()
{
    CHECK(CoInitializeEx(NULL, COINIT_MULTITHREADED) == S_OK);

    // __uuidof for types, pointers and expressions; the IIS interfaces from httpserv.h
    CHECK(IsEqualGUID(__uuidof(ICounter), IID_ICounter));
    ICounter *raw = NULL;
    CHECK(__uuidof(raw) == IID_ICounter && __uuidof(*raw) == IID_ICounter);
    CHECK(__uuidof(IUnknown) == IID_IUnknown);
    const GUID &http = __uuidof(IHttpContext);
    CHECK(http.Data1 == 0x424c1b8c && http.Data2 == 0xa1ba);
    IHttpRequest *req = NULL;
    CHECK(__uuidof(req).Data1 == 0xe8698f7e);

    // IUnknown, CComPtr, CComQIPtr
    Counter *impl = new Counter;
    {
        CComPtr<ICounter> counter;
        counter.Attach(impl);
        CHECK(counter->Next() == 1);
        CComPtr<IUnknown> unk;
        CHECK(SUCCEEDED(counter.QueryInterface(&unk)) && impl->m_refs == 2);
        CComQIPtr<ICounter> qi(unk);
        CHECK(qi != NULL && qi->Next() == 2 && impl->m_refs == 3);
        ICounter *out = NULL;
        CHECK(unk->QueryInterface(IID_PPV_ARGS(&out)) == S_OK && out->Next() == 3);
        out->Release();
        void *none = NULL;
        CHECK(unk->QueryInterface(__uuidof(IDispatch), &none) == E_NOINTERFACE && none == NULL);
        CComPtr<ICounter> copy = counter;
        CHECK(impl->m_refs == 4 && copy.IsEqualObject(unk));
    }
    CComPtr<IUnknown> created;
    CHECK(created.CoCreateInstance(IID_IUnknown) == REGDB_E_CLASSNOTREG && !created);
    void *pv = (void *)1;
    CHECK(CoCreateInstance(IID_IUnknown, NULL, CLSCTX_INPROC_SERVER, IID_IUnknown, &pv) == REGDB_E_CLASSNOTREG && !pv);

    // BSTR with its 4-byte length prefix
    BSTR b = SysAllocString(L"hello");
    CHECK(SysStringLen(b) == 5 && SysStringByteLen(b) == 5 * sizeof(OLECHAR) && b[5] == 0);
    uint32_t prefix;
    memcpy(&prefix, (char *)b - 4, 4);
    CHECK(prefix == 5 * sizeof(OLECHAR));
    CHECK(SysReAllocString(&b, L"bye") && wcscmp(b, L"bye") == 0 && SysStringLen(b) == 3);
    SysFreeString(b);
    BSTR embedded = SysAllocStringLen(L"a\0b", 3);
    CHECK(SysStringLen(embedded) == 3 && embedded[2] == L'b');
    SysFreeString(embedded);
    BSTR bytes = SysAllocStringByteLen("abcd", 4);
    CHECK(SysStringByteLen(bytes) == 4 && memcmp(bytes, "abcd", 4) == 0);
    SysFreeString(bytes);
    SysFreeString(NULL);

    // VARIANT
    VARIANT v, w;
    VariantInit(&v);
    VariantInit(&w);
    CHECK(V_VT(&v) == VT_EMPTY);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"123");
    CHECK(VariantCopy(&w, &v) == S_OK && V_BSTR(&w) != V_BSTR(&v) && wcscmp(V_BSTR(&w), L"123") == 0);
    CHECK(VariantChangeType(&w, &w, 0, VT_I4) == S_OK && V_VT(&w) == VT_I4 && V_I4(&w) == 123);
    V_VT(&w) = VT_BOOL;
    V_BOOL(&w) = VARIANT_TRUE;
    CHECK(VariantChangeType(&w, &w, VARIANT_ALPHABOOL, VT_BSTR) == S_OK && wcscmp(V_BSTR(&w), L"True") == 0);
    VariantClear(&w);
    V_VT(&w) = VT_I4;
    V_I4(&w) = 70000;
    CHECK(VariantChangeType(&w, &w, 0, VT_I2) == DISP_E_OVERFLOW);
    CHECK(VariantClear(&v) == S_OK && V_VT(&v) == VT_EMPTY);

    // _bstr_t and _variant_t
    _bstr_t s1("caf\xc3\xa9"), s2(L" ok");
    _bstr_t s3 = s1 + s2;
    CHECK(s3.length() == 7 && wcscmp((const wchar_t *)s3, L"caf\u00e9 ok") == 0);
    CHECK(strcmp((const char *)s3, "caf\xc3\xa9 ok") == 0);
    CHECK(s1 == _bstr_t(L"caf\u00e9") && s1 != s2 && !_bstr_t() && !!s1);
    BSTR detached = s3.copy();
    CHECK(SysStringLen(detached) == 7);
    SysFreeString(detached);
    _variant_t vi(42L);
    CHECK(vi.vt == VT_I4 && (long)vi == 42 && (double)vi == 42.0);
    _variant_t vs(L"17");
    CHECK((int)vs == 17 && _bstr_t(vi) == _bstr_t("42"));
    _variant_t vb(true);
    CHECK(vb.vt == VT_BOOL && (bool)vb);
    _variant_t copy = vs;
    CHECK(copy == vs);
    vi.Clear();
    CHECK(vi.vt == VT_EMPTY);

    // _com_error, SUCCEEDED/FAILED
    bool caught = false;
    try {
        Fail(S_OK);
        Fail(E_NOINTERFACE);
    } catch (const _com_error &e) {
        caught = true;
        CHECK(e.Error() == E_NOINTERFACE && FAILED(e.Error()));
        CHECK(strcmp(e.ErrorMessage(), "No such interface supported") == 0);
    }
    CHECK(caught);
    CHECK(strcmp(_com_error(HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)).ErrorMessage(),
                 "The system cannot find the file specified.")
          == 0);
    CHECK(strcmp(_com_error((HRESULT)0x80040201).ErrorMessage(), "IDispatch error #1") == 0);
    CHECK(strcmp(_com_error((HRESULT)0x8123ABCD).ErrorMessage(), "Unknown error 0x8123ABCD") == 0);
    caught = false;
    try {
        _variant_t bad(L"not a number");
        (void)(int)bad;
    } catch (_com_error &e) {
        caught = e.Error() == DISP_E_TYPEMISMATCH;
    }
    CHECK(caught);

    // CComBSTR
    CComBSTR cb(L"ab");
    CHECK(cb.Length() == 2 && SUCCEEDED(cb.Append(L"cd")) && SUCCEEDED(cb.Append("ef")));
    CHECK(cb == L"abcdef" && cb.ByteLength() == 6 * sizeof(OLECHAR));
    BSTR out = NULL;
    CHECK(cb.CopyTo(&out) == S_OK && wcscmp(out, L"abcdef") == 0);
    SysFreeString(out);
    cb.ToUpper();
    CHECK(cb == L"ABCDEF");
    CW2A narrow(L"\u00e9t\u00e9");
    CHECK(strcmp(narrow, "\xc3\xa9t\xc3\xa9") == 0);
    CA2W wide("x");
    CHECK(wcscmp(wide, L"x") == 0);

    // GUID text and CoTaskMem
    OLECHAR text[39];
    CHECK(StringFromGUID2(IID_ICounter, text, 39) == 39 && wcscmp(text, L"{6B29FC40-CA47-1067-B31D-00DD010662DA}") == 0);
    CLSID parsed;
    CHECK(CLSIDFromString(text, &parsed) == S_OK && parsed == IID_ICounter);
    GUID g1, g2;
    CHECK(CoCreateGuid(&g1) == S_OK && CoCreateGuid(&g2) == S_OK && g1 != g2 && (g1.Data3 >> 12) == 4);
    void *task = CoTaskMemAlloc(16);
    CHECK(task != NULL);
    CoTaskMemFree(task);

    CoUninitialize();
    printf("ok\n");
    return 0;
}
