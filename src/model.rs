//! The card model: what the engine gives, what the CLI prints as JSON and what the app shows.
//!
//! Field names are a contract with `../shared/eval/score.py` and with the app's JSON export:
//! `articles[].cards[].{metric, subject, span, facts[].{kind, value, unit, basis, versus, bound,
//! target, period, from, text, span}}`; later optional additions are the article's `date`, a
//! card's `key` and a fact's `when` and `when_note`. Spans are `[start, end)` in Unicode code
//! points of the original input, before any normalisation.
//!
//! With the `ts` feature every type also derives its TypeScript declaration (tsify) for the npm
//! package (`js/`), absent values typed `null` as that package and the JSON give them.

use serde::{Deserialize, Serialize};

/// A whole run: one entry per input article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Report {
    pub articles: Vec<Article>,
}

/// The cards of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Article {
    /// Where the text came from: a file name, `-` for stdin, or a label the app chooses.
    pub source: String,
    pub title: Option<String>,
    /// When the article appeared or which year it is about, and what that was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<ArticleDate>,
    pub cards: Vec<Card>,
    /// The parts of the input not read as the article (page furniture), so a reader can see
    /// what was left out and include it back ([`crate::Options::include`]). Absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<Excluded>,
}

/// A part of the input left out as page furniture, or included back by the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Excluded {
    /// The marker found (相关阅读, 责任编辑, 版权所有) or the kind of line: `date`, `counters`,
    /// `byline`, `address`, `markup`, `not-chinese`.
    pub reason: String,
    /// The marker ends the article: the span runs to the end of the input.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tail: bool,
    /// Read after all, because the reader asked for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub included: bool,
    /// `[start, end)` in code points of the input, like every span.
    pub span: [usize; 2],
}

/// The article's date: what its periods (今年, 全年, 上半年 …) are resolved against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ArticleDate {
    /// `2025-03-20` from a dateline, `2024` from a year.
    pub when: String,
    pub from: DateFrom,
    /// The words it was read from, as normalised (2025年03月20日18:32).
    pub text: String,
}

/// Where an article's date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum DateFrom {
    /// A date of publication near the top or the foot (2025年03月20日, 2017-05-15 10:13).
    Dateline,
    /// The year in the title (2024年国民经济和社会发展统计公报).
    Title,
    /// The year of a 全年 or 年度 phrase in the text (2024年全年, 2024年度).
    Text,
}

/// One metric in one place of the article, with every fact stated about it there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Card {
    /// The shortest words that name what is measured (规上工业增加值).
    pub metric: String,
    /// Who the facts are about when it is not the article's region (a company, a county).
    pub subject: Option<String>,
    /// The same for every wording of one measure (规上 = 规模以上, scope words dropped, the
    /// 增速 of X is X's): what the compare table groups by.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The section heading the card stands under, when the article has headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// From the metric's first character to the end of the last fact.
    pub span: [usize; 2],
    pub facts: Vec<Fact>,
}

/// What kind of statement a fact is; the names are the guide's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An amount, count or quantity (752.1亿元, 28家).
    Level,
    /// A relative change in % (同比增长8.4%).
    Change,
    /// A proportion or rate that is itself a level in % (比重35.7%).
    Share,
    /// A difference against a reference (高于全国2.6个百分点).
    Gap,
    /// A pull on another figure's growth (拉动进出口增长9.6个百分点).
    Contribution,
    /// A position (全省第3, 首位).
    Rank,
    /// A run of years (连续三年).
    Streak,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Level,
        Kind::Change,
        Kind::Share,
        Kind::Gap,
        Kind::Contribution,
        Kind::Rank,
        Kind::Streak,
    ];

    /// The name used in JSON, CSV and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Change => "change",
            Kind::Share => "share",
            Kind::Gap => "gap",
            Kind::Contribution => "contribution",
            Kind::Rank => "rank",
            Kind::Streak => "streak",
        }
    }

    /// The Chinese label a reader of the source expects.
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Level => "规模",
            Kind::Change => "增长",
            Kind::Share => "占比",
            Kind::Gap => "差距",
            Kind::Contribution => "拉动",
            Kind::Rank => "排名",
            Kind::Streak => "连续",
        }
    }
}

/// How exact a value is, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub enum Bound {
    /// 以上, 超过, 突破, 逾, 余, 多.
    #[serde(rename = ">=")]
    AtLeast,
    /// 约, 近, 左右.
    #[serde(rename = "~")]
    About,
    /// 以内, 不到, 以下.
    #[serde(rename = "<=")]
    AtMost,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::AtLeast => ">=",
            Bound::About => "~",
            Bound::AtMost => "<=",
        }
    }

    /// The sign a person writes before the value: ≥7%, 约30%, ≤5%.
    pub fn prefix(self) -> &'static str {
        match self {
            Bound::AtLeast => "≥",
            Bound::About => "约",
            Bound::AtMost => "≤",
        }
    }
}

/// Where in a table a cell's fact stands: its row's label and its column's header, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct TableCell {
    /// The row's label (在总计中：国有企业, 装备制造), empty when the row has none.
    pub row: String,
    /// The column's header (比上年增长(%), 2025年 金额), empty when the table has none.
    pub column: String,
}

/// One atomic statement: a number with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Fact {
    pub kind: Kind,
    /// The number with its scale folded in (752.1亿元 → 75210000000); a decrease is negative.
    pub value: f64,
    /// `%`, `个百分点`, `元`, `美元`, a measure word (家, 个, 吨), `位` for ranks, `年` for streaks.
    pub unit: String,
    /// The value as a person writes it, without float noise: `752.1亿元`, `-15%`, `第3`.
    pub display: String,
    /// The words the fact was read from, as written in the input.
    pub text: String,
    pub span: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub target: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// `period` in comparable form: `2024`, `2024-Q1`, `2024-H1`, `2024-01..2024-08`,
    /// `2024-12-31`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Why a stated `period` has no `when` (全年 in an article with no year), or, when `when`
    /// was inferred (去年同期, a reviewing article's year), how: it starts `inferred:`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_note: Option<String>,
    /// The start value of "从410家增加到918家"; `value` is the end value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// `from` as written (410家).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_display: Option<String>,
    /// For a table's cell: its row and column; `text` is the cell alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<TableCell>,
}

impl Report {
    /// Every fact of every article, with its card.
    pub fn facts(&self) -> impl Iterator<Item = (&Card, &Fact)> {
        self.articles
            .iter()
            .flat_map(|a| a.cards.iter())
            .flat_map(|c| c.facts.iter().map(move |f| (c, f)))
    }
}

impl Article {
    pub fn fact_count(&self) -> usize {
        self.cards.iter().map(|c| c.facts.len()).sum()
    }

    /// The span of every fact, card by card.
    pub fn facts_spans(&self) -> impl Iterator<Item = [usize; 2]> + '_ {
        self.cards
            .iter()
            .flat_map(|c| c.facts.iter().map(|f| f.span))
    }
}
