//! C++ outputs of the IDL: our clean-room `httpserv.h`, `httpcach.h` and `wpframework.h`, the
//! Itanium slot probe and the unit clang dumps the vtables of.

use super::idl::{Class, Idl, Method};
use super::rust::{slots, Abi};
use std::fmt::Write;

const HEADER_PRELUDE: &str = r#"/*
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
"#;

const HEADER_TYPEDEFS: &str = r#"
typedef REQUEST_NOTIFICATION_STATUS (WINAPI *PFN_ASYNC_COMPLETION)(IHttpContext3 *pHttpContext,
                                                                  IHttpCompletionInfo2 *pCompletionInfo,
                                                                  VOID *pvCompletionContext);
typedef HRESULT (WINAPI *PFN_REGISTERMODULE)(DWORD dwServerVersion,
                                             IHttpModuleRegistrationInfo *pModuleInfo,
                                             IHttpServer *pGlobalInfo);
typedef IHttpApplicationProvider IHttpApplicationStartProvider;
typedef IHttpApplicationProvider IHttpApplicationStopProvider;
"#;

const HEADER_EPILOGUE: &str = r#"
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
"#;

const HTTPCACH_PRELUDE: &str = r#"/*
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

"#;

const HTTPCACH_EPILOGUE: &str = "\n#endif /* _HTTPCACH_H_ */\n";

const WPFRAMEWORK_PRELUDE: &str = r#"/*
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

"#;

const WPFRAMEWORK_TYPEDEFS: &str = r#"
/* The entry point a protocol manager DLL exports (DEFAULT_PROTOCOL_MANAGER_INIT_FUNCTION). */
typedef HRESULT (*PFN_GET_PROTOCOL_MANAGER)(IWorkerProcessFramework *pWpFramework,
                                            IProtocolManager **ppProtocolManager);

/* The managed-runtime loader of the worker process (MANAGED_RUNTIME_LOADER_*_FUNCTION). */
typedef HRESULT (WINAPI *PFNLoadManagedRuntime)(PCWSTR pwszRuntimeVersion, IUnknown **ppManagedRuntimeHost);
typedef HRESULT (WINAPI *PFNLoadManagedRuntimeEx)(PCWSTR pwszRuntimeVersion, PCWSTR pszClrConfigFile,
                                                  IUnknown **ppManagedRuntimeHost);

/* Declared with C++ linkage as on Windows; iissim does not define it (no module calls it). */
HRESULT WINAPI LoadManagedRuntime(PCWSTR pwszRuntimeVersion, IUnknown **ppManagedRuntimeHost);
"#;

const WPFRAMEWORK_EPILOGUE: &str = "\n#endif /* _WP_FRAMEWORK_H_ */\n";

/// The generated SDK header `name` (one of `codegen::IDL_FILES`).
pub fn header(idl: &Idl, name: &str) -> String {
    match name {
        "httpserv.h" => httpserv_header(idl),
        "httpcach.h" => {
            let mut out = String::from(HTTPCACH_PRELUDE);
            forward_declarations(&mut out, idl, name);
            defines(&mut out, idl, name);
            out.push_str("\n/* uuid of each key, for HttpGetExtendedInterface (IISSIM_UUID is httpserv.h's) */\n");
            uuids(&mut out, idl, name);
            class_decls(&mut out, idl, name);
            out.push_str(HTTPCACH_EPILOGUE);
            out
        }
        "wpframework.h" => {
            let mut out = String::from(WPFRAMEWORK_PRELUDE);
            forward_declarations(&mut out, idl, name);
            defines(&mut out, idl, name);
            out.push('\n');
            for e in idl.enums.iter().filter(|e| e.header == name) {
                writeln!(out, "enum {}\n{{", e.name).unwrap();
                for (k, v) in &e.values {
                    writeln!(out, "    {k} = {v},").unwrap();
                }
                out.push_str("};\n\n");
            }
            out.push_str(WPFRAMEWORK_TYPEDEFS);
            class_decls(&mut out, idl, name);
            out.push_str(WPFRAMEWORK_EPILOGUE);
            out
        }
        other => panic!("no IDL describes {other}"),
    }
}

fn forward_declarations(out: &mut String, idl: &Idl, header: &str) {
    out.push_str("/* Every class, so that declaration order never matters to a signature. */\n");
    for class in idl.classes_of(header) {
        writeln!(out, "class {};", class.name).unwrap();
    }
    out.push('\n');
}

