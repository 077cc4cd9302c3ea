//! Rule cases for the genres beyond press releases (issue 9): tables (HTML, Markdown, a PDF
//! copy's space-aligned grid), page furniture of a PDF copy, Taiwan and Hong Kong wording.
//! Each case is a text written for the project in the style of the genre, with every fact it
//! must give and every field of each; nothing else may come out. Where a case guards a bug
//! found on a real text, its comment says which.

use zhibiao::{analyze, Bound, Kind};
use Kind::*;

/// A fact with every field the card model compares.
#[derive(Debug, Clone, PartialEq)]
struct Want {
    metric: &'static str,
    kind: Kind,
    value: f64,
    unit: &'static str,
    basis: Option<&'static str>,
    period: Option<&'static str>,
    bound: Option<Bound>,
    target: bool,
}

const fn w(metric: &'static str, kind: Kind, value: f64, unit: &'static str) -> Want {
    Want {
        metric,
        kind,
        value,
        unit,
        basis: None,
        period: None,
        bound: None,
        target: false,
    }
}

impl Want {
    const fn basis(mut self, b: &'static str) -> Want {
        self.basis = Some(b);
        self
    }
    const fn period(mut self, p: &'static str) -> Want {
        self.period = Some(p);
        self
    }
    const fn bound(mut self, b: Bound) -> Want {
        self.bound = Some(b);
        self
    }
    const fn target(mut self) -> Want {
        self.target = true;
        self
    }
}

/// Every fact of `text`, in order, equals `wants`, field by field.
fn check(text: &str, wants: &[Want]) {
    let article = analyze("test", text);
    let got: Vec<String> = article
        .cards
        .iter()
        .flat_map(|c| c.facts.iter().map(move |f| (c, f)))
        .map(|(c, f)| {
            assert!(c.subject.is_none() && f.versus.is_none(), "{c:?}");
            format!(
                "{} {:?} {} {} {:?} {:?} {:?} {}",
                c.metric, f.kind, f.value, f.unit, f.basis, f.period, f.bound, f.target
            )
        })
        .collect();
    let want: Vec<String> = wants
        .iter()
        .map(|w| {
            format!(
                "{} {:?} {} {} {:?} {:?} {:?} {}",
                w.metric,
                w.kind,
                w.value,
                w.unit,
                w.basis.map(str::to_string),
                w.period.map(str::to_string),
                w.bound,
                w.target
            )
        })
        .collect();
    assert_eq!(got, want, "«{text}»");
}

/// The cells' spans: each fact's span quotes exactly its number in the input.
fn cell_spans(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    analyze("test", text)
        .cards
        .iter()
        .flat_map(|c| c.facts.iter())
        .map(|f| chars[f.span[0]..f.span[1]].iter().collect())
        .collect()
}

/// A statistical communiqué's table saved from the web: a unit column, a 比上年增长(%) column,
/// "在总计中：" before a row label, the year in the title. The prose under it restates one row,
/// which stays one fact. (As 周口市's 2025 communiqué, table 5.)
const COMMUNIQUE_TABLE: &str = "<p><strong>表3 2024年某县主要农产品产量及其增长速度</strong></p>
<table>
<tr><td>产品名称</td><td>单位</td><td>产 量</td><td>比上年增长（%）</td></tr>
<tr><td>粮食</td><td>万吨</td><td>48.6</td><td>2.3</td></tr>
<tr><td>在总计中： 小麦</td><td>万吨</td><td>21.4</td><td>-1.2</td></tr>
<tr><td>蔬菜</td><td>万吨</td><td>133.75</td><td>5.0</td></tr>
</table>
<p>全年全县粮食产量比上年增长2.3%。</p>";

