//! The table reader's tests: rows, cells, headers and the reference readings they
//! are checked against.

use super::cell::find_ci;
use super::row::{cell_spans, raw_cells};
use super::*;
use crate::diagnostic::Kind;
use proptest::prelude::*;

#[test]
fn rows_linking_files_beside_the_digest_are_left_out_with_a_warning() {
    let text = "## Papers for 2026-02-13\n\n| **Title** | **Date** | **Abstract** |\n| --- | --- | --- |\n| **[Kept Files](downloads/dvcon/a-1.pdf)** | 2025-01-01 | x |\n| **[A Real One](https://arxiv.org/abs/2504.19959v3)** | 2025-08-20 | y |\n| **[Up There](../papers/b.pdf)** | 2025-01-01 | z |\n";
    let mut d = Diagnostics::default();
    let s = parse(
        Path::new("x.md"),
        false,
        text,
        1,
        &super::super::ParseOptions::default(),
        &mut d,
    );
    let e: Vec<_> = s.iter().flat_map(|s| &s.entries).collect();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2504.19959"));
    assert!(!d.has_errors(), "{d}");
    assert_eq!(
        d.items.iter().filter(|i| i.kind == Kind::StrayText).count(),
        2,
        "{d}"
    );
    assert_eq!(relative_targets("[x](arxiv.org/abs/2501.00001)").count(), 0);
    assert_eq!(relative_targets("[x](#top)").count(), 0);
}

/// `split_cells` as it was: one pass, building owned cells.
fn split_cells_reference(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let bytes = row.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1) == Some(&b'|') => {
                cell.push_str(&row[start..i]);
                cell.push('|');
                i += 2;
                start = i;
            }
            b'|' => {
                cell.push_str(&row[start..i]);
                cells.push(cell.trim().to_string());
                cell.clear();
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    cell.push_str(&row[start..]);
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_string());
    }
    cells
}

static URL: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r#"https?://[^\s()<>\[\]"'`|]+"#).unwrap());

/// `link_targets` as it was, with the regex.
fn link_targets_reference(cell: &str) -> Vec<String> {
    URL.find_iter(cell)
        .map(|m| {
            m.as_str()
                .trim_end_matches(['.', ',', ';', ':'])
                .to_string()
        })
        .collect()
}

fn linkish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "http", "https", "://", "s://", "http://", "https://", "x.org", "/a", ".", ",",
            ";", ":", "(", ")", "<", ">", "[", "]", "\"", "'", "`", "|", " ", "\t", "\n",
            "\u{A0}", "\u{3000}", "é", "[arXiv](https://arxiv.org/abs/2507.00001)",
        ]).prop_map(str::to_string),
        1 => "[a-z0-9]{1,4}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn find_ci_agrees_with_lowercasing(hay in "[(rRead mMoOé ]{0,30}") {
        for needle in ["(read more", "read", ""] {
            let reference = hay.to_ascii_lowercase().find(needle);
            prop_assert_eq!(find_ci(&hay, needle), reference);
        }
    }

    #[test]
    fn link_targets_agrees_with_the_regex(cell in linkish()) {
        prop_assert_eq!(link_targets(&cell), link_targets_reference(&cell));
    }

    #[test]
    fn split_cells_agrees_with_reference(row in "[|\\\\ a\t\u{A0}é]{0,24}") {
        let fast: Vec<String> = split_cells(&row).into_iter().map(Cow::into_owned).collect();
        prop_assert_eq!(fast, split_cells_reference(&row));
        prop_assert_eq!(raw_cells(&row).count(), split_cells_reference(&row).len());
        // The spans a row is matched to its header by give the same cells.
        let trimmed = row.trim();
        let from_spans: Vec<String> = cell_spans(trimmed)
            .into_iter()
            .map(|r| trimmed[r].trim().replace("\\|", "|"))
            .collect();
        prop_assert_eq!(from_spans, split_cells_reference(&row));
    }
}

fn parse_str(text: &str) -> (Vec<Section>, Diagnostics) {
    let mut d = Diagnostics::default();
    let s = parse(
        Path::new("t.md"),
        false,
        text,
        1,
        &Default::default(),
        &mut d,
    );
    (s, d)
}

