//! The parser of the IDL files under `crates/abi/` (`httpserv.idl`, `httpcach.idl`,
//! `wpframework.idl`): the one definition of every interface of the IIS SDK headers. All files
//! parse into one [`Idl`], so a class may derive from a class of another file; every item
//! remembers the header it belongs to.

use anyhow::{bail, Context, Result};

/// Everything the IDL declares, in declaration order.
pub struct Idl {
    pub defines: Vec<Define>,
    pub enums: Vec<Enum>,
    pub classes: Vec<Class>,
}

/// `define NAME TYPE VALUE`.
pub struct Define {
    /// The header that declares it (`httpserv.h`).
    pub header: String,
    pub name: String,
    pub ty: String,
    pub value: String,
}

/// `enum NAME A=0 B=1`.
pub struct Enum {
    pub header: String,
    pub name: String,
    pub values: Vec<(String, String)>,
}

pub struct Class {
    /// The header that declares it (`httpserv.h`, `httpcach.h`, ...).
    pub header: String,
    pub name: String,
    pub uuid: Option<String>,
    pub base: Option<String>,
    /// Who builds the vtable, as the IDL says it ("server", "module", ...).
    pub implementor: String,
    pub methods: Vec<Method>,
}

impl Class {
    /// The host implements this class (some classes are implemented on both sides).
    pub fn server_side(&self) -> bool {
        self.implementor.starts_with("server") || self.implementor.contains("and server")
    }
}

#[derive(Clone)]
pub struct Method {
    pub ret: String,
    pub name: String,
    pub params: Vec<Param>,
    pub is_const: bool,
    pub flags: Vec<String>,
    /// The Rust name: `@rust=` or the snake_case of `name`.
    pub rust_name: String,
}

#[derive(Clone)]
pub struct Param {
    /// The C type with array bounds decayed to a pointer (`PCSTR*` for `PCSTR x[41]`).
    pub ty: String,
    pub name: String,
    /// The declarator's array bound as written (`[HttpHeaderRequestMaximum]`), if any.
    pub array: Option<String>,
    pub default: Option<String>,
}

impl Method {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
    pub fn is_dtor(&self) -> bool {
        self.has_flag("dtor")
    }
    /// `@override`: re-declares an inherited virtual (same name, parameters and constness); it
    /// takes the base's slot instead of a new one.
    pub fn is_override(&self) -> bool {
        self.has_flag("override")
    }
    /// `@body=NAME`: the header gives the method an inline body that returns the constant NAME.
    pub fn body_constant(&self) -> Option<&str> {
        self.flags.iter().find_map(|f| f.strip_prefix("body="))
    }
    /// Same name, parameter types and constness: `self` overrides `other`.
    pub fn same_signature(&self, other: &Method) -> bool {
        self.name == other.name
            && self.is_const == other.is_const
            && self.params.len() == other.params.len()
            && self.params.iter().zip(&other.params).all(|(a, b)| normalize_key(&a.ty) == normalize_key(&b.ty))
    }
    /// `Class::Name(T1, T2*) const`: the key both ABI proofs match slots by.
    pub fn key(&self, class: &str) -> String {
        let params: Vec<&str> = self.params.iter().map(|p| p.ty.as_str()).collect();
        let konst = if self.is_const { " const" } else { "" };
        normalize_key(&format!("{class}::{}({}){konst}", self.name, params.join(", ")))
    }
}

/// The form in which a method key is compared: no spaces, `VOID` spelled `void`.
pub fn normalize_key(key: &str) -> String {
    let squeezed: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.replace("VOID", "void")
}

impl Idl {
    /// Parses several IDL files, each `(file name, header it describes, text)`, into one
    /// definition, in order; a class's base may be in an earlier or a later file.
    pub fn parse_files(files: &[(&str, &str, &str)]) -> Result<Idl> {
        let mut idl = Idl { defines: vec![], enums: vec![], classes: vec![] };
        for (file, header, text) in files {
            idl.parse_into(file, header, text)?;
        }
        idl.check()?;
        Ok(idl)
    }

