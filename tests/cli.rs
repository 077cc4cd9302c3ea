//! The command line as a user runs it: formats, files, stdin, and errors that name the file.

use std::io::Write;
use std::process::{Command, Stdio};

fn zhibiao(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run zhibiao");
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhibiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const ARTICLE: &str =
    "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。地区生产总值752.1亿元。";

#[test]
fn json_is_the_documented_schema() {
    let (code, out, err) = zhibiao(&["--format", "json"], Some(ARTICLE.as_bytes()));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let art = &v["articles"][0];
    assert_eq!(art["source"], "-");
    let cards = art["cards"].as_array().unwrap();
    assert_eq!(cards[0]["metric"], "规上工业增加值");
    let f = &cards[0]["facts"][0];
    assert_eq!(f["kind"], "change");
    assert_eq!(f["value"], 8.4);
    assert_eq!(f["unit"], "%");
    assert_eq!(f["basis"], "同比");
    let g = &cards[0]["facts"][1];
    assert_eq!(
        (g["kind"].as_str(), g["versus"].as_str()),
        (Some("gap"), Some("全国"))
    );
    let level = &cards[1]["facts"][0];
    assert_eq!(level["value"], 75_210_000_000.0);
    assert_eq!(level["display"], "752.1亿元");
    // Spans are code points of the input.
    let span = f["span"].as_array().unwrap();
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    let quoted: String = ARTICLE.chars().skip(s).take(e - s).collect();
    assert!(quoted.ends_with("同比增长8.4%"), "{quoted}");
}

#[test]
fn every_format_prints() {
    let path = temp("a.txt", ARTICLE.as_bytes());
    let p = path.to_str().unwrap();
    let (code, text, _) = zhibiao(&[p], None);
    assert_eq!(code, 0);
    assert!(
        text.contains("规上工业增加值") && text.contains("同比 +8.4%"),
        "{text}"
    );
    let (_, csv, _) = zhibiao(&["--format", "csv", p], None);
    assert!(csv.starts_with("source,metric,"));
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let (_, md, _) = zhibiao(&["-f", "md", p], None);
    assert!(
        md.starts_with("| metric |") && md.contains("| 规上工业增加值 |"),
        "{md}"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_runs() {
    let good = temp("good.txt", ARTICLE.as_bytes());
    let latin1 = temp("bad.txt", &[0xC4, 0xE3, 0xBA, 0xC3, 0xff, 0xfe]);
    let (code, out, err) = zhibiao(
        &[
            "--format",
            "json",
            "/no/such/file.txt",
            latin1.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(
        lines[0],
        "zhibiao: /no/such/file.txt: cannot read: no such file"
    );
    assert!(lines[1].contains("bad.txt: not UTF-8"), "{err}");
    // Several files are a batch: a closing summary.
    assert!(
        lines[2].starts_with("zhibiao: 1 article, 3 facts, ")
            && lines[2].ends_with("; 2 files refused (1 no such file, 1 not text)"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
}

/// A fresh empty directory for one test.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhibiao-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sources(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one article a line");
            v["source"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_directory_runs_to_the_end_and_names_every_problem() {
    let dir = temp_dir("walk");
    let d = dir.to_str().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    write("a.txt", ARTICLE.as_bytes());
    write(
        "b/c.md",
        "# 标题\n\n全市社会消费品零售总额同比增长5.2%。".as_bytes(),
    );
    write(
        "b/d.HTML",
        "<p>出口总额1.2万亿元，同比增长3%。</p>".as_bytes(),
    );
    write("b/e.pdf", b"%PDF not an article ending");
    write("f.htm", &[0x66, 0x6f, 0x80, 0x81, 0xfe, 0xff, 0x00, 0x9f]);
    let (gbk, _, _) = encoding_rs::GBK.encode(ARTICLE);
    write("g.txt", &gbk);
    std::os::unix::fs::symlink(dir.join("gone"), dir.join("h.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("b"), dir.join("i.txt")).unwrap();
    let fifo = dir.join("j.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // A directory that cannot be listed; root reads it anyway, so it counts only for others.
    let locked = dir.join("k");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("l.txt"), ARTICLE).unwrap();
    let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    if !root {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }

    let (code, out, err) = zhibiao(&["--format", "jsonl", "--jobs", "2", d], None);
    assert_eq!(code, 1, "{err}");
    let mut want = vec!["a.txt", "b/c.md", "b/d.HTML", "g.txt"];
    if root {
        want.push("k/l.txt");
    }
    let want: Vec<String> = want.iter().map(|n| format!("{d}/{n}")).collect();
    assert_eq!(sources(&out), want, "{out}");
    let problems = [
        format!("zhibiao: {d}/f.htm: not UTF-8 text"),
        format!("zhibiao: {d}/g.txt: decoded from gb18030 (not UTF-8)"),
        format!("zhibiao: {d}/h.txt: cannot read: no such file"),
        format!("zhibiao: {d}/i.txt: is a directory, not an article"),
        format!("zhibiao: {d}/j.txt: not a regular file"),
    ];
    let lines: Vec<&str> = err.lines().collect();
    for (line, want) in lines.iter().zip(&problems) {
        assert!(
            line.to_lowercase().starts_with(&want.to_lowercase()),
            "{line} / {want}"
        );
    }
    let refused = if root {
        "4 files refused (1 a directory, 1 no such file, 1 not a regular file, 1 not text)"
    } else {
        "5 files refused (1 a directory, 1 no such file, 1 not a regular file, 1 not text, 1 permission denied)"
    };
    let summary = lines.last().unwrap();
    assert!(summary.ends_with(refused), "{err}");
    assert!(
        summary.contains("1 decoded from a legacy encoding"),
        "{err}"
    );
    assert!(
        !err.contains('\r'),
        "no progress bar when stderr is no terminal: {err:?}"
    );
    assert_eq!(
        lines.len(),
        problems.len() + usize::from(!root) + 1,
        "{err}"
    );
}

#[test]
fn threads_change_nothing_in_the_output() {
    let dir = temp_dir("jobs");
    for i in 0..60 {
        // Uneven lengths, so later files often finish first.
        let body = ARTICLE.repeat(1 + (i * 7) % 40);
        let text = format!("第{i}篇\n全市实现地区生产总值{i}.5亿元。\n{body}");
        std::fs::write(dir.join(format!("{i:02}.txt")), text).unwrap();
    }
    let d = dir.to_str().unwrap();
    for format in ["jsonl", "json", "csv", "text"] {
        let (code, one, _) = zhibiao(&["-f", format, "--jobs", "1", d], None);
        assert_eq!(code, 0);
        for jobs in ["2", "7"] {
            let (_, many, _) = zhibiao(&["-f", format, "--jobs", jobs, d], None);
            assert!(one == many, "{format} with {jobs} jobs differs from one");
        }
    }
    let (_, jsonl, err) = zhibiao(&["-f", "jsonl", d], None);
    assert_eq!(jsonl.lines().count(), 60);
    assert!(err.starts_with("zhibiao: 60 articles, "), "{err}");
}

#[test]
fn one_long_file_read_in_parts_is_the_same_on_any_thread_count() {
    // About 1.5 MB, well over what is read in parts; each paragraph states new figures, under
    // headings and periods that carry over the lines after them.
    let mut text = String::from("全市经济运行情况\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "（{}）第{i}项\n{}年，全市实现地区生产总值{i}.5亿元，同比增长{}.{}%。\n其中，第二产业增长{}.2%。\n{ARTICLE}\n",
            i % 9 + 1,
            1990 + i % 30,
            i % 8,
            i % 10,
            i % 7,
        ));
    }
    let path = temp("long.txt", text.as_bytes());
    let p = path.to_str().unwrap();
    let (code, one, _) = zhibiao(&["-f", "json", "--jobs", "1", p], None);
    assert_eq!(code, 0);
    assert!(one.len() > 1_000_000, "{} bytes of JSON", one.len());
    for jobs in ["2", "5"] {
        let (_, many, _) = zhibiao(&["-f", "json", "--jobs", jobs, p], None);
        assert!(
            one == many,
            "one long file on {jobs} threads differs from one"
        );
    }
    let (_, piped, _) = zhibiao(&["-f", "json", "--jobs", "3"], Some(text.as_bytes()));
    assert!(piped.replace("\"-\"", "\"x\"") == one.replace(&format!("\"{p}\""), "\"x\""));
}

#[test]
fn one_file_has_no_summary_and_a_terminal_gets_a_bar() {
    let path = temp("one.txt", ARTICLE.as_bytes());
    let (code, _, err) = zhibiao(&["-f", "jsonl", path.to_str().unwrap()], None);
    assert_eq!((code, err.as_str()), (0, ""));
    // script(1) gives the run a terminal; without it there is nothing to show.
    let dir = temp_dir("tty");
    for i in 0..3 {
        std::fs::write(dir.join(format!("{i}.txt")), ARTICLE.repeat(2000)).unwrap();
    }
    let cmd = format!(
        "{} -f jsonl --jobs 1 {} >/dev/null",
        env!("CARGO_BIN_EXE_zhibiao"),
        dir.display()
    );
    let Ok(run) = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
    else {
        eprintln!("no script(1): the terminal case is not run");
        return;
    };
    let screen = String::from_utf8_lossy(&run.stdout);
    assert!(screen.contains("\r[#"), "{screen:?}");
    assert!(screen.contains("3 articles, "), "{screen:?}");
}

#[test]
fn empty_article_is_an_empty_list() {
    let (code, out, _) = zhibiao(&["--format", "json"], Some(b""));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"][0]["cards"].as_array().unwrap().len(), 0);
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = zhibiao(&["--format", "xml"], Some(b""));
    assert_eq!(code, 2);
    assert!(err.contains("unknown format 'xml'"));
    let (code, _, err) = zhibiao(&["--jobs", "0"], Some(b""));
    assert_eq!(code, 2);
    assert!(err.contains("--jobs needs a number of threads, 1 or more, not '0'"));
    let (code, out, _) = zhibiao(&["--help"], None);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: zhibiao"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Arbitrary bytes on stdin: an answer (cards, or a one-line refusal), never a crash.
    #[test]
    fn arbitrary_bytes_never_crash(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
        let (code, out, err) = zhibiao(&["--format", "json"], Some(&bytes));
        proptest::prop_assert!(code == 0 || code == 1, "exit {code}: {err}");
        if code == 0 {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            proptest::prop_assert!(v["articles"].is_array());
        } else {
            proptest::prop_assert!(err.starts_with("zhibiao: -: "), "{err}");
            proptest::prop_assert_eq!(err.lines().count(), 1);
        }
    }
}

/// Two releases of one city a year apart, written for the project in the style of seeds 001
/// and 002 (the same measure worded 规模以上 and 规上).
const YEAR_2023: &str = "工业经济回升向好\n2023年，全市工业经济总体呈现回升向好态势。\n“稳”，工业运行稳中向好。规模以上工业增加值同比增长9.0%，高于全省平均1.9个百分点。";
const YEAR_2024: &str = "工业运行质效实现新提升\n2025年03月20日 10:30\n2024年，全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。";

#[test]
fn compare_lines_up_one_measure_across_articles_in_period_order() {
    // Given in reverse order: the columns still run in time.
    let b = temp("cmp-2024.txt", YEAR_2024.as_bytes());
    let a = temp("cmp-2023.txt", YEAR_2023.as_bytes());
    let (code, out, err) = zhibiao(
        &[
            "compare",
            "--format",
            "json",
            b.to_str().unwrap(),
            a.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let table: serde_json::Value = serde_json::from_str(&out).unwrap();
    let row = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "change")
        .expect("a row of changes");
    assert!(row["metric"].as_str().unwrap().contains("工业增加值"));
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["when"].as_str().unwrap())
        .collect();
    assert_eq!(columns, ["2023", "2024"]);
    let texts = [YEAR_2024, YEAR_2023];
    let mut values = Vec::new();
    for cells in row["cells"].as_array().unwrap() {
        let cell = &cells[0];
        values.push(cell["value"].as_f64().unwrap());
        // Each cell is tied to its words in its own article.
        let text: Vec<char> = texts[cell["article"].as_u64().unwrap() as usize]
            .chars()
            .collect();
        let [s, e] = [0, 1].map(|i| cell["span"][i].as_u64().unwrap() as usize);
        let words: String = text[s..e].iter().collect();
        assert_eq!(words, cell["text"].as_str().unwrap());
        assert!(words.contains(&cell["display"].as_str().unwrap().to_string()));
    }
    assert_eq!(values, [9.0, 8.4]);
    // The same table for people, in Markdown and in CSV.
    let files = [a.to_str().unwrap(), b.to_str().unwrap()];
    let (_, text, _) = zhibiao(&["compare", files[0], files[1]], None);
    let line = text
        .lines()
        .find(|l| l.contains("工业增加值 · 增长"))
        .unwrap();
    assert!(
        line.find("9.0%").unwrap() < line.find("8.4%").unwrap(),
        "{text}"
    );
    assert!(text.contains("«规模以上工业增加值同比增长9.0%»"), "{text}");
    let (_, md, _) = zhibiao(&["compare", "-f", "md", files[0], files[1]], None);
    assert!(md.starts_with("| metric | 2023 | 2024 |"), "{md}");
    let (_, csv, _) = zhibiao(&["compare", "-f", "csv", files[0], files[1]], None);
    assert!(csv.starts_with("key,metric,"));
    assert!(
        csv.lines()
            .any(|l| l.contains(",2023,2023年,") && l.contains(",9,")),
        "{csv}"
    );
}

#[test]
fn compare_puts_articles_side_by_side_when_their_period_is_the_same() {
    let a = temp(
        "city-a.txt",
        "2024年，全市规上工业增加值同比增长8.4%。".as_bytes(),
    );
    let b = temp(
        "city-b.txt",
        "2024年，全市规模以上工业增加值同比增长6.1%。".as_bytes(),
    );
    let (code, out, _) = zhibiao(
        &[
            "compare",
            "-f",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0);
    let table: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(table["by"], "articles");
    let articles: Vec<u64> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["article"].as_u64().unwrap())
        .collect();
    assert_eq!(articles, [0, 1]);
}

#[test]
fn compare_names_what_it_cannot_read_and_needs_files() {
    let a = temp("only.txt", YEAR_2023.as_bytes());
    let (code, out, err) = zhibiao(&["compare", a.to_str().unwrap(), "no-such-file.txt"], None);
    assert_eq!(code, 1);
    assert!(err.contains("no-such-file.txt"), "{err}");
    // One article has nothing to compare with: said, not an empty screen.
    assert!(
        out.contains("no metric found in two or more articles"),
        "{out}"
    );
    let (code, _, err) = zhibiao(&["compare"], None);
    assert_eq!(code, 2);
    assert!(err.contains("FILE"), "{err}");
    let (code, out, _) = zhibiao(
        &["compare", "--all", "-f", "json", a.to_str().unwrap()],
        None,
    );
    assert_eq!(code, 0);
    assert!(out.contains("\"rows\": ["), "{out}");
}
