//! Compound analysis that follows the Hunspell roles of the dictionary: one part that may
//! begin a compound, any number that may sit in the middle, one that may end it; every part
//! at least two letters; a linking "s" comes with the dictionary's own first-part forms
//! ("integrations-"); a triple consonant at a seam is written double ("fall" + "lucka" =
//! "fallucka"); the same part never twice in a row.

use super::trie::Trie;

use super::{roles, Entry, Lexicon};

/// A compound split into its lexicon parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compound {
    /// The parts as the lexicon spells them (lower case), in order.
    pub parts: Vec<String>,
}

/// Shortest parts have two letters: shorter ones let nearly anything through.
const MIN_PART_CHARS: usize = 2;

/// Calls `f(end, value)` for every prefix `word[..end]` that is a key of `map`.
pub(crate) fn for_each_prefix(map: &Trie<'static>, word: &[u8], mut f: impl FnMut(usize, u64)) {
    let mut node = Trie::ROOT;
    let mut out = 0u64;
    for (i, &b) in word.iter().enumerate() {
        let Some((next, o)) = map.child(node, b) else {
            return;
        };
        node = next;
        out = out.wrapping_add(o);
        if let Some(f_out) = map.final_output(node) {
            f(i + 1, out.wrapping_add(f_out));
        }
    }
}

pub(crate) fn analyse(lex: &Lexicon, token: &str) -> Option<Compound> {
    let lower = super::lower_case(token);
    if lower.chars().count() < 2 * MIN_PART_CHARS || lower.contains(|c: char| !c.is_alphabetic()) {
        return None;
    }
    let capital = token
        .starts_with(char::is_uppercase)
        .then(|| capitalised(&lower))
        .flatten();
    let split = split_roles(&lower, capital.as_deref(), |bytes, f| {
        for_each_prefix(&lex.data.forms, bytes, f)
    })?;
    // (Most tokens have no split: the forbidden list is asked only of those that do.)
    if lex.exact(&lower).is_some_and(Entry::is_forbidden) {
        return None;
    }
    Some(Compound {
        parts: split
            .iter()
            .map(|&(a, z)| lower[a..z].to_string())
            .collect(),
    })
}

/// `word` (lower case) with its first letter a capital, when that takes as many bytes: the
/// spelling in which a name begins a compound ("Dublin" in "Dublinförordningen").
fn capitalised(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    let mut upper = first.to_uppercase();
    let (u, None) = (upper.next()?, upper.next()) else {
        return None;
    };
    (u.len_utf8() == first.len_utf8() && u != first)
        .then(|| format!("{u}{}", &word[first.len_utf8()..]))
}

/// The split of `word` with fewest parts (ties: the longer first part) into a BEGIN part,
/// MIDDLE parts and an END part, as `(start, end)` byte ranges. `prefixes(bytes, f)` reports
/// every prefix of `bytes` that is a form, with its role bits. The first part may also be a
/// prefix of `capital` (the word as [`capitalised`] writes it): a name.
pub(crate) fn split_roles(
    word: &str,
    capital: Option<&str>,
    prefixes: impl Fn(&[u8], &mut dyn FnMut(usize, u64)),
) -> Option<Vec<(usize, usize)>> {
    SCRATCH.with_borrow_mut(|scratch| split_in(scratch, word, capital, prefixes))
}

