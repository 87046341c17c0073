//! Bars: single, grouped side by side, or stacked; up the page when the labels fit under them,
//! otherwise across it and ranked. One routine for both orientations.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{value_axis, Orientation, Plot};
use super::hits::Hit;
use super::text::fit_label;
use super::{colour, Ctx, DrawError};
use crate::palette::Rgb;
use crate::selection::ChartKind;
use crate::view::{ChartView, RowKind, Status, Unit};

/// The share of a category's band left empty on each side of its bar.
const MARGIN: f64 = 0.14;
/// The thickest a bar is drawn (before scaling), so one or two bars do not fill the plot.
const MAX_BAR: f64 = 72.0;
/// The thickest one bar of a group is drawn.
const MAX_LANE: f64 = 40.0;
/// How far a not-reported placeholder reaches along the value axis.
const PLACEHOLDER: f64 = 14.0;

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
    let plot = Plot::draw_range(area, cx, orientation, (n, view.min_value(), value_axis(view), unit), &view.y_label, margins, label_areas)?;
    // Text past a bar's end: a little further out across the page than up it.
    let gap = match orientation {
        Orientation::Vertical => cx.px(3.0),
        Orientation::Horizontal => cx.px(4.0),
    };
    let end_style = mark_style.pos(orientation.end_anchor());
    // A figure by the end of a bar: past its end, on the side it runs to (below or left of a fall).
    // A fall's figure that would reach the category labels goes just past zero on the other side.
    let figure_at = |text: &str, c: f64, value: f64, beyond: i32| -> Result<(), DrawError<DB>> {
        if value >= 0.0 {
            return area.draw_text(text, &end_style, plot.along(plot.at(c, value), gap + beyond));
        }
        let (w, h) = area.estimate_text_size(text, &mark_style)?;
        let end = plot.along(plot.at(c, value), -(gap + beyond));
        let room = match orientation {
            Orientation::Vertical => plot.bottom - end.1,
            Orientation::Horizontal => end.0 - plot.left,
        };
        let needed = match orientation {
            Orientation::Vertical => h as i32,
            Orientation::Horizontal => w as i32,
        };
        if room >= needed {
            area.draw_text(text, &mark_style.pos(orientation.start_anchor()), end)
        } else {
            area.draw_text(text, &end_style, plot.along(plot.at(c, 0.0), gap))
        }
    };
    let grouped = view.kind == ChartKind::Grouped && visible(view).len() > 1;
    let stacked = view.kind == ChartKind::Stacked;
    // A placeholder's length along the value axis where a figure was not reported.
    let stub = cx.px(PLACEHOLDER);
    let mut hits = Vec::new();
    for (position, &row) in order.iter().enumerate() {
        let position = position as f64;
        let striped = view.row_kinds.get(row).copied();
        let pieces = pieces(view, row);
        let lanes = if grouped { pieces.len().max(1) } else { 1 };
        // Bars no thicker than the cap, centred in their band: one bar does not fill the width.
        let cap = if grouped { MAX_LANE } else { MAX_BAR };
        let band = f64::from(plot.category_pixels(1.0).max(1));
        let lane_size = ((1.0 - 2.0 * MARGIN) / lanes as f64).min(cx.px(cap) as f64 / band);
        let first = position + (1.0 - lane_size * lanes as f64) / 2.0;
        let lane_pixels = plot.category_pixels(lane_size);
        // Past the end of a stack: placeholders for its segments not reported, one after another.
        let mut beyond = 0;
        for (lane, piece) in pieces.iter().enumerate() {
            let start = first + if grouped { lane as f64 * lane_size } else { 0.0 };
            let (end, middle) = (start + lane_size, start + lane_size / 2.0);
            let hit = if piece.value.is_some() {
                let (a, b) = (plot.at(start, piece.from), plot.at(end, piece.to));
                draw_piece(area, cx, a, b, piece.fill, striped, piece.status == Status::Incomplete)?;
                if grouped {
                    // Only when the figure fits across its lane: neighbours' figures never overlap.
                    let text = mark(unit, piece.value, piece.status);
                    if fits_across(area, &text, &mark_style, orientation, lane_pixels)? {
                        figure_at(&text, middle, piece.to, 0)?;
                    }
                }
                // At least two pixels along the value axis, so a tiny figure can be hovered.
                let reach = match orientation {
                    Orientation::Vertical => (b.0, b.1.max(a.1.min(b.1) + 2)),
                    Orientation::Horizontal => (b.0.max(a.0.min(b.0) + 2), b.1),
                };
                Hit::spanning(a, reach, row, piece.series)
            } else {
                // Not reported: a hatched placeholder where the bar (or, past a stack's end, the
                // segment) would be, outlined in the series colour, and hoverable like a bar.
                let total = if stacked { pieces.iter().map(|p| p.to).fold(0.0, f64::max) } else { piece.from };
                let (a, b) = (plot.along(plot.at(start, total), beyond), plot.along(plot.at(end, total), beyond + stub));
                draw_placeholder(area, cx, a, b, piece.fill)?;
                if stacked {
                    beyond += stub;
                } else {
                    let text = mark(unit, None, piece.status);
                    if !grouped || fits_across(area, &text, &mark_style, orientation, lane_pixels)? {
                        area.draw_text(&text, &end_style, plot.along(plot.at(middle, total), stub + gap))?;
                    }
                }
                Hit::spanning(a, b, row, piece.series)
            };
            hits.push(hit.moved(plot.base));
        }
        let drawn = pieces.iter().filter(|p| p.value.is_some());
        // The bar's end: its largest figure, or its fall when every figure is below zero.
        let total = drawn.clone().map(|p| p.to).fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| if v.abs() > m.abs() { v } else { m })));
        if let Some(total) = total.filter(|_| !grouped && !shares_fill_bars(view)) {
            let status = if pieces.iter().any(|p| p.status != Status::Reported) { Status::Incomplete } else { Status::Reported };
            let text = mark(unit, Some(total), status);
            // A figure is never cut short: dropped when it does not fit (hover still gives it).
            if orientation == Orientation::Horizontal || area.estimate_text_size(&text, &mark_style)?.0 as i32 <= slot {
                figure_at(&text, position + 0.5, total, beyond)?;
            }
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
        let last = matches!(view.row_kinds.get(row), Some(RowKind::Combined | RowKind::Uk | RowKind::UkReported));
        let tier = if pieces.iter().all(|p| p.value.is_none()) {
            2
        } else if pieces.iter().any(|p| p.status != Status::Reported) {
            1
        } else {
            0
        };
        // Falls rank below zero, the largest fall last.
        let length = if shares_fill_bars(view) {
            pieces.first().map_or(0.0, |p| p.to - p.from)
        } else {
            pieces.iter().filter(|p| p.value.is_some()).map(|p| p.to).fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v)))).unwrap_or(0.0)
        };
        (last, tier, length)
    };
    let keys: Vec<_> = (0..view.labels.len()).map(key).collect();
    // Ties fall back to data order.
    crate::sort::positions(view.labels.len(), &|a, b| {
        let ((la, ta, va), (lb, tb, vb)) = (keys[a], keys[b]);
        la.cmp(&lb).then(ta.cmp(&tb)).then(vb.total_cmp(&va)).then(a.cmp(&b))
    })
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
        let Some(p) = series.points.get(row) else {
            continue;
        };
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

