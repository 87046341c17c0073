//! Where the chart is drawn: a canvas sized to its box times the device pixel ratio (crisp on
//! HiDPI), redrawn on every change and on resize, coloured from the page's theme. Hovering or
//! tapping a bar, segment or point shows its exact figure (on a trend, every series' figure for
//! that year); so do the arrow keys once the chart has focus, and a live region reads it out. A
//! tip opened by touch or pen stays until the visitor taps elsewhere; a mouse's goes when it leaves.

use std::rc::Rc;

use gloo::events::EventListener;
use plotters::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use workforce_core::chart::{self, hit_at, year_at, year_readout, ChartStyle, Hit, ReadoutLine};
use workforce_core::selection::ChartKind;

use crate::browser;
use crate::hooks::use_chart_surface;
use crate::measured_backend::Measured;
use workforce_core::palette::{on_surface, Rgb, Surface};
use workforce_core::view::ChartView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub view: Rc<ChartView>,
    /// False while another tab hides the chart: a hidden canvas has no size to draw at.
    pub visible: bool,
    /// The pre-rendered chart the page arrived with (`.chart-first`, the inline SVG of
    /// `first_markup`), moved from the pre-rendered page: shown over the canvas until the canvas has
    /// drawn, so taking over never shows an empty chart.
    #[prop_or_default]
    pub first: Option<web_sys::Element>,
    /// In an embed (a shorter chart box): the sizes it is pre-rendered at.
    #[prop_or_default]
    pub embedded: bool,
}

