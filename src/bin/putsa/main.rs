//! The `putsa` command line: arguments, files, rendering. No cleaning logic lives here: the
//! library cleans, decodes and explains; this binary walks, schedules, writes and prints.
//!
//! - `args`: what clap reads — `config`: putsa.toml under the flags — `walk`: paths to
//!   documents — `batch`: the parallel run, in input order — `output`: atomic writes and
//!   backups — `render`: text, JSON, diff — `explain`: `putsa explain WORD`.

mod args;
mod batch;
mod config;
mod explain;
mod output;
mod render;
mod walk;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use args::{Args, ColorChoice, Command, Format};
use batch::{Plan, Sink};

/// Exit status: some inputs failed.
const FAILED: u8 = 1;
/// Exit status: the command line or the settings are wrong (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(Usage(e)) => {
            eprintln!("putsa: error: {}", chain(&e));
            ExitCode::from(USAGE)
        }
    }
}

/// The error and its causes, each said once (some errors repeat their cause's message).
fn chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// A usage or settings error: exit 2.
struct Usage(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Usage {
    fn from(e: E) -> Usage {
        Usage(e.into())
    }
}

fn usage(msg: &str) -> Usage {
    Usage(anyhow::anyhow!("{msg}"))
}

fn run(args: Args) -> Result<u8, Usage> {
    if let Some(Command::Explain {
        word,
        context,
        words,
    }) = &args.command
    {
        // The lexicon a cleaning run here would use: putsa.toml's word files and --words.
        let settings = args::SettingArgs {
            words: words.clone(),
            ..Default::default()
        };
        let cleaner = config::cleaner(&settings)?;
        print!(
            "{}",
            explain::render(cleaner.lexicon(), word, context.as_deref())
        );
        return Ok(0);
    }
    let cleaner = config::cleaner(&args.settings)?;
    let stdin_count = args.inputs.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(usage("standard input (\"-\") can be read only once"));
    }
    let sink = sink(&args, stdin_count)?;
    let (jobs, failed) = walk::collect(&args.inputs, &args.glob, args.out_dir.as_deref());
    let plan = Plan {
        sink,
        report: args.report.clone(),
        jobs: args
            .jobs
            .map(usize::from)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        quiet: args.quiet,
        max_line_bytes: args.max_line_bytes,
    };
    // An I/O error of the run itself (standard output, the report file) ends it: not a
    // usage error, but not "all done" either.
    let failures = match batch::run(&cleaner, &plan, jobs, failed) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("putsa: error: {}", chain(&e.context("run aborted")));
            return Ok(FAILED);
        }
    };
    Ok(if failures > 0 { FAILED } else { 0 })
}

/// Where the documents go: the one place the output modes are chosen (and combinations
/// that cannot work are usage errors).
fn sink(args: &Args, stdin_count: usize) -> Result<Sink, Usage> {
    let single = args.inputs.len() == 1 && (stdin_count == 1 || !args.inputs[0].is_dir());
    Ok(if args.diff {
        Sink::Diff {
            color: color(args.color),
        }
    } else if let Some(dir) = &args.out_dir {
        if stdin_count > 0 {
            return Err(usage(
                "--out-dir takes files and directories, not standard input",
            ));
        }
        if args.format == Format::Jsonl {
            return Err(usage(
                "--format jsonl writes to standard output; leave out --out-dir",
            ));
        }
        Sink::OutDir(dir.clone(), args.format)
    } else if args.in_place {
        if stdin_count > 0 {
            return Err(usage("--in-place cannot rewrite standard input"));
        }
        if args.format != Format::Text {
            return Err(usage(
                "--in-place writes text; use --report FILE for the JSON report",
            ));
        }
        Sink::InPlace {
            backup: !args.no_backup,
        }
    } else {
        if !single && args.format != Format::Jsonl {
            return Err(usage(
                "a directory or several inputs need --out-dir DIR, --in-place, --format jsonl or --diff (standard output takes one document)",
            ));
        }
        Sink::Stdout(args.format)
    })
}

/// Colour on a terminal unless NO_COLOR is set (https://no-color.org), or as asked.
fn color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}
