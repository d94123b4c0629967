//! Word repair: OCR-aware candidates from the lexicon, compounds part by part, and context.
//!
//! For each word the stage asks: is it a word? If not, which words could OCR have turned into
//! it ([`candidates`], read through the learned OCR channel, module `channel`)? If it is, is
//! another word that OCR confuses with it more likely here ("for" / "för")? Candidates are
//! ranked by a noisy channel: `P(token | word) · P(word | neighbours)`, the second from the
//! corpus word-pair model (module `context`). The document's own damage rate — the share of
//! tokens the lexicon rejects — sets how much a known word is trusted: on good OCR, real words
//! are left alone, and under 1 % rejected they are not questioned at all.
//!
//! # Performance considerations
//! A known word costs one or two map lookups, and a walk for its OCR look-alikes the first
//! time it is seen, unless the lexicon marks it as having none (most frequent words: see
//! `dictionaries/sv-lone.txt.gz`, checked against the walk by a test; a capitalised word
//! too, where the channel never reads its capital as anything else). A rejected token
//! costs a cost-bounded walk of the skeleton trie (about 15,000 instructions with its
//! pricing), and a compound repair one walk per reachable part boundary (about 60,000 for
//! the search). The cleaner's [`Cache`] keeps every token's candidates
//! and lexicon answers for the next document; the context words of a document are interned
//! once (module `vocab`), and what the candidates at one place share is looked up once
//! (`context::Place`).

pub mod candidates;
pub(crate) mod channel;
pub(crate) mod context;
mod explain;
mod lexical;
mod strings;
mod vocab;

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

pub use candidates::Candidate;
pub use explain::{explain, Explanation, Scored};

use crate::lexicon::{is_lower_case, Entry};
use crate::tokenize::{is_letter, tokenize, Token, TokenKind};
use crate::{Edit, EditKind, Lexicon, Options, Span};
use candidates::Search;
use context::{Key, Model, Place};
use lexical::Lexical;
use strings::StrMap;
use vocab::{Ix, Vocab};

/// What is known of tokens already seen, shared by every document a cleaner cleans (it
/// depends on the token alone): candidates, lexicon answers and unigram estimates. Each map
/// is bounded: cleared when it holds [`Cache::LIMIT`] tokens.
#[derive(Debug, Default)]
pub struct Cache {
    unknown: Memo<Arc<Vec<Candidate>>>,
    /// For a rejected token not in `unknown`: the largest budget within which it is known
    /// to have no candidate at all (see [`Cache::candidates`]).
    bare: Memo<f32>,
    known: Memo<Arc<Vec<(Candidate, f32)>>>,
    /// What [`Lexicon::lookup`] finds for a token.
    pub(crate) entries: Memo<Option<Entry>>,
    pub(crate) compounds: Memo<lexical::Parts>,
    pub(crate) unigrams: Memo<f64>,
}

pub(crate) type Memo<T> = Mutex<StrMap<T>>;

/// A rejected token's candidates.
type Candidates = Arc<Vec<Candidate>>;

/// A known word's look-alikes, with the zipf gain of a changed compound part.
type Alternatives = Arc<Vec<(Candidate, f32)>>;

impl Clone for Cache {
    /// A copy of what is known now; the copy and the original no longer share.
    fn clone(&self) -> Cache {
        fn copy<T: Clone>(m: &Memo<T>) -> Memo<T> {
            Mutex::new(m.lock().unwrap_or_else(|e| e.into_inner()).clone())
        }
        Cache {
            unknown: copy(&self.unknown),
            bare: copy(&self.bare),
            known: copy(&self.known),
            entries: copy(&self.entries),
            compounds: copy(&self.compounds),
            unigrams: copy(&self.unigrams),
        }
    }
}

impl Cache {
    /// Most tokens kept per map before it is cleared.
    pub const LIMIT: usize = 200_000;

    /// The value of `token` in `map`, made and remembered if it is not there.
    pub(crate) fn get<T: Clone>(map: &Memo<T>, token: &str, make: impl FnOnce() -> T) -> T {
        if let Some(v) = Self::find(map, token) {
            return v;
        }
        let v = make();
        Self::put(map, token, v.clone());
        v
    }

    /// The value of `token` in `map`, if it is there.
    fn find<T: Clone>(map: &Memo<T>, token: &str) -> Option<T> {
        map.lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(token)
            .cloned()
    }

    /// Remembers `v` for `token` in `map`.
    fn put<T>(map: &Memo<T>, token: &str, v: T) {
        let mut m = map.lock().unwrap_or_else(|e| e.into_inner());
        if m.len() >= Self::LIMIT {
            m.clear();
        }
        m.insert(token, v);
    }

    fn unknown(&self, token: &str, make: impl FnOnce() -> Vec<Candidate>) -> Arc<Vec<Candidate>> {
        Self::get(&self.unknown, token, || Arc::new(make()))
    }

    /// The candidates of rejected token `key` (spelled `token`), on a page whose readings
    /// cost `extra` more than the channel's: none can be taken that costs more than
    /// [`keep_budget`] less `extra`. So a search within that smaller budget comes first, and
    /// when it finds nothing (most names and foreign words on a good page), the token has
    /// no candidate that matters: the search within the whole budget is not made.
    /// Otherwise the whole search is, and its answer is the same as on any page.
    ///
    /// (The walk prices a reading at the cost of its path, which for a letter OCR dropped at
    /// a rare cost is an arbitrary edit: a reading the channel prices just under the smaller
    /// budget may be missed, as the whole search misses such readings at its own edge. On
    /// the held-out clean pages of `tools/heldout_clean.py` one edit of 84 went.)
    fn candidates(&self, lex: &Lexicon, key: &str, token: &str, extra: f64) -> Candidates {
        let whole = || candidates_for(lex, token);
        if extra < MIN_EXTRA_FOR_BARE {
            return self.unknown(key, whole);
        }
        if let Some(c) = Self::find(&self.unknown, key) {
            return c;
        }
        let within = (keep_budget(token) - extra) as f32;
        if Self::find(&self.bare, key).is_some_and(|b| b >= within) {
            return Candidates::default();
        }
        // (Past the test above, any budget remembered is below this one.)
        if candidates_within(lex, token, within).is_empty() {
            Self::put(&self.bare, key, within);
            return Candidates::default();
        }
        self.unknown(key, whole)
    }

    fn known(
        &self,
        token: &str,
        make: impl FnOnce() -> Vec<(Candidate, f32)>,
    ) -> Arc<Vec<(Candidate, f32)>> {
        Self::get(&self.known, token, || Arc::new(make()))
    }
}

/// The damage rate the channel table was learned at: documents damaged less than this get
/// dearer non-identity readings.
const REFERENCE_DAMAGE: f64 = 0.12;
/// Below this damage rate the real words of a document are taken as they are: the price
/// of a non-identity reading is at its highest ([`MAX_EXTRA`]) from a damage rate of 0.8 %,
/// and on the development set's good OCR (Swedish model, 0.2-0.9 % rejected) and on its
/// printed text no real word was ever changed; skipping the search makes clean text fast.
/// Clean prose the lexicon has not seen is rejected at up to a few per cent (names, foreign
/// words, abbreviations): on held-out corpus pages every real-word change between 1 % and
/// 5 % was wrong ("hans far" -> "får", "innebar" -> "innebär", "på äldre dar" -> "där").
/// (A text of a few lines is rated near the estimate's prior of 10 %, so is never trusted.)
const TRUSTED_DAMAGE: f64 = 0.05;
/// The most a clean document adds to every non-identity reading (log10).
const MAX_EXTRA: f64 = 1.2;
/// Below this extra cost the smaller search of [`Cache::candidates`] saves too little to
/// be worth making first.
const MIN_EXTRA_FOR_BARE: f64 = 0.25;
/// Below this damage rate a rejected compound is not repaired by changing a part that is a
/// word as it stands ("samordnings" + "råd" read as "rad", "signatär" + "skapet" as "skåpet"):
/// the dictionary's compound roles miss many real compounds, and on a page where fewer than
/// one word in ten is rejected such a token is far more often one of them than damage. The
/// development set's pages are rejected at 0.2-0.9 % (good OCR) or 21-37 % (English-model
/// OCR); most clean pages of held-out corpus text below 5 %.
const LIGHT_DAMAGE: f64 = 0.1;
/// What the lexicon's rejection costs a token that the corpus has (log10): such a token is
/// left as it is when its own context fit, less this, beats its best reading ("Ds 2016:25",
/// "Mr David Cairns", "Council on Foreign Relations"). On the development set no repair
/// changes from 1 up; 0 loses OCR's "dir" for "där", which the corpus has as an abbreviation.
const CORPUS_WORD_PENALTY: f64 = 2.0;
/// A rejected token is left as it is when its best reading costs more than this (log10 of
/// the channel), plus [`KEEP_PER_LETTER`] a character (letter, or digit or "|" among the
/// letters, which add [`KEEP_PER_GLYPH`] more): a long token that many readings fit
/// with cheap OCR confusions is damage; a short one that needs arbitrary edits is more
/// likely a name, code or abbreviation.
const KEEP_COST: f64 = 2.4;
const KEEP_PER_LETTER: f64 = 0.16;
/// A digit or a "|" among a word's letters is OCR's: the token as it stands cannot be right,
/// so each raises what a reading may cost.
const KEEP_PER_GLYPH: f64 = 0.6;
/// A real word must lose by this margin (log10: its look-alike ten times as likely in
/// context) before it is replaced. At 0.5, OCR of unseen pages (`tools/heldout_ocr.py`, 200
/// and 300 dpi) showed real words changed on the unigram prior alone, every pair around them
/// unseen in the corpus: "som stod klaganden till buds" -> "stöd" (by 0.82), "samman starka
/// forskningsmiljöer" -> "stärka" (by 0.94); changes between 0.5 and 1.0 there and on the
/// development set were right about four times in five, each harm dearer than a fix is worth.
const REAL_WORD_MARGIN: f64 = 1.0;
/// The margin for a look-alike the document's own word pairs speak for (a name: "Boris Stad"
/// where the document writes "Borås Stad"): evidence beyond frequency.
const DOC_EVIDENCE_MARGIN: f64 = 0.5;
/// Bonus (log10) for a candidate the document spells correctly elsewhere.
const SEEN_EVIDENCE: f64 = 0.7;
/// A capitalised unknown token that recurs in one spelling is more likely a name: its
/// reading must be this much cheaper (log10) before it is repaired.
const NAME_RECURS: f64 = 1.0;
/// A capitalised unknown token mid-sentence is often a name: its reading must be this much
/// cheaper (log10) before it is repaired.
const NAME_MID_SENTENCE: f64 = 0.5;
/// Weight of the document's own word pairs as evidence for a name ("Borås Stad" elsewhere).
const DOC_PAIR_EVIDENCE: f64 = 2.5;
/// A valid compound must lose by this margin before one of its parts is changed.
const COMPOUND_MARGIN: f64 = 1.0;
/// Weight of a changed compound part's frequency gain.
const PART_GAIN: f64 = 0.6;
/// A rejected token's candidates are searched for only within this much (log10) of its
/// cheapest reading, less [`SLACK_PER_LETTER`] for every letter beyond four, down to
/// [`MIN_SLACK`]: a reading 300 times less likely than the best must be preferred by the
/// context that much to win, and the longer the word, the fewer words compete with it (on
/// the development set no chosen reading was more than 10^2.3 behind the cheapest, none of
/// eight letters or more 10^0.7). It bounds the walk for long tokens, whose budget
/// ([`keep_budget`]) is large.
const READING_SLACK: f32 = 2.5;
const SLACK_PER_LETTER: f32 = 0.15;
const MIN_SLACK: f32 = 1.2;
/// Walk budget (log10 channel cost) for a real word's alternatives: up to a misreading the
/// development set shows a dozen times in ten thousand, such as "att" read as the real word
/// "art" (3.07: the legacy engine merges a double "t").
const REAL_WORD_BUDGET: f32 = 3.1;

