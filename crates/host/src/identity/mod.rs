//! Identities and synthetic tokens (design decision 10).
//!
//! A token is a `HANDLE` value from a host-owned table, tied to a [`Principal`]: the account,
//! its SID and its groups. Modules pass it to the SDK's token functions (GetTokenInformation,
//! CheckTokenMembership, DuplicateToken, impersonation), which answer through the host.

pub mod sid;

use crate::wide::to_wide;
use iissim_abi::types::{HANDLE, WCHAR};
use sid::{sid_bytes, sid_for, SidUse};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Which kind of token a handle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// The server's primary token of a user (`GetPrimaryToken`).
    Primary,
    /// The server's impersonation token of a user (`GetImpersonationToken`).
    Impersonation,
    /// A module's own copy (`DuplicateToken`): the module must close it.
    Duplicate { impersonation: bool },
}

impl TokenKind {
    /// Whether the server owns the token (the caller must not close it).
    pub fn server_owned(self) -> bool {
        !matches!(self, TokenKind::Duplicate { .. })
    }

    /// `TOKEN_TYPE`: 1 primary, 2 impersonation.
    pub fn token_type(self) -> u32 {
        match self {
            TokenKind::Primary | TokenKind::Duplicate { impersonation: false } => 1,
            TokenKind::Impersonation | TokenKind::Duplicate { impersonation: true } => 2,
        }
    }
}

/// Who a token stands for.
#[derive(Debug)]
pub struct Principal {
    pub name: Arc<str>,
    pub sid: Vec<u8>,
    /// Group names and SIDs, in token order.
    pub groups: Vec<(String, Vec<u8>)>,
}

impl Principal {
    fn new(name: &str, sid: Vec<u8>, groups: &[String]) -> Arc<Principal> {
        let groups = groups.iter().map(|g| (g.clone(), sid_for(g, SidUse::Group))).collect();
        Arc::new(Principal { name: Arc::from(name), sid, groups })
    }
}

/// A token handle: a value no real allocation can have, so a mix-up is recognisable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token(usize);

impl Token {
    pub fn as_handle(self) -> HANDLE {
        self.0 as HANDLE
    }
}

/// Every token the host handed out, and whose it is.
#[derive(Default)]
pub struct TokenTable {
    next: AtomicUsize,
    entries: Mutex<HashMap<Token, (Arc<Principal>, TokenKind)>>,
}

/// The process's token table: token handles are unique in the process, as on Windows, so a
/// handle can be recognised wherever it turns up (CloseHandle, token queries).
pub fn tokens() -> &'static TokenTable {
    static TOKENS: std::sync::OnceLock<TokenTable> = std::sync::OnceLock::new();
    TOKENS.get_or_init(TokenTable::default)
}

/// Synthetic handles start here and step by 4, as Windows handle values do.
const FIRST_TOKEN: usize = 0x7E57_0004;

