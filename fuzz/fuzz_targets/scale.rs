//! Fuzz target `scale`: super-linear work, which the short inputs libFuzzer prefers hide (a
//! quadratic loop over 4 KB is still fast). A short input is repeated to about 4 KB and to 16
//! times that, and the bytes the engine allocates for each are counted: linear work allocates
//! at most 32 times as much for the longer text (16, give or take the doubling of growing
//! buffers), work that copies the text per fact or per position far more. Quadratic work that
//! allocates nothing shows as a timeout instead (16 × 4 KB is enough for that). Counting bytes
//! instead of timing keeps the verdict the same on every machine and every run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes asked for.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

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

/// Bytes allocated while analysing `text`.
fn allocated(text: &str) -> usize {
    let before = ALLOCATED.load(Relaxed);
    std::hint::black_box(zhibiao::analyze("fuzz", text));
    ALLOCATED.load(Relaxed) - before
}

fuzz_target!(|data: &[u8]| {
    // Long units only make each run slower.
    if data.is_empty() || data.len() > 512 {
        return;
    }
    let input = zhibiao_fuzz::text(data);
    // The word lists and patterns are built on first use: not part of any one analysis.
    allocated("");
    let reps = (4096 / input.len()).max(1);
    let small = allocated(&input.repeat(reps));
    let large = allocated(&input.repeat(reps * 16));
    // Linear: 16 times, 8 to 32 with the doubling of growing buffers; quadratic: up to 256.
    assert!(
        large <= 32 * small + (1 << 20),
        "super-linear: {small} bytes allocated for {} bytes of text, {large} for 16 times that",
        input.len() * reps
    );
});
