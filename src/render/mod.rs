//! From the site model to output files: pages through the theme, feeds, sitemap.
//!
//! Rendering is a list of independent jobs, one per output file, run in parallel. Each
//! job borrows the model and hands its bytes to a [`Sink`], which decides where they go
//! (a staging folder for `build`).

pub mod atom;
mod export;
mod feeds;
mod pages;
mod search;
mod sitemap;
pub mod theme;
pub mod urls;
pub mod views;

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use chrono::Datelike;
use rayon::prelude::*;

use crate::config::Config;
use crate::model::Site;
use theme::Theme;
use urls::{Route, Urls};
use views::Ctx;

/// Receives every output file. Called from several threads at once.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Home(usize),
    Day(usize),
    Month(i32, u32),
    Year(i32),
    Paper(usize),
    Tags,
    Tag(usize, usize),
    TagFeed(usize),
    Feed,
    PapersFeed,
    /// Archive document `n` (1-based) of a feed cut by `feed_limit`.
    FeedArchive(feeds::Which, usize),
    JsonFeed(feeds::Which),
    Sitemap,
    Robots,
    NotFound,
    /// The search page, its index (`search/`) and the JSON export (`data/`).
    Search,
    SearchIndex,
    Export,
    Static(usize),
}

/// Counts of what was rendered, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub feeds: usize,
    pub files: usize,
}

pub struct Renderer<'a> {
    ctx: Ctx<'a>,
    theme: &'a Theme,
    base: tera::Context,
    months: BTreeMap<(i32, u32), Vec<usize>>,
    home_pages: usize,
    /// Each year with its number of days, oldest first.
    years: Vec<(i32, usize)>,
    /// `updated` of each feed entry from the feed state file, by entry key
    /// (`day:DATE`, `paper:ID`); empty means content dates.
    stamps: std::collections::HashMap<String, chrono::DateTime<chrono::Utc>>,
    feed_items: std::sync::OnceLock<feeds::FeedItems>,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, config: &'a Config, urls: &'a Urls, theme: &'a Theme) -> Self {
        let ctx = Ctx { site, config, urls };
        let mut base = tera::Context::new();
        base.insert("config", &views::ConfigView::new(config));
        let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (i, d) in site.days.iter().enumerate() {
            months
                .entry((d.date.year(), d.date.month()))
                .or_default()
                .push(i);
        }
        let home_pages = site.days.len().div_ceil(config.days_per_page).max(1);
        let years = views::year_counts(site);
        Renderer {
            ctx,
            theme,
            base,
            months,
            home_pages,
            years,
            stamps: Default::default(),
            feed_items: std::sync::OnceLock::new(),
        }
    }

    fn tag_pages(&self, tag: usize) -> usize {
        self.ctx.site.tags[tag]
            .papers
            .len()
            .div_ceil(self.ctx.config.papers_per_tag_page)
            .max(1)
    }

    fn jobs(&self) -> Vec<Job> {
        let site = self.ctx.site;
        let mut jobs: Vec<Job> = (1..=self.home_pages).map(Job::Home).collect();
        jobs.extend((0..site.days.len()).map(Job::Day));
        jobs.extend(self.months.keys().map(|&(y, m)| Job::Month(y, m)));
        let mut years: Vec<i32> = self.months.keys().map(|&(y, _)| y).collect();
        years.dedup();
        jobs.extend(years.into_iter().map(Job::Year));
        jobs.extend((0..site.papers.len()).map(Job::Paper));
        jobs.push(Job::Tags);
        for t in 0..site.tags.len() {
            jobs.extend((1..=self.tag_pages(t)).map(|n| Job::Tag(t, n)));
            jobs.push(Job::TagFeed(t));
        }
        jobs.extend([Job::Feed, Job::PapersFeed]);
        jobs.extend(self.more_feed_jobs());
        jobs.extend([Job::Sitemap, Job::Robots, Job::NotFound]);
        jobs.extend([Job::Search, Job::SearchIndex, Job::Export]);
        jobs.extend((0..self.theme.statics.len()).map(Job::Static));
        jobs
    }

    fn route(&self, job: Job) -> Option<Route<'a>> {
        let site = self.ctx.site;
        Some(match job {
            Job::Home(n) => Route::Home(n),
            Job::Day(i) => Route::Day(site.days[i].date),
            Job::Month(y, m) => Route::Month(y, m),
            Job::Year(y) => Route::Year(y),
            Job::Paper(i) => Route::Paper(&site.papers[i].id),
            Job::Tags => Route::Tags,
            Job::Tag(t, n) => Route::Tag(&site.tags[t].slug, n),
            Job::TagFeed(t) => Route::TagFeed(&site.tags[t].slug),
            Job::Feed => Route::Feed,
            Job::PapersFeed => Route::PapersFeed,
            Job::FeedArchive(which, n) => Route::FeedArchive(self.feed_of(which), n),
            Job::JsonFeed(which) => Route::JsonFeed(self.feed_of(which)),
            Job::Sitemap => Route::Sitemap,
            Job::Robots => Route::Robots,
            Job::NotFound => Route::NotFound,
            Job::Search => Route::Static("search/"),
            Job::Static(_) | Job::SearchIndex | Job::Export => return None,
        })
    }

    /// Renders every output file into `sink`.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats> {
        let jobs = self.jobs();
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &jobs, sink))?;
        let mut stats = RenderStats {
            files: jobs.len(),
            ..RenderStats::default()
        };
        for job in &jobs {
            match job {
                Job::TagFeed(_)
                | Job::Feed
                | Job::PapersFeed
                | Job::FeedArchive(..)
                | Job::JsonFeed(_) => stats.feeds += 1,
                Job::Sitemap | Job::Robots | Job::Static(_) | Job::SearchIndex | Job::Export => {}
                _ => stats.pages += 1,
            }
        }
        let urls = self.sitemap_urls(&jobs).len();
        if urls > sitemap::SITEMAP_LIMIT {
            stats.files += urls.div_ceil(sitemap::SITEMAP_LIMIT);
        }
        Ok(stats)
    }

    fn run_job(&self, job: Job, jobs: &[Job], sink: &dyn Sink) -> Result<()> {
        let put = |path: &str, bytes: &[u8]| {
            sink.put(path, bytes)
                .with_context(|| format!("cannot write {path}"))
        };
        if let Job::Static(i) = job {
            let (path, source) = &self.theme.statics[i];
            return put(path, &Theme::static_bytes(source)?);
        }
        match job {
            Job::SearchIndex => return self.search_index(&put),
            Job::Export => return self.export(&put).map(drop),
            _ => {}
        }
        let route = self.route(job).context("route")?;
        let bytes = match job {
            Job::Feed => self.site_feed().into_bytes(),
            Job::TagFeed(t) => self.tag_feed(t).into_bytes(),
            Job::PapersFeed => self.papers_feed().into_bytes(),
            Job::FeedArchive(which, n) => self.archive_feed(which, n).into_bytes(),
            Job::JsonFeed(which) => self.json_feed(which).into_bytes(),
            Job::Sitemap => return self.sitemap(jobs, &put),
            Job::Robots => format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                self.ctx.urls.of(&Route::Sitemap)
            )
            .into_bytes(),
            _ => self.page(job, &route)?,
        };
        put(&route.file(), &bytes)
    }
}

