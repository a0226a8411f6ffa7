use super::*;
use crate::content::Format;
use crate::diagnostic::Kind;

fn read(text: &str) -> (Vec<Section>, Diagnostics) {
    let mut d = Diagnostics::default();
    let s = parse(
        Path::new("x.md"),
        false,
        text,
        1,
        &ParseOptions::default(),
        &mut d,
    );
    (s, d)
}

fn entries(text: &str) -> Vec<Entry> {
    read(text).0.into_iter().flat_map(|s| s.entries).collect()
}

#[test]
fn numbered_headings_with_bold_authors() {
    let text = "# Daily 2026-03-01\n\n## cs.CV\n\n### 1. [Seeing Far](https://arxiv.org/abs/2603.00001)\n**Ann Lee, Bo Chen**\n\nSummary: It sees far.\n\n### 2. [Seeing Near](https://arxiv.org/abs/2603.00002)\n**Cy Dee**\n\nIt sees near.\n\n## cs.RO\n\n### 3. [Walking](https://arxiv.org/abs/2603.00003)\n";
    let (s, d) = read(text);
    assert!(d.is_empty(), "{d}");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].date, chrono::NaiveDate::from_ymd_opt(2026, 3, 1));
    let e = &s[0].entries;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].title, "Seeing Far");
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(e[0].tags, ["cs.CV"]);
    assert_eq!(e[0].format, Format::Structural);
    // A bare "Summary" label before the first part repeats the heading: left out.
    assert_eq!(e[0].summary.as_ref().unwrap().text, "It sees far.");
    assert_eq!(e[1].summary.as_ref().unwrap().text, "It sees near.");
    assert_eq!(e[2].tags, ["cs.RO"]);
}

#[test]
fn a_note_per_paper_with_a_results_table() {
    let text = "# Quiet Lasers\n\n**arXiv**: [2603.00010](https://arxiv.org/abs/2603.00010)\n**Authors**: Ann Lee, Bo Chen\n\n## Abstract\n\nLasers can be quiet.\n\n## Results\n\n| Model | Score |\n|---|---|\n| A | 1 |\n\n## Related\n\n- [Loud Lasers](https://arxiv.org/abs/2601.00001)\n";
    let e = entries(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "Quiet Lasers");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2603.00010"));
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(
        e[0].abstract_.as_ref().unwrap().text,
        "Lasers can be quiet."
    );
    let summary = &e[0].summary.as_ref().unwrap().text;
    assert!(
        summary.contains("Model") && summary.contains("Loud Lasers"),
        "{summary}"
    );
}

#[test]
fn bullets_labelled_lines_and_chinese() {
    let text = "## 机器人学 (Robotics) [cs.RO]\n\n- [Grippers That Listen](https://arxiv.org/abs/2603.00020) - Ann Lee, Bo Chen\n  - **TL;DR**: They listen.\n  - 摘要：机器人抓手可以听。\n- [Arms](https://huggingface.co/papers/2603.00021)\n";
    let e = entries(text);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].title, "Grippers That Listen");
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(e[0].tags, ["cs.RO"]);
    assert_eq!(e[0].gist.as_ref().unwrap().text, "They listen.");
    assert_eq!(e[0].abstract_.as_ref().unwrap().text, "机器人抓手可以听。");
    assert_eq!(e[1].arxiv_id.as_deref(), Some("2603.00021"));
    let text = "标题：会说话的树\n作者：张三，李四\n链接：https://arxiv.org/abs/2603.00030\n摘要：树会说话。\n\n标题：Second\n链接：arXiv:2603.00031\n";
    let e = entries(text);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].title, "会说话的树");
    assert_eq!(e[0].authors, ["张三", "李四"]);
    assert_eq!(e[1].arxiv_id.as_deref(), Some("2603.00031"));
}

