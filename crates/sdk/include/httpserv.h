/*
 * httpserv.h: the IIS native-module interfaces, for building modules off Windows with iissim.
 * Clean-room: written from ABI facts (class and method order, uuids, constants), not from
 * Microsoft's header. Licence: MIT OR Apache-2.0.
 */
#ifndef _HTTPSERV_H_
#define _HTTPSERV_H_

#include <windows.h>
#include <http.h>

/* The server passes strings as PCWSTR: wchar_t, UTF-32 off Windows (see windows.h). */

typedef VOID *HTTP_MODULE_ID;

class IAppHostAdminManager;
class IAppHostConfigException;
class IWorkerProcessFramework;
class IWpfSettings;
struct HTTP_TRACE_CONFIGURATION;
struct HTTP_TRACE_EVENT;

/*
 * Later interface versions add overloads that hide the earlier ones (IHttpRequest3's
 * ReadEntityBody), exactly as the IIS SDK declares them; that is not the module's problem.
 */
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Woverloaded-virtual"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

/* Every class, so that declaration order never matters to a signature. */
class IHttpStoredContext;
class IHttpModuleContextContainer;
class INamedContextContainer;
class IDispensedHttpModuleContextContainer;
class IHttpPerfCounterInfo;
class IHttpApplication;
class IHttpApplication2;
class IHttpUrlInfo;
class IScriptMapInfo;
class IMetadataInfo;
class IReferencedMetadataInfo;
class IHttpRequest;
class IHttpRequest2;
class IHttpRequest3;
class IHttpRequest4;
class IHttpCachePolicy;
class IHttpCachePolicy2;
class IHttpResponse;
class IHttpResponse2;
class IHttpResponse3;
class IHttpResponse4;
class IHttpUser;
class IHttpConnectionStoredContext;
class IHttpConnectionModuleContextContainer;
class IHttpConnection;
class IHttpContext;
class IHttpContext2;
class IHttpContext3;
class IHttpContext4;
class IHttpTraceContext;
class IHttpCacheKey;
class IHttpCacheSpecificData;
class IHttpSite;
class IHttpFileMonitor;
class IHttpFileInfo;
class IHttpTokenEntry;
class IHttpServer;
class IHttpServer2;
class IHttpServer3;
class IHttpEventProvider;
class IHttpCompletionInfo;
class IHttpCompletionInfo2;
class ICustomNotificationProvider;
class IAuthenticationProvider;
class IMapHandlerProvider;
class IMapPathProvider;
class ISendResponseProvider;
class IReadEntityProvider;
class IPreBeginRequestProvider;
class IHttpApplicationProvider;
class IHttpApplicationResolveModulesProvider;
class IGlobalRSCAQueryProvider;
class IGlobalStopListeningProvider;
class ICacheProvider;
class IGlobalConfigurationChangeProvider;
class IGlobalFileChangeProvider;
class IGlobalTraceEventProvider;
class IGlobalThreadCleanupProvider;
class IGlobalApplicationPreloadProvider;
class IGlobalApplicationPreloadProvider2;
class IGlobalSuspendProcessCallback;
class CHttpModule;
class CGlobalModule;
class IModuleAllocator;
class IHttpModuleFactory;
class IHttpModuleRegistrationInfo;
class IHttpModuleRegistrationInfo2;

#define RQ_BEGIN_REQUEST                          0x00000001
#define RQ_AUTHENTICATE_REQUEST                   0x00000002
#define RQ_AUTHORIZE_REQUEST                      0x00000004
#define RQ_RESOLVE_REQUEST_CACHE                  0x00000008
#define RQ_MAP_REQUEST_HANDLER                    0x00000010
#define RQ_ACQUIRE_REQUEST_STATE                  0x00000020
#define RQ_PRE_EXECUTE_REQUEST_HANDLER            0x00000040
#define RQ_EXECUTE_REQUEST_HANDLER                0x00000080
#define RQ_RELEASE_REQUEST_STATE                  0x00000100
#define RQ_UPDATE_REQUEST_CACHE                   0x00000200
#define RQ_LOG_REQUEST                            0x00000400
#define RQ_END_REQUEST                            0x00000800
#define RQ_SEND_RESPONSE_STATUS_AND_HEADERS       0x08000000
#define RQ_CUSTOM_NOTIFICATION                    0x10000000
#define RQ_SEND_RESPONSE                          0x20000000
#define RQ_READ_ENTITY                            0x40000000
#define RQ_MAP_PATH                               0x80000000
#define GL_STOP_LISTENING                         0x00000002
#define GL_CACHE_CLEANUP                          0x00000004
#define GL_CACHE_OPERATION                        0x00000010
#define GL_HEALTH_CHECK                           0x00000020
#define GL_CONFIGURATION_CHANGE                   0x00000040
#define GL_FILE_CHANGE                            0x00000080
#define GL_PRE_BEGIN_REQUEST                      0x00000100
#define GL_APPLICATION_START                      0x00000200
#define GL_APPLICATION_RESOLVE_MODULES            0x00000400
#define GL_APPLICATION_STOP                       0x00000800
#define GL_RSCA_QUERY                             0x00001000
#define GL_TRACE_EVENT                            0x00002000
#define GL_CUSTOM_NOTIFICATION                    0x00004000
#define GL_THREAD_CLEANUP                         0x00008000
#define GL_APPLICATION_PRELOAD                    0x00010000
#define GL_SUSPEND_PROCESS                        0x00020000
#define PRIORITY_ALIAS_FIRST                      L"FIRST"
#define PRIORITY_ALIAS_HIGH                       L"HIGH"
#define PRIORITY_ALIAS_MEDIUM                     L"MEDIUM"
#define PRIORITY_ALIAS_LOW                        L"LOW"
#define PRIORITY_ALIAS_LAST                       L"LAST"
#define CLONE_FLAG_BASICS                         0x01
#define CLONE_FLAG_HEADERS                        0x02
#define CLONE_FLAG_ENTITY                         0x04
#define CLONE_FLAG_NO_PRECONDITION                0x08
#define CLONE_FLAG_NO_DAV                         0x10
#define CLONE_FLAG_USER_CACHE_VARY_BY             0x20
#define CLONE_FLAG_SERVER_VARIABLE                0x40
#define EXECUTE_FLAG_NO_HEADERS                   0x01
#define EXECUTE_FLAG_IGNORE_CURRENT_INTERCEPTOR   0x02
#define EXECUTE_FLAG_IGNORE_APPPOOL               0x04
#define EXECUTE_FLAG_DISABLE_CUSTOM_ERROR         0x08
#define EXECUTE_FLAG_SAME_URL                     0x10
#define EXECUTE_FLAG_BUFFER_RESPONSE              0x20
#define EXECUTE_FLAG_HTTP_CACHE_ELIGIBLE          0x40
#define HTTP_USER_VARIABLE_SID                    "SID"
#define HTTP_USER_VARIABLE_CTXT_HANDLE            "CtxtHandle"
#define HTTP_USER_VARIABLE_CRED_HANDLE            "CredHandle"
#define MODULE_REGISTERMODULE                     "RegisterModule"

typedef enum _REQUEST_NOTIFICATION_STATUS
{
    RQ_NOTIFICATION_CONTINUE = 0,
    RQ_NOTIFICATION_PENDING = 1,
    RQ_NOTIFICATION_FINISH_REQUEST = 2,
} REQUEST_NOTIFICATION_STATUS;

