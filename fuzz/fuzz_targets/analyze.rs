//! Fuzz target `analyze`: arbitrary bytes, read as text, through the engine's entry point and
//! every output format, with the invariants of `zhibiao_fuzz` checked on the result and on the
//! normaliser's map.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = zhibiao_fuzz::text(data);
    zhibiao_fuzz::check_normalize(&input);
    zhibiao_fuzz::check_analyze(&input);
});
