//! What the command line reads: the arguments expanded into articles (directories walked for
//! `.txt`, `.html`, `.htm` and `.md` files), and each article's bytes decoded into text, or
//! refused with a reason a person can act on.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The file endings taken from a walked directory (any case).
const ARTICLE_ENDINGS: [&str; 4] = ["txt", "html", "htm", "md"];

/// Why an input gives no article. The summary counts files by [`Refusal::kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The file as named on the command line or found in a directory.
    pub label: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Missing,
    Denied,
    /// A directory named where a file was expected (a symbolic link to one, inside a walk).
    Directory,
    /// A FIFO, socket or device found while walking a directory.
    NotRegular,
    /// Bytes that are no text we read; the message says what they look like.
    NotText(String),
    /// Any other error of the system, as it words it.
    Io(String),
    /// The engine failed on the text (a bug).
    Engine(String),
}

impl Reason {
    /// The words of the one-line error, after the file's name.
    pub fn message(&self) -> String {
        match self {
            Reason::Missing => "cannot read: no such file".into(),
            Reason::Denied => "cannot read: permission denied".into(),
            Reason::Directory => "is a directory, not an article".into(),
            Reason::NotRegular => "not a regular file (a pipe, socket or device), skipped".into(),
            Reason::NotText(why) => why.clone(),
            Reason::Io(why) => format!("cannot read: {why}"),
            Reason::Engine(why) => format!("the engine failed (please report this file): {why}"),
        }
    }

    /// The group the closing summary counts it in.
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Missing => "no such file",
            Reason::Denied => "permission denied",
            Reason::Directory => "a directory",
            Reason::NotRegular => "not a regular file",
            Reason::NotText(_) => "not text",
            Reason::Io(_) => "read error",
            Reason::Engine(_) => "engine error",
        }
    }

    fn of_io(e: &std::io::Error) -> Reason {
        match e.kind() {
            std::io::ErrorKind::NotFound => Reason::Missing,
            std::io::ErrorKind::PermissionDenied => Reason::Denied,
            std::io::ErrorKind::IsADirectory => Reason::Directory,
            _ => Reason::Io(e.to_string()),
        }
    }
}

/// One article to read, or an input already known to give none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    Refused(Refusal),
}

impl From<&OsString> for Input {
    /// `-` is standard input, anything else a file.
    fn from(arg: &OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }
}

impl Input {
    /// The name of the article in the output and in messages.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(path) => path.to_string_lossy().into_owned(),
            Input::Refused(r) => r.label.clone(),
        }
    }
}

/// The arguments as articles in order: `-` is standard input, a directory is every article
/// file under it (sorted by name, depth first), anything else is read as one article.
pub fn expand(args: &[OsString]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.push(Input::from(arg));
        }
    }
    inputs
}

/// Whether the arguments name more than one article or any directory: a batch, which gets
/// a closing summary.
pub fn is_batch(args: &[OsString], inputs: &[Input]) -> bool {
    inputs.len() > 1 || args.iter().any(|a| Path::new(a).is_dir())
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let refuse = |reason| {
        Input::Refused(Refusal {
            label: dir.to_string_lossy().into_owned(),
            reason,
        })
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return inputs.push(refuse(Reason::of_io(&e))),
    };
    let mut entries: Vec<_> = match entries.collect::<Result<_, _>>() {
        Ok(list) => list,
        Err(e) => return inputs.push(refuse(Reason::of_io(&e))),
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, inputs);
        } else if is_article_name(&path) {
            inputs.push(walked_file(path, kind.is_symlink()));
        }
    }
}

fn is_article_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_ENDINGS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// A file found in a walk: read only when it is a regular file, or a link to one (a link to
/// a directory is not followed, so a loop of links cannot trap the walk).
fn walked_file(path: PathBuf, link: bool) -> Input {
    let reason = match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => return Input::File(path),
        Ok(meta) if meta.is_dir() && link => Reason::Directory,
        Ok(_) => Reason::NotRegular,
        Err(e) => Reason::of_io(&e),
    };
    Input::Refused(Refusal {
        label: path.to_string_lossy().into_owned(),
        reason,
    })
}

/// An article's text as read.
pub struct Text {
    pub text: String,
    /// The size of the file.
    pub bytes: usize,
    /// Said on stderr without refusing the file (decoded from GB18030).
    pub note: Option<String>,
}

/// The text of one input, or why there is none.
pub fn read_text(input: &Input) -> Result<Text, Reason> {
    let bytes = read_bytes(input)?;
    let (text, note) = decode(&bytes).map_err(Reason::NotText)?;
    Ok(Text {
        text,
        bytes: bytes.len(),
        note,
    })
}

fn read_bytes(input: &Input) -> Result<Vec<u8>, Reason> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Reason::Io(format!("standard input: {e}")))?;
            Ok(buf)
        }
        Input::File(path) => std::fs::read(path).map_err(|e| Reason::of_io(&e)),
        Input::Refused(r) => Err(r.reason.clone()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn article_names_by_ending() {
        let cases = [
            ("a.txt", true),
            ("b.HTML", true),
            ("c.htm", true),
            ("d.md", true),
            ("e.pdf", false),
            ("txt", false),
            ("f.txt.gz", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_article_name(Path::new(name)), want, "{name}");
        }
    }
}
