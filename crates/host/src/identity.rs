//! Identities and synthetic tokens (design decision 10).
//!
//! A token is a `HANDLE` value from a host-owned table, tied to one identity. Modules only pass
//! it back to the Win32 shim; no memory stands behind the value yet.

use crate::wide::to_wide;
use iissim_abi::types::{HANDLE, WCHAR};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Which of a user's tokens a handle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Primary,
    Impersonation,
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
    owners: Mutex<HashMap<Token, (Arc<str>, TokenKind)>>,
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
    pub fn issue(&self, user: &Arc<str>, kind: TokenKind) -> Token {
        let token = Token(FIRST_TOKEN + 4 * self.next.fetch_add(1, Ordering::Relaxed));
        self.owners.lock().expect("token table poisoned").insert(token, (user.clone(), kind));
        token
    }

    /// Whose token `handle` is, if the host issued it.
    pub fn owner(&self, handle: HANDLE) -> Option<(Arc<str>, TokenKind)> {
        self.owners.lock().expect("token table poisoned").get(&Token(handle as usize)).cloned()
    }
}

/// A user as `IHttpUser` shows it, with every string already in the module's wide form.
pub struct Identity {
    pub name: Arc<str>,
    /// `GetUserName`/`GetRemoteUserName`: empty for the anonymous user, as in IIS.
    pub user_name: Vec<WCHAR>,
    pub remote_user_name: Vec<WCHAR>,
    pub authentication_type: Vec<WCHAR>,
    pub password: Vec<WCHAR>,
    pub primary_token: Option<Token>,
    pub impersonation_token: Option<Token>,
    /// The user's SID in binary form (`GetUserVariable("SID")`).
    pub sid: Vec<u8>,
    /// Plain-text forms for server variables.
    pub logon_user: String,
    pub auth_type: String,
}

impl Identity {
    /// The anonymous user: the account `account` runs the request, but the request carries no
    /// user name (LOGON_USER, REMOTE_USER and AUTH_TYPE are empty, as IIS reports them).
    pub fn anonymous(account: &str, with_tokens: bool, tokens: &TokenTable) -> Identity {
        let name: Arc<str> = Arc::from(account);
        let (primary, impersonation) = if with_tokens {
            (Some(tokens.issue(&name, TokenKind::Primary)), Some(tokens.issue(&name, TokenKind::Impersonation)))
        } else {
            (None, None)
        };
        Identity {
            name,
            user_name: to_wide(""),
            remote_user_name: to_wide(""),
            authentication_type: to_wide(""),
            password: to_wide(""),
            primary_token: primary,
            impersonation_token: impersonation,
            // S-1-5-17, IIS's well-known IUSR account.
            sid: sid_bytes(5, &[17]),
            logon_user: String::new(),
            auth_type: String::new(),
        }
    }
}

impl Identity {
    /// A configured user logged on by `authentication_type` (`Basic`, `Negotiate`).
    pub fn user(user: &crate::config::UserConfig, authentication_type: &str, tokens: &TokenTable) -> Identity {
        let name: Arc<str> = Arc::from(user.name.as_str());
        let (primary, impersonation) = if user.token {
            (Some(tokens.issue(&name, TokenKind::Primary)), Some(tokens.issue(&name, TokenKind::Impersonation)))
        } else {
            (None, None)
        };
        Identity {
            user_name: to_wide(&user.name),
            remote_user_name: to_wide(&user.name),
            authentication_type: to_wide(authentication_type),
            password: to_wide(if authentication_type == "Basic" { &user.password } else { "" }),
            primary_token: primary,
            impersonation_token: impersonation,
            sid: user_sid(&user.name),
            logon_user: user.name.clone(),
            auth_type: authentication_type.to_string(),
            name,
        }
    }
}

/// A stable SID for a configured user: S-1-5-21-<three numbers from the name>-1001.
fn user_sid(name: &str) -> Vec<u8> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.to_ascii_lowercase().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    sid_bytes(5, &[21, (hash >> 32) as u32, hash as u32, (hash >> 16) as u32 ^ 0x5eed, 1001])
}

/// A binary SID: revision 1, the sub-authority count, a 48-bit big-endian authority, then
/// little-endian 32-bit sub-authorities.
pub fn sid_bytes(authority: u64, sub_authorities: &[u32]) -> Vec<u8> {
    let mut sid = vec![1, sub_authorities.len() as u8];
    sid.extend_from_slice(&authority.to_be_bytes()[2..]);
    for s in sub_authorities {
        sid.extend_from_slice(&s.to_le_bytes());
    }
    sid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iusr_sid_has_the_well_known_layout() {
        assert_eq!(sid_bytes(5, &[17]), [1, 1, 0, 0, 0, 0, 0, 5, 17, 0, 0, 0]);
    }

    #[test]
    fn tokens_are_distinct_and_owned() {
        let table = TokenTable::default();
        let alice: Arc<str> = Arc::from("alice");
        let a = table.issue(&alice, TokenKind::Primary);
        let b = table.issue(&alice, TokenKind::Impersonation);
        assert_ne!(a, b);
        assert!(!a.as_handle().is_null());
        assert_eq!(table.owner(b.as_handle()).unwrap().1, TokenKind::Impersonation);
        assert!(table.owner(std::ptr::null_mut()).is_none());
    }
}