typedef enum _GLOBAL_NOTIFICATION_STATUS
{
    GL_NOTIFICATION_CONTINUE = 0,
    GL_NOTIFICATION_HANDLED = 1,
} GLOBAL_NOTIFICATION_STATUS;

typedef enum _CACHE_OPERATION
{
    CACHE_OPERATION_RETRIEVE = 0,
    CACHE_OPERATION_ADD = 1,
    CACHE_OPERATION_DELETE = 2,
    CACHE_OPERATION_FLUSH_PREFIX = 3,
    CACHE_OPERATION_ENUM = 4,
} CACHE_OPERATION;

typedef enum _HTTP_SERVER_INTERFACE_VERSION
{
    HTTP_SERVER_INTERFACE_V2 = 0,
    HTTP_SERVER_INTERFACE_V3 = 1,
} HTTP_SERVER_INTERFACE_VERSION;

typedef enum _HTTP_CONTEXT_INTERFACE_VERSION
{
} HTTP_CONTEXT_INTERFACE_VERSION;


typedef REQUEST_NOTIFICATION_STATUS (WINAPI *PFN_ASYNC_COMPLETION)(IHttpContext3 *pHttpContext,
                                                                  IHttpCompletionInfo2 *pCompletionInfo,
                                                                  VOID *pvCompletionContext);
typedef HRESULT (WINAPI *PFN_REGISTERMODULE)(DWORD dwServerVersion,
                                             IHttpModuleRegistrationInfo *pModuleInfo,
                                             IHttpServer *pGlobalInfo);
typedef IHttpApplicationProvider IHttpApplicationStartProvider;
typedef IHttpApplicationProvider IHttpApplicationStopProvider;

/* uuid of each interface, for HttpGetExtendedInterface and IHttpServer2::GetExtendedInterface */
template <class T> struct IissimUuidOf;
#define IISSIM_UUID(cls, l, w1, w2, b0, b1, b2, b3, b4, b5, b6, b7)                          \
    template <> struct IissimUuidOf<cls> {                                                 \
        static const GUID &value() {                                                       \
            static const GUID uuid = {l, w1, w2, {b0, b1, b2, b3, b4, b5, b6, b7}};         \
            return uuid;                                                                   \
        }                                                                                  \
    };
