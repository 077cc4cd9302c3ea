//! The Traditional → Simplified table of `text::normalize::simplify`, taken from `fast2s` at
//! build time, so the page carries neither `fast2s` nor its run-time HashMap (built from
//! bincode on first use, with `lazy_static` and a second `hashbrown`).
//!
//! Hands on `OUT_DIR/t2s.rs`: `T2S_TOUCHED`, the chars that may change as a bit set over the
//! Basic Multilingual Plane (fast2s changes no others); `T2S_FROM`/`T2S_TO`, each char fast2s
//! changes alone and what it becomes, sorted for a binary search; and `T2S_CONTEXT`, the
//! two-char words in which a char becomes something else (`vocab/t2s_context.txt`).

use std::{fmt::Write as _, fs, path::Path};

/// The words in which fast2s converts a char otherwise, or not at all.
pub const CONTEXT: &str = "src/vocab/t2s_context.txt";

/// Writes `t2s.rs` into `out`.
pub fn write(out: &Path) {
    let pairs = alone();
    let context = context(&fs::read_to_string(CONTEXT).expect("read src/vocab/t2s_context.txt"));
    let mut bits = vec![0u64; 0x10000 / 64];
    let mut set = |c: u32| bits[c as usize / 64] |= 1 << (c % 64);
    pairs.iter().for_each(|&(from, _)| set(from.into()));
    context.iter().for_each(|r| set(r.from as u32));
    let mut src = String::new();
    let hex = |v: &mut String, w: &dyn std::fmt::LowerHex| write!(v, "{w:#x}, ").expect("a String");
    src.push_str("static T2S_TOUCHED: [u64; 0x10000 / 64] = [");
    bits.iter().for_each(|w| hex(&mut src, w));
    write!(src, "];\nstatic T2S_FROM: [u16; {}] = [", pairs.len()).expect("a String");
    pairs.iter().for_each(|(f, _)| hex(&mut src, f));
    write!(src, "];\nstatic T2S_TO: [u16; {}] = [", pairs.len()).expect("a String");
    pairs.iter().for_each(|(_, t)| hex(&mut src, t));
    write!(
        src,
        "];\nstatic T2S_CONTEXT: [InWord; {}] = [",
        context.len()
    )
    .expect("a String");
    for r in &context {
        let [a, b] = r.word;
        write!(
            src,
            "InWord {{ word: ['{a}', '{b}'], from: '{}', to: '{}' }}, ",
            r.from, r.to
        )
        .expect("a String");
    }
    src.push_str("];\n");
    fs::write(out.join("t2s.rs"), src).expect("write t2s.rs");
}

/// Each char fast2s changes alone and what it becomes, sorted: found by converting every char
/// of the plane once between spaces (no context rule names a space). Every char it changes is
/// three bytes long in UTF-8, so a `u16` holds it.
fn alone() -> Vec<(u16, u16)> {
    let chars: Vec<char> = ('\u{800}'..='\u{FFFF}').collect();
    let mut probe = String::with_capacity(chars.len() * 4);
    for &c in &chars {
        probe.push(c);
        probe.push(' ');
    }
    let out: Vec<char> = fast2s::convert(&probe).chars().collect();
    assert_eq!(
        out.len(),
        chars.len() * 2,
        "fast2s is no longer char for char"
    );
    let to_u16 = |c: char| u16::try_from(c as u32).expect("a char of the plane");
    chars
        .iter()
        .zip(out.iter().step_by(2))
        .filter(|(c, d)| c != d)
        .map(|(&c, &d)| (to_u16(c), to_u16(d)))
        .collect()
}

/// A rule of `t2s_context.txt`: in `word`, `from` becomes `to`.
struct InWord {
    word: [char; 2],
    from: char,
    to: char,
}

/// The lines of `t2s_context.txt`: `WORD FROM TO`, a two-char word, the char of it the rule is
/// for, and what that char becomes there (itself: it stays).
fn context(src: &str) -> Vec<InWord> {
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<Vec<char>> = l.split_whitespace().map(chars).collect();
            match cols.as_slice() {
                [w, f, t] if w.len() == 2 && f.len() == 1 && t.len() == 1 && w.contains(&f[0]) => {
                    InWord {
                        word: [w[0], w[1]],
                        from: f[0],
                        to: t[0],
                    }
                }
                _ => panic!("{CONTEXT}: not WORD FROM TO: {l}"),
            }
        })
        .collect()
}
