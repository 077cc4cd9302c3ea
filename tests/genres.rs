//! What the rule cases of the genres (`tests/rules/genres_tables_pdf_copies_taiwan_wording.toml`)
//! cannot say as facts: a table fact's span is its cell, and a PDF copy's running header is no
//! section. Texts written for the project in the style of each genre (issue 9).

use zhibiao::analyze;

/// The words each fact's span quotes in the input.
fn quoted(text: &str) -> Vec<String> {
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
fn a_table_fact_spans_its_cell() {
    assert_eq!(
        quoted(COMMUNIQUE_TABLE),
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
fn a_running_header_is_no_section() {
    let article = analyze("test", ANNUAL_REPORT);
    assert!(!article.cards.is_empty());
    assert!(article
        .cards
        .iter()
        .all(|c| c.section.as_deref() != Some("某某科技股份有限公司2024年年度报告")));
}
