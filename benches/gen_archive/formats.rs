//! The two digest formats the generator writes: table digests (format A) and feed
//! dumps (format B), plus the papers they list and the blog items among them.

use crate::rng::{Rng, mix};
use crate::text::*;
use crate::topics::TOPICS;
use crate::words::*;

pub(crate) struct Paper {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) name: String,
    pub(crate) authors: String,
    pub(crate) t1: usize,
    pub(crate) t2: usize,
    pub(crate) seed: u64,
}

impl Paper {
    pub(crate) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            name: &self.name,
            t1: &TOPICS[self.t1],
            t2: &TOPICS[self.t2],
        }
    }
}

pub(crate) const SALT_TABLE: u64 = 0xA11C_E5ED_0000_0001;
pub(crate) const SALT_FEED: u64 = 0xFEED_FEED_0000_0002;

pub(crate) fn table_summary(p: &Paper, out: &mut String) {
    let c = p.ctx();
    let r = &mut Rng::new(mix(p.seed, SALT_TABLE));
    let start = out.len();
    sentence(out, r.pick(S_INTRO), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_OBJ), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_METHOD), &c, r);
    out.push(' ');
    if out.len() - start < 560 || r.chance(0.3) {
        sentence(out, r.pick(S_EXTRA), &c, r);
        out.push(' ');
    }
    sentence(out, r.pick(S_RESULT), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_IMPL), &c, r);
}

pub(crate) fn feed_summary(p: &Paper, out: &mut String) {
    let c = p.ctx();
    let r = &mut Rng::new(mix(p.seed, SALT_FEED));
    sentence(out, r.pick(F_GIST), &c, r);
    out.push_str(AI_SEP);
    sentence(out, r.pick(F_OPEN), &c, r);
    out.push(' ');
    sentence(out, r.pick(F_PROBLEM), &c, r);
    out.push(' ');
    sentence(out, r.pick(F_INTRO), &c, r);
    let nm = r.range(1, 3);
    let first = r.below(F_METHOD.len());
    for k in 0..nm {
        out.push(' ');
        sentence(out, F_METHOD[(first + k) % F_METHOD.len()], &c, r);
    }
    out.push(' ');
    sentence(out, r.pick(F_RESULT), &c, r);
    if r.chance(0.6) {
        out.push(' ');
        sentence(out, r.pick(F_CLOSE), &c, r);
    }
}

pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub(crate) fn blog_item(r: &mut Rng, date: (i64, u32, u32), out: &mut String) {
    let c = Ctx {
        name: "",
        t1: &TOPICS[r.below(TOPICS.len())],
        t2: &TOPICS[r.below(TOPICS.len())],
    };
    let mut title = String::new();
    fill(&mut title, r.pick(BLOG_TITLES), &c, r);
    let title = title_case(&title);
    let (domain, site, style) = r.pick(BLOG_SITES);
    let sl = slug(&title);
    let url = match style {
        0 => format!("https://{}/{}/", domain, sl),
        1 => format!("https://{}/blog/{}", domain, sl),
        _ => format!(
            "https://{}/blog/{:04}/{:02}/{:02}/{}/",
            domain, date.0, date.1, date.2, sl
        ),
    };
    let mut tag = String::new();
    sentence(&mut tag, r.pick(BLOG_TAGLINES), &c, r);
    out.push_str("### Title: ");
    out.push_str(&title);
    out.push_str("\nLink: ");
    out.push_str(&url);
    out.push_str("\nSummary: <p>");
    out.push_str(&tag);
    out.push_str("</p>\n");
    if style == 0 {
        out.push_str(&format!(
            "<p>The post <a href=\"{}\">{}</a> appeared first on <a href=\"https://{}\">{}</a>.</p>\n",
            url, title, domain, site
        ));
    } else {
        out.push_str(&format!(
            "<p>Read the full post on <a href=\"https://{}\">{}</a> &amp; share your thoughts.</p>\n",
            domain, site
        ));
    }
    out.push('\n');
}

pub(crate) fn write_table(papers: &[Paper], ids: &[usize], date: &str, with_cat: bool, out: &mut String) {
    out.push_str("\n\n## Papers for ");
    out.push_str(date);
    out.push_str("\n\n");
    if with_cat {
        out.push_str(
            "| Category | Title | Authors | Summary |\n|----------|-------|---------|---------|\n",
        );
    } else {
        out.push_str("| Title | Authors | Summary |\n|-------|---------|---------|\n");
    }
    for &i in ids {
        let p = &papers[i];
        out.push_str("| ");
        if with_cat {
            out.push_str(TOPICS[p.t1].category);
            out.push_str(" | ");
        }
        let (a, b) = wrap72(&p.title);
        out.push_str(a);
        if let Some(b) = b {
            out.push_str("\n  ");
            out.push_str(b);
        }
        out.push_str(" (Read more on [arXiv](https://arxiv.org/abs/");
        out.push_str(&p.id);
        out.push_str(") or [HuggingFace](https://huggingface.co/papers/");
        out.push_str(&p.id);
        out.push_str("))| ");
        out.push_str(&p.authors);
        out.push_str(" | ");
        table_summary(p, out);
        out.push_str(" |\n");
    }
}

pub(crate) fn write_feed_paper(p: &Paper, out: &mut String) {
    out.push_str("### Title: ");
    let (a, b) = wrap72(&p.title);
    out.push_str(a);
    if let Some(b) = b {
        out.push_str("\n  ");
        out.push_str(b);
    }
    out.push_str("\nLink: https://huggingface.co/papers/");
    out.push_str(&p.id);
    out.push_str("\nSummary: ");
    feed_summary(p, out);
    out.push_str("\n\n");
}

/// Returns the number of blog items written.
pub(crate) fn write_feed(
    papers: &[Paper],
    ids: &[usize],
    date: (i64, u32, u32),
    r: &mut Rng,
    out: &mut String,
) -> usize {
    let blogs = match r.below(10) {
        0 => 0,
        1 => 2,
        _ => 1,
    };
    out.push_str(" - \n");
    if blogs >= 1 {
        blog_item(r, date, out);
    }
    for _ in 0..r.range(1, 3) {
        out.push_str(" - \n");
    }
    let second_at = if blogs >= 2 {
        r.below(ids.len())
    } else {
        usize::MAX
    };
    for (k, &i) in ids.iter().enumerate() {
        if k == second_at {
            out.push_str(" - \n");
            blog_item(r, date, out);
        }
        write_feed_paper(&papers[i], out);
    }
    blogs
}
