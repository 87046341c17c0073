//! The words under the figure: title, filters in words, what was not reported, HESA's rounding
//! note and the source line.

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
    let source = c.source.strip_prefix("Source: ").unwrap_or(&c.source);
    let (table, licence) = source.rsplit_once(", ").unwrap_or((source, ""));
    html! {
        <figcaption id="figure-caption">
            <p class="caption-title">{ &c.title }</p>
            <p class="caption-filters">{ &c.filters }</p>
            if !c.not_reported.is_empty() {
                <ul class="caption-not-reported">
                    { for c.not_reported.iter().map(|s| html! { <li>{ s }</li> }) }
                </ul>
            }
            <p class="caption-rounding">{ &c.rounding }</p>
            <p class="caption-source">
                { "Source: " }
                <a href={c.source_link.clone()} rel="noopener noreferrer" target="_blank">{ table }</a>
                if !licence.is_empty() { { ", " }{ licence } }
            </p>
        </figcaption>
    }
}