fn defines(out: &mut String, idl: &Idl, header: &str) {
    for d in idl.defines.iter().filter(|d| d.header == header) {
        let value = match d.ty.as_str() {
            "WSTR" => format!("L{}", d.value),
            _ => d.value.clone(),
        };
        writeln!(out, "#define {:<42}{}", d.name, value).unwrap();
    }
}

fn uuids(out: &mut String, idl: &Idl, header: &str) {
    for class in idl.classes_of(header) {
        if let Some(uuid) = &class.uuid {
            writeln!(out, "IISSIM_UUID({}, {})", class.name, uuid_args(uuid)).unwrap();
        }
    }
}

fn class_decls(out: &mut String, idl: &Idl, header: &str) {
    for class in idl.classes_of(header) {
        out.push('\n');
        class_decl(out, class);
    }
}

fn httpserv_header(idl: &Idl) -> String {
    let header = "httpserv.h";
    let mut out = String::new();
    out.push_str(HEADER_PRELUDE);
    for class in idl.classes_of(header) {
        writeln!(out, "class {};", class.name).unwrap();
    }
    out.push('\n');
    defines(&mut out, idl, header);
    out.push('\n');
    for e in idl.enums.iter().filter(|e| e.header == header) {
        writeln!(out, "typedef enum _{0}\n{{", e.name).unwrap();
        for (k, v) in &e.values {
            writeln!(out, "    {k} = {v},").unwrap();
        }
        writeln!(out, "}} {};\n", e.name).unwrap();
    }
    out.push_str(HEADER_TYPEDEFS);
    out.push_str(
        "\n/* uuid of each interface, for HttpGetExtendedInterface and IHttpServer2::GetExtendedInterface */\n",
    );
    out.push_str("template <class T> struct IissimUuidOf;\n");
    out.push_str("#define IISSIM_UUID(cls, l, w1, w2, b0, b1, b2, b3, b4, b5, b6, b7)                          \\\n");
    out.push_str("    template <> struct IissimUuidOf<cls> {                                                 \\\n");
    out.push_str("        static const GUID &value() {                                                       \\\n");
    out.push_str("            static const GUID uuid = {l, w1, w2, {b0, b1, b2, b3, b4, b5, b6, b7}};         \\\n");
    out.push_str("            return uuid;                                                                   \\\n");
    out.push_str("        }                                                                                  \\\n");
    out.push_str("    };\n");
    uuids(&mut out, idl, header);
    class_decls(&mut out, idl, header);
    out.push_str(HEADER_EPILOGUE);
    out
}

fn uuid_args(uuid: &str) -> String {
    let hex: String = uuid.chars().filter(|c| *c != '-').collect();
    let part = |a: usize, b: usize| format!("0x{}", &hex[a..b]);
    let mut args = vec![part(0, 8), part(8, 12), part(12, 16)];
    args.extend((0..8).map(|i| part(16 + 2 * i, 18 + 2 * i)));
    args.join(", ")
}

fn class_decl(out: &mut String, class: &Class) {
    let base = class.base.as_ref().map(|b| format!(" : public {b}")).unwrap_or_default();
    writeln!(out, "class {}{base}\n{{\n  public:", class.name).unwrap();
    for m in &class.methods {
        if m.is_dtor() {
            writeln!(out, "  protected:\n    {}() {{}}\n    virtual {}() {{}}", class.name, m.name).unwrap();
            continue;
        }
        let params: Vec<String> = m
            .params
            .iter()
            .map(|p| {
                let ty = p.ty.trim_end_matches('*');
                let ty = if p.array.is_some() { ty.to_string() } else { p.ty.clone() };
                let array = p.array.clone().unwrap_or_default();
                let default = p.default.as_ref().map(|d| format!(" = {d}")).unwrap_or_default();
                format!("{} {}{array}{default}", spaced(&ty), p.name)
            })
            .collect();
        let konst = if m.is_const { " const" } else { "" };
        if m.is_override() {
            let body = match m.body_constant() {
                Some(constant) => format!(" {{ return {constant}; }}"),
                None => " = 0;".to_string(),
            };
            writeln!(out, "    {} {}({}){konst} override{body}", spaced(&m.ret), m.name, params.join(", ")).unwrap();
            continue;
        }
        let body = default_body(m);
        writeln!(out, "    virtual {} {}({}){konst}{body}", spaced(&m.ret), m.name, params.join(", ")).unwrap();
    }
    out.push_str("};\n");
}

