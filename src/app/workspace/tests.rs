//! The workspace through the reducer: articles added, opened, renamed, removed and restored;
//! the saved form; the compare table with the reader's merges and splits.

use super::*;
use crate::app::i18n::Lang;
use crate::app::state::{Action, Notice, Replaced, State, View, TYPED_SOURCE};

const FIRST: &str = "2023年，全市规模以上工业增加值同比增长9.0%。全市粮食产量120万吨。";
const SECOND: &str = "2024年，全市规上工业增加值同比增长8.4%。全市粮食产量125万吨。";
const THIRD: &str = "2024年一季度，全市社会消费品零售总额同比增长5.1%。";

fn add(s: &State, text: &str, source: &str) -> State {
    s.apply(Action::AddArticle {
        text: text.into(),
        source: source.into(),
        html: false,
    })
    .unwrap()
}

fn three() -> State {
    let s = State::new(Lang::Zh, None);
    let s = add(&s, FIRST, "a.txt");
    let s = add(&s, SECOND, "b.txt");
    add(&s, THIRD, "c.txt")
}

fn texts(s: &State) -> Vec<&str> {
    s.workspace.docs.iter().map(|d| &*d.text).collect()
}

#[test]
fn articles_are_added_beside_each_other_and_the_empty_one_takes_the_first() {
    let s = three();
    assert_eq!(texts(&s), [FIRST, SECOND, THIRD]);
    assert_eq!(s.workspace.open, 2);
    assert_eq!(&*s.input, THIRD, "the added article is open");
    assert!(s.undo.is_none(), "adding replaces nothing");
    for doc in &s.workspace.docs {
        assert!(doc.facts() >= 1, "{doc:?}");
    }
    assert_eq!(s.workspace.docs[0].label("x"), "a.txt");
    assert_eq!(s.workspace.docs[1].when().as_deref(), Some("2024"));
    // Opening another shows its text and cards, from its kept analysis.
    let id = s.workspace.docs[0].id;
    let opened = s.apply(Action::OpenArticle(id)).unwrap();
    assert_eq!(&*opened.input, FIRST);
    assert_eq!(opened.analysis.text, opened.input);
    assert!(Rc::ptr_eq(
        &opened.analysis.article,
        s.workspace.docs[0].article.as_ref().unwrap()
    ));
    assert!(opened.apply(Action::OpenArticle(id)).is_none());
    assert!(opened.apply(Action::OpenArticle(999)).is_none());
    // Typing in the open article stays with it.
    let typed = opened.apply(Action::Edit(format!("{FIRST}。"))).unwrap();
    let typed = typed.apply(Action::Settle(typed.rev)).unwrap();
    assert!(typed.workspace.docs[0].text.ends_with("。。"));
    assert_eq!(&*typed.workspace.docs[1].text, SECOND);
}

#[test]
fn a_pasted_article_can_become_a_new_article() {
    let s = add(&State::new(Lang::Zh, None), FIRST, "a.txt");
    let s = s
        .apply(Action::Paste {
            text: SECOND.into(),
            html: false,
        })
        .unwrap();
    assert_eq!(s.undo.as_ref().map(|u| u.what), Some(Replaced::Pasted));
    let s = s.apply(Action::AddPasted).unwrap();
    assert_eq!(texts(&s), [FIRST, SECOND]);
    assert_eq!(s.workspace.open, 1);
    assert_eq!(&*s.workspace.docs[0].source, "a.txt");
    assert!(
        s.workspace.docs[0].facts() >= 2,
        "the first keeps its analysis"
    );
    assert!(s.undo.is_none());
    assert!(s.apply(Action::AddPasted).is_none(), "once");
}

