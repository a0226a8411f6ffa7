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
    pub output_dir: PathBuf,
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
    let staging = Staging::begin(&opts.output_dir, &opts.root)?;
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
    phases.mark("swap");
    feed_state.save(&mut diagnostics);
    phases.mark("state");
    Ok(BuildReport {
        days: site.days.len(),
        papers: site.papers.len(),
        tags: site.tags.len(),
        render,
        written,
        seconds: started.elapsed().as_secs_f64(),
        diagnostics,
    })
}

/// GitHub Pages refuses to publish a site larger than this.
pub const PAGES_LIMIT_BYTES: u64 = 1_000_000_000;
/// Builds larger than this get a warning in the summary: the limit is near.
pub const SIZE_WARNING_BYTES: u64 = 800_000_000;

impl BuildReport {
    /// The one-line summary, then a warning line when the output nears GitHub Pages'
    /// 1 GB limit.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "Built {} days, {} papers, {} tags: {} pages, {} feeds, {} files ({}, {} unchanged) in {:.2} s",
            self.days,
            self.papers,
            self.tags,
            self.render.pages,
            self.render.feeds,
            self.written.files,
            human_bytes(self.written.bytes),
            self.written.unchanged,
            self.seconds
        );
        if let Some(warning) = size_warning(self.written.bytes) {
            line.push('\n');
            line.push_str(&warning);
        }
        line
    }
}

/// A warning when `bytes` of output near or pass GitHub Pages' 1 GB limit.
pub fn size_warning(bytes: u64) -> Option<String> {
    (bytes > SIZE_WARNING_BYTES).then(|| {
        let verb = if bytes > PAGES_LIMIT_BYTES {
            "is over"
        } else {
            "is near"
        };
        format!(
            "warning: the site is {} and {verb} GitHub Pages' 1 GB limit for a published site",
            human_bytes(bytes)
        )
    })
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
    fn size_warning_only_near_the_pages_limit() {
        assert_eq!(size_warning(350_000_000), None);
        assert!(size_warning(850_000_000).unwrap().contains("is near"));
        assert!(size_warning(1_200_000_000).unwrap().contains("is over"));
    }
}
