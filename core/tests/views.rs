//! The view model over the bundled data: every chart kind, shares, ratios, HESA's rounding rule,
//! the UK reference, the partners together, and colours.

mod common;

use std::collections::HashSet;

use common::{academic, awkward_bundle, bundle, key, non_academic, AWKWARD_PROVIDER, AWKWARD_UKPRN};

use workforce_core::palette;
use workforce_core::selection::{Action, ChartKind, Measure, Selection};
use workforce_core::view::{self, Point, RowKind, Status, Unit};

fn row(labels: &[String], name: &str) -> usize {
    labels.iter().position(|l| l == name).unwrap_or_else(|| panic!("no row {name} in {labels:?}"))
}

#[test]
fn non_academic_staff_per_100_academic_staff() {
    let b = bundle();
    let s = Selection::baseline(&b)
        .apply(&b, Action::ToggleCategory(academic()))
        .apply(&b, Action::SelectChart(ChartKind::Bars))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(academic())));
    assert_eq!(s.categories, vec![non_academic()]);
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.unit, Unit::PerHundred);
    assert_eq!(f.chart.y_label, "per 100 academic staff");
    let points = &f.chart.series[0].points;
    // Aston 2023/24: 1,130 non-academic per 1,015 academic.
    let aston = points[row(&f.chart.labels, "Aston")];
    assert!((aston.value.expect("value") - 1130.0 / 1015.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.table.unit.point(aston), "111.3");
    // Birmingham did not report non-academic staff: no ratio, never 0.
    assert_eq!(points[row(&f.chart.labels, "Birmingham")], Point { value: None, status: Status::NotReported });
    // The eight together: only the six that reported both parts, marked incomplete.
    let total = f.table.total.as_ref().expect("total row").cells[0];
    assert_eq!(total.status, Status::Incomplete);
}

#[test]
fn shares_of_the_selection_fill_each_bar_and_never_cross_partners() {
    let b = bundle();
    let s = Selection::baseline(&b)
        .apply(&b, Action::SelectDataset("students-sex".into()))
        .apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    assert_eq!((s.chart, &s.measure), (ChartKind::Stacked, &Measure::ShareOfSelection));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.unit, Unit::Percent);
    for r in 0..f.chart.labels.len() {
        let sum: f64 = f.chart.series.iter().filter_map(|x| x.points[r].value).sum();
        assert!((sum - 100.0).abs() < 1e-9, "{}: {sum}", f.chart.labels[r]);
    }
    // Cranfield 2023/24: 1,460 female of 5,025 (1,460 + 3,465 + 100).
    let cranfield = f.chart.series[0].points[row(&f.chart.labels, "Cranfield")].value.expect("share");
    assert!((cranfield - 1460.0 / 5025.0 * 100.0).abs() < 1e-9);
    // Summed bars have nothing to share out: the measure is not offered there.
    let bars = s.apply(&b, Action::SelectChart(ChartKind::Bars));
    assert_eq!(bars.measure, Measure::Count);
    assert!(!bars.measures(&b).contains(&Measure::ShareOfSelection));
}

#[test]
fn no_percentage_on_a_base_under_22_5() {
    let b = bundle();
    // Cranfield's academic "Associate professional occupations" 2023/24 as a share of its
    // academic managers + associate professionals: a base of 5 people.
    let s = Selection::baseline(&b)
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007822".into()))
        .apply(&b, Action::NoneInGroup("Academic".into()))
        .apply(&b, Action::NoneInGroup("Non-academic".into()))
        .apply(&b, Action::ToggleCategory(key("Academic", "Managers, directors and senior officials")))
        .apply(&b, Action::ToggleCategory(key("Academic", "Associate professional occupations")))
        .apply(&b, Action::SelectChart(ChartKind::Grouped))
        .apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let f = view::figure(&b, &s);
    assert!(f.chart.series.iter().all(|x| x.points[0] == Point { value: None, status: Status::BaseTooSmall }), "{:?}", f.chart.series);
    assert!(f.caption.notes.iter().any(|n| n.contains("HESA does not publish percentages of very small numbers (fewer than 22.5)")), "{:?}", f.caption.notes);
    assert_eq!(f.table.unit.point(f.table.rows[0].cells[0]), "not shown: HESA does not publish percentages of very small numbers (fewer than 22.5)");
}