/// Words that join the halves of a coordination ("hälso- och sjukvård").
const COORDINATORS: &[&str] = &[
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "alternativt",
    "liksom",
    "som",
    "till",
];

/// How a word token stands in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// A list word (or abbreviation with its period, or user word).
    Known,
    /// Accepted only as a compound.
    Compound,
    /// Rejected: a repair candidate.
    Unknown,
    /// Not to be touched (acronym, code, number-like).
    Skip,
}

/// One unit the stage decides on: a word token or a hyphen part of one.
#[derive(Clone, Debug)]
struct Unit {
    span: Span,
    status: Status,
    /// Left and right context keys (filled as decisions are made).
    sentence_start: bool,
    /// Index of the previous / next unit in the same sentence, if adjacent.
    prev: Option<usize>,
    next: Option<usize>,
    /// A glyph that may stand for a one-letter word.
    special: Option<Special>,
    /// The first half of a coordination, its hyphen written ("hälso- och sjukvård"): a
    /// compound's first part, not a word.
    first_part: bool,
    /// First on its line, and the line not the wrapped rest of the one before (a heading or
    /// list item may start there without a period before).
    line_start: bool,
}

impl Unit {
    /// A unit not yet linked to its neighbours, with no special glyph.
    fn new(span: Span, status: Status, sentence_start: bool) -> Unit {
        Unit {
            span,
            status,
            sentence_start,
            prev: None,
            next: None,
            special: None,
            first_part: false,
            line_start: false,
        }
    }

    /// Does a sentence, heading or list item start here, so that a capital is the writer's?
    /// (A wrapped line of running text starts mid-sentence: a capital there, "Overstiger",
    /// is OCR's "Ö" for "ö"; see [`wrapped_into`].)
    fn starts(&self) -> bool {
        self.sentence_start || self.line_start
    }
}

/// Glyphs OCR writes for the one-letter word "i"/"I".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Special {
    /// A "1" standing alone: the word "i" between two words of running text.
    One,
    /// A "|" standing alone before a word: the word "I".
    Bar,
    /// A "j" standing alone before a word: no Swedish word, but the word "i".
    Jay,
}

fn letters(s: &str) -> usize {
    s.chars().filter(|&c| is_letter(c)).count()
}

fn is_acronym(s: &str) -> bool {
    // Most words fail at their first lower-case letter, before their letters are counted.
    s.chars().all(|c| !c.is_lowercase()) && (2..=6).contains(&letters(s))
}

/// A run of this many capitals after a lower-case start makes a token a code.
const CODE_CAPITALS: usize = 3;

/// The longest run of capitals in `w`.
fn capital_run(w: &str) -> usize {
    let (mut run, mut best) = (0, 0);
    for c in w.chars() {
        run = if c.is_uppercase() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

fn classify<'t>(
    judge: &Lexical<'_, 't>,
    text: &'t str,
    span: Span,
    period_follows: bool,
) -> Status {
    let lex = judge.lexicon();
    let w = span.of(text);
    // A fragment of a word broken at a line end is judged only when joined.
    let after = &text[span.end..];
    let before = &text[..span.start];
    let dash = ['-', '—', '–', '¬', '\u{ad}'];
    let line_end = |s: &str| {
        s.trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r', '\x0c'])
    };
    let fragment_before = after.starts_with(dash)
        && line_end(&after[after.chars().next().map_or(1, char::len_utf8)..])
        && !coordinator_after_dash(judge, w, after);
    // (The line-break test first, by bytes: most words have none before them.)
    let bytes = before.as_bytes();
    let mut k = bytes.len();
    while k > 0 && matches!(bytes[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    let fragment_after = k > 0
        && matches!(bytes[k - 1], b'\n' | b'\x0c')
        && before
            .trim_end_matches(['\n', '\r', ' ', '\t', '\x0c'])
            .ends_with(dash);
    if fragment_before || fragment_after {
        return Status::Skip;
    }
    let (mut n, mut digits) = (0, 0);
    for c in w.chars() {
        if is_letter(c) {
            n += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        }
    }
    let mostly_digits = digits > 0 && (n < 2 || digits * 2 > n + digits);
    if n == 0 || (mostly_digits && !misread_word(text, span)) {
        return Status::Skip;
    }
    if judge.is_list_word(w) {
        return Status::Known;
    }
    if period_follows {
        let with = &text[span.start..span.end + 1];
        if judge.is_list_word(with) {
            return Status::Known;
        }
        // Short tokens before a period are usually abbreviations.
        if n <= 3 && digits == 0 {
            return Status::Skip;
        }
    }
    if is_acronym(w) && digits == 0 {
        return Status::Skip;
    }
    // Mixed case that starts with a capital ("RiR", "KamK"): a code or a name. (Lower case
    // with an inner capital, "fOr", "tillhGrande", is OCR damage.)
    // ("I" inside a word is OCR's "l": "WaIIin".)
    let inner_upper = w
        .chars()
        .skip(1)
        .filter(|&c| c.is_uppercase() && c != 'I')
        .count();
    let all_caps = w.chars().all(|c| !c.is_lowercase());
    if inner_upper > 0 && w.starts_with(char::is_uppercase) && !all_caps {
        return Status::Skip;
    }
    // Lower case before a run of three capitals ("eIDAS", "mRNA"): a code. (OCR puts one or
    // two capitals into a word, not a run.)
    if w.starts_with(char::is_lowercase)
        && inner_upper >= CODE_CAPITALS
        && capital_run(w) >= CODE_CAPITALS
    {
        return Status::Skip;
    }
    // The first half of a coordination ("hälso- och sjukvård", or "Gymnasie och …" where
    // the hyphen was lost) is a compound's first part.
    let next_word = after
        .trim_start_matches(['-', ' '])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let coordination = after.starts_with('-') || COORDINATORS.contains(&next_word);
    if coordination && lex.exact(&w.to_lowercase()).is_some_and(|e| e.can_begin()) {
        return Status::Known;
    }
    if digits == 0 && judge.is_compound(w) {
        return Status::Compound;
    }
    if n == 1 && digits == 0 {
        return Status::Skip;
    }
    Status::Unknown
}

/// Appends `u`, linked to the unit before it when the two are adjacent in a sentence.
fn push_linked(out: &mut Vec<Unit>, u: Unit, linked: bool) {
    let idx = out.len();
    out.push(u);
    if linked && idx > 0 {
        out[idx].prev = Some(idx - 1);
        out[idx - 1].next = Some(idx);
    }
}

/// Top-level domains and file name extensions that mark "name.ext" as an address or a file
/// name ("boras.se", "bilaga.pdf") rather than words with a lost space after a period.
const ADDRESS_ENDINGS: &[&str] = &[
    "biz", "com", "csv", "de", "dk", "doc", "docx", "edu", "eu", "fi", "gif", "gov", "htm", "html",
    "info", "int", "io", "jpeg", "jpg", "json", "md", "net", "no", "nu", "odt", "org", "pdf",
    "png", "ppt", "pptx", "rtf", "se", "tif", "tiff", "txt", "uk", "xls", "xlsx", "xml", "zip",
];

/// Most bytes looked at on either side of a token for the address it may be part of.
const ADDRESS_REACH: usize = 256;

/// Is the token at `span` part of a web or e-mail address or a file name
/// ("www.boras.se/nämnden", "registrator@boras.se", "protokoll_2020.pdf")? Those are no
/// words to repair: a repair would break them. (OCR's "@" for "ö" inside a word,
/// "m@jligheten", is no e-mail address: no domain follows.)
fn in_address(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    // Most words touch nothing that joins the pieces of an address: nothing more to look at.
    let joins = |c: u8| matches!(c, b'.' | b'/' | b'@' | b'_' | b':' | b'-');
    let before = span.start > 0 && joins(b[span.start - 1]);
    let after = b.get(span.end).is_some_and(|&c| joins(c))
        && b.get(span.end + 1)
            .is_some_and(|c| !c.is_ascii_whitespace());
    // A word token holds a period only in a run of short letter runs ("t.ex", "www.ab.se":
    // see `tokenize`), so its first period is within its first seven bytes.
    let head = &b[span.start..span.end.min(span.start + 7)];
    if !before && !after && !head.contains(&b'.') {
        return false;
    }
    let space = |c: &u8| c.is_ascii_whitespace();
    let from = span.start.saturating_sub(ADDRESS_REACH);
    let to = (span.end + ADDRESS_REACH).min(b.len());
    let start = b[from..span.start]
        .iter()
        .rposition(space)
        .map_or(from, |i| from + i + 1);
    let end = b[span.end..to]
        .iter()
        .position(space)
        .map_or(to, |i| span.end + i);
    let run = &b[start..end];
    let dot_inside = run
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric());
    if !dot_inside && !run.iter().any(|&c| matches!(c, b'@' | b'/' | b'_')) {
        return false;
    }
    let Ok(run) = std::str::from_utf8(run) else {
        return false;
    };
    let run = run
        .trim_start_matches(['(', '[', '<', '"', '\'', '”', '»'])
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '”', '»',
        ]);
    let lower = run.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    // An e-mail address: a name, "@", and a domain with a dot.
    if let Some(at) = run.find('@') {
        let domain = &run[at + 1..];
        if at > 0 && domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty()) {
            return true;
        }
    }
    // "name.ext": a domain or a file name.
    match run.rsplit_once('.') {
        Some((name, ext)) => {
            !name.is_empty()
                && name.ends_with(|c: char| c.is_alphanumeric())
                && ADDRESS_ENDINGS.contains(&ext)
        }
        None => false,
    }
}

