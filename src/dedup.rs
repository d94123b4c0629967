//! The repeated section: paragraphs that repeat an earlier one.
//!
//! A protocol extract often repeats its summary in the attached tjänsteskrivelse: title,
//! decision, summary paragraphs and lists, copied word for word but read by OCR a second
//! time. The units compared are the text's lines (after the structure stage, one paragraph,
//! list item or heading per line).
//!
//! - A long unit (a paragraph, a title, a long list item) is a duplicate when an earlier
//!   unit reads the same after folding (case, diacritics and OCR confusions), similarity at
//!   least [`SIMILARITY`], and says the same thing: numbers and capitalised words (names)
//!   are compared strictly, so "Arbetslivsförvaltningen" for "Arbetslivsnämnden" or "900
//!   000" for "800 000" keeps the paragraph.
//! - A short unit (a heading, a short list item) is only a duplicate inside a repeated run:
//!   it reads like an earlier unit whose neighbour was copied to its own neighbour. So the
//!   ordinary recurring heading ("Beslutsunderlag" in every item) stays.
//! - A heading inside the repeated run that introduces only removed units ("Ärendet i sin
//!   helhet" over a copied summary) goes with them; with a new paragraph under it, it stays.
//!
//! The first occurrence is kept; each removal records the kept copy's span in
//! [`Edit::kept`].

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::structure::{joined_words, similar};
use crate::{Edit, EditKind, Options, Span};

/// Folded units at least this similar are copies (OCR reads the two copies differently).
pub const SIMILARITY: f64 = 0.88;

/// A repeated unit this long (folded characters) is a copy even on its own.
const STANDALONE_CHARS: usize = 200;

/// How far apart (in units) two copied units may be and still belong to one copied run.
const RUN_GAP: usize = 4;

/// A name (capitalised word) in one copy matches a word of the other at least this similar;
/// both with every vowel as "a". "Arbetslivsförvaltningen" for "Arbetslivsnämnden" is about
/// 0.6, OCR noise 0.8 and up.
const NAME_SIMILARITY: f64 = 0.75;

/// Units shorter than this (folded characters) count as short.
const LONG_CHARS: usize = 40;

struct Unit {
    /// The line's text, without surrounding white space.
    content: Span,
    /// The line's start.
    start: usize,
    /// Folded words, numbers kept as digits.
    folded: String,
    /// Characters of `folded` (compared often, counted once).
    chars: usize,
    words: Vec<String>,
    /// The same, as a set, for the cheap filter.
    word_set: FxHashSet<String>,
    /// Its [`ANCHORS`] longest distinct words, by which earlier units it may copy are found.
    anchors: Vec<String>,
    /// Pure numbers.
    numbers: Vec<String>,
    /// Capitalised words after the first, folded.
    names: Vec<String>,
    /// The words with every vowel as "a", for comparing names (made when first asked for:
    /// only units that read alike and have names are compared by them).
    vowel_words: OnceCell<Vec<String>>,
    heading: bool,
    /// 0: running text, 1: a bulleted item, 2: a numbered item.
    item: u8,
}

fn unit(text: &str, start: usize, content: Span) -> Unit {
    let s = content.of(text);
    let mut words = Vec::new();
    let mut numbers = Vec::new();
    let mut names = Vec::new();
    let mut n_words = 0;
    for (k, tok) in s.split_whitespace().enumerate() {
        n_words = k + 1;
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        if t.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(t.to_string());
            words.push(t.to_string());
            continue;
        }
        let f = joined_words(t);
        if f.is_empty() {
            continue;
        }
        if k > 0 && t.chars().next().is_some_and(char::is_uppercase) && t.chars().count() >= 3 {
            names.push(vowels(&f));
        }
        words.push(f);
    }
    let heading = n_words <= 6
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.ends_with(['.', ',', ';', ':', '!', '?'])
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit());
    let first = s.split_whitespace().next().unwrap_or("");
    let item = if first.len() <= 3
        && first.ends_with(['.', ')'])
        && first.starts_with(|c: char| c.is_ascii_digit())
    {
        2
    } else if first.chars().count() == 1 && !first.chars().all(char::is_alphanumeric) {
        1
    } else {
        0
    };
    let word_set: FxHashSet<String> = words.iter().cloned().collect();
    let anchors = anchors(word_set.iter());
    Unit {
        content,
        start,
        chars: words.iter().map(|w| w.chars().count()).sum::<usize>()
            + words.len().saturating_sub(1),
        folded: words.join(" "),
        word_set,
        anchors,
        words,
        numbers,
        names,
        vowel_words: OnceCell::new(),
        heading,
        item,
    }
}

