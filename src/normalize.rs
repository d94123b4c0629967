//! Unicode normalisation: OCR engines and PDF extractors often write "å" as "a" plus a
//! combining ring; everything downstream compares NFC text. And mojibake: UTF-8 that some
//! tool once read as Windows-1252 ("BorÃ¥s" for "Borås") is read back as UTF-8. And
//! characters that print as nothing inside a word (a soft hyphen, a zero-width space), which
//! text extractors leave behind: they split the word for the lexicon and for search.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::decode::cp1252_byte;
use crate::tokenize::{tokenize, TokenKind};
use crate::{Edit, EditKind, Span};

/// The reason given on every mojibake repair.
pub const MOJIBAKE: &str = "mojibake: UTF-8 read as Windows-1252";

/// The telltales of mojibake in Swedish text: "å ä ö Å Ä Ö é" as UTF-8 read as
/// Windows-1252. Repairs happen only in a text that holds one of them: "Ã" followed by a
/// symbol is otherwise possible (rarely) in real text, these pairs are not.
const TELLTALES: [&str; 7] = ["Ã¥", "Ã¤", "Ã¶", "Ã…", "Ã„", "Ã–", "Ã©"];

/// The reason given when a soft hyphen inside a word goes.
pub const SOFT_HYPHEN: &str = "soft hyphen inside a word";
/// The reason given when a zero-width character inside a word goes.
pub const ZERO_WIDTH: &str = "zero-width character inside a word";

/// Characters that print as nothing: a soft hyphen (printed only where a line breaks), the
/// zero-width space, non-joiner and joiner, the word joiner, and the byte order mark.
const INVISIBLE: [char; 6] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Edits that bring `text` to NFC, one per token that is not already NFC, that repair
/// mojibake, one per word that holds it, and that take invisible characters out of words,
/// one per run of them.
///
/// ```
/// use putsa::{apply, normalize};
/// let text = "Nämn\u{ad}den och för\u{200b}slaget";
/// assert_eq!(apply(text, &normalize::edits(text)), "Nämnden och förslaget");
/// ```
pub fn edits(text: &str) -> Vec<Edit> {
    let mut out = mojibake(text);
    let inside = invisible(text);
    if !inside.is_empty() {
        // (A mojibake repair spans only letters and its sequences: no run of invisible
        // characters lies in one.)
        out.extend(inside);
        out.sort_by_key(|e| e.span);
    }
    if is_nfc(text) {
        return out;
    }
    let repaired = out.len();
    // Combining marks are not word characters, so take each word with the marks after it.
    let toks = tokenize(text);
    let mut i = 0;
    while i < toks.len() {
        let start = toks[i].span.start;
        let mut end = toks[i].span.end;
        let mut j = i + 1;
        while j < toks.len()
            && toks[j].kind == TokenKind::Punct
            && is_combining(toks[j].span.of(text))
        {
            end = toks[j].span.end;
            j += 1;
        }
        let s = &text[start..end];
        let span = Span::new(start, end);
        let nfc: String = s.nfc().collect();
        if nfc != s && !out[..repaired].iter().any(|e| e.span.overlaps(span)) {
            out.push(Edit::new(
                text,
                span,
                nfc,
                EditKind::Normalize,
                1.0,
                "Unicode NFC",
            ));
        }
        i = j;
    }
    out.sort_by_key(|e| e.span);
    out
}

/// Is `text` NFC by the quick check ([`is_nfc_quick`] answers yes)? Characters below U+0300
/// (UTF-8 lead bytes under 0xCC) are starters that are NFC as they stand, so only the runs
/// of other characters (dashes, quotes, combining marks) are checked: most of a Swedish text
/// is passed over byte by byte.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b >= 0xCC) {
        let start = i + k;
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| c < '\u{300}')
            .map_or(text.len(), |(j, _)| start + j);
        if is_nfc_quick(text[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        i = end;
    }
    true
}

/// Runs of [`INVISIBLE`] characters between two letters or digits of the Latin script,
/// removed (one edit a run). A soft hyphen at a line end is a word broken there, which the
/// structure stage rejoins; elsewhere (between words, in other scripts, where a joiner may
/// shape the letters) they stay.
///
/// (Found by their UTF-8 lead bytes, 0xC2, 0xE2 and 0xEF, which no other byte of UTF-8 is: a
/// search for the characters themselves took four times as long as the rest of the stage,
/// 0.14 against 0.04 ms for the development set's 94 KB; this takes 0.003.)
fn invisible(text: &str) -> Vec<Edit> {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c < '\u{250}');
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = memchr::memchr3(0xc2, 0xe2, 0xef, &text.as_bytes()[at..]) {
        let start = at + k;
        if !text[start..].starts_with(INVISIBLE) {
            at = start + 1;
            continue;
        }
        let run = text[start..]
            .find(|c: char| !INVISIBLE.contains(&c))
            .unwrap_or(text.len() - start);
        let end = start + run;
        if latin(text[..start].chars().next_back()) && latin(text[end..].chars().next()) {
            let reason = if text[start..end].contains('\u{ad}') {
                SOFT_HYPHEN
            } else {
                ZERO_WIDTH
            };
            out.push(Edit::new(
                text,
                Span::new(start, end),
                "",
                EditKind::Normalize,
                1.0,
                reason,
            ));
        }
        at = end;
    }
    out
}