IISSIM_UUID(IHttpStoredContext, 0xf1927f76, 0x790e, 0x4ccb, 0xa7, 0x2e, 0x39, 0x6b, 0xdf, 0xda, 0xe0, 0x5d)
IISSIM_UUID(IHttpModuleContextContainer, 0xd7fad7c9, 0xaa27, 0x4ab9, 0xbd, 0x60, 0xe5, 0x5c, 0xcb, 0xa3, 0xf5, 0xdc)
IISSIM_UUID(INamedContextContainer, 0x16db6f7c, 0x1a94, 0x47ca, 0xa8, 0xe8, 0xfe, 0xa6, 0x00, 0x5f, 0xf3, 0xba)
IISSIM_UUID(IDispensedHttpModuleContextContainer, 0x2ae49359, 0x95dd, 0x4e48, 0xae, 0x20, 0xc0, 0xcb, 0x9d, 0x0b, 0xc0, 0x3a)
IISSIM_UUID(IHttpPerfCounterInfo, 0xbdfc4c4a, 0x12a4, 0x4744, 0x87, 0xd8, 0x76, 0x5e, 0xb3, 0x20, 0xc5, 0x9f)
IISSIM_UUID(IHttpApplication, 0x3f75d9e6, 0x1075, 0x422c, 0xad, 0x89, 0x93, 0xa8, 0x5f, 0x2d, 0x7b, 0xdc)
IISSIM_UUID(IHttpApplication2, 0x311a3b7a, 0xb673, 0x4a1c, 0x83, 0x49, 0x2e, 0x98, 0xa2, 0x3c, 0xad, 0xcb)
IISSIM_UUID(IHttpUrlInfo, 0x7e0e6167, 0x0094, 0x49a1, 0x82, 0x87, 0xec, 0xf6, 0xdc, 0x6e, 0x73, 0xa6)
IISSIM_UUID(IScriptMapInfo, 0xd7fe3d77, 0x68bc, 0x4d4a, 0x85, 0x1f, 0xee, 0xc9, 0xfb, 0x68, 0x01, 0x7c)
IISSIM_UUID(IMetadataInfo, 0x48b10633, 0x825d, 0x495e, 0x93, 0xb0, 0x22, 0x53, 0x80, 0x05, 0x3e, 0x8e)
IISSIM_UUID(IReferencedMetadataInfo, 0x3fc5c336, 0x9ad7, 0x45ea, 0xaf, 0x2f, 0x31, 0xb5, 0x93, 0x02, 0xc9, 0xfe)
IISSIM_UUID(IHttpRequest, 0xe8698f7e, 0x576e, 0x4cac, 0xa3, 0x09, 0x67, 0x43, 0x53, 0x55, 0xfa, 0xef)
IISSIM_UUID(IHttpRequest2, 0xd9244ae1, 0x51f8, 0x4aa1, 0xa6, 0x6d, 0x19, 0x27, 0x7c, 0x33, 0xe6, 0x10)
IISSIM_UUID(IHttpRequest3, 0xb32e4e0f, 0x4057, 0x4feb, 0xae, 0xab, 0x7b, 0x69, 0xc0, 0x3c, 0x63, 0x14)
IISSIM_UUID(IHttpRequest4, 0x3816f517, 0xf631, 0x49f0, 0x8b, 0x51, 0x16, 0xd6, 0xf0, 0xc6, 0xff, 0xb2)
IISSIM_UUID(IHttpCachePolicy, 0xcb1c40ca, 0x70f2, 0x41a0, 0xad, 0xd2, 0x88, 0x1f, 0x5e, 0xf5, 0x73, 0x88)
IISSIM_UUID(IHttpCachePolicy2, 0x9f4ba807, 0x050e, 0x4495, 0xae, 0x55, 0x88, 0x70, 0xf7, 0xe9, 0x19, 0x4a)
IISSIM_UUID(IHttpResponse, 0x7e1c6b38, 0x628f, 0x4e6c, 0x95, 0xdc, 0x41, 0x23, 0x7e, 0xb7, 0xf9, 0x5e)
IISSIM_UUID(IHttpResponse2, 0x0822c871, 0xf14e, 0x4974, 0xa1, 0xe6, 0x5b, 0x3c, 0x1f, 0x09, 0xb7, 0x6a)
IISSIM_UUID(IHttpResponse3, 0x19578e49, 0xd080, 0x45da, 0xb6, 0x73, 0x96, 0xcb, 0x47, 0x5d, 0x3c, 0x5d)
IISSIM_UUID(IHttpResponse4, 0x1a2acc57, 0xcae2, 0x4f28, 0xb4, 0xab, 0x00, 0xc8, 0xf9, 0x6b, 0x12, 0xec)
IISSIM_UUID(IHttpUser, 0x8059e6f8, 0x10ce, 0x4d61, 0xb4, 0x7e, 0x5a, 0x1d, 0x8d, 0x9a, 0x8b, 0x67)
IISSIM_UUID(IHttpConnectionStoredContext, 0x841d9a71, 0x75f4, 0x4626, 0x8b, 0x97, 0x66, 0x04, 0x6c, 0xa7, 0xe4, 0x5b)
IISSIM_UUID(IHttpConnectionModuleContextContainer, 0xf3dd2fb3, 0x4d11, 0x4295, 0xb8, 0xab, 0x4c, 0xb6, 0x67, 0xad, 0xd1, 0xfe)
IISSIM_UUID(IHttpConnection, 0xd9a5de00, 0x3346, 0x4599, 0x98, 0x26, 0xfe, 0x88, 0x56, 0x5e, 0x12, 0x26)
IISSIM_UUID(IHttpContext, 0x424c1b8c, 0xa1ba, 0x44d7, 0xac, 0x98, 0x9f, 0x8f, 0x45, 0x77, 0x01, 0xa5)
IISSIM_UUID(IHttpContext2, 0xc986182c, 0xcf4a, 0x4482, 0x82, 0x05, 0x0d, 0xbb, 0xc1, 0xfd, 0x6c, 0xee)
IISSIM_UUID(IHttpContext3, 0xbf53c022, 0xca4b, 0x4349, 0xa3, 0x8e, 0xa4, 0xb7, 0x8a, 0xd8, 0x97, 0xfb)
IISSIM_UUID(IHttpContext4, 0x2c9463d8, 0x4ec4, 0x4622, 0x89, 0x17, 0xd4, 0x86, 0x32, 0x1a, 0x94, 0x43)
IISSIM_UUID(IHttpTraceContext, 0x9f9098d5, 0x915c, 0x4294, 0xa5, 0x2e, 0x66, 0x53, 0x2a, 0x23, 0x2b, 0xc9)
IISSIM_UUID(IHttpCacheKey, 0xcdef2aad, 0x20b3, 0x4512, 0xb1, 0xb1, 0x09, 0x4b, 0x38, 0x44, 0xae, 0xb2)
IISSIM_UUID(IHttpCacheSpecificData, 0x37776aff, 0x852e, 0x4eec, 0x93, 0xa5, 0xb8, 0x5a, 0x28, 0x5a, 0x95, 0xb8)
IISSIM_UUID(IHttpSite, 0xeb16a6ec, 0xba5d, 0x436f, 0xbf, 0x24, 0x3e, 0xde, 0x13, 0x90, 0x64, 0x50)
IISSIM_UUID(IHttpFileMonitor, 0x985422da, 0xb0cf, 0x473b, 0xba, 0x9e, 0x81, 0x48, 0xce, 0xb3, 0xe2, 0x40)
IISSIM_UUID(IHttpFileInfo, 0x71e95595, 0x8c74, 0x44d9, 0x88, 0xa9, 0xf5, 0x11, 0x2d, 0x5f, 0x59, 0x00)
IISSIM_UUID(IHttpTokenEntry, 0xfd86e6de, 0xfb0e, 0x47dd, 0x82, 0x0a, 0xe0, 0xda, 0x12, 0xbe, 0x46, 0xe9)
IISSIM_UUID(IHttpServer, 0xeda2a40f, 0xfb92, 0x4d6d, 0xb5, 0x2b, 0xc8, 0xc2, 0x07, 0x38, 0x0b, 0x4e)
IISSIM_UUID(IHttpServer2, 0x34af637e, 0xafe8, 0x4556, 0xbc, 0xc1, 0x76, 0x7f, 0x8e, 0x0b, 0x4a, 0x4e)
IISSIM_UUID(IHttpServer3, 0xf7a66d59, 0xc0a2, 0x48b5, 0xa8, 0x8f, 0xbe, 0x59, 0x75, 0xc9, 0x60, 0xfb)
IISSIM_UUID(IHttpEventProvider, 0x6f3f657d, 0x2fb8, 0x43c6, 0xa0, 0x96, 0x50, 0x64, 0xb4, 0x1f, 0x05, 0x80)
IISSIM_UUID(IHttpCompletionInfo, 0x49dd20e3, 0xd9c0, 0x463c, 0x88, 0x21, 0xf3, 0x41, 0x3b, 0x55, 0xcc, 0x00)
IISSIM_UUID(IHttpCompletionInfo2, 0x53129f70, 0x0196, 0x47ec, 0xb1, 0x6c, 0x12, 0x79, 0x06, 0xe2, 0xaf, 0xeb)
IISSIM_UUID(ICustomNotificationProvider, 0x671e6d34, 0x9380, 0x4df4, 0xb4, 0x53, 0x91, 0x12, 0x9d, 0xf0, 0x2b, 0x24)
IISSIM_UUID(IAuthenticationProvider, 0x304d51d0, 0x0307, 0x45ed, 0x83, 0xfd, 0xdd, 0x3f, 0xc0, 0x32, 0xfd, 0xfc)
IISSIM_UUID(IMapHandlerProvider, 0xfea3ce6b, 0xe346, 0x47e7, 0xb2, 0xa6, 0xad, 0x26, 0x5b, 0xae, 0xff, 0x2c)
IISSIM_UUID(IMapPathProvider, 0x8efdf557, 0xa8f1, 0x4bc9, 0xb4, 0x62, 0x6d, 0xf3, 0xb0, 0x38, 0xa5, 0x9a)
IISSIM_UUID(ISendResponseProvider, 0x57f2e7bc, 0x0bcf, 0x4a9f, 0x94, 0xa4, 0x10, 0xe5, 0x5c, 0x6e, 0x5b, 0x51)
IISSIM_UUID(IReadEntityProvider, 0xfe6d905a, 0x99b8, 0x49fd, 0xb3, 0x89, 0xcf, 0xc8, 0x09, 0x56, 0x2b, 0x81)
IISSIM_UUID(IPreBeginRequestProvider, 0xfb715d26, 0xaff9, 0x476a, 0x8f, 0xc0, 0x6b, 0x1a, 0xcb, 0x3d, 0x10, 0x98)
IISSIM_UUID(IHttpApplicationProvider, 0x1de2c71c, 0xc126, 0x4512, 0xae, 0xd3, 0xf4, 0xf8, 0x85, 0xe1, 0x49, 0x97)
IISSIM_UUID(IHttpApplicationResolveModulesProvider, 0x0617d9b9, 0xe20f, 0x4a9f, 0x94, 0xf9, 0x35, 0x40, 0x3b, 0x3b, 0xe0, 0x1e)
IISSIM_UUID(IGlobalRSCAQueryProvider, 0x63fdc43f, 0x934a, 0x4ee5, 0xbc, 0xd8, 0x7e, 0x7b, 0x50, 0xb7, 0x56, 0x05)
IISSIM_UUID(IGlobalStopListeningProvider, 0x41f9a601, 0xe25d, 0x4ac8, 0x8a, 0x1f, 0x63, 0x56, 0x98, 0xa3, 0x0a, 0xb9)
IISSIM_UUID(ICacheProvider, 0x58925fb9, 0x7c5e, 0x4684, 0x83, 0x3b, 0x4a, 0x04, 0xe1, 0x28, 0x66, 0x90)
IISSIM_UUID(IGlobalConfigurationChangeProvider, 0x3405f3b4, 0xb3d6, 0x4b73, 0xb5, 0xf5, 0x4d, 0x8a, 0x3c, 0xc6, 0x42, 0xce)
IISSIM_UUID(IGlobalFileChangeProvider, 0xece31ee5, 0x0486, 0x4fb0, 0xa8, 0x75, 0x67, 0x39, 0xa2, 0xd7, 0xda, 0xf5)
IISSIM_UUID(IGlobalTraceEventProvider, 0x7c6bb150, 0x0310, 0x4718, 0xa0, 0x1f, 0x6f, 0xac, 0xeb, 0x62, 0xdc, 0x1d)
IISSIM_UUID(IGlobalThreadCleanupProvider, 0x6b36a149, 0x8620, 0x45a0, 0x81, 0x97, 0x00, 0x81, 0x4a, 0x70, 0x6e, 0x2e)
IISSIM_UUID(IGlobalApplicationPreloadProvider, 0x2111f8d6, 0x0c41, 0x4ff7, 0xbd, 0x45, 0x5c, 0x04, 0xc7, 0xe9, 0x1a, 0x73)
IISSIM_UUID(IGlobalApplicationPreloadProvider2, 0x251db2dd, 0x81e7, 0x44ce, 0xae, 0x02, 0x46, 0x52, 0x9f, 0x2d, 0x71, 0xea)
IISSIM_UUID(IGlobalSuspendProcessCallback, 0x7fd8f303, 0x1031, 0x4e50, 0x91, 0x8a, 0xb7, 0xb9, 0x16, 0xfd, 0x6c, 0x54)
IISSIM_UUID(IModuleAllocator, 0x85c1679c, 0x0b21, 0x491c, 0xaf, 0xb5, 0xc7, 0xb5, 0xc8, 0x64, 0x64, 0xc4)
IISSIM_UUID(IHttpModuleFactory, 0xba32d330, 0x9ea8, 0x4b9e, 0x89, 0xf1, 0x8c, 0x76, 0xa3, 0x23, 0x27, 0x7f)
IISSIM_UUID(IHttpModuleRegistrationInfo, 0x07e5beb3, 0xb798, 0x459d, 0xa9, 0x8a, 0xe6, 0xc4, 0x85, 0xb2, 0xb3, 0xbc)
IISSIM_UUID(IHttpModuleRegistrationInfo2, 0x4fd11cbf, 0x8cc5, 0x418e, 0x80, 0x00, 0xc9, 0xe7, 0x65, 0xf8, 0x85, 0x33)

