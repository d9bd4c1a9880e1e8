//! Conversions between Rust strings and the platform `wchar_t` (UTF-32 off Windows).

use iissim_abi::types::WCHAR;

/// `text` as NUL-terminated wide code units.
pub fn to_wide(text: &str) -> Vec<WCHAR> {
    #[cfg(windows)]
    let mut units: Vec<WCHAR> = text.encode_utf16().collect();
    #[cfg(not(windows))]
    let mut units: Vec<WCHAR> = text.chars().map(|c| c as WCHAR).collect();
    units.push(0);
    units
}

/// Wide code units (without the NUL) as a Rust string; invalid units become U+FFFD.
pub fn from_wide(units: &[WCHAR]) -> String {
    #[cfg(windows)]
    return String::from_utf16_lossy(units);
    #[cfg(not(windows))]
    units.iter().map(|&u| char::from_u32(u as u32).unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_non_ascii() {
        let text = "Grüße, 世界 🎉";
        let wide = to_wide(text);
        assert_eq!(*wide.last().unwrap(), 0);
        assert_eq!(from_wide(&wide[..wide.len() - 1]), text);
    }
}