#[test]
fn the_uk_total_is_a_reference() {
    let b = bundle();
    // As percentages the UK shares the partners' scale. (With counts it is kept off the chart:
    // see `measures.rs`.)
    let s = Selection::baseline(&b).apply(&b, Action::SetCompareUk(true)).apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let f = view::figure(&b, &s);
    // Stacked: the UK is the last bar, marked as such.
    assert_eq!(f.chart.labels.last().map(String::as_str), Some("UK (all providers)"));
    assert_eq!(f.chart.row_kinds.last(), Some(&RowKind::Uk));
    // Bars: a reference line at the UK figure, 2018/19 academic staff as a % of all staff:
    // 217,065 of 439,955.
    let bars = s
        .apply(&b, Action::ToggleCategory(non_academic()))
        .apply(&b, Action::SelectChart(ChartKind::Bars))
        .apply(&b, Action::SelectYear("2018/19".into()))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(key("", "Total"))));
    let f = view::figure(&b, &bars);
    let (label, value) = f.chart.reference.clone().expect("reference");
    assert!((value - 217_065.0 / 439_955.0 * 100.0).abs() < 1e-9);
    assert_eq!(label, "UK 49.3%");
    assert_eq!(f.caption.providers.last().map(String::as_str), Some("UK (all providers)"), "the reference is named as shown");
}

#[test]
fn partners_together_and_trends() {
    let b = bundle();
    let s = Selection::baseline(&b).apply(&b, Action::SetCombine(true)).apply(&b, Action::SelectChart(ChartKind::Trend));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.labels.len(), 10, "every year 2014/15 to 2023/24");
    assert_eq!(f.caption.heading(), "Academic and non-academic staff, Midlands Innovation partners, 2014/15 to 2023/24");
    assert_eq!(f.caption.period, "2014/15 to 2023/24");
    assert_eq!(f.chart.series.len(), 9, "eight partners and the eight together");
    let together = f.chart.series.last().expect("series");
    assert_eq!(together.name, "8 partners together");
    assert_eq!(together.colour, palette::COMBINED);
    // 2014/15: everyone reported; 2019/20 on: non-academic staff missing for some.
    assert_eq!(together.points[0].status, Status::Reported);
    assert_eq!(together.points[9].status, Status::Incomplete);
    assert_eq!(f.table.row_heading, "Year");

    // One partner with several categories: a line per category.
    let one = s.apply(&b, Action::SetCombine(false)).apply(&b, Action::NoPartners).apply(&b, Action::TogglePartner("10007759".into()));
    assert!(one.trend_by_category());
    let f = view::figure(&b, &one);
    assert_eq!(f.chart.series.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), vec!["Total academic staff", "Total non-academic staff"]);
}

#[test]
fn a_partner_keeps_its_colour() {
    let b = bundle();
    let colour_of = |s: &Selection, name: &str| {
        let f = view::figure(&b, s);
        let series = &f.chart.series[0];
        series.colour_at(row(&f.chart.labels, name))
    };
    let all = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::Bars)).apply(&b, Action::ToggleCategory(non_academic()));
    let some = all.apply(&b, Action::TogglePartner("10007759".into())).apply(&b, Action::TogglePartner("10006840".into()));
    // Single-series bars: one colour for every partner, the partners together apart.
    let f = view::figure(&b, &all);
    let colours: HashSet<_> = (0..f.chart.labels.len()).map(|r| f.chart.series[0].colour_at(r)).collect();
    assert_eq!(colours.len(), 1, "one colour for one series");
    assert_eq!(colour_of(&all, "Warwick"), palette::SINGLE);
    let combined = all.apply(&b, Action::SetCombine(true));
    assert_eq!(colour_of(&combined, "Warwick"), palette::SINGLE);
    assert_eq!(colour_of(&combined, "8 partners together"), palette::COMBINED);
    // And the same colour on a trend line.
    let trend = some.apply(&b, Action::SelectChart(ChartKind::Trend));
    let f = view::figure(&b, &trend);
    let warwick = f.chart.series.iter().find(|x| x.name == "Warwick").expect("line");
    assert_eq!(warwick.colour, palette::partner_colour(7));
    // Eight partner colours, all different (a set, not neighbours only).
    let colours: HashSet<_> = (0..8).map(palette::partner_colour).collect();
    assert_eq!(colours.len(), 8);
}

