//! Component tests in headless Chromium (wasm-bindgen-test): the filters emit the right actions,
//! and the whole explorer responds to them.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use explorer::app::App;
use explorer::components::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use workforce_core::manifest::CategoryKey;
use workforce_core::selection::Action;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    // The explorer reads its state from the URL and writes it back: start each test from the
    // default view, whatever an earlier test left in the address bar.
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).expect("reset the URL");
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    gloo::utils::body().append_child(&root).expect("append");
    root
}

fn recorder() -> (Callback<Action>, Rc<RefCell<Vec<Action>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    (Callback::from(move |a| sink.borrow_mut().push(a)), log)
}

fn query<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("{selector} has another type"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn partners() -> Vec<PartnerOption> {
    [("10007759", "Aston"), ("10006840", "Birmingham"), ("10007163", "Warwick")]
        .iter()
        .map(|(u, s)| PartnerOption { ukprn: u.to_string(), short: s.to_string(), name: format!("{s} University") })
        .collect()
}

#[wasm_bindgen_test]
async fn partner_filter_shows_selection_and_emits_actions() {
    let root = mount();
    let (on_action, log) = recorder();
    let props = yew::props!(partner_filter::PartnerFilterProps {
        partners: partners(),
        selected: vec!["10007759".to_string(), "10007163".to_string()],
        on_action,
    });
    yew::Renderer::<PartnerFilter>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let boxes = all(&root, "input[name=partner]");
    assert_eq!(boxes.len(), 3);
    let checked: Vec<bool> =
        boxes.iter().map(|b| b.clone().dyn_into::<HtmlInputElement>().expect("input").checked()).collect();
    assert_eq!(checked, vec![true, false, true]);
    assert!(root.text_content().unwrap_or_default().contains("(2 of 3)"));
    let label = query::<HtmlElement>(&root, "label[for=partner-10006840]");
    assert_eq!(label.text_content().as_deref(), Some("Birmingham"));

    query::<HtmlInputElement>(&root, "#partner-10006840").click();
    query::<HtmlElement>(&root, "#partners-none").click();
    query::<HtmlElement>(&root, "#partners-all").click();
    assert_eq!(
        *log.borrow(),
        vec![Action::TogglePartner("10006840".into()), Action::NoPartners, Action::AllPartners]
    );
}

#[wasm_bindgen_test]
async fn category_filter_groups_categories_and_emits_actions() {
    let root = mount();
    let (on_action, log) = recorder();
    let key = |g: &str, n: &str| CategoryKey { group: g.into(), name: n.into() };
    let groups = vec![
        CategoryGroup {
            name: "Academic".into(),
            categories: vec![
                CategoryOption { key: key("Academic", "Professional occupations"), total: false },
                CategoryOption { key: key("Academic", "Other"), total: false },
                CategoryOption { key: key("Academic", "Total academic staff"), total: true },
            ],
        },
        CategoryGroup {
            name: "Non-academic".into(),
            categories: vec![CategoryOption { key: key("Non-academic", "Professional occupations"), total: false }],
        },
    ];
    let props = yew::props!(category_filter::CategoryFilterProps {
        groups,
        selected: vec![key("Academic", "Total academic staff")],
        on_action,
    });
    yew::Renderer::<CategoryFilter>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let groups = all(&root, "fieldset.category-group");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].get_attribute("data-group").as_deref(), Some("Academic"));
    let total = query::<HtmlInputElement>(&root, "input[data-name='Total academic staff']");
    assert!(total.checked());
    // The repeated label is told apart by its group.
    let non_academic = query::<HtmlInputElement>(&root, "input[data-group='Non-academic'][data-name='Professional occupations']");
    assert!(!non_academic.checked());
    non_academic.click();
    let buttons = all(&root, "fieldset.category-group button");
    // Academic has "All parts" and "None"; Non-academic (one part) only "None".
    assert_eq!(buttons.len(), 3);
    buttons[0].clone().dyn_into::<HtmlElement>().expect("button").click();
    assert_eq!(
        *log.borrow(),
        vec![Action::ToggleCategory(key("Non-academic", "Professional occupations")), Action::AllInGroup("Academic".into())]
    );
}

