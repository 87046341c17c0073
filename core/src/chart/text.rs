//! Text: styles in the configured font, labels shortened to fit, and the frame's title and
//! footer (downloads).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{colour, Ctx, DrawError};
use crate::palette::Rgb;

impl<'a> Ctx<'a> {
    /// Text at `size` (before scaling) in colour `c`, in the style's font family. The family is
    /// borrowed from the style, so a theme's own font (a CSS font list) reaches the canvas and
    /// the SVG as it is.
    pub(super) fn text(&self, size: f64, c: Rgb) -> TextStyle<'a> {
        let family = FontFamily::from(self.style.font.as_str());
        let mut t = TextStyle::from((family, size * self.s).into_font());
        t.color = colour(c).to_backend_color();
        t
    }
}

/// Shortens `label` with an ellipsis until it fits `max_width` pixels.
pub(super) fn fit_label<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, label: &str, style: &TextStyle, max_width: i32) -> Result<String, DrawError<DB>> {
    let fits = |t: &str| -> Result<bool, DrawError<DB>> { Ok(area.estimate_text_size(t, style)?.0 as i32 <= max_width) };
    if fits(label)? {
        return Ok(label.to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    // Binary search for the longest prefix that fits with an ellipsis.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if fits(&candidate)? {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(if lo == 0 { "…".to_string() } else { chars[..lo].iter().collect::<String>() + "…" })
}

/// Draws the frame's title above and its footer lines below, when the style has a frame, and
/// returns the band `(top, bottom)` left for the chart.
pub(super) fn draw_frame<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx) -> Result<(i32, i32), DrawError<DB>> {
    let (width, height) = area.dim_in_pixel();
    let Some(frame) = &cx.style.frame else { return Ok((0, height as i32)) };
    let room = width as i32 - cx.px(16.0);
    let title = cx.text(17.0, cx.style.text);
    area.draw_text(&fit_label(area, &frame.title, &title, room)?, &title, (cx.px(8.0), cx.px(8.0)))?;
    let line = cx.px(17.0);
    let foot = cx.text(12.0, cx.style.muted_text);
    let bottom = height as i32 - line * frame.footer.len() as i32 - cx.px(8.0);
    for (i, text) in frame.footer.iter().enumerate() {
        area.draw_text(&fit_label(area, text, &foot, room)?, &foot, (cx.px(8.0), bottom + cx.px(4.0) + line * i as i32))?;
    }
    Ok((cx.px(34.0), bottom))
}
