//! The parts bots build their layouts from, and the file a layout writes: see
//! `tests/layout_matrix.rs`.

use std::fmt::Write as _;

pub struct Paper {
    pub id: &'static str,
    pub title: &'static str,
    pub authors: &'static [&'static str],
    /// The title as a bot translating it writes it.
    pub translated: &'static str,
    pub gist: &'static str,
    pub body: [&'static str; 3],
}

pub const PAPERS: &[Paper] = &[
    Paper {
        id: "2603.01234",
        title: "SparseFlow: Routing Tokens Through Mixture-of-Experts Without Load Loss",
        authors: &["Ana Ruiz", "Wei Zhang", "Tomás Lindqvist"],
        translated: "稀疏流：让词元穿过专家混合层而不丢失负载",
        gist: "Routing every token to two experts keeps quality while halving compute.",
        body: [
            "Expert layers drop tokens when their queues overflow.",
            "The router learns a balanced assignment with a small auxiliary loss.",
            "Perplexity matches the dense baseline at half the cost.",
        ],
    },
    Paper {
        id: "2603.04567",
        title: "On the Limits of 3D Gaussian Splatting for Outdoor Scenes",
        authors: &["Keiko Mori", "Daniel Osei"],
        translated: "论三维高斯泼溅在室外场景中的局限",
        gist: "Splatting fails on distant geometry, and depth priors repair most of it.",
        body: [
            "Large outdoor captures blur beyond the first hundred metres.",
            "A monocular depth prior constrains the far Gaussians during training.",
            "Novel view quality rises by two decibels on city benchmarks.",
        ],
    },
    Paper {
        id: "2603.08910",
        title: "多模态大模型中的视觉推理基准",
        authors: &["李明", "Sara Okonkwo", "Jun Park", "Elif Demir"],
        translated: "多模态大模型视觉推理基准（译）",
        gist: "A benchmark of chart questions exposes weak visual arithmetic.",
        body: [
            "Current suites reward guessing from the question text alone.",
            "Each question is paired with a perturbed chart that flips the answer.",
            "Open models trail proprietary ones by twenty points.",
        ],
    },
];

pub fn abs(p: &Paper) -> String {
    format!("https://arxiv.org/abs/{}", p.id)
}

pub fn pdf(p: &Paper) -> String {
    format!("https://arxiv.org/pdf/{}", p.id)
}

pub fn body(p: &Paper) -> String {
    p.body.join(" ")
}

/// How the line that names the paper is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// `## 1. [Title](abs)`
    NumberedLinkedHeading,
    /// `### Title`
    Heading,
    /// `### 2. Title`
    NumberedHeading,
    /// `### 📄 Title`
    EmojiHeading,
    /// `#### [Title](pdf)`
    PdfLinkedHeading,
    /// `### Title ([arXiv](abs))`
    HeadingWithTrailingLink,
    /// `**Title**`
    BoldLine,
    /// `**[Title](abs)**`
    BoldLinkedLine,
    /// `- **[Title](abs)**`
    BulletBoldLink,
    /// `- [Title](abs)`
    BulletLink,
    /// `1. **Title**`
    NumberedBold,
    /// `**Title**: Title`
    TitleLabel,
    /// `### Paper 2: Title`
    PaperNumberHeading,
    /// `- **Title**`
    BulletBold,
    /// `**Title** ([arXiv](abs))`
    BoldWithTrailingLink,
    /// `### [Title](abs) ⭐ 8/10`
    ScoredLinkedHeading,
    /// `### [2603.01234] Title`
    IdBeforeTitle,
    /// `### Title (arXiv:2603.01234)`
    IdAfterTitle,
    /// `### [Title](https://huggingface.co/papers/ID)`
    HuggingFaceHeading,
    /// `### 1️⃣ Title`
    EmojiNumberHeading,
    /// `### 1. 译名` over `原文标题: Title`: the heading in translation.
    TranslatedHeading,
    /// The whole entry folded: `<details><summary><b>Title</b></summary>` … `</details>`.
    Folded,
}

