//! The repeated section: paragraphs that repeat an earlier one.

use crate::{Edit, Options};

/// Removals of paragraphs of `text` (after word repair) that repeat an earlier paragraph.
pub fn edits(_text: &str, _options: &Options) -> Vec<Edit> {
    Vec::new()
}
