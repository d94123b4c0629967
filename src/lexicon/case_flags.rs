//! The case flags of a word's corpus count (its top three bits), shared by the build script,
//! which sets them from `dictionaries/sv-capitals.tsv.gz`, and the n-gram table, which reads
//! them: one definition, so that both sides agree on every bit and threshold.
#![allow(dead_code)] // the library reads the bits, the build script the thresholds too

/// After a word written in lower case, the corpus writes this word with a capital at most
/// [`CAPITAL_AFTER_WORD`] of the time (and has seen it there at least [`MIN_CASE_SEEN`]
/// times): "vid", "sig", "staten", not "Sverige" or "Statens".
pub const WRITTEN_LOWER: u32 = 1 << 31;
/// A word written after this one (itself in lower case) has a capital at most
/// [`CAPITAL_NEXT`] of the time (seen at least [`MIN_CASE_SEEN`] times): "som", "sig", not
/// "rapporten" (titles follow it) or "till" (names do).
pub const PLAIN_NEXT: u32 = 1 << 30;
/// After a word written in lower case, the corpus writes this word with a capital at least
/// [`CAPITAL_NAME`] of the time (seen there at least [`MIN_CASE_SEEN`] times): a name the
/// lexicon spells as a common word ("Åklagarmyndigheten"; not "länsstyrelsen", capitalised
/// two times in three).
pub const WRITTEN_CAPITAL: u32 = 1 << 29;
/// The bits below the flags: the count itself.
pub const COUNT: u32 = (1 << 29) - 1;

/// Fewest times a word must be seen in a place before its case there is a flag.
pub const MIN_CASE_SEEN: u32 = 20;
/// Most share of capitals for [`WRITTEN_LOWER`].
pub const CAPITAL_AFTER_WORD: f64 = 0.02;
/// Most share of capitals after the word for [`PLAIN_NEXT`].
pub const CAPITAL_NEXT: f64 = 0.15;
/// Least share of capitals for [`WRITTEN_CAPITAL`].
pub const CAPITAL_NAME: f64 = 0.8;
