//! The plain data templates receive. Field names here are the theme authors' API and
//! are listed in the README; change them only with the README.
//!
//! Views borrow from the model and are built per page, so no page copies the archive.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::urls::{Route, Urls};
use crate::config::Config;
use crate::content::arxiv;
use crate::dates::iso_date;
use crate::model::{Day, Paper, Site, Tag};

#[derive(Serialize)]
pub struct ConfigView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub author: &'a str,
    pub language: &'a str,
}

impl<'a> ConfigView<'a> {
    pub fn new(c: &'a Config) -> Self {
        ConfigView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            author: &c.author,
            language: &c.language,
        }
    }
}

/// Facts about the whole site, the same on every page.
#[derive(Serialize)]
pub struct SiteView {
    pub days: usize,
    pub papers: usize,
    pub tags: usize,
    pub home_url: String,
    pub tags_url: String,
    /// Every year and month of the archive.
    pub archive_url: String,
    pub feed_url: String,
    /// The feeds page: what the feeds are and how to subscribe to them.
    pub feeds_url: String,
    pub css_url: String,
    /// The theme's icon, so browsers need not ask for a `/favicon.ico` that is not there.
    pub icon_url: String,
    /// The search page; the header's search box submits `q` to it.
    pub search_url: String,
    /// The search script, relative to the page like every other asset, so the search
    /// works wherever the site is served (a preview, another port, before deploy).
    pub search_js_url: String,
    /// The theme's `fold.js`, which fills a day page's folds with the summaries of the
    /// papers' pages.
    pub fold_js_url: String,
    pub latest_day: Option<DayLink>,
    pub years: Vec<YearLink>,
    pub generator: String,
}

#[derive(Serialize)]
pub struct YearLink {
    pub year: i32,
    pub url: String,
    pub days: usize,
}

/// What identifies this page: for `<title>`, canonical URL, OpenGraph and feed links.
#[derive(Serialize)]
pub struct PageMeta {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub url: String,
    pub feeds: Vec<FeedLink>,
}

/// A feed a page belongs to, in both the formats papertrail writes.
#[derive(Serialize)]
pub struct FeedLink {
    pub title: String,
    /// The Atom feed.
    pub url: String,
    /// The same entries as a JSON Feed; null on paper pages, which advertise the Atom
    /// feed alone (every byte of their head is paid once per paper).
    pub json_url: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct DayLink {
    /// `2025-07-04`
    pub date: String,
    /// `Friday, 4 July 2025`
    pub long: String,
    /// `4 Jul 2025`
    pub short: String,
    pub url: String,
    pub papers: usize,
}

#[derive(Serialize)]
pub struct TagLink<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub url: String,
    pub feed_url: String,
    pub papers: usize,
}

#[derive(Serialize)]
pub struct Links {
    pub arxiv: String,
    pub pdf: String,
    pub hf: String,
    /// The paper's code or project page as a digest gives it, or null: a link from a
    /// bot's text, so the theme marks it `rel="nofollow noopener"`.
    pub code: Option<String>,
}

