//! Dates where bots write them: in a heading, a file name, or any folder of the path,
//! as `2025-07-04`, `2025/07/04`, `2025.07.04`, `2025_07_04`, `20250704`, `2025_0704`,
//! `2025年7月4日`, `27-May-2025`, `May 27, 2025`, or spread over folders (`2025/07/04.md`, `2025/0704/…`).

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<y>(?:19|20)[0-9]{2})(?P<s1>[-/._])(?P<m>[0-9]{1,2})(?P<s2>[-/._])(?P<d>[0-9]{1,2})",
        r"|(?P<cy>(?:19|20)[0-9]{2})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})",
        r"|(?P<ey>(?:19|20)[0-9]{2})[/_]?(?P<em>[01][0-9])(?P<ed>[0-3][0-9])",
        r"|(?P<fy>(?:19|20)[0-9]{2})(?P<fm>[01][0-9])[-/_](?P<fd>[0-3][0-9])",
        r"|(?P<rd>[0-3]?[0-9])(?P<r1>[-.])(?P<rm>[01]?[0-9])(?P<r2>[-.])(?P<ry>(?:19|20)[0-9]{2})",
    ))
    .expect("static regex")
});

/// Dates with the month's English name, asked only when [`DATE`] finds none: most
/// dates bots write are numbers, and one expression for both forms cost every heading
/// and path more.
static NAMED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<nd>[0-3]?[0-9])[-_ ](?P<nm>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?[-_ ](?P<ny>(?:19|20)[0-9]{2})",
        r"|\b(?P<wm>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.? (?P<wd>[0-3]?[0-9])(?:st|nd|rd|th)?,? (?P<wy>(?:19|20)[0-9]{2})",
    ))
    .expect("static regex")
});

/// The first real date written in `text`, in any of the forms above. In running text
/// the two separators must match (`2025-07/04` is a path's, see [`date_from_path`]).
pub fn find_date(text: &str) -> Option<NaiveDate> {
    find_date_with(text, false)
}

fn find_date_with(text: &str, mixed_separators: bool) -> Option<NaiveDate> {
    // Every form holds a year: most text has none, and a number of four digits that is
    // no year (`[new 1234]`, a listing's count) should not cost a search.
    if !has_year_digits(text.as_bytes()) {
        return None;
    }
    let named = || {
        (has_a_year(text) && names_a_month(text))
            .then(|| NAMED_MONTH.captures_iter(text))
            .into_iter()
            .flatten()
    };
    for caps in DATE.captures_iter(text).chain(named()) {
        let Some(whole) = caps.get(0) else { continue };
        let before = text[..whole.start()].chars().next_back();
        let after = text[whole.end()..].chars().next();
        let digit_or_dot_digit = |c: Option<char>, rest: &str| {
            c.is_some_and(|c| c.is_ascii_digit())
                || (c == Some('.') && rest.chars().nth(1).is_some_and(|d| d.is_ascii_digit()))
        };
        if before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            || digit_or_dot_digit(after, &text[whole.end()..])
        {
            continue;
        }
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = if let (Some(y), Some(m), Some(d)) = (num("y"), num("m"), num("d")) {
            let (s1, s2) = (
                caps.name("s1").map(|m| m.as_str()),
                caps.name("s2").map(|m| m.as_str()),
            );
            // Mixed separators only across folders (`2025-07/04`), never `2026_08-10`.
            if s1 != s2 && !(mixed_separators && (s1 == Some("/") || s2 == Some("/"))) {
                continue;
            }
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("cy"), num("cm"), num("cd")) {
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("ey"), num("em"), num("ed")) {
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("fy"), num("fm"), num("fd")) {
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("ry"), num("rm"), num("rd")) {
            // `03-12-2025`: day first, as bots outside the US write it.
            if caps.name("r1").map(|m| m.as_str()) != caps.name("r2").map(|m| m.as_str()) {
                continue;
            }
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("ny"), month_of(&caps, "nm"), num("nd")) {
            // `27-May-2025`, `3 March 2026`.
            ymd(y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("wy"), month_of(&caps, "wm"), num("wd")) {
            // `May 27, 2025`.
            ymd(y, m, d)
        } else {
            None
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// Whether `b` holds four digits in a row that open with `19` or `20`: the year that
/// every form of [`DATE`] and [`NAMED_MONTH`] holds, wherever it stands.
fn has_year_digits(b: &[u8]) -> bool {
    // memchr finds the few `1`s and `2`s of a heading faster than a look at every byte.
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        b.get(i..i + 4).is_some_and(|w| {
            matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
                && w[2].is_ascii_digit()
                && w[3].is_ascii_digit()
        })
    })
}

/// Whether `text` holds a year standing alone (`2025`, not the `2601` of an id
/// `2601.00001`): every date with a month's name has one.
fn has_a_year(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let dotted_before = start >= 2 && b[start - 1] == b'.' && b[start - 2].is_ascii_digit();
        let dotted_after = b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if i - start == 4
            && matches!(&b[start..start + 2], b"19" | b"20")
            && !dotted_before
            && !dotted_after
        {
            return true;
        }
    }
    false
}

/// Whether `text` holds a word opening with the first three letters of a month's
/// English name, in any case, with a digit at most three bytes before or after it:
/// what every date [`NAMED_MONTH`] matches holds, and few titles do (`Decoding`, `Mars`).
fn names_a_month(text: &str) -> bool {
    let b = text.as_bytes();
    let digit_in = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|s| s.iter().any(u8::is_ascii_digit))
    };
    (0..b.len().saturating_sub(2)).any(|i| {
        // Most bytes start no word, and most words no month: the cheap tests first.
        if i > 0 && b[i - 1].is_ascii_alphabetic()
            || !matches!(
                b[i] | 0x20,
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            )
        {
            return false;
        }
        let stem = [
            b[i].to_ascii_lowercase(),
            b[i + 1].to_ascii_lowercase(),
            b[i + 2].to_ascii_lowercase(),
        ];
        if !MONTH_NAMES.iter().any(|m| m.as_bytes()[..3] == stem) {
            return false;
        }
        let end = i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        digit_in(i.saturating_sub(3)..i) || digit_in(end..(end + 4).min(b.len()))
    })
}