/// The [`ANCHORS`] longest of distinct `words` (the same length: the first in order).
/// (Of two units read as one, they are the longest of the two units' anchors.)
fn anchors<'w>(words: impl Iterator<Item = &'w String>) -> Vec<String> {
    let mut anchors: Vec<&String> = words.collect();
    anchors.sort_by_cached_key(|w| (std::cmp::Reverse(w.chars().count()), w.as_str()));
    anchors.dedup();
    anchors.into_iter().take(ANCHORS).cloned().collect()
}

/// The earlier units (before `before`) that hold one of `anchors` (a unit's longest words),
/// in order.
fn sharing(index: &FxHashMap<&str, Vec<usize>>, anchors: &[String], before: usize) -> Vec<usize> {
    let mut out: Vec<usize> = anchors
        .iter()
        .flat_map(|w| index.get(w.as_str()).map(Vec::as_slice).unwrap_or(&[]))
        .copied()
        .filter(|&i| i < before)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many earlier copies of a unit are weighed.
const MAX_CANDIDATES: usize = 4;

/// How many of a unit's longest words are looked up to find what it may copy.
const ANCHORS: usize = 6;

/// Removals of paragraphs of `text` (after word repair) that repeat an earlier paragraph.
pub fn edits(text: &str, options: &Options) -> Vec<Edit> {
    if !options.dedup {
        return Vec::new();
    }
    let mut units = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        if !t.is_empty() {
            let lead = body.len() - body.trim_start().len();
            units.push(unit(text, pos, Span::new(pos + lead, pos + lead + t.len())));
        }
        pos += raw.len();
    }
    let n = units.len();
    // kept[j] = Some((i, similarity)): unit j repeats unit i.
    let mut kept: Vec<Option<(usize, f64)>> = vec![None; n];
    let long = |u: &Unit| u.chars >= LONG_CHARS && u.words.len() >= 4;
    // A copy shares most of its words with what it copies, so it shares at least one of its
    // longest words: each unit is compared only with the earlier units that have one of them
    // (an index of words), and of those only with units of 80-125 % of its length.
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, u) in units.iter().enumerate() {
        for w in &u.word_set {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    // Every earlier unit that unit j repeats, most similar first.
    let mut candidates: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for j in 0..n {
        if !long(&units[j]) {
            continue;
        }
        let shape = (units[j].chars, units[j].item);
        for i in sharing(&index, &units[j].anchors, j) {
            if !shaped_alike((units[i].chars, units[i].item), shape) {
                continue;
            }
            if let Some(s) = same(&units[i], &units[j]) {
                candidates[j].push((i, s));
                // The earliest few copies are enough to choose from; a text repeated many
                // times would otherwise compare every copy with every other.
                if candidates[j].len() == MAX_CANDIDATES {
                    break;
                }
            }
        }
        candidates[j].sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    // A long paragraph repeated is a copy by itself; a shorter one (a formulaic decision
    // sentence that every item repeats) only next to other copied units.
    for j in 0..n {
        if units[j].chars >= STANDALONE_CHARS {
            kept[j] = candidates[j].first().copied();
        }
    }
    loop {
        let mut changed = false;
        for j in 0..n {
            if kept[j].is_some() {
                continue;
            }
            let near = |i: usize| {
                (j.saturating_sub(RUN_GAP)..(j + RUN_GAP + 1).min(n)).any(|k| {
                    k != j
                        && kept[k]
                            .is_some_and(|(m, _)| m.abs_diff(i) <= RUN_GAP && (m < i) == (k < j))
                })
            };
            if let Some(&c) = candidates[j].iter().find(|(i, _)| near(*i)) {
                kept[j] = Some(c);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A paragraph that a page break split in one copy and not in the other: a unit against
    // two consecutive units of the other copy read as one.
    let mut kept_span: Vec<Option<Span>> = vec![None; n];
    // (Built when first asked for: most units are never compared joined.)
    let pairs: Vec<OnceCell<Unit>> = (0..n.saturating_sub(1)).map(|_| OnceCell::new()).collect();
    let pair = |i: usize| {
        pairs[i].get_or_init(|| {
            let span = Span::new(units[i].content.start, units[i + 1].content.end);
            unit(text, units[i].start, span)
        })
    };
    // (A pair's words are its units' one after another and its word set their union; its
    // folded text is theirs with a space between (long units have words), and its kind of
    // item is its first unit's: so a pair is tested without being built, and built only to
    // be aligned.)
    let joined = |i: usize| {
        long(&units[i])
            && long(&units[i + 1])
            && units[i].folded.len() + 1 + units[i + 1].folded.len() >= STANDALONE_CHARS
    };
    let pair_shape = |i: usize| (units[i].chars + 1 + units[i + 1].chars, units[i].item);
    for j in 0..n {
        if kept[j].is_some() || !long(&units[j]) {
            continue;
        }
        // Only pairs that hold one of the unit's longest words can be what it copies.
        let near: Vec<usize> = sharing(&index, &units[j].anchors, j)
            .into_iter()
            .flat_map(|i| [i.saturating_sub(1), i])
            .filter(|&i| i + 1 < j)
            .collect::<std::collections::BTreeSet<usize>>()
            .into_iter()
            .collect();
        if let Some((i, s)) = near
            .into_iter()
            .filter(|&i| {
                joined(i)
                    && shaped_alike(pair_shape(i), (units[j].chars, units[j].item))
                    && shares_most(
                        &[&units[i].word_set, &units[i + 1].word_set],
                        &[&units[j].words],
                    )
            })
            .find_map(|i| same(pair(i), &units[j]).map(|s| (i, s)))
        {
            kept[j] = Some((i, s));
            kept_span[j] = Some(pair(i).content);
            continue;
        }
        if j + 1 < n && kept[j + 1].is_none() && joined(j) {
            let pair_anchors = anchors(units[j].anchors.iter().chain(&units[j + 1].anchors));
            if let Some((i, s)) = sharing(&index, &pair_anchors, j)
                .into_iter()
                .filter(|&i| {
                    shaped_alike((units[i].chars, units[i].item), pair_shape(j))
                        && shares_most(
                            &[&units[i].word_set],
                            &[&units[j].words, &units[j + 1].words],
                        )
                })
                .find_map(|i| same(&units[i], pair(j)).map(|s| (i, s)))
            {
                kept[j] = Some((i, s));
                kept[j + 1] = Some((i, s));
            }
        }
    }
    // Short units inside a repeated run.
    loop {
        let mut changed = false;
        for j in 0..n {
            if kept[j].is_some() || long(&units[j]) {
                continue;
            }
            let fits = |i: usize| {
                let after = j + 1 < n && i + 1 < j && kept[j + 1].is_some_and(|(k, _)| k == i + 1);
                let before = j > 0 && i > 0 && kept[j - 1].is_some_and(|(k, _)| k + 1 == i);
                after || before
            };
            // Only the places next to where the neighbours' copies are can fit.
            let near = [
                kept.get(j + 1)
                    .copied()
                    .flatten()
                    .and_then(|(k, _)| k.checked_sub(1)),
                j.checked_sub(1).and_then(|p| kept[p]).map(|(k, _)| k + 1),
            ];
            if let Some(found) = near
                .into_iter()
                .flatten()
                .filter(|&i| i < j && kept[i].is_none() && fits(i))
                .filter_map(|i| same(&units[i], &units[j]).map(|s| (i, s)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
            {
                kept[j] = Some(found);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A heading inside the run that introduces only removed units.
    let mut drop_heading = vec![false; n];
    for h in 1..n {
        if kept[h].is_some() || !units[h].heading || kept[h - 1].is_none() {
            continue;
        }
        let mut k = h + 1;
        let mut any = false;
        while k < n && kept[k].is_some() {
            any = true;
            k += 1;
        }
        let section_ends = k == n || units[k].heading;
        if any && section_ends {
            drop_heading[h] = true;
        }
    }

    let removed: Vec<bool> = (0..n)
        .map(|j| kept[j].is_some() || drop_heading[j])
        .collect();
    let mut out = Vec::new();
    for j in 0..n {
        if !removed[j] {
            continue;
        }
        // The run this unit belongs to reaches the end of the text: the last unit keeps no
        // separator after it, so the run's first unit takes the one before it.
        let run_to_end = removed[j..].iter().all(|&r| r);
        let start = if run_to_end && j > 0 && !removed[j - 1] {
            units[j - 1].content.end
        } else {
            units[j].start
        };
        let end = if j + 1 < n {
            units[j + 1].start
        } else {
            units[j].content.end
        };
        let span = Span::new(start, end);
        let mut e = match kept[j] {
            Some((mut i, s)) => {
                // Point at the first occurrence, not at another copy.
                while let Some((k, _)) = kept[i] {
                    i = k;
                }
                let mut e = Edit::new(
                    text,
                    span,
                    "",
                    EditKind::Duplicate,
                    s as f32,
                    format!(
                        "repeats the paragraph that begins {:?}",
                        begin(units[i].content.of(text))
                    ),
                );
                e.kept = Some(
                    kept_span[j]
                        .filter(|_| kept[j].is_some_and(|(k, _)| k == i))
                        .unwrap_or(units[i].content),
                );
                e
            }
            None => Edit::new(
                text,
                span,
                "",
                EditKind::Duplicate,
                0.7,
                "heading of a repeated section",
            ),
        };
        if e.before.is_empty() {
            continue;
        }
        e.confidence = e.confidence.clamp(0.0, 1.0);
        out.push(e);
    }
    out
}

/// The first few words of a paragraph, for a reason.
fn begin(s: &str) -> String {
    let mut out: String = s.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    if s.split_whitespace().count() > 6 {
        out.push('…');
    }
    out
}

/// If `b` repeats `a`: their similarity.
fn same(a: &Unit, b: &Unit) -> Option<f64> {
    if !shaped_alike((a.chars, a.item), (b.chars, b.item)) {
        return None;
    }
    // A cheap filter before the quadratic comparison: most words shared.
    if !shares_most(&[&a.word_set], &[&b.words]) {
        return None;
    }
    let s = similar(&a.folded, &b.folded, SIMILARITY)?;
    if numbers_differ(&a.numbers, &b.numbers) || names_differ(a, b) || names_differ(b, a) {
        return None;
    }
    Some(s)
}

/// Does a unit whose word set is the union of `sets` hold at least half of the words of a
/// unit whose words are `words` one after another (the second test of [`same`])? (Of two
/// units read as one, the words are theirs one after another and the set their union.)
fn shares_most(sets: &[&FxHashSet<String>], words: &[&[String]]) -> bool {
    let all = words.iter().flat_map(|ws| ws.iter());
    let shared = all
        .clone()
        .filter(|w| sets.iter().any(|s| s.contains(*w)))
        .count();
    shared * 2 >= all.count()
}

/// Can units of these lengths (folded characters) and kinds of item be copies (the first
/// test of [`same`])?
fn shaped_alike((la, item_a): (usize, u8), (lb, item_b): (usize, u8)) -> bool {
    item_a == item_b && la > 0 && lb > 0 && la.min(lb) * 100 >= la.max(lb) * 80
}

/// Another number in the same place: a number only one side has, of the same length as a
/// number only the other side has. (OCR drops or adds digits, "2011" read "201"; a number
/// that changed its value keeps its length.)
fn numbers_differ(a: &[String], b: &[String]) -> bool {
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        let mut y: Vec<&String> = y.iter().collect();
        let mut out = Vec::new();
        for n in x {
            match y.iter().position(|m| *m == n) {
                Some(p) => {
                    y.remove(p);
                }
                None => out.push(n.clone()),
            }
        }
        out
    };
    let (oa, ob) = (only(a, b), only(b, a));
    oa.iter().any(|x| ob.iter().any(|y| y.len() == x.len()))
}

/// A name in `a` that `b` does not have, even misread.
fn names_differ(a: &Unit, b: &Unit) -> bool {
    if a.names.is_empty() {
        return false;
    }
    let vowel_words = b
        .vowel_words
        .get_or_init(|| b.words.iter().map(|w| vowels(w)).collect());
    a.names.iter().any(|n| {
        !vowel_words
            .iter()
            .any(|w| w == n || similar(w, n, NAME_SIMILARITY).is_some())
    })
}

/// Every vowel as "a": OCR confuses the vowels most ("lättläst" read "léttléist").
fn vowels(w: &str) -> String {
    w.chars()
        .map(|c| if "eiouy".contains(c) { 'a' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `edits` tests a pair of units by its units' words, folded lengths, anchors and kind of
    /// item, without building it: a pair's words are its units' one after another, its word
    /// set their union, its folded text theirs joined by a space, its anchors the longest of
    /// theirs, its kind the first's, whatever the lines hold (numbers, tokens that fold to
    /// nothing, OCR digits in words, a capital first word, a list marker).
    #[test]
    fn a_pair_is_its_two_units_read_as_one() {
        let lines = [
            "Nämnden beslutar – att 2 000 kr, (se § 12) g6r Ordf6randes 1ista!",
            "— Kommunstyrelsen 2021-02-23: översänder ”svaret” … 7 §§ till Stadsrevisionen.",
            "»   « 12 34",
            "2. Nämnden beslutar att översända svaret, i enlighet med förvaltningens förslag.",
            "• Utdragsbestyrkande",
        ];
        for a in lines {
            for b in lines {
                let text = format!("{a}\n{b}\n");
                let first = unit(&text, 0, Span::new(0, a.len()));
                let second_at = a.len() + 1;
                let second = unit(&text, second_at, Span::new(second_at, second_at + b.len()));
                let pair = unit(&text, 0, Span::new(0, second_at + b.len()));
                let joined = [first.folded.as_str(), second.folded.as_str()]
                    .into_iter()
                    .filter(|f| !f.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                assert_eq!(pair.folded, joined, "{a:?} / {b:?}");
                let merged = anchors(first.anchors.iter().chain(&second.anchors));
                assert_eq!(pair.anchors, merged, "{a:?} / {b:?}");
                assert_eq!(pair.item, first.item, "{a:?} / {b:?}");
                assert_eq!(
                    pair.words,
                    [&first.words[..], &second.words[..]].concat(),
                    "{a:?} / {b:?}"
                );
                let union: FxHashSet<String> =
                    first.word_set.union(&second.word_set).cloned().collect();
                assert_eq!(pair.word_set, union, "{a:?} / {b:?}");
                if !first.words.is_empty() && !second.words.is_empty() {
                    assert_eq!(pair.chars, first.chars + 1 + second.chars, "{a:?} / {b:?}");
                }
            }
        }
    }
}
