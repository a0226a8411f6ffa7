//! What every fuzz target runs and checks, whatever the input.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`, one line each) and the tests
//! (`tests/proptest_parsers.rs`, which also replays every file under `fuzz/seeds/`);
//! both include this file with `#[path]`, so the fuzzer and `cargo test` check exactly
//! the same properties. A target panics when the code under test panics, and returns
//! the first broken property as an `Err` otherwise (the fuzz target turns it into a
//! panic, so libFuzzer saves the input).

use std::path::Path;
use std::sync::LazyLock;

use papertrail::config::Config;
use papertrail::content::{self, Markup, ParseOptions, Section, markup};
use papertrail::diagnostic::Diagnostics;

/// A fuzz target body: the input, then the first broken property.
pub type Target = fn(&[u8]) -> Result<(), String>;

/// Every target, by the name of its fuzz binary (and its `fuzz/seeds/` folder).
pub const TARGETS: &[(&str, Target)] = &[
    ("parse_digest", parse_digest),
    ("parse_table", parse_table),
    ("parse_feed_dump", parse_feed_dump),
    ("parse_native", parse_native),
    ("front_matter", front_matter),
    ("markup", sanitiser),
];

/// The default configuration, and the same without tag rules: `model::build` compiles
/// the rules into an automaton on every call, which took over half of `parse_digest`'s
/// time, so only a quarter of the inputs (chosen by their first byte) pay for it.
static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);
static CONFIG_NO_TAG_RULES: LazyLock<Config> = LazyLock::new(|| Config {
    tag_rules: Vec::new(),
    ..Config::default()
});

/// Paths the files of a `parse_digest` input are read under: dated three ways, undated.
pub const DIGEST_PATHS: [&str; 4] = [
    "content/2025/07/2025-07-04.md",
    "content/2025/07/2025-07-04-feed.md",
    "archive/2025/07/05.md",
    "content/notes.md",
];

/// Both settings of each parse option, picked by the input so all get fuzzed.
fn options(data: &[u8]) -> ParseOptions {
    ParseOptions {
        strip_preambles: data.len().is_multiple_of(2),
        strip_follow_ups: data.len().is_multiple_of(3),
    }
}

/// Whole files: the input is cut at each `\0\0` into up to four files (so the model
/// sees one paper in several files and days), each goes through `content::parse_bytes`
/// (decoding, front matter, format detection, every parser) under one of
/// [`DIGEST_PATHS`], and all of them through `model::build`. The input's first byte
/// picks whether the model gets the digests by reference or by value (its two code
/// paths) and whether the configuration has tag rules.
pub fn parse_digest(data: &[u8]) -> Result<(), String> {
    let files = split_files(data, DIGEST_PATHS.len());
    let opts = options(data);
    let mut digests = Vec::new();
    for (bytes, path) in files.iter().zip(DIGEST_PATHS) {
        let max = max_line(bytes);
        let (digest, diags) = content::parse_bytes(Path::new(path), bytes, &opts);
        check_diagnostics(&diags, max).map_err(|e| format!("{path}: {e}"))?;
        if let Some(d) = digest {
            check_sections(&d.sections, max).map_err(|e| format!("{path}: {e}"))?;
            digests.push(d);
        }
    }
    let first = data.first().copied().unwrap_or(0);
    let config: &Config = if first & 6 == 0 {
        &CONFIG
    } else {
        &CONFIG_NO_TAG_RULES
    };
    let (_site, diags) = if first & 1 == 1 {
        papertrail::model::build(digests, config)
    } else {
        papertrail::model::build(&digests, config)
    };
    for d in &diags.items {
        if let Some(i) = DIGEST_PATHS.iter().position(|p| Path::new(p) == d.path) {
            let max = files.get(i).map_or(1, |b| max_line(b));
            if d.line > max {
                return Err(format!("model: line {} > {max}: {d}", d.line));
            }
        }
    }
    Ok(())
}

