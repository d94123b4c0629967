//! Clean every `.txt` file of a folder into another folder, reading each file's bytes with
//! `putsa::decode` (UTF-8, UTF-16, or clearly Windows-1252) and skipping what is not text.
//! The `putsa` binary does the same in parallel, atomically, with a report; this is the
//! library's view, with the standard library only.
//!
//! ```sh
//! cargo run --example batch_folder -- ../shared/eval/dev /tmp/cleaned
//! ```

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(from), Some(to)) = (args.next(), args.next()) else {
        return Err("usage: batch_folder FROM_DIR TO_DIR".into());
    };
    let cleaner = putsa::Cleaner::new();
    let mut files = Vec::new();
    find_txt(&from, &mut files)?;
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path)?;
        let decoded = match putsa::decode(&bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("skipped {}: {e}", path.display());
                continue;
            }
        };
        let cleaned = cleaner.clean(&decoded.text);
        let out = to.join(path.strip_prefix(&from)?);
        std::fs::create_dir_all(out.parent().unwrap_or(&to))?;
        std::fs::write(&out, &cleaned.text)?;
        println!(
            "{} ({}, {} edits)",
            out.display(),
            decoded.encoding.name(),
            cleaned.edits.len()
        );
    }
    Ok(())
}

fn find_txt(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            find_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}