#[test]
fn every_series_of_a_chart_has_its_own_colour() {
    let b = bundle();
    // All fourteen cost centres: more series than the categorical palette once had colours.
    let s = Selection::baseline(&b).apply(&b, Action::SelectDataset("staff-cost-centre".into())).apply(&b, Action::AllInGroup(String::new()));
    for chart in [ChartKind::Grouped, ChartKind::Stacked] {
        let f = view::figure(&b, &s.apply(&b, Action::SelectChart(chart)));
        let n = f.chart.series.len();
        assert!(n >= 14, "{chart:?}: {n} series");
        let colours: HashSet<_> = f.chart.series.iter().map(|x| x.colour).collect();
        assert_eq!(colours.len(), n, "{chart:?}: {:?}", f.chart.series.iter().map(|x| x.colour.hex()).collect::<Vec<_>>());
        assert!(!colours.contains(&palette::UK), "the UK's grey stays the UK's");
    }
    // One partner's trend by category: fourteen lines.
    let one = s.apply(&b, Action::NoPartners).apply(&b, Action::TogglePartner("10007759".into())).apply(&b, Action::SelectChart(ChartKind::Trend));
    let f = view::figure(&b, &one);
    let colours: HashSet<_> = f.chart.series.iter().map(|x| x.colour).collect();
    assert!(f.chart.series.len() >= 14);
    assert_eq!(colours.len(), f.chart.series.len());
}

#[test]
fn hidden_series_stay_in_the_table() {
    let b = bundle();
    let s = Selection::baseline(&b).apply(&b, Action::ToggleSeries("Total academic staff".into()));
    let f = view::figure(&b, &s);
    assert!(f.chart.series[0].hidden);
    assert!(!f.chart.series[1].hidden);
    assert_eq!(f.table.columns[0], "Total academic staff");
    assert!(f.chart.describe(0, 0).starts_with("Aston, Total academic staff, 2023/24: 1,015"), "{}", f.chart.describe(0, 0));
}

#[test]
fn the_caption_is_in_fields() {
    let b = bundle();
    let f = view::figure(&b, &Selection::baseline(&b));
    let c = &f.caption;
    assert_eq!(c.title, "Academic and non-academic staff, Midlands Innovation partners");
    assert_eq!(c.dataset, "Staff headcount by occupation");
    assert_eq!(c.period, "2023/24");
    assert_eq!(c.heading(), "Academic and non-academic staff, Midlands Innovation partners, 2023/24");
    assert_eq!(c.heading(), f.chart.title, "the chart's title is the caption's heading");
    assert_eq!(c.subtitle, "Headcount of academic and non-academic staff.");
    assert_eq!(c.providers, ["Aston", "Birmingham", "Cranfield", "Keele", "Leicester", "Loughborough", "Nottingham", "Warwick"]);
    assert_eq!(c.shown(), "Shown: Aston, Birmingham, Cranfield, Keele, Leicester, Loughborough, Nottingham and Warwick.");
    assert_eq!(c.sources.len(), 1);
    assert_eq!(c.sources[0].table, "HESA DT025 Table 1");
    assert_eq!(c.sources[0].title, "HE staff by HE provider and activity standard occupational classification");
    assert_eq!(c.sources[0].link, "https://www.hesa.ac.uk/data-and-analysis/staff/table-1");
    assert_eq!(c.licence, "CC BY 4.0");
    assert_eq!(c.source_line(), "Source: HESA DT025 Table 1, CC BY 4.0");
    assert_eq!(c.rounding, view::ROUNDING_NOTE);
    assert_eq!(c.notes.len(), 2);
    assert!(c.notes[0].starts_with("Since 2019/20, providers in England and Northern Ireland may choose not to return"), "{:?}", c.notes);
    assert_eq!(c.notes[1], "Total non-academic staff, 2023/24: 125 of 227 providers reported.");

    // A share: what and how measured, in words.
    let s = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into())).apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let c = view::figure(&b, &s).caption;
    assert!(c.subtitle.ends_with(" Percentages of each provider's total of the selected categories in the same year."), "{}", c.subtitle);
}

