fn main() {
    let lex = putsa::Lexicon::embedded();
    for w in std::env::args().skip(1) {
        let e = putsa::words::explain(&lex, &w, None);
        println!("{w}: list={} parts={:?} zipf={}", e.list_word, e.compound_parts, e.zipf);
        for c in e.candidates.iter().take(5) {
            println!("   {} ch={:.2} ctx={:.2} score={:.2} comp={}", c.word, c.channel_cost, c.context, c.score, c.compound);
        }
    }
}
