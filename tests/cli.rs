//! The `putsa` command line, pinned by cases as data files (after trycmd): each
//! `tests/cli/NAME.toml` gives the arguments, standard input, expected standard output and
//! error, exit status, environment, symbolic links to make and paths that must not exist;
//! `NAME.in/` is copied into a scratch directory that becomes the working directory, and
//! every file under `NAME.out/` must then be there with that content. Fixtures used by the
//! Rust tests below live in `tests/cli/fixtures/`.
//! In expected text, `[..]` matches the rest of a line up to what follows, and a line `...`
//! any number of lines (timings, sizes).
//!
//! Every case also checks that no temporary file (`.putsa-*`) is left behind.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Case {
    args: Vec<String>,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    status: i32,
    #[serde(default)]
    stdout: Option<String>,
    #[serde(default)]
    stderr: Option<String>,
    /// Extra environment variables.
    #[serde(default)]
    env: std::collections::BTreeMap<String, String>,
    /// Symbolic links to make in the scratch directory, path = target (a dangling link is
    /// the unreadable file of several cases; a link in the repository would trip packaging).
    #[serde(default)]
    links: std::collections::BTreeMap<String, String>,
    /// Paths (in the scratch directory) that must not exist afterwards.
    #[serde(default)]
    absent: Vec<String>,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli")
}

#[test]
fn cli_cases() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let failures: Vec<String> = names.iter().filter_map(|p| run_case(p).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} CLI cases failed:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

fn run_case(path: &Path) -> Result<(), String> {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let case: Case = toml::from_str(&std::fs::read_to_string(path).unwrap())
        .map_err(|e| format!("{name}: {e}"))?;
    let scratch = tempfile::tempdir().unwrap();
    let input = path.with_extension("in");
    if input.is_dir() {
        copy_tree(&input, scratch.path());
    }
    for (link, target) in &case.links {
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, scratch.path().join(link)).unwrap();
        #[cfg(not(unix))]
        return Ok(eprintln!(
            "{name}: skipped, needs symbolic links ({link} -> {target})"
        ));
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_putsa"));
    cmd.args(&case.args)
        .current_dir(scratch.path())
        .env_remove("NO_COLOR")
        .envs(&case.env)
        .stdin(if case.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = &case.stdin {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // A process that fails early closes its input: that is its answer, not ours.
        let _ = stdin.write_all(s.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(case.status) {
        problems.push(format!(
            "status {:?}, expected {}",
            out.status.code(),
            case.status
        ));
    }
    for (what, expected, actual) in [
        ("stdout", &case.stdout, &stdout),
        ("stderr", &case.stderr, &stderr),
    ] {
        if let Some(e) = expected {
            if !matches(e, actual) {
                problems.push(format!(
                    "{what} differs:\n--- expected\n{e}\n--- actual\n{actual}"
                ));
            }
        }
    }
    let expected_out = path.with_extension("out");
    if expected_out.is_dir() {
        for (rel, want) in files(&expected_out) {
            match std::fs::read(scratch.path().join(&rel)) {
                Ok(got) if want == got => {}
                Ok(got)
                    if matches(
                        &String::from_utf8_lossy(&want),
                        &String::from_utf8_lossy(&got),
                    ) => {}
                Ok(got) => problems.push(format!(
                    "{} differs:\n--- expected\n{}\n--- actual\n{}",
                    rel.display(),
                    String::from_utf8_lossy(&want),
                    String::from_utf8_lossy(&got)
                )),
                Err(e) => problems.push(format!("{}: {e}", rel.display())),
            }
        }
    }
    for a in &case.absent {
        if scratch.path().join(a).symlink_metadata().is_ok() {
            problems.push(format!("{a} should not exist"));
        }
    }
    for (rel, _) in files(scratch.path()) {
        if rel
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(".putsa-"))
        {
            problems.push(format!("temporary file left behind: {}", rel.display()));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "case {name} (putsa {}):\n{}",
            case.args.join(" "),
            problems.join("\n")
        ))
    }
}

/// Does `actual` match `expected`, with `[..]` and `...` lines as wildcards?
fn matches(expected: &str, actual: &str) -> bool {
    let mut pattern = String::from("(?s)^");
    for line in expected.split_inclusive('\n') {
        if line.trim_end_matches('\n') == "..." {
            pattern.push_str("(?:[^\\n]*\\n)*?");
            continue;
        }
        let parts: Vec<String> = line.split("[..]").map(regex::escape).collect();
        pattern.push_str(&parts.join("[^\\n]*?"));
    }
    pattern.push('$');
    regex::Regex::new(&pattern).unwrap().is_match(actual)
}

/// Every file (or symbolic link) under `root`, by relative path, with its bytes.
fn files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(root.join(&rel)).unwrap() {
            let e = e.unwrap();
            let r = rel.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                stack.push(r);
            } else {
                out.push((r, std::fs::read(e.path()).unwrap_or_default()));
            }
        }
    }
    out
}

/// Copies a fixture tree, keeping symbolic links as links (a dangling one is a case).
fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let t = e.file_type().unwrap();
        if t.is_dir() {
            std::fs::create_dir_all(&dst).unwrap();
            copy_tree(&src, &dst);
        } else if t.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(&src).unwrap(), &dst).unwrap();
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// A 100 MB file without a line break is refused after its first MiB: quickly, and
/// without reading the rest (the limit is --max-line-bytes).
#[test]
fn a_huge_line_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let block = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&block).unwrap();
        }
    }
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_putsa"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 1 is longer than 1048576 bytes"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

/// A FIFO found in a directory would block the reader forever: it is named and skipped.
/// (No fixture: git cannot hold a FIFO.)
#[cfg(unix)]
#[test]
fn a_fifo_in_a_tree_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::fs::write(dir.path().join("d/a.txt"), "Hej.\n").unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("d/pipe.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here: nothing to test
    }
    let out = Command::new(env!("CARGO_BIN_EXE_putsa"))
        .args(["--format", "jsonl", "--quiet", "d"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr, "putsa: d/pipe.txt: not a regular file: skipped\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("{\"version\":1,\"path\":\"d/pipe.txt\",\"error\""),
        "{stdout}"
    );
    assert!(stdout.contains("\"path\":\"d/a.txt\""), "{stdout}");
}

/// The JSON report and the text cannot disagree: replaying the report's edits on the input
/// gives the report's text (here on the seed document, and on it with mojibake).
#[test]
fn json_edits_replay_to_the_text() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/fixtures/seed-ocr.txt");
    let plain = std::fs::read_to_string(seed).unwrap();
    // UTF-8 read as Windows-1252 (undefined bytes kept as C1 controls, as Latin-1 does).
    let broken: String = plain
        .bytes()
        .map(|b| putsa::decode::cp1252_char(b).unwrap_or(b as char))
        .collect();
    for input in [plain, broken] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_putsa"))
            .args(["--format", "json", "--quiet", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut replayed = String::new();
        let mut at = 0;
        for e in doc["edits"].as_array().unwrap() {
            let (start, end) = (
                e["span"]["start"].as_u64().unwrap() as usize,
                e["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&input[start..end], e["before"].as_str().unwrap());
            replayed.push_str(&input[at..start]);
            replayed.push_str(e["after"].as_str().unwrap());
            at = end;
        }
        replayed.push_str(&input[at..]);
        assert_eq!(replayed, doc["text"].as_str().unwrap());
    }
}