/// What an edit touched, for [`Renderer::render_affected`] (`serve`'s incremental
/// rebuilds). Names are keys of the *new* model; ones it no longer has are skipped.
#[derive(Debug, Default, Clone)]
pub struct Affected {
    /// Days whose page, month, year, home page and feed entry must be redone.
    pub dates: std::collections::BTreeSet<chrono::NaiveDate>,
    /// Papers (arXiv ids) whose page, tag-page rows and tag-feed entries must be redone.
    pub papers: std::collections::BTreeSet<String>,
    /// Tags (slugs) whose member list changed: every page of them, their feed, `/tags/`.
    pub tags: std::collections::BTreeSet<String>,
    /// Days, papers or tags were added or removed: every home and month page, the
    /// sitemap, the 404 page and the neighbours of `dates` too.
    pub structure: bool,
}

impl Renderer<'_> {
    /// Renders the pages and subscription feeds `changed` reaches into `sink`; returns
    /// their count. Cheap: it never lists the whole site's jobs.
    pub fn render_affected(&self, changed: &Affected, sink: &dyn Sink) -> Result<usize> {
        let site = self.ctx.site;
        let mut candidates: Vec<Job> = (1..=self.home_pages).map(Job::Home).collect();
        candidates.extend((0..site.days.len()).map(Job::Day));
        candidates.extend(self.months.keys().map(|&(y, m)| Job::Month(y, m)));
        let mut years: Vec<i32> = self.months.keys().map(|&(y, _)| y).collect();
        years.dedup();
        candidates.extend(years.into_iter().map(Job::Year));
        candidates.extend((0..site.papers.len()).map(Job::Paper));
        candidates.push(Job::Tags);
        for t in 0..site.tags.len() {
            candidates.extend((1..=self.tag_pages(t)).map(|n| Job::Tag(t, n)));
            candidates.push(Job::TagFeed(t));
            candidates.push(Job::JsonFeed(feeds::Which::Tag(t)));
        }
        candidates.extend([
            Job::Feed,
            Job::PapersFeed,
            Job::JsonFeed(feeds::Which::Site),
            Job::JsonFeed(feeds::Which::Papers),
            Job::NotFound,
            Job::Search,
        ]);
        let jobs = self.select(changed, &candidates);
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &jobs, sink))?;
        Ok(jobs.len())
    }

    /// Renders the site-wide documents `changed` reaches (feed archives, search index,
    /// export, sitemap): slower, so `serve` runs it after the reload.
    pub fn render_affected_rest(&self, changed: &Affected, sink: &dyn Sink) -> Result<usize> {
        let all = self.jobs();
        let rest: Vec<Job> = all
            .iter()
            .copied()
            .filter(|j| {
                matches!(
                    j,
                    Job::FeedArchive(..) | Job::SearchIndex | Job::Export | Job::Sitemap
                )
            })
            .collect();
        let jobs = self.select(changed, &rest);
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &all, sink))?;
        Ok(jobs.len())
    }

    fn select(&self, changed: &Affected, candidates: &[Job]) -> Vec<Job> {
        use std::collections::BTreeSet;
        let site = self.ctx.site;
        let config = self.ctx.config;
        let paper_index: BTreeSet<usize> = site
            .papers
            .iter()
            .enumerate()
            .filter(|(_, p)| changed.papers.contains(&p.id))
            .map(|(i, _)| i)
            .collect();
        let mut dates = changed.dates.clone();
        for &i in &paper_index {
            dates.extend(site.papers[i].days.iter().copied());
        }
        let mut day_index: BTreeSet<usize> = site
            .days
            .iter()
            .enumerate()
            .filter(|(_, d)| dates.contains(&d.date))
            .map(|(i, _)| i)
            .collect();
        if changed.structure {
            let neighbours: Vec<usize> = day_index
                .iter()
                .flat_map(|&i| [i.checked_sub(1), Some(i + 1)])
                .flatten()
                .filter(|&i| i < site.days.len())
                .collect();
            day_index.extend(neighbours);
        }
        let newest = site.days.len();
        let home_of = |i: usize| (newest - 1 - i) / config.days_per_page + 1;
        let home: BTreeSet<usize> = day_index.iter().map(|&i| home_of(i)).collect();
        let feed_from = newest.saturating_sub(config.feed_limit);
        // (tag, position in its list) of every changed paper.
        let tag_rows: BTreeSet<(usize, usize)> = paper_index
            .iter()
            .flat_map(|&i| site.papers[i].tags.iter().map(move |&t| (t, i)))
            .filter_map(|(t, i)| Some((t, site.tags[t].papers.iter().position(|&p| p == i)?)))
            .collect();
        let tag_hit = |t: usize| {
            changed.tags.contains(&site.tags[t].slug)
                || tag_rows.range((t, 0)..(t + 1, 0)).next().is_some()
        };
        let anything = changed.structure || !paper_index.is_empty() || !day_index.is_empty();
        let site_feed = changed.structure || day_index.iter().any(|&i| i >= feed_from);
        candidates
            .iter()
            .copied()
            .filter(|&job| match job {
                Job::Home(n) => changed.structure || home.contains(&n),
                Job::Day(i) => day_index.contains(&i),
                Job::Month(y, m) => {
                    changed.structure || dates.iter().any(|d| (d.year(), d.month()) == (y, m))
                }
                Job::Year(y) => dates.iter().any(|d| d.year() == y),
                Job::Paper(i) => paper_index.contains(&i),
                Job::Tags => changed.structure || !changed.tags.is_empty(),
                Job::Tag(t, n) => {
                    changed.tags.contains(&site.tags[t].slug)
                        || tag_rows
                            .range((t, 0)..(t + 1, 0))
                            .any(|&(_, k)| k / config.papers_per_tag_page + 1 == n)
                }
                Job::TagFeed(t) | Job::JsonFeed(feeds::Which::Tag(t)) => tag_hit(t),
                Job::Feed | Job::JsonFeed(feeds::Which::Site) => site_feed,
                Job::PapersFeed | Job::JsonFeed(feeds::Which::Papers) => {
                    changed.structure || !paper_index.is_empty()
                }
                Job::FeedArchive(..) | Job::SearchIndex | Job::Export => anything,
                Job::Sitemap | Job::NotFound | Job::Search => changed.structure,
                Job::Robots | Job::Static(_) => false,
            })
            .collect()
    }
}

/// Escapes text for HTML and XML: `& < > " '`. Unlike Tera's default it leaves `/`
/// alone, which keeps URLs readable and pages small.
pub fn escape_html(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}
