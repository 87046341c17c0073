//! The technical-workforce lens, the first view it became, the links written before it, and the
//! opt-out break said once and drawn on trends.

mod common;

use common::{academic, bundle, key, non_academic};
use workforce_core::lens::Lens;
use workforce_core::selection::{Action, ChartKind, Measure, Selection, Tab};
use workforce_core::url_state::{decode, encode};
use workforce_core::view;

fn technical() -> workforce_core::manifest::CategoryKey {
    key("Non-academic", "Associate professional occupations")
}

const OPT_OUT: &str = "Since 2019/20, providers in England and Northern Ireland may choose not to return non-academic staff to HESA; Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20, and HESA publishes no UK total for non-academic staff from 2019/20.";

#[test]
fn the_lens_sets_the_technical_view_from_anywhere() {
    let b = bundle();
    let messy = Selection::baseline(&b)
        .apply(&b, Action::SelectDataset("students-sex".into()))
        .apply(&b, Action::TogglePartner("10007759".into()))
        .apply(&b, Action::SelectChart(ChartKind::Bars))
        .apply(&b, Action::SetCompareUk(true))
        .apply(&b, Action::ToggleOther("10007783".into()))
        .apply(&b, Action::SelectTab(Tab::Table));
    let lens = messy.apply(&b, Action::ApplyLens(Lens::Technical));
    assert_eq!(lens.dataset, "staff-occupation");
    assert_eq!(lens.categories, vec![technical()]);
    assert_eq!(lens.partners.len(), 8, "all eight partners");
    assert!(lens.others.is_empty() && !lens.compare_uk && !lens.combine && lens.hidden.is_empty());
    assert_eq!((lens.chart, &lens.measure), (ChartKind::Trend, &Measure::Count));
    assert_eq!(lens.tab, Tab::Table, "the tab stays");
    assert!(lens.is_lens(&b, Lens::Technical) && !messy.is_lens(&b, Lens::Technical));
    // A trend over every year.
    let f = view::figure(&b, &lens);
    assert_eq!(f.chart.labels.len(), 10);
    assert_eq!(f.chart.labels.first().map(String::as_str), Some("2014/15"));
    assert_eq!(f.chart.series.len(), 8);
}

#[test]
fn the_first_view_is_the_lens() {
    let b = bundle();
    let first = Selection::initial(&b);
    assert_eq!(first, Selection::baseline(&b).apply(&b, Action::ApplyLens(Lens::Technical)));
    assert!(first.is_lens(&b, Lens::Technical));
    assert_eq!(decode(&b, "").selection, first, "the bare URL");
    assert_eq!(decode(&b, "?").selection, first);
    // Its link names it, and survives a reload.
    assert_eq!(encode(&b, &first), "lens=technical");
    let back = decode(&b, "lens=technical");
    assert_eq!((back.selection, back.ignored), (first.clone(), vec![]));
    let aston = first.apply(&b, Action::NoPartners).apply(&b, Action::TogglePartner("10007759".into()));
    assert_eq!(encode(&b, &aston), "lens=technical&p=aston");
    assert_eq!(decode(&b, "lens=technical&p=aston").selection, aston);
    assert_eq!(decode(&b, "lens=nothing").ignored, vec!["unknown view \"nothing\"".to_string()]);
}

#[test]
fn links_written_before_the_lens_keep_their_meaning() {
    let b = bundle();
    let old_first = Selection::baseline(&b);
    assert_eq!(old_first.categories, vec![academic(), non_academic()]);
    assert_eq!(old_first.chart, ChartKind::Stacked);
    // Only what differed from the old first view was written.
    let academic_only = decode(&b, "c=academic:total-academic-staff").selection;
    assert_eq!((academic_only.categories, academic_only.chart), (vec![academic()], ChartKind::Stacked));
    let bars = decode(&b, "v=bars").selection;
    assert_eq!((bars.categories, bars.chart), (vec![academic(), non_academic()], ChartKind::Bars));
    let aston = decode(&b, "p=aston").selection;
    assert_eq!(aston, Selection { partners: vec!["10007759".into()], ..old_first.clone() });
    let students = decode(&b, "d=students-sex").selection;
    assert_eq!((students.dataset.as_str(), students.chart), ("students-sex", ChartKind::Stacked));
    // An old embed of the old first view.
    assert_eq!(decode(&b, "embed=1").selection, old_first);
    // And the old first view has a link of its own now.
    assert_eq!(encode(&b, &old_first), "d=staff-occupation");
    assert_eq!(decode(&b, "d=staff-occupation").selection, old_first);
}

#[test]
fn the_lens_says_what_it_counts() {
    let b = bundle();
    let f = view::figure(&b, &Selection::initial(&b));
    let definition = &f.caption.notes[0];
    for words in ["non-academic staff in associate professional occupations", "SOC 2010 major group 3", "laboratory, engineering and IT technicians", "skilled trades", "academic staff", "do not separate technicians from other associate professionals"] {
        assert!(definition.contains(words), "{words:?} in {definition}");
    }
    // Beside its figures on bars too, and nowhere else.
    let bars = Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars));
    assert!(view::figure(&b, &bars).caption.notes.iter().any(|n| n == definition));
    let totals = view::figure(&b, &Selection::baseline(&b));
    assert!(!totals.caption.notes.iter().any(|n| n == definition));
}

