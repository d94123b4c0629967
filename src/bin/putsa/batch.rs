//! Running the documents: read, decode, clean, render, write — in parallel, one document per
//! task, with the results handed back in input order so that standard output and the report
//! are the same whatever the number of jobs. A failed document is named and skipped; it
//! never stops the others.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::args::Format;
use crate::output;
use crate::render::{self, Counts};
use crate::walk::{Job, Source};

/// Where each document's result goes.
#[derive(Clone, Debug)]
pub enum Sink {
    /// Standard output (text, json or jsonl).
    Stdout(Format),
    /// A unified diff on standard output; nothing is written.
    Diff { color: bool },
    /// A file under this directory, mirroring the input tree.
    OutDir(PathBuf, Format),
    /// The input itself.
    InPlace { backup: bool },
}

/// How to run.
pub struct Plan {
    pub sink: Sink,
    pub report: Option<PathBuf>,
    pub jobs: usize,
    pub quiet: bool,
    pub max_line_bytes: usize,
}

/// What became of one document.
#[derive(Default)]
struct Outcome {
    name: String,
    counts: Counts,
    stdout: Vec<u8>,
    /// The JSON report of the document, without the text, for --report.
    report: Option<String>,
    notes: Vec<String>,
    error: Option<String>,
}

/// Totals of a run, for the summary.
#[derive(Default)]
struct Totals {
    /// Documents cleaned.
    cleaned: usize,
    /// Documents and inputs that failed.
    failed: usize,
    input_bytes: usize,
    edits: usize,
    removals: usize,
}

/// Runs `jobs`; `failed` are the inputs that already failed (directories without matches).
/// Returns the number of failures.
pub fn run(
    cleaner: &putsa::Cleaner,
    plan: &Plan,
    jobs: Vec<Job>,
    failed: Vec<(String, String)>,
) -> anyhow::Result<usize> {
    let started = Instant::now();
    let batch = jobs.len() + failed.len() > 1;
    let mut totals = Totals {
        failed: failed.len(),
        ..Totals::default()
    };
    let stderr_note = |line: &str, bar: &Option<indicatif::ProgressBar>| match bar {
        Some(b) => b.println(line),
        None => eprintln!("{line}"),
    };
    for (name, error) in &failed {
        eprintln!("putsa: {name}: {error}");
    }
    let targets = out_paths(&jobs, &plan.sink);
    let mut report = plan
        .report
        .as_ref()
        .map(|p| Report::start(p, &failed))
        .transpose()?;
    let bar = (batch && !plan.quiet && io::stderr().is_terminal()).then(|| {
        let style = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files, {elapsed} (eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        indicatif::ProgressBar::new(jobs.len() as u64).with_style(style)
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.jobs)
        .build()?;
    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Outcome)>();
    let mut stdout = io::stdout().lock();
    if let Sink::Stdout(Format::Jsonl) = plan.sink {
        // A pipeline sees every input on standard output, the ones that gave no document too.
        for (name, error) in &failed {
            writeln!(stdout, "{}", render::failure(name, error))?;
        }
    }
    std::thread::scope(|s| -> anyhow::Result<()> {
        let (jobs, targets, stop) = (&jobs, &targets, &stop);
        s.spawn(move || {
            pool.install(|| {
                // par_bridge hands out documents in input order, so the reorder buffer
                // below stays about as small as the number of jobs.
                jobs.iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, job)| {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let outcome = process(
                            cleaner,
                            plan,
                            job,
                            targets.get(i).cloned().flatten(),
                            report_wanted(plan),
                        );
                        let _ = tx.send((i, outcome));
                    })
            })
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(o) = pending.remove(&next) {
                next += 1;
                if let Some(b) = &bar {
                    b.inc(1);
                }
                totals.input_bytes += o.counts.input_bytes;
                totals.edits += o.counts.edits;
                totals.removals += o.counts.removals;
                if let Some(e) = &o.error {
                    totals.failed += 1;
                    stderr_note(&format!("putsa: {}: {e}", o.name), &bar);
                } else {
                    totals.cleaned += 1;
                }
                if o.error.is_none() && !plan.quiet {
                    for n in &o.notes {
                        stderr_note(&format!("putsa: {}: {n}", o.name), &bar);
                    }
                }
                if let Err(e) = stdout.write_all(&o.stdout) {
                    // A closed pipe (`putsa … | head`) ends the run quietly.
                    stop.store(true, Ordering::Relaxed);
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        return Err(e.into());
                    }
                }
                if let Some(r) = &mut report {
                    if let Err(e) = r.add(&o) {
                        // Stop the workers too, or the scope waits for the whole batch.
                        stop.store(true, Ordering::Relaxed);
                        return Err(e.into());
                    }
                }
            }
        }
        Ok(())
    })?;
    if stop.load(Ordering::Relaxed) {
        return Ok(totals.failed);
    }
    let _ = stdout.flush();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let seconds = started.elapsed().as_secs_f64();
    if let Some(r) = report {
        r.finish(&totals, seconds)?;
    }
    if batch && !plan.quiet {
        eprintln!("{}", summary(&totals, seconds));
    }
    Ok(totals.failed)
}

