//! Lines over the years: one per series, a gap where a year was not reported, dashed where a
//! figure is incomplete or the line is the UK reference, and a marker shape per series; a
//! labelled vertical rule where the series change what they count (`ChartView::breaks`).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{draw_dashed, value_axis, Orientation, Plot};
use super::hits::Hit;
use super::{colour, Ctx, DrawError};
use crate::view::{ChartView, Comparator, SeriesView, Status};

/// Shapes for line markers, so series differ by more than colour.
const MARKERS: usize = 5;

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let n = view.labels.len();
    // Room on the right for the series' names at the ends of their lines, when it is not too much.
    let name_style = cx.text(12.0, cx.style.text);
    let mut widest = 0;
    for series in view.series.iter().filter(|s| !s.hidden) {
        widest = widest.max(area.estimate_text_size(&series.name, &name_style)?.0 as i32);
    }
    let end_labels = widest > 0 && widest + cx.px(10.0) <= width as i32 * 3 / 10;
    let right = if end_labels { widest + cx.px(12.0) } else { cx.px(16.0) };
    // A break's label sits in a band above the plot, clear of the lines.
    let top = if view.breaks.iter().any(|(i, _)| (1..n).contains(i)) { cx.px(26.0) } else { cx.px(12.0) };
    // From the smallest value, so a fall below zero (a net outflow, a change since a base year)
    // stays inside the plot, above the year labels, with a zero line across.
    let range = (n, view.min_value(), value_axis(view), view.unit);
    let plot = Plot::draw_range(area, cx, Orientation::Vertical, range, &view.y_label, (top, right), (cx.px(28.0), cx.px(64.0)))?;
    draw_breaks(area, view, cx, &plot)?;
    let star = cx.text(12.0, cx.style.text).pos(Pos::new(HPos::Left, VPos::Bottom));
    let r = cx.px(6.0);
    let mut hits = Vec::new();
    for (s, series) in view.series.iter().enumerate().filter(|(_, s)| !s.hidden) {
        let stroke = ShapeStyle::from(&colour(series.colour)).stroke_width(cx.px(2.0).max(1) as u32);
        let points: Vec<Option<(i32, i32)>> = (0..n).map(|i| series.value(i).map(|v| plot.at(i as f64 + 0.5, v))).collect();
        let status = |i: usize| series.points.get(i).map_or(Status::NotReported, |p| p.status);
        // Lines join consecutive reported years only: a gap stays a gap. A segment to or from an
        // incomplete figure is dashed, so a drop that is only missing data does not read as real.
        for (i, pair) in points.windows(2).enumerate() {
            if let [Some(a), Some(b)] = *pair {
                let doubtful = status(i) != Status::Reported || status(i + 1) != Status::Reported;
                if series.reference == Some(Comparator::UkReported) {
                    // Apart from the UK total's dashes: dotted.
                    draw_dashed(area, a, b, stroke, cx.px(2.0).max(1))?;
                } else if series.reference.is_some() || doubtful {
                    draw_dashed(area, a, b, stroke, cx.px(5.0).max(2))?;
                } else {
                    area.draw(&PathElement::new(vec![a, b], stroke))?;
                }
            }
        }
        for (i, p) in points.iter().enumerate() {
            let hit = match *p {
                Some((x, y)) => {
                    let incomplete = status(i) == Status::Incomplete;
                    draw_marker(area, (x, y), s % MARKERS, colour(series.colour), cx.px(4.0).max(2), !incomplete)?;
                    if incomplete {
                        area.draw_text("*", &star, (x + cx.px(4.0), y - cx.px(2.0)))?;
                    }
                    Hit::spanning((x - r, y - r), (x + r, y + r), i, s)
                }
                // Not reported: a place to hover on the axis.
                None => {
                    let (x, y) = plot.at(i as f64 + 0.5, 0.0);
                    Hit::spanning((x - r, y - r * 2), (x + r, y), i, s)
                }
            };
            hits.push(hit.moved(plot.base));
        }
    }
    if end_labels {
        draw_end_labels(area, view, cx, &plot, &name_style)?;
    }
    // Year labels, thinned to fit: every `every`th year counted back from the latest, so the
    // latest is always labelled and no two labels overlap.
    let label_style = cx.text(12.0, cx.style.text);
    let mut widest_year = 0;
    for label in &view.labels {
        widest_year = widest_year.max(area.estimate_text_size(label, &label_style)?.0 as i32);
    }
    let spacing = plot.category_pixels(1.0).max(1);
    let every = ((widest_year + cx.px(8.0) + spacing - 1) / spacing).max(1) as usize;
    for (i, label) in view.labels.iter().enumerate() {
        if (n - 1 - i) % every == 0 {
            plot.draw_category_label(area, cx, i as f64 + 0.5, label, &label_style)?;
        }
    }
    Ok(hits)
}

