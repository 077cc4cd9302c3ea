//! Fuzz target `scale`: super-linear work, which the short inputs libFuzzer prefers hide (a
//! quadratic loop over 4 KB is still fast). A short input is repeated to about 4 KB and to 16
//! times that, and the bytes the engine allocates for each are counted: linear work allocates
//! at most 32 times as much for the longer text (16, give or take the doubling of growing
//! buffers), work that copies the text per fact or per position far more. Quadratic work that
//! allocates nothing shows as a timeout instead (16 × 4 KB is enough for that). Counting bytes
//! instead of timing keeps the verdict the same on every machine and every run. The check is
//! `zhibiao::check::allocation_grows_linearly`, which `tests/scale.rs` replays on the units
//! found.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static GLOBAL: zhibiao::check::Counting = zhibiao::check::Counting;

fuzz_target!(|data: &[u8]| {
    // Long units only make each run slower.
    if data.is_empty() || data.len() > 512 {
        return;
    }
    let input = zhibiao_fuzz::text(data);
    if let Err(broken) = zhibiao::check::allocation_grows_linearly(&input) {
        panic!("{broken}");
    }
});
