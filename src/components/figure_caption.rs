//! The words above the figure: the title built from the selection (what, measure, who, when) as
//! the figure's heading, and the subtitle saying what is counted and how, in plain words. The
//! notes and the source are under the figure ([`super::FigureNotes`]).

use std::rc::Rc;

use workforce_core::view::Caption;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureCaptionProps {
    pub caption: Rc<Caption>,
    /// False in an embed, whose heading (above) is already the figure's title.
    #[prop_or(true)]
    pub title: bool,
}

#[component]
pub fn FigureCaption(props: &FigureCaptionProps) -> Html {
    let c = &props.caption;
    html! {
        <figcaption id="figure-caption">
            if props.title {
                <h2 class="caption-title">{ c.heading() }</h2>
            }
            <p class="caption-subtitle">{ &c.subtitle }</p>
        </figcaption>
    }
}
