//! `putsa explain WORD`: why the lexicon accepts a word or not, and what it could become.
//! Rendering only: every fact comes from the library.

use std::fmt::Write;

use putsa::lexicon::skeleton::skeleton;
use putsa::{Entry, Lexicon};

/// The explanation of `word` as lines of text.
pub fn render(lex: &Lexicon, word: &str, context: Option<&str>) -> String {
    let mut out = String::new();
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(word.trim()).collect();
    let word = nfc.as_str();
    let _ = writeln!(out, "{word:?}");
    let list = lex.lookup(word);
    let compound = lex.compound(word);
    let verdict = if lex.is_list_word(word) {
        "accepted: in the word list"
    } else if compound.is_some() {
        "accepted: a compound of lexicon parts"
    } else if list.is_some_and(Entry::is_forbidden) {
        "not accepted: the dictionary rejects this form"
    } else if list.is_some() {
        "not accepted: only a compound part, not a word on its own"
    } else {
        "not accepted: not in the word list, and no valid compound split"
    };
    let _ = writeln!(out, "  verdict     {verdict}");
    match list {
        Some(e) => {
            let _ = writeln!(out, "  word list   {}", entry(e));
        }
        None => {
            let _ = writeln!(out, "  word list   no entry (case-aware lookup)");
        }
    }
    match &compound {
        Some(c) => {
            let parts: Vec<String> = c
                .parts
                .iter()
                .map(|p| match lex.exact(p) {
                    Some(e) => format!("{p} ({})", roles(e)),
                    None => p.clone(),
                })
                .collect();
            let _ = writeln!(out, "  compound    {}", parts.join(" + "));
        }
        None => {
            let _ = writeln!(out, "  compound    no split into lexicon parts");
        }
    }
    let _ = writeln!(out, "  frequency   zipf {:.2}", lex.zipf(word));
    let skel = skeleton(word);
    let mut same = Vec::new();
    lex.by_skeleton(&skel, |form, e| {
        if form != word && e.is_word() && !e.no_suggest() {
            same.push((e.zipf(), form.to_string()));
        }
    });
    same.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if same.is_empty() {
        let _ = writeln!(
            out,
            "  skeleton    {skel:?}: no other word has these letters"
        );
    } else {
        let forms: Vec<String> = same
            .iter()
            .take(8)
            .map(|(z, f)| format!("{f} (zipf {z:.2})"))
            .collect();
        let more = if same.len() > 8 {
            format!(", and {} more", same.len() - 8)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  skeleton    {skel:?}, as in: {}{more}",
            forms.join(", ")
        );
    }
    if let Some(c) = context {
        let _ = writeln!(out, "  context     {c:?}");
    }
    candidates(&mut out, lex, word, context);
    out
}

/// The word stage's ranked candidates, with the scores it ranks them by.
fn candidates(out: &mut String, lex: &Lexicon, word: &str, context: Option<&str>) {
    let e = putsa::words::explain(lex, word, context);
    if e.candidates.is_empty() {
        let _ = writeln!(
            out,
            "  candidates  none within the search budget: the word is left as it is"
        );
        return;
    }
    let _ = writeln!(
        out,
        "  candidates  (score = context fit - OCR channel cost; higher is better)"
    );
    for (i, c) in e.candidates.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}. {:<28} score {:>7.2}   channel {:>5.2}   context {:>7.2}{}{}",
            i + 1,
            c.word,
            c.score,
            c.channel_cost,
            c.context,
            if c.compound {
                "   (compound, part by part)"
            } else {
                ""
            },
            if c.word == word {
                "   (as written)"
            } else {
                ""
            },
        );
    }
}

fn entry(e: Entry) -> String {
    let mut s = format!("{}, zipf {:.2}", roles(e), e.zipf());
    if e.is_forbidden() {
        s.push_str(", forbidden");
    }
    if e.no_suggest() {
        s.push_str(", never suggested");
    }
    s
}

fn roles(e: Entry) -> String {
    let mut r = Vec::new();
    if e.is_word() {
        r.push("word");
    }
    if e.can_begin() {
        r.push("begins compounds");
    }
    if e.can_middle() {
        r.push("inside compounds");
    }
    if e.can_end() {
        r.push("ends compounds");
    }
    if r.is_empty() {
        r.push("no role");
    }
    r.join(", ")
}
