//! The table view: the same figures as the chart, sortable by any column, with the selected
//! partners' total and the not-reported marks.

use std::cmp::Ordering;
use std::rc::Rc;

use workforce_core::view::{Point, Status, TableView, Unit};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiguresTableProps {
    pub table: Rc<TableView>,
    pub title: String,
}

fn cell(unit: Unit, p: &Point) -> Html {
    let class = classes!(
        "num",
        p.value.is_none().then_some("missing"),
        (p.status == Status::Incomplete).then_some("incomplete")
    );
    html! { <td {class}>{ unit.point(*p) }</td> }
}

/// `None`: file order. `Some((column, ascending))`: column 0 is the row label.
type Sort = Option<(usize, bool)>;

fn sorted_rows(table: &TableView, sort: Sort) -> Vec<usize> {
    let Some((column, ascending)) = sort else { return (0..table.rows.len()).collect() };
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

#[component]
pub fn FiguresTable(props: &FiguresTableProps) -> Html {
    let sort = use_state(|| None::<(usize, bool)>);
    {
        // A different table (other columns) starts in its own order.
        let sort = sort.clone();
        use_effect_with(props.table.columns.clone(), move |_| sort.set(None));
    }
    let t = &props.table;
    if t.rows.is_empty() {
        return html! { <p class="empty">{ "No figures for this selection." }</p> };
    }
    let header = |column: usize, text: &str| {
        let state = *sort;
        let aria_sort = match state {
            Some((c, true)) if c == column => "ascending",
            Some((c, false)) if c == column => "descending",
            _ => "none",
        };
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let next = match state {
                Some((c, asc)) if c == column => Some((column, !asc)),
                // Figures sort largest first; names A to Z.
                _ => Some((column, column == 0)),
            };
            sort.set(next);
        });
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
                <caption>{ &props.title }</caption>
                <thead>
                    <tr>
                        { header(0, &t.row_heading) }
                        { for t.columns.iter().enumerate().map(|(i, c)| header(i + 1, c)) }
                    </tr>
                </thead>
                <tbody>
                    { for sorted_rows(t, *sort).into_iter().map(|i| {
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
