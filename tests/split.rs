//! One text read in parts on several threads gives the JSON of the one-thread read, byte for
//! byte (issue 12): on the project's texts, the shared corpus when present (`ZHIBIAO_SHARED`,
//! else `../shared`), their concatenations and random concatenations of the rule cases' texts,
//! at part sizes down to a line a part; and, for each kind of state one line hands the next,
//! a text where it crosses a cut, which the join must notice (a line read again) and mend.

mod common;

use proptest::prelude::*;
use zhibiao::{analyze, analyze_in_parts, analyze_on, render, Report};

/// Part sizes in chars: a line a part, a few lines, a paragraph or two, many paragraphs.
const PART_SIZES: [usize; 5] = [1, 40, 300, 2_000, 20_000];

fn json(article: zhibiao::Article) -> String {
    render::json(&Report {
        articles: vec![article],
    })
    .expect("json")
}

/// Lines each part is read from before its start: none (every state crossing a cut is
/// mended by the join) and the CLI's.
const WARM_UPS: [usize; 2] = [0, 24];

/// A failure message for each part size and warm-up whose read differs from the whole read;
/// also the lines read again over all of them.
fn differences(label: &str, text: &str, sizes: &[usize]) -> (Vec<String>, usize) {
    let whole = json(analyze("t", text));
    let mut failures = Vec::new();
    let mut reread = 0;
    for &size in sizes {
        for warm_up in WARM_UPS {
            let (article, again) = analyze_in_parts("t", text, 3, size, warm_up);
            reread += again;
            if json(article) != whole {
                failures.push(format!(
                    "{label}: parts of {size} chars, warm-up {warm_up}, differ from the whole read"
                ));
            }
        }
    }
    (failures, reread)
}

fn assert_same(label: &str, text: &str, sizes: &[usize]) -> usize {
    let (failures, reread) = differences(label, text, sizes);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    reread
}

fn shared_corpus() -> Vec<(String, String)> {
    let shared = std::env::var("ZHIBIAO_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let mut texts = Vec::new();
    for genre in ["seeds", "public", "genres"] {
        let Ok(dir) = std::fs::read_dir(format!("{shared}/corpus/{genre}")) else {
            continue;
        };
        let mut paths: Vec<_> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push((p.display().to_string(), t));
            }
        }
    }
    texts
}

fn own_texts() -> Vec<(String, String)> {
    vec![
        ("sample".to_string(), zhibiao::SAMPLE.to_string()),
        (
            "fixture".to_string(),
            include_str!("browser/fixtures/article.txt").to_string(),
        ),
    ]
}

