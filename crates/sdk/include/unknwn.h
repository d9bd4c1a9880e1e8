/*
 * unknwn.h: IUnknown, IClassFactory, the COM declaration macros (STDMETHOD, interface, ...) and
 * __uuidof, for building IIS native modules off Windows with iissim. Clean-room: written from the
 * documented COM ABI. Licence: MIT OR Apache-2.0.
 *
 * C++ interfaces are plain classes of pure virtual functions, so their vtables have the Itanium
 * layout of the platform compiler (what a COM object means between a module and itself).
 *
 * __uuidof(x) works for a type or an expression (a pointer or reference to an interface gives the
 * interface's uuid) through IissimUuidOf<T>::value(). httpserv.h defines it for every IIS
 * interface; a module declares its own interfaces' uuids with
 *     IISSIM_DEFINE_UUIDOF(IMyInterface, "12345678-1234-1234-1234-123456789abc")
 * at namespace scope, since `struct __declspec(uuid("..."))` cannot be read by GCC.
 */
#include <windows.h>

#ifndef __unknwn_h__
#define __unknwn_h__

#if defined(__cplusplus) && !defined(_WIN32)

/* Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", with or without braces */
__IISSIM_HIDDEN inline GUID __iissim_parse_guid(const char *s)
{
    GUID g = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
    unsigned char bytes[16] = {0};
    int n = 0;
    for (; *s && n < 32; s++) {
        int v;
        if (*s >= '0' && *s <= '9')
            v = *s - '0';
        else if (*s >= 'a' && *s <= 'f')
            v = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'F')
            v = *s - 'A' + 10;
        else
            continue;
        bytes[n / 2] = (unsigned char)(bytes[n / 2] | (n % 2 ? v : v << 4));
        n++;
    }
    g.Data1 = ((DWORD)bytes[0] << 24) | ((DWORD)bytes[1] << 16) | ((DWORD)bytes[2] << 8) | bytes[3];
    g.Data2 = (WORD)((bytes[4] << 8) | bytes[5]);
    g.Data3 = (WORD)((bytes[6] << 8) | bytes[7]);
    for (n = 0; n < 8; n++)
        g.Data4[n] = bytes[8 + n];
    return g;
}

template <class T> struct IissimUuidOf;
template <class T> struct __iissim_uuid_type { typedef T type; };
template <class T> struct __iissim_uuid_type<T *> : __iissim_uuid_type<T> {};
template <class T> struct __iissim_uuid_type<T &> : __iissim_uuid_type<T> {};
template <class T> struct __iissim_uuid_type<const T> : __iissim_uuid_type<T> {};
template <class T> struct __iissim_uuid_type<volatile T> : __iissim_uuid_type<T> {};

# define IISSIM_DEFINE_UUIDOF(type, uuid_string)                                                \
    template <> struct IissimUuidOf<type> {                                                     \
        static const GUID &value()                                                              \
        {                                                                                       \
            static const GUID uuid = __iissim_parse_guid(uuid_string);                          \
            return uuid;                                                                        \
        }                                                                                       \
    };

# if !defined(_MSC_VER) && !defined(_MSC_EXTENSIONS) && !defined(__uuidof)
#  define __uuidof(x) (IissimUuidOf<typename __iissim_uuid_type<__typeof__(x)>::type>::value())
# endif
# define IID_PPV_ARGS(pp)   __uuidof(**(pp)), reinterpret_cast<void **>(pp)

#endif

#ifndef _WIN32

/* Declaration macros */

#define __STRUCT__          struct
#ifndef interface
# define interface          __STRUCT__
#endif
#ifdef __cplusplus
# define STDMETHOD(method)          virtual HRESULT STDMETHODCALLTYPE method
# define STDMETHOD_(type, method)   virtual type STDMETHODCALLTYPE method
# define PURE                       = 0
# define THIS_
# define THIS                       void
# define DECLARE_INTERFACE(iface)           interface DECLSPEC_NOVTABLE iface
# define DECLARE_INTERFACE_(iface, base)    interface DECLSPEC_NOVTABLE iface : public base
#endif
#define STDMETHODIMP                HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type)         type STDMETHODCALLTYPE
#define STDAPI                      EXTERN_C HRESULT STDAPICALLTYPE
#define STDAPI_(type)               EXTERN_C type STDAPICALLTYPE
#define MIDL_INTERFACE(x)           struct DECLSPEC_UUID(x) DECLSPEC_NOVTABLE

__IISSIM_DEFINE_GUID(IID_IUnknown, 0x00000000, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
__IISSIM_DEFINE_GUID(IID_IClassFactory, 0x00000001, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

#ifdef __cplusplus

struct IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
    virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
    virtual ULONG STDMETHODCALLTYPE Release(void) = 0;

    template <class Q> HRESULT STDMETHODCALLTYPE QueryInterface(Q **pp)
    {
        return QueryInterface(__uuidof(Q), reinterpret_cast<void **>(pp));
    }
};

struct IClassFactory : public IUnknown
{
    virtual HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown *pUnkOuter, REFIID riid, void **ppvObject) = 0;
    virtual HRESULT STDMETHODCALLTYPE LockServer(BOOL fLock) = 0;
};

IISSIM_DEFINE_UUIDOF(IUnknown, "00000000-0000-0000-C000-000000000046")
IISSIM_DEFINE_UUIDOF(IClassFactory, "00000001-0000-0000-C000-000000000046")

#else  /* C: the vtable spelled out */

typedef struct IUnknown IUnknown;
typedef struct IUnknownVtbl {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid, void **ppvObject);
    ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *This);
    ULONG (STDMETHODCALLTYPE *Release)(IUnknown *This);
} IUnknownVtbl;
struct IUnknown {
    const IUnknownVtbl     *lpVtbl;
};
# define IUnknown_QueryInterface(p, riid, ppv)  ((p)->lpVtbl->QueryInterface((p), (riid), (ppv)))
# define IUnknown_AddRef(p)                     ((p)->lpVtbl->AddRef(p))
# define IUnknown_Release(p)                    ((p)->lpVtbl->Release(p))

#endif  /* __cplusplus */

typedef IUnknown           *LPUNKNOWN;

#endif  /* !_WIN32 */

#endif  /* __unknwn_h__ */
