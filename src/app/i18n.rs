//! Every word of the UI in Chinese and English.
//!
//! Strings live in one table per language so a missing translation is a compile error, and the
//! components stay free of literals. Names of fact kinds come from [`Kind::label_zh`] in
//! Chinese, since those are the words the source articles use.

#[cfg(feature = "compare-view")]
mod compare;

use super::state::Replaced;
use super::workspace::BadFile;
use crate::model::{Excluded, Fact, Kind};
use crate::render::number;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language` (`zh-CN` → Chinese).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The tag for `<html lang>` and for storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language: the switch toggles between the two.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// How a fact kind is named in the filters and on cards.
    pub fn kind(self, kind: Kind) -> &'static str {
        match self {
            Lang::Zh => kind.label_zh(),
            Lang::En => match kind {
                Kind::Level => "Level",
                Kind::Change => "Change",
                Kind::Share => "Share",
                Kind::Gap => "Gap",
                Kind::Contribution => "Contribution",
                Kind::Rank => "Rank",
                Kind::Streak => "Streak",
            },
        }
    }

    /// The column and kind names of the CSV and Markdown exports.
    pub fn labels(self) -> &'static crate::render::Labels {
        match self {
            Lang::Zh => &ZH_LABELS,
            Lang::En => &crate::render::MACHINE,
        }
    }

    /// How a fact is labelled on its card: a change by its direction (增长, 下降, or 变化 when
    /// it is zero), other kinds by their kind.
    pub fn fact_label(self, fact: &Fact) -> &'static str {
        match (self, fact.kind) {
            (Lang::Zh, Kind::Change) if fact.value < 0.0 => "下降",
            (Lang::Zh, Kind::Change) if fact.value == 0.0 => "变化",
            (Lang::En, Kind::Change) if fact.value < 0.0 => "Decline",
            (Lang::En, Kind::Change) if fact.value > 0.0 => "Growth",
            _ => self.kind(fact.kind),
        }
    }

    /// The accessible name of a card's button: the action and the card's metric.
    pub fn for_card(self, action: &str, metric: &str) -> String {
        match self {
            Lang::Zh => format!("{action}：{metric}"),
            Lang::En => format!("{action}: {metric}"),
        }
    }

    /// The accessible name of a highlight: its words and the card it opens.
    pub fn mark_label(self, words: &str, metric: &str) -> String {
        match self {
            Lang::Zh => format!("{words}（打开卡片：{metric}）"),
            Lang::En => format!("{words} (opens the card {metric})"),
        }
    }

    /// What the live region says after "locate".
    pub fn located(self, words: &str) -> String {
        match self {
            Lang::Zh => format!("已定位原文：{words}"),
            Lang::En => format!("Found in the text: {words}"),
        }
    }

    /// The message over the undo button after a whole-text change.
    pub fn replaced(self, what: Replaced) -> &'static str {
        match (self, what) {
            (Lang::Zh, Replaced::Cleared) => "已清除文章。",
            (Lang::Zh, Replaced::Loaded) => "已用新文章替换原文。",
            (Lang::Zh, Replaced::Pasted) => "粘贴的文章已替换原文。",
            (Lang::Zh, Replaced::Appended) => "粘贴的文章已追加到原文之后。",
            (Lang::En, Replaced::Cleared) => "Article cleared.",
            (Lang::En, Replaced::Loaded) => "The new article replaced the text.",
            (Lang::En, Replaced::Pasted) => "The pasted article replaced the text.",
            (Lang::En, Replaced::Appended) => "The pasted article was added after the text.",
        }
    }

    /// Why a part of the article was left out, as a reader understands it.
    pub fn left_out(self, part: &Excluded) -> String {
        let kind = match (self, part.reason.as_str()) {
            (Lang::Zh, "date") => "日期行",
            (Lang::Zh, "counters") => "计数栏",
            (Lang::Zh, "byline") => "署名",
            (Lang::Zh, "address") => "网址",
            (Lang::Zh, "markup") => "网页代码",
            (Lang::Zh, "not-chinese") => "非中文内容",
            (Lang::En, "date") => "date line",
            (Lang::En, "counters") => "counters",
            (Lang::En, "byline") => "byline",
            (Lang::En, "address") => "web address",
            (Lang::En, "markup") => "page code",
            (Lang::En, "not-chinese") => "not Chinese",
            (_, marker) => marker,
        };
        match (self, part.tail) {
            (Lang::Zh, true) => format!("未分析（页面杂项“{kind}”及其后内容）"),
            (Lang::Zh, false) => format!("未分析（页面杂项：{kind}）"),
            (Lang::En, true) => format!("Not analysed (page furniture “{kind}” and all after it)"),
            (Lang::En, false) => format!("Not analysed (page furniture: {kind})"),
        }
    }

    /// The message when the text has no indicator: an English text is not a mistake of ours.
    pub fn none_found(self, chinese: bool) -> &'static str {
        match (self, chinese) {
            (Lang::Zh, true) => "这篇文章中没有找到指标。",
            (Lang::Zh, false) => "只能分析中文文本：这段文字中没有汉字。",
            (Lang::En, true) => "No indicators found in this article.",
            (Lang::En, false) => "Chinese text only: this text has no Chinese characters.",
        }
    }

    /// "Showing 3 of 10 cards · 24 facts".
    pub fn count(self, shown: usize, cards: usize, facts: usize) -> String {
        let (shown, cards, facts) = (shown as f64, cards as f64, facts as f64);
        let (shown, cards, facts) = (number(shown), number(cards), number(facts));
        match self {
            Lang::Zh if shown == cards => format!("共 {cards} 张卡片 · {facts} 项数据"),
            Lang::Zh => format!("显示 {shown} / {cards} 张卡片 · {facts} 项数据"),
            Lang::En if shown == cards => format!("{cards} cards · {facts} facts"),
            Lang::En => format!("Showing {shown} of {cards} cards · {facts} facts"),
        }
    }

    /// The note over the text box when the text is too long to show in it.
    pub fn large_note(self, bytes: usize) -> String {
        let size = size(bytes);
        match self {
            Lang::Zh => format!("已载入长文本（{size}），为保持页面流畅不在框中显示。在框中粘贴或输入会替换它。"),
            Lang::En => format!("A long text is loaded ({size}); it is not shown in the box, to keep the page responsive. Paste or type here to replace it."),
        }
    }

    /// The button under a long card list.
    pub fn more_cards(self, more: usize) -> String {
        let more = number(more as f64);
        match self {
            Lang::Zh => format!("显示更多卡片（还有 {more} 张）"),
            Lang::En => format!("Show more cards ({more} more)"),
        }
    }

    /// Which part of a long article the pane shows, in percent of its length.
    pub fn page_info(self, from: usize, to: usize) -> String {
        match self {
            Lang::Zh => format!("显示原文的 {from}%–{to}%"),
            Lang::En => format!("Showing {from}%–{to}% of the text"),
        }
    }

    /// The message for an export that could not be written.
    pub fn export_failed(self, why: &str) -> String {
        match self {
            Lang::Zh => format!("导出失败：{why}"),
            Lang::En => format!("The export failed: {why}"),
        }
    }

    /// A workspace article's line under its name: where from, its date or period, its facts.
    pub fn article_meta(self, source: &str, when: Option<&str>, facts: usize) -> String {
        let when = when.map(|w| format!(" · {w}")).unwrap_or_default();
        match self {
            Lang::Zh => format!("{source}{when} · {facts} 项数据"),
            Lang::En => format!("{source}{when} · {facts} facts"),
        }
    }

    /// The bar after an article was removed from the workspace.
    pub fn removed(self, label: &str) -> String {
        match self {
            Lang::Zh => format!("已移除“{label}”。"),
            Lang::En => format!("Removed “{label}”."),
        }
    }

    /// The message after a workspace file was imported.
    pub fn imported(self, articles: usize) -> String {
        match self {
            Lang::Zh => format!("已导入工作区：{articles} 篇文章。"),
            Lang::En => format!("Workspace imported: {articles} articles."),
        }
    }

    /// Why a workspace file was refused.
    pub fn import_failed(self, why: &BadFile) -> String {
        let why = match (self, why) {
            (Lang::Zh, BadFile::NotJson(e)) => format!("不是 JSON 文件（{e}）"),
            (Lang::Zh, BadFile::NotWorkspace) => "这不是指标工作区文件".to_string(),
            (Lang::Zh, BadFile::Version(v)) => format!("不支持的工作区版本 {v}"),
            (Lang::Zh, BadFile::Invalid(e)) => format!("文件内容有误（{e}）"),
            (Lang::Zh, BadFile::Empty) => "文件中没有文章".to_string(),
            (Lang::Zh, BadFile::TooLarge) => "文件过大或文章过多".to_string(),
            (Lang::En, BadFile::NotJson(e)) => format!("not a JSON file ({e})"),
            (Lang::En, BadFile::NotWorkspace) => "not a Zhibiao workspace file".to_string(),
            (Lang::En, BadFile::Version(v)) => format!("workspace version {v} is not supported"),
            (Lang::En, BadFile::Invalid(e)) => format!("the file's content is wrong ({e})"),
            (Lang::En, BadFile::Empty) => "the file holds no article".to_string(),
            (Lang::En, BadFile::TooLarge) => {
                "the file is too large or holds too many articles".to_string()
            }
        };
        match self {
            Lang::Zh => format!("无法导入：{why}。"),
            Lang::En => format!("Could not import: {why}."),
        }
    }

    /// The message for a file that could not be read.
    pub fn file_error(self, name: &str) -> String {
        match self {
            Lang::Zh => format!(
                "无法读取文件“{name}”：请使用 UTF-8、GBK 或 Big5 编码的 .txt 或 .html 文件。"
            ),
            Lang::En => {
                format!("Could not read “{name}”: use a .txt or .html file in UTF-8, GBK or Big5.")
            }
        }
    }
}

/// A size in bytes as people read it: 850 KB, 10.2 MB.
pub fn size(bytes: usize) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{} KB", kb.ceil())
    } else {
        format!("{:.1} MB", kb / 1024.0)
    }
}

/// The exports' words in Chinese (English uses the CLI's).
const ZH_LABELS: crate::render::Labels = crate::render::Labels {
    columns: [
        "来源",
        "指标",
        "指标键",
        "主体",
        "类型",
        "数值",
        "单位",
        "显示",
        "比较基期",
        "参照",
        "界限",
        "目标",
        "时期",
        "日期",
        "起始值",
        "原文",
        "起点",
        "终点",
    ],
    markdown: [
        "指标",
        "主体",
        "类型",
        "数值",
        "比较基期",
        "参照",
        "时期",
        "日期",
        "目标",
        "原文",
    ],
    kind: Kind::label_zh,
};

/// The fixed strings of the UI in one language.
pub struct Strings {
    pub title: &'static str,
    pub tagline: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub toolbar_label: &'static str,
    pub sample: &'static str,
    pub open: &'static str,
    pub clear: &'static str,
    pub copy_md: &'static str,
    pub csv: &'static str,
    pub json: &'static str,
    pub print: &'static str,
    pub input_label: &'static str,
    pub placeholder: &'static str,
    pub drop_hint: &'static str,
    pub filters_label: &'static str,
    pub kinds_label: &'static str,
    pub target: &'static str,
    pub all: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub cards_heading: &'static str,
    pub article_heading: &'static str,
    pub article_hint: &'static str,
    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub none_match: &'static str,
    pub locate: &'static str,
    pub copy_card: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub downloaded: &'static str,
    pub subject: &'static str,
    pub period: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub analyzing: &'static str,
    pub cancel: &'static str,
    pub cancelled: &'static str,
    pub failed: &'static str,
    pub restart: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,
    pub undo: &'static str,
    pub append: &'static str,
    pub include_back: &'static str,
    pub leave_out: &'static str,
    pub included_note: &'static str,
    pub skip_to_article: &'static str,
    pub skip_to_cards: &'static str,
    pub source_sentence: &'static str,
    pub back_to_card: &'static str,
    pub menu: &'static str,
    pub unnamed: &'static str,
    pub articles_label: &'static str,
    pub add_article: &'static str,
    pub add_new: &'static str,
    pub rename: &'static str,
    pub rename_label: &'static str,
    pub remove: &'static str,
    pub export_workspace: &'static str,
    pub import_workspace: &'static str,
}

const ZH: Strings = Strings {
    title: "指标",
    tagline: "把经济新闻变成指标卡片：全部在本机浏览器中完成，不上传任何内容。",
    switch_lang: "English",
    switch_lang_label: "Switch to English",
    toolbar_label: "操作",
    sample: "载入示例",
    open: "打开文件…",
    clear: "清除",
    copy_md: "复制 Markdown 表格",
    csv: "下载 CSV",
    json: "下载 JSON",
    print: "打印",
    input_label: "文章",
    placeholder: "在此粘贴经济新闻或统计公报（纯文本或网页内容），也可以把 .txt / .html 文件拖到页面上。",
    drop_hint: "松开以打开文件",
    filters_label: "筛选",
    kinds_label: "类型",
    target: "目标",
    all: "全部",
    search_label: "搜索指标",
    search_placeholder: "按指标名称搜索，如“工业”",
    cards_heading: "指标卡片",
    article_heading: "原文",
    article_hint: "高亮处为识别出的数据，点击可定位到卡片。",
    empty_title: "还没有文章",
    empty_body: "粘贴一篇中文经济新闻，指标会随输入自动出现：增长率、规模、占比、与全省全国的差距、排名和目标。",
    none_match: "没有符合筛选条件的卡片。",
    locate: "定位原文",
    copy_card: "复制",
    copied: "已复制到剪贴板。",
    copy_failed: "无法访问剪贴板：请手动选择文本复制。",
    downloaded: "已开始下载。",
    subject: "主体",
    period: "时期",
    up: "上升",
    down: "下降",
    analyzing: "正在后台分析长文本…",
    cancel: "取消",
    cancelled: "已取消分析。",
    failed: "分析失败：",
    restart: "重新分析",
    earlier: "↑ 前文",
    later: "↓ 后文",
    undo: "撤销",
    append: "改为追加到原文之后",
    include_back: "仍然分析这部分",
    leave_out: "不再分析",
    included_note: "已按你的选择分析的页面杂项：",
    skip_to_article: "跳到原文",
    skip_to_cards: "跳到指标卡片",
    source_sentence: "原句",
    back_to_card: "← 返回卡片",
    menu: "更多操作",
    unnamed: "粘贴的文章",
    articles_label: "文章列表",
    add_article: "新建文章",
    add_new: "作为新文章添加",
    rename: "重命名",
    rename_label: "文章名称",
    remove: "移除",
    export_workspace: "导出工作区",
    import_workspace: "导入工作区…",
};

const EN: Strings = Strings {
    title: "Zhibiao",
    tagline: "Indicator cards from Chinese economic news — everything stays in your browser.",
    switch_lang: "中文",
    switch_lang_label: "切换到中文",
    toolbar_label: "Actions",
    sample: "Load sample",
    open: "Open file…",
    clear: "Clear",
    copy_md: "Copy Markdown table",
    csv: "Download CSV",
    json: "Download JSON",
    print: "Print",
    input_label: "Article",
    placeholder: "Paste a Chinese economic article or statistics release here (plain text or web page content), or drop a .txt / .html file on the page.",
    drop_hint: "Drop to open the file",
    filters_label: "Filters",
    kinds_label: "Kinds",
    target: "Target",
    all: "All",
    search_label: "Search metrics",
    search_placeholder: "Search by metric, e.g. 工业",
    cards_heading: "Indicator cards",
    article_heading: "Article",
    article_hint: "Highlighted words are the facts found; click one to find its card.",
    empty_title: "No article yet",
    empty_body: "Paste a Chinese economic article and its indicators appear as you type: growth rates, amounts, shares, gaps against the province or country, ranks and targets.",
    none_match: "No cards match the filters.",
    locate: "Show in text",
    copy_card: "Copy",
    copied: "Copied to the clipboard.",
    copy_failed: "Could not use the clipboard: select the text and copy it by hand.",
    downloaded: "Download started.",
    subject: "Subject",
    period: "Period",
    up: "up",
    down: "down",
    analyzing: "Analysing the long text in the background…",
    cancel: "Cancel",
    cancelled: "Analysis cancelled.",
    failed: "The analysis failed: ",
    restart: "Analyse again",
    earlier: "↑ Earlier text",
    later: "↓ Later text",
    undo: "Undo",
    append: "Add it after the text instead",
    include_back: "Analyse this part anyway",
    leave_out: "Leave out again",
    included_note: "Page furniture analysed at your request:",
    skip_to_article: "Skip to the article",
    skip_to_cards: "Skip to the cards",
    source_sentence: "Sentence",
    back_to_card: "← Back to the card",
    menu: "More actions",
    unnamed: "pasted article",
    articles_label: "Articles",
    add_article: "New article",
    add_new: "Add it as a new article",
    rename: "Rename",
    rename_label: "Article name",
    remove: "Remove",
    export_workspace: "Export workspace",
    import_workspace: "Import workspace…",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_tag() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(300 * 1024), "300 KB");
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(10 * 1024 * 1024 + 200 * 1024), "10.2 MB");
        assert!(Lang::Zh.large_note(50 << 20).contains("50.0 MB"));
        assert_eq!(Lang::En.more_cards(1200), "Show more cards (1200 more)");
    }
}
