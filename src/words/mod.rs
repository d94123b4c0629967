//! Word repair: OCR-aware candidates from the lexicon, compounds part by part, and context.
//!
//! For each word the stage asks: is it a word? If not, which words could OCR have turned into
//! it ([`candidates`], read through the learned OCR [`channel`])? If it is, is another word
//! that OCR confuses with it more likely here ("for" / "för")? Candidates are ranked by a noisy
//! channel: `P(token | word) · P(word | neighbours)`, the second from the corpus word-pair
//! model ([`context`]). The document's own damage rate — the share of tokens the lexicon
//! rejects — sets how much a known word is trusted: on good OCR, real words are left alone.
//!
//! # Performance considerations
//! A known word costs one or two map lookups. A rejected token costs a cost-bounded walk of
//! the skeleton map (tens of microseconds), and a compound repair one walk per position;
//! results are cached per document, so a repeated damaged word is looked up once.

pub mod candidates;
pub(crate) mod channel;
pub(crate) mod context;
mod explain;

use std::collections::HashMap;

pub use candidates::Candidate;
pub use explain::{explain, Explanation, Scored};

use crate::tokenize::{tokenize, Token, TokenKind};
use crate::{Edit, EditKind, Lexicon, Options, Span};
use candidates::Search;
use context::Model;

/// The damage rate the channel table was learned at: documents damaged less than this get
/// dearer non-identity readings.
const REFERENCE_DAMAGE: f64 = 0.12;
/// The most a clean document adds to every non-identity reading (log10).
const MAX_EXTRA: f64 = 1.2;
/// A rejected token is left as it is when its best reading costs more than this (log10 of
/// the channel), plus [`KEEP_PER_LETTER`] a letter: a long token that many readings fit
/// with cheap OCR confusions is damage; a short one that needs arbitrary edits is more
/// likely a name, code or abbreviation.
const KEEP_COST: f64 = 2.4;
const KEEP_PER_LETTER: f64 = 0.16;
/// A real word must lose by this margin (log10) before it is replaced.
const REAL_WORD_MARGIN: f64 = 0.5;
/// Walk budgets (log10 channel cost).
const BUDGET: f32 = 5.0;
const REAL_WORD_BUDGET: f32 = 2.6;

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
    /// A "1" standing alone between words: maybe the word "i".
    lone_one: bool,
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn is_acronym(s: &str) -> bool {
    let n = letters(s);
    n >= 2 && s.chars().all(|c| !c.is_lowercase()) && n <= 6
}

