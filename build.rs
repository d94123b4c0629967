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

#[path = "src/lexicon/hash.rs"]
mod hash;

#[allow(dead_code)] // the reader half is the library's
#[path = "src/lexicon/trie.rs"]
mod trie;

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
    std::fs::write(out.join(name), build_map(name, entries)).unwrap();
}

/// The bytes of the `fst` map of `entries` (sorted by key).
fn build_map(name: &str, entries: impl IntoIterator<Item = (Vec<u8>, u64)>) -> Vec<u8> {
    let mut b = fst::MapBuilder::memory();
    for (k, v) in entries {
        b.insert(&k, v).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    b.into_inner().unwrap()
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

    // Skeleton -> its forms with their entries (the skeleton itself first, if a form).
    let mut skel: BTreeMap<String, (u64, Vec<(String, u64)>)> = BTreeMap::new();
    let mut entries = Vec::with_capacity(forms.len());
    for (form, r) in &forms {
        let z = freq
            .get(&form.to_lowercase())
            .copied()
            .unwrap_or(0)
            .min(0xffff);
        let value = r | (z << 16);
        entries.push((form.as_bytes().to_vec(), value));
        if r & roles::FORBIDDEN != 0 {
            continue;
        }
        let s = skeleton::skeleton(form);
        let e = skel.entry(s.clone()).or_default();
        e.0 |= r;
        if *form == s {
            e.0 |= roles::IDENTITY;
            e.1.insert(0, (form.clone(), value));
        } else {
            e.1.push((form.clone(), value));
        }
    }
    write_map(&out, "forms.fst", entries);

    // Skeleton map: skeleton -> union of roles, and where its forms sit in a blob of records
    // `[length: u8][form][entry: u32 LE]` (length 0: the skeleton itself), so that reading
    // them costs no lookup.
    let mut blob = Vec::new();
    let mut skel_entries = Vec::with_capacity(skel.len());
    for (s, (r, forms)) in &skel {
        let start = blob.len() as u64;
        for (form, value) in forms {
            assert!(form.len() < 256 && *value < 1 << 32, "{form}");
            // The skeleton itself as a form is written with length 0 (most forms are).
            let bytes = if form == s { &[][..] } else { form.as_bytes() };
            blob.push(bytes.len() as u8);
            blob.extend_from_slice(bytes);
            blob.extend_from_slice(&(*value as u32).to_le_bytes());
        }
        let len = blob.len() as u64 - start;
        assert!(len < 1 << 16 && start < 1 << 32);
        skel_entries.push((
            s.as_bytes().to_vec(),
            (r & 0xffff) | (len << 16) | (start << 32),
        ));
    }
    // The candidate walk reads the skeleton map as flat arrays (src/lexicon/trie.rs).
    let map = fst::raw::Fst::new(build_map("skeletons", skel_entries)).unwrap();
    std::fs::write(out.join("skeletons.trie"), trie::flatten(&map)).unwrap();
    File::create(out.join("skeleton-forms.bin"))
        .unwrap()
        .write_all(&blob)
        .unwrap();

    ngrams(&dir, &out);
    println!("cargo:rerun-if-changed=src/lexicon/skeleton.rs");
    println!("cargo:rerun-if-changed=src/lexicon/roles.rs");
    println!("cargo:rerun-if-changed=src/lexicon/hash.rs");
    println!("cargo:rerun-if-changed=src/lexicon/trie.rs");
}

/// The word statistics of the reference corpus as flat little-endian `u32` arrays (layout in
/// `src/lexicon/ngrams.rs`): the words get ids and the pairs indices, a hash table finds a
/// word's id, another a pair's index, and the triples are sorted lists per pair.
fn ngrams(dir: &Path, out: &Path) {
    let uni = dir.join("sv-unigrams.tsv.gz");
    println!("cargo:rerun-if-changed={}", uni.display());
    let mut total: u32 = 0;
    let mut words: Vec<(String, u32)> = Vec::new();
    for l in BufReader::new(flate2::read::GzDecoder::new(File::open(&uni).unwrap())).lines() {
        let l = l.unwrap();
        if let Some(t) = l.strip_prefix("# tokens ") {
            total = t.parse().unwrap();
        } else if let Some((w, c)) = l.split_once('\t') {
            words.push((w.to_string(), c.parse().unwrap()));
        }
    }
    words.sort();
    let id: std::collections::HashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32))
        .collect();
    let ids = |k: &str| -> Option<Vec<u32>> { k.split(' ').map(|w| id.get(w).copied()).collect() };
    let mut bi: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for l in lines(&dir.join("sv-bigrams.tsv.gz")) {
        let (k, c) = l.split_once('\t').unwrap();
        let v = ids(k).unwrap_or_else(|| panic!("bigram of unknown words: {k}"));
        bi.insert((v[0], v[1]), c.parse().unwrap());
    }
    let mut tri: BTreeMap<(u32, u32, u32), u32> = BTreeMap::new();
    for l in lines(&dir.join("sv-trigrams.tsv.gz")) {
        let (k, c) = l.split_once('\t').unwrap();
        let v = ids(k).unwrap_or_else(|| panic!("trigram of unknown words: {k}"));
        tri.insert((v[0], v[1], v[2]), c.parse().unwrap());
    }

    let slots = (words.len() * 2).next_power_of_two();
    let mut slot_hash = vec![0u64; slots];
    let mut slot_id = vec![0u32; slots];
    for (i, (w, _)) in words.iter().enumerate() {
        let h = hash::hash(w.as_bytes());
        let mut s = h as usize & (slots - 1);
        while slot_hash[s] != 0 {
            assert_ne!(
                slot_hash[s], h,
                "hash collision in the n-gram vocabulary: {w}"
            );
            s = (s + 1) & (slots - 1);
        }
        slot_hash[s] = h;
        slot_id[s] = i as u32;
    }
    let bi_index: std::collections::HashMap<(u32, u32), u32> =
        bi.keys().enumerate().map(|(i, k)| (*k, i as u32)).collect();
    let mut tri_start = vec![0u32; bi.len() + 1];
    for &(a, b, _) in tri.keys() {
        let i = *bi_index
            .get(&(a, b))
            .unwrap_or_else(|| panic!("trigram without its bigram: {a} {b}"));
        tri_start[i as usize + 1] += 1;
    }
    for i in 1..tri_start.len() {
        tri_start[i] += tri_start[i - 1];
    }

    // Pair slots: the pair itself and its index + 1, packed in 64 bits (first word, second
    // word: 20 bits each; index + 1: 24 bits; 0 = empty), so that a probe reads one slot.
    assert!(
        words.len() < 1 << 20 && bi.len() < (1 << 24) - 1,
        "n-gram table outgrew its slots"
    );
    let pair_slots = (bi.len() * 5 / 2).next_power_of_two();
    let mut pair_slot = vec![0u64; pair_slots];
    for (i, &(a, b)) in bi.keys().enumerate() {
        let mut s = hash::pair_hash(a, b) as usize & (pair_slots - 1);
        while pair_slot[s] != 0 {
            s = (s + 1) & (pair_slots - 1);
        }
        pair_slot[s] = u64::from(a) << 44 | u64::from(b) << 24 | (i as u64 + 1);
    }

    let mut blob: Vec<u8> = Vec::new();
    let mut put = |xs: &mut dyn Iterator<Item = u32>| {
        for x in xs {
            blob.extend_from_slice(&x.to_le_bytes());
        }
    };
    put(&mut [
        total,
        words.len() as u32,
        bi.len() as u32,
        tri.len() as u32,
        slots as u32,
        pair_slots as u32,
    ]
    .into_iter());
    put(&mut slot_hash.iter().flat_map(|h| [*h as u32, (h >> 32) as u32]));
    put(&mut slot_id.into_iter());
    put(&mut words.iter().map(|w| w.1));
    put(&mut bi.values().copied());
    put(&mut tri_start.into_iter());
    put(&mut tri.keys().map(|k| k.2));
    put(&mut tri.values().copied());
    put(&mut pair_slot.iter().flat_map(|p| [*p as u32, (p >> 32) as u32]));
    File::create(out.join("ngrams.bin"))
        .unwrap()
        .write_all(&blob)
        .unwrap();
}
