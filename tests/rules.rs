//! The rule tests, as data: every case in `tests/rules/*.toml` is a sentence (or a short
//! article), where it came from, and every fact it must give with all its fields; a case gives
//! exactly those facts and nothing else. Adding a rule test is adding one `[[case]]`.
//!
//! A case: `origin` ("bug: …" or "phenomenon: …"), `text`, then one `[[case.fact]]` per fact
//! with `metric` (exact), `kind`, `value`, `unit`, and, when the fact has them, `subject`,
//! `basis`, `versus`, `bound` (">=", "~", "<="), `period`, `target = true`, `from`. A missing
//! field means the fact has none, except `when` (the period in comparable form, "" for none),
//! `when_note` (how the note on a period without one starts) and `key` (the card's metric
//! key), which are compared only when given. `fact = []` says the text gives no fact at all. `[[case.not]]`
//! names a fact it must not give by any of `metric`, `kind`, `value`, `unit`. `doubt` on a
//! fact records what in it is known to be imperfect but kept, so a fix shows here.

mod common;

use serde::Deserialize;
use std::fmt;
use zhibiao::{analyze, Card, Fact};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    origin: String,
    text: String,
    fact: Vec<Want>,
    #[serde(default)]
    not: Vec<Not>,
}

/// A fact with every field the rules decide.
#[derive(Deserialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct Want {
    metric: String,
    subject: Option<String>,
    kind: String,
    value: f64,
    unit: String,
    basis: Option<String>,
    versus: Option<String>,
    bound: Option<String>,
    period: Option<String>,
    #[serde(default)]
    target: bool,
    from: Option<f64>,
    /// The period in comparable form, "" for none; compared only when given.
    when: Option<String>,
    /// How the note on a period with no `when` starts; compared only when given.
    when_note: Option<String>,
    /// The card's metric key; compared only when given.
    key: Option<String>,
    /// Known to be imperfect but kept (read by people, not compared).
    #[serde(default)]
    doubt: Option<String>,
}

/// A fact a case must not give: every field named must differ from each fact given.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Not {
    metric: Option<String>,
    kind: Option<String>,
    value: Option<f64>,
    unit: Option<String>,
}

impl Want {
    fn given(card: &Card, f: &Fact) -> Want {
        Want {
            metric: card.metric.clone(),
            subject: card.subject.clone(),
            kind: f.kind.as_str().to_string(),
            value: f.value,
            unit: f.unit.clone(),
            basis: f.basis.clone(),
            versus: f.versus.clone(),
            bound: f.bound.map(|b| b.as_str().to_string()),
            period: f.period.clone(),
            target: f.target,
            from: f.from,
            when: Some(f.when.clone().unwrap_or_default()),
            when_note: f.when_note.clone(),
            key: Some(card.key.clone()),
            doubt: None,
        }
    }

    /// The same fact: every field equal, numbers to a millionth.
    fn matches(&self, got: &Want) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(1.0);
        self.metric == got.metric
            && self.subject == got.subject
            && self.kind == got.kind
            && close(self.value, got.value)
            && self.unit == got.unit
            && self.basis == got.basis
            && self.versus == got.versus
            && self.bound == got.bound
            && self.period == got.period
            && self.target == got.target
            && match (self.from, got.from) {
                (Some(a), Some(b)) => close(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self
                .when
                .as_ref()
                .is_none_or(|w| got.when.as_ref() == Some(w))
            && self
                .key
                .as_ref()
                .is_none_or(|k| got.key.as_ref() == Some(k))
            && self.when_note.as_ref().is_none_or(|n| {
                got.when_note
                    .as_ref()
                    .is_some_and(|g| g.starts_with(n.as_str()))
            })
    }
}

impl fmt::Debug for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}{}",
            self.metric, self.kind, self.value, self.unit
        )?;
        for (name, v) in [
            ("subject", &self.subject),
            ("basis", &self.basis),
            ("versus", &self.versus),
            ("bound", &self.bound),
            ("period", &self.period),
            ("when", &self.when),
            ("when_note", &self.when_note),
            ("key", &self.key),
        ] {
            if let Some(v) = v {
                write!(f, " {name}={v}")?;
            }
        }
        if self.target {
            write!(f, " target")?;
        }
        if let Some(from) = self.from {
            write!(f, " from={from}")?;
        }
        Ok(())
    }
}

impl Not {
    fn excludes(&self, got: &Want) -> bool {
        self.metric.as_ref().is_some_and(|m| *m != got.metric)
            || self.kind.as_ref().is_some_and(|k| *k != got.kind)
            || self.value.is_some_and(|v| v != got.value)
            || self.unit.as_ref().is_some_and(|u| *u != got.unit)
    }
}

/// What is wrong with the facts `case` gives, if anything.
fn failure(case: &Case) -> Option<String> {
    let article = analyze("rule", &case.text);
    let got: Vec<Want> = article
        .cards
        .iter()
        .flat_map(|c| c.facts.iter().map(move |f| Want::given(c, f)))
        .collect();
    let missing: Vec<&Want> = case
        .fact
        .iter()
        .filter(|w| !got.iter().any(|g| w.matches(g)))
        .collect();
    let extra: Vec<&Want> = got
        .iter()
        .filter(|g| !case.fact.iter().any(|w| w.matches(g)))
        .collect();
    let forbidden: Vec<&Not> = case
        .not
        .iter()
        .filter(|n| got.iter().any(|g| !n.excludes(g)))
        .collect();
    if missing.is_empty() && extra.is_empty() && forbidden.is_empty() {
        return None;
    }
    Some(format!(
        "{}\n  «{}»\n  wanted but not given: {missing:#?}\n  given but not wanted: {extra:#?}\n  given though forbidden: {forbidden:#?}",
        case.origin, case.text
    ))
}

#[test]
fn every_rule_case_gives_exactly_its_facts() {
    let paths = common::rule_files();
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in paths {
        let data = std::fs::read_to_string(&path).expect("readable rule file");
        let file: File =
            toml::from_str(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            cases += 1;
            if let Some(f) = failure(case) {
                failures.push(format!("{}: {f}", path.display()));
            }
        }
    }
    assert!(cases > 100, "only {cases} rule cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