#[test]
fn the_caption_names_every_provider_shown_in_order() {
    let b = awkward_bundle();
    let s = Selection::baseline(&b)
        .apply(&b, Action::SelectDataset("staff-awkward".into()))
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007759".into()))
        .apply(&b, Action::TogglePartner("10007767".into()))
        .apply(&b, Action::ToggleOther(AWKWARD_UKPRN.into()))
        .apply(&b, Action::SetCombine(true))
        .apply(&b, Action::SetCompareUk(true))
        .apply(&b, Action::SelectChart(ChartKind::Grouped))
        .apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let f = view::figure(&b, &s);
    let c = &f.caption;
    assert_eq!(c.providers, ["Aston", "Keele", AWKWARD_PROVIDER, "2 partners together", "UK (all providers)"]);
    assert_eq!(c.providers, f.chart.labels, "the same names, in the chart's order");
    assert_eq!(c.dataset, "Staff, from grade 1 to grade 9");
    assert_eq!(c.title, format!("Academic and non-academic staff as a % of the selected categories, Aston, Keele, {AWKWARD_PROVIDER} and the UK"));
    assert_eq!(c.period, "2023/24");

    // Counts: the UK total is not drawn beside the partners, so the caption does not name it.
    let counts = s.apply(&b, Action::SelectMeasure(Measure::Count));
    let f = view::figure(&b, &counts);
    assert_eq!(f.caption.providers, f.chart.labels);
    assert!(!f.caption.providers.iter().any(|p| p == "UK (all providers)"));

    // Bars: the UK total is a reference line, and still named.
    let bars = s
        .apply(&b, Action::ToggleCategory(non_academic()))
        .apply(&b, Action::SelectChart(ChartKind::Bars))
        .apply(&b, Action::SelectYear("2018/19".into()))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(key("", "Total"))));
    let f = view::figure(&b, &bars);
    assert!(f.chart.reference.is_some());
    assert_eq!(f.caption.providers.last().map(String::as_str), Some("UK (all providers)"));

    // A trend: the period spans the years.
    let trend = s.apply(&b, Action::SelectChart(ChartKind::Trend));
    let f = view::figure(&b, &trend);
    let c = &f.caption;
    assert_eq!(c.period, "2014/15 to 2023/24");
    let lines: Vec<&str> = f.chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(c.providers, lines, "a line per provider named");
    assert!(c.providers.len() >= 4);

    // One partner, several categories: a line per category, one provider shown.
    let one = trend.apply(&b, Action::SetCombine(false)).apply(&b, Action::TogglePartner("10007767".into()));
    assert!(one.trend_by_category());
    assert_eq!(view::figure(&b, &one).caption.providers, ["Aston"]);
}

/// Every occupation of both groups, not their totals.
fn every_occupation(b: &workforce_core::Bundle) -> Selection {
    let s = Selection::initial(b).apply(b, Action::NoneInGroup("Academic".into())).apply(b, Action::NoneInGroup("Non-academic".into()));
    s.apply(b, Action::AllInGroup("Academic".into())).apply(b, Action::AllInGroup("Non-academic".into()))
}

/// The selection with only `category` chosen, on `chart`.
fn only(b: &workforce_core::Bundle, s: Selection, category: workforce_core::manifest::CategoryKey) -> Selection {
    let s = s.apply(b, Action::NoneInGroup("Academic".into())).apply(b, Action::NoneInGroup("Non-academic".into()));
    s.apply(b, Action::NoneInGroup(String::new())).apply(b, Action::ToggleCategory(category))
}

