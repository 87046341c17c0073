//! Comparisons: the all-UK total as a reference, the sum over the UK providers that reported (when
//! the dataset's coverage is known), and the selected partners added together.

use workforce_core::selection::Action;
use yew::prelude::*;

/// `uk`: the all-UK total is on; `uk_reported`: "UK, providers that reported" is on, or `None`
/// when the dataset has no coverage; `combine`: the selected partners are added together.
pub fn compare_options(uk: bool, uk_reported: Option<bool>, combine: bool, on_action: &Callback<Action>) -> Html {
    let toggle_uk = on_action.reform(move |_: Event| Action::SetCompareUk(!uk));
    let toggle_uk_reported = on_action.reform(move |_: Event| Action::SetCompareUkReported(!uk_reported.unwrap_or(false)));
    let toggle_combine = on_action.reform(move |_: Event| Action::SetCombine(!combine));
    html! {
        <fieldset class="filter" id="compare-options">
            <legend>{ "Compare" }</legend>
            <ul class="checks">
                <li>
                    <input type="checkbox" id="compare-uk" checked={uk} onchange={toggle_uk} />
                    <label for="compare-uk">{ "With the UK total (all providers)" }</label>
                </li>
                if let Some(on) = uk_reported {
                    <li>
                        <input type="checkbox" id="compare-uk-reported" checked={on} onchange={toggle_uk_reported} />
                        <label for="compare-uk-reported">{ "With the UK, providers that reported (their sum, not HESA's total)" }</label>
                    </li>
                }
                <li>
                    <input type="checkbox" id="combine-partners" checked={combine} onchange={toggle_combine} />
                    <label for="combine-partners">{ "Add the selected partners together" }</label>
                </li>
            </ul>
        </fieldset>
    }
}
