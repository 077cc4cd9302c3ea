//! Text normalisation with a map back to the input.
//!
//! Everything the rules read goes through here first: HTML and Markdown are reduced to text
//! with paragraph breaks, width and script variants are folded, pinyin readings and stray line
//! breaks are dropped. Every output character remembers the code point of the input it came
//! from, so a span found in the normalised text can be reported in the input's coordinates.
//!
//! The work is a pipeline of small passes over one buffer of `(char, origin)` pairs: decoding
//! (BOM, line ends, control chars), front matter, HTML, entities, Markdown, width and
//! punctuation folding (which also drops pinyin readings), lines and spaces, and last
//! Traditional to Simplified. Each pass rewrites the buffer in place, never writing more
//! pairs than it has read, and looks ahead only a bounded distance (or searches forward once
//! and jumps past what it found), so the whole is linear in the input. Passes keep the order
//! of the pairs, so origins stay non-decreasing.
//!
//! Markup that matters for line handling is carried between passes as two noncharacters
//! (which the first pass removes from the input, so they cannot be forged): [`HEADING`] at the
//! start of a heading line and [`HARD`] after a break the markup made (`<p>`, a list bullet),
//! which the line pass must not join away. The line pass removes both.

use super::script::{cn_digit, cn_power, han, wide};

/// Normalised text plus, for each of its characters, where it came from in the input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// The text the rules read: paragraphs separated by `\n`.
    pub text: String,
    /// `origin[i]` is the code-point index in the input of the `i`-th char of `text`; one extra
    /// entry at the end holds the input's length in code points.
    pub origin: Vec<u32>,
    /// Char indices in `text` where a line starts that the markup marked as a heading
    /// (Markdown `#`, HTML `<h1>`…`<h6>`, a front-matter title).
    pub headings: Vec<usize>,
}

impl Normalized {
    /// The input span `[start, end)` (code points) that chars `start..end` of `text` came from.
    pub fn input_span(&self, start: usize, end: usize) -> [usize; 2] {
        let last = self.origin.len().saturating_sub(1);
        let s = self.origin[start.min(last)] as usize;
        let e = if end > start {
            self.origin[(end - 1).min(last)] as usize + 1
        } else {
            s
        };
        [s, e.max(s)]
    }
}

/// A character and the code-point index in the input it came from.
type Pair = (char, u32);

/// Marks the start of a heading line between passes; never in the output.
const HEADING: char = '\u{FDD0}';
/// Follows a line break made by markup, which the line pass must keep; never in the output.
const HARD: char = '\u{FDD1}';
/// How far a tag's `>` is looked for: a lone `<` in prose must not cost more than this.
const TAG_BOUND: usize = 4096;
/// How far a Markdown link's text and target are looked for.
const LINK_TEXT_BOUND: usize = 500;
const LINK_URL_BOUND: usize = 2048;
/// Longest pinyin reading in parentheses that is looked at.
const PINYIN_BOUND: usize = 64;
/// A line at least this long reads as running prose even without clause punctuation.
const PROSE_LEN: usize = 30;

/// Normalise `input`.
pub fn normalize(input: &str) -> Normalized {
    // One buffer for all passes: each pass writes no more pairs than it has read, so it
    // rewrites the buffer in place. Fresh memory is slow to touch; a second buffer would
    // cost more than the passes themselves.
    let mut v: Vec<Pair> = Vec::with_capacity(input.chars().count());
    let n = decode(input, &mut v);
    run(&mut v, front_matter);
    run(&mut v, pages);
    if has_markup(&v) {
        run(&mut v, html);
    }
    if v.iter().any(|&(c, _)| c == '&') {
        run(&mut v, entities);
    }
    run(&mut v, markdown);
    run(&mut v, fold);
    let mut headings = Vec::new();
    let w = lines(&mut v, &mut headings);
    v.truncate(w);

    let text = simplify(&v);
    let mut origin = Vec::with_capacity(v.len() + 1);
    origin.extend(v.iter().map(|&(_, o)| o));
    origin.push(n);
    Normalized {
        text,
        origin,
        headings,
    }
}

/// Run an in-place pass, which returns the length of what it wrote.
fn run(v: &mut Vec<Pair>, f: fn(&mut [Pair]) -> usize) {
    let w = f(v);
    v.truncate(w);
}

/// Write `p` at `*w` in a pass that has read up to and including index `r`: writing never
/// overtakes reading, so nothing unread is overwritten.
#[inline]
fn put(v: &mut [Pair], w: &mut usize, r: usize, p: Pair) {
    debug_assert!(*w <= r, "write {} overtakes read {r}", *w);
    v[*w] = p;
    *w += 1;
}

/// The char at `i`, or NUL past the end (NUL never survives [`decode`], so it matches nothing).
#[inline]
fn ch(v: &[Pair], i: usize) -> char {
    v.get(i).map_or('\0', |p| p.0)
}

/// Index of the `\n` ending the line that holds `i`, or `v.len()`.
fn line_end(v: &[Pair], i: usize) -> usize {
    v[i.min(v.len())..]
        .iter()
        .position(|&(c, _)| c == '\n')
        .map_or(v.len(), |k| i + k)
}

