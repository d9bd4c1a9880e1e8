// compat-variants: | -DCACHE_FIRST | -DTRACE_LAST -DWITH_INITGUID
// The IIS SDK's other headers as modules include them: httptrace.h, httpserv.h, httpcach.h and
// wpframework.h, in the samples' order (windows.h, initguid.h, httptrace.h, httpserv.h,
// httpcach.h), with httpcach.h first, and with httptrace.h last. A module-like program: a
// module that raises a trace event, a cache key of its own, and a worker-process settings user.
#include <windows.h>
#ifdef WITH_INITGUID
# include <initguid.h>
#endif
#if defined(CACHE_FIRST)
# include <httpcach.h>
# include <wpframework.h>
# include <httptrace.h>
# include <httpserv.h>
#elif defined(TRACE_LAST)
# include <httpserv.h>
# include <httpcach.h>
# include <wpframework.h>
# include <httptrace.h>
#else
# include <httptrace.h>
# include <httpserv.h>
# include <httpcach.h>
# include <wpframework.h>
#endif
#include <string>
#include <wchar.h>
#include "check.h"

// A module's own file key, as a cache user builds one for IHttpServer::DoCacheOperation.
class MyFileKey : public IFileKey
{
  public:
    explicit MyFileKey(PCWSTR path) : m_path(path) {}
    DWORD GetHash() const override { return (DWORD)m_path.size(); }
    bool GetIsEqual(IHttpCacheKey *other) const override
    {
        return other != NULL && wcscmp(other->GetCacheName(), GetCacheName()) == 0 &&
               m_path == static_cast<IFileKey *>(other)->GetPath();
    }
    bool GetIsPrefix(IHttpCacheKey *other) const override { return GetIsEqual(other); }
    VOID Enum(IHttpCacheSpecificData *data) override { (void)data; }
    PCWSTR GetPath() const override { return m_path.c_str(); }

  private:
    std::wstring m_path;
};

// Settings as a worker process would hand them out (IHttpServer::GetWorkerProcessSettings).
class FakeSettings : public IWpfSettings
{
  public:
    ULONG AddRef() override { return 1; }
    ULONG Release() override { return 1; }
    HRESULT GetDwordProperty(WPF_SETTINGS_DWORD_ENUM id, DWORD *value) override
    {
        *value = id == IDLE_TIMEOUT ? 20 : 0;
        return S_OK;
    }
    HRESULT GetUlonglongProperty(WPF_SETTINGS_ULONGLONG_ENUM id, ULONGLONG *value) override
    {
        (void)id;
        *value = 0;
        return S_OK;
    }
    HRESULT GetStringProperty(WPF_SETTINGS_STRING_ENUM id, PWSTR buffer, DWORD *cch) override
    {
        const wchar_t *text = id == CLR_VERSION ? L"v4.0" : L"";
        DWORD needed = (DWORD)wcslen(text) + 1;
        if (buffer == NULL || *cch < needed) {
            *cch = needed;
            return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
        }
        wcscpy(buffer, text);
        *cch = needed;
        return S_OK;
    }
    HRESULT GetBoolProperty(WPF_SETTINGS_BOOL_ENUM id, BOOL *value) override
    {
        *value = id == ENABLED_HOSTABLE_WEB_CORE;
        return S_OK;
    }
    HRESULT GetHandleProperty(WPF_SETTINGS_HANDLE_ENUM id, HANDLE *value) override
    {
        (void)id;
        *value = NULL;
        return E_NOTIMPL;
    }
};

