//! From bytes to text: what a file holds before the cleaner can read it.
//!
//! OCR output is meant to be UTF-8, but archives hold files written by older tools: Windows-1252
//! (the Windows superset of Latin-1) from Windows programs, UTF-16 from Notepad, a byte-order
//! mark in front. [`decode`] reads all of these and says what it did in [`Decoded::notes`], so
//! a report can tell the archivist; it refuses what is not text (a NUL byte, nothing at all)
//! and bytes it cannot read with confidence, rather than guess.
//!
//! The rule for "clearly Windows-1252": the bytes are not valid UTF-8, and every byte outside
//! valid UTF-8 sequences is a character Windows-1252 defines (not one of its five undefined
//! bytes, not a C1 control), and at least half of them are Latin-1 letters ("å", "ä", "ö",
//! "é": Swedish text in Windows-1252 is full of them), not counting common marks such as "§",
//! "–", "’", "°". That refuses the near misses: DOS code page 437 puts "å ä ö" where
//! Windows-1252 has "† „ ”", Mac Roman where it has "Œ Š š" — not Latin-1 letters. Valid
//! UTF-8 sequences in the same file are kept as UTF-8: files concatenated from two tools are
//! common.
//!
//! ```
//! use putsa::decode::{decode, Encoding};
//! let d = decode(b"Bor\xe5s Stad").unwrap();
//! assert_eq!(d.text, "Borås Stad");
//! assert_eq!(d.encoding, Encoding::Windows1252);
//! assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
//! ```
//!
//! Spans in a [`Cleaned`](crate::Cleaned) report are byte offsets into [`Decoded::text`], not
//! into the file.

use serde::Serialize;

/// How the bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 (a leading byte-order mark is removed).
    Utf8,
    /// Windows-1252 (Latin-1 with printable characters in 0x80–0x9F), wholly or mixed with
    /// valid UTF-8.
    Windows1252,
    /// UTF-16, little-endian, announced by a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, announced by a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
}

/// Text read from bytes, and what reading it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How it was read.
    pub encoding: Encoding,
    /// What the reader should know: a removed byte-order mark, bytes read as Windows-1252.
    /// Empty for plain UTF-8.
    pub notes: Vec<String>,
}

/// Why bytes could not be read as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes at all.
    #[error("empty file: nothing to clean")]
    Empty,
    /// A NUL byte: this is a binary file (an image, a PDF, a word processor file).
    #[error("binary file (NUL byte at offset {offset}): not OCR text")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Not UTF-8, and not clearly Windows-1252 either.
    #[error("not UTF-8 (invalid byte 0x{byte:02x} at offset {offset}) and not clearly Windows-1252 or Latin-1")]
    Unknown {
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// A UTF-16 byte-order mark, but the rest is not valid UTF-16.
    #[error("invalid UTF-16 after a byte-order mark")]
    BadUtf16,
}

/// Windows-1252's characters for bytes 0x80–0x9F; `None` for its five undefined bytes.
/// The rest of the byte range maps to the code point of the same number (Latin-1).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character Windows-1252 gives byte `b`; `None` for its undefined bytes.
pub fn cp1252_char(b: u8) -> Option<char> {
    match b {
        0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
        _ => Some(b as char),
    }
}

/// The Windows-1252 byte of `c`, if it has one (for undoing mojibake). The C1 controls
/// U+0080–U+009F map to themselves: a Latin-1 reader turns undefined bytes into them.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xa0..=0xff).contains(&u) || (0x80..=0x9f).contains(&u) {
        return Some(u as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == Some(c))
        .map(|i| 0x80 + i as u8)
}

/// Reads `bytes` as text: UTF-8, UTF-16 with a byte-order mark, or Windows-1252 when that is
/// clearly what they are.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut notes = Vec::new();
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes, Encoding::Utf16Be);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => {
            notes.push("UTF-8 byte-order mark removed".to_string());
            rest
        }
        None => bytes,
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            notes,
        });
    }
    windows1252(bytes, notes)
}

fn utf16(
    rest: &[u8],
    word: fn([u8; 2]) -> u16,
    encoding: Encoding,
) -> Result<Decoded, DecodeError> {
    if rest.len() % 2 != 0 {
        return Err(DecodeError::BadUtf16);
    }
    let units: Vec<u16> = rest.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    let text = String::from_utf16(&units).map_err(|_| DecodeError::BadUtf16)?;
    if let Some(i) = text.find('\0') {
        return Err(DecodeError::Binary {
            offset: 2 + 2 * text[..i].encode_utf16().count(),
        });
    }
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    let note = format!("decoded as {} (byte-order mark)", encoding.name());
    Ok(Decoded {
        text,
        encoding,
        notes: vec![note],
    })
}

/// "À" to "ÿ" but "×" and "÷": the letters of Western European languages in Latin-1.
fn is_latin1_letter(b: u8) -> bool {
    b >= 0xc0 && b != 0xd7 && b != 0xf7
}

/// Marks common in Swedish documents whose Windows-1252 byte is no Swedish letter in the
/// code pages Windows-1252 is confused with: no-break space, "§ « ° » ½ € … ’ • – —".
fn is_common_mark(b: u8) -> bool {
    matches!(
        b,
        0xa0 | 0xa7 | 0xab | 0xb0 | 0xbb | 0xbd | 0x80 | 0x85 | 0x92 | 0x95 | 0x96 | 0x97
    )
}

