//! The command line: `zhibiao [--format FORMAT] [--jobs N] [FILE|DIR|-]...`.
//!
//! Arguments and dispatch live here; [`input`] expands them into articles and decodes each
//! file, [`batch`] runs them on several threads and prints the output in input order. A
//! file that cannot be read is named in a one-line error on stderr and skipped; the others
//! still run and the exit code is 1.

mod batch;
pub mod compare;
mod input;

use crate::model::{Article, Report};
use crate::{analyze, parallel, render};
use std::ffi::OsString;

const USAGE: &str = "usage: zhibiao [--format json|jsonl|csv|md|text] [--jobs N] [FILE|DIR|-]...
       zhibiao compare [--format text|md|csv|json] [--all] FILE...
Reads Chinese economic articles (plain text or HTML, UTF-8; GBK and Big5 are decoded), one
per file, and prints their indicator cards. A DIR is every .txt, .html, .htm and .md file
under it. With no FILE, or FILE '-', reads standard input.
  -f, --format FORMAT   text (default, for people), json, jsonl (one article a line), csv or md
  -j, --jobs N          analyse on N threads (default: every core), a long file in parts
                        too; the output is the same
      --sample          analyse the built-in sample article instead of files
  -h, --help            this help
  -V, --version         the version
Runs over several files end with a summary on stderr; a bar shows progress on a terminal.";

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// One article's JSON a line, printed as each is done: for archives and streams.
    Jsonl,
    Csv,
    Markdown,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The report in this format, or why it cannot be written.
    pub fn render(self, report: &Report) -> Result<String, String> {
        Ok(match self {
            Format::Text => render::text(report),
            Format::Json => render::json(report).map_err(|e| format!("cannot write JSON: {e}"))?,
            Format::Jsonl => report
                .articles
                .iter()
                .map(jsonl_line)
                .collect::<Result<_, _>>()?,
            Format::Csv => render::csv(report),
            Format::Markdown => render::markdown(report),
        })
    }
}

/// One article as one line of JSON, with its newline, or why it cannot be written.
fn jsonl_line(article: &Article) -> Result<String, String> {
    let mut line = serde_json::to_string(article).map_err(|e| format!("cannot write JSON: {e}"))?;
    line.push('\n');
    Ok(line)
}

/// What the arguments ask for.
#[derive(Debug, PartialEq)]
enum Command {
    Run {
        format: Format,
        /// Threads; `None` is every core.
        jobs: Option<usize>,
        inputs: Vec<OsString>,
    },
    Sample {
        format: Format,
    },
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut format = Format::Text;
    let mut jobs = None;
    let mut inputs = Vec::new();
    let mut args = args.into_iter();
    let mut only_files = false;
    let mut sample = false;
    while let Some(arg) = args.next() {
        let s = arg.to_string_lossy().into_owned();
        if only_files || s == "-" || !s.starts_with('-') {
            inputs.push(arg);
            continue;
        }
        let (flag, inline) = split_flag(&s);
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--sample" => sample = true,
            "-f" | "--format" => {
                let value = value_of(&flag, inline, &mut args, "json, jsonl, csv, md or text")?;
                format = Format::parse(&value).ok_or_else(|| {
                    format!("unknown format '{value}': use json, jsonl, csv, md or text")
                })?;
            }
            "-j" | "--jobs" => {
                let value = value_of(&flag, inline, &mut args, "a number of threads")?;
                jobs = match value.parse::<usize>() {
                    Ok(n) if n > 0 => Some(n),
                    _ => {
                        return Err(format!(
                            "--jobs needs a number of threads, 1 or more, not '{value}'"
                        ))
                    }
                };
            }
            _ => return Err(format!("unknown option '{s}'")),
        }
    }
    if sample {
        return Ok(Command::Sample { format });
    }
    if inputs.is_empty() {
        inputs.push(OsString::from("-"));
    }
    Ok(Command::Run {
        format,
        jobs,
        inputs,
    })
}

/// An option as written: `--format=json` is the flag `--format` with its value inline.
fn split_flag(s: &str) -> (String, Option<String>) {
    match s.split_once('=') {
        Some((f, v)) => (f.to_string(), Some(v.to_string())),
        None => (s.to_string(), None),
    }
}

/// The value of `flag`: after `=`, or the next argument.
fn value_of(
    flag: &str,
    inline: Option<String>,
    args: &mut impl Iterator<Item = OsString>,
    what: &str,
) -> Result<String, String> {
    match inline {
        Some(v) => Ok(v),
        None => args
            .next()
            .map(|v| v.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{flag} needs a value: {what}")),
    }
}

/// Run the CLI; returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let mut args = args.into_iter().peekable();
    if args.peek().is_some_and(|a| a == "compare") {
        args.next();
        return compare::run(args);
    }
    match parse_args(args) {
        Ok(Command::Run {
            format,
            jobs,
            inputs,
        }) => batch::run(&inputs, format, parallel::threads(jobs)),
        Ok(Command::Sample { format }) => {
            let report = Report {
                articles: vec![analyze("sample", crate::SAMPLE)],
            };
            match format.render(&report) {
                Ok(out) => {
                    print!("{out}");
                    0
                }
                Err(e) => {
                    eprintln!("zhibiao: {e}");
                    1
                }
            }
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            0
        }
        Ok(Command::Version) => {
            println!("zhibiao {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Err(e) => {
            eprintln!("zhibiao: {e}\n{USAGE}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Command-line arguments as the OS hands them, for the parsers' tests (here and in
    /// `compare`).
    pub(in crate::cli) fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_formats_and_files() {
        let cases: &[(&[&str], Result<Command, ()>)] = &[
            (
                &[],
                Ok(Command::Run {
                    format: Format::Text,
                    jobs: None,
                    inputs: args(&["-"]),
                }),
            ),
            (
                &["--format", "json", "a.txt"],
                Ok(Command::Run {
                    format: Format::Json,
                    jobs: None,
                    inputs: args(&["a.txt"]),
                }),
            ),
            (
                &["--format=csv", "-", "b"],
                Ok(Command::Run {
                    format: Format::Csv,
                    jobs: None,
                    inputs: args(&["-", "b"]),
                }),
            ),
            (
                &["-f", "md"],
                Ok(Command::Run {
                    format: Format::Markdown,
                    jobs: None,
                    inputs: args(&["-"]),
                }),
            ),
            (
                &["--", "--format"],
                Ok(Command::Run {
                    format: Format::Text,
                    jobs: None,
                    inputs: args(&["--format"]),
                }),
            ),
            (&["--help"], Ok(Command::Help)),
            (
                &["--sample", "-f", "csv"],
                Ok(Command::Sample {
                    format: Format::Csv,
                }),
            ),
            (
                &["-j", "3", "--format=jsonl", "dir"],
                Ok(Command::Run {
                    format: Format::Jsonl,
                    jobs: Some(3),
                    inputs: args(&["dir"]),
                }),
            ),
            (&["--jobs", "0"], Err(())),
            (&["--jobs=many"], Err(())),
            (&["--jobs"], Err(())),
            (&["--format", "xml"], Err(())),
            (&["--format"], Err(())),
            (&["--bogus"], Err(())),
        ];
        for (input, want) in cases {
            let got = parse_args(args(input)).map_err(|_| ());
            assert_eq!(&got, want, "args {input:?}");
        }
    }
}
