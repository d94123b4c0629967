//! Emit JSON Lines for an indexer: one object per document with the cleaned text and a few
//! counts, read from the file names given on standard input (one per line) — the shape of a
//! pipe stage (`find … | cargo run --example jsonl_indexer > docs.jsonl`).
//!
//! `putsa --format jsonl` writes the full documented report (docs/json-format.md); an
//! indexer that wants less builds its own record from `Cleaned`, as here.
//!
//! ```sh
//! find ../shared/eval/dev -name 'ocr_swe.txt' | cargo run --example jsonl_indexer
//! ```

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let cleaner = putsa::Cleaner::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let path = line?;
        let record = match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| putsa::decode(&b).map_err(|e| e.to_string()))
        {
            Ok(decoded) => {
                let cleaned = cleaner.clean(&decoded.text);
                serde_json::json!({
                    "id": path,
                    "text": cleaned.text,
                    "words_repaired": cleaned.stats.words_repaired,
                    "removed": cleaned.removals().count(),
                })
            }
            Err(error) => serde_json::json!({ "id": path, "error": error }),
        };
        writeln!(out, "{record}")?;
    }
    out.flush()
}
