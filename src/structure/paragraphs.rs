//! Paragraphs: which line breaks are inside a paragraph (joined), which end a block, and
//! how a word broken at a line end is put together again; list markers and the dash.

use regex::Regex;

use crate::{Edit, EditKind, Lexicon, Span};

/// What goes between two body lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Same paragraph: one space.
    Join,
    /// A word broken at the line end, rejoined: hyphen and break removed.
    Rejoin,
    /// The same, the second half starting with an "I" that OCR read for "l"
    /// ("med-" / "Iemsinsats"): the "I" becomes "l".
    RejoinEll,
    /// A hyphen that belongs to the word ("EU-land"): the break removed, the hyphen kept.
    KeepHyphen,
    /// A hyphen before a coordination ("Gymnasie- och"): the break becomes a space.
    HyphenSpace,
    /// Same block, own line (list items, signature rows).
    Line,
    /// A new block: one blank line.
    Block,
}

impl Sep {
    /// Does it replace the line-end hyphen too?
    pub fn takes_hyphen(self) -> bool {
        matches!(
            self,
            Sep::Rejoin | Sep::RejoinEll | Sep::KeepHyphen | Sep::HyphenSpace
        )
    }

    /// What replaces the break (and the hyphen, when [`Sep::takes_hyphen`]).
    pub fn text(self) -> &'static str {
        match self {
            Sep::Join => " ",
            Sep::HyphenSpace => "- ",
            Sep::KeepHyphen => "-",
            Sep::Rejoin => "",
            Sep::RejoinEll => "l",
            Sep::Line => "\n",
            Sep::Block => "\n\n",
        }
    }
}

/// Words that follow a hyphenated first part in a coordination ("Gymnasie- och
/// vuxenutbildning", "bygg- eller anläggningsprojekt").
const COORDINATION: &[&str] = &[
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "som",
    "till",
    "liksom",
    "men",
    "utan",
    "än",
    "&",
];

pub(crate) struct Rules {
    list: Regex,
    dash_item: Regex,
    section: Regex,
    dash: Regex,
    label: Regex,
    section_mark: Regex,
    inline_section: Regex,
    range: Regex,
    double_section: Regex,
    coord_dash: Regex,
    date: Regex,
    word_dash: Regex,
}

/// One body line, as the paragraph rules see it.
pub(crate) struct BodyLine<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl BodyLine<'_> {
    /// Where a match in the line's text lies in the whole text.
    fn span_of(&self, m: regex::Match<'_>) -> Span {
        Span::new(self.span.start + m.start(), self.span.start + m.end())
    }
}

/// How likely a spaced hyphen OCR read between words was printed as the en dash: reported,
/// not applied at the default threshold. Swedish writers print the hyphen there themselves:
/// the reference corpus has " - " between words 1,913 times against 1,552 for " – " (and
/// " — " 18 times). OCR of the development set's printed en dashes between words gave a
/// hyphen about a quarter of the time (27 of 100 found, over the three engines) and an em
/// dash most of the rest; a printed hyphen stays a hyphen. So a hyphen read there was an
/// en dash about once in five (0.27 · 1552 against 1913), where an em dash read there was
/// one at least nine times in ten.
const SPACED_HYPHEN: f32 = 0.2;

/// Most characters of a meeting-data label, the capital included.
const LABEL_MAX_CHARS: usize = 31;

