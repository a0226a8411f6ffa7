//! Themes: Tera templates plus static assets.
//!
//! A theme is `themes/<name>/templates/` and `themes/<name>/static/`. The default theme
//! is also compiled into the binary, so a folder with only `content/` builds. A site's
//! own `templates/` and `static/` override single files of the theme (Zola's rule).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use rust_embed::RustEmbed;
use tera::Tera;

#[derive(RustEmbed)]
#[folder = "themes/default/"]
#[exclude = "*.swp"]
struct DefaultTheme;

/// The archive page's template, which a theme may leave out (the default theme's is
/// used then).
pub const ARCHIVE: &str = "archive.html";

/// The feeds page's template (how to subscribe), which a theme may leave out too.
pub const FEEDS: &str = "feeds.html";

/// Templates every theme must provide.
pub const REQUIRED: &[&str] = &[
    "index.html",
    "day.html",
    "paper.html",
    "tags.html",
    "tag.html",
    "month.html",
    "year.html",
    "404.html",
    "search.html",
];

/// A theme ready to render with: its templates compiled (the site's own `templates/`
/// over the theme's) and its static files, from `themes/NAME/` or built in.
pub struct Theme {
    pub tera: Tera,
    /// Static files by output path, later entries overriding earlier ones.
    pub statics: Vec<(String, StaticSource)>,
}

pub enum StaticSource {
    Embedded(Cow<'static, [u8]>),
    File(PathBuf),
}

impl Theme {
    /// Loads the theme named in the config, then the site's overrides.
    pub fn load(root: &Path, name: &str) -> Result<Theme> {
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            bail!("theme name `{name}` must be a folder name under themes/");
        }
        let theme_dir = root.join("themes").join(name);
        let mut templates: Vec<(String, String)> = Vec::new();
        let mut statics: Vec<(String, StaticSource)> = Vec::new();
        if theme_dir.is_dir() {
            read_dir_files(&theme_dir.join("templates"), &mut |rel, path| {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read template {}", path.display()))?;
                templates.push((rel, text));
                Ok(())
            })?;
            read_dir_files(&theme_dir.join("static"), &mut |rel, path| {
                statics.push((rel, StaticSource::File(path.to_path_buf())));
                Ok(())
            })?;
        } else if name == "default" {
            for file in DefaultTheme::iter() {
                let Some(embedded) = DefaultTheme::get(&file) else {
                    continue;
                };
                if let Some(rel) = file.strip_prefix("templates/") {
                    let text = String::from_utf8(embedded.data.into_owned())
                        .with_context(|| format!("built-in template {rel} is not UTF-8"))?;
                    templates.push((rel.to_string(), text));
                } else if let Some(rel) = file.strip_prefix("static/") {
                    statics.push((rel.to_string(), StaticSource::Embedded(embedded.data)));
                }
            }
        } else {
            bail!(
                "theme `{name}` not found: there is no folder {}, and the only theme built in is `default`",
                crate::diagnostic::display_path(&theme_dir)
            );
        }
        read_dir_files(&root.join("templates"), &mut |rel, path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read template {}", path.display()))?;
            templates.retain(|(r, _)| *r != rel);
            templates.push((rel, text));
            Ok(())
        })?;
        read_dir_files(&root.join("static"), &mut |rel, path| {
            statics.retain(|(r, _)| *r != rel);
            statics.push((rel, StaticSource::File(path.to_path_buf())));
            Ok(())
        })?;
        statics.sort_by(|a, b| a.0.cmp(&b.0));

        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // Same escaping as `super::escape::html` (`& < > " '`, not `/`), so pages and feeds
        // agree; Tera's own escaper spells `'` differently.
        tera.set_escape_fn(super::escape::write_html);
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| anyhow::anyhow!("{}", template_error(&e)))?;
        // Themes written before the archive and feeds pages get the default theme's,
        // drawn in their own `base.html`.
        for optional in [ARCHIVE, FEEDS] {
            if !tera.contains_template(optional)
                && let Some(embedded) = DefaultTheme::get(&format!("templates/{optional}"))
            {
                let text = String::from_utf8(embedded.data.into_owned())
                    .with_context(|| format!("built-in template {optional} is not UTF-8"))?;
                tera.add_raw_template(optional, &text)
                    .map_err(|e| anyhow::anyhow!("{}", template_error(&e)))?;
            }
        }
        for required in REQUIRED {
            if !tera.contains_template(required) {
                bail!("theme `{name}` has no template `{required}`");
            }
        }
        Ok(Theme { tera, statics })
    }

    pub fn static_bytes(source: &StaticSource) -> Result<Cow<'_, [u8]>> {
        Ok(match source {
            StaticSource::Embedded(data) => Cow::Borrowed(data.as_ref()),
            StaticSource::File(path) => Cow::Owned(
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?,
            ),
        })
    }
}

/// Calls `f(relative_path, path)` for each file under `dir`, in name order; a missing
/// folder is simply empty.
fn read_dir_files(dir: &Path, f: &mut dyn FnMut(String, &Path) -> Result<()>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        f(rel, entry.path())?;
    }
    Ok(())
}

/// A Tera error as one message. Tera's `Display` is already the full report (template
/// name, line and column, the source line with a caret, notes); its leading `error: ` is
/// dropped because our caller prints one, and causes are added only when they say
/// something the report does not.
pub fn template_error(e: &tera::Error) -> String {
    let report = e.to_string();
    let mut msg = report
        .strip_prefix("error: ")
        .unwrap_or(&report)
        .to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !msg.contains(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
        source = s.source();
    }
    msg
}