/// Is `s` a word with a hyphen left in it where a line was once broken ("utveck-ling",
/// "huvud-sakligen")? Not a list word with its hyphen; its hyphens join lower-case parts, and
/// without them it is a word or compound.
fn hyphen_in_word<'t>(judge: &Lexical<'_, 't>, s: &'t str) -> bool {
    if judge.is_list_word(s) {
        return false;
    }
    let mut parts = s.split('-');
    parts
        .next()
        .is_some_and(|p| p.chars().all(char::is_alphabetic))
        && parts.all(|p| p.starts_with(char::is_lowercase) && p.chars().all(char::is_alphabetic))
        && judge.is_word_shared(&s.replace('-', ""))
}

/// Splits text into units with their neighbours.
fn units<'t>(judge: &Lexical<'_, 't>, text: &'t str, toks: &[Token]) -> Vec<Unit> {
    // About one token in two is a unit; hyphen parts add a few.
    let mut out: Vec<Unit> = Vec::with_capacity(toks.len() / 2 + toks.len() / 16);
    let mut sentence_start = true;
    let mut linked = true; // is the previous unit an adjacent neighbour?
    let mut parts: Vec<Span> = Vec::new(); // a word token's hyphen parts
    for (k, t) in toks.iter().enumerate() {
        let s = t.span.of(text);
        match t.kind {
            TokenKind::Space => {
                let b = s.as_bytes();
                if b.iter().filter(|&&c| c == b'\n').count() >= 2 || b.contains(&b'\x0c') {
                    sentence_start = true;
                    linked = false;
                }
            }
            TokenKind::Punct if s == "|" => {
                // OCR's "|" for a capital "I" standing alone: the word "I" ("I enlighet med").
                let u = Unit {
                    special: Some(Special::Bar),
                    ..Unit::new(t.span, Status::Skip, sentence_start)
                };
                push_linked(&mut out, u, linked);
                sentence_start = false;
                linked = true;
            }
            TokenKind::Punct => {
                if matches!(s, "." | "!" | "?" | ":" | ";" | "•" | "§") {
                    sentence_start = true;
                    linked = false;
                } else if !matches!(s, "," | "(" | ")" | "\"" | "”" | "'") {
                    linked = false;
                }
            }
            TokenKind::Number => {
                let u = Unit {
                    special: (s == "1" && !in_address(text, t.span)).then_some(Special::One),
                    ..Unit::new(t.span, Status::Skip, sentence_start)
                };
                push_linked(&mut out, u, linked);
                sentence_start = false;
                linked = true;
            }
            TokenKind::Word => {
                // (A byte loop: most words are short, and memchr's set-up costs more.)
                let hyphenated = s.bytes().any(|b| b == b'-');
                // Copied as it is: an address (a repair would break it), or a word with a
                // hyphen left in it (no piece of it is a word to repair).
                if in_address(text, t.span) || (hyphenated && hyphen_in_word(judge, s)) {
                    push_linked(
                        &mut out,
                        Unit::new(t.span, Status::Skip, sentence_start),
                        linked,
                    );
                    sentence_start = false;
                    linked = true;
                    continue;
                }
                let period = toks.get(k + 1).is_some_and(|n| n.span.of(text) == ".");
                // Hyphenated words are decided part by part unless the whole is a word.
                parts.clear();
                if hyphenated && !judge.is_list_word(s) {
                    let mut at = t.span.start;
                    for p in s.split('-') {
                        parts.push(Span::new(at, at + p.len()));
                        at += p.len() + 1;
                    }
                } else {
                    parts.push(t.span);
                }
                let last = parts.len() - 1;
                for (pi, &p) in parts.iter().enumerate() {
                    let status = classify(judge, text, p, period && pi == last);
                    let u = Unit {
                        first_part: pi == last && hyphen_follows(judge, text, p),
                        special: (s == "j").then_some(Special::Jay),
                        ..Unit::new(p, status, sentence_start)
                    };
                    push_linked(&mut out, u, linked);
                    sentence_start = false;
                    linked = pi == last;
                }
                if hyphenated {
                    linked = true;
                }
            }
        }
    }
    // First on its line: nothing alphanumeric between the line break and the unit, and the
    // line not the wrapped rest of the line before.
    let wide = wide_line(text);
    for u in &mut out {
        u.line_start = first_on_line(text, u.span.start) && !wrapped_into(text, u.span.start, wide);
    }
    // In a run of capitals (a heading set in capitals) short words are words, not acronyms.
    let caps = |u: &Unit| {
        let s = u.span.of(text);
        s.chars().all(|c| !c.is_lowercase()) && letters(s) >= 2
    };
    for i in 0..out.len() {
        if out[i].status != Status::Skip
            || !caps(&out[i])
            || out[i].span.of(text).chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let run = |mut k: usize, step: fn(&Unit) -> Option<usize>| {
            let mut n = 0;
            while let Some(j) = step(&out[k]) {
                if !caps(&out[j]) {
                    break;
                }
                n += 1;
                k = j;
            }
            n
        };
        if run(i, |u| u.prev) + run(i, |u| u.next) >= 2 {
            let status = classify_caps(judge, text, out[i].span);
            out[i].status = status;
        }
    }
    out
}

/// The span of the word at `span` with the mark before it, if that mark is OCR's reading of
/// the dots or ring the repair `after` put on the word's first letter ("“aldre" for
/// "äldre", "'ar" for "är"): a quote or apostrophe glued to the front of a word whose "a"/"o"
/// became "ä"/"å"/"ö". A double quote closed later on the line is a quotation, and stays.
fn diacritic_mark(text: &str, span: Span, after: &str) -> Option<Span> {
    let before = &text[..span.start];
    let mark = before.chars().next_back()?;
    if !matches!(mark, '\'' | '’' | '‘' | '"' | '“' | '”' | '`' | '´') {
        return None;
    }
    let ahead = &before[..before.len() - mark.len_utf8()];
    if ahead.chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let first = |s: &str| s.chars().next().and_then(|c| c.to_lowercase().next());
    let dotted = matches!(
        (first(span.of(text)), first(after)),
        (Some('a'), Some('ä' | 'å')) | (Some('o'), Some('ö'))
    );
    let rest = text[span.end..].split('\n').next().unwrap_or("");
    let quoted = matches!(mark, '"' | '“' | '”') && rest.contains(['"', '”']);
    (dotted && !quoted).then(|| Span::new(span.start - mark.len_utf8(), span.end))
}

