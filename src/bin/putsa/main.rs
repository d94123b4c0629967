//! The `putsa` command line: arguments, files, rendering. No cleaning logic lives here.

use std::io::{Read, Write};

use anyhow::Context;
use clap::Parser;

/// Clean OCR output of Swedish documents: repair words, remove page furniture and repeated
/// sections, and report every change.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Input file, or "-" for standard input.
    input: String,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut text = String::new();
    if args.input == "-" {
        std::io::stdin().read_to_string(&mut text).context("reading standard input")?;
    } else {
        text = std::fs::read_to_string(&args.input).with_context(|| format!("reading {}", args.input))?;
    }
    let cleaned = putsa::Cleaner::new().clean(&text);
    std::io::stdout().write_all(cleaned.text.as_bytes())?;
    Ok(())
}
