//! The host's side of the SDK's Win32 shim (design decision 6): the table every loaded module's
//! `iissim_host_services` pointer is set to. Each entry point lands in the current request's
//! scope, so events, debug output and misuse show up on that request's trace.

use crate::diagnostics::DiagnosticKind;
use crate::identity::sid::SidUse;
use crate::identity::{tokens, TokenKind};
use crate::scope;
use crate::trace::TraceEvent;
use core::ffi::{c_char, c_int, c_void, CStr};
use iissim_abi::host_services::{IISSIM_HOST_SERVICES, IISSIM_HOST_SERVICES_VERSION};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The table every module gets.
pub static HOST_SERVICES: IISSIM_HOST_SERVICES = IISSIM_HOST_SERVICES {
    cbSize: core::mem::size_of::<IISSIM_HOST_SERVICES>() as u32,
    version: IISSIM_HOST_SERVICES_VERSION,
    close_handle: Some(close_handle),
    report_event: Some(report_event),
    output_debug_string: Some(output_debug_string),
    get_token_information: Some(get_token_information),
    check_token_membership: Some(check_token_membership),
    duplicate_token: Some(duplicate_token),
    set_thread_token: Some(set_thread_token),
    get_thread_token: Some(get_thread_token),
    lookup_account_sid: Some(lookup_account_sid),
};

const ERROR_SUCCESS: u32 = 0;
const ERROR_INVALID_HANDLE: u32 = 6;
const ERROR_INVALID_PARAMETER: u32 = 87;
const ERROR_INSUFFICIENT_BUFFER: u32 = 122;
const ERROR_NONE_MAPPED: u32 = 1332;
const ERROR_NO_TOKEN: u32 = 1008;
const ERROR_BAD_TOKEN_TYPE: u32 = 1349;
const ERROR_NO_IMPERSONATION_TOKEN: u32 = 1309;

/// `TOKEN_INFORMATION_CLASS` values the host answers.
const TOKEN_USER: u32 = 1;
const TOKEN_GROUPS: u32 = 2;
const TOKEN_TYPE: u32 = 8;
const TOKEN_IMPERSONATION_LEVEL: u32 = 9;
const TOKEN_ELEVATION: u32 = 20;
/// `SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED`.
const SE_GROUP_ENABLED_ALL: u32 = 0x7;
/// `SecurityImpersonation`.
const SECURITY_IMPERSONATION: u32 = 2;

/// The bytes of a token-information answer: `fixed` (pointers as offsets from the buffer start,
/// patched when written) followed by the SIDs it points at.
struct Answer {
    bytes: Vec<u8>,
    /// Offsets in `bytes` of pointer fields, and the offset each must point at.
    pointers: Vec<(usize, usize)>,
}

fn sid_and_attributes(groups: &[&[u8]], attributes: u32, header: usize) -> Answer {
    // SID_AND_ATTRIBUTES is { PSID Sid; DWORD Attributes; } = 16 bytes on x64.
    let mut bytes = vec![0u8; header + 16 * groups.len()];
    let mut pointers = vec![];
    for (i, sid) in groups.iter().enumerate() {
        let entry = header + 16 * i;
        bytes[entry + 8..entry + 12].copy_from_slice(&attributes.to_le_bytes());
        pointers.push((entry, bytes.len()));
        bytes.extend_from_slice(sid);
        while !bytes.len().is_multiple_of(4) {
            bytes.push(0);
        }
    }
    Answer { bytes, pointers }
}

