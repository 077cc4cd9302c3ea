//! One long text analysed on several threads (native only): its lines read in parts, each on
//! its own thread, joined into the facts, spans, ids and order the one-thread [`crate::analyze`]
//! gives (see `read::split`). Normalising, scanning and forming cards stay whole-text passes.
//! A short text is read in one walk: threads cost more than they save on it.

use crate::model::Article;
use crate::read::Split;
use crate::Options;

/// The fewest chars of a part: below it the warm-up and the join cost more than a thread
/// saves (about 0.4 MB of Chinese, some 40 ms of reading).
const MIN_PART: usize = 1 << 17;

/// The most chars of a part, so a very long text gives enough parts to keep every thread busy
/// and the parts waiting to be joined hold little memory.
const MAX_PART: usize = 1 << 20;

/// Lines read before a part's start to learn what they hand it: most of what one line hands
/// the next is set a line or two before (a paragraph's period, a basis a 其中 goes on with).
const WARM_UP: usize = 24;

/// Parts per thread: more than one, so a thread that finishes early takes another.
const PARTS_PER_THREAD: usize = 4;

/// [`crate::analyze`] on up to `threads` threads: the same article, byte for byte.
pub fn analyze_on(source: &str, input: &str, threads: usize) -> Article {
    let part_chars = (input.len() / (threads.max(1) * PARTS_PER_THREAD)).clamp(MIN_PART, MAX_PART);
    // Chars are at most bytes: a text too short in bytes for two parts is too short in chars.
    if threads < 2 || input.len() < 2 * part_chars {
        return crate::analyze(source, input);
    }
    analyze_in_parts(source, input, threads, part_chars, WARM_UP).0
}

/// [`crate::analyze`] with its lines read in parts of about `part_chars` chars on `threads`
/// threads, each from `warm_up` lines before it, whatever the text's length (for tests, to
/// force small parts), and how many lines were read twice because a part's guess of the state
/// it starts in was wrong.
#[doc(hidden)]
pub fn analyze_in_parts(
    source: &str,
    input: &str,
    threads: usize,
    part_chars: usize,
    warm_up: usize,
) -> (Article, usize) {
    let how = Split {
        threads,
        part_chars: part_chars.max(1),
        warm_up,
    };
    crate::staged(
        source,
        input,
        &Options::default(),
        &mut |_| {},
        &mut |_| {},
        how,
    )
}
