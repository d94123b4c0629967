//! Folded forms for comparing lines that OCR read differently: case, diacritics and the
//! usual OCR confusions do not count.

use unicode_normalization::UnicodeNormalization;

/// Base letters, lower case, diacritics and ligatures taken apart ("Ordférandes" and
/// "Ordförandes" both give "ordforandes" after [`ocr_letter`]).
fn base_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
}

/// The key under which running headers and footers are compared: letters only, every
/// digit as `0` (so "Sida 2 av 5" and "Sida 3 av 5" are the same line), no spaces or
/// punctuation (OCR splits and merges words and reads punctuation freely).
pub(crate) fn line_key(s: &str) -> String {
    base_chars(s)
        .filter_map(|c| match c {
            'a'..='z' => Some(c),
            '0'..='9' => Some('0'),
            _ => None,
        })
        .collect()
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
    let mut cur = String::new();
    let mut has_letter = false;
    for c in base_chars(s) {
        match ocr_letter(c) {
            Some(f) => {
                has_letter |= c.is_alphabetic();
                cur.push(f);
            }
            None => {
                if has_letter {
                    out.push(std::mem::take(&mut cur));
                }
                cur.clear();
                has_letter = false;
            }
        }
    }
    if has_letter {
        out.push(cur);
    }
    out
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
    strsim::levenshtein(a, b) <= allowed
}

/// Similarity of two strings in 0..=1 (normalised Levenshtein distance).
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

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