#[test]
fn details_close_fields_and_bot_errors_fall_back() {
    let text = "### [Folded](https://arxiv.org/abs/2603.00040)\n*Ann Lee*\n\n**TL;DR**: API quota exceeded\n\n<details>\n<summary>Abstract</summary>\n\nThe abstract.\n\n</details>\n\nA closing remark.\n";
    let (s, d) = read(text);
    let e = &s[0].entries[0];
    assert_eq!(e.gist, None);
    assert_eq!(e.abstract_.as_ref().unwrap().text, "The abstract.");
    assert_eq!(e.summary.as_ref().unwrap().text, "A closing remark.");
    assert_eq!(d.items.len(), 1, "{d}");
    assert_eq!(d.items[0].kind, crate::diagnostic::Kind::BotError);
}

#[test]
fn a_table_without_title_column_and_an_index_of_notes() {
    let text = "| # | Name | arXiv |\n|---|---|---|\n| 1 | Tables All the Way | [2603.00050](https://arxiv.org/abs/2603.00050) |\n";
    let e = entries(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "Tables All the Way");
    let index = "# 2026-03-01\n\n- [Quiet Lasers](quiet-lasers.md) [arXiv](https://arxiv.org/abs/2603.00010)\n";
    assert!(entries(index).is_empty());
}

#[test]
fn nothing_read_is_surveyed() {
    let text = "We liked https://arxiv.org/abs/2603.00060 and arXiv:2603.00061 today, in passing, as part of a long sentence that goes on and on and on and on and on and on and on and on and on and on and on and on and on and on and on.\n";
    // A sentence is no entry, but its links are counted for the warning.
    let s = survey(text, 1);
    assert_eq!(s.papers, 2);
    assert!(s.reason().contains("2603.00060"));
}

#[test]
fn plain_text_entries_with_the_link_on_its_own_line() {
    let text = "Daily papers\n\nQuiet Lasers for Small Rooms\nAnn Lee, Bo Chen\nhttps://arxiv.org/abs/2603.00070\nLasers can be quiet.\n\nLoud Drums\nCy Dee\nhttps://arxiv.org/abs/2603.00071\n";
    let e = entries(text);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].title, "Quiet Lasers for Small Rooms");
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(e[0].summary.as_ref().unwrap().text, "Lasers can be quiet.");
    assert_eq!(e[1].title, "Loud Drums");
    assert_eq!(e[1].authors, ["Cy Dee"]);
}

#[test]
fn html_digests() {
    let text = "<h2>cs.CV</h2>\n<h3><a href=\"https://arxiv.org/abs/2603.00080\">Seeing <em>Far</em></a></h3>\n<p><i>Ann Lee, Bo Chen</i></p>\n<p>It sees far.</p>\n<h3><a href=\"https://arxiv.org/abs/2603.00081\">Seeing Near</a></h3>\n<ul>\n<li><a href=\"https://arxiv.org/abs/2603.00082\">Not a paper of its own</a></li>\n</ul>\n";
    let e = entries(text);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].title, "Seeing Far");
    assert_eq!(e[0].tags, ["cs.CV"]);
    assert_eq!(e[1].title, "Seeing Near");
}

#[test]
fn a_summary_label_is_kept_only_after_other_parts() {
    let text = "# Daily 2026-03-01\n\n### [Seeing Far](https://arxiv.org/abs/2603.00001)\n**Motivation:** Far is hard.\n**Summary:** It sees far.\n\n### [Seeing Near](https://arxiv.org/abs/2603.00002)\n**AI Summary:** It sees near.\n**Results:** Near is easy.\n";
    let e = entries(text);
    assert_eq!(
        e[0].summary.as_ref().unwrap().text,
        "Motivation: Far is hard. Summary: It sees far."
    );
    assert_eq!(
        e[1].summary.as_ref().unwrap().text,
        "It sees near. Results: Near is easy."
    );
}

