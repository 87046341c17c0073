//! The one plotters backend every chart on the page or in a download is drawn with: a canvas
//! (drawn through its 2D context) or an SVG document (written here), with text measured by a
//! canvas 2D context (`measureText`).
//!
//! Our own drawing rather than plotters-canvas and plotters' SVG backend: plotters' web font code
//! measures text by inserting a `<span>` with a `style` attribute into the page (a layout per
//! label, and blocked by a strict Content-Security-Policy's `style-src-attr`), and both backends
//! format colours, opacities and font sizes as `f64`, which links the standard library's float
//! formatting into the page. Here every number is written from integer arithmetic
//! ([`workforce_core::format::plain`]). One backend type for both targets also means the chart
//! code is compiled once, which keeps the download small.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CanvasRenderingContext2d;
use workforce_core::format::plain;

/// Where a chart is drawn.
enum Target<'a> {
    /// On the canvas whose context `Measured` holds.
    Canvas((u32, u32)),
    /// Into SVG text; `open` until the closing tag is written.
    Svg { out: &'a mut String, size: (u32, u32), open: bool },
}

/// A drawing error from either target, as text.
#[derive(Debug)]
pub struct TargetError(String);

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TargetError {}

type Drawn = Result<(), DrawingErrorKind<TargetError>>;

/// A canvas call's exception as a drawing error (its message where it has one).
fn js_error(e: JsValue) -> DrawingErrorKind<TargetError> {
    let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
    DrawingErrorKind::DrawingError(TargetError(message.unwrap_or_else(|| "the canvas could not draw".to_string())))
}

pub struct Measured<'a> {
    target: Target<'a>,
    /// The canvas context drawn on (for a canvas) and measured with (for both).
    context: CanvasRenderingContext2d,
}

fn context_of(canvas: &web_sys::HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()
}

impl<'a> Measured<'a> {
    /// Draws on a canvas (at its buffer's size), measuring with its own context.
    pub fn canvas(canvas: &web_sys::HtmlCanvasElement) -> Option<Measured<'static>> {
        let context = context_of(canvas)?;
        Some(Measured { target: Target::Canvas((canvas.width(), canvas.height())), context })
    }

    /// Draws into SVG text, measuring with a detached canvas.
    pub fn svg(out: &'a mut String, size: (u32, u32)) -> Option<Measured<'a>> {
        let canvas = gloo::utils::document().create_element("canvas").ok()?;
        let context = context_of(&canvas.dyn_into().ok()?)?;
        let (w, h) = size;
        out.push_str(&format!("<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\n"));
        Some(Measured { target: Target::Svg { out, size, open: true }, context })
    }

    /// The SVG text drawn into, when drawing SVG.
    fn svg_out(&mut self) -> Option<&mut String> {
        match &mut self.target {
            Target::Svg { out, .. } => Some(out),
            Target::Canvas(_) => None,
        }
    }
}

/// `#rrggbb`, in lower case.
fn hex(out: &mut String, (r, g, b): (u8, u8, u8)) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for v in [r, g, b] {
        out.push(char::from(DIGITS[usize::from(v >> 4)]));
        out.push(char::from(DIGITS[usize::from(v & 15)]));
    }
}

/// A colour as CSS: `#rrggbb` when opaque, else `rgba(r,g,b,a)` (alpha to three decimals).
fn css_colour(color: BackendColor) -> String {
    let mut out = String::new();
    if color.alpha >= 1.0 {
        hex(&mut out, color.rgb);
    } else {
        let (r, g, b) = color.rgb;
        out.push_str(&format!("rgba({r},{g},{b},{})", plain(color.alpha, 3)));
    }
    out
}

/// The CSS font a text style is drawn and measured in: `normal 13.5px Georgia, serif`.
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!("{} {}px {}", style.style().as_str(), plain(style.size(), 2), style.family().as_str())
}

