//! The text stage: raw pasted input (HTML, full-width forms, Traditional script, broken lines,
//! page furniture) into one clean normalised text with a map back to every input char, and that
//! text cut into lines, sentences and clauses. It hands [`normalize::Normalized`] and
//! [`segment::Line`]s to the quantity scan and the reader.
//!
//! - [`script`]: the one set of character classes (Han, wide, foreign) every stage reads.
//! - [`normalize`]: the normalising passes and the offset map.
//! - [`segment`]: lines, sentences, clauses, and which lines are page furniture.

pub mod normalize;
pub mod script;
pub mod segment;