/// A note per paper behind an HTML toolbar (link chips and buttons), with the fields
/// as labelled lines, the published version's DOI and a comment that cites another
/// paper: one paper, with its authors and categories.
#[test]
fn a_note_behind_an_html_toolbar() {
    let text = "# Folding Paper Cranes\n\n<div class=\"bar\">\n  <a href=\"https://arxiv.org/abs/2506.00001\" class=\"btn\">📄 arXiv: 2506.00001v2</a>\n  <a href=\"https://arxiv.org/pdf/2506.00001.pdf\" class=\"btn\">📥 PDF</a>\n  <button class=\"btn\" onclick=\"share(this)\">🔗 分享</button>\n</div>\n\n\n**作者**: Ann Lee, Bo Chen\n\n**分类**: cs.CL, cs.AI\n\n**备注**: Reply to arXiv:2505.00002\n\n**DOI**: [10.1000/cranes.1](https://doi.org/10.1000/cranes.1)\n\n---\n\n## 一句话要点\n\n折纸鹤的新方法。\n";
    let (s, d) = read(text);
    assert!(d.is_empty(), "{d}");
    let e: Vec<Entry> = s.into_iter().flat_map(|s| s.entries).collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "Folding Paper Cranes");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2506.00001"));
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(e[0].tags, ["cs.CL", "cs.AI"]);
    assert_eq!(e[0].gist.as_ref().unwrap().text, "折纸鹤的新方法。");
    let summary = &e[0].summary.as_ref().unwrap().text;
    assert!(summary.contains("Reply to arXiv:2505.00002"), "{summary}");
    // Neither the link chips nor the buttons are text of the paper.
    assert!(
        !summary.contains("PDF") && !summary.contains("分享"),
        "{summary}"
    );
}

/// The DOI may come first: the arXiv link after it still names the same paper.
#[test]
fn a_doi_before_the_arxiv_link_is_the_same_paper() {
    let text = "# Folding Paper Cranes\n\n**DOI**: https://doi.org/10.1000/cranes.1\n**arXiv**: https://arxiv.org/abs/2506.00001\n**Authors**: Ann Lee\n\n## Summary\n\nCranes.\n";
    let e = entries(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2506.00001"));
    assert_eq!(e[0].authors, ["Ann Lee"]);
}

/// A note's title heading wrapped as arXiv's API wraps titles: the indented next line
/// carries the title on; it is no author.
#[test]
fn a_title_heading_wrapped_onto_an_indented_line() {
    let text = "# Folding Paper Cranes with Learned Creases from\n  Experience\n\n**Paper ID:** 2508.00001\n\n**URL:** https://huggingface.co/papers/2508.00001\n\n## Summary\n\nCranes fold.\n";
    let e = entries(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].title,
        "Folding Paper Cranes with Learned Creases from Experience"
    );
    assert!(e[0].authors.is_empty(), "{:?}", e[0].authors);
}

#[test]
fn links_that_name_no_paper_are_items_unless_they_navigate() {
    assert!(links_to_no_paper(
        "## Grants\n- [View](https://blog.example.org/grants)\n"
    ));
    assert!(links_to_no_paper(
        "- [View Paper](https://github.com/owner/repo)\n"
    ));
    assert!(!links_to_no_paper(
        "| NLP | [Link](https://github.com/o/r/tree/main/3-Mar-2026/NLP) | 0 |\n"
    ));
    assert!(!links_to_no_paper(
        "*Data from [arXiv.org](https://arxiv.org)*\n"
    ));
    assert!(!links_to_no_paper(
        "- [Title](https://arxiv.org/abs/2601.00001)\n"
    ));
    assert!(!links_to_no_paper(
        "<td><a href=\"./papers/a.html\">A</a></td>\n"
    ));
    assert!(!links_to_no_paper(
        "![badge](https://img.shields.io/badge/x-y-blue)\n"
    ));
}