fn report_wanted(plan: &Plan) -> bool {
    plan.report.is_some()
}

fn summary(t: &Totals, seconds: f64) -> String {
    let mb = t.input_bytes as f64 / 1e6;
    format!(
        "putsa: {} cleaned, {} failed; {:.2} MB, {} edits ({} removals) in {:.2} s, {:.2} MB/s",
        t.cleaned,
        t.failed,
        mb,
        t.edits,
        t.removals,
        seconds,
        mb / seconds.max(1e-9)
    )
}

/// Each job's output path under --out-dir, or None (and a failure) where two would collide.
fn out_paths(jobs: &[Job], sink: &Sink) -> Vec<Option<PathBuf>> {
    let Sink::OutDir(dir, format) = sink else {
        return Vec::new();
    };
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    jobs.iter()
        .enumerate()
        .map(|(i, job)| {
            let mut p = dir.join(&job.relative);
            if *format == Format::Json {
                p.set_extension("json");
            }
            match seen.entry(p.clone()) {
                std::collections::hash_map::Entry::Occupied(_) => None,
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                    Some(p)
                }
            }
        })
        .collect()
}

/// One document, start to end. Never panics on bad input; every failure is a message.
fn process(
    cleaner: &putsa::Cleaner,
    plan: &Plan,
    job: &Job,
    target: Option<PathBuf>,
    report: bool,
) -> Outcome {
    let name = job.name();
    let mut outcome = Outcome {
        name: name.clone(),
        ..Outcome::default()
    };
    let fail = |mut o: Outcome, e: String| {
        if let Sink::Stdout(Format::Jsonl) = plan.sink {
            o.stdout = (render::failure(&o.name, &e) + "\n").into_bytes();
        }
        o.error = Some(e);
        o
    };
    if let (Sink::OutDir(..), None) = (&plan.sink, &target) {
        return fail(
            outcome,
            "another input has the same output path under --out-dir".into(),
        );
    }
    let bytes = match read(&job.source, plan.max_line_bytes) {
        Ok(b) => b,
        Err(e) => return fail(outcome, e),
    };
    outcome.counts.input_bytes = bytes.len();
    let decoded = match putsa::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return fail(outcome, e.to_string()),
    };
    drop(bytes);
    let cleaned = cleaner.clean(&decoded.text);
    outcome.counts = Counts::of(&cleaned);
    outcome.notes = decoded.notes.clone();
    if outcome.counts.mojibake_repaired > 0 {
        outcome.notes.push(format!(
            "repaired mojibake (UTF-8 read as Windows-1252) in {} words",
            outcome.counts.mojibake_repaired
        ));
    }
    if report {
        outcome.report = Some(render::json(&name, &decoded, &cleaned, false));
    }
    let written = match &plan.sink {
        Sink::Stdout(Format::Text) => {
            outcome.stdout = cleaned.text.into_bytes();
            Ok(())
        }
        Sink::Stdout(Format::Json | Format::Jsonl) => {
            outcome.stdout = (render::json(&name, &decoded, &cleaned, true) + "\n").into_bytes();
            Ok(())
        }
        Sink::Diff { color } => {
            outcome.stdout = render::diff(&name, &decoded.text, &cleaned.text, *color).into_bytes();
            Ok(())
        }
        Sink::OutDir(_, format) => {
            let target = target.unwrap_or_default();
            let body = match format {
                Format::Json => render::json(&name, &decoded, &cleaned, true) + "\n",
                _ => cleaned.text,
            };
            write_out(job, &target, body.as_bytes())
        }
        Sink::InPlace { backup } => match &job.source {
            // Unchanged and already UTF-8: nothing to write, no backup to keep.
            Source::File(_) if decoded.text == cleaned.text && decoded.notes.is_empty() => Ok(()),
            Source::File(p) => output::rewrite(p, cleaned.text.as_bytes(), *backup),
            Source::Stdin => {
                outcome.stdout = cleaned.text.into_bytes();
                Ok(())
            }
        },
    };
    match written {
        Ok(()) => outcome,
        Err(e) => {
            outcome.report = None;
            fail(outcome, e)
        }
    }
}

