//! The site's Atom feeds: one entry per day in `/atom.xml`, one per paper in each tag's.

use super::urls::Route;
use super::views::Ctx;
use super::{Renderer, atom, escape_html};
use crate::model::Site;

impl Renderer<'_> {
    pub(super) fn feed_id(&self, what: &str) -> String {
        format!("{}:{what}", self.ctx.config.feed_id_base())
    }

    pub(super) fn site_feed(&self) -> String {
        let ctx = &self.ctx;
        let site = ctx.site;
        let entries = site
            .days
            .iter()
            .rev()
            .take(ctx.config.feed_limit)
            .map(|day| {
                let link = ctx.day_link(day);
                let mut html = String::new();
                if let Some(d) = &day.description {
                    html.push_str(&format!("<p>{}</p>\n", escape_html(d)));
                }
                for &p in &day.papers {
                    html.push_str(&paper_feed_html(ctx, &site.papers[p], true));
                }
                for l in &day.links {
                    html.push_str(&format!(
                        "<h3><a href=\"{}\">{}</a></h3>\n{}\n",
                        escape_html(&l.url),
                        escape_html(&l.title),
                        l.summary.as_ref().map_or("", |m| m.html.as_str())
                    ));
                }
                atom::Entry {
                    id: self.feed_id(&format!("day:{}", link.date)),
                    title: match &day.title {
                        Some(t) => format!("{t} ({})", link.long),
                        None => format!("Papers for {} ({} papers)", link.long, day.papers.len()),
                    },
                    url: link.url,
                    published: day.date,
                    updated: day.date,
                    content_html: html,
                    summary_text: None,
                    categories: Vec::new(),
                }
            })
            .collect();
        atom::Feed {
            id: self.feed_id("feed"),
            title: &ctx.config.title,
            subtitle: &ctx.config.description,
            language: &ctx.config.language,
            self_url: ctx.urls.of(&Route::Feed),
            alternate_url: ctx.urls.of(&Route::Home(1)),
            base_url: ctx.urls.base(),
            author: &ctx.config.author,
            generator_version: env!("CARGO_PKG_VERSION"),
            entries,
            fallback_updated: fallback_date(site),
        }
        .to_xml()
    }

    pub(super) fn tag_feed(&self, t: usize) -> String {
        let ctx = &self.ctx;
        let site = ctx.site;
        let tag = &site.tags[t];
        let entries = tag
            .papers
            .iter()
            .take(ctx.config.feed_limit)
            .map(|&p| self.paper_entry(&site.papers[p]))
            .collect();
        let title = format!("{} — {}", ctx.config.title, tag.name);
        let subtitle = format!("Papers tagged {}", tag.name);
        atom::Feed {
            id: self.feed_id(&format!("tag:{}", tag.slug)),
            title: &title,
            subtitle: &subtitle,
            language: &ctx.config.language,
            self_url: ctx.urls.of(&Route::TagFeed(&tag.slug)),
            alternate_url: ctx.urls.of(&Route::Tag(&tag.slug, 1)),
            base_url: ctx.urls.base(),
            author: &ctx.config.author,
            generator_version: env!("CARGO_PKG_VERSION"),
            entries,
            fallback_updated: fallback_date(site),
        }
        .to_xml()
    }

    pub(super) fn paper_entry(&self, paper: &crate::model::Paper) -> atom::Entry {
        let ctx = &self.ctx;
        atom::Entry {
            id: self.feed_id(&format!("paper:{}", paper.id)),
            title: paper.title.clone(),
            url: ctx.urls.of(&Route::Paper(&paper.id)),
            published: paper.first_day(),
            updated: paper.last_day(),
            content_html: paper_feed_html(ctx, paper, false),
            summary_text: paper.gist.as_ref().map(|m| m.text.clone()),
            categories: paper
                .tags
                .iter()
                .map(|&t| {
                    let tag = &ctx.site.tags[t];
                    (
                        tag.slug.clone(),
                        tag.name.clone(),
                        ctx.urls.of(&Route::Tags),
                    )
                })
                .collect(),
        }
    }
}

/// HTML for one paper inside a feed entry: absolute links only.
fn paper_feed_html(ctx: &Ctx, p: &crate::model::Paper, heading: bool) -> String {
    let esc = escape_html;
    let url = ctx.urls.of(&Route::Paper(&p.id));
    let mut html = String::new();
    if heading {
        html.push_str(&format!(
            "<h3><a href=\"{}\">{}</a></h3>\n",
            esc(&url),
            esc(&p.title)
        ));
    }
    if !p.authors.is_empty() {
        html.push_str(&format!("<p><em>{}</em></p>\n", esc(&p.authors.join(", "))));
    }
    let body = if heading {
        p.blurb()
    } else {
        p.summary.as_ref().or(p.blurb())
    };
    if let Some(m) = body {
        if m.html.starts_with('<')
            && (m.html.starts_with("<p") || m.html.starts_with("<ul") || m.html.starts_with("<ol"))
        {
            html.push_str(&m.html);
        } else {
            html.push_str(&format!("<p>{}</p>", m.html));
        }
        html.push('\n');
    }
    html.push_str(&format!(
        "<p><a href=\"{}\">arXiv</a> · <a href=\"{}\">PDF</a> · <a href=\"{}\">Hugging Face</a> · <a href=\"{}\">Page</a></p>\n",
        crate::content::arxiv::abs_url(&p.id),
        crate::content::arxiv::pdf_url(&p.id),
        crate::content::arxiv::hf_url(&p.id),
        esc(&url)
    ));
    html
}

/// `updated` for a feed with no entries: the newest day, else a fixed epoch, never the
/// clock.
fn fallback_date(site: &Site) -> chrono::NaiveDate {
    site.latest_day().map(|d| d.date).unwrap_or_default()
}
