//! The words under the figure: every provider shown, what was not reported, HESA's rounding
//! note, the dataset's name and the source line — each from its own caption field.

use workforce_core::format::list_joint;
use workforce_core::view::Caption;
use yew::prelude::*;

pub fn figure_notes(c: &Caption) -> Html {
    let shown = c.shown();
    html! {
        <div id="figure-notes" class="figure-notes">
            if !shown.is_empty() {
                <p class="caption-providers">{ shown }</p>
            }
            if !c.notes.is_empty() {
                // Cautions on the figures (not reported, incomplete, a series break) stand out, by
                // their marker and colour, and are said to be cautions (not by colour alone); the
                // rest say what the figures are.
                <ul class="caption-notes">
                    { for c.notes.iter().map(|n| if n.caution {
                        html! { <li class="caution"><span class="visually-hidden">{ "Caution: " }</span>{ &n.text }</li> }
                    } else {
                        html! { <li>{ &n.text }</li> }
                    }) }
                </ul>
            }
            <p class="caption-rounding">{ &c.rounding }</p>
            <p class="caption-dataset">{ c.dataset_line() }</p>
            <p class="caption-source">
                { "Source: " }
                // Each table with its own link: "HESA DT051 Table 1 and HESA DT025 Table 1".
                { for c.sources.iter().enumerate().map(|(i, s)| html! { <>
                    { list_joint(i, c.sources.len()) }
                    <a href={s.link.clone()} rel="noopener noreferrer" target="_blank">{ &s.table }</a>
                </> }) }
                if !c.licence.is_empty() { { ", " }{ &c.licence } }
            </p>
        </div>
    }
}
