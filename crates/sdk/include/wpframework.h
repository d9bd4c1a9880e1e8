/*
 * wpframework.h: the worker-process framework interfaces behind IHttpServer's
 * GetWorkerProcessSettings and IHttpServer2's GetWorkerProcessFramework, and the interfaces of
 * protocol managers, for building modules off Windows with iissim. Clean-room: written from ABI
 * facts (classes, method order, enum values), not from Microsoft's header.
 * Licence: MIT OR Apache-2.0.
 *
 * These are not COM interfaces: IWpfReferencedObject's AddRef and Release sit at slots 0 and 1,
 * there is no QueryInterface, and no class has a uuid. Interfaces are asked for by integer id.
 */
#ifndef _WP_FRAMEWORK_H_
#define _WP_FRAMEWORK_H_

#include <windows.h>
#include <unknwn.h>
#include <oleauto.h>

struct IUnknown;
#ifdef _WIN32
/* Only the MSVC-ABI layout proof builds this SDK for a Windows target, with no Windows SDK behind
 * it; these are the same types oleauto.h declares off Windows. */
typedef WCHAR *BSTR;
typedef struct tagSAFEARRAY SAFEARRAY;
#endif

/* Every class, so that declaration order never matters to a signature. */
class IWpfReferencedObject;
class IWorkerProcessFramework;
class IWpfApplicationInfoUtil;
class IWpfSettings;
class IWpfActions;
class IWpfExposeProtocolManagerCustomInterface;
class IProtocolManager;
class IHealthStatusCallback;
class IPmHealthAndIdleMonitor;
class ICustomActionResultCallback;
class ICustomAction2ResultCallback;
class IWpfApplicationPreloadUtil;
class IPmApplicationPreload;
class IPmCustomActions;
class IPmCustomActions2;
class IWpfListenerChannelCallback;
class IPmListenerChannelManager;
class IPmIdleTimeOutAction;

#define DEFAULT_PROTOCOL_MANAGER_INIT_FUNCTION    L"GetProtocolManager"
#define MANAGED_RUNTIME_LOADER_FUNCTION           "LoadManagedRuntime"
#define MANAGED_RUNTIME_LOADER_EX_FUNCTION        "LoadManagedRuntimeEx"

enum WPF_INTERFACE_ID_ENUM
{
    WPF_CONFIG_API_ID = 1,
    WPF_APPLICATION_INFO_UTIL_ID = 2,
    WPF_SETTINGS_ID = 3,
    WPF_ACTIONS_ID = 4,
    WPF_EXPOSE_PROTOCOL_MANAGER_CUSTOM_INTERFACE_ID = 5,
    WPF_APPLICATION_PRELOAD_INFO_UTIL_ID = 6,
};

enum WPF_SETTINGS_STRING_ENUM
{
    CLR_VERSION = 0,
    APP_POOL_NAME = 1,
    APP_HOST_FILE_NAME = 2,
    ROOT_WEB_CONFIG_FILE_NAME = 3,
    CLR_CONFIG_FILE_NAME = 4,
    CLR_VERSION_PATH = 5,
};

enum WPF_SETTINGS_DWORD_ENUM
{
    PERIODIC_RESTART_REQUESTS = 1,
    PERIODIC_RESTART_TIME = 2,
    IDLE_TIMEOUT = 3,
    MANAGED_PIPELINE_MODE = 4,
    THREAD_AFFINITY_POLICY = 5,
    IDLE_TIMEOUT_ACTION = 6,
};

enum WPF_SETTINGS_ULONGLONG_ENUM
{
    PERIODIC_RESTART_VIRTUAL_MEMORY = 0,
    PERIODIC_RESTART_PRIVATE_MEMORY = 1,
};

enum WPF_SETTINGS_BOOL_ENUM
{
    ENABLED_CENTRAL_BINARY_LOGGING = 0,
    ENABLED_HOSTABLE_WEB_CORE = 1,
};

