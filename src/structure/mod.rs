//! From OCR pages to the document's text: page furniture, paragraphs, hyphenation, list
//! markers and the Swedish dash.
//!
//! The stage reads the text as pages of lines, marks the furniture lines (see
//! [`furniture`]), and then decides, for every two body lines that follow each other, what
//! goes between them: a space (a paragraph wrapped into lines, also across a stray blank
//! line in mid-sentence or a page break), nothing (a word broken at the line end, rejoined),
//! a line break (list items, signature rows, "§ 12  Dnr …" lines keep their own lines) or a
//! blank line (a new block). The output holds one block per line, blocks separated by one
//! blank line.
//!
//! # Pages
//! Form feeds separate pages, as pdftotext and Tesseract write them. Text without form
//! feeds is one page, unless every page start is marked the way the seed document marks
//! them: a line that begins with exactly one space (the text otherwise unindented). That
//! pattern is only trusted when it is unambiguous: at least two such lines, none indented
//! further, at most one line in five. Indented or centred text is left as one page: its
//! furniture is then searched at the edges of the whole text only, and the built-in
//! signature phrases and the user's patterns anywhere.
//!
//! # Hyphenation
//! A line that ends in a hyphen after a letter and a line that starts with a word:
//! - the next word coordinates ("Gymnasie-" / "och vuxenutbildningsnämnden"): the hyphen
//!   stays and the break becomes a space;
//! - an acronym or a number before the hyphen, or a capital after it ("EU-" / "land",
//!   "Stockholms-" / "Uppsala"): the hyphen stays, the break goes;
//! - otherwise the word is rejoined ("anslut-" / "ning"), unless only the hyphenated form
//!   is a word. OCR often damages the halves ("utvir-" / "dering"), so an unknown joined
//!   form is still rejoined; the word stage repairs it.
//!
//! OCR reads the hyphen as a dash at times ("Livsmedels—" / "verket"): it is treated as a
//! hyphen. A second half that starts with "I" for "l" ("med-" / "Iemsinsats") is rejoined
//! with the "l".
//!
//! # Typography
//! List markers as OCR reads them at the start of a line ("e", "«", "*", "+", ":", "°", "'",
//! "=", ">") become "•", a dash marker ("-", "—", "~") the en dash "–". A § line's sign read
//! as "$", "&", "£" or a digit ("592 dnr 2018/767") is restored, and so is a § inside a line
//! ("5 kap. 1$ LEH"). The hyphens that OCR read as dashes, of a date ("2021—02—23") or inside
//! a word ("EU—kommissionen"), are hyphens again. With `Options::dashes`, an em dash between
//! words and the dash of a number range ("2016-2019", "13.00-16.30"; never a date or diary
//! number) is the en dash. A spaced hyphen between words is only suggested as one, at a
//! confidence below the default threshold: Swedish writers print it themselves, and OCR
//! reads an en dash as an em dash far more often than as a hyphen.
//!
//! # Performance considerations
//! Furniture costs a few string comparisons per line at the page edges, each page compared
//! with its ten neighbours, so it grows linearly with the pages; the paragraph rules are
//! one pass over the lines. The 47 pages of the dev set take about 0.1 s with dedup, in a
//! release build. Dedup (see [`crate::dedup`]) compares paragraphs pairwise behind cheap
//! filters: a text that repeats itself many times is its worst case (470 pages made of ten
//! copies of the same 47: about 5 s).
//!
//! # Edits
//! A removed furniture line is one [`EditKind::Furniture`] edit over the whole line and its
//! line break; what remains of the break between two body lines (line breaks, blank lines,
//! the form feed) is one [`EditKind::Join`] or [`EditKind::Hyphenation`] edit, and any
//! further remains between the furniture lines are removed by empty joins.

mod fold;
pub mod furniture;
mod pages;
mod paragraphs;

use std::sync::LazyLock;

use crate::{Edit, EditKind, Lexicon, Options, Span};
use paragraphs::{BodyLine, Rules, Sep};

pub(crate) use fold::{joined_words, similar};

/// The line rules and built-in furniture patterns, compiled once (about 20 ms of regular
/// expressions that every document would otherwise pay for again).
static RULES: LazyLock<Rules> = LazyLock::new(Rules::new);
static BUILTIN: LazyLock<furniture::Patterns> = LazyLock::new(|| furniture::Patterns::new(&[]));

