//! Where each figure landed, for hover and the keyboard, and what a hovered year reads.

use crate::palette::Rgb;
use crate::view::{ChartView, Point};

/// Where a bar, segment or point was drawn, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub row: usize,
    pub series: usize,
}

impl Hit {
    /// The hit for a rectangle given by any two opposite corners.
    pub(super) fn spanning((ax, ay): (i32, i32), (bx, by): (i32, i32), row: usize, series: usize) -> Hit {
        Hit { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by), row, series }
    }

    /// The same hit moved by `(dx, dy)` (from a drawing area's pixels to the backend's).
    pub(super) fn moved(self, (dx, dy): (i32, i32)) -> Hit {
        Hit { x0: self.x0 + dx, y0: self.y0 + dy, x1: self.x1 + dx, y1: self.y1 + dy, ..self }
    }

    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// The hit nearest to `(x, y)` within `slack` pixels, for hovering thin bars and points.
pub fn hit_at(hits: &[Hit], x: i32, y: i32, slack: i32) -> Option<Hit> {
    if let Some(h) = hits.iter().find(|h| h.contains(x, y)) {
        return Some(*h);
    }
    let distance = |h: &Hit| {
        let dx = (h.x0 - x).max(x - h.x1).max(0);
        let dy = (h.y0 - y).max(y - h.y1).max(0);
        dx.max(dy)
    };
    hits.iter().filter(|h| distance(h) <= slack).min_by_key(|h| distance(h)).copied()
}

/// One series' line in a trend's tooltip for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadoutLine {
    pub name: String,
    pub colour: Rgb,
    /// The figure as written (or "not reported").
    pub text: String,
    /// The series' index in the view.
    pub series: usize,
}

/// Every visible series' figure for year `row` of a trend, largest first; figures not reported
/// (or not shown) after the rest, in series order.
pub fn year_readout(view: &ChartView, row: usize) -> Vec<ReadoutLine> {
    let lines: Vec<(Option<f64>, ReadoutLine)> = view
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.hidden)
        .map(|(i, s)| {
            let point = s.points.get(row).copied().unwrap_or(Point::NOT_REPORTED);
            (point.value, ReadoutLine { name: s.name.clone(), colour: s.colour, text: view.unit.point(point), series: i })
        })
        .collect();
    // Largest first, what was not reported last; equal figures keep series order.
    let lines = crate::sort::sorted_by(lines, &|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    lines.into_iter().map(|(_, l)| l).collect()
}

/// The year (row) nearest to `x` among the hits of a trend, within `slack` pixels of its points'
/// column: hovering anywhere above or below a year picks it.
pub fn year_at(hits: &[Hit], x: i32, slack: i32) -> Option<usize> {
    let distance = |h: &Hit| (h.x0 - x).max(x - h.x1).max(0);
    hits.iter().filter(|h| distance(h) <= slack).min_by_key(|h| distance(h)).map(|h| h.row)
}