/// plotters' SVG made to read as the canvas does: each font size as the canvas draws it (plotters'
/// SVG backend writes it divided by 1.24; `Estimated` measured text at the canvas's size), to two
/// decimals; no `opacity="1"` (the default); and short lines drawn one after another in the same
/// stroke (the dashes of a break's rule, a placeholder's hatching) as one path.
#[cfg(not(target_arch = "wasm32"))]
fn compact(svg: &str) -> String {
    let svg = join_segments(&svg.replace(" opacity=\"1\"", ""));
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    while let Some(i) = rest.find("font-size=\"") {
        let start = i + "font-size=\"".len();
        out.push_str(&rest[..start]);
        let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
        match rest[start..end].parse::<f64>() {
            Ok(size) => out.push_str(&format!("{}", (size * 124.0).round() / 100.0)),
            Err(_) => out.push_str(&rest[start..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Runs of two-point lines with the same stroke (`<polyline fill="none" stroke="#57606A"
/// stroke-width="2" points="153,26 153,30 "/>`, one a line as plotters writes them) become one
/// `<path>` of moves and lines: the same drawing in a fraction of the bytes (a break's dashed rule
/// is some fifty of them).
#[cfg(not(target_arch = "wasm32"))]
fn join_segments(svg: &str) -> String {
    // `(stroke attributes, "M x y L x y")` of a two-point line.
    fn segment(line: &str) -> Option<(&str, String)> {
        let rest = line.strip_prefix("<polyline fill=\"none\" ")?.strip_suffix(" \"/>")?;
        let (stroke, points) = rest.split_once(" points=\"")?;
        let mut ends = points.split(' ').map(|p| p.split_once(','));
        let (Some(Some((x1, y1))), Some(Some((x2, y2))), None) = (ends.next(), ends.next(), ends.next()) else { return None };
        Some((stroke, format!("M{x1} {y1}L{x2} {y2}")))
    }
    let mut out = String::with_capacity(svg.len());
    let mut run: Option<(&str, String)> = None;
    let flush = |out: &mut String, run: &mut Option<(&str, String)>| {
        if let Some((stroke, d)) = run.take() {
            out.push_str(&format!("<path fill=\"none\" {stroke} d=\"{d}\"/>\n"));
        }
    };
    for line in svg.split_inclusive('\n') {
        match (segment(line.trim_end()), run.as_mut()) {
            (Some((stroke, d)), Some((same, path))) if *same == stroke => path.push_str(&d),
            (Some((stroke, d)), _) => {
                flush(&mut out, &mut run);
                run = Some((stroke, d));
            }
            (None, _) => {
                flush(&mut out, &mut run);
                out.push_str(line);
            }
        }
    }
    flush(&mut out, &mut run);
    out
}

/// The sizes the chart is pre-rendered at (CSS pixels), each shown at the viewport widths the
/// stylesheet gives its class (`.chart-first .narrow|.medium|.wide`): near the canvas's own size
/// there, so the SVG's labels read at the canvas's size. An embed's chart is shorter.
#[cfg(not(target_arch = "wasm32"))]
pub const FIRST_SIZES: [(&str, u32, u32); 3] = [("narrow", 340, 480), ("medium", 760, 400), ("wide", 1060, 640)];
#[cfg(not(target_arch = "wasm32"))]
pub const FIRST_SIZES_EMBEDDED: [(&str, u32, u32); 2] = [("narrow", 340, 260), ("medium", 700, 400)];

/// The chart as the build pre-renders it: the same drawing routine through plotters' SVG backend,
/// at each of [`FIRST_SIZES`], on the light surface and again on the dark one (the stylesheet
/// shows the drawing of the page's theme: `.first-light` / `.first-dark`, so a dark page never
/// shows a white card before the canvas takes over), each `<svg>` marked `data-chart`
/// (presentation attributes only, no `style`, for a strict Content-Security-Policy).
#[cfg(not(target_arch = "wasm32"))]
pub fn first_markup(view: &ChartView, embedded: bool) -> Result<String, String> {
    let mut markup = String::new();
    let sizes: &[(&str, u32, u32)] = if embedded { &FIRST_SIZES_EMBEDDED } else { &FIRST_SIZES };
    for (surface, style) in [("first-light", ChartStyle::default()), ("first-dark", ChartStyle::dark())] {
        markup.push_str(&format!("<div class=\"{surface}\">"));
        for &(class, width, height) in sizes {
            let mut svg = String::new();
            {
                let root = crate::measured_backend::Estimated(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
                chart::draw(&root, view, &style).map_err(|e| e.to_string())?;
                root.present().map_err(|e| e.to_string())?;
            }
            let Some(rest) = svg.strip_prefix("<svg ") else { return Err("plotters wrote no <svg> element".to_string()) };
            let rest = compact(rest);
            markup.push_str(&format!("<svg data-chart=\"\" class=\"{class}\" focusable=\"false\" aria-hidden=\"true\" {rest}"));
        }
        markup.push_str("</div>");
    }
    Ok(markup)
}

/// The figure under the pointer or keyboard focus: its text and where to show it (CSS pixels).
#[derive(Debug, Clone, PartialEq)]
struct Tip {
    text: String,
    /// On a trend: the year, and every visible series' figure for it, largest first.
    year: Option<(String, Vec<ReadoutLine>)>,
    /// The series focused by the keyboard (marked in a year's list).
    series: Option<usize>,
    x: f64,
    y: f64,
    index: usize,
}

/// Whether a pointer event comes from a finger or a pen, whose tip stays after the pointer lifts.
fn is_touch(e: &PointerEvent) -> bool {
    matches!(e.pointer_type().as_str(), "touch" | "pen")
}

/// A trend year's figures in one sentence, for the live region.
fn year_sentence(year: &str, lines: &[ReadoutLine]) -> String {
    let parts: Vec<String> = lines.iter().map(|l| format!("{} {}", l.name, l.text)).collect();
    format!("{year}: {}", parts.join("; "))
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    // Pre-rendering draws the SVG here; in the browser the page's own element is moved in (no
    // second copy of the markup in the wasm, nothing parsed again).
    #[cfg(not(target_arch = "wasm32"))]
    let first = match first_markup(&props.view, props.embedded) {
        Ok(markup) => Some(html! { <div class="chart-first" aria-hidden="true">{ Html::from_html_unchecked(markup.into()) }</div> }),
        Err(e) => {
            eprintln!("the chart could not be pre-rendered: {e}");
            None
        }
    };
    #[cfg(target_arch = "wasm32")]
    let first = props.first.clone().map(|e| Html::VRef(e.into()));
    let drawn = use_state(|| false);
    let hits = use_mut_ref(Vec::<Hit>::new);
    let tip = use_state(|| None::<Tip>);
    let redraw = use_force_update();
    // The surface (light or dark) from the theme: a change redraws, and the tips' swatches follow.
    let surface = use_chart_surface();
    use_effect_with((), move |_| {
        // A resize redraws; so does printing (at the printed size, and at least 2x for paper).
        let window = gloo::utils::window();
        let mut listeners: Vec<EventListener> = ["resize", "beforeprint", "afterprint"]
            .into_iter()
            .map(|event| {
                let redraw = redraw.clone();
                EventListener::new(&window, event, move |_| redraw.force_update())
            })
            .collect();
        if let Some((print, _)) = browser::media_query("print") {
            listeners.push(EventListener::new(&print, "change", move |_| redraw.force_update()));
        }
        move || drop(listeners)
    });
    {
        let canvas_ref = canvas_ref.clone();
        let view = props.view.clone();
        let visible = props.visible;
        let hits = hits.clone();
        let drawn = drawn.clone();
        // Runs after every render: on a new view, on showing the tab, and after a resize.
        use_effect(move || {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>().filter(|_| visible) {
                *hits.borrow_mut() = draw(&canvas, &view);
                if !*drawn {
                    // The canvas shows the chart now: the pre-rendered SVG over it goes.
                    drawn.set(true);
                }
            }
        });
    }
    {
        // A new view invalidates what was hovered.
        let tip = tip.clone();
        use_effect_with(props.view.clone(), move |_| tip.set(None));
    }

    let ratio = || gloo::utils::window().device_pixel_ratio().clamp(1.0, 4.0);
    let trend = props.view.kind == ChartKind::Trend;
    // The tip for hit `index`: on a trend, with the whole year; `keyboard` reads its one figure.
    let show = {
        let view = props.view.clone();
        let tip = tip.clone();
        let hits = hits.clone();
        move |index: usize, keyboard: bool| {
            let r = ratio();
            let hits = hits.borrow();
            let Some(hit) = hits.get(index) else { return };
            let mut y = f64::from(hit.y0);
            let mut year = None;
            let mut text = view.describe(hit.row, hit.series);
            if trend {
                // Above the year's highest point.
                y = hits.iter().filter(|h| h.row == hit.row).map(|h| f64::from(h.y0)).fold(y, f64::min);
                let label = view.labels.get(hit.row).cloned().unwrap_or_default();
                let lines = year_readout(&view, hit.row);
                if !keyboard {
                    text = year_sentence(&label, &lines);
                }
                year = Some((label, lines));
            }
            tip.set(Some(Tip { text, year, series: keyboard.then_some(hit.series), x: f64::from(hit.x0 + hit.x1) / 2.0 / r, y: y / r, index }));
        }
    };
    // A tip opened by touch or pen: kept when the finger lifts (the browser then sends
    // `pointerleave`), closed by a tap elsewhere.
    let pinned = use_mut_ref(|| false);
    {
        let tip = tip.clone();
        let pinned = pinned.clone();
        let canvas_ref = canvas_ref.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "pointerdown", move |e| {
                let inside = match (e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()), canvas_ref.get()) {
                    (Some(target), Some(canvas)) => canvas.contains(Some(&target)),
                    _ => false,
                };
                if !inside && *pinned.borrow() {
                    *pinned.borrow_mut() = false;
                    tip.set(None);
                }
            });
            move || drop(listener)
        });
    }
    let on_pointer = {
        let hits = hits.clone();
        let tip = tip.clone();
        let show = show.clone();
        let pinned = pinned.clone();
        Callback::from(move |e: PointerEvent| {
            let r = ratio();
            let (x, y) = ((f64::from(e.offset_x()) * r) as i32, (f64::from(e.offset_y()) * r) as i32);
            if e.type_() == "pointerdown" {
                *pinned.borrow_mut() = is_touch(&e);
            }
            let found = {
                let hits = hits.borrow();
                let hit = if trend {
                    // Anywhere over a year's column: the nearest year, read at its first point.
                    year_at(&hits, x, i32::MAX).and_then(|row| hits.iter().find(|h| h.row == row).copied())
                } else {
                    hit_at(&hits, x, y, (6.0 * r) as i32)
                };
                hit.and_then(|hit| hits.iter().position(|h| *h == hit))
            };
            match found {
                Some(index) => show(index, false),
                None => tip.set(None),
            }
        })
    };
    let on_leave = {
        let tip = tip.clone();
        let pinned = pinned.clone();
        Callback::from(move |e: PointerEvent| {
            if !is_touch(&e) && !*pinned.borrow() {
                tip.set(None);
            }
        })
    };
    let on_key = {
        let hits = hits.clone();
        let tip = tip.clone();
        Callback::from(move |e: KeyboardEvent| {
            let hits = hits.borrow();
            if hits.is_empty() {
                return;
            }
            let current = (*tip).as_ref().map(|t| t.index);
            let (row, series) = current.and_then(|i| hits.get(i)).map_or((0, 0), |h| (h.row, h.series));
            // Bars in the order they are drawn (ranked charts differ from data order).
            let mut rows: Vec<usize> = Vec::new();
            for h in hits.iter() {
                if !rows.contains(&h.row) {
                    rows.push(h.row);
                }
            }
            let at = rows.iter().position(|&r| r == row).unwrap_or(0);
            let in_row = |r: usize| {
                hits.iter().position(|h| h.row == r && h.series == series).or_else(|| hits.iter().position(|h| h.row == r))
            };
            let step_series = |up: bool| {
                let candidates = hits.iter().enumerate().filter(|(_, h)| h.row == row);
                if up {
                    candidates.filter(|(_, h)| h.series > series).min_by_key(|(_, h)| h.series).map(|(i, _)| i)
                } else {
                    candidates.filter(|(_, h)| h.series < series).max_by_key(|(_, h)| h.series).map(|(i, _)| i)
                }
            };
            let next = match e.key().as_str() {
                k if current.is_none() && (k.starts_with("Arrow") || k == "Home") => Some(0),
                "ArrowRight" => rows.get(at + 1).and_then(|&r| in_row(r)),
                "ArrowLeft" => at.checked_sub(1).and_then(|a| rows.get(a)).and_then(|&r| in_row(r)),
                "ArrowUp" => step_series(true),
                "ArrowDown" => step_series(false),
                "Home" => rows.first().and_then(|&r| in_row(r)),
                "End" => rows.last().and_then(|&r| in_row(r)),
                "Escape" => {
                    tip.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            drop(hits);
            if let Some(i) = next {
                show(i, true);
            }
        })
    };
    let on_blur = {
        let tip = tip.clone();
        Callback::from(move |_: FocusEvent| tip.set(None))
    };

    // Position the tip through the CSSOM: a strict Content-Security-Policy blocks style attributes.
    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        let canvas_ref = canvas_ref.clone();
        use_effect_with((*tip).clone(), move |t| {
            if let (Some(t), Some(el)) = (t, tip_ref.cast::<web_sys::HtmlElement>()) {
                // The tip's centre, measured so the whole tip stays inside the chart: above its bar
                // or point, or for a year's list beside the year at the top of the chart.
                let width = canvas_ref.cast::<HtmlCanvasElement>().map_or(0.0, |c| f64::from(c.client_width()));
                let half = f64::from(el.offset_width()) / 2.0;
                let (x, y) = if t.year.is_some() {
                    let right = t.x + 12.0 + half;
                    (if right + half <= width { right } else { t.x - 12.0 - half }, 4.0)
                } else {
                    (t.x, t.y)
                };
                let x = x.clamp(half, (width - half).max(half));
                let style = el.style();
                let _ = style.set_property("left", &format!("{}px", x.round() as i32));
                let _ = style.set_property("top", &format!("{}px", y.round() as i32));
            }
        });
    }
    let label = format!("{} Use the arrow keys to read each figure: left and right move between bars or years, up and down between series.", props.view.alt);
    html! {
        <div class="chart-box">
            <canvas id="chart-canvas" ref={canvas_ref} role="img" tabindex="0" aria-label={label}
                aria-describedby="chart-readout"
                onpointermove={on_pointer.clone()} onpointerdown={on_pointer} onpointerleave={on_leave}
                onkeydown={on_key} onblur={on_blur}>
                { &props.view.alt }
            </canvas>
            if let Some(first) = first.filter(|_| !*drawn) {
                { first }
            }
            if let Some(t) = &*tip {
                <div class={classes!("chart-tip", t.year.is_some().then_some("beside"))} id="chart-tip" ref={tip_ref} aria-hidden="true">
                    if let Some((year, lines)) = &t.year {
                        <div class="chart-tip-year">{ year }</div>
                        <ul class="chart-tip-lines">
                            { for lines.iter().map(|l| html! {
                                <li class={classes!((t.series == Some(l.series)).then_some("current"))}>
                                    <svg class="swatch" width="10" height="10" viewBox="0 0 10 10" focusable="false">
                                        <rect width="10" height="10" fill={on_surface(l.colour, surface).hex()} />
                                    </svg>
                                    <span class="chart-tip-name">{ &l.name }</span>
                                    <span class="chart-tip-value">{ &l.text }</span>
                                </li>
                            }) }
                        </ul>
                    } else {
                        { &t.text }
                    }
                </div>
            }
            <p id="chart-readout" class="visually-hidden" aria-live="polite">
                { tip.as_ref().map(|t| t.text.clone()).unwrap_or_default() }
            </p>
        </div>
    }
}

/// The chart's colours and font from the page's theme (CSS custom properties), so dark mode,
/// a link's font and host sites' themes reach the canvas: `--mi-font` becomes the canvas text's
/// font family as it is (a CSS family list); `--mi-chart-surface: dark` gives the dark-surface
/// palette.
pub fn theme(element: &web_sys::Element, scale: f64) -> ChartStyle {
    let mut style = ChartStyle { scale, ..ChartStyle::default() };
    let Ok(Some(css)) = gloo::utils::window().get_computed_style(element) else { return style };
    if let Some(font) = css.get_property_value("--mi-font").ok().map(|f| f.trim().to_string()).filter(|f| !f.is_empty()) {
        style.font = font;
    }
    let read = |name: &str| css.get_property_value(name).ok().and_then(|v| Rgb::from_hex(v.trim()));
    if let Some(c) = read("--mi-chart-text") {
        style.text = c;
    }
    if let Some(c) = read("--mi-chart-muted") {
        style.muted_text = c;
    }
    if let Some(c) = read("--mi-chart-grid") {
        style.grid = c;
    }
    if let Some(c) = read("--mi-chart-bg") {
        style.background = c;
    }
    if css.get_property_value("--mi-chart-surface").is_ok_and(|v| v.trim() == "dark") {
        style.surface = Surface::Dark;
    }
    style
}

/// Sizes the canvas buffer to its CSS box at the device pixel ratio, draws the view and returns
/// where each figure landed (in canvas pixels).
pub fn draw(canvas: &HtmlCanvasElement, view: &ChartView) -> Vec<Hit> {
    let screen = gloo::utils::window().device_pixel_ratio().clamp(1.0, 4.0);
    // Paper wants more pixels than a screen: at least 2x while printing.
    let ratio = if browser::printing() { screen.max(2.0) } else { screen };
    let width = (f64::from(canvas.client_width().max(1)) * ratio).round() as u32;
    let height = (f64::from(canvas.client_height().max(1)) * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let Some(backend) = Measured::canvas(canvas) else { return Vec::new() };
    let root = backend.into_drawing_area();
    let drawn = chart::draw(&root, view, &theme(canvas, ratio));
    let ok = drawn.is_ok();
    let hits = drawn.unwrap_or_else(|e| {
        gloo::console::error!(format!("the chart could not be drawn: {e}"));
        Vec::new()
    });
    let _ = root.present();
    // A signal for benchmarks and tests: how many times the chart has been drawn.
    let count = canvas.get_attribute("data-draws").and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(count + 1).to_string());
    // The drawn chart element (the pre-rendered page marks its SVG so): for benchmarks and tests.
    if ok {
        let _ = canvas.set_attribute("data-chart", "");
    }
    hits
}