/// Is the short token at `span`, digits and lower-case letters ("p51", "50m", "0m"), a word
/// the OCR misread: in running text, between two lower-case words on its line? (Codes,
/// amounts and references stand elsewhere, or among capitals and numbers.)
fn misread_word(text: &str, span: Span) -> bool {
    let w = span.of(text);
    // (Running text may wrap at it: a single line break is a space.)
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let before = before
        .strip_suffix('\n')
        .map_or(before, |b| b.trim_end_matches([' ', '\t', '\r']));
    let after = text[span.end..].trim_start_matches([' ', '\t', '\r']);
    let after = after
        .strip_prefix('\n')
        .map_or(after, |a| a.trim_start_matches([' ', '\t']));
    w.chars().count() <= 4
        && w.chars().all(|c| c.is_ascii_digit() || c.is_lowercase())
        && before.len() < span.start
        && after.len() < text.len() - span.end
        && before.ends_with(|c: char| c.is_lowercase())
        && after.starts_with(|c: char| c.is_lowercase())
}

/// Is the word at `span` followed by a hyphen and a space: the first half of a
/// coordination ("hälso- och sjukvård")? (A hyphen at a line end is a broken word's, unless
/// a coordinator follows: "hälso-" / "och sjukvård".)
fn hyphen_follows(judge: &Lexical, text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    after.starts_with('-')
        && (after[1..].starts_with([' ', '\t'])
            || coordinator_after_dash(judge, span.of(text), after))
}

/// Do a hyphen and then, past the line end or blank lines, a coordinator follow `word`
/// (`after` is the text after it): "hälso-" / "och sjukvård", the first half of a
/// coordination, not a word broken at the line end? Unless the two make a word of the list
/// ("in-" / "till" is "intill", "lik-" / "som" is "liksom").
fn coordinator_after_dash(judge: &Lexical, word: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix('-') else {
        return false;
    };
    let next = rest.trim_start();
    let second = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    next.len() < rest.len()
        && COORDINATORS.contains(&second)
        && !judge.lexicon().is_list_word(&format!("{word}{second}"))
}

/// Is there nothing alphanumeric between the line break before `at` (or the text's start)
/// and `at`? Read backwards, byte by byte, decoding only characters beyond ASCII: most
/// units have a word just before them on their line, a byte or two back.
fn first_on_line(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let mut k = at;
    while k > 0 {
        let b = bytes[k - 1];
        if b < 0x80 {
            if b == b'\n' || b == b'\x0c' {
                return true;
            }
            if b.is_ascii_alphanumeric() {
                return false;
            }
            k -= 1;
        } else {
            let c = text[..k]
                .chars()
                .next_back()
                .expect("a character ends here");
            if c.is_alphanumeric() {
                return false;
            }
            k -= c.len_utf8();
        }
    }
    true
}

/// A line this long (bytes) or longer is a full line of its page: nine tenths of the
/// document's longest lines reach it.
fn wide_line(text: &str) -> usize {
    let mut lens: Vec<usize> = text
        .lines()
        .map(|l| l.trim().len())
        .filter(|&n| n > 0)
        .collect();
    lens.sort_unstable();
    let p90 = lens.get(lens.len() * 9 / 10).copied().unwrap_or(0);
    (p90 * 7 / 10).max(1)
}

/// Does the line that `at` starts continue the line before it, wrapped mid-sentence? The
/// line before is a full line (at least `wide` bytes) of running text that ends in a
/// lower-case letter or a comma: a heading is short, and a list or a sentence ends
/// otherwise.
fn wrapped_into(text: &str, at: usize, wide: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let Some(before) = before.strip_suffix('\n') else {
        return false;
    };
    let before = before.strip_suffix('\r').unwrap_or(before);
    let line = before.rsplit(['\n', '\x0c']).next().unwrap_or("").trim();
    line.len() >= wide && line.ends_with(|c: char| c.is_lowercase() || c == ',')
}

/// A capitalised heading word: a word if the lexicon knows it, else a repair candidate.
fn classify_caps<'t>(judge: &Lexical<'_, 't>, text: &'t str, span: Span) -> Status {
    let w = span.of(text);
    if judge.is_list_word(w) {
        Status::Known
    } else if judge.is_compound(w) {
        Status::Compound
    } else {
        Status::Unknown
    }
}

/// Capitals OCR writes for a lower-case letter of the same shape, only taller (the legacy
/// engine above all: "Vid", "Sig", "Staten" in running text).
const SAME_SHAPE_CAPITALS: &[char] = &['C', 'O', 'S', 'V', 'W', 'X', 'Z'];

/// How sure a lower-cased [`ocr_capital`] is.
const OCR_CAPITAL_CONFIDENCE: f64 = 0.9;

/// The reason given for a lower-cased [`ocr_capital`].
const OCR_CAPITAL: &str =
    "its capital in running text is OCR's (the corpus writes it in lower case after such a word)";

/// `written` (unit `u`'s word, as the text has it or as pass 1 repairs it) in lower case, if
/// its capital is OCR's rather than the writer's: the word stands in running text, right after
/// a word in lower case (one space between) that the corpus rarely sees before a capital
/// (not "rapporten", which titles follow: "i rapporten Staten som inköpare"); the corpus
/// writes the word in lower case there; no capital follows it (a name of several words,
/// "för Stora Enso"); and its capital is one OCR makes of a lower-case letter of the same
/// shape.
fn ocr_capital(
    lexicon: &Lexicon,
    text: &str,
    units: &[Unit],
    u: &Unit,
    written: &str,
) -> Option<String> {
    let mut rest = written.chars();
    let first = rest.next()?;
    if u.starts()
        || !SAME_SHAPE_CAPITALS.contains(&first)
        || rest.clone().any(char::is_uppercase)
        || !rest.any(char::is_lowercase)
    {
        return None;
    }
    let ngrams = lexicon.ngrams();
    let prev = &units[u.prev?];
    let before = prev.span.of(text);
    let plain_before = &text[prev.span.end..u.span.start] == " "
        && is_lower_case(before)
        && ngrams.id(before).is_some_and(|id| ngrams.plain_next(id));
    // (A capital after it makes a name of several words: "för Stora Enso".)
    let name_goes_on = u
        .next
        .is_some_and(|n| units[n].span.of(text).starts_with(char::is_uppercase));
    if !plain_before || name_goes_on {
        return None;
    }
    let lower = written.to_lowercase();
    (ngrams.id(&lower).is_some_and(|id| ngrams.written_lower(id)) && lexicon.is_list_word(&lower))
        .then_some(lower)
}

/// Does the corpus write `word` (as the lexicon spells it) with a capital after a lower-case
/// word, at least four times in five?
fn written_capital(lexicon: &Lexicon, word: &str) -> bool {
    let ngrams = lexicon.ngrams();
    let lower = word.to_lowercase();
    ngrams
        .id(&lower)
        .is_some_and(|id| ngrams.written_capital(id))
}

/// Writes `cand` in the case pattern of `token`: "BORAS" -> "BORÅS", "Fér" -> "För". A
/// capital "A" or "O" that OCR made of a mid-sentence "ä"/"ö" becomes lower case again.
fn recase<'c>(lexicon: &Lexicon, token: &str, cand: &'c str, sentence_start: bool) -> Cow<'c, str> {
    let mut tc = token.chars();
    let first = tc.next();
    // Most tokens start with a lower-case letter: the candidate is written as it is.
    if first.is_some_and(|c| c.is_lowercase() && c != 'l') {
        return Cow::Borrowed(cand);
    }
    let first_upper = first.is_some_and(char::is_uppercase);
    let all_upper = letters(token) > 1 && token.chars().all(|c| !c.is_lowercase());
    if all_upper {
        return Cow::Owned(cand.to_uppercase());
    }
    let cand_first = cand.chars().next();
    // OCR's "l" or "|" at the front of a word read as "i" is a capital "I" ("lnstans" for
    // "Instans"): a lower-case "i" has its dot.
    if matches!(first, Some('l' | '|')) && cand_first == Some('i') {
        return Cow::Owned(format!("I{}", &cand[1..]));
    }
    if first_upper {
        // OCR capitals that stand for another letter mid-sentence ("Aven" for "även",
        // "Iagen" for "lagen") say nothing about case.
        let substituted = first
            .map(|c| c.to_lowercase().next() != cand_first.and_then(|c| c.to_lowercase().next()));
        // (Unless the corpus writes the word with a capital there: a name the lexicon spells
        // as a common word, "Aklagarmyndigheten" for "Åklagarmyndigheten".)
        if !sentence_start && substituted == Some(true) && !written_capital(lexicon, cand) {
            return Cow::Borrowed(cand);
        }
        let mut out: String = cand_first
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        out.push_str(&cand[cand_first.map_or(0, char::len_utf8)..]);
        return Cow::Owned(out);
    }
    Cow::Borrowed(cand)
}

/// A number written as `{:.2}` writes it, without the general float formatting (every edit's
/// reason holds one or two, and formatting them cost about 1.5 % of the word stage on
/// damaged text). Halfway cases, negative numbers that round to zero and large numbers are
/// left to `{:.2}`.
struct Fixed2(f64);

impl Fixed2 {
    /// Appends the number to `out`, as `{:.2}` writes it.
    fn push_to(&self, out: &mut String) {
        let x = self.0;
        let large = !x.is_finite() || x.abs() >= 1e9;
        let scaled = x.abs() * 100.0;
        // Rounded by integer conversion (`round` and `fract` are library calls on the
        // baseline x86-64 target); exact below 1e11, and ties are left to `{:.2}`.
        let whole = scaled as u64;
        let frac = scaled - whole as f64;
        let tie = (frac - 0.5).abs() < 1e-6;
        let n = if frac > 0.5 { whole + 1 } else { whole };
        if large || tie || (x.is_sign_negative() && n == 0) {
            out.push_str(&format!("{x:.2}"));
            return;
        }
        let mut buf = [0u8; 16];
        let mut at = buf.len();
        let mut push = |b: u8| {
            at -= 1;
            buf[at] = b;
        };
        push(b'0' + (n % 10) as u8);
        push(b'0' + (n / 10 % 10) as u8);
        push(b'.');
        let mut int = n / 100;
        loop {
            push(b'0' + (int % 10) as u8);
            int /= 10;
            if int == 0 {
                break;
            }
        }
        if x.is_sign_negative() {
            push(b'-');
        }
        // (Digit by digit: no UTF-8 check of the buffer.)
        out.extend(buf[at..].iter().map(|&b| char::from(b)));
    }
}

