//! One build, start to finish: config, content, model, render, swap in.
//!
//! Data flows one way. Content errors are collected from every file and returned
//! together before anything is written, so a build either replaces the whole output or
//! leaves the previous one as it was.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::model::{self, Site};
use crate::output::{Staging, WriteStats};
use crate::render::{RenderStats, Renderer, theme::Theme, urls::Urls};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Where to write the site; `output_dir` of config.toml when None.
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
}

/// What a finished build did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub days: usize,
    pub papers: usize,
    pub tags: usize,
    pub render: RenderStats,
    pub written: WriteStats,
    /// Papers a day over the last [`PACE_DAYS`] calendar days (new papers only), for
    /// how fast the site grows.
    pub pace: f64,
    /// Settings that would make this site smaller, each with the bytes (as GitHub Pages
    /// counts them) it would save, largest first.
    pub shrink: Vec<(&'static str, u64)>,
    pub seconds: f64,
    /// Warnings (errors stop the build).
    pub diagnostics: Diagnostics,
}

/// Why a build stopped.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the user's files, every one of them.
    Content(Diagnostics),
    /// Anything else: a theme, a template, the file system.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for BuildError {
    fn from(e: anyhow::Error) -> Self {
        BuildError::Other(e)
    }
}

/// Reads config and content into the model, reporting every problem found.
pub fn load_site(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(Config, Site, Diagnostics), BuildError> {
    let mut config = Config::load(root).map_err(BuildError::Content)?;
    if let Some(url) = base_url {
        config
            .set_base_url(url)
            .map_err(|msg| BuildError::Content(Diagnostic::error("--base-url", 0, msg).into()))?;
    }
    let opts = content::ParseOptions::from_config(&config);
    let mut phases = crate::timings::Phases::new();
    let (digests, mut diags) = content::load(&config.content_path(root), &config.ignored, &opts);
    phases.mark("read+parse");
    let files = digests.len();
    // Day files kept by hand name their day in front matter; a new one is empty.
    let bot_files = digests.iter().filter(|d| d.front.date.is_none()).count();
    let (site, model_diags) = model::build(digests, &config);
    phases.mark("model");
    diags.extend(model_diags);
    model::drop_published_elsewhere(&mut diags, &site);
    // Digest files, dated or not, and no paper anywhere: most likely a layout papertrail
    // does not read, which must not publish an empty site. (Day files still being written
    // by hand are not such files.)
    if bot_files > 0
        && !diags.has_errors()
        && site.papers.is_empty()
        && site.days.iter().all(|d| d.links.is_empty())
    {
        diags.push(
            Diagnostic::error(
                config.content_path(root),
                0,
                format!(
                    "{files} digest file(s), but no paper was read from any of them{} (drafts are published only with `drafts = true`); papertrail reads {}",
                    if diags.items.iter().any(|d| d.kind == Kind::Undated) { " with a date" } else { "" },
                    content::FORMATS_READ
                ),
            )
            .kind(Kind::NoPapers),
        );
    }
    diags
        .items
        .retain(|d| d.is_error() || !config.lint.allows(d.kind));
    diags.sort();
    if diags.has_errors() {
        return Err(BuildError::Content(diags));
    }
    Ok((config, site, diags))
}

/// Everything `build` checks, without writing anything: config, every digest, the
/// model, and the theme's templates. Returns every problem found.
pub fn check(root: &Path) -> Diagnostics {
    match load_site(root, None) {
        Ok((config, _, mut diags)) => {
            if let Err(d) = load_theme(root, &config) {
                diags.push(d);
            }
            diags
        }
        Err(BuildError::Content(diags)) => diags,
        Err(BuildError::Other(e)) => Diagnostic::error(root, 0, format!("{e:#}")).into(),
    }
}

/// The theme `config` names, or the one error `check`, `build` and `serve` all report
/// when it cannot be loaded.
pub fn load_theme(root: &Path, config: &Config) -> Result<Theme, crate::diagnostic::Diagnostic> {
    Theme::load(root, &config.theme).map_err(|e| {
        crate::diagnostic::Diagnostic::error(
            root.join("themes").join(&config.theme),
            0,
            format!("{e:#}"),
        )
    })
}

pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let (config, site, diagnostics) = load_site(&opts.root, opts.base_url.as_deref())?;
    let mut phases = crate::timings::Phases::new();
    let theme = match load_theme(&opts.root, &config) {
        Ok(theme) => theme,
        Err(d) => {
            let mut all = diagnostics;
            all.push(d);
            return Err(BuildError::Content(all));
        }
    };
    let urls = Urls::new(&config.base_url);
    let output_dir = opts
        .output_dir
        .clone()
        .unwrap_or_else(|| config.output_path(&opts.root));
    let staging = Staging::begin(&output_dir, &opts.root)?;
    let mut renderer = Renderer::new(&site, &config, &urls, &theme);
    phases.mark("theme");
    let mut diagnostics = diagnostics;
    let feed_state = renderer.stamp_feeds(&opts.root, &mut diagnostics);
    // Published beside the site: a deploy reads the previous state back from there
    // (docs/deploy.md), so feed times stay stable with nothing committed to the bot's
    // branch.
    if let Some(text) = feed_state.published_text() {
        use crate::render::Sink as _;
        staging
            .put(crate::feed_state::FILE, text.as_bytes())
            .with_context(|| format!("cannot write {} into the site", crate::feed_state::FILE))?;
    }
    phases.mark("feed stamps");
    let render = renderer.render_all(&staging)?;
    phases.mark("render+write");
    let written = staging.commit()?;
    let pace = recent_pace(&site);
    // What each setting would save is worked out only when the summary shows it (the
    // leads of every list are measured for it).
    let growth = yearly_growth(&written.pages, site.papers.len(), pace);
    let shrink = match size_warning(written.pages.bytes, growth, pace) {
        Some(_) => shrink_settings(&config, &written.pages, || renderer.list_lead_bytes()),
        None => Vec::new(),
    };
    phases.mark("swap");
    feed_state.save(&mut diagnostics);
    phases.mark("state");
    let (days, papers, tags) = (site.days.len(), site.papers.len(), site.tags.len());
    // Freeing the model (every paper's texts) takes a few milliseconds at the very end
    // of the build, when nothing else is left to do: a thread of its own frees it while
    // the summary is printed, and a process that exits first loses nothing. (A thread
    // that cannot be started drops the model here, with the closure.)
    drop(renderer);
    let _ = std::thread::Builder::new().spawn(move || drop(site));
    Ok(BuildReport {
        days,
        papers,
        tags,
        render,
        written,
        pace,
        shrink,
        seconds: started.elapsed().as_secs_f64(),
        diagnostics,
    })
}

