//! Candidate words for an OCR token: a cost-bounded walk of the skeleton map that reads the
//! token through the OCR channel, whole words first, then compounds part by part.

use fst::raw::{Fst, Node, Output};

use super::channel::{CHANNEL, GENERIC};
use crate::lexicon::compound::split_roles;
use crate::lexicon::roles;
use crate::lexicon::skeleton::fold_char;
use crate::Lexicon;

/// Readings dearer than this are left to the arbitrary-edit fallback: the table's one-off
/// confusions (a glyph misread once) would otherwise multiply the walk's paths.
const MAX_READING_COST: f32 = 4.5;
/// Letters OCR drops are tried only when it drops them often.
const MAX_INSERT_COST: f32 = 2.5;

/// A part of a compound reading: its token range and skeleton.
type Part = (usize, usize, String);
/// A reading of a token's tail: its cost and parts.
type Reading = (f32, Vec<Part>);

/// A candidate spelling (as the lexicon writes it) and its channel cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The word, as the lexicon spells it.
    pub word: String,
    /// `-log10 P(token | word)` under the OCR channel.
    pub cost: f32,
    /// Built from two or more compound parts.
    pub compound: bool,
}

/// Limits of the search.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Search {
    /// Maximum walk cost.
    pub budget: f32,
    /// Arbitrary edits allowed (beyond the OCR table).
    pub generic_edits: u8,
}

struct Walk<'a> {
    fst: &'a Fst<&'static [u8]>,
    obs: Vec<char>,
    /// per observed position: readings (ocr chars consumed, skeleton bytes, cost)
    readings: Vec<Vec<(usize, String, f32)>>,
    /// Letters OCR may drop altogether ("fr" for "för"), with their cost.
    inserts: Vec<(String, f32)>,
    search: Search,
}

