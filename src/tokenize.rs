//! A tokenizer that keeps every byte: the tokens of a text tile it exactly.
//!
//! Words are runs of letters and digits that hold at least one letter (OCR writes "f6r" for
//! "för"), joined by inner hyphens ("EU-medel") or, for abbreviations, inner periods
//! ("t.ex", "bl.a"; the final period stays a punctuation token, and the word stage looks the
//! word up with it). Numbers are runs of digits. Everything else is whitespace or a single
//! punctuation character ("§", "–", ".").

use crate::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, when OCR put them there), with inner hyphens or periods.
    Word,
    /// Digits only.
    Number,
    /// Spaces, tabs, line breaks, form feeds.
    Space,
    /// One other character.
    Punct,
}

/// A token: its kind and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

fn is_word_char(c: char) -> bool {
    is_letter_or_digit(c)
}

/// [`char::is_alphabetic`], answered without a table search for Latin-1 (Swedish text is
/// almost all of it).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{bf}' => matches!(c, 'ª' | 'µ' | 'º'),
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], answered without a table search for Latin-1.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match c {
        '0'..='9' | '²' | '³' | '¹' | '¼' | '½' | '¾' => true,
        '\0'..='\u{ff}' => is_letter(c),
        _ => c.is_alphanumeric(),
    }
}

/// OCR writes "l" and "I" as "|" ("bes|ut", "ti||"): part of a word once it has letters.
fn is_glyph(c: char) -> bool {
    c == '|'
}

/// The character at byte `i` of `text` (a char boundary), read without decoding when it is
/// ASCII: most of a Swedish text is.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Splits `text` into tokens that tile it.
///
/// ```
/// use putsa::tokenize::{tokenize, TokenKind};
/// let text = "Se t.ex. EU-medel, § 12.";
/// let words: Vec<&str> = tokenize(text).iter()
///     .filter(|t| t.kind == TokenKind::Word).map(|t| t.span.of(text)).collect();
/// assert_eq!(words, ["Se", "t.ex", "EU-medel"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    // Swedish prose, printed or read by OCR, runs 3.3 to 4 bytes a token: room for all of them,
    // so the list is never copied to grow.
    let mut out = Vec::with_capacity(text.len() / 3 + 16);
    let b = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i).expect("i is inside the text");
        let start = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            while let Some(&b) = b.get(i) {
                if b.is_ascii() {
                    // char::is_whitespace of ASCII (with vertical tab, unlike u8's test).
                    if !matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ') {
                        break;
                    }
                    i += 1;
                    continue;
                }
                match char_at(text, i).filter(|c| c.is_whitespace()) {
                    Some(c) => i += c.len_utf8(),
                    None => break,
                }
            }
            out.push(Token {
                kind: TokenKind::Space,
                span: Span::new(start, i),
            });
        } else if is_word_char(c) || (is_glyph(c) && text[i + 1..].starts_with(is_letter)) {
            let mut has_letter = false;
            if is_glyph(c) {
                i += c.len_utf8(); // a leading "|" before letters ("|amnar")
            }
            loop {
                while let Some(&byte) = b.get(i) {
                    // ASCII, most of the text, by its byte.
                    if byte.is_ascii_alphanumeric() || (byte == b'|' && has_letter) {
                        has_letter |= byte.is_ascii_alphabetic();
                        i += 1;
                        continue;
                    }
                    if byte.is_ascii() {
                        break;
                    }
                    match char_at(text, i)
                        .filter(|&c| is_word_char(c) || (has_letter && is_glyph(c)))
                    {
                        Some(c) => {
                            has_letter |= is_letter(c);
                            i += c.len_utf8();
                        }
                        None => break,
                    }
                }
                // An inner hyphen or abbreviation period joins two runs; so does an inner
                // apostrophe, which OCR writes for a lost diaeresis ("Samha'llsbyggnad").
                let here = char_at(text, i);
                let next = here.and_then(|h| char_at(text, i + h.len_utf8()));
                match (b.get(i), next) {
                    (Some(b'-'), Some(n)) if is_word_char(n) && has_letter => i += 1,
                    (_, Some(n))
                        if matches!(here, Some('\'' | '’' | '‘')) && is_letter(n) && has_letter =>
                    {
                        i += here.map_or(1, char::len_utf8)
                    }
                    (Some(b'.'), Some(n)) if is_letter(n) && abbreviation_run(text, start, i) => {
                        i += 1
                    }
                    _ => break,
                }
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            out.push(Token {
                kind,
                span: Span::new(start, i),
            });
        } else {
            i += c.len_utf8();
            out.push(Token {
                kind: TokenKind::Punct,
                span: Span::new(start, i),
            });
        }
    }
    out
}

/// An abbreviation's runs are short letter runs: "t.ex", "bl.a", "fr.o.m".
fn abbreviation_run(text: &str, start: usize, dot: usize) -> bool {
    let last = text[start..dot].rsplit('.').next().unwrap_or("");
    let next = text[dot + 1..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let short =
        |s: &str| (1..=3).contains(&s.chars().count()) && s.chars().all(char::is_alphabetic);
    short(last) && short(next) && next.chars().all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        let toks = tokenize(text);
        let joined: String = toks.iter().map(|t| t.span.of(text)).collect();
        assert_eq!(joined, text, "tokens must tile the text");
        toks.iter().map(|t| (t.kind, t.span.of(text))).collect()
    }

    #[test]
    fn letter_tests_agree_with_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn keeps_every_byte_and_classifies() {
        use TokenKind::*;
        assert_eq!(
            kinds("f6r 1 nuläget, bl.a. EU-land\n§ 12"),
            [
                (Word, "f6r"),
                (Space, " "),
                (Number, "1"),
                (Space, " "),
                (Word, "nuläget"),
                (Punct, ","),
                (Space, " "),
                (Word, "bl.a"),
                (Punct, "."),
                (Space, " "),
                (Word, "EU-land"),
                (Space, "\n"),
                (Punct, "§"),
                (Space, " "),
                (Number, "12")
            ]
        );
    }

    #[test]
    fn ocr_bars_inside_and_before_letters_belong_to_the_word() {
        use TokenKind::*;
        assert_eq!(
            kinds("|amnar ti|| | x"),
            [
                (Word, "|amnar"),
                (Space, " "),
                (Word, "ti||"),
                (Space, " "),
                (Punct, "|"),
                (Space, " "),
                (Word, "x")
            ]
        );
    }

    #[test]
    fn sentence_period_is_not_an_abbreviation() {
        use TokenKind::*;
        assert_eq!(
            kinds("staden.Det"),
            [(Word, "staden"), (Punct, "."), (Word, "Det")]
        );
        assert_eq!(
            kinds("plan-\noch"),
            [(Word, "plan"), (Punct, "-"), (Space, "\n"), (Word, "och")]
        );
    }

    #[test]
    fn any_text_is_tiled_by_non_empty_tokens() {
        // A deterministic generator over the characters that make tokenizing hard.
        let alphabet: Vec<char> = "ab|-.' ’\n\x0c1éÅ§–\u{301}t,e".chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in 0..400 {
            let text: String = (0..len % 40)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let toks = tokenize(&text);
            assert!(
                toks.iter().all(|t| !t.span.is_empty()),
                "empty token in {text:?}"
            );
            assert_eq!(
                toks.iter().map(|t| t.span.of(&text)).collect::<String>(),
                text
            );
        }
    }
}