const WRAPPED: &str = "## Papers for 2025-07-04\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n| LangScene-X: Reconstruct Generalizable 3D Language-Embedded Scenes with\n  TriMap Video Diffusion (Read more on [arXiv](https://arxiv.org/abs/2507.02813) or [HuggingFace](https://huggingface.co/papers/2507.02813))| Minghui Yang, hanyang-21 | LangScene-X is a framework. |\n| Fast (Read more on [arXiv](https://arxiv.org/abs/2507.02754v2) or [HuggingFace](https://huggingface.co/papers/2507.02754))| A B | S |\n";

#[test]
fn cells_split_on_unescaped_pipes_and_are_trimmed() {
    assert_eq!(split_cells("| a \\| b | c |"), ["a | b", "c"]);
    assert_eq!(split_cells("|a||  b  |"), ["a", "", "b"]);
    assert_eq!(split_cells("no pipes"), ["no pipes"]);
    assert_eq!(split_cells("| é \\ x | ü"), ["é \\ x", "ü"]);
    assert!(split_cells("|  |").iter().all(|c| c.is_empty()));
}

#[test]
fn wrapped_title_is_one_row() {
    let (s, d) = parse_str(WRAPPED);
    assert!(d.is_empty(), "{d}");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].date, NaiveDate::from_ymd_opt(2025, 7, 4));
    let e = &s[0].entries;
    assert_eq!(e.len(), 2);
    assert_eq!(
        e[0].title,
        "LangScene-X: Reconstruct Generalizable 3D Language-Embedded Scenes with TriMap Video Diffusion"
    );
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2507.02813"));
    assert_eq!(e[0].authors, ["Minghui Yang", "hanyang-21"]);
    assert_eq!(e[0].line, 5);
    assert_eq!(e[1].arxiv_id.as_deref(), Some("2507.02754"));
    assert_eq!(e[1].line, 7);
}

#[test]
fn category_and_link_columns() {
    let text = "## Papers for 2025-07-05\n| Category | Title | Authors | Summary | Link |\n|---|---|---|---|---|\n| Computer Vision | [Plain Title](https://huggingface.co/papers/2507.00001) | Ann Lee | S | [Read more](https://arxiv.org/abs/2507.00001) |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    let e = &s[0].entries[0];
    assert_eq!(e.title, "Plain Title");
    assert_eq!(e.tags, ["Computer Vision"]);
    assert_eq!(e.arxiv_id.as_deref(), Some("2507.00001"));
}

#[test]
fn classification_lists_are_tags() {
    let text = "| Title | Authors | Summary | Classification |\n|---|---|---|---|\n| [T](https://arxiv.org/abs/2507.00002) | Xi Li | s | ['Multimodal', 'Text-to-3D', 'Multimodal'] |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    assert_eq!(s[0].entries[0].tags, ["Multimodal", "Text-to-3D"]);
    assert_eq!(category_names("Computer Vision"), ["Computer Vision"]);
    assert_eq!(category_names("[Vision](https://x.org)"), ["Vision"]);
}

#[test]
fn header_is_case_insensitive_and_any_order() {
    let text = "| SUMMARY | title | AUTHORS |\n|---|---|---|\n| s | [T](https://arxiv.org/abs/2507.00002) | Xi Li, Yu Wu |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    let e = &s[0].entries[0];
    assert_eq!((e.title.as_str(), e.authors.len()), ("T", 2));
    assert_eq!(s[0].date, None);
}

#[test]
fn several_sections_in_one_file() {
    let text = "# My README\n\nSome intro.\n\n## Papers for 2025-07-05\n| Title | Authors | Summary |\n|---|---|---|\n| A (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) | Xi Li | s |\n\n## Papers for 2025-07-04\n| Title | Authors | Summary |\n|---|---|---|\n| B (Read more on [arXiv](https://arxiv.org/abs/2507.00004)) | Xi Li | s |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].date, NaiveDate::from_ymd_opt(2025, 7, 4));
    assert_eq!(s[1].entries[0].title, "B");
}

#[test]
fn escaped_pipes_br_and_entities() {
    let text = "| Title | Authors | Summary |\n|---|---|---|\n| A \\| B (Read more on [arXiv](https://arxiv.org/abs/2507.00005)) | Xi Li | p \\| q<br>R&amp;D `a\\|b` |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    let e = &s[0].entries[0];
    assert_eq!(e.title, "A | B");
    let summary = e.summary.as_ref().unwrap();
    assert_eq!(summary.html, "<p>p | q<br>R&amp;D <code>a|b</code></p>");
    assert_eq!(summary.text, "p | q R&D a|b");
}