pub const HEADS: &[Head] = &[
    Head::NumberedLinkedHeading,
    Head::Heading,
    Head::NumberedHeading,
    Head::EmojiHeading,
    Head::PdfLinkedHeading,
    Head::HeadingWithTrailingLink,
    Head::BoldLine,
    Head::BoldLinkedLine,
    Head::BulletBoldLink,
    Head::BulletLink,
    Head::NumberedBold,
    Head::TitleLabel,
    Head::PaperNumberHeading,
    Head::BulletBold,
    Head::BoldWithTrailingLink,
    Head::ScoredLinkedHeading,
    Head::IdBeforeTitle,
    Head::IdAfterTitle,
    Head::HuggingFaceHeading,
    Head::EmojiNumberHeading,
    Head::TranslatedHeading,
    Head::Folded,
];

impl Head {
    pub fn linked(self) -> bool {
        matches!(
            self,
            Head::NumberedLinkedHeading
                | Head::PdfLinkedHeading
                | Head::HeadingWithTrailingLink
                | Head::BoldLinkedLine
                | Head::BulletBoldLink
                | Head::BulletLink
                | Head::BoldWithTrailingLink
                | Head::ScoredLinkedHeading
                | Head::IdBeforeTitle
                | Head::IdAfterTitle
                | Head::HuggingFaceHeading
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Head::NumberedLinkedHeading
                | Head::Heading
                | Head::NumberedHeading
                | Head::EmojiHeading
                | Head::PdfLinkedHeading
                | Head::HeadingWithTrailingLink
                | Head::PaperNumberHeading
                | Head::ScoredLinkedHeading
                | Head::IdBeforeTitle
                | Head::IdAfterTitle
                | Head::HuggingFaceHeading
                | Head::EmojiNumberHeading
                | Head::TranslatedHeading
        )
    }

    pub fn is_item(self) -> bool {
        matches!(
            self,
            Head::BulletBoldLink | Head::BulletLink | Head::NumberedBold | Head::BulletBold
        )
    }

    pub fn write(self, n: usize, p: &Paper) -> String {
        let t = p.title;
        match self {
            Head::NumberedLinkedHeading => format!("## {n}. [{t}]({})", abs(p)),
            Head::Heading => format!("### {t}"),
            Head::NumberedHeading => format!("### {n}. {t}"),
            Head::EmojiHeading => format!("### 📄 {t}"),
            Head::PdfLinkedHeading => format!("#### [{t}]({})", pdf(p)),
            Head::HeadingWithTrailingLink => format!("### {t} ([arXiv]({}))", abs(p)),
            Head::BoldLine => format!("**{t}**"),
            Head::BoldLinkedLine => format!("**[{t}]({})**", abs(p)),
            Head::BulletBoldLink => format!("- **[{t}]({})**", abs(p)),
            Head::BulletLink => format!("- [{t}]({})", abs(p)),
            Head::NumberedBold => format!("{n}. **{t}**"),
            Head::TitleLabel => format!("**Title**: {t}"),
            Head::PaperNumberHeading => format!("### Paper {n}: {t}"),
            Head::BulletBold => format!("- **{t}**"),
            Head::BoldWithTrailingLink => format!("**{t}** ([arXiv]({}))", abs(p)),
            Head::ScoredLinkedHeading => format!("### [{t}]({}) ⭐ {}/10", abs(p), 9 - n),
            Head::IdBeforeTitle => format!("### [{}] {t}", p.id),
            Head::IdAfterTitle => format!("### {t} (arXiv:{})", p.id),
            Head::HuggingFaceHeading => {
                format!("### [{t}](https://huggingface.co/papers/{})", p.id)
            }
            Head::EmojiNumberHeading => format!("### {n}\u{fe0f}\u{20e3} {t}"),
            Head::TranslatedHeading => format!("### {n}. {}", p.translated),
            Head::Folded => format!("<details>\n<summary><b>{t}</b></summary>\n"),
        }
    }
}

