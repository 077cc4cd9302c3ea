//! Normalise files and print the result, or time normalisation.
//!
//! `cargo run --release --example normalize -- FILE…` prints each file's normalised text;
//! `cargo run --release --example normalize -- --bench [MB]` normalises about MB megabytes
//! (default 10) of repeated Chinese news text with HTML (or of the FILEs given after MB) and
//! prints the throughput.

use std::time::Instant;

const SAMPLE: &str = "<p cms-style=\"font-L\">　　1-2月，广东完成规模以上工业增加值4745.61亿元，同比增长44.6%。\
部分高技术产品产量高速增长，工业<span id=\"stock_sz300024\"><a href=\"https://finance.sina.com.cn/realstock/company/sz300024/nc.shtml\" class=\"keyword\">机器人</a></span>、新能源汽车产量分别增长191.6%、349.6%。</p>\n\
<p>國內生產總值26450億元，按年下降6.8%&nbsp;，全市规上工业增加值同比增长８．４％，高于全国2.6个百分点;\n\n\
选聘258名高层次人才到230\n\n家科技型企业。同比(tóngbǐ)增长(zēngzhǎng)8.4%。</p>\n\
<!-- 正文下iframe -->\n## 打造黄河下游 先进制造业基地\n\n上半年总收入人民币9.712亿元,同比增长20.5%;\n";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        let mb: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10.0);
        let sample = match args.get(2) {
            Some(_) => args[2..]
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("read input"))
                .collect::<Vec<_>>()
                .join("\n"),
            None => SAMPLE.to_string(),
        };
        let reps = (mb * 1e6 / sample.len() as f64).ceil() as usize;
        let input = sample.repeat(reps);
        let mut best = f64::INFINITY;
        let mut chars = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let n = zhibiao::normalize::normalize(&input);
            best = best.min(t.elapsed().as_secs_f64());
            chars = n.text.chars().count();
        }
        println!(
            "{:.1} MB in {:.3} s: {:.1} MB/s ({} chars out)",
            input.len() as f64 / 1e6,
            best,
            input.len() as f64 / 1e6 / best,
            chars
        );
        return;
    }
    for path in args {
        let input = std::fs::read_to_string(&path).expect("read input");
        let n = zhibiao::normalize::normalize(&input);
        println!("=== {path}");
        for h in &n.headings {
            let line: String = n.text.chars().skip(*h).take_while(|&c| c != '\n').collect();
            println!("# heading at {h}: {line}");
        }
        println!("{}", n.text);
    }
}