impl Rules {
    pub fn new() -> Rules {
        Rules {
            // A list item: a bullet as OCR reads it ("e", "«", "*", "+", ":", "©", "°", "'", "="), or a
            // number.
            list: Regex::new(r"^(?:(?:[•·∙◦▪●■*+«»:©¢°>='’‘`]|\d{1,2}(?:\.{1,3}|\))|[a-z]\))\s+\S|[eo]\s+\p{L})").expect("valid regex"),
            dash_item: Regex::new(r"^[-–—−~]\s+\S").expect("valid regex"),
            // A § line ("§ 12  Dnr KS 2021/504"; OCR reads § as "$", "&" or "8").
            section: Regex::new(r"(?i)^(?:[§$&]\s*\d|\d{1,4}\s+dnr\b|8\s?\d{1,3}\s+dnr\b)|\bdnr\b").expect("valid regex"),
            // A spaced hyphen or em dash between words.
            // A § line whose "§" OCR read as "$" or "&".
            // "§ 92" read "$ 92", "£92" or "592", the sign as a digit: a § line is the only
            // line that starts with a number and then the diary number.
            section_mark: Regex::new(r"^(?:[$&£]\s?\d{1,4}|[58]\d{1,3})\s+(?i:dnr)\b").expect("valid regex"),
            // "5 kap. 1 § LEH" read "1$ LEH" or "1 8 LEH": a "$", or an "8" between a
            // chapter's paragraph number and the name of the law.
            inline_section: Regex::new(r"\d ?(\$)\s|kap\. \d{1,3} (8) \p{L}").expect("valid regex"),
            range: Regex::new(r"(?:^|[^\d\-–—.:])(\d{1,4}(?:[.:]\d\d)?)(-|—|--|—-|-—)(\d{1,4}(?:[.:]\d\d)?)(?:$|[^\d\-–—])").expect("valid regex"),
            double_section: Regex::new(r"(?:^|\s)(\$\$|&&)(?:\s|$)").expect("valid regex"),
            // A date ("2021-02-23") whose hyphens OCR read as dashes ("2021—02—23").
            date: Regex::new(r"\b(?:19|20)\d\d([-–—])(?:0[1-9]|1[0-2])([-–—])(?:0[1-9]|[12]\d|3[01])\b").expect("valid regex"),
            // A hyphen inside a word read as an em dash ("EU—kommissionen"): Swedish prints no
            // em dash between letters.
            word_dash: Regex::new(r"\p{L}(—)\p{L}").expect("valid regex"),
            // A first part before a coordination, its hyphen read as a dash ("Miljö— och").
            coord_dash: Regex::new(r"\p{L}([—–]) (?:och|eller|samt|respektive)\b").expect("valid regex"),
            // A meeting-data row: "Justerare: Karin Ström", "Plats och tid: …" (its label at
            // most [`LABEL_MAX_CHARS`] long: see `is_label`).
            label: Regex::new(r"^\p{Lu}[\p{L}\- ]+:\s").expect("valid regex"),
            // (Not after a period: "Utv. - del" is a code's hyphen; a dash does not follow a
            // sentence's end.)
            dash: Regex::new(r"[\p{L}\p{N},)”\x22] +(--|—-|-—|[-—−~]) +[\p{L}\p{N}(„”\x22]").expect("valid regex"),
        }
    }

    /// Does `line` start with a meeting-data label ("Justerare: ")? The label's length is
    /// counted here, not in the expression: a counted repetition of a Unicode class
    /// (`[\p{L}\- ]{1,30}`) compiled to thirty copies of the class's automaton, 11 ms of a
    /// one-line run's 25. (The class holds no colon, so the run before it is the whole
    /// label: the counts agree.)
    fn is_label(&self, line: &str) -> bool {
        self.label.find(line).is_some_and(|m| {
            let label = m.as_str().split(':').next().unwrap_or_default();
            label.chars().count() <= LABEL_MAX_CHARS
        })
    }

    /// Does `line` start like a list item (the expression behind it, after the cheap test of
    /// its first characters that every caller shares)?
    fn is_list(&self, line: &str) -> bool {
        may_start_marker(line) && self.list.is_match(line)
    }

    fn is_section(&self, line: &str) -> bool {
        may_be_section(line) && self.section.is_match(line) && line.split_whitespace().count() <= 8
    }

    /// What goes between body lines `a` and `b`. `blanks`: blank lines between them on the
    /// page; `page_break`: they are on different pages. `width`: a full line's length.
    pub fn sep(
        &self,
        a: &str,
        b: &str,
        blanks: usize,
        page_break: bool,
        width: usize,
        lexicon: &Lexicon,
    ) -> Sep {
        let apart = if blanks > 0 || page_break {
            Sep::Block
        } else {
            Sep::Line
        };
        if let Some(s) = self.hyphen(a, b, lexicon) {
            return s;
        }
        let b_dash_item = self.is_dash_item(b);
        if self.is_section(a) || self.is_section(b) || self.is_list(b) {
            return apart;
        }
        let open = !a.ends_with(['.', '!', '?', ':', ';']);
        let b_first = b.chars().next().unwrap_or(' ');
        let b_lower = b_first.is_lowercase() || (b_first.is_ascii_digit() && open && !b_dash_item);
        let full = a.chars().count() * 100 >= width * 70;
        if b_dash_item {
            // "- text" after a finished line is a list item; inside a sentence, a dash.
            return if open && full && blanks == 0 && !page_break {
                Sep::Join
            } else {
                apart
            };
        }
        if blanks > 0 || page_break {
            // A stray blank line or a page break in mid-sentence.
            let a_item = self.is_list(a);
            // A page break in an open sentence continues it; a blank line only when the line
            // before it is full (a short open line over a blank may be a heading).
            let continues = page_break || full || a_item || a.ends_with(',');
            return if open && b_lower && continues {
                Sep::Join
            } else {
                Sep::Block
            };
        }
        if self.is_label(b) && !b_lower {
            return Sep::Line;
        }
        // A few words after a finished sentence, not a sentence themselves: a name, a
        // signature row, a heading.
        let b_short =
            b.split_whitespace().count() <= 4 && !b.ends_with(['.', ',', ':', ';', '!', '?']);
        if !open && b_short && !b_lower {
            return Sep::Line;
        }
        if full || b_lower {
            Sep::Join
        } else {
            Sep::Line
        }
    }

