//! Table-driven tests of the extraction rules: each case is a sentence written for the project
//! and the facts it must (and must not) give.

use zhibiao::{analyze, Bound, Fact, Kind};

/// A fact a sentence must give. `metric` must be contained in the card's metric (subject
/// included) or contain it.
#[derive(Debug, Clone, Copy)]
struct Want {
    metric: &'static str,
    kind: Kind,
    value: f64,
    unit: &'static str,
}

const fn w(metric: &'static str, kind: Kind, value: f64, unit: &'static str) -> Want {
    Want {
        metric,
        kind,
        value,
        unit,
    }
}

use Kind::*;

fn facts(text: &str) -> Vec<(String, Fact)> {
    analyze("test", text)
        .cards
        .into_iter()
        .flat_map(|c| {
            let name = format!("{}{}", c.subject.clone().unwrap_or_default(), c.metric);
            c.facts.into_iter().map(move |f| (name.clone(), f))
        })
        .collect()
}

fn matches(got: &(String, Fact), want: &Want) -> bool {
    let (name, f) = got;
    (name.contains(want.metric) || want.metric.contains(name.as_str()))
        && f.kind == want.kind
        && (f.value - want.value).abs() < 1e-6 * want.value.abs().max(1.0)
        && f.unit == want.unit
}