#[test]
fn an_html_table_gives_one_fact_per_cell() {
    check(
        COMMUNIQUE_TABLE,
        &[
            w("粮食产量", Level, 486000.0, "吨").period("2024年"),
            w("小麦产量", Level, 214000.0, "吨").period("2024年"),
            w("小麦产量", Change, -1.2, "%")
                .basis("比上年")
                .period("2024年"),
            w("蔬菜产量", Level, 1337500.0, "吨").period("2024年"),
            w("蔬菜产量", Change, 5.0, "%")
                .basis("比上年")
                .period("2024年"),
            w("粮食产量", Change, 2.3, "%")
                .basis("比上年")
                .period("全年"),
        ],
    );
    assert_eq!(
        cell_spans(COMMUNIQUE_TABLE),
        [
            "48.6",
            "21.4",
            "-1.2",
            "133.75",
            "5.0",
            "全年全县粮食产量比上年增长2.3%"
        ]
    );
}

/// A blog's Markdown table: the unit in the header, a change column of percentages, a 合计
/// row named after the measure, a row with an empty cell. (As the education post's tables.)
#[test]
fn a_markdown_table_with_units_in_the_header() {
    check(
        "各区常住人口如下。\n\n| 区域 | 常住人口 (万人) | 比上年增长 |\n| :--- | ---: | ---: |\n\
         | 东城区 | 70.4 | 0.6% |\n| 西城区 | 109.8 | -1.1% |\n| 合计 | 180.2 | |\n",
        &[
            w("东城区常住人口", Level, 704000.0, "人"),
            w("东城区常住人口", Change, 0.6, "%").basis("比上年"),
            w("西城区常住人口", Level, 1098000.0, "人"),
            w("西城区常住人口", Change, -1.1, "%").basis("比上年"),
            w("常住人口合计", Level, 1802000.0, "人"),
        ],
    );
}

/// Two Markdown tables with only a blank line between them are two tables; a column of years
/// as row labels gives each row's period. (The education post: its third table was read with
/// the second's header.)
#[test]
fn tables_one_after_another_and_years_as_row_labels() {
    check(
        "| 项目 | 数量 (万人) |\n| --- | ---: |\n| 小学 | 10.5 |\n\n\
         | 年份 | 毕业生 (万人) | 同比增长 |\n| --- | ---: | ---: |\n| 2023 年 | 11.6 | 7.6% |\n\
         | 2024 年 | 11.8 | 1.8% |\n",
        &[
            w("小学数量", Level, 105000.0, "人"),
            w("毕业生", Level, 116000.0, "人").period("2023年"),
            w("毕业生", Change, 7.6, "%").basis("同比").period("2023年"),
            w("毕业生", Level, 118000.0, "人").period("2024年"),
            w("毕业生", Change, 1.8, "%").basis("同比").period("2024年"),
        ],
    );
}

/// An annual report copied out of a PDF: the running header on every page and page numbers
/// are furniture; the table's header is spread over three lines (years, 同比增减, the leaf
/// measures), its unit on a 单位 line, its topic in the title; amounts with thousands
/// separators. (As 华明装备's 2025 report, 营业收入构成.)
const ANNUAL_REPORT: &str = "某某科技股份有限公司 2024 年年度报告
报告期内，公司实现营业收入 12.36 亿元，同比增长
8.25%。
8
某某科技股份有限公司 2024 年年度报告
（2） 营业收入构成
单位：元
2024 年 2023 年
同比增减
金额 占营业收入比重 金额 占营业收入比重
软件产品 812,450,300.12 65.73% 760,118,204.55 66.93% 6.88%
技术服务 423,912,007.40 34.27% 375,551,930.06 33.07% 12.88%
9
某某科技股份有限公司 2024 年年度报告
";

