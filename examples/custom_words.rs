//! Add local words — person and place names the built-in lexicon does not know — so the
//! cleaner accepts them instead of "repairing" them.
//!
//! ```sh
//! cargo run --example custom_words
//! ```

fn main() -> Result<(), putsa::LexiconError> {
    let plain = putsa::Lexicon::embedded();
    let local = putsa::Lexicon::embedded().with_words(["Zetterqvist", "Wijkander"]);
    for word in ["Zetterqvist", "Wijkander", "nämnden"] {
        println!(
            "{word:12} built-in: {:5}  with local words: {}",
            plain.is_word(word),
            local.is_word(word)
        );
    }
    // From a file, one word per line, `#` comments (the CLI's --words FILE).
    let path = std::env::temp_dir().join("putsa-example-words.txt");
    std::fs::write(&path, "# Ledamöter\nSkjöldebrand\nGyllenkrok\n").expect("temp dir is writable");
    let lexicon = putsa::Lexicon::embedded().with_word_file(&path)?;
    assert!(lexicon.is_word("Gyllenkrok") && !plain.is_word("Gyllenkrok"));
    // A cleaner with these words and default options.
    let cleaner = putsa::Cleaner::with(lexicon, putsa::Options::default());
    println!(
        "{}",
        cleaner
            .clean("Ordförande Skjöldebrand och Gyllenkrok.\n")
            .text
            .trim_end()
    );
    Ok(())
}
