//! Lines and spaces: the last pass before the script is folded.
//!
//! Contract: lines are trimmed, spaces inside Chinese text dropped (`预计 2025 年`, `8.4 %`),
//! stray breaks inside a sentence (PDF and web paste) joined, blank lines collapsed, heading
//! starts recorded; breaks the markup made ([`super::HARD`]) and headings never join. Removes
//! the HEADING and HARD marks.

use super::{ch, is_marker, line_end, put, Pair, HARD, HEADING};
use crate::text::script::{cn_digit, cn_power, han, wide};

/// A line at least this long reads as running prose even without clause punctuation.
const PROSE_LEN: usize = 30;

/// What the line pass knows of the last line it wrote.
#[derive(Default)]
struct Line {
    /// Last char.
    last: char,
    /// Chars.
    len: usize,
    /// Holds clause punctuation (`，、；`), other than an enumerator's `一、`.
    clause: bool,
    /// Is a heading.
    heading: bool,
    /// Is the first line, perhaps a title.
    first: bool,
    /// Holds a ` - ` or ` | ` separator: a page title with its site's name, not prose.
    titled: bool,
    /// Holds numbers apart by spaces (`28,897,637.39 1.19%`): a table row, not prose.
    cells: bool,
    /// Starts with `|`: a pipe row of a table (Markdown, or HTML through [`super::html`]).
    piped: bool,
    /// Its `|`s.
    pipes: usize,
}

/// Whether the break after the pipe row `p` is a hard wrap inside it (a PDF copy of a
/// Markdown table), so the `next` line goes on with it. `row_pipes` is the `|`s of the table's
/// last closed row, 0 before one (the header). A lone `|` goes on with a row open or short of `|`s; otherwise, before a
/// closed row, a row left open (no closing `|`) goes on with a line that starts with no `|`;
/// after one, a row short of `|`s goes on with a line that leaves it no longer than a row.
fn wraps_row(p: &Line, next: &[Pair], row_pipes: usize) -> bool {
    let open = p.last != '|';
    if !p.piped || (next.len() == 1 && next[0].0 == '|') {
        return p.piped && (open || p.pipes < row_pipes);
    }
    if row_pipes == 0 {
        return open && next[0].0 != '|';
    }
    let pipes = next.iter().filter(|q| q.0 == '|').count();
    (open || p.pipes < row_pipes) && p.pipes + pipes <= row_pipes
}

/// Whether a space between `a` and `b` is dropped: Chinese text has none between Han chars,
/// punctuation and numbers (`预计 2025 年`, `聊城 新篇章`, `8.4 %`).
fn drop_space(a: char, b: char) -> bool {
    let num = |c: char| c.is_ascii_digit() || c == '%';
    (wide(a) && (wide(b) || num(b))) || (num(a) && wide(b)) || (a.is_ascii_digit() && b == '%')
}

/// A char that may go on with a sentence at the start of a line.
fn continues(c: char) -> bool {
    han(c)
        || c.is_ascii_digit()
        || matches!(
            c,
            '%' | '，'
                | '“'
                | '‘'
                | '《'
                | '「'
                | '『'
                | '('
                | '/'
                | '、'
                | '。'
                | '；'
                | '：'
                | '？'
                | '！'
                | ')'
                | '”'
                | '’'
                | '》'
                | '」'
                | '』'
                | '…'
        )
}

/// Whether the break after line `p` is a stray break inside a sentence (PDF and web paste):
/// `p` stops mid-sentence and reads as prose, and the next line, starting with `first`, goes
/// on. Latin text joins only Latin text.
fn joins(p: &Line, first: char) -> bool {
    // The first line is a title (or a lone paragraph), never the head of the next one.
    if p.heading
        || p.titled
        || p.first
        || (p.cells && !p.clause)
        || !(p.clause || p.len >= PROSE_LEN)
    {
        return false;
    }
    let last = p.last;
    if last.is_ascii_alphabetic() {
        return first.is_ascii_alphabetic();
    }
    let open = matches!(last, '“' | '‘' | '《' | '「' | '『' | '(' | '/');
    let closed = matches!(last, '”' | '’' | '》' | '」' | '』' | ')');
    (han(last) || last.is_ascii_digit() || open || closed || matches!(last, '%' | '，' | '、'))
        && continues(first)
}

/// A Chinese numeral or digit, as in the enumerators `一、` and `3、`.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || cn_power(c).is_some_and(|p| p <= 2)
}

