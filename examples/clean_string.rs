//! Clean one string and look at what changed.
//!
//! ```sh
//! cargo run --example clean_string
//! ```

fn main() {
    let ocr = "Stadsrevisionen i BorÃ¥s har genomfort en granskning.\n";
    // Build the cleaner once and reuse it: it holds the lexicon.
    let cleaner = putsa::Cleaner::new();
    let cleaned = cleaner.clean(ocr);
    println!("{}", cleaned.text.trim_end());
    for e in &cleaned.edits {
        println!(
            "  {:?} {:?} -> {:?} ({:?}, {:.2}: {})",
            e.span, e.before, e.after, e.kind, e.confidence, e.reason
        );
    }
    for s in &cleaned.suggestions {
        println!(
            "  suggested, not applied: {:?} -> {:?} ({:.2})",
            s.before, s.after, s.confidence
        );
    }
    // The report and the output cannot disagree: replaying the edits gives the text.
    assert_eq!(putsa::apply(ocr, &cleaned.edits), cleaned.text);
}
