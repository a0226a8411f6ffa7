//! The site's Atom feeds: one entry per day in `/atom.xml`, one per paper in
//! `/papers/atom.xml` and in each tag's, and RFC 5005 archive documents behind each feed
//! that `feed_limit` cuts, so the whole history stays subscribable.
//!
//! Feeds are cut at day boundaries ([`super::feed_cut`]): a subscription document always holds the
//! newest day whole, however many papers it has, and its archive documents start where
//! it ends, so every entry is in exactly one document.

use std::borrow::Cow;

use super::feed_cut::{Cut, cut};
use super::urls::{FeedOf, Route};
use super::views::Ctx;
use super::{Job, Renderer, atom};
use crate::content::markup::math_as_text;
use crate::feed_state::FeedState;
use crate::model::Site;

/// Which feed: `/atom.xml`, `/papers/atom.xml` or a tag's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Site,
    Papers,
    Tag(usize),
}

/// How much of a day or paper an entry carries. Archives hold the whole history, so
/// their entries carry what credits and finds the paper (title, authors, tags, link) and
/// one short line, not the full HTML: the summary is written once, on the paper's page
/// (and in the export), and a 3650-day site would otherwise spend a large share of its
/// bytes on copies of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Subscription feeds: HTML content, authors, tags, the gist as summary.
    Full,
    /// Archives: authors, tags and the first sentence of the gist or summary, cut at a
    /// word near [`DAY_LINE`] characters.
    Short,
}

/// One feed entry's source.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
    Day(usize),
    Paper(usize),
}

/// Every feed's entries, oldest first, and where they are cut, computed once per
/// render: each feed is cut into many archive documents, and each document needs its
/// feed's whole list.
pub(super) struct FeedItems {
    site: FeedList,
    papers: FeedList,
    tags: Vec<FeedList>,
}

/// One feed's entries, oldest first, and the documents they are cut into.
pub(super) struct FeedList {
    items: Vec<Item>,
    cut: Cut,
}

impl<'a> Renderer<'a> {
    pub(super) fn feed_id(&self, what: &str) -> String {
        let mut id = String::with_capacity(self.feed_id_base.len() + 1 + what.len());
        id.push_str(&self.feed_id_base);
        id.push(':');
        id.push_str(what);
        id
    }

