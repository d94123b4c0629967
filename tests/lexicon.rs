//! The lexicon: case-aware lookup, compounds by Hunspell roles, damaged OCR forms rejected,
//! and the committed data's hygiene.

use std::io::Read;

use putsa::Lexicon;
use unicode_normalization::UnicodeNormalization;

fn lex() -> Lexicon {
    Lexicon::embedded()
}

#[track_caller]
fn word(w: &str) {
    assert!(lex().is_word(w), "{w:?} should be a word");
}

#[track_caller]
fn not_word(w: &str) {
    assert!(!lex().is_word(w), "{w:?} should not be a word");
}

#[test]
fn damaged_ocr_forms_are_not_words_and_their_repairs_are() {
    for (damaged, correct) in [
        ("nimnden", "nämnden"),
        ("6versinder", "översänder"),
        ("vuxenutbildningsnimnden", "vuxenutbildningsnämnden"),
        ("genomfort", "genomfört"),
        ("indamalsenligt", "ändamålsenligt"),
        ("begrinsad", "begränsad"),
        ("uppfoljning", "uppföljning"),
        ("Arbetstérmedlingen", "Arbetsförmedlingen"),
    ] {
        not_word(damaged);
        word(correct);
    }
}

#[test]
fn lookup_is_case_aware() {
    word("Borås");
    word("BORÅS");
    not_word("borås");
    word("Nämnden");
    word("NÄMNDEN");
    word("nämnden");
}

#[test]
fn compounds_follow_hunspell_roles() {
    for w in [
        "vuxenutbildningsnämnden",
        "integrationsarbetet",
        "stadsrevisionen",
        "Integrationsarbetet",
    ] {
        word(w);
        assert!(lex().compound(w).is_some() || lex().is_list_word(w), "{w}");
    }
    let c = lex()
        .compound("vuxenutbildningsnämndens")
        .expect("a compound");
    assert_eq!(c.parts.last().map(String::as_str), Some("nämndens"));
    // "genom" may begin a compound but "fort" may not end one.
    assert!(lex().compound("genomfort").is_none());
    // A compound-only stem is not a word by itself.
    not_word("flick");
    word("flickskola");
}

#[test]
fn a_name_begins_a_compound_in_its_capital() {
    for w in [
        "Dublinförordningen",
        "Stockholmsregionen",
        "Östersjöregionen",
    ] {
        word(w);
        assert!(lex().compound(w).is_some(), "{w}");
    }
    // A name is written with its capital: in lower case it begins no compound.
    assert!(lex().compound("dublinförordningen").is_none());
}

#[test]
fn triple_letters_are_simplified_at_a_seam() {
    // "fall" + "lucka" is written "fallucka"; the dictionary lists it, so check a productive one.
    let lex = lex();
    assert!(lex.compound("tullagstiftning").is_some() || lex.is_word("tullagstiftning"));
    assert!(!lex.is_word("falllucka"));
}

#[test]
fn abbreviations_and_extras_are_words() {
    for w in [
        "t.ex.",
        "bl.a.",
        "m.fl.",
        "dnr",
        "kap.",
        "prop.",
        "rskr.",
        "Malung-Sälen",
    ] {
        word(w);
    }
}

#[test]
fn frequencies_rank_common_words_higher() {
    let lex = lex();
    assert!(lex.zipf("för") > lex.zipf("fören"));
    assert!(lex.zipf("och") > 6.0);
    assert_eq!(lex.zipf("nimnden"), 0.0);
}

#[test]
fn user_words_are_accepted_in_their_case() {
    let lex = lex().with_words(["Hägglund"]);
    assert!(lex.is_word("Hägglund"));
    assert!(!lex.is_word("hägglund"));
}

fn gz_lines(name: &str) -> Vec<String> {
    let path = format!("{}/dictionaries/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut s = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_string(&mut s)
        .unwrap();
    s.lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn committed_data_is_sorted_nfc_and_unique() {
    for name in [
        "sv-forms.tsv.gz",
        "sv-freq.tsv.gz",
        "sv-unigrams.tsv.gz",
        "sv-bigrams.tsv.gz",
        "sv-lone.txt.gz",
    ] {
        let lines = gz_lines(name);
        assert!(lines.len() > 1000, "{name} is too small");
        let keys: Vec<&str> = lines
            .iter()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        for w in keys.windows(2) {
            assert!(
                w[0].as_bytes() < w[1].as_bytes(),
                "{name}: {:?} before {:?}",
                w[0],
                w[1]
            );
        }
        for k in &keys {
            assert_eq!(k.nfc().collect::<String>(), *k, "{name}: {k:?} is not NFC");
        }
    }
}

#[test]
fn every_corpus_count_reads_back_from_the_embedded_table() {
    let lex = lex();
    let (mut n, mut words) = (0, 0);
    for name in [
        "sv-unigrams.tsv.gz",
        "sv-bigrams.tsv.gz",
        "sv-trigrams.tsv.gz",
    ] {
        for line in gz_lines(name) {
            let (key, count) = line.split_once('\t').unwrap();
            let count: u64 = count.parse().unwrap();
            assert_eq!(lex.corpus_count(key), count, "{key}");
            n += 1;
            if !key.contains(' ') {
                words += count;
            }
        }
    }
    assert!(n > 400_000, "{n} n-grams");
    // The table holds the words seen twice or more; the corpus size counts every token.
    assert!(
        lex.corpus_tokens() > words,
        "{} {words}",
        lex.corpus_tokens()
    );
    // What the corpus lacks counts 0: a damaged word, a pair or triple never seen, a key of
    // four words.
    for key in [
        "nimnden",
        "nämnden nimnden",
        "och och och",
        "i det här fallet",
        "",
    ] {
        assert_eq!(lex.corpus_count(key), 0, "{key}");
    }
}
