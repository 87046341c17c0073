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
    // Academic has "All parts" and "None"; Non-academic (one part) only "None", disabled.
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
    let mut colours: Vec<[u8; 4]> = data.chunks_exact(4).step_by(97).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    colours.sort_unstable();
    colours.dedup();
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