/// `known_role` passes over text too long to lower-case into a label: lower-casing keeps
/// ASCII's length and leaves every character at least a third of its bytes.
#[test]
fn long_text_is_no_known_label() {
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let lower = c.to_string().to_lowercase();
        assert!(lower.len() * 3 >= c.len_utf8(), "{c:?}");
        if c.is_ascii() {
            assert_eq!(lower.len(), 1);
        }
    }
    use labels::{Role, known_role};
    assert_eq!(known_role("**ABSTRACT:**"), Some(Role::Abstract));
    assert_eq!(known_role("One-Sentence Takeaway"), Some(Role::Gist));
    assert_eq!(
        known_role("Background Knowledge (背景)"),
        Some(Role::Summary)
    );
    assert_eq!(known_role("\u{212A}IMI"), Some(Role::Link));
    assert_eq!(known_role("📝 先用一句话判断"), Some(Role::Gist));
    assert_eq!(
        known_role("Efficient Language Gradient Benchmark Dataset"),
        None
    );
    assert_eq!(known_role("One-Sentence Takeaways, Briefly"), None);
}

#[test]
fn a_paper_linked_outside_every_entry_is_reported_with_its_line() {
    // The third paper's line is a bare link in the preamble's style: no title beside it.
    let text = "# Papers 2026-03-01\n\n### [Seeing Far](https://arxiv.org/abs/2603.00001)\n**Authors**: Ann Lee\n\nIt builds on arXiv:2601.00077.\n\n### [Seeing Near](https://arxiv.org/abs/2603.00002)\n**Authors**: Bo Chen\n\n## Also today\n\nSee https://arxiv.org/abs/2603.00009 and https://arxiv.org/abs/2603.00002 too, as promised in an earlier issue of this digest that we wrote.\n";
    let (s, d) = read(text);
    assert_eq!(s.iter().map(|s| s.entries.len()).sum::<usize>(), 2);
    let unread: Vec<_> = d
        .items
        .iter()
        .filter(|x| x.kind == Kind::UnreadPapers)
        .collect();
    assert_eq!(unread.len(), 1, "{d}");
    let w = unread[0];
    assert_eq!(w.line, 13);
    // A paper an entry is about, and one its text cites, are not lost.
    assert_eq!(w.unread.len(), 1, "{:?}", w.unread);
    assert_eq!(w.unread[0].key, "2603.00009");
    assert!(
        w.message
            .contains("https://arxiv.org/abs/2603.00009 on line 13"),
        "{}",
        w.message
    );
}

#[test]
fn a_file_whose_every_paper_is_read_says_nothing_more() {
    let text = "## 1. [Seeing Far](https://arxiv.org/abs/2603.00001)\nIt sees far, unlike arXiv:2601.00077.\n\n## 2. [Seeing Near](https://arxiv.org/abs/2603.00002)\nIt sees near.\n";
    let (_, d) = read(text);
    assert!(d.items.iter().all(|x| x.kind != Kind::UnreadPapers), "{d}");
}

#[test]
fn a_notes_sections_below_its_labelled_head_are_its_own() {
    let text = "## 1. Snapshot\n\n- **Title**: Folding Cranes\n- **Authors**: Ann Lee, Bo Chen\n- **arXiv ID**: 2603.00001v1\n- **Contribution**: Cranes folded by arms.\n\n## 2. Goals\n- **Problem**: Paper is soft.\n\n## 3. Method\nEach crease is a sub-goal.\n\n## 4. Further reading\n- **Next**: the crane survey (arXiv:2302.00001).\n";
    let (s, d) = read(text);
    let e: Vec<_> = s.into_iter().flat_map(|s| s.entries).collect();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "Folding Cranes");
    // The heading above the head is the note's section, not a category.
    assert!(e[0].tags.is_empty(), "{:?}", e[0].tags);
    let summary = &e[0].summary.as_ref().unwrap().text;
    for words in [
        "Cranes folded by arms.",
        "Goals",
        "Paper is soft.",
        "Each crease is a sub-goal.",
        "Further reading",
        "2302.00001",
    ] {
        assert!(summary.contains(words), "{words}: {summary}");
    }
    // Its sub-heading over labelled lines is written before them, once.
    assert!(
        summary.find("Goals").unwrap() < summary.find("Paper is soft").unwrap(),
        "{summary}"
    );
    assert!(d.items.iter().all(|x| x.kind != Kind::UnreadPapers), "{d}");
}