    pub(super) fn feed_of(&self, which: Which) -> FeedOf<'a> {
        match which {
            Which::Site => FeedOf::Site,
            Which::Papers => FeedOf::Papers,
            Which::Tag(t) => FeedOf::Tag(&self.ctx.site.tags[t].slug),
        }
    }

    fn limit(&self) -> usize {
        self.ctx.config.feed_limit.max(1)
    }

    /// Papers in the order they first appeared: by first day, then digest order.
    fn papers_by_first_appearance(&self) -> Vec<usize> {
        let site = self.ctx.site;
        let mut seen = vec![false; site.papers.len()];
        let mut out = Vec::with_capacity(site.papers.len());
        for day in &site.days {
            for &p in &day.papers {
                if !std::mem::replace(&mut seen[p], true) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// Every entry a feed ever had, oldest first, and where it is cut. New content
    /// appends to the end, so archive documents cut from the start stay the same.
    fn list(&self, which: Which) -> &FeedList {
        let all = self.feed_items.get_or_init(|| {
            let site = self.ctx.site;
            let mut tags = vec![Vec::new(); site.tags.len()];
            let papers: Vec<Item> = self
                .papers_by_first_appearance()
                .into_iter()
                .inspect(|&p| {
                    for &t in &site.papers[p].tags {
                        tags[t].push(Item::Paper(p));
                    }
                })
                .map(Item::Paper)
                .collect();
            let listed = |which: Which, items: Vec<Item>| {
                let sizes = day_sizes(site, &items);
                let cut = cut(&sizes, self.limit(), self.archives_on(which));
                FeedList { items, cut }
            };
            FeedItems {
                site: listed(Which::Site, (0..site.days.len()).map(Item::Day).collect()),
                papers: listed(Which::Papers, papers),
                tags: tags
                    .into_iter()
                    .enumerate()
                    .map(|(t, items)| listed(Which::Tag(t), items))
                    .collect(),
            }
        });
        match which {
            Which::Site => &all.site,
            Which::Papers => &all.papers,
            Which::Tag(t) => &all.tags[t],
        }
    }

    /// Every entry a feed ever had, oldest first.
    fn items(&self, which: Which) -> &[Item] {
        &self.list(which).items
    }

    /// The papers of a paper feed, oldest first (none for `/atom.xml`).
    pub(super) fn feed_papers(&self, which: Which) -> Vec<usize> {
        self.items(which)
            .iter()
            .filter_map(|item| match *item {
                Item::Paper(p) => Some(p),
                Item::Day(_) => None,
            })
            .collect()
    }

    /// Where `which`'s entries are cut into documents.
    pub(super) fn feed_cut(&self, which: Which) -> &Cut {
        &self.list(which).cut
    }

    /// The archive documents (1-based) of `which` that hold an entry at one of
    /// `positions` (in [`Self::items`]), and, with `from`, every one that holds or
    /// follows the entry at `from` together with the newest (the subscription document
    /// may have given it days).
    pub(super) fn archives_holding(
        &self,
        which: Which,
        positions: impl IntoIterator<Item = usize>,
        from: Option<usize>,
    ) -> std::collections::BTreeSet<usize> {
        let archives = &self.feed_cut(which).archives;
        let at = |p: usize| archives.partition_point(|r| r.end <= p) + 1;
        let mut out: std::collections::BTreeSet<usize> = positions
            .into_iter()
            .map(at)
            .filter(|&k| k <= archives.len())
            .collect();
        if let Some(p) = from {
            out.extend(at(p).min(archives.len().max(1))..=archives.len());
        }
        out
    }

    /// How many archive documents `which` has: none when the site turns its kind off
    /// (`tag_feed_archives`, `paper_feed_archives`).
    pub(super) fn archive_count(&self, which: Which) -> usize {
        self.feed_cut(which).archives.len()
    }

    /// Whether `which` is cut into archive documents at all.
    pub(super) fn archives_on(&self, which: Which) -> bool {
        let config = self.ctx.config;
        match which {
            Which::Site => true,
            Which::Papers => config.paper_feed_archives,
            Which::Tag(_) => config.tag_feed_archives,
        }
    }

    /// The papers feed, every feed's archive documents and JSON Feed twin.
    pub(super) fn more_feed_jobs(&self) -> Vec<Job> {
        let mut whiches = vec![Which::Site, Which::Papers];
        whiches.extend((0..self.ctx.site.tags.len()).map(Which::Tag));
        let mut jobs: Vec<Job> = whiches.iter().map(|&w| Job::JsonFeed(w)).collect();
        for which in whiches {
            let n = self.archive_count(which);
            jobs.extend((1..=n).map(|k| Job::FeedArchive(which, k)));
        }
        jobs
    }

    pub(super) fn site_feed(&self) -> String {
        self.feed_document(Which::Site, None, false)
    }

    pub(super) fn papers_feed(&self) -> String {
        self.feed_document(Which::Papers, None, false)
    }

    pub(super) fn tag_feed(&self, t: usize) -> String {
        self.feed_document(Which::Tag(t), None, false)
    }

    pub(super) fn archive_feed(&self, which: Which, n: usize) -> String {
        self.feed_document(which, Some(n), false)
    }

    /// JSON Feed 1.1 with the entries of the subscription Atom feed.
    pub(super) fn json_feed(&self, which: Which) -> String {
        self.feed_document(which, None, true)
    }

    /// The subscription document (`part` = None: the newest whole days within
    /// `feed_limit` entries, with `prev-archive` to the newest archive) or archive
    /// document `part`.
    fn feed_document(&self, which: Which, part: Option<usize>, json: bool) -> String {
        let ctx = &self.ctx;
        let site = ctx.site;
        let urls = ctx.urls;
        let FeedList { items, cut } = self.list(which);
        let archives = cut.archives.len();
        let current = match which {
            Which::Site => Route::Feed,
            Which::Papers => Route::PapersFeed,
            Which::Tag(t) => Route::TagFeed(&site.tags[t].slug),
        };
        let (slice, self_route, prev) = match part {
            None => (
                &items[cut.current.clone()],
                current.clone(),
                (archives > 0).then_some(archives),
            ),
            Some(n) => (
                &items[cut.archives.get(n - 1).cloned().unwrap_or(0..0)],
                Route::FeedArchive(self.feed_of(which), n),
                (n > 1).then_some(n - 1),
            ),
        };
        let mut links = Vec::new();
        if part.is_some() {
            links.push(("current", urls.of(&current)));
        }
        if let Some(p) = prev {
            links.push((
                "prev-archive",
                urls.of(&Route::FeedArchive(self.feed_of(which), p)),
            ));
        }
        // Newest first; a day's papers stay in digest order.
        let date_of = |item: &Item| match *item {
            Item::Day(i) => site.days[i].date,
            Item::Paper(p) => site.papers[p].first_day(),
        };
        let mut order: Vec<(usize, Item)> = slice.iter().copied().enumerate().collect();
        order.sort_by_key(|(i, item)| (std::cmp::Reverse(date_of(item)), *i));
        let detail = match part {
            None => Detail::Full,
            Some(_) => Detail::Short,
        };
        let entries: Vec<atom::Entry> = order
            .into_iter()
            .map(|(_, item)| match item {
                Item::Day(i) => self.day_entry(i, detail),
                Item::Paper(p) => self.paper_entry(&site.papers[p], detail),
            })
            .collect();
        let (id, title, subtitle, alternate) = match which {
            Which::Site => (
                self.feed_id("feed"),
                ctx.config.title.clone(),
                ctx.config.description.clone(),
                urls.of(&Route::Home),
            ),
            Which::Papers => (
                self.feed_id("papers"),
                format!("{} — every paper", ctx.config.title),
                "One entry per paper, newest first".to_string(),
                urls.of(&Route::Home),
            ),
            Which::Tag(t) => {
                let tag = &site.tags[t];
                (
                    self.feed_id(&format!("tag:{}", tag.slug)),
                    format!("{} — {}", ctx.config.title, tag.name),
                    format!("Papers tagged {}", tag.name),
                    urls.of(&Route::Tag(&tag.slug, 1)),
                )
            }
        };
        let tags_url = urls.of(&Route::Tags);
        let feed = atom::Feed {
            id,
            title: &title,
            subtitle: &subtitle,
            language: &ctx.config.language,
            self_url: urls.of(&self_route),
            alternate_url: alternate,
            base_url: urls.base(),
            author: &ctx.config.author,
            generator_version: env!("CARGO_PKG_VERSION"),
            entries,
            archive: part.is_some(),
            links,
            fallback_updated: fallback_date(site),
            category_scheme: &tags_url,
        };
        if json {
            feed.to_json(&urls.of(&Route::JsonFeed(self.feed_of(which))))
        } else {
            feed.to_xml()
        }
    }

    /// `updated` of the entry whose key ([`day_key`], [`paper_key`]) is `key`: from the
    /// feed state, else midnight of the day it first appeared.
    fn stamp(&self, key: &str, first: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
        self.stamps
            .get(key)
            .copied()
            .unwrap_or_else(|| crate::dates::midnight(first))
    }

    /// A day's entry title.
    fn day_title(&self, day: &crate::model::Day, long: &str) -> String {
        match &day.title {
            Some(t) => format!("{t} ({long})"),
            None => format!("Papers for {long} ({} papers)", day.papers.len()),
        }
    }

    /// A day's entry: every paper's title, authors and blurb in full, else a one-line
    /// summary of the day.
    fn day_entry(&self, i: usize, detail: Detail) -> atom::Entry<'a> {
        let ctx = &self.ctx;
        let site = ctx.site;
        let day = &site.days[i];
        let link = ctx.day_link(day);
        let key = day_key(day.date);
        let mut entry = atom::Entry {
            id: self.feed_id(&key),
            title: Cow::Owned(self.day_title(day, &link.long)),
            url: link.url,
            published: day.date,
            updated: self.stamp(&key, day.date),
            authors: Vec::new(),
            content_html: String::new(),
            summary_text: None,
            categories: Vec::new(),
            related: None,
        };
        if detail != Detail::Full {
            let mut titles = String::new();
            for &p in &day.papers {
                if titles.len() > ARCHIVE_SUMMARY {
                    break;
                }
                if !titles.is_empty() {
                    titles.push_str("; ");
                }
                titles.push_str(&math_as_text(&site.papers[p].title));
            }
            let text = match &day.description {
                Some(d) => format!("{d} {titles}"),
                None => titles,
            };
            entry.summary_text = Some(Cow::Owned(crate::content::markup::truncate_words(
                &text,
                ARCHIVE_SUMMARY,
            )));
            return entry;
        }
        push_day_feed_html(&mut entry.content_html, ctx, day);
        entry
    }

    /// [`atom::Entry::content_hash`] of `day_entry(i, Detail::Full)`, built in `buf`.
    fn day_hash(&self, i: usize, base: &str, buf: &mut String) -> String {
        let day = &self.ctx.site.days[i];
        buf.clear();
        push_day_feed_html(buf, &self.ctx, day);
        let long = self.ctx.day_link(day).long;
        atom::content_hash(base, &self.day_title(day, &long), buf, None, [], [])
    }

    /// [`atom::Entry::content_hash`] of `paper_entry(paper, Detail::Full)`, built in
    /// `buf`.
    fn paper_hash(&self, paper: &crate::model::Paper, base: &str, buf: &mut String) -> String {
        buf.clear();
        push_paper_feed_html(buf, &self.ctx, paper, false);
        atom::content_hash(
            base,
            &math_as_text(&paper.title),
            buf,
            paper
                .gist
                .as_ref()
                .map(|g| math_as_text(&g.text))
                .as_deref(),
            full_entry_authors(paper),
            entry_categories(self.ctx.site, paper),
        )
    }

    /// A paper's entry: see [`Detail`] for what each level carries.
    pub(super) fn paper_entry(
        &self,
        paper: &'a crate::model::Paper,
        detail: Detail,
    ) -> atom::Entry<'a> {
        let ctx = &self.ctx;
        let site: &'a Site = ctx.site;
        let key = paper_key(paper);
        let full = detail == Detail::Full;
        let summary_text = match detail {
            Detail::Full => paper.gist.as_ref().map(|g| math_as_text(&g.text)),
            Detail::Short => paper
                .blurb()
                .map(day_line)
                .filter(|l| !l.is_empty())
                .map(Cow::Owned),
        };
        atom::Entry {
            id: self.feed_id(&key),
            title: math_as_text(&paper.title),
            url: ctx.urls.of(&Route::Paper(&paper.id)),
            published: paper.first_day(),
            updated: self.stamp(&key, paper.first_day()),
            // A paper without authors falls back to the feed's author, which Atom
            // allows.
            authors: full_entry_authors(paper).collect(),
            content_html: if full {
                paper_feed_html(ctx, paper, false)
            } else {
                String::new()
            },
            summary_text,
            categories: entry_categories(site, paper).collect(),
            related: paper.code.as_deref(),
        }
    }

    /// Gives every day and paper entry its `updated` from the feed state file beside
    /// `content/` (see [`crate::feed_state`]), recording new and edited entries. Call
    /// before rendering; save the returned state once the output is in place.
    pub fn stamp_feeds(
        &mut self,
        root: &std::path::Path,
        diags: &mut crate::diagnostic::Diagnostics,
    ) -> FeedState {
        let site = self.ctx.site;
        let base = self.ctx.urls.base().to_string();
        // Entries are hashed in parallel, each thread building them in one buffer; the
        // state is then updated in order.
        use rayon::prelude::*;
        let days = (0..site.days.len())
            .into_par_iter()
            .map_init(String::new, |buf, i| {
                let date = site.days[i].date;
                (day_key(date), self.day_hash(i, &base, buf), date)
            });
        let papers = site.papers.par_iter().map_init(String::new, |buf, p| {
            (paper_key(p), self.paper_hash(p, &base, buf), p.first_day())
        });
        // The state file is read meanwhile (a line per entry ever seen).
        let mut load_diags = crate::diagnostic::Diagnostics::default();
        let (mut state, hashed): (FeedState, Vec<(String, String, chrono::NaiveDate)>) =
            rayon::join(
                || FeedState::load(root, crate::feed_state::build_time(), &mut load_diags),
                || days.chain(papers).collect(),
            );
        diags.extend(load_diags);
        let mut stamps = ahash::AHashMap::with_capacity(hashed.len());
        for (key, hash, published) in hashed {
            let t = state.updated(&key, &hash, crate::dates::midnight(published));
            stamps.insert(key, t);
        }
        self.stamps = stamps;
        state
    }
}