#[test]
fn titles_say_what_how_who_and_when() {
    let b = bundle();
    // What, measure, who, when.
    let s = only(&b, Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars)), key("Non-academic", "Associate professional occupations"))
        .apply(&b, Action::SelectMeasure(Measure::Change { base: "2014/15".into(), kind: workforce_core::selection::ChangeKind::Absolute }));
    let c = view::figure(&b, &s).caption;
    assert_eq!(c.heading(), "Non-academic staff in associate professional occupations, change since 2014/15, Midlands Innovation partners, 2023/24");
    assert_eq!(c.subtitle, "Headcount of non-academic staff in associate professional occupations. The change from 2014/15, in headcount.");

    // Three partners by name; a share of the UK.
    let s = only(&b, Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars)), academic())
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007759".into()))
        .apply(&b, Action::TogglePartner("10007767".into()))
        .apply(&b, Action::TogglePartner("10007163".into()))
        .apply(&b, Action::SelectYear("2021/22".into()))
        .apply(&b, Action::SelectMeasure(Measure::ShareOfUk));
    let f = view::figure(&b, &s);
    assert_eq!(f.caption.heading(), "Academic staff as a % of the UK, Aston, Keele and Warwick, 2021/22");
    assert_eq!(f.chart.title, f.caption.heading(), "the chart's title is the caption's heading");

    // Every category of the table over the years: the dimension it is cut by.
    let all = every_occupation(&b).apply(&b, Action::SelectChart(ChartKind::Trend));
    assert_eq!(view::figure(&b, &all).caption.heading(), "Staff by occupation, Midlands Innovation partners, 2014/15 to 2023/24");
    let some = all.apply(&b, Action::TogglePartner("10007759".into()));
    let academic_only = some.apply(&b, Action::NoneInGroup("Non-academic".into()));
    assert_eq!(view::figure(&b, &academic_only).caption.heading(), "Academic staff by occupation, 7 partners, 2014/15 to 2023/24");

    // The old first view: both totals, never just the dataset's name, which the caption keeps apart.
    let c = view::figure(&b, &Selection::baseline(&b)).caption;
    assert_eq!(c.heading(), "Academic and non-academic staff, Midlands Innovation partners, 2023/24");
    assert_eq!(c.subtitle, "Headcount of academic and non-academic staff.");
    assert_eq!(c.dataset_line(), "Dataset: Staff headcount by occupation.");

    // A percentage of a total, with the UK as a reference, named.
    let pct = only(&b, Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars)), academic())
        .apply(&b, Action::SetCompareUk(true))
        .apply(&b, Action::SelectYear("2018/19".into()))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(key("", "Total"))));
    let c = view::figure(&b, &pct).caption;
    assert_eq!(c.heading(), "Academic staff as a % of all staff, Midlands Innovation partners and the UK, 2018/19");
    assert_eq!(c.subtitle, "Headcount of academic staff. Percentages of all staff at each provider in the same year.");

    // Other tables: students by sex, staff FTE by cost centre.
    let students = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into())).apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let c = view::figure(&b, &students).caption;
    // Every part of the group: named by the table's dimension, not listed.
    assert_eq!(c.heading(), "Students by sex as a % of the selected categories, Midlands Innovation partners, 2023/24");
    assert_eq!(c.subtitle, "Number of students (female, male and unknown). Percentages of each provider's total of the selected categories in the same year.");
    // Two of the three parts: listed.
    let two = students.clone().apply(&b, Action::ToggleCategory(key("", "Unknown")));
    assert_eq!(view::figure(&b, &two).caption.heading(), "Female and male students as a % of the selected categories, Midlands Innovation partners, 2023/24");
    let fte = Selection::baseline(&b).apply(&b, Action::SelectDataset("staff-cost-centre".into()));
    assert_eq!(view::figure(&b, &fte).caption.heading(), "All staff FTE, Midlands Innovation partners, 2023/24");
    let engineering = only(&b, fte, key("", "Engineering & technology")).apply(&b, Action::NoPartners).apply(&b, Action::TogglePartner("10007759".into()));
    assert_eq!(view::figure(&b, &engineering).caption.heading(), "Staff FTE in engineering & technology, Aston, 2023/24");
}

#[test]
fn measures_are_named_in_plain_words() {
    let b = bundle();
    let s = only(&b, Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars)), academic());
    let data = s.dataset(&b);
    let label = |s: &Selection, m: Measure| view::measure_choice_label(data, &s.categories, &m);
    assert_eq!(label(&s, Measure::PerHundred(key("", "Total"))), "% of all staff");
    let nonacademic = only(&b, s.clone(), non_academic());
    assert_eq!(label(&nonacademic, Measure::PerHundred(academic())), "Per 100 academic staff");
    let professional = only(&b, s.clone(), key("Non-academic", "Professional occupations"));
    assert_eq!(label(&professional, Measure::PerHundred(non_academic())), "% of non-academic staff");
    assert_eq!(label(&s, Measure::ShareOfSelection), "% of the selected categories");
}

