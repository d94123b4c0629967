//! Why a word is or is not accepted, and what it would become: for `putsa explain`.

use serde::Serialize;

use super::candidates::{self, Search};
use super::{candidates_for, channel::CHANNEL, context, Candidate, REAL_WORD_BUDGET};
use crate::Lexicon;

/// A candidate with its scores.
#[derive(Clone, Debug, Serialize)]
pub struct Scored {
    /// The candidate word.
    pub word: String,
    /// OCR channel cost, `-log10 P(token | word)`.
    pub channel_cost: f32,
    /// Context fit, `log10 P(word | left) · P(right | word) / P(right)`.
    pub context: f64,
    /// The total the ranking uses (higher is better).
    pub score: f64,
    /// Built part by part as a compound.
    pub compound: bool,
}

/// What the lexicon and the word stage make of one word.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The word asked about.
    pub word: String,
    /// Is it a word of the list (or a user word)?
    pub list_word: bool,
    /// Its compound parts, if it is accepted as a compound.
    pub compound_parts: Option<Vec<String>>,
    /// Its zipf frequency (0 when unknown).
    pub zipf: f32,
    /// Its candidates, best first.
    pub candidates: Vec<Scored>,
}

/// Explains `word`, optionally in `context` (the text around it, with the word in it).
pub fn explain(lex: &Lexicon, word: &str, context: Option<&str>) -> Explanation {
    let model = context::Model::new(lex, None);
    let (prev, next) = context.map(|c| neighbours(c, word)).unwrap_or_default();
    let prev = if prev.is_empty() {
        "<none>".to_string()
    } else {
        prev
    };
    let mut cands: Vec<Candidate> = if lex.is_word(word) {
        // A word: the alternatives the real-word check weighs, and the word itself.
        let search = Search::within(REAL_WORD_BUDGET);
        let mut c = candidates::whole_words(lex, word, search);
        c.extend(
            candidates::compound_alternatives(lex, word, search)
                .into_iter()
                .map(|(c, _)| c),
        );
        c
    } else {
        candidates_for(lex, word)
    };
    if !cands.iter().any(|c| c.word == word) && lex.is_word(word) {
        cands.push(Candidate {
            word: word.to_string(),
            cost: CHANNEL.identity_cost(word),
            compound: false,
            changes_word: false,
        });
    }
    let mut candidates: Vec<Scored> = cands
        .into_iter()
        .map(|c| {
            let fit = model.fit(
                model.key(&prev),
                model.key(&context::key(&c.word)),
                model.key(&next),
            );
            Scored {
                score: fit - c.cost as f64,
                context: fit,
                channel_cost: c.cost,
                compound: c.compound,
                word: c.word,
            }
        })
        .collect();
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
    Explanation {
        word: word.to_string(),
        list_word: lex.is_list_word(word),
        compound_parts: lex.compound(word).map(|c| c.parts),
        zipf: lex.zipf(word),
        candidates,
    }
}

/// The lower-case words left and right of `word` in `context`.
fn neighbours(context: &str, word: &str) -> (String, String) {
    let words: Vec<&str> = context
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    match words.iter().position(|w| *w == word) {
        Some(i) => (
            i.checked_sub(1)
                .map(|p| words[p].to_lowercase())
                .unwrap_or_default(),
            words
                .get(i + 1)
                .map(|w| w.to_lowercase())
                .unwrap_or_default(),
        ),
        None => Default::default(),
    }
}
