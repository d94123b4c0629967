//! The command line, as clap reads it. Everything here is a plain value; `main` turns it
//! into a run.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Clean OCR output of Swedish documents: repair words, remove page furniture and repeated
/// sections, and report every change.
///
/// One input goes to standard output; a batch (a directory, or several inputs) needs
/// --out-dir, --in-place, --format jsonl or --diff. Exit status: 0 all done, 1 some inputs
/// failed (each named on standard error), 2 usage error.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Args {
    /// Files or directories to clean ("-" for standard input). Directories are searched
    /// recursively for files matching --glob.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Which files to take from directories (a file-name pattern: "*" and "?").
    #[arg(long, value_name = "PATTERN", default_value = "*.txt")]
    pub glob: String,

    /// Write each output under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
    pub out_dir: Option<PathBuf>,

    /// Rewrite the inputs, keeping each original as FILE.orig.
    #[arg(long, short = 'w', alias = "write-changes")]
    pub in_place: bool,

    /// With --in-place: keep no backup.
    #[arg(long, requires = "in_place")]
    pub no_backup: bool,

    /// What to write: the cleaned text, or a JSON report per document with the text.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also write the JSON report of the whole run (every document's edits) to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Print a unified diff of input and output instead of the output; change nothing.
    #[arg(long, conflicts_with_all = ["in_place", "out_dir", "format"])]
    pub diff: bool,

    /// When to colour the diff.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Files processed at once (default: all cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar, no summary, no notes; failures are still named.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Refuse a file with a line longer than this many bytes. OCR text has short lines; a
    /// file that is one huge line (a dump, a minified file) is refused after reading this
    /// much of it, not all of it.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_line_bytes: usize,

    #[command(flatten)]
    pub settings: SettingArgs,
}

/// The cleaning settings; each can also be set in putsa.toml.
#[derive(clap::Args, Debug, Default)]
#[command(next_help_heading = "Cleaning")]
pub struct SettingArgs {
    /// Keep page furniture (running headers, footers, page numbers).
    #[arg(long)]
    pub no_furniture: bool,

    /// Keep the lines as they are: no paragraph joining, no rejoining of hyphenated words.
    #[arg(long)]
    pub no_paragraphs: bool,

    /// Keep repeated paragraphs.
    #[arg(long)]
    pub no_dedup: bool,

    /// Keep dashes as OCR read them (no Swedish en dash; no spaced hyphen suggested as one).
    #[arg(long)]
    pub no_dashes: bool,

    /// Repair no words.
    #[arg(long)]
    pub no_words: bool,

    /// Apply word repairs and typography at least this sure (0 to 1); the rest are only
    /// reported (a spaced hyphen as a dash: 0.2).
    #[arg(long, value_name = "P", value_parser = confidence)]
    pub min_confidence: Option<f32>,

    /// Extra words, one per line (local place and person names). Repeatable.
    #[arg(long = "words", value_name = "FILE")]
    pub words: Vec<PathBuf>,

    /// An extra furniture line: a regular expression matched against a whole line.
    /// Repeatable.
    #[arg(long = "furniture", value_name = "PATTERN")]
    pub furniture: Vec<String>,

    /// Read settings from FILE instead of ./putsa.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read no putsa.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Show why a word is or is not accepted, and what it could be repaired to.
    Explain {
        /// The word, as the OCR wrote it.
        word: String,
        /// The sentence around it, for context-aware ranking.
        #[arg(long, value_name = "TEXT")]
        context: Option<String>,
        /// Extra words, one per line, besides putsa.toml's. Repeatable.
        #[arg(long = "words", value_name = "FILE")]
        words: Vec<PathBuf>,
    },
}

/// What each document becomes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The cleaned text.
    Text,
    /// One JSON report per document, with the text (see docs/json-format.md).
    Json,
    /// One JSON report per line, all documents on standard output.
    Jsonl,
}

/// When to colour.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn confidence(s: &str) -> Result<f32, String> {
    let p: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{p} is not between 0 and 1"))
    }
}
