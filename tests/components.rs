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

/// The link to the view most of these tests were written for: staff by occupation, academic and
/// non-academic totals, stacked, 2023/24 (the first view before the technical-workforce lens).
const OCCUPATION_TOTALS: &str = "?d=staff-occupation";

// The filters and tabs are plain functions (no state of their own): each is mounted in a host.
#[component]
fn PartnerFilterHost(props: &PartnerFilterProps) -> Html {
    partner_filter(props)
}

#[component]
fn CategoryFilterHost(props: &CategoryFilterProps) -> Html {
    category_filter(props)
}

#[component]
fn ViewTabsHost(props: &ViewTabsProps) -> Html {
    view_tabs(props)
}

fn mount() -> Element {
    mount_at(OCCUPATION_TOTALS)
}

fn mount_at(query: &str) -> Element {
    // The explorer reads its state from the URL and writes it back: start each test from the
    // view it names, whatever an earlier test left in the address bar.
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}"))).expect("set the URL");
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    gloo::utils::body().append_child(&root).expect("append");
    root
}

/// The explorer, unmounted when the test ends: its history listener must not outlive the test
/// (a later test's back and forward would reach it).
struct MountedApp(Option<yew::AppHandle<App>>);

impl Drop for MountedApp {
    fn drop(&mut self) {
        if let Some(app) = self.0.take() {
            app.destroy();
        }
    }
}

fn render_app(root: &Element) -> MountedApp {
    let link = explorer::browser::query();
    let props = explorer::app::AppProps { query: link.clone().into(), embedded: explorer::browser::is_embedded(&link), first_chart: None, bundle: None };
    MountedApp(Some(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render()))
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
    yew::Renderer::<PartnerFilterHost>::with_root_and_props(root.clone(), props).render();
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
    yew::Renderer::<CategoryFilterHost>::with_root_and_props(root.clone(), props).render();
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
    let props = year_select::props(&["2020/21".to_string(), "2021/22".to_string()], "2021/22", true, &on_action);
    yew::Renderer::<ChoiceSelect>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let select = query::<HtmlSelectElement>(&root, "#year-select");
    assert_eq!(select.value(), "2021/22");
    select.set_value("2020/21");
    select.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    assert_eq!(*log.borrow(), vec![Action::SelectYear("2020/21".into())]);

    // On a trend: disabled, and described by the hint that says why.
    let root = mount();
    let props = year_select::props(&["2020/21".to_string(), "2021/22".to_string()], "2021/22", false, &on_action);
    yew::Renderer::<ChoiceSelect>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let select = query::<HtmlSelectElement>(&root, "#year-select");
    assert!(select.disabled());
    assert_eq!(select.get_attribute("aria-describedby").as_deref(), Some("year-note"));
    assert_eq!(query::<HtmlElement>(&root, "#year-note").text_content().as_deref(), Some("The trend shows every year."));
}

#[wasm_bindgen_test]
async fn base_year_select_shows_only_for_a_change_and_emits_the_year() {
    let (on_action, log) = recorder();
    let years = vec!["2014/15".to_string(), "2015/16".to_string(), "2016/17".to_string()];
    assert!(base_year_select::props(&years, None, &on_action).is_none(), "no base year without a change");

    let root = mount();
    let props = base_year_select::props(&years, Some("2015/16"), &on_action).expect("a base year for a change");
    yew::Renderer::<ChoiceSelect>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let select = query::<HtmlSelectElement>(&root, "#base-year-select");
    assert_eq!(select.value(), "2015/16");
    select.set_value("2014/15");
    select.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    assert_eq!(*log.borrow(), vec![Action::SetBaseYear("2014/15".into())]);
}

#[wasm_bindgen_test]
async fn choosing_a_change_offers_its_base_year() {
    let root = mount();
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    query::<HtmlInputElement>(&root, "input[name=chart-kind][value=bars]").click();
    yew::scheduler::flush().await;
    assert!(root.query_selector("#base-year-select").ok().flatten().is_none());
    let measure = query::<HtmlSelectElement>(&root, "#measure-select");
    let labels: Vec<String> = (0..measure.length()).filter_map(|i| measure.item(i)).map(|o| o.text_content().unwrap_or_default()).collect();
    let change = labels.iter().position(|l| l == "% change since 2014/15").unwrap_or_else(|| panic!("{labels:?}"));
    assert!(labels.iter().any(|l| l == "% of the UK"), "{labels:?}");
    measure.set_selected_index(change as i32);
    measure.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    let base = query::<HtmlSelectElement>(&root, "#base-year-select");
    assert_eq!(base.value(), "2014/15");
    assert_eq!(base.length(), 9, "2014/15 to 2022/23: the years before 2023/24");
    base.set_value("2018/19");
    base.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("% change since 2018/19"), "{label}");
    let link = gloo::utils::window().location().search().unwrap_or_default();
    assert!(link.contains("m=pct-change") && link.contains("b=2018-19"), "{link}");
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
    let _app = render_app(&root);
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
    let caption = query::<HtmlElement>(&root, "#figure-caption .caption-title").text_content().unwrap_or_default();
    assert_eq!(caption, "Academic staff, Midlands Innovation partners, 2020/21");
    let notes = query::<HtmlElement>(&root, "#figure-notes").text_content().unwrap_or_default();
    assert!(notes.contains("Dataset: Staff headcount by occupation."), "{notes}");
    assert!(notes.contains("Source: HESA DT025 Table 1, CC BY 4.0"), "{notes}");

    // The table tab hides the chart panel and shows the table; arrow keys move between tabs.
    query::<HtmlElement>(&root, "#tab-table").click();
    yew::scheduler::flush().await;
    assert!(query::<HtmlElement>(&root, "#panel-chart").hidden());
    assert!(!query::<HtmlElement>(&root, "#panel-table").hidden());
    assert_eq!(query::<HtmlElement>(&root, "#tab-table").get_attribute("aria-selected").as_deref(), Some("true"));
}