/// How many entries each day brings to a feed of `items` (oldest first): a day entry
/// is its own day; a paper counts on the day it first appeared.
fn day_sizes(site: &Site, items: &[Item]) -> Vec<usize> {
    let mut sizes: Vec<usize> = Vec::new();
    let mut last = None;
    for item in items {
        let day = match *item {
            Item::Day(i) => site.days[i].date,
            Item::Paper(p) => site.papers[p].first_day(),
        };
        match sizes.last_mut() {
            Some(n) if last == Some(day) => *n += 1,
            _ => sizes.push(1),
        }
        last = Some(day);
    }
    sizes
}

/// Characters of text in an archived day entry's `<summary>` (its papers' titles).
const ARCHIVE_SUMMARY: usize = 160;

/// A day's key in the feed state file, and the end of its entry's id.
fn day_key(date: chrono::NaiveDate) -> String {
    format!("day:{}", crate::dates::iso_date(date))
}

/// A paper's key in the feed state file, and the end of its entry's id.
fn paper_key(paper: &crate::model::Paper) -> String {
    let mut key = String::with_capacity("paper:".len() + paper.id.len());
    key.push_str("paper:");
    key.push_str(&paper.id);
    key
}

/// A paper entry's categories: its tags' slugs and names.
fn entry_categories<'a>(
    site: &'a Site,
    paper: &'a crate::model::Paper,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    paper
        .tags
        .iter()
        .map(|&t| (site.tags[t].slug.as_str(), site.tags[t].name.as_str()))
}

