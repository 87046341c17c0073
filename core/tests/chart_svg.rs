//! The chart drawing routine, drawn natively into SVG: the same code the canvas runs.

use plotters::prelude::*;
use workforce_core::chart::{self, nice_ceiling, ChartStyle};
use workforce_core::palette::Rgb;
use workforce_core::view::{ChartView, SeriesView};

fn view(stacked: bool) -> ChartView {
    ChartView {
        title: "Staff headcount by occupation, 2023/24".into(),
        y_label: "Headcount".into(),
        labels: vec!["Aston".into(), "Birmingham".into(), "Loughborough".into()],
        series: vec![
            SeriesView {
                name: "Total academic staff".into(),
                colour: Rgb(0x33, 0x22, 0x88),
                values: vec![Some(1050.0), Some(4205.0), Some(1900.0)],
                incomplete: vec![false, false, false],
            },
            SeriesView {
                name: "Total non-academic staff".into(),
                colour: Rgb(0x88, 0xcc, 0xee),
                values: vec![Some(1165.0), None, Some(2500.0)],
                incomplete: vec![false, true, false],
            },
        ],
        stacked,
        empty: None,
        alt: String::new(),
    }
}

fn svg(view: &ChartView, width: u32, height: u32, scale: f64) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        chart::draw(&root, view, &ChartStyle { scale, ..ChartStyle::default() }).expect("draws");
        root.present().expect("presents");
    }
    out
}

#[test]
fn stacked_bars_draw_every_reported_segment_with_its_colour() {
    let out = svg(&view(true), 800, 450, 1.0);
    // One rectangle per reported value: 3 academic + 2 non-academic.
    assert_eq!(out.matches("fill=\"#332288\"").count(), 3 + 1, "3 bars + legend swatch:\n{out}");
    assert_eq!(out.matches("fill=\"#88CCEE\"").count(), 2 + 1);
    for label in ["Aston", "Birmingham", "Loughborough", "Total academic staff", "Headcount", "4,205*"] {
        assert!(out.contains(label), "missing {label}");
    }
    // Stack tops are labelled with en-GB totals.
    assert!(out.contains("2,215"), "Aston's stack 1,050 + 1,165");
}

#[test]
fn narrow_charts_shorten_labels_and_scale_draws_bigger() {
    let narrow = svg(&view(false), 200, 300, 1.0);
    assert!(narrow.contains('…'), "long labels shortened on a narrow chart");
    let one = svg(&view(false), 800, 450, 1.0);
    let two = svg(&view(false), 1600, 900, 2.0);
    let font_size = |s: &str| s.split("font-size=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
    assert_ne!(font_size(&one), font_size(&two), "fonts scale with the pixel ratio");
}

#[test]
fn an_empty_view_draws_its_reason() {
    let mut v = view(true);
    v.series.clear();
    v.labels.clear();
    v.empty = Some("Choose at least one partner to see figures.".into());
    assert!(svg(&v, 400, 300, 1.0).contains("Choose at least one partner"));
}

#[test]
fn axis_tops_are_round() {
    assert_eq!(nice_ceiling(4405.0), 5000.0);
    assert_eq!(nice_ceiling(16125.0), 20000.0);
    assert_eq!(nice_ceiling(2100.0), 2500.0);
    assert_eq!(nice_ceiling(0.0), 1.0);
    assert_eq!(nice_ceiling(f64::NAN), 1.0);
}
