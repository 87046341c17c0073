//! The Chart / Table tabs.

use workforce_core::selection::{Action, Tab};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    pub selected: Tab,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ViewTabs(props: &ViewTabsProps) -> Html {
    let tab = |tab: Tab, id: &'static str, panel: &'static str, label: &'static str| {
        let selected = props.selected == tab;
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::SelectTab(tab));
        html! {
            <button type="button" role="tab" {id} aria-controls={panel} aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }} class={classes!("tab", selected.then_some("selected"))} {onclick}>
                { label }
            </button>
        }
    };
    // Arrow keys move between the two tabs, as the WAI-ARIA tabs pattern expects.
    let selected = props.selected;
    let on_action = props.on_action.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let next = match (e.key().as_str(), selected) {
            ("ArrowRight" | "ArrowLeft" | "Home" | "End", Tab::Chart) => Tab::Table,
            ("ArrowRight" | "ArrowLeft" | "Home" | "End", Tab::Table) => Tab::Chart,
            _ => return,
        };
        e.prevent_default();
        on_action.emit(Action::SelectTab(next));
        if let Some(el) = gloo::utils::document().get_element_by_id(match next {
            Tab::Chart => "tab-chart",
            Tab::Table => "tab-table",
        }) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
    html! {
        <div role="tablist" aria-label="Show the figures as" class="tabs" {onkeydown}>
            { tab(Tab::Chart, "tab-chart", "panel-chart", "Chart") }
            { tab(Tab::Table, "tab-table", "panel-table", "Table") }
        </div>
    }
}