#[wasm_bindgen_test]
async fn year_select_emits_the_chosen_year() {
    let root = mount();
    let (on_action, log) = recorder();
    let props = yew::props!(year_select::YearSelectProps {
        years: vec!["2020/21".to_string(), "2021/22".to_string()],
        selected: "2021/22".to_string(),
        enabled: true,
        on_action,
    });
    yew::Renderer::<YearSelect>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let select = query::<HtmlSelectElement>(&root, "#year-select");
    assert_eq!(select.value(), "2021/22");
    select.set_value("2020/21");
    select.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    assert_eq!(*log.borrow(), vec![Action::SelectYear("2020/21".into())]);
}

fn canvas_colours(root: &Element) -> usize {
    let canvas = query::<web_sys::HtmlCanvasElement>(root, "#chart-canvas");
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .expect("2d context");
    let data = ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).expect("pixels").data();
    let colours: std::collections::HashSet<[u8; 4]> = data.chunks_exact(4).step_by(97).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    colours.len()
}

#[wasm_bindgen_test]
async fn the_explorer_responds_to_its_filters() {
    let root = mount();
    root.set_attribute("style", "width: 900px").expect("style");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("Birmingham: Total academic staff 4,205; Total non-academic staff not reported."), "{label}");
    assert!(canvas_colours(&root) > 3, "the chart is drawn");
    assert_eq!(all(&root, "#figures-table tbody tr").len(), 8);

    // Uncheck Birmingham: the chart and table follow.
    query::<HtmlInputElement>(&root, "#partner-10006840").click();
    yew::scheduler::flush().await;
    let label = query::<HtmlElement>(&root, "#chart-canvas").get_attribute("aria-label").unwrap_or_default();
    assert!(!label.contains("Birmingham"), "{label}");
    assert_eq!(all(&root, "#figures-table tbody tr").len(), 7);

    // 2020/21, academic staff only, all partners, summed bars: the published 16,125.
    query::<HtmlElement>(&root, "#partners-all").click();
    let year = query::<HtmlSelectElement>(&root, "#year-select");
    year.set_value("2020/21");
    year.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    query::<HtmlInputElement>(&root, "input[data-name='Total non-academic staff']").click();
    query::<HtmlInputElement>(&root, "input[name=chart-kind][value=bars]").click();
    yew::scheduler::flush().await;
    let total = query::<HtmlElement>(&root, "#figures-table tfoot td").text_content().unwrap_or_default();
    assert_eq!(total, "16,125");
    let caption = query::<HtmlElement>(&root, "#figure-caption").text_content().unwrap_or_default();
    assert!(caption.contains("Staff headcount by occupation, 2020/21"), "{caption}");
    assert!(caption.contains("Source: HESA DT025 Table 1, CC BY 4.0"), "{caption}");

    // The table tab hides the chart panel and shows the table; arrow keys move between tabs.
    query::<HtmlElement>(&root, "#tab-table").click();
    yew::scheduler::flush().await;
    assert!(query::<HtmlElement>(&root, "#panel-chart").hidden());
    assert!(!query::<HtmlElement>(&root, "#panel-table").hidden());
    assert_eq!(query::<HtmlElement>(&root, "#tab-table").get_attribute("aria-selected").as_deref(), Some("true"));
}

/// The first canvas pixel (in CSS pixels from the canvas's top-left) with the given colour.
fn find_colour(root: &Element, rgb: [u8; 3]) -> Option<(f64, f64)> {
    let canvas = query::<web_sys::HtmlCanvasElement>(root, "#chart-canvas");
    let ctx = canvas.get_context("2d").ok().flatten()?.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).ok()?.data();
    let ratio = f64::from(w) / f64::from(canvas.client_width().max(1));
    let i = data.chunks_exact(4).position(|p| p[0] == rgb[0] && p[1] == rgb[1] && p[2] == rgb[2])?;
    let (x, y) = ((i as u32 % w) as f64, (i as u32 / w) as f64);
    // A few pixels inside the bar's corner.
    Some(((x + 3.0) / ratio, (y + 3.0) / ratio))
}

