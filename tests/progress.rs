//! The progress reports of a long analysis (the app's background worker shows them).

use zhibiao::{analyze, analyze_with_progress};

#[test]
fn progress_rises_from_zero_to_one_and_changes_nothing() {
    let long: String = (0..400)
        .map(|i| {
            format!(
                "第{i}段\n全市规上工业增加值同比增长{}.4%，高于全国2.6个百分点。\n",
                i % 9
            )
        })
        .collect();
    for text in ["", "没有数字的一句话。", zhibiao::SAMPLE, long.as_str()] {
        let mut seen = Vec::new();
        let article = analyze_with_progress("t", text, &mut |p| seen.push(p));
        assert_eq!(
            article,
            analyze("t", text),
            "same cards with or without progress"
        );
        assert_eq!(seen.first(), Some(&0.0), "{seen:?}");
        assert_eq!(seen.last(), Some(&1.0), "{seen:?}");
        assert!(
            seen.windows(2).all(|w| w[0] <= w[1]),
            "never goes back: {seen:?}"
        );
        assert!(seen.len() <= 110, "{} reports is too chatty", seen.len());
        if text.len() > 10_000 {
            assert!(seen.len() > 50, "a long text reports often: {}", seen.len());
        }
    }
}
