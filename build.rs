//! Tables the rules would otherwise build on first use, built here at compile time so the
//! page's rules are ready as soon as the wasm starts.
//!
//! - `t2s.rs`: the Traditional → Simplified table of `text::normalize` (`build/t2s.rs`), taken
//!   from `fast2s`. Finding the chars it changes means converting every char once, which took
//!   most of the rules' start-up (17 M instructions of 36 M natively).
//! - `patterns.rs`: the furniture and date patterns as DFAs (`build/patterns.rs`).
//! - `vocab/*.txt`: every word list of `src/vocab/` without its comment and blank lines (they
//!   are for people, and were three fifths of the lists' bytes in the page), read by `vocab`.

use std::{env, fs, path::Path};

#[path = "build/patterns.rs"]
mod patterns;
#[path = "build/t2s.rs"]
mod t2s;

/// The word lists.
const VOCAB: &str = "src/vocab";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/patterns.rs");
    println!("cargo:rerun-if-changed=build/t2s.rs");
    println!("cargo:rerun-if-changed={}", t2s::CONTEXT);
    println!("cargo:rerun-if-changed={}", patterns::MARKS);
    println!("cargo:rerun-if-changed={}", patterns::DATES);
    println!("cargo:rerun-if-changed={VOCAB}");
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    word_lists(&Path::new(&out).join("vocab"));
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    patterns::write(Path::new(&out), big_endian);
    t2s::write(Path::new(&out));
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
