//! Folded forms for comparing lines that OCR read differently: case, diacritics and the
//! usual OCR confusions do not count.

/// Calls `f` with the base letters of `s`, lower case, diacritics and ligatures taken apart
/// ("Ordférandes" and "Ordförandes" both give "ordforandes" after [`ocr_letter`]): the
/// compatibility decomposition without its combining marks. Character by character (the
/// decomposition reorders only combining marks, which are dropped), and ASCII, most of the
/// text, directly. (Called for every line of a document, and for every word of its
/// paragraphs: so a call, not an iterator that would hold each character's decomposition.)
fn for_each_base_char(s: &str, mut f: impl FnMut(char)) {
    for c in s.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    d.to_lowercase().for_each(&mut f);
                }
            });
        }
    }
}

/// The key under which running headers and footers are compared: letters only, every
/// digit as `0` (so "Sida 2 av 5" and "Sida 3 av 5" are the same line), no spaces or
/// punctuation (OCR splits and merges words and reads punctuation freely).
pub(crate) fn line_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for_each_base_char(s, |c| match c {
        'a'..='z' => key.push(c),
        '0'..='9' => key.push('0'),
        _ => {}
    });
    key
}

/// What a letter-like character probably is: OCR reads "ö" as "6" and "o" as "0", "i" as
/// "1", "l" or "|".
fn ocr_letter(c: char) -> Option<char> {
    match c {
        '0' | '6' => Some('o'),
        '1' | 'l' | '|' | '!' => Some('i'),
        '5' => Some('s'),
        'a'..='z' => Some(c),
        _ => None,
    }
}

/// The words of `s` folded for fuzzy comparison of words: lower case, no diacritics,
/// OCR confusions merged ("l"/"1"/"|" as "i", "0"/"6" as "o").
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    write_words(s, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// The [`words`] of `s` written one after another, as one string.
pub(crate) fn joined_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    write_words(s, &mut out, |_| {});
    out
}

/// Appends the [`words`] of `s` to `out`, one after another, and calls `ended` with each
/// word as it ends: a run of letter-like characters with a letter in it (a number alone is
/// no word, and is taken back out).
fn write_words(s: &str, out: &mut String, mut ended: impl FnMut(&str)) {
    let mut start = out.len();
    let mut has_letter = false;
    let mut end_run = |out: &mut String, has_letter: bool, start: &mut usize| {
        if has_letter {
            ended(&out[*start..]);
        } else {
            out.truncate(*start);
        }
        *start = out.len();
    };
    for_each_base_char(s, |c| match ocr_letter(c) {
        Some(f) => {
            has_letter |= c.is_alphabetic();
            out.push(f);
        }
        None => {
            end_run(out, has_letter, &mut start);
            has_letter = false;
        }
    });
    end_run(out, has_letter, &mut start);
}

/// Is folded word `a` the folded word `b`, allowing the OCR noise a word of its length
/// usually carries (one edit in four letters, none in words of three letters or fewer)?
pub(crate) fn word_like(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = b.chars().count();
    if n <= 3 {
        return false;
    }
    let allowed = (n / 4).max(1);
    // The lengths first: most words are not near the other's length, and their difference
    // is a lower bound of what the counts below find.
    if a.chars().count().abs_diff(n) > allowed {
        return false;
    }
    // Each character one word has more of than the other costs an edit.
    let mut hist = [0i32; 64];
    a.chars().for_each(|c| hist[bucket(c)] += 1);
    b.chars().for_each(|c| hist[bucket(c)] -= 1);
    if surplus(&hist) > allowed {
        return false;
    }
    bounded_distance(a.chars(), b.chars(), allowed).is_some()
}

