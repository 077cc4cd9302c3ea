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
/// `p` stops mid-sentence and reads as prose, and the next line, starting with `first` then
/// `second`, goes on. Latin text joins only Latin text. A range of numbers cut at its dash
/// (`比1` + `-3月份`, `比1-` + `3月份`) goes on too.
fn joins(p: &Line, first: char, second: char) -> bool {
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
    let range = (last.is_ascii_digit() && first == '-' && second.is_ascii_digit())
        || (last == '-' && first.is_ascii_digit());
    range
        || (han(last)
            || last.is_ascii_digit()
            || open
            || closed
            || matches!(last, '%' | '，' | '、'))
            && continues(first)
}

/// Fewest lines at the text's common width that make it a hard-wrapped copy.
const WRAPPED_LINES: usize = 8;

/// Whether the whole text is a hard-wrapped copy (a PDF's lines) even where markup made each
/// line a paragraph of its own (Word's HTML of such a copy, `<p>` a line): many lines come at
/// nearly one width, the width of the page, and most of them are prose that stops
/// mid-sentence. Then the breaks the markup made are judged as the line breaks of plain text
/// are. Real paragraphs differ in length and end their sentences; a list of titles is no
/// prose. Widths count a wide char twice, as a page shows it. One pass over the lines and a
/// sort of their widths.
fn rewrapped(v: &[Pair]) -> bool {
    if !v.iter().any(|p| p.0 == HARD) {
        return false;
    }
    let mut lines: Vec<Shape> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let e = line_end(v, i);
        let shape = Shape::of(&v[i..e]);
        if shape.width >= MIN_PAGE_WIDTH {
            lines.push(shape);
        }
        i = e + 1;
    }
    if lines.len() < WRAPPED_LINES {
        return false;
    }
    lines.sort_unstable_by_key(|l| l.width);
    // The page's width: the one with the most lines within a tenth below it.
    let (mut best, mut at, mut lo) = (0, 0, 0);
    for hi in 0..lines.len() {
        while lines[lo].width * 10 < lines[hi].width * 9 {
            lo += 1;
        }
        if hi + 1 - lo >= best {
            (best, at) = (hi + 1 - lo, hi);
        }
    }
    let open = lines[at + 1 - best..=at].iter().filter(|l| l.open).count();
    best >= WRAPPED_LINES && best * 10 >= lines.len() * 3 && open * 10 >= best * 6
}

/// A line's shape, for [`rewrapped`].
struct Shape {
    /// Width in half-width columns, spaces aside.
    width: usize,
    /// Prose (clause punctuation, or long) that stops mid-sentence.
    open: bool,
}

impl Shape {
    fn of(line: &[Pair]) -> Shape {
        let (mut width, mut chars, mut clause) = (0, 0, false);
        let mut last = ' ';
        for &(c, _) in line {
            if c == ' ' || is_marker(c) {
                continue;
            }
            width += if wide(c) { 2 } else { 1 };
            chars += 1;
            clause |= matches!(c, '，' | '、' | '；');
            last = c;
        }
        let prose = clause || chars >= PROSE_LEN;
        Shape {
            width,
            open: prose && chars > 0 && !ends_sentence(last),
        }
    }
}

/// The narrowest page a hard-wrapped copy is looked for at (in half-width columns): shorter
/// lines are titles and list items.
const MIN_PAGE_WIDTH: usize = 40;

/// Whether a line ending in `c` ends its sentence.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '；'
            | '：'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '!'
            | '?'
            | ';'
            | ':'
            | '.'
    )
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
    // A hard-wrapped copy in markup: its paragraphs are its lines.
    let soft = rewrapped(v);
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
        if soft {
            hard = false;
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
            if !wrapped && (hard || heading || !joins(&p, first, ch(v, s + 1))) {
                put(v, &mut w, s, ('\n', brk));
            } else {
                if p.last.is_ascii_alphabetic() {
                    // Latin words keep a space where the line broke.
                    put(v, &mut w, s, (' ', brk));
                }
                // Markup's paragraphs in a hard-wrapped copy have blank lines between.
                joined = Some(p).filter(|_| !blank || soft);
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
        // Word's HTML of a hard-wrapped copy, a `<p>` a line: the lines are prose at one width
        // that stop mid-sentence, so the paragraphs the markup made join as a PDF copy's lines
        // do; metamorphic: html (sz-plan, tw-news).
        (
            concat!(
                "<p>某市政府工作报告（摘要）</p>\n",
                "<p>某市2026年经济社会发展的主要预期目标是：地区生产总值增长5.5%</p>\n",
                "<p>左右，规模以上工业增加值增长6%以上，固定资产投资增长5%，社会</p>\n",
                "<p>消费品零售总额增长6%，一般公共预算收入增长4%，城镇新增就业12</p>\n",
                "<p>万人以上，居民人均可支配收入增长与经济增长基本同步。</p>\n",
                "<p>过去一年，全市外贸进出口总额达到3120.5亿元，比上年增长7.2%，</p>\n",
                "<p>其中出口总额1890.3亿元，增长9.1%；新设外商投资企业420家，服</p>\n",
                "<p>务贸易进出口额增长15.3%，跨境电商交易额突破600亿元。</p>\n",
                "<p>全年新开工亿元以上项目215个，完成工业投资860亿元，增长11.6%</p>\n",
                "<p>，其中技术改造投资增长14.2%，高技术制造业增加值占规模以上工</p>\n",
                "<p>业的比重提高到27.5%。</p>\n",
                "<p>今年将实施城市更新项目120个，新建改建城市道路85公里，新增公</p>\n",
                "<p>共停车泊位1.5万个，完成老旧小区改造310个，惠及居民4.2万户。</p>\n",
            ),
            concat!(
                "某市政府工作报告(摘要)\n",
                "某市2026年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，规模以上工业增加值增长6%以上，固定资产投资增长5%，社会消费品零售总额增长6%，一般公共预算收入增长4%，城镇新增就业12万人以上，居民人均可支配收入增长与经济增长基本同步。\n",
                "过去一年，全市外贸进出口总额达到3120.5亿元，比上年增长7.2%，其中出口总额1890.3亿元，增长9.1%；新设外商投资企业420家，服务贸易进出口额增长15.3%，跨境电商交易额突破600亿元。\n",
                "全年新开工亿元以上项目215个，完成工业投资860亿元，增长11.6%，其中技术改造投资增长14.2%，高技术制造业增加值占规模以上工业的比重提高到27.5%。\n",
                "今年将实施城市更新项目120个，新建改建城市道路85公里，新增公共停车泊位1.5万个，完成老旧小区改造310个，惠及居民4.2万户。",
            ),
        ),
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
