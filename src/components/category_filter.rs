//! Where categories are chosen: checkboxes organised by group (Academic / Non-academic), with
//! All and None per group. HESA's published totals are marked as such.

use workforce_core::manifest::CategoryKey;
use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryOption {
    pub key: CategoryKey,
    pub total: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryGroup {
    /// `""` for a table without groups.
    pub name: String,
    pub categories: Vec<CategoryOption>,
}

#[derive(Properties, PartialEq)]
pub struct CategoryFilterProps {
    pub groups: Vec<CategoryGroup>,
    pub selected: Vec<CategoryKey>,
    pub on_action: Callback<Action>,
}

pub fn category_filter(props: &CategoryFilterProps) -> Html {
    let mut index = 0usize;
    html! {
        <fieldset id="category-filter" class="filter">
            <legend>{ "Categories" }</legend>
            <p class="filter-hint">{ "A total and its own parts are not combined: choosing one clears the other." }</p>
            { for props.groups.iter().map(|group| {
                let parts = group.categories.iter().filter(|c| !c.total).count();
                let name = group.name.clone();
                let all = props.on_action.reform(move |_: MouseEvent| Action::AllInGroup(name.clone()));
                let name = group.name.clone();
                let none = props.on_action.reform(move |_: MouseEvent| Action::NoneInGroup(name.clone()));
                let legend = if group.name.is_empty() { "All categories".to_string() } else { group.name.clone() };
                html! {
                    <fieldset class="category-group" data-group={group.name.clone()} key={group.name.clone()}>
                        <legend>{ legend.clone() }</legend>
                        <div class="filter-actions">
                            if parts > 1 {
                                <button type="button" onclick={all}>{ "All parts" }<span class="visually-hidden">{ format!(" of {legend}") }</span></button>
                            }
                            <button type="button" onclick={none}>{ "None" }<span class="visually-hidden">{ format!(" of {legend}") }</span></button>
                        </div>
                        <ul class="checks">
                            { for group.categories.iter().map(|c| {
                                index += 1;
                                let id = format!("category-{index}");
                                let key = c.key.clone();
                                let toggle = props.on_action.reform(move |_: Event| Action::ToggleCategory(key.clone()));
                                html! {
                                    <li class={classes!(c.total.then_some("total"))}>
                                        <input type="checkbox" id={id.clone()} name="category"
                                            data-group={c.key.group.clone()} data-name={c.key.name.clone()}
                                            checked={props.selected.contains(&c.key)} onchange={toggle} />
                                        <label for={id}>
                                            { &c.key.name }
                                            if c.total { <span class="tag">{ "HESA total" }</span> }
                                        </label>
                                    </li>
                                }
                            }) }
                        </ul>
                    </fieldset>
                }
            }) }
        </fieldset>
    }
}
