//! From the site model to output files: pages through the theme, feeds, sitemap.
//!
//! Rendering is a list of independent jobs, one per output file, run in parallel. Each
//! job borrows the model and hands its bytes to a [`Sink`], which decides where they go
//! (a staging folder for `build`).

pub mod atom;
mod feeds;
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
    Home(usize),
    Day(usize),
    Month(i32, u32),
    Year(i32),
    Paper(usize),
    Tags,
    Tag(usize, usize),
    TagFeed(usize),
    Feed,
    Sitemap,
    Robots,
    NotFound,
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
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, config: &'a Config, urls: &'a Urls, theme: &'a Theme) -> Self {
        let ctx = Ctx { site, config, urls };
        let mut base = tera::Context::new();
        base.insert("config", &views::ConfigView::new(config));
        base.insert("site", &ctx.site_view());
        let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (i, d) in site.days.iter().enumerate() {
            months
                .entry((d.date.year(), d.date.month()))
                .or_default()
                .push(i);
        }
        let home_pages = site.days.len().div_ceil(config.days_per_page).max(1);
        Renderer {
            ctx,
            theme,
            base,
            months,
            home_pages,
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
        jobs.extend([Job::Feed, Job::Sitemap, Job::Robots, Job::NotFound]);
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
            Job::Sitemap => Route::Sitemap,
            Job::Robots => Route::Robots,
            Job::NotFound => Route::NotFound,
            Job::Static(_) => return None,
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
                Job::TagFeed(_) | Job::Feed => stats.feeds += 1,
                Job::Sitemap | Job::Robots | Job::Static(_) => {}
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
        let route = self.route(job).context("route")?;
        let bytes = match job {
            Job::Feed => self.site_feed().into_bytes(),
            Job::TagFeed(t) => self.tag_feed(t).into_bytes(),
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

/// Escapes text for HTML and XML: `& < > " '`. Unlike Tera's default it leaves `/`
/// alone, which keeps URLs readable and pages small.
pub fn escape_html(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}