impl Links {
    fn of(p: &Paper) -> Links {
        Links {
            arxiv: arxiv::abs_url(&p.id),
            pdf: arxiv::pdf_url(&p.id),
            hf: arxiv::hf_url(&p.id),
            code: p.code.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct PaperView<'a> {
    pub id: &'a str,
    /// The title as text, each formula as its characters (`L²M`).
    pub title: Cow<'a, str>,
    /// The title as HTML with its mathematics as MathML, or null when it has none.
    pub title_html: Option<String>,
    pub url: String,
    pub authors: &'a [String],
    /// Sanitised HTML, or null; a paragraph made of labelled parts ("Objective: …
    /// Results: …", "a) … b) …") is one paragraph per part, its label in `<strong>`.
    pub summary_html: Option<Cow<'a, str>>,
    pub gist_html: Option<&'a str>,
    pub abstract_html: Option<&'a str>,
    pub note_html: Option<&'a str>,
    /// Gist, else summary, else abstract: the short text for lists.
    pub blurb_html: Option<&'a str>,
    /// Plain text of the blurb, for meta descriptions.
    pub blurb_text: Cow<'a, str>,
    /// The gist, else the start of the blurb cut at a word (about two sentences), past
    /// leading facts as the lead passes them: plain text for lists of papers, which link
    /// to the paper's page for the rest.
    pub brief: String,
    /// Where prose starts in `blurb_text` (past an opening `Comments:` line): the page's
    /// meta description starts there.
    #[serde(skip)]
    pub prose_start: usize,
    /// The one line lists show, as inline HTML: the gist, else the summary's first
    /// sentence, or for a summary of labelled parts its first part's text, never a bare
    /// label (else the same of the abstract); null when the paper has no text, or when
    /// the site's lists show no leads (`list_leads = false`).
    pub lead_html: Option<String>,
    /// Whether the paper's page holds a summary beyond `lead_html`: a day page folds a
    /// link to it (`#summary` on the paper's page), which the theme's `fold.js` fills
    /// with that summary when opened. The summary's HTML is written once, on the
    /// paper's page. False when the site's lists show no leads.
    pub folded: bool,
    pub links: Links,
    /// [`TagLink`]s.
    pub tags: Vec<tera::Value>,
    /// [`DayLink`]s with `papers` 0, like `first_day`.
    pub days: Vec<tera::Value>,
    pub first_day: tera::Value,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Characters of text in [`PaperView::brief`].
const BRIEF_CHARS: usize = 280;

/// Bytes of HTML past which a first sentence is too long to stand as a paper's lead.
const LEAD_BYTES: usize = 400;

/// [`PaperView::lead_html`] and [`PaperView::folded`] of `p`: the gist, else the
/// summary's lead ([`super::lead::lead`]: never a bare label), else the abstract's;
/// `None` only when the paper has no text at all.
pub(super) fn lead_and_fold(p: &Paper) -> (Option<String>, bool) {
    let summary = p.summary.as_ref().filter(|m| !m.is_empty());
    if let Some(gist) = p.gist.as_ref().filter(|m| !m.is_empty()) {
        let text = crate::content::markup::math_as_text(&gist.text);
        return (Some(super::escape::html(&text)), summary.is_some());
    }
    if let Some((lead, more)) = summary.and_then(|m| super::lead::lead(&m.html, LEAD_BYTES)) {
        return (Some(lead), more);
    }
    let abstract_ = p.abstract_.as_ref().filter(|m| !m.is_empty());
    if let Some((lead, _)) = abstract_.and_then(|m| super::lead::lead(&m.html, LEAD_BYTES)) {
        return (Some(lead), summary.is_some());
    }
    // Text made of labels alone: shown as it is rather than nothing.
    let text = summary.or(abstract_).map(|m| {
        super::escape::html(&crate::content::markup::truncate_words(
            &crate::content::markup::math_as_text(&m.text),
            BRIEF_CHARS,
        ))
    });
    (text, false)
}

/// Each paper's [`lead_and_fold`], by index into `site.papers`, worked out on first
/// use: a paper's lead shows on its days, on each of its tags' pages and on its own
/// page, and finding it in a summary is the dearest part of listing the paper.
pub struct Leads(Vec<std::sync::OnceLock<(Option<String>, bool)>>);

impl Leads {
    pub fn new(site: &Site) -> Leads {
        Leads(site.papers.iter().map(|_| Default::default()).collect())
    }

    /// [`lead_and_fold`] of `site.papers[index]`, which is `p`.
    pub fn of(&self, index: usize, p: &Paper) -> &(Option<String>, bool) {
        self.0[index].get_or_init(|| lead_and_fold(p))
    }
}

/// A paper as long lists show it (tag pages): a [`PaperView`] without the texts a list
/// leaves on the paper's page, so a page of fifty carries only what it shows.
#[derive(Serialize)]
pub struct PaperEntry<'a> {
    pub id: &'a str,
    /// As [`PaperView::title`].
    pub title: Cow<'a, str>,
    /// As [`PaperView::title_html`].
    pub title_html: Option<String>,
    pub url: String,
    pub authors: &'a [String],
    /// As [`PaperView::lead_html`].
    pub lead_html: Option<String>,
    pub links: Links,
    /// [`TagLink`]s.
    pub tags: Vec<tera::Value>,
    /// A [`DayLink`] with `papers` 0.
    pub first_day: tera::Value,
}

/// A paper as a bare link, for short lists (related papers).
#[derive(Serialize)]
pub struct PaperLink<'a> {
    pub id: &'a str,
    /// As [`PaperView::title`].
    pub title: Cow<'a, str>,
    /// As [`PaperView::title_html`].
    pub title_html: Option<String>,
    pub url: String,
    /// A [`DayLink`] with `papers` 0.
    pub first_day: tera::Value,
}

#[derive(Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub summary_html: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DayView<'a> {
    #[serde(flatten)]
    pub link: DayLink,
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
    pub papers: Vec<PaperView<'a>>,
    /// The tags of the day's papers, each with how many of them carry it, most
    /// frequent first: for filtering the day's list by tag.
    pub tags: Vec<DayTag<'a>>,
    pub links: Vec<LinkView<'a>>,
    pub prev: Option<DayLink>,
    pub next: Option<DayLink>,
}