    fn parse_into(&mut self, file: &str, header: &str, text: &str) -> Result<()> {
        let idl = self;
        let first_class = idl.classes.len();
        for (index, line) in text.lines().enumerate() {
            let lineno = index + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let ctx = || format!("{file}:{lineno}: {trimmed}");
            if line.starts_with("  ") {
                let class = idl.classes[first_class..]
                    .last_mut()
                    .with_context(|| format!("{}: method outside a class", ctx()))?;
                class.methods.push(parse_method(trimmed, &class.name).with_context(ctx)?);
            } else if let Some(rest) = trimmed.strip_prefix("class ") {
                let fields: Vec<&str> = rest.split('|').map(str::trim).collect();
                let [name, uuid, base, implementor] = fields[..] else { bail!("{}: expected 4 fields", ctx()) };
                let opt = |s: &str| (s != "-" && s != "none").then(|| s.to_string());
                idl.classes.push(Class {
                    header: header.to_string(),
                    name: name.into(),
                    uuid: opt(uuid),
                    base: opt(base),
                    implementor: implementor.into(),
                    methods: vec![],
                });
            } else if let Some(rest) = trimmed.strip_prefix("define ") {
                let mut parts = rest.splitn(3, ' ');
                let (Some(name), Some(ty), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
                    bail!("{}: expected `define NAME TYPE VALUE`", ctx())
                };
                idl.defines.push(Define {
                    header: header.to_string(),
                    name: name.into(),
                    ty: ty.into(),
                    value: value.into(),
                });
            } else if let Some(rest) = trimmed.strip_prefix("enum ") {
                let mut parts = rest.split_whitespace();
                let name = parts.next().with_context(ctx)?.to_string();
                let values = parts
                    .map(|kv| kv.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).with_context(ctx))
                    .collect::<Result<_>>()?;
                idl.enums.push(Enum { header: header.to_string(), name, values });
            } else {
                bail!("{}: unknown line", ctx());
            }
        }
        Ok(())
    }

    /// The classes one header declares, in declaration order.
    pub fn classes_of<'a>(&'a self, header: &'a str) -> impl Iterator<Item = &'a Class> + 'a {
        self.classes.iter().filter(move |c| c.header == header)
    }

    pub fn class(&self, name: &str) -> &Class {
        self.classes.iter().find(|c| c.name == name).expect("base classes are checked in Idl::check")
    }

    /// The class and its bases, root first.
    pub fn chain<'a>(&'a self, class: &'a Class) -> Vec<&'a Class> {
        let mut chain = vec![class];
        while let Some(base) = &chain.last().unwrap().base {
            chain.push(self.class(base));
        }
        chain.reverse();
        chain
    }

    fn check(&self) -> Result<()> {
        for class in &self.classes {
            if let Some(base) = &class.base {
                if !self.classes.iter().any(|c| &c.name == base) {
                    bail!("{}: unknown base {base}", class.name);
                }
            }
            let chain = self.chain(class);
            for (depth, c) in chain.iter().enumerate() {
                for m in c.methods.iter().filter(|m| m.is_override()) {
                    let bases = &chain[..depth];
                    if !bases.iter().flat_map(|b| &b.methods).any(|b| !b.is_override() && m.same_signature(b)) {
                        bail!("{}::{}: @override, but no base declares the same method", c.name, m.name);
                    }
                }
            }
            let mut seen = std::collections::HashSet::new();
            for c in chain {
                for m in &c.methods {
                    if !m.is_dtor() && !m.is_override() && !seen.insert(m.rust_name.clone()) {
                        bail!(
                            "{}: two methods are called `{}` in Rust; give one a @rust= name",
                            class.name,
                            m.rust_name
                        );
                    }
                }
            }
        }
        Ok(())
    }
}

fn parse_method(text: &str, class: &str) -> Result<Method> {
    let (sig, flags) = match text.find(" @") {
        Some(at) => {
            (&text[..at], text[at + 1..].split_whitespace().map(|f| f.trim_start_matches('@').to_string()).collect())
        }
        None => (text, vec![]),
    };
    let open = sig.find('(').context("no `(`")?;
    let close = sig.rfind(')').context("no `)`")?;
    let head = sig[..open].trim();
    let (ret, name) = match head.rfind([' ', '*']) {
        Some(split) => (head[..=split].trim().to_string(), head[split + 1..].to_string()),
        None => (String::new(), head.to_string()),
    };
    let is_const = sig[close + 1..].trim() == "const";
    let params = split_params(&sig[open + 1..close]).into_iter().map(parse_param).collect::<Result<Vec<_>>>()?;
    let flags: Vec<String> = flags;
    let rust_name = flags.iter().find_map(|f| f.strip_prefix("rust=").map(str::to_string)).unwrap_or_else(|| {
        if name.starts_with('~') {
            format!("destructor_{}", snake(class))
        } else {
            snake(&name)
        }
    });
    let flags = flags.into_iter().filter(|f| !f.starts_with("rust=")).collect();
    Ok(Method { ret, name, params, is_const, flags, rust_name })
}

