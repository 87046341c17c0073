//! The URL encodes every state faithfully, and no query string breaks the page.

mod common;

use common::bundle;
use workforce_core::Bundle;

use proptest::prelude::*;
use workforce_core::manifest::CategoryKey;
use workforce_core::selection::{Action, ChangeKind, ChartKind, Measure, Page, Selection, Tab};
use workforce_core::slug::slug;
use workforce_core::url_state::{decode, encode};

/// A random visitor action, by numbers (resolved against the current dataset).
fn action(b: &Bundle, s: &Selection, kind: u8, pick: usize) -> Action {
    let data = s.dataset(b);
    let partners = &b.manifest.partners;
    let cats = data.categories();
    let groups = data.groups();
    match kind % 18 {
        17 => Action::SelectPage(if pick % 2 == 0 { Page::KeyFigures } else { Page::Explorer }),
        16 => Action::ApplyLens(workforce_core::lens::Lens::Technical),
        15 => {
            let bases = s.base_years(b);
            match bases.get(pick % bases.len().max(1)) {
                Some(y) => Action::SetBaseYear(y.clone()),
                None => Action::SetBaseYear(String::new()),
            }
        }
        14 => Action::ToggleOther(["10007783", "10007850", "10000291"][pick % 3].to_string()),
        0 => Action::SelectDataset(b.datasets[pick % b.datasets.len()].info.id.clone()),
        1 => Action::TogglePartner(partners[pick % partners.len()].ukprn.clone()),
        2 => Action::AllPartners,
        3 => Action::NoPartners,
        4 | 5 => Action::ToggleCategory(cats[pick % cats.len()].key()),
        6 => Action::AllInGroup(groups[pick % groups.len()].to_string()),
        7 => Action::NoneInGroup(groups[pick % groups.len()].to_string()),
        8 => Action::SelectYear(data.years()[pick % data.years().len()].clone()),
        9 => Action::SelectChart(ChartKind::ALL[pick % 4]),
        10 => {
            let measures = s.measures(b);
            Action::SelectMeasure(measures[pick % measures.len()].clone())
        }
        11 => match pick % 3 {
            0 => Action::SetCompareUk(pick % 2 == 0),
            1 => Action::SetCombine(pick % 2 == 0),
            _ => Action::SetCompareUkReported(pick % 2 == 0),
        },
        12 => {
            let names: Vec<String> = workforce_core::view::figure(b, s).chart.series.iter().map(|x| x.name.clone()).collect();
            match names.get(pick % names.len().max(1)) {
                Some(n) => Action::ToggleSeries(n.clone()),
                None => Action::SelectTab(Tab::Chart),
            }
        }
        _ => Action::SelectTab(if pick % 2 == 0 { Tab::Table } else { Tab::Chart }),
    }
}

/// Encoding then decoding gives the same selection back, with nothing ignored.
fn round_trips(b: &Bundle, s: &Selection) -> Result<(), TestCaseError> {
    let query = encode(b, s);
    let back = decode(b, &query);
    prop_assert_eq!(&back.ignored, &Vec::<String>::new(), "{}", query);
    prop_assert_eq!(&back.selection, s, "{}", query);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_state_round_trips(first: bool, steps in proptest::collection::vec((any::<u8>(), any::<usize>()), 0..25)) {
        let b = bundle();
        // From the first view (the lens) or the view links are written against.
        let mut s = if first { Selection::initial(&b) } else { Selection::baseline(&b) };
        for (kind, pick) in steps {
            s = s.apply(&b, action(&b, &s, kind, pick));
        }
        round_trips(&b, &s)?;
    }

    /// The change measures and their base year, which a random walk seldom reaches, then a few
    /// random steps that may move the year, chart or dataset under them.
    #[test]
    fn changes_and_their_base_years_round_trip(
        chart in 0usize..4, year: usize, measure: usize, base: usize,
        steps in proptest::collection::vec((any::<u8>(), any::<usize>()), 0..6),
    ) {
        let b = bundle();
        let mut s = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::ALL[chart]));
        let years = s.dataset(&b).years().to_vec();
        s = s.apply(&b, Action::SelectYear(years[year % years.len()].clone()));
        let changes: Vec<Measure> = s.measures(&b).into_iter().filter(|m| m.base_year().is_some() || *m == Measure::ShareOfUk).collect();
        if let Some(m) = changes.get(measure % changes.len().max(1)) {
            s = s.apply(&b, Action::SelectMeasure(m.clone()));
        }
        let bases = s.base_years(&b);
        if let Some(y) = bases.get(base % bases.len().max(1)) {
            s = s.apply(&b, Action::SetBaseYear(y.clone()));
        }
        for (kind, pick) in steps {
            s = s.apply(&b, action(&b, &s, kind, pick));
        }
        round_trips(&b, &s)?;
    }

    #[test]
    fn any_query_string_gives_a_valid_view(query in "[a-z=&,:%0-9/\\-]{0,80}") {
        let b = bundle();
        let decoded = decode(&b, &query);
        let mut normal = decoded.selection.clone();
        normal.normalise(&b);
        prop_assert_eq!(&normal, &decoded.selection);
        // And the view model renders it.
        let _ = workforce_core::view::figure(&b, &decoded.selection);
    }
}

