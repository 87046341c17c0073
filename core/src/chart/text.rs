//! Text: styles in the configured font, labels shortened to fit, and the frame's title and
//! footer (downloads).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{colour, Ctx, DrawError};
use crate::palette::Rgb;

impl<'a> Ctx<'a> {
    /// Text at `size` (before scaling) in colour `c`, in the style's font family. The family is
    /// borrowed from the style, so a theme's own font (a CSS font list) reaches the canvas and
    /// the SVG as it is. (`FontFamily::Name` rather than `FontFamily::from`, which lower-cases the
    /// name to look for a generic family and so brings Unicode case tables into the page; every
    /// backend reads the family as its text, which is the same either way.)
    pub(super) fn text(&self, size: f64, c: Rgb) -> TextStyle<'a> {
        let family = FontFamily::Name(self.style.font.as_str());
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

/// Breaks `text` into lines no wider than `max_width` pixels, at spaces; a word wider than a
/// line is broken between characters. Nothing is left out.
pub(super) fn wrap<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, style: &TextStyle, max_width: i32) -> Result<Vec<String>, DrawError<DB>> {
    let fits = |t: &str| -> Result<bool, DrawError<DB>> { Ok(area.estimate_text_size(t, style)?.0 as i32 <= max_width) };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&joined)? {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: broken between characters while it is too wide for a line.
        for c in word.chars() {
            line.push(c);
            if line.chars().count() > 1 && !fits(&line)? {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// The frame's text laid out for the area's width: the title's lines and the footer's lines.
struct FrameLines {
    title: Vec<String>,
    footer: Vec<String>,
}

impl Ctx<'_> {
    fn title_style(&self) -> TextStyle<'_> {
        self.text(17.0, self.style.text)
    }

    fn footer_style(&self) -> TextStyle<'_> {
        self.text(12.0, self.style.muted_text)
    }

    fn title_line(&self) -> i32 {
        self.px(22.0)
    }

    fn footer_line(&self) -> i32 {
        self.px(17.0)
    }
}

fn frame_lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx) -> Result<Option<FrameLines>, DrawError<DB>> {
    let Some(frame) = &cx.style.frame else {
        return Ok(None);
    };
    let room = area.dim_in_pixel().0 as i32 - cx.px(16.0);
    let title = wrap(area, &frame.title, &cx.title_style(), room)?;
    let mut footer = Vec::new();
    for text in &frame.footer {
        footer.extend(wrap(area, text, &cx.footer_style(), room)?);
    }
    Ok(Some(FrameLines { title, footer }))
}

/// The frame's height above and below the chart, in pixels: `(title band, footer band)`.
pub(super) fn frame_bands<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx) -> Result<(i32, i32), DrawError<DB>> {
    Ok(match frame_lines(area, cx)? {
        None => (0, 0),
        Some(lines) => bands(cx, &lines),
    })
}

fn bands(cx: &Ctx, lines: &FrameLines) -> (i32, i32) {
    let top = cx.px(8.0) + cx.title_line() * lines.title.len() as i32 + cx.px(4.0);
    let bottom = cx.footer_line() * lines.footer.len() as i32 + cx.px(8.0);
    (top, bottom)
}

/// Draws the frame's title above and its footer lines below, when the style has a frame, each
/// wrapped onto as many lines as it needs (never cut short), and returns the band
/// `(top, bottom)` left for the chart: a fixed-size area gives the chart less room, not the text.
pub(super) fn draw_frame<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx) -> Result<(i32, i32), DrawError<DB>> {
    let height = area.dim_in_pixel().1 as i32;
    let Some(lines) = frame_lines(area, cx)? else {
        return Ok((0, height));
    };
    let (top, below) = bands(cx, &lines);
    let (title, foot) = (cx.title_style(), cx.footer_style());
    for (i, text) in lines.title.iter().enumerate() {
        area.draw_text(text, &title, (cx.px(8.0), cx.px(8.0) + cx.title_line() * i as i32))?;
    }
    let bottom = height - below;
    for (i, text) in lines.footer.iter().enumerate() {
        area.draw_text(text, &foot, (cx.px(8.0), bottom + cx.px(4.0) + cx.footer_line() * i as i32))?;
    }
    Ok((top, bottom))
}