fn write_out(job: &Job, target: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    let perms = match &job.source {
        Source::File(p) => {
            // Writing over the input is --in-place's job, with its backup.
            if let (Ok(a), Ok(b)) = (p.canonicalize(), target.canonicalize()) {
                if a == b {
                    return Err(format!(
                        "output {} is the input itself; use --in-place",
                        target.display()
                    ));
                }
            }
            std::fs::metadata(p).ok().map(|m| m.permissions())
        }
        Source::Stdin => None,
    };
    output::write_atomic(target, bytes, perms)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// Reads a document, refusing a line longer than `max_line` bytes as soon as it is seen
/// (so a huge file without line breaks costs `max_line` bytes, not its size) and stopping
/// at a NUL byte (a binary file; decoding names it).
fn read(source: &Source, max_line: usize) -> Result<Vec<u8>, String> {
    let mut reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e)
                if p.symlink_metadata()
                    .is_ok_and(|m| m.file_type().is_symlink()) =>
            {
                return Err(format!("cannot read: broken symbolic link ({e})"));
            }
            Err(e) => return Err(format!("cannot read: {e}")),
        },
    };
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let (mut line, mut line_len) = (1usize, 0usize);
    let mut utf16 = None;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.raw_os_error() == Some(21) => {
                return Err("cannot read: is a directory".into())
            }
            Err(e) => return Err(format!("cannot read: {e}")),
        };
        let part = &chunk[..n];
        bytes.extend_from_slice(part);
        let is_utf16 = *utf16.get_or_insert_with(|| {
            bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff")
        });
        if !is_utf16 && part.contains(&0) {
            break;
        }
        for &b in part {
            if b == b'\n' || b == b'\r' {
                line += usize::from(b == b'\n');
                line_len = 0;
            } else {
                line_len += 1;
                if line_len > max_line {
                    return Err(format!(
                        "line {line} is longer than {max_line} bytes (--max-line-bytes): not line-oriented OCR text"
                    ));
                }
            }
        }
    }
    Ok(bytes)
}

/// The --report file, written as the documents come in and renamed into place at the end.
struct Report {
    path: PathBuf,
    file: io::BufWriter<tempfile::NamedTempFile>,
    first: bool,
    failures: Vec<(String, String)>,
}

impl Report {
    fn start(path: &Path, failed: &[(String, String)]) -> anyhow::Result<Report> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".putsa-report-")
            .tempfile_in(&dir)
            .map_err(|e| {
                // tempfile names its random file; the user knows only the report's name.
                let e = e.to_string();
                let e = e.split(" at path ").next().unwrap_or_default();
                anyhow::anyhow!("cannot write report {}: {e}", path.display())
            })?;
        let mut file = io::BufWriter::new(tmp);
        write!(file, "{{\"version\":{},\"documents\":[", render::VERSION)?;
        Ok(Report {
            path: path.to_path_buf(),
            file,
            first: true,
            failures: failed.to_vec(),
        })
    }

    fn add(&mut self, o: &Outcome) -> io::Result<()> {
        if let Some(e) = &o.error {
            self.failures.push((o.name.clone(), e.clone()));
        }
        if let Some(doc) = &o.report {
            if !self.first {
                self.file.write_all(b",\n")?;
            } else {
                self.file.write_all(b"\n")?;
            }
            self.first = false;
            self.file.write_all(doc.as_bytes())?;
        }
        Ok(())
    }

    fn finish(mut self, t: &Totals, seconds: f64) -> anyhow::Result<()> {
        #[derive(serde::Serialize)]
        struct Failure<'a> {
            path: &'a str,
            error: &'a str,
        }
        #[derive(serde::Serialize)]
        struct Summary {
            cleaned: usize,
            failed: usize,
            input_bytes: usize,
            edits: usize,
            removals: usize,
            seconds: f64,
        }
        let failures: Vec<Failure> = self
            .failures
            .iter()
            .map(|(path, error)| Failure { path, error })
            .collect();
        let summary = Summary {
            cleaned: t.cleaned,
            failed: t.failed,
            input_bytes: t.input_bytes,
            edits: t.edits,
            removals: t.removals,
            seconds,
        };
        write!(
            self.file,
            "\n],\"failures\":{},\"summary\":{}}}\n",
            serde_json::to_string(&failures)?,
            serde_json::to_string(&summary)?
        )?;
        let tmp = self.file.into_inner().map_err(|e| e.into_error())?;
        tmp.as_file().sync_data()?;
        tmp.persist(&self.path)?;
        Ok(())
    }
}
