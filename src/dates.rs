//! Dates and times as pages, feeds and the feed state file write them: ISO 8601 days
//! and RFC 3339 UTC times, digit by digit. Below the renderer so that the feed state
//! (which the renderer reads) can write the same times without pointing up.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// `2025-07-04`.
pub fn iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_iso_date(&mut out, date);
    out
}

/// Appends [`iso_date`]`(date)` digit by digit (chrono's `format` parses its pattern on
/// every call, and `format!` is not much cheaper); true when the year has four digits,
/// false when chrono wrote it.
pub fn push_iso_date(out: &mut String, date: NaiveDate) -> bool {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&date.format("%Y-%m-%d").to_string());
        return false;
    }
    let year = year as u32;
    push_two_digits(out, year / 100);
    push_two_digits(out, year % 100);
    out.push('-');
    push_two_digits(out, date.month());
    out.push('-');
    push_two_digits(out, date.day());
    true
}

/// Appends `n` (below 100) as two digits.
pub fn push_two_digits(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Midnight UTC of `date`, as [`datetime`] writes it.
pub fn timestamp(date: NaiveDate) -> String {
    datetime(midnight(date))
}

/// RFC 3339 in UTC with a `Z`, whole seconds.
pub fn datetime(t: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(20);
    push_datetime(&mut out, t);
    out
}

/// Appends [`datetime`]`(t)`: feeds write two dates per entry.
pub fn push_datetime(out: &mut String, t: DateTime<Utc>) {
    use chrono::Timelike;
    if !push_iso_date(out, t.date_naive()) {
        out.push_str(&t.format("T%H:%M:%SZ").to_string());
        return;
    }
    let two = push_two_digits;
    out.push('T');
    two(out, t.hour());
    out.push(':');
    two(out, t.minute());
    out.push(':');
    two(out, t.second());
    out.push('Z');
}

/// Midnight UTC of a day.
pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_is_rfc_3339_as_chrono_writes_it() {
        for (y, mo, d, h, mi, s) in [
            (2025, 7, 4, 0, 0, 0),
            (1, 1, 1, 23, 59, 59),
            (9999, 12, 31, 5, 6, 7),
        ] {
            let t = NaiveDate::from_ymd_opt(y, mo, d)
                .and_then(|d| d.and_hms_opt(h, mi, s))
                .unwrap()
                .and_utc();
            assert_eq!(datetime(t), t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
            let date = t.date_naive();
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
        }
        let far = NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        assert_eq!(timestamp(far), far.format("%Y-%m-%dT00:00:00Z").to_string());
    }
}
