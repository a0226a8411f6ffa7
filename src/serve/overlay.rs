//! What `serve` adds to HTML responses: the reload script, and the error overlay while
//! the content has errors.

use std::path::Path;

use crate::diagnostic::Diagnostics;

/// The overlay listing `diags`' errors (paths shown under `root`); `has_site` says
/// whether a last good build is shown beneath it.
pub(super) fn overlay_html(diags: &Diagnostics, root: &Path, has_site: bool) -> String {
    let mut items = String::new();
    for d in diags.items.iter().filter(|d| d.is_error()) {
        let mut shown = d.clone();
        if let Ok(rel) = d.path.strip_prefix(root) {
            shown.path = rel.to_path_buf();
        }
        items.push_str(&format!(
            "<li>{}</li>",
            crate::render::escape::html(&shown.to_string())
        ));
    }
    format!(
        "<div id=\"papertrail-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;background:rgba(20,0,0,.92);color:#fdd;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap\">\
<p style=\"font-weight:bold;color:#fff\">papertrail: the site has {} error(s); {}</p><ul>{items}</ul>\
<p><button type=\"button\" onclick=\"this.closest('#papertrail-overlay').remove()\">Dismiss</button></p></div>\n",
        diags.error_count(),
        if has_site {
            "showing the last good build"
        } else {
            "nothing is built yet; this page reloads once they are fixed"
        }
    )
}

/// The script added to every HTML response: reloads the page after each rebuild.
const RELOAD_SCRIPT: &str = "<script>(()=>{const s=new EventSource(\"/__papertrail/events\");s.addEventListener(\"reload\",()=>location.reload());})();</script>\n";

/// Adds the reload script (and the error overlay) before `</body>`.
pub(super) fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(o) = overlay {
        extra.push_str(o);
    }
    extra.push_str(RELOAD_SCRIPT);
    let at = rfind(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_body_end() {
        let out = inject(b"<html><body>x</body></html>", Some("<div>E</div>"));
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("<html><body>x<div>E</div><script>"));
        assert!(out.ends_with("</script>\n</body></html>"));
    }
}
