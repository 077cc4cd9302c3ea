//! Rule tests as data for periods that compare and for metric keys. Each case is an article
//! written for the project in the style of the corpus, and for each of its facts (in order) the
//! period as written and its `when` (or the note's start when it cannot be placed); the comment
//! says where the case came from.

use zhibiao::{analyze, key::key};

/// (origin, article, [(value, period, when or "!note start")]).
type Case = (
    &'static str,
    &'static str,
    &'static [(f64, &'static str, &'static str)],
);

const PERIODS: &[Case] = &[
    (
        "dateline with a time (seed 000): 全年 before the article's date is last year's",
        "聊城工信成绩亮眼\n2025年03月20日18:32:04 财经 1699\n全年新增高新技术企业120家。",
        &[(120.0, "全年", "2024")],
    ),
    (
        "dateline: a plan for the whole year is this year's",
        "市工信局工作要点\n2025-03-20 09:15\n全年力争新增规上工业企业100家。",
        &[(100.0, "全年", "2025")],
    ),
    (
        "dateline (issue 10 item 7): the date is never a fact's period",
        "全市工业运行情况\n2025年03月20日\n3月20日，全市规上工业增加值同比增长8.4%。",
        &[(8.4, "", "")],
    ),
    (
        "上年, 去年, 今年, 明年 against the dateline",
        "全市经济运行情况\n2024-07-15 10:00\n去年，地区生产总值增长5.1%。今年，地区生产总值预计增长5.5%。明年，力争地区生产总值增长6%。",
        &[(5.1, "去年", "2023"), (5.5, "今年", "2024"), (6.0, "明年", "2025")],
    ),
    (
        "cumulative months (js-news style): 1-8月 and 前10月",
        "统计局发布\n2021年11月18日\n1-8月，全市外贸进出口增长17.1%。前10月，零售额增长9.2%。",
        &[
            (17.1, "1-8月", "2021-01..2021-08"),
            (9.2, "前10月", "2021-01..2021-10"),
        ],
    ),
    (
        "年末 and 3月末 (cn-nbs style), with the year of the title",
        "2023年全市国民经济和社会发展统计公报\n年末全市常住人口600万人。3月末，资产负债率为56.2%。",
        &[(6_000_000.0, "年末", "2023-12-31"), (56.2, "3月末", "2023-03-31")],
    ),
    (
        "quarters and halves, with the year of a 全年 phrase",
        "全市经济运行简况\n一季度，地区生产总值增长5.2%。上半年，投资增长4%。前三季度，出口增长6%。\n2024年全年经济稳中有进。",
        &[
            (5.2, "一季度", "2024-Q1"),
            (4.0, "上半年", "2024-H1"),
            (6.0, "前三季度", "2024-01..2024-09"),
        ],
    ),
    (
        "no date anywhere: a part of a year stays unplaced and says so",
        "一季度，地区生产总值增长5.2%。",
        &[(5.2, "一季度", "!一季度: the article states no year")],
    ),
    (
        "seed 001: a paragraph opening with 2023年， sets the period of the paragraphs after it",
        "工业经济回升向好\n2023年，全市工业经济总体呈现回升向好态势。\n规模以上工业增加值同比增长9.0%。\n下一步工作\n力争规上工业增加值增长7%。",
        &[(9.0, "2023年", "2023"), (7.0, "", "")],
    ),
    (
        "seed 001: 全年 under a paragraph that opened with 2024年 says which year",
        "局长表示，2024年，全市将聚焦先进制造业。\n争取全年培育创新平台10家以上。",
        &[(10.0, "2024年全年", "2024")],
    ),
    (
        "work report: a heading's year holds under its numbered sub-headings",
        "政府工作报告\n一、2024年工作回顾\n(一)工业\n规上工业增加值增长7.1%。",
        &[(7.1, "2024年", "2024")],
    ),
    (
        "cn-nbs: a sentence opening with 1-3月份 sets the period of the rest of its paragraph",
        "1-3月份，全国规模以上工业企业利润总额增长28.3%。主营业务收入利润率为6.13%。",
        &[(28.3, "1-3月", "!1-3月: the article states no year"), (6.13, "1-3月", "!1-3月")],
    ),
    (
        "cn-nbs: 1-3月份 after 比 is a basis, not the fact's period",
        "1-4月份，全国房地产开发投资增长9.3%，增速比1-3月份加快0.2个百分点。",
        &[(9.3, "1-4月", "!"), (0.2, "1-4月", "!")],
    ),
    (
        "seed 002: 近3年 is a length of time, not a period",
        "近3年来，全市累计新增省级以上绿色制造单位32家。",
        &[(32.0, "", "")],
    ),
    (
        "jx-news: 去年同期 after 由 is the start value's period",
        "今年一季度，江西产业结构由去年同期的5.7调整为4.8。其中，第二产业增加值同比增长8.0%。",
        &[(8.0, "今年一季度", "!今年一季度: the article's date")],
    ),
];

#[test]
fn periods_resolve_against_the_article() {
    for (origin, text, wants) in PERIODS {
        let article = analyze("t", text);
        let facts: Vec<_> = article.cards.iter().flat_map(|c| &c.facts).collect();
        let got: Vec<String> = facts
            .iter()
            .map(|f| format!("{} {:?} {:?} {:?}", f.value, f.period, f.when, f.when_note))
            .collect();
        assert_eq!(facts.len(), wants.len(), "{origin}: {got:#?}");
        for (f, (value, period, when)) in facts.iter().zip(wants.iter()) {
            assert!((f.value - value).abs() < 1e-9, "{origin}: {got:#?}");
            assert_eq!(
                f.period.as_deref().unwrap_or(""),
                *period,
                "{origin}: {got:#?}"
            );
            match when.strip_prefix('!') {
                Some(note) => {
                    assert_eq!(f.when, None, "{origin}: {got:#?}");
                    let n = f.when_note.as_deref().unwrap_or("");
                    assert!(n.starts_with(note) && !n.is_empty(), "{origin}: {got:#?}");
                }
                None => {
                    assert_eq!(f.when.as_deref().unwrap_or(""), *when, "{origin}: {got:#?}");
                }
            }
        }
    }
}

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

/// (origin, wordings that share one key).
const KEYS: &[(&str, &[&str])] = &[
    (
        "seeds 001 and 002: 规模以上 = 规上, scope words dropped",
        &["规模以上工业增加值", "规上工业增加值", "全市规上工业增加值"],
    ),
    (
        "tw-news: Traditional = Simplified",
        &["零售业营业额", "零售業營業額"],
    ),
    (
        "the 增速 of X is X's change",
        &[
            "社会消费品零售总额",
            "社会消费品零售总额增速",
            "社会消费品零售总额同比增速",
        ],
    ),
    (
        "a place leading the name (cities side by side)",
        &[
            "地区生产总值",
            "聊城市地区生产总值",
            "广东地区生产总值",
            "GDP",
        ],
    ),
];

#[test]
fn wordings_of_one_measure_share_a_key() {
    for (origin, names) in KEYS {
        let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
        assert!(keys.iter().all(|k| *k == keys[0]), "{origin}: {keys:?}");
    }
    // Different measures keep different keys.
    assert_ne!(key("城镇居民人均可支配收入"), key("居民人均可支配收入"));
    assert_ne!(key("工业投资"), key("工业技改投资"));
    // The key is on every card.
    let article = analyze("t", "全市规模以上工业增加值同比增长9.0%。");
    assert_eq!(article.cards[0].key, key("规上工业增加值"));
}