class IHttpStoredContext
{
  public:
    virtual VOID CleanupStoredContext() = 0;
};

class IHttpModuleContextContainer
{
  public:
    virtual IHttpStoredContext * GetModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetModuleContext(IHttpStoredContext * ppStoredContext, HTTP_MODULE_ID moduleId) = 0;
};

class INamedContextContainer
{
  public:
    virtual IHttpStoredContext * GetNamedContext(LPCWSTR szName) = 0;
    virtual HRESULT SetNamedContext(IHttpStoredContext * ppStoredContext, LPCWSTR szName) = 0;
};

class IDispensedHttpModuleContextContainer : public IHttpModuleContextContainer
{
  public:
    virtual VOID ReleaseContainer() = 0;
};

class IHttpPerfCounterInfo
{
  public:
    virtual VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;
    virtual VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;
};

class IHttpApplication
{
  public:
    virtual PCWSTR GetApplicationPhysicalPath() const = 0;
    virtual PCWSTR GetApplicationId() const = 0;
    virtual PCWSTR GetAppConfigPath() const = 0;
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
};

class IHttpApplication2 : public IHttpApplication
{
  public:
    virtual VOID BeginApplicationWarmup() = 0;
    virtual VOID EndApplicationWarmup() = 0;
    virtual BOOL QueryIsWarmingUp() = 0;
};

class IHttpUrlInfo
{
  public:
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
    virtual BOOL IsFrequentlyHit() const = 0;
};

class IScriptMapInfo
{
  public:
    virtual PCWSTR GetPath() const = 0;
    virtual PCSTR GetAllowedVerbs() const = 0;
    virtual PCWSTR GetModules(DWORD * pcchModules = NULL) const = 0;
    virtual PCWSTR GetScriptProcessor(DWORD * pcchScriptProcessor = NULL) const = 0;
    virtual PCWSTR GetManagedType(DWORD * pcchManagedType = NULL) const = 0;
    virtual BOOL GetAllowPathInfoForScriptMappings() const = 0;
    virtual DWORD GetRequiredAccess() const = 0;
    virtual DWORD GetResourceType() const = 0;
    virtual BOOL GetIsStarScriptMap() const = 0;
    virtual DWORD GetResponseBufferLimit() const = 0;
    virtual PCWSTR GetName() const = 0;
};

class IMetadataInfo
{
  public:
    virtual PCWSTR GetMetaPath() const = 0;
    virtual PCWSTR GetVrPath() const = 0;
    virtual IHttpTokenEntry * GetVrToken() = 0;
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
};

class IReferencedMetadataInfo : public IMetadataInfo
{
  public:
    virtual VOID ReferenceMetadata() = 0;
    virtual VOID DereferenceMetadata() = 0;
};

class IHttpRequest
{
  public:
    virtual HTTP_REQUEST * GetRawHttpRequest() = 0;
    virtual const HTTP_REQUEST * GetRawHttpRequest() const = 0;
    virtual PCSTR GetHeader(PCSTR pszHeaderName, USHORT * pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT * pcchHeaderValue = NULL) const = 0;
    virtual HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT DeleteHeader(PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) = 0;
    virtual PCSTR GetHttpMethod() const = 0;
    virtual HRESULT SetHttpMethod(PCSTR pszHttpMethod) = 0;
    virtual HRESULT SetUrl(PCWSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) = 0;
    virtual HRESULT SetUrl(PCSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) = 0;
    virtual BOOL GetUrlChanged() const = 0;
    virtual PCWSTR GetForwardedUrl() const = 0;
    virtual PSOCKADDR GetLocalAddress() const = 0;
    virtual PSOCKADDR GetRemoteAddress() const = 0;
    virtual HRESULT ReadEntityBody(VOID * pvBuffer, DWORD cbBuffer, BOOL fAsync, DWORD * pcbBytesReceived, BOOL * pfCompletionPending = NULL) = 0;
    virtual HRESULT InsertEntityBody(VOID * pvBuffer, DWORD cbBuffer) = 0;
    virtual DWORD GetRemainingEntityBytes() = 0;
    virtual VOID GetHttpVersion(USHORT * pMajorVersion, USHORT * pMinorVersion) const = 0;
    virtual HRESULT GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO ** ppClientCertInfo, BOOL * pfClientCertNegotiated) = 0;
    virtual HRESULT NegotiateClientCertificate(BOOL fAsync, BOOL * pfCompletionPending = NULL) = 0;
    virtual DWORD GetSiteId() const = 0;
    virtual HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD * pdwNewChangeNumber, PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum], DWORD * pdwUnknownHeaderSnapshot, PCSTR ** ppUnknownHeaderNameSnapshot, PCSTR ** ppUnknownHeaderValueSnapshot, DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum+1], DWORD * pdwDiffedUnknownHeaders, DWORD ** ppDiffedUnknownHeaderIndices) = 0;
};

class IHttpRequest2 : public IHttpRequest
{
  public:
    virtual HRESULT GetChannelBindingToken(PBYTE * ppToken, DWORD * pTokenSize) = 0;
};

