//! Calendar dates from days since the Unix epoch, for the HTTP dates of file info and the
//! timestamps of FREB files (no time-zone data needed: both are UTC).

/// (year, month 1–12, day 1–31) of the day `days` after 1970-01-01, by Howard Hinnant's
/// civil-from-days algorithm.
pub fn from_days(days: u64) -> (i64, i64, i64) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_days() {
        assert_eq!(super::from_days(0), (1970, 1, 1));
        // 2000-02-29: a leap day in a year divisible by 400.
        assert_eq!(super::from_days(11_016), (2000, 2, 29));
    }
}
