//! The pipeline on long inputs: cleaned piece by piece, and the report still speaks of the
//! whole input.

use putsa::{apply, Cleaner, EditKind, CHUNK_BYTES};

#[test]
fn a_long_input_is_cleaned_in_pieces_and_its_report_replays() {
    let seed = std::fs::read_to_string(format!(
        "{}/tests/fixtures/seed/ocr.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    // Distinct documents (numbered), each its own page, past the piece size.
    let mut input = String::new();
    let mut k = 0;
    while input.len() <= CHUNK_BYTES + CHUNK_BYTES / 4 {
        input.push_str(&format!("Dokument {k}\n\n"));
        input.push_str(&seed);
        input.push('\x0c');
        k += 1;
    }
    let out = Cleaner::new().clean(&input);
    assert_eq!(apply(&input, &out.edits), out.text);
    for e in &out.edits {
        assert_eq!(e.span.of(&input), e.before);
        if let Some(kept) = e.kept {
            assert!(kept.end <= e.span.start, "a kept copy comes first");
        }
    }
    // Both pieces were repaired, not only the first.
    let last = out
        .edits
        .iter()
        .filter(|e| e.kind == EditKind::Word)
        .map(|e| e.span.start)
        .max()
        .unwrap();
    assert!(last > CHUNK_BYTES, "repairs in the second piece");
    assert!(!out.text.contains("nimnden"));
}