class IHttpRequest3 : public IHttpRequest2
{
  public:
    virtual HRESULT ReadEntityBody(VOID * pvBuffer, DWORD cbBuffer, BOOL fAsync, PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID * pvCompletionContext, DWORD * pcbBytesReceived, BOOL * pfCompletionPending = NULL) = 0;
};

class IHttpRequest4 : public IHttpRequest3
{
  public:
    virtual HRESULT ReadEntityBody(VOID * pvBuffer, DWORD cbBuffer, BOOL fAsync, ULONG ulFlags, DWORD * pcbBytesReceived, BOOL * pfCompletionPending = NULL) = 0;
};

class IHttpCachePolicy
{
  public:
    virtual HTTP_CACHE_POLICY * GetKernelCachePolicy() = 0;
    virtual VOID SetKernelCacheInvalidatorSet() = 0;
    virtual HTTP_CACHE_POLICY * GetUserCachePolicy() = 0;
    virtual HRESULT AppendVaryByHeader(PCSTR pszHeader) = 0;
    virtual PCSTR GetVaryByHeaders() const = 0;
    virtual HRESULT AppendVaryByQueryString(PCSTR pszParam) = 0;
    virtual PCSTR GetVaryByQueryStrings() const = 0;
    virtual HRESULT SetVaryByValue(PCSTR pszValue) = 0;
    virtual PCSTR GetVaryByValue() const = 0;
    virtual BOOL IsUserCacheEnabled() const = 0;
    virtual VOID DisableUserCache() = 0;
    virtual BOOL IsCached() const = 0;
    virtual VOID SetIsCached() = 0;
    virtual BOOL GetKernelCacheInvalidatorSet() const = 0;
};

class IHttpCachePolicy2 : public IHttpCachePolicy
{
  public:
    virtual BOOL IsForceUpdateSet() const = 0;
    virtual VOID SetForceUpdate() = 0;
};

class IHttpResponse
{
  public:
    virtual HTTP_RESPONSE * GetRawHttpResponse() = 0;
    virtual const HTTP_RESPONSE * GetRawHttpResponse() const = 0;
    virtual IHttpCachePolicy * GetCachePolicy() = 0;
    virtual HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus = 0, HRESULT hrErrorToReport = S_OK, IAppHostConfigException * pException = NULL, BOOL fTrySkipCustomErrors = FALSE) = 0;
    virtual HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT DeleteHeader(PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) = 0;
    virtual PCSTR GetHeader(PCSTR pszHeaderName, USHORT * pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT * pcchHeaderValue = NULL) const = 0;
    virtual VOID Clear() = 0;
    virtual VOID ClearHeaders() = 0;
    virtual VOID SetNeedDisconnect() = 0;
    virtual VOID ResetConnection() = 0;
    virtual VOID DisableKernelCache(ULONG reason = 9) = 0;
    virtual BOOL GetKernelCacheEnabled() const = 0;
    virtual VOID SuppressHeaders() = 0;
    virtual BOOL GetHeadersSuppressed() const = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD * pcbSent, BOOL * pfCompletionExpected = NULL) = 0;
    virtual HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode = TRUE, BOOL fIncludeParameters = FALSE) = 0;
    virtual HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK * pDataChunk, LONG lInsertPosition = -1) = 0;
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK * pDataChunks, DWORD nChunks, BOOL fAsync, BOOL fMoreData, DWORD * pcbSent, BOOL * pfCompletionExpected = NULL) = 0;
    virtual VOID DisableBuffering() = 0;
    virtual VOID GetStatus(USHORT * pStatusCode, USHORT * pSubStatus = NULL, PCSTR * ppszReason = NULL, USHORT * pcchReason = NULL, HRESULT * phrErrorToReport = NULL, PCWSTR * ppszModule = NULL, DWORD * pdwNotification = NULL, IAppHostConfigException ** ppException = NULL, BOOL * pfTrySkipCustomErrors = NULL) = 0;
    virtual HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription, BOOL fHtmlEncode = TRUE) = 0;
    virtual PCWSTR GetErrorDescription(DWORD * pcchDescription = NULL) = 0;
    virtual HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD * pdwNewChangeNumber, PCSTR knownHeaderSnapshot[HttpHeaderResponseMaximum], DWORD * pdwUnknownHeaderSnapshot, PCSTR ** ppUnknownHeaderNameSnapshot, PCSTR ** ppUnknownHeaderValueSnapshot, DWORD diffedKnownHeaderIndices[HttpHeaderResponseMaximum+1], DWORD * pdwDiffedUnknownHeaders, DWORD ** ppDiffedUnknownHeaderIndices) = 0;
    virtual VOID CloseConnection() = 0;
};

class IHttpResponse2 : public IHttpResponse
{
  public:
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK * pDataChunks, DWORD nChunks, BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID * pvCompletionContext, DWORD * pcbSent, BOOL * pfCompletionExpected = NULL) = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID * pvCompletionContext, DWORD * pcbSent, BOOL * pfCompletionExpected = NULL) = 0;
};

class IHttpResponse3 : public IHttpResponse2
{
  public:
    virtual HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders, PCSTR * rgHeaderNames, PCSTR * rgHeaderValues) = 0;
};

class IHttpResponse4 : public IHttpResponse3
{
  public:
    virtual HRESULT DeleteTrailer(PCSTR pszHeaderName) = 0;
    virtual PCSTR GetTrailer(PCSTR pszHeaderName, USHORT * pcchHeaderValue = NULL) const = 0;
    virtual VOID ResetStream(ULONG errorCode) = 0;
    virtual VOID SetNeedGoAway() = 0;
    virtual HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) = 0;
};

class IHttpUser
{
  public:
    virtual PCWSTR GetRemoteUserName() = 0;
    virtual PCWSTR GetUserName() = 0;
    virtual PCWSTR GetAuthenticationType() = 0;
    virtual PCWSTR GetPassword() = 0;
    virtual HANDLE GetImpersonationToken() = 0;
    virtual HANDLE GetPrimaryToken() = 0;
    virtual VOID ReferenceUser() = 0;
    virtual VOID DereferenceUser() = 0;
    virtual BOOL SupportsIsInRole() = 0;
    virtual HRESULT IsInRole(PCWSTR pszRoleName, BOOL * pfInRole) = 0;
    virtual PVOID GetUserVariable(PCSTR pszVariableName) = 0;
};

class IHttpConnectionStoredContext : public IHttpStoredContext
{
  public:
    virtual VOID NotifyDisconnect() = 0;
};

class IHttpConnectionModuleContextContainer : public IHttpModuleContextContainer
{
  public:
    virtual IHttpConnectionStoredContext * GetConnectionModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext * ppStoredContext, HTTP_MODULE_ID moduleId) = 0;
};

class IHttpConnection
{
  public:
    virtual BOOL IsConnected() const = 0;
    virtual VOID * AllocateMemory(DWORD cbAllocation) = 0;
    virtual IHttpConnectionModuleContextContainer * GetModuleContextContainer() = 0;
};