#[test]
fn too_few_cells_is_an_error_with_line() {
    let text = "| Title | Authors | Summary |\n|---|---|---|\n| A | x |\n";
    let (s, d) = parse_str(text);
    assert_eq!(d.error_count(), 1, "{d}");
    assert_eq!((d.items[0].line, d.items[0].kind), (3, Kind::BadRow));
    assert!(s.iter().all(|s| s.entries.is_empty()));
}

const ROW_A: &str = "| Alpha (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann Lee |";

#[test]
fn surplus_pipes_are_kept_in_the_summary() {
    let text = format!(
        "| Title | Authors | Summary |\n|---|---|---|\n{ROW_A} The mean |G-1| is 0.05 and `p(y|x)` too. |\n"
    );
    let (s, d) = parse_str(&text);
    assert_eq!(d.error_count(), 0, "{d}");
    assert_eq!(d.warning_count(), 1, "{d}");
    let w = &d.items[0];
    assert_eq!((w.line, w.kind), (3, Kind::SurplusCells));
    // The column is the first stray pipe's, so the report shows the cause.
    let line = text.lines().nth(2).unwrap();
    assert_eq!(line.chars().nth(w.col - 1), Some('|'));
    assert_eq!(
        &line[line.char_indices().nth(w.col - 1).unwrap().0..][..6],
        "|G-1| "
    );
    let e = &s[0].entries[0];
    assert_eq!(e.title, "Alpha");
    assert_eq!(e.authors, ["Ann Lee"]);
    assert_eq!(
        e.summary.as_ref().unwrap().text,
        "The mean |G-1| is 0.05 and p(y|x) too."
    );
}

#[test]
fn wrapped_row_with_surplus_pipes_is_one_row() {
    let text = format!(
        "| Title | Authors | Summary |\n|---|---|---|\n{ROW_A} First |x| line\n  wraps here | and here.\n| Beta (Read more on [arXiv](https://arxiv.org/abs/2507.00002)) | Bo Li | Fine. |\n"
    );
    let (s, d) = parse_str(&text);
    assert_eq!(d.error_count(), 0, "{d}");
    assert!(d.items.iter().all(|w| w.kind == Kind::SurplusCells), "{d}");
    let e = &s[0].entries;
    assert_eq!(e.len(), 2);
    assert_eq!(
        e[0].summary.as_ref().unwrap().text,
        "First |x| line wraps here | and here."
    );
    assert_eq!((e[1].line, e[1].title.as_str()), (5, "Beta"));
    // The stray pipe on the continuation line is reported on that line.
    let late = "| Title | Authors | Summary |\n|---|---|---|\n| Gamma (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) | Cy |\n  A wrapped summary | with a pipe. |\n";
    let (s, d) = parse_str(late);
    assert_eq!(d.error_count(), 0, "{d}");
    assert_eq!(
        s[0].entries[0].summary.as_ref().unwrap().text,
        "A wrapped summary | with a pipe."
    );
    assert_eq!((d.items[0].line, d.items[0].col), (4, 21), "{d}");
}

#[test]
fn surplus_pipe_in_the_title_is_kept_in_it() {
    // Joined into the Summary, the title's second half would be the authors, and they
    // would name an address: the pipe is the title's.
    let text = "| Title | Authors | Summary |\n|---|---|---|\n| A | B (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann Lee | s |\n";
    let (s, d) = parse_str(text);
    assert_eq!(d.error_count(), 0, "{d}");
    assert_eq!(d.items[0].kind, Kind::SurplusCells);
    assert!(d.items[0].message.contains("part of the Title"), "{d}");
    let e = &s[0].entries[0];
    assert_eq!(
        (e.title.as_str(), e.authors.as_slice()),
        ("A | B", &["Ann Lee".to_string()][..])
    );
    // A table with no Summary: math in the title (`OSp$(1|2M)$`) keeps its pipe.
    let math = "|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n|**2021-11-24**|**Fields with OSp$(1|2M)$ Symmetry**|Ann Lee et.al.|[2111.12648v1](http://arxiv.org/abs/2111.12648v1)|null|\n";
    let (s, d) = parse_str(math);
    assert_eq!(d.error_count(), 0, "{d}");
    assert_eq!(s[0].entries[0].title, "Fields with OSp$(1|2M)$ Symmetry");
    // Where no column of free text can take the surplus, a person must say.
    let lost = "| Title | Authors | Link |\n|---|---|---|\n| A | Ann Lee | Bo | Chen |\n";
    let (s, d) = parse_str(lost);
    assert_eq!(d.error_count(), 1, "{d}");
    assert_eq!(d.items[0].kind, Kind::BadRow);
    assert!(s.iter().all(|s| s.entries.is_empty()));
}

