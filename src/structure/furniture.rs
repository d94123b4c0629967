//! Page furniture: running headers and footers, page numbers, signature and address rows.
//!
//! Furniture lives at the edges of a page, so only the edges are searched: from the first
//! line of a page down, and from the last line up, a line is furniture while the lines
//! between it and the edge are furniture too. A line at an edge is furniture when
//!
//! - it is a page number in a Swedish form ("Sida 2 av 5", "Sida 2(5)", "2 (5)", "- 2 -",
//!   a bare number), or ends in one ("Borås Stad  TJÄNSTESKRIVELSE  Sida 1(1)");
//! - it recurs at the same edge of other pages, compared OCR-tolerantly (case, diacritics,
//!   spacing and punctuation folded, every digit the same digit). Lines at the very edge
//!   need one other page; deeper lines need most pages and must not also occur inside a
//!   page (a heading such as "Beslutet expedieras till" that happens to open two pages);
//! - it names the document type in capitals on the first line ("PROTOKOLLSUTDRAG");
//! - it is the date row under such a header ("Datum 2021-04-01  Instans Kommunstyrelsen");
//! - it holds an address keyword ("Postadress", "Besöksadress", "Telefon", …);
//! - it is OCR debris (a few characters, no word) next to furniture;
//! - it is the last line of a page, the name of an organisation (a board, a
//!   municipality) that breaks the running text, as a page-foot line does.
//!
//! Anywhere on a page, a line made of the built-in signature phrases ("Justerandes
//! signatur", "Ordförandes sign", "Utdragsbestyrkande", …; see [`PHRASES`]) or matching one of
//! [`Options::furniture_patterns`](crate::Options) is furniture.
//!
//! In text whose page breaks were lost (one page), a short line that recurs inside the text
//! and carries a page number, an address or a document type is furniture wherever it is,
//! and so is the recurring row right under it.
//!
//! A line that looks like a header but is printed once inside the body (the board's name
//! in the meeting data, a heading) is none of these, and stays.

use regex::Regex;

use super::fold::{
    bucket, counts_within, key_counts, line_key, similar, similar_counted, surplus_sides,
    word_like, words,
};
use super::pages::Line;
use crate::Lexicon;

/// Built-in signature and attestation phrases of Swedish protocols; a line made only of
/// these is furniture wherever it is. Extend with `Options::furniture_patterns`.
pub const PHRASES: &[&str] = &[
    "justerandes signatur",
    "justerandes sign",
    "justerares signatur",
    "justerares sign",
    "justerarens signatur",
    "justerarens sign",
    "ordförandes signatur",
    "ordförandes sign",
    "ordförandens signatur",
    "sekreterarens signatur",
    "sekreterares signatur",
    "sekreterarens sign",
    "sekreterares sign",
    "ordf sign",
    "just sign",
    "sekr sign",
    "utdragsbestyrkande",
    "rätt utdraget intygar",
];

/// Address and contact keywords of letterhead footers (an e-mail or web address counts too).
const ADDRESS_WORDS: &[&str] = &[
    "postadress",
    "besöksadress",
    "leveransadress",
    "telefon",
    "telefax",
    "växel",
    "epost",
    "e-post",
    "hemsida",
    "webbplats",
    "organisationsnummer",
    "orgnr",
    "bankgiro",
    "plusgiro",
];

/// Document types printed in capitals in a protocol's or a memo's header.
const DOC_TYPES: &[&str] = &[
    "protokoll",
    "protokollsutdrag",
    "sammanträdesprotokoll",
    "tjänsteskrivelse",
    "kallelse",
    "utdrag",
    "yttrande",
    "beslut",
    "skrivelse",
    "missiv",
    "delegationsbeslut",
    "föredragningslista",
];

/// Nouns that end the name of an organisation ("Gymnasie- och vuxenutbildningsnämnden",
/// "Borås Stad", "Lerums kommun").
const ORG_ENDINGS: &[&str] = &[
    "nämnden",
    "nämnd",
    "styrelsen",
    "styrelse",
    "förvaltningen",
    "förvaltning",
    "kommun",
    "stad",
    "regionen",
    "fullmäktige",
];

