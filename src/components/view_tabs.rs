//! The Chart / Table tabs.

use workforce_core::selection::{Action, Tab};
use yew::prelude::*;

/// The tabs in their order on the page.
const TABS: [Tab; 2] = [Tab::Chart, Tab::Table];

/// The tab a key moves to, as the WAI-ARIA tabs pattern asks: the arrows move to the next or
/// previous tab (wrapping at the ends), Home to the first, End to the last.
pub fn tab_for_key(key: &str, selected: Tab) -> Option<Tab> {
    let at = TABS.iter().position(|t| *t == selected).unwrap_or(0);
    let index = match key {
        "ArrowRight" => (at + 1) % TABS.len(),
        "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
        "Home" => 0,
        "End" => TABS.len() - 1,
        _ => return None,
    };
    TABS.get(index).copied()
}

fn tab_id(tab: Tab) -> &'static str {
    match tab {
        Tab::Chart => "tab-chart",
        Tab::Table => "tab-table",
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    pub selected: Tab,
    pub on_action: Callback<Action>,
}

pub fn view_tabs(props: &ViewTabsProps) -> Html {
    let tab = |tab: Tab, panel: &'static str, label: &'static str| {
        let selected = props.selected == tab;
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::SelectTab(tab));
        html! {
            <button type="button" role="tab" id={tab_id(tab)} aria-controls={panel} aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }} class={classes!("tab", selected.then_some("selected"))} {onclick}>
                { label }
            </button>
        }
    };
    let selected = props.selected;
    let on_action = props.on_action.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(next) = tab_for_key(&e.key(), selected) else { return };
        e.prevent_default();
        on_action.emit(Action::SelectTab(next));
        crate::browser::focus(tab_id(next));
    });
    html! {
        <div role="tablist" aria-label="Show the figures as" class="tabs" {onkeydown}>
            { tab(Tab::Chart, "panel-chart", "Chart") }
            { tab(Tab::Table, "panel-table", "Table") }
        </div>
    }
}
