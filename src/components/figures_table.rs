//! The table view: the same figures as the chart, with the total over the selected partners and
//! not-reported cells marked.

use std::rc::Rc;

use workforce_core::view::{TableCell, TableView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiguresTableProps {
    pub table: Rc<TableView>,
    pub title: String,
}

fn cell(c: &TableCell) -> Html {
    let class = classes!("num", c.value.is_none().then_some("missing"), (!c.complete && c.value.is_some()).then_some("incomplete"));
    html! { <td {class}>{ c.text() }</td> }
}

#[component]
pub fn FiguresTable(props: &FiguresTableProps) -> Html {
    let t = &props.table;
    if t.rows.is_empty() {
        return html! { <p class="empty">{ "No figures for this selection." }</p> };
    }
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Figures table">
            <table id="figures-table">
                <caption>{ &props.title }</caption>
                <thead>
                    <tr>{ for t.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr>
                </thead>
                <tbody>
                    { for t.rows.iter().map(|r| html! {
                        <tr><th scope="row">{ &r.label }</th>{ for r.cells.iter().map(cell) }</tr>
                    }) }
                </tbody>
                if let Some(total) = &t.total {
                    <tfoot>
                        <tr><th scope="row">{ &total.label }</th>{ for total.cells.iter().map(cell) }</tr>
                    </tfoot>
                }
            </table>
        </div>
    }
}