/// The months' English names, lower-cased, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month an English month name gives (`May`, `Sep`, `Sept.`, `september`); none for
/// a word that only starts like one (`Mayor`, `Marked`).
fn month_of(caps: &regex::Captures<'_>, name: &str) -> Option<u32> {
    let word = caps.name(name)?.as_str().to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(&word) || word == "sept" && *m == "september")
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A date in the file's path: in the file name, else in one of the folders holding it
/// (nearest first), else spread over the last folders (`2025/07/04.md`, `2025/0704/x.md`,
/// `2025-07/04.md`).
pub fn date_from_path(path: &Path) -> Option<NaiveDate> {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let (name, folders) = parts.split_last()?;
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    // A day's folder names the day of every note in it; a date inside a note's name
    // may be another (a bioRxiv DOI's `2024-10-28`).
    let near: Vec<&str> = folders.iter().rev().take(4).copied().collect();
    if let Some(date) = near.iter().find_map(|f| find_date(f)) {
        return Some(date);
    }
    let mut tail: Vec<&str> = near.into_iter().rev().collect();
    if let Some(date) = find_date_with(&tail.join("/"), true) {
        return Some(date);
    }
    if let Some(date) = find_date(stem) {
        return Some(date);
    }
    // Spread over folders and the name: `2025/07/04.md`. A name that goes on as a slug
    // of several words is a title that opens with a number (`2024-08/15-pints-…` for
    // "1.5-Pints"), not a day.
    if !opens_a_slug(stem) {
        tail.push(stem);
    }
    find_date_with(&tail.join("/"), true).or_else(|| {
        // A weekly roundup named by its ISO week (`2026-W06`, `weekly-2026-w33.md`):
        // dated by the week's Monday, in the name first, then the nearest folder.
        std::iter::once(stem)
            .chain(folders.iter().rev().take(4).copied())
            .find_map(iso_week_monday)
    })
}

/// Whether `stem` is a number followed by three or more words (`15-pints-a-small-llm`).
fn opens_a_slug(stem: &str) -> bool {
    let mut parts = stem.split(['-', '_']);
    parts
        .next()
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
            .count()
            >= 3
}

/// The Monday of an ISO week written `YYYY-Www` (or `YYYY_Www`, `YYYYWww`; `w` in either
/// case), standing apart from other digits.
pub fn iso_week_monday(text: &str) -> Option<NaiveDate> {
    static WEEK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_]?[wW]([0-5][0-9])(?:$|[^0-9])")
            .expect("static regex")
    });
    let caps = WEEK.captures(text)?;
    let year: i32 = caps[1].parse().ok()?;
    let week: u32 = caps[2].parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
}

