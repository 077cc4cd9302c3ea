//! The compare view's words, apart from the rest so a build without the view
//! (`scripts/size-of-compare.sh`) leaves them out too.

use super::Lang;

/// The fixed words of the compare view and its switch, in one language.
pub struct CompareWords {
    pub views_label: &'static str,
    pub view_cards: &'static str,
    pub view_compare: &'static str,
    pub heading: &'static str,
    pub hint: &'static str,
    pub all: &'static str,
    pub none: &'static str,
    pub metric: &'static str,
    pub chart: &'static str,
    pub select_row: &'static str,
    pub merge: &'static str,
    pub split: &'static str,
    pub close: &'static str,
    /// The button that opens a row's larger chart (its name says which).
    pub larger: &'static str,
    pub md: &'static str,
    pub unknown_period: &'static str,
}

impl Lang {
    pub fn compare_words(self) -> &'static CompareWords {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The note under the compare table while long articles are analysed in the background.
    pub fn compare_pending(self, articles: usize) -> String {
        match self {
            Lang::Zh => format!("另有 {articles} 篇长文章正在后台分析，完成后自动加入对比。"),
            Lang::En => format!(
                "{articles} long articles are being analysed in the background; they join the table when done."
            ),
        }
    }

    /// The accessible name of a row's chart: the metric and every value with its column.
    pub fn chart_label(self, metric: &str, values: &str) -> String {
        match self {
            Lang::Zh => format!("{metric}图表：{values}"),
            Lang::En => format!("Chart of {metric}: {values}"),
        }
    }

    /// The name of the button that opens a row's larger chart.
    pub fn open_chart(self, metric: &str) -> String {
        match self {
            Lang::Zh => format!("放大图表：{metric}"),
            Lang::En => format!("Larger chart: {metric}"),
        }
    }

    /// What a cell's link says after its value to a screen reader: the article it opens.
    pub fn cell_opens(self, article: &str) -> String {
        match self {
            Lang::Zh => format!("（打开原文：{article}）"),
            Lang::En => format!(" (opens the words in {article})"),
        }
    }
}

const ZH: CompareWords = CompareWords {
    views_label: "视图",
    view_cards: "指标卡片",
    view_compare: "对比",
    heading: "跨文章对比",
    hint: "每行是在两篇及以上文章中出现的指标；点击数值可打开原文。",
    all: "显示全部指标",
    none: "还没有在两篇及以上文章中都出现的指标。添加更多文章，或显示全部指标。",
    metric: "指标",
    chart: "图表",
    select_row: "选择此行以合并",
    merge: "合并所选的行",
    split: "拆分",
    close: "关闭",
    larger: "放大",
    md: "下载 Markdown",
    unknown_period: "时期不明",
};

const EN: CompareWords = CompareWords {
    views_label: "Views",
    view_cards: "Cards",
    view_compare: "Compare",
    heading: "Compare across articles",
    hint: "Each row is a metric found in two or more articles; click a value to open its words.",
    all: "Show every metric",
    none: "No metric is found in two or more articles yet. Add articles, or show every metric.",
    metric: "Metric",
    chart: "Chart",
    select_row: "Select this row to merge",
    merge: "Merge the selected rows",
    split: "Split",
    close: "Close",
    larger: "Larger",
    md: "Download Markdown",
    unknown_period: "period unknown",
};