struct Decision {
    after: String,
    kind: EditKind,
    confidence: f64,
    reason: String,
}

impl Decision {
    /// Is the reading confident enough to be applied? (Below the threshold it is only
    /// suggested: the text keeps the token.)
    fn applied(&self, options: &Options) -> bool {
        self.confidence as f32 >= options.min_confidence
    }
}

/// Softmax confidence of the best of `scores` (log10).
fn confidence(best: f64, all: impl Iterator<Item = f64>) -> f64 {
    let sum: f64 = all.map(|s| 10f64.powf(s - best)).sum();
    1.0 / sum.max(1.0)
}

/// Edits of the word stage: `(applied, suggested)`; suggestions fall below the confidence
/// threshold and are only reported.
pub fn edits(
    text: &str,
    lexicon: &Lexicon,
    options: &Options,
    cache: &Cache,
) -> (Vec<Edit>, Vec<Edit>) {
    let toks = tokenize(text);
    // Distinct spellings of a document: about one in twenty of its bytes (sizes the maps).
    let spellings = text.len() / 20;
    let judge = Lexical::new(lexicon, cache, spellings);
    let units = units(&judge, text, &toks);
    let model = Model::new(lexicon, Some(cache));

    // The document's damage rate sets the price of every non-identity reading.
    let judged = units
        .iter()
        .filter(|u| matches!(u.status, Status::Known | Status::Compound | Status::Unknown))
        .count();
    let unknown = units.iter().filter(|u| u.status == Status::Unknown).count();
    let damage = (unknown as f64 + 0.5) / (judged as f64 + 5.0);
    let extra = (REFERENCE_DAMAGE / damage).log10().clamp(0.0, MAX_EXTRA);
    // On a page this clean, a real word is not questioned at all.
    let trust_words = damage < TRUSTED_DAMAGE;
    // On a page this lightly damaged, a compound part that is a word is not changed.
    let light = damage < LIGHT_DAMAGE;

    // Each unit's context word, and how often the document spells each word as it is
    // (evidence for candidates); room for the candidates' words too, so that no table grows.
    let mut vocab = Vocab::with_capacity(spellings * 2);
    // Each distinct spelling gets a number, so that what is worked out per spelling is
    // found by index.
    let mut spelled: FxHashMap<&str, (Ix, usize, usize)> =
        FxHashMap::with_capacity_and_hasher(spellings, Default::default());
    let mut keys: Vec<Ix> = Vec::with_capacity(units.len());
    let mut spelling: Vec<usize> = Vec::with_capacity(units.len());
    for u in &units {
        let s = u.span.of(text);
        let n = spelled.len();
        let e = spelled.entry(s).or_insert_with(|| {
            let k = if u.status == Status::Skip && s.chars().all(|c| c.is_ascii_digit()) {
                vocab.intern("<num>")
            } else {
                vocab.intern_lowered(s)
            };
            (k, 0, n)
        });
        e.1 += 1;
        keys.push(e.0);
        spelling.push(e.2);
    }
    let mut doc = DocCounts {
        uni: FxHashSet::with_capacity_and_hasher(spelled.len(), Default::default()),
        bi: FxHashMap::default(),
    };
    for (i, u) in units.iter().enumerate() {
        if matches!(u.status, Status::Known | Status::Compound) {
            doc.uni.insert(keys[i]);
        }
    }

    // Capitals OCR made in running text are lowered where the page shows the engine making
    // them: on a damaged page, at two places or more ("Stora sjöregionen" alone is a name).
    // Each known word's lower case is kept for pass 2.
    let mut known_lowered: Vec<Option<String>> = if light {
        Vec::new()
    } else {
        units
            .iter()
            .map(|u| {
                matches!(u.status, Status::Known | Status::Compound)
                    .then(|| ocr_capital(lexicon, text, &units, u, u.span.of(text)))
                    .flatten()
            })
            .collect()
    };
    let ocr_capitals = known_lowered.iter().flatten().nth(1).is_some();

    let mut decisions: Vec<Option<Decision>> = (0..units.len()).map(|_| None).collect();
    // Units repaired alone in pass 1, and whether the repair put a new word into the
    // document's spellings.
    let mut repaired: Vec<(usize, bool)> = Vec::new();

    // Pass 1: tokens the lexicon rejects, and words broken at a line end, judged joined.
    let mut targets: Vec<(Cow<str>, usize, Option<usize>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.status == Status::Unknown {
            targets.push((Cow::Borrowed(u.span.of(text)), i, None));
        } else if let Some(j) = broken_word(&judge, text, &units, i) {
            let joined = format!("{}{}", u.span.of(text), units[j].span.of(text));
            targets.push((Cow::Owned(joined), i, Some(j)));
        }
    }
    // Each distinct key's candidates, and where their context keys lie in `cand_key_store`.
    let mut found: FxHashMap<Cow<str>, (Candidates, usize, usize)> =
        FxHashMap::with_capacity_and_hasher(targets.len(), Default::default());
    let mut cand_key_store: Vec<Ix> = Vec::new();
    for (token, i, second) in targets {
        let u = &units[i];
        // A first part is looked up apart from the word of the same letters (a key no token
        // has: the part with the hyphen that follows it); each distinct key's candidates and
        // their context keys once per document.
        let key = if u.first_part && second.is_none() {
            Cow::Borrowed(&text[u.span.start..u.span.end + 1])
        } else {
            token.clone()
        };
        let token = token.as_ref();
        let (cands, from, to) = match found.get(key.as_ref()) {
            Some(c) => c.clone(),
            None => {
                let cands = match key.strip_suffix('-') {
                    Some(part) => cache.unknown(&key, || first_parts_for(lexicon, part)),
                    None => cache.candidates(lexicon, &key, token, extra),
                };
                let words = cands.iter().map(|c| c.word.as_str());
                let (from, to) = intern_into(&mut vocab, &mut cand_key_store, words);
                found.insert(key, (cands.clone(), from, to));
                (cands, from, to)
            }
        };
        if cands.is_empty() {
            continue;
        }
        let last = &units[second.unwrap_or(i)];
        let at = context(&vocab, &keys, &model, &units, u, last);
        let scored = rank(
            lexicon,
            token,
            u.starts(),
            cands
                .iter()
                .zip(&cand_key_store[from..to])
                .filter(|(c, _)| !(light && c.changes_word))
                .map(|(c, &k)| {
                    let evidence = if doc.uni.contains(&k) {
                        SEEN_EVIDENCE
                    } else {
                        0.0
                    };
                    (
                        -(c.cost as f64 + extra) + at.fit(vocab.key(&model, k)) + evidence,
                        c,
                    )
                }),
        );
        let Some((best_score, best, after)) = scored.first() else {
            continue;
        };
        let mut keep_cost = keep_budget(token);
        // A capital that OCR made of another letter ("Iagen" for "lagen") says nothing of names.
        let lower_first = |s: &str| s.chars().next().and_then(|c| c.to_lowercase().next());
        let capital =
            token.starts_with(char::is_uppercase) && lower_first(token) == lower_first(&best.word);
        // A capitalised token that recurs in one spelling and has no close word: a name.
        if capital && spelled.get(token).map_or(0, |s| s.1) > 1 {
            keep_cost -= NAME_RECURS;
        }
        if capital && !u.sentence_start {
            keep_cost -= NAME_MID_SENTENCE;
        }
        let mut keep = best_score + best.cost as f64 + extra - keep_cost;
        // A token the corpus has (a name, an abbreviation, a foreign word) is read as itself
        // when its own context fit, less the lexicon's verdict against it, is the better.
        if second.is_none() && model.has(vocab.word(keys[i])) {
            keep = keep.max(at.fit(vocab.key(&model, keys[i])) - CORPUS_WORD_PENALTY);
        }
        if *best_score <= keep || after == token {
            continue;
        }
        // (A capital OCR made in running text goes with the repair: "Sadana" -> "sådana".)
        let lowered = (second.is_none() && ocr_capitals)
            .then(|| ocr_capital(lexicon, text, &units, u, after))
            .flatten();
        let after = lowered.as_deref().unwrap_or(after);
        let conf = confidence(*best_score, scored.iter().map(|s| s.0).chain([keep]));
        let kind = if best.compound {
            EditKind::Compound
        } else {
            EditKind::Word
        };
        // (Written piece by piece: the general formatting machinery cost 3 % of the stage.)
        let mut reason = String::with_capacity(96);
        reason.push_str("not a word; OCR reading cost ");
        Fixed2(best.cost.into()).push_to(&mut reason);
        reason.push_str(", context ");
        Fixed2(best_score + best.cost as f64).push_to(&mut reason);
        if best.compound {
            reason.push_str(", repaired part by part");
        }
        if second.is_some() {
            reason.push_str(", judged joined across the line break");
        }
        if lowered.is_some() {
            reason.push_str(", ");
            reason.push_str(OCR_CAPITAL);
        }
        let decide = |after: String, reason: String| Decision {
            after,
            kind,
            confidence: conf,
            reason,
        };
        match second {
            None => {
                keys[i] = vocab.intern_lowered(after);
                decisions[i] = Some(decide(after.to_string(), reason));
                let fresh = doc.uni.insert(keys[i]);
                repaired.push((i, fresh));
            }
            Some(j) => {
                // Split the repaired word back where the line broke it.
                let Some((left, right)) =
                    split_back(u.span.of(text), units[j].span.of(text), after)
                else {
                    continue;
                };
                for (k, part) in [(i, left), (j, right)] {
                    if part != units[k].span.of(text) {
                        decisions[k] = Some(decide(part, reason.clone()));
                    }
                }
            }
        }
    }
    // A token repaired between two rejected tokens that no reading fits stands in a stretch
    // the lexicon does not cover (another language, names, codes: "Council on Foreign
    // Relations"), where its own reading is as doubtful: it is left as it is. So is a real
    // word there in pass 2 ("Organization for Standardization").
    // (A reading that is only suggested leaves the token in the text.)
    let left_alone = |j: Option<usize>, decisions: &[Option<Decision>]| {
        j.is_some_and(|j| {
            units[j].status == Status::Unknown
                && decisions[j].as_ref().is_none_or(|d| !d.applied(options))
        })
    };
    // A paragraph in another language has many rejected tokens and few readings for them:
    // none of its repairs stand.
    // (Unless the whole document has too few rejected tokens for one such paragraph.)
    let foreign = foreign_paragraphs(text, &units, unknown, |i| {
        decisions[i].as_ref().is_some_and(|d| d.applied(options))
    });
    for (i, fresh) in repaired {
        let u = &units[i];
        if foreign[i] || (left_alone(u.prev, &decisions) && left_alone(u.next, &decisions)) {
            decisions[i] = None;
            if fresh {
                doc.uni.remove(&keys[i]);
            }
            keys[i] = vocab.intern_lowered(u.span.of(text));
        }
    }
    // (Words broken at a line end are repaired in pairs, not in `repaired`.)
    for (d, &f) in decisions.iter_mut().zip(&foreign) {
        if f {
            *d = None;
        }
    }
    if !trust_words {
        // The document's own word pairs speak for names in pass 2, which a trusted page skips.
        doc.add_pairs(&vocab, &keys, &units);
    }

    // Pass 2: real words that context says OCR confused, and glyphs that are the word "i".
    // Each distinct token's alternatives, and where their context keys lie in `alt_key_store`.
    let mut alternatives: Vec<Option<(Alternatives, usize, usize)>> = vec![None; spelled.len()];
    let mut alt_key_store: Vec<Ix> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let token = u.span.of(text);
        if let Some(sp) = u.special {
            if let Some(d) = one_letter_word(text, &units, &vocab, &keys, &model, i, sp) {
                keys[i] = vocab.intern("i");
                decisions[i] = Some(d);
            }
            continue;
        }
        if trust_words
            || !matches!(u.status, Status::Known | Status::Compound)
            || letters(token) < 2
            || is_acronym(token)
            || foreign[i]
            || (left_alone(u.prev, &decisions) && left_alone(u.next, &decisions))
        {
            continue;
        }
        if let Some(lower) = ocr_capitals.then(|| known_lowered[i].take()).flatten() {
            decisions[i] = Some(Decision {
                after: lower,
                kind: EditKind::RealWord,
                confidence: OCR_CAPITAL_CONFIDENCE,
                reason: format!("a word, but {OCR_CAPITAL}"),
            });
            continue;
        }
        // Only rejected units changed their keys in pass 1: this is the token's own word.
        let own = keys[i];
        let capitalised = token.starts_with(char::is_uppercase);
        let is_compound = u.status == Status::Compound;
        // Each distinct token's alternatives and their context keys, once per document.
        let (alts, from, to) = match &alternatives[spelling[i]] {
            Some(a) => a,
            None => {
                let alts = cache.known(token, || {
                    let search = Search::within(REAL_WORD_BUDGET);
                    // Most frequent words have no look-alike at all: the lexicon says so
                    // (`lone_words_have_no_lookalike` checks it against this walk).
                    let lone = judge.is_lone(token);
                    let mut alts: Vec<(Candidate, f32)> = if lone {
                        Vec::new()
                    } else {
                        candidates::whole_words(lexicon, token, search)
                            .into_iter()
                            .map(|c| (c, 0.0))
                            .collect()
                    };
                    // (The parts as the compound analysis found them for the unit's status.)
                    if let Some(parts) = is_compound.then(|| judge.compound_parts(token)).flatten()
                    {
                        alts.extend(candidates::part_alternatives(
                            lexicon, token, &parts, search,
                        ));
                    }
                    alts
                });
                let words = alts.iter().map(|(c, _)| c.word.as_str());
                let (from, to) = intern_into(&mut vocab, &mut alt_key_store, words);
                alternatives[spelling[i]].insert((alts, from, to))
            }
        };
        let alt_keys = &alt_key_store[*from..*to];
        if alt_keys.iter().all(|&k| k == own) {
            continue;
        }
        let at = context(&vocab, &keys, &model, &units, u, u);
        // Document evidence: how often the document has this word (or an alternative) next to
        // the same neighbours, not counting this place. Used for names ("Boris Stad").
        let doc_evidence = |k: Ix| -> f64 {
            if !capitalised {
                return 0.0;
            }
            // Pairs are counted by skeleton: this place counts for every spelling of its own.
            let here = if vocab.skeleton(k) == vocab.skeleton(own) {
                1.0
            } else {
                0.0
            };
            let n = doc.pair(&vocab, at.prev_word, Some(k))
                + doc.pair(&vocab, Some(k), at.next_word)
                - 2.0 * here;
            DOC_PAIR_EVIDENCE * (1.0 + n.max(0.0)).log10()
        };
        let own_cost = channel::CHANNEL.identity_cost(token) as f64;
        let own_score = -own_cost + at.fit(vocab.key(&model, own)) + doc_evidence(own);
        // A look-alike's score, and the margin by which it must beat the word: the lower one
        // where the document's own pairs speak for it.
        let judged = |((c, gain), &k): (&(Candidate, f32), &Ix)| {
            let doc = doc_evidence(k);
            let evidence = doc + PART_GAIN * *gain as f64;
            let score = -(c.cost as f64 + extra) + at.fit(vocab.key(&model, k)) + evidence;
            let margin = if is_compound {
                COMPOUND_MARGIN
            } else if doc > 0.0 {
                DOC_EVIDENCE_MARGIN
            } else {
                REAL_WORD_MARGIN
            };
            (score, margin)
        };
        let others = || alts.iter().zip(alt_keys.iter()).filter(|(_, &k)| k != own);
        // Most words keep their place: no look-alike wins by the margin, and none need be
        // written out in the token's case.
        let enough = |a| {
            let (score, margin) = judged(a);
            score >= own_score + margin
        };
        if !others().any(enough) {
            continue;
        }
        let scored = rank(
            lexicon,
            token,
            u.starts(),
            others().map(|a| (judged(a).0, &a.0 .0)),
        );
        let Some((s, c, after)) = scored.first() else {
            continue;
        };
        let best = others().find(|(a, _)| std::ptr::eq(&a.0, *c));
        if !best.is_some_and(enough) || after == token {
            continue;
        }
        let conf = confidence(*s, scored.iter().map(|x| x.0).chain([own_score]));
        keys[i] = vocab.intern_lowered(after);
        decisions[i] = Some(Decision {
            after: after.to_string(),
            kind: EditKind::RealWord,
            confidence: conf,
            reason: {
                let mut r = String::with_capacity(64 + c.word.len());
                r.push_str("a word, but \"");
                r.push_str(&c.word);
                r.push_str("\" fits the context better (by ");
                Fixed2(s - own_score).push_to(&mut r);
                r.push(')');
                r
            },
        });
    }

    let mut applied = Vec::new();
    let mut suggested = Vec::new();
    for (u, d) in units.iter().zip(decisions) {
        let Some(d) = d else { continue };
        let span = diacritic_mark(text, u.span, &d.after).unwrap_or(u.span);
        let apply = d.applied(options);
        let e = Edit::new(text, span, d.after, d.kind, d.confidence as f32, d.reason);
        if apply {
            applied.push(e);
        } else {
            suggested.push(e);
        }
    }
    (applied, suggested)
}

