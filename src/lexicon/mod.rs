//! The Swedish lexicon: is this a word, how frequent is it, and how does it split into
//! compound parts.
//!
//! The data is the full-form expansion of the Hunspell dictionary "Den stora svenska
//! ordlistan" with each form's compound role, ranked by wordfreq's Swedish frequencies and
//! extended by putsa's extras list (see `dictionaries/README.md`). The build script turns it
//! into flat-array tries (module `trie`) of the forms and of their diacritic skeletons (each
//! skeleton's forms and their entries in a blob) and the reference corpus's counts
//! into a flat table (module `ngrams`), all embedded in the binary; [`Lexicon::embedded`] opens
//! them in place.
//!
//! # Performance considerations
//! Opening the embedded lexicon costs well under a microsecond and no heap beyond a few
//! pointers; the tables (about 32 MB) live in the binary's read-only data and are paged in on
//! use. A word lookup costs about 100 ns (`benches/lexicon.rs`: 9.6 million a second), one
//! with compound analysis about 200 ns on average, a few microseconds for a long compound.

mod case_flags;
pub(crate) mod compound;
#[cfg(test)]
mod flatten;
mod hash;
pub(crate) mod ngrams;
pub(crate) mod roles;
pub mod skeleton;
pub(crate) mod trie;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

pub use compound::Compound;
use ngrams::NGrams;
use trie::Trie;

/// Bytes at an 8-byte boundary, so that the flat trie's arrays are read in place.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);
static FORMS: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/forms.trie")));
static SKELETONS: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/skeletons.trie")));
static SKELETON_FORMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skeleton-forms.bin"));
static NGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ngrams.bin"));

static EMBEDDED: LazyLock<Arc<Data>> = LazyLock::new(|| Arc::new(open_data()));

fn open_data() -> Data {
    Data {
        forms: Trie::new(&FORMS.0),
        skeletons: Trie::new(&SKELETONS.0),
        ngrams: NGrams::new(NGRAMS),
    }
}

/// Opens the embedded maps anew, bypassing the shared copy: what a cold start costs.
/// For benchmarks; use [`Lexicon::embedded`].
#[doc(hidden)]
pub fn open_embedded_uncached() -> Lexicon {
    Lexicon {
        data: Arc::new(open_data()),
        user: Arc::new(HashMap::new()),
    }
}

struct Data {
    forms: Trie<'static>,
    skeletons: Trie<'static>,
    ngrams: NGrams,
}

/// An error while loading a user word list.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The word list could not be read.
    #[error("cannot read word list {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the word list is not a word.
    #[error("{path}:{line}: not a word: {text:?}")]
    BadLine {
        /// The file.
        path: String,
        /// The 1-based line number.
        line: usize,
        /// The offending text.
        text: String,
    },
}

/// What the lexicon knows about one spelling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    roles: u64,
    zipf: u16,
}

impl Entry {
    fn from_value(v: u64) -> Entry {
        Entry {
            roles: v & 0xffff,
            zipf: (v >> 16) as u16,
        }
    }
    /// A word on its own.
    pub fn is_word(self) -> bool {
        self.roles & roles::WORD != 0 && self.roles & roles::FORBIDDEN == 0
    }
    /// May begin a compound.
    pub fn can_begin(self) -> bool {
        self.roles & roles::BEGIN != 0
    }
    /// May sit inside a compound.
    pub fn can_middle(self) -> bool {
        self.roles & roles::MIDDLE != 0
    }
    /// May end a compound.
    pub fn can_end(self) -> bool {
        self.roles & roles::END != 0
    }
    /// The dictionary rejects this form.
    pub fn is_forbidden(self) -> bool {
        self.roles & roles::FORBIDDEN != 0
    }
    /// Correct, but not to be suggested.
    pub fn no_suggest(self) -> bool {
        self.roles & roles::NO_SUGGEST != 0
    }
    /// A frequent word no other word reads as through the OCR channel within the real-word
    /// budget: the word stage need not look for its look-alikes.
    pub(crate) fn is_lone(self) -> bool {
        self.roles & roles::LONE != 0
    }
    /// Zipf frequency (log10 of occurrences per billion words); 0 when unknown.
    pub fn zipf(self) -> f32 {
        self.zipf as f32 / 100.0
    }
}

/// The Swedish lexicon, with optional user words. Cheap to clone.
#[derive(Clone)]
pub struct Lexicon {
    data: Arc<Data>,
    user: Arc<HashMap<String, Entry>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("forms", &self.data.forms.len())
            .field("user_words", &self.user.len())
            .finish()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::embedded()
    }
}

