//! The OCR channel: how likely OCR is to write what it wrote, given the true word.
//!
//! Costs are `-log10 P(ocr | truth)` for segments of one or two characters, learned from
//! aligned OCR and ground truth by `tools/gen_confusions.py` into
//! `dictionaries/ocr-confusions.tsv` (with priors for visually similar glyphs). Anything the
//! table does not know is an arbitrary edit at [`GENERIC`] cost.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::skeleton::fold_char;

/// Cost of an edit the table does not know (substitution, insertion, deletion).
pub const GENERIC: f32 = 4.0;
/// Cost of keeping a character the table has no identity row for.
const IDENTITY_DEFAULT: f32 = 0.002;

static TABLE: &str = include_str!("../../dictionaries/ocr-confusions.tsv");

/// The confusion table, indexed both ways.
pub(crate) struct Channel {
    /// (truth, ocr) -> cost.
    cost: HashMap<(String, String), f32>,
    /// ocr segment -> [(skeleton of truth segment, cheapest cost)], identity excluded.
    by_ocr: HashMap<String, Vec<(String, f32)>>,
    /// truth char -> cost of being read right.
    identity: HashMap<char, f32>,
}

pub(crate) static CHANNEL: LazyLock<Channel> = LazyLock::new(|| Channel::parse(TABLE));

impl Channel {
    fn parse(table: &str) -> Channel {
        let mut cost = HashMap::new();
        let mut by_ocr: HashMap<String, Vec<(String, f32)>> = HashMap::new();
        let mut identity = HashMap::new();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(t), Some(o), Some(c)) = (f.first(), f.get(1), f.get(3)) else { continue };
            let Ok(c) = c.parse::<f32>() else { continue };
            if t == o {
                if let Some(ch) = single(t) {
                    identity.insert(ch, c);
                }
                continue;
            }
            cost.insert((t.to_string(), o.to_string()), c);
            let skel: String = t.chars().map(fold_char).collect();
            let entry = by_ocr.entry(o.to_string()).or_default();
            match entry.iter_mut().find(|(s, _)| *s == skel) {
                Some(e) => e.1 = e.1.min(c),
                None => entry.push((skel, c)),
            }
        }
        Channel { cost, by_ocr, identity }
    }

    /// Cost of reading truth char `t` (lower case) right.
    pub fn identity(&self, t: char) -> f32 {
        self.identity.get(&t).copied().unwrap_or(IDENTITY_DEFAULT)
    }

    /// Skeleton segments that OCR segment `o` may stand for, with their cheapest cost
    /// (identity not included).
    pub fn readings(&self, o: &str) -> &[(String, f32)] {
        self.by_ocr.get(o).map(Vec::as_slice).unwrap_or(&[])
    }

    fn sub(&self, t: &str, o: &str) -> Option<f32> {
        self.cost.get(&(t.to_string(), o.to_string())).copied()
    }

    /// The cheapest way OCR turns `truth` into `ocr` (both as written; case of letters is
    /// ignored except where the table knows a case confusion, such as "G" for "ö"),
    /// plus `extra` for every non-identity operation.
    pub fn cost(&self, ocr: &str, truth: &str, extra: f32) -> f32 {
        let o: Vec<char> = ocr.chars().collect();
        let t: Vec<char> = truth.chars().flat_map(char::to_lowercase).collect();
        let (n, m) = (t.len(), o.len());
        let mut d = vec![f32::INFINITY; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        d[0] = 0.0;
        let mut buf_t = String::new();
        let mut buf_o = String::new();
        for i in 0..=n {
            for j in 0..=m {
                let here = d[at(i, j)];
                if !here.is_finite() {
                    continue;
                }
                // identity
                if i < n && j < m && o[j].to_lowercase().eq(std::iter::once(t[i])) {
                    let c = here + self.identity(t[i]);
                    if c < d[at(i + 1, j + 1)] {
                        d[at(i + 1, j + 1)] = c;
                    }
                }
                // segments of 0..=2 truth chars -> 0..=2 ocr chars
                for lt in 0..=2usize {
                    for lo in 0..=2usize {
                        if (lt == 0 && lo == 0) || i + lt > n || j + lo > m {
                            continue;
                        }
                        buf_t.clear();
                        buf_t.extend(&t[i..i + lt]);
                        buf_o.clear();
                        buf_o.extend(&o[j..j + lo]);
                        let known = if lt == 0 {
                            None
                        } else {
                            // A capital reads like its small letter unless the table knows it.
                            let lower = buf_o.to_lowercase();
                            match (self.sub(&buf_t, &buf_o), (lower != buf_o).then(|| self.sub(&buf_t, &lower)).flatten()) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            }
                        };
                        let c = match known {
                            Some(c) => c + extra,
                            None if lt + lo == 1 || (lt == 1 && lo == 1) => GENERIC + extra,
                            None => continue,
                        };
                        let c = here + c;
                        if c < d[at(i + lt, j + lo)] {
                            d[at(i + lt, j + lo)] = c;
                        }
                    }
                }
            }
        }
        d[at(n, m)]
    }
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
        let cheap = ch.cost("nimnden", "nämnden", 0.0);
        let arbitrary = ch.cost("nxmnden", "nämnden", 0.0);
        assert!(cheap < 2.0 && arbitrary >= GENERIC, "{cheap} {arbitrary}");
        assert!(ch.cost("6versinder", "översänder", 0.0) < 4.0);
        assert!(ch.cost("Boras", "Borås", 0.0) < 1.0);
        assert!(ch.cost("nämnden", "nämnden", 0.0) < 0.1 + 2.0 * ch.identity('ä'));
    }
}