#[test]
fn a_dated_heading_over_names_is_a_title() {
    let text = "# Papers 2026-02-18\n\n# Tides and Learning Workshop (TLW 2026), April 27--May 1, 2026, Bergen, Norway\n\n**Authors**: Ann Lee, Bo Chen\n\n**Link**: [PDF](https://arxiv.org/pdf/2602.00031)\n\n**Abstract**: A dataset of tides.\n\n---\n# Quiet Fans\n\n**Authors**: Cy Dor\n\n**Link**: [PDF](https://arxiv.org/pdf/2602.00032)\n";
    let (s, d) = read(text);
    let e: Vec<_> = s.iter().flat_map(|s| &s.entries).collect();
    assert_eq!(e.len(), 2, "{e:?} {d}");
    assert!(e[0].title.starts_with("Tides and Learning Workshop"));
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert!(
        s.iter()
            .all(|s| s.date == chrono::NaiveDate::from_ymd_opt(2026, 2, 18))
    );
}

#[test]
fn hugo_note_titled_in_front_matter_linked_in_html() {
    let text = "---\ntitle: \"Quiet Lasers for Loud Rooms\"\ndate: 2026-07-21T09:00:00+08:00\ndraft: false\ncategories: [\"详情\"]\ntags: [\"#激光\"]\nsummary: \"一句话。\"\n---\n\n<div class=\"hero\">\n<div class=\"meta-row\"><span class=\"meta-key\">arXiv</span><span class=\"meta-val mono\">2607.00011</span></div>\n</div>\n\n<div class=\"resources\"><a class=\"rsrc\" href=\"https://arxiv.org/abs/2607.00011\" target=\"_blank\">📄 arXiv</a><a class=\"rsrc\" href=\"https://arxiv.org/pdf/2607.00011\">📑 PDF</a></div>\n\n## 👥 作者与机构\n\n**Ann Lee** ¹ · Bo Chen · Cy Dor\n\n<sub>¹ = 第一作者</sub>\n\n## 🌍 研究背景\n\n激光很安静。\n\n<div class=\"footer\"><a href=\"/site/posts/2026-07-21/\">← 返回</a></div>\n";
    let (s, d) = read(text);
    let e: Vec<_> = s.into_iter().flat_map(|s| s.entries).collect();
    assert_eq!(e.len(), 1, "{e:?} {d}");
    assert_eq!(e[0].title, "Quiet Lasers for Loud Rooms");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2607.00011"));
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen", "Cy Dor"]);
}

#[test]
fn short_bullets_under_a_heading_after_heading_entries() {
    let text = "# 日報 2026-07-03\n\n### [1] Quiet Lasers\n- **著者**: Ann Lee, Bo Chen\n- **リンク**:（査読状況不明）https://arxiv.org/abs/2607.00001\n- **要約**: 静かなレーザー。\n\n### [2] Loud Lasers\n- **著者**: Cy Dor\n- **リンク**: https://arxiv.org/abs/2607.00002\n- **要約**: うるさい。\n\n### その他 cross-list（簡潔に）\n- **[4] Tiny Lasers (hep-ph)** — 小さいレーザーの話。https://arxiv.org/abs/2607.00004\n- **[7] Wide Lasers / Second Look (physics.optics)** — 広い。https://arxiv.org/abs/2607.00007\n- **[9] $X^{**}$ Lasers (hep-ph)** — 星。https://arxiv.org/abs/2607.00009\n";
    let (s, d) = read(text);
    let e: Vec<_> = s.into_iter().flat_map(|s| s.entries).collect();
    let got: Vec<(&str, &str)> = e
        .iter()
        .map(|e| (e.arxiv_id.as_deref().unwrap_or(""), e.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2607.00001", "Quiet Lasers"),
            ("2607.00002", "Loud Lasers"),
            ("2607.00004", "Tiny Lasers"),
            ("2607.00007", "Wide Lasers / Second Look"),
            ("2607.00009", "$X^{**}$ Lasers"),
        ],
        "{d}"
    );
}

