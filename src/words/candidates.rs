//! Candidate words for an OCR token: a cost-bounded walk of the skeleton map that reads the
//! token through the OCR channel, whole words first, then compounds part by part.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::channel::{is_mark, Ocr, CHANNEL, GENERIC, MARK_COST};
use crate::lexicon::compound::split_roles;
use crate::lexicon::skeleton::fold_char;
use crate::lexicon::trie::{Node, Trie};
use crate::lexicon::{lower_case, roles};
use crate::Lexicon;

/// Readings dearer than this are left to the arbitrary-edit fallback: the table's one-off
/// confusions (a glyph misread once) would otherwise multiply the walk's paths.
const MAX_READING_COST: f32 = 4.5;
/// A compound part has at least this many characters.
const MIN_PART: usize = 2;
/// A compound part the token spells as a word of this many letters or more counts as a word
/// ([`Candidate::changes_word`]); shorter ones are as often pieces of damage.
const MIN_WORD_PART: usize = 3;
/// Letters OCR drops are tried only when it drops them often.
const MAX_INSERT_COST: f32 = 2.5;

/// A candidate spelling (as the lexicon writes it) and its channel cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The word, as the lexicon spells it.
    pub word: String,
    /// `-log10 P(token | word)` under the OCR channel.
    pub cost: f32,
    /// Built from two or more compound parts.
    pub compound: bool,
    /// A compound reading that changes a part which is a word as the token spells it
    /// ("signatärskapet" read as "signatär" + "skåpet"): a real-word change inside the
    /// compound, which a clean page does not make.
    pub changes_word: bool,
}

/// Limits of the search.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Search {
    /// Maximum walk cost.
    pub budget: f32,
    /// Arbitrary edits allowed (beyond the OCR table).
    pub generic_edits: u8,
    /// Whole words dearer than the cheapest one found by more than this are not searched
    /// for (infinity: all within the budget).
    pub slack: f32,
    /// The role a whole-word candidate must have: [`roles::WORD`] (a word on its own) or
    /// [`roles::BEGIN`] (the first half of a coordination, "hälso- och sjukvård").
    pub role: u64,
}

impl Search {
    /// A search within `budget`, by the OCR table alone, for every candidate in it.
    pub fn within(budget: f32) -> Search {
        Search {
            budget,
            generic_edits: 0,
            slack: f32::INFINITY,
            role: roles::WORD,
        }
    }
}

type SegmentReadings = FxHashMap<[char; 3], Vec<(Seg, f32)>>;

/// The channel's readings of every OCR segment of one to three characters ('\0' after a
/// shorter one), as inline skeleton segments within [`MAX_READING_COST`]: built once, so
/// that a walk's set-up costs a lookup per position rather than string work.
static READINGS: LazyLock<SegmentReadings> = LazyLock::new(|| {
    CHANNEL
        .segments()
        .filter_map(|(o, readings)| {
            let mut key = ['\0'; 3];
            let mut n = 0;
            for c in o.chars() {
                *key.get_mut(n)? = c;
                n += 1;
            }
            (n > 0).then(|| (key, segs(readings)))
        })
        .collect()
});

/// Letters OCR drops often enough to be tried ("fr" for "för"), with their cost.
/// Cheapest first, as a position's readings are.
///
/// Letters only: the table also learns that OCR drops a period or a colon (".", ":s" as in
/// "S:t"), cheaply, and tried at every step of every walk those made a sixth of the
/// candidate search's work without changing one repair of the development set, the seed or
/// a megabyte of corpus pages, clean or with their diacritics dropped: a word's letters are
/// what the walk reads, and abbreviations with their periods are judged before it.
static INSERTS: LazyLock<Vec<(Seg, f32)>> = LazyLock::new(|| {
    let mut i: Vec<_> = CHANNEL
        .readings("")
        .iter()
        .filter(|(s, c)| *c <= MAX_INSERT_COST && s.chars().all(char::is_alphabetic))
        .filter_map(|(s, c)| Some((Seg::new(s)?, *c)))
        .collect();
    i.sort_by(|x, y| x.1.total_cmp(&y.1));
    i
});

/// Readings as inline segments, within [`MAX_READING_COST`], in the table's order.
fn segs(readings: &[(String, f32)]) -> Vec<(Seg, f32)> {
    readings
        .iter()
        .filter(|r| r.1 <= MAX_READING_COST)
        .filter_map(|(s, c)| Some((Seg::new(s)?, *c)))
        .collect()
}

