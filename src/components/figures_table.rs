//! The table view: the same figures as the chart, sortable by any column, with the selected
//! partners' total and the not-reported marks.

use std::cmp::Ordering;

use workforce_core::view::{Point, Status, TableView, Unit};
use yew::prelude::*;

use crate::state::TableSort;

fn cell(unit: Unit, p: &Point) -> Html {
    let class = classes!(
        "num",
        p.value.is_none().then_some("missing"),
        (p.status == Status::Incomplete).then_some("incomplete")
    );
    html! { <td {class}>{ unit.point(*p) }</td> }
}

/// The rows' positions in the order shown: as the view gives them, or by the visitor's sort.
fn sorted_rows(table: &TableView, sort: Option<&TableSort>) -> Vec<usize> {
    let Some(&TableSort { column, ascending, .. }) = sort else { return (0..table.rows.len()).collect() };
    workforce_core::sort::positions(table.rows.len(), &|a, b| {
        // Ties fall back to the row's first position: a stable order without a stable sort.
        let (ra, rb) = (&table.rows[a], &table.rows[b]);
        let ordering = if column == 0 {
            ra.label.cmp(&rb.label)
        } else {
            let value = |r: &workforce_core::view::TableRow| r.cells.get(column - 1).and_then(|c| c.value);
            // Missing figures sort last whichever the direction.
            match (value(ra), value(rb)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        };
        let ordering = if ascending { ordering } else { ordering.reverse() };
        ordering.then(a.cmp(&b))
    })
}

/// The table of `t`, titled `title`, in the visitor's order (`sort`, the state's; `on_sort` when a
/// column heading is pressed).
pub fn figures_table(t: &TableView, title: String, sort: &Option<TableSort>, on_sort: &Callback<usize>) -> Html {
    let sort = TableSort::of(sort, t);
    if t.rows.is_empty() {
        return html! { <p class="empty">{ "No figures for this selection." }</p> };
    }
    let header = |column: usize, text: &str| {
        let aria_sort = match sort {
            Some(s) if s.column == column && s.ascending => "ascending",
            Some(s) if s.column == column => "descending",
            _ => "none",
        };
        let onclick = on_sort.reform(move |_: MouseEvent| column);
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="sort" {onclick}>{ text }<span class="sort-mark" aria-hidden="true">{
                    match aria_sort { "ascending" => " ▲", "descending" => " ▼", _ => "" }
                }</span></button>
            </th>
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Figures table">
            <table id="figures-table">
                <caption>{ title }</caption>
                <thead>
                    <tr>
                        { header(0, &t.row_heading) }
                        { for t.columns.iter().enumerate().map(|(i, c)| header(i + 1, c)) }
                    </tr>
                </thead>
                <tbody>
                    { for sorted_rows(t, sort).into_iter().map(|i| {
                        let r = &t.rows[i];
                        html! { <tr><th scope="row">{ &r.label }</th>{ for r.cells.iter().map(|c| cell(t.unit, c)) }</tr> }
                    }) }
                </tbody>
                if let Some(total) = &t.total {
                    <tfoot>
                        <tr><th scope="row">{ &total.label }</th>{ for total.cells.iter().map(|c| cell(t.unit, c)) }</tr>
                    </tfoot>
                }
            </table>
        </div>
    }
}
