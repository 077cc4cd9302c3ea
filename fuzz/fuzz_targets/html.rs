//! Fuzz target `html`: arbitrary bytes as pasted HTML through `html_to_text` (the app's
//! clipboard path), whose text is then analysed as the app does, with the same invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = zhibiao_fuzz::text(data);
    let text = zhibiao::html_to_text(&input);
    assert_eq!(text, zhibiao_fuzz::check_normalize(&input));
    zhibiao_fuzz::check_normalize(&text);
    zhibiao_fuzz::check_analyze(&text);
});
