//! The article's metadata, as data: its date and where it was read (dateline, title, a 全年/
//! 年度 phrase), and lines that are never headings (bylines, furniture, bare units). Each case
//! is an article written for the project in the style of the corpus, with its origin. Periods
//! and metric keys of facts are rule cases in `tests/rules/periods_that_compare_and_keys.toml`.

use zhibiao::analyze;

/// (origin, article, the article's date and what it was read from).
type DateCase = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const DATES: &[DateCase] = &[
    (
        "seed 000: a stamp with a time under the title",
        "六项突破\n2025年03月20日18:32:04 财经 1699\n全市规上工业增加值同比增长8.4%。",
        Some(("2025-03-20", "dateline")),
    ),
    (
        "a report signed with its date at the foot",
        "政府工作报告\n规上工业增加值增长7%。\n地区生产总值增长5%。\n2025年1月19日",
        Some(("2025-01-19", "dateline")),
    ),
    (
        "seed 001: a date inside a sentence at the foot is no dateline",
        "工业报告\n规上工业增加值增长7%。\n优惠期限：即日起至2024年3月31日。",
        None,
    ),
    (
        "a statistical communiqué: the title's year",
        "2024年全市国民经济和社会发展统计公报\n全年地区生产总值增长5%。",
        Some(("2024", "title")),
    ),
    (
        "hknews: a year the title measures from is not its year",
        "首季GDP跌6.8% 1992年有纪录以来首录负增长\n一季度国内生产总值下降6.8%。",
        None,
    ),
    (
        "an annual report: the 年度 phrase",
        "公司概况\n本公司2024年度实现营业收入24.27亿元。",
        Some(("2024", "text")),
    ),
];

#[test]
fn the_article_date_and_where_it_was_read() {
    for (origin, text, want) in DATES {
        let article = analyze("t", text);
        let got = article
            .date
            .as_ref()
            .map(|d| (d.when.as_str(), serde_json::to_string(&d.from).unwrap()));
        let want = want.map(|(w, f)| (w, format!("\"{f}\"")));
        assert_eq!(got, want, "{origin}");
    }
}

#[test]
fn bylines_and_page_furniture_are_never_headings() {
    // Issue 10 item 7, from seed 000 and a bulletin's table: (origin, article).
    let cases = [
        (
            "seed 000: a byline",
            "六项突破\n齐鲁晚报·齐鲁壹点 陶春燕\n全市规上工业增加值同比增长8.4%。",
        ),
        (
            "an audio player's button",
            "六项突破\n听新闻\n全市规上工业增加值同比增长8.4%。",
        ),
        (
            "a bare unit over a table",
            "六项突破\n万吨\n全市规上工业增加值同比增长8.4%。",
        ),
    ];
    for (origin, text) in cases {
        let article = analyze("t", text);
        assert_eq!(article.cards.len(), 1, "{origin}");
        assert_eq!(article.cards[0].section, None, "{origin}");
    }
}