#[test]
fn the_opt_out_is_said_once_where_it_matters() {
    let b = bundle();
    let f = view::figure(&b, &Selection::initial(&b));
    // The definition and the opt-out lead; then how many providers reported (the coverage).
    assert_eq!(f.caption.notes[..2], [Lens::Technical.definition().to_string(), OPT_OUT.to_string()]);
    assert_eq!(f.caption.notes.iter().filter(|n| n.text == OPT_OUT).count(), 1);
    assert!(f.caption.notes[2..].iter().all(|n| n.contains("providers reported")), "{:?}", f.caption.notes);
    // What the view counts is said plainly; the opt-out break and the sums that miss providers are
    // cautions on the figures, set apart on the page.
    let cautions: Vec<bool> = f.caption.notes.iter().map(|n| n.caution).collect();
    assert!(cautions.len() > 2, "the coverage notes follow: {:?}", f.caption.notes);
    assert_eq!(cautions[..2], [false, true]);
    assert!(cautions[2..].iter().all(|&c| c), "{:?}", f.caption.notes);
    // Non-academic and all-staff figures from 2019/20; with the UK too, still once.
    let uk = Selection::initial(&b).apply(&b, Action::SetCompareUk(true)).apply(&b, Action::SelectMeasure(Measure::ShareOfUk));
    let notes = view::figure(&b, &uk).caption.notes;
    assert_eq!(notes.iter().filter(|n| n.contains("opt") || n.contains("choose not to return")).count(), 1, "{notes:?}");
    assert!(!notes.iter().any(|n| n.contains("Birmingham and Nottingham did not report")), "{notes:?}");
    let all_staff = decode(&b, "c=total&v=bars").selection;
    assert!(view::figure(&b, &all_staff).caption.notes.iter().any(|n| *n == OPT_OUT));
    // Not before 2019/20, and not for academic staff.
    let before = decode(&b, "c=non-academic:total-non-academic-staff&v=bars&y=2018-19").selection;
    assert!(!view::figure(&b, &before).caption.notes.iter().any(|n| n.contains("choose not to return")));
    let academic_trend = decode(&b, "c=academic:total-academic-staff&v=trend").selection;
    let f = view::figure(&b, &academic_trend);
    assert!(f.caption.notes.is_empty(), "{:?}", f.caption.notes);
    assert!(f.chart.breaks.is_empty());
}

#[test]
fn trends_across_the_opt_out_mark_the_break() {
    let b = bundle();
    let f = view::figure(&b, &Selection::initial(&b));
    assert_eq!(f.chart.breaks, vec![(5, "Opt-out from 2019/20".to_string())]);
    assert_eq!(f.chart.labels[5], "2019/20");
    // All staff over the years too; bars have no years to break between.
    let all_staff = decode(&b, "c=total&v=trend").selection;
    assert_eq!(view::figure(&b, &all_staff).chart.breaks.len(), 1);
    let bars = Selection::initial(&b).apply(&b, Action::SelectChart(ChartKind::Bars));
    assert!(view::figure(&b, &bars).chart.breaks.is_empty());
}

#[test]
fn tables_of_all_staff_show_the_opt_out_through_their_grand_total() {
    // FTE by cost centre and staff by nationality have no non-academic group, but every figure
    // includes non-academic staff: the same break, said once, instead of a not-reported sentence
    // per partner and year.
    let b = bundle();
    for dataset in ["staff-cost-centre", "staff-nationality"] {
        let trend = Selection::baseline(&b).apply(&b, Action::SelectDataset(dataset.into())).apply(&b, Action::SelectChart(ChartKind::Trend));
        let f = view::figure(&b, &trend);
        assert_eq!(f.chart.breaks, vec![(5, "Opt-out from 2019/20".to_string())], "{dataset}");
        let opt_out = f.caption.notes.iter().find(|n| n.contains("choose not to return non-academic staff")).unwrap_or_else(|| panic!("{dataset}: {:?}", f.caption.notes));
        assert!(opt_out.caution);
        assert!(opt_out.contains("Birmingham and Nottingham did not (2019/20–2023/24)"), "{dataset}: {opt_out}");
        assert!(opt_out.contains("HESA publishes no UK total for these figures, which include non-academic staff, from 2019/20."), "{opt_out}");
        assert!(!f.caption.notes.iter().any(|n| n.starts_with("Not reported: Birmingham and Nottingham")), "{dataset}: said once: {:?}", f.caption.notes);
    }
    // A table of academic staff only: no opt-out.
    let qualification = Selection::baseline(&b).apply(&b, Action::SelectDataset("staff-qualification".into())).apply(&b, Action::SelectChart(ChartKind::Trend));
    assert!(view::figure(&b, &qualification).chart.breaks.is_empty());
}

#[test]
fn the_opt_out_note_is_read_from_the_data() {
    // Keele's non-academic figures withheld for 2021/22 and 2022/23: the note names it.
    let b = bundle();
    let base = b.dataset("staff-occupation").expect("dataset");
    let records: Vec<_> = base
        .records()
        .into_iter()
        .map(|mut r| {
            if r.ukprn == "10007767" && (r.year == "2021/22" || r.year == "2022/23") && (r.group == "Non-academic" || r.group.is_empty()) {
                r.value = None;
            }
            r
        })
        .collect();
    let data = workforce_core::Dataset::from_records(base.info.clone(), "staff-occupation.csv", &records).expect("data");
    let b = b.with_dataset(data);
    let notes = view::figure(&b, &Selection::initial(&b)).caption.notes;
    assert!(
        notes.iter().any(|n| *n == "Since 2019/20, providers in England and Northern Ireland may choose not to return non-academic staff to HESA; Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20, nor Keele (2021/22–2022/23), and HESA publishes no UK total for non-academic staff from 2019/20."),
        "{notes:?}"
    );
}
