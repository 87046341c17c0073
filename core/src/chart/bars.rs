//! Bars: single, grouped side by side, or stacked; up the page when the labels fit under them,
//! otherwise across it and ranked. One routine for both orientations.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{axis_max, Orientation, Plot};
use super::hits::Hit;
use super::text::fit_label;
use super::{colour, Ctx, DrawError};
use crate::palette::Rgb;
use crate::selection::ChartKind;
use crate::view::{ChartView, RowKind, Status, Unit};

/// The share of a category's band left empty on each side of its bar.
const MARGIN: f64 = 0.14;

/// One piece of a bar along the value axis.
#[derive(Clone, Copy)]
struct Piece {
    series: usize,
    from: f64,
    to: f64,
    value: Option<f64>,
    status: Status,
    fill: Rgb,
}

/// Draws the bars, up the page when every label fits under its bar, otherwise across it.
pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let label_style = cx.text(12.0, cx.style.text);
    let mark_style = cx.text(11.0, cx.style.muted_text);
    let n = view.labels.len();
    let slot = (width - cx.px(64.0) - cx.px(12.0)) / n.max(1) as i32;
    let widest = view.labels.iter().map(|l| area.estimate_text_size(l, &label_style).map(|s| s.0 as i32)).try_fold(0, |m, w| w.map(|w| m.max(w)))?;
    let orientation = if widest + cx.px(8.0) > slot || n > 16 { Orientation::Horizontal } else { Orientation::Vertical };
    // The room for a category's label, and the plot's margins and label areas.
    let (order, label_room, margins, label_areas) = match orientation {
        Orientation::Vertical => ((0..n).collect(), slot - cx.px(4.0), (cx.px(18.0), cx.px(12.0)), (cx.px(28.0), cx.px(64.0))),
        Orientation::Horizontal => {
            let label_area = (widest + cx.px(12.0)).min(width * 2 / 5);
            (ranked(view), label_area - cx.px(12.0), (cx.px(8.0), cx.px(48.0)), (cx.px(40.0), label_area))
        }
    };
    let unit = view.unit;
    let plot = Plot::draw(area, cx, orientation, (n, axis_max(view), unit), &view.y_label, margins, label_areas)?;
    // Text past a bar's end: a little further out across the page than up it.
    let gap = match orientation {
        Orientation::Vertical => cx.px(3.0),
        Orientation::Horizontal => cx.px(4.0),
    };
    // Grouped lanes are labelled when a figure fits across one.
    let lane_room = match orientation {
        Orientation::Vertical => cx.px(22.0),
        Orientation::Horizontal => cx.px(11.0),
    };
    let end_style = mark_style.pos(orientation.end_anchor());
    let grouped = view.kind == ChartKind::Grouped && visible(view).len() > 1;
    let mut hits = Vec::new();
    for (position, &row) in order.iter().enumerate() {
        let position = position as f64;
        let striped = view.row_kinds.get(row) == Some(&RowKind::Uk);
        let pieces = pieces(view, row);
        let lanes = if grouped { pieces.len().max(1) } else { 1 };
        let lane_size = (1.0 - 2.0 * MARGIN) / lanes as f64;
        let label_lanes = grouped && plot.category_pixels(lane_size) >= lane_room;
        for (lane, piece) in pieces.iter().enumerate() {
            let start = position + MARGIN + if grouped { lane as f64 * lane_size } else { 0.0 };
            let (end, middle) = (start + lane_size, start + lane_size / 2.0);
            let hit = if piece.value.is_some() {
                let (a, b) = (plot.at(start, piece.from), plot.at(end, piece.to));
                draw_piece(area, cx, a, b, piece.fill, striped, piece.status == Status::Incomplete)?;
                if label_lanes {
                    area.draw_text(&mark(unit, piece.value, piece.status), &end_style, plot.along(plot.at(middle, piece.to), gap))?;
                }
                // At least two pixels along the value axis, so a tiny figure can be hovered.
                let reach = match orientation {
                    Orientation::Vertical => (b.0, b.1.max(a.1.min(b.1) + 2)),
                    Orientation::Horizontal => (b.0.max(a.0.min(b.0) + 2), b.1),
                };
                Hit::spanning(a, reach, row, piece.series)
            } else {
                // Missing: a mark where the bar would stand, hoverable like a bar.
                if grouped || pieces.len() == 1 {
                    let text = mark(unit, None, piece.status);
                    area.draw_text(&text, &end_style, plot.along(plot.at(middle, piece.from), cx.px(3.0)))?;
                }
                let reach = match orientation {
                    Orientation::Vertical => cx.px(16.0),
                    Orientation::Horizontal => cx.px(24.0),
                };
                Hit::spanning(plot.at(start, piece.from), plot.along(plot.at(end, piece.from), reach), row, piece.series)
            };
            hits.push(hit.moved(plot.base));
        }
        let drawn = pieces.iter().filter(|p| p.value.is_some());
        let total = drawn.clone().map(|p| p.to).fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
        if let Some(total) = total.filter(|_| !grouped && !shares_fill_bars(view)) {
            let status = if pieces.iter().any(|p| p.status != Status::Reported) { Status::Incomplete } else { Status::Reported };
            let room = if orientation == Orientation::Vertical { slot } else { i32::MAX };
            let text = fit_label(area, &mark(unit, Some(total), status), &mark_style, room)?;
            area.draw_text(&text, &end_style, plot.along(plot.at(position + 0.5, total), gap))?;
        }
        let label = fit_label(area, &view.labels[row], &label_style, label_room)?;
        plot.draw_category_label(area, cx, position + 0.5, &label, &label_style)?;
    }
    if let Some((label, value)) = &view.reference {
        plot.draw_reference(area, cx, *value, label)?;
    }
    Ok(hits)
}