/// Splits at `\0\0` into at most `n` parts (the last keeps any further separators).
pub fn split_files(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < n {
        match rest.windows(2).position(|w| w == b"\0\0") {
            Some(pos) => {
                parts.push(&rest[..pos]);
                rest = &rest[pos + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

/// One body parser on any UTF-8 text (other inputs are skipped).
fn body_parser(
    parse: impl Fn(&Path, &str, usize, &ParseOptions, &mut Diagnostics) -> Vec<Section>,
    data: &[u8],
) -> Result<(), String> {
    let Ok(body) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let mut diags = Diagnostics::default();
    let sections = parse(
        Path::new("content/2025-07-04.md"),
        body,
        1,
        &options(data),
        &mut diags,
    );
    let max = max_line(data);
    check_diagnostics(&diags, max)?;
    check_sections(&sections, max)
}

pub fn parse_table(data: &[u8]) -> Result<(), String> {
    // Read as a file dated by its path or front matter, or not (its rows may then date
    // themselves), as the input's first byte says.
    let dated_elsewhere = data.first().is_some_and(|b| b & 1 == 1);
    body_parser(
        |path, body, line, opts, diags| {
            content::table::parse(path, dated_elsewhere, body, line, opts, diags)
        },
        data,
    )
}

pub fn parse_feed_dump(data: &[u8]) -> Result<(), String> {
    body_parser(content::feed_dump::parse, data)
}

pub fn parse_native(data: &[u8]) -> Result<(), String> {
    body_parser(content::native::parse, data)
}

/// `front_matter::split`: the body is the text's tail and starts on one of its lines;
/// an error names one of its lines.
pub fn front_matter(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let max = max_line(data);
    match content::front_matter::split(Path::new("content/a.md"), text) {
        Ok((_front, date_line, body, body_line)) => {
            if !text.ends_with(body) {
                return Err("body is not the tail of the text".into());
            }
            if body_line == 0 || body_line > max {
                return Err(format!("body_line {body_line} outside 1..={max}"));
            }
            if date_line > max {
                return Err(format!("date_line {date_line} > {max}"));
            }
            Ok(())
        }
        Err(d) if d.line > max => Err(format!("line {} > {max}: {d}", d.line)),
        Err(_) => Ok(()),
    }
}

/// The sanitiser: `markup::{block, inline, plain}`; the HTML holds no active content.
pub fn sanitiser(data: &[u8]) -> Result<(), String> {
    let Ok(src) = std::str::from_utf8(data) else {
        return Ok(());
    };
    check_markup(&markup::block(src)).map_err(|e| format!("markup::block: {e}"))?;
    check_markup(&markup::inline(src)).map_err(|e| format!("markup::inline: {e}"))?;
    let _ = markup::plain(src);
    Ok(())
}

/// The largest line number a diagnostic about `bytes` may name: one past the last line
/// (a problem "at the end of the file"). Lines end at `\n`, `\r\n` or a lone `\r`, as in
/// `content::decode`.
pub fn max_line(bytes: &[u8]) -> usize {
    let mut lines = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            lines += 1;
        }
    }
    lines + 1
}

/// Every diagnostic names a line within the file (0 means "the whole file").
pub fn check_diagnostics(diags: &Diagnostics, max_line: usize) -> Result<(), String> {
    match diags.items.iter().find(|d| d.line > max_line) {
        Some(d) => Err(format!(
            "diagnostic names line {} but the input has at most {max_line}: {d}",
            d.line
        )),
        None => Ok(()),
    }
}

/// Entries point at real lines and every piece of rendered HTML is inert.
pub fn check_sections(sections: &[Section], max_line: usize) -> Result<(), String> {
    for section in sections {
        if section.line > max_line {
            return Err(format!(
                "section names line {} but the input has at most {max_line}",
                section.line
            ));
        }
        for entry in &section.entries {
            if entry.line > max_line {
                return Err(format!(
                    "entry `{}` names line {} but the input has at most {max_line}",
                    entry.title, entry.line
                ));
            }
            for (field, markup) in [
                ("summary", &entry.summary),
                ("gist", &entry.gist),
                ("abstract", &entry.abstract_),
            ] {
                if let Some(m) = markup {
                    check_markup(m)
                        .map_err(|e| format!("entry line {} {field}: {e}", entry.line))?;
                }
            }
        }
    }
    Ok(())
}

/// Sanitised HTML carries nothing a browser would run.
pub fn check_markup(m: &Markup) -> Result<(), String> {
    match active_content(&m.html) {
        Some(problem) => Err(format!("{problem} in {:?}", m.html)),
        None => Ok(()),
    }
}

/// Elements that run code, load other documents or restyle the page. `math` is not
/// among them: the build writes MathML itself, from TeX, and the attribute checks below
/// still apply inside it (raw `<math>` in a digest is removed by the sanitiser).
const DANGEROUS_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "style", "link",
    "meta", "base", "form", "template", "noscript",
];

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "srcset",
    "background",
    "poster",
    "cite",
    "codebase",
];

/// The first construct in `html` that a browser would treat as active content: a
/// dangerous element, an `on…` event handler, a `style` attribute, or a URL attribute
/// whose value (entities decoded, whitespace dropped) uses `javascript:`, `vbscript:` or
/// `data:`. Text is not looked at: `javascript:` written as prose is harmless, and a
/// `<` in text is always escaped as `&lt;` (a raw one starts a tag here).
pub fn active_content(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if b.get(i) == Some(&b'/') {
            i += 1;
        }
        let name_len = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':'))
            .count();
        if name_len == 0 || !b[i].is_ascii_alphabetic() {
            // `<!--`, `< b`: not an element.
            continue;
        }
        let name = html[i..i + name_len].to_ascii_lowercase();
        if DANGEROUS_ELEMENTS.contains(&name.as_str()) {
            return Some(format!("<{name}> element"));
        }
        i += name_len;
        // Attributes, up to the `>` that ends the tag.
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() {
                return Some(format!("unterminated <{name}> tag"));
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = html[start..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(q as char).map(|e| i + 1 + e);
                        let Some(end) = end else {
                            return Some(format!("unterminated attribute `{attr}` in <{name}>"));
                        };
                        value = &html[i + 1..end];
                        i = end + 1;
                    }
                    _ => {
                        let start = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = &html[start..i];
                    }
                }
            }
            if attr.starts_with("on") {
                return Some(format!("event handler `{attr}` on <{name}>"));
            }
            if attr == "style" {
                return Some(format!("style attribute on <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let url: String = decode_entities(value)
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    if url.starts_with(scheme) {
                        return Some(format!("`{scheme}` URL in {attr} of <{name}>"));
                    }
                }
            }
        }
    }
    None
}

/// Character references as a browser decodes them in an attribute value (numeric ones
/// with or without `;`, and the named ones that matter for URL schemes).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .bytes()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if len > 0 {
                let radix = if hex { 16 } else { 10 };
                let code = digits[..len].chars().fold(0u32, |acc, c| {
                    let d = c.to_digit(radix).unwrap_or(0);
                    acc.saturating_mul(radix).saturating_add(d).min(0x11_0000)
                });
                let value = char::from_u32(code).unwrap_or('\u{FFFD}');
                out.push(value);
                let after = &digits[len..];
                rest = after.strip_prefix(';').unwrap_or(after);
                continue;
            }
        } else {
            let named = [
                ("amp;", '&'),
                ("lt;", '<'),
                ("gt;", '>'),
                ("quot;", '"'),
                ("apos;", '\''),
                ("colon;", ':'),
                ("tab;", '\t'),
                ("newline;", '\n'),
                ("nbsp;", '\u{A0}'),
            ];
            if let Some((entity, c)) = named.iter().find(|(e, _)| {
                rest.get(..e.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(e))
            }) {
                out.push(*c);
                rest = &rest[entity.len()..];
                continue;
            }
        }
        out.push('&');
    }
    out.push_str(rest);
    out
}
