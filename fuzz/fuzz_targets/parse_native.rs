//! Fuzz target `parse_native`: runs `checks::parse_native` (see fuzz/common/checks.rs for what it
//! parses and which properties it checks) and panics on the first broken one.
#![no_main]

#[allow(dead_code)]
#[path = "../common/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = checks::parse_native(data) {
        panic!("parse_native: {e}");
    }
});
