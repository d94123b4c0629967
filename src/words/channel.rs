//! The OCR channel: how likely OCR is to write what it wrote, given the true word.
//!
//! Costs are `-log10 P(ocr | truth)` for segments of one or two characters (OCR segments of
//! three where they hold a mark OCR made of a diacritic: "é’l" for "å"), learned from
//! aligned OCR and ground truth by `tools/gen_confusions.py` into
//! `dictionaries/ocr-confusions.tsv` (with priors for visually similar glyphs). Anything the
//! table does not know is an arbitrary edit at [`GENERIC`] cost.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::skeleton::fold_char;

/// Cost of an edit the table does not know (substitution, insertion, deletion).
pub const GENERIC: f32 = 4.0;
/// Cost of dropping an apostrophe-like mark that OCR put inside a word.
pub const MARK_COST: f32 = 0.5;

/// Apostrophe-like marks that OCR writes for the dots and rings of "ä", "å", "ö".
pub fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Truth characters below this code point (Latin, with all Swedish letters) have rules.
const RULE_RANGE: usize = 0x250;
/// Cost of keeping a character the table has no identity row for.
const IDENTITY_DEFAULT: f32 = 0.002;

static TABLE: &str = include_str!("../../dictionaries/ocr-confusions.tsv");

/// The confusion table, indexed both ways.
pub(crate) struct Channel {
    /// ocr segment -> [(skeleton of truth segment, cheapest cost)], identity excluded.
    by_ocr: FxHashMap<String, Vec<(String, f32)>>,
    /// truth char -> cost of being read right (Latin range; others cost the default).
    identity: Vec<f32>,
    /// Rules indexed by the code point of their first truth char (Latin range).
    rules: Vec<LetterRules>,
}

/// The rules of one truth character: those that read no OCR character (a dropped letter's)
/// first, and a bit (`c % 64`) for the first OCR character `c` of each of the others, so
/// that an alignment step skips them when none can read the character it is at.
#[derive(Default)]
struct LetterRules {
    all: Vec<Rule>,
    drops: usize,
    firsts: u64,
}

impl LetterRules {
    /// The rules that may read OCR characters `o` (or its lower case `ol`) at a cell, `None`
    /// where the cell has none left to read: the dropped letter's, and the others only if
    /// one of them begins with `o` or `ol`.
    fn at(&self, o: Option<(char, char)>) -> &[Rule] {
        match o {
            Some((o, ol)) if self.firsts & (bit(o) | bit(ol)) != 0 => &self.all,
            _ => &self.all[..self.drops],
        }
    }
}

pub(crate) static CHANNEL: LazyLock<Channel> = LazyLock::new(|| Channel::parse(TABLE));