/// The order of ranked bars: partners' complete bars by length, largest first; then bars that
/// leave out figures not reported (incomplete: their length understates them, so ranking them
/// among complete ones would mislead), also by length; then bars with no figure; the partners
/// together and the UK last. Bars that all reach 100% rank by their first segment.
fn ranked(view: &ChartView) -> Vec<usize> {
    let key = |row: usize| {
        let pieces = pieces(view, row);
        let last = matches!(view.row_kinds.get(row), Some(RowKind::Combined | RowKind::Uk));
        let tier = if pieces.iter().all(|p| p.value.is_none()) {
            2
        } else if pieces.iter().any(|p| p.status != Status::Reported) {
            1
        } else {
            0
        };
        let length = if shares_fill_bars(view) { pieces.first().map_or(0.0, |p| p.to - p.from) } else { pieces.iter().map(|p| p.to).fold(0.0, f64::max) };
        (last, tier, length)
    };
    let keys: Vec<_> = (0..view.labels.len()).map(key).collect();
    let mut order: Vec<usize> = (0..view.labels.len()).collect();
    // Unstable is fine: ties fall back to data order, and the smaller sort keeps the wasm small.
    order.sort_unstable_by(|&a, &b| {
        let ((la, ta, va), (lb, tb, vb)) = (keys[a], keys[b]);
        la.cmp(&lb).then(ta.cmp(&tb)).then(vb.total_cmp(&va)).then(a.cmp(&b))
    });
    order
}

/// Stacked shares: every bar reaches 100%, so its end needs no label.
fn shares_fill_bars(view: &ChartView) -> bool {
    view.kind == ChartKind::Stacked && view.unit == Unit::Percent
}

/// The visible series, by index.
fn visible(view: &ChartView) -> Vec<usize> {
    (0..view.series.len()).filter(|&i| !view.series[i].hidden).collect()
}

/// One bar's pieces along the value axis: stacked one on another, or each from zero.
fn pieces(view: &ChartView, row: usize) -> Vec<Piece> {
    let stacked = view.kind == ChartKind::Stacked;
    let mut base = 0.0;
    let mut out = Vec::new();
    for s in visible(view) {
        let series = &view.series[s];
        let Some(p) = series.points.get(row) else { continue };
        let (from, to) = match p.value {
            Some(v) if stacked => (base, base + v),
            Some(v) => (0.0, v),
            None => (base, base),
        };
        if stacked {
            base = to;
        }
        out.push(Piece { series: s, from, to, value: p.value, status: p.status, fill: series.colour_at(row) });
    }
    out
}

/// Text on or by a bar: the figure, `*` when incomplete, or why there is none.
fn mark(unit: Unit, value: Option<f64>, status: Status) -> String {
    match (value, status) {
        (Some(v), Status::Incomplete) => format!("{}*", unit.format(v)),
        (Some(v), _) => unit.format(v),
        (None, Status::BaseTooSmall | Status::BaseIncomplete) => "n/s".to_string(),
        (None, _) => "n/r".to_string(),
    }
}

/// Draws a bar piece between corners `a` and `b`: the fill, stripes for the UK reference, an
/// outline when incomplete.
fn draw_piece<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx, a: (i32, i32), b: (i32, i32), fill: Rgb, striped: bool, incomplete: bool) -> Result<(), DrawError<DB>> {
    let rect = [(a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1))];
    area.draw(&Rectangle::new(rect, colour(fill).filled()))?;
    if striped {
        let step = cx.px(5.0).max(3);
        let mut y = rect[0].1 + step / 2;
        while y < rect[1].1 {
            area.draw(&PathElement::new(vec![(rect[0].0, y), (rect[1].0, y)], ShapeStyle::from(&WHITE).stroke_width(cx.px(1.5).max(1) as u32)))?;
            y += step;
        }
    }
    if incomplete {
        area.draw(&Rectangle::new(rect, ShapeStyle::from(&colour(cx.style.text)).stroke_width(cx.px(1.5).max(1) as u32)))?;
    }
    // A thin separator in the background colour between stacked segments.
    area.draw(&Rectangle::new(rect, ShapeStyle::from(&colour(cx.style.background)).stroke_width(cx.px(0.75).max(1) as u32)))?;
    Ok(())
}
