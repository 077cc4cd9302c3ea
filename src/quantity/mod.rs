//! The first stage after the text: every quantity in the normalised text (number, scale, unit,
//! bound) and how numbers are written. It hands [`Quantity`]s, in text order, to [`crate::read`].
//!
//! - [`number`]: numerals as written (Arabic, Chinese, scale words) into values.
//! - [`unit`]: what a number is counted in.
//! - [`scan`]: a quantity's number, unit and bound from the words glued to it.
//! - [`decimal`]: decimal text to the nearest float, as `str::parse` reads it (smaller).
//! - [`format`]: a value written back out (used by the scan and by [`crate::render`]).

pub mod decimal;
pub mod format;
pub mod number;
pub mod scan;
pub mod unit;

pub use scan::{scan, Quantity};
pub use unit::Unit;