#[test]
fn rename_remove_and_restore() {
    let s = three();
    let ids: Vec<u64> = s.workspace.docs.iter().map(|d| d.id).collect();
    let named = s
        .apply(Action::Rename {
            id: ids[1],
            name: " 二〇二四 ".into(),
        })
        .unwrap();
    assert_eq!(named.workspace.docs[1].label("x"), "二〇二四");
    assert!(named
        .apply(Action::Rename {
            id: ids[1],
            name: "二〇二四".into()
        })
        .is_none());
    // Removing one that is not open keeps the open one open.
    let removed = named.apply(Action::Remove(ids[0])).unwrap();
    assert_eq!(texts(&removed), [SECOND, THIRD]);
    assert_eq!(removed.workspace.open, 1);
    assert_eq!(&*removed.input, THIRD);
    let back = removed.apply(Action::Restore).unwrap();
    assert_eq!(texts(&back), [FIRST, SECOND, THIRD]);
    assert_eq!(&*back.input, FIRST, "the restored article is open");
    assert!(back.apply(Action::Restore).is_none());
    // Removing the open one opens the next; removing every one leaves one empty article.
    let s = back.apply(Action::Remove(ids[0])).unwrap();
    assert_eq!(&*s.input, SECOND);
    let s = s.apply(Action::Remove(ids[1])).unwrap();
    let s = s.apply(Action::Remove(ids[2])).unwrap();
    assert_eq!(s.workspace.docs.len(), 1);
    assert!(s.input.is_empty() && s.analysis.article.cards.is_empty());
    let s = s.apply(Action::Restore).unwrap();
    assert_eq!(texts(&s), [THIRD], "the empty placeholder gives way");
    assert!(s.apply(Action::Remove(ids[0])).is_none(), "gone already");
}

#[test]
fn the_saved_form_round_trips_and_keeps_the_limits() {
    let s = three();
    let ids: Vec<u64> = s.workspace.docs.iter().map(|d| d.id).collect();
    let s = s
        .apply(Action::Rename {
            id: ids[0],
            name: "去年".into(),
        })
        .unwrap();
    let s = s.apply(Action::OpenArticle(ids[1])).unwrap();
    let saved = s.workspace.saved(Workspace::keeps);
    assert_eq!(saved.articles.len(), 3);
    assert_eq!(saved.open, 1);
    let json = saved.to_json();
    let parsed = Saved::parse(&json).unwrap();
    assert_eq!(parsed, saved);
    let back = State::restore(Lang::Zh, parsed);
    assert_eq!(texts(&back), [FIRST, SECOND, THIRD]);
    assert_eq!(&*back.input, SECOND);
    assert_eq!(back.workspace.docs[0].label("x"), "去年");
    assert!(back.workspace.docs.iter().all(|d| d.article.is_some()));
    // A web page still to be reduced, or a text over the limit, is not kept.
    let mut ws = back.workspace.clone();
    ws.docs[2].html = true;
    let big = "增".repeat(crate::app::intake::SAVE_LIMIT);
    ws.docs[1].text = big.into();
    let kept = ws.saved(Workspace::keeps);
    assert_eq!(kept.articles.len(), 1);
    assert_eq!(kept.open, 0);
}