#[test]
fn categories_take_their_groups_colour_family() {
    let b = bundle();
    let s = every_occupation(&b).apply(&b, Action::SelectChart(ChartKind::Grouped));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.series.len(), 4 + 9);
    for series in &f.chart.series {
        let family: &[_] = if series.name.contains("(Non-academic)") || series.name.contains("non-academic") { &palette::NON_ACADEMIC } else { &palette::ACADEMIC };
        assert!(family.contains(&series.colour), "{} is {}", series.name, series.colour.hex());
    }
    let colours: HashSet<_> = f.chart.series.iter().map(|x| x.colour).collect();
    assert_eq!(colours.len(), f.chart.series.len(), "still distinct");
    // A category keeps its colour whichever others are chosen with it.
    let name = "Professional occupations (Non-academic)";
    let colour = |f: &view::Figure| f.chart.series.iter().find(|x| x.name == name).map(|x| x.colour);
    let fewer = s.apply(&b, Action::NoneInGroup("Academic".into()));
    assert_eq!(colour(&view::figure(&b, &fewer)), colour(&f));
}

#[test]
fn every_table_titles_read_as_english() {
    let b = bundle();
    let heading = |dataset: &str, tweak: &dyn Fn(Selection) -> Selection| {
        let s = tweak(Selection::baseline(&b).apply(&b, Action::SelectDataset(dataset.into())));
        view::figure(&b, &s).caption.heading()
    };
    let b = &b;
    let only_one = |name: &'static str| move |s: Selection| only(b, s, key("", name));
    // People named by what they did, after who they are; a category that names who it counts.
    assert_eq!(heading("staff-flows", &|s| s), "Academic staff starters and leavers, Midlands Innovation partners, 2023/24");
    let net = heading("staff-flows", &|s: Selection| s.apply(b, Action::SelectChart(ChartKind::Trend)).apply(b, Action::SelectMeasure(Measure::NetFlow)));
    assert_eq!(net, "Academic staff, net change (starters − leavers), Midlands Innovation partners, 2014/15 to 2023/24");
    assert_eq!(heading("staff-flows", &only_one("Leavers")), "Academic staff leavers, Midlands Innovation partners, 2023/24");
    assert_eq!(heading("staff-flows", &only_one("Academic staff at the start of the year")), "Academic staff at the start of the year, Midlands Innovation partners, 2023/24");
    // Not somewhere one works: named after the table's dimension; a proper name keeps its case.
    assert_eq!(heading("staff-nationality", &only_one("European Union")), "Staff by nationality: European Union, Midlands Innovation partners, 2023/24");
    assert_eq!(heading("staff-qualification", &only_one("First degree")), "Academic staff by highest qualification: first degree, Midlands Innovation partners, 2023/24");
    // Every part of the group: who, then the parts.
    let nationality = Selection::baseline(b).apply(b, Action::SelectDataset("staff-nationality".into()));
    assert_eq!(view::figure(b, &nationality).caption.subtitle, "Headcount of staff (UK, European Union, Non-European Union and not known).");
    // Somewhere one works: `in`.
    assert_eq!(heading("staff-cost-centre", &only_one("Engineering & technology")), "Staff FTE in engineering & technology, Midlands Innovation partners, 2023/24");
    let fte = Selection::baseline(b).apply(b, Action::SelectDataset("staff-cost-centre".into()));
    assert_eq!(view::figure(b, &fte).caption.subtitle, "Full-time equivalent (FTE) of all staff.");
    // A table of only some staff: its total is all of them.
    let share = heading("staff-salary", &|s: Selection| s.apply(b, Action::SelectMeasure(Measure::PerHundred(key("", "Total")))));
    assert_eq!(share, "Full-time academic staff by salary band as a % of all full-time academic staff, Midlands Innovation partners, 2023/24");
}
