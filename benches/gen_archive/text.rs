//! Text generation: templates filled with topic words, titles, names and authors.

use crate::rng::Rng;
use crate::topics::Topic;
use crate::words::*;

pub(crate) struct Ctx<'a> {
    pub(crate) name: &'a str,
    pub(crate) t1: &'static Topic,
    pub(crate) t2: &'static Topic,
}

pub(crate) fn topic<'a>(c: &Ctx<'a>, r: &mut Rng) -> &'static Topic {
    if r.chance(0.75) { c.t1 } else { c.t2 }
}

pub(crate) fn push_pct(out: &mut String, r: &mut Rng, lo: usize, hi: usize) {
    let v = r.range(lo * 10, hi * 10);
    out.push_str(&format!("{}.{}%", v / 10, v % 10));
}

pub(crate) fn handle(r: &mut Rng) -> String {
    let mut h = String::from(r.pick(HANDLE_PARTS));
    if r.chance(0.5) {
        h.push_str(r.pick(HANDLE_PARTS));
    }
    match r.below(4) {
        0 => h.push_str(&format!("{}", r.range(1, 999))),
        1 => h.push_str(&format!("-{}", r.range(1, 99))),
        _ => {}
    }
    h
}

/// Expand `{X}` placeholders in a template, drawing each fill from `r`.
pub(crate) fn fill(out: &mut String, tpl: &str, c: &Ctx, r: &mut Rng) {
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = i + rest[i..].find('}').expect("unclosed placeholder");
        match &rest[i + 1..j] {
            "N" => out.push_str(c.name),
            "T" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.tasks))
            }
            "T2" => out.push_str(r.pick(c.t2.tasks)),
            "M" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.methods))
            }
            "S" => out.push_str(r.pick(c.t1.subjects)),
            "B" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.benches))
            }
            "A" => out.push_str(r.pick(ADJ)),
            "L" => out.push_str(r.pick(LIMITS)),
            "C" => out.push_str(r.pick(COMPONENTS)),
            "K" => out.push_str(r.pick(BASELINES)),
            "Q" => out.push_str(r.pick(SIZES)),
            "G" => out.push_str(r.pick(GERUNDS)),
            "V" => out.push_str(r.pick(VERBS)),
            "VL" => out.push_str(r.pick(VERBS_LOWER)),
            "SET" => out.push_str(r.pick(SETTINGS)),
            "DK" => out.push_str(r.pick(DATA_KINDS)),
            "D" => {
                let n = r.range(10, 950);
                let unit = if r.chance(0.8) { "K" } else { "M" };
                out.push_str(&format!(
                    "a curated dataset of {}{} {}",
                    n,
                    unit,
                    r.pick(DATA_KINDS)
                ));
            }
            "P" => push_pct(out, r, 5, 95),
            "PP" => {
                let a = r.range(200, 700);
                let b = a + r.range(15, 250);
                out.push_str(&format!(
                    "from {}.{}% to {}.{}%",
                    a / 10,
                    a % 10,
                    b / 10,
                    b % 10
                ));
            }
            "X" => {
                let v = r.range(11, 89);
                let sign = if r.chance(0.3) { "×" } else { "x" };
                out.push_str(&format!("{}.{}{}", v / 10, v % 10, sign));
            }
            "H" => out.push_str(&handle(r)),
            "NUM" => out.push_str(r.pick(&["Three", "Five", "Seven", "Ten"])),
            other => panic!("unknown placeholder {{{}}}", other),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
}

/// Like fill, but capitalises the first letter (sentence start).
pub(crate) fn sentence(out: &mut String, tpl: &str, c: &Ctx, r: &mut Rng) {
    let start = out.len();
    fill(out, tpl, c, r);
    if let Some(ch) = out[start..].chars().next() {
        if ch.is_ascii_lowercase() {
            out.replace_range(start..start + 1, &ch.to_ascii_uppercase().to_string());
        }
    }
}

pub(crate) const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via",
    "with",
];

pub(crate) fn cap_word(w: &str, first: bool, out: &mut String) {
    // Capitalise each hyphen part (text-to-image -> Text-to-Image), keep small words lower.
    for (k, part) in w.split('-').enumerate() {
        if k > 0 {
            out.push('-');
        }
        let lower_ok = !(first && k == 0) && SMALL.contains(&part);
        let mut chars = part.chars();
        match chars.next() {
            Some(ch) if !lower_ok => {
                out.extend(ch.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
    }
}

pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        cap_word(w, first, &mut out);
        first = w.ends_with(':') || w.ends_with('?');
    }
    out
}

/// arXiv-style wrap: first line at most 72 characters, broken at a space.
pub(crate) fn wrap72(t: &str) -> (&str, Option<&str>) {
    if t.chars().count() <= 72 {
        return (t, None);
    }
    let mut cut = None;
    for (ci, (bi, ch)) in t.char_indices().enumerate() {
        if ci > 72 {
            break;
        }
        if ch == ' ' {
            cut = Some(bi);
        }
    }
    match cut {
        Some(b) => (&t[..b], Some(&t[b + 1..])),
        None => (t, None),
    }
}

pub(crate) fn make_name(r: &mut Rng) -> String {
    if r.chance(0.15) {
        // acronym-style: ZeCO, CRISP, ...
        let n = r.range(3, 5);
        let mut s = String::new();
        for k in 0..n {
            let ch = (b'A' + r.below(26) as u8) as char;
            if k == 1 && r.chance(0.3) {
                s.push(ch.to_ascii_lowercase());
            } else {
                s.push(ch);
            }
        }
        return s;
    }
    let mut s = String::from(r.pick(NAME_A));
    s.push_str(r.pick(NAME_B));
    if r.chance(0.25) {
        s.push_str(r.pick(NAME_SUFFIX));
    }
    s
}

pub(crate) fn make_title(r: &mut Rng, c: &Ctx, want_long: bool) -> String {
    // The base title speaks about the primary topic only (its category becomes a tag);
    // extensions may bring in the secondary topic.
    let base = Ctx {
        name: c.name,
        t1: c.t1,
        t2: c.t1,
    };
    for _ in 0..16 {
        let mut s = String::new();
        fill(&mut s, r.pick(TITLE_TPL), &base, r);
        if want_long {
            let mut k = 0;
            while s.chars().count() <= 78 && k < 4 {
                fill(&mut s, r.pick(TITLE_EXT), c, r);
                k += 1;
            }
        }
        let s = title_case(&s);
        let n = s.chars().count();
        if want_long {
            if let (_, Some(second)) = wrap72(&s) {
                let m = second.chars().count();
                if (6..=72).contains(&m) {
                    return s;
                }
            }
        } else if n <= 72 {
            return s;
        }
    }
    let mut s = String::new();
    fill(&mut s, "{N}: {T}", c, r);
    title_case(&s)
}

pub(crate) fn make_authors(r: &mut Rng, name: &str) -> String {
    let n = r.range(2, 8);
    let mut parts: Vec<String> = Vec::with_capacity(n);
    for k in 0..n {
        if k == n - 1 && r.chance(0.4) {
            parts.push(handle(r));
        } else if k == n - 2 && r.chance(0.04) {
            parts.push(format!("The {} Team", name));
        } else {
            let f = r.pick(FIRST);
            let l = r.pick(LAST);
            parts.push(format!("{} {}", f, l));
        }
    }
    parts.join(", ")
}