    /// A line ending in a hyphen after a letter, and a next line that starts with a word.
    fn hyphen(&self, a: &str, b: &str, lexicon: &Lexicon) -> Option<Sep> {
        // OCR reads the hyphen as a dash too ("Livsmedels—" / "verket"). A soft hyphen, which
        // text extractors keep, is a break the typesetter made: always rejoined.
        let soft = a.ends_with('\u{ad}');
        let stem = a.strip_suffix(['-', '¬', '‐', '—', '–', '\u{ad}'])?;
        let prefix: String = {
            let rev: String = stem
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            rev.chars().rev().collect()
        };
        if !prefix.chars().last().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let first = b
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        let next = first.trim_end_matches('-');
        if next.is_empty() {
            return None;
        }
        if soft {
            return Some(Sep::Rejoin);
        }
        // (Unless the halves make a word: "in-" / "till" is "intill", "lik-" / "som" "liksom".)
        if COORDINATION.contains(&next) && !lexicon.is_list_word(&format!("{prefix}{next}")) {
            return Some(Sep::HyphenSpace);
        }
        let letters: Vec<char> = prefix.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let mut rest = next.chars();
        let misread_ell = rest.next() == Some('I')
            && rest.clone().next().is_some()
            && rest.all(char::is_lowercase)
            && prefix.chars().last().is_some_and(char::is_lowercase);
        if misread_ell {
            return Some(Sep::RejoinEll);
        }
        let starts_upper = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if acronym || starts_upper || prefix.chars().last().is_some_and(|c| c.is_ascii_digit()) {
            return Some(Sep::KeepHyphen);
        }
        let joined = format!("{prefix}{next}");
        if lexicon.is_word(&joined) {
            return Some(Sep::Rejoin);
        }
        let hyphenated = format!("{prefix}-{next}");
        if lexicon.is_list_word(&hyphenated) {
            return Some(Sep::KeepHyphen);
        }
        // OCR damages the halves ("utvir-" / "dering"), so a joined form the lexicon does not
        // know is still the likelier reading: the word stage repairs the whole word.
        Some(Sep::Rejoin)
    }

    /// The list marker edit of a line that starts a list item: OCR's "e", "«", "*", "+", ":"
    /// become "•", a hyphen or em dash "–".
    /// Is this line a list item with a dash marker ("- text")?
    pub fn is_dash_item(&self, line: &str) -> bool {
        may_start_marker(line) && self.dash_item.is_match(line)
    }

    /// Is this line a list item with a bullet-like marker (any OCR reading of "•")?
    pub fn is_bullet_item(&self, line: &str) -> bool {
        let first = line.chars().next().unwrap_or(' ');
        self.is_list(line) && !first.is_ascii_digit()
    }

    /// The list marker of `line` repaired: OCR readings of "•" become "•", a dash item "–"
    /// (or "•" when `dash_is_bullet`: the document's lists are bulleted and OCR read a
    /// bullet as a dash).
    pub fn marker(&self, line: &BodyLine<'_>, text: &str, dash_is_bullet: bool) -> Option<Edit> {
        let first = line.text.chars().next()?;
        if !may_start_marker(line.text) {
            return None;
        }
        if self.section_mark.is_match(line.text) {
            let span = Span::new(line.span.start, line.span.start + first.len_utf8());
            let spaced = line.text[first.len_utf8()..].starts_with(char::is_whitespace);
            let after = if spaced { "§" } else { "§ " };
            return Some(Edit::new(
                text,
                span,
                after,
                EditKind::Typography,
                0.8,
                "section sign",
            ));
        }
        let want = if self.is_dash_item(line.text) {
            if dash_is_bullet {
                "•"
            } else {
                "–"
            }
        } else if self.is_list(line.text)
            && !first.is_ascii_digit()
            && (!first.is_ascii_lowercase()
                || (line.text.starts_with(['e', 'o']) && line.text[1..].starts_with([' ', '\t'])))
        {
            "•"
        } else {
            return None;
        };
        if line.text.starts_with(want) {
            return None;
        }
        let span = Span::new(line.span.start, line.span.start + first.len_utf8());
        Some(Edit::new(
            text,
            span,
            want,
            EditKind::Typography,
            0.8,
            "list marker",
        ))
    }