/// Split into lines, trim them, drop spaces inside Chinese text, join stray breaks, collapse
/// blank lines and record heading starts. Removes the HEADING and HARD marks.
pub(super) fn lines(v: &mut [Pair], headings: &mut Vec<usize>) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    let mut prev: Option<Line> = None;
    // Origin of the `\n` after the last written line, for what is written before the next.
    let mut brk = 0u32;
    // A HARD mark was seen since the last written line.
    let mut hard = false;
    // A blank line was skipped since the last written line.
    let mut blank = false;
    // The `|`s of the last closed pipe row written, 0 after any other line.
    let mut row_pipes = 0;
    while i < len {
        let e = line_end(v, i);
        let mut s = i;
        let mut heading = false;
        while s < e && matches!(v[s].0, ' ' | HEADING | HARD) {
            heading |= v[s].0 == HEADING;
            hard |= v[s].0 == HARD;
            s += 1;
        }
        let mut t = e;
        while t > s && matches!(v[t - 1].0, ' ' | HEADING | HARD) {
            t -= 1;
        }
        if s == t {
            blank = true;
            i = e + 1;
            continue;
        }
        let first = v[s].0;
        // The previous line's `\n` was read and not written: there is room for one char.
        // A line joined to the one before with no blank line between goes on it: the next
        // break is judged on the whole (a hard-wrapped copy's short last piece of a line is
        // still prose). After a blank line it starts afresh (a title, then a subtitle).
        let mut joined = None;
        if let Some(p) = prev.take() {
            let wrapped = !(hard || heading || blank) && wraps_row(&p, &v[s..t], row_pipes);
            if !wrapped {
                // A blank line ends a table.
                let closed = p.piped && p.last == '|' && !blank;
                row_pipes = if closed { p.pipes } else { 0 };
            }
            if !wrapped && (hard || heading || !joins(&p, first)) {
                put(v, &mut w, s, ('\n', brk));
            } else {
                if p.last.is_ascii_alphabetic() {
                    // Latin words keep a space where the line broke.
                    put(v, &mut w, s, (' ', brk));
                }
                joined = Some(p).filter(|_| !blank);
            }
        }
        blank = false;
        if heading {
            headings.push(w);
        }
        let mut line = match joined {
            Some(p) => Line {
                first: false,
                heading: false,
                ..p
            },
            None => Line {
                heading,
                first: w == 0,
                piped: first == '|',
                ..Line::default()
            },
        };
        let line_start = w;
        let mut space: Option<u32> = None;
        for k in s..t {
            let (c, o) = v[k];
            if c == ' ' {
                space.get_or_insert(o);
                continue;
            }
            if is_marker(c) {
                continue;
            }
            if matches!(c, '-' | '|' | '_') && space.is_some() && ch(v, k + 1) == ' ' {
                line.titled = true;
            }
            line.pipes += usize::from(c == '|');
            if let Some(so) = space.take() {
                if !drop_space(line.last, c) {
                    let number = |c: char| c.is_ascii_digit() || c == '%';
                    line.cells |= number(line.last) && (c.is_ascii_digit() || c == '-');
                    // The space's own slot is behind `k`.
                    put(v, &mut w, k, (' ', so));
                    line.len += 1;
                }
            }
            if matches!(c, '，' | '、' | '；')
                && !(w - line_start <= 3 && v[line_start..w].iter().all(|q| is_numeral(q.0)))
            {
                line.clause = true;
            }
            put(v, &mut w, k, (c, o));
            line.last = c;
            line.len += 1;
        }
        prev = Some(line);
        hard = false;
        if e < len {
            brk = v[e].1;
        }
        i = e + 1;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
        // Quotes, brackets and a unit's `/` at a hard wrap; metamorphic: pdf.
        (
            "导语。\n新增单项冠军企业14家、专精特新企业326家,国家级“\n小巨人”企业5家。",
            "导语。\n新增单项冠军企业14家、专精特新企业326家，国家级“小巨人”企业5家。",
        ),
        (
            "导语。\n新增单项冠军企业14家、专精特新企业326家、国家级\n“小巨人”企业5家。",
            "导语。\n新增单项冠军企业14家、专精特新企业326家、国家级“小巨人”企业5家。",
        ),
        (
            "导语。\n加强生态保护，全面完成武陵山区“山水工程”\n建设，城乡低保平均标准分别提高至778元/\n月、6818元/年。（3）\n大力促进民间投资。",
            "导语。\n加强生态保护，全面完成武陵山区“山水工程”建设，城乡低保平均标准分别提高至778元/月、6818元/年。(3)大力促进民间投资。",
        ),
        // A pipe row hard-wrapped by a PDF copy joins up again; metamorphic: pdf.
        (
            "| 学段 | 在校生人数 (万人) | 数据来\n源 |\n| :-- | --: | :-\n- |\n| 小学 | 10,584.37 | 公\n报 |\n| 初中 | 5,386.16 \n  | 公报 |",
            "| 学段 | 在校生人数 (万人) | 数据来源 |\n| ：-- | --： | ：-- |\n| 小学 | 10,584.37 | 公报 |\n| 初中 | 5,386.16| 公报 |",
        ),
        // Cut after a `|`: the row is short of the header's `|`s.
        ("| 年龄 | 人数 |\n| 0 岁 |  \n  954 |\n| 1 岁 |\n| 902 |", "| 年龄 | 人数 |\n| 0岁 |954 |\n| 1岁 |\n| 902 |"),
        ("| 年龄 | 人数 |\n| 0 岁 |\n|", "| 年龄 | 人数 |\n| 0岁 ||"),
        // A closed row and prose after it stay apart.
        ("| 年龄 | 人数 |\n| 0 岁 | 9 |\n正文，增长", "| 年龄 | 人数 |\n| 0岁 | 9 |\n正文，增长"),
        // Rows of pipes from HTML have no closing pipe; a blank line ends a row.
        ("|饲料|万吨|100.45\n|水泥|万吨|612.8", "|饲料|万吨|100.45\n|水泥|万吨|612.8"),
        ("| a | b\n\n正文。", "| a | b\n正文。"),
        // A blank line ends a table: the next one's header is measured afresh.
        ("| a | b |\n| 1 | 2 |\n\n| c | d | e | f\n|", "| a | b |\n| 1 | 2 |\n| c | d | e | f |"),
        // A page title with its site's name is not the first half of the next paragraph.
        (
            "导语。\n6项突破，10项第一，工信成绩亮眼 - 天天要闻\n\n工业运行实现新提升。",
            "导语。\n6项突破，10项第一，工信成绩亮眼 - 天天要闻\n工业运行实现新提升。",
        ),
        (
            "导语。\n全市高新技术企业加速成长，高\n\n新技术产业产值占比达到57.23%。",
            "导语。\n全市高新技术企业加速成长，高新技术产业产值占比达到57.23%。",
        ),
        (
            "导语。\n加强科技人才支撑，选聘258名高层次人才到230\n\n\n\n家科技型企业担任“科技副总”。",
            "导语。\n加强科技人才支撑，选聘258名高层次人才到230家科技型企业担任“科技副总”。",
        ),
        (
            "导语。\n新增省级以上高层次人才13人，数量较去年翻\n\n倍，中通客车成功入选。",
            "导语。\n新增省级以上高层次人才13人，数量较去年翻倍，中通客车成功入选。",
        ),
        (
            "导语。\n推进企业家、技术创新人才、卓越工程\n\n师、高技能人才建设。",
            "导语。\n推进企业家、技术创新人才、卓越工程师、高技能人才建设。",
        ),
        ("导语。\n提升科技服务效能，创新环境\n\n更加优化。强化统筹。", "导语。\n提升科技服务效能，创新环境更加优化。强化统筹。"),
        (
            "导语。\n统筹推动科技创新和产业创新融合发展企业产业竞争力持续不断显著增\n强",
            "导语。\n统筹推动科技创新和产业创新融合发展企业产业竞争力持续不断显著增强",
        ),
        (
            "工业运行质效 实现新提升\n\n坚持大抓工业鲜明导向，全力克服经济下行。",
            "工业运行质效实现新提升\n坚持大抓工业鲜明导向，全力克服经济下行。",
        ),
        (
            "### 打造黄河下游 先进制造业基地\n\n解志超表示，2024年将打造",
            "打造黄河下游先进制造业基地\n解志超表示，2024年将打造",
        ),
        ("## 标题，带逗号\n正文", "标题，带逗号\n正文"),
        ("全市增长8.4%。\n\n全省增长5%。", "全市增长8.4%。\n全省增长5%。"),
        ("聚焦创新，强化支撑：\n1.贷款", "聚焦创新，强化支撑：\n1.贷款"),
        ("一、2024年工作回顾\n2024年是新中国成立75周年。", "一、2024年工作回顾\n2024年是新中国成立75周年。"),
        (
            "Title\nThe industrial output of the city grew fast in the\n\nfirst quarter",
            "Title\nThe industrial output of the city grew fast in the first quarter",
        ),
        (
            "INFORMATION OFFICE OF LIAOCHENG MUNICIPAL GOVERNMENT\n1月23日，聊城",
            "INFORMATION OFFICE OF LIAOCHENG MUNICIPAL GOVERNMENT\n1月23日，聊城",
        ),
        // Spaces.
        ("推动1000余家 中小企业", "推动1000余家中小企业"),
        ("预计 2025 年", "预计2025年"),
        ("“新聊城 新篇章”", "“新聊城新篇章”"),
        ("科技大市场 and  轴承", "科技大市场 and 轴承"),
        ("增长 8.4 %", "增长8.4%"),
        ("涉及经营战略、 科技创新", "涉及经营战略、科技创新"),
        ("\n\n\n 第一段。 \n\n\n\n第二段。\n\n", "第一段。\n第二段。"),
        ("", ""),
        (" \n \n", ""),
        ]);
    }
}