/// How the paper's link is given when the title line has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkLine {
    LabelledIdLink,
    LabelledBareUrl,
    PipeLinks,
    AutoLink,
    LabelledBareId,
    HuggingFaceUrl,
    VersionedPdf,
    EmojiLink,
    /// `Links: [Abstract](abs) | [PDF](pdf) | [HF](hf) | [Code](github)`
    LinkRow,
    /// `[arxiv.org/abs/ID](abs)`: the link's text is its address.
    UrlAsText,
}

pub const LINKS: &[LinkLine] = &[
    LinkLine::LabelledIdLink,
    LinkLine::LabelledBareUrl,
    LinkLine::PipeLinks,
    LinkLine::AutoLink,
    LinkLine::LabelledBareId,
    LinkLine::HuggingFaceUrl,
    LinkLine::VersionedPdf,
    LinkLine::EmojiLink,
    LinkLine::LinkRow,
    LinkLine::UrlAsText,
];

impl LinkLine {
    pub fn write(self, p: &Paper, bold: bool) -> String {
        let l = |label: &str| {
            if bold {
                format!("**{label}**:")
            } else {
                format!("{label}:")
            }
        };
        match self {
            LinkLine::LabelledIdLink => format!("{} [{}]({})", l("arXiv"), p.id, abs(p)),
            LinkLine::LabelledBareUrl => format!("{} {}", l("Link"), abs(p)),
            LinkLine::PipeLinks => format!("[arXiv]({}) | [PDF]({})", abs(p), pdf(p)),
            LinkLine::AutoLink => format!("{} <{}>", l("Paper"), abs(p)),
            LinkLine::LabelledBareId => format!("{} {}", l("arXiv ID"), p.id),
            LinkLine::HuggingFaceUrl => {
                format!("{} https://huggingface.co/papers/{}", l("URL"), p.id)
            }
            LinkLine::VersionedPdf => format!("{} {}v2", l("PDF"), pdf(p)),
            LinkLine::EmojiLink => format!("🔗 [Paper]({})", abs(p)),
            LinkLine::LinkRow => format!(
                "{} [Abstract]({}) | [PDF]({}) | [HF](https://huggingface.co/papers/{}) | [Code](https://github.com/example-lab/{})",
                l("Links"),
                abs(p),
                pdf(p),
                p.id,
                p.id.replace('.', "-")
            ),
            LinkLine::UrlAsText => format!("[arxiv.org/abs/{}]({})", p.id, abs(p)),
        }
    }
}

/// How the authors are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authors {
    Labelled,
    ItalicLine,
    Chinese,
    Semicolons,
    AndBeforeLast,
    /// `**Authors**: Ann Lee (MIT), Bo Chen (ETH)`: affiliations in brackets.
    Affiliations,
    /// `👥 **Authors**: …`
    EmojiLabel,
    /// `by Ann Lee, Bo Chen`
    ByLine,
    /// `Authors: Ann Lee, Bo Chen et al.`: the first two names.
    EtAl,
    None,
}

pub const AUTHORS: &[Authors] = &[
    Authors::Labelled,
    Authors::ItalicLine,
    Authors::Chinese,
    Authors::Semicolons,
    Authors::AndBeforeLast,
    Authors::Affiliations,
    Authors::EmojiLabel,
    Authors::ByLine,
    Authors::EtAl,
    Authors::None,
];

