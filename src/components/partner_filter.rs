//! Where partners are chosen: a checkbox per partner, with All and None.

use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerOption {
    pub ukprn: String,
    pub short: String,
    pub name: String,
}

#[derive(Properties, PartialEq)]
pub struct PartnerFilterProps {
    pub partners: Vec<PartnerOption>,
    /// Selected UKPRNs.
    pub selected: Vec<String>,
    pub on_action: Callback<Action>,
}

pub fn partner_filter(props: &PartnerFilterProps) -> Html {
    let all = props.on_action.reform(|_: MouseEvent| Action::AllPartners);
    let none = props.on_action.reform(|_: MouseEvent| Action::NoPartners);
    let count = props.selected.len();
    html! {
        <fieldset id="partner-filter" class="filter">
            <legend>{ "Partners" }<span class="filter-count">{ format!(" ({count} of {})", props.partners.len()) }</span></legend>
            <div class="filter-actions">
                <button type="button" id="partners-all" onclick={all}>{ "All" }</button>
                <button type="button" id="partners-none" onclick={none}>{ "None" }</button>
            </div>
            <ul class="checks">
                { for props.partners.iter().map(|p| {
                    let id = format!("partner-{}", p.ukprn);
                    let ukprn = p.ukprn.clone();
                    let toggle = props.on_action.reform(move |_: Event| Action::TogglePartner(ukprn.clone()));
                    html! {
                        <li key={p.ukprn.clone()}>
                            <input type="checkbox" id={id.clone()} name="partner" value={p.ukprn.clone()}
                                checked={props.selected.contains(&p.ukprn)} onchange={toggle} />
                            <label for={id} title={p.name.clone()}>{ &p.short }</label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