#[test]
fn obsidian_note_linked_in_front_matter_titled_by_its_heading() {
    let text = "---\ntype: update-item\ntags: [update, ai]\nsource: \"Some Feed\"\nurl: \"https://arxiv.org/abs/2608.00021v1\"\nscore: 24\n---\n\n# Quiet Lasers for Loud Rooms\n\n> [!summary] 一句话结论\n> Lasers can be quiet.\n\n## 关键点\n\n- **问题**：Loud rooms.\n\n## 研究关联\n\n- **概念**：[[激光]] [[房间]]\n\n<details>\n<summary>原始摘要与来源</summary>\n\n### 原始摘要\n\nLasers are quiet in loud rooms.\n\n### 来源\n\n- Source: Some Feed\n- URL: https://arxiv.org/abs/2608.00021v1\n- Authors: Ann Lee, Bo Chen\n\n</details>\n";
    let (s, d) = read(text);
    let e: Vec<_> = s.into_iter().flat_map(|s| s.entries).collect();
    assert_eq!(e.len(), 1, "{e:?} {d}");
    assert_eq!(e[0].title, "Quiet Lasers for Loud Rooms");
    assert_eq!(e[0].arxiv_id.as_deref(), Some("2608.00021"));
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(e[0].gist.as_ref().unwrap().text, "Lasers can be quiet.");
    assert!(!e[0].summary.as_ref().unwrap().text.contains("[!summary]"));
}

#[test]
fn a_search_window_above_the_papers_dates_an_undated_file() {
    let text = "# Weekly\n\n**Search window:** 2026-02-02 to 2026-02-08\n\n### 1. Counting Rooftops\n\n**Published:** 2026-02-05\n\n**Paper link:** https://arxiv.org/abs/2602.90201\n";
    let (s, _) = read(text);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].date, chrono::NaiveDate::from_ymd_opt(2026, 2, 2));
    assert!(!s[0].stamped);
    assert_eq!(s[0].entries[0].title, "Counting Rooftops");
}

#[test]
fn a_doi_under_another_heading_is_not_the_arxiv_papers() {
    let text = "## Details\n\n### 1. Quiet Beams\n\n- 链接：[2603.90101v1](http://arxiv.org/abs/2603.90101v1)\n- 作者：Ann Lee\n\n### 2. Salt Crystals\n\n- 链接：[doi:10.5555/r.1](https://doi.org/10.5555/r.1)\n\n## Links\n\n- [2603.90101v1](http://arxiv.org/abs/2603.90101v1) - Quiet Beams\n- [doi:10.5555/r.1](https://doi.org/10.5555/r.1) - Salt Crystals\n";
    let e = entries(text);
    let arxiv: Vec<_> = e.iter().filter(|e| e.arxiv_id.is_some()).collect();
    assert_eq!(arxiv.len(), 1, "{e:?}");
    assert_eq!(arxiv[0].title, "Quiet Beams");
}

#[test]
fn a_note_whose_sections_are_top_headings() {
    let text = "---\ntitle: \"Quiet Lasers for Small Rooms\"\nauthors: \"Ann Lee, Bo Chen\"\narxiv_url: \"https://arxiv.org/abs/2603.00090\"\n---\n\n# 一句话总结 / One-line summary\n\nLasers can be quiet.\n\n---\n\n# TL;DR\n\nThey are quiet.\n\n# 核心贡献 / Contributions\n\n1. A quiet laser.\n";
    let e = entries(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "Quiet Lasers for Small Rooms");
    assert_eq!(e[0].authors, ["Ann Lee", "Bo Chen"]);
    // One top heading is the note's title as shown.
    let one = "---\ntitle: \"[解读] Quiet Lasers\"\narxiv_url: \"https://arxiv.org/abs/2603.00091\"\n---\n# Quiet Lasers\n\nText.\n";
    assert_eq!(entries(one)[0].title, "Quiet Lasers");
}