/// A tag as one day has it.
#[derive(Serialize)]
pub struct DayTag<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// How many of the day's papers carry it.
    pub papers: usize,
}

#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub first_url: String,
    pub last_url: String,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
}

impl Pagination {
    pub fn new(current: usize, total: usize, url: impl Fn(usize) -> String) -> Self {
        Pagination {
            current,
            total,
            first_url: url(1),
            last_url: url(total),
            prev_url: (current > 1).then(|| url(current - 1)),
            next_url: (current < total).then(|| url(current + 1)),
        }
    }
}

/// A month as a calendar: weeks from Monday, `null` for cells outside the month.
#[derive(Serialize)]
pub struct MonthView {
    pub year: i32,
    pub month: u32,
    /// `July 2025`
    pub name: String,
    pub url: String,
    /// The year's page.
    pub year_url: String,
    pub days: Vec<DayLink>,
    pub papers: usize,
    pub weeks: Vec<Vec<Option<CalendarDay>>>,
}

#[derive(Serialize)]
pub struct CalendarDay {
    pub day: u32,
    pub date: String,
    /// Set when the archive has this day.
    pub url: Option<String>,
    pub papers: usize,
}

/// A year on the archive page, with its months.
#[derive(Serialize)]
pub struct ArchiveYear {
    pub year: i32,
    pub url: String,
    pub papers: usize,
    pub days: usize,
    /// Oldest first.
    pub months: Vec<ArchiveMonth>,
}

/// A month on the archive page.
#[derive(Serialize)]
pub struct ArchiveMonth {
    /// `July`
    pub name: &'static str,
    pub url: String,
    pub papers: usize,
    pub days: usize,
}

/// Each year of the archive with its number of days, oldest first.
pub fn year_counts(site: &Site) -> Vec<(i32, usize)> {
    let mut years: Vec<(i32, usize)> = Vec::new();
    for d in &site.days {
        match years.last_mut() {
            Some(last) if last.0 == d.date.year() => last.1 += 1,
            _ => years.push((d.date.year(), 1)),
        }
    }
    years
}

/// Everything views need to build links, shared by all pages of one build.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub config: &'a Config,
    pub urls: &'a Urls,
    /// Prebuilt links for pages at the depth of `urls`; `None` builds them per call.
    pub shared: Option<&'a DepthLinks>,
    /// Leads worked out once per build; `None` works each out per call.
    pub leads: Option<&'a Leads>,
}

/// The links that are the same on every page at one folder depth, as template values
/// built once per depth: a paper's day and tag links and the site facts appear on
/// nearly every page, and building and serialising them per page was a large share of
/// a build's CPU. Tera shares a long string's buffer between clones of a value, so a
/// page takes them by cloning.
pub struct DepthLinks {
    /// `date_link(day.date, 0)` of each day, by index into `site.days`, built on first
    /// use: `serve` renders a handful of pages per edit and must not pay for 3650.
    day_links: Vec<std::sync::OnceLock<tera::Value>>,
    /// `tag_link` of each tag, by index into `site.tags`.
    tag_links: Vec<tera::Value>,
    /// [`SiteView`].
    pub site: tera::Value,
}

impl DepthLinks {
    /// `ctx.urls` are those of the pages this is for; `years` as for [`Ctx::site_view`].
    pub fn new(ctx: &Ctx, years: &[(i32, usize)]) -> DepthLinks {
        DepthLinks {
            day_links: ctx.site.days.iter().map(|_| Default::default()).collect(),
            tag_links: ctx
                .site
                .tags
                .iter()
                .map(|t| tera::Value::from_serializable(&ctx.tag_link(t)))
                .collect(),
            site: tera::Value::from_serializable(&ctx.site_view(years)),
        }
    }
}

impl<'a> Ctx<'a> {
    pub fn day_link(&self, day: &Day) -> DayLink {
        self.date_link(day.date, day.papers.len())
    }

    pub fn date_link(&self, date: NaiveDate, papers: usize) -> DayLink {
        // Formatted by hand: chrono's `format` re-parses the pattern on every call, and
        // this runs for every day of every paper on every page (a profile hot spot).
        const WEEKDAYS: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let (y, m, d) = (date.year(), date.month(), date.day());
        let month = MONTHS[m as usize - 1];
        let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
        DayLink {
            date: iso_date(date),
            long: format!("{weekday}, {d} {month} {y}"),
            short: format!("{d} {} {y}", &month[..3]),
            url: self.urls.of(&Route::Day(date)),
            papers,
        }
    }