/// Valid UTF-8 runs kept, every other byte read as Windows-1252 — if that is clearly right.
fn windows1252(bytes: &[u8], mut notes: Vec<String>) -> Result<Decoded, DecodeError> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let (mut foreign, mut letters, mut marks, mut utf8_multibyte) = (0usize, 0, 0, 0);
    let mut first_bad: Option<(usize, u8)> = None;
    let mut rest = bytes;
    let mut offset = 0;
    while !rest.is_empty() {
        let (valid, after) = match std::str::from_utf8(rest) {
            Ok(s) => (s, &rest[rest.len()..]),
            Err(e) => {
                let (v, a) = rest.split_at(e.valid_up_to());
                // Valid by construction.
                (std::str::from_utf8(v).unwrap_or_default(), a)
            }
        };
        text.push_str(valid);
        utf8_multibyte += valid.chars().filter(|c| c.len_utf8() > 1).count();
        offset += valid.len();
        let Some((&b, after)) = after.split_first() else {
            break;
        };
        foreign += 1;
        match cp1252_char(b).filter(|c| !c.is_control()) {
            Some(c) => {
                letters += usize::from(is_latin1_letter(b));
                marks += usize::from(is_common_mark(b));
                text.push(c);
            }
            None => {
                first_bad.get_or_insert((offset, b));
            }
        }
        offset += 1;
        rest = after;
    }
    // "Clearly": every foreign byte is a Windows-1252 character, and half of those that are
    // not common marks are Latin-1 letters.
    let first = || {
        std::str::from_utf8(bytes)
            .err()
            .map(|e| (e.valid_up_to(), bytes[e.valid_up_to()]))
            .unwrap_or((0, 0))
    };
    if first_bad.is_some() || letters * 2 < foreign - marks {
        let (offset, byte) = first_bad.unwrap_or_else(first);
        return Err(DecodeError::Unknown { offset, byte });
    }
    notes.push(if utf8_multibyte > 0 {
        format!(
            "mixed encodings: {foreign} bytes that are not UTF-8 decoded as Windows-1252 (Latin-1)"
        )
    } else {
        format!("not UTF-8: decoded as Windows-1252 (Latin-1); {foreign} non-ASCII bytes")
    });
    Ok(Decoded {
        text,
        encoding: Encoding::Windows1252,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn reads(bytes: &[u8], text: &str, encoding: Encoding) {
        let d = decode(bytes).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), (text, encoding));
    }

    #[track_caller]
    fn refuses(bytes: &[u8], err: DecodeError) {
        assert_eq!(decode(bytes), Err(err));
    }

    #[test]
    fn utf8_is_read_as_is() {
        reads("Nämnden – § 5".as_bytes(), "Nämnden – § 5", Encoding::Utf8);
    }

    #[test]
    fn a_utf8_bom_is_removed_and_noted() {
        let d = decode(b"\xef\xbb\xbfHej").unwrap();
        assert_eq!((d.text.as_str(), d.notes.len()), ("Hej", 1));
    }

    #[test]
    fn latin1_swedish_is_read_as_windows1252() {
        reads(
            b"G\xf6teborg och Bor\xe5s \x96 \xe4ven \xc5m\xe5l",
            "Göteborg och Borås – även Åmål",
            Encoding::Windows1252,
        );
    }

    #[test]
    fn mixed_utf8_and_windows1252_keeps_both() {
        reads(
            b"Bor\xc3\xa5s och Bor\xe5s",
            "Borås och Borås",
            Encoding::Windows1252,
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        refuses(b"", DecodeError::Empty);
        refuses(b"abc\0def", DecodeError::Binary { offset: 3 });
    }

    #[test]
    fn bytes_that_are_not_clearly_text_are_refused() {
        // Undefined in Windows-1252.
        refuses(
            b"abc\x81def",
            DecodeError::Unknown {
                offset: 3,
                byte: 0x81,
            },
        );
        // Mostly symbols, not letters: more likely some other encoding than Latin-1.
        refuses(
            b"a\xb1\xb2\xb3",
            DecodeError::Unknown {
                offset: 1,
                byte: 0xb1,
            },
        );
    }

    #[test]
    fn near_miss_code_pages_are_refused() {
        // "Göteborg och Borås, även" in DOS code page 437 and in Mac Roman.
        let cp437 = b"G\x94teborg och Bor\x86s, \x84ven";
        refuses(
            cp437,
            DecodeError::Unknown {
                offset: 1,
                byte: 0x94,
            },
        );
        let mac = b"G\x9ateborg och Bor\x8cs, \x8aven";
        refuses(
            mac,
            DecodeError::Unknown {
                offset: 1,
                byte: 0x9a,
            },
        );
    }

    #[test]
    fn common_marks_alone_are_windows1252() {
        let text = "§ 5 Val av justerare – klart";
        reads(
            b"\xa7 5 Val av justerare \x96 klart",
            text,
            Encoding::Windows1252,
        );
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        reads(b"\xff\xfeB\0o\0r\0\xe5\0s\0", "Borås", Encoding::Utf16Le);
        reads(b"\xfe\xff\0B\0o", "Bo", Encoding::Utf16Be);
    }

    #[test]
    fn cp1252_round_trips() {
        for b in 0x20..=0xffu8 {
            if let Some(c) = cp1252_char(b) {
                assert_eq!(cp1252_byte(c), Some(b), "{b:#x}");
            }
        }
    }
}