/// Calendar days over which [`BuildReport::pace`] counts new papers.
pub const PACE_DAYS: i64 = 90;

/// New papers a day over the last [`PACE_DAYS`] days of the site (all of it when it is
/// younger), counted in calendar days up to its newest day.
fn recent_pace(site: &Site) -> f64 {
    let (Some(first), Some(last)) = (site.days.first(), site.days.last()) else {
        return 0.0;
    };
    let from = (last.date - chrono::Duration::days(PACE_DAYS - 1)).max(first.date);
    let span = (last.date - from).num_days() + 1;
    let new = site.papers.iter().filter(|p| p.first_day() >= from).count();
    new as f64 / span as f64
}

/// The settings that shrink this site, each with what turning it would save: the tar
/// bytes of the kinds of output it leaves out, or (leads in lists) an estimate from the
/// bytes those lines take. `lead_bytes` is asked only when the lists show leads.
fn shrink_settings(
    config: &Config,
    pages: &crate::output::PagesSize,
    lead_bytes: impl FnOnce() -> u64,
) -> Vec<(&'static str, u64)> {
    use crate::render::urls::kind;
    let mut out = Vec::new();
    if config.tag_feed_archives {
        out.push((
            "tag_feed_archives = false",
            pages.of_kind(kind::TAG_FEED_ARCHIVES),
        ));
    }
    if config.paper_feed_archives {
        out.push((
            "paper_feed_archives = false",
            pages.of_kind(kind::PAPER_FEED_ARCHIVES),
        ));
    }
    if config.list_leads {
        out.push(("list_leads = false", lead_bytes()));
    }
    out.retain(|&(_, b)| b > 0);
    out.sort_by_key(|&(_, b)| std::cmp::Reverse(b));
    out
}

/// GitHub Pages refuses to publish a site larger than this (as it counts: see
/// [`crate::output::pages_size`]).
pub const PAGES_LIMIT_BYTES: u64 = 1_000_000_000;
/// Builds larger than this get a warning in the summary: the limit is near.
pub const SIZE_WARNING_BYTES: u64 = 800_000_000;

impl BuildReport {
    /// The one-line summary, then, when the site nears GitHub Pages' 1 GB limit or will
    /// pass it within a year at its recent pace, a warning and the settings that shrink
    /// it.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "Built {}, {}, {}: {}, {}, {} ({}, {} as GitHub Pages counts it, {} unchanged) in {:.2} s",
            counted(self.days, "day"),
            counted(self.papers, "paper"),
            counted(self.tags, "tag"),
            counted(self.render.pages, "page"),
            counted(self.render.feeds, "feed"),
            counted(self.written.files, "file"),
            human_bytes(self.written.bytes),
            human_bytes(self.written.pages.bytes),
            self.written.unchanged,
            self.seconds
        );
        let growth = self.yearly_growth();
        if let Some(warning) = size_warning(self.written.pages.bytes, growth, self.pace) {
            line.push('\n');
            line.push_str(&warning);
            line.push_str(&shrink_lines(&self.shrink));
        }
        line
    }

    /// Bytes a year of new papers at [`BuildReport::pace`] would add, at this site's
    /// bytes per paper.
    pub fn yearly_growth(&self) -> u64 {
        yearly_growth(&self.written.pages, self.papers, self.pace)
    }
}

