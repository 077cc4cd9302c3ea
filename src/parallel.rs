//! One function over many items on several threads, the outcomes handed back in input order
//! (native only): the CLI's batches and the Python package's `analyze_many`.
//!
//! Plain `std` threads pulling the next index from a counter, so a long article holds up one
//! thread, not a whole chunk. Outcomes are delivered on the calling thread as soon as every
//! earlier one has been, and the workers never run more than a window ahead of the last one
//! delivered, so a slow consumer (a pipe) bounds the memory held.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// What one item gave: its result, or the message of a panic while computing it (a bug in the
/// engine, kept to that item rather than ending the run or, in Python, the interpreter).
pub type Outcome<R> = Result<R, String>;

/// How many items the workers may finish ahead of the last one delivered, per thread.
const AHEAD_PER_THREAD: usize = 32;

/// The number of threads `jobs` asks for: `None` (or 0) is every core the system offers.
pub fn threads(jobs: Option<usize>) -> usize {
    match jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Calls `work` on every item on up to `jobs` threads, and `deliver(index, outcome)` for every
/// item in input order on the calling thread.
pub fn ordered<T, R>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut deliver: impl FnMut(usize, Outcome<R>),
) where
    T: Sync,
    R: Send,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        for (i, item) in items.iter().enumerate() {
            deliver(i, guarded(|| work(item)));
        }
        return;
    }
    let window = jobs * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    let delivered = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (tx, next, delivered, work) = (tx.clone(), &next, &delivered, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                wait_below(delivered, i, window);
                if tx.send((i, guarded(|| work(item)))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut due = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&due) {
                deliver(due, outcome);
                due += 1;
            }
            let (count, moved) = &delivered;
            *count.lock().unwrap_or_else(|e| e.into_inner()) = due;
            moved.notify_all();
        }
    });
}

/// Blocks until item `i` is within `window` of the delivered count.
fn wait_below(delivered: &(Mutex<usize>, Condvar), i: usize, window: usize) {
    let (count, moved) = delivered;
    let guard = count.lock().unwrap_or_else(|e| e.into_inner());
    drop(moved.wait_while(guard, |done| i >= *done + window));
}

/// `work()`, with a panic turned into its message.
pub fn guarded<R>(work: impl FnOnce() -> R) -> Outcome<R> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_come_in_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..500).collect();
        for jobs in [1, 2, 3, 8, 1000] {
            let mut got = Vec::new();
            ordered(
                &items,
                jobs,
                |&n| {
                    // Uneven work, so later items often finish first.
                    if n % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(300));
                    }
                    n * n
                },
                |i, out| got.push((i, out.unwrap())),
            );
            let want: Vec<(usize, u64)> = items.iter().map(|&n| (n as usize, n * n)).collect();
            assert_eq!(got, want, "jobs {jobs}");
        }
    }

    #[test]
    fn a_panic_stays_with_its_item() {
        let items = [1, 2, 3, 4];
        for jobs in [1, 2] {
            let mut got = Vec::new();
            ordered(
                &items,
                jobs,
                |&n| {
                    assert!(n != 3, "three is refused");
                    n
                },
                |_, out| got.push(out),
            );
            assert_eq!(got.len(), 4);
            assert_eq!(got[2].as_ref().unwrap_err(), "three is refused");
            assert_eq!(got[3], Ok(4));
        }
    }

    #[test]
    fn no_items_no_calls() {
        let mut calls = 0;
        ordered(&[] as &[u8], 4, |_| (), |_, _| calls += 1);
        assert_eq!(calls, 0);
        assert!(threads(None) >= 1);
        assert_eq!(threads(Some(3)), 3);
    }
}