/// How deep into a page furniture is searched: headers are two printed rows, which OCR
/// may split into several lines; footers are one or two rows.
const TOP_DEPTH: usize = 6;
const BOTTOM_DEPTH: usize = 4;

/// A run of letters reads as a signature phrase at least this similar.
const PHRASE_SIMILARITY: f64 = 0.78;

/// Recurrence is counted on the pages up to this far before and after a page.
const PAGE_WINDOW: usize = 5;

/// Recurring lines compare at least this similar (folded keys).
const RECUR_SIMILARITY: f64 = 0.8;

pub(crate) struct Patterns {
    page_number: Regex,
    ends_page_number: Regex,
    date: Regex,
    body_start: Regex,
    user: Vec<Regex>,
    phrases: Vec<Vec<String>>,
    phrase_runs: Vec<Vec<char>>,
    /// The character counts of each phrase run, by `fold::bucket`.
    phrase_counts: Vec<[u16; 64]>,
    address: Vec<String>,
    doc_types: Vec<String>,
    org_endings: Vec<String>,
}

impl Patterns {
    pub fn new(user: &[String]) -> Patterns {
        let fold_all =
            |xs: &[&str]| -> Vec<String> { xs.iter().map(|x| words(x).concat()).collect() };
        let runs: Vec<Vec<char>> = PHRASES
            .iter()
            .map(|p| words(p).concat().chars().collect())
            .collect();
        Patterns {
            // A whole line that is a page number.
            page_number: Regex::new(
                r"(?ix)^(
                    (sida|sid\.?|s\.)\s*\d{1,3}(\s*(av|/|\()\s*\d{1,3}\s*\)?)?
                  | \d{1,3}\s*\(\s*\d{1,3}\s*\)
                  | \d{1,3}\s*(av|/)\s*\d{1,3}
                  | [-–—]?\s*\d{1,3}\s*[-–—]?
                  | \(\s*\d{1,3}\s*\)
                  | av\s*\d{1,3}
                )$",
            )
            .expect("valid regex"),
            // A line that ends in a page number, as letterhead rows do. OCR mangles the
            // digits and parentheses ("Sida m)", "1 (S)", "16)"), so the inside is loose.
            ends_page_number: Regex::new(
                r"(?ix)(
                    \bsida\s*\S{1,3}(\s*(av|\(|/)\s*\S{1,3}\)?)?
                  | \b\d{1,3}\s*\(\s*[0-9SsIl]{1,3}\s*\)
                  | \b\d{1,3}\s*av\s*\d{1,3}
                )\s*$",
            )
            .expect("valid regex"),
            date: Regex::new(r"\b(19|20)\d\d\s?[-–—~‘'.]?\s?\d\d\s?[-–—~‘'.]\s?\d\d\b")
                .expect("valid regex"),
            // Body lines: a § line, a list item, a numbered item.
            body_start: Regex::new(r"^(§|\d{1,2}[.)]\s|[•·*+«»]\s)").expect("valid regex"),
            user: user.iter().filter_map(|p| Regex::new(p).ok()).collect(),
            phrases: PHRASES.iter().map(|p| words(p)).collect(),
            phrase_runs: runs.clone(),
            phrase_counts: runs
                .iter()
                .map(|r| {
                    let mut h = [0u16; 64];
                    r.iter().for_each(|&c| h[bucket(c)] += 1);
                    h
                })
                .collect(),
            address: fold_all(ADDRESS_WORDS),
            doc_types: fold_all(DOC_TYPES),
            org_endings: fold_all(ORG_ENDINGS),
        }
    }

    /// Is the whole line made of signature phrases?
    fn is_phrase_line(&self, line: &str) -> bool {
        let ws = words(line);
        if ws.is_empty() {
            return false;
        }
        // covered[i]: words[..i] can be covered by phrases.
        let mut covered = vec![false; ws.len() + 1];
        covered[0] = true;
        for i in 0..ws.len() {
            if !covered[i] {
                continue;
            }
            for p in &self.phrases {
                let n = p.len();
                if i + n <= ws.len() && ws[i..i + n].iter().zip(p).all(|(a, b)| word_like(a, b)) {
                    covered[i + n] = true;
                }
            }
        }
        covered[ws.len()] || self.is_phrase_run(&ws.concat())
    }

    /// The same on the letters alone: OCR drops letters and splits words ("Justerandes si
    /// natur Utdra sbes rkande" for "Justerandes signatur Utdragsbestyrkande").
    fn is_phrase_run(&self, letters: &str) -> bool {
        let l: Vec<char> = letters.chars().collect();
        if l.len() < 10 || l.len() > 120 {
            return false;
        }
        let mut reach = vec![false; l.len() + 1];
        reach[0] = true;
        for p in 0..l.len() {
            if !reach[p] {
                continue;
            }
            for (ph, ph_counts) in self.phrase_runs.iter().zip(&self.phrase_counts) {
                let n = ph.len();
                let shortest = n.saturating_sub(4);
                if p + shortest > l.len() {
                    continue;
                }
                // The window's counts less the phrase's, and what each side has more of,
                // kept as the window grows by a character.
                let mut diff: [i32; 64] = std::array::from_fn(|k| -i32::from(ph_counts[k]));
                for &c in &l[p..p + shortest] {
                    diff[bucket(c)] += 1;
                }
                let (mut more_w, mut more_ph) = surplus_sides(&diff);
                for len in shortest..=n + 2 {
                    if len > shortest {
                        let Some(&c) = l.get(p + len - 1) else {
                            break;
                        };
                        let b = bucket(c);
                        if diff[b] >= 0 {
                            more_w += 1;
                        } else {
                            more_ph -= 1;
                        }
                        diff[b] += 1;
                    }
                    if len == 0 || reach[p + len] {
                        continue;
                    }
                    let w = &l[p..p + len];
                    let surplus = more_w.max(more_ph);
                    if similar_counted(w, ph, surplus, PHRASE_SIMILARITY).is_some() {
                        reach[p + len] = true;
                    }
                }
            }
        }
        reach[l.len()]
    }

    fn has_address_word(&self, line: &str) -> bool {
        // An e-mail address or a web address is contact furniture at a page edge.
        let contact = line.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            (w.contains('@') && w.contains('.')) || w.starts_with("www.") || w.starts_with("http")
        });
        contact
            || words(line)
                .iter()
                .any(|w| w.len() >= 5 && self.address.iter().any(|a| word_like(w, a)))
    }

    /// A short first line with a document type in capitals.
    fn is_doc_type_header(&self, line: &str) -> bool {
        let n_words = line.split_whitespace().count();
        n_words <= 6
            && line.split_whitespace().any(|w| {
                let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                letters.len() >= 6
                    && letters.iter().all(|c| !c.is_lowercase())
                    && words(w)
                        .first()
                        .is_some_and(|f| self.doc_types.iter().any(|d| word_like(f, d)))
            })
    }

    /// A short line naming an organisation, without sentence punctuation.
    fn is_org_name(&self, line: &str) -> bool {
        let n_words = line.split_whitespace().count();
        if n_words > 6
            || line.ends_with(['.', ',', ':', ';', '!', '?'])
            || self.body_start.is_match(line)
        {
            return false;
        }
        if !line.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let Some(last) = words(line).pop() else {
            return false;
        };
        self.org_endings.iter().any(|e| {
            let n = e.chars().count();
            let tail: String = last
                .chars()
                .skip(last.chars().count().saturating_sub(n))
                .collect();
            last.chars().count() >= n && word_like(&tail, e)
        })
    }

    fn is_date_row(&self, line: &str) -> bool {
        line.split_whitespace().count() <= 8
            && self.date.is_match(line)
            && !self.body_start.is_match(line)
    }

    fn is_debris(&self, line: &str, lexicon: &Lexicon) -> bool {
        // Debris: a few characters, no word, no capital. "m.m." or "sen." at a page foot
        // ends a sentence; debris does not.
        line.chars().count() <= 15
            && !line.ends_with(['.', ',', ';', ':', ')'])
            // Names, roles and codes ("Handläggare", "FSG 210401") start with a capital.
            && !line.split_whitespace().any(|w| w.starts_with(char::is_uppercase))
            && !self.page_number.is_match(line)
            && !line
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 3 && lexicon.is_list_word(w))
    }
}

