//! The diacritic skeleton of a word, shared by the build script and the library.
//!
//! OCR with an English model keeps the shape of a Swedish word but loses its diacritics, so
//! the lexicon indexes every form under its skeleton: lower case, with each accented vowel
//! folded onto its base letter. "Borås", "boras" and "boräs" share the skeleton "boras".

/// Folds one lower-case character onto its skeleton letter.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'ä' | 'å' | 'à' | 'á' | 'â' | 'ã' | 'æ' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// Appends the skeleton of `word` to `out`.
pub fn skeleton_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // No diacritics to fold: the skeleton is the word in lower case.
        let at = out.len();
        out.push_str(word);
        out[at..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        for l in c.to_lowercase() {
            out.push(fold_char(l));
        }
    }
}

/// The skeleton of `word`.
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    skeleton_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_are_lower_case_with_diacritics_folded() {
        assert_eq!(skeleton("BORAS"), "boras");
        assert_eq!(skeleton("Borås"), "boras");
        assert_eq!(skeleton("ÖVERSÄNDER"), "oversander");
        let mut out = String::from("x ");
        skeleton_into("Nämnden", &mut out);
        skeleton_into(" KS", &mut out);
        assert_eq!(out, "x namnden ks");
    }
}