impl Authors {
    pub fn write(self, p: &Paper, bold: bool) -> Option<String> {
        let names = p.authors.join(", ");
        let l = |label: &str, colon: &str| {
            if bold {
                format!("**{label}**{colon}")
            } else {
                format!("{label}{colon}")
            }
        };
        Some(match self {
            Authors::Labelled => format!("{} {names}", l("Authors", ":")),
            Authors::ItalicLine => format!("*{names}*"),
            Authors::Chinese => format!("{}{names}", l("作者", "：")),
            Authors::Semicolons => format!("{} {}", l("Authors", ":"), p.authors.join("; ")),
            Authors::AndBeforeLast => {
                let (last, rest) = p.authors.split_last()?;
                let names = if rest.is_empty() {
                    last.to_string()
                } else {
                    format!("{} and {last}", rest.join(", "))
                };
                format!("{} {names}", l("Authors", ":"))
            }
            Authors::Affiliations => {
                let places = ["MIT", "ETH Zürich", "Tsinghua University", "KAIST"];
                let names: Vec<String> = p
                    .authors
                    .iter()
                    .zip(places.iter().cycle())
                    .map(|(a, at)| format!("{a} ({at})"))
                    .collect();
                format!("{} {}", l("Authors", ":"), names.join(", "))
            }
            Authors::EmojiLabel => format!("👥 {} {names}", l("Authors", ":")),
            Authors::ByLine => format!("by {names}"),
            Authors::EtAl => format!("{} {} et al.", l("Authors", ":"), p.authors[..2].join(", ")),
            Authors::None => return None,
        })
    }

    pub fn expected(self, p: &Paper) -> Vec<String> {
        match self {
            Authors::None => Vec::new(),
            Authors::EtAl => p.authors[..2].iter().map(|a| a.to_string()).collect(),
            _ => p.authors.iter().map(|a| a.to_string()).collect(),
        }
    }
}

/// How the summary is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Summary {
    TldrThenBody,
    SubHeadings,
    Paragraph,
    Sections,
    Chinese,
    Quote,
    Fold,
    LabelAlone,
    /// A gist line, then the contributions as a numbered list.
    Contributions,
    /// Two plain paragraphs.
    TwoParagraphs,
    /// `> **TL;DR**: …` and `> **Summary**: …`, quoted.
    QuotedLabels,
    /// `💡 **TL;DR**: …` and `📝 **Summary**: …`.
    EmojiLabels,
}

pub const SUMMARIES: &[Summary] = &[
    Summary::TldrThenBody,
    Summary::SubHeadings,
    Summary::Paragraph,
    Summary::Sections,
    Summary::Chinese,
    Summary::Quote,
    Summary::Fold,
    Summary::LabelAlone,
    Summary::Contributions,
    Summary::TwoParagraphs,
    Summary::QuotedLabels,
    Summary::EmojiLabels,
];

impl Summary {
    /// The summary's blocks, each a paragraph of its own; `field` writes a labelled line.
    pub fn write(
        self,
        p: &Paper,
        sub_heading: &str,
        field: &dyn Fn(&str, &str) -> String,
    ) -> Vec<String> {
        match self {
            Summary::TldrThenBody => {
                vec![field("TL;DR", p.gist), field("Summary", &body(p))]
            }
            Summary::SubHeadings => vec![
                format!("{sub_heading} TL;DR"),
                p.gist.to_string(),
                format!("{sub_heading} Abstract"),
                body(p),
            ],
            Summary::Paragraph => vec![body(p)],
            Summary::Sections => vec![
                field("Motivation", p.body[0]),
                field("Method", p.body[1]),
                field("Results", p.body[2]),
            ],
            Summary::Chinese => vec![field("一句话总结", p.gist), field("摘要", &body(p))],
            Summary::Quote => vec![format!("> {}", body(p))],
            Summary::Fold => vec![format!(
                "<details><summary>Abstract</summary>\n\n{}\n\n</details>",
                body(p)
            )],
            Summary::LabelAlone => vec!["**Summary**".to_string(), body(p)],
            Summary::Contributions => vec![
                field("Key contributions", ""),
                format!("1. {}\n2. {}\n3. {}", p.body[0], p.body[1], p.body[2]),
            ],
            Summary::QuotedLabels => vec![format!(
                "> {}\n>\n> {}",
                field("TL;DR", p.gist),
                field("Summary", &body(p))
            )],
            Summary::EmojiLabels => vec![
                format!("💡 {}", field("TL;DR", p.gist)),
                format!("📝 {}", field("Summary", &body(p))),
            ],
            Summary::TwoParagraphs => vec![
                format!("{} {}", p.body[0], p.body[1]),
                p.body[2].to_string(),
            ],
        }
    }