/// The figures table sorts by the column pressed (figures largest first, again: smallest; names A
/// to Z), keeps its order while the same columns are shown, and a table of other columns shows its
/// own order.
#[wasm_bindgen_test]
async fn the_table_sorts_by_the_column_pressed() {
    let root = mount();
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    let labels = |root: &Element| -> Vec<String> {
        all(root, "#figures-table tbody th").iter().map(|th| th.text_content().unwrap_or_default()).collect()
    };
    let heading = |root: &Element, i: usize| all(root, "#figures-table thead th")[i].clone();
    assert_eq!(heading(&root, 2).get_attribute("aria-sort").as_deref(), Some("none"));

    // Non-academic staff (the second figure column): largest first, Birmingham (not reported) last.
    heading(&root, 2).query_selector("button").expect("query").expect("a button").unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(heading(&root, 2).get_attribute("aria-sort").as_deref(), Some("descending"));
    assert_eq!(heading(&root, 1).get_attribute("aria-sort").as_deref(), Some("none"));
    let figure = |root: &Element, row: usize| -> f64 {
        let text = all(root, "#figures-table tbody tr")[row].query_selector("td:nth-of-type(2)").expect("query").expect("a cell").text_content().unwrap_or_default();
        text.replace(',', "").parse().unwrap_or(f64::NAN)
    };
    let rows = all(&root, "#figures-table tbody tr").len();
    let shown: Vec<f64> = (0..rows).map(|r| figure(&root, r)).filter(|v| !v.is_nan()).collect();
    assert!(shown.len() > 2 && shown.windows(2).all(|w| w[0] >= w[1]), "{shown:?}");
    assert!(figure(&root, rows - 1).is_nan(), "a figure not reported sorts last");

    // Again: smallest first, the missing figure still last.
    heading(&root, 2).query_selector("button").expect("query").expect("a button").unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(heading(&root, 2).get_attribute("aria-sort").as_deref(), Some("ascending"));
    let shown: Vec<f64> = (0..rows).map(|r| figure(&root, r)).filter(|v| !v.is_nan()).collect();
    assert!(shown.windows(2).all(|w| w[0] <= w[1]), "{shown:?}");
    assert!(figure(&root, rows - 1).is_nan());

    // Names: A to Z.
    heading(&root, 0).query_selector("button").expect("query").expect("a button").unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    let mut names = labels(&root);
    assert_eq!(heading(&root, 0).get_attribute("aria-sort").as_deref(), Some("ascending"));
    let by_name = { let mut n = names.clone(); n.sort(); n };
    assert_eq!(names, by_name);

    // Another year has the same columns: the order stays. The trend's table (years as columns)
    // shows its own order.
    let year = query::<HtmlSelectElement>(&root, "#year-select");
    year.set_value("2020/21");
    year.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(heading(&root, 0).get_attribute("aria-sort").as_deref(), Some("ascending"));
    names = labels(&root);
    let by_name = { let mut n = names.clone(); n.sort(); n };
    assert_eq!(names, by_name);
    query::<HtmlInputElement>(&root, "input[name=chart-kind][value=trend]").click();
    yew::scheduler::flush().await;
    assert!(all(&root, "#figures-table thead th").iter().all(|th| th.get_attribute("aria-sort").as_deref() == Some("none")));
}