#[test]
fn title_variants_and_tag_like_text() {
    let text = "| Title | Authors | Summary |\n|---|---|---|\n\
        | Older Form - read more on [arXiv](https://arxiv.org/abs/2507.00011) or [HuggingFace](https://huggingface.co/papers/2507.00011) | Ann Lee | s |\n\
        | Let's <think> about Reasoning (Read more on [arXiv](https://arxiv.org/abs/2507.00012)) | Ann Lee | s |\n\
        | <think> So let's replace this </think> Lessons (Read more on [arXiv](https://arxiv.org/abs/2507.00013)) | Ann Lee | s |\n";
    let (s, d) = parse_str(text);
    assert!(d.is_empty(), "{d}");
    let titles: Vec<&str> = s[0].entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Older Form",
            "Let's <think> about Reasoning",
            "<think> So let's replace this </think> Lessons"
        ]
    );
}

#[test]
fn impossible_date_is_an_error() {
    let (_, d) = parse_str("## Papers for 2025-02-30\n");
    assert_eq!(d.error_count(), 1);
    assert!(d.items[0].message.contains("not a real date"), "{d}");
}

#[test]
fn mismatched_ids_warn() {
    let text = "| Title | Authors | Summary |\n|---|---|---|\n| A (Read more on [arXiv](https://arxiv.org/abs/2507.00001) or [HuggingFace](https://huggingface.co/papers/2507.00009)) | Xi Li | s |\n";
    let (s, d) = parse_str(text);
    assert_eq!(s[0].entries[0].arxiv_id.as_deref(), Some("2507.00001"));
    assert_eq!(d.warning_count(), 1, "{d}");
}

#[test]
fn a_link_without_scheme_in_a_cell_is_a_warning_not_a_missing_link() {
    let (s, d) = parse_str(
        "## Papers for 2025-07-04\n| Title | Authors | Summary |\n|---|---|---|\n| Alpha (Read more on [arXiv](arxiv.org/abs/2507.00001)) | Ann Lee | s |\n",
    );
    assert_eq!(d.error_count(), 0, "{d}");
    assert_eq!(d.items[0].kind, Kind::SchemelessLink, "{d}");
    let e = &s[0].entries[0];
    assert_eq!(e.arxiv_id.as_deref(), Some("2507.00001"));
    assert_eq!(e.url.as_deref(), Some("https://arxiv.org/abs/2507.00001"));
    assert_eq!(e.title, "Alpha");
}

/// Entries of a table file read by both readers, with every warning.
fn read_with_prose(text: &str) -> (Vec<Entry>, Diagnostics) {
    let mut d = Diagnostics::default();
    let s = parse(
        Path::new("2026-06-03.md"),
        true,
        text,
        1,
        &super::super::ParseOptions::default(),
        &mut d,
    );
    (s.into_iter().flat_map(|s| s.entries).collect(), d)
}

const CARDS: &str = "## Highlighted Papers\n\n| # | Title | Authors | Link |\n|---|---|---|---|\n| 1 | Sketch Ranking of Patches (SketchRank) | A. Lind, B. Amari | [arXiv](https://arxiv.org/abs/2606.71101) |\n| 2 | Repairing Build Scripts from Logs | C. Tan | [PDF](https://example.org/~tan/build.pdf) |\n\n## Deep Reads\n\n<details class=\"paper-card\" markdown>\n<summary><strong>1</strong> · teaser of the first card</summary>\n\n### 1 [Sketch Ranking of Patches](https://arxiv.org/abs/2606.71101) — Lind, Amari\n\nPatches are ranked by the drift of their execution sketch.\n\n</details>\n\n<details class=\"paper-card\" markdown>\n<summary><strong>2</strong> · teaser of the second card</summary>\n\n### 2 [Repairing Build Scripts from Logs](https://arxiv.org/abs/2606.71102) — Tan\n\nThe failure log points at the line of the build script to edit.\n\n</details>\n\n<details class=\"paper-card\" markdown>\n<summary><strong>3</strong> · teaser of the third card</summary>\n\n### 3 [Agents Steered by Issue Bodies](https://arxiv.org/abs/2606.71104) — Ada Vance, Bo Whitlock\n\nHidden instructions in issue bodies steer coding agents.\n\n</details>\n";