/// The working lists of [`split_roles`], kept for the thread's next analysis: the word
/// stage analyses every token the list rejects, and five allocations an analysis were a
/// tenth of its cost.
#[derive(Default)]
struct Scratch {
    /// The first parts: (first part's end, where the next part starts).
    firsts: Vec<(usize, usize)>,
    forms: Vec<(usize, u64)>,
    forms_at: Vec<Option<(usize, usize)>>,
    todo: Vec<usize>,
    tail: Vec<Option<(usize, usize)>>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// [`split_roles`] with `scratch` for its lists.
fn split_in(
    scratch: &mut Scratch,
    word: &str,
    capital: Option<&str>,
    prefixes: impl Fn(&[u8], &mut dyn FnMut(usize, u64)),
) -> Option<Vec<(usize, usize)>> {
    let Scratch {
        firsts,
        forms,
        forms_at,
        todo,
        tail,
    } = scratch;
    firsts.clear();
    forms.clear();
    todo.clear();
    let b = word.as_bytes();
    let n = b.len();
    let ok = |v: u64, role: u64| v & role != 0 && v & roles::FORBIDDEN == 0;
    let long_enough = |a: usize, z: usize| word[a..z].chars().count() >= MIN_PART_CHARS;
    // The first parts, and where the rest may start after each (a triple letter at the seam
    // is written double: "fall" + "lucka" = "fallucka").
    let mut first = |end: usize, v: u64| {
        if end >= n || !ok(v, roles::BEGIN) || !long_enough(0, end) {
            return;
        }
        let triple = end >= 2 && b[end - 1] == b[end - 2] && b[end - 1].is_ascii_alphabetic();
        let tripled_in_text = end < n && triple && b[end] == b[end - 1];
        for start in [end, end - 1] {
            if (start != end && !triple) || (start == end && tripled_in_text) {
                continue;
            }
            if !firsts.contains(&(end, start)) {
                firsts.push((end, start));
            }
        }
    };
    prefixes(b, &mut first);
    if let Some(c) = capital {
        prefixes(c.as_bytes(), &mut first);
    }
    if firsts.is_empty() {
        return None;
    }
    // The forms starting at every place a part can start (from the first parts on, through
    // middle parts), walked once each; only those places are ever needed.
    // (All places' forms in one list: `forms_at[i]` is the range of place i's.)
    forms_at.clear();
    forms_at.resize(n + 1, None);
    todo.extend(firsts.iter().map(|&(_, start)| start));
    while let Some(i) = todo.pop() {
        if i == 0 || i >= n || forms_at[i].is_some() || !word.is_char_boundary(i) {
            continue;
        }
        let from = forms.len();
        prefixes(&b[i..], &mut |len, v| {
            let end = i + len;
            if long_enough(i, end) {
                forms.push((end, v));
                if end < n && ok(v, roles::MIDDLE) {
                    todo.push(end);
                }
            }
        });
        forms_at[i] = Some((from, forms.len()));
    }
    // tail[i]: fewest parts splitting word[i..] into MIDDLE* END, as the first part's end
    // (on ties the longer part).
    tail.clear();
    tail.resize(n + 1, None);
    for i in (1..n).rev() {
        let Some((from, to)) = forms_at[i] else {
            continue;
        };
        let mut best: Option<(usize, usize)> = None;
        for &(end, v) in &forms[from..to] {
            let parts = if end == n {
                ok(v, roles::END).then_some(1)
            } else if ok(v, roles::MIDDLE) {
                tail[end].map(|(_, k)| k + 1)
            } else {
                None
            };
            if let Some(k) = parts {
                if best.is_none_or(|(_, bk)| k <= bk) {
                    best = Some((end, k));
                }
            }
        }
        tail[i] = best;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (first end, next start, parts)
    for &(end, start) in firsts.iter() {
        if let Some((_, k)) = tail[start] {
            if best.is_none_or(|(_, _, bk)| k < bk) {
                best = Some((end, start, k + 1));
            }
        }
    }
    let (first_end, mut i, _) = best?;
    let mut parts = vec![(0, first_end)];
    while i < n {
        let (end, _) = tail[i]?;
        parts.push((i, end));
        i = end;
    }
    // The same part twice in a row ("bil" + "bil") is not a compound.
    if parts
        .windows(2)
        .any(|w| word[w[0].0..w[0].1] == word[w[1].0..w[1].1])
    {
        return None;
    }
    Some(parts)
}
