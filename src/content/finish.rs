//! What every reader's entries pass through once their parser is done, whatever the
//! format: names that are no names removed, formulas left as TeX reported.

use std::path::Path;

use super::{Diagnostic, Diagnostics, Kind, Section};

/// Removes "authors" with no letter or digit in them. arXiv writes a collaboration's
/// members after it with a colon of their own (`NVIDIA, :, Ann Lee`), and bots copy that
/// list as it is: whatever splits it leaves a `:` as a name.
pub(super) fn drop_nameless_authors(sections: &mut [Section]) {
    fn is_name(name: &str) -> bool {
        // Most names open with an ASCII letter: decided by the first byte.
        name.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
            || name.chars().any(char::is_alphanumeric)
    }
    for entry in sections.iter_mut().flat_map(|s| &mut s.entries) {
        if !entry.authors.iter().all(|a| is_name(a)) {
            entry.authors.retain(|a| is_name(a));
        }
    }
}

/// One warning per formula that stays TeX source, naming the entry's line.
pub(super) fn report_unconverted_math(path: &Path, sections: &[Section], diags: &mut Diagnostics) {
    for entry in sections.iter().flat_map(|s| &s.entries) {
        let fields = [&entry.summary, &entry.gist, &entry.abstract_];
        for tex in fields.into_iter().flatten().flat_map(|m| &m.math_errors) {
            diags.push(
                Diagnostic::warning(
                    path,
                    entry.line,
                    format!(
                        "`{tex}` in `{}` is not TeX that can be shown as MathML; it is shown as written",
                        entry.title
                    ),
                )
                .kind(Kind::UnconvertedMath),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ParseOptions, parse_bytes};
    use std::path::Path;

    fn authors(text: &str) -> Vec<Vec<String>> {
        let (digest, _) = parse_bytes(
            Path::new("2026-01-05.md"),
            text.as_bytes(),
            &ParseOptions::default(),
        );
        digest
            .into_iter()
            .flat_map(|d| d.sections)
            .flat_map(|s| s.entries)
            .map(|e| e.authors)
            .collect()
    }

    #[test]
    fn a_collaborations_colon_is_no_author() {
        // A list digest, a table and a layout read by structure: each splits the list
        // its own way, and none keeps the colon.
        let list = "### [1] [Hybrid Models at Scale](https://arxiv.org/abs/2601.00011)\n\n\
                    *Acme Lab, :, Ann Lee, Bo Chen*\n\nA summary.\n";
        let table = "## Papers for 2026-01-05\n\n| Title | Authors | Summary |\n|---|---|---|\n\
                     | [Hybrid Models at Scale](https://arxiv.org/abs/2601.00011) | Acme Lab, :, Ann Lee | A summary. |\n";
        let structural = "# Reading list\n\n- **Hybrid Models at Scale** ([arXiv](https://arxiv.org/abs/2601.00011))\n  \
                          - Authors: Acme Lab; :; Ann Lee; 张三\n  - Summary: A summary.\n";
        assert_eq!(authors(list), [["Acme Lab", "Ann Lee", "Bo Chen"]]);
        assert_eq!(authors(table), [["Acme Lab", "Ann Lee"]]);
        assert_eq!(authors(structural), [["Acme Lab", "Ann Lee", "张三"]]);
    }
}
