// Makes clang lay out the vtable of every class of our httpserv.h, httpcach.h and wpframework.h.
#include <httpserv.h>
#include <httpcach.h>
#include <wpframework.h>

void touch_IHttpStoredContext(IHttpStoredContext *p)
{
    p->CleanupStoredContext();
}
void touch_IHttpModuleContextContainer(IHttpModuleContextContainer *p)
{
    p->GetModuleContext((HTTP_MODULE_ID)0);
}
void touch_INamedContextContainer(INamedContextContainer *p)
{
    p->GetNamedContext((LPCWSTR)0);
}
void touch_IDispensedHttpModuleContextContainer(IDispensedHttpModuleContextContainer *p)
{
    p->ReleaseContainer();
}
void touch_IHttpPerfCounterInfo(IHttpPerfCounterInfo *p)
{
    p->IncrementCounter((DWORD)0, (DWORD)0);
}
void touch_IHttpApplication(IHttpApplication *p)
{
    p->GetApplicationPhysicalPath();
}
void touch_IHttpApplication2(IHttpApplication2 *p)
{
    p->BeginApplicationWarmup();
}
void touch_IHttpUrlInfo(IHttpUrlInfo *p)
{
    p->GetModuleContextContainer();
}
void touch_IScriptMapInfo(IScriptMapInfo *p)
{
    p->GetPath();
}
void touch_IMetadataInfo(IMetadataInfo *p)
{
    p->GetMetaPath();
}
void touch_IReferencedMetadataInfo(IReferencedMetadataInfo *p)
{
    p->ReferenceMetadata();
}
void touch_IHttpRequest(IHttpRequest *p)
{
    p->GetRawHttpRequest();
}
void touch_IHttpRequest2(IHttpRequest2 *p)
{
    p->GetChannelBindingToken((PBYTE*)0, (DWORD*)0);
}
void touch_IHttpRequest3(IHttpRequest3 *p)
{
    p->ReadEntityBody((VOID*)0, (DWORD)0, (BOOL)0, (PFN_ASYNC_COMPLETION)0, (VOID*)0, (DWORD*)0, (BOOL*)0);
}
void touch_IHttpRequest4(IHttpRequest4 *p)
{
    p->ReadEntityBody((VOID*)0, (DWORD)0, (BOOL)0, (ULONG)0, (DWORD*)0, (BOOL*)0);
}
void touch_IHttpCachePolicy(IHttpCachePolicy *p)
{
    p->GetKernelCachePolicy();
}
void touch_IHttpCachePolicy2(IHttpCachePolicy2 *p)
{
    p->IsForceUpdateSet();
}
void touch_IHttpResponse(IHttpResponse *p)
{
    p->GetRawHttpResponse();
}
void touch_IHttpResponse2(IHttpResponse2 *p)
{
    p->WriteEntityChunks((HTTP_DATA_CHUNK*)0, (DWORD)0, (BOOL)0, (BOOL)0, (PFN_ASYNC_COMPLETION)0, (VOID*)0, (DWORD*)0, (BOOL*)0);
}
void touch_IHttpResponse3(IHttpResponse3 *p)
{
    p->PushPromise((PCSTR)0, (PCWSTR)0, (PCWSTR)0, (DWORD)0, (PCSTR*)0, (PCSTR*)0);
}
void touch_IHttpResponse4(IHttpResponse4 *p)
{
    p->DeleteTrailer((PCSTR)0);
}
void touch_IHttpUser(IHttpUser *p)
{
    p->GetRemoteUserName();
}
void touch_IHttpConnectionStoredContext(IHttpConnectionStoredContext *p)
{
    p->NotifyDisconnect();
}
void touch_IHttpConnectionModuleContextContainer(IHttpConnectionModuleContextContainer *p)
{
    p->GetConnectionModuleContext((HTTP_MODULE_ID)0);
}
void touch_IHttpConnection(IHttpConnection *p)
{
    p->IsConnected();
}
void touch_IHttpContext(IHttpContext *p)
{
    p->GetSite();
}
void touch_IHttpContext2(IHttpContext2 *p)
{
    p->GetOriginalUser();
}
void touch_IHttpContext3(IHttpContext3 *p)
{
    p->GetNamedContextContainer();
}
void touch_IHttpContext4(IHttpContext4 *p)
{
    p->GetRequestStartTime();
}
void touch_IHttpTraceContext(IHttpTraceContext *p)
{
    p->GetTraceConfiguration((HTTP_TRACE_CONFIGURATION*)0);
}
void touch_IHttpCacheKey(IHttpCacheKey *p)
{
    p->GetHash();
}
void touch_IHttpCacheSpecificData(IHttpCacheSpecificData *p)
{
    p->GetCacheKey();
}
void touch_IHttpSite(IHttpSite *p)
{
    p->GetSiteId();
}
void touch_IHttpFileMonitor(IHttpFileMonitor *p)
{
    p->GetModuleContextContainer();
}
void touch_IHttpFileInfo(IHttpFileInfo *p)
{
    p->GetAttributes();
}
void touch_IHttpTokenEntry(IHttpTokenEntry *p)
{
    p->GetImpersonationToken();
}
void touch_IHttpServer(IHttpServer *p)
{
    p->IsCommandLineLaunch();
}
void touch_IHttpServer2(IHttpServer2 *p)
{
    p->GetToken((PCWSTR)0, (PCWSTR)0, (DWORD)0, (IHttpTokenEntry**)0, (PCWSTR)0, (PSOCKADDR)0, (IHttpTraceContext*)0);
}
void touch_IHttpServer3(IHttpServer3 *p)
{
    p->QueryRequestProperty((HTTP_OPAQUE_ID)0, (HTTP_REQUEST_PROPERTY)0, (PVOID)0, (ULONG)0, (PVOID)0, (ULONG)0, (PULONG)0, (LPOVERLAPPED)0);
}
void touch_IHttpEventProvider(IHttpEventProvider *p)
{
    p->SetErrorStatus((HRESULT)0);
}
void touch_IHttpCompletionInfo(IHttpCompletionInfo *p)
{
    p->GetCompletionBytes();
}
void touch_IHttpCompletionInfo2(IHttpCompletionInfo2 *p)
{
    p->GetCompletedOperation();
}
void touch_ICustomNotificationProvider(ICustomNotificationProvider *p)
{
    p->QueryNotificationType();
}
void touch_IAuthenticationProvider(IAuthenticationProvider *p)
{
    p->SetUser((IHttpUser*)0);
}
void touch_IMapHandlerProvider(IMapHandlerProvider *p)
{
    p->SetScriptName((PCWSTR)0, (DWORD)0);
}
void touch_IMapPathProvider(IMapPathProvider *p)
{
    p->GetUrl();
}
void touch_ISendResponseProvider(ISendResponseProvider *p)
{
    p->GetHeadersBeingSent();
}
void touch_IReadEntityProvider(IReadEntityProvider *p)
{
    p->GetEntity((PVOID*)0, (DWORD*)0, (DWORD*)0);
}
void touch_IPreBeginRequestProvider(IPreBeginRequestProvider *p)
{
    p->GetHttpContext();
}
void touch_IHttpApplicationProvider(IHttpApplicationProvider *p)
{
    p->GetApplication();
}
void touch_IHttpApplicationResolveModulesProvider(IHttpApplicationResolveModulesProvider *p)
{
    p->RegisterModule((HTTP_MODULE_ID)0, (IHttpModuleFactory*)0, (PCWSTR)0, (PCWSTR)0, (PCWSTR)0, (DWORD)0, (DWORD)0);
}
void touch_IGlobalRSCAQueryProvider(IGlobalRSCAQueryProvider *p)
{
    p->GetFunctionName();
}
void touch_IGlobalStopListeningProvider(IGlobalStopListeningProvider *p)
{
    p->DrainRequestsGracefully();
}
void touch_ICacheProvider(ICacheProvider *p)
{
    p->GetCacheOperation();
}
void touch_IGlobalConfigurationChangeProvider(IGlobalConfigurationChangeProvider *p)
{
    p->GetChangePath();
}
void touch_IGlobalFileChangeProvider(IGlobalFileChangeProvider *p)
{
    p->GetFileName();
}
void touch_IGlobalTraceEventProvider(IGlobalTraceEventProvider *p)
{
    p->GetTraceEvent((HTTP_TRACE_EVENT**)0);
}
void touch_IGlobalThreadCleanupProvider(IGlobalThreadCleanupProvider *p)
{
    p->GetApplication();
}
void touch_IGlobalApplicationPreloadProvider(IGlobalApplicationPreloadProvider *p)
{
    p->CreateContext((IHttpContext**)0);
}
void touch_IGlobalApplicationPreloadProvider2(IGlobalApplicationPreloadProvider2 *p)
{
    p->IsProcessRecycled();
}
void touch_IGlobalSuspendProcessCallback(IGlobalSuspendProcessCallback *p)
{
    p->Resume();
}
void touch_CHttpModule(CHttpModule *p)
{
    p->OnBeginRequest((IHttpContext*)0, (IHttpEventProvider*)0);
}
void touch_CGlobalModule(CGlobalModule *p)
{
    p->OnGlobalStopListening((IGlobalStopListeningProvider*)0);
}
void touch_IModuleAllocator(IModuleAllocator *p)
{
    p->AllocateMemory((DWORD)0);
}
void touch_IHttpModuleFactory(IHttpModuleFactory *p)
{
    p->GetHttpModule((CHttpModule**)0, (IModuleAllocator*)0);
}
void touch_IHttpModuleRegistrationInfo(IHttpModuleRegistrationInfo *p)
{
    p->GetName();
}
void touch_IHttpModuleRegistrationInfo2(IHttpModuleRegistrationInfo2 *p)
{
    p->SetPriorityForPostRequestNotification((DWORD)0, (PCWSTR)0);
}
void touch_IUriKey(IUriKey *p)
{
    p->GetCacheName();
}
void touch_IFileKey(IFileKey *p)
{
    p->GetCacheName();
}
void touch_IHttpTokenKey(IHttpTokenKey *p)
{
    p->GetCacheName();
}
void touch_IWpfReferencedObject(IWpfReferencedObject *p)
{
    p->AddRef();
}
void touch_IWorkerProcessFramework(IWorkerProcessFramework *p)
{
    p->GetWpfInterface((WPF_INTERFACE_ID_ENUM)0, (PVOID*)0);
}
void touch_IWpfApplicationInfoUtil(IWpfApplicationInfoUtil *p)
{
    p->GetApplicationPropertiesFromAppId((PCWSTR)0, (PWSTR)0, (DWORD*)0, (DWORD*)0);
}
void touch_IWpfSettings(IWpfSettings *p)
{
    p->GetDwordProperty((WPF_SETTINGS_DWORD_ENUM)0, (DWORD*)0);
}
void touch_IWpfActions(IWpfActions *p)
{
    p->RecycleWorkerProcess((PCWSTR)0);
}
void touch_IWpfExposeProtocolManagerCustomInterface(IWpfExposeProtocolManagerCustomInterface *p)
{
    p->LoadProtocolManagerAndGetCustomInterface((PCWSTR)0, (PCWSTR)0, (DWORD)0, (PVOID*)0);
}
void touch_IProtocolManager(IProtocolManager *p)
{
    p->GetPmInterface((PM_INTERFACE_ID_ENUM)0, (PVOID*)0);
}
void touch_IHealthStatusCallback(IHealthStatusCallback *p)
{
    p->ReportHealth((BOOL)0);
}
void touch_IPmHealthAndIdleMonitor(IPmHealthAndIdleMonitor *p)
{
    p->CheckIdle((BOOL*)0);
}
void touch_ICustomActionResultCallback(ICustomActionResultCallback *p)
{
    p->ReportResult((HRESULT)0, (PBYTE)0, (DWORD)0);
}
void touch_ICustomAction2ResultCallback(ICustomAction2ResultCallback *p)
{
    p->ReportResult((HRESULT)0, (BOOL)0, (PBYTE)0, (DWORD)0);
}
void touch_IWpfApplicationPreloadUtil(IWpfApplicationPreloadUtil *p)
{
    p->GetApplicationPreloadInfo((PCWSTR)0, (BOOL*)0, (BSTR*)0, (SAFEARRAY**)0);
}
void touch_IPmApplicationPreload(IPmApplicationPreload *p)
{
    p->PreloadApplication((DWORD)0, (PCWSTR)0, (BOOL)0);
}
void touch_IPmCustomActions(IPmCustomActions *p)
{
    p->RunCustomAction((PCWSTR)0, (PCWSTR)0, (ICustomActionResultCallback*)0);
}
void touch_IPmCustomActions2(IPmCustomActions2 *p)
{
    p->RegisterCustomActionCallback((PCWSTR)0, (PCWSTR)0, (ICustomAction2ResultCallback*)0);
}
void touch_IWpfListenerChannelCallback(IWpfListenerChannelCallback *p)
{
    p->ReportStarted();
}
void touch_IPmListenerChannelManager(IPmListenerChannelManager *p)
{
    p->StartListenerChannel((PCWSTR)0, (IWpfListenerChannelCallback*)0);
}
void touch_IPmIdleTimeOutAction(IPmIdleTimeOutAction *p)
{
    p->SuspendProcess();
}