fn is_combining(s: &str) -> bool {
    s.chars()
        .all(unicode_normalization::char::is_combining_mark)
}

/// Mojibake repairs, one edit per word (the word's letters and its broken sequences).
fn mojibake(text: &str) -> Vec<Edit> {
    // Every telltale begins with "Ã": one scan for it passes most texts over.
    if !text.contains('Ã') || !TELLTALES.iter().any(|t| text.contains(t)) {
        return Vec::new();
    }
    let mut out: Vec<Edit> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(len) = sequence_at(text, at) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // Widen to the whole word, taking in further sequences.
        let mut start = at;
        while let Some(c) = text[..start]
            .chars()
            .next_back()
            .filter(|c| c.is_alphanumeric())
        {
            start -= c.len_utf8();
        }
        if let Some(prev) = out.last() {
            start = start.max(prev.span.end);
        }
        let mut end = at + len;
        loop {
            if let Some(l) = sequence_at(text, end) {
                end += l;
            } else if let Some(c) = text[end..].chars().next().filter(|c| c.is_alphanumeric()) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let span = Span::new(start, end);
        let mut fixed = String::with_capacity(span.len());
        let mut i = start;
        while i < end {
            match sequence_at(text, i) {
                Some(l) => {
                    let bytes: Vec<u8> = text[i..i + l].chars().filter_map(cp1252_byte).collect();
                    fixed.push_str(std::str::from_utf8(&bytes).unwrap_or(&text[i..i + l]));
                    i += l;
                }
                None => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    fixed.push(c);
                    i += c.len_utf8();
                }
            }
        }
        let fixed: String = fixed.nfc().collect();
        out.push(Edit::new(
            text,
            span,
            fixed,
            EditKind::Normalize,
            0.99,
            MOJIBAKE,
        ));
        at = end;
    }
    out
}

/// The byte length of a mojibake sequence at `at`: the characters of one UTF-8 multi-byte
/// sequence, each read as its Windows-1252 byte ("Ã¥" is C3 A5, "å").
fn sequence_at(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].chars();
    let lead = cp1252_byte(chars.next()?)?;
    // Only the leads of Latin letters and symbols (C2, C3, C5) and of punctuation such as
    // "–", "”", "…" (E2): a real "Ö" or "é" before a symbol must stay what it is.
    let n = match lead {
        0xc2 | 0xc3 | 0xc5 => 2,
        0xe2 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut len = text[at..].chars().next()?.len_utf8();
    for b in bytes.iter_mut().take(n).skip(1) {
        let c = chars.next()?;
        *b = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        len += c.len_utf8();
    }
    std::str::from_utf8(&bytes[..n]).ok().map(|_| len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apply;

    #[track_caller]
    fn cleans(input: &str, expected: &str) {
        assert_eq!(apply(input, &edits(input)), expected);
    }

    #[test]
    fn mojibake_is_repaired_word_by_word() {
        let input = "BorÃ¥s Stad, GÃ¶teborg och Ã…mÃ¥l â€“ Ã¤ven";
        let e = edits(input);
        assert_eq!(e[0].before, "BorÃ¥s");
        assert_eq!(e[0].after, "Borås");
        assert_eq!(e[0].reason, MOJIBAKE);
        cleans(input, "Borås Stad, Göteborg och Åmål – även");
    }

    #[test]
    fn text_without_telltales_is_left_alone() {
        // "Â" and a symbol, but no Swedish telltale: could be real, so no repair.
        cleans("Â± 5 grader", "Â± 5 grader");
        cleans("Ã¤ är fel", "ä är fel");
        cleans("Borås Stad", "Borås Stad");
    }

    #[test]
    fn every_character_below_u0300_is_nfc_as_it_stands() {
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
        assert_eq!(
            is_nfc_quick(['\u{300}'].into_iter()),
            IsNormalized::Maybe,
            "U+0300 is where the check must look"
        );
    }

    #[test]
    fn the_run_by_run_check_answers_as_the_whole_text_check() {
        let alphabet: Vec<char> =
            "aAå–\u{30a}\u{308}\u{301}\u{316}\u{340}\u{2126} ÅÃ\u{1100}\u{1161}é"
                .chars()
                .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..100_000 {
            let len = (x % 9) as usize;
            let s: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            let whole = is_nfc_quick(s.chars()) == IsNormalized::Yes;
            assert_eq!(is_nfc(&s), whole, "{s:?}");
        }
    }

    #[test]
    fn nfc_and_mojibake_together() {
        cleans("Bora\u{30a}s och BorÃ¥s", "Borås och Borås");
    }
}