fn split_params(text: &str) -> Vec<&str> {
    let text = text.trim();
    if text.is_empty() {
        return vec![];
    }
    // No parameter type in this header contains a comma, so a plain split is exact.
    text.split(',').map(str::trim).collect()
}

fn parse_param(text: &str) -> Result<Param> {
    let (decl, default) = match text.split_once('=') {
        Some((d, v)) => (d.trim(), Some(v.trim().to_string())),
        None => (text, None),
    };
    let (decl, array) = match decl.find('[') {
        Some(at) => (decl[..at].trim(), Some(decl[at..].to_string())),
        None => (decl, None),
    };
    let split = decl.rfind([' ', '*', '&']).context("parameter without a name")?;
    let mut ty = decl[..=split].trim().to_string();
    let name = decl[split + 1..].to_string();
    if array.is_some() {
        ty.push('*');
    }
    Ok(Param { ty, name, array, default })
}

/// `GetRawHttpRequest` -> `get_raw_http_request`, `IHttpContext` -> `ihttp_context`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_follows_word_boundaries() {
        assert_eq!(snake("GetRawHttpRequest"), "get_raw_http_request");
        assert_eq!(snake("GetIsLastNotification"), "get_is_last_notification");
        assert_eq!(snake("OnGlobalRSCAQuery"), "on_global_rsca_query");
        assert_eq!(snake("GetUrlChanged"), "get_url_changed");
    }

    #[test]
    fn bases_resolve_across_files_and_overrides_need_a_base() {
        let base = "class IBase | - | - | server\n  DWORD GetHash() const\n  PCWSTR GetName() const\n";
        let derived = "class IKey | - | IBase | server\n  PCWSTR GetName() const @override @body=KEY_NAME\n  PCWSTR GetPath() const\n";
        let idl = Idl::parse_files(&[("a.idl", "a.h", base), ("b.idl", "b.h", derived)]).unwrap();
        let key = idl.class("IKey");
        assert_eq!((key.header.as_str(), idl.chain(key).len()), ("b.h", 2));
        assert_eq!(key.methods[0].body_constant(), Some("KEY_NAME"));
        // The override takes the base's slot 1; GetPath is slot 2.
        let slots = super::super::rust::slots(&idl, key, super::super::rust::Abi::Msvc);
        let keys: Vec<&str> = slots.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["IBase::GetHash()const", "IKey::GetName()const", "IKey::GetPath()const"]);
        assert_eq!(slots[1].field, "get_name");
        let wrong = "class IKey | - | IBase | server\n  PCWSTR GetName(DWORD x) const @override\n";
        assert!(Idl::parse_files(&[("a.idl", "a.h", base), ("b.idl", "b.h", wrong)]).is_err());
    }

    #[test]
    fn parses_overloads_arrays_and_defaults() {
        let m = parse_method(
            "PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcch = NULL) const @rust=get_header_by_id",
            "IHttpRequest",
        )
        .unwrap();
        assert_eq!((m.ret.as_str(), m.name.as_str(), m.rust_name.as_str()), ("PCSTR", "GetHeader", "get_header_by_id"));
        assert_eq!(m.params[1].ty, "USHORT*");
        assert_eq!(m.params[1].default.as_deref(), Some("NULL"));
        assert_eq!(m.key("IHttpRequest"), "IHttpRequest::GetHeader(HTTP_HEADER_ID,USHORT*)const");
        let a = parse_method("HRESULT F(PCSTR snap[HttpHeaderRequestMaximum], const GUID& g)", "X").unwrap();
        assert_eq!((a.params[0].ty.as_str(), a.params[1].ty.as_str()), ("PCSTR*", "const GUID&"));
    }
}
