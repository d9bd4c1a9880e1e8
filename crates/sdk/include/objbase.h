/*
 * objbase.h: the COM library functions a module calls (CoInitializeEx, CoCreateInstance,
 * CoTaskMemAlloc, GUID text), for building IIS native modules off Windows with iissim.
 * Clean-room: written from the documented behaviour. Licence: MIT OR Apache-2.0.
 *
 * There is no COM registry off Windows: CoCreateInstance always fails with REGDB_E_CLASSNOTREG.
 * CoInitialize(Ex) and CoUninitialize succeed and do nothing.
 */
#include <windows.h>
#include <unknwn.h>
#include <oleauto.h>

#ifndef _OBJBASE_H_
#define _OBJBASE_H_

#ifndef _WIN32

typedef enum tagCOINIT {
    COINIT_APARTMENTTHREADED = 0x2,
    COINIT_MULTITHREADED = 0x0,
    COINIT_DISABLE_OLE1DDE = 0x4,
    COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

typedef enum tagCLSCTX {
    CLSCTX_INPROC_SERVER = 0x1,
    CLSCTX_INPROC_HANDLER = 0x2,
    CLSCTX_LOCAL_SERVER = 0x4,
    CLSCTX_REMOTE_SERVER = 0x10
} CLSCTX;
#define CLSCTX_INPROC       (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#define CLSCTX_ALL          (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#define CLSCTX_SERVER       (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)

#ifdef __IISSIM_POSIX

static __IISSIM_INLINE HRESULT CoInitializeEx(LPVOID reserved, DWORD coinit)
{
    (void)reserved;
    (void)coinit;
    return S_OK;
}
static __IISSIM_INLINE HRESULT CoInitialize(LPVOID reserved)
{
    (void)reserved;
    return S_OK;
}
static __IISSIM_INLINE void CoUninitialize(void)
{
}
static __IISSIM_INLINE HRESULT OleInitialize(LPVOID reserved)
{
    (void)reserved;
    return S_OK;
}
static __IISSIM_INLINE void OleUninitialize(void)
{
}

static __IISSIM_INLINE HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN outer, DWORD context, REFIID riid,
                                                LPVOID *ppv)
{
    (void)rclsid;
    (void)outer;
    (void)context;
    (void)riid;
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    return REGDB_E_CLASSNOTREG;
}

static __IISSIM_INLINE HRESULT CoGetClassObject(REFCLSID rclsid, DWORD context, LPVOID info, REFIID riid,
                                                LPVOID *ppv)
{
    (void)info;
    return CoCreateInstance(rclsid, NULL, context, riid, ppv);
}

static __IISSIM_INLINE LPVOID CoTaskMemAlloc(SIZE_T size)
{
    return malloc(size ? size : 1);
}
static __IISSIM_INLINE LPVOID CoTaskMemRealloc(LPVOID p, SIZE_T size)
{
    return realloc(p, size ? size : 1);
}
static __IISSIM_INLINE void CoTaskMemFree(LPVOID p)
{
    free(p);
}

/* A random (version 4) GUID */
static __IISSIM_INLINE HRESULT CoCreateGuid(GUID *guid)
{
    unsigned char b[16];
    if (!guid)
        return E_INVALIDARG;
    if (!__iissim_random_bytes(b, sizeof b))
        return E_FAIL;
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    guid->Data1 = ((DWORD)b[0] << 24) | ((DWORD)b[1] << 16) | ((DWORD)b[2] << 8) | b[3];
    guid->Data2 = (WORD)((b[4] << 8) | b[5]);
    guid->Data3 = (WORD)((b[6] << 8) | b[7]);
    memcpy(guid->Data4, b + 8, 8);
    return S_OK;
}

/* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}": returns the characters written with the NUL (39),
 * or 0 when cchMax is too small */
static __IISSIM_INLINE int StringFromGUID2(REFGUID rguid, LPOLESTR out, int cchMax)
{
#ifdef __cplusplus
    const GUID *g = &rguid;
#else
    const GUID *g = rguid;
#endif
    if (!out || cchMax < 39)
        return 0;
    swprintf(out, 39, L"{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", (unsigned)g->Data1,
             (unsigned)g->Data2, (unsigned)g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3],
             g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
    return 39;
}

static __IISSIM_INLINE HRESULT CLSIDFromString(LPCOLESTR text, LPCLSID clsid)
{
    unsigned v[11];
    int i;
    if (!text || !clsid)
        return E_INVALIDARG;
    if (wcslen(text) != 38
        || swscanf(text, L"{%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x}", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
                   &v[7], &v[8], &v[9], &v[10]) != 11)
        return CO_E_CLASSSTRING;
    clsid->Data1 = v[0];
    clsid->Data2 = (WORD)v[1];
    clsid->Data3 = (WORD)v[2];
    for (i = 0; i < 8; i++)
        clsid->Data4[i] = (BYTE)v[3 + i];
    return S_OK;
}
#define IIDFromString(text, iid)    CLSIDFromString((text), (iid))

#endif  /* __IISSIM_POSIX */

#endif  /* !_WIN32 */

#endif  /* _OBJBASE_H_ */
