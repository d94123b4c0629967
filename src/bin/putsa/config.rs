//! Settings: putsa.toml (in the working directory, or --config) under the command line.
//! The flags win; word files and furniture patterns from both are used.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

use crate::args::SettingArgs;

/// The config file's keys. Unknown keys are an error that names them: a misspelt setting
/// that silently does nothing is worse than none.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    /// Remove page furniture.
    furniture: Option<bool>,
    /// Join lines into paragraphs and rejoin hyphenated words.
    paragraphs: Option<bool>,
    /// Remove repeated paragraphs.
    dedup: Option<bool>,
    /// Write the Swedish en dash.
    dashes: Option<bool>,
    /// Repair words.
    words: Option<bool>,
    /// Word repairs below this are only reported.
    min_confidence: Option<f32>,
    /// Extra word lists; relative paths are relative to the config file.
    word_files: Option<Vec<PathBuf>>,
    /// Extra furniture lines.
    furniture_patterns: Option<Vec<String>>,
}

/// Builds the cleaner the settings ask for. Errors here are usage errors (exit 2).
pub fn cleaner(args: &SettingArgs) -> anyhow::Result<putsa::Cleaner> {
    let file = match (&args.config, args.no_config) {
        (_, true) => File::default(),
        (Some(path), _) => read(path)?,
        (None, _) if Path::new("putsa.toml").is_file() => read(Path::new("putsa.toml"))?,
        _ => File::default(),
    };
    let base = args
        .config
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(Path::new(""));
    let mut options = putsa::Options::default();
    options.furniture = file.furniture.unwrap_or(true) && !args.no_furniture;
    options.paragraphs = file.paragraphs.unwrap_or(true) && !args.no_paragraphs;
    options.dedup = file.dedup.unwrap_or(true) && !args.no_dedup;
    options.dashes = file.dashes.unwrap_or(true) && !args.no_dashes;
    options.words = file.words.unwrap_or(true) && !args.no_words;
    if let Some(p) = args.min_confidence.or(file.min_confidence) {
        anyhow::ensure!(
            (0.0..=1.0).contains(&p),
            "min-confidence {p} is not between 0 and 1"
        );
        options.min_confidence = p;
    }
    options.furniture_patterns = file.furniture_patterns.unwrap_or_default();
    options
        .furniture_patterns
        .extend(args.furniture.iter().cloned());
    for p in &options.furniture_patterns {
        regex::Regex::new(p).with_context(|| format!("furniture pattern {p:?}"))?;
    }
    let word_files = file
        .word_files
        .unwrap_or_default()
        .into_iter()
        .map(|p| base.join(p));
    lexicon(word_files.chain(args.words.iter().cloned()))
        .map(|lex| putsa::Cleaner::with(lex, options))
}

/// The embedded lexicon with these word files added.
pub fn lexicon(files: impl IntoIterator<Item = PathBuf>) -> anyhow::Result<putsa::Lexicon> {
    let mut lex = putsa::Lexicon::embedded();
    for f in files {
        lex = lex.with_word_file(&f)?;
    }
    Ok(lex)
}

fn read(path: &Path) -> anyhow::Result<File> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("config {}", path.display()))
}