fn classify(lex: &Lexicon, text: &str, span: Span, period_follows: bool) -> Status {
    let w = span.of(text);
    // A fragment of a word broken at a line end is judged only when joined.
    let after = &text[span.end..];
    let before = &text[..span.start];
    if (after.starts_with('-') && after[1..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r', '\x0c']))
        || before.trim_end_matches(['\n', '\r', ' ', '\t', '\x0c']).ends_with('-') && before.trim_end_matches([' ', '\t']).ends_with(['\n', '\x0c'])
    {
        return Status::Skip;
    }
    let n = letters(w);
    let digits = w.chars().filter(char::is_ascii_digit).count();
    if n == 0 || (digits > 0 && (n < 2 || digits * 2 > n + digits)) {
        return Status::Skip;
    }
    if lex.is_list_word(w) {
        return Status::Known;
    }
    if period_follows {
        let mut with = String::with_capacity(w.len() + 1);
        with.push_str(w);
        with.push('.');
        if lex.is_list_word(&with) {
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
    if digits == 0 && lex.compound(w).is_some() {
        return Status::Compound;
    }
    if n == 1 && digits == 0 {
        return Status::Skip;
    }
    Status::Unknown
}

/// Splits text into units with their neighbours.
fn units(lex: &Lexicon, text: &str, toks: &[Token]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut sentence_start = true;
    let mut linked = true; // is the previous unit an adjacent neighbour?
    for (k, t) in toks.iter().enumerate() {
        let s = t.span.of(text);
        match t.kind {
            TokenKind::Space => {
                if s.matches('\n').count() >= 2 || s.contains('\x0c') {
                    sentence_start = true;
                    linked = false;
                }
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
                let lone_one = s == "1";
                let idx = out.len();
                out.push(Unit { span: t.span, status: Status::Skip, sentence_start, prev: None, next: None, lone_one });
                if linked && idx > 0 {
                    out[idx].prev = Some(idx - 1);
                    out[idx - 1].next = Some(idx);
                }
                sentence_start = false;
                linked = true;
            }
            TokenKind::Word => {
                let period = toks.get(k + 1).is_some_and(|n| n.span.of(text) == ".");
                // Hyphenated words are decided part by part unless the whole is a word.
                let parts: Vec<Span> = if s.contains('-') && !lex.is_list_word(s) {
                    let mut v = Vec::new();
                    let mut at = t.span.start;
                    for p in s.split('-') {
                        v.push(Span::new(at, at + p.len()));
                        at += p.len() + 1;
                    }
                    v
                } else {
                    vec![t.span]
                };
                let last = parts.len() - 1;
                for (pi, p) in parts.into_iter().enumerate() {
                    let status = classify(lex, text, p, period && pi == last);
                    let idx = out.len();
                    out.push(Unit { span: p, status, sentence_start, prev: None, next: None, lone_one: false });
                    if linked && idx > 0 {
                        out[idx].prev = Some(idx - 1);
                        out[idx - 1].next = Some(idx);
                    }
                    sentence_start = false;
                    linked = pi == last;
                }
                if t.span.of(text).contains('-') {
                    linked = true;
                }
            }
        }
    }
    out
}

/// Writes `cand` in the case pattern of `token`: "BORAS" -> "BORÅS", "Fér" -> "För". A
/// capital "A" or "O" that OCR made of a mid-sentence "ä"/"ö" becomes lower case again.
fn recase(token: &str, cand: &str, sentence_start: bool) -> String {
    let mut tc = token.chars();
    let first = tc.next();
    let first_upper = first.is_some_and(char::is_uppercase);
    let all_upper = letters(token) > 1 && token.chars().all(|c| !c.is_lowercase());
    if all_upper {
        return cand.to_uppercase();
    }
    let cand_first = cand.chars().next();
    if first_upper {
        if !sentence_start
            && matches!(first, Some('A' | 'O'))
            && matches!(cand_first, Some('ä' | 'ö' | 'å'))
        {
            return cand.to_string();
        }
        let mut out: String = cand_first.map(|c| c.to_uppercase().collect()).unwrap_or_default();
        out.push_str(&cand[cand_first.map_or(0, char::len_utf8)..]);
        return out;
    }
    cand.to_string()
}

struct Decision {
    after: String,
    kind: EditKind,
    confidence: f64,
    reason: String,
}

/// Softmax confidence of the best of `scores` (log10).
fn confidence(best: f64, all: impl Iterator<Item = f64>) -> f64 {
    let sum: f64 = all.map(|s| 10f64.powf(s - best)).sum();
    1.0 / sum.max(1.0)
}

/// Edits of the word stage: `(applied, suggested)`; suggestions fall below the confidence
/// threshold and are only reported.
pub fn edits(text: &str, lexicon: &Lexicon, options: &Options) -> (Vec<Edit>, Vec<Edit>) {
    let toks = tokenize(text);
    let units = units(lexicon, text, &toks);
    let model = Model::new(lexicon);

    // The document's damage rate sets the price of every non-identity reading.
    let judged = units.iter().filter(|u| matches!(u.status, Status::Known | Status::Compound | Status::Unknown)).count();
    let unknown = units.iter().filter(|u| u.status == Status::Unknown).count();
    let damage = (unknown as f64 + 0.5) / (judged as f64 + 5.0);
    let extra = (REFERENCE_DAMAGE / damage).log10().clamp(0.0, MAX_EXTRA) as f32;

    // Words the document spells correctly: evidence for candidates.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for u in &units {
        *counts.entry(u.span.of(text)).or_default() += 1;
        if u.status == Status::Known {
            *seen.entry(u.span.of(text).to_lowercase()).or_default() += 1;
        }
    }

    let mut keys: Vec<String> = units
        .iter()
        .map(|u| match u.status {
            Status::Skip if u.span.of(text).chars().all(|c| c.is_ascii_digit()) => "<num>".to_string(),
            _ => context::key(u.span.of(text)),
        })
        .collect();
    let ctx = |keys: &Vec<String>, u: &Unit| -> (String, String) {
        let prev = match u.prev {
            Some(p) => keys[p].clone(),
            None if u.sentence_start => "<s>".to_string(),
            None => String::new(),
        };
        let next = u.next.map(|n| keys[n].clone()).unwrap_or_default();
        (prev, next)
    };
    let fit = |prev: &str, w: &str, next: &str| -> f64 {
        if prev.is_empty() {
            model.fit("<none>", w, next)
        } else {
            model.fit(prev, w, next)
        }
    };

    let mut decisions: Vec<Option<Decision>> = (0..units.len()).map(|_| None).collect();
    let mut cache: HashMap<String, Vec<Candidate>> = HashMap::new();

    // Pass 1: tokens the lexicon rejects.
    for (i, u) in units.iter().enumerate() {
        if u.status != Status::Unknown {
            continue;
        }
        let token = u.span.of(text);
        let cands = cache
            .entry(token.to_string())
            .or_insert_with(|| candidates_for(lexicon, token, extra))
            .clone();
        if cands.is_empty() {
            continue;
        }
        let (prev, next) = ctx(&keys, u);
        let mut scored: Vec<(f64, &Candidate)> = cands
            .iter()
            .map(|c| {
                let k = context::key(&c.word);
                let evidence = if seen.contains_key(&k) { 0.7 } else { 0.0 };
                (-(c.cost as f64) + fit(&prev, &k, &next) + evidence, c)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let best = scored[0];
        let mut keep_cost = KEEP_COST + KEEP_PER_LETTER * letters(token) as f64 + extra as f64;
        // A capitalised token that recurs in one spelling and has no close word: a name.
        if token.starts_with(char::is_uppercase) && counts.get(token).copied().unwrap_or(0) > 1 {
            keep_cost -= 1.0;
        }
        let keep = best.0 + best.1.cost as f64 - keep_cost;
        let conf = confidence(best.0, scored.iter().map(|s| s.0).chain([keep]));
        if best.0 <= keep {
            continue;
        }
        let after = recase(token, &best.1.word, u.sentence_start);
        if after == token {
            continue;
        }
        keys[i] = context::key(&after);
        let kind = if best.1.compound { EditKind::Compound } else { EditKind::Word };
        let reason = format!(
            "not a word; OCR reading cost {:.2}, context {:.2}{}",
            best.1.cost,
            best.0 + best.1.cost as f64,
            if best.1.compound { ", repaired part by part" } else { "" }
        );
        decisions[i] = Some(Decision { after, kind, confidence: conf, reason });
    }

    // Pass 2: real words that context says OCR confused, and a lone "1" that is the word "i".
    for (i, u) in units.iter().enumerate() {
        let token = u.span.of(text);
        if u.lone_one {
            if let (Some(p), Some(n)) = (u.prev, u.next) {
                let (pt, nt) = (units[p].span.of(text), units[n].span.of(text));
                let words = |s: &str| s.chars().all(char::is_alphabetic) && s.chars().next().is_some_and(char::is_lowercase);
                if units[p].status != Status::Skip && words(pt) && words(nt) && same_line(text, units[p].span, units[n].span) {
                    let (prev, next) = (keys[p].clone(), keys[n].clone());
                    let as_i = fit(&prev, "i", &next) - ONE_AS_I;
                    let as_num = fit(&prev, "<num>", &next);
                    if as_i > as_num {
                        let conf = confidence(as_i, [as_i, as_num].into_iter());
                        keys[i] = "i".into();
                        decisions[i] = Some(Decision {
                            after: "i".into(),
                            kind: EditKind::RealWord,
                            confidence: conf,
                            reason: "a lone \"1\" between words reads as the word \"i\"".into(),
                        });
                    }
                }
            }
            continue;
        }
        if !matches!(u.status, Status::Known | Status::Compound) || letters(token) < 2 || is_acronym(token) {
            continue;
        }
        let search = Search { budget: REAL_WORD_BUDGET, generic_edits: 0, extra };
        let alts = candidates::whole_words(lexicon, token, search);
        let own = context::key(token);
        let (prev, next) = ctx(&keys, u);
        let own_cost = channel::CHANNEL.cost(token, token, extra) as f64;
        let own_score = -own_cost + fit(&prev, &own, &next);
        let mut best: Option<(f64, &Candidate)> = None;
        let mut all = vec![own_score];
        for c in &alts {
            let k = context::key(&c.word);
            if k == own {
                continue;
            }
            let evidence = if seen.contains_key(&k) { 0.3 } else { 0.0 };
            let s = -(c.cost as f64) + fit(&prev, &k, &next) + evidence;
            all.push(s);
            if best.is_none_or(|b| s > b.0) {
                best = Some((s, c));
            }
        }
        let Some((s, c)) = best else { continue };
        if s < own_score + REAL_WORD_MARGIN {
            continue;
        }
        let conf = confidence(s, all.into_iter());
        let after = recase(token, &c.word, u.sentence_start);
        if after == token {
            continue;
        }
        keys[i] = context::key(&after);
        decisions[i] = Some(Decision {
            after,
            kind: EditKind::RealWord,
            confidence: conf,
            reason: format!("a word, but \"{}\" fits the context better (by {:.2})", c.word, s - own_score),
        });
    }

    let mut applied = Vec::new();
    let mut suggested = Vec::new();
    for (u, d) in units.iter().zip(decisions) {
        let Some(d) = d else { continue };
        let e = Edit::new(text, u.span, d.after, d.kind, d.confidence as f32, d.reason);
        if d.confidence as f32 >= options.min_confidence {
            applied.push(e);
        } else {
            suggested.push(e);
        }
    }
    (applied, suggested)
}

/// Channel cost of reading the word "i" as the digit "1" in running text.
const ONE_AS_I: f64 = 1.0;

fn same_line(text: &str, a: Span, b: Span) -> bool {
    !text[a.end..b.start].contains('\n')
}

/// Candidates for a rejected token: whole words, else a compound repaired part by part,
/// else whole words at one or two arbitrary edits.
pub(crate) fn candidates_for(lex: &Lexicon, token: &str, extra: f32) -> Vec<Candidate> {
    let search = Search { budget: BUDGET, generic_edits: 0, extra };
    let mut c = candidates::whole_words(lex, token, search);
    if c.is_empty() {
        c.extend(candidates::compound(lex, token, search));
    }
    if c.is_empty() && letters(token) >= 4 {
        let generic = if letters(token) >= 8 { 2 } else { 1 };
        c = candidates::whole_words(lex, token, Search { budget: BUDGET + 2.0, generic_edits: generic, extra });
    }
    c.truncate(8);
    c
}
