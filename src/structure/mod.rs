//! From OCR pages to the document's text: page furniture, paragraphs, hyphenation, list
//! markers and the Swedish dash.

use crate::{Edit, Lexicon, Options};

/// The structure stage's edits on `text` (NFC, pages separated by form feeds).
pub fn edits(_text: &str, _lexicon: &Lexicon, _options: &Options) -> Vec<Edit> {
    Vec::new()
}