#[test]
fn an_index_of_notes_named_by_their_ids() {
    let index = "# Overview 2026-03-01\n\n| Paper | Summary |\n|---|---|\n| [[2603.00092v1]] Quiet Las | Lasers can be quiet |\n| [[2603.00093]] Loud Drum | Drums are loud |\n";
    assert!(indexes_notes(index));
    assert!(entries(index).is_empty());
    // Concepts of a vault are no paper notes.
    let concepts = "### [Quiet Lasers](https://arxiv.org/abs/2603.00094)\nSee [[Optics]] and [[Lasers|lasers]].\n";
    assert!(!indexes_notes(concepts));
    assert_eq!(entries(concepts).len(), 1);
}

#[test]
fn an_entry_opened_inside_a_fold_ends_where_the_fold_closes() {
    // Cards: the heading inside each fold opens the entry; the next card's teaser and
    // feedback link, and the footer after the last fold, are not its text.
    let text = "<details class=\"card\">\n<summary><strong>1</strong> · first teaser <a href=\"https://github.com/bot/r/issues/new?t=1\">up</a></summary>\n\n### 1 [Seeing Far](https://arxiv.org/abs/2603.00001) — Ann Lee, Bo Chen\n\nIt sees far.\n\n</details>\n\n<details class=\"card\">\n<summary><strong>2</strong> · second teaser <a href=\"https://github.com/bot/r/issues/new?t=2\">up</a></summary>\n\n### 2 [Seeing Near](https://arxiv.org/abs/2603.00002) — Cy Dee, Di Eng\n\nIt sees near.\n\n</details>\n\n---\n\n*Generated every day by the bot.*\n";
    let e = entries(text);
    assert_eq!(e.len(), 2, "{e:?}");
    let summary = |k: usize| e[k].summary.as_ref().map_or("", |m| m.text.as_str());
    assert_eq!(summary(0), "It sees far.");
    assert_eq!(summary(1), "It sees near.");
    assert_eq!(e[0].code, None);
    assert_eq!(e[1].authors, ["Cy Dee", "Di Eng"]);
}

#[test]
fn an_entry_whose_link_is_empty_is_reported_with_its_line() {
    let entry = |n: usize, link: &str| {
        format!("### {n}. Paper Number {n}\n**Link:** {link}\n\nWhat paper {n} does.\n\n")
    };
    let mut text = String::from("# Papers 2026-03-01\n\n");
    text.push_str(&entry(1, "[arXiv](https://arxiv.org/abs/2603.00001)"));
    text.push_str(&entry(2, "[]()"));
    text.push_str(&entry(3, "[arXiv](https://arxiv.org/abs/2603.00003)"));
    let (s, d) = read(&text);
    assert_eq!(s.iter().map(|s| s.entries.len()).sum::<usize>(), 2);
    let w = d
        .items
        .iter()
        .find(|x| x.kind == Kind::UnreadPapers)
        .expect("a warning");
    assert!(w.unread.is_empty());
    assert_eq!(w.line, 9);
    assert!(
        w.message.contains("1 link(s) on line(s) 9 are empty"),
        "{}",
        w.message
    );
}