impl Channel {
    fn parse(table: &str) -> Channel {
        let mut by_ocr: FxHashMap<String, Vec<(String, f32)>> = FxHashMap::default();
        let mut identity = vec![IDENTITY_DEFAULT; RULE_RANGE];
        let mut rules: Vec<LetterRules> = (0..RULE_RANGE).map(|_| LetterRules::default()).collect();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(t), Some(o), Some(c)) = (f.first(), f.get(1), f.get(3)) else {
                continue;
            };
            let Ok(c) = c.parse::<f32>() else { continue };
            if t == o {
                if let Some(ch) = single(t).filter(|&ch| (ch as usize) < RULE_RANGE) {
                    identity[ch as usize] = c;
                }
                continue;
            }
            let (tc, oc): (Vec<char>, Vec<char>) = (t.chars().collect(), o.chars().collect());
            if !tc.is_empty() && tc.len() <= 2 && oc.len() <= 3 && (tc[0] as usize) < RULE_RANGE {
                let mut r = Rule {
                    t: [' '; 2],
                    t_len: tc.len() as u8,
                    o: [' '; 3],
                    o_len: oc.len() as u8,
                    cost: c,
                };
                r.t[..tc.len()].copy_from_slice(&tc);
                r.o[..oc.len()].copy_from_slice(&oc);
                rules[tc[0] as usize].all.push(r);
            }
            let skel: String = t.chars().map(fold_char).collect();
            let entry = by_ocr.entry(o.to_string()).or_default();
            match entry.iter_mut().find(|(s, _)| *s == skel) {
                Some(e) => e.1 = e.1.min(c),
                None => entry.push((skel, c)),
            }
        }
        for r in &mut rules {
            r.all.sort_by_key(|r| r.o_len != 0);
            r.drops = r.all.iter().take_while(|r| r.o_len == 0).count();
            r.firsts = r.all[r.drops..].iter().fold(0, |m, r| m | bit(r.o[0]));
        }
        Channel {
            by_ocr,
            identity,
            rules,
        }
    }

    /// Cost of reading truth char `t` (lower case) right.
    pub fn identity(&self, t: char) -> f32 {
        self.identity
            .get(t as usize)
            .copied()
            .unwrap_or(IDENTITY_DEFAULT)
    }

    /// Cost of reading every letter of `word` right.
    pub fn identity_cost(&self, word: &str) -> f32 {
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| self.identity(c))
            .sum()
    }

    /// Every OCR segment the table has readings for, with them.
    pub fn segments(&self) -> impl Iterator<Item = (&str, &[(String, f32)])> {
        self.by_ocr.iter().map(|(o, r)| (o.as_str(), r.as_slice()))
    }

    /// Skeleton segments that OCR segment `o` may stand for, with their cheapest cost
    /// (identity not included).
    pub fn readings(&self, o: &str) -> &[(String, f32)] {
        self.by_ocr.get(o).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The cheapest way OCR turns `truth` into `ocr` (both as written; case of letters is
    /// ignored except where the table knows a case confusion, such as "G" for "ö").
    pub fn cost(&self, ocr: &str, truth: &str) -> f32 {
        self.cost_within(ocr, truth, f32::INFINITY)
    }

    /// [`Channel::cost`], or infinity when it exceeds `budget`: alignments dearer than the
    /// budget are not followed, which prunes most of the table far from the diagonal.
    pub fn cost_within(&self, ocr: &str, truth: &str, budget: f32) -> f32 {
        let mut o = [' '; MAX_WORD];
        let mut ol = [' '; MAX_WORD];
        let mut t = [' '; MAX_WORD];
        let (mut m, mut n) = (0, 0);
        for c in ocr.chars() {
            if m == MAX_WORD {
                return f32::INFINITY;
            }
            o[m] = c;
            ol[m] = c.to_lowercase().next().unwrap_or(c);
            m += 1;
        }
        for c in truth.chars().flat_map(char::to_lowercase) {
            if n == MAX_WORD {
                return f32::INFINITY;
            }
            t[n] = c;
            n += 1;
        }
        // A word of the token's length is usually read letter for letter: that alignment's
        // cost bounds the cheapest one, and the search need not look beyond it.
        let limit = if m == n {
            let aligned: f32 = (0..n).map(|i| self.letter_cost(t[i], o[i], ol[i])).sum();
            budget.min(aligned + 1e-4)
        } else {
            budget
        };
        let w = m + 1;
        let mut d = vec![f32::INFINITY; (n + 1) * w];
        d[0] = 0.0;
        let generic = GENERIC;
        for i in 0..=n {
            for j in 0..=m {
                let here = d[i * w + j];
                if here > limit {
                    continue;
                }
                let mut relax = |ii: usize, jj: usize, c: f32| {
                    let cell = &mut d[ii * w + jj];
                    if here + c < *cell {
                        *cell = here + c;
                    }
                };
                if i < n && j < m && ol[j] == t[i] {
                    relax(i + 1, j + 1, self.identity(t[i]));
                }
                if i < n {
                    relax(i + 1, j, generic);
                    if j < m && ol[j] != t[i] {
                        relax(i + 1, j + 1, generic);
                    }
                    let rules = self
                        .rules_for(t[i])
                        .map_or(&[][..], |r| r.at((j < m).then(|| (o[j], ol[j]))));
                    for r in rules {
                        let (lt, lo) = (r.t_len as usize, r.o_len as usize);
                        // (Element by element: a slice comparison calls memcmp.)
                        if i + lt > n || j + lo > m || (lt == 2 && t[i + 1] != r.t[1]) {
                            continue;
                        }
                        let reads = |k: usize| o[j + k] == r.o[k] || ol[j + k] == r.o[k];
                        if (0..lo).all(reads) {
                            relax(i + lt, j + lo, r.cost);
                        }
                    }
                }
                if j < m {
                    // An apostrophe inside a word is a mark OCR made of a diacritic
                    // ("Samha'llsbyggnad"): dropping it is cheap.
                    relax(i, j + 1, if is_mark(o[j]) { MARK_COST } else { generic });
                }
            }
        }
        let total = d[n * w + m];
        if total > budget {
            f32::INFINITY
        } else {
            total
        }
    }

    /// The cheapest way truth letter `t` is read as the one character `o` (lower case `ol`).
    fn letter_cost(&self, t: char, o: char, ol: char) -> f32 {
        if ol == t {
            return self.identity(t);
        }
        self.rules_for(t)
            .map_or(&[][..], |r| &r.all)
            .iter()
            .filter(|r| r.t_len == 1 && r.o_len == 1 && (o == r.o[0] || ol == r.o[0]))
            .map(|r| r.cost)
            .fold(GENERIC, f32::min)
    }

    fn rules_for(&self, t: char) -> Option<&LetterRules> {
        self.rules.get(t as usize)
    }
}

/// Longest word the channel scores (longer ones cost infinity: no OCR word is that long).
const MAX_WORD: usize = 48;

/// One table row: truth segment -> OCR segment, at a cost. (An OCR segment of three
/// characters holds a mark: "é’l" for "å", "’ai" for "ä".)
struct Rule {
    t: [char; 2],
    t_len: u8,
    o: [char; 3],
    o_len: u8,
    cost: f32,
}

/// The bit of [`LetterRules::firsts`] for OCR character `c`.
fn bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_confusions_cost_less_than_arbitrary_edits() {
        let ch = &*CHANNEL;
        let cheap = ch.cost("nimnden", "nämnden");
        let arbitrary = ch.cost("nxmnden", "nämnden");
        assert!(cheap < 2.0 && arbitrary >= GENERIC, "{cheap} {arbitrary}");
        assert!(ch.cost("6versinder", "översänder") < 4.0);
        assert!(ch.cost("Boras", "Borås") < 1.0);
        // Three OCR characters for one letter, around a mark.
        assert!(ch.cost("fré’m", "från") < 3.0);
        assert!(ch.cost("své’lra", "svåra") < 3.0);
        assert!(ch.cost("nämnden", "nämnden") < 0.1 + 2.0 * ch.identity('ä'));
    }

    /// The prior list of `tools/gen_confusions.py` reaches the table: glyph pairs the
    /// development set never shows cost less than an arbitrary edit.
    #[test]
    fn glyph_priors_cost_less_than_arbitrary_edits() {
        let ch = &*CHANNEL;
        for (ocr, truth) in [("laqa", "laga"), ("betintlig", "befintlig"), ("h0g", "hög")] {
            let c = ch.cost(ocr, truth);
            assert!(c < GENERIC - 0.5, "{ocr} for {truth}: {c}");
        }
    }
}