/// A paragraph with at least this many rejected tokens, ...
const FOREIGN_MIN_REJECTED: usize = 8;
/// ... that are at least this share of its words, ...
const FOREIGN_REJECTED_SHARE: f64 = 0.4;
/// ... and of which at most this share found a reading, is in another language (French,
/// Spanish, Norwegian in a Swedish page). On the development set's OCR every paragraph with
/// eight rejected tokens or more has 38 % or more of them repaired; foreign paragraphs of
/// held-out corpus pages 0-18 %.
const FOREIGN_REPAIRED_SHARE: f64 = 0.2;

/// For each unit: does it stand in a paragraph (units between blank lines or page breaks) in
/// another language? `rejected_in_all`: the document's rejected units; `repaired(i)`: has
/// unit `i` a reading that is applied?
fn foreign_paragraphs(
    text: &str,
    units: &[Unit],
    rejected_in_all: usize,
    repaired: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut out = vec![false; units.len()];
    if rejected_in_all < FOREIGN_MIN_REJECTED {
        return out;
    }
    let mut first = 0;
    for end in 1..=units.len() {
        let breaks = end == units.len() || {
            let gap = &text.as_bytes()[units[end - 1].span.end..units[end].span.start];
            // (Two line breaks or a page break; one pass, no searcher set up for a space.)
            let weight = |c: &u8| match c {
                b'\n' => 1,
                b'\x0c' => 2,
                _ => 0,
            };
            gap.len() >= 2 && gap.iter().map(weight).sum::<u32>() >= 2
        };
        if !breaks {
            continue;
        }
        let (mut judged, mut rejected, mut read) = (0, 0, 0);
        for (i, u) in units.iter().enumerate().take(end).skip(first) {
            match u.status {
                Status::Unknown => {
                    judged += 1;
                    rejected += 1;
                    read += usize::from(repaired(i));
                }
                Status::Known | Status::Compound => judged += 1,
                Status::Skip => {}
            }
        }
        if rejected >= FOREIGN_MIN_REJECTED
            && rejected as f64 >= FOREIGN_REJECTED_SHARE * judged as f64
            && read as f64 <= FOREIGN_REPAIRED_SHARE * rejected as f64
        {
            out[first..end].fill(true);
        }
        first = end;
    }
    out
}