#[test]
fn korean_and_japanese_sections_are_fields() {
    let text = "# 2026-03-02 리포트\n\n### 1. 조용한 레이저 (Quiet Lasers)\n\n**arXiv**: [2603.00021](https://arxiv.org/abs/2603.00021)\n**키워드**: optics\n\n## 한 줄 요약\n레이저가 조용해진다.\n\n## 방법론\n새 공진기를 쓴다.\n\n### 2. Loud Lasers\n\n**arXiv**: [2603.00022](https://arxiv.org/abs/2603.00022)\n\n## 한 줄 요약\n레이저가 시끄러워진다.\n\n## 방법론\n옛 공진기를 쓴다.\n";
    let e = entries(text);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].gist.as_ref().unwrap().text, "레이저가 조용해진다.");
    let summary = &e[1].summary.as_ref().unwrap().text;
    assert!(
        summary.contains("옛 공진기") && !summary.contains("시끄러워"),
        "{summary}"
    );
    // A labelled title that is the heading without its acronym leaves the heading's.
    let note = "# QL: Quiet Lasers\n\n- **タイトル**: Quiet Lasers\n- **arXiv**: [2603.00023](https://arxiv.org/abs/2603.00023)\n- **投稿日**: 2026-03-02\n\n## 一言まとめ\n静かなレーザー。\n";
    let e = entries(note);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].title, "QL: Quiet Lasers");
    assert_eq!(e[0].gist.as_ref().unwrap().text, "静かなレーザー。");
}

#[test]
fn a_papers_own_date_fits_from_the_month_before_its_ids() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut e = Entry::new(1, Format::Structural, "T".into());
    e.arxiv_id = Some("2604.00806".into());
    // Sent in on March's last day, given April's id.
    assert!(stamp::fits(&e, d(2026, 3, 31)));
    assert!(stamp::fits(&e, d(2026, 3, 1)));
    assert!(!stamp::fits(&e, d(2026, 2, 28)));
    e.arxiv_id = Some("2601.00332".into());
    assert!(stamp::fits(&e, d(2025, 12, 31)));
    assert!(!stamp::fits(&e, d(2025, 11, 30)));
    // A placeholder a whole year early dates nothing.
    e.arxiv_id = Some("2603.23003".into());
    assert!(!stamp::fits(&e, d(2025, 1, 1)));
}

#[test]
fn a_notes_labelled_date_line_is_seen_before_any_reader() {
    assert!(has_date_line(
        "# A Title\n\n> **Date**：2025-02-03\n> **arXiv**：https://arxiv.org/abs/2502.01718\n"
    ));
    assert!(has_date_line("- **Published:** 2026-04-21\n"));
    assert!(!has_date_line(
        "# A Title\n\nWe date nothing: 2025-02-03 is a number.\n"
    ));
    assert!(!has_date_line("**Date**: soon\n"));
}

#[test]
fn a_one_paper_days_tail_stops_at_the_pages_next_part() {
    // A newsletter on a day with one paper: its sections after the paper are the page's.
    let e = entries(
        "# Paper Daily 2026-01-21\n\n## Today's papers\n\n### 1. [Kiln: Firing Clay with Learned Schedules](https://arxiv.org/abs/2601.08325)\n\nA schedule learned from sensor logs.\n\n---\n\n## Listen\n- [Audio of today's notes](../audio/2026-01-21.mp3)\n\n## Subscribe\n- Mailing list\n",
    );
    assert_eq!(e.len(), 1);
    let summary = &e[0].summary.as_ref().unwrap().text;
    assert!(summary.contains("learned from sensor logs"), "{summary}");
    assert!(!summary.contains("Audio"), "{summary}");
    // A note titled by a top heading: its second top-level part is the paper's.
    let e = entries(
        "# Kiln: Firing Clay with Learned Schedules\n\n> **arXiv**: https://arxiv.org/abs/2601.08325\n\n## Abstract\n\nA schedule learned from sensor logs.\n\n---\n\n# Kiln 论文详细解读\n\n### 背景\n烧窑的温度曲线靠经验。\n",
    );
    assert_eq!(e.len(), 1);
    let summary = e[0].summary.as_ref().map_or("", |m| m.text.as_str());
    assert!(summary.contains("烧窑的温度曲线靠经验"), "{summary}");
}
