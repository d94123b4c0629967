//! Word repair: OCR-aware candidates from the lexicon, compounds part by part, and context.

use crate::{Edit, Lexicon, Options};

/// Edits of the word stage: `(applied, suggested)`; suggestions fall below the confidence
/// threshold and are only reported.
pub fn edits(_text: &str, _lexicon: &Lexicon, _options: &Options) -> (Vec<Edit>, Vec<Edit>) {
    (Vec::new(), Vec::new())
}
