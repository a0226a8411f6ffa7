//! The files a change takes away: those of the routes the old model had and the new
//! one has not. Computed from the renderer's own list of routes, so every kind of file
//! kept (pages, feeds, JSON feeds, sitemap parts) goes when its route goes; files
//! rendered on request are not kept, and not listed.

use std::collections::HashSet;

/// The route files of the site being served.
#[derive(Default)]
pub(super) struct ServedRoutes {
    files: HashSet<String>,
}

impl ServedRoutes {
    pub(super) fn new(files: Vec<String>) -> ServedRoutes {
        ServedRoutes {
            files: files.into_iter().collect(),
        }
    }

    /// Takes `now` as the site's route files; returns the files of the routes it no
    /// longer has, sorted.
    pub(super) fn replace(&mut self, now: Vec<String>) -> Vec<String> {
        let now: HashSet<String> = now.into_iter().collect();
        let mut gone: Vec<String> = self.files.difference(&now).cloned().collect();
        gone.sort_unstable();
        self.files = now;
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gone_is_old_minus_new() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut routes = ServedRoutes::new(names(&["a", "b/index.html", "c"]));
        assert_eq!(
            routes.replace(names(&["c", "d", "a"])),
            names(&["b/index.html"])
        );
        assert_eq!(routes.replace(names(&["d"])), names(&["a", "c"]));
        assert!(routes.replace(names(&["d", "e"])).is_empty());
    }
}
