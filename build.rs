//! Builds the lexicon's finite-state maps from the committed, gzipped text data in
//! `dictionaries/`, so that loading the lexicon at run time costs no parsing at all: the maps
//! are embedded in the binary and opened in place.

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

#[path = "src/lexicon/skeleton.rs"]
mod skeleton;

#[path = "src/lexicon/roles.rs"]
mod roles;

fn lines(path: &Path) -> impl Iterator<Item = String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| l.expect("lexicon data is UTF-8"))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn plain_lines(path: &Path) -> impl Iterator<Item = String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(file)
        .lines()
        .map(|l| l.expect("extras are UTF-8"))
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
}

fn write_map(out: &Path, name: &str, entries: impl IntoIterator<Item = (Vec<u8>, u64)>) {
    let w = std::io::BufWriter::new(File::create(out.join(name)).unwrap());
    let mut b = fst::MapBuilder::new(w).unwrap();
    for (k, v) in entries {
        b.insert(&k, v).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    b.finish().unwrap();
}

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("dictionaries");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());

    // Frequencies (wordfreq zipf * 100), keyed by lower-case form.
    let freq: BTreeMap<String, u64> = lines(&dir.join("sv-freq.tsv.gz"))
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w.to_string(), z.parse().ok()?))
        })
        .collect();

    // Forms with their roles; the extras list adds standalone words.
    let mut forms: BTreeMap<String, u64> = BTreeMap::new();
    for l in lines(&dir.join("sv-forms.tsv.gz")) {
        let (form, r) = l.split_once('\t').unwrap_or((&l, ""));
        *forms.entry(form.to_string()).or_default() |= roles::parse(r);
    }
    for w in plain_lines(&dir.join("extras.txt")) {
        *forms.entry(w).or_default() |= roles::WORD | roles::EXTRA;
    }

    let mut skel: BTreeMap<String, (u64, Vec<String>)> = BTreeMap::new();
    let mut entries = Vec::with_capacity(forms.len());
    for (form, r) in &forms {
        let z = freq
            .get(&form.to_lowercase())
            .copied()
            .unwrap_or(0)
            .min(0xffff);
        entries.push((form.as_bytes().to_vec(), r | (z << 16)));
        if r & roles::FORBIDDEN != 0 {
            continue;
        }
        let s = skeleton::skeleton(form);
        let e = skel.entry(s.clone()).or_default();
        e.0 |= r;
        if *form == s {
            e.0 |= roles::IDENTITY;
        } else {
            e.1.push(form.clone());
        }
    }
    write_map(&out, "forms.fst", entries);

    // Skeleton map: skeleton -> union of roles, and where the other forms sit in a blob.
    let mut blob = Vec::new();
    let mut skel_entries = Vec::with_capacity(skel.len());
    for (s, (r, others)) in &skel {
        let start = blob.len() as u64;
        for (i, o) in others.iter().enumerate() {
            if i > 0 {
                blob.push(b'\n');
            }
            blob.extend_from_slice(o.as_bytes());
        }
        let len = blob.len() as u64 - start;
        assert!(len < 1 << 16 && start < 1 << 32);
        skel_entries.push((
            s.as_bytes().to_vec(),
            (r & 0xffff) | (len << 16) | (start << 32),
        ));
    }
    write_map(&out, "skeletons.fst", skel_entries);
    File::create(out.join("skeleton-forms.bin"))
        .unwrap()
        .write_all(&blob)
        .unwrap();

    // Word statistics of the reference corpus: "w" -> count, "w1 w2" -> count.
    let mut lm: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    let mut total = 0;
    let uni = dir.join("sv-unigrams.tsv.gz");
    println!("cargo:rerun-if-changed={}", uni.display());
    for l in BufReader::new(flate2::read::GzDecoder::new(File::open(&uni).unwrap())).lines() {
        let l = l.unwrap();
        if let Some(t) = l.strip_prefix("# tokens ") {
            total = t.parse().unwrap();
        } else if let Some((w, c)) = l.split_once('\t') {
            lm.insert(w.as_bytes().to_vec(), c.parse().unwrap());
        }
    }
    for l in lines(&dir.join("sv-bigrams.tsv.gz")).chain(lines(&dir.join("sv-trigrams.tsv.gz"))) {
        let (k, c) = l.split_once('\t').unwrap();
        lm.insert(k.as_bytes().to_vec(), c.parse().unwrap());
    }
    lm.insert(b"\x01tokens".to_vec(), total);
    write_map(&out, "ngrams.fst", lm);
    println!("cargo:rerun-if-changed=src/lexicon/skeleton.rs");
    println!("cargo:rerun-if-changed=src/lexicon/roles.rs");
}
