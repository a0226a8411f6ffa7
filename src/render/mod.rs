//! From the site model to output files: pages through the theme, feeds, sitemap.
//!
//! Rendering is a list of independent jobs, one per output file, run in parallel. Each
//! job borrows the model and hands its bytes to a [`Sink`], which decides where they go
//! (a staging folder for `build`).

pub mod atom;
mod chart;
pub mod escape;
mod export;
mod fact_labels;
mod feed_cut;
mod feeds;
mod json;
mod labels;
mod lead;
mod pages;
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
    Home,
    Day(usize),
    Month(i32, u32),
    Year(i32),
    Archive,
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
    /// `feeds/`: what the feeds are and how to subscribe to them.
    FeedsPage,
    SearchIndex,
    Export,
    Static(usize),
}

impl Job {
    /// A name for the kind of job, for timings.
    fn kind(self) -> &'static str {
        match self {
            Job::Home => "home",
            Job::Day(_) => "day",
            Job::Month(..) => "month",
            Job::Year(_) | Job::Archive => "year",
            Job::Paper(_) => "paper",
            Job::Tags | Job::Tag(..) => "tag page",
            Job::TagFeed(_) | Job::Feed | Job::PapersFeed | Job::JsonFeed(_) => "feed",
            Job::FeedArchive(..) => "feed archive",
            Job::Sitemap | Job::Robots => "sitemap",
            Job::NotFound | Job::Search | Job::FeedsPage => "other page",
            Job::SearchIndex => "search index",
            Job::Export => "export",
            Job::Static(_) => "static",
        }
    }
}

/// Counts of what was rendered, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub feeds: usize,
    pub files: usize,
}