/// Whether `text` fits across a lane `lane` pixels thick (its width up the page, its height across).
fn fits_across<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, style: &TextStyle, orientation: Orientation, lane: i32) -> Result<bool, DrawError<DB>> {
    let (w, h) = area.estimate_text_size(text, style)?;
    Ok(match orientation {
        Orientation::Vertical => w as i32 + 2 <= lane,
        Orientation::Horizontal => h as i32 <= lane,
    })
}

/// A placeholder for a figure not reported, between corners `a` and `b`: diagonal hatching in
/// the muted text colour inside an outline in the series colour. Drawn with lines, not a CSS
/// pattern: the same on the canvas and in SVG, and it reads without colour.
pub(super) fn draw_placeholder<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx, a: (i32, i32), b: (i32, i32), outline: Rgb) -> Result<(), DrawError<DB>> {
    let (x0, y0, x1, y1) = (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
    let hatch = ShapeStyle::from(&colour(cx.style.muted_text)).stroke_width(cx.px(1.0).max(1) as u32);
    let (w, h) = (x1 - x0, y1 - y0);
    let step = cx.px(4.0).max(3) as usize;
    // Lines rising to the right, x - x0 = d + (y1 - y), clipped to the rectangle.
    for d in (-h..w).step_by(step) {
        let from = if d < 0 { (x0, y1 + d) } else { (x0 + d, y1) };
        let to = if d + h > w { (x1, y1 + d - w) } else { (x0 + d + h, y0) };
        area.draw(&PathElement::new(vec![from, to], hatch))?;
    }
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], ShapeStyle::from(&colour(outline)).stroke_width(cx.px(1.5).max(1) as u32)))?;
    Ok(())
}

/// Draws a bar piece between corners `a` and `b`: the fill, stripes for the UK reference, an
/// outline when incomplete.
/// A bar or segment: the UK total striped across, "UK, providers that reported" striped up and down
/// (stripes in the surface's colour: white on the light surface, dark on the dark one).
fn draw_piece<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx, a: (i32, i32), b: (i32, i32), fill: Rgb, row: Option<RowKind>, incomplete: bool) -> Result<(), DrawError<DB>> {
    let rect = [(a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1))];
    area.draw(&Rectangle::new(rect, colour(fill).filled()))?;
    if row == Some(RowKind::UkReported) {
        let step = cx.px(5.0).max(3);
        let mut x = rect[0].0 + step / 2;
        while x < rect[1].0 {
            area.draw(&PathElement::new(vec![(x, rect[0].1), (x, rect[1].1)], ShapeStyle::from(&colour(cx.style.background)).stroke_width(cx.px(1.5).max(1) as u32)))?;
            x += step;
        }
    }
    if row == Some(RowKind::Uk) {
        let step = cx.px(5.0).max(3);
        let mut y = rect[0].1 + step / 2;
        while y < rect[1].1 {
            area.draw(&PathElement::new(vec![(rect[0].0, y), (rect[1].0, y)], ShapeStyle::from(&colour(cx.style.background)).stroke_width(cx.px(1.5).max(1) as u32)))?;
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