/// The authors a full paper entry names (blank ones left out).
fn full_entry_authors(paper: &crate::model::Paper) -> impl Iterator<Item = &str> {
    paper
        .authors
        .iter()
        .map(String::as_str)
        .filter(|a| !a.trim().is_empty())
}

/// Appends the HTML of a day's entry in `/atom.xml`: its description, then one list
/// item per paper (its title linking to its page, its gist or first sentence, its arXiv
/// link) and per other link of the day. The papers' full text is in the paper feeds and
/// on their pages: with it, a month of days made `/atom.xml` weigh over a megabyte,
/// fetched again by every subscriber's reader at each poll.
fn push_day_feed_html(html: &mut String, ctx: &Ctx, day: &crate::model::Day) {
    use super::escape::push_html;

    use crate::content::arxiv;
    html.reserve(256 * (day.papers.len() + day.links.len()) + 64);
    if let Some(d) = &day.description {
        html.push_str("<p>");
        push_html(html, d);
        html.push_str("</p>\n");
    }
    if day.papers.is_empty() && day.links.is_empty() {
        return;
    }
    html.push_str("<ul>\n");
    let item = |html: &mut String,
                url: &str,
                title: &str,
                text: Option<&crate::content::markup::Markup>| {
        html.push_str("<li><a href=\"");
        push_html(html, url);
        html.push_str("\">");
        push_html(html, title);
        html.push_str("</a>");
        if let Some(line) = text.map(day_line).filter(|l| !l.is_empty()) {
            html.push_str(" — ");
            push_html(html, &line);
        }
    };
    for &p in &day.papers {
        let paper = &ctx.site.papers[p];
        let url = ctx.urls.of(&Route::Paper(&paper.id));
        item(html, &url, &math_as_text(&paper.title), paper.blurb());
        html.push_str(" <a href=\"");
        html.push_str(&arxiv::abs_url(&paper.id));
        html.push_str("\">arXiv</a></li>\n");
    }
    for l in &day.links {
        item(html, &l.url, &l.title, l.summary.as_ref());
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
}

/// Characters of a paper's line in a day entry: about one line of a reader's column.
const DAY_LINE: usize = 110;

/// A paper's or link's line in a day entry: the first sentence of its gist or summary,
/// cut at a word.
fn day_line(m: &crate::content::markup::Markup) -> String {
    let text = math_as_text(&m.text);
    let text = crate::model::first_sentence(text.trim());
    crate::content::markup::truncate_words(text, DAY_LINE)
}

/// HTML for one paper inside a feed entry: absolute links only.
fn paper_feed_html(ctx: &Ctx, p: &crate::model::Paper, heading: bool) -> String {
    let mut html = String::new();
    push_paper_feed_html(&mut html, ctx, p, heading);
    html
}

/// Appends [`paper_feed_html`]: a day's entry is many of them in a row.
fn push_paper_feed_html(html: &mut String, ctx: &Ctx, p: &crate::model::Paper, heading: bool) {
    use super::escape::push_html;
    use crate::content::arxiv;
    use std::fmt::Write as _;
    let url = ctx.urls.of(&Route::Paper(&p.id));
    if heading {
        html.push_str("<h3><a href=\"");
        push_html(html, &url);
        html.push_str("\">");
        push_html(html, &math_as_text(&p.title));
        html.push_str("</a></h3>\n");
    }
    if let Some((first, rest)) = p.authors.split_first() {
        html.push_str("<p><em>");
        push_html(html, first);
        for a in rest {
            html.push_str(", ");
            push_html(html, a);
        }
        html.push_str("</em></p>\n");
    }
    let body = if heading {
        p.blurb()
    } else {
        p.summary.as_ref().or(p.blurb())
    };
    if let Some(m) = body {
        if m.html.starts_with("<p") || m.html.starts_with("<ul") || m.html.starts_with("<ol") {
            html.push_str(&m.html);
        } else {
            html.push_str("<p>");
            html.push_str(&m.html);
            html.push_str("</p>");
        }
        html.push('\n');
    }
    let _ = write!(
        html,
        "<p><a href=\"{}\">arXiv</a> · <a href=\"{}\">PDF</a> · <a href=\"{}\">Hugging Face</a>",
        arxiv::abs_url(&p.id),
        arxiv::pdf_url(&p.id),
        arxiv::hf_url(&p.id),
    );
    if let Some(code) = &p.code {
        html.push_str(" · <a href=\"");
        push_html(html, code);
        html.push_str("\" rel=\"nofollow noopener\">Code</a>");
    }
    html.push_str(" · <a href=\"");
    push_html(html, &url);
    html.push_str("\">Page</a></p>\n");
}

/// `updated` for a feed with no entries: the newest day, else a fixed epoch, never the
/// clock.
fn fallback_date(site: &Site) -> chrono::NaiveDate {
    site.latest_day().map(|d| d.date).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stamping hashes entries without building them; the hashes must be those of the
    /// entries the feeds show.
    #[test]
    fn stamp_hashes_are_the_entries_hashes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (config, site, _) = crate::build::load_site(root, None).expect("demo loads");
        let theme = super::super::theme::Theme::load(root, &config.theme).expect("theme");
        let urls = super::super::urls::Urls::new(&config.base_url);
        let renderer = Renderer::new(&site, &config, &urls, &theme);
        let base = urls.base();
        let mut buf = String::new();
        for (i, p) in site.papers.iter().enumerate() {
            let entry = renderer.paper_entry(p, Detail::Full);
            assert_eq!(
                renderer.paper_hash(p, base, &mut buf),
                entry.content_hash(base),
                "paper {i}"
            );
        }
        for i in 0..site.days.len() {
            let entry = renderer.day_entry(i, Detail::Full);
            assert_eq!(
                renderer.day_hash(i, base, &mut buf),
                entry.content_hash(base),
                "day {i}"
            );
        }
        assert!(site.papers.len() > 50 && site.days.len() > 3);
    }
}