class IHttpContext
{
  public:
    virtual IHttpSite * GetSite() = 0;
    virtual IHttpApplication * GetApplication() = 0;
    virtual IHttpConnection * GetConnection() = 0;
    virtual IHttpRequest * GetRequest() = 0;
    virtual IHttpResponse * GetResponse() = 0;
    virtual BOOL GetResponseHeadersSent() const = 0;
    virtual IHttpUser * GetUser() const = 0;
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
    virtual VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) = 0;
    virtual HRESULT PostCompletion(DWORD cbBytes) = 0;
    virtual VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) = 0;
    virtual BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS status, DWORD * pdwNotification, BOOL * pfIsPostNotification, CHttpModule ** ppModuleInfo, IHttpEventProvider ** ppRequestOutput) = 0;
    virtual BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS status) = 0;
    virtual HRESULT ExecuteRequest(BOOL fAsync, IHttpContext * pHttpContext, DWORD dwExecuteFlags, IHttpUser * pHttpUser, BOOL * pfCompletionExpected = NULL) = 0;
    virtual DWORD GetExecuteFlags() const = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR * ppszValue, DWORD * pcchValueLength) = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR * ppszValue, DWORD * pcchValueLength) = 0;
    virtual HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) = 0;
    virtual VOID * AllocateRequestMemory(DWORD cbAllocation) = 0;
    virtual IHttpUrlInfo * GetUrlInfo() = 0;
    virtual IMetadataInfo * GetMetadata() = 0;
    virtual PCWSTR GetPhysicalPath(DWORD * pcchPhysicalPath = NULL) = 0;
    virtual PCWSTR GetScriptName(DWORD * pcchScriptName = NULL) const = 0;
    virtual PCWSTR GetScriptTranslated(DWORD * pcchScriptTranslated = NULL) = 0;
    virtual IScriptMapInfo * GetScriptMap() const = 0;
    virtual VOID SetRequestHandled() = 0;
    virtual IHttpFileInfo * GetFileInfo() const = 0;
    virtual HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD * pcbPhysicalPath) = 0;
    virtual HRESULT NotifyCustomNotification(ICustomNotificationProvider * pCustomOutput, BOOL * pfCompletionExpected) = 0;
    virtual IHttpContext * GetParentContext() const = 0;
    virtual IHttpContext * GetRootContext() const = 0;
    virtual HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext ** ppHttpContext) = 0;
    virtual HRESULT ReleaseClonedContext() = 0;
    virtual HRESULT GetCurrentExecutionStats(DWORD * pdwNotification, DWORD * pdwNotificationStartTickCount = NULL, PCWSTR * ppszModule = NULL, DWORD * pdwModuleStartTickCount = NULL, DWORD * pdwAsyncNotification = NULL, DWORD * pdwAsyncNotificationStartTickCount = NULL) const = 0;
    virtual IHttpTraceContext * GetTraceContext() const = 0;
    virtual HRESULT GetServerVarChanges(DWORD dwOldChangeNumber, DWORD * pdwNewChangeNumber, DWORD * pdwVariableSnapshot, PCSTR ** ppVariableNameSnapshot, PCWSTR ** ppVariableValueSnapshot, DWORD * pdwDiffedVariables, DWORD ** ppDiffedVariableIndices) = 0;
    virtual HRESULT CancelIo() = 0;
    virtual HRESULT MapHandler(DWORD dwSiteId, PCWSTR pszSiteName, PCWSTR pszUrl, PCSTR pszVerb, IScriptMapInfo ** ppScriptMap, BOOL fIgnoreWildcardMappings = FALSE) = 0;
    virtual HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION version, PVOID * ppInterface) = 0;
};

class IHttpContext2 : public IHttpContext
{
  public:
    virtual IHttpUser * GetOriginalUser() const = 0;
};

class IHttpContext3 : public IHttpContext2
{
  public:
    virtual INamedContextContainer * GetNamedContextContainer() = 0;
    virtual VOID EnableFullDuplex() = 0;
    virtual HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist = FALSE) = 0;
    virtual HRESULT PostCompletion(DWORD cbBytes, LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine, VOID * pvCompletionContext) = 0;
};

class IHttpContext4 : public IHttpContext3
{
  public:
    virtual ULONGLONG GetRequestStartTime() = 0;
    virtual ULONGLONG GetRequestElapsedTime() = 0;
};

class IHttpTraceContext
{
  public:
    virtual HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION * pHttpTraceConfiguration) = 0;
    virtual HRESULT SetTraceConfiguration(HTTP_MODULE_ID moduleId, HTTP_TRACE_CONFIGURATION * pHttpTraceConfiguration, DWORD cHttpTraceConfiguration = 1) = 0;
    virtual HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT * pTraceEvent) = 0;
    virtual LPCGUID GetTraceActivityId() = 0;
    virtual HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = NULL, HRESULT hrLastError = S_OK, UCHAR Level = 4) = 0;
};

class IHttpCacheKey
{
  public:
    virtual DWORD GetHash() const = 0;
    virtual PCWSTR GetCacheName() const = 0;
    virtual bool GetIsEqual(IHttpCacheKey * pCacheCompareKey) const = 0;
    virtual bool GetIsPrefix(IHttpCacheKey * pCacheCompareKey) const = 0;
    virtual VOID Enum(IHttpCacheSpecificData * pCacheData) = 0;
};

class IHttpCacheSpecificData
{
  public:
    virtual IHttpCacheKey * GetCacheKey() const = 0;
    virtual VOID ReferenceCacheData() = 0;
    virtual VOID DereferenceCacheData() = 0;
    virtual VOID ResetTTL() = 0;
    virtual VOID DecrementTTL(BOOL * pfTTLExpired) = 0;
    virtual VOID SetFlushed() = 0;
    virtual BOOL GetFlushed() const = 0;
};

class IHttpSite
{
  public:
    virtual DWORD GetSiteId() const = 0;
    virtual PCWSTR GetSiteName() const = 0;
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
    virtual IHttpPerfCounterInfo * GetPerfCounterInfo() = 0;
};

class IHttpFileMonitor
{
  public:
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
    virtual VOID DereferenceFileMonitor() = 0;
};

class IHttpFileInfo : public IHttpCacheSpecificData
{
  public:
    virtual DWORD GetAttributes() const = 0;
    virtual VOID GetSize(ULARGE_INTEGER * pliSize) const = 0;
    virtual const BYTE * GetFileBuffer() const = 0;
    virtual HANDLE GetFileHandle() const = 0;
    virtual PCWSTR GetFilePath() const = 0;
    virtual PCSTR GetETag(USHORT * pcchETag = NULL) const = 0;
    virtual VOID GetLastModifiedTime(FILETIME * pFileTime) const = 0;
    virtual PCSTR GetLastModifiedString() const = 0;
    virtual BOOL GetHttpCacheAllowed(DWORD * pSecondsToLive) const = 0;
    virtual HRESULT AccessCheck(HANDLE hUserToken, PSID pUserSid) = 0;
    virtual HANDLE GetVrToken() const = 0;
    virtual PCWSTR GetVrPath() const = 0;
    virtual IHttpModuleContextContainer * GetModuleContextContainer() = 0;
    virtual BOOL CheckIfFileHasChanged(HANDLE hUserToken) = 0;
};

class IHttpTokenEntry : public IHttpCacheSpecificData
{
  public:
    virtual HANDLE GetImpersonationToken() = 0;
    virtual HANDLE GetPrimaryToken() = 0;
    virtual PSID GetSid() = 0;
};