/// Similarity of two strings in 0..=1 (normalised Levenshtein distance): what [`similar`]
/// computes, the plain way (its reference in tests).
#[cfg(test)]
fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Similarity of `a` and `b` in 0..=1 (normalised Levenshtein distance, as
/// `strsim::normalized_levenshtein`) if it is at least `min`, else `None`; found much faster
/// than the full distance when the answer is no. A pair is rejected first by length, then by its
/// characters (every character one string has more of than the other costs an edit: a
/// lower bound of the distance), and only then aligned, within a band around the diagonal
/// as wide as the distance allowed.
pub(crate) fn similar(a: &str, b: &str, min: f64) -> Option<f64> {
    if a == b {
        return (1.0 >= min).then_some(1.0);
    }
    let mut hist = [0i32; 64];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        hist[bucket(c)] += 1;
        n += 1;
    }
    for c in b.chars() {
        hist[bucket(c)] -= 1;
        m += 1;
    }
    let allowed = reject(&hist, n.max(m), min)?;
    score(
        bounded_distance(a.chars(), b.chars(), allowed),
        n.max(m),
        min,
    )
}

/// The counting bucket of a character: characters sharing one only weaken the bound.
pub(crate) fn bucket(c: char) -> usize {
    c as usize & 63
}

/// [`similar`] of two character slices, given their counts' [`surplus`].
pub(crate) fn similar_counted(a: &[char], b: &[char], surplus: usize, min: f64) -> Option<f64> {
    let allowed = allowed_edits(a.len().max(b.len()), min);
    if surplus > allowed {
        return None;
    }
    let distance = bounded_distance(a.iter().copied(), b.iter().copied(), allowed);
    score(distance, a.len().max(b.len()), min)
}

/// [`similar`] of two character slices.
#[cfg(test)]
fn similar_chars(a: &[char], b: &[char], min: f64) -> Option<f64> {
    let mut hist = [0i32; 64];
    for &c in a {
        hist[bucket(c)] += 1;
    }
    for &c in b {
        hist[bucket(c)] -= 1;
    }
    similar_counted(a, b, surplus(&hist), min)
}

/// The characters one string has more of than the other has of them, the larger side
/// (`hist`: the first string's counts by [`bucket`] minus the second's). Each costs an
/// edit: a lower bound of the distance, and of the lengths' difference.
pub(crate) fn surplus(hist: &[i32; 64]) -> usize {
    let (more_a, more_b) = surplus_sides(hist);
    more_a.max(more_b)
}

/// What each side of `hist` has more of: the first string's surplus, the second's. (The
/// second's is the first's less the lengths' difference, the sum of `hist`: two sums of
/// 32-bit lanes, which the compiler vectorises.)
pub(crate) fn surplus_sides(hist: &[i32; 64]) -> (usize, usize) {
    let more_a: i32 = hist.iter().map(|&h| h.max(0)).sum();
    let difference: i32 = hist.iter().sum();
    (more_a as usize, (more_a - difference) as usize)
}

/// The largest distance that can still reach similarity `min` between strings whose longer
/// has `longest` characters (one more, for rounding).
fn allowed_edits(longest: usize, min: f64) -> usize {
    // (The conversion rounds down and takes a negative to 0: `floor` here was a call.)
    ((1.0 - min) * longest as f64) as usize + 1
}

/// The largest distance that can still reach `min` (one more, for rounding), unless the
/// characters' counts (`hist`: first string's minus second's) already need more edits.
fn reject(hist: &[i32; 64], longest: usize, min: f64) -> Option<usize> {
    let allowed = allowed_edits(longest, min);
    // (The counts' difference bounds the length difference too.)
    (surplus(hist) <= allowed).then_some(allowed)
}

/// The similarity of two strings whose longer has `longest` characters, `distance` apart
/// (none: more than was allowed), if it is at least `min`.
fn score(distance: Option<usize>, longest: usize, min: f64) -> Option<f64> {
    if longest == 0 {
        return (1.0 >= min).then_some(1.0);
    }
    let s = 1.0 - distance? as f64 / longest as f64;
    (s >= min).then_some(s)
}

/// Letter counts of a line key ([`line_key`]: a-z, and 0 for every digit).
pub(crate) fn key_counts(key: &str) -> [u16; 27] {
    let mut h = [0u16; 27];
    for b in key.bytes() {
        h[if b == b'0' {
            26
        } else {
            (b.wrapping_sub(b'a')) as usize % 26
        }] += 1;
    }
    h
}