impl TokenTable {
    pub fn issue(&self, principal: &Arc<Principal>, kind: TokenKind) -> Token {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        // In the read-only token region where there is one (a write through the handle is
        // caught and reported), else a value no allocation has.
        let token = Token(crate::ffi::token_memory::token_address(index).unwrap_or(FIRST_TOKEN + 4 * index));
        self.lock().insert(token, (principal.clone(), kind));
        token
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Token, (Arc<Principal>, TokenKind)>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whose token `handle` is, and what kind, if the host issued it.
    pub fn get(&self, handle: HANDLE) -> Option<(Arc<Principal>, TokenKind)> {
        self.lock().get(&Token(handle as usize)).cloned()
    }

    /// "the primary token of user `IUSR`", for the crash report of a write through a token;
    /// does not wait for the table's lock.
    pub fn describe_for_crash(&self, handle: HANDLE) -> Option<String> {
        let entries = self.entries.try_lock().ok()?;
        let (principal, kind) = entries.get(&Token(handle as usize))?;
        let which = match kind {
            TokenKind::Primary => "primary token",
            TokenKind::Impersonation => "impersonation token",
            TokenKind::Duplicate { .. } => "duplicated token",
        };
        Some(format!("the {which} of user `{}`", principal.name))
    }

    /// Closes a token the module owns; says whether it was one.
    pub fn close_duplicate(&self, handle: HANDLE) -> bool {
        let mut entries = self.lock();
        match entries.get(&Token(handle as usize)) {
            Some((_, kind)) if !kind.server_owned() => entries.remove(&Token(handle as usize)).is_some(),
            _ => false,
        }
    }
}

/// A user as `IHttpUser` shows it, with every string already in the module's wide form.
pub struct Identity {
    pub principal: Arc<Principal>,
    /// `GetUserName`/`GetRemoteUserName`: empty for the anonymous user, as in IIS.
    pub user_name: Vec<WCHAR>,
    pub remote_user_name: Vec<WCHAR>,
    pub authentication_type: Vec<WCHAR>,
    pub password: Vec<WCHAR>,
    pub primary_token: Option<Token>,
    pub impersonation_token: Option<Token>,
    /// Plain-text forms for server variables.
    pub logon_user: String,
    pub auth_type: String,
    /// What AUTH_PASSWORD shows: the password of a Basic logon, else empty.
    pub basic_password: String,
}

/// The groups every logged-on user's token carries besides its own.
const USER_GROUPS: &[&str] = &["Everyone", "NT AUTHORITY\\Authenticated Users", "BUILTIN\\Users"];
/// The anonymous account's groups.
const ANONYMOUS_GROUPS: &[&str] = &["Everyone", "BUILTIN\\Users", "BUILTIN\\IIS_IUSRS"];

fn issue_tokens(principal: &Arc<Principal>, with_tokens: bool, tokens: &TokenTable) -> (Option<Token>, Option<Token>) {
    if with_tokens {
        (Some(tokens.issue(principal, TokenKind::Primary)), Some(tokens.issue(principal, TokenKind::Impersonation)))
    } else {
        (None, None)
    }
}

impl Identity {
    /// The anonymous user: the account `account` runs the request, but the request carries no
    /// user name (LOGON_USER, REMOTE_USER and AUTH_TYPE are empty, as IIS reports them).
    pub fn anonymous(account: &str, with_tokens: bool, tokens: &TokenTable) -> Identity {
        // IUSR is the well-known S-1-5-17; another configured account gets a domain SID.
        let sid =
            if account.eq_ignore_ascii_case("IUSR") { sid_bytes(5, &[17]) } else { sid_for(account, SidUse::User) };
        let groups: Vec<String> = ANONYMOUS_GROUPS.iter().map(|g| g.to_string()).collect();
        let principal = Principal::new(account, sid, &groups);
        let (primary, impersonation) = issue_tokens(&principal, with_tokens, tokens);
        Identity {
            principal,
            user_name: to_wide(""),
            remote_user_name: to_wide(""),
            authentication_type: to_wide(""),
            password: to_wide(""),
            primary_token: primary,
            impersonation_token: impersonation,
            logon_user: String::new(),
            auth_type: String::new(),
            basic_password: String::new(),
        }
    }

    /// A configured user logged on by `authentication_type` (`Basic`, `Negotiate`).
    pub fn user(user: &crate::config::UserConfig, authentication_type: &str, tokens: &TokenTable) -> Identity {
        let mut groups: Vec<String> = USER_GROUPS.iter().map(|g| g.to_string()).collect();
        groups.extend(user.groups.iter().cloned());
        let principal = Principal::new(&user.name, sid_for(&user.name, SidUse::User), &groups);
        let (primary, impersonation) = issue_tokens(&principal, user.token, tokens);
        Identity {
            principal,
            user_name: to_wide(&user.name),
            remote_user_name: to_wide(&user.name),
            authentication_type: to_wide(authentication_type),
            password: to_wide(if authentication_type == "Basic" { &user.password } else { "" }),
            primary_token: primary,
            impersonation_token: impersonation,
            logon_user: user.name.clone(),
            auth_type: authentication_type.to_string(),
            basic_password: if authentication_type == "Basic" { user.password.clone() } else { String::new() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iusr_sid_has_the_well_known_layout() {
        let anonymous = Identity::anonymous("IUSR", true, &TokenTable::default());
        assert_eq!(anonymous.principal.sid, [1, 1, 0, 0, 0, 0, 0, 5, 17, 0, 0, 0]);
    }

    #[test]
    fn tokens_are_distinct_and_typed() {
        let table = TokenTable::default();
        let principal = Principal::new("alice", sid_for("alice", SidUse::User), &[]);
        let a = table.issue(&principal, TokenKind::Primary);
        let b = table.issue(&principal, TokenKind::Impersonation);
        assert_ne!(a, b);
        assert!(!a.as_handle().is_null());
        assert_eq!(table.get(b.as_handle()).unwrap().1, TokenKind::Impersonation);
        assert!(table.get(std::ptr::null_mut()).is_none());
        assert!(!table.close_duplicate(a.as_handle()), "a server token is not the module's to close");
        let d = table.issue(&principal, TokenKind::Duplicate { impersonation: true });
        assert!(table.close_duplicate(d.as_handle()) && table.get(d.as_handle()).is_none());
    }
}