#[test]
fn a_bad_workspace_file_is_refused_with_the_reason() {
    assert!(matches!(Saved::parse("{oops"), Err(BadFile::NotJson(_))));
    assert_eq!(
        Saved::parse(r#"{"articles":[{"source":"a","cards":[]}]}"#),
        Err(BadFile::NotWorkspace)
    );
    assert_eq!(
        Saved::parse(r#"{"format":"zhibiao-workspace","version":9,"articles":[]}"#),
        Err(BadFile::Version(9))
    );
    assert!(matches!(
        Saved::parse(r#"{"format":"zhibiao-workspace","version":1,"articles":[{"text":1}]}"#),
        Err(BadFile::Invalid(_))
    ));
    assert_eq!(
        Saved::parse(r#"{"format":"zhibiao-workspace","version":1,"articles":[]}"#),
        Err(BadFile::Empty)
    );
    // Through the reducer: the workspace stays, the reader is told why.
    let s = three();
    let refused = s.apply(Action::Import("[]".into())).unwrap();
    assert_eq!(texts(&refused), texts(&s));
    assert!(matches!(
        refused.notice,
        Some((Notice::ImportFailed(BadFile::NotWorkspace), _))
    ));
    let other = add(&State::new(Lang::Zh, None), THIRD, "z.txt");
    let json = s.workspace.saved(Workspace::keeps).to_json();
    let imported = other.apply(Action::Import(json)).unwrap();
    assert_eq!(texts(&imported), [FIRST, SECOND, THIRD]);
    assert!(matches!(imported.notice, Some((Notice::Imported(3), _))));
    assert!(imported.rev > other.rev, "a new text for the effects");
}

/// The row of `metric` in the compare table, as values by column.
fn row_values(c: &Compared, metric: &str) -> Vec<Vec<f64>> {
    let row = c
        .table
        .rows
        .iter()
        .find(|r| r.metric == metric || r.also.iter().any(|a| a == metric))
        .unwrap_or_else(|| panic!("no row {metric} in {:?}", c.table.rows));
    let values = row.cells.iter().map(|cs| cs.iter().map(|c| c.fact.value));
    values.map(|v| v.collect()).collect()
}

#[test]
fn the_compare_table_is_the_cores_and_cells_lead_to_their_words() {
    let s = three();
    let c = s.workspace.compare(false, "x");
    let articles: Vec<Article> = s
        .workspace
        .docs
        .iter()
        .map(|d| Article {
            source: d.label("x"),
            ..(**d.article.as_ref().unwrap()).clone()
        })
        .collect();
    assert_eq!(
        c.table,
        compare::table(&articles, compare::Options::default())
    );
    assert_eq!(c.docs.len(), 3);
    assert_eq!(row_values(&c, "规上工业增加值"), [vec![9.0], vec![8.4]]);
    let all = s.workspace.compare(true, "x");
    assert!(all.table.rows.len() > c.table.rows.len());
    // A cell opens its article with its words selected.
    let cell = &c.table.rows[0].cells[0][0];
    let id = c.docs[cell.article];
    let s = s.apply(Action::SetView(View::Compare)).unwrap();
    let jumped = s
        .apply(Action::Jump {
            id,
            span: cell.fact.span,
        })
        .unwrap();
    assert_eq!(jumped.workspace.view, View::Cards);
    assert_eq!(jumped.workspace.open_doc().id, id);
    let sel = jumped.selection.expect("the words are selected");
    let fact = &jumped.analysis.article.cards[sel.card].facts[sel.fact.unwrap()];
    assert_eq!(fact.span, cell.fact.span);
    assert_eq!(fact.text, cell.fact.text);
}

#[test]
fn rows_merge_and_split_and_the_choice_is_saved() {
    let a = "2023年，全市粮食产量120万吨。";
    let b = "2024年，全市粮食总产量125万吨。";
    let s = add(&add(&State::new(Lang::Zh, None), a, "a.txt"), b, "b.txt");
    let all = |s: &State| s.workspace.compare(true, "x");
    let c = all(&s);
    let keys: Vec<String> = c.table.rows.iter().map(|r| r.key.clone()).collect();
    assert_eq!(c.table.rows.len(), 2, "two wordings, two rows: {keys:?}");
    let (first, second) = (&c.table.rows[0], &c.table.rows[1]);
    let merged = s
        .apply(Action::Merge {
            metrics: vec![second.metric.clone()],
            key: first.key.clone(),
        })
        .unwrap();
    let c = all(&merged);
    assert_eq!(c.table.rows.len(), 1);
    assert_eq!(row_values(&c, &first.metric), [vec![120e4], vec![125e4]]);
    assert_eq!(merged.workspace.compare_all, s.workspace.compare_all);
    assert!(merged.workspace.edits > s.workspace.edits, "saved again");
    // The merge is in the saved form and comes back with it.
    let saved = merged.workspace.saved(Workspace::keeps);
    assert_eq!(saved.merges.len(), 1);
    let back = State::restore(Lang::Zh, Saved::parse(&saved.to_json()).unwrap());
    assert_eq!(all(&back).table.rows.len(), 1);
    // Splitting the merged row undoes the merge.
    let row = &c.table.rows[0];
    let mut metrics = vec![row.metric.clone()];
    metrics.extend(row.also.iter().cloned());
    let split = merged
        .apply(Action::Split {
            key: row.key.clone(),
            metrics,
        })
        .unwrap();
    assert_eq!(all(&split).table.rows.len(), 2);
    assert!(split.workspace.regroups.is_empty());
}

#[test]
fn a_row_the_keys_merged_splits_by_wording() {
    let s = three();
    let c = s.workspace.compare(false, "x");
    let row = c
        .table
        .rows
        .iter()
        .find(|r| !r.also.is_empty())
        .expect("规上 and 规模以上 share a row");
    let mut metrics = vec![row.metric.clone()];
    metrics.extend(row.also.iter().cloned());
    let split = s
        .apply(Action::Split {
            key: row.key.clone(),
            metrics,
        })
        .unwrap();
    let after = split.workspace.compare(true, "x");
    let rows: Vec<&str> = after
        .table
        .rows
        .iter()
        .filter(|r| r.key.starts_with(&row.key))
        .map(|r| r.metric.as_str())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(split.workspace.compare(false, "x").table.rows.len() < c.table.rows.len());
}

#[test]
fn a_fresh_or_cleared_workspace_saves_nothing() {
    let s = State::new(Lang::Zh, None);
    assert!(s.workspace.saved(Workspace::keeps).articles.is_empty());
    assert_eq!(s.workspace.docs.len(), 1);
    let s = add(&s, FIRST, "a.txt");
    assert_eq!(s.workspace.docs.len(), 1, "the empty article took it");
    assert_eq!(s.workspace.open_doc().source.as_ref(), "a.txt");
    let s = s.apply(Action::Clear).unwrap();
    assert!(s.workspace.saved(Workspace::keeps).articles.is_empty());
    assert_eq!(&*s.workspace.open_doc().source, TYPED_SOURCE);
}

#[test]
fn the_list_shows_title_source_period_and_facts() {
    let s = three();
    let items = s.workspace.items("粘贴的文章");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].source, "a.txt");
    assert_eq!(items[0].when.as_deref(), Some("2023"));
    assert_eq!(items[2].when.as_deref(), Some("2024-Q1"));
    assert_eq!(items[1].facts, s.workspace.docs[1].facts());
    let pasted = State::new(Lang::Zh, None)
        .apply(Action::PasteIn(THIRD.into()))
        .unwrap();
    let items = pasted.workspace.items("粘贴的文章");
    assert_eq!(items[0].source, "粘贴的文章");
    assert_eq!(items[0].facts, 1);
    let empty = State::new(Lang::Zh, None);
    assert!(empty.workspace.items("x").is_empty(), "nothing to list");
}

/// An article too long to analyse on the page: `text` and then lines of figures no rule reads
/// as a measure of another article.
fn long_article(text: &str) -> String {
    let mut long = format!("{text}\n");
    for i in 0.. {
        if crate::app::intake::work(&long) > crate::app::intake::PAGE_WORK {
            break;
        }
        long.push_str(&format!("附表{i}：编号{i}-{i}。\n"));
    }
    long
}

/// A saved workspace of `texts` (`a.txt`, `b.txt` …), the first open.
fn saved(texts: &[&str]) -> Saved {
    let mut s = State::new(Lang::Zh, None);
    for (i, text) in texts.iter().enumerate() {
        s = add(&s, text, &format!("{}.txt", char::from(b'a' + i as u8)));
    }
    let s = s.apply(Action::OpenArticle(s.workspace.docs[0].id));
    let s = s.expect("another article opens");
    s.workspace.saved(Workspace::keeps)
}

#[test]
fn long_articles_brought_back_are_analysed_in_the_background_one_at_a_time() {
    let (second, third) = (long_article(SECOND), long_article(THIRD));
    let s = State::restore(Lang::Zh, saved(&[FIRST, &second, &third]));
    let ids: Vec<u64> = s.workspace.docs.iter().map(|d| d.id).collect();
    assert!(s.running.is_none(), "the open article is short");
    assert!(s.workspace.docs[1].article.is_none() && s.workspace.docs[2].article.is_none());
    let waiting = s
        .waiting
        .clone()
        .expect("the first long article is under way");
    assert_eq!(waiting.id, ids[1]);
    assert_ne!(waiting.rev, s.rev, "its revisions are its own");
    let c = s.workspace.compare(false, "x");
    assert_eq!((c.pending, c.table.rows.len()), (2, 0), "{c:?}");
    // Its progress is not the open text's; a result for another revision is not its.
    let progress = Action::Progress {
        rev: waiting.rev,
        progress: 0.5,
    };
    assert!(s.apply(progress).is_none());
    let article = |text: &str| Rc::new(crate::analyze("b.txt", text));
    let stale = Action::Analysed {
        rev: waiting.rev + 1,
        text: None,
        article: article(&second),
    };
    assert!(s.apply(stale).is_none());
    // Done: the compare table has the row without the article being opened, and the next
    // long article is under way.
    let done = s
        .apply(Action::Analysed {
            rev: waiting.rev,
            text: None,
            article: article(&second),
        })
        .unwrap();
    assert_eq!(done.workspace.open, 0, "nothing else opened");
    assert!(
        done.workspace.edits > s.workspace.edits,
        "saved, listed and compared again"
    );
    let c = done.workspace.compare(false, "x");
    assert_eq!(c.pending, 1);
    assert_eq!(row_values(&c, "规上工业增加值"), [vec![9.0], vec![8.4]]);
    assert_eq!(done.waiting.as_ref().map(|w| w.id), Some(ids[2]));
    // A failure stops that one until it is opened; then nothing is left to do.
    let failed = done
        .apply(Action::Failed {
            rev: done.waiting.as_ref().unwrap().rev,
            message: "out of memory".into(),
        })
        .unwrap();
    assert!(failed.workspace.docs[2].halted && failed.waiting.is_none());
    assert_eq!(failed.workspace.compare(false, "x").pending, 0);
    assert!(failed
        .apply(Action::Notify(Notice::Copied))
        .unwrap()
        .waiting
        .is_none());
    // Opening the waiting article analyses it as the open text, not twice; opening another
    // long one leaves the one under way running, and none starts beside the open one's.
    let restored = State::restore(Lang::Zh, saved(&[FIRST, &second, &third]));
    let opened = restored.apply(Action::OpenArticle(ids[1])).unwrap();
    assert!(opened.running.is_some() && opened.waiting.is_none());
    let other = restored.apply(Action::OpenArticle(ids[2])).unwrap();
    assert!(other.running.is_some());
    assert_eq!(other.waiting, restored.waiting, "the one under way goes on");
    let first = other.apply(Action::OpenArticle(ids[0])).unwrap();
    let done = first
        .apply(Action::Analysed {
            rev: first.waiting.as_ref().unwrap().rev,
            text: None,
            article: article(&second),
        })
        .unwrap();
    assert!(done.running.is_none());
    assert_eq!(
        done.waiting.as_ref().map(|w| w.id),
        Some(ids[2]),
        "then the next"
    );
    // An imported workspace starts the same way.
    let json = saved(&[FIRST, &second]).to_json();
    let imported = State::new(Lang::Zh, None)
        .apply(Action::Import(json))
        .unwrap();
    let waiting = imported
        .waiting
        .expect("the imported long article is under way");
    assert_eq!(imported.workspace.docs[1].id, waiting.id);
}

#[test]
fn the_chosen_view_is_kept_with_the_workspace() {
    let s = three().apply(Action::SetView(View::Compare)).unwrap();
    let s = s.apply(Action::CompareAll(true)).unwrap();
    assert!(s.apply(Action::CompareAll(true)).is_none());
    let saved = s.workspace.saved(Workspace::keeps);
    assert!(saved.compare && saved.compare_all);
    let json = saved.to_json();
    assert!(
        json.contains(r#""compare":true,"compare_all":true"#),
        "{json}"
    );
    let back = State::restore(Lang::Zh, Saved::parse(&json).unwrap());
    assert_eq!(back.workspace.view, View::Compare);
    assert!(back.workspace.compare_all);
    // The cards view is the default, and a file without the fields (an older one) opens
    // with it.
    let cards = back.apply(Action::SetView(View::Cards)).unwrap();
    let cards = cards.apply(Action::CompareAll(false)).unwrap();
    let json = cards.workspace.saved(Workspace::keeps).to_json();
    assert!(!json.contains("compare"), "{json}");
    let back = State::restore(Lang::Zh, Saved::parse(&json).unwrap());
    assert_eq!(back.workspace.view, View::Cards);
    // Opening an article shows its cards, and that is kept too.
    let id = s.workspace.docs[0].id;
    let opened = s.apply(Action::OpenArticle(id)).unwrap();
    assert!(!opened.workspace.saved(Workspace::keeps).compare);
}
