//! Work in proportion to the text, counted in bytes allocated: the `scale` fuzz target's check
//! (`zhibiao::check::allocation_grows_linearly`, see `fuzz/fuzz_targets/scale.rs`), replayed on
//! the units it found. A unit repeated sixteen
//! times more may allocate at most 32 times as much (16, with the doubling of growing buffers);
//! quadratic work allocates far more. Counting bytes keeps the verdict the same on every machine.
//! Quadratic work that allocates nothing (the fuzzer's timeouts) is replayed at a size where it
//! would never end.

#[global_allocator]
static GLOBAL: zhibiao::check::Counting = zhibiao::check::Counting;

/// The count is global: a test running beside the one that counts adds its own bytes to it
/// (`work_grows_with_the_text` failed so under load while `a_run_of_digits_is_read_once` read
/// its megabyte). The tests of this file take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The units the fuzzer found, each with where it came from.
fn units() -> Vec<(&'static str, String)> {
    vec![
        // Issue 12: a 规上工业增加值 sentence with 排名, 连续十年, 位居全省首位 and broken UTF-8
        // (`scripts/fuzz.sh 240 scale`). Its `�(` never closes, so the rest of the line was one
        // sentence, and each streak named by a rank carried the names of all before it.
        (
            "an unclosed bracket before streaks",
            String::from_utf8_lossy(&[
                0xe7, 0xbb, 0x28, 0xe6, 0xb5, 0x8e, 0xe6, 0xbc, 0x8c, 0xe5, 0xa2, 0x9e, 0xe9, 0x80,
                0xe8, 0xa7, 0x84, 0xe4, 0xb8, 0x8a, 0xe5, 0xb7, 0xa5, 0xe4, 0xb8, 0x9a, 0xe5, 0xa2,
                0x9e, 0xe5, 0x8a, 0xa0, 0xe5, 0x80, 0xbc, 0x8c, 0xe6, 0x8e, 0x92, 0xe5, 0x90, 0x8d,
                0xe5, 0x89, 0x8d, 0xe7, 0xa7, 0xbb, 0xe9, 0x87, 0x8f, 0xe8, 0xbf, 0x9e, 0xe7, 0xbb,
                0xad, 0xe5, 0x8d, 0x81, 0xe5, 0xb9, 0xb4, 0xe4, 0xbd, 0x8d, 0xe5, 0xb1, 0x85, 0xe5,
                0x85, 0xa8, 0xe7, 0x9c, 0x81, 0xe9, 0xa6, 0x96, 0xe4, 0xbd, 0x8d, 0xef, 0xbc, 0x8c,
                0xe5, 0xa2, 0x9e, 0xe9, 0x80, 0x74, 0x74, 0x74, 0x74, 0x74, 0x74, 0x74, 0x74, 0x74,
                0x9f, 0xe5, 0xb1, 0x85, 0xe5, 0x85, 0xa8, 0xe5, 0xb8, 0x9e, 0xe9, 0x80, 0x9f, 0xe5,
                0xb1, 0x85, 0xe5, 0x85, 0xa8, 0xe5, 0xb8, 0x82, 0xe7, 0xac, 0xac, 0xe4, 0xba, 0x8c,
                0xe4, 0xbd, 0xbb, 0x33, 0xe4, 0xbd, 0x8d, 0xe3, 0x80, 0x82,
            ])
            .into_owned(),
        ),
        // Issue 12's `scale` run after the fix above (`scripts/fuzz.sh 240 scale`): 连续1年位居全省
        // and broken bytes, repeated. Each streak's name ran back over every 位居全省 before it
        // up to MAX_NAME: 3,936 B allocated 556,900 B and 16 times that 20,091,004 B (36×).
        (
            "streaks named over earlier ranks",
            String::from_utf8_lossy(&[
                0xe8, 0xbf, 0x9e, 0xe7, 0xbb, 0xad, 0x31, 0xe5, 0xb9, 0xb4, 0xe4, 0xbd, 0x8d, 0xe5,
                0xb1, 0x85, 0xe5, 0x85, 0xa8, 0xe7, 0x9c, 0x81, 0xe9, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6,
                0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6,
                0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6, 0xf6,
                0xf6, 0xf6, 0xf6, 0xf6, 0xf2, 0xf6, 0xf6, 0xf6, 0xa6, 0x96, 0xe4, 0xbd, 0x2d, 0x8d,
                0xef, 0xbc, 0x8c,
            ])
            .into_owned(),
        ),
        // Issue 12's `scale` run (`scripts/fuzz.sh 240 scale`, a timeout): one run of digits
        // as long as the text. See `a_run_of_digits_is_read_once`.
        ("a run of digits", "80".to_string()),
        // The same shape written cleanly: an aside left open, then ranked streaks.
        (
            "an aside left open",
            "（注：下同。规上工业增加值连续十年位居全省首位，增速居全市第二。".to_string(),
        ),
    ]
}

#[test]
fn work_grows_with_the_text() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let failures: Vec<String> = units()
        .into_iter()
        .filter_map(|(what, unit)| {
            let broken = zhibiao::check::allocation_grows_linearly(&unit).err()?;
            Some(format!("{what}: {broken}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `80` repeated (issue 12's `scale` run, a timeout that allocated nothing): a period was
/// looked for from every digit of the run, and each look read the digits to its end, so 64 KB
/// took seconds and 256 KB over a minute. Looked for only where a word starts, 1 MB of it is
/// read in a fraction of a second; the quadratic read would not end.
#[test]
fn a_run_of_digits_is_read_once() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let text = "80".repeat(1 << 19);
    let article = zhibiao::analyze("digits", &text);
    assert!(article.cards.is_empty(), "{:?}", article.cards.first());
}

/// 出口增长12.5%，…拉动进出口…2.6个）… repeated with broken bytes (issue 12's `scale` run, a
/// unit slower than a second): a sentence that never ends, where each part of a total looked
/// for its 其中 from the text's start, so 1 MB took 4.7 s and 64 KB 0.07 s. Looked for within a
/// quote's reach, 2 MB is read in a fraction of a second; the quadratic read takes 20.
#[test]
fn a_sentence_that_never_ends_is_read_once() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let unit = String::from_utf8_lossy(&[
        0xe5, 0x87, 0xba, 0xe5, 0x8f, 0xa3, 0xe5, 0xa2, 0x9e, 0xe9, 0x95, 0xbf, 0x31, 0x32, 0x2e,
        0x35, 0x25, 0xef, 0xbc, 0x8c, 0xe6, 0x8b, 0xbc, 0x8c, 0xe6, 0x8b, 0x89, 0xe5, 0x8a, 0xa8,
        0xe8, 0xbf, 0x9b, 0xe5, 0x87, 0xba, 0xe5, 0x8f, 0xa3, 0xe6, 0x2e, 0x36, 0xe4, 0xb8, 0xaa,
        0xef, 0xbc, 0x89, 0x82, 0xb9, 0xe3, 0x80, 0x84, 0x80, 0xbb, 0xe9, 0xa2, 0x9d, 0xe5, 0xa2,
        0x9e, 0xe9, 0x95, 0xbf, 0x32, 0x2e, 0x36, 0xe4, 0xb8, 0xaa, 0xef, 0xbc, 0x89, 0x82, 0xb9,
        0xe3, 0x80, 0x84,
    ])
    .into_owned();
    let text = unit.repeat((2 << 20) / unit.len());
    let article = zhibiao::analyze("never ends", &text);
    assert!(!article.cards.is_empty());
}
