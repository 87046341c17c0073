//! The words under the figure: the title and period, what is counted, every provider shown, what
//! was not reported, HESA's rounding note and the source line — each from its own caption field.

use std::rc::Rc;

use workforce_core::view::Caption;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureCaptionProps {
    pub caption: Rc<Caption>,
}

#[component]
pub fn FigureCaption(props: &FigureCaptionProps) -> Html {
    let c = &props.caption;
    let shown = c.shown();
    html! {
        <figcaption id="figure-caption">
            <p class="caption-title">{ c.heading() }</p>
            <p class="caption-subtitle">{ &c.subtitle }</p>
            if !shown.is_empty() {
                <p class="caption-providers">{ shown }</p>
            }
            if !c.notes.is_empty() {
                <ul class="caption-not-reported">
                    { for c.notes.iter().map(|s| html! { <li>{ s }</li> }) }
                </ul>
            }
            <p class="caption-rounding">{ &c.rounding }</p>
            <p class="caption-source">
                { "Source: " }
                <a href={c.source_link.clone()} rel="noopener noreferrer" target="_blank">{ &c.source_table }</a>
                if !c.licence.is_empty() { { ", " }{ &c.licence } }
            </p>
        </figcaption>
    }
}