class IHttpServer
{
  public:
    virtual BOOL IsCommandLineLaunch() const = 0;
    virtual PCWSTR GetAppPoolName() const = 0;
    virtual HRESULT AssociateWithThreadPool(HANDLE hHandle, LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) = 0;
    virtual VOID IncrementThreadCount() = 0;
    virtual VOID DecrementThreadCount() = 0;
    virtual VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) = 0;
    virtual VOID RecycleProcess(PCWSTR pszReason) = 0;
    virtual IAppHostAdminManager * GetAdminManager() const = 0;
    virtual HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid, PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken, BOOL fCache, IHttpFileInfo ** ppFileInfo, IHttpTraceContext * pHttpTraceContext = NULL) = 0;
    virtual HRESULT FlushKernelCache(PCWSTR pszUrl) = 0;
    virtual HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey * pCacheKey, IHttpCacheSpecificData ** ppCacheSpecificData, IHttpTraceContext * pHttpTraceContext = NULL) = 0;
    virtual GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(ICustomNotificationProvider * pCustomOutput) = 0;
    virtual IHttpPerfCounterInfo * GetPerfCounterInfo() = 0;
    virtual VOID RecycleApplication(PCWSTR pszAppConfigPath) = 0;
    virtual VOID NotifyConfigurationChange(PCWSTR pszPath) = 0;
    virtual VOID NotifyFileChange(PCWSTR pszFileName) = 0;
    virtual IDispensedHttpModuleContextContainer * DispenseContainer() = 0;
    virtual HRESULT AddFragmentToCache(HTTP_DATA_CHUNK * pDataChunk, PCWSTR pszFragmentName) = 0;
    virtual HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE * pvBuffer, DWORD cbSize, DWORD * pcbCopied) = 0;
    virtual HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) = 0;
    virtual HRESULT GetWorkerProcessSettings(IWpfSettings ** ppWorkerProcessSettings) = 0;
    virtual HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll, PCWSTR pProtocolManagerDllInitFunction, DWORD dwCustomInterfaceId, PVOID * ppCustomInterface) = 0;
    virtual BOOL SatisfiesPrecondition(PCWSTR pszPrecondition, BOOL * pfUnknownPrecondition = NULL) const = 0;
    virtual IHttpTraceContext * GetTraceContext() const = 0;
    virtual HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken, IHttpFileMonitor ** ppFileMonitor) = 0;
    virtual HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version, PVOID * ppInterface) = 0;
};

class IHttpServer2 : public IHttpServer
{
  public:
    virtual HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod, IHttpTokenEntry ** ppTokenEntry, PCWSTR pszDefaultDomain = NULL, PSOCKADDR pSockAddr = NULL, IHttpTraceContext * pHttpTraceContext = NULL) = 0;
    virtual PCWSTR GetAppPoolConfigFile(DWORD * pcchConfigFilePath = NULL) const = 0;
    virtual HRESULT GetExtendedInterface(const GUID & Version1, PVOID pInput, const GUID & Version2, PVOID * ppOutput) = 0;
    virtual HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl, IReferencedMetadataInfo ** ppMetadataInfo) = 0;
    virtual HRESULT GetWorkerProcessFramework(IWorkerProcessFramework ** ppWorkerProcessFramework) = 0;
};

class IHttpServer3 : public IHttpServer2
{
  public:
    virtual HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId, PVOID pQualifier, ULONG qualifierSize, PVOID pOutput, ULONG outputBufferSize, PULONG pcbBytesReturned, LPOVERLAPPED pOverlapped) = 0;
};

class IHttpEventProvider
{
  public:
    virtual VOID SetErrorStatus(HRESULT hrError) = 0;
};

class IHttpCompletionInfo
{
  public:
    virtual DWORD GetCompletionBytes() const = 0;
    virtual HRESULT GetCompletionStatus() const = 0;
};

class IHttpCompletionInfo2 : public IHttpCompletionInfo
{
  public:
    virtual DWORD GetCompletedOperation() const = 0;
};

class ICustomNotificationProvider : public IHttpEventProvider
{
  public:
    virtual PCWSTR QueryNotificationType() = 0;
};

class IAuthenticationProvider : public IHttpEventProvider
{
  public:
    virtual VOID SetUser(IHttpUser * pUser) = 0;
};

class IMapHandlerProvider : public IHttpEventProvider
{
  public:
    virtual HRESULT SetScriptName(PCWSTR pszScriptName, DWORD cchScriptName) = 0;
    virtual VOID SetScriptMap(IScriptMapInfo * pScriptMap) = 0;
    virtual VOID SetFileInfo(IHttpFileInfo * pFileInfo) = 0;
};

class IMapPathProvider : public IHttpEventProvider
{
  public:
    virtual PCWSTR GetUrl() const = 0;
    virtual PCWSTR GetPhysicalPath() const = 0;
    virtual HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) = 0;
};

class ISendResponseProvider : public IHttpEventProvider
{
  public:
    virtual BOOL GetHeadersBeingSent() const = 0;
    virtual DWORD GetFlags() const = 0;
    virtual VOID SetFlags(DWORD dwFlags) = 0;
    virtual HTTP_LOG_DATA * GetLogData() const = 0;
    virtual HRESULT SetLogData(HTTP_LOG_DATA * pLogData) = 0;
    virtual BOOL GetReadyToLogData() const = 0;
};

class IReadEntityProvider : public IHttpEventProvider
{
  public:
    virtual VOID GetEntity(PVOID * ppBuffer, DWORD * pcbData, DWORD * pcbBuffer) = 0;
    virtual VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) = 0;
};

class IPreBeginRequestProvider : public IHttpEventProvider
{
  public:
    virtual IHttpContext * GetHttpContext() = 0;
};

class IHttpApplicationProvider : public IHttpEventProvider
{
  public:
    virtual IHttpApplication * GetApplication() = 0;
};

class IHttpApplicationResolveModulesProvider : public IHttpApplicationProvider
{
  public:
    virtual HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId, IHttpModuleFactory * pModuleFactory, PCWSTR pszModuleName, PCWSTR pszModuleType, PCWSTR pszModulePreCondition, DWORD dwRequestNotifications, DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName, DWORD dwRequestNotification, PCWSTR pszPriorityAlias) = 0;
};

class IGlobalRSCAQueryProvider : public IHttpEventProvider
{
  public:
    virtual PCWSTR GetFunctionName() const = 0;
    virtual PCWSTR GetFunctionParameters() const = 0;
    virtual HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE ** ppbBuffer) = 0;
    virtual HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy, BYTE ** ppbBuffer) = 0;
    virtual VOID SetResult(DWORD cbData, HRESULT hr) = 0;
};

class IGlobalStopListeningProvider : public IHttpEventProvider
{
  public:
    virtual BOOL DrainRequestsGracefully() const = 0;
};

class ICacheProvider : public IHttpEventProvider
{
  public:
    virtual CACHE_OPERATION GetCacheOperation() const = 0;
    virtual IHttpCacheKey * GetCacheKey() const = 0;
    virtual IHttpCacheSpecificData * GetCacheRecord() const = 0;
    virtual VOID SetCacheRecord(IHttpCacheSpecificData * pCacheRecord) = 0;
    virtual IHttpTraceContext * GetTraceContext() const = 0;
};

class IGlobalConfigurationChangeProvider : public IHttpEventProvider
{
  public:
    virtual PCWSTR GetChangePath() const = 0;
};

class IGlobalFileChangeProvider : public IHttpEventProvider
{
  public:
    virtual PCWSTR GetFileName() const = 0;
    virtual IHttpFileMonitor * GetFileMonitor() = 0;
};