enum WPF_SETTINGS_HANDLE_ENUM
{
    ANONYMOUS_USER_TOKEN = 0,
};

enum PM_INTERFACE_ID_ENUM
{
    PM_LISTENER_CHANNEL_MANAGER_ID = 1,
    PM_HEALTH_AND_IDLE_MONITOR_ID = 2,
    PM_CUSTOM_ACTIONS_ID = 3,
    PM_APPLICATION_PRELOAD_ID = 4,
    PM_IDLE_TIMEOUT_ID = 5,
};


/* The entry point a protocol manager DLL exports (DEFAULT_PROTOCOL_MANAGER_INIT_FUNCTION). */
typedef HRESULT (*PFN_GET_PROTOCOL_MANAGER)(IWorkerProcessFramework *pWpFramework,
                                            IProtocolManager **ppProtocolManager);

/* The managed-runtime loader of the worker process (MANAGED_RUNTIME_LOADER_*_FUNCTION). */
typedef HRESULT (WINAPI *PFNLoadManagedRuntime)(PCWSTR pwszRuntimeVersion, IUnknown **ppManagedRuntimeHost);
typedef HRESULT (WINAPI *PFNLoadManagedRuntimeEx)(PCWSTR pwszRuntimeVersion, PCWSTR pszClrConfigFile,
                                                  IUnknown **ppManagedRuntimeHost);

/* Declared with C++ linkage as on Windows; iissim does not define it (no module calls it). */
HRESULT WINAPI LoadManagedRuntime(PCWSTR pwszRuntimeVersion, IUnknown **ppManagedRuntimeHost);

class IWpfReferencedObject
{
  public:
    virtual ULONG AddRef() = 0;
    virtual ULONG Release() = 0;
};

class IWorkerProcessFramework : public IWpfReferencedObject
{
  public:
    virtual HRESULT GetWpfInterface(WPF_INTERFACE_ID_ENUM WpfInterfaceId, PVOID * ppInterface) = 0;
    virtual HRESULT GetCustomInterface(DWORD InterfaceId, PVOID * ppInterface) = 0;
    virtual HRESULT GetInterfaceVersion(PDWORD pdwMajorVersion, PDWORD pdwMinorVersion) = 0;
};

class IWpfApplicationInfoUtil : public IWpfReferencedObject
{
  public:
    virtual HRESULT GetApplicationPropertiesFromAppId(PCWSTR pszAppId, PWSTR pszVirtualPath, DWORD * pcchVirtualPath, DWORD * pdwSiteId) = 0;
};

class IWpfSettings : public IWpfReferencedObject
{
  public:
    virtual HRESULT GetDwordProperty(WPF_SETTINGS_DWORD_ENUM SettingId, DWORD * pdwSetting) = 0;
    virtual HRESULT GetUlonglongProperty(WPF_SETTINGS_ULONGLONG_ENUM SettingId, ULONGLONG * pSetting) = 0;
    virtual HRESULT GetStringProperty(WPF_SETTINGS_STRING_ENUM SettingId, PWSTR pszSetting, DWORD * pcchSetting) = 0;
    virtual HRESULT GetBoolProperty(WPF_SETTINGS_BOOL_ENUM SettingId, BOOL * pfSetting) = 0;
    virtual HRESULT GetHandleProperty(WPF_SETTINGS_HANDLE_ENUM SettingId, HANDLE * phSetting) = 0;
};

class IWpfActions : public IWpfReferencedObject
{
  public:
    virtual VOID RecycleWorkerProcess(PCWSTR pszReason) = 0;
    virtual VOID FailWorkerProcess(PCWSTR pszReason, HRESULT hrFailureToReport, BOOL fFailOnNextPing = FALSE) = 0;
};

class IWpfExposeProtocolManagerCustomInterface : public IWpfReferencedObject
{
  public:
    virtual HRESULT LoadProtocolManagerAndGetCustomInterface(PCWSTR pProtocolManagerDll, PCWSTR pProtocolManagerDllInitFunction, DWORD dwCustomInterfaceId, PVOID * ppCustomInterface) = 0;
};