/// Does `token` lower to itself, as `str::to_lowercase` lowers it?
pub(crate) fn is_lower_case(token: &str) -> bool {
    // By bytes while they are ASCII or Latin-1 (U+0080-U+00BF, and U+00DF-U+00FF: "å",
    // "ä", "ö", "é", each its own lower case), which is nearly every Swedish word: the
    // characters' lowering is asked for only from the first other character on.
    let b = token.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match (x, b.get(i + 1)) {
            (..0x80, _) if x.is_ascii_uppercase() => return false,
            (..0x80, _) => i += 1,
            (0xc2, Some(_)) => i += 2,
            (0xc3, Some(&y)) if y >= 0x9f => i += 2,
            _ => return lower_from(&token[i..]),
        }
    }
    true
}

/// [`is_lower_case`] of a token's rest from its first character beyond the fast path.
fn lower_from(token: &str) -> bool {
    token.chars().all(|c| match c {
        'a'..='z' | 'å' | 'ä' | 'ö' | 'é' => true,
        _ if c.is_ascii() => !c.is_ascii_uppercase(),
        _ => {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    })
}

/// `token` in lower case, borrowed when it is already (most tokens are).
pub(crate) fn lower_case(token: &str) -> Cow<'_, str> {
    if is_lower_case(token) {
        Cow::Borrowed(token)
    } else {
        Cow::Owned(token.to_lowercase())
    }
}

/// How a token's case relates to a lexicon form.
fn case_variants(token: &str) -> impl Iterator<Item = Cow<'_, str>> {
    // Most tokens are lower case already: they are their only variant, with no allocation.
    if is_lower_case(token) {
        // No capital to lower, and no capitals to write the capitalised form of (a caseless
        // script's would be the token itself again).
        return [Some(Cow::Borrowed(token)), None, None]
            .into_iter()
            .flatten();
    }
    let lower: Cow<'_, str> = Cow::Owned(token.to_lowercase());
    let mut chars = token.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars.clone().all(|c| !c.is_uppercase());
    let all_upper = token.chars().filter(|c| c.is_alphabetic()).count() > 1
        && token.chars().all(|c| !c.is_lowercase());
    let changed = lower != token;
    let capitalised = all_upper.then(|| {
        let mut t = String::with_capacity(lower.len());
        let mut lc = lower.chars();
        if let Some(c) = lc.next() {
            t.extend(c.to_uppercase());
        }
        t.push_str(lc.as_str());
        Cow::Owned(t)
    });
    let lower = (((first_upper && rest_lower) || all_upper) && changed).then_some(lower);
    [Some(Cow::Borrowed(token)), lower, capitalised]
        .into_iter()
        .flatten()
}

impl Lexicon {
    /// The lexicon built into the binary (shared; the first call opens it).
    pub fn embedded() -> Lexicon {
        Lexicon {
            data: EMBEDDED.clone(),
            user: Arc::new(HashMap::new()),
        }
    }

