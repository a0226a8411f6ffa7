//! The check of a site's `base_url`, from `config.toml` or `--base-url`: every absolute
//! link, feed id base and canonical URL is built on it, so it is refused early with a
//! message saying how to fix it.

/// Checks a `base_url`: absolute http(s) with a host, no query or fragment.
pub fn validate(url: &str) -> Result<(), String> {
    // `example.github.io/repo/` is the usual slip, and `url` calls it a "relative URL
    // without a base" (or, with a port, a scheme named like the host).
    if !url.contains("://") {
        let host = url.split('/').next().unwrap_or_default();
        let port_or_none = host
            .split_once(':')
            .is_none_or(|(_, port)| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
        let with_scheme = format!("https://{url}");
        if !host.is_empty()
            && port_or_none
            && url::Url::parse(&with_scheme).is_ok_and(|u| u.host_str().is_some())
        {
            return Err(format!(
                "`base_url` `{url}` has no scheme: write it as `{with_scheme}`"
            ));
        }
    }
    let parsed = url::Url::parse(url)
        .map_err(|e| format!("`base_url` `{url}` is not an absolute URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(format!(
            "`base_url` `{url}` must start with http:// or https:// and name a host"
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(format!(
            "`base_url` `{url}` must not have a query or fragment"
        ));
    }
    if url.contains(['"', '\'', '<', '>', ' ', '\\']) {
        return Err(format!(
            "`base_url` `{url}` contains characters a URL cannot hold"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_validation() {
        assert!(validate("https://u.github.io/repo/").is_ok());
        assert!(validate("http://127.0.0.1:1111/").is_ok());
        for bad in [
            "/repo/",
            "ftp://x/",
            "https://x/?q=1",
            "javascript:alert(1)",
            "https://x/\"a",
        ] {
            assert!(validate(bad).is_err(), "{bad}");
        }
        for (no_scheme, fix) in [
            ("example.github.io/repo/", "https://example.github.io/repo/"),
            ("localhost:1111/", "https://localhost:1111/"),
        ] {
            let msg = validate(no_scheme).unwrap_err();
            assert!(msg.contains(&format!("`{fix}`")), "{msg}");
        }
    }
}