/// `n` and the noun, in the plural unless `n` is one: `1 day`, `3 days`.
fn counted(n: impl TryInto<u64>, noun: &str) -> String {
    let n: u64 = n.try_into().unwrap_or(u64::MAX);
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Bytes a year of new papers at `pace` a day would add to a site of `papers` that
/// Pages counts as `pages`, at its bytes per paper. Subscription feeds hold a fixed
/// number of the newest entries and the theme's files are the same on any site: they
/// do not grow with papers, and on a young site they would be most of each paper's
/// share (a site of a few hundred papers, each on three tags' full-text feeds, was
/// warned it would pass the limit within a year when it had years to go).
fn yearly_growth(pages: &crate::output::PagesSize, papers: usize, pace: f64) -> u64 {
    use crate::render::urls::kind;
    if papers == 0 {
        return 0;
    }
    let fixed = pages.of_kind(kind::FEEDS) + pages.of_kind(kind::OTHER);
    let growing = pages.bytes.saturating_sub(fixed);
    (pace * 365.0 * growing as f64 / papers as f64) as u64
}

/// A warning when a site of `bytes` (as GitHub Pages counts them) nears or passes its
/// 1 GB limit, or will pass it within a year growing by `growth` bytes a year (at `pace`
/// papers a day).
pub fn size_warning(bytes: u64, growth: u64, pace: f64) -> Option<String> {
    let size = human_bytes(bytes);
    if bytes > PAGES_LIMIT_BYTES {
        return Some(format!(
            "warning: GitHub Pages counts this site as {size}, over its 1 GB limit: it will not be published"
        ));
    }
    let left = PAGES_LIMIT_BYTES - bytes;
    let within_a_year = growth > left;
    if !within_a_year && bytes <= SIZE_WARNING_BYTES {
        return None;
    }
    let mut text = format!("warning: GitHub Pages counts this site as {size}, of its 1 GB limit");
    if growth > 0 {
        let months = (left as f64 / growth as f64 * 12.0).ceil().max(1.0);
        let when = if within_a_year {
            format!(
                "passes it in about {months} month{}",
                if months > 1.0 { "s" } else { "" }
            )
        } else {
            format!("grows by {} a year", human_bytes(growth))
        };
        text.push_str(&format!(
            "; at {pace:.0} new papers a day (the last {PACE_DAYS} days) it {when}"
        ));
    }
    Some(text)
}

/// The lines naming each setting that shrinks the site and what it would save.
fn shrink_lines(shrink: &[(&str, u64)]) -> String {
    if shrink.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("\n  settings in config.toml that make it smaller, and what each saves here:");
    for (setting, bytes) in shrink {
        out.push_str(&format!("\n    {setting:<28} {}", human_bytes(*bytes)));
    }
    out
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_warning_near_the_limit_or_within_a_year_of_it() {
        assert_eq!(size_warning(350_000_000, 100_000_000, 25.0), None);
        assert_eq!(size_warning(350_000_000, 0, 0.0), None);
        let near = size_warning(850_000_000, 100_000_000, 25.0).unwrap();
        assert!(
            near.contains("850.0 MB") && !near.contains("passes"),
            "{near}"
        );
        assert!(near.contains("grows by 100.0 MB a year"), "{near}");
        let soon = size_warning(700_000_000, 600_000_000, 120.0).unwrap();
        assert!(soon.contains("at 120 new papers a day"), "{soon}");
        assert!(soon.contains("passes it in about 6 months"), "{soon}");
        let over = size_warning(1_200_000_000, 0, 0.0).unwrap();
        assert!(over.contains("over its 1 GB limit"), "{over}");
    }

    #[test]
    fn growth_counts_what_grows_with_papers() {
        use crate::render::urls::kind;
        let pages = crate::output::PagesSize {
            bytes: 20_000_000,
            by_kind: vec![
                (kind::FEEDS, 9_000_000),
                (kind::PAPER_PAGES, 6_000_000),
                (kind::OTHER, 1_000_000),
                (kind::TAG_PAGES, 4_000_000),
            ],
            ..Default::default()
        };
        // 10 MB of pages, tags and the rest for 400 papers: 25 KB a paper, 50 a day.
        assert_eq!(yearly_growth(&pages, 400, 50.0), 456_250_000);
        assert_eq!(yearly_growth(&pages, 0, 50.0), 0);
    }

    #[test]
    fn shrink_settings_name_what_each_saves() {
        let pages = crate::output::PagesSize {
            by_kind: vec![
                ("tag feed archives", 130_000_000),
                ("paper feed archives", 60_000_000),
            ],
            ..Default::default()
        };
        let mut config = Config::default();
        // Tag feed archives are off by default: nothing to save there.
        let got = shrink_settings(&config, &pages, || 20_000_000);
        assert_eq!(
            got,
            [
                ("paper_feed_archives = false", 60_000_000),
                ("list_leads = false", 20_000_000)
            ]
        );
        config.tag_feed_archives = true;
        config.list_leads = false;
        let got = shrink_settings(&config, &pages, || unreachable!());
        assert_eq!(got[0], ("tag_feed_archives = false", 130_000_000));
        assert_eq!(got.len(), 2);
        let lines = shrink_lines(&got);
        assert!(
            lines.contains("tag_feed_archives = false") && lines.contains("130.0 MB"),
            "{lines}"
        );
    }
}