/// The structure stage's edits on `text` (NFC, pages separated by form feeds).
pub fn edits(text: &str, lexicon: &Lexicon, options: &Options) -> Vec<Edit> {
    let lines = pages::lines(text);
    let own;
    let patterns = if options.furniture_patterns.is_empty() {
        &*BUILTIN
    } else {
        own = furniture::Patterns::new(&options.furniture_patterns);
        &own
    };
    let furn = if options.furniture {
        furniture::find(text, &lines, lexicon, patterns, true)
    } else {
        vec![None; lines.len()]
    };
    let mut out = Vec::new();
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && furn[i].is_none())
        .collect();

    // Furniture: whole lines with their line breaks.
    let mut removed: Vec<Span> = Vec::new();
    for (i, reason) in furn.iter().enumerate() {
        if let Some(reason) = reason {
            let span = Span::new(lines[i].full.start, lines[i].next);
            removed.push(span);
            out.push(Edit::new(
                text,
                span,
                "",
                EditKind::Furniture,
                0.9,
                reason.clone(),
            ));
        }
    }

    let rules = &*RULES;
    if options.paragraphs {
        let width = line_width(text, &lines, &body);
        // Before the first body line and after the last: nothing, and one final line break.
        let first = body.first().map_or(text.len(), |&i| lines[i].content.start);
        gap_edits(
            text,
            Span::new(0, first),
            &removed,
            "",
            EditKind::Join,
            "space before the text",
            &mut out,
        );
        if let Some(&last) = body.last() {
            let end = lines[last].content.end;
            gap_edits(
                text,
                Span::new(end, text.len()),
                &removed,
                "\n",
                EditKind::Join,
                "end of text",
                &mut out,
            );
        }
        for w in body.windows(2) {
            let (a, b) = (&lines[w[0]], &lines[w[1]]);
            let (at, bt) = (a.content.of(text), b.content.of(text));
            let blanks = (w[0] + 1..w[1])
                .filter(|&j| lines[j].is_blank() && lines[j].page == b.page)
                .count();
            let page_break = a.page != b.page;
            let sep = rules.sep(at, bt, blanks, page_break, width, lexicon);
            let mut start = a.content.end;
            if sep.takes_hyphen() {
                start -= at.chars().last().map_or(0, char::len_utf8);
            }
            let (kind, reason) = match sep {
                Sep::Join if page_break => (EditKind::Join, "paragraph continues on the next page"),
                Sep::Join => (EditKind::Join, "line break inside a paragraph"),
                Sep::Rejoin => (EditKind::Hyphenation, "word broken at the line end"),
                Sep::RejoinEll => (
                    EditKind::Hyphenation,
                    "word broken at the line end, l read as I",
                ),
                Sep::KeepHyphen => (EditKind::Hyphenation, "hyphen belongs to the word"),
                Sep::HyphenSpace => (EditKind::Hyphenation, "hyphen before a coordination"),
                Sep::Line => (EditKind::Join, "own line"),
                Sep::Block => (EditKind::Join, "new block"),
            };
            gap_edits(
                text,
                Span::new(start, b.content.start + usize::from(sep == Sep::RejoinEll)),
                &removed,
                sep.text(),
                kind,
                reason,
                &mut out,
            );
        }
    }
    // List markers and section signs are typography: repaired whether or not lines are joined.
    // The document's own marker decides what a dash item is: where bullets are read at least
    // as often as dashes, a dash is a bullet OCR misread. (OCR reads "•" as a dash often,
    // three times of six in one dev document, but never read a printed "–" as a bullet.)
    let (mut bullets, mut dashes) = (0, 0);
    for &i in &body {
        let t = lines[i].content.of(text);
        if rules.is_dash_item(t) {
            dashes += 1;
        } else if rules.is_bullet_item(t) {
            bullets += 1;
        }
    }
    let dash_is_bullet = bullets > 0 && bullets >= dashes;
    for &i in &body {
        let line = BodyLine {
            text: lines[i].content.of(text),
            span: lines[i].content,
        };
        out.extend(rules.marker(&line, text, dash_is_bullet));
        rules.section_signs(&line, text, &mut out);
        rules.misread_hyphens(&line, text, &mut out);
    }
    if options.dashes && !options.paragraphs {
        // Lines kept as they are: a dash glued to a word at the line end is the hyphen of a
        // broken word ("bered—" / "skap"), not a Swedish dash. (Joining handles it otherwise.)
        for &i in &body {
            let t = lines[i].content.of(text);
            let Some(d) = t.strip_suffix(['—', '–']) else {
                continue;
            };
            if d.ends_with(char::is_alphabetic) {
                let span = Span::new(lines[i].content.start + d.len(), lines[i].content.end);
                out.push(Edit::new(
                    text,
                    span,
                    "-",
                    EditKind::Typography,
                    0.8,
                    "hyphen at the line end",
                ));
            }
        }
    }
    if options.dashes {
        for &i in &body {
            let line = BodyLine {
                text: lines[i].content.of(text),
                span: lines[i].content,
            };
            rules.dashes(&line, text, &mut out);
        }
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

/// Edits that turn `gap` (minus the furniture spans in it) into `sep`: the first piece
/// becomes `sep`, later pieces (between furniture lines) become nothing.
fn gap_edits(
    text: &str,
    gap: Span,
    removed: &[Span],
    sep: &str,
    kind: EditKind,
    reason: &str,
    out: &mut Vec<Edit>,
) {
    let mut pieces = Vec::new();
    let mut at = gap.start;
    for r in removed
        .iter()
        .filter(|r| r.start >= gap.start && r.end <= gap.end)
    {
        if r.start > at {
            pieces.push(Span::new(at, r.start));
        }
        at = r.end;
    }
    if gap.end > at {
        pieces.push(Span::new(at, gap.end));
    }
    if pieces.is_empty() {
        if !sep.is_empty() {
            // The gap is all furniture: put the separator where the gap ends.
            let span = Span::new(gap.end, gap.end);
            out.push(Edit::new(text, span, sep, kind, 0.9, reason));
        }
        return;
    }
    for (n, span) in pieces.into_iter().enumerate() {
        let after = if n == 0 { sep } else { "" };
        if span.of(text) != after {
            out.push(Edit::new(text, span, after, kind, 0.9, reason));
        }
    }
}

/// The length of a full line, in characters: the 90th percentile of the body lines.
fn line_width(text: &str, lines: &[pages::Line], body: &[usize]) -> usize {
    let mut lens: Vec<usize> = body
        .iter()
        .map(|&i| lines[i].content.of(text).chars().count())
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(20)
}
