fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let c = putsa::Cleaner::new().clean(&text);
    for e in &c.edits {
        println!("A {:?} {:?} -> {:?} {:.2} {}", e.kind, e.before, e.after, e.confidence, e.reason);
    }
    for e in &c.suggestions {
        println!("S {:?} {:?} -> {:?} {:.2} {}", e.kind, e.before, e.after, e.confidence, e.reason);
    }
}
