//! Fuzz target `parse_table`: runs `checks::parse_table` (see fuzz/common/checks.rs for what it
//! parses and which properties it checks) and panics on the first broken one.
#![no_main]

#[allow(dead_code)]
#[path = "../common/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = checks::parse_table(data) {
        panic!("parse_table: {e}");
    }
});