#[wasm_bindgen_test]
async fn the_first_view_is_the_technical_workforce_and_one_click_brings_it_back() {
    let root = mount_at("");
    root.set_attribute("style", "width: 900px").expect("style");
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    let button = query::<HtmlElement>(&root, "#lens-technical");
    assert_eq!(button.text_content().as_deref(), Some("Technical workforce"));
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    let label = query::<HtmlElement>(&root, "#chart-canvas").get_attribute("aria-label").unwrap_or_default();
    assert!(label.starts_with("Line chart"), "{label}");
    assert!(label.contains("2014/15: Aston 255; Birmingham 1,105"), "every partner from the first year: {label}");
    // The title above the chart, the notes under it.
    let caption = query::<HtmlElement>(&root, "#figure-caption").text_content().unwrap_or_default()
        + &query::<HtmlElement>(&root, "#figure-notes").text_content().unwrap_or_default();
    assert!(caption.contains("Non-academic staff in associate professional occupations"), "{caption}");
    assert!(caption.contains("SOC 2010 major group 3"), "the lens says what it counts: {caption}");
    assert!(caption.contains("Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20"), "{caption}");
    assert_eq!(explorer::browser::query(), "?lens=technical", "the address names the view");
    // Another view, then one click back.
    query::<HtmlInputElement>(&root, "input[name=chart-kind][value=bars]").click();
    yew::scheduler::flush().await;
    assert_eq!(query::<HtmlElement>(&root, "#lens-technical").get_attribute("aria-pressed").as_deref(), Some("false"));
    query::<HtmlElement>(&root, "#lens-technical").click();
    yew::scheduler::flush().await;
    assert_eq!(query::<HtmlElement>(&root, "#lens-technical").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(explorer::browser::query(), "?lens=technical");
    let label = query::<HtmlElement>(&root, "#chart-canvas").get_attribute("aria-label").unwrap_or_default();
    assert!(label.starts_with("Line chart"), "{label}");
}

fn rgb(c: workforce_core::palette::Rgb) -> [u8; 3] {
    [c.0, c.1, c.2]
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
/// (the academic family's total colour) in client coordinates.
/// The explorer (kept mounted while the returned handle lives) and the page position of a bar.
async fn explorer_and_a_bar() -> (MountedApp, Element, HtmlElement, f64, f64) {
    let root = mount();
    root.set_attribute("style", "width: 1000px").expect("style");
    let app = render_app(&root);
    yew::scheduler::flush().await;
    let (x, y) = find_colour(&root, rgb(workforce_core::palette::ACADEMIC[4])).expect("an academic staff segment on the canvas");
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    // Pointer events land where they are on screen: bring the chart (below the title) into view.
    canvas.scroll_into_view();
    let rect = canvas.get_bounding_client_rect();
    (app, root, canvas, rect.left() + x, rect.top() + y)
}

#[wasm_bindgen_test]
async fn hovering_a_bar_shows_its_exact_figure() {
    let (_app, root, canvas, x, y) = explorer_and_a_bar().await;
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
    let _app = render_app(&root);
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
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    let buttons = all(&root, "#chart-legend .legend-item");
    assert_eq!(buttons.len(), 2);
    assert_eq!(buttons[1].get_attribute("aria-pressed").as_deref(), Some("true"));
    buttons[1].clone().dyn_into::<HtmlElement>().expect("button").click();
    yew::scheduler::flush().await;
    let buttons = all(&root, "#chart-legend .legend-item");
    assert_eq!(buttons[1].get_attribute("aria-pressed").as_deref(), Some("false"));
    // Academic staff in the academic blues, non-academic in the oranges and browns.
    assert!(find_colour(&root, rgb(workforce_core::palette::NON_ACADEMIC[9])).is_none(), "the hidden series is not drawn");
    assert!(find_colour(&root, rgb(workforce_core::palette::ACADEMIC[4])).is_some());
}

fn key_event(k: &str) -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event")
}

#[wasm_bindgen_test]
async fn the_tabs_follow_the_wai_aria_keys() {
    use workforce_core::selection::Tab;
    // Home goes to the first tab and End to the last, whichever is selected; the arrows wrap.
    let cases = [
        (Tab::Chart, "Home", Tab::Chart),
        (Tab::Table, "Home", Tab::Chart),
        (Tab::Chart, "End", Tab::Table),
        (Tab::Table, "End", Tab::Table),
        (Tab::Chart, "ArrowRight", Tab::Table),
        (Tab::Table, "ArrowRight", Tab::Chart),
        (Tab::Chart, "ArrowLeft", Tab::Table),
        (Tab::Table, "ArrowLeft", Tab::Chart),
    ];
    for (selected, key, expected) in cases {
        let root = mount();
        let (on_action, log) = recorder();
        let props = yew::props!(view_tabs::ViewTabsProps { selected, on_action });
        let handle = yew::Renderer::<ViewTabsHost>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let tab = query::<HtmlElement>(&root, if selected == Tab::Chart { "#tab-chart" } else { "#tab-table" });
        tab.dispatch_event(&key_event(key)).expect("dispatch");
        let want = if expected == Tab::Chart { "tab-chart" } else { "tab-table" };
        assert_eq!(*log.borrow(), vec![Action::SelectTab(expected)], "{key} on {selected:?}");
        let focused = gloo::utils::document().active_element().map(|e| e.id()).unwrap_or_default();
        assert_eq!(focused, want, "{key} on {selected:?} moves focus");
        // Other keys do nothing.
        tab.dispatch_event(&key_event("a")).expect("dispatch");
        assert_eq!(log.borrow().len(), 1);
        handle.destroy();
    }
}

fn bundle() -> Rc<workforce_core::Bundle> {
    Rc::new(explorer::bundled::load().expect("the bundled data"))
}

/// A dataset the bundle does not have: the visitor's own file, opened here without the worker.
fn own_dataset() -> workforce_core::Dataset {
    let files = [
        ("other-table-mode-2020.csv".to_string(), include_bytes!("../hesa/tests/fixtures/other-table-mode-2020.csv").to_vec()),
        ("other-table-mode-2021.csv".to_string(), include_bytes!("../hesa/tests/fixtures/other-table-mode-2021.csv").to_vec()),
    ];
    hesa_import::own_files::import(&files).expect("the fixture opens")
}

#[wasm_bindgen_test]
fn state_equality_covers_every_field() {
    use explorer::state::{FileBatch, Loading, Msg, State};
    use yew::Reducible;
    let state = Rc::new(State::from_query(bundle(), ""));
    assert!(*state == (*state).clone(), "a copy is equal");
    let differs = |other: State, what: &str| assert!(*state != other, "{what} is compared");
    differs(State { others: Some(("staff-occupation".into(), Loading::Done("x".into()))), ..(*state).clone() }, "others");
    differs(State { files: Some(Loading::Busy("Reading…".into())), ..(*state).clone() }, "files");
    differs(State { chart: Rc::new((*state.chart).clone()), ..(*state).clone() }, "the chart");
    differs(State { table: Rc::new((*state.table).clone()), ..(*state).clone() }, "the table");
    differs(State { caption: Rc::new((*state.caption).clone()), ..(*state).clone() }, "the caption");
    differs(State { bundle: bundle(), ..(*state).clone() }, "the bundle");
    differs(State { notice: Some("n".into()), ..(*state).clone() }, "the notice");
    differs(State { opening: Some(FileBatch(Rc::new(Vec::new()))), ..(*state).clone() }, "the files being opened");
    differs(State { files_refused: true, ..(*state).clone() }, "the refusal");
    differs(State { drawer_open: true, ..(*state).clone() }, "the drawer");
    let load = explorer::state::DatasetLoad { id: "students-sex".into(), title: "t".into(), file: "f".into(), query: None };
    differs(State { dataset_load: Some(load), ..(*state).clone() }, "the dataset being loaded");
    differs(State { sources: Rc::new((*state.sources).clone()), ..(*state).clone() }, "the served files' texts");
    let want = explorer::state::DatasetWant { id: "students-sex".into(), title: "t".into(), file: "f".into(), failed: None };
    differs(State { wanted: vec![want], ..(*state).clone() }, "the datasets the view reads");
    let figures = Rc::new(workforce_core::view::key_figures::key_figures(&state.bundle, "2020/21"));
    differs(State { key_figures: Some(figures), ..(*state).clone() }, "the key figures");
    // A reducer step that changes only the file status gives an unequal state.
    let progress = state.clone().reduce(Msg::FilesProgress("Reading the figures…".into()));
    assert!(*progress != *state);
}

thread_local! {
    static PROBE: RefCell<Option<yew::UseReducerDispatcher<explorer::state::State>>> = const { RefCell::new(None) };
    /// The bundle the probe started with, without keeping it alive.
    static FIRST_BUNDLE: RefCell<std::rc::Weak<workforce_core::Bundle>> = RefCell::new(std::rc::Weak::new());
}

/// The explorer's state with only the URL hook: shows the dataset and year it holds.
#[component]
fn UrlProbe() -> Html {
    use explorer::state::State;
    let state = use_reducer(|| {
        let first = bundle();
        FIRST_BUNDLE.with(|w| *w.borrow_mut() = Rc::downgrade(&first));
        State::from_query(first, &explorer::browser::query())
    });
    explorer::hooks::use_url_sync(&state, false, workforce_core::page_options::PageOptions::default());
    PROBE.with(|p| *p.borrow_mut() = Some(state.dispatcher()));
    html! { <p id="probe">{ format!("{} {}", state.selection.dataset, state.selection.year) }</p> }
}

/// Goes back one history entry and waits until the page has handled it.
async fn back() {
    let window = gloo::utils::window();
    let arrived = js_sys::Promise::new(&mut |resolve, _| {
        gloo::events::EventListener::once(&window, "popstate", move |_| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        })
        .forget();
    });
    window.history().expect("history").back().expect("back");
    wasm_bindgen_futures::JsFuture::from(arrived).await.expect("popstate");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn back_and_forward_read_the_url_against_the_current_bundle() {
    use explorer::state::Msg;
    let root = mount();
    let handle = yew::Renderer::<UrlProbe>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let dispatch = |msg: Msg| PROBE.with(|p| p.borrow().as_ref().expect("mounted").dispatch(msg));
    // The bundle changes (the visitor opens a table of their own), then the view changes twice.
    dispatch(Msg::FilesOpened(Ok(Box::new(own_dataset()))));
    yew::scheduler::flush().await;
    let probe = || query::<HtmlElement>(&root, "#probe").text_content().unwrap_or_default();
    assert_eq!(probe(), "own-dt999-table-9 2021/22");
    dispatch(Msg::Do(Action::SelectYear("2020/21".into())));
    yew::scheduler::flush().await;
    assert_eq!(probe(), "own-dt999-table-9 2020/21");
    assert!(explorer::browser::query().contains("d=own-dt999-table-9"), "{}", explorer::browser::query());
    // Back: the table the visitor opened is still known, in the year it showed.
    back().await;
    assert_eq!(probe(), "own-dt999-table-9 2021/22");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_history_listener_keeps_no_old_state_alive() {
    use explorer::state::Msg;
    let root = mount();
    let handle = yew::Renderer::<UrlProbe>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert!(FIRST_BUNDLE.with(|w| w.borrow().upgrade().is_some()));
    // A new bundle replaces the first one: nothing the page keeps for its whole life (the
    // popstate listener) may hold on to the state that had it.
    PROBE.with(|p| p.borrow().as_ref().expect("mounted").dispatch(Msg::FilesOpened(Ok(Box::new(own_dataset())))));
    yew::scheduler::flush().await;
    assert!(query::<HtmlElement>(&root, "#probe").text_content().unwrap_or_default().starts_with("own-dt999-table-9"));
    assert!(FIRST_BUNDLE.with(|w| w.borrow().upgrade().is_none()), "the first state (and its bundle) is still held");
    handle.destroy();
}

/// A CSV file as the visitor's browser would hand it over.
fn csv_file(name: &str, text: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("file")
}

/// Puts files on a file input as choosing them would (through a `DataTransfer`), and says so.
fn choose_files(input: &HtmlInputElement, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().expect("DataTransfer");
    let items = js_sys::Reflect::get(&transfer, &"items".into()).expect("items");
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into()).expect("add").dyn_into().expect("function");
    for file in files {
        add.call1(&items, file).expect("add a file");
    }
    input.set_files(transfer.files().as_ref());
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn files_offered_while_others_open_are_refused() {
    let root = mount();
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    let input = query::<HtmlInputElement>(&root, "#open-file");
    // Two quick offers (a second drop, a second click) before the first has finished.
    choose_files(&input, &[csv_file("first.csv", "name,age\nA,1\n")]);
    choose_files(&input, &[csv_file("second.csv", "name,age\nB,2\n")]);
    yew::scheduler::flush().await;
    let opener = || query::<HtmlElement>(&root, ".file-opener").text_content().unwrap_or_default();
    assert!(opener().contains("Still opening the previous files; try again when it finishes."), "{}", opener());
    assert_eq!(all(&root, ".file-refused").len(), 1);
    // Once the first open ends (here without the importer worker, so in an error), the refusal
    // goes, and the answer is the first batch's.
    for _ in 0..200 {
        if all(&root, ".file-refused").is_empty() {
            break;
        }
        sleep(50).await;
    }
    assert!(all(&root, ".file-refused").is_empty(), "{}", opener());
    assert!(!opener().contains("second.csv"), "{}", opener());
}

/// The manifest the page runs on is the one `build.rs` generated (static tables under OUT_DIR, read
/// back by `explorer::bundled::load`, exactly as the app loads it), not `data/manifest.json` itself:
/// compare the two field by field. The destructuring is exhaustive, so a field added to the
/// manifest must be added here too.
#[wasm_bindgen_test]
fn the_bundled_manifest_is_data_manifest_json_field_by_field() {
    use workforce_core::manifest::{CategoryInfo, DatasetInfo, Manifest, Partner, YearLabels};
    let json = Manifest::from_json("data/manifest.json", include_str!("../data/manifest.json")).expect("data/manifest.json");
    let bundle = explorer::bundled::load().expect("the bundle the page loads");
    let Manifest { partners, datasets } = &bundle.manifest;
    assert_eq!(partners.len(), json.partners.len(), "partners");
    for (got, want) in partners.iter().zip(&json.partners) {
        let Partner { ukprn, name, short } = want;
        assert_eq!(&got.ukprn, ukprn, "partner ukprn");
        assert_eq!(&got.name, name, "partner {ukprn}: name");
        assert_eq!(&got.short, short, "partner {ukprn}: short");
    }
    assert_eq!(datasets.len(), json.datasets.len(), "datasets");
    for (got, want) in datasets.iter().zip(&json.datasets) {
        let DatasetInfo {
            id,
            title,
            measure,
            counted,
            file,
            others_file,
            coverage_file,
            source_table,
            source_title,
            source_link,
            licence,
            notes,
            categories,
            default_categories,
            year_labels,
            rate_base,
        } = want;
        assert_eq!(&got.id, id, "dataset id");
        assert_eq!(&got.title, title, "{id}: title");
        assert_eq!(&got.measure, measure, "{id}: measure");
        assert_eq!(&got.counted, counted, "{id}: counted");
        assert_eq!(&got.file, file, "{id}: file");
        assert_eq!(&got.others_file, others_file, "{id}: others_file");
        assert_eq!(&got.coverage_file, coverage_file, "{id}: coverage_file");
        assert_eq!(&got.source_table, source_table, "{id}: source_table");
        assert_eq!(&got.source_title, source_title, "{id}: source_title");
        assert_eq!(&got.source_link, source_link, "{id}: source_link");
        assert_eq!(&got.licence, licence, "{id}: licence");
        assert_eq!(&got.notes, notes, "{id}: notes");
        assert_eq!(got.categories.len(), categories.len(), "{id}: categories");
        for (g, w) in got.categories.iter().zip(categories) {
            let CategoryInfo { group, name, total } = w;
            assert_eq!((&g.group, &g.name, g.total), (group, name, *total), "{id}: category");
        }
        assert_eq!(&got.default_categories, default_categories, "{id}: default_categories");
        assert_eq!(got.year_labels.len(), year_labels.len(), "{id}: year_labels");
        for (g, w) in got.year_labels.iter().zip(year_labels) {
            let YearLabels { year, labels } = w;
            assert_eq!((&g.year, &g.labels), (year, labels), "{id}: year labels");
        }
        assert_eq!(&got.rate_base, rate_base, "{id}: rate_base");
    }
    // And the figures embedded are the default dataset's only (the first in the manifest); every
    // other dataset is fetched when wanted.
    let ids: Vec<&str> = bundle.datasets.iter().map(|d| d.info.id.as_str()).collect();
    let want: Vec<&str> = json.datasets.iter().take(1).map(|d| d.id.as_str()).collect();
    assert_eq!(ids, want);
    // The salary bands' thresholds reach the page: each year's own.
    let salary = bundle.manifest.dataset("staff-salary").expect("staff-salary");
    assert_eq!(salary.category_label_in(2, "2014/15"), "Band 3: £24,057 to under £32,277");
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
    let (_app, root, canvas, x, y) = explorer_and_a_bar().await;
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
        key: workforce_core::slug::slug(name),
        colour,
        point_colours: None,
        points: values.iter().map(|&v| Point { value: v, status: if v.is_some() { Status::Reported } else { Status::NotReported } }).collect(),
        reference: None,
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
        breaks: Vec::new(),
    };
    let root = mount();
    let props = explorer::components::chart_canvas::ChartCanvasProps { view: Rc::new(view), visible: true, first: None, embedded: false };
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

/// Taking over a pre-rendered page: the page's own chart element (`.chart-first`, its SVG marked
/// `data-chart`) is moved into the chart's box and stays over the canvas until the canvas has drawn;
/// then it goes, the canvas carries `data-chart`, and `<html>` says `data-ready`.
#[wasm_bindgen_test]
async fn the_pre_rendered_chart_stays_until_the_canvas_has_drawn() {
    let root = mount();
    let document = gloo::utils::document();
    let first = document.create_element("div").expect("div");
    first.set_class_name("chart-first");
    first.set_inner_html(r#"<svg data-chart="" class="wide" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#);
    if let Some(html) = document.document_element() {
        html.remove_attribute("data-ready").expect("attribute");
    }
    // Opened on the table: the chart's tab is hidden, so the canvas cannot draw yet.
    let link = format!("{}&t=table", explorer::browser::query());
    let props = explorer::app::AppProps { query: link.into(), embedded: false, first_chart: Some(first.clone()), bundle: None };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let canvas = query::<HtmlElement>(&root, "#chart-canvas");
    assert!(first.is_connected(), "the pre-rendered chart is moved into the page");
    assert!(root.query_selector(".chart-box > .chart-first svg[data-chart]").ok().flatten().is_some(), "in the chart's box");
    assert!(!canvas.has_attribute("data-draws") && !canvas.has_attribute("data-chart"), "the canvas has not drawn");
    query::<HtmlElement>(&root, "#tab-chart").click();
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    assert!(canvas.has_attribute("data-draws"), "the canvas has drawn");
    assert!(canvas.has_attribute("data-chart"), "the drawn canvas is the chart now");
    assert!(!first.is_connected(), "the pre-rendered chart went once the canvas drew");
    assert!(root.query_selector("svg[data-chart]").ok().flatten().is_none());
    assert!(document.document_element().is_some_and(|h| h.has_attribute("data-ready")), "<html data-ready>");
    app.destroy();
}

/// The served file of a dataset (the wide form the `dataset-files` build hook writes), from the
/// committed tidy file.
fn served_text(tidy: &str, id: &str) -> String {
    let b = bundle();
    let info = b.manifest.dataset(id).expect("in the manifest");
    let records = workforce_core::tidy::read(&info.file, tidy).expect("tidy file");
    workforce_core::wide::write(&info.categories, &records)
}

const STUDENTS_TIDY: &str = include_str!("../data/students-sex.csv");

#[wasm_bindgen_test]
fn a_link_to_a_dataset_not_loaded_is_applied_once_it_arrives() {
    use explorer::state::{Msg, State};
    use yew::Reducible;
    let state = Rc::new(State::from_query(bundle(), "?d=students-sex&c=female&y=2020-21"));
    // Meanwhile the default view, and the load the link asks for.
    assert_eq!(state.selection.dataset, "staff-occupation");
    assert_eq!(state.shown_dataset(), "students-sex");
    let load = state.dataset_load.clone().expect("a load");
    assert_eq!((load.file.as_str(), load.title.as_str()), ("datasets/students-sex.csv", "Student enrolments by sex"));
    assert!(state.notice.is_none(), "nothing was ignored: the dataset is on its way");
    let text = served_text(STUDENTS_TIDY, "students-sex");
    let state = state.reduce(Msg::DatasetLoaded { id: "students-sex".into(), result: Ok(text.clone()) });
    assert!(state.dataset_load.is_none());
    assert_eq!(state.selection.dataset, "students-sex");
    assert_eq!(state.selection.year, "2020/21");
    let names: Vec<&str> = state.selection.categories.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, vec!["Female"], "the link's categories, read against the loaded dataset");
    assert!(state.notice.is_none(), "{:?}", state.notice);
    assert_eq!(state.source("students-sex").as_deref(), Some(text.as_str()));
    // Switching away and back: no load, the same figures at once.
    let bundle_before = state.bundle.clone();
    let state = state.reduce(Msg::Do(Action::SelectDataset("staff-occupation".into())));
    let state = state.reduce(Msg::Do(Action::SelectDataset("students-sex".into())));
    assert!(state.dataset_load.is_none());
    assert_eq!(state.selection.dataset, "students-sex");
    assert!(Rc::ptr_eq(&state.bundle, &bundle_before), "nothing was loaded or rebuilt");
}

#[wasm_bindgen_test]
fn a_failed_or_overtaken_load_keeps_the_view() {
    use explorer::state::{Msg, State};
    use yew::Reducible;
    let start = Rc::new(State::from_query(bundle(), "?p=aston"));
    let picked = start.clone().reduce(Msg::Do(Action::SelectDataset("students-sex".into())));
    assert_eq!(picked.shown_dataset(), "students-sex");
    assert_eq!(picked.selection, start.selection, "the view stays until the figures arrive");
    assert!(Rc::ptr_eq(&picked.chart, &start.chart));
    // Picking it again while it loads changes nothing.
    let again = picked.clone().reduce(Msg::Do(Action::SelectDataset("students-sex".into())));
    assert!(Rc::ptr_eq(&again, &picked));
    // It fails: the view is the one before, and the notice names the file and the error.
    let failed = picked.clone().reduce(Msg::DatasetLoaded {
        id: "students-sex".into(),
        result: Err("datasets/students-sex.csv answered 404".into()),
    });
    assert!(failed.dataset_load.is_none());
    assert_eq!(failed.shown_dataset(), "staff-occupation");
    assert_eq!(failed.selection, start.selection);
    let notice = failed.notice.clone().unwrap_or_default();
    assert!(notice.contains("datasets/students-sex.csv answered 404") && notice.contains("Student enrolments by sex"), "{notice}");
    // A file that is not the dataset's fails the same way, naming the file, line and column.
    let broken = picked.clone().reduce(Msg::DatasetLoaded { id: "students-sex".into(), result: Ok("<!doctype html>".into()) });
    assert_eq!(broken.selection, start.selection);
    assert!(broken.notice.clone().unwrap_or_default().contains("datasets/students-sex.csv, line 1"), "{:?}", broken.notice);
    // Overtaken: the visitor went back to a loaded dataset before it arrived. It is kept for
    // later, and the view does not move.
    let back = picked.reduce(Msg::Do(Action::SelectDataset("staff-occupation".into())));
    assert!(back.dataset_load.is_none());
    let arrived = back.clone().reduce(Msg::DatasetLoaded { id: "students-sex".into(), result: Ok(served_text(STUDENTS_TIDY, "students-sex")) });
    assert_eq!(arrived.selection, back.selection);
    assert!(arrived.bundle.is_loaded("students-sex"));
    assert!(arrived.notice.is_none());
}

#[wasm_bindgen_test]
fn the_key_figures_page_builds_no_explorer_figure_until_the_explorer_is_back() {
    use explorer::state::{Msg, State};
    use workforce_core::selection::Page;
    use yew::Reducible;
    let explorer = Rc::new(State::from_query(bundle(), "?d=staff-occupation"));
    let figures = explorer.clone().reduce(Msg::Do(Action::SelectPage(Page::KeyFigures)));
    let earlier = figures.clone().reduce(Msg::Do(Action::SelectYear("2018/19".into())));
    // The explorer's figure is not on this page: held as it was, not built again.
    assert!(Rc::ptr_eq(&earlier.chart, &explorer.chart) && Rc::ptr_eq(&earlier.caption, &explorer.caption));
    // Back in the explorer (its first view), it is built for what the explorer shows.
    let back = earlier.reduce(Msg::Do(Action::SelectPage(Page::Explorer)));
    assert_eq!(back.selection.page, Page::Explorer);
    assert!(!Rc::ptr_eq(&back.chart, &explorer.chart));
    let expected = workforce_core::view::figure(&back.bundle, &back.selection);
    assert_eq!(*back.caption, expected.caption);
    assert_eq!(*back.chart, expected.chart);
}

#[wasm_bindgen_test]
fn the_key_figures_fetch_the_students_and_say_when_they_failed() {
    use explorer::state::{Msg, State};
    use workforce_core::view::key_figures::Body;
    use yew::Reducible;
    let label = |state: &State, what: &str| {
        let figures = state.key_figures.clone().expect("the key figures");
        figures.items.iter().find(|i| i.label == what).map(|i| i.body.clone()).expect("the figure")
    };
    let state = Rc::new(State::from_query(bundle(), "?view=figures&y=2020-21"));
    assert_eq!(state.wanted.iter().map(|w| (w.id.as_str(), w.file.as_str())).collect::<Vec<_>>(), vec![("students-sex", "datasets/students-sex.csv")]);
    assert_eq!(label(&state, "Students"), Body::NotLoaded);
    match label(&state, "Academic staff") {
        Body::Shown(shown) => assert_eq!((shown.text.as_str(), shown.comparison.as_deref()), ("16,125", Some("7.2% of the UK's 224,530"))),
        other => panic!("{other:?}"),
    }
    // It fails: said for that figure, the others kept; a retry asks for it again.
    let failed = state.clone().reduce(Msg::DatasetLoaded { id: "students-sex".into(), result: Err("datasets/students-sex.csv answered 404".into()) });
    assert_eq!(failed.failed_datasets(), vec![("students-sex".to_string(), "datasets/students-sex.csv answered 404".to_string())]);
    assert!(failed.notice.is_none(), "said beside the figure, not as a notice");
    let retried = failed.reduce(Msg::RetryDatasets);
    assert!(retried.failed_datasets().is_empty() && retried.wanted.len() == 1);
    // It arrives: the students' figure is shown, nothing more is wanted, the view is the same.
    let loaded = retried.reduce(Msg::DatasetLoaded { id: "students-sex".into(), result: Ok(served_text(STUDENTS_TIDY, "students-sex")) });
    assert!(loaded.wanted.is_empty());
    assert_eq!(loaded.selection, state.selection);
    match label(&loaded, "Students") {
        Body::Shown(shown) => assert_eq!(shown.text, "169,435"),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn the_page_says_a_dataset_is_loading_and_when_it_failed() {
    let root = mount();
    let _app = render_app(&root);
    yew::scheduler::flush().await;
    let select = query::<HtmlSelectElement>(&root, "#dataset-select");
    let title = || query::<HtmlElement>(&root, "#figure-caption .caption-title").text_content().unwrap_or_default();
    let before = title();
    select.set_value("students-sex");
    select.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    let status = query::<HtmlElement>(&root, ".figure-area .dataset-loading");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.text_content().as_deref(), Some("Loading Student enrolments by sex…"));
    assert_eq!(select.value(), "students-sex", "the switcher keeps the choice");
    assert!(query::<HtmlElement>(&root, "figure.figure").hidden(), "the old figure is not shown under the new choice");
    // The test server has no datasets/ folder: the fetch fails, and the page says so.
    for _ in 0..200 {
        if root.query_selector("#notice").ok().flatten().is_some() {
            break;
        }
        sleep(50).await;
    }
    let notice = query::<HtmlElement>(&root, "#notice").text_content().unwrap_or_default();
    assert!(notice.contains("datasets/students-sex.csv"), "{notice}");
    assert!(all(&root, ".dataset-loading").is_empty());
    assert_eq!(select.value(), "staff-occupation", "the switcher returns to the dataset shown");
    assert!(!query::<HtmlElement>(&root, "figure.figure").hidden());
    assert_eq!(title(), before);
}

#[wasm_bindgen_test]
fn an_exported_image_is_as_tall_as_its_text_and_in_the_theme_font() {
    use workforce_core::selection::Selection;
    let bundle = explorer::bundled::load().expect("bundle");
    let mut figure = workforce_core::view::figure(&bundle, &Selection::initial(&bundle));
    // Many long notes: more lines than the fixed height holds beside a readable plot.
    figure.caption.notes = (1..=30)
        .map(|i| workforce_core::view::Note::caution(format!("Note {i}: a long note about figures that were not reported by a provider in some years, wrapped over the image's width.")))
        .collect();
    let root = gloo::utils::document().document_element().expect("root");
    root.set_attribute("style", "--mi-font: Georgia, serif").expect("style");
    let svg = explorer::chart_export::svg(&figure.chart, &figure.caption, "https://example.org/x/");
    root.remove_attribute("style").expect("style");
    let svg = svg.expect("svg");
    let height: u32 = svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).and_then(|h| h.parse().ok()).expect("svg height");
    assert!(height > explorer::chart_export::HEIGHT, "{height}");
    assert!(svg.contains("Georgia"), "the theme's font");
    assert!(svg.contains("Note 30:"), "the last note is in the image");
    // Written by our own SVG writer: a closed, well-formed document whose numbers are short.
    assert!(svg.ends_with("</svg>\n"), "closed");
    let parsed = web_sys::DomParser::new().expect("parser").parse_from_string(&svg, web_sys::SupportedType::ImageSvgXml).expect("parsed");
    assert!(parsed.get_elements_by_tag_name("parsererror").length() == 0, "well-formed SVG");
    assert!(parsed.get_elements_by_tag_name("text").length() > 10, "text");
    assert!(parsed.get_elements_by_tag_name("rect").length() > 3, "bars");
    for size in svg.split("font-size=\"").skip(1).filter_map(|s| s.split('"').next()) {
        assert!(size.parse::<f64>().is_ok_and(|v| v > 5.0) && size.split('.').nth(1).is_none_or(|f| f.len() <= 2), "font size {size}");
    }
}