/// The explorer's default view, 1000 px wide, and a point on its first academic-staff segment
/// (the palette's first colour, #332288) in client coordinates.
async fn explorer_and_a_bar() -> (Element, HtmlElement, f64, f64) {
    let root = mount();
    root.set_attribute("style", "width: 1000px").expect("style");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let (x, y) = find_colour(&root, [0x33, 0x22, 0x88]).expect("an academic staff segment on the canvas");
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    let rect = canvas.get_bounding_client_rect();
    (root, canvas, rect.left() + x, rect.top() + y)
}

#[wasm_bindgen_test]
async fn hovering_a_bar_shows_its_exact_figure() {
    let (root, canvas, x, y) = explorer_and_a_bar().await;
    canvas.dispatch_event(&pointer("pointermove", "mouse", x, y)).expect("dispatch");
    yew::scheduler::flush().await;
    let tip = query::<HtmlElement>(&root, "#chart-tip").text_content().unwrap_or_default();
    // Whichever bar it is, the tip names it and gives its exact figure for 2023/24.
    assert!(tip.contains("Total academic staff, 2023/24: "), "{tip}");
    let figure = tip.rsplit(": ").next().unwrap_or_default();
    assert!(figure.chars().all(|c| c.is_ascii_digit() || c == ','), "{tip}");
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    let partner = tip.split(',').next().unwrap_or_default();
    assert!(label.contains(&format!("{partner}: Total academic staff {figure}")), "{tip} / {label}");
}

