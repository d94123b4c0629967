//! Pages and lines: where each page and each line of the text is.

use crate::Span;

/// One line of the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// The whole line, without its line break.
    pub full: Span,
    /// The line without leading and trailing white space (empty for a blank line).
    pub content: Span,
    /// Where the next line starts (after the line break, or the end of the page).
    pub next: usize,
    /// The page it is on, from 0.
    pub page: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// The lines of `text`, page by page.
///
/// Pages are separated by form feeds. Text without form feeds is one page, except when its
/// page starts can be recognised: see [`seed_page_starts`].
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut page = 0;
    let mut at = 0;
    let seed_starts = if text.contains('\u{c}') {
        Vec::new()
    } else {
        seed_page_starts(text)
    };
    for (i, chunk) in text.split('\u{c}').enumerate() {
        if i > 0 {
            page += 1;
        }
        let mut pos = at;
        for raw in chunk.split_inclusive('\n') {
            let body = raw.strip_suffix('\n').unwrap_or(raw);
            let body = body.strip_suffix('\r').unwrap_or(body);
            let full = Span::new(pos, pos + body.len());
            let trimmed_start = body.len() - body.trim_start().len();
            let trimmed = body.trim();
            let content = if trimmed.is_empty() {
                Span::new(pos, pos)
            } else {
                Span::new(pos + trimmed_start, pos + trimmed_start + trimmed.len())
            };
            if seed_starts.contains(&pos) && !out.is_empty() {
                page += 1;
            }
            out.push(Line {
                full,
                content,
                next: pos + raw.len(),
                page,
            });
            pos += raw.len();
        }
        at += chunk.len() + 1;
    }
    out
}

/// Page starts in text that lost its form feeds, as the seed document did: there every
/// page begins with a line that starts with exactly one space, and no other line is
/// indented. This is only trusted when it is unambiguous: at least two such lines, no line
/// indented by more than one space or a tab, and at most one line in five so indented
/// (indented paragraphs or centred text otherwise look the same). Returns the byte offsets
/// of the lines that start a page (the first line of the text included if it is one).
pub(crate) fn seed_page_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut lines = 0;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            lines += 1;
            if body.starts_with("  ") || body.starts_with('\t') || body.starts_with(" \t") {
                return Vec::new();
            }
            if body.starts_with(' ') {
                starts.push(pos);
            }
        } else if body.starts_with(' ') {
            // A line of one space at the very end: the start of an empty last page.
            starts.push(pos);
        }
        pos += raw.len();
    }
    if starts.len() < 2 || starts.len() * 5 > lines.max(1) + 5 {
        return Vec::new();
    }
    starts
}
