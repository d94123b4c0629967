//! Word-stage throughput on the development set's OCR: English-model OCR (damaged, about a
//! quarter of the words wrong) and the printed truth (clean). Reads `../shared/eval/dev` when
//! present, else the copies in `tests/fixtures/dev`. With `../shared/corpus` present, also a
//! batch of clean prose: 1 MB of corpus pages after 2 MB.
//!
//! Three states of the cleaner's cache, since candidates are remembered per token:
//! - *new cleaner*: nothing seen before (a one-off run on a fresh process's data);
//! - *new document*: each document cleaned by a cleaner that has cleaned the other documents
//!   of the set (a batch: the vocabulary recurs, the damaged tokens mostly do not);
//! - *same text again*: everything cached (the ceiling).
use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use putsa::{Cleaner, Lexicon, Options};

fn documents(name: &str) -> Vec<String> {
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
        .collect()
}

fn words_only() -> Cleaner {
    let mut o = Options::words_only();
    o.dashes = false;
    Cleaner::with(Lexicon::embedded(), o)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("words");
    g.sample_size(10);
    for (name, file) in [
        ("damaged (eng OCR)", "ocr_eng.txt"),
        ("clean (truth)", "truth_full.txt"),
    ] {
        let docs = documents(file);
        let text = docs.join("\x0c");
        // Check the answer before timing it: the damaged text gets repaired.
        if file == "ocr_eng.txt" {
            let out = words_only().clean(&text);
            assert!(
                out.stats.words_repaired > text.len() / 100,
                "{:?}",
                out.stats
            );
        }
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}, new cleaner"), |b| {
            b.iter(|| words_only().clean(&text).text.len())
        });
        // Each document by a cleaner that has cleaned all the others (copied per run, so
        // that no run sees its own document's tokens from an earlier run).
        let held_out: Vec<Cleaner> = (0..docs.len())
            .map(|k| {
                let c = words_only();
                for (i, d) in docs.iter().enumerate() {
                    if i != k {
                        c.clean(d);
                    }
                }
                c
            })
            .collect();
        // (By reference: the copies are dropped after the timing, as a batch never drops its
        // cleaner between documents; dropping twelve warm caches took a tenth of the time.)
        g.bench_function(format!("{name}, new document"), |b| {
            b.iter_batched_ref(
                || held_out.iter().map(Cleaner::detached).collect::<Vec<_>>(),
                |cleaners| {
                    docs.iter()
                        .zip(cleaners.iter())
                        .map(|(d, c)| c.clean(d).text.len())
                        .sum::<usize>()
                },
                BatchSize::PerIteration,
            )
        });
        let warm = words_only();
        g.bench_function(format!("{name}, same text again"), |b| {
            b.iter(|| warm.clean(&text).text.len())
        });
    }
    g.finish();

    corpus_batch(c);

    let damaged = documents("ocr_eng.txt").join("\x0c");
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(damaged.len() as u64));
    g.bench_function("all stages, damaged (eng OCR), new cleaner", |b| {
        b.iter(|| Cleaner::new().clean(&damaged).text.len())
    });
    g.finish();
}

/// Pages of the reference corpus (`../shared/corpus`), in order: clean Swedish prose of the
/// kind the evaluation documents are made of. English pages (more than one "the" or "and" in a
/// hundred words) are left out. Empty when the corpus is not there.
fn corpus_pages() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/sv-gov-to-2019.txt.xz");
    let Ok(file) = std::fs::File::open(&path) else {
        return Vec::new();
    };
    let mut raw = Vec::new();
    lzma_rs::xz_decompress(&mut std::io::BufReader::new(file), &mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    text.split('\x0c')
        .map(|p| match p.split_once('\n') {
            Some((head, body)) if head.starts_with("# ") => body,
            _ => p,
        })
        .filter(|body| {
            let words = body.split_whitespace().count().max(1);
            let english = body
                .split_whitespace()
                .filter(|w| matches!(*w, "the" | "and"))
                .count();
            body.len() >= 200 && english * 100 <= words
        })
        .map(str::to_string)
        .collect()
}

/// Clean prose in a batch: a cleaner that has cleaned 2 MB of corpus pages cleans the next
/// 1 MB (pages it has not seen; their words mostly recur). The all-cached and new-document
/// figures above are for the dev set's 94 KB; this is what a long batch of clean text runs at.
fn corpus_batch(c: &mut Criterion) {
    let pages = corpus_pages();
    if pages.is_empty() {
        eprintln!("../shared/corpus not found: the clean-prose batch benchmark is skipped");
        return;
    }
    let mut at = 0;
    let mut take = |bytes: usize| {
        let from = at;
        let mut n = 0;
        while at < pages.len() && n < bytes {
            n += pages[at].len();
            at += 1;
        }
        &pages[from..at]
    };
    let warm_up = take(2_000_000).to_vec();
    let batch = take(1_000_000).to_vec();
    let warm = words_only();
    for p in &warm_up {
        warm.clean(p);
    }
    let mut g = c.benchmark_group("words");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(
        batch.iter().map(|p| p.len() as u64).sum(),
    ));
    g.bench_function("clean prose (corpus pages), a batch after 2 MB", |b| {
        b.iter_batched_ref(
            || warm.detached(),
            |cleaner| {
                batch
                    .iter()
                    .map(|p| cleaner.clean(p).text.len())
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