#[test]
fn an_annual_report_table_copied_from_a_pdf() {
    check(
        ANNUAL_REPORT,
        &[
            w("公司实现营业收入", Level, 1236000000.0, "元").period("报告期内"),
            w("公司实现营业收入", Change, 8.25, "%")
                .basis("同比")
                .period("报告期内"),
            w("软件产品营业收入", Level, 812450300.12, "元").period("2024年"),
            w("软件产品占营业收入比重", Share, 65.73, "%").period("2024年"),
            w("软件产品营业收入", Level, 760118204.55, "元").period("2023年"),
            w("软件产品占营业收入比重", Share, 66.93, "%").period("2023年"),
            w("软件产品营业收入", Change, 6.88, "%")
                .basis("同比")
                .period("2024年"),
            w("技术服务营业收入", Level, 423912007.4, "元").period("2024年"),
            w("技术服务占营业收入比重", Share, 34.27, "%").period("2024年"),
            w("技术服务营业收入", Level, 375551930.06, "元").period("2023年"),
            w("技术服务占营业收入比重", Share, 33.07, "%").period("2023年"),
            w("技术服务营业收入", Change, 12.88, "%")
                .basis("同比")
                .period("2024年"),
        ],
    );
    // The running header (2024年) and the page numbers give no fact and name no section.
    let article = analyze("test", ANNUAL_REPORT);
    assert!(article
        .cards
        .iter()
        .all(|c| c.section.as_deref() != Some("某某科技股份有限公司2024年年度报告")));
}

/// Taiwan news: 年增率 and 年成長 are changes with their basis, 衰退 a decline, 兆 is 10¹² and
/// an amount may be written in two parts (38兆2150.6億元); the currency before an amount is no
/// part of its name. (As the CNA item of 2020-12-12.)
#[test]
fn taiwan_wording() {
    check(
        "經濟部統計處今天公布，今年前9月餐飲業營業額年增率為6.8%。",
        &[w("餐饮业营业额", Change, 6.8, "%")
            .basis("年增率")
            .period("今年前9月")],
    );
    check(
        "線上購物業營業額達新台幣1894億元，年成長15.9%。",
        &[
            w("线上购物业营业额", Level, 189400000000.0, "元"),
            w("线上购物业营业额", Change, 15.9, "%").basis("年成长"),
        ],
    );
    check(
        "國內銀行放款餘額達新台幣38兆2150.6億元。",
        &[w("国内银行放款余额", Level, 38215060000000.0, "元")],
    );
    check(
        "台灣車市新車總領牌達41萬1930輛。",
        &[w("台湾车市新车总领牌", Level, 411930.0, "辆")],
    );
    check(
        "預估全球手機出貨量年衰退約8%。",
        &[w("全球手机出货量", Change, -8.0, "%")
            .basis("年衰退")
            .bound(Bound::About)
            .target()],
    );
}

/// Regressions found on the public corpus while adding the wording above.
#[test]
fn look_alikes_of_the_new_words() {
    // 年增 is a verb, but in 2019年增加值 the 年 is a date's (gd-news-2021: 2019年增速变缓).
    check(
        "2019年增加值增长3%。",
        &[w("增加值", Change, 3.0, "%").period("2019年")],
    );
    // 兆瓦 is megawatts: 兆 is no scale there.
    check(
        "新增装机容量120兆瓦。",
        &[w("装机容量", Level, 120.0, "兆瓦")],
    );
}

/// Analysis prose: a basis stated once holds for the sentence's later changes and for a 其中
/// sentence after it (as the NBS monthly release: …同比增长5.6%，集体企业增长1.9%); a later
/// change's own basis (两年平均) is its alone (gd-news-2021).
#[test]
fn a_basis_holds_for_the_changes_after_it() {
    check(
        "全市工业增加值同比增长5.6%，轻工业增长1.9%。其中，食品工业增长7.2%。",
        &[
            w("工业增加值", Change, 5.6, "%").basis("同比"),
            w("轻工业", Change, 1.9, "%").basis("同比"),
            w("食品工业", Change, 7.2, "%").basis("同比"),
        ],
    );
    check(
        "第二产业投资增长47.0%，两年平均增长4.4%。其中，制造业投资增长61.1%。",
        &[
            w("第二产业投资", Change, 47.0, "%"),
            w("第二产业投资", Change, 4.4, "%").basis("两年平均"),
            w("制造业投资", Change, 61.1, "%"),
        ],
    );
    // A new sentence that does not go on from the last starts afresh.
    check(
        "出口同比增长8.0%。进口增长3.0%。",
        &[
            w("出口", Change, 8.0, "%").basis("同比"),
            w("进口", Change, 3.0, "%"),
        ],
    );
}
