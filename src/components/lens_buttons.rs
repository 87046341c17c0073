//! Named views in one click: a button per lens the bundle can show (the technical workforce),
//! pressed while its view is on. What a lens counts is said in the caption's notes.

use workforce_core::lens::Lens;
use workforce_core::selection::Action;
use yew::prelude::*;

/// `lenses`: the lenses the data can show, each with whether its view is on.
pub fn lens_buttons(lenses: &[(Lens, bool)], on_action: &Callback<Action>) -> Html {
    if lenses.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="filter lens-buttons" id="lens-buttons">
            <legend>{ "Views" }</legend>
            { for lenses.iter().map(|&(lens, on)| {
                let apply = on_action.reform(move |_: MouseEvent| Action::ApplyLens(lens));
                html! {
                    <>
                        <button type="button" id={format!("lens-{}", lens.id())} aria-pressed={on.to_string()} onclick={apply}>{ lens.label() }</button>
                        <p class="filter-hint">{ hint(lens) }</p>
                    </>
                }
            }) }
        </fieldset>
    }
}

/// One line under the button: what the view shows.
fn hint(lens: Lens) -> &'static str {
    match lens {
        Lens::Technical => "Non-academic associate professional staff (SOC group 3), where HESA places technicians: every partner, every year.",
    }
}
