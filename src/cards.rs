//! The last stage: facts into cards. The same statement twice (a title and the body, a
//! repeated paragraph) is one fact; facts of one metric in one sentence form one card.

use crate::model::{Bound, Card, Fact, Kind};
use crate::read::Draft;
use crate::text::script::han;
use crate::vocab::{Words, VOCAB};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Facts into cards: duplicates dropped, facts of one metric in one sentence together.
pub(crate) fn into_cards(drafts: Vec<Draft>) -> Vec<Card> {
    // The same statement twice (a title and the body, a repeated paragraph) is one fact.
    type Key = (Kind, String, u64, Option<Bound>, bool);
    let key = |d: &Draft| -> Key {
        (
            d.fact.kind,
            d.fact.unit.clone(),
            d.fact.value.to_bits(),
            d.fact.bound,
            d.fact.target,
        )
    };
    // The body's values by kind and unit, for headlines that restate them.
    let mut body_values: FxHashMap<(Kind, String), Vec<f64>> = FxHashMap::default();
    for d in drafts.iter().filter(|d| !d.heading) {
        let values = body_values
            .entry((d.fact.kind, d.fact.unit.clone()))
            .or_default();
        // Bounded: a huge paste keeps the check linear.
        if values.len() < 512 {
            values.push(d.fact.value);
        }
    }
    // The prose's facts by kind and unit, for table cells that restate them unrounded; only
    // gathered when there is a table (each is a copy, and most texts have none).
    let mut prose: FxHashMap<(Kind, String), Vec<(String, Fact)>> = FxHashMap::default();
    let tables = drafts.iter().any(|d| d.table);
    for d in drafts.iter().filter(|d| tables && !d.heading && !d.table) {
        let facts = prose.entry((d.fact.kind, d.fact.unit.clone())).or_default();
        if facts.len() < 512 {
            facts.push((d.metric.clone(), d.fact.clone()));
        }
    }
    let mut seen: FxHashMap<Key, Vec<Name>> = FxHashMap::default();
    let mut kept: Vec<Draft> = Vec::new();
    for d in drafts {
        // Only headings and cells are checked (checking every fact made long texts slow).
        let kind_unit = (d.fact.kind, d.fact.unit.clone());
        let restated = if d.heading {
            body_values
                .get(&kind_unit)
                .is_some_and(|vs| vs.iter().any(|&v| restates(&d.fact, v)))
        } else if d.table {
            prose.get(&kind_unit).is_some_and(|fs| {
                // The value first: comparing names costs far more, and most values differ.
                fs.iter()
                    .any(|(m, f)| restates(f, d.fact.value) && similar(m, &d.metric))
            })
        } else {
            false
        };
        if restated {
            continue;
        }
        let names = seen.entry(key(&d)).or_default();
        // A table states one metric for several periods (2025年, 2024年) in one row.
        let period = d.fact.period.as_deref().filter(|_| d.table).unwrap_or("");
        let subject = d.subject.as_deref().unwrap_or("");
        // Not `format!`: once a fact, its machinery cost more than the copy.
        let mut full = String::with_capacity(subject.len() + d.metric.len() + period.len());
        full.push_str(subject);
        full.push_str(&d.metric);
        full.push_str(period);
        let name = Name::new(full);
        // Bounded: a pathological input repeating one value a million times stays linear.
        // In the body only the same name is the same fact (城镇居民收入 ≠ 居民收入), however
        // worded (规上/规模以上, 广东完成…); a heading restates loosely.
        let same = |n: &Name| {
            if d.heading {
                similar(&n.full, &name.full)
            } else {
                n.same(&name)
            }
        };
        if names.iter().take(16).any(same) {
            continue;
        }
        names.push(name);
        kept.push(d);
    }
    let mut cards: Vec<Card> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    // Each metric's key, worked out once: a long text names the same metrics again and again.
    let mut keys: FxHashMap<String, String> = FxHashMap::default();
    for d in kept {
        let id = (d.sentence, d.card);
        if last == Some(id) {
            if let Some(card) = cards.last_mut() {
                card.span[1] = card.span[1].max(d.fact.span[1]);
                card.facts.push(d.fact);
                continue;
            }
        }
        last = Some(id);
        let key = match keys.get(&d.metric) {
            Some(k) => k.clone(),
            None => {
                let k = crate::key::key_of_normalised(&d.metric);
                keys.insert(d.metric.clone(), k.clone());
                k
            }
        };
        cards.push(Card {
            key,
            metric: d.metric,
            subject: d.subject,
            section: d.section,
            span: [d.card_start.min(d.fact.span[0]), d.fact.span[1]],
            facts: vec![d.fact],
        });
    }
    cards
}