/// `IHttpContext*` -> `IHttpContext *`, as C++ is usually written in this header's family.
fn spaced(ty: &str) -> String {
    match ty.find(['*', '&']) {
        Some(at) => format!("{} {}", ty[..at].trim_end(), &ty[at..]),
        None => ty.to_string(),
    }
}

fn default_body(m: &Method) -> String {
    let unused: String = m.params.iter().map(|p| format!(" (void){};", p.name)).collect();
    if m.has_flag("rqdefault") {
        format!("\n    {{{unused}\n        OutputDebugStringA(\"iissim: CHttpModule::{} called without an override\\n\");\n        return RQ_NOTIFICATION_CONTINUE;\n    }}", m.name)
    } else if m.has_flag("gldefault") {
        format!("\n    {{{unused}\n        OutputDebugStringA(\"iissim: CGlobalModule::{} called without an override\\n\");\n        return GL_NOTIFICATION_CONTINUE;\n    }}", m.name)
    } else if m.has_flag("dispose") {
        " { delete this; }".to_string()
    } else {
        " = 0;".to_string()
    }
}

/// A C++ program that prints `Key slot` for every method of every class, where g++ computes the
/// slot: an Itanium pointer to a virtual member holds 1 + the slot's byte offset in the vtable.
pub fn itanium_probe(idl: &Idl) -> String {
    let mut out = String::from(
        r#"// The Itanium slot probe: g++ reports where it put every virtual method of our httpserv.h,
// httpcach.h and wpframework.h.
#include <httpserv.h>
#include <httpcach.h>
#include <wpframework.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>

template <class F>
static void report(const char *key, F member)
{
    struct Repr { uintptr_t ptr; intptr_t adj; } repr;
    static_assert(sizeof(F) == sizeof(Repr), "Itanium member pointers are two words");
    memcpy(&repr, &member, sizeof repr);
    if ((repr.ptr & 1) == 0)
        printf("%s not-virtual\n", key);
    else
        printf("%s %lu\n", key, (unsigned long)((repr.ptr - 1) / sizeof(void *)));
}

int main()
{
"#,
    );
    for class in &idl.classes {
        // Each slot's final overrider, in declaration order (the Itanium order).
        for slot in slots(idl, class, Abi::Itanium).into_iter().filter(|s| s.dtor.is_none()) {
            let (m, owner) = (slot.method, slot.owner);
            let params: Vec<&str> = m.params.iter().map(|p| p.ty.as_str()).collect();
            let konst = if m.is_const { " const" } else { "" };
            let key = format!("{}@{}", class.name, slot.key);
            let sig = |who: &str| format!("{} ({who}::*)({}){konst}", m.ret, params.join(", "));
            writeln!(
                out,
                "    report(\"{key}\", static_cast<{}>(static_cast<{}>(&{}::{})));",
                sig(&class.name),
                sig(owner),
                owner,
                m.name
            )
            .unwrap();
        }
    }
    out.push_str("    return 0;\n}\n");
    out
}

/// A translation unit that makes clang lay out every vtable (it dumps only what code generation
/// needs, so each class gets one virtual call).
pub fn layout_dump_unit(idl: &Idl) -> String {
    let mut out = String::from(
        "// Makes clang lay out the vtable of every class of our httpserv.h, httpcach.h and wpframework.h.\n\
         #include <httpserv.h>\n#include <httpcach.h>\n#include <wpframework.h>\n\n",
    );
    for class in &idl.classes {
        let m = class
            .methods
            .iter()
            .find(|m| !m.is_dtor())
            .or_else(|| idl.chain(class).iter().flat_map(|c| c.methods.iter()).find(|m| !m.is_dtor()))
            .expect("every class has a method");
        let args: Vec<String> = m
            .params
            .iter()
            .map(|p| match p.ty.strip_suffix('&') {
                Some(referent) => format!("*({referent}*)0"),
                None => format!("({})0", p.ty),
            })
            .collect();
        let call = format!("    p->{}({});", m.name, args.join(", "));
        writeln!(out, "void touch_{0}({0} *p)\n{{\n{call}\n}}", class.name).unwrap();
    }
    out
}
