//! Unicode normalisation: OCR engines and PDF extractors often write "å" as "a" plus a
//! combining ring; everything downstream compares NFC text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::tokenize::{tokenize, TokenKind};
use crate::{Edit, EditKind, Span};

/// Edits that bring `text` to NFC, one per token that is not already NFC.
pub fn edits(text: &str) -> Vec<Edit> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Combining marks are not word characters, so take each word with the marks after it.
    let toks = tokenize(text);
    let mut i = 0;
    while i < toks.len() {
        let start = toks[i].span.start;
        let mut end = toks[i].span.end;
        let mut j = i + 1;
        while j < toks.len() && toks[j].kind == TokenKind::Punct && is_combining(toks[j].span.of(text)) {
            end = toks[j].span.end;
            j += 1;
        }
        let s = &text[start..end];
        let nfc: String = s.nfc().collect();
        if nfc != s {
            out.push(Edit::new(text, Span::new(start, end), nfc, EditKind::Normalize, 1.0, "Unicode NFC"));
        }
        i = j;
    }
    out
}

fn is_combining(s: &str) -> bool {
    s.chars().all(unicode_normalization::char::is_combining_mark)
}