/// `2026-02-30.md` and the like: a name shaped as a date that is no day of the
/// calendar (for a message better than "no date").
pub fn impossible_date_in(path: &Path) -> Option<String> {
    static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:19|20)[0-9]{2}[-/._]?[0-9]{2}[-/._]?[0-9]{2}").expect("static regex")
    });
    let name = path.file_stem()?.to_str()?;
    SHAPE
        .find(name)
        .map(|m| m.as_str().to_string())
        .filter(|_| find_date(name).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(find_date("Papers for 2025-07-04"), d(2025, 7, 4));
        assert_eq!(find_date("# 2025/07/04 digest"), d(2025, 7, 4));
        assert_eq!(find_date("每日论文 2025年7月4日"), d(2025, 7, 4));
        assert_eq!(find_date("daily 20250704"), d(2025, 7, 4));
        assert_eq!(find_date("2025.7.4"), d(2025, 7, 4));
        assert_eq!(find_date("id 2507.01234"), None);
        assert_eq!(find_date("2025-02-30"), None);
        assert_eq!(find_date("120250704"), None);
        assert_eq!(find_date("2025-07/04"), None);
        assert_eq!(find_date("03-12-2025_16-09"), d(2025, 12, 3));
        assert_eq!(find_date("27-May-2025"), d(2025, 5, 27));
        assert_eq!(find_date("1-Apr-2026"), d(2026, 4, 1));
        assert_eq!(find_date("Papers of 3 March 2026"), d(2026, 3, 3));
        assert_eq!(find_date("Digest for Sept. 9, 2025"), d(2025, 9, 9));
        assert_eq!(find_date("May 27th, 2025"), d(2025, 5, 27));
        assert_eq!(find_date("31-Feb-2025"), None);
        assert_eq!(find_date("12 Mayors 2025"), None);
        assert_eq!(find_date("Summary 5, 2025"), None);
        assert!(has_a_year("May 27, 2025") && !has_a_year("Mar 2601.00001 v2"));
        assert_eq!(find_date("2026_08-10"), None);
    }

    #[test]
    fn every_date_holds_year_digits() {
        for text in [
            "Papers for 2025-07-04",
            "每日论文 2025年7月4日",
            "daily 20250704",
            "120250704",
            "03-12-2025_16-09",
            "Digest for Sept. 9, 2025",
            "1999/12/31",
            "[new 1920] Title",
        ] {
            assert!(has_year_digits(text.as_bytes()), "{text}");
        }
        for text in [
            "[new 1234] Title",
            "id 2507.01234",
            "2 0 2 5",
            "19x5",
            "205",
        ] {
            assert!(!has_year_digits(text.as_bytes()), "{text}");
            assert!(
                !DATE.is_match(text) && !NAMED_MONTH.is_match(text),
                "{text}"
            );
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn year_digits_wherever_a_date_form_matches(
            text in "[0-29./_ 年月-]{4,20}|[0-9a-zA-Z年月 ./_,-]{0,24}"
        ) {
            if DATE.is_match(&text) || NAMED_MONTH.is_match(&text) {
                proptest::prop_assert!(has_year_digits(text.as_bytes()));
            }
        }
    }

    #[test]
    fn dates_in_paths() {
        let p = |s: &str| date_from_path(Path::new(s));
        assert_eq!(p("content/2025/07/2025-07-04.md"), d(2025, 7, 4));
        assert_eq!(p("c/2025-07-04-feed.md"), d(2025, 7, 4));
        assert_eq!(p("archive/2025/07/04.md"), d(2025, 7, 4));
        assert_eq!(p("content/20250704.md"), d(2025, 7, 4));
        assert_eq!(p("content/2025-07-04/some-paper.md"), d(2025, 7, 4));
        assert_eq!(p("content/2026/0301/some-paper.md"), d(2026, 3, 1));
        assert_eq!(p("content/2025-07/04.md"), d(2025, 7, 4));
        assert_eq!(p("content/2025-07/04-digest.md"), d(2025, 7, 4));
        // A title's slug that opens with a number ("1.5-Pints", "2.5 Years in Class").
        assert_eq!(p("papers/2024-08/15-pints-pretraining-in-days.md"), None);
        assert_eq!(p("papers/2025-01/25-years-in-class-a-textbook.md"), None);
        assert_eq!(p("docs/202604/12/2604.00001-a-note.md"), d(2026, 4, 12));
        assert_eq!(p("daily/20250514_Wed/text.md"), d(2025, 5, 14));
        assert_eq!(p("out/output_2025_0611.md"), d(2025, 6, 11));
        assert_eq!(p("c/2026/march/02-03-2026_08-10.md"), d(2026, 3, 2));
        assert_eq!(
            p("docs/202603/09/biorxiv-10-1101-2026-02-27-612345.md"),
            d(2026, 3, 9)
        );
        assert_eq!(p("weekly/2026-W06/README.md"), d(2026, 2, 2));
        assert_eq!(p("c/rankings/weekly-2026-w33.md"), d(2026, 8, 10));
        assert_eq!(p("c/2026-W54.md"), None);
        assert_eq!(p("c/12026-W06.md"), None);
        assert_eq!(p("c/2025-02-30.md"), None);
        assert_eq!(p("c/notes.md"), None);
        assert_eq!(p("c/12025-07-04.md"), None);
        assert_eq!(
            impossible_date_in(Path::new("c/2025-02-30.md")).as_deref(),
            Some("2025-02-30")
        );
    }
}
