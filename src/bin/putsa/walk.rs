//! From the command line's paths to the list of documents: files as given, directories
//! searched recursively (sorted, so runs are repeatable), "-" for standard input.

use std::path::{Path, PathBuf};

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file (or something given as one: it may turn out unreadable).
    File(PathBuf),
}

/// One document to clean.
#[derive(Clone, Debug)]
pub struct Job {
    /// Where it is read from.
    pub source: Source,
    /// Its path under the input it was found in: where it goes under --out-dir.
    pub relative: PathBuf,
}

impl Job {
    /// Its name in messages and reports.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// The documents, and the inputs that gave none (each with its message). `skip` is a
/// directory not to enter: the --out-dir, when it lies inside an input directory, so that a
/// second run does not clean the first run's outputs.
pub fn collect(
    inputs: &[PathBuf],
    glob: &str,
    skip: Option<&Path>,
) -> (Vec<Job>, Vec<(String, String)>) {
    let skip = skip.and_then(|p| p.canonicalize().ok());
    let skip = skip.as_deref();
    let mut jobs = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            jobs.push(Job {
                source: Source::Stdin,
                relative: PathBuf::from("stdin.txt"),
            });
            continue;
        }
        let name = input.display().to_string();
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                let before = jobs.len();
                let mut errors = Vec::new();
                walk(input, Path::new(""), glob, skip, &mut jobs, &mut errors);
                failures.extend(errors);
                if jobs.len() == before {
                    failures.push((name, format!("no files match {glob:?} in this directory")));
                }
            }
            // Files given by name are taken whatever their name; reading reports the rest.
            _ => {
                let relative = input
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| input.clone());
                jobs.push(Job {
                    source: Source::File(input.clone()),
                    relative,
                });
            }
        }
    }
    (jobs, failures)
}

fn walk(
    dir: &Path,
    rel: &Path,
    glob: &str,
    skip: Option<&Path>,
    jobs: &mut Vec<Job>,
    errors: &mut Vec<(String, String)>,
) {
    if skip.is_some() && dir.canonicalize().ok().as_deref() == skip {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return errors.push((
                dir.display().to_string(),
                format!("cannot read directory: {e}"),
            ))
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let rel = rel.join(entry.file_name());
        // Symbolic links to directories are not followed: no cycles, no walking out of the
        // tree. A link to a file is a file; a dangling one fails when it is read.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, &rel, glob, skip, jobs, errors);
            continue;
        }
        if !matches(glob, &entry.file_name().to_string_lossy()) {
            continue;
        }
        let target = std::fs::metadata(&path);
        if kind.is_symlink() && target.as_ref().is_ok_and(|m| m.is_dir()) {
            continue;
        }
        // A FIFO or device found in a tree would block the reader or never end: named,
        // not read. (Given by name, e.g. `putsa <(…)`, a pipe is read.)
        if target.is_ok_and(|m| !m.is_file()) {
            errors.push((
                path.display().to_string(),
                "not a regular file: skipped".to_string(),
            ));
            continue;
        }
        jobs.push(Job {
            source: Source::File(path),
            relative: rel,
        });
    }
}

/// Does `name` match `pattern` ("*" any run of characters, "?" one character)?
pub fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Classic wildcard matching with one backtrack point for the last "*".
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn wildcards() {
        assert!(matches("*.txt", "ocr.txt"));
        assert!(!matches("*.txt", "ocr.txt.orig"));
        assert!(matches("ocr_*.txt", "ocr_eng.txt"));
        assert!(!matches("ocr_*.txt", "truth.txt"));
        assert!(matches("?.txt", "a.txt"));
        assert!(matches("*", "anything"));
    }
}