/// One page's non-blank lines, as indices into the line list.
struct Page {
    lines: Vec<usize>,
}

/// Which lines are furniture, with the reason: `reasons[i]` for line `i`.
pub(crate) fn find(
    text: &str,
    lines: &[Line],
    lexicon: &Lexicon,
    pat: &Patterns,
    enabled: bool,
) -> Vec<Option<String>> {
    let mut reasons: Vec<Option<String>> = vec![None; lines.len()];
    let n_pages = lines.last().map_or(0, |l| l.page + 1);
    let mut pages: Vec<Page> = (0..n_pages).map(|_| Page { lines: Vec::new() }).collect();
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() {
            pages[l.page].lines.push(i);
        }
    }
    let content = |i: usize| lines[i].content.of(text);
    // User patterns and built-in phrases: anywhere.
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let s = content(i);
        if pat.user.iter().any(|r| r.is_match(s)) {
            reasons[i] = Some("furniture pattern".into());
        } else if enabled && pat.is_phrase_line(s) {
            reasons[i] = Some("signature row".into());
        }
    }
    if !enabled {
        return reasons;
    }
    let keys: Vec<String> = lines.iter().map(|l| line_key(l.content.of(text))).collect();
    let printed: Vec<&Page> = pages.iter().filter(|p| !p.lines.is_empty()).collect();
    let n_printed = printed.len();
    // The lines inside pages, away from both edges.
    let interior: Vec<usize> = printed
        .iter()
        .flat_map(|p| {
            let n = p.lines.len();
            p.lines
                .iter()
                .enumerate()
                .filter(move |(k, _)| *k >= 3 && *k + 2 < n)
                .map(|(_, &i)| i)
        })
        .collect();
    // Keys hold only a-z and 0: their letter counts, taken once, reject most pairs before
    // any alignment (see `similar`).
    let counts: Vec<[u16; 27]> = keys.iter().map(|k| key_counts(k)).collect();
    let like = |i: usize, j: usize| -> bool {
        let (a, b) = (&keys[i], &keys[j]);
        let (la, lb) = (a.len(), b.len());
        la >= 5
            && lb >= 5
            && la.min(lb) * 100 >= la.max(lb) * 85
            && counts_within(&counts[i], &counts[j], la.max(lb), RECUR_SIMILARITY)
            && similar(a, b, RECUR_SIMILARITY).is_some()
    };
    // The printed pages near page `page`, itself included: running furniture recurs on the
    // neighbouring pages, and comparing only those keeps long documents linear.
    let window = |page: usize| -> Vec<&Page> {
        let at = printed
            .iter()
            .position(|q| std::ptr::eq(*q, &pages[page]))
            .unwrap_or(0);
        let lo = at.saturating_sub(PAGE_WINDOW);
        printed[lo..(at + PAGE_WINDOW + 1).min(printed.len())].to_vec()
    };
    // On how many pages (this one included) does the line at depth `k` from this edge recur?
    let recurs = |page: usize, k: usize, top: bool| -> usize {
        let i = nth_from_edge(&pages[page], k, top);
        1 + window(page)
            .iter()
            .filter(|q| !std::ptr::eq(**q, &pages[page]))
            .filter(|q| {
                (k.saturating_sub(1)..=k + 1)
                    .filter(|&d| d < q.lines.len())
                    .any(|d| like(i, nth_from_edge(q, d, top)))
            })
            .count()
    };
    let in_interior = |i: usize| interior.iter().any(|&j| j != i && like(i, j));

    for (p, page) in pages.iter().enumerate() {
        let n = page.lines.len();
        if n == 0 {
            continue;
        }
        let is_last_page = pages[p + 1..].iter().all(|q| q.lines.is_empty());
        for top in [true, false] {
            let depth = if top { TOP_DEPTH } else { BOTTOM_DEPTH }.min(n);
            let edge = if top { "header" } else { "footer" };
            let mut prev_page_number = false;
            let mut tentative: Option<usize> = None;
            for k in 0..depth {
                let i = nth_from_edge(page, k, top);
                let s = content(i);
                let mut reason: Option<String> = reasons[i].clone();
                if reason.is_none() && pat.page_number.is_match(s) {
                    reason = Some("page number".into());
                }
                let starts_body = pat.body_start.is_match(s);
                if reason.is_none() && !starts_body && k <= 1 && pat.ends_page_number.is_match(s) {
                    reason = Some(format!("running {edge} with page number"));
                }
                if reason.is_none() && !starts_body && !is_prose(s) {
                    let r = recurs(p, k, top);
                    let shallow = if top { k <= 1 } else { k == 0 };
                    // Lines at the very edge recur on half the pages (a document may join two
                    // parts with their own headers); deeper lines on most pages.
                    let near = window(p).len();
                    let needed = if shallow {
                        2.max(near.div_ceil(2))
                    } else {
                        3.max((near * 3).div_ceil(5))
                    };
                    if r >= 2 && r >= needed && (shallow || !in_interior(i)) {
                        reason = Some(format!("running {edge} on {r} of {near} pages"));
                    }
                }
                if reason.is_none() && top && k == 0 && pat.is_doc_type_header(s) {
                    reason = Some("document type header".into());
                }
                if reason.is_none() && top && k >= 1 && prev_page_number && pat.is_date_row(s) {
                    reason = Some("header date row".into());
                }
                if reason.is_none() && pat.has_address_word(s) && !starts_body {
                    reason = Some(format!("address {edge}"));
                }
                if reason.is_none() && pat.is_debris(s, lexicon) {
                    // At the very edge, debris only counts when furniture follows it.
                    if k >= 1 {
                        reason = Some("OCR debris next to page furniture".into());
                    } else if k + 1 < depth {
                        tentative = Some(i);
                        reason = Some("OCR debris next to page furniture".into());
                    }
                }
                if reason.is_none() && !top && k == 0 && !is_last_page && pat.is_org_name(s) {
                    reason = Some("organisation name at the foot of the page".into());
                }
                match reason {
                    Some(r) => {
                        prev_page_number = r.contains("page number")
                            || r.contains("document type")
                            || pat.ends_page_number.is_match(s);
                        reasons[i] = Some(r);
                    }
                    None => {
                        if let Some(t) = tentative.filter(|_| k == 1) {
                            reasons[t] = None;
                        }
                        break;
                    }
                }
            }
        }
    }
    fragments(text, lines, &pages, &keys, pat, lexicon, &mut reasons);
    if n_printed == 1 {
        unpaged(text, lines, &keys, pat, &mut reasons);
    }
    reasons
}