    /// Section signs that OCR read as "$" or "8" inside a line.
    pub fn section_signs(&self, line: &BodyLine<'_>, text: &str, out: &mut Vec<Edit>) {
        // Every match holds a "$" or "kap. ": most lines are passed over without the regex.
        if !line.text.contains('$') && !line.text.contains("kap. ") {
            return;
        }
        for c in self.inline_section.captures_iter(line.text) {
            let m = c.get(1).or_else(|| c.get(2)).expect("one group matches");
            let before = &line.text[..m.start()];
            let after = if before.ends_with(' ') { "§" } else { " §" };
            out.push(Edit::new(
                text,
                line.span_of(m),
                after,
                EditKind::Typography,
                0.7,
                "section sign",
            ));
        }
    }

    /// The hyphens OCR read as dashes: of dates ("2021—02—23" for "2021-02-23") and inside
    /// words ("EU—kommissionen").
    pub fn misread_hyphens(&self, line: &BodyLine<'_>, text: &str, out: &mut Vec<Edit>) {
        // Only a dash is repaired: a line without one has nothing to do. (Both dashes begin
        // with the byte 0xE2, which a memchr finds fast; most lines have none.)
        if !line.text.as_bytes().contains(&0xE2) || !line.text.contains(['–', '—']) {
            return;
        }
        let hyphen = |m: regex::Match<'_>, reason: &str| {
            Edit::new(
                text,
                line.span_of(m),
                "-",
                EditKind::Typography,
                0.8,
                reason,
            )
        };
        for c in self.date.captures_iter(line.text) {
            for m in [c.get(1), c.get(2)].into_iter().flatten() {
                if m.as_str() != "-" {
                    out.push(hyphen(m, "hyphen in a date"));
                }
            }
        }
        // (One letter may end one match and begin the next: "A—B—C".)
        let mut at = 0;
        while let Some(c) = self.word_dash.captures_at(line.text, at) {
            let m = c.get(1).expect("group 1");
            out.push(hyphen(m, "hyphen in a word"));
            at = m.end();
        }
    }

    /// Spaced hyphens and em dashes between words in `line`, as en dashes.
    pub fn dashes(&self, line: &BodyLine<'_>, text: &str, out: &mut Vec<Edit>) {
        // Every rule below matches a dash, a tilde, "$$" or "&&": most lines have none. (By
        // bytes: the three dashes beyond ASCII all begin with 0xE2.)
        let candidate = |b: &u8| matches!(b, b'-' | b'~' | b'$' | b'&' | 0xE2);
        if !line.text.as_bytes().iter().any(candidate)
            || !line.text.contains(['-', '—', '–', '−', '~', '$', '&'])
        {
            return;
        }
        let mut at = 0;
        while let Some(c) = self.dash.captures_at(line.text, at) {
            let m = c.get(1).expect("group 1");
            let span = line.span_of(m);
            let (confidence, reason) = match m.as_str() {
                "-" => (SPACED_HYPHEN, "spaced hyphen between words, maybe a dash"),
                _ => (0.8, "dash between words"),
            };
            out.push(Edit::new(
                text,
                span,
                "–",
                EditKind::Typography,
                confidence,
                reason,
            ));
            at = m.end();
        }
        // A range of numbers, times or years: "91–94", "14.00–16.30", "2016–2019". Not a date
        // ("2021-04-12") or a diary number ("2021-00411"): both ends the same length, rising.
        for c in self.range.captures_iter(line.text) {
            let (x, d, y) = (
                c.get(1).expect("1"),
                c.get(2).expect("2"),
                c.get(3).expect("3"),
            );
            let num = |s: &str| s.replace(['.', ':'], "").parse::<u32>().ok();
            let rising = matches!((num(x.as_str()), num(y.as_str())), (Some(a), Some(b)) if b >= a);
            if x.as_str().len() == y.as_str().len() && !y.as_str().starts_with('0') && rising {
                let span = line.span_of(d);
                out.push(Edit::new(
                    text,
                    span,
                    "–",
                    EditKind::Typography,
                    0.7,
                    "range",
                ));
            }
        }
        for c in self.double_section.captures_iter(line.text) {
            let m = c.get(1).expect("group 1");
            let span = line.span_of(m);
            out.push(Edit::new(
                text,
                span,
                "§§",
                EditKind::Typography,
                0.7,
                "section signs",
            ));
        }
        for c in self.coord_dash.captures_iter(line.text) {
            let m = c.get(1).expect("group 1");
            let span = line.span_of(m);
            out.push(Edit::new(
                text,
                span,
                "-",
                EditKind::Typography,
                0.8,
                "hyphen before a coordination",
            ));
        }
    }
}

