//! What more than one test crate reads: the rule-case files.

use std::path::PathBuf;

/// The rule-case files (`tests/rules/*.toml`), sorted, so every crate reads them in one order.
pub fn rule_files() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rules");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/rules")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no rule files in {dir}");
    paths
}
