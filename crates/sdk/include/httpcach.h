/*
 * httpcach.h: the keys of the IIS server's own caches (URI, file, logon token), for building
 * modules off Windows with iissim. Clean-room: written from ABI facts (classes, method order,
 * uuids, constants), not from Microsoft's header. Licence: MIT OR Apache-2.0.
 *
 * The keys derive from httpserv.h's IHttpCacheKey. Windows' httpcach.h expects httpserv.h to be
 * included first; this one includes it itself, so either order compiles.
 */
#ifndef _HTTPCACH_H_
#define _HTTPCACH_H_

#include <httpserv.h>

/* Every class, so that declaration order never matters to a signature. */
class IUriKey;
class IFileKey;
class IHttpTokenKey;

#define URI_CACHE_NAME                            L"URI"
#define FILE_CACHE_NAME                           L"FILE"
#define TOKEN_CACHE_NAME                          L"TOKEN"

/* uuid of each key, for HttpGetExtendedInterface (IISSIM_UUID is httpserv.h's) */
IISSIM_UUID(IUriKey, 0xf1bc4f8c, 0x6bf8, 0x42c0, 0xb7, 0x45, 0x4f, 0xbe, 0x1a, 0x67, 0xe5, 0xa7)
IISSIM_UUID(IFileKey, 0x7377f6a4, 0x266c, 0x4043, 0xb6, 0x2a, 0x9e, 0xa9, 0x55, 0xa5, 0xe9, 0x7a)
IISSIM_UUID(IHttpTokenKey, 0x1d3dc8cb, 0xfc52, 0x42bc, 0x97, 0xe1, 0x1b, 0xf0, 0x21, 0x36, 0xe8, 0xba)

class IUriKey : public IHttpCacheKey
{
  public:
    PCWSTR GetCacheName() const override { return URI_CACHE_NAME; }
    virtual PCWSTR GetUrl() const = 0;
    virtual PCWSTR GetSiteName() const = 0;
    virtual DWORD GetSiteId() const = 0;
    virtual VOID UpdateFrequentlyHitTickCount(DWORD dwTicks) = 0;
    virtual PCWSTR GetConfigPath() const = 0;
};

class IFileKey : public IHttpCacheKey
{
  public:
    PCWSTR GetCacheName() const override { return FILE_CACHE_NAME; }
    virtual PCWSTR GetPath() const = 0;
};

class IHttpTokenKey : public IHttpCacheKey
{
  public:
    PCWSTR GetCacheName() const override { return TOKEN_CACHE_NAME; }
    virtual PCWSTR GetUserName() const = 0;
    virtual PCWSTR GetPasswordHash() const = 0;
    virtual DWORD GetLogonMethod() const = 0;
};

#endif /* _HTTPCACH_H_ */