// A request module that raises a trace event through IHttpTraceContext.
class TracingModule : public CHttpModule
{
  public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext *pHttpContext, IHttpEventProvider *pProvider) override
    {
        (void)pProvider;
        IHttpTraceContext *trace = pHttpContext->GetTraceContext();
        if (trace == NULL)
            return RQ_NOTIFICATION_CONTINUE;
        HTTP_TRACE_CONFIGURATION config = {};
        config.pProviderGuid = &GUID_IIS_WWW_SERVER_TRACE_PROVIDER;
        if (SUCCEEDED(trace->GetTraceConfiguration(&config)) && config.fProviderEnabled) {
            const wchar_t *url = L"/x";
            HTTP_TRACE_EVENT_ITEM item = {};
            item.pszName = L"Url";
            item.dwDataType = HTTP_TRACE_TYPE_LPCWSTR;
            item.pbData = (PBYTE)url;
            item.cbData = (DWORD)(sizeof(WCHAR) * (wcslen(url) + 1));
            HTTP_TRACE_EVENT event = {};
            event.pProviderGuid = &GUID_IIS_WWW_SERVER_TRACE_PROVIDER;
            event.dwArea = 0x8000;
            event.pszEventName = L"MY_EVENT";
            event.dwVerbosity = TRACE_LEVEL_INFORMATION;
            event.dwFlags = HTTP_TRACE_EVENT_FLAG_STATIC_DESCRIPTIVE_FIELDS;
            event.cEventItems = 1;
            event.pEventItems = &item;
            trace->RaiseTraceEvent(&event);
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
};

// A global module that looks at the server's cache keys, as the IIS samples do.
class CacheWatcher final : public CGlobalModule
{
  public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalCacheOperation(ICacheProvider *pProvider) override
    {
        IHttpCacheKey *key = pProvider->GetCacheKey();
        if (key != NULL && wcscmp(key->GetCacheName(), FILE_CACHE_NAME) == 0) {
            IFileKey *file = dynamic_cast<IFileKey *>(key);
            (void)file;
        }
        return GL_NOTIFICATION_CONTINUE;
    }
    VOID Terminate() override { delete this; }
};

static PFN_GET_PROTOCOL_MANAGER s_getProtocolManager = NULL;

int main()
{
    // Cache keys: the header's inline GetCacheName bodies and a derived key.
    MyFileKey a(L"C:\\inetpub\\wwwroot\\a.htm"), b(L"C:\\inetpub\\wwwroot\\a.htm"), c(L"other");
    CHECK(wcscmp(a.GetCacheName(), L"FILE") == 0);
    CHECK(std::wstring(a.GetCacheName()) == FILE_CACHE_NAME);
    CHECK(a.GetIsEqual(&b) && !a.GetIsEqual(&c));
    IHttpCacheKey *key = &a;
    CHECK(dynamic_cast<IFileKey *>(key) == &a);
    CHECK(dynamic_cast<IUriKey *>(key) == NULL);
    CHECK(wcscmp(URI_CACHE_NAME, L"URI") == 0 && wcscmp(TOKEN_CACHE_NAME, L"TOKEN") == 0);
    CHECK(IissimUuidOf<IFileKey>::value().Data1 == 0x7377f6a4);
    CHECK(IissimUuidOf<IUriKey>::value().Data1 == 0xf1bc4f8c);
    CHECK(IissimUuidOf<IHttpTokenKey>::value().Data4[7] == 0xba);
    CHECK(sizeof(IUriKey) == sizeof(void *) && sizeof(IHttpTokenKey) == sizeof(void *));

    // Trace structures and GUIDs.
    CHECK(sizeof(void *) != 8 || sizeof(HTTP_TRACE_EVENT) == 88);
    CHECK(GUID_IIS_WWW_SERVER_TRACE_PROVIDER.Data1 == 0x3a2a4e84);
    GUID zero = {};
    CHECK(IsEqualGUID(GUID_IIS_ALL_TRACE_PROVIDERS, zero));
    CHECK(HTTP_TRACE_TYPE_LPCGUID == 72 && HTTP_TRACE_LEVEL_END == 7);

    // Worker-process settings.
    FakeSettings settings;
    IWpfSettings *wpf = &settings;
    WCHAR version[16];
    DWORD cch = 0;
    CHECK(wpf->GetStringProperty(CLR_VERSION, NULL, &cch) == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
    cch = sizeof version / sizeof version[0];
    CHECK(SUCCEEDED(wpf->GetStringProperty(CLR_VERSION, version, &cch)) && wcscmp(version, L"v4.0") == 0);
    DWORD idle = 0;
    CHECK(SUCCEEDED(wpf->GetDwordProperty(IDLE_TIMEOUT, &idle)) && idle == 20);
    CHECK(wpf->AddRef() == 1 && wpf->Release() == 1);
    CHECK(WPF_SETTINGS_ID == 3 && PM_IDLE_TIMEOUT_ID == 5 && CLR_VERSION_PATH == 5);
    CHECK(wcscmp(DEFAULT_PROTOCOL_MANAGER_INIT_FUNCTION, L"GetProtocolManager") == 0);
    CHECK(s_getProtocolManager == NULL);

    // The modules compile and construct.
    TracingModule module;
    CacheWatcher *watcher = new CacheWatcher;
    watcher->Terminate();
    (void)module;
    printf("ok\n");
    return 0;
}