#[test]
fn links_are_compact_and_readable() {
    let b = bundle();
    assert_eq!(encode(&b, &Selection::initial(&b)), "lens=technical", "the first view names its lens");
    let s = Selection::baseline(&b);
    assert_eq!(encode(&b, &s), "d=staff-occupation", "the view links are written against still names something");
    let s = s
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007759".into()))
        .apply(&b, Action::TogglePartner("10007767".into()))
        .apply(&b, Action::ToggleCategory(CategoryKey { group: "Non-academic".into(), name: "Total non-academic staff".into() }))
        .apply(&b, Action::SelectYear("2020/21".into()))
        .apply(&b, Action::SelectChart(ChartKind::Bars))
        .apply(&b, Action::SetCompareUk(true))
        .apply(&b, Action::SelectTab(Tab::Table));
    assert_eq!(encode(&b, &s), "p=aston,keele&c=academic:total-academic-staff&y=2020-21&v=bars&uk=1&t=table");
    let per = s.apply(&b, Action::SelectMeasure(Measure::PerHundred(CategoryKey { group: String::new(), name: "Total".into() })));
    assert!(encode(&b, &per).contains("m=per:total"));
    assert_eq!(slug("Managers, directors & senior officials"), "managers-directors-senior-officials");
}

#[test]
fn new_measures_have_short_links() {
    let b = bundle();
    let bars = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::Bars));
    let uk = bars.apply(&b, Action::SelectMeasure(Measure::ShareOfUk));
    assert_eq!(encode(&b, &uk), "v=bars&m=uk");
    let change = |kind| Measure::Change { base: "2014/15".into(), kind };
    // The dataset's first year is the default base and is left out.
    let c = bars.apply(&b, Action::SelectMeasure(change(ChangeKind::Absolute)));
    assert_eq!(encode(&b, &c), "v=bars&m=change");
    let c = c.apply(&b, Action::SetBaseYear("2016/17".into()));
    assert_eq!(encode(&b, &c), "v=bars&m=change&b=2016-17");
    let p = bars.apply(&b, Action::SelectMeasure(change(ChangeKind::Percent)));
    assert_eq!(encode(&b, &p), "v=bars&m=pct-change");
    let trend = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::Trend));
    let i = trend.apply(&b, Action::SelectMeasure(change(ChangeKind::Index))).apply(&b, Action::SetBaseYear("2019/20".into()));
    assert_eq!(encode(&b, &i), "v=trend&m=index&b=2019-20");
    for s in [uk, c, p, i] {
        let d = decode(&b, &encode(&b, &s));
        assert_eq!((d.selection, d.ignored), (s, Vec::new()));
    }
    // `b` may come first.
    assert_eq!(decode(&b, "b=2016-17&v=bars&m=change").selection.measure, Measure::Change { base: "2016/17".into(), kind: ChangeKind::Absolute });
}

#[test]
fn malformed_parameters_are_ignored_and_named() {
    let b = bundle();
    let cases = [
        ("?zzz=1", vec!["unknown setting \"zzz\""]),
        ("d=nope", vec!["unknown dataset \"nope\""]),
        ("p=aston,atlantis", vec!["unknown partner \"atlantis\""]),
        ("y=1999-00", vec!["year \"1999-00\" is not in this dataset"]),
        ("v=pie", vec!["unknown chart \"pie\""]),
        ("m=share&v=bars", vec!["the measure does not fit this chart"]),
        ("m=index&v=bars", vec!["the measure does not fit this chart"]),
        ("m=change&v=bars&y=2014-15", vec!["the measure does not fit this chart"]),
        ("m=changes", vec!["unknown measure \"changes\""]),
        ("m=change&v=bars&b=1999-00", vec!["base year \"1999-00\" is not in this dataset"]),
        ("b=2016-17&m=change&v=bars&y=2015-16", vec!["base year \"2016-17\" is not before the year shown"]),
        ("m=uk&v=bars&b=2016-17", vec!["a base year needs a change measure"]),
        ("uk=maybe", vec!["\"uk\" should be 1 or 0, not \"maybe\""]),
        ("c=academic:total-academic-staff,academic:professional-occupations", vec!["category \"academic:professional-occupations\" overlaps another one chosen"]),
        ("t=graph&c=nothing", vec!["unknown category \"nothing\"", "unknown tab \"graph\""]),
        ("%zz=%%&&=", vec!["unknown setting \"%zz\"", "unknown setting \"\""]),
    ];
    for (query, expected) in cases {
        let d = decode(&b, query);
        let mut got = d.ignored.clone();
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{query}");
    }
    // The rest is honoured.
    let d = decode(&b, "p=aston,atlantis&y=2020-21&embed=1");
    assert_eq!(d.selection.partners, vec!["10007759".to_string()]);
    assert_eq!(d.selection.year, "2020/21");
    assert_eq!(d.ignored.len(), 1, "embed is a page parameter, not an error");
}

fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

#[test]
fn a_repeated_category_counts_once_and_is_named() {
    let b = bundle();
    let d = decode(&b, "c=academic:total-academic-staff,academic:total-academic-staff&v=bars");
    assert_eq!(d.selection.categories, vec![key("Academic", "Total academic staff")]);
    assert_eq!(d.ignored, vec!["category \"academic:total-academic-staff\" is repeated".to_string()]);
    // Repeated after another one: still once, and the other stays.
    let d = decode(&b, "c=academic:total-academic-staff,non-academic:total-non-academic-staff,academic:total-academic-staff");
    assert_eq!(d.selection.categories, vec![key("Academic", "Total academic staff"), key("Non-academic", "Total non-academic staff")]);
    assert_eq!(d.ignored.len(), 1, "{:?}", d.ignored);
    // However often: said once.
    let d = decode(&b, &format!("c={}", "academic:total-academic-staff,".repeat(200)));
    assert_eq!(d.selection.categories, vec![key("Academic", "Total academic staff")]);
    assert_eq!(d.ignored, vec!["category \"academic:total-academic-staff\" is repeated".to_string()]);
}

#[test]
fn unknown_categories_are_ignored_and_the_defaults_stand_in_when_none_remain() {
    let b = bundle();
    let d = decode(&b, "c=nothing");
    assert_eq!(d.selection.categories, Selection::baseline(&b).categories, "the dataset's default categories");
    assert_eq!(d.ignored, vec!["unknown category \"nothing\"".to_string()]);
    // Another dataset's link falls back to that dataset's defaults.
    let d = decode(&b, "d=students-sex&c=nothing,also-nothing");
    let defaults = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into())).categories;
    assert!(!defaults.is_empty());
    assert_eq!(d.selection.categories, defaults);
    assert_eq!(d.ignored.len(), 2, "{:?}", d.ignored);
    // A known category next to an unknown one is honoured alone.
    let d = decode(&b, "c=nothing,academic:total-academic-staff");
    assert_eq!(d.selection.categories, vec![key("Academic", "Total academic staff")]);
    assert_eq!(d.ignored, vec!["unknown category \"nothing\"".to_string()]);
    // An empty list is a choice the explorer itself links to (nothing selected), not an error.
    let d = decode(&b, "c=");
    assert!(d.selection.categories.is_empty());
    assert!(d.ignored.is_empty(), "{:?}", d.ignored);
}

#[test]
fn page_options_are_not_the_view_and_bad_values_are_named() {
    let b = bundle();
    let plain = decode(&b, "p=aston");
    let dressed = decode(&b, "embed=1&theme=dark&controls=0&accent=teal&font=serif&p=aston");
    assert_eq!(dressed.selection, plain.selection, "the page's look is not part of the view");
    assert_eq!(dressed.ignored, Vec::<String>::new());
    // Raw CSS or unknown names are ignored, each said once; the view is still honoured.
    let bad = decode(&b, "embed=1&theme=sepia&controls=off&accent=%23ff0000&font=Comic%20Sans&p=aston");
    assert_eq!(bad.selection, plain.selection);
    assert_eq!(
        bad.ignored,
        vec![
            "unknown theme \"sepia\" (light, dark or auto)".to_string(),
            "\"controls\" should be 1 or 0, not \"off\"".to_string(),
            "unknown accent colour \"#ff0000\"".to_string(),
            "unknown font \"Comic Sans\"".to_string(),
        ]
    );
    // The page options never enter a view's link.
    assert!(!encode(&b, &dressed.selection).contains("theme"));
}
