//! The words above the figure: the title built from the selection (what, measure, who, when) as
//! the figure's heading, and the subtitle saying what is counted and how, in plain words. The
//! notes and the source are under the figure ([`super::figure_notes`]).

use workforce_core::view::Caption;
use yew::prelude::*;

pub fn figure_caption(c: &Caption, title: bool) -> Html {
    html! {
        <figcaption id="figure-caption">
            if title {
                <h2 class="caption-title">{ c.heading() }</h2>
            }
            <p class="caption-subtitle">{ &c.subtitle }</p>
        </figcaption>
    }
}
