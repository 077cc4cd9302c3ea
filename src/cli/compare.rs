//! `zhibiao compare [--format text|md|csv|json] [--all] FILE...`: the compare table of the
//! articles in FILE... (each analysed as the main command does), printed.

use super::input::{read_text, Input};
use super::{split_flag, value_of, Format};
use crate::compare::{self, Options, Table};
use std::ffi::OsString;
use std::io::Write;

const USAGE: &str = "usage: zhibiao compare [--format text|md|csv|json] [--all] FILE...
Analyses each FILE (or '-' for standard input) as one article and prints one table: a row
for each metric found in two or more articles, a column for each period in time order (or
for each article when they speak of the same period), each value with the words it came from.
  -f, --format FORMAT   text (default), md, csv or json
      --all             every metric, also those found in one article only
  -h, --help            this help";

#[derive(Debug, PartialEq)]
struct Args {
    format: Format,
    options: Options,
    inputs: Vec<OsString>,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, String> {
    let mut out = Args {
        format: Format::Text,
        options: Options::default(),
        inputs: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        let s = arg.to_string_lossy().into_owned();
        if only_files || s == "-" || !s.starts_with('-') {
            out.inputs.push(arg);
            continue;
        }
        let (flag, inline) = split_flag(&s);
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "--all" => out.options.all = true,
            "-f" | "--format" => {
                let value = value_of(&flag, inline, &mut args, "text, md, csv or json")?;
                out.format = match value.to_ascii_lowercase().as_str() {
                    "text" | "txt" => Format::Text,
                    "md" | "markdown" => Format::Markdown,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    _ => {
                        return Err(format!(
                            "unknown format '{value}': use text, md, csv or json"
                        ))
                    }
                };
            }
            _ => return Err(format!("unknown option '{s}'")),
        }
    }
    if out.inputs.is_empty() {
        return Err("compare needs the articles to compare: FILE...".to_string());
    }
    Ok(Some(out))
}

/// The table in `format`: one of the four `parse_args` accepts (the main command's other
/// formats, one line per article, have no table form).
fn render(format: Format, table: &Table) -> String {
    if format == Format::Json {
        compare::json(table)
    } else if format == Format::Csv {
        compare::csv(table)
    } else if format == Format::Markdown {
        compare::markdown(table)
    } else {
        compare::text(table)
    }
}

/// Run `zhibiao compare` (the arguments after `compare`); returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("zhibiao compare: {e}\n{USAGE}");
            return 2;
        }
    };
    let mut articles = Vec::new();
    let mut code = 0;
    for name in &args.inputs {
        let input = Input::from(name);
        match read_text(&input) {
            Ok(read) => {
                if let Some(note) = read.note {
                    eprintln!("zhibiao: {}: {note}", input.label());
                }
                articles.push(crate::analyze(&input.label(), &read.text));
            }
            Err(reason) => {
                eprintln!("zhibiao: {}: {}", input.label(), reason.message());
                code = 1;
            }
        }
    }
    let table = compare::table(&articles, args.options);
    let out = render(args.format, &table);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::tests::args;

    #[test]
    fn parses_formats_options_and_files() {
        let got = parse_args(args(&["-f", "csv", "--all", "a.txt", "b.txt"]))
            .unwrap()
            .unwrap();
        assert_eq!(got.format, Format::Csv);
        assert!(got.options.all);
        assert_eq!(got.inputs, args(&["a.txt", "b.txt"]));
        assert_eq!(
            parse_args(args(&["--format=json", "a"]))
                .unwrap()
                .unwrap()
                .format,
            Format::Json
        );
        assert_eq!(parse_args(args(&["--help"])), Ok(None));
        for bad in [
            &[][..],
            &["--format", "xml", "a"],
            &["--bogus", "a"],
            &["-f"],
        ] {
            assert!(parse_args(args(bad)).is_err(), "{bad:?}");
        }
    }
}