    pub fn tag_link(&self, tag: &'a Tag) -> TagLink<'a> {
        TagLink {
            name: &tag.name,
            slug: &tag.slug,
            url: self.urls.of(&Route::Tag(&tag.slug, 1)),
            feed_url: self.urls.of(&Route::TagFeed(&tag.slug)),
            papers: tag.papers.len(),
        }
    }

    /// The lead and fold of `site.papers[index]`.
    fn lead_of(&self, index: usize) -> (Option<String>, bool) {
        let p = &self.site.papers[index];
        match self.leads {
            Some(leads) => leads.of(index, p).clone(),
            None => lead_and_fold(p),
        }
    }

    /// `site.papers[index]` as its page and the day pages show it.
    pub fn paper(&self, index: usize) -> PaperView<'a> {
        let p = &self.site.papers[index];
        let blurb = p.blurb();
        let blurb_text = blurb.map_or(Cow::Borrowed(""), |m| {
            crate::content::markup::math_as_text(&m.text)
        });
        let prose_start = blurb.map_or(0, |m| super::lead::prose_start(&m.html, &blurb_text));
        let (lead_html, folded) = if self.config.list_leads {
            self.lead_of(index)
        } else {
            (None, false)
        };
        PaperView {
            id: &p.id,
            title: crate::content::markup::math_as_text(&p.title),
            title_html: crate::content::markup::title_html(&p.title),
            url: self.urls.of(&Route::Paper(&p.id)),
            authors: &p.authors,
            summary_html: p.summary.as_ref().map(|m| super::labels::labelled(&m.html)),
            gist_html: p.gist.as_ref().map(|m| m.html.as_str()),
            abstract_html: p.abstract_.as_ref().map(|m| m.html.as_str()),
            note_html: p.note.as_ref().map(|m| m.html.as_str()),
            blurb_html: blurb.map(|m| m.html.as_str()),
            brief: crate::content::markup::truncate_words(&blurb_text[prose_start..], BRIEF_CHARS),
            prose_start,
            blurb_text,
            lead_html,
            folded,
            links: Links::of(p),
            tags: p.tags.iter().map(|&t| self.tag_value(t)).collect(),
            days: p.days.iter().map(|&d| self.day_value(d)).collect(),
            first_day: self.day_value(p.first_day()),
        }
    }

    /// `date_link(date, 0)` as a template value.
    fn day_value(&self, date: NaiveDate) -> tera::Value {
        let build = || tera::Value::from_serializable(&self.date_link(date, 0));
        let prebuilt = self.shared.and_then(|shared| {
            let i = self
                .site
                .days
                .binary_search_by(|d| d.date.cmp(&date))
                .ok()?;
            Some(shared.day_links.get(i)?.get_or_init(build).clone())
        });
        prebuilt.unwrap_or_else(build)
    }

    /// `tag_link` of `site.tags[t]` as a template value.
    fn tag_value(&self, t: usize) -> tera::Value {
        match self.shared.and_then(|shared| shared.tag_links.get(t)) {
            Some(v) => v.clone(),
            None => tera::Value::from_serializable(&self.tag_link(&self.site.tags[t])),
        }
    }