/// A fact's name as the de-duplication compares it; its normal forms are worked out once, and
/// only when another fact has the same value.
struct Name {
    full: String,
    /// With short forms for long ones and without leading light verbs and enumerators.
    core: OnceCell<String>,
    /// The core of the name without a place leading it, when one does.
    placeless: OnceCell<Option<String>>,
}

impl Name {
    fn new(full: String) -> Name {
        Name {
            full,
            core: OnceCell::new(),
            placeless: OnceCell::new(),
        }
    }

    fn core(&self) -> &str {
        self.core.get_or_init(|| core_name(&self.full))
    }

    fn placeless(&self) -> Option<&str> {
        self.placeless
            .get_or_init(|| without_place(&self.full).map(core_name))
            .as_deref()
    }

    /// Two names of one fact in the body: equal once short forms are used and leading light
    /// verbs and enumerators dropped (一是规上工业增加值 = 规模以上工业增加值), or equal but
    /// for a place leading one of them (广东完成规模以上工业增加值 = 规模以上工业增加值). A
    /// place on both sides keeps them apart (甲区工业产值 ≠ 乙区工业产值).
    fn same(&self, other: &Name) -> bool {
        self.full == other.full
            || self.core() == other.core()
            || self.placeless() == Some(other.core())
            || other.placeless() == Some(self.core())
    }
}

/// The long forms of the aliases, as one matcher.
static ALIAS_LONGS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VOCAB.aliases.iter().map(|&(long, _)| long).collect()));

/// A name with short forms for long ones and without leading light verbs.
pub(crate) fn core_name(name: &str) -> String {
    let mut s = name.to_string();
    // The matcher first: most names hold no long form, and a search for each costs more.
    if ALIAS_LONGS.find_in(&s).is_some() {
        for (long, short) in &VOCAB.aliases {
            if s.contains(long) {
                s = s.replace(long, short);
            }
        }
    }
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while let Some(w) = VOCAB.lead.at(&cs, i) {
        i += w.chars().count();
    }
    cs[i..].iter().collect()
}

/// The rest of a name led by a place: a province (广东) or a short name ending in 省, 市, 县,
/// 区, 州 or 盟 (聊城市).
pub(crate) fn without_place(name: &str) -> Option<&str> {
    let cs: Vec<char> = name.chars().collect();
    let n = VOCAB
        .places
        .at(&cs, 0)
        .map(|w| w.chars().count())
        .or_else(|| {
            (3..=4).find(|&k| {
                cs.get(k - 1).is_some_and(|&c| VOCAB.names.place_end.has(c))
                    && cs[..k].iter().all(|&c| han(c))
            })
        })?;
    let n = n + usize::from(cs.get(n).is_some_and(|&c| VOCAB.names.place_suffix.has(c)));
    let byte = name.char_indices().nth(n).map_or(name.len(), |(b, _)| b);
    (n < cs.len()).then(|| &name[byte..])
}

/// Does a headline's `fact` restate the body's value `v`: the same, the same rounded to the
/// headline's precision (大增37% for 37.47%), or a bound the body's value meets (突破5000亿元
/// for 5313.8亿元)?
fn restates(fact: &Fact, v: f64) -> bool {
    let h = fact.value;
    if h == v {
        return true;
    }
    // Half a unit of the headline's last written digit, in the value's own scale.
    let written: String = fact
        .display
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let rounded = match crate::quantity::decimal::parse(&written) {
        Some(m) if m != 0.0 => {
            let decimals = written.split('.').nth(1).map_or(0, str::len) as i32;
            let half = 0.5 * 10f64.powi(-decimals) * (h / m).abs();
            (v - h).abs() <= half * (1.0 + 1e-9)
        }
        _ => false,
    };
    let met = match fact.bound {
        Some(Bound::AtLeast) => v >= h && v < h * 1.5,
        Some(Bound::AtMost) => v <= h && v > h / 1.5,
        Some(Bound::About) => (v - h).abs() <= h.abs() * 0.1,
        None => false,
    };
    rounded || met
}

/// Two names of one thing: one inside the other, or most character pairs shared.
fn similar(a: &str, b: &str) -> bool {
    if a == b
        || (a.chars().count() >= 2 && b.contains(a))
        || (b.chars().count() >= 2 && a.contains(b))
    {
        return true;
    }
    dice(a, b) >= 0.5
}

fn dice(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, y) = (pairs(a), pairs(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let mut pool = y.clone();
    let mut common = 0;
    for g in &x {
        if let Some(p) = pool.iter().position(|h| h == g) {
            pool.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}