/// The lower case of `c` if it is one character ('\0' stays '\0').
fn lower1(c: char) -> Option<char> {
    let mut l = c.to_lowercase();
    let first = l.next()?;
    l.next().is_none().then_some(first)
}

/// The readings at one position of a token: OCR characters consumed, skeleton bytes, cost.
type Readings = Rc<[(usize, Seg, f32)]>;

/// Most positions remembered per thread before the memo is cleared.
const POSITION_READINGS_LIMIT: usize = 50_000;

thread_local! {
    /// The readings at a position, by its character and the next two ('\0' where there is
    /// none, and for the third unless a mark comes before it): the same few hundred keys recur
    /// in every token, and working them out was a tenth of the word stage.
    static POSITION_READINGS: RefCell<FxHashMap<[char; 3], Readings>> =
        RefCell::default();
}

/// The key of [`POSITION_READINGS`] at position `i` of `obs`. (The channel's segments of
/// three characters hold a mark OCR made of a diacritic, "é’l" or "’ai" for "å" and "ä":
/// the third character counts only after one.)
fn position_key(obs: &[char], i: usize) -> [char; 3] {
    let b = obs.get(i + 1).copied().unwrap_or('\0');
    let c = if is_mark(obs[i]) || is_mark(b) {
        obs.get(i + 2).copied().unwrap_or('\0')
    } else {
        '\0'
    };
    [obs[i], b, c]
}

/// The readings at a position whose characters are `key` (the first, and up to two after
/// it, '\0' where there are none): its own letter, a mark OCR made of a diacritic, and the
/// channel's readings of the segments it begins.
fn readings_at(key: [char; 3]) -> Vec<(usize, Seg, f32)> {
    let a = key[0];
    let mut r: Vec<(usize, Seg, f32)> = Vec::new();
    let lc = a.to_lowercase().next().unwrap_or(a);
    if a.is_alphabetic() {
        r.push((1, Seg::of_char(fold_char(lc)), CHANNEL.identity(lc)));
    }
    if is_mark(a) {
        r.push((
            1,
            Seg {
                buf: [0; 8],
                len: 0,
            },
            MARK_COST,
        ));
    }
    for len in 1..=3 {
        if key[len - 1] == '\0' {
            break;
        }
        let mut seg = ['\0'; 3];
        seg[..len].copy_from_slice(&key[..len]);
        let lower = match seg.map(lower1) {
            [Some(x), Some(y), Some(z)] => Some([x, y, z]),
            _ => None,
        };
        let mut add = |readings: &[(Seg, f32)]| {
            for &(skel, c) in readings {
                if let Some(e) = r.iter_mut().find(|(l, s, _)| *l == len && *s == skel) {
                    e.2 = e.2.min(c);
                } else {
                    r.push((len, skel, c));
                }
            }
        };
        match lower {
            Some(l) => {
                add(READINGS.get(&seg).map_or(&[], Vec::as_slice));
                if l != seg {
                    add(READINGS.get(&l).map_or(&[], Vec::as_slice));
                }
            }
            // A letter whose lower case is longer ("İ"): by the table's strings.
            None => {
                let seg: String = seg.iter().take(len).collect();
                let lower_seg: String = seg.chars().flat_map(char::to_lowercase).collect();
                for s in [&seg, &lower_seg] {
                    add(&segs(CHANNEL.readings(s)));
                }
            }
        }
    }
    // Cheapest first: a walk stops at the first reading its limit cannot afford.
    r.sort_by(|x, y| x.2.total_cmp(&y.2));
    r
}

struct Walk<'a> {
    trie: Trie<'a>,
    /// The cost bound of the walk: the budget, tightened by the slack as whole words are
    /// found.
    limit: f32,
    /// Prices a whole-word hit (value, skeleton): the cost of its cheapest candidate form, if
    /// it has one.
    price: Option<&'a Price<'a>>,
    /// The skeleton bytes of the path walked.
    path: Vec<u8>,
    /// The skeletons of the last run's hits, one after another.
    skeletons: String,
    /// Where in the token the walk started, and whether hits must end at its end.
    start: usize,
    whole: bool,
    /// For a compound's part: the roles one of which a hit must have, and its fewest
    /// characters (others are not recorded; the walk goes on through them all the same).
    part: Option<(u64, usize)>,
    obs: Vec<char>,
    /// per observed position: readings (ocr chars consumed, skeleton bytes, cost)
    readings: Vec<Readings>,
    /// Letters OCR may drop altogether ("fr" for "för"), with their cost.
    inserts: &'static [(Seg, f32)],
    search: Search,
}