/// Each break inside the trend: a dashed rule between the last year before it and the first
/// after, drawn behind the lines, and its label above the plot, beside the rule (on its left
/// when there is no room on its right, and kept over the plot, clear of the axis's labels).
fn draw_breaks<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, plot: &Plot) -> Result<(), DrawError<DB>> {
    let ink = cx.style.muted_text;
    let stroke = ShapeStyle::from(&colour(ink)).stroke_width(cx.px(1.5).max(1) as u32);
    let style = cx.text(12.0, ink);
    let (width, _) = area.dim_in_pixel();
    for (i, label) in view.breaks.iter().filter(|(i, _)| (1..view.labels.len()).contains(i)) {
        let x = plot.at(*i as f64, 0.0).0;
        draw_dashed(area, (x, plot.top), (x, plot.bottom), stroke, cx.px(4.0).max(2))?;
        let w = area.estimate_text_size(label, &style)?.0 as i32;
        let right_edge = width as i32 - cx.px(2.0);
        let left = if x + cx.px(4.0) + w <= right_edge { x + cx.px(4.0) } else { x - cx.px(4.0) - w };
        let left = left.min(right_edge - w).max(plot.left);
        area.draw_text(label, &style.pos(Pos::new(HPos::Left, VPos::Bottom)), (left, plot.top - cx.px(2.0)))?;
    }
    Ok(())
}

/// Marker shapes: circle, square, triangle, diamond, cross. Hollow markers stand for incomplete
/// figures.
fn draw_marker<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32), shape: usize, c: RGBColor, r: i32, solid: bool) -> Result<(), DrawError<DB>> {
    let fill = if solid { c.filled() } else { ShapeStyle::from(&c).stroke_width(2) };
    match shape {
        0 => area.draw(&Circle::new((x, y), r, fill)),
        1 => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill)),
        2 => area.draw(&Polygon::new(vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], fill)),
        3 => area.draw(&Polygon::new(vec![(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], fill)),
        _ => {
            let stroke = ShapeStyle::from(&c).stroke_width(2);
            area.draw(&PathElement::new(vec![(x - r, y - r), (x + r, y + r)], stroke))?;
            area.draw(&PathElement::new(vec![(x - r, y + r), (x + r, y - r)], stroke))
        }
    }
}

/// Each visible series' name at the right end of its line (by its latest figure), nudged up or
/// down so no two overlap; a name that cannot find room near its line is left out (the legend
/// still names it).
fn draw_end_labels<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, plot: &Plot, style: &TextStyle) -> Result<(), DrawError<DB>> {
    let mut wanted: Vec<(i32, &SeriesView)> = Vec::new();
    for series in view.series.iter().filter(|s| !s.hidden) {
        if let Some((i, v)) = (0..view.labels.len()).rev().find_map(|i| series.value(i).map(|v| (i, v))) {
            wanted.push((plot.at(i as f64 + 0.5, v).1, series));
        }
    }
    let height = area.estimate_text_size("Hg", style)?.1 as i32 + cx.px(2.0);
    let places = place_labels(&wanted.iter().map(|w| w.0).collect::<Vec<_>>(), height, (plot.top, plot.bottom), height * 2);
    let at_left = style.pos(Pos::new(HPos::Left, VPos::Center));
    for ((_, series), place) in wanted.iter().zip(places) {
        if let Some(y) = place {
            let ink = TextStyle { color: colour(series.colour).to_backend_color(), ..at_left.clone() };
            area.draw_text(&series.name, &ink, (plot.right + cx.px(6.0), y))?;
        }
    }
    Ok(())
}

/// Places labels `height` tall as near as it can to their wanted centres, inside `(top, bottom)`,
/// without overlaps, moving none more than `max_shift`: `None` for a label that does not fit. The
/// first labels are placed first.
pub(super) fn place_labels(wanted: &[i32], height: i32, (top, bottom): (i32, i32), max_shift: i32) -> Vec<Option<i32>> {
    let mut placed: Vec<i32> = Vec::new();
    let mut out = Vec::new();
    for &want in wanted {
        let free = |y: i32| y - height / 2 >= top - height / 2 && y + height / 2 <= bottom + height / 2 && placed.iter().all(|&p| (p - y).abs() >= height);
        // Where it wants to be, or just above or below a label already placed.
        let candidates = std::iter::once(want.clamp(top, bottom)).chain(placed.iter().flat_map(|&p| [p - height, p + height]));
        let best = candidates.filter(|&y| free(y) && (y - want).abs() <= max_shift).min_by_key(|&y| (y - want).abs());
        if let Some(y) = best {
            placed.push(y);
        }
        out.push(best);
    }
    out
}
