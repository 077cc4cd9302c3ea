//! Any input gives a sane result: no panic, spans inside the input on code-point boundaries,
//! the same output twice. A panic in wasm kills the page, so this holds for every string.

use proptest::prelude::*;
use std::time::{Duration, Instant};
use zhibiao::analyze;

/// The crate's one invariant checker (`zhibiao::check`), as a test failure.
fn check(input: &str) {
    if let Err(broken) = zhibiao::check::analysis(input) {
        panic!("{broken} for input {input:?}");
    }
}

/// Pieces that meet the rules' edges: numbers, units, bounds, markup, breaks, pinyin.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "增长",
        "下降",
        "同比",
        "8.4",
        "%",
        "％",
        "个百分点",
        "亿元",
        "万",
        "家",
        "第",
        "3",
        "位",
        "连续",
        "三",
        "年",
        "全省",
        "高于",
        "拉动",
        "从",
        "到",
        "、",
        "，",
        "。",
        "；",
        "(",
        ")",
        "（",
        "）",
        "<p>",
        "</p>",
        "<",
        ">",
        "&",
        "&#",
        ";",
        "\n",
        "\r\n",
        " ",
        "以上",
        "余",
        "约",
        "左右",
        "力争",
        "比重",
        "-",
        "1-2",
        "月",
        "日",
        ":",
        "“",
        "”",
        "tóng",
        "(bǐ)",
        "國",
        "１",
        "翻番",
        "百分之",
        "9999999999999999999999",
        "1.2.3.4",
        "0",
        "\u{0}",
        "\u{feff}",
        "😀",
        "абв",
        "العربية",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "---\ntitle: x\n---\n",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn tricky_sequences(parts in prop::collection::vec(piece(), 0..60)) {
        check(&parts.concat());
    }
}

#[test]
fn hard_inputs_from_the_issue() {
    let long_line = "增长8.4%，".repeat(20_000);
    let many_breaks = "\n".repeat(100_000);
    let big_number = format!("增长{}%", "9".repeat(10_000));
    let nested = format!("{}全市增长8%{}", "<div>".repeat(5_000), "</div>".repeat(10));
    let page = "<html><head><style>.a{color:red}</style><script>var x='增长50%';</script></head>\
                <body><p>全市规上工业增加值同比增长8.4%。</p></body></html>";
    for input in [
        "",
        "   \n\t  ",
        long_line.as_str(),
        many_breaks.as_str(),
        big_number.as_str(),
        "9999999999999999999999亿元",
        "1.2.3.4%",
        nested.as_str(),
        page,
        "metric,value\n增长,8.4%\n",
        "{\"a\": \"增长8.4%\"}",
        "Latin кириллица العربية 😀 增长5%",
        "\u{0}\u{1}\u{7}增长\u{0}5%",
        "增长5%\r\n下降3%\r高于全国1个百分点",
        "\u{feff}全市增长5%",
        // A vague lead (上百家's 上) inside the last quantity's words (1以上) made two
        // quantities overlap and panicked (found by this file's tricky_sequences).
        "1以上三%",
        "１以上三%",
        "增长10%以上百家",
        // A table's cell fact quoted its whole row though its span is the cell, and a Latin
        // line (left out as not Chinese) was read as a row (scripts/fuzz.sh analyze, CI).
        "增长\n赞5 6\nS5 6",
        // A line of amounts whose label is on the next line is a row, not furniture.
        "单位：元\n2024 年 2023 年\n金额 金额\n2,426,794,600.1 2,322,202,947.0\n营业收入合计 100% 100%",
    ] {
        check(input);
    }
    // The script's number is not an indicator; the paragraph's is.
    let a = analyze("p", page);
    let values: Vec<f64> = a
        .cards
        .iter()
        .flat_map(|c| c.facts.iter().map(|f| f.value))
        .collect();
    assert!(!values.contains(&50.0), "{values:?}");
}

/// What the fuzzer (`scripts/fuzz.sh`) found, each as the small unit it found, grown to a size
/// where the fault shows: the input must pass `check`, in linear time, with output in
/// proportion to the input (a quadratic copy is a hang in the app, or an out-of-memory).
fn fuzz_findings() -> Vec<(&'static str, String)> {
    vec![
        // quantity/number.rs: 8,808,808,… was read as one number from every comma to the end before
        // being refused as too long to be an amount.
        ("thousands separators", "8,80".repeat(50_000)),
        // text/segment.rs: a Markdown heading over a whole page made the page every card's section.
        (
            "one long heading",
            format!(
                "# {}",
                (0..5_000)
                    .map(|i| format!("第{i}项指标增长{i}%。"))
                    .collect::<String>()
            ),
        ),
        (
            "one long h1",
            format!(
                "<p>全市增长5%。</p><h1>{}</h1><p>全市增长6%。</p>",
                (0..5_000)
                    .map(|i| format!("第{i}项指标增长{i}%。"))
                    .collect::<String>()
            ),
        ),
        // read/clause.rs: a streak with no name of its own takes the sentence's last name, and
        // became that name for the next one, so each carried all the names before it.
        (
            "streaks without a name",
            format!(
                "经济总量{}",
                (0..5_000)
                    .map(|i| format!("连续{}年位居全省首位，", i % 9 + 1))
                    .collect::<String>()
            ),
        ),
        // read/name.rs: a page of words before the first number was named again, whole, for
        // every fact after it (as the topic, or as the name of 增速 and its like).
        (
            "a page before the numbers, as topic",
            format!("{}，{}", "工业产值".repeat(16_000), growth_rates(16_000)),
        ),
        (
            "a page before the numbers, as name",
            format!(
                "{}增长1%，{}",
                "工业产值".repeat(24_000),
                growth_rates(24_000)
            ),
        ),
    ]
}

/// 增速0%，增速1%，… : facts that name nothing of their own.
fn growth_rates(n: usize) -> String {
    (0..n).map(|i| format!("增速{i}%，")).collect()
}

#[test]
fn fuzz_findings_stay_fixed() {
    let mut failures = Vec::new();
    for (what, input) in fuzz_findings() {
        let start = Instant::now();
        let a = analyze("p", &input);
        let out = zhibiao::render::json(&zhibiao::Report { articles: vec![a] }).unwrap();
        let took = start.elapsed();
        if took > Duration::from_secs(2) {
            failures.push(format!("{what}: {took:?} for {} bytes", input.len()));
        }
        if out.len() > 100 * input.len() + 10_000 {
            failures.push(format!(
                "{what}: {} bytes of JSON for {} bytes",
                out.len(),
                input.len()
            ));
        }
        check(&input);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