/// Every wanted fact is there, and nothing else.
fn check(text: &str, wants: &[Want]) {
    let got = facts(text);
    for want in wants {
        assert!(
            got.iter().any(|g| matches(g, want)),
            "«{text}»\n  missing {want:?}\n  got {:#?}",
            got.iter()
                .map(|(m, f)| format!("{m} {:?} {} {}", f.kind, f.value, f.unit))
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(
        got.len(),
        wants.len(),
        "«{text}»\n  extra facts: {:#?}",
        got.iter()
            .filter(|g| !wants.iter().any(|w| matches(g, w)))
            .map(|(m, f)| format!("{m} {:?} {} {}", f.kind, f.value, f.unit))
            .collect::<Vec<_>>()
    );
}

#[test]
fn growth_and_decline() {
    let cases: &[(&str, &[Want])] = &[
        (
            "全市规上工业增加值同比增长8.4%。",
            &[w("规上工业增加值", Change, 8.4, "%")],
        ),
        (
            "外贸出口额比上年下降3.5%。",
            &[w("外贸出口额", Change, -3.5, "%")],
        ),
        (
            "单位产值能耗降低12%，审批时限缩短40%。",
            &[
                w("单位产值能耗", Change, -12.0, "%"),
                w("审批时限", Change, -40.0, "%"),
            ],
        ),
        (
            "全县居民消费价格指数同比上涨1.2%。",
            &[w("居民消费价格指数", Change, 1.2, "%")],
        ),
        (
            "社会消费品零售总额同增12.5%。",
            &[w("社会消费品零售总额", Change, 12.5, "%")],
        ),
        ("税收收入增速为6.7%。", &[w("税收收入", Change, 6.7, "%")]),
        ("净利润同比-4%。", &[w("净利润", Change, -4.0, "%")]),
        ("出口额增长1.5倍。", &[w("出口额", Change, 150.0, "%")]),
        ("旅游收入实现翻番。", &[w("旅游收入", Change, 100.0, "%")]),
        ("粮食产量增长百分之五。", &[w("粮食产量", Change, 5.0, "%")]),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn basis_is_kept() {
    let cases: &[(&str, &str)] = &[
        ("工业投资同比增长9.1%。", "同比"),
        ("进出口总额环比增长2.3%。", "环比"),
        ("营业收入年均增长11%。", "年均"),
        ("规模以上工业增加值两年平均增长5.4%。", "两年平均"),
        ("固定资产投资比上年增长4.2%。", "比上年"),
        ("服务业增加值比2019年同期增长11.1%。", "比2019年同期"),
    ];
    for (text, basis) in cases {
        let got = facts(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1.basis.as_deref(), Some(*basis), "{text}");
        assert_eq!(got[0].1.kind, Change, "{text}");
    }
}

#[test]
fn levels_with_scale_and_measure_words() {
    let cases: &[(&str, &[Want])] = &[
        (
            "地区生产总值752.1亿元，同比增长6.7%。",
            &[
                w("地区生产总值", Level, 75_210_000_000.0, "元"),
                w("地区生产总值", Change, 6.7, "%"),
            ],
        ),
        (
            "累计建成开通5G基站1.03万个。",
            &[w("5G基站", Level, 10_300.0, "个")],
        ),
        (
            "新增省级专精特新企业126家。",
            &[w("专精特新企业", Level, 126.0, "家")],
        ),
        (
            "实施重点技改项目58个。",
            &[w("技改项目", Level, 58.0, "个")],
        ),
        (
            "12家企业入选省级绿色工厂。",
            &[w("省级绿色工厂", Level, 12.0, "家")],
        ),
        (
            "完成造林面积3.2万亩。",
            &[w("造林面积", Level, 32_000.0, "亩")],
        ),
        (
            "全年接待游客约1860万人次。",
            &[w("游客", Level, 18_600_000.0, "人次")],
        ),
        (
            "实际使用外资4.6亿美元。",
            &[w("实际使用外资", Level, 460_000_000.0, "美元")],
        ),
        (
            "争取上级资金三千五百万元。",
            &[w("上级资金", Level, 35_000_000.0, "元")],
        ),
        (
            "粮食总产量超过50万吨。",
            &[w("粮食总产量", Level, 500_000.0, "吨")],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn shares_gaps_contributions() {
    let cases: &[(&str, &[Want])] = &[
        (
            "数字经济增加值占GDP的比重达到41.2%。",
            &[w("数字经济增加值占GDP的比重", Share, 41.2, "%")],
        ),
        (
            "工业对经济增长的贡献率为38.5%。",
            &[w("贡献率", Share, 38.5, "%")],
        ),
        ("城镇化率63.4%。", &[w("城镇化率", Share, 63.4, "%")]),
        (
            "规上工业增加值同比增长8.4%，高于全国2.6个百分点。",
            &[
                w("规上工业增加值", Change, 8.4, "%"),
                w("规上工业增加值", Gap, 2.6, "个百分点"),
            ],
        ),
        (
            "居民收入增速低于全省0.3个百分点。",
            &[w("居民收入", Gap, -0.3, "个百分点")],
        ),
        ("增速比一季度回落0.7个百分点。", &[]),
        (
            "民营企业进出口增长28.1%，拉动全省进出口增长9.6个百分点。",
            &[
                w("民营企业进出口", Change, 28.1, "%"),
                w("民营企业进出口", Contribution, 9.6, "个百分点"),
            ],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn gap_versus_and_lists_of_references() {
    let got = facts("规模以上工业增加值增长9.0%，分别高于全省、全国平均1.9和4.4个百分点。");
    let gaps: Vec<(&str, f64)> = got
        .iter()
        .filter(|(_, f)| f.kind == Gap)
        .map(|(_, f)| (f.versus.as_deref().unwrap_or(""), f.value))
        .collect();
    assert_eq!(gaps, [("全省平均", 1.9), ("全国平均", 4.4)]);
    assert!(
        got.iter().all(|(m, _)| m.contains("规模以上工业增加值")),
        "{got:?}"
    );
}

#[test]
fn lists_share_their_verb() {
    check(
        "全市工业投资、工业技改投资同比增长16.2%、11.9%。",
        &[
            w("工业投资", Change, 16.2, "%"),
            w("工业技改投资", Change, 11.9, "%"),
        ],
    );
    check(
        "新增省级创新型中小企业500家、专精特新企业326家、瞪羚企业55家。",
        &[
            w("省级创新型中小企业", Level, 500.0, "家"),
            w("专精特新企业", Level, 326.0, "家"),
            w("瞪羚企业", Level, 55.0, "家"),
        ],
    );
    // A measure written once after the last item goes to every item.
    check(
        "全县规上工业企业、限上批零企业数量分别达到420家、310家。",
        &[
            w("规上工业企业数量", Level, 420.0, "家"),
            w("限上批零企业数量", Level, 310.0, "家"),
        ],
    );
    check(
        "冰箱、智能手机产量分别增长6.5%、12.8%。",
        &[
            w("冰箱产量", Change, 6.5, "%"),
            w("智能手机产量", Change, 12.8, "%"),
        ],
    );
    check(
        "白电、新能源摩托车零售额分别增长8.1%、20.4%。",
        &[
            w("白电零售额", Change, 8.1, "%"),
            w("新能源摩托车零售额", Change, 20.4, "%"),
        ],
    );
    // Items that name a measure of their own keep it.
    check(
        "游客接待人次、旅游总花费分别增长9.1%、11.2%。",
        &[
            w("游客接待人次", Change, 9.1, "%"),
            w("旅游总花费", Change, 11.2, "%"),
        ],
    );
    // The list in the clause before, the measure in this one.
    check(
        "精简会议、文件、检查考核，数量分别压减20%、30%和15%。",
        &[
            w("会议数量", Change, -20.0, "%"),
            w("文件数量", Change, -30.0, "%"),
            w("检查考核数量", Change, -15.0, "%"),
        ],
    );
    // 分别 and its verb are not part of a name.
    check(
        "林草覆盖率、湿地保护率分别稳定在62%、55%以上。",
        &[
            w("林草覆盖率", Share, 62.0, "%"),
            w("湿地保护率", Share, 55.0, "%"),
        ],
    );
    let got = facts("林草覆盖率、湿地保护率分别稳定在62%、55%以上。");
    assert!(got.iter().all(|(m, _)| !m.contains("分别")), "{got:?}");
    // One count for a whole list of names: the names stay together.
    check(
        "新增智能工厂、数字化车间、工业互联网平台等41家。",
        &[w("智能工厂、数字化车间、工业互联网平台", Level, 41.0, "家")],
    );
}

#[test]
fn ranks_and_streaks() {
    let cases: &[(&str, &[Want])] = &[
        (
            "地区生产总值增长6.1%，增速全省第3。",
            &[
                w("地区生产总值", Change, 6.1, "%"),
                w("地区生产总值", Rank, 3.0, "位"),
            ],
        ),
        (
            "省级智能工厂17家，数量居全省首位。",
            &[
                w("省级智能工厂", Level, 17.0, "家"),
                w("省级智能工厂", Rank, 1.0, "位"),
            ],
        ),
        (
            "外贸依存度排名全国第七。",
            &[w("外贸依存度", Rank, 7.0, "位")],
        ),
        (
            "研发投入强度连续三年居全省第2位。",
            &[
                w("研发投入强度", Streak, 3.0, "年"),
                w("研发投入强度", Rank, 2.0, "位"),
            ],
        ),
        // A rank of counted items is not a metric's rank.
        (
            "8项工作位列全省首位。",
            &[w("工作位列全省首位", Level, 8.0, "项")],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
    let got = facts("数量居全省首位。");
    assert!(got.iter().all(|(_, f)| f.versus.as_deref() == Some("全省")));
}

#[test]
fn bounds_and_targets() {
    let got = facts("力争一季度规模以上工业增加值增长8%以上，全年增长7%左右，新增就业不到2万人。");
    let seen: Vec<(f64, Option<Bound>, bool)> = got
        .iter()
        .map(|(_, f)| (f.value, f.bound, f.target))
        .collect();
    assert_eq!(
        seen,
        [
            (8.0, Some(Bound::AtLeast), true),
            (7.0, Some(Bound::About), true),
            (20_000.0, Some(Bound::AtMost), true),
        ]
    );
    let got = facts("推动1000余家中小企业数字化转型，服务企业约1.3万家次。");
    assert_eq!(got[0].1.bound, Some(Bound::AtLeast));
    assert_eq!(got[1].1.bound, Some(Bound::About));
    assert!(got.iter().all(|(_, f)| !f.target));
    // 计划单列市 is a kind of city, not a plan.
    let got = facts("累计数量居全省(计划单列市除外)第1位。");
    assert!(got.iter().all(|(_, f)| !f.target), "{got:?}");
}

/// (value, target) of every fact of `text`, in order.
fn targets(text: &str) -> Vec<(f64, bool)> {
    facts(text)
        .iter()
        .map(|(_, f)| (f.value, f.target))
        .collect()
}

#[test]
fn plan_sections_are_targets() {
    // A plan heading makes its section's values targets, down to its sub-headings; the review
    // before it and a year-earlier value inside it stay results.
    let text = "一、2025年工作回顾\n全市地区生产总值增长5.8%。\n二、2026年主要预期目标\n地区生产总值增长6%左右，城镇新增就业4.5万人。2025年居民收入增长5.1%。\n（一）扩大有效投资\n实施重点项目320个。\n三、全面加强政府自身建设\n政务服务事项网办率达到98%。";
    assert_eq!(
        targets(text),
        [
            (5.8, false),
            (6.0, true),
            (45_000.0, true),
            (5.1, false),
            (320.0, true),
            (98.0, false),
        ]
    );
    // A paragraph that looks ahead opens a plan until one that looks back.
    let text = "工信局长介绍，2026年，全市工信系统将围绕先进制造业重点抓好六项工作。\n聚焦技术改造。实施技改项目450个以上，技改投资增长9%。\n近日，市政府召开新闻发布会，介绍今年全市工业运行情况，全市新增规上工业企业120家。";
    assert_eq!(targets(text), [(450.0, true), (9.0, true), (120.0, false)]);
    // A period up to now is not ahead.
    assert_eq!(
        targets("今年以来，全市将近一半企业扩产。\n规上工业增加值增长7.1%。"),
        [(7.1, false)]
    );
}

#[test]
fn target_words_that_are_not_targets() {
    // 争取 before funds is "obtained"; a 计划 closing a name is a programme.
    assert_eq!(
        targets("争取中央财政补助资金2.3亿元。"),
        [(230_000_000.0, false)]
    );
    assert_eq!(targets("争取全年培育专精特新企业30家。"), [(30.0, true)]);
    assert_eq!(
        targets("实施青年英才计划等市级人才工程9项。"),
        [(9.0, false)]
    );
}

#[test]
fn from_a_to_b() {
    let got = facts("全市高新技术企业数量从2021年底的410家增加到2024年的918家。");
    assert_eq!(got.len(), 1, "{got:?}");
    let (metric, f) = &got[0];
    assert!(metric.contains("高新技术企业"));
    assert_eq!(
        (f.value, f.from, f.unit.as_str()),
        (918.0, Some(410.0), "家")
    );
    assert_eq!(f.period.as_deref(), Some("2024年"));
}

#[test]
fn subjects_of_company_sentences() {
    let got = facts("例如，华东精密纸业通过数字化改造，生产效率提升30%，吨纸能耗降低15%。");
    assert_eq!(got.len(), 2, "{got:?}");
    let art = analyze(
        "t",
        "例如，华东精密纸业通过数字化改造，生产效率提升30%，吨纸能耗降低15%。",
    );
    for card in &art.cards {
        assert_eq!(card.subject.as_deref(), Some("华东精密纸业"));
    }
}

#[test]
fn periods() {
    let cases: &[(&str, &str)] = &[
        ("2023年，全市完成工业投资增长9%。", "2023年"),
        ("1-8月，全省外贸进出口增长17.1%。", "1-8月"),
        ("一季度，地区生产总值增长5.2%。", "一季度"),
    ];
    for (text, period) in cases {
        let got = facts(text);
        assert_eq!(got[0].1.period.as_deref(), Some(*period), "{text}");
    }
}

#[test]
fn not_facts() {
    for text in [
        "3月20日，市政府新闻办召开新闻发布会。",
        "2025年03月20日18:32:04 财经 1699",
        "高标准举办第三届“企业家日”系列活动。",
        "加快构建“453X”现代化工业体系，深化“1143+N”服务模式。",
        "重点在八个方面奋力攻坚，主要有稳、新、融、活四个特点。",
        "详询客服电话95599。",
        "市第十八届人民代表大会第四次会议召开。",
        "打造一批标志性项目，进一步提升统一大市场水平。",
    ] {
        let got = facts(text);
        assert!(got.is_empty(), "«{text}» gave {got:?}");
    }
}

#[test]
fn counts_told_roughly_or_without_a_unit() {
    let cases: &[(&str, &[Want])] = &[
        (
            "全区集聚百余家研发机构。",
            &[w("研发机构", Level, 100.0, "家")],
        ),
        (
            "举办展销活动千余场。",
            &[w("展销活动", Level, 1000.0, "场")],
        ),
        (
            "全年新增经营主体十余万户。",
            &[w("经营主体", Level, 100_000.0, "户")],
        ),
        // A count with its unit left out has no unit to report: only its change is a fact.
        (
            "平台注册用户数达1.35亿，同比增长8%。",
            &[w("注册用户数", Change, 8.0, "%")],
        ),
        // What counted things pass is part of their name.
        (
            "纺织、食品等4个产业超过300亿。",
            &[w("产业超过300亿", Level, 4.0, "个")],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
    let got = facts("全区集聚百余家研发机构，吸引万余人就业。");
    assert!(
        got.iter().all(|(_, f)| f.bound == Some(Bound::AtLeast)),
        "{got:?}"
    );
    // Numbered articles of a policy count its parts; 数百 and 百强 count nothing.
    for text in [
        "出台稳外贸18条举措。",
        "制定支持民营经济发展25条政策措施。",
        "数百家企业参展。",
        "入围全国百强县。",
    ] {
        let got = facts(text);
        assert!(got.is_empty(), "«{text}» gave {got:?}");
    }
}

#[test]
fn qualifiers_are_not_facts() {
    let cases: &[(&str, &[Want])] = &[
        (
            "实施500万元以上工业技改项目795个。",
            &[w("500万元以上工业技改项目", Level, 795.0, "个")],
        ),
        // A threshold after the count, inside the counted noun phrase.
        (
            "全年培育36个年产值过5亿元的重点增长点。",
            &[w("重点增长点", Level, 36.0, "个")],
        ),
        (
            "新签约投资超20亿元的先进制造业项目17个。",
            &[w("先进制造业项目", Level, 17.0, "个")],
        ),
        // A list of counts with a threshold each shares the noun it ends with.
        (
            "紧盯45个预计营收过50亿元、1200个过1000万元的新增长点。",
            &[
                w("过50亿元的新增长点", Level, 45.0, "个"),
                w("过1000万元的新增长点", Level, 1200.0, "个"),
            ],
        ),
        // Thresholds measured by a later value: the share is the fact.
        (
            "50户以上自然村通硬化路比例达到96%。",
            &[w("自然村通硬化路比例", Share, 96.0, "%")],
        ),
        (
            "经营收入超20万元、超50万元的村占比分别达61%、18%。",
            &[
                w("超20万元", Share, 61.0, "%"),
                w("超50万元的村占比", Share, 18.0, "%"),
            ],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
    // Not thresholds: a bounded value closing its clause, a count with its own noun in a
    // list, a count told roughly.
    let cases: &[(&str, &[Want])] = &[
        (
            "完成技改投资超12亿元，增长7%。",
            &[
                w("技改投资", Level, 1_200_000_000.0, "元"),
                w("技改投资", Change, 7.0, "%"),
            ],
        ),
        (
            "实施30项以上关键技术攻关项目、推广新技术80项以上。",
            &[
                w("关键技术攻关项目", Level, 30.0, "项"),
                w("新技术", Level, 80.0, "项"),
            ],
        ),
        (
            "为400余家企业争取研发补助2600万元。",
            &[
                w("企业", Level, 400.0, "家"),
                w("研发补助", Level, 26_000_000.0, "元"),
            ],
        ),
        (
            "如今全市超过70%的工业企业实现数字化改造。",
            &[w("", Share, 70.0, "%")],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
}

#[test]
fn title_repeating_the_body_is_one_fact() {
    let text = "8项工作走在全省前列\n\n今年以来，全市8项工作走在全省前列，规上工业增加值增长6%。";
    let got = facts(text);
    let eights = got.iter().filter(|(_, f)| f.value == 8.0).count();
    assert_eq!(eights, 1, "{got:?}");
}

#[test]
fn one_fact_worded_twice_is_one_fact() {
    // A numbered summary point and the body sentence it sums up.
    let text = "上半年经济运行有三个特点：一是工业较快增长，规上工业增加值增长7.9%；二是消费回暖。\n1-6月，全县规模以上工业增加值同比增长7.9%，高于全市1.1个百分点。";
    let got = facts(text);
    assert_eq!(
        got.iter().filter(|(_, f)| f.value == 7.9).count(),
        1,
        "{got:?}"
    );
    assert!(got.iter().any(|(_, f)| f.value == 1.1), "{got:?}");
    // A lede and a paragraph naming the region first.
    let text = "1-5月，全省社会消费品零售总额3120.5亿元。\n1-5月，湘南省社会消费品零售总额3120.5亿元，同比增长6.6%。";
    let got = facts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    // An enumerator is never part of a name.
    check("二是投资增长5%。", &[w("投资", Change, 5.0, "%")]);
    assert!(facts("二是投资增长5%。")[0].0 == "投资");
    // Places on both sides, or a narrower group, are other facts with an equal value.
    for text in [
        "甲县工业产值增长5%。乙县工业产值增长5%。",
        "东湖区进出口增长9%。西湖区进出口增长9%。",
        "居民人均可支配收入实际下降1.2%。其中城镇居民人均可支配收入实际下降1.2%。",
    ] {
        assert_eq!(facts(text).len(), 2, "{text}");
    }
}

#[test]
fn headlines_rounding_or_bounding_the_body_are_one_fact() {
    let text = "上半年净利大增37%，网络零售额突破5000亿元\n\n上半年，公司实现净利润12.6亿元，同比增长37.47%。全市网络零售额5313.8亿元。";
    let got = facts(text);
    let values: Vec<f64> = got.iter().map(|(_, f)| f.value).collect();
    assert!(!values.contains(&37.0), "{got:?}");
    assert!(!values.contains(&500_000_000_000.0), "{got:?}");
    assert!(
        values.contains(&37.47) && values.contains(&531_380_000_000.0),
        "{got:?}"
    );
    // A headline value the body does not state stays.
    let got = facts("全市生产总值全年增长6%\n\n上半年，全市生产总值增长5.2%。");
    assert!(got.iter().any(|(_, f)| f.value == 6.0), "{got:?}");
}

#[test]
fn furniture_gives_no_cards() {
    let body = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。".repeat(3);
    let text = format!(
        "2025年03月20日18:32:04 财经 1699\n\n{body}\n\n财经分类资讯推荐\n\n某公司营收增长20%\n\n责任编辑：李明\n"
    );
    let art = analyze("t", &text);
    let facts: Vec<&Fact> = art.cards.iter().flat_map(|c| &c.facts).collect();
    assert_eq!(facts.len(), 2, "{facts:?}");
    assert!(facts.iter().all(|f| f.value != 20.0));
}

/// Patterns found by reading the public corpus; each was wrong once.
#[test]
fn comparisons_lists_and_levels_regressions() {
    let cases: &[(&str, &[Want])] = &[
        // A clause opening with its comparison continues the metric.
        (
            "社会消费品零售总额同比增长6.2%，比2019年1-6月增长11.3%。",
            &[
                w("社会消费品零售总额", Change, 6.2, "%"),
                w("社会消费品零售总额", Change, 11.3, "%"),
            ],
        ),
        (
            "市场主体总量达到126万户，较2023年末增长5.1%。",
            &[
                w("市场主体总量", Level, 1_260_000.0, "户"),
                w("市场主体总量", Change, 5.1, "%"),
            ],
        ),
        // A second list of values goes to the first list's names.
        (
            "纺织、化工和建材增加值分别增长3.1%、4.2%和5.3%，两年平均增速分别为2.0%、2.5%和3.0%。",
            &[
                w("纺织", Change, 3.1, "%"),
                w("化工", Change, 4.2, "%"),
                w("建材增加值", Change, 5.3, "%"),
                w("纺织", Change, 2.0, "%"),
                w("化工", Change, 2.5, "%"),
                w("建材增加值", Change, 3.0, "%"),
            ],
        ),
        // Short modifiers share the last item's head noun.
        (
            "城镇和农村居民人均可支配收入分别增长4.1%、6.3%。",
            &[
                w("城镇居民人均可支配收入", Change, 4.1, "%"),
                w("农村居民人均可支配收入", Change, 6.3, "%"),
            ],
        ),
        // The noun after N%的.
        (
            "75%的行政村建成益农信息社。",
            &[w("行政村建成益农信息社", Share, 75.0, "%")],
        ),
        // A verb leading its object.
        (
            "压减一般性支出12%。",
            &[w("一般性支出", Change, -12.0, "%")],
        ),
        // A rate moved to a new level is that level.
        (
            "科技成果转化率提高到58%。",
            &[w("科技成果转化率", Share, 58.0, "%")],
        ),
        ("工业增速回落至2.1%。", &[w("工业", Change, 2.1, "%")]),
        // N%的增长 is a change; 同增 is 同比增长; 为负 is negative.
        (
            "线上零售额实现21.5%的增长。",
            &[w("线上零售额", Change, 21.5, "%")],
        ),
        (
            "主营业务收入同增9.4%。",
            &[w("主营业务收入", Change, 9.4, "%")],
        ),
        ("出口增速为负1.6%。", &[w("出口", Change, -1.6, "%")]),
        // From A to B with 由, an adverb or a rate.
        (
            "规上企业由1210家增至1388家。",
            &[w("规上企业", Level, 1388.0, "家")],
        ),
        (
            "研发投入从28亿元大幅增加到46亿元。",
            &[w("研发投入", Level, 4_600_000_000.0, "元")],
        ),
        // A rank in a list item after a count belongs to the metric.
        (
            "获得省科技进步奖21项、全省第2。",
            &[
                w("省科技进步奖", Level, 21.0, "项"),
                w("省科技进步奖", Rank, 2.0, "位"),
            ],
        ),
        (
            "人均存款余额居榜首。",
            &[w("人均存款余额", Rank, 1.0, "位")],
        ),
        // 个数占比 and 总投资 measure the projects named first, not each other.
        (
            "其中，民生类项目120个，个数占比35.5%，总投资800亿元。",
            &[
                w("民生类项目", Level, 120.0, "个"),
                w("民生类项目", Share, 35.5, "%"),
                w("民生类项目", Level, 80_000_000_000.0, "元"),
            ],
        ),
        // A numbered summary line's enumerator is not part of the metric.
        (
            "7.2023年全市税务部门组织税费收入86.4亿元。",
            &[w("税务部门组织税费收入", Level, 8_640_000_000.0, "元")],
        ),
        // Places with a value each, measured as the article's point of view says.
        (
            "从GDP同比增速来看，其中甲省(6.9%)、乙省(6.7%)领先。",
            &[
                w("甲省GDP同比增速", Change, 6.9, "%"),
                w("乙省GDP同比增速", Change, 6.7, "%"),
            ],
        ),
        // A comparison before 同比 is part of the basis; 场次 is one unit.
        (
            "营业性演出共9400余场次，较2023年同比增长40.9%。",
            &[
                w("营业性演出", Level, 9400.0, "场次"),
                w("营业性演出", Change, 40.9, "%"),
            ],
        ),
        // A level held, a preposition before the number, a conjunction: not the name.
        (
            "粮食总产量稳定在600亿斤以上。",
            &[w("粮食总产量", Level, 60_000_000_000.0, "斤")],
        ),
        (
            "对东盟进出口以3120.6亿元继续排第一。",
            &[
                w("对东盟进出口", Level, 312_060_000_000.0, "元"),
                w("对东盟进出口", Rank, 1.0, "位"),
            ],
        ),
        (
            "而全年新增就业5.2万人。",
            &[w("新增就业", Level, 52_000.0, "人")],
        ),
        // A growth target is a change.
        (
            "地区生产总值预期增长目标为6%左右。",
            &[w("地区生产总值", Change, 6.0, "%")],
        ),
        // Durations are not counts.
        (
            "前7个月，全市进出口增长3.3%。",
            &[w("进出口", Change, 3.3, "%")],
        ),
    ];
    for (text, wants) in cases {
        check(text, wants);
    }
    // Two groups' equal values are two facts, not a repeat.
    let got = facts("甲区工业产值增长5%。乙区工业产值增长5%。");
    assert_eq!(got.len(), 2, "{got:?}");
    for text in ["粮食总产量稳定在600亿斤以上。", "而全年新增就业5.2万人。"]
    {
        let got = facts(text);
        assert!(
            got.iter()
                .all(|(m, _)| !m.ends_with('在') && !m.starts_with('而')),
            "{got:?}"
        );
    }
    let got = facts("对东盟进出口以3120.6亿元继续排第一。");
    assert!(got.iter().all(|(m, _)| m == "对东盟进出口"), "{got:?}");
    let got = facts("研发投入从28亿元大幅增加到46亿元。");
    assert_eq!(got[0].1.from, Some(2_800_000_000.0));
}

/// Words of another script before a Chinese name are not part of it (a regression: the
/// metric was «نمو٥٪全市规上工业增加值»); a name in another script alone gives no card.
#[test]
fn other_scripts_end_a_metric_name() {
    for text in [
        "Рост 5% 😀 نمو ٥٪ 全市规上工业增加值同比增长8.4% 🚀",
        "😀全市规上工业增加值同比增长8.4%。",
        "Объём全市规上工业增加值同比增长8.4%。",
    ] {
        let metrics: Vec<String> = analyze("t", text)
            .cards
            .into_iter()
            .map(|c| c.metric)
            .collect();
        assert_eq!(metrics, ["规上工业增加值"], "«{text}»");
    }
    // ASCII names stay: GDP, 5G.
    let metrics: Vec<String> = analyze("t", "全市GDP同比增长5.1%，5G基站数量增长30%。")
        .cards
        .into_iter()
        .map(|c| c.metric)
        .collect();
    assert_eq!(metrics, ["GDP", "5G基站数量"]);
}
