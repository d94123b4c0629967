//! Lexicon benchmarks: how long opening the embedded lexicon takes, and lookups per second.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use putsa::Lexicon;

const WORDS: &[&str] = &[
    "nämnden",
    "vuxenutbildningsnämnden",
    "integrationsarbetet",
    "nimnden",
    "genomfort",
    "Borås",
    "stadsrevisionen",
    "och",
    "för",
    "översänder",
];

fn bench(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    // Check the answers before timing them.
    assert!(lex.is_word("vuxenutbildningsnämnden") && !lex.is_word("genomfort"));
    c.bench_function("load: open the embedded lexicon", |b| {
        b.iter(|| putsa::lexicon::open_embedded_uncached().len())
    });
    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(WORDS.len() as u64));
    g.bench_function("is_word (list word or compound)", |b| {
        b.iter(|| WORDS.iter().filter(|w| lex.is_word(w)).count())
    });
    g.bench_function("is_list_word", |b| {
        b.iter(|| WORDS.iter().filter(|w| lex.is_list_word(w)).count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