/// A walk's buffers, kept for the next walk on the thread when it ends: a walk is set up
/// for every token in question, and most need only a few hundred bytes.
#[derive(Default)]
struct WalkBuffers {
    obs: Vec<char>,
    readings: Vec<Readings>,
    path: Vec<u8>,
    skeletons: String,
}

/// Most sets of buffers kept per thread (walks nest only for a compound's parts).
const SPARE_LIMIT: usize = 4;
/// The buffers of a walk over a token longer than this (characters) are not kept: a line
/// of text with no space in it would hold its memory for the thread's life.
const SPARE_MAX_CHARS: usize = 256;

thread_local! {
    static SPARE_BUFFERS: RefCell<Vec<WalkBuffers>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Walk<'_> {
    fn drop(&mut self) {
        let mut b = WalkBuffers {
            obs: std::mem::take(&mut self.obs),
            readings: std::mem::take(&mut self.readings),
            path: std::mem::take(&mut self.path),
            skeletons: std::mem::take(&mut self.skeletons),
        };
        b.obs.clear();
        b.readings.clear();
        b.path.clear();
        b.skeletons.clear();
        if b.obs.capacity() > SPARE_MAX_CHARS {
            return;
        }
        SPARE_BUFFERS.with_borrow_mut(|spare| {
            if spare.len() < SPARE_LIMIT {
                spare.push(b);
            }
        });
    }
}

/// A short skeleton segment, inline: readings are built for every token, so no allocation.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Seg {
    buf: [u8; 8],
    len: u8,
}

