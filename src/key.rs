//! Metric keys: one key for every wording of one measure, so that facts from different
//! articles line up in the compare table. 规上 = 规模以上 (`vocab/aliases.txt`), Traditional =
//! Simplified, scope words and a leading place dropped (全市, 广东, 聊城市), leading light verbs
//! dropped (新增, 实现), and the 增速 of X is X's (the rate words of `vocab/rates.txt`): its
//! facts are changes.

use crate::cards::{core_name, without_place};
use crate::vocab::{Words, VOCAB};

/// The key of a metric's name as written anywhere (an imported report may hold Traditional
/// script or full-width forms).
pub fn key(metric: &str) -> String {
    if metric.is_ascii() {
        key_of_normalised(metric)
    } else {
        key_of_normalised(&crate::normalize::normalize(metric).text)
    }
}

/// The key of a name the engine read, which is normalised already.
pub fn key_of_normalised(metric: &str) -> String {
    let mut name: String = metric.chars().filter(|c| !c.is_whitespace()).collect();
    loop {
        let before = name.clone();
        let cs: Vec<char> = name.chars().collect();
        if let Some(w) = VOCAB.scope.at(&cs, 0).filter(|w| w.len() < name.len()) {
            name = name[w.len()..].to_string();
        }
        if let Some(rest) = without_place(&name) {
            name = rest.to_string();
        }
        name = core_name(&name);
        name = without_ending(name, &[&VOCAB.rate_up, &VOCAB.rate_down]);
        // 同比增速: a basis left before the rate word is not part of the name.
        name = without_ending(name, &[&VOCAB.basis]);
        let trimmed = name.trim_end_matches(crate::vocab::VOCAB.marks.of);
        if trimmed.chars().count() >= 2 {
            name = trimmed.to_string();
        }
        if name == before {
            return name;
        }
    }
}

/// `name` without the longest word of `lists` it ends with, unless that is all of it.
fn without_ending(mut name: String, lists: &[&Words]) -> String {
    let cs: Vec<char> = name.chars().collect();
    let found = lists.iter().find_map(|l| l.ending(&cs, cs.len()));
    if let Some(w) = found.filter(|w| w.len() < name.len()) {
        name.truncate(name.len() - w.len());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn wordings_of_one_measure_share_a_key() {
        // Groups of names that must share a key; names of different groups must not.
        let groups: &[&[&str]] = &[
            &[
                "规模以上工业增加值",
                "规上工业增加值",
                "全市规上工业增加值",
                "規模以上工業增加值",
            ],
            &[
                "地区生产总值",
                "GDP",
                "全省地区生产总值",
                "广东地区生产总值",
                "GDP增速",
            ],
            &[
                "社会消费品零售总额",
                "社会消费品零售总额增速",
                "聊城市社会消费品零售总额",
            ],
            &["固定资产投资", "全市固定资产投资增幅"],
            &["城镇居民人均可支配收入"],
            &["居民人均可支配收入"],
        ];
        let keys: Vec<Vec<String>> = groups
            .iter()
            .map(|g| g.iter().map(|m| key(m)).collect())
            .collect();
        for (g, ks) in groups.iter().zip(&keys) {
            assert!(ks.iter().all(|k| k == &ks[0]), "{g:?} → {ks:?}");
        }
        for i in 0..keys.len() {
            for j in i + 1..keys.len() {
                assert_ne!(keys[i][0], keys[j][0], "{:?} / {:?}", groups[i], groups[j]);
            }
        }
    }
}
