//! Work in proportion to the text, counted in bytes allocated: the `scale` fuzz target's check
//! (see `fuzz/fuzz_targets/scale.rs`), replayed on the units it found. A unit repeated sixteen
//! times more may allocate at most 32 times as much (16, with the doubling of growing buffers);
//! quadratic work allocates far more. Counting bytes keeps the verdict the same on every machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time: the test threads share the counter.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocated(text: &str) -> usize {
    let before = ALLOCATED.load(Relaxed);
    std::hint::black_box(zhibiao::analyze("scale", text));
    ALLOCATED.load(Relaxed) - before
}

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
        // The same shape written cleanly: an aside left open, then ranked streaks.
        (
            "an aside left open",
            "（注：下同。规上工业增加值连续十年位居全省首位，增速居全市第二。".to_string(),
        ),
    ]
}

#[test]
fn work_grows_with_the_text() {
    let _one = ONE_AT_A_TIME.lock().unwrap();
    // Word lists and patterns are built on first use: not part of any one analysis.
    allocated(zhibiao::SAMPLE);
    let mut failures = Vec::new();
    for (what, unit) in units() {
        let reps = (4096 / unit.len()).max(1);
        let small = allocated(&unit.repeat(reps));
        let large = allocated(&unit.repeat(reps * 16));
        if large > 32 * small + (1 << 20) {
            failures.push(format!("{what}: {small} bytes for 1×, {large} for 16×"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