/// Every rule case's text (`tests/rules/*.toml`): sentences that each exercise a rule.
fn rule_texts() -> Vec<String> {
    let paths = common::rule_files();
    let mut texts = Vec::new();
    for p in paths {
        let table: toml::Table = std::fs::read_to_string(&p)
            .expect("readable")
            .parse()
            .expect("toml");
        for case in table
            .get("case")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(t) = case.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    assert!(texts.len() > 100, "only {} rule texts", texts.len());
    texts
}

#[test]
fn every_text_read_in_parts_is_read_whole() {
    let mut failures = Vec::new();
    for (label, text) in own_texts().iter().chain(&shared_corpus()) {
        failures.extend(differences(label, text, &PART_SIZES).0);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn concatenated_texts_read_in_parts_are_read_whole() {
    let mut texts: Vec<String> = own_texts().into_iter().map(|(_, t)| t).collect();
    texts.extend(shared_corpus().into_iter().map(|(_, t)| t));
    let all = texts.join("\n");
    assert_same("all texts", &all, &[50, 1_000, 30_000]);
    // Backwards, so each text follows another than before.
    texts.reverse();
    assert_same("all texts, backwards", &texts.join("\n\n"), &[700, 9_000]);
    let rules = rule_texts();
    assert_same(
        "rule texts, one a line",
        &rules.join("\n"),
        &[1, 200, 5_000],
    );
    assert_same("rule texts, one paragraph", &rules.concat(), &[1, 300]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Rule texts in a random order, joined as sentences, lines or paragraphs, read in parts of
    /// a random size.
    #[test]
    fn random_concatenations_read_in_parts_are_read_whole(
        picks in proptest::collection::vec((any::<prop::sample::Index>(), 0..4usize), 4..60),
        size in 1usize..600,
        warm_up in 0usize..4,
    ) {
        let rules = rule_texts();
        let mut text = String::new();
        for (pick, sep) in picks {
            text.push_str(&rules[pick.index(rules.len())]);
            text.push_str(["", "\n", "\n\n", "；"][sep]);
        }
        let whole = json(analyze("t", &text));
        let (article, _) = analyze_in_parts("t", &text, 2, size, warm_up);
        prop_assert_eq!(json(article), whole);
    }
}

/// Each kind of state one line hands the next, in a text cut just before the line that
/// depends on it. Read with no warm-up (no guess), the part's start is wrong there: a line is
/// read again, and the result is still the whole read's. With the CLI's warm-up the guess is
/// right (nothing read again): the long-lived states are set far back, beyond the warm-up,
/// but within the look-back for a heading and a point of view.
#[test]
fn state_crossing_a_cut_is_carried() {
    let filler = "本市持续优化营商环境，服务企业发展。\n".repeat(40);
    let cases = [
        // The point of view holds for the rest of the article.
        (
            "a point of view",
            "从各区GDP同比增速来看，各区发展稳中有进。\n",
            true,
            "东区（6.9%）、西区（6.7%）、南区（5.1%）。\n",
        ),
        // A heading's year places 今年 in an article with no date.
        (
            "a heading's year",
            "二、2023年工作回顾\n",
            true,
            "今年全市地区生产总值增长5.2%。\n",
        ),
        // A heading names the section of the cards under it.
        (
            "a section",
            "（三）对外贸易\n",
            true,
            "进出口总额增长3.1%。\n",
        ),
        // A plan's heading makes the figures under it targets.
        (
            "a plan",
            "三、2024年主要预期目标\n",
            true,
            "地区生产总值增长5%左右。\n",
        ),
        // A paragraph that opens with a period sets it for the paragraphs after it.
        (
            "a paragraph's period",
            "2023年，全市经济运行总体平稳。\n",
            false,
            "地区生产总值增长5.2%。\n",
        ),
        // A 其中 line goes on with the basis of the line before.
        (
            "a basis a 其中 goes on with",
            "规模以上工业增加值同比增长6.0%。\n",
            false,
            "其中，制造业增长7.1%。\n",
        ),
    ];
    for (what, sets, far, depends) in cases {
        let gap = if far { filler.as_str() } else { "" };
        let before = format!("全市经济运行报告\n{filler}{sets}{gap}");
        let text = format!("{before}{depends}{filler}");
        // The first cut falls on the line that depends on the state.
        let cut = before.chars().count();
        let whole = json(analyze("t", &text));
        for warm_up in WARM_UPS {
            let (article, reread) = analyze_in_parts("t", &text, 2, cut, warm_up);
            assert_eq!(json(article), whole, "{what}, warm-up {warm_up}");
            assert_eq!(
                reread > 0,
                warm_up == 0,
                "{what}, warm-up {warm_up}: {reread} lines read again"
            );
        }
    }
    // A point of view stated beyond the look-back: the guess is wrong, the join mends it.
    let far = "本市持续优化营商环境，服务企业发展。\n".repeat(500);
    let before = format!("全市经济运行报告\n从各区GDP同比增速来看，各区发展稳中有进。\n{far}");
    let text = format!("{before}东区（6.9%）、西区（6.7%）。\n{filler}");
    let (article, reread) = analyze_in_parts("t", &text, 2, before.chars().count(), 24);
    assert_eq!(json(article), json(analyze("t", &text)));
    assert!(
        reread > 0,
        "a point of view beyond the look-back was guessed"
    );
}

#[test]
fn a_text_is_the_same_on_any_thread_count() {
    assert_eq!(
        json(analyze_on("t", zhibiao::SAMPLE, 4)),
        json(analyze("t", zhibiao::SAMPLE))
    );
    let long = own_texts()
        .into_iter()
        .map(|(_, t)| t)
        .cycle()
        .take(400)
        .collect::<Vec<_>>()
        .join("\n");
    let whole = json(analyze("t", &long));
    for threads in [1, 2, 5] {
        assert_eq!(
            json(analyze_on("t", &long, threads)),
            whole,
            "{threads} threads"
        );
    }
}
