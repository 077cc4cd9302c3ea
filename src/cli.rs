//! The command line: `zhibiao [--format json|csv|md|text] [FILE|-]...`.
//!
//! Reads each file (or stdin) as one article, prints one report for all of them. A file that
//! cannot be read is named in a one-line error on stderr and skipped; the others still run and
//! the exit code is 1.

pub mod compare;

use crate::model::Report;
use crate::{analyze, render};
use std::ffi::OsString;
use std::io::{Read, Write};

const USAGE: &str = "usage: zhibiao [--format json|csv|md|text] [FILE|-]...
       zhibiao compare [--format text|md|csv|json] [--all] FILE...
Reads Chinese economic articles (plain text or HTML, UTF-8), one per file, and prints
their indicator cards. With no FILE, or FILE '-', reads standard input.
  -f, --format FORMAT   text (default, for people), json, csv or md
      --sample          analyse the built-in sample article instead of files
  -h, --help            this help
  -V, --version         the version";

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
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
            Format::Csv => render::csv(report),
            Format::Markdown => render::markdown(report),
        })
    }
}

/// What the arguments ask for.
#[derive(Debug, PartialEq)]
enum Command {
    Run {
        format: Format,
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
        let (flag, inline) = match s.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (s.clone(), None),
        };
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--sample" => sample = true,
            "-f" | "--format" => {
                let value = match inline {
                    Some(v) => v,
                    None => args
                        .next()
                        .map(|v| v.to_string_lossy().into_owned())
                        .ok_or_else(|| format!("{flag} needs a value: json, csv, md or text"))?,
                };
                format = Format::parse(&value).ok_or_else(|| {
                    format!("unknown format '{value}': use json, csv, md or text")
                })?;
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
    Ok(Command::Run { format, inputs })
}

/// Read one input as text, or say in one line why not.
pub(crate) fn read_input(name: &OsString) -> Result<String, String> {
    let label = name.to_string_lossy();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("{label}: cannot read standard input: {e}"))?;
        buf
    } else {
        let path = std::path::Path::new(name);
        if path.is_dir() {
            return Err(format!("{label}: is a directory, not an article"));
        }
        std::fs::read(path).map_err(|e| format!("{label}: cannot read: {}", io_reason(&e)))?
    };
    let (text, note) = decode(&bytes).map_err(|e| format!("{label}: {e}"))?;
    if let Some(note) = note {
        eprintln!("zhibiao: {label}: {note}");
    }
    Ok(text)
}

/// The text of a file: UTF-8 (with or without BOM), UTF-16 with a BOM, or a legacy Chinese
/// encoding (GBK/GB18030, Big5) detected and decoded with a note. Anything else is refused
/// with its likely name, never decoded into mojibake.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), None));
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, errors) = enc.decode(bytes);
        if errors {
            return Err(format!("invalid {} text", enc.name()));
        }
        return Ok((text.into_owned(), None));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let chinese = [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5];
    if !chinese.contains(&enc) {
        return Err(format!(
            "not UTF-8 text (it looks like {}); save it as UTF-8",
            enc.name()
        ));
    }
    // GBK is decoded as its superset GB18030, which also covers the rarer characters.
    let enc = if enc == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        enc
    };
    let (text, _, errors) = enc.decode(bytes);
    if errors {
        return Err(format!(
            "not UTF-8 text, and not valid {} either; save it as UTF-8",
            enc.name()
        ));
    }
    Ok((
        text.into_owned(),
        Some(format!("decoded from {} (not UTF-8)", enc.name())),
    ))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Run the CLI; returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let mut args = args.into_iter().peekable();
    if args.peek().is_some_and(|a| a == "compare") {
        args.next();
        return compare::run(args);
    }
    let (format, inputs) = match parse_args(args) {
        Ok(Command::Run { format, inputs }) => (format, inputs),
        Ok(Command::Sample { format }) => {
            let report = Report {
                articles: vec![analyze("sample", crate::SAMPLE)],
            };
            return match format.render(&report) {
                Ok(out) => {
                    print!("{out}");
                    0
                }
                Err(e) => {
                    eprintln!("zhibiao: {e}");
                    1
                }
            };
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            return 0;
        }
        Ok(Command::Version) => {
            println!("zhibiao {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Err(e) => {
            eprintln!("zhibiao: {e}\n{USAGE}");
            return 2;
        }
    };
    let mut report = Report::default();
    let mut code = 0;
    for name in &inputs {
        match read_input(name) {
            Ok(text) => report
                .articles
                .push(analyze(&name.to_string_lossy(), &text)),
            Err(e) => {
                eprintln!("zhibiao: {e}");
                code = 1;
            }
        }
    }
    let out = match format.render(&report) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("zhibiao: {e}");
            return 1;
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (zhibiao … | head) is not an error worth a message.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn legacy_chinese_encodings_are_decoded_others_refused() {
        let text = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。地区生产总值752.1亿元。";
        for enc in [encoding_rs::GBK, encoding_rs::GB18030, encoding_rs::BIG5] {
            let (bytes, _, _) = enc.encode(text);
            let (got, note) = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", enc.name()));
            assert!(got.contains("8.4%"), "{}: {got}", enc.name());
            assert!(note.unwrap().contains("not UTF-8"));
        }
        let (plain, note) = decode(text.as_bytes()).unwrap();
        assert_eq!((plain.as_str(), note), (text, None));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert!(decode(&bom).unwrap().0.contains("8.4%"));
        // Latin-1 text is no Chinese article: refused, not decoded into nonsense.
        let err = decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e, prix \xe0 7,50 \x80").unwrap_err();
        assert!(err.contains("not UTF-8"), "{err}");
    }

    #[test]
    fn parses_formats_and_files() {
        let cases: &[(&[&str], Result<Command, ()>)] = &[
            (
                &[],
                Ok(Command::Run {
                    format: Format::Text,
                    inputs: args(&["-"]),
                }),
            ),
            (
                &["--format", "json", "a.txt"],
                Ok(Command::Run {
                    format: Format::Json,
                    inputs: args(&["a.txt"]),
                }),
            ),
            (
                &["--format=csv", "-", "b"],
                Ok(Command::Run {
                    format: Format::Csv,
                    inputs: args(&["-", "b"]),
                }),
            ),
            (
                &["-f", "md"],
                Ok(Command::Run {
                    format: Format::Markdown,
                    inputs: args(&["-"]),
                }),
            ),
            (
                &["--", "--format"],
                Ok(Command::Run {
                    format: Format::Text,
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