#[wasm_bindgen_test]
async fn the_arrow_keys_read_each_figure() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    // Wide enough for vertical bars in partner order (the test page has no stylesheet); the
    // chart redraws on resize.
    canvas.set_attribute("style", "width: 1400px; height: 500px").expect("style");
    gloo::utils::window().dispatch_event(&web_sys::Event::new("resize").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(canvas.tab_index(), 0, "the chart takes keyboard focus");
    canvas.focus().expect("focus");
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event")
    };
    let readout = || query::<HtmlElement>(&root, "#chart-readout").text_content().unwrap_or_default();
    canvas.dispatch_event(&key("ArrowRight")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(readout(), "Aston, Total academic staff, 2023/24: 1,015");
    canvas.dispatch_event(&key("ArrowUp")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(readout(), "Aston, Total non-academic staff, 2023/24: 1,130");
    canvas.dispatch_event(&key("ArrowRight")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(readout(), "Birmingham, Total non-academic staff, 2023/24: not reported");
    canvas.dispatch_event(&key("Escape")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(readout(), "");
}

#[wasm_bindgen_test]
async fn the_legend_hides_and_shows_a_series() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let buttons = all(&root, "#chart-legend .legend-item");
    assert_eq!(buttons.len(), 2);
    assert_eq!(buttons[1].get_attribute("aria-pressed").as_deref(), Some("true"));
    buttons[1].clone().dyn_into::<HtmlElement>().expect("button").click();
    yew::scheduler::flush().await;
    let buttons = all(&root, "#chart-legend .legend-item");
    assert_eq!(buttons[1].get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(find_colour(&root, [0x88, 0xcc, 0xee]).is_none(), "the hidden series is not drawn");
    assert!(find_colour(&root, [0x33, 0x22, 0x88]).is_some());
}

fn pointer(kind: &str, pointer_type: &str, x: f64, y: f64) -> web_sys::PointerEvent {
    let init = web_sys::PointerEventInit::new();
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_bubbles(true);
    init.set_pointer_type(pointer_type);
    web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event")
}

#[wasm_bindgen_test]
async fn a_tapped_tip_stays_until_a_tap_elsewhere() {
    let (root, canvas, x, y) = explorer_and_a_bar().await;
    let has_tip = |root: &Element| root.query_selector("#chart-tip").ok().flatten().is_some();
    // A finger taps a bar and lifts: the browser sends pointerup and pointerleave.
    for kind in ["pointerdown", "pointerup", "pointerleave"] {
        canvas.dispatch_event(&pointer(kind, "touch", x, y)).expect("dispatch");
        yew::scheduler::flush().await;
    }
    assert!(has_tip(&root), "the tapped figure stays shown");
    // A tap elsewhere on the page closes it.
    gloo::utils::body().dispatch_event(&pointer("pointerdown", "touch", 1.0, 1.0)).expect("dispatch");
    yew::scheduler::flush().await;
    assert!(!has_tip(&root), "a tap elsewhere closes it");
    // A mouse's tip still goes when the mouse leaves.
    canvas.dispatch_event(&pointer("pointermove", "mouse", x, y)).expect("dispatch");
    yew::scheduler::flush().await;
    assert!(has_tip(&root));
    canvas.dispatch_event(&pointer("pointerleave", "mouse", x, y)).expect("dispatch");
    yew::scheduler::flush().await;
    assert!(!has_tip(&root));
}

#[wasm_bindgen_test]
async fn hovering_a_year_lists_every_series_largest_first() {
    use workforce_core::palette::Rgb;
    use workforce_core::selection::ChartKind;
    use workforce_core::view::{ChartView, Point, RowKind, SeriesView, Status, Unit};
    let series = |name: &str, colour: Rgb, values: [Option<f64>; 3]| SeriesView {
        name: name.into(),
        colour,
        point_colours: None,
        points: values.iter().map(|&v| Point { value: v, status: if v.is_some() { Status::Reported } else { Status::NotReported } }).collect(),
        reference: false,
        hidden: false,
    };
    let mut hidden = series("Hidden", Rgb(0x11, 0x77, 0x33), [Some(9000.0); 3]);
    hidden.hidden = true;
    let view = ChartView {
        kind: ChartKind::Trend,
        title: "Trend".into(),
        y_label: "Headcount".into(),
        unit: Unit::Count,
        labels: vec!["2021/22".into(), "2022/23".into(), "2023/24".into()],
        row_kinds: vec![RowKind::Year; 3],
        series: vec![
            series("Aston", Rgb(0x33, 0x22, 0x88), [Some(1000.0), None, Some(1100.0)]),
            series("Keele", Rgb(0x88, 0xcc, 0xee), [Some(900.0), Some(950.0), Some(1200.0)]),
            series("Warwick", Rgb(0xcc, 0x66, 0x77), [Some(3000.0), Some(3100.0), Some(3200.0)]),
            hidden,
        ],
        reference: None,
        year: String::new(),
        empty: None,
        alt: "A trend".into(),
    };
    let root = mount();
    let props = explorer::components::chart_canvas::ChartCanvasProps { view: Rc::new(view), visible: true };
    yew::Renderer::<ChartCanvas>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    canvas.set_attribute("style", "display: block; width: 600px; height: 400px").expect("style");
    gloo::utils::window().dispatch_event(&web_sys::Event::new("resize").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    // The middle of the chart, over 2022/23 but on no point.
    let rect = canvas.get_bounding_client_rect();
    canvas.dispatch_event(&pointer("pointermove", "mouse", rect.left() + 320.0, rect.top() + 390.0)).expect("dispatch");
    yew::scheduler::flush().await;
    let year = query::<HtmlElement>(&root, "#chart-tip .chart-tip-year").text_content().unwrap_or_default();
    assert_eq!(year, "2022/23");
    let lines: Vec<String> = all(&root, "#chart-tip li").iter().map(|l| l.text_content().unwrap_or_default()).collect();
    assert_eq!(lines, ["Warwick3,100", "Keele950", "Astonnot reported"]);
    assert_eq!(all(&root, "#chart-tip li svg rect").len(), 3, "a colour swatch a line");
    let readout = query::<HtmlElement>(&root, "#chart-readout").text_content().unwrap_or_default();
    assert_eq!(readout, "2022/23: Warwick 3,100; Keele 950; Aston not reported");
}
