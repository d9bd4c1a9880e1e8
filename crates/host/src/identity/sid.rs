//! Security identifiers: the binary form modules see, the names accounts and groups have, and a
//! process-wide registry so that `LookupAccountSid` can name any SID the host handed out.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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

/// What an account name stands for (`SID_NAME_USE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidUse {
    User = 1,
    Group = 2,
    WellKnownGroup = 5,
    Alias = 4,
}

/// Well-known accounts and groups, by the name Windows gives them.
const WELL_KNOWN: &[(&str, &str, u64, &[u32], SidUse)] = &[
    ("", "Everyone", 1, &[0], SidUse::WellKnownGroup),
    ("NT AUTHORITY", "Authenticated Users", 5, &[11], SidUse::WellKnownGroup),
    ("NT AUTHORITY", "IUSR", 5, &[17], SidUse::WellKnownGroup),
    ("BUILTIN", "Administrators", 5, &[32, 544], SidUse::Alias),
    ("BUILTIN", "Users", 5, &[32, 545], SidUse::Alias),
    ("BUILTIN", "Guests", 5, &[32, 546], SidUse::Alias),
    ("BUILTIN", "IIS_IUSRS", 5, &[32, 568], SidUse::Alias),
];

/// SID -> (name, domain, use).
type Registry = Mutex<HashMap<Vec<u8>, (String, String, SidUse)>>;

fn registry() -> &'static Registry {
    static NAMES: OnceLock<Registry> = OnceLock::new();
    NAMES.get_or_init(|| {
        let map = WELL_KNOWN
            .iter()
            .map(|(domain, name, authority, subs, sid_use)| {
                (sid_bytes(*authority, subs), (name.to_string(), domain.to_string(), *sid_use))
            })
            .collect();
        Mutex::new(map)
    })
}

/// `DOMAIN\name` as (domain, name); a bare name has an empty domain.
fn split(account: &str) -> (&str, &str) {
    account.rsplit_once('\\').unwrap_or(("", account))
}

/// The SID of an account or group name: well-known ones as Windows has them, others a stable
/// domain SID derived from the name (S-1-5-21-a-b-c-RID), registered for lookups.
pub fn sid_for(account: &str, sid_use: SidUse) -> Vec<u8> {
    let (domain, name) = split(account);
    if let Some((_, _, authority, subs, _)) = WELL_KNOWN
        .iter()
        .find(|(d, n, ..)| n.eq_ignore_ascii_case(name) && (domain.is_empty() || d.eq_ignore_ascii_case(domain)))
    {
        return sid_bytes(*authority, subs);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in domain.to_ascii_lowercase().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut rid_hash: u32 = 0x811c_9dc5;
    for b in name.to_ascii_lowercase().bytes() {
        rid_hash = (rid_hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    // Relative ids of real accounts start at 1000.
    let rid = 1000 + rid_hash % 1_000_000;
    let sid = sid_bytes(5, &[21, (hash >> 32) as u32, hash as u32, (hash >> 16) as u32 ^ 0x5eed, rid]);
    registry().lock().unwrap_or_else(|e| e.into_inner()).entry(sid.clone()).or_insert((
        name.to_string(),
        domain.to_string(),
        sid_use,
    ));
    sid
}

/// The name, domain and use of a SID the host knows.
pub fn lookup(sid: &[u8]) -> Option<(String, String, SidUse)> {
    registry().lock().unwrap_or_else(|e| e.into_inner()).get(sid).cloned()
}

/// The length of the binary SID at the start of `bytes`, if it is well formed.
pub fn sid_len(bytes: &[u8]) -> Option<usize> {
    let count = *bytes.get(1)? as usize;
    (bytes.first() == Some(&1) && count <= 15).then_some(8 + 4 * count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_names_have_their_windows_sids() {
        assert_eq!(sid_for("BUILTIN\\Administrators", SidUse::Alias), sid_bytes(5, &[32, 544]));
        assert_eq!(sid_for("Everyone", SidUse::Group), [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn other_names_get_a_stable_registered_domain_sid() {
        let a = sid_for("CONTOSO\\alice", SidUse::User);
        assert_eq!(a, sid_for("contoso\\ALICE", SidUse::User));
        assert_ne!(a, sid_for("CONTOSO\\bob", SidUse::User));
        assert_eq!(&a[2..12], &sid_bytes(5, &[21])[2..12], "S-1-5-21-...");
        assert_eq!(lookup(&a), Some(("alice".into(), "CONTOSO".into(), SidUse::User)));
        assert_eq!(sid_len(&a), Some(28));
    }
}