/// OCR splits a header row into its parts and may move them ("Borås Stad" / "Kommunstyrelsen"
/// on top, "PROTOKOLL" further down). On a page whose edge is not already furniture, the
/// edge lines that are parts of a running row found on other pages are furniture too; and a
/// line that is only a document type in capitals, part of such a row, is furniture wherever
/// it is.
/// How many pages away a running row is looked for when judging a fragment of one.
const ROW_PAGES: usize = 3;

fn fragments(
    text: &str,
    lines: &[Line],
    pages: &[Page],
    keys: &[String],
    pat: &Patterns,
    lexicon: &Lexicon,
    reasons: &mut [Option<String>],
) {
    let rows: Vec<(usize, &String)> = reasons
        .iter()
        .enumerate()
        .filter(|(i, r)| r.is_some() && keys[*i].len() >= 8)
        .map(|(i, _)| (lines[i].page, &keys[i]))
        .collect();
    // Rows come in page order; a running row recurs on neighbouring pages, so a line is
    // compared only with the rows of the pages around its own (long documents stay linear).
    let part_of_row = |i: usize| -> bool {
        let f = &keys[i];
        let page = lines[i].page;
        let lo = rows.partition_point(|&(p, _)| p + ROW_PAGES < page);
        let hi = rows.partition_point(|&(p, _)| p <= page + ROW_PAGES);
        f.len() >= 6
            && rows[lo..hi]
                .iter()
                .any(|&(p, r)| p != page && r.len() > f.len() && contains_like(r, f))
    };
    for page in pages.iter().filter(|p| !p.lines.is_empty()) {
        for top in [true, false] {
            if reasons[nth_from_edge(page, 0, top)].is_some() {
                continue;
            }
            let depth = if top { TOP_DEPTH } else { BOTTOM_DEPTH }.min(page.lines.len());
            for k in 0..depth {
                let i = nth_from_edge(page, k, top);
                let s = lines[i].content.of(text);
                if pat.body_start.is_match(s) {
                    break;
                }
                if part_of_row(i) {
                    let edge = if top { "header" } else { "footer" };
                    reasons[i] = Some(format!("part of the running {edge}"));
                } else if !(pat.page_number.is_match(s) || (k > 0 && pat.is_debris(s, lexicon))) {
                    break;
                } else {
                    reasons[i] = Some("page number".into());
                }
            }
        }
        for &i in &page.lines {
            let s = lines[i].content.of(text);
            if reasons[i].is_none()
                && !s.contains(char::is_whitespace)
                && pat.is_doc_type_header(s)
                && part_of_row(i)
            {
                reasons[i] = Some("document type, part of the running header".into());
            }
        }
    }
}