/// Every skeleton the walk reaches from obs position `start`: `(end, skeleton, cost, roles)`.
/// `whole` asks for ends at the end of the token only.
impl<'a> Walk<'a> {
    fn new(lex: &'a Lexicon, token: &str, search: Search) -> Walk<'a> {
        let obs: Vec<char> = token.chars().collect();
        let mut readings = Vec::with_capacity(obs.len());
        let mut seg = String::new();
        for i in 0..obs.len() {
            let mut r: Vec<(usize, String, f32)> = Vec::new();
            let lower: String = obs[i].to_lowercase().map(fold_char).collect();
            let id = CHANNEL.identity(obs[i].to_lowercase().next().unwrap_or(obs[i]));
            if obs[i].is_alphabetic() {
                r.push((1, lower, id));
            }
            for len in 1..=2 {
                if i + len > obs.len() {
                    break;
                }
                seg.clear();
                seg.extend(&obs[i..i + len]);
                let lower = seg.to_lowercase();
                let mut segs = vec![seg.as_str()];
                if lower != seg {
                    segs.push(&lower);
                }
                for (skel, c) in segs
                    .into_iter()
                    .flat_map(|s| CHANNEL.readings(s))
                    .filter(|r| r.1 <= MAX_READING_COST)
                {
                    let c = *c;
                    if let Some(e) = r.iter_mut().find(|(l, s, _)| *l == len && s == skel) {
                        e.2 = e.2.min(c);
                    } else {
                        r.push((len, skel.clone(), c));
                    }
                }
            }
            readings.push(r);
        }
        let inserts = CHANNEL
            .readings("")
            .iter()
            .map(|(s, c)| (s.clone(), *c))
            .filter(|(_, c)| *c <= MAX_INSERT_COST)
            .collect();
        Walk {
            fst: lex.skeleton_map().as_fst(),
            obs,
            readings,
            inserts,
            search,
        }
    }

    fn run(&self, start: usize, whole: bool, out: &mut Vec<(usize, String, f32, u64)>) {
        let mut path = Vec::with_capacity(32);
        let limits = (self.search.generic_edits, 1);
        self.step(
            self.fst.root(),
            Output::zero(),
            start,
            start,
            0.0,
            limits,
            whole,
            &mut path,
            out,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        node: Node<'_>,
        acc: Output,
        start: usize,
        i: usize,
        cost: f32,
        (generic, inserts): (u8, u8),
        whole: bool,
        path: &mut Vec<u8>,
        out: &mut Vec<(usize, String, f32, u64)>,
    ) {
        if node.is_final() && i > start && (!whole || i == self.obs.len()) {
            let v = acc.cat(node.final_output()).value();
            let s = String::from_utf8_lossy(path).into_owned();
            match out.iter_mut().find(|o| o.0 == i && o.1 == s) {
                Some(o) => o.2 = o.2.min(cost),
                None => out.push((i, s, cost, v & 0xff)),
            }
        }
        if i < self.obs.len() {
            for (len, skel, c) in &self.readings[i] {
                let next = cost + c;
                if next > self.search.budget {
                    continue;
                }
                if let Some((n, o)) = self.follow(node, acc, skel.as_bytes()) {
                    let l = path.len();
                    path.extend_from_slice(skel.as_bytes());
                    self.step(
                        n,
                        o,
                        start,
                        i + len,
                        next,
                        (generic, inserts),
                        whole,
                        path,
                        out,
                    );
                    path.truncate(l);
                }
            }
        }
        // A letter OCR dropped, inside the word only.
        if inserts > 0 && i < self.obs.len() {
            for (skel, c) in &self.inserts {
                if cost + c > self.search.budget {
                    continue;
                }
                if let Some((n, o)) = self.follow(node, acc, skel.as_bytes()) {
                    let l = path.len();
                    path.extend_from_slice(skel.as_bytes());
                    self.step(
                        n,
                        o,
                        start,
                        i,
                        cost + c,
                        (generic, inserts - 1),
                        whole,
                        path,
                        out,
                    );
                    path.truncate(l);
                }
            }
        }
        if generic == 0 || cost + GENERIC > self.search.budget {
            return;
        }
        let g = cost + GENERIC;
        // deletion of an OCR character
        if i < self.obs.len() {
            self.step(
                node,
                acc,
                start,
                i + 1,
                g,
                (generic - 1, inserts),
                whole,
                path,
                out,
            );
        }
        // insertion or substitution of an ASCII letter of the skeleton alphabet
        for t in node.transitions() {
            if !t.inp.is_ascii_lowercase() {
                continue;
            }
            let n = self.fst.node(t.addr);
            let o = acc.cat(t.out);
            path.push(t.inp);
            if i > start {
                self.step(n, o, start, i, g, (generic - 1, inserts), whole, path, out);
            }
            if i < self.obs.len() {
                self.step(
                    n,
                    o,
                    start,
                    i + 1,
                    g,
                    (generic - 1, inserts),
                    whole,
                    path,
                    out,
                );
            }
            path.pop();
        }
    }

    fn follow<'n>(
        &'n self,
        mut node: Node<'n>,
        mut acc: Output,
        bytes: &[u8],
    ) -> Option<(Node<'n>, Output)> {
        for &b in bytes {
            let t = node.transition(node.find_input(b)?);
            acc = acc.cat(t.out);
            node = self.fst.node(t.addr);
        }
        Some((node, acc))
    }
}

/// Whole-word candidates for `token`: lexicon words (not compound-only parts) whose spelling
/// OCR could have turned into `token` within the search budget, cheapest first.
pub(crate) fn whole_words(lex: &Lexicon, token: &str, search: Search) -> Vec<Candidate> {
    let walk = Walk::new(lex, token, search);
    let mut hits = Vec::new();
    walk.run(0, true, &mut hits);
    let mut out: Vec<Candidate> = Vec::new();
    for (_, skel, _, r) in hits {
        if r & roles::WORD == 0 {
            continue;
        }
        lex.by_skeleton(&skel, |form, e| {
            // A change of case alone is no OCR repair, and an acronym ("NO", "EU") is a
            // reading only of a token in capitals.
            let caps = |s: &str| s.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if form.to_lowercase() == token.to_lowercase() || (caps(form) && !caps(token)) {
                return;
            }
            if e.is_word() && !e.no_suggest() && !out.iter().any(|c| c.word == form) {
                let cost = CHANNEL.cost(token, form, 0.0);
                if cost <= search.budget {
                    out.push(Candidate {
                        word: form.to_string(),
                        cost,
                        compound: false,
                    });
                }
            }
        });
    }
    out.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    out
}

/// A compound reading of `token`: each part a lexicon form in its role, each read through the
/// channel; the cheapest split (fewest parts on ties). Parts are repaired one by one, so a
/// compound the list lacks is still found.
pub(crate) fn compound(lex: &Lexicon, token: &str, search: Search) -> Option<Candidate> {
    let walk = Walk::new(lex, token, search);
    let n = walk.obs.len();
    if n < 5 {
        return None;
    }
    // best[i]: cheapest (cost, parts) reading obs[i..] as MIDDLE* END.
    let mut best: Vec<Option<Reading>> = vec![None; n + 1];
    let mut hits = Vec::new();
    for i in (2..n - 1).rev() {
        hits.clear();
        walk.run(i, false, &mut hits);
        let mut b: Option<Reading> = None;
        for (end, skel, cost, r) in hits.drain(..) {
            if end - i < 2 || r & roles::FORBIDDEN != 0 {
                continue;
            }
            let tail = if end == n {
                (r & roles::END != 0).then(|| (cost, vec![(i, end, skel)]))
            } else if r & roles::MIDDLE != 0 {
                best[end].as_ref().map(|(c, parts)| {
                    let mut p = vec![(i, end, skel)];
                    p.extend(parts.iter().cloned());
                    (cost + c, p)
                })
            } else {
                None
            };
            if let Some(t) = tail {
                if t.0 <= search.budget
                    && b.as_ref().is_none_or(|x| {
                        t.0 < x.0 - 1e-6 || (t.0 <= x.0 + 1e-6 && t.1.len() < x.1.len())
                    })
                {
                    b = Some(t);
                }
            }
        }
        best[i] = b;
    }
    hits.clear();
    walk.run(0, false, &mut hits);
    let mut top: Option<Reading> = None;
    for (end, skel, cost, r) in hits {
        if end < 2 || end >= n - 1 || r & roles::BEGIN == 0 || r & roles::FORBIDDEN != 0 {
            continue;
        }
        if let Some((c, parts)) = &best[end] {
            let total = cost + c;
            if total <= search.budget
                && top.as_ref().is_none_or(|x| {
                    total < x.0 - 1e-6 || (total <= x.0 + 1e-6 && parts.len() + 1 < x.1.len())
                })
            {
                let mut p = vec![(0, end, skel)];
                p.extend(parts.iter().cloned());
                top = Some((total, p));
            }
        }
    }
    let (_, parts) = top?;
    // Choose each part's spelling: the cheapest form with that skeleton in the part's role.
    let last = parts.len() - 1;
    let mut word = String::new();
    for (k, (a, z, skel)) in parts.iter().enumerate() {
        let role = if k == 0 {
            roles::BEGIN
        } else if k == last {
            roles::END
        } else {
            roles::MIDDLE
        };
        let obs: String = walk.obs[*a..*z].iter().collect();
        let mut pick: Option<(f32, String)> = None;
        lex.by_skeleton(skel, |form, e| {
            let ok = match role {
                roles::BEGIN => e.can_begin(),
                roles::END => e.can_end(),
                _ => e.can_middle(),
            };
            if ok && !e.is_forbidden() {
                let c = CHANNEL.cost(&obs, form, 0.0);
                if pick.as_ref().is_none_or(|p| c < p.0) {
                    pick = Some((c, form.to_lowercase()));
                }
            }
        });
        word.push_str(&pick?.1);
    }
    // The joined spelling must itself be a valid compound (seams, forbidden words).
    let valid = split_roles(&word, |b, f| {
        crate::lexicon::compound::for_each_prefix(lex.forms_map(), b, f)
    })
    .is_some();
    if !valid || lex.exact(&word).is_some_and(|e| e.is_forbidden()) {
        return None;
    }
    let cost = CHANNEL.cost(token, &word, 0.0);
    Some(Candidate {
        word,
        cost,
        compound: true,
    })
}

/// Other readings of a valid compound, one part changed through the channel ("flytt" +
/// "ratt" -> "flytt" + "rätt"): each with the zipf gain of the changed part over the
/// original part, the evidence that the compound meant the more common word.
pub(crate) fn compound_alternatives(
    lex: &Lexicon,
    token: &str,
    search: Search,
) -> Vec<(Candidate, f32)> {
    let Some(c) = lex.compound(token) else {
        return Vec::new();
    };
    let lower = token.to_lowercase();
    if c.parts.iter().map(String::len).sum::<usize>() != lower.len() || lower.len() != token.len() {
        return Vec::new(); // a simplified triple letter: parts do not tile the token
    }
    let mut out = Vec::new();
    let last = c.parts.len() - 1;
    let mut at = 0;
    for (k, part) in c.parts.iter().enumerate() {
        let obs = &token[at..at + part.len()];
        let walk = Walk::new(lex, obs, search);
        let mut hits = Vec::new();
        walk.run(0, true, &mut hits);
        let own_zipf = lex.exact(part).map_or(0.0, |e| e.zipf());
        for (_, skel, _, _) in hits {
            lex.by_skeleton(&skel, |form, e| {
                let ok = match k {
                    0 => e.can_begin(),
                    _ if k == last => e.can_end(),
                    _ => e.can_middle(),
                };
                let form = form.to_lowercase();
                if !ok || e.is_forbidden() || form == *part {
                    return;
                }
                let mut word = String::with_capacity(lower.len() + 2);
                word.push_str(&lower[..at]);
                word.push_str(&form);
                word.push_str(&lower[at + part.len()..]);
                if out.iter().any(|(c, _): &(Candidate, f32)| c.word == word) {
                    return;
                }
                let cost = CHANNEL.cost(token, &word, 0.0);
                if cost <= search.budget {
                    out.push((
                        Candidate {
                            word,
                            cost,
                            compound: true,
                        },
                        e.zipf() - own_zipf,
                    ));
                }
            });
        }
        at += part.len();
    }
    out
}