fn token_answer(class: u32, principal: &crate::identity::Principal, kind: TokenKind) -> Result<Answer, u32> {
    let dword = |v: u32| Answer { bytes: v.to_le_bytes().to_vec(), pointers: vec![] };
    match class {
        TOKEN_USER => Ok(sid_and_attributes(&[&principal.sid], 0, 0)),
        TOKEN_GROUPS => {
            let sids: Vec<&[u8]> = principal.groups.iter().map(|(_, sid)| sid.as_slice()).collect();
            // TOKEN_GROUPS is { DWORD GroupCount; SID_AND_ATTRIBUTES Groups[]; }: Groups at 8.
            let mut answer = sid_and_attributes(&sids, SE_GROUP_ENABLED_ALL, 8);
            answer.bytes[..4].copy_from_slice(&(sids.len() as u32).to_le_bytes());
            Ok(answer)
        }
        TOKEN_TYPE => Ok(dword(kind.token_type())),
        TOKEN_IMPERSONATION_LEVEL if kind.token_type() == 2 => Ok(dword(SECURITY_IMPERSONATION)),
        TOKEN_IMPERSONATION_LEVEL => Err(ERROR_INVALID_PARAMETER),
        TOKEN_ELEVATION => {
            let admin = crate::identity::sid::sid_for("BUILTIN\\Administrators", SidUse::Alias);
            Ok(dword(u32::from(principal.groups.iter().any(|(_, sid)| *sid == admin))))
        }
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `GetTokenInformation`: the structure Windows returns, SIDs inside the caller's buffer.
unsafe extern "C" fn get_token_information(
    token: *mut c_void,
    class: u32,
    buffer: *mut c_void,
    length: u32,
    returned: *mut u32,
) -> u32 {
    guarded(ERROR_INVALID_HANDLE, || {
        let Some((principal, kind)) = tokens().get(token) else { return ERROR_INVALID_HANDLE };
        let answer = match token_answer(class, &principal, kind) {
            Ok(answer) => answer,
            Err(error) => return error,
        };
        if !returned.is_null() {
            // SAFETY: the shim passes a writable DWORD or NULL.
            unsafe { *returned = answer.bytes.len() as u32 };
        }
        if buffer.is_null() || (length as usize) < answer.bytes.len() {
            return ERROR_INSUFFICIENT_BUFFER;
        }
        let base = buffer.cast::<u8>();
        // SAFETY: the caller's buffer holds `length` bytes, at least the answer's length; the
        // pointer fields are 8-byte slots inside it.
        unsafe {
            std::ptr::copy_nonoverlapping(answer.bytes.as_ptr(), base, answer.bytes.len());
            for (at, target) in answer.pointers {
                base.add(at).cast::<*mut u8>().write_unaligned(base.add(target));
            }
        }
        ERROR_SUCCESS
    })
}

/// The binary SID at `sid`, bounded by its own sub-authority count.
///
/// # Safety
/// `sid` is null or points at a SID (8 + 4 x count bytes).
unsafe fn read_sid<'a>(sid: *const c_void) -> Option<&'a [u8]> {
    if sid.is_null() {
        return None;
    }
    // SAFETY: a SID starts with 8 readable bytes (revision, count, authority).
    let head = unsafe { std::slice::from_raw_parts(sid.cast::<u8>(), 8) };
    let len = crate::identity::sid::sid_len(head)?;
    // SAFETY: a well-formed SID holds `len` bytes.
    Some(unsafe { std::slice::from_raw_parts(sid.cast::<u8>(), len) })
}

/// `CheckTokenMembership`: whether the token's user or one of its groups is `sid`.
unsafe extern "C" fn check_token_membership(token: *mut c_void, sid: *const c_void, is_member: *mut c_int) -> u32 {
    guarded(ERROR_INVALID_HANDLE, || {
        let token = if token.is_null() { thread_token() } else { token };
        let Some((principal, kind)) = tokens().get(token) else {
            return if token.is_null() { ERROR_NO_TOKEN } else { ERROR_INVALID_HANDLE };
        };
        // "TokenHandle ... must be a handle to an impersonation token."
        // https://learn.microsoft.com/en-us/windows/win32/api/securitybaseapi/nf-securitybaseapi-checktokenmembership
        if kind.token_type() != 2 {
            return ERROR_NO_IMPERSONATION_TOKEN;
        }
        // SAFETY: the shim passes the caller's PSID.
        let Some(sid) = (unsafe { read_sid(sid) }) else { return ERROR_INVALID_PARAMETER };
        let member = principal.sid == sid || principal.groups.iter().any(|(_, g)| g == sid);
        if is_member.is_null() {
            return ERROR_INVALID_PARAMETER;
        }
        // SAFETY: non-null, the caller's BOOL.
        unsafe { *is_member = c_int::from(member) };
        ERROR_SUCCESS
    })
}

/// `DuplicateToken(Ex)`: a new handle for the same user, owned (and closed) by the module.
unsafe extern "C" fn duplicate_token(token: *mut c_void, token_type: u32, new_token: *mut *mut c_void) -> u32 {
    guarded(ERROR_INVALID_HANDLE, || {
        let Some((principal, _)) = tokens().get(token) else { return ERROR_INVALID_HANDLE };
        if new_token.is_null() || !(1..=2).contains(&token_type) {
            return ERROR_INVALID_PARAMETER;
        }
        let copy = tokens().issue(&principal, TokenKind::Duplicate { impersonation: token_type == 2 });
        // SAFETY: non-null, the caller's PHANDLE.
        unsafe { *new_token = copy.as_handle() };
        ERROR_SUCCESS
    })
}

thread_local! {
    /// The impersonation token of this thread (what `OpenThreadToken` returns).
    static THREAD_TOKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Puts `token` (an address, 0 for none) in place of this thread's impersonation token and
/// gives back the one it replaces: a request that waits takes its impersonation with it, so
/// that other requests the thread runs meanwhile do not run as its user.
pub(crate) fn swap_thread_token(token: usize) -> usize {
    THREAD_TOKEN.with(|t| t.replace(token))
}

fn thread_token() -> *mut c_void {
    THREAD_TOKEN.with(|t| t.get()) as *mut c_void
}

/// Impersonation: the thread takes the token's identity; NULL reverts. Recorded on the trace.
unsafe extern "C" fn set_thread_token(token: *mut c_void) -> u32 {
    guarded(ERROR_INVALID_HANDLE, || {
        if token.is_null() {
            if !thread_token().is_null() {
                scope::record(TraceEvent::Host { what: "RevertToSelf: impersonation ended".into() });
            }
            THREAD_TOKEN.with(|t| t.set(0));
            return ERROR_SUCCESS;
        }
        let Some((principal, kind)) = tokens().get(token) else { return ERROR_INVALID_HANDLE };
        if kind.token_type() != 2 {
            // SetThreadToken wants an impersonation token; ImpersonateLoggedOnUser duplicates
            // a primary one first (the shim does that).
            return ERROR_BAD_TOKEN_TYPE;
        }
        THREAD_TOKEN.with(|t| t.set(token as usize));
        scope::record(TraceEvent::Host { what: format!("impersonating `{}`", principal.name) });
        ERROR_SUCCESS
    })
}

unsafe extern "C" fn get_thread_token() -> *mut c_void {
    guarded(std::ptr::null_mut(), thread_token)
}

/// `LookupAccountSid` for every SID the host knows (users it logged on, their groups, the
/// well-known ones).
unsafe extern "C" fn lookup_account_sid(
    sid: *const c_void,
    name: *mut c_char,
    name_len: *mut u32,
    domain: *mut c_char,
    domain_len: *mut u32,
    sid_use: *mut u32,
) -> u32 {
    guarded(ERROR_INVALID_PARAMETER, || {
        // SAFETY: the shim passes the caller's PSID.
        let Some(sid) = (unsafe { read_sid(sid) }) else { return ERROR_INVALID_PARAMETER };
        let Some((account, account_domain, what)) = crate::identity::sid::lookup(sid) else { return ERROR_NONE_MAPPED };
        if name_len.is_null() || domain_len.is_null() {
            return ERROR_INVALID_PARAMETER;
        }
        // SAFETY: both lengths are the caller's DWORDs.
        let (have_name, have_domain) = unsafe { (*name_len as usize, *domain_len as usize) };
        let (need_name, need_domain) = (account.len() + 1, account_domain.len() + 1);
        // SAFETY: as above.
        unsafe {
            *name_len = need_name as u32;
            *domain_len = need_domain as u32;
        }
        if name.is_null() || domain.is_null() || have_name < need_name || have_domain < need_domain {
            return ERROR_INSUFFICIENT_BUFFER;
        }
        // SAFETY: each buffer holds at least the needed bytes (checked above).
        unsafe {
            std::ptr::copy_nonoverlapping(account.as_ptr(), name.cast::<u8>(), account.len());
            *name.add(account.len()) = 0;
            std::ptr::copy_nonoverlapping(account_domain.as_ptr(), domain.cast::<u8>(), account_domain.len());
            *domain.add(account_domain.len()) = 0;
            // Lengths on success exclude the NUL, as LookupAccountSid reports them.
            *name_len = account.len() as u32;
            *domain_len = account_domain.len() as u32;
            if !sid_use.is_null() {
                *sid_use = what as u32;
            }
        }
        ERROR_SUCCESS
    })
}

/// A UTF-8 (lossy) copy of a C string from the shim, or an empty string for NULL.
///
/// # Safety
/// `text` is null or NUL-terminated.
unsafe fn text(text: *const c_char) -> String {
    if text.is_null() {
        return String::new();
    }
    // SAFETY: non-null and NUL-terminated per this function's contract.
    unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned()
}

/// Runs `body`, turning a panic into `failure`: nothing unwinds into the module.
fn guarded<R>(failure: R, body: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(failure)
}

/// `CloseHandle` on a handle the shim did not create. A server-owned token is a contract
/// violation (the IHttpUser documentation: the caller must not close it); it stays usable.
unsafe extern "C" fn close_handle(handle: *mut c_void) -> c_int {
    guarded(0, || {
        if tokens().close_duplicate(handle) {
            return 1;
        }
        match tokens().get(handle) {
            Some((principal, kind)) => {
                let which = if kind == TokenKind::Primary { "Primary" } else { "Impersonation" };
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    "CloseHandle",
                    format!(
                        "closed the {} token of user `{}`, which the server owns (IHttpUser::Get{which}Token: the caller must not close it); the token stays valid",
                        which.to_lowercase(),
                        principal.name
                    ),
                );
                1
            }
            None => 0,
        }
    })
}

unsafe extern "C" fn report_event(
    source: *const c_char,
    kind: u16,
    category: u16,
    event_id: u32,
    string_count: u16,
    strings: *const *const c_char,
) -> c_int {
    guarded(0, || {
        // SAFETY: the shim passes a NUL-terminated source name.
        let source = unsafe { text(source) };
        let strings = (0..usize::from(string_count))
            .map(|i| {
                if strings.is_null() {
                    return String::new();
                }
                // SAFETY: the shim passes `string_count` string pointers, each NULL or NUL-terminated.
                unsafe { text(*strings.add(i)) }
            })
            .collect();
        scope::record(TraceEvent::EventLog { source, kind, category, event_id, strings });
        1
    })
}

unsafe extern "C" fn output_debug_string(message: *const c_char) {
    guarded((), || {
        // SAFETY: the shim passes a NUL-terminated string.
        let text = unsafe { text(message) };
        scope::record(TraceEvent::DebugString { text });
    })
}