impl Seg {
    fn new(s: &str) -> Option<Seg> {
        let b = s.as_bytes();
        (b.len() <= 8).then(|| {
            let mut buf = [0; 8];
            buf[..b.len()].copy_from_slice(b);
            Seg {
                buf,
                len: b.len() as u8,
            }
        })
    }
    fn of_char(c: char) -> Seg {
        let mut buf = [0; 8];
        let len = c.encode_utf8(&mut buf[..4]).len() as u8;
        Seg { buf, len }
    }
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

/// Prices a skeleton (map value, skeleton): its cheapest candidate form's cost.
type Price<'a> = dyn Fn(u64, &str) -> Option<f32> + 'a;

/// A skeleton the walk reaches.
struct Hit {
    /// Where in the token its reading ends.
    end: usize,
    cost: f32,
    /// Its value in the skeleton map: roles in the low bits; it locates the skeleton's forms
    /// (and so identifies the skeleton).
    value: u64,
    /// Its skeleton's place in the walk's [`Walk::skeletons`] (hits are many and most are
    /// never read: none is a string of its own).
    skeleton: std::ops::Range<usize>,
}

/// Every skeleton the walk reaches from obs position `start`. `whole` asks for ends at the
/// end of the token only.
impl<'a> Walk<'a> {
    fn new(lex: &'a Lexicon, token: &str, search: Search) -> Walk<'a> {
        let WalkBuffers {
            mut obs,
            mut readings,
            path,
            skeletons,
        } = SPARE_BUFFERS.with_borrow_mut(Vec::pop).unwrap_or_default();
        obs.extend(token.chars());
        POSITION_READINGS.with_borrow_mut(|known| {
            if known.len() >= POSITION_READINGS_LIMIT {
                known.clear();
            }
            readings.extend((0..obs.len()).map(|i| {
                let key = position_key(&obs, i);
                known
                    .entry(key)
                    .or_insert_with(|| readings_at(key).into())
                    .clone()
            }));
        });
        Walk {
            trie: *lex.skeleton_map(),
            limit: search.budget,
            price: None,
            path,
            skeletons,
            start: 0,
            whole: true,
            part: None,
            obs,
            readings,
            inserts: &INSERTS,
            search,
        }
    }

    /// Walks from token position `start`, collecting hits that end anywhere after it, or
    /// (`whole`) only at the token's end.
    fn run(&mut self, start: usize, whole: bool, out: &mut Vec<Hit>) {
        self.start = start;
        self.whole = whole;
        self.skeletons.clear();
        let mut steps = Steps {
            trie: self.trie,
            readings: &self.readings,
            inserts: self.inserts,
            len: self.obs.len(),
            start,
            whole,
            part: self.part,
            slack: self.search.slack,
            limit: self.limit,
            price: self.price,
            path: &mut self.path,
            skeletons: &mut self.skeletons,
            out,
        };
        let limits = (self.search.generic_edits, 1);
        steps.step(Trie::ROOT, 0, start, 0.0, limits);
        self.limit = steps.limit;
    }

    /// The skeleton of `hit`, one of the last run's.
    fn skeleton(&self, hit: &Hit) -> &str {
        &self.skeletons[hit.skeleton.clone()]
    }
}

/// One run of a [`Walk`]: what the steps read (the token's readings, the trie) apart from
/// what they write (the path, the hits, the limit), so that a step reads a position's
/// readings in place while it walks on.
struct Steps<'w, 'a> {
    trie: Trie<'a>,
    readings: &'w [Readings],
    inserts: &'static [(Seg, f32)],
    len: usize,
    start: usize,
    whole: bool,
    part: Option<(u64, usize)>,
    slack: f32,
    limit: f32,
    price: Option<&'a Price<'a>>,
    path: &'w mut Vec<u8>,
    skeletons: &'w mut String,
    out: &'w mut Vec<Hit>,
}

impl Steps<'_, '_> {
    /// The walk at `node` (map output `acc`), `i` characters of the token read, at `cost`,
    /// with `generic` arbitrary edits and `inserts` dropped letters still allowed.
    fn step(&mut self, node: Node, acc: u64, i: usize, cost: f32, (generic, inserts): (u8, u8)) {
        let len = self.len;
        if i > self.start && (!self.whole || i == len) {
            if let Some(f) = self.trie.final_output(node) {
                // The map value locates the skeleton's forms: it identifies the skeleton.
                let v = acc.wrapping_add(f);
                if self
                    .part
                    .is_none_or(|(roles, least)| v & roles != 0 && i - self.start >= least)
                {
                    self.hit(v, i, cost);
                }
            }
        }
        if i < len {
            let readings = self.readings;
            for &(n, seg, c) in readings[i].iter() {
                if cost + c > self.limit {
                    break;
                }
                self.follow_on((node, acc), &seg, i + n, cost + c, (generic, inserts));
            }
            // A letter OCR dropped altogether ("fr" for "för").
            if inserts > 0 {
                let dropped = self.inserts;
                for &(seg, c) in dropped {
                    if cost + c > self.limit {
                        break;
                    }
                    let limits = (generic, inserts - 1);
                    self.follow_on((node, acc), &seg, i, cost + c, limits);
                }
            }
        }
        if generic == 0 || cost + GENERIC > self.limit {
            return;
        }
        let g = cost + GENERIC;
        let limits = (generic - 1, inserts);
        // deletion of an OCR character
        if i < len {
            self.step(node, acc, i + 1, g, limits);
        }
        // insertion or substitution of an ASCII letter of the skeleton alphabet
        for (inp, n, t_out) in self.trie.children(node) {
            if !inp.is_ascii_lowercase() {
                continue;
            }
            let o = acc.wrapping_add(t_out);
            self.path.push(inp);
            if i > self.start {
                self.step(n, o, i, g, limits);
            }
            if i < len {
                self.step(n, o, i + 1, g, limits);
            }
            self.path.pop();
        }
    }

    /// Records the skeleton the walk is at (map value `v`), read up to token position `i`.
    fn hit(&mut self, v: u64, i: usize, cost: f32) {
        match self.out.iter_mut().find(|o| o.end == i && o.value == v) {
            Some(o) => o.cost = o.cost.min(cost),
            None => {
                let skeleton = std::str::from_utf8(self.path).expect("a skeleton map key is UTF-8");
                if let Some(c) = self.price.and_then(|price| price(v, skeleton)) {
                    self.limit = self.limit.min(c + self.slack);
                }
                let at = self.skeletons.len();
                self.skeletons.push_str(skeleton);
                self.out.push(Hit {
                    end: i,
                    cost,
                    value: v,
                    skeleton: at..self.skeletons.len(),
                });
            }
        }
    }