    /// `site.papers[index]` as long lists show it.
    pub fn paper_entry(&self, index: usize) -> PaperEntry<'a> {
        let p = &self.site.papers[index];
        PaperEntry {
            id: &p.id,
            title: crate::content::markup::math_as_text(&p.title),
            title_html: crate::content::markup::title_html(&p.title),
            url: self.urls.of(&Route::Paper(&p.id)),
            authors: &p.authors,
            lead_html: if self.config.list_leads {
                self.lead_of(index).0
            } else {
                None
            },
            links: Links::of(p),
            tags: p.tags.iter().map(|&t| self.tag_value(t)).collect(),
            first_day: self.day_value(p.first_day()),
        }
    }

    pub fn paper_link(&self, p: &'a Paper) -> PaperLink<'a> {
        PaperLink {
            id: &p.id,
            title: crate::content::markup::math_as_text(&p.title),
            title_html: crate::content::markup::title_html(&p.title),
            url: self.urls.of(&Route::Paper(&p.id)),
            first_day: self.day_value(p.first_day()),
        }
    }

    pub fn day(&self, index: usize) -> DayView<'a> {
        let days = &self.site.days;
        let day = &days[index];
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &p in &day.papers {
            for &t in &self.site.papers[p].tags {
                match counts.iter_mut().find(|(tag, _)| *tag == t) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((t, 1)),
                }
            }
        }
        let tags = &self.site.tags;
        counts.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| tags[a.0].name.cmp(&tags[b.0].name))
        });
        DayView {
            link: self.day_link(day),
            tags: counts
                .into_iter()
                .map(|(t, papers)| DayTag {
                    name: &tags[t].name,
                    slug: &tags[t].slug,
                    papers,
                })
                .collect(),
            title: day.title.as_deref(),
            description: day.description.as_deref(),
            papers: day.papers.iter().map(|&p| self.paper(p)).collect(),
            links: day
                .links
                .iter()
                .map(|l| LinkView {
                    title: &l.title,
                    url: &l.url,
                    summary_html: l.summary.as_ref().map(|m| m.html.as_str()),
                })
                .collect(),
            prev: index.checked_sub(1).map(|i| self.day_link(&days[i])),
            next: days.get(index + 1).map(|d| self.day_link(d)),
        }
    }

    /// `years`: each year of the archive with its number of days, oldest first.
    pub fn site_view(&self, years: &[(i32, usize)]) -> SiteView {
        let years = years
            .iter()
            .rev()
            .map(|&(year, days)| YearLink {
                year,
                url: self.urls.of(&Route::Year(year)),
                days,
            })
            .collect();
        SiteView {
            days: self.site.days.len(),
            papers: self.site.papers.len(),
            tags: self.site.tags.len(),
            home_url: self.urls.of(&Route::Home),
            tags_url: self.urls.of(&Route::Tags),
            archive_url: self.urls.of(&Route::Archive),
            feed_url: self.urls.of(&Route::Feed),
            feeds_url: self.urls.of(&Route::Static(super::urls::FEEDS_PAGE)),
            css_url: self.urls.of(&Route::Static("style.css")),
            icon_url: self.urls.of(&Route::Static("favicon.svg")),
            search_url: self.urls.of(&Route::Static("search/")),
            search_js_url: self.urls.of(&Route::Static("search.js")),
            fold_js_url: self.urls.of(&Route::Static("fold.js")),
            latest_day: self.site.latest_day().map(|d| self.day_link(d)),
            years,
            generator: format!("papertrail {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Every year of the archive, newest first, with its months: `months` maps each
    /// month to its days (indices into `site.days`).
    pub fn archive(
        &self,
        months: &std::collections::BTreeMap<(i32, u32), Vec<usize>>,
    ) -> Vec<ArchiveYear> {
        let mut years: Vec<ArchiveYear> = Vec::new();
        for (&(y, m), days) in months {
            let papers = days.iter().map(|&i| self.site.days[i].papers.len()).sum();
            let month = ArchiveMonth {
                name: MONTHS[m as usize - 1],
                url: self.urls.of(&Route::Month(y, m)),
                papers,
                days: days.len(),
            };
            match years.last_mut() {
                Some(year) if year.year == y => {
                    year.papers += papers;
                    year.days += days.len();
                    year.months.push(month);
                }
                _ => years.push(ArchiveYear {
                    year: y,
                    url: self.urls.of(&Route::Year(y)),
                    papers,
                    days: days.len(),
                    months: vec![month],
                }),
            }
        }
        years.reverse();
        years
    }

    /// A month's days (indices into `site.days`, ascending) as a calendar.
    pub fn month(&self, year: i32, month: u32, day_indices: &[usize]) -> MonthView {
        let days: Vec<&Day> = day_indices.iter().map(|&i| &self.site.days[i]).collect();
        let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
        let lead = first.weekday().num_days_from_monday() as usize;
        let mut cells: Vec<Option<CalendarDay>> = (0..lead).map(|_| None).collect();
        let mut date = first;
        while date.month() == month {
            let found = days.iter().find(|d| d.date == date);
            cells.push(Some(CalendarDay {
                day: date.day(),
                date: iso_date(date),
                url: found.map(|_| self.urls.of(&Route::Day(date))),
                papers: found.map_or(0, |d| d.papers.len()),
            }));
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        while !cells.len().is_multiple_of(7) {
            cells.push(None);
        }
        let mut weeks = Vec::new();
        let mut iter = cells.into_iter().peekable();
        while iter.peek().is_some() {
            weeks.push(iter.by_ref().take(7).collect());
        }
        MonthView {
            year,
            month,
            name: first.format("%B %Y").to_string(),
            url: self.urls.of(&Route::Month(year, month)),
            year_url: self.urls.of(&Route::Year(year)),
            days: days.iter().map(|d| self.day_link(d)).collect(),
            papers: days.iter().map(|d| d.papers.len()).sum(),
            weeks,
        }
    }
}
