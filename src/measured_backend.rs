//! The one plotters backend every chart on the page or in a download is drawn with: a canvas or
//! an SVG document, with text measured by a canvas 2D context (`measureText`).
//!
//! plotters' own web font code measures text by inserting a `<span>` with a `style` attribute
//! into the page: a layout per label, and blocked by a strict Content-Security-Policy
//! (`style-src-attr`). One backend type for both targets also means the chart code is compiled
//! once, which keeps the download small.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

/// Where a chart is drawn.
pub enum Target<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
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

fn convert<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<TargetError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(TargetError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

pub struct Measured<'a> {
    target: Target<'a>,
    context: CanvasRenderingContext2d,
}

impl<'a> Measured<'a> {
    /// Draws on a canvas, measuring with its own context.
    pub fn canvas(canvas: &web_sys::HtmlCanvasElement) -> Option<Measured<'static>> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Measured { target: Target::Canvas(backend), context })
    }

    /// Draws into SVG text, measuring with a detached canvas.
    pub fn svg(out: &'a mut String, size: (u32, u32)) -> Option<Measured<'a>> {
        let canvas = gloo::utils::document().create_element("canvas").ok()?;
        let canvas: web_sys::HtmlCanvasElement = canvas.dyn_into().ok()?;
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Measured { target: Target::Svg(SVGBackend::with_string(out, size)), context })
    }
}

macro_rules! on_target {
    ($self:ident, $b:ident => $call:expr) => {
        match &mut $self.target {
            Target::Canvas($b) => $call.map_err(convert),
            Target::Svg($b) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(b) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<TargetError>> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        on_target!(self, b => b.draw_path(path.iter().copied(), style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<TargetError>> {
        let vert: Vec<BackendCoord> = vert.into_iter().collect();
        on_target!(self, b => b.fill_polygon(vert.iter().copied(), style))
    }

    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<(), DrawingErrorKind<TargetError>> {
        on_target!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32), DrawingErrorKind<TargetError>> {
        // The same font string the canvas backend draws with.
        self.context.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(style.size() * 0.6 * text.chars().count() as f64);
        Ok((width.ceil().max(0.0) as u32, (style.size() * 1.2).ceil() as u32))
    }
}

/// Pre-rendering (natively, no canvas to measure with): plotters' SVG backend with text measured by
/// a width table close to the page's sans-serif fonts (a little wide, so labels placed by it fit in
/// the browser), at the size the canvas draws text, so the chart is laid out as on the canvas
/// (orientation, ticks, labels left out) and the pre-rendered SVG matches what replaces it.
#[cfg(not(target_arch = "wasm32"))]
pub struct Estimated<'a>(pub SVGBackend<'a>);

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
