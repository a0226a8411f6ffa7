//! Imports point down the pipeline: config → content → model → render → output, with
//! small shared modules below and the commands on top. A module that reaches up (the
//! config calling into the renderer, say) makes the layers harder to read and to test
//! alone; docs/architecture.md describes the same layers.

use std::path::Path;

/// Each module's layer: a module may use its own layer's modules and lower ones.
const LAYERS: &[(&str, usize)] = &[
    ("diagnostic", 0),
    ("dates", 0),
    ("base_url", 0),
    ("timings", 0),
    ("config", 1),
    ("content", 2),
    ("tagging", 3),
    ("model", 4),
    ("feed_state", 5),
    ("search", 5),
    ("render", 6),
    ("output", 7),
    ("build", 8),
    ("import", 9),
    ("report", 9),
    ("serve", 9),
];

/// The layer of a module not in the table: the top (a command, which nothing below
/// uses).
const TOP: usize = 9;

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

/// The code of a source file without its unit tests, which may reach anywhere.
fn code_without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Every module `code` names as `crate::NAME`.
fn used_modules(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end > 0 {
            out.push(&rest[..end]);
        }
    }
    out
}

#[test]
fn imports_point_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).expect("under src");
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs");
        if matches!(module, "lib" | "main") {
            continue;
        }
        let own = layer(module).unwrap_or(TOP);
        let text = std::fs::read_to_string(path).expect("read source");
        for used in used_modules(code_without_tests(&text)) {
            checked += 1;
            if used == module {
                continue;
            }
            match layer(used) {
                Some(l) if l <= own => {}
                Some(l) => wrong.push(format!(
                    "{}: `{module}` (layer {own}) uses `{used}` (layer {l})",
                    rel.display()
                )),
                None if own == TOP => {}
                None => wrong.push(format!(
                    "{}: `{module}` uses `{used}`, which has no layer in tests/architecture.rs",
                    rel.display()
                )),
            }
        }
    }
    assert!(checked > 50, "only {checked} imports found under src/");
    assert!(
        wrong.is_empty(),
        "imports against the pipeline:\n{}",
        wrong.join("\n")
    );
}
