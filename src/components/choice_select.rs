//! A labelled `<select>` of choices, its shown option kept equal to the state (`use_synced_select`).
//! The dataset, measure, year and base-year pickers are each one of these, built by their own
//! module's `props` (`dataset_switcher`, `measure_select`, `year_select`, `base_year_select`).

use web_sys::HtmlSelectElement;
use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ChoiceSelectProps {
    /// The select's id (`year-select`).
    pub id: AttrValue,
    pub label: AttrValue,
    /// Each option's value and text, in the order shown.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The option chosen, by position.
    pub selected: Option<usize>,
    /// Disabled, with a hint saying why (`(id, text)`: the select is described by it).
    #[prop_or_default]
    pub disabled: Option<(AttrValue, AttrValue)>,
    /// The option the visitor picked, by position.
    pub on_choose: Callback<usize>,
}

#[component]
pub fn ChoiceSelect(props: &ChoiceSelectProps) -> Html {
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = usize::try_from(e.target_unchecked_into::<HtmlSelectElement>().selected_index()) {
                on_choose.emit(i);
            }
        })
    };
    let select_ref = super::synced_select::use_synced_select(props.selected);
    let hint = props.disabled.as_ref();
    html! {
        <div class="control">
            <label for={props.id.clone()}>{ &props.label }</label>
            <select id={props.id.clone()} ref={select_ref} {onchange} disabled={hint.is_some()} aria-describedby={hint.map(|(id, _)| id.clone())}>
                { for props.options.iter().enumerate().map(|(i, (value, text))| html! {
                    <option value={value.clone()} selected={props.selected == Some(i)}>{ text }</option>
                }) }
            </select>
            if let Some((id, text)) = hint {
                <p class="filter-hint" id={id.clone()}>{ text }</p>
            }
        </div>
    }
}

/// The callback for a choice among `items`: the action for the item at the position picked.
pub fn choose<T: 'static>(items: Vec<T>, on_action: &Callback<Action>, action: impl Fn(&T) -> Action + 'static) -> Callback<usize> {
    let on_action = on_action.clone();
    Callback::from(move |i: usize| {
        if let Some(item) = items.get(i) {
            on_action.emit(action(item));
        }
    })
}