/// Turns one model into every output file (pages, feeds, sitemap, search index,
/// export), as independent jobs; a build renders them all, `serve` only those an edit
/// reaches.
pub struct Renderer<'a> {
    ctx: Ctx<'a>,
    theme: &'a Theme,
    base: tera::Context,
    months: BTreeMap<(i32, u32), Vec<usize>>,
    /// Each year with its number of days, oldest first.
    years: Vec<(i32, usize)>,
    /// `updated` of each feed entry from the feed state file, by entry key
    /// (`day:DATE`, `paper:ID`); empty means content dates.
    stamps: ahash::AHashMap<String, chrono::DateTime<chrono::Utc>>,
    feed_items: std::sync::OnceLock<feeds::FeedItems>,
    /// Thread time by job kind (and of writing, inside it), for `PAPERTRAIL_TIMINGS`.
    timings: crate::timings::ByKind,
    /// Prebuilt links for pages by folder depth: 0 (home) to 4 (`tags/x/page/2/`, the
    /// deepest); pages deeper than that would build their links per call.
    shared: [std::sync::OnceLock<views::DepthLinks>; 5],
    leads: views::Leads,
    /// [`Config::feed_id_base`], which slugifies the title: once, not once per entry.
    feed_id_base: String,
    /// For the related papers of paper pages; built by `render_all` only, since
    /// `serve`'s few-page renders would pay more to build it than it saves them.
    related: std::sync::OnceLock<crate::model::RelatedIndex>,
    /// Paper pages, feed archive documents and the export are left out of every render
    /// and made one at a time with [`Renderer::render_on_request`] (`serve`: they are
    /// most of a long archive's bytes, and few of them are ever asked for).
    on_request: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, config: &'a Config, urls: &'a Urls, theme: &'a Theme) -> Self {
        let ctx = Ctx {
            site,
            config,
            urls,
            shared: None,
            leads: None,
        };
        let mut base = tera::Context::new();
        base.insert("config", &views::ConfigView::new(config));
        let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (i, d) in site.days.iter().enumerate() {
            months
                .entry((d.date.year(), d.date.month()))
                .or_default()
                .push(i);
        }
        let years = views::year_counts(site);
        Renderer {
            ctx,
            theme,
            base,
            months,
            years,
            stamps: Default::default(),
            feed_items: std::sync::OnceLock::new(),
            timings: Default::default(),
            shared: Default::default(),
            leads: views::Leads::new(site),
            related: std::sync::OnceLock::new(),
            feed_id_base: config.feed_id_base(),
            on_request: false,
        }
    }

    /// A renderer whose renders leave out paper pages, feed archive documents and the
    /// export, for a caller that makes each one when it is asked for
    /// ([`Renderer::render_on_request`]).
    pub fn with_rare_files_on_request(mut self) -> Self {
        self.on_request = true;
        self
    }

    /// `jobs` without those made on request, if they are.
    fn to_run(&self, mut jobs: Vec<Job>) -> Vec<Job> {
        if self.on_request {
            jobs.retain(|j| !matches!(j, Job::Paper(_) | Job::FeedArchive(..) | Job::Export));
        }
        jobs
    }

    /// The job that writes the output file `file`, if it is a paper page, a feed
    /// archive document or an export file of this site.
    fn rare_job(&self, file: &str) -> Option<Job> {
        let site = self.ctx.site;
        if file == "data/days.json" {
            return Some(Job::Export);
        }
        if let Some(year) = file
            .strip_prefix("data/papers/")
            .and_then(|f| f.strip_suffix(".ndjson.gz"))
        {
            // One file per year in which a paper first appeared.
            let year: i32 = year.parse().ok()?;
            let spelled = format!("data/papers/{year}.ndjson.gz") == file;
            let has = site.papers.iter().any(|p| p.first_day().year() == year);
            return (spelled && has).then_some(Job::Export);
        }
        let job = if let Some(id) = file
            .strip_prefix("papers/")
            .and_then(|f| f.strip_suffix("/index.html"))
        {
            Job::Paper(
                site.papers
                    .binary_search_by(|p| p.id.as_str().cmp(id))
                    .ok()?,
            )
        } else {
            let rest = file.strip_suffix("/atom.xml")?;
            let (feed, n) = match rest.rsplit_once("/archive/") {
                Some(split) => split,
                None => ("", rest.strip_prefix("archive/")?),
            };
            let which = match feed {
                "" => feeds::Which::Site,
                "papers" => feeds::Which::Papers,
                _ => {
                    let slug = feed.strip_prefix("tags/")?;
                    feeds::Which::Tag(
                        site.tags
                            .binary_search_by(|t| t.slug.as_str().cmp(slug))
                            .ok()?,
                    )
                }
            };
            let n: usize = n.parse().ok()?;
            if n == 0 || n > self.archive_count(which) {
                return None;
            }
            Job::FeedArchive(which, n)
        };
        // Only the exact spelling a build writes (no `01` for `1`).
        (self.route(job)?.file() == file).then_some(job)
    }

    /// Whether `file` is a paper page, feed archive document or export file of this
    /// site.
    pub fn is_rare_file(&self, file: &str) -> bool {
        self.rare_job(file).is_some()
    }

    /// The paper page, feed archive document or export file whose output file is
    /// `file`, byte for byte what a build writes there; `None` if the site has no
    /// such file.
    pub fn render_on_request(&self, file: &str) -> Option<Result<Vec<u8>>> {
        let job = self.rare_job(file)?;
        Some(match job {
            Job::FeedArchive(which, n) => Ok(self.archive_feed(which, n).into_bytes()),
            Job::Export => {
                let out = std::sync::Mutex::new(Vec::new());
                let put = |_: &str, bytes: &[u8]| -> Result<()> {
                    if let Ok(mut out) = out.lock() {
                        out.extend_from_slice(bytes);
                    }
                    Ok(())
                };
                self.export(&put, Some(file))
                    .map(|_| out.into_inner().unwrap_or_else(|e| e.into_inner()))
            }
            _ => self
                .route(job)
                .context("route")
                .and_then(|r| self.page(job, &r)),
        })
    }

    /// The prebuilt links for pages whose links are `urls`.
    fn shared(&self, urls: &Urls) -> Option<&views::DepthLinks> {
        let slot = self.shared.get(urls.depth()?)?;
        Some(slot.get_or_init(|| {
            let ctx = Ctx {
                urls,
                shared: None,
                leads: None,
                ..self.ctx
            };
            views::DepthLinks::new(&ctx, &self.years)
        }))
    }

    fn tag_pages(&self, tag: usize) -> usize {
        self.ctx.site.tags[tag]
            .papers
            .len()
            .div_ceil(self.ctx.config.papers_per_tag_page)
            .max(1)
    }

    /// Every page rendered through a template, in sitemap order (the 404 page last).
    fn page_jobs(&self) -> Vec<Job> {
        let site = self.ctx.site;
        let mut jobs: Vec<Job> = vec![Job::Home];
        jobs.extend((0..site.days.len()).map(Job::Day));
        jobs.extend(self.months.keys().map(|&(y, m)| Job::Month(y, m)));
        let mut years: Vec<i32> = self.months.keys().map(|&(y, _)| y).collect();
        years.dedup();
        jobs.extend(years.into_iter().map(Job::Year));
        jobs.push(Job::Archive);
        jobs.extend((0..site.papers.len()).map(Job::Paper));
        jobs.push(Job::Tags);
        for t in 0..site.tags.len() {
            jobs.extend((1..=self.tag_pages(t)).map(|n| Job::Tag(t, n)));
        }
        jobs.extend([Job::Search, Job::FeedsPage, Job::NotFound]);
        jobs
    }

    fn jobs(&self) -> Vec<Job> {
        let mut jobs = self.page_jobs();
        jobs.extend((0..self.ctx.site.tags.len()).map(Job::TagFeed));
        jobs.extend([Job::Feed, Job::PapersFeed]);
        jobs.extend(self.more_feed_jobs());
        jobs.extend([Job::Sitemap, Job::Robots, Job::SearchIndex, Job::Export]);
        jobs.extend((0..self.theme.statics.len()).map(Job::Static));
        jobs
    }

    fn route(&self, job: Job) -> Option<Route<'a>> {
        let site = self.ctx.site;
        Some(match job {
            Job::Home => Route::Home,
            Job::Day(i) => Route::Day(site.days[i].date),
            Job::Month(y, m) => Route::Month(y, m),
            Job::Year(y) => Route::Year(y),
            Job::Archive => Route::Archive,
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
            Job::FeedsPage => Route::Static(urls::FEEDS_PAGE),
            Job::Static(_) | Job::SearchIndex | Job::Export => return None,
        })
    }

    /// The file of every output with a route (pages, feeds, the sitemap and its parts,
    /// `robots.txt`): all the site holds but static files, the search index and the
    /// export, which are rewritten whole; and, when they are made on request, none of
    /// those (they are never kept). `serve` removes the files of routes a change takes
    /// away.
    pub fn route_files(&self) -> Vec<String> {
        let jobs = self.jobs();
        let urls = self.sitemap_url_count(&jobs);
        let mut files: Vec<String> = self
            .to_run(jobs)
            .iter()
            .filter_map(|&job| self.route(job))
            .map(|route| route.file())
            .collect();
        if urls > sitemap::SITEMAP_LIMIT {
            let parts = urls.div_ceil(sitemap::SITEMAP_LIMIT);
            files.extend((1..=parts).map(|n| Route::SitemapPart(n).file()));
        }
        files
    }

    /// Renders every output file into `sink`.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats> {
        let jobs = self.jobs();
        if !self.on_request {
            self.related.get_or_init(|| self.ctx.site.related_index());
        }
        // The search index and the export are long single jobs on a large archive:
        // started first, they run beside the pages instead of after them.
        let mut order = vec![Job::SearchIndex, Job::Export];
        order.extend(
            jobs.iter()
                .copied()
                .filter(|j| !matches!(j, Job::SearchIndex | Job::Export)),
        );
        let order = self.to_run(order);
        order.par_iter().try_for_each(|&job| {
            self.timings
                .time(job.kind(), || self.run_job(job, &jobs, sink))
        })?;
        self.timings.print();
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
        let urls = self.sitemap_url_count(&jobs);
        if urls > sitemap::SITEMAP_LIMIT {
            stats.files += urls.div_ceil(sitemap::SITEMAP_LIMIT);
        }
        Ok(stats)
    }

    /// Renders the files a reader opens first: the home page, the newest days, the 404
    /// page, `robots.txt` and the theme's static files. `serve` answers once they are
    /// in, and renders the rest of the site behind them. Returns their count.
    pub fn render_first(&self, sink: &dyn Sink) -> Result<usize> {
        let days = self.ctx.site.days.len();
        let mut jobs = vec![Job::Home, Job::NotFound, Job::Robots];
        jobs.extend((days.saturating_sub(self.ctx.config.days_per_page)..days).map(Job::Day));
        jobs.extend((0..self.theme.statics.len()).map(Job::Static));
        let jobs = self.to_run(jobs);
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &jobs, sink))?;
        Ok(jobs.len())
    }

    fn run_job(&self, job: Job, jobs: &[Job], sink: &dyn Sink) -> Result<()> {
        let put = |path: &str, bytes: &[u8]| {
            self.timings
                .time("(write)", || sink.put(path, bytes))
                .with_context(|| format!("cannot write {path}"))
        };
        if let Job::Static(i) = job {
            let (path, source) = &self.theme.statics[i];
            return put(path, &Theme::static_bytes(source)?);
        }
        match job {
            Job::SearchIndex => return crate::search::write(self.ctx.site, &put),
            Job::Export => return self.export(&put, None).map(drop),
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
/// rebuilds). Names are keys of the *new* model; ones it no longer has are skipped
/// (removed dates still locate their neighbours).
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
    /// Every page made from a template (the site-wide counts every page shows changed);
    /// feeds and other documents are not included.
    pub pages: bool,
}

impl Renderer<'_> {
    /// Renders the files `changed` reaches that someone is likely looking at: the
    /// changed days, their papers, the home, month and year pages showing them, the
    /// tag pages the papers are on and the subscription feeds. Returns their count.
    /// Cheap: it never lists the whole site's jobs, and works out each page from the
    /// change (index lookups), so the cost follows the change, not the archive.
    pub fn render_affected(&self, changed: &Affected, sink: &dyn Sink) -> Result<usize> {
        let jobs = self.to_run(self.select(changed, false));
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &jobs, sink))?;
        Ok(jobs.len())
    }

    /// Renders the rest of what `changed` reaches: pages that only shifted (older home
    /// and tag pages), feed archives, search index, export and sitemap. Slower, so
    /// `serve` runs it after the reload.
    pub fn render_affected_rest(&self, changed: &Affected, sink: &dyn Sink) -> Result<usize> {
        let jobs = self.to_run(self.select(changed, true));
        let all = if jobs.contains(&Job::Sitemap) {
            self.jobs()
        } else {
            Vec::new()
        };
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &all, sink))?;
        Ok(jobs.len())
    }

    /// The jobs for `changed`: the first part (`rest` false) or the rest.
    fn select(&self, changed: &Affected, rest: bool) -> Vec<Job> {
        use std::collections::BTreeSet;
        let site = self.ctx.site;
        let config = self.ctx.config;
        let mut jobs: Vec<Job> = Vec::new();
        if changed.pages {
            if !rest {
                jobs = self.page_jobs();
            }
            return jobs;
        }
        let find_paper = |id: &str| site.papers.binary_search_by(|p| p.id.as_str().cmp(id));
        let paper_index: BTreeSet<usize> = changed
            .papers
            .iter()
            .filter_map(|id| find_paper(id).ok())
            .collect();
        let papers_removed = paper_index.len() < changed.papers.len();
        let mut dates = changed.dates.clone();
        for &i in &paper_index {
            dates.extend(site.papers[i].days.iter().copied());
        }
        // Days of the changed dates; a date the site no longer has marks where it was.
        let mut day_index: BTreeSet<usize> = BTreeSet::new();
        let mut holes: BTreeSet<usize> = BTreeSet::new();
        for date in &dates {
            match site.days.binary_search_by(|d| d.date.cmp(date)) {
                Ok(i) => day_index.insert(i),
                Err(i) => holes.insert(i),
            };
        }
        if changed.structure {
            let neighbours: Vec<usize> = day_index
                .iter()
                .flat_map(|&i| [i.checked_sub(1), Some(i + 1)])
                .chain(holes.iter().flat_map(|&i| [i.checked_sub(1), Some(i)]))
                .flatten()
                .filter(|&i| i < site.days.len())
                .collect();
            day_index.extend(neighbours);
        }
        let newest = site.days.len();
        // The home page lists some of the latest `days_per_page` days (how many depends on
        // their papers, see `pages::home_days`): a change to any of them renders it again.
        let on_home = |i: usize| i + config.days_per_page >= newest;
        let feed_from = newest.saturating_sub(config.feed_limit);
        let per_tag = config.papers_per_tag_page;
        let tag_index = |slug: &str| {
            site.tags
                .binary_search_by(|t| t.slug.as_str().cmp(slug))
                .ok()
        };
        let changed_tags: BTreeSet<usize> =
            changed.tags.iter().filter_map(|s| tag_index(s)).collect();
        // Where each changed paper sits in each of its tags' lists (newest first).
        let papers = &site.papers;
        let key = |p: usize| {
            (
                std::cmp::Reverse(papers[p].last_day()),
                papers[p].id.as_str(),
            )
        };
        let tag_rows: BTreeSet<(usize, usize)> = paper_index
            .iter()
            .flat_map(|&i| papers[i].tags.iter().map(move |&t| (t, i)))
            .map(|(t, i)| (t, site.tags[t].papers.partition_point(|&q| key(q) < key(i))))
            .collect();
        let tag_hit: BTreeSet<usize> = tag_rows
            .iter()
            .map(|&(t, _)| t)
            .chain(changed_tags.iter().copied())
            .collect();
        let anything = changed.structure || !paper_index.is_empty() || !day_index.is_empty();

        if !rest {
            if changed.structure || day_index.iter().any(|&i| on_home(i)) {
                jobs.push(Job::Home);
            }
            jobs.extend(day_index.iter().map(|&i| Job::Day(i)));
            let mut months: BTreeSet<(i32, u32)> = dates
                .iter()
                .map(|d| (d.year(), d.month()))
                .filter(|k| self.months.contains_key(k))
                .collect();
            if changed.structure {
                // A month that appeared or went away changes its neighbours' links.
                let keys: Vec<(i32, u32)> = self.months.keys().copied().collect();
                let mut near: Vec<(i32, u32)> = Vec::new();
                for d in &dates {
                    let at = keys.partition_point(|&k| k < (d.year(), d.month()));
                    near.extend(at.checked_sub(1).and_then(|i| keys.get(i)).copied());
                    near.extend(keys.iter().skip(at).take(2).copied());
                }
                months.extend(near);
            }
            jobs.extend(months.iter().map(|&(y, m)| Job::Month(y, m)));
            let mut years: BTreeSet<i32> = months.iter().map(|&(y, _)| y).collect();
            if changed.structure {
                // A year that appeared or went away changes the other years' links.
                years.extend(self.years.iter().map(|&(y, _)| y));
            }
            jobs.extend(years.into_iter().map(Job::Year));
            if changed.structure || !day_index.is_empty() {
                jobs.push(Job::Archive);
            }
            jobs.extend(paper_index.iter().map(|&i| Job::Paper(i)));
            if changed.structure || !changed.tags.is_empty() {
                // The feeds page shows the tag with the most papers.
                jobs.extend([Job::Tags, Job::FeedsPage]);
            }
            let mut tag_pages: BTreeSet<(usize, usize)> = tag_rows
                .iter()
                .map(|&(t, k)| (t, k / per_tag + 1))
                .collect();
            tag_pages.extend(changed_tags.iter().map(|&t| (t, 1)));
            jobs.extend(tag_pages.into_iter().map(|(t, n)| Job::Tag(t, n)));
            for &t in &tag_hit {
                jobs.push(Job::TagFeed(t));
                jobs.push(Job::JsonFeed(feeds::Which::Tag(t)));
            }
            if changed.structure || day_index.iter().any(|&i| i >= feed_from) {
                jobs.extend([Job::Feed, Job::JsonFeed(feeds::Which::Site)]);
            }
            if changed.structure || !paper_index.is_empty() {
                jobs.extend([Job::PapersFeed, Job::JsonFeed(feeds::Which::Papers)]);
            }
            if changed.structure {
                jobs.extend([Job::NotFound, Job::Search]);
            }
            return jobs;
        }

        // The rest: pages that shifted.
        let first: Vec<Job> = self
            .select(changed, false)
            .into_iter()
            .filter(|j| matches!(j, Job::Home | Job::Tag(..)))
            .collect();
        for &t in &changed_tags {
            jobs.extend((1..=self.tag_pages(t)).map(|n| Job::Tag(t, n)));
        }
        // Paper pages that list a changed paper as related (or may have, when tags or
        // the lists shifted): its neighbours in its tags' lists.
        let mut related: BTreeSet<usize> = BTreeSet::new();
        // (None to render when paper pages are made on request.)
        let paper_pages = paper_index.iter().filter(|_| !self.on_request);
        for &i in paper_pages {
            let lists = papers[i].tags.iter().chain(&changed_tags);
            for &t in lists {
                let list = &site.tags[t].papers;
                let at = list.partition_point(|&q| key(q) < key(i));
                let reach = crate::model::RELATED_WINDOW + 1;
                let window = &list[at.saturating_sub(reach)..(at + reach + 1).min(list.len())];
                let shifted = changed.structure || changed_tags.contains(&t);
                related.extend(window.iter().copied().filter(|&j| {
                    !paper_index.contains(&j)
                        && (shifted || site.related(j, crate::model::RELATED).contains(&i))
                }));
            }
        }
        jobs.extend(related.into_iter().map(Job::Paper));
        jobs.retain(|j| !first.contains(j));
        if !anything {
            return jobs;
        }
        // Feed archives: whole days from the oldest, up to where the subscription
        // document starts. An entry that changed redoes its document; a change to the
        // days (entries added, removed or moved) may move every later boundary, and
        // the subscription document's start with it.
        let site_feed = self.archives_holding(
            feeds::Which::Site,
            day_index.iter().copied(),
            changed
                .structure
                .then(|| day_index.iter().chain(&holes).copied().min().unwrap_or(0)),
        );
        jobs.extend(
            site_feed
                .into_iter()
                .map(|k| Job::FeedArchive(feeds::Which::Site, k)),
        );
        let earliest = dates.iter().next().copied();
        let whole = papers_removed;
        let touched = |which: feeds::Which| -> Vec<Job> {
            let list = self.feed_papers(which);
            let positions: Vec<usize> = list
                .iter()
                .enumerate()
                .filter(|(_, p)| paper_index.contains(p))
                .map(|(k, _)| k)
                .collect();
            let from = if whole {
                0
            } else {
                earliest.map_or(0, |d| list.partition_point(|&p| papers[p].first_day() < d))
            };
            self.archives_holding(which, positions, Some(from))
                .into_iter()
                .map(|k| Job::FeedArchive(which, k))
                .collect()
        };
        jobs.extend(touched(feeds::Which::Papers));
        let tags_to_check: BTreeSet<usize> = if !config.tag_feed_archives {
            BTreeSet::new()
        } else if whole {
            (0..site.tags.len()).collect()
        } else {
            tag_hit.clone()
        };
        for t in tags_to_check {
            jobs.extend(touched(feeds::Which::Tag(t)));
        }
        jobs.retain(|&j| !matches!(j, Job::FeedArchive(w, _) if !self.archives_on(w)));
        jobs.extend([Job::SearchIndex, Job::Export]);
        if changed.structure {
            jobs.push(Job::Sitemap);
        }
        jobs
    }
}