    /// Adds user words (exact spellings; a capitalised name is accepted only capitalised).
    pub fn with_words<I, S>(mut self, words: I) -> Lexicon
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let user = Arc::make_mut(&mut self.user);
        for w in words {
            let w: String =
                unicode_normalization::UnicodeNormalization::nfc(w.as_ref().trim()).collect();
            if !w.is_empty() {
                user.insert(
                    w,
                    Entry {
                        roles: roles::WORD | roles::BEGIN | roles::END,
                        zipf: 300,
                    },
                );
            }
        }
        self
    }

    /// Adds the words of a file, one per line; `#` starts a comment.
    pub fn with_word_file(self, path: impl AsRef<Path>) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Read {
            path: name.clone(),
            source,
        })?;
        let mut words = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let w = line.split('#').next().unwrap_or("").trim();
            if w.is_empty() {
                continue;
            }
            if w.chars().any(char::is_whitespace) || !w.chars().any(char::is_alphanumeric) {
                return Err(LexiconError::BadLine {
                    path: name,
                    line: i + 1,
                    text: w.to_string(),
                });
            }
            words.push(w.to_string());
        }
        Ok(self.with_words(words))
    }

    /// Has the lexicon words of the user's beside the built-in list?
    pub(crate) fn has_user_words(&self) -> bool {
        !self.user.is_empty()
    }

    /// Number of forms in the built-in list (standalone words and compound parts).
    pub fn len(&self) -> usize {
        self.data.forms.len() + self.user.len()
    }

    /// Always false: the built-in list is never empty.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The entry of exactly this spelling, if the lexicon has it.
    pub fn exact(&self, form: &str) -> Option<Entry> {
        if let Some(e) = self.user.get(form) {
            return Some(*e);
        }
        self.data.forms.get(form.as_bytes()).map(Entry::from_value)
    }

    /// The entry that `token` spells, case-aware: "Borås" and sentence-initial "Nämnden"
    /// and "NÄMNDEN" are found, "borås" is not.
    pub fn lookup(&self, token: &str) -> Option<Entry> {
        let mut best: Option<Entry> = None;
        for v in case_variants(token) {
            if let Some(e) = self.exact(&v) {
                if e.is_word() {
                    return Some(e);
                }
                best.get_or_insert(e);
            }
        }
        best
    }

    /// Is `token` a Swedish word on its own (list word, user word or valid compound)?
    ///
    /// ```
    /// let lex = putsa::Lexicon::embedded();
    /// assert!(lex.is_word("nämnden"));
    /// assert!(lex.is_word("vuxenutbildningsnämnden"));
    /// assert!(!lex.is_word("nimnden"));
    /// assert!(!lex.is_word("genomfort"));
    /// ```
    pub fn is_word(&self, token: &str) -> bool {
        self.is_list_word(token) || self.compound(token).is_some()
    }

    /// Is `token` in the word list itself (no compound analysis)?
    pub fn is_list_word(&self, token: &str) -> bool {
        self.lookup(token).is_some_and(Entry::is_word)
    }

    /// Zipf frequency of the word `token` spells (0 when unknown).
    pub fn zipf(&self, token: &str) -> f32 {
        case_variants(token)
            .filter_map(|v| self.exact(&v))
            .map(Entry::zipf)
            .fold(0.0, f32::max)
    }

    /// The compound analysis of `token`, if it is a valid compound of two or more parts.
    pub fn compound(&self, token: &str) -> Option<Compound> {
        compound::analyse(self, token)
    }

    /// The forms whose skeleton (lower case, diacritics folded) is `skeleton`, with entries.
    pub fn by_skeleton(&self, skeleton: &str, f: impl FnMut(&str, Entry)) {
        if let Some(v) = self.data.skeletons.get(skeleton.as_bytes()) {
            self.skeleton_forms(v, skeleton, f);
        }
    }

    /// The forms of `skeleton`, whose map value is `v` (as a walk of the skeleton map finds
    /// it), with entries: read from the blob, without a lookup per form.
    pub(crate) fn skeleton_forms(&self, v: u64, skeleton: &str, mut f: impl FnMut(&str, Entry)) {
        let (len, start) = (((v >> 16) & 0xffff) as usize, (v >> 32) as usize);
        let mut blob = &SKELETON_FORMS[start..start + len];
        while let Some((&n, rest)) = blob.split_first() {
            let (form, rest) = rest.split_at(n as usize);
            let (value, rest) = rest.split_at(4);
            blob = rest;
            // Length 0: the skeleton itself.
            let form = match n {
                0 => skeleton,
                _ => std::str::from_utf8(form).expect("skeleton blob holds UTF-8 forms"),
            };
            let stored = Entry::from_value(u64::from(u32::from_le_bytes([
                value[0], value[1], value[2], value[3],
            ])));
            // A user word of the same spelling speaks for itself.
            let e = match self.user.is_empty() {
                true => stored,
                false => self.user.get(form).copied().unwrap_or(stored),
            };
            f(form, e);
        }
    }

    /// The forms map, for prefix walks.
    pub(crate) fn forms_map(&self) -> &Trie<'static> {
        &self.data.forms
    }

    /// The skeleton map, for prefix walks and fuzzy search.
    pub(crate) fn skeleton_map(&self) -> &Trie<'static> {
        &self.data.skeletons
    }

    /// Count of a lower-case word, or of "w1 w2" or "w1 w2 w3", in the reference corpus.
    ///
    /// ```
    /// let lex = putsa::Lexicon::embedded();
    /// assert!(lex.corpus_count("nämnden") > lex.corpus_count("nämnden få"));
    /// assert!(lex.corpus_count("nämnden få") >= lex.corpus_count("nämnden få tillfälle"));
    /// assert!(lex.corpus_count("nämnden få tillfälle") > 0);
    /// assert_eq!(lex.corpus_count("nimnden"), 0);
    /// assert_eq!(lex.corpus_count("nämnden nimnden"), 0);
    /// ```
    pub fn corpus_count(&self, key: &str) -> u64 {
        self.data.ngrams.count_of(key)
    }

    /// Number of tokens of the reference corpus.
    pub fn corpus_tokens(&self) -> u64 {
        self.data.ngrams.tokens()
    }

    /// The corpus counts, for the context model.
    pub(crate) fn ngrams(&self) -> &NGrams {
        &self.data.ngrams
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_case_test_answers_as_lowering_does() {
        // Every character below U+0800 (Latin, Greek with its final sigma, Cyrillic, ...),
        // alone and after letters of either case, and a few beyond.
        let beyond = ['ẞ', 'ǅ', 'ϒ', 'ᾈ', 'Ω', 'K', '𝐀', '漢', 'İ'];
        let chars = (0..0x800u32).filter_map(char::from_u32).chain(beyond);
        for c in chars {
            for s in [
                c.to_string(),
                format!("ab{c}"),
                format!("Å{c}x"),
                format!("{c}ö"),
            ] {
                assert_eq!(is_lower_case(&s), s.to_lowercase() == s, "{s:?}");
                assert_eq!(lower_case(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }
}