/// Canvas lines along the pixel grid are centred on pixel centres, so one pixel wide is crisp.
fn fine_line(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

/// Escapes text for an SVG attribute or element.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// `opacity="a" fill="#rrggbb"` or the stroke's, as an SVG element's paint.
fn svg_paint(out: &mut String, color: BackendColor, fill: bool, stroke_width: Option<u32>) {
    out.push_str(" opacity=\"");
    out.push_str(&plain(color.alpha, 3));
    out.push_str(if fill { "\" fill=\"" } else { "\" fill=\"none\" stroke=\"" });
    hex(out, color.rgb);
    out.push('"');
    if let Some(w) = stroke_width.filter(|_| !fill) {
        out.push_str(&format!(" stroke-width=\"{w}\""));
    }
}

fn svg_points(out: &mut String, points: impl IntoIterator<Item = BackendCoord>) {
    out.push_str(" points=\"");
    for (x, y) in points {
        out.push_str(&format!("{x},{y} "));
    }
    out.push('"');
}

impl Measured<'_> {
    fn stroke_style<S: BackendStyle>(&self, style: &S) {
        self.context.set_stroke_style_str(&css_colour(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    fn fill_style(&self, color: BackendColor) {
        self.context.set_fill_style_str(&css_colour(color));
    }

    /// A path through `points` on the canvas, closed when `close`.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.context.begin_path();
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
            if close {
                self.context.close_path();
            }
        }
    }
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(size) | Target::Svg { size, .. } => *size,
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if let Target::Svg { out, open, .. } = &mut self.target {
            if *open {
                out.push_str("</svg>\n");
                *open = false;
            }
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(out) = self.svg_out() {
            out.push_str(&format!("<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" stroke=\"none\""));
            svg_paint(out, color, true, None);
            out.push_str("/>\n");
        } else {
            self.fill_style(color);
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(out) = self.svg_out() {
            out.push_str(&format!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"", from.0, from.1, to.0, to.1));
            svg_paint(out, color, false, Some(style.stroke_width()));
            out.push_str("/>\n");
        } else {
            let (a, b) = fine_line(from, to);
            self.stroke_style(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = upper_left;
        let (w, h) = (bottom_right.0 - x, bottom_right.1 - y);
        if let Some(out) = self.svg_out() {
            out.push_str(&format!("<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\""));
            svg_paint(out, color, fill, None);
            if fill {
                out.push_str(" stroke=\"none\"");
            }
            out.push_str("/>\n");
        } else if fill {
            self.fill_style(color);
            self.context.fill_rect(f64::from(x), f64::from(y), f64::from(w), f64::from(h));
        } else {
            self.stroke_style(style);
            self.context.stroke_rect(f64::from(x), f64::from(y), f64::from(w), f64::from(h));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(out) = self.svg_out() {
            out.push_str("<polyline");
            svg_paint(out, color, false, Some(style.stroke_width()));
            svg_points(out, path);
            out.push_str("/>\n");
        } else {
            self.stroke_style(style);
            self.trace(path, false);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (cx, cy): BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(out) = self.svg_out() {
            out.push_str(&format!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\""));
            svg_paint(out, color, fill, Some(style.stroke_width()));
            out.push_str("/>\n");
            return Ok(());
        }
        if fill {
            self.fill_style(color);
        } else {
            self.stroke_style(style);
        }
        self.context.begin_path();
        self.context.arc(f64::from(cx), f64::from(cy), f64::from(radius), 0.0, std::f64::consts::TAU).map_err(js_error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(out) = self.svg_out() {
            out.push_str("<polygon");
            svg_paint(out, color, true, None);
            svg_points(out, vert);
            out.push_str("/>\n");
        } else {
            self.fill_style(color);
            self.trace(vert, true);
            self.context.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let quarters = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let (h, v) = (style.anchor().h_pos, style.anchor().v_pos);
        if let Some(out) = self.svg_out() {
            // The size the canvas draws and measures it at (plotters' own SVG backend divides it by
            // 1.24, which would leave text a fifth smaller than the layout made room for); the
            // anchor by `dy`.
            let anchor = match h {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "middle",
            };
            let dy = match v {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            };
            out.push_str(&format!("<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\""));
            escape(out, style.family().as_str());
            out.push_str(&format!("\" font-size=\"{}\"", plain(style.size(), 2)));
            svg_paint(out, color, true, None);
            match style.style().as_str() {
                "normal" => {}
                "bold" => out.push_str(" font-weight=\"bold\""),
                other => out.push_str(&format!(" font-style=\"{other}\"")),
            }
            if quarters > 0 {
                out.push_str(&format!(" transform=\"rotate({}, {x}, {y})\"", quarters * 90));
            }
            out.push_str(">\n");
            escape(out, text);
            out.push_str("\n</text>\n");
            return Ok(());
        }
        let (mut x, mut y) = (f64::from(x), f64::from(y));
        if quarters > 0 {
            self.context.save();
            self.context.translate(x, y).map_err(js_error)?;
            self.context.rotate(f64::from(quarters) * std::f64::consts::FRAC_PI_2).map_err(js_error)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match h {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.fill_style(color);
        self.context.set_font(&css_font(style));
        let drawn = self.context.fill_text(text, x, y).map_err(js_error);
        if quarters > 0 {
            self.context.restore();
        }
        drawn
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<TargetError>> {
        // The same font string the canvas draws with.
        self.context.set_font(&css_font(style));
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(style.size() * 0.6 * text.chars().count() as f64);
        Ok((width.ceil().max(0.0) as u32, (style.size() * 1.2).ceil() as u32))
    }
}

impl Drop for Measured<'_> {
    /// An SVG document is always closed, even when drawing stopped early.
    fn drop(&mut self) {
        let _ = self.present();
    }
}

/// Pre-rendering (natively, no canvas to measure with): plotters' SVG backend with text measured by
/// a width table close to the page's sans-serif fonts (a little wide, so labels placed by it fit in
/// the browser), at the size the canvas draws text, so the chart is laid out as on the canvas
/// (orientation, ticks, labels left out) and the pre-rendered SVG matches what replaces it.
#[cfg(not(target_arch = "wasm32"))]
pub struct Estimated<'a>(pub plotters::prelude::SVGBackend<'a>);

#[cfg(not(target_arch = "wasm32"))]
impl Estimated<'_> {
    /// A character's advance in ems.
    fn advance(c: char) -> f64 {
        match c {
            '0'..='9' => 0.64,
            ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'j' | 'l' | 'I' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '£' => 0.92,
            'A'..='Z' => 0.72,
            _ => 0.6,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl DrawingBackend for Estimated<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32), DrawingErrorKind<std::io::Error>> {
        let ems: f64 = text.chars().map(Self::advance).sum();
        Ok(((ems * style.size()).ceil() as u32, (style.size() * 1.2).ceil() as u32))
    }
}