class IGlobalTraceEventProvider : public IHttpEventProvider
{
  public:
    virtual HRESULT GetTraceEvent(HTTP_TRACE_EVENT ** ppTraceEvent) = 0;
    virtual BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) = 0;
    virtual HRESULT GetCurrentHttpRequestContext(IHttpContext ** ppHttpContext) = 0;
};

class IGlobalThreadCleanupProvider : public IHttpEventProvider
{
  public:
    virtual IHttpApplication * GetApplication() = 0;
};

class IGlobalApplicationPreloadProvider : public IHttpEventProvider
{
  public:
    virtual HRESULT CreateContext(IHttpContext ** ppHttpContext) = 0;
    virtual HRESULT ExecuteRequest(IHttpContext * pHttpContext, IHttpUser * pHttpUser) = 0;
};

class IGlobalApplicationPreloadProvider2 : public IGlobalApplicationPreloadProvider
{
  public:
    virtual BOOL IsProcessRecycled() const = 0;
};

class IGlobalSuspendProcessCallback : public IHttpEventProvider
{
  public:
    virtual HRESULT Resume() = 0;
};

class CHttpModule
{
  public:
    virtual REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnBeginRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostBeginRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostBeginRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext * pHttpContext, IAuthenticationProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnAuthenticateRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostAuthenticateRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostAuthenticateRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnAuthorizeRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnAuthorizeRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostAuthorizeRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostAuthorizeRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnResolveRequestCache(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnResolveRequestCache called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostResolveRequestCache(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostResolveRequestCache called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnMapRequestHandler(IHttpContext * pHttpContext, IMapHandlerProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnMapRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostMapRequestHandler(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostMapRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnAcquireRequestState(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnAcquireRequestState called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostAcquireRequestState(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostAcquireRequestState called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPreExecuteRequestHandler(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPreExecuteRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostPreExecuteRequestHandler(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostPreExecuteRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnExecuteRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostExecuteRequestHandler(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostExecuteRequestHandler called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnReleaseRequestState(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnReleaseRequestState called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostReleaseRequestState(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostReleaseRequestState called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnUpdateRequestCache(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnUpdateRequestCache called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostUpdateRequestCache(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostUpdateRequestCache called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnLogRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostLogRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostLogRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnEndRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnPostEndRequest(IHttpContext * pHttpContext, IHttpEventProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnPostEndRequest called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext * pHttpContext, ISendResponseProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnSendResponse called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnMapPath(IHttpContext * pHttpContext, IMapPathProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnMapPath called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnReadEntity(IHttpContext * pHttpContext, IReadEntityProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnReadEntity called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnCustomRequestNotification(IHttpContext * pHttpContext, ICustomNotificationProvider * pProvider)
    { (void)pHttpContext; (void)pProvider;
        OutputDebugStringA("iissim: CHttpModule::OnCustomRequestNotification called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext * pHttpContext, DWORD dwNotification, BOOL fPostNotification, IHttpEventProvider * pProvider, IHttpCompletionInfo * pCompletionInfo)
    { (void)pHttpContext; (void)dwNotification; (void)fPostNotification; (void)pProvider; (void)pCompletionInfo;
        OutputDebugStringA("iissim: CHttpModule::OnAsyncCompletion called without an override\n");
        return RQ_NOTIFICATION_CONTINUE;
    }
    virtual VOID Dispose() { delete this; }
  protected:
    CHttpModule() {}
    virtual ~CHttpModule() {}
};

class CGlobalModule
{
  public:
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalStopListening(IGlobalStopListeningProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalStopListening called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalCacheCleanup()
    {
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalCacheCleanup called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalCacheOperation(ICacheProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalCacheOperation called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalHealthCheck()
    {
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalHealthCheck called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(IGlobalConfigurationChangeProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalConfigurationChange called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalFileChange(IGlobalFileChangeProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalFileChange called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IPreBeginRequestProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalPreBeginRequest called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(IHttpApplicationStartProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalApplicationStart called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationResolveModules(IHttpApplicationResolveModulesProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalApplicationResolveModules called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(IHttpApplicationStopProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalApplicationStop called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalRSCAQuery(IGlobalRSCAQueryProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalRSCAQuery called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalTraceEvent(IGlobalTraceEventProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalTraceEvent called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalCustomNotification(ICustomNotificationProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalCustomNotification called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual VOID Terminate() = 0;
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalThreadCleanup(IGlobalThreadCleanupProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalThreadCleanup called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationPreload(IGlobalApplicationPreloadProvider * pProvider)
    { (void)pProvider;
        OutputDebugStringA("iissim: CGlobalModule::OnGlobalApplicationPreload called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
    virtual GLOBAL_NOTIFICATION_STATUS OnSuspendProcess(IGlobalSuspendProcessCallback ** pCallback)
    { (void)pCallback;
        OutputDebugStringA("iissim: CGlobalModule::OnSuspendProcess called without an override\n");
        return GL_NOTIFICATION_CONTINUE;
    }
};

class IModuleAllocator
{
  public:
    virtual VOID * AllocateMemory(DWORD cbAllocation) = 0;
};

class IHttpModuleFactory
{
  public:
    virtual HRESULT GetHttpModule(CHttpModule ** ppModule, IModuleAllocator * pAllocator) = 0;
    virtual VOID Terminate() = 0;
};

class IHttpModuleRegistrationInfo
{
  public:
    virtual PCWSTR GetName() const = 0;
    virtual HTTP_MODULE_ID GetId() const = 0;
    virtual HRESULT SetRequestNotifications(IHttpModuleFactory * pModuleFactory, DWORD dwRequestNotifications, DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetGlobalNotifications(CGlobalModule * pGlobalModule, DWORD dwGlobalNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification, PCWSTR pszPriority) = 0;
    virtual HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification, PCWSTR pszPriority) = 0;
};

class IHttpModuleRegistrationInfo2 : public IHttpModuleRegistrationInfo
{
  public:
    virtual HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification, PCWSTR pszPriority) = 0;
};

/*
 * The module's one export. Declared here with C linkage and default visibility so that an
 * unmodified definition `HRESULT __stdcall RegisterModule(...)` exports the unmangled name.
 */
extern "C" __declspec(dllexport) HRESULT WINAPI
RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo *pModuleInfo, IHttpServer *pGlobalInfo);

/*
 * __uuidof for g++: IissimUuidOf<T>::value() is the uuid of every interface above.
 * HttpGetExtendedInterface is written on it instead of the MSVC extension.
 */
template <class T>
HRESULT HttpGetExtendedInterface(IHttpServer *pHttpServer, T *pInput, T **ppOutput);

template <class T1, class T2>
inline HRESULT HttpGetExtendedInterface(IHttpServer *pHttpServer, T1 *pInput, T2 **ppOutput)
{
    IHttpServer2 *pServer2 = NULL;
    HRESULT hr = pHttpServer->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2, reinterpret_cast<PVOID *>(&pServer2));
    if (FAILED(hr))
        return hr;
    return pServer2->GetExtendedInterface(IissimUuidOf<T1>::value(), pInput, IissimUuidOf<T2>::value(),
                                          reinterpret_cast<PVOID *>(ppOutput));
}

#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif /* _HTTPSERV_H_ */
