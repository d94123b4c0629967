//! Word-stage throughput on the development set's OCR: English-model OCR (damaged, about a
//! quarter of the words wrong) and the printed truth (clean). Reads `../shared/eval/dev` when
//! present, else the copies in `tests/fixtures/dev`.
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use putsa::{Cleaner, Lexicon, Options};

fn texts(name: &str) -> String {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    let dir = if shared.is_dir() {
        shared
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev")
    };
    let mut docs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docs.sort();
    docs.iter()
        .map(|d| std::fs::read_to_string(d.join(name)).unwrap())
        .collect::<Vec<_>>()
        .join("\x0c")
}

fn words_only() -> Cleaner {
    let mut o = Options::words_only();
    o.dashes = false;
    Cleaner::with(Lexicon::embedded(), o)
}

fn bench(c: &mut Criterion) {
    let damaged = texts("ocr_eng.txt");
    let clean = texts("truth_full.txt");
    // Check the answer before timing it: the damaged text gets repaired.
    let out = words_only().clean(&damaged);
    assert!(
        out.stats.words_repaired > damaged.len() / 100,
        "{:?}",
        out.stats
    );

    let mut g = c.benchmark_group("words");
    g.sample_size(10);
    for (name, text) in [("damaged (eng OCR)", &damaged), ("clean (truth)", &clean)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        // Cold: a new cleaner each time, so no candidate is cached from an earlier run.
        g.bench_function(format!("{name}, cold cache"), |b| {
            b.iter(|| words_only().clean(text).text.len())
        });
        let warm = words_only();
        g.bench_function(format!("{name}, warm cache"), |b| {
            b.iter(|| warm.clean(text).text.len())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(damaged.len() as u64));
    g.bench_function("all stages, damaged (eng OCR), cold cache", |b| {
        b.iter(|| Cleaner::new().clean(&damaged).text.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
