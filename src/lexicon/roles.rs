//! Role bits of a lexicon form, shared by the build script and the library.
#![allow(dead_code)] // the build script uses only some of them

/// A word on its own (not only a compound part).
pub const WORD: u64 = 1;
/// May begin a compound.
pub const BEGIN: u64 = 1 << 1;
/// May sit in the middle of a compound.
pub const MIDDLE: u64 = 1 << 2;
/// May end a compound.
pub const END: u64 = 1 << 3;
/// Correct, but never to be suggested (offensive or very rare).
pub const NO_SUGGEST: u64 = 1 << 4;
/// Forbidden: the dictionary rejects this form even as a compound.
pub const FORBIDDEN: u64 = 1 << 5;
/// From the project's extras list (abbreviations, hyphenated names).
pub const EXTRA: u64 = 1 << 6;
/// In the skeleton map: the skeleton itself is a form.
pub const IDENTITY: u64 = 1 << 7;
/// In the forms map: a frequent word that OCR cannot have made of another word, for no other
/// word reads as it within the real-word budget (listed in `dictionaries/sv-lone.txt.gz`,
/// which a test checks against the candidate walk). Forms only, never a skeleton's roles.
pub const LONE: u64 = 1 << 8;

/// Parses the role letters of `dictionaries/sv-forms.tsv.gz`.
pub fn parse(letters: &str) -> u64 {
    letters.chars().fold(0, |acc, c| {
        acc | match c {
            'w' => WORD,
            'b' => BEGIN,
            'm' => MIDDLE,
            'e' => END,
            'n' => NO_SUGGEST,
            'f' => FORBIDDEN,
            _ => 0,
        }
    })
}
