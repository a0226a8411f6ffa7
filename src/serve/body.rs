//! The served files as `serve` keeps them in memory. Text, most of a site, is kept
//! gzip-compressed: a long archive's pages, held whole, would take several times the
//! memory a build needs. Browsers that accept gzip are sent it as it is kept.

use std::io::{Read as _, Write as _};
use std::sync::Arc;

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

/// Files shorter than this are kept as they are: gzip's header and trailer would eat
/// most of the saving.
const SMALLEST_PACKED: usize = 256;

/// One served file.
#[derive(Clone)]
pub(super) enum Body {
    /// As rendered: small files, files that are compressed already (images), and
    /// files rendered on request.
    Plain(Arc<[u8]>),
    /// Gzip-compressed text.
    Gzip(Arc<[u8]>),
}

impl Body {
    /// `bytes` for the output file `path`, compressed when it is text worth it.
    pub(super) fn pack(path: &str, bytes: &[u8]) -> Body {
        if bytes.len() >= SMALLEST_PACKED && is_text(super::http::mime_type(path)) {
            let mut gz = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::fast());
            if gz.write_all(bytes).is_ok()
                && let Ok(packed) = gz.finish()
            {
                return Body::Gzip(Arc::from(packed));
            }
        }
        Body::Plain(Arc::from(bytes))
    }

    /// The file as rendered; `None` if its compressed bytes do not decompress.
    pub(super) fn unpack(&self) -> Option<Vec<u8>> {
        match self {
            Body::Plain(bytes) => Some(bytes.to_vec()),
            Body::Gzip(packed) => {
                let mut out = Vec::with_capacity(packed.len() * 4);
                GzDecoder::new(&packed[..]).read_to_end(&mut out).ok()?;
                Some(out)
            }
        }
    }
}

/// Whether a Content-Type is text that compresses well.
fn is_text(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime.starts_with("image/svg")
        || mime.contains("json")
        || mime.contains("xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_packed_and_comes_back_whole() {
        let page = "<p>a line of a page</p>\n".repeat(200);
        let body = Body::pack("2025/07/04/index.html", page.as_bytes());
        let Body::Gzip(packed) = &body else {
            panic!("a page is packed")
        };
        assert!(packed.len() * 4 < page.len());
        assert_eq!(body.unpack().as_deref(), Some(page.as_bytes()));
        for (path, bytes) in [
            ("robots.txt", &b"User-agent: *\n"[..]),
            ("data/papers/2025.ndjson.gz", &[0x1f; 1000][..]),
        ] {
            let body = Body::pack(path, bytes);
            assert!(matches!(body, Body::Plain(_)), "{path}");
            assert_eq!(body.unpack().as_deref(), Some(bytes));
        }
    }
}
