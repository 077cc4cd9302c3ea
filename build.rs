//! Tables the rules would otherwise build on first use, built here at compile time so the
//! page's rules are ready as soon as the wasm starts.
//!
//! - `t2s_touched.rs`: the chars `fast2s` may change (read by `text::normalize`), as a bit set
//!   over the Basic Multilingual Plane. Finding them means converting every char once, which
//!   took most of the rules' start-up (17 M instructions of 36 M natively).
//! - `patterns.rs`: the furniture and date patterns as DFAs (`build/patterns.rs`).
//! - `vocab/*.txt`: every word list of `src/vocab/` without its comment and blank lines (they
//!   are for people, and were three fifths of the lists' bytes in the page), read by `vocab`.

use std::{env, fs, path::Path};

#[path = "build/patterns.rs"]
mod patterns;

/// The word lists.
const VOCAB: &str = "src/vocab";
/// Traditional chars that `fast2s` converts only next to certain others, one a line.
const T2S_CONTEXT: &str = "src/vocab/t2s_context.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={T2S_CONTEXT}");
    println!("cargo:rerun-if-changed=build/patterns.rs");
    println!("cargo:rerun-if-changed={}", patterns::MARKS);
    println!("cargo:rerun-if-changed={}", patterns::DATES);
    println!("cargo:rerun-if-changed={VOCAB}");
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    word_lists(&Path::new(&out).join("vocab"));
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    patterns::write(Path::new(&out), big_endian);
    let words: Vec<String> = t2s_touched().iter().map(|w| format!("{w:#x}")).collect();
    let table = format!("[{}]\n", words.join(", "));
    fs::write(Path::new(&out).join("t2s_touched.rs"), table).expect("write t2s_touched.rs");
}

/// Writes each `src/vocab/*.txt` into `out` with only its entries: the lines `vocab` reads
/// (not blank, not a `#` comment), trimmed as it trims them.
fn word_lists(out: &Path) {
    fs::create_dir_all(out).expect("create OUT_DIR/vocab");
    for file in fs::read_dir(VOCAB).expect("read src/vocab") {
        let path = file.expect("a file of src/vocab").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let src = fs::read_to_string(&path).expect("read a vocab file");
        let entries: String = src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .flat_map(|l| [l, "\n"])
            .collect();
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), entries).expect("write a vocab file");
    }
}

/// Chars `fast2s` may change (it changes no others): those it changes alone, found by
/// converting each once between spaces (no context for any of them), and those it changes
/// only next to certain others (`vocab/t2s_context.txt`). Should the probe come back with
/// another char count, every char is marked, which is slow but still right.
fn t2s_touched() -> Vec<u64> {
    let mut bits = vec![0u64; 0x10000 / 64];
    let mut set = |c: char| bits[c as usize / 64] |= 1 << (c as usize % 64);
    let chars: Vec<char> = ('\u{800}'..='\u{FFFF}').collect();
    let mut probe = String::with_capacity(chars.len() * 4);
    for &c in &chars {
        probe.push(c);
        probe.push(' ');
    }
    let out = fast2s::convert(&probe);
    if out.chars().count() == chars.len() * 2 {
        for (&c, d) in chars.iter().zip(out.chars().step_by(2)) {
            if c != d {
                set(c);
            }
        }
    } else {
        chars.iter().for_each(|&c| set(c));
    }
    let context = fs::read_to_string(T2S_CONTEXT).expect("read src/vocab/t2s_context.txt");
    context
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(str::chars)
        .for_each(set);
    bits
}
