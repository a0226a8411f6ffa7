//! Search: the static index papertrail writes under `search/` and the rules
//! `themes/default/static/search.js` reads it by.
//!
//! It is a subsystem of its own, not a page of the renderer, because it is two programs
//! that must agree: this Rust code tokenises, stems and shards the archive at build time,
//! and `search.js` tokenises, stems and finds the shard of what a reader types, in the
//! browser. Every rule they share (the stop words, Porter's stemmer, the shard of a term,
//! the bucket of a title pair, the postings encoding) lives here, each beside a test that
//! holds the JavaScript twin to it. The renderer only asks for the files ([`write`]).
//!
//! The parts, each depending only on those listed before it:
//!
//! - [`cjk`]: which characters are CJK text, indexed by pairs of characters;
//! - [`words`]: the tokenizer (lowercase, split, stop words, CJK bigrams);
//! - [`stem`]: Porter's stemmer;
//! - [`encode`]: the delta-encoded `{"key":[numbers]}` files every part writes;
//! - [`pairs`]: the phrase index, pairs of stems side by side in titles;
//! - [`shards`]: which file of the term index holds a term;
//! - [`index`]: the term index and the document files, and the writing of it all.

pub mod cjk;
pub mod encode;
pub mod index;
pub mod pairs;
pub mod shards;
pub mod stem;
pub mod words;

pub use index::{doc_order, write};