/// Can `line` begin with a list marker or a § line's sign, as the rules' regular expressions
/// read them? A test of its first two characters, so that most lines (a capital or a
/// running-text word first) skip the expressions: they start with a bullet, a dash, a
/// digit, "$", "&" or "£", "a)" or a lone "e"/"o", never with another letter.
fn may_start_marker(line: &str) -> bool {
    let mut cs = line.chars();
    match (cs.next(), cs.next()) {
        (Some(c @ 'a'..='z'), next) => {
            next == Some(')') || (matches!(c, 'e' | 'o') && next.is_some_and(char::is_whitespace))
        }
        (Some(c), _) => !c.is_alphabetic(),
        (None, _) => false,
    }
}

/// Can `line` be a § line, as [`Rules::is_section`]'s expression reads it? It starts like a
/// marker (a sign or a digit) or holds "dnr" in some case: the expression's other part
/// looks for the word anywhere, so without this test every line was searched twice.
fn may_be_section(line: &str) -> bool {
    may_start_marker(line)
        || line
            .as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"dnr"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheap first-character test never hides a line that one of the expressions reads
    /// as a marker: every short string over an alphabet of markers, letters, digits and
    /// spaces is tried.
    #[test]
    fn the_marker_prefilter_passes_every_line_an_expression_matches() {
        let rules = Rules::new();
        let alphabet: Vec<char> = "•*«:°'=>-–—~$&£58§ \taeoAÄéå)1.dnrDNRK".chars().collect();
        let n = alphabet.len();
        let mut checked = 0;
        let mut sections = 0;
        for i in 0..n * n * n * n {
            let line: String = [i % n, i / n % n, i / (n * n) % n, i / (n * n * n)]
                .iter()
                .map(|&k| alphabet[k])
                .collect();
            for line in [line.clone(), format!("{line} dnr x")] {
                let matched = rules.section_mark.is_match(&line)
                    || rules.dash_item.is_match(&line)
                    || rules.list.is_match(&line);
                if matched {
                    checked += 1;
                    assert!(may_start_marker(&line), "{line:?}");
                }
                if rules.section.is_match(&line) {
                    sections += 1;
                    assert!(may_be_section(&line), "{line:?}");
                }
            }
        }
        assert!(checked > 1000, "only {checked} matching lines tried");
        assert!(sections > 1000, "only {sections} § lines tried");
        assert!(!may_start_marker("Nämnden beslutar"));
        assert!(!may_start_marker("ärendet"));
    }

    /// The label test reads what the counted expression it replaced read: every line made
    /// of a capital and a run of label characters (letters, hyphens, spaces, a digit) of
    /// every length around the limit, then a colon or not, then a space, a tab or a letter.
    #[test]
    fn a_label_is_what_the_counted_expression_read() {
        let rules = Rules::new();
        let counted = Regex::new(r"^\p{Lu}[\p{L}\- ]{1,30}:\s").unwrap();
        let mut labels = 0;
        for first in ["J", "Ö", "j", "1"] {
            for len in 0..=34 {
                for fill in ["a", "ä", "-", " ", "a7"] {
                    let run: String = fill.chars().cycle().take(len).collect();
                    for end in [": Karin", ":\tx", ":x", " Karin", ""] {
                        let line = format!("{first}{run}{end}");
                        let want = counted.is_match(&line);
                        assert_eq!(rules.is_label(&line), want, "{line:?}");
                        labels += usize::from(want);
                    }
                }
            }
        }
        assert!(labels > 100, "only {labels} labels tried");
        assert!(rules.is_label("Plats och tid: Rådhuset"));
        assert!(!rules.is_label(&format!("J{}: x", "a".repeat(31))));
    }
}