class IProtocolManager : public IWpfReferencedObject
{
  public:
    virtual HRESULT GetPmInterface(PM_INTERFACE_ID_ENUM PmInterfaceId, PVOID * ppInterface) = 0;
    virtual HRESULT GetCustomInterface(DWORD InterfaceId, PVOID * ppInterface) = 0;
    virtual HRESULT Shutdown(BOOL fImmediate) = 0;
};

class IHealthStatusCallback : public IWpfReferencedObject
{
  public:
    virtual HRESULT ReportHealth(BOOL fHealthy) = 0;
};

class IPmHealthAndIdleMonitor : public IWpfReferencedObject
{
  public:
    virtual HRESULT CheckIdle(BOOL * pfIdle) = 0;
    virtual HRESULT CheckHealth(IHealthStatusCallback * pIHealthStatusCallback) = 0;
};

class ICustomActionResultCallback : public IWpfReferencedObject
{
  public:
    virtual HRESULT ReportResult(HRESULT hrStatus, PBYTE pbResponse, DWORD cbResponse) = 0;
};

class ICustomAction2ResultCallback : public IWpfReferencedObject
{
  public:
    virtual HRESULT ReportResult(HRESULT hrStatus, BOOL fFinalResponse, PBYTE pbResponse, DWORD cbResponse) = 0;
};

class IWpfApplicationPreloadUtil : public IWpfReferencedObject
{
  public:
    virtual HRESULT GetApplicationPreloadInfo(PCWSTR pszConfigPath, BOOL * pfEnabled, BSTR * pbstrType, SAFEARRAY ** psaPreloadValues) = 0;
    virtual HRESULT ReportApplicationPreloadFailure(PCWSTR pszConfigPath, HRESULT hrFailureCode, PCWSTR pszErrorString) = 0;
};

class IPmApplicationPreload : public IWpfReferencedObject
{
  public:
    virtual HRESULT PreloadApplication(DWORD dwSiteId, PCWSTR pszAppConfigPath, BOOL fRecycledWorkerProcess = FALSE) = 0;
};

class IPmCustomActions : public IWpfReferencedObject
{
  public:
    virtual HRESULT RunCustomAction(PCWSTR pszFunctionName, PCWSTR pszFunctionArgs, ICustomActionResultCallback * pCompletionCallbackClass) = 0;
};

class IPmCustomActions2 : public IWpfReferencedObject
{
  public:
    virtual HRESULT RegisterCustomActionCallback(PCWSTR pszFunctionName, PCWSTR pszFunctionArgs, ICustomAction2ResultCallback * pCompletionCallbackClass) = 0;
    virtual HRESULT UnregisterCustomActionCallback(PCWSTR pszFunctionName) = 0;
};

class IWpfListenerChannelCallback : public IWpfReferencedObject
{
  public:
    virtual HRESULT ReportStarted() = 0;
    virtual HRESULT ReportStopped(HRESULT hr) = 0;
    virtual HRESULT ReportMessageReceived() = 0;
    virtual HRESULT GetId(DWORD * pdwListenerChannelId) = 0;
    virtual HRESULT GetBlob(PBYTE pBlob, DWORD * pcbBlob) = 0;
};

class IPmListenerChannelManager : public IWpfReferencedObject
{
  public:
    virtual HRESULT StartListenerChannel(PCWSTR protocolId, IWpfListenerChannelCallback * pListenerChannelCallback) = 0;
    virtual HRESULT StopListenerChannel(PCWSTR protocolId, IWpfListenerChannelCallback * pListenerChannelCallback, BOOL fImmediate) = 0;
};

class IPmIdleTimeOutAction : public IWpfReferencedObject
{
  public:
    virtual HRESULT SuspendProcess() = 0;
};

#endif /* _WP_FRAMEWORK_H_ */