#[test]
fn a_paper_in_the_table_and_in_a_card_is_one_paper_with_the_cards_text() {
    let (e, d) = read_with_prose(CARDS);
    assert!(!d.has_errors(), "{d}");
    let ids: Vec<_> = e.iter().map(|e| e.arxiv_id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("2606.71101"), Some("2606.71102"), Some("2606.71104")],
        "{e:?}"
    );
    // The table's title and authors; the card's text, and none of the next card's.
    assert_eq!(e[0].title, "Sketch Ranking of Patches (SketchRank)");
    assert_eq!(e[0].authors, ["A. Lind", "B. Amari"]);
    // The heading over the cards rates the papers; the table gave them no tag.
    assert!(e[0].tags.is_empty(), "{:?}", e[0].tags);
    let summary = |k: usize| e[k].summary.as_ref().map_or("", |m| m.text.as_str());
    assert!(
        summary(0).contains("drift of their execution sketch"),
        "{e:?}"
    );
    assert!(!summary(0).contains("teaser"), "{}", summary(0));
    // A row linking an author's PDF is the paper its card, of the same title, links.
    assert_eq!(e[1].title, "Repairing Build Scripts from Logs");
    assert!(summary(1).contains("failure log points"), "{}", summary(1));
    // A card the table does not list is a paper of its own, with its authors.
    assert_eq!(e[2].title, "Agents Steered by Issue Bodies");
    assert_eq!(e[2].authors, ["Ada Vance", "Bo Whitlock"]);
    assert_eq!(e[2].format, Format::Structural);
    assert!(d.items.iter().all(|i| i.kind != Kind::UnreadPapers), "{d}");
}

#[test]
fn prose_entries_before_a_summing_up_table_are_read_too() {
    let text = "## Papers\n\n**[Typed Holes for Proof Search](https://arxiv.org/abs/2606.72201)**\n*Ana Ferreira, Ben Okafor*\n\nProof search fills typed holes one at a time.\n\n**[Sandboxing Build Plugins](https://arxiv.org/abs/2606.72203)**\n*Eli Novak*\n\nPlugins run in a sandbox.\n\n## At a Glance\n\n| Title | Authors | Link |\n|---|---|---|\n| Typed Holes for Proof Search | A. Ferreira, B. Okafor | [arXiv](https://arxiv.org/abs/2606.72201) |\n";
    let (e, d) = read_with_prose(text);
    assert!(!d.has_errors(), "{d}");
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2606.72201"));
    assert_eq!(e[0].authors, ["A. Ferreira", "B. Okafor"]);
    assert!(
        e[0].summary
            .as_ref()
            .is_some_and(|m| m.text.contains("typed holes one at a time"))
    );
    assert_eq!(e[1].arxiv_id.as_deref(), Some("2606.72203"));
    assert_eq!(e[1].authors, ["Eli Novak"]);
}

#[test]
fn side_table_rows_beside_cards_stay_text_and_their_papers_are_reported() {
    let text = CARDS.replace(
        "## Deep Reads",
        "## Compared\n\n| Approach | Basis |\n|---|---|\n| [Older ranking](https://arxiv.org/abs/2301.71999) | tests |\n\n## Deep Reads",
    );
    let (e, d) = read_with_prose(&text);
    assert_eq!(e.len(), 3, "{e:?}");
    let unread: Vec<_> = d
        .items
        .iter()
        .filter(|i| i.kind == Kind::UnreadPapers)
        .collect();
    assert_eq!(unread.len(), 1, "{d}");
    assert_eq!(unread[0].unread.len(), 1, "{d}");
    assert_eq!(unread[0].unread[0].key, "2301.71999");
}

#[test]
fn a_table_file_without_prose_entries_is_read_as_before() {
    // Text after the table that links a paper of the table names no new entry.
    let text = "## Papers for 2026-06-03\n\n| Title | Authors | Summary |\n|---|---|---|\n| [A Paper](https://arxiv.org/abs/2606.70001) | A. Lee | Row text. |\n\nSee also the paper above at https://arxiv.org/abs/2606.70001 for more.\n";
    let (e, d) = read_with_prose(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].summary.as_ref().map(|m| m.text.as_str()),
        Some("Row text.")
    );
    assert!(!d.has_errors(), "{d}");
}