/// Interns `words` as context keys onto the end of `store`; where they lie in it.
fn intern_into<'w>(
    vocab: &mut Vocab,
    store: &mut Vec<Ix>,
    words: impl Iterator<Item = &'w str>,
) -> (usize, usize) {
    let from = store.len();
    store.extend(words.map(|w| vocab.intern_lowered(w)));
    (from, store.len())
}

/// The words and word pairs of the document itself.
#[derive(Default)]
struct DocCounts {
    uni: FxHashSet<Ix>,
    /// Pair counts by skeleton, so that "Boras Stad" and "Borås Stad" elsewhere both speak
    /// for "Borås" where OCR wrote "Boris".
    bi: FxHashMap<(u32, u32), f64>,
}

impl DocCounts {
    /// Counts every adjacent pair once (call when the keys are final for the pass).
    fn add_pairs(&mut self, vocab: &Vocab, keys: &[Ix], units: &[Unit]) {
        self.bi.clear();
        self.bi.reserve(units.len());
        for (i, u) in units.iter().enumerate() {
            if let Some(p) = u.prev {
                let pair = (vocab.skeleton(keys[p]), vocab.skeleton(keys[i]));
                *self.bi.entry(pair).or_default() += 1.0;
            }
        }
    }

    fn pair(&self, vocab: &Vocab, a: Option<Ix>, b: Option<Ix>) -> f64 {
        let (Some(a), Some(b)) = (a, b) else {
            return 0.0;
        };
        let pair = (vocab.skeleton(a), vocab.skeleton(b));
        self.bi.get(&pair).copied().unwrap_or(0.0)
    }
}

/// The context two places out on each side of the units `first..=last`.
struct Around<'m, 'a> {
    place: Place<'m, 'a>,
    /// The neighbours' words, where there are.
    prev_word: Option<Ix>,
    next_word: Option<Ix>,
}

impl Around<'_, '_> {
    /// How well `w` fits here.
    fn fit(&self, w: Key) -> f64 {
        self.place.fit(w)
    }
}

fn context<'m, 'a>(
    vocab: &Vocab,
    keys: &[Ix],
    model: &'m Model<'a>,
    units: &[Unit],
    first: &Unit,
    last: &Unit,
) -> Around<'m, 'a> {
    let key = |i: Option<usize>| i.map_or(Key::NOTHING, |i| vocab.key(model, keys[i]));
    // "<s>" at a sentence start, "<none>" for an unknown left neighbour.
    let prev = match first.prev {
        Some(p) => vocab.key(model, keys[p]),
        None if first.sentence_start => model.sentence_start(),
        None => model.unknown_before(),
    };
    let pp = key(first.prev.and_then(|p| units[p].prev));
    let next = key(last.next);
    let nn = key(last.next.and_then(|n| units[n].next));
    Around {
        place: model.place((pp, prev), (next, nn)),
        prev_word: first.prev.map(|p| keys[p]),
        next_word: last.next.map(|n| keys[n]),
    }
}

