//! papertrail: a static site generator for daily AI-paper digests.
//!
//! The pipeline runs one way: [`config`] → [`content`] (discover and parse digest files)
//! → [`model`] (papers, days, tags) → [`render`] (theme, feeds, sitemap) → [`output`]
//! (atomic swap). [`build`] ties them together for the command line.

pub mod base_url;
pub mod build;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostic;
pub mod feed_state;
pub mod import;
pub mod init;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod tagging;
pub mod timings;
