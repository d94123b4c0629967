//! What a cleaned document looks like on the way out: the text, the JSON report
//! (docs/json-format.md, `VERSION`), or a unified diff.

use serde::Serialize;

use putsa::{Cleaned, Decoded, Edit};

/// The version of the JSON shape. Raised when a field changes meaning or goes away; new
/// fields may appear without a raise.
pub const VERSION: u32 = 1;

/// One document's report.
#[derive(Serialize)]
pub struct Document<'a> {
    version: u32,
    path: &'a str,
    encoding: &'static str,
    notes: &'a [String],
    /// Left out of `--report` files, which sit beside the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    counts: Counts,
    edits: &'a [Edit],
    suggestions: &'a [Edit],
}

/// A document's counts.
#[derive(Serialize, Clone, Copy, Default)]
pub struct Counts {
    pub input_bytes: usize,
    pub output_bytes: usize,
    pub edits: usize,
    pub repairs: usize,
    pub removals: usize,
    pub suggestions: usize,
    pub words_repaired: usize,
    pub furniture_removed: usize,
    pub duplicates_removed: usize,
    pub mojibake_repaired: usize,
}

impl Counts {
    /// The counts of a cleaned document.
    pub fn of(cleaned: &Cleaned) -> Counts {
        let s = &cleaned.stats;
        let removals = cleaned.removals().count();
        Counts {
            input_bytes: s.input_bytes,
            output_bytes: cleaned.text.len(),
            edits: cleaned.edits.len(),
            repairs: cleaned.edits.len() - removals,
            removals,
            suggestions: cleaned.suggestions.len(),
            words_repaired: s.words_repaired,
            furniture_removed: s.furniture_removed,
            duplicates_removed: s.duplicates_removed,
            mojibake_repaired: cleaned
                .edits
                .iter()
                .filter(|e| e.reason == putsa::normalize::MOJIBAKE)
                .count(),
        }
    }
}

/// The JSON report of one document; with the text unless `with_text` is false.
pub fn json(path: &str, decoded: &Decoded, cleaned: &Cleaned, with_text: bool) -> String {
    let doc = Document {
        version: VERSION,
        path,
        encoding: decoded.encoding.name(),
        notes: &decoded.notes,
        text: with_text.then_some(cleaned.text.as_str()),
        counts: Counts::of(cleaned),
        edits: &cleaned.edits,
        suggestions: &cleaned.suggestions,
    };
    serde_json::to_string(&doc)
        .unwrap_or_else(|e| failure(path, &format!("cannot serialise report: {e}")))
}

/// The JSON record of a document that failed.
pub fn failure(path: &str, error: &str) -> String {
    #[derive(Serialize)]
    struct Failure<'a> {
        version: u32,
        path: &'a str,
        error: &'a str,
    }
    let f = Failure {
        version: VERSION,
        path,
        error,
    };
    serde_json::to_string(&f).unwrap_or_default()
}

/// A unified diff of `input` and `output`, coloured when `color` is set.
pub fn diff(name: &str, input: &str, output: &str, color: bool) -> String {
    let diff = similar::TextDiff::from_lines(input, output);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("{name}\toriginal"), &format!("{name}\tcleaned"))
        .to_string();
    if !color {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let style = match line.as_bytes() {
            [b'-', b'-', b'-', ..] | [b'+', b'+', b'+', ..] => "\x1b[1m",
            [b'@', b'@', ..] => "\x1b[36m",
            [b'-', ..] => "\x1b[31m",
            [b'+', ..] => "\x1b[32m",
            _ => "",
        };
        if style.is_empty() {
            out.push_str(line);
        } else {
            let body = line.strip_suffix('\n').unwrap_or(line);
            out.push_str(style);
            out.push_str(body);
            out.push_str("\x1b[0m");
            if body.len() < line.len() {
                out.push('\n');
            }
        }
    }
    out
}
