//! Lines over the years: one per series, a gap where a year was not reported, dashed where a
//! figure is incomplete or the line is the UK reference, and a marker shape per series.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{axis_max, draw_dashed, Orientation, Plot};
use super::hits::Hit;
use super::{colour, Ctx, DrawError};
use crate::view::{ChartView, Status};

/// Shapes for line markers, so series differ by more than colour.
const MARKERS: usize = 5;

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let n = view.labels.len();
    let plot = Plot::draw(area, cx, Orientation::Vertical, (n, axis_max(view), view.unit), &view.y_label, (cx.px(12.0), cx.px(16.0)), (cx.px(28.0), cx.px(64.0)))?;
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
                if series.reference || doubtful {
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
    // Year labels, thinned to fit.
    let label_style = cx.text(12.0, cx.style.text);
    let slot = (width as i32 - cx.px(80.0)) / n.max(1) as i32;
    let sample = area.estimate_text_size("2020/21", &label_style)?.0 as i32 + cx.px(8.0);
    let every = ((sample + slot - 1) / slot.max(1)).max(1) as usize;
    for (i, label) in view.labels.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            plot.draw_category_label(area, cx, i as f64 + 0.5, label, &label_style)?;
        }
    }
    Ok(hits)
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