/// Can two keys with these letter counts (the longer `longest` letters) be [`similar`] at
/// `min`? Each letter one has more of than the other costs an edit.
pub(crate) fn counts_within(a: &[u16; 27], b: &[u16; 27], longest: usize, min: f64) -> bool {
    let allowed = allowed_edits(longest, min);
    let (more_a, more_b) = a.iter().zip(b).fold((0, 0), |(x, y), (&p, &q)| {
        (
            x + p.saturating_sub(q) as usize,
            y + q.saturating_sub(p) as usize,
        )
    });
    more_a.max(more_b) <= allowed
}

/// Levenshtein distance of `a` and `b` if it is at most `k`. (rapidfuzz: bit-parallel, 64
/// cells of a column at a time, within the band `k` allows; a banded table here took a
/// tenth of the whole pipeline, comparing paragraphs of hundreds of characters.)
fn bounded_distance<A, B>(a: A, b: B, k: usize) -> Option<usize>
where
    A: IntoIterator<Item = char>,
    A::IntoIter: DoubleEndedIterator + Clone,
    B: IntoIterator<Item = char>,
    B::IntoIter: DoubleEndedIterator + Clone,
{
    use rapidfuzz::distance::levenshtein;
    levenshtein::distance_with_args(a, b, &levenshtein::Args::default().score_cutoff(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_agrees_with_the_full_distance() {
        let words = [
            "",
            "a",
            "sida",
            "sida 2 av 5",
            "sida 3 av 5",
            "ordförandes sign",
            "ordforandes  sign",
            "justerandes signatur utdragsbestyrkande",
            "justerandes signatur utdragsbestyrkandc",
            "gymnasie- och vuxenutbildningsnämnden",
            "gymnasie och vuxenutbildningsnimnden",
            "kommunstyrelsen",
            "stadsrevisionen",
        ];
        // And pseudo-random strings over a small alphabet, where near misses are common.
        let mut seed: u32 = 12345;
        let mut next = |bound: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) % bound
        };
        let alphabet: Vec<char> = "abcä ".chars().collect();
        let random: Vec<String> = (0..200)
            .map(|_| {
                let len = next(14);
                (0..len).map(|_| alphabet[next(5) as usize]).collect()
            })
            .collect();
        for pair in random.chunks(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let n = b.chars().count();
            let want = a == b || (n > 3 && strsim::levenshtein(a, b) <= (n / 4).max(1));
            assert_eq!(word_like(a, b), want, "{a:?} {b:?}");
            for min in [0.3, 0.6, 0.8] {
                let full = similarity(&pair[0], &pair[1]);
                let want = (full >= min).then_some(full);
                assert_eq!(similar(&pair[0], &pair[1], min), want, "{pair:?} {min}");
            }
        }
        for a in words {
            for b in words {
                for min in [0.0, 0.5, 0.78, 0.8, 0.9, 1.0] {
                    let full = similarity(a, b);
                    let want = (full >= min).then_some(full);
                    assert_eq!(similar(a, b, min), want, "{a:?} {b:?} {min}");
                    let (ca, cb): (Vec<char>, Vec<char>) =
                        (a.chars().collect(), b.chars().collect());
                    assert_eq!(similar_chars(&ca, &cb, min), want, "{a:?} {b:?} {min}");
                }
            }
        }
    }

    #[test]
    fn page_numbers_fold_alike() {
        assert_eq!(line_key("Sida 2 av 5"), line_key("Sida 3 av 5"));
        assert_eq!(line_key("Ordförandes sign"), line_key("Ordforandes  sign"));
    }

    #[test]
    fn ocr_digits_fold_to_letters_in_words() {
        assert_eq!(words("0rdf6randes Sign"), ["ordforandes", "sign"]);
        assert!(word_like("ordferandes", "ordforandes"));
        assert!(!word_like("och", "oeh"), "short words must be exact");
        assert!(!word_like("justering", "utdragsbestyrkande"));
    }
}
