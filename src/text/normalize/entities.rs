//! Character references.
//!
//! Contract: `&amp;`, `&#123;`, `&#x7B;` and the named references of [`named_entity`] become
//! their char (cleaned as [`super::decode`] cleans input chars); anything that is not a valid
//! reference stays as written.

use super::decode::clean_char;
use super::{ch, put, Pair};

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
pub(super) fn entities(v: &mut [Pair]) -> usize {
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

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            ("&#123;&#x7D;&amp;&lt;&gt;&quot;&apos;", "{}&<>\"'"),
            ("&ldquo;增长&rdquo;&mdash;&hellip;&middot;", "“增长”—…·"),
            ("增长&emsp;8%&nbsp;，&ensp;全市", "增长8%，全市"),
            ("A &foo; B & C &#; &#x; &#0;", "A &foo; B & C &#; &#x; &#0;"),
            (
                "&#99999999999;&#x110000;&#xD800;",
                "&#99999999999;&#x110000;&#xD800;",
            ),
            ("&lt;p&gt;不是标签", "<p>不是标签"),
        ]);
    }
}