    pub fn sentences(self, p: &Paper) -> Vec<&'static str> {
        let mut s: Vec<&'static str> = p.body.to_vec();
        if matches!(
            self,
            Summary::TldrThenBody
                | Summary::SubHeadings
                | Summary::Chinese
                | Summary::QuotedLabels
                | Summary::EmojiLabels
        ) {
            s.push(p.gist);
        }
        s
    }
}

/// Where the link line stands among the fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkAt {
    First,
    AfterAuthors,
    Last,
}

pub const LINK_AT: &[LinkAt] = &[LinkAt::First, LinkAt::AfterAuthors, LinkAt::Last];

/// How the short fields (link, authors, dates, keywords) are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldStyle {
    /// A paragraph each.
    Lines,
    /// `- **Label**: value` bullets, indented under a list item's title.
    Bullets,
    /// The labelled ones on one line: `**Authors**: … | **arXiv**: …`.
    Inline,
    /// The labelled ones as a two-column table.
    Table,
}

pub const FIELD_STYLES: &[FieldStyle] = &[
    FieldStyle::Lines,
    FieldStyle::Bullets,
    FieldStyle::Inline,
    FieldStyle::Table,
];

/// A field written `Label: value` (bold or not, after an ornament): its label and value.
pub fn label_and_value(field: &str) -> Option<(&str, &str)> {
    let at = field.find([':', '：'])?;
    let label = &field[..at];
    if label.contains(['[', '(', '<', '>']) || label.split_whitespace().count() > 3 {
        return None;
    }
    let colon = field[at..].chars().next().map_or(1, char::len_utf8);
    Some((label, field[at + colon..].trim()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub head: Head,
    pub link: LinkLine,
    pub link_at: LinkAt,
    pub authors: Authors,
    pub summary: Summary,
    pub fields: FieldStyle,
    pub bold_labels: bool,
    pub rule_between: bool,
    pub preamble: bool,
    pub categories: bool,
    pub footer: bool,
    /// `Keywords: …` and `Relevance: 8/10` lines among the fields.
    pub keywords_and_score: bool,
    /// A figure above the summary.
    pub image: bool,
    /// The paper's own arXiv date among its fields (`Published: 2026-02-26`).
    pub published: bool,
    /// A table of contents of anchor links at the top.
    pub contents: bool,
    /// A closing section on the day's trends, with no paper link.
    pub trends: bool,
}

/// The file a bot with this layout writes for the papers.
pub fn write_file(layout: &Layout) -> String {
    let mut out = String::new();
    if layout.preamble {
        out.push_str("# Daily Papers: 2026-03-01\n\nHere are today's most interesting papers, summarised for you.\n\n");
    }
    if layout.contents {
        out.push_str("## Contents\n\n");
        for (n, p) in PAPERS.iter().enumerate() {
            let _ = writeln!(out, "- [{}](#paper-{})", p.title, n + 1);
        }
        out.push('\n');
    }
    // Category headings sit one level above a heading title, or at `##` over other
    // title lines.
    let category_level = match layout.head {
        Head::NumberedLinkedHeading => "#",
        Head::PdfLinkedHeading => "###",
        _ if layout.head.is_heading() => "##",
        _ => "##",
    };
    let sub_heading = match layout.head {
        Head::NumberedLinkedHeading => "###",
        Head::PdfLinkedHeading => "#####",
        _ if layout.head.is_heading() => "####",
        _ => "####",
    };
    let bullets = layout.fields == FieldStyle::Bullets;
    let indent = if layout.head.is_item() && bullets {
        "   "
    } else {
        ""
    };
    let bold = layout.bold_labels;
    let field = |label: &str, value: &str| -> String {
        let label = if bold {
            format!("**{label}**:")
        } else {
            format!("{label}:")
        };
        if label.contains('：') {
            format!("{label}{value}")
        } else {
            format!("{label} {value}")
        }
    };
    for (n, p) in PAPERS.iter().enumerate() {
        if layout.categories && n != 1 {
            let name = if n == 0 {
                "Machine Learning"
            } else {
                "Computer Vision"
            };
            let _ = write!(out, "{category_level} {name}\n\n");
        }
        out.push_str(&layout.head.write(n + 1, p));
        out.push('\n');
        let mut fields: Vec<String> = Vec::new();
        if layout.head == Head::TranslatedHeading {
            fields.push(field("原文标题", p.title));
        }
        let link = (!layout.head.linked()).then(|| layout.link.write(p, bold));
        let authors = layout.authors.write(p, bold);
        if layout.link_at == LinkAt::First {
            fields.extend(link.clone());
        }
        fields.extend(authors);
        if layout.link_at == LinkAt::AfterAuthors {
            fields.extend(link.clone());
        }
        if layout.published {
            fields.push(field("Published", &format!("2026-02-{}", 24 + n)));
        }
        if layout.keywords_and_score {
            fields.push(field("Keywords", "routing, evaluation, efficiency"));
            fields.push(field("Relevance", &format!("{}/10", 8 - n)));
        }
        // A fold inside a folded entry is no bot's.
        let summary = match (layout.head, layout.summary) {
            (Head::Folded, Summary::Fold) => Summary::Paragraph,
            (_, s) => s,
        };
        let summary = summary.write(p, sub_heading, &field);
        let mut blocks: Vec<String> = Vec::new();
        let one_line_summary = summary.len() == 1 && !summary[0].contains('\n');
        if bullets && one_line_summary && !summary[0].starts_with('>') {
            fields.push(summary[0].clone());
        } else if bullets && summary.iter().all(|b| b.contains(':') || b.contains('：')) {
            fields.extend(summary.iter().cloned());
        } else {
            blocks = summary;
        }
        if layout.image {
            blocks.insert(
                0,
                format!("![Figure 1](https://example.com/figures/{}.png)", p.id),
            );
        }
        if layout.link_at == LinkAt::Last {
            if blocks.is_empty() {
                fields.extend(link);
            } else {
                blocks.extend(link);
            }
        }
        match layout.fields {
            FieldStyle::Bullets => {
                for f in &fields {
                    let _ = writeln!(out, "{indent}- {f}");
                }
            }
            FieldStyle::Lines => {
                out.push('\n');
                for f in &fields {
                    let _ = write!(out, "{f}\n\n");
                }
            }
            FieldStyle::Inline | FieldStyle::Table => {
                out.push('\n');
                let (labelled, raw): (Vec<&String>, Vec<&String>) =
                    fields.iter().partition(|f| label_and_value(f).is_some());
                for f in raw {
                    let _ = write!(out, "{f}\n\n");
                }
                if layout.fields == FieldStyle::Inline {
                    let line: Vec<&str> = labelled.iter().map(|f| f.as_str()).collect();
                    let _ = write!(out, "{}\n\n", line.join(" | "));
                } else if !labelled.is_empty() {
                    out.push_str("| Field | Value |\n|---|---|\n");
                    for f in labelled {
                        if let Some((label, value)) = label_and_value(f) {
                            let _ = writeln!(out, "| {} | {value} |", label.replace("**", ""));
                        }
                    }
                    out.push('\n');
                }
            }
        }
        out.push('\n');
        for b in &blocks {
            let _ = write!(out, "{b}\n\n");
        }
        if layout.head == Head::Folded {
            out.push_str("</details>\n\n");
        }
        if layout.rule_between {
            out.push_str("---\n\n");
        }
    }
    if layout.trends {
        out.push_str("## Trends of the Day\n\nRouting and evaluation dominate today, with three papers on efficiency.\n\n");
    }
    if layout.footer {
        out.push_str("---\n\n*This digest was written by a bot. [Subscribe](https://example.com/subscribe) for more.*\n");
    }
    out
}