    /// Follows `seg` from `node` and goes on walking from token position `i` at `cost` (which
    /// the caller has checked against the limit), if the segment is in the map.
    #[inline]
    fn follow_on(
        &mut self,
        (node, acc): (Node, u64),
        seg: &Seg,
        i: usize,
        cost: f32,
        limits: (u8, u8),
    ) {
        if let Some((n, o)) = self.trie.follow(node, acc, seg.bytes()) {
            let at = self.path.len();
            // Byte by byte: a segment is a few bytes, too short for a call to memcpy.
            for &b in seg.bytes() {
                self.path.push(b);
            }
            self.step(n, o, i, cost, limits);
            self.path.truncate(at);
        }
    }
}

/// Whole-word candidates for `token`: lexicon words (not compound-only parts; first parts
/// when the search asks for [`roles::BEGIN`]) whose spelling
/// OCR could have turned into `token` within the search budget, cheapest first. With a
/// finite slack, only those within the slack of the cheapest.
pub(crate) fn whole_words(lex: &Lexicon, token: &str, search: Search) -> Vec<Candidate> {
    let lower = lower_case(token);
    // (Read for the alignment only when a form is priced: most lookalike walks find none.)
    let read: std::cell::OnceCell<Ocr> = std::cell::OnceCell::new();
    let caps = |s: &str| s.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let token_caps = caps(token);
    // The forms of a skeleton that are candidates: words to be suggested, not the token in
    // another case (no OCR repair), acronyms ("NO", "EU") only for a token in capitals.
    let forms = |v: u64, skeleton: &str, f: &mut dyn FnMut(&str, f32)| {
        if v & search.role == 0 {
            return;
        }
        lex.skeleton_forms(v, skeleton, |form, e| {
            let fits = match search.role {
                roles::WORD => e.is_word(),
                _ => e.can_begin() && !e.is_forbidden(),
            };
            if !fits || e.no_suggest() || (!token_caps && caps(form)) {
                return;
            }
            // (An ASCII form lowers byte for byte: its bytes are compared.)
            let same = if form.is_ascii() {
                form.len() == lower.len()
                    && form
                        .bytes()
                        .map(|b| b.to_ascii_lowercase())
                        .eq(lower.bytes())
            } else {
                form.chars().flat_map(char::to_lowercase).eq(lower.chars())
            };
            if same {
                return;
            }
            let read = read.get_or_init(|| CHANNEL.read(token));
            let cost = CHANNEL.cost_of(read, form, search.budget);
            if cost <= search.budget {
                f(form, cost);
            }
        });
    };
    // Each hit's forms are priced once, when the walk first reaches it (with a slack, to
    // tighten the walk), or after the walk.
    let found: RefCell<Vec<Candidate>> = RefCell::default();
    let collect = |v: u64, skeleton: &str| {
        let mut best: Option<f32> = None;
        let mut found = found.borrow_mut();
        forms(v, skeleton, &mut |form, cost| {
            best = Some(best.map_or(cost, |b| b.min(cost)));
            if !found.iter().any(|c| c.word == form) {
                found.push(Candidate {
                    word: form.to_string(),
                    cost,
                    compound: false,
                    changes_word: false,
                });
            }
        });
        best
    };
    let mut walk = Walk::new(lex, token, search);
    if search.slack.is_finite() {
        walk.price = Some(&collect);
    }
    let mut hits = Vec::new();
    walk.run(0, true, &mut hits);
    if walk.price.is_none() {
        for h in &hits {
            collect(h.value, walk.skeleton(h));
        }
    }
    drop(walk);
    let mut out = found.into_inner();
    out.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    if let Some(best) = out.first().map(|c| c.cost) {
        out.retain(|c| c.cost <= best + search.slack);
    }
    out
}

/// A compound reading of `token`: each part a lexicon form in its role, each read through the
/// channel; the cheapest split (fewest parts on ties). Parts are repaired one by one, so a
/// compound the list lacks is still found.
///
/// The split is looked for within [`FIRST_COMPOUND_BUDGET`] first, then within the search's
/// budget. Until a whole split is found, every part's walk may spend all of what is left of
/// the budget, and the first whole split is found only at the token's end; most damaged
/// compounds read far cheaper than the budget of a long token. The answer is the same: a
/// split within the smaller budget is the cheapest within the larger one.
pub(crate) fn compound(lex: &Lexicon, token: &str, search: Search) -> Option<Candidate> {
    if search.budget > FIRST_COMPOUND_BUDGET {
        let first = Search {
            budget: FIRST_COMPOUND_BUDGET,
            ..search
        };
        if let Some(found) = compound_within(lex, token, first) {
            return found;
        }
    }
    compound_within(lex, token, search).flatten()
}

/// What a first, smaller compound search allows each split (log10 channel cost).
const FIRST_COMPOUND_BUDGET: f32 = 2.0;

/// [`compound`] within `search.budget`: `None` when no split is within it, else the
/// candidate of the cheapest split, if its spelling is a valid compound.
fn compound_within(lex: &Lexicon, token: &str, search: Search) -> Option<Option<Candidate>> {
    let mut walk = Walk::new(lex, token, search);
    let n = walk.obs.len();
    if n < 5 {
        return Some(None);
    }
    // Forward over part boundaries: reach[p] is the cheapest reading of obs[..p] as BEGIN
    // MIDDLE*, with its previous boundary, skeleton and number of parts. A walk starts only
    // where a part can end, with the budget that is left.
    type Reach = Option<(f32, usize, (u64, String), usize)>;
    let mut reach: Vec<Reach> = vec![None; n + 1];
    reach[0] = Some((0.0, 0, (0, String::new()), 0));
    let mut done: Reach = None;
    let better = |old: &Reach, cost: f32, parts: usize| {
        old.as_ref()
            .is_none_or(|o| cost < o.0 - 1e-6 || (cost <= o.0 + 1e-6 && parts < o.3))
    };
    let mut hits = Vec::new();
    for p in 0..n - 1 {
        let Some((base, _, _, parts)) = reach[p].clone() else {
            continue;
        };
        walk.search.budget = search.budget - base;
        // No part dearer than the best whole reading found so far can lead to a better one
        // (a tie may still win by fewer parts).
        let best = done.as_ref().map_or(f32::INFINITY, |d| d.0 + 1e-6);
        walk.limit = walk.search.budget.min(best - base);
        // A first part begins the compound; a later one sits in it or ends it.
        let roles = if p == 0 {
            roles::BEGIN
        } else {
            roles::MIDDLE | roles::END
        };
        walk.part = Some((roles, MIN_PART));
        hits.clear();
        walk.run(p, false, &mut hits);
        // (The walk records only parts of MIN_PART characters or more, in a role they can have.)
        for h in hits.drain(..) {
            let (end, r) = (h.end, h.value);
            if r & roles::FORBIDDEN != 0 {
                continue;
            }
            let total = base + h.cost;
            if end == n {
                if p > 0 && r & roles::END != 0 && better(&done, total, parts + 1) {
                    done = Some((total, p, (r, walk.skeleton(&h).to_string()), parts + 1));
                }
            } else if end + 2 <= n
                && r & if p == 0 { roles::BEGIN } else { roles::MIDDLE } != 0
                && better(&reach[end], total, parts + 1)
            {
                reach[end] = Some((total, p, (r, walk.skeleton(&h).to_string()), parts + 1));
            }
        }
    }
    let (_, mut p, skel, _) = done?;
    let mut parts = vec![(p, n, skel)];
    while p > 0 {
        let Some((_, prev, skel, _)) = reach[p].clone() else {
            return Some(None);
        };
        parts.push((prev, p, skel));
        p = prev;
    }
    parts.reverse();
    Some(spelled(lex, token, &walk.obs, &parts))
}

/// The candidate that a compound split of `token` (whose characters are `obs`) spells: each
/// part `(start, end, (map value, skeleton))` written as its cheapest form in its role;
/// `None` when the spelling is no valid compound.
fn spelled(
    lex: &Lexicon,
    token: &str,
    obs: &[char],
    parts: &[(usize, usize, (u64, String))],
) -> Option<Candidate> {
    // Choose each part's spelling: the cheapest form with that skeleton in the part's role.
    let last = parts.len() - 1;
    let capital_token = token.starts_with(char::is_uppercase);
    let mut word = String::new();
    let mut changes_word = false;
    for (k, (a, z, skel)) in parts.iter().enumerate() {
        let role = if k == 0 {
            roles::BEGIN
        } else if k == last {
            roles::END
        } else {
            roles::MIDDLE
        };
        let part: String = obs[*a..*z].iter().collect();
        // A name begins a compound only as the token's capital, read from its own first
        // letter: OCR that made another capital of it ("Ireland") is no name's compound
        // ("Åreland").
        let skel_first = |s: &str| {
            s.chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .map(fold_char)
        };
        let name_first = (k == 0 && capital_token).then(|| skel_first(&part));
        let mut pick: Option<(f32, String)> = None;
        lex.skeleton_forms(skel.0, &skel.1, |form, e| {
            let ok = match role {
                roles::BEGIN => e.can_begin(),
                roles::END => e.can_end(),
                _ => e.can_middle(),
            };
            let name = form.starts_with(char::is_uppercase);
            let name_misread = name && name_first != Some(skel_first(form));
            if ok && !e.is_forbidden() && !name_misread {
                // How common a part is as a word counts as well (for every part: a first
                // "vard" is "vård", care, far more often than "värd", host).
                let prior = e.zipf();
                let c = CHANNEL.cost(&part, form) - prior;
                if pick.as_ref().is_none_or(|p| c < p.0) {
                    // (A name keeps its capital.)
                    pick = Some((
                        c,
                        if name {
                            form.to_string()
                        } else {
                            form.to_lowercase()
                        },
                    ));
                }
            }
        });
        let pick = pick?.1;
        if !changes_word && part.chars().count() >= MIN_WORD_PART {
            let own = lower_case(&part);
            changes_word = own != pick.as_str() && lex.exact(&own).is_some_and(|e| e.is_word());
        }
        word.push_str(&pick);
    }
    // The joined spelling must itself be a valid compound (seams, forbidden words).
    let valid = split_roles(&word, None, |b, f| {
        crate::lexicon::compound::for_each_prefix(lex.forms_map(), b, f)
    })
    .is_some();
    // Swedish never writes a letter three times: at a seam the third goes ("fall" + "lucka"
    // = "fallucka"), so a reading that puts three together is no spelling of the compound.
    let tripled = word
        .as_bytes()
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !valid || tripled || lex.exact(&word).is_some_and(|e| e.is_forbidden()) {
        return None;
    }
    let cost = CHANNEL.cost(token, &word);
    Some(Candidate {
        word,
        cost,
        compound: true,
        changes_word,
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
    match lex.compound(token) {
        Some(c) => part_alternatives(lex, token, &c.parts, search),
        None => Vec::new(),
    }
}

/// [`compound_alternatives`] of a compound whose `parts` are known already.
pub(crate) fn part_alternatives(
    lex: &Lexicon,
    token: &str,
    parts: &[String],
    search: Search,
) -> Vec<(Candidate, f32)> {
    let lower = lower_case(token);
    if parts.iter().map(String::len).sum::<usize>() != lower.len() || lower.len() != token.len() {
        return Vec::new(); // a simplified triple letter: parts do not tile the token
    }
    let mut out = Vec::new();
    let last = parts.len() - 1;
    let mut at = 0;
    let read = CHANNEL.read(token);
    for (k, part) in parts.iter().enumerate() {
        let obs = &token[at..at + part.len()];
        let mut walk = Walk::new(lex, obs, search);
        let mut hits = Vec::new();
        walk.run(0, true, &mut hits);
        let own_zipf = lex.exact(part).map_or(0.0, |e| e.zipf());
        for h in hits {
            lex.skeleton_forms(h.value, walk.skeleton(&h), |form, e| {
                let ok = match k {
                    0 => e.can_begin(),
                    _ if k == last => e.can_end(),
                    _ => e.can_middle(),
                };
                let form = lower_case(form);
                if !ok || e.is_forbidden() || form == part.as_str() {
                    return;
                }
                let mut word = String::with_capacity(lower.len() + 2);
                word.push_str(&lower[..at]);
                word.push_str(&form);
                word.push_str(&lower[at + part.len()..]);
                if out.iter().any(|(c, _): &(Candidate, f32)| c.word == word) {
                    return;
                }
                // Only a reading within the budget is kept: the search need not look beyond.
                let cost = CHANNEL.cost_of(&read, &word, search.budget);
                if cost <= search.budget {
                    out.push((
                        Candidate {
                            word,
                            cost,
                            compound: true,
                            changes_word: true,
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