pub(crate) fn is_marker(c: char) -> bool {
    c == HEADING || c == HARD
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

// ---------------------------------------------------------------------------------------------
// Decoding: BOM, line ends, control chars.

/// Copy `input` into `v` with line ends unified and invisible junk dropped; returns the
/// input's length in code points.
fn decode(input: &str, v: &mut Vec<Pair>) -> u32 {
    let mut n: u32 = 0;
    let mut after_cr = false;
    for c in input.chars() {
        let o = n;
        n = n.saturating_add(1);
        if c == '\n' && after_cr {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        if let Some(c) = clean_char(c) {
            v.push((c, o));
        }
    }
    n
}

/// What one input char becomes: `\r` and the Unicode line separators a `\n`, a tab a space;
/// control chars, BOM, zero-width and direction marks, soft hyphens and noncharacters (which
/// would forge [`HEADING`] and [`HARD`]) nothing. Also applied to chars entities decode to.
fn clean_char(c: char) -> Option<char> {
    match c {
        ' '..='~' => Some(c),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
        '\t' => Some(' '),
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => None,
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        '\u{FDD0}'..='\u{FDEF}' | '\u{FFFE}' | '\u{FFFF}' => None,
        _ => Some(c),
    }
}

// ---------------------------------------------------------------------------------------------
// Front matter.

/// A line that is exactly three `c` (trailing spaces allowed): a YAML fence.
fn is_fence(line: &[Pair], c: char) -> bool {
    let mut end = line.len();
    while end > 0 && line[end - 1].0 == ' ' {
        end -= 1;
    }
    end == 3 && line[..3].iter().all(|p| p.0 == c)
}

/// The value of a `title:` line `j..e` without quotes, as a range.
fn title_value(v: &[Pair], j: usize, e: usize) -> Option<(usize, usize)> {
    let line = &v[j..e];
    if line.len() <= 6 || !line[..6].iter().map(|p| p.0).eq("title:".chars()) {
        return None;
    }
    let (mut s, mut t) = (j + 6, e);
    while s < t && v[s].0 == ' ' {
        s += 1;
    }
    while t > s && v[t - 1].0 == ' ' {
        t -= 1;
    }
    if t - s >= 2 && matches!(v[s].0, '"' | '\'') && v[t - 1].0 == v[s].0 {
        s += 1;
        t -= 1;
    }
    (t > s).then_some((s, t))
}

/// `source: repo/path`: an ASCII key, a colon and a space.
fn is_header_line(line: &[Pair]) -> bool {
    let key = line
        .iter()
        .take_while(|p| p.0.is_ascii_alphanumeric() || matches!(p.0, '_' | '-'))
        .count();
    key > 0
        && line.get(key).map(|p| p.0) == Some(':')
        && line.get(key + 1).map(|p| p.0) == Some(' ')
}

/// Drop a YAML front-matter block at the start (after blank lines), keeping its `title:` as a
/// heading line.
fn front_matter(v: &mut [Pair]) -> usize {
    let len = v.len();
    let mut i = 0;
    // Blank lines, and a few `key: value` header lines (an archive's `source: …`), may come
    // before the opening fence.
    let mut headers = 0;
    let open_end = loop {
        let e = line_end(v, i);
        let blank = v[i..e].iter().all(|p| p.0 == ' ');
        if e < len && (blank || (headers < 4 && is_header_line(&v[i..e]))) {
            headers += usize::from(!blank);
            i = e + 1;
            continue;
        }
        break e;
    };
    if open_end >= len || !is_fence(&v[i..open_end], '-') {
        return len;
    }
    // Start and end of the title's value, and its line's `\n`.
    let mut title: Option<(usize, usize, usize)> = None;
    let mut j = open_end + 1;
    while j < len {
        let e = line_end(v, j);
        if is_fence(&v[j..e], '-') || is_fence(&v[j..e], '.') {
            // The title moves to the front over the opening fence; the text after the
            // closing fence follows it.
            let mut w = 0;
            if let Some((s, t, nl)) = title {
                put(v, &mut w, s - 1, (HEADING, v[s].1));
                v.copy_within(s..t, w);
                w += t - s;
                let brk = v[nl].1;
                put(v, &mut w, nl - 1, ('\n', brk));
                put(v, &mut w, nl, (HARD, brk));
            }
            let rest = (e + 1).min(len);
            v.copy_within(rest.., w);
            return w + (len - rest);
        }
        if title.is_none() && e < len {
            title = title_value(v, j, e).map(|(s, t)| (s, t, e));
        }
        j = e + 1;
    }
    len
}

// ---------------------------------------------------------------------------------------------
// HTML and entities.

/// Whether the text holds anything that looks like a tag or comment; plain text skips the
/// HTML pass, so a `<` in prose is never at risk there.
fn has_markup(v: &[Pair]) -> bool {
    (0..v.len()).any(|i| {
        v[i].0 == '<' && {
            let n = ch(v, i + 1);
            n.is_ascii_alphabetic()
                || (n == '/' && ch(v, i + 2).is_ascii_alphabetic())
                || (n == '!' && ch(v, i + 2) == '-' && ch(v, i + 3) == '-')
        }
    })
}

/// Index of the `>` closing a tag whose body starts at `from`: none when a `<` or the bound
/// comes first, so that scans stay disjoint and short.
fn find_gt(v: &[Pair], from: usize) -> Option<usize> {
    let end = v.len().min(from.saturating_add(TAG_BOUND));
    (from..end)
        .find(|&k| matches!(v[k].0, '>' | '<'))
        .filter(|&k| v[k].0 == '>')
}

/// Index of the `>` closing a tag whose attributes start at `from`, as [`find_gt`] except that
/// a quoted attribute value may hold `<` and `>` (`alt="a>b"`, `srcdoc="<script>…"`).
fn find_tag_end(v: &[Pair], from: usize) -> Option<usize> {
    let end = v.len().min(from.saturating_add(TAG_BOUND));
    let mut k = from;
    while k < end {
        match v[k].0 {
            '>' => return Some(k),
            '<' => return None,
            q @ ('"' | '\'')
                if v[from..k].iter().rev().find(|p| p.0 != ' ').map(|p| p.0) == Some('=') =>
            {
                // An unclosed quote means this was no tag after all.
                k = (k + 1..end).find(|&j| v[j].0 == q)?;
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// Index of the next `-->` from `from`.
fn find_comment_end(v: &[Pair], from: usize) -> Option<usize> {
    (from..v.len().saturating_sub(2))
        .find(|&k| v[k].0 == '-' && v[k + 1].0 == '-' && v[k + 2].0 == '>')
}

/// Index of the next `</name` (any case) from `from`.
fn find_close(v: &[Pair], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    (from..v.len()).find(|&k| {
        v[k].0 == '<'
            && ch(v, k + 1) == '/'
            && v.len() >= k + 2 + n
            && v[k + 2..k + 2 + n]
                .iter()
                .zip(name.chars())
                .all(|(p, c)| p.0.to_ascii_lowercase() == c)
            && !ch(v, k + 2 + n).is_ascii_alphanumeric()
    })
}

/// What a tag does to the text.
#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    /// Content dropped with the element: an index into [`RAW_TAGS`].
    Raw(usize),
    /// A line that is a heading.
    Heading,
    /// A line break.
    Block,
    /// Nothing: the text runs on (`工业<span>机器人</span>`).
    Inline,
}

const RAW_TAGS: [&str; 2] = ["script", "style"];

fn tag_kind(name: &[Pair]) -> TagKind {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return TagKind::Inline;
    }
    for (b, p) in buf.iter_mut().zip(name) {
        // Names are ASCII (checked by the caller), so the cast keeps them.
        *b = p.0.to_ascii_lowercase() as u8;
    }
    match &buf[..name.len()] {
        b"script" => TagKind::Raw(0),
        b"style" => TagKind::Raw(1),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => TagKind::Heading,
        b"p" | b"div" | b"br" | b"li" | b"ul" | b"ol" | b"dl" | b"dt" | b"dd" | b"tr" | b"td"
        | b"th" | b"table" | b"thead" | b"tbody" | b"tfoot" | b"caption" | b"section"
        | b"article" | b"aside" | b"nav" | b"main" | b"header" | b"footer" | b"figure"
        | b"figcaption" | b"hr" | b"blockquote" | b"pre" | b"address" | b"center" | b"form"
        | b"fieldset" | b"details" | b"summary" | b"title" | b"html" | b"head" | b"body"
        | b"iframe" | b"video" | b"audio" | b"canvas" | b"noscript" | b"option" | b"select"
        | b"textarea" => TagKind::Block,
        _ => TagKind::Inline,
    }
}

/// A tag at `i` (a `<`): its name's range and the index of its `>`.
fn tag_at(v: &[Pair], i: usize) -> Option<(usize, usize, usize)> {
    let name_start = i + 1 + usize::from(ch(v, i + 1) == '/');
    if !ch(v, name_start).is_ascii_alphabetic() {
        return None;
    }
    let mut k = name_start;
    while k - name_start < 32
        && matches!(ch(v, k), 'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | ':' | '_')
    {
        k += 1;
    }
    if !matches!(ch(v, k), '>' | '/' | ' ' | '\n') {
        return None;
    }
    Some((name_start, k, find_tag_end(v, k)?))
}

/// Strip tags, comments, scripts and styles; block tags become hard breaks, `<h1>`…`<h6>`
/// mark their first text as a heading. A `<` that starts no tag is text.
fn html(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    // Inside `<hN>` with no text yet: the next text char gets a HEADING before it.
    let mut heading = false;
    // Once a search for `</script` (or `</style`) failed, later ones would fail too.
    let mut no_close = [false; 2];
    // Inside a table row: its cells stay on one line (see [`table_tag`]).
    let mut row = false;
    while i < len {
        let (c, o) = v[i];
        if c == '<' {
            let next = ch(v, i + 1);
            if next == '!' && ch(v, i + 2) == '-' && ch(v, i + 3) == '-' {
                // An unclosed comment runs to the end, as in a browser.
                i = find_comment_end(v, i + 4).map_or(len, |k| k + 3);
                continue;
            }
            if next == '?' || (next == '!' && ch(v, i + 2).is_ascii_alphabetic()) {
                if let Some(gt) = find_gt(v, i + 2) {
                    i = gt + 1;
                    continue;
                }
            }
            if let Some((name_start, name_end, gt)) = tag_at(v, i) {
                let closing = name_start == i + 2;
                let kind = tag_kind(&v[name_start..name_end]);
                if let Some(cell) = table_tag(&v[name_start..name_end], closing, &mut row) {
                    if let Some(c) = cell {
                        put(v, &mut w, i, (c, o));
                    }
                    i = gt + 1;
                    continue;
                }
                match kind {
                    TagKind::Raw(r) if !closing && v[gt - 1].0 != '/' && !no_close[r] => {
                        match find_close(v, gt + 1, RAW_TAGS[r]) {
                            Some(cl) => {
                                i = find_gt(v, cl + 2).map_or(cl + 2, |g| g + 1);
                                continue;
                            }
                            // Unclosed: only the tag goes, the text after it stays.
                            None => no_close[r] = true,
                        }
                    }
                    TagKind::Raw(_) | TagKind::Inline => {}
                    TagKind::Heading | TagKind::Block => {
                        // The tag has at least three chars: room for two.
                        put(v, &mut w, i, ('\n', o));
                        put(v, &mut w, i + 1, (HARD, o));
                        if kind == TagKind::Heading {
                            heading = !closing;
                        }
                    }
                }
                i = gt + 1;
                continue;
            }
        }
        let c = if row && c == '\n' { ' ' } else { c };
        if heading && !matches!(c, ' ' | '\n' | '\u{3000}' | '\u{A0}') {
            // `<hN>` wrote two pairs for four chars, so there is room for the mark.
            put(v, &mut w, i - 1, (HEADING, o));
            heading = false;
        }
        put(v, &mut w, i, (c, o));
        i += 1;
    }
    w
}

/// Table markup keeps a row's cells on one line as a pipe row (`|饲料|万吨|100.45`), the
/// form the table reader reads for Markdown too: `<tr>` and `</tr>` break the line, each
/// `<td>`/`<th>` writes `|`, and inside a row other block tags and line breaks are spaces.
/// `None` for a tag this leaves to the general rules; else the char to write, if any.
fn table_tag(name: &[Pair], closing: bool, row: &mut bool) -> Option<Option<char>> {
    let is = |t: &str| {
        name.len() == t.len()
            && name
                .iter()
                .zip(t.chars())
                .all(|(p, c)| p.0.to_ascii_lowercase() == c)
    };
    if is("tr") {
        *row = !closing;
        return Some(Some('\n'));
    }
    if is("table") {
        *row = false;
        return None;
    }
    if !*row {
        return None;
    }
    if is("td") || is("th") {
        return Some((!closing).then_some('|'));
    }
    (tag_kind(name) != TagKind::Inline && !matches!(tag_kind(name), TagKind::Raw(_)))
        .then_some(Some(' '))
}

/// The char a named entity stands for.
fn named_entity(name: &[u8]) -> Option<char> {
    Some(match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        b"nbsp" => '\u{A0}',
        b"ensp" => '\u{2002}',
        b"emsp" => '\u{2003}',
        b"thinsp" => '\u{2009}',
        b"shy" => '\u{AD}',
        b"zwsp" | b"ZeroWidthSpace" => '\u{200B}',
        b"zwj" => '\u{200D}',
        b"zwnj" => '\u{200C}',
        b"lrm" => '\u{200E}',
        b"rlm" => '\u{200F}',
        b"ndash" => '–',
        b"mdash" => '—',
        b"horbar" => '―',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"sbquo" => '‚',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"bdquo" => '„',
        b"laquo" => '«',
        b"raquo" => '»',
        b"lsaquo" => '‹',
        b"rsaquo" => '›',
        b"hellip" => '…',
        b"middot" | b"centerdot" => '·',
        b"bull" => '•',
        b"prime" => '′',
        b"Prime" => '″',
        b"times" => '×',
        b"divide" => '÷',
        b"minus" => '−',
        b"plusmn" => '±',
        b"deg" => '°',
        b"permil" => '‰',
        b"percnt" => '%',
        b"yen" => '¥',
        b"euro" => '€',
        b"pound" => '£',
        b"cent" => '¢',
        b"dollar" => '$',
        b"copy" => '©',
        b"reg" => '®',
        b"trade" => '™',
        b"sect" => '§',
        b"para" => '¶',
        b"micro" => 'µ',
        b"frac12" => '½',
        b"frac14" => '¼',
        b"frac34" => '¾',
        b"sup1" => '¹',
        b"sup2" => '²',
        b"sup3" => '³',
        b"le" => '≤',
        b"ge" => '≥',
        b"ne" => '≠',
        b"asymp" => '≈',
        b"larr" => '←',
        b"rarr" => '→',
        b"uarr" => '↑',
        b"darr" => '↓',
        b"colon" => ':',
        b"comma" => ',',
        b"period" => '.',
        b"semi" => ';',
        b"excl" => '!',
        b"quest" => '?',
        b"lpar" => '(',
        b"rpar" => ')',
        b"lsqb" | b"lbrack" => '[',
        b"rsqb" | b"rbrack" => ']',
        b"lcub" | b"lbrace" => '{',
        b"rcub" | b"rbrace" => '}',
        b"num" => '#',
        b"ast" => '*',
        b"plus" => '+',
        b"sol" => '/',
        b"bsol" => '\\',
        b"verbar" | b"vert" => '|',
        b"equals" => '=',
        b"lowbar" => '_',
        b"grave" => '`',
        b"Hat" => '^',
        b"tilde" => '˜',
        _ => return None,
    })
}

/// Decode the entity at `i` (an `&`): the char it stands for (`None` when that char is
/// dropped, as [`clean_char`] would) and the index after its `;`. `None` overall when it is
/// not a valid entity and stays as written.
fn entity_at(v: &[Pair], i: usize) -> Option<(Option<char>, usize)> {
    let mut k = i + 1;
    let value = if ch(v, k) == '#' {
        k += 1;
        let hex = matches!(ch(v, k), 'x' | 'X');
        k += usize::from(hex);
        let (radix, max_digits) = if hex { (16, 6) } else { (10, 7) };
        let start = k;
        let mut value: u32 = 0;
        while let Some(d) = ch(v, k).to_digit(radix) {
            if k - start == max_digits {
                return None;
            }
            value = value * radix + d;
            k += 1;
        }
        if k == start || value == 0 {
            return None;
        }
        char::from_u32(value)?
    } else {
        let mut name = [0u8; 16];
        let start = k;
        while k - start < name.len() && ch(v, k).is_ascii_alphanumeric() {
            name[k - start] = ch(v, k) as u8;
            k += 1;
        }
        named_entity(&name[..k - start])?
    };
    (ch(v, k) == ';').then(|| (clean_char(value), k + 1))
}

/// Replace character references (`&amp;`, `&#123;`, `&#x7B;`) by their chars; anything that
/// is not a valid reference stays as written.
fn entities(v: &mut [Pair]) -> usize {
    let (mut i, mut w) = (0, 0);
    while i < v.len() {
        let (c, o) = v[i];
        if c == '&' {
            if let Some((value, next)) = entity_at(v, i) {
                if let Some(value) = value {
                    put(v, &mut w, i, (value, o));
                }
                i = next;
                continue;
            }
        }
        put(v, &mut w, i, (c, o));
        i += 1;
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/// A Markdown link `[text](url)` whose `[` is at `i`: the index of its `]` and the index after
/// its `)`. Scans stop at any bracket or line end, so they never overlap.
fn md_link(v: &[Pair], i: usize) -> Option<(usize, usize)> {
    let text_end = v.len().min(i + 1 + LINK_TEXT_BOUND);
    let close = (i + 1..text_end).find(|&k| matches!(v[k].0, ']' | '[' | '\n'))?;
    if v[close].0 != ']' || ch(v, close + 1) != '(' {
        return None;
    }
    let url_end = v.len().min(close + 2 + LINK_URL_BOUND);
    let end = (close + 2..url_end).find(|&m| matches!(v[m].0, ')' | '[' | ']' | '(' | '\n'))?;
    (v[end].0 == ')').then_some((close, end + 1))
}

/// What the block syntax at the start of a line does.
struct Block {
    /// Where inline reading goes on.
    next: usize,
    /// A mark to write: HEADING for `#`, HARD for bullets, quotes and rules.
    mark: Option<Pair>,
    /// Where a heading's closing `###` starts (it runs to the end of the line).
    cut: Option<usize>,
}

/// Read the block syntax at `i`, the first non-space char of a line.
fn md_block(v: &[Pair], i: usize) -> Block {
    let plain = Block {
        next: i,
        mark: None,
        cut: None,
    };
    let Some(&(c, o)) = v.get(i) else {
        return plain;
    };
    match c {
        '#' => {
            let mut j = i;
            while ch(v, j) == '#' {
                j += 1;
            }
            if j - i > 6 || !matches!(ch(v, j), ' ' | '\n' | '\0') {
                return plain;
            }
            while ch(v, j) == ' ' {
                j += 1;
            }
            let mut t = line_end(v, j);
            while t > j && v[t - 1].0 == ' ' {
                t -= 1;
            }
            let mut h = t;
            while h > j && v[h - 1].0 == '#' {
                h -= 1;
            }
            Block {
                next: j,
                mark: Some((HEADING, o)),
                cut: (h < t && (h == j || v[h - 1].0 == ' ')).then_some(h),
            }
        }
        '-' | '*' | '_' | '+' | '>' => {
            if matches!(c, '-' | '*' | '_') {
                // A thematic break: three or more of one of `-*_`, spaces between.
                let e = line_end(v, i);
                let line = &v[i..e];
                if line.iter().all(|p| p.0 == c || p.0 == ' ')
                    && line.iter().filter(|p| p.0 == c).count() >= 3
                {
                    return Block {
                        next: e,
                        mark: Some((HARD, o)),
                        cut: None,
                    };
                }
            }
            let next = ch(v, i + 1);
            let bullet = matches!(c, '-' | '*' | '+') && next == ' ';
            let quote = c == '>' && matches!(next, ' ' | '\n' | '\0');
            if !(bullet || quote) {
                return plain;
            }
            let mut j = i + 1;
            while ch(v, j) == ' ' {
                j += 1;
            }
            Block {
                next: j,
                mark: Some((HARD, o)),
                cut: None,
            }
        }
        _ => plain,
    }
}

/// Reduce Markdown to its text: headings, links, images, emphasis, bullets, quotes, rules.
fn markdown(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    let mut line_start = true;
    // Inside a link's text: the index of its `]` and where reading resumes after its `)`.
    let mut link: Option<(usize, usize)> = None;
    // Where a heading's closing `###` starts.
    let mut cut: Option<usize> = None;
    while i < len {
        if line_start {
            line_start = false;
            while i < len && (v[i].0 == ' ' || is_marker(v[i].0)) {
                put(v, &mut w, i, v[i]);
                i += 1;
            }
            let block = md_block(v, i);
            if let Some(mark) = block.mark {
                put(v, &mut w, i, mark);
            }
            i = block.next;
            cut = block.cut;
            continue;
        }
        if let Some((close, resume)) = link {
            if i == close {
                link = None;
                i = resume;
                continue;
            }
        }
        if cut == Some(i) {
            cut = None;
            i = line_end(v, i);
            continue;
        }
        let (c, o) = v[i];
        match c {
            '!' if ch(v, i + 1) == '[' => {
                if let Some((_, end)) = md_link(v, i + 1) {
                    i = end;
                    continue;
                }
            }
            '[' if link.is_none() => {
                if let Some(l) = md_link(v, i) {
                    link = Some(l);
                    i += 1;
                    continue;
                }
            }
            '*' | '_' if ch(v, i + 1) == c => {
                while ch(v, i) == c {
                    i += 1;
                }
                continue;
            }
            '\n' => {
                line_start = true;
                link = None;
                cut = None;
            }
            _ => {}
        }
        put(v, &mut w, i, (c, o));
        i += 1;
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Width and punctuation.

/// Whether the ASCII punctuation at `i` sits in Latin text (`Hello, world`, `http://`), where
/// it stays ASCII; in Chinese text it is Chinese punctuation typed half-width. What is
/// written so far (`..w`) is folded, what follows `i` is not yet.
fn in_latin(v: &[Pair], w: usize, i: usize) -> bool {
    let nonspace = |p: &Pair| p.0 != ' ';
    let prev = v[..w].iter().rev().take(8).find(|p| nonspace(p));
    if !prev.is_some_and(|p| p.0.is_ascii_alphabetic()) {
        return false;
    }
    let next = v[i + 1..]
        .iter()
        .take(8)
        .find(|p| nonspace(p))
        .map_or('\n', |p| p.0);
    next == '\n' || next.is_ascii_graphic()
}

/// Whether a `;` after `done` ends something written like an entity (`&#99999999999;`),
/// which the entity pass kept as written because it stands for no char; it stays as written.
fn after_entity_like(done: &[Pair]) -> bool {
    done.iter()
        .rev()
        .take(34)
        .map(|p| p.0)
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '#'))
        == Some('&')
}

/// A thousands separator at `i`: a digit before, exactly three digits after.
fn is_thousands(v: &[Pair], i: usize, prev: char) -> bool {
    prev.is_ascii_digit()
        && (1..=3).all(|k| is_digit_like(ch(v, i + k)))
        && !is_digit_like(ch(v, i + 4))
}

/// Fold width variants and punctuation to the forms the rules expect: ASCII digits, letters,
/// `%`, `.` in numbers, `()`, `-` in ranges, ASCII spaces; Chinese `，；：？！`. Drops pinyin
/// readings on the way (one pass instead of two over the whole text).
fn fold(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    while i < len {
        let (c, o) = v[i];
        if c.is_ascii_alphanumeric() || han(c) {
            put(v, &mut w, i, (c, o));
            i += 1;
            continue;
        }
        let prev = if w > 0 { v[w - 1].0 } else { '\0' };
        if matches!(c, '(' | '（') && han(prev) {
            if let Some(end) = pinyin_at(v, i) {
                i = end;
                continue;
            }
        }
        let next_digit = is_digit_like(ch(v, i + 1));
        let out = match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '％' => '%',
            '＋' => '+',
            '－' | '−' => '-',
            '（' => '(',
            '）' => ')',
            '．' if prev.is_ascii_digit() && next_digit => '.',
            '～' | '〜' | '~' | '—' | '–' | '‐' | '‑' | '‒' | '―'
                if (prev.is_ascii_digit() || prev == '%') && next_digit =>
            {
                '-'
            }
            ',' if is_thousands(v, i, prev) || in_latin(v, w, i) => ',',
            ',' => '，',
            ':' if (prev.is_ascii_digit() && next_digit) || in_latin(v, w, i) => ':',
            ':' => '：',
            ';' if after_entity_like(&v[..w]) => ';',
            ';' | '?' | '!' if in_latin(v, w, i) => c,
            ';' => '；',
            '?' => '？',
            '!' => '！',
            '\u{3000}'
            | '\u{A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{1680}' => ' ',
            _ => c,
        };
        put(v, &mut w, i, (out, o));
        i += 1;
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Pinyin readings, dropped by the folding pass.

/// Whether `c` is a letter of pinyin, and whether it carries a tone mark.
fn pinyin_letter(c: char) -> Option<bool> {
    match c {
        'a'..='z' | 'A'..='Z' | 'ü' | 'Ü' | 'ê' | 'Ê' | 'ɑ' | 'ɡ' => Some(false),
        'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó' | 'ǒ'
        | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ń' | 'ň' | 'ǹ' | 'ḿ' | 'ế'
        | 'ề' | 'Ā' | 'Á' | 'Ǎ' | 'À' | 'Ē' | 'É' | 'Ě' | 'È' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' | 'Ō'
        | 'Ó' | 'Ǒ' | 'Ò' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => Some(true),
        // Combining tone marks, for pinyin typed with them.
        '\u{300}'..='\u{36F}' => Some(true),
        _ => None,
    }
}

/// The end (after `)`) of a pinyin reading whose `(` is at `i`: letters, spaces and
/// apostrophes only, with a tone mark or else no capitals (`(GDP)` is not a reading). Full-
/// width parentheses count too, as this runs while they are being folded.
fn pinyin_at(v: &[Pair], i: usize) -> Option<usize> {
    let (mut letters, mut tone, mut upper) = (false, false, false);
    for (k, &(c, _)) in v.iter().enumerate().skip(i + 1).take(PINYIN_BOUND) {
        if matches!(c, ')' | '）') {
            return (letters && (tone || !upper)).then_some(k + 1);
        }
        match pinyin_letter(c) {
            Some(t) => {
                letters = true;
                tone |= t;
                upper |= c.is_ascii_uppercase();
            }
            None if matches!(c, ' ' | '\'' | '’') => {}
            None => return None,
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Page furniture of a PDF copy.

/// Drop the lines a PDF copy repeats on every page (its running header) and its page numbers
/// (see [`super::page`]), with their line breaks, so that a sentence broken over a page joins
/// up again in the line pass. Two passes over the lines: one counts the short ones, one writes
/// the rest.
fn pages(v: &mut [Pair]) -> usize {
    let len = v.len();
    let content = |v: &[Pair], s: usize, e: usize| -> Vec<char> {
        v[s..e]
            .iter()
            .map(|p| p.0)
            .filter(|&c| c != ' ' && !is_marker(c))
            .collect()
    };
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < len {
        let e = line_end(v, i);
        ranges.push((i, e));
        i = e + 1;
    }
    let mut counts: std::collections::HashMap<Vec<char>, usize> = Default::default();
    for &(s, e) in &ranges {
        if e - s <= 2 * super::page::HEADER_LEN {
            let t = content(v, s, e);
            // Markup repeats (`<tr>`, `<td>万吨</td>`) and is no header.
            if super::page::may_repeat(&t) && !t.iter().any(|&c| matches!(c, '<' | '>' | '|')) {
                *counts.entry(t).or_default() += 1;
            }
        }
    }
    if counts.values().all(|&n| n < super::page::REPEATS)
        && !ranges.iter().any(|&(s, e)| {
            e - s <= 2 * super::page::HEADER_LEN && super::page::page_number(&content(v, s, e))
        })
    {
        return len;
    }
    let mut w = 0;
    // The header atop the first page is the text's title: it stays (and stays the first
    // line, which never runs on into the next).
    let mut top = true;
    for (s, e) in ranges {
        let t = if e - s <= 2 * super::page::HEADER_LEN {
            content(v, s, e)
        } else {
            Vec::new()
        };
        let header = counts.get(&t).is_some_and(|&n| n >= super::page::REPEATS);
        let furniture = !t.is_empty() && (super::page::page_number(&t) || (header && !top));
        top &= t.is_empty();
        if furniture {
            continue;
        }
        let end = (e + 1).min(len);
        for k in s..end {
            put(v, &mut w, k, v[k]);
        }
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Lines and spaces.

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
    (han(last) || last.is_ascii_digit() || matches!(last, '%' | '，' | '、')) && continues(first)
}

/// A Chinese numeral or digit, as in the enumerators `一、` and `3、`.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || cn_power(c).is_some_and(|p| p <= 2)
}

/// Split into lines, trim them, drop spaces inside Chinese text, join stray breaks, collapse
/// blank lines and record heading starts. Removes the HEADING and HARD marks.
fn lines(v: &mut [Pair], headings: &mut Vec<usize>) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    let mut prev: Option<Line> = None;
    // Origin of the `\n` after the last written line, for what is written before the next.
    let mut brk = 0u32;
    // A HARD mark was seen since the last written line.
    let mut hard = false;
    // A blank line was skipped since the last written line.
    let mut blank = false;
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
            if hard || heading || !joins(&p, first) {
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

// ---------------------------------------------------------------------------------------------
// Traditional to Simplified.

/// The text of `v` in Simplified script. `fast2s` maps char for char (it only swaps one Han
/// ideograph for another, looking at its neighbours), so the origins still line up. It runs
/// last, because no earlier pass depends on which ideograph a char is.
///
/// Only lines holding a char that `fast2s` may change go through it, each line whole: its
/// context is two adjacent ideographs, never a line break, so this gives what one run over
/// the whole text gives, without paying for its hash lookups on every char of Simplified
/// text. Should a line ever change its char count, its chars are converted one by one
/// instead, which cannot shift the map.
fn simplify(v: &[Pair]) -> String {
    let touched = &T2S_TOUCHED;
    let may_change = |c: char| {
        let u = c as usize;
        u < 0x10000 && touched[u / 64] & (1 << (u % 64)) != 0
    };
    let mut text = String::with_capacity(v.iter().map(|p| p.0.len_utf8()).sum());
    let mut line = String::new();
    let mut start = 0;
    while start < v.len() {
        let end = line_end(v, start).min(v.len() - 1) + 1;
        let chars = v[start..end].iter().map(|p| p.0);
        if !chars.clone().any(may_change) {
            text.extend(chars);
        } else {
            line.clear();
            line.extend(chars);
            let converted = fast2s::convert(&line);
            if converted.chars().count() == end - start {
                text.push_str(&converted);
            } else {
                text.extend(v[start..end].iter().map(|p| convert_one(p.0)));
            }
        }
        start = end;
    }
    text
}

/// Chars `fast2s` may change, as a bit set over the Basic Multilingual Plane (it changes no
/// others), found at compile time by `build.rs`.
static T2S_TOUCHED: [u64; 0x10000 / 64] = include!(concat!(env!("OUT_DIR"), "/t2s_touched.rs"));

/// One char converted without context; kept as is unless it converts to exactly one char.
fn convert_one(c: char) -> char {
    let mut buf = [0u8; 4];
    let s = fast2s::convert(c.encode_utf8(&mut buf));
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(d), None) => d,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Input and expected text, one stage or rule per group.
    const CASES: &[(&str, &str)] = &[
        // 1. BOM, line ends, control chars, tabs.
        ("\u{FEFF}同比增长8.4%", "同比增长8.4%"),
        ("第一段。\r\n第二段。\r第三段。", "第一段。\n第二段。\n第三段。"),
        ("增\0长\u{1}8.4%\u{85}\u{7F}", "增长8.4%"),
        ("GDP\tgrowth", "GDP growth"),
        ("增长\u{200B}8.4%\u{FDD0}", "增长8.4%"),
        // Front matter.
        (
            "---\ntitle: '1-2月广东经济数据出炉'\nauthor: 新浪财经\n---\n\n正文。",
            "1-2月广东经济数据出炉\n正文。",
        ),
        ("\n\n---\ntitle: \"标题\"\ndate: 2020\n---\n正文。", "标题\n正文。"),
        ("source: a/b.md\n\n---\ntitle: 标题\n---\n正文。", "标题\n正文。"),
        ("source: a/b.md\n\n正文。", "source: a/b.md\n正文。"),
        // A page title with its site's name is not the first half of the next paragraph.
        (
            "导语。\n6项突破，10项第一，工信成绩亮眼 - 天天要闻\n\n工业运行实现新提升。",
            "导语。\n6项突破，10项第一，工信成绩亮眼 - 天天要闻\n工业运行实现新提升。",
        ),
        ("---\ntitle: 標題 甲\n...\n正文。", "标题甲\n正文。"),
        ("---\nauthor: x\n---\n正文。", "正文。"),
        ("---\ntitle: x\n正文", "title: x\n正文"),
        ("正文。\n---\ntitle: x\n---\n", "正文。\ntitle: x"),
        // 3. HTML.
        ("<p>第一段。</p><p>第二段。</p>", "第一段。\n第二段。"),
        (
            "工业<span class=\"x\"><a href=\"https://a.cn/b?c=1\">机器人</a></span>产量",
            "工业机器人产量",
        ),
        (
            "<style>.a&#123;color:red&#125;</style><p>正文</p><SCRIPT>var a = \"<p>\";</SCRIPT>结束",
            "正文\n结束",
        ),
        ("正文<!-- 广告 <p>x</p>", "正文"),
        ("机器<!-- x -->人", "机器人"),
        ("<p>a < b，增长<5%</p>", "a < b，增长<5%"),
        (
            "<p>增长<img alt=\"a>b\" src=x>5%</p><iframe srcdoc=\"<script>x()</script>\"></iframe>完",
            "增长5%\n完",
        ),
        ("增长<5%，a<b", "增长<5%，a<b"),
        ("第一行<br/>第二行<BR>第三行", "第一行\n第二行\n第三行"),
        ("<div>   \n<p class=\"t\">　　原标题：增长8% </p>\n</div>", "原标题：增长8%"),
        (
            "<h2>工业 运行</h2><p>全市规上工业增加值同比增长8.4%。</p>",
            "工业运行\n全市规上工业增加值同比增长8.4%。",
        ),
        ("<!DOCTYPE html><html><body>正文</body></html>", "正文"),
        ("<style>unclosed 正文", "unclosed 正文"),
        // Paragraphs made by tags are never joined.
        (
            "<p>原标题：工业、投资、消费同比增长均超三成</p>\n<p>2021年1-2月，广东经济持续稳定恢复。</p>",
            "原标题：工业、投资、消费同比增长均超三成\n2021年1-2月，广东经济持续稳定恢复。",
        ),
        // Entities, with or without HTML.
        ("&#123;&#x7D;&amp;&lt;&gt;&quot;&apos;", "{}&<>\"'"),
        ("&ldquo;增长&rdquo;&mdash;&hellip;&middot;", "“增长”—…·"),
        ("增长&emsp;8%&nbsp;，&ensp;全市", "增长8%，全市"),
        ("A &foo; B & C &#; &#x; &#0;", "A &foo; B & C &#; &#x; &#0;"),
        ("&#99999999999;&#x110000;&#xD800;", "&#99999999999;&#x110000;&#xD800;"),
        ("&lt;p&gt;不是标签", "<p>不是标签"),
        // Markdown.
        (
            "## 工业运行质效实现新提升 ##\n\n全市增长8.4%。",
            "工业运行质效实现新提升\n全市增长8.4%。",
        ),
        ("详见[查看原文](https://news.cn/a.html)。", "详见查看原文。"),
        ("![图片](https://a.cn/b.png)正文", "正文"),
        ("**全市**规上工业增加值__同比__增长", "全市规上工业增加值同比增长"),
        (
            "- 贷款额度：最高100万元\n* 贷款期限：最长5年\n+ 利率低",
            "贷款额度：最高100万元\n贷款期限：最长5年\n利率低",
        ),
        ("> 引用的话。\n正文。", "引用的话。\n正文。"),
        ("第一行。  \n第二行。", "第一行。\n第二行。"),
        ("#两会#经济", "#两会#经济"),
        ("-5%的降幅", "-5%的降幅"),
        ("正文。\n\n---\n\n***\n\n下文。", "正文。\n下文。"),
        ("[不是链接] (x)", "[不是链接] (x)"),
        // Width and punctuation.
        ("同比增长８．４％", "同比增长8.4%"),
        (
            "上半年总收入人民币9.712亿元,同比增长20.5%;",
            "上半年总收入人民币9.712亿元，同比增长20.5%；",
        ),
        ("营收12,345,678元,增长1,234", "营收12,345,678元，增长1,234"),
        ("2020,2021年;1,2345", "2020，2021年；1，2345"),
        ("2025年03月20日18:32:04 市场:好", "2025年03月20日18:32:04市场：好"),
        ("怎么办?好!", "怎么办？好！"),
        ("Hello, world! Is it ok? Yes: see https://a.cn", "Hello, world! Is it ok? Yes: see https://a.cn"),
        ("1月10日, 美图公司创始人兼CEO吴欣鸿", "1月10日，美图公司创始人兼CEO吴欣鸿"),
        ("（全省仅5家）", "(全省仅5家)"),
        ("增长5%～8%，2019—2020年，3〜5个，4~6倍", "增长5%-8%，2019-2020年，3-5个，4-6倍"),
        ("——经济总体回升向好", "——经济总体回升向好"),
        ("ＧＤＰ增长＋１２％，－３％", "GDP增长+12%，-3%"),
        ("　　全市　增长\u{A0}8%", "全市增长8%"),
        ("比例为5.7∶43.2∶51.1", "比例为5.7∶43.2∶51.1"),
        // Traditional to Simplified.
        ("國內生產總值26450億元，按年下降6.8%", "国内生产总值26450亿元，按年下降6.8%"),
        ("高達27個百分點，43.65萬億元", "高达27个百分点，43.65万亿元"),
        // 7. Pinyin readings.
        ("同比(tóngbǐ)增长(zēngzhǎng)8.4%", "同比增长8.4%"),
        ("區(qū)", "区"),
        ("的(de)(de)", "的"),
        ("同比（tóngbǐ）增长", "同比增长"),
        ("北京(Běijīng)和(hé)上海", "北京和上海"),
        ("北京(Beijing)", "北京(Beijing)"),
        ("国内生产总值(GDP)", "国内生产总值(GDP)"),
        ("股份(SZ300829)", "股份(SZ300829)"),
        ("公众号(ID:excel-ers)", "公众号(ID:excel-ers)"),
        ("试点企业(全省仅5家)", "试点企业(全省仅5家)"),
        ("A(de)", "A(de)"),
        // 8. Broken lines.
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
    ];

    #[test]
    fn cases() {
        let mut failed = Vec::new();
        for &(input, want) in CASES {
            let got = normalize(input).text;
            if got != want {
                failed.push(format!("{input:?}\n   want {want:?}\n    got {got:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// The input chars that `needle`, found in the output, came from.
    fn source_of(input: &str, needle: &str) -> String {
        let n = normalize(input);
        let byte = n
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text));
        let start = n.text[..byte].chars().count();
        let [s, e] = n.input_span(start, start + needle.chars().count());
        input.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn spans_point_back_into_the_input() {
        let cases: &[(&str, &str, &str)] = &[
            ("同比增长８．４％，高于全国", "8.4%", "８．４％"),
            ("\u{FEFF}第一段。\r\n同比增长8.4%", "8.4%", "8.4%"),
            (
                "部分产品，工业<span id=\"s\"><a href=\"x\">机器人</a></span>产量",
                "机器人产量",
                "机器人</a></span>产量",
            ),
            ("國內生產總值26450億元", "26450亿元", "26450億元"),
            ("增长&#56;.4%", "8.4%", "&#56;.4%"),
            ("---\ntitle: '广东经济'\n---\n正文", "广东经济", "广东经济"),
            (
                "导语。\n新增人才13人，数量较去年翻\n\n倍，入选",
                "翻倍",
                "翻\n\n倍",
            ),
            ("同比(tóngbǐ)增长8.4%", "同比增长", "同比(tóngbǐ)增长"),
            ("详见[查看原文](https://a.cn)。", "查看原文", "查看原文"),
            ("## 工业运行\n\n正文", "工业运行", "工业运行"),
            ("上半年总收入9.712亿元,同比增长20.5%", "，同比", ",同比"),
            ("推动1000余家 中小企业", "余家中小", "余家 中小"),
        ];
        for &(input, needle, want) in cases {
            assert_eq!(source_of(input, needle), want, "{input:?}");
        }
    }

    #[test]
    fn inserted_breaks_map_to_their_markup() {
        let input = "<p>第一段。</p><p>第二段。</p>";
        let n = normalize(input);
        let nl = n.text.chars().position(|c| c == '\n').unwrap();
        let [s, _] = n.input_span(nl, nl + 1);
        assert_eq!(input.chars().nth(s), Some('<'));
    }

    #[test]
    fn headings_are_recorded() {
        let cases: &[(&str, &[usize])] = &[
            ("## 工业运行\n\n正文。\n### 第二节\n正文", &[0, 9]),
            ("<h1>标题</h1><p>正文</p><h3> <b>小节</b></h3>", &[0, 6]),
            ("---\ntitle: 标题\n---\n# 一级\n正文", &[0, 3]),
            ("<h2></h2><p>正文</p>", &[]),
            ("#话题#正文", &[]),
        ];
        for &(input, want) in cases {
            let n = normalize(input);
            assert_eq!(n.headings, want, "{input:?} → {:?}", n.text);
        }
    }

    #[test]
    fn the_compile_time_table_holds_every_char_fast2s_changes_alone() {
        for c in ('\u{800}'..='\u{FFFF}').filter(|&c| convert_one(c) != c) {
            let u = c as usize;
            assert!(T2S_TOUCHED[u / 64] & (1 << (u % 64)) != 0, "{c}");
        }
        // Changed only beside another char: 著 alone stays, in 看著 it becomes 着.
        assert_eq!(convert_one('著'), '著');
        let pairs: Vec<Pair> = "看著".chars().map(|c| (c, 0)).collect();
        assert_eq!(simplify(&pairs), fast2s::convert("看著"));
    }

    #[test]
    fn fast2s_is_char_for_char() {
        // Every char fast2s can change, in context and alone.
        let all: String = ('\u{800}'..='\u{FFFF}').collect();
        assert_eq!(fast2s::convert(&all).chars().count(), all.chars().count());
        for s in [
            "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦",
            "企畫 計畫 畫圖",
            "憑藉 藉口 慰藉 看著 苧麻 樊於期 闔家",
        ] {
            assert_eq!(fast2s::convert(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn simplify_matches_one_whole_text_run() {
        let text = "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦。\n企畫 計畫 畫圖\n憑藉，藉口，慰藉，看著，苧麻，樊於期，闔家，鍾書\n简体不变，國家統計局\n答覆";
        let pairs: Vec<Pair> = text.chars().map(|c| (c, 0)).collect();
        assert_eq!(simplify(&pairs), fast2s::convert(text));
        assert_eq!(convert_one('國'), '国');
    }

    /// What holds for the output of any input: the crate's one checker.
    fn check_invariants(input: &str) -> Result<(), TestCaseError> {
        crate::check::normalized(input).map_err(TestCaseError::fail)?;
        Ok(())
    }

    const PIECES: &[&str] = &[
        "<",
        ">",
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<span>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "&",
        "&#",
        "&#x",
        ";",
        "amp",
        "123",
        "\n",
        "\r",
        "\n\n",
        "(",
        ")",
        "[",
        "]",
        "(x)",
        "ā",
        "de",
        "國",
        "１",
        "％",
        "．",
        " ",
        "\u{3000}",
        ",",
        ":",
        "-",
        "—",
        "~",
        "#",
        "## ",
        "- ",
        "*",
        "**",
        "0",
        "5",
        "9",
        "增长",
        "同比",
        "，",
        "。",
        "---\n",
        "title: ",
        "'",
        "\"",
        "\u{FEFF}",
        "\0",
        "A",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(384))]

        #[test]
        fn any_string(input in any::<String>()) {
            check_invariants(&input)?;
        }

        #[test]
        fn any_chars(chars in prop::collection::vec(any::<char>(), 0..200)) {
            check_invariants(&chars.into_iter().collect::<String>())?;
        }

        #[test]
        fn tricky_pieces(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80)) {
            check_invariants(&pieces.concat())?;
        }
    }

    /// Inputs that would take quadratic time with unbounded or overlapping scans; each must
    /// finish quickly (a quadratic pass would take minutes here).
    #[test]
    fn pathological_inputs_stay_linear() {
        let n = 200_000;
        let inputs = [
            "<a ".repeat(n),
            "<p".repeat(n),
            format!("<{}", "x".repeat(n * 3)),
            "<div>".repeat(n) + &"</div>".repeat(n),
            "<!--".repeat(n),
            "<!-- -->".repeat(n),
            "<script>".repeat(n),
            "<style>x".repeat(n),
            "&#".repeat(n),
            "&amp".repeat(n),
            "[x](".repeat(n),
            "[".repeat(n),
            "![a](b".repeat(n),
            "国(".repeat(n),
            "国(de".repeat(n),
            "\n".repeat(n * 5),
            "增长，".repeat(n * 2),
            "增长\n".repeat(n),
            " ".repeat(n * 5),
            "# ".repeat(n),
            format!("---\n{}", "a\n".repeat(n)),
            "1,2".repeat(n),
            "a ,".repeat(n),
        ];
        for input in &inputs {
            let t = std::time::Instant::now();
            let out = normalize(input);
            assert!(out.origin.len() == out.text.chars().count() + 1);
            assert!(
                t.elapsed().as_secs() < 20,
                "{:?}… took {:?}",
                &input[..12],
                t.elapsed()
            );
        }
    }
}