/// Scored candidates, recased to the token, one per output spelling, best first.
fn rank<'c>(
    lexicon: &Lexicon,
    token: &str,
    sentence_start: bool,
    scored: impl Iterator<Item = (f64, &'c Candidate)>,
) -> Vec<(f64, &'c Candidate, Cow<'c, str>)> {
    let mut out: Vec<(f64, &Candidate, Cow<'c, str>)> = Vec::with_capacity(scored.size_hint().0);
    for (s, c) in scored {
        let after = recase(lexicon, token, &c.word, sentence_start);
        match out.iter_mut().find(|o| o.2 == after) {
            Some(o) if o.0 >= s => {}
            Some(o) => *o = (s, c, after),
            None => out.push((s, c, after)),
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out
}

/// A "1" between two words of running text, or a "|" before a word: the word "i"/"I".
fn one_letter_word(
    text: &str,
    units: &[Unit],
    vocab: &Vocab,
    keys: &[Ix],
    model: &Model,
    i: usize,
    sp: Special,
) -> Option<Decision> {
    let u = &units[i];
    let n = u.next?;
    let word = |k: usize, lower: bool| {
        let s = units[k].span.of(text);
        units[k].status != Status::Skip
            && s.chars().all(char::is_alphabetic)
            && (!lower || s.starts_with(char::is_lowercase))
    };
    let lower_word = |k: usize| word(k, true);
    // After "1", a name may follow ("goda 1 Borås Stad"); after "|", a lower-case word;
    // after "j", any word, damaged too ("j f6rordning").
    let follows = match sp {
        Special::Jay => units[n].status != Status::Skip,
        _ => word(n, sp == Special::Bar),
    };
    if !follows || !same_line(text, u.span, units[n].span) {
        return None;
    }
    match sp {
        Special::Bar => Some(Decision {
            after: if u.sentence_start { "I" } else { "i" }.into(),
            kind: EditKind::Word,
            confidence: 0.8,
            reason: "a lone \"|\" before a word reads as the word \"I\"".into(),
        }),
        // (Right before the word: "j)" is a list's label.)
        Special::Jay if !text[u.span.end..units[n].span.start].trim().is_empty() => None,
        // (In lower case: "j" is a lower-case glyph, misread even where a list item begins.)
        Special::Jay => Some(Decision {
            after: "i".into(),
            kind: EditKind::Word,
            confidence: 0.8,
            reason: "a lone \"j\" before a word reads as the word \"i\"".into(),
        }),
        Special::One => {
            let p = u.prev?;
            if !lower_word(p) || !same_line(text, units[p].span, u.span) {
                return None;
            }
            let (prev, next) = (vocab.key(model, keys[p]), vocab.key(model, keys[n]));
            let as_i = model.fit(prev, model.key("i"), next) - ONE_AS_I;
            let as_num = model.fit(prev, model.key("<num>"), next);
            (as_i > as_num).then(|| Decision {
                after: "i".into(),
                kind: EditKind::RealWord,
                confidence: confidence(as_i, [as_i, as_num].into_iter()),
                reason: "a lone \"1\" between words reads as the word \"i\"".into(),
            })
        }
    }
}

/// If unit `i` is the first half of a word broken at a line end ("forekom-" / "mer") whose
/// halves the lexicon rejects joined, the index of the second half.
fn broken_word(judge: &Lexical, text: &str, units: &[Unit], i: usize) -> Option<usize> {
    let (a, b) = (&units[i], units.get(i + 1)?);
    let between = &text[a.span.end..b.span.start];
    let rest = between.strip_prefix(['-', '¬', '\u{ad}'])?;
    if !rest.contains('\n') || !rest.chars().all(char::is_whitespace) {
        return None;
    }
    let (x, y) = (a.span.of(text), b.span.of(text));
    if COORDINATORS.contains(&y) {
        return None; // "hälso-" / "och sjukvård": a coordination
    }
    let word = |s: &str| s.chars().all(char::is_alphanumeric) && s.chars().any(char::is_alphabetic);
    if !word(x)
        || !word(y)
        || !y.starts_with(char::is_lowercase)
        || x.chars().all(|c| !c.is_lowercase())
    {
        return None;
    }
    let joined = format!("{x}{y}");
    (!judge.is_word_shared(&joined) && !judge.is_word_shared(&format!("{x}-{y}"))).then_some(i + 1)
}

/// Splits `word` (the repair of `left` + `right`) back into two halves where the line broke
/// the original: at the same letter when the repair kept the length, else where the two
/// halves read cheapest through the channel.
fn split_back(left: &str, right: &str, word: &str) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    let n = left.chars().count();
    if chars.len() == n + right.chars().count() {
        return Some((chars[..n].iter().collect(), chars[n..].iter().collect()));
    }
    (n.saturating_sub(2)..=(n + 2).min(chars.len()))
        .filter(|&k| k > 0 && k < chars.len())
        .map(|k| {
            let (l, r): (String, String) =
                (chars[..k].iter().collect(), chars[k..].iter().collect());
            let cost = channel::CHANNEL.cost(left, &l) + channel::CHANNEL.cost(right, &r);
            (cost, l, r)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, l, r)| (l, r))
}

/// Channel cost of reading the word "i" as the digit "1" in running text.
const ONE_AS_I: f64 = 1.0;

fn same_line(text: &str, a: Span, b: Span) -> bool {
    !text[a.end..b.start].contains('\n')
}

/// The most a reading of `token` may cost before the token is better left as it is.
fn keep_budget(token: &str) -> f64 {
    let (mut chars, mut glyphs) = (0, 0);
    for c in token.chars() {
        if is_letter(c) {
            chars += 1;
        } else if c.is_ascii_digit() || c == '|' {
            chars += 1;
            glyphs += 1;
        }
    }
    KEEP_COST + KEEP_PER_LETTER * chars as f64 + KEEP_PER_GLYPH * glyphs as f64
}

/// Candidates for a rejected first half of a coordination ("halso-" in "halso- och
/// sjukvård"): forms that begin compounds, within the same budget as a word's.
fn first_parts_for(lex: &Lexicon, token: &str) -> Vec<Candidate> {
    let mut c = candidates::whole_words(
        lex,
        token,
        Search {
            role: crate::lexicon::roles::BEGIN,
            ..Search::within(keep_budget(token) as f32)
        },
    );
    c.truncate(8);
    c
}

/// Candidates for a rejected token: whole words, else a compound repaired part by part,
/// else whole words at one or two arbitrary edits. The search stops where a reading would
/// cost more than leaving the token ([`keep_budget`]), so no work is spent on answers the
/// stage would refuse.
pub(crate) fn candidates_for(lex: &Lexicon, token: &str) -> Vec<Candidate> {
    candidates_within(lex, token, keep_budget(token) as f32)
}

/// [`candidates_for`] within `budget`.
fn candidates_within(lex: &Lexicon, token: &str, budget: f32) -> Vec<Candidate> {
    let search = Search {
        slack: (READING_SLACK - SLACK_PER_LETTER * letters(token).saturating_sub(4) as f32)
            .max(MIN_SLACK),
        ..Search::within(budget)
    };
    let mut c = candidates::whole_words(lex, token, search);
    if c.is_empty() {
        c.extend(candidates::compound(lex, token, search));
    }
    if c.is_empty() && budget >= channel::GENERIC {
        let generic = if letters(token) >= 12 { 2 } else { 1 };
        c = candidates::whole_words(
            lex,
            token,
            Search {
                generic_edits: generic,
                ..search
            },
        );
    }
    c.truncate(8);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lone words of the lexicon (`roles::LONE`, from `dictionaries/sv-lone.txt.gz`) are
    /// exactly its frequent lower-case words for which the real-word pass's walk finds no
    /// look-alike: every such word and every flagged form is walked (every 97th in a debug
    /// build). `PUTSA_REGENERATE=1 cargo test --release --lib lone_words` writes the list
    /// anew, after a change to the lexicon, the channel table or the walk.
    #[test]
    fn lone_words_have_no_lookalike() {
        let lex = Lexicon::embedded();
        let regenerate = std::env::var_os("PUTSA_REGENERATE").is_some();
        let step = if cfg!(debug_assertions) && !regenerate {
            97
        } else {
            1
        };
        let search = Search::within(REAL_WORD_BUDGET);
        let (mut lone, mut wrong, mut checked) = (Vec::new(), Vec::new(), 0);
        let mut forms = Vec::with_capacity(lex.forms_map().len());
        lex.forms_map().for_each_key(|form, _| {
            forms.push(String::from_utf8(form.to_vec()).expect("forms are UTF-8"));
        });
        let mut k = 0usize;
        for form in &forms {
            let form = form.as_str();
            let entry = lex.exact(form).expect("a form of the map");
            let frequent =
                entry.is_word() && entry.zipf() > 0.0 && form.chars().all(|c| !c.is_uppercase());
            if !frequent && !entry.is_lone() {
                continue;
            }
            k += 1;
            if k % step != 0 {
                continue;
            }
            checked += 1;
            let alone = frequent && candidates::whole_words(&lex, form, search).is_empty();
            if alone {
                lone.push(form.to_string());
            }
            if alone != entry.is_lone() {
                wrong.push(form.to_string());
            }
            // Capitalised with a capital the channel reads as itself only, a lone word has no
            // look-alike either (the word stage takes it as lone: `Lexical::is_lone`).
            let mut first = form.chars();
            let capital: Option<String> = first.next().and_then(|c| {
                let mut upper = c.to_uppercase();
                let u = upper.next()?;
                (upper.next().is_none() && channel::CHANNEL.reads_as_itself(u))
                    .then(|| format!("{u}{}", first.as_str()))
            });
            if let Some(capital) = capital.filter(|_| alone) {
                if lex.lookup(&capital).is_some_and(|e| e.is_lone())
                    && !candidates::whole_words(&lex, &capital, search).is_empty()
                {
                    wrong.push(capital);
                }
            }
        }
        if regenerate {
            use std::io::Write;
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries/sv-lone.txt.gz");
            let file = std::fs::File::create(path).expect("dictionaries/ is writable");
            let mut gz = flate2::GzBuilder::new()
                .mtime(0)
                .write(file, flate2::Compression::best());
            writeln!(
                gz,
                "# Lexicon words with a wordfreq frequency, in lower case, that no other word reads \
                 as through the OCR channel within the real-word budget. Generated: \
                 PUTSA_REGENERATE=1 cargo test --release --lib lone_words"
            )
            .unwrap();
            for w in &lone {
                writeln!(gz, "{w}").unwrap();
            }
            gz.finish().unwrap();
            return;
        }
        assert!(checked > 1000, "only {checked} words checked");
        assert!(
            wrong.is_empty(),
            "{} of {checked} words flagged wrongly, e.g. {:?}: regenerate the list",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }

    #[test]
    fn a_clean_page_looks_for_candidates_only_within_what_it_could_take() {
        let lex = Lexicon::embedded();
        let cache = Cache::default();
        // A name with no reading a clean page could take: nothing, and no whole search.
        let name = "Hernqvist";
        assert!(cache.candidates(&lex, name, name, MAX_EXTRA).is_empty());
        assert!(Cache::find(&cache.unknown, name).is_none());
        assert!(Cache::find(&cache.bare, name).is_some());
        // A damaged page searches the whole budget, and remembers the answer for all pages.
        let whole = candidates_for(&lex, name);
        assert!(!whole.is_empty(), "a look-alike within the whole budget");
        assert_eq!(*cache.candidates(&lex, name, name, 0.0), whole);
        assert_eq!(*cache.candidates(&lex, name, name, MAX_EXTRA), whole);
        // A token with a cheap reading gets the whole answer on a clean page too.
        let typo = "Arbetsmarknadsdepartementt";
        let c = cache.candidates(&lex, typo, typo, MAX_EXTRA);
        assert_eq!(*c, candidates_for(&lex, typo));
        assert!(
            c.iter().any(|c| c.word == "arbetsmarknadsdepartementet"),
            "{c:?}"
        );
    }

    #[test]
    fn no_reading_writes_a_letter_three_times() {
        let lex = Lexicon::embedded();
        // "kontroll" + "lagen" shares its "l": a reading of the last part must not put the
        // third "l" back ("säkerhetskontrolllägen").
        for token in ["säkerhetskontrollagen", "kontrollagen", "fallucka"] {
            for c in candidates_for(&lex, token) {
                let b = c.word.as_bytes();
                assert!(
                    !b.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]),
                    "{token} -> {}",
                    c.word
                );
            }
        }
    }

    #[test]
    fn addresses_are_told_from_words_by_their_shape() {
        let address = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            in_address(text, Span::new(at, at + word.len()))
        };
        assert!(address("se www.boras.se.", "boras"));
        assert!(address("(https://example.org/a/nimnden)", "nimnden"));
        assert!(address("till ks@boras.se, i dag", "ks"));
        assert!(address("filen protokoll_2020.pdf", "pdf"));
        assert!(address("på boras.se i dag", "boras"));
        // OCR's "@" for "ö", an abbreviation, a lost space after a period, a plain word.
        assert!(!address("m@jligheten att", "jligheten"));
        assert!(!address("se t.ex. detta", "ex"));
        assert!(!address("nämnden.Beslutet fattades", "Beslutet"));
        assert!(!address("ett ord, och ett till.", "till"));
        assert!(!address("bl.a", "bl"));
    }

    #[test]
    fn a_unit_is_first_on_its_line_when_nothing_alphanumeric_precedes_it_there() {
        let text = "§ 12 Nämnden\n  – ”Översyn” av\x0c (ä) ¹ Ω ·\r\n\t- 1 å.";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let line = text[..at].rsplit(['\n', '\x0c']).next().unwrap_or("");
            let expected = !line.chars().any(char::is_alphanumeric);
            assert_eq!(first_on_line(text, at), expected, "at {at}");
        }
    }

    #[test]
    fn fixed2_writes_what_the_float_formatting_writes() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut values = vec![
            0.0, -0.0, 0.005, 0.015, 0.125, -0.125, 2.675, -0.004, 1e9, 99.995,
        ];
        for _ in 0..200_000 {
            let r = next();
            let scale = [0.01, 1.0, 10.0, 1000.0][(r % 4) as usize];
            let v = (r >> 11) as f64 / (1u64 << 53) as f64 * scale;
            values.push(if r & 1 << 5 != 0 { -v } else { v });
            // Values at a tie or just beside one, and f32 values as the costs are.
            let tie = (r % 100_000) as f64 / 100.0 + 0.005;
            values.extend([tie, f64::from(tie as f32), f64::from(v as f32), -tie]);
        }
        for v in values {
            let mut written = String::new();
            Fixed2(v).push_to(&mut written);
            assert_eq!(written, format!("{v:.2}"), "{v:e}");
        }
    }
}