/// Text whose page breaks were lost (one page, no page starts recognised): a header or
/// footer row still recurs, now inside the text. A short line that recurs and carries a
/// page number, an address or a document type is furniture wherever it is, and so is a
/// recurring line right under such a header row (the board and date row).
fn unpaged(
    text: &str,
    lines: &[Line],
    keys: &[String],
    pat: &Patterns,
    reasons: &mut [Option<String>],
) {
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let s = lines[i].content.of(text);
            !lines[i].is_blank()
                && s.chars().count() <= 90
                && !pat.body_start.is_match(s)
                && !is_prose(s)
        })
        .collect();
    // Letter counts: lines whose counts differ by more than a third cannot be alike, and
    // comparing counts is cheap enough to do for every pair of a marked line and a line.
    let hists: Vec<[u16; 27]> = keys.iter().map(|k| key_counts(k)).collect();
    let like = |i: usize, j: usize| {
        let (a, b) = (&keys[i], &keys[j]);
        let (la, lb) = (a.len(), b.len());
        let apart: usize = hists[i]
            .iter()
            .zip(&hists[j])
            .map(|(x, y)| x.abs_diff(*y) as usize)
            .sum();
        la >= 5
            && lb >= 5
            && la.min(lb) * 100 >= la.max(lb) * 85
            && apart * 3 <= la.max(lb)
            && similar(a, b, RECUR_SIMILARITY).is_some()
    };
    // Marked lines and the rows under them are compared with every candidate line (another
    // copy of the row may have lost its page number to OCR).
    let marked: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| {
            let s = lines[i].content.of(text);
            reasons[i].is_none()
                && (pat.page_number.is_match(s)
                    || pat.ends_page_number.is_match(s)
                    || pat.has_address_word(s)
                    || pat.is_doc_type_header(s))
        })
        .collect();
    let recurs_among = |i: usize, among: &[usize]| among.iter().any(|&j| j != i && like(i, j));
    let headers: Vec<usize> = marked
        .iter()
        .copied()
        .filter(|&i| recurs_among(i, &candidates))
        .collect();
    for &i in &headers {
        reasons[i] = Some("running header or footer, recurring in text without page breaks".into());
    }
    let under: Vec<usize> = headers
        .iter()
        .filter_map(|&h| (h + 1..lines.len()).find(|&j| !lines[j].is_blank()))
        .filter(|&j| reasons[j].is_none() && candidates.contains(&j))
        .collect();
    for &next in &under {
        if recurs_among(next, &candidates) {
            reasons[next] =
                Some("running header row, recurring in text without page breaks".into());
        }
    }
}

/// Does `row` contain `part`, allowing OCR noise?
fn contains_like(row: &str, part: &str) -> bool {
    if row.contains(part) {
        return true;
    }
    let r: Vec<char> = row.chars().collect();
    let n = part.chars().count();
    (0..=r.len().saturating_sub(n)).any(|s| {
        let w: String = r[s..(s + n).min(r.len())].iter().collect();
        similar(&w, part, RECUR_SIMILARITY).is_some()
    })
}

/// A line of running text: three or more lower-case words and no number. A title that
/// opens two pages (a protocol and its attachment) recurs like a header but reads like this;
/// headers are names, dates and page numbers.
fn is_prose(line: &str) -> bool {
    let lower = line
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase))
        .count();
    lower >= 3 && !line.chars().any(|c| c.is_ascii_digit())
}

/// The line `k` non-blank lines from the top (or the bottom) edge of `page`.
fn nth_from_edge(page: &Page, k: usize, top: bool) -> usize {
    if top {
        page.lines[k]
    } else {
        page.lines[page.lines.len() - 1 - k]
    }
}
