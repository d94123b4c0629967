//! How much of a text the lexicon covers: the share of word tokens that are neither list
//! words (with an abbreviation's period), user words nor valid compounds. Numbers and
//! punctuation are not words and do not count against it; a word broken at a line end
//! ("anslut-" / "ning") counts once, joined. Acronyms and codes in capitals ("KS", "MKN")
//! are counted apart: they are no words of any word list.
//!
//! ```sh
//! cargo run --release --example coverage -- FILE...
//! ```
use putsa::tokenize::{tokenize, TokenKind};
use putsa::Lexicon;

fn main() {
    let lex = Lexicon::embedded();
    let (mut words, mut unknown, mut codes) = (0usize, Vec::new(), 0usize);
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let toks = tokenize(&text);
        let mut skip_next = false;
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word || std::mem::take(&mut skip_next) {
                continue;
            }
            let mut w = t.span.of(&text).to_string();
            // A word broken at a line end: "anslut-" "\n" "ning".
            if let (Some(h), Some(s), Some(n)) = (toks.get(k + 1), toks.get(k + 2), toks.get(k + 3))
            {
                if h.span.of(&text) == "-"
                    && s.span.of(&text).contains('\n')
                    && n.kind == TokenKind::Word
                {
                    let joined = format!("{w}{}", n.span.of(&text));
                    if lex.is_word(&joined) {
                        w = joined;
                        skip_next = true;
                    }
                }
            }
            let w = w.as_str();
            words += 1;
            let caps = w.chars().filter(|c| c.is_uppercase()).count();
            if caps >= 2 && w.chars().count() <= 6 {
                codes += 1;
                continue;
            }
            let period = toks.get(k + 1).is_some_and(|n| n.span.of(&text) == ".");
            let known = lex.is_word(w)
                || (period && lex.is_word(&format!("{w}.")))
                || w.split('-').all(|p| {
                    p.is_empty() || lex.is_word(p) || lex.lookup(p).is_some_and(|e| e.can_begin())
                });
            if !known {
                unknown.push(w.to_string());
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
    println!(
        "{words} word tokens: {} not covered ({:.2} %), {codes} acronyms and codes ({:.2} %)",
        unknown.len(),
        pct(unknown.len()),
        pct(codes)
    );
    let mut counts = std::collections::BTreeMap::new();
    for w in &unknown {
        *counts.entry(w.as_str()).or_insert(0) += 1;
    }
    let mut top: Vec<_> = counts.into_iter().collect();
    top.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
    for (w, c) in top.iter().take(30) {
        println!("{c:5}  {w}");
    }
}
