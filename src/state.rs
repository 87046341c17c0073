//! The explorer's one piece of state and its reducer. Transitions live in
//! `workforce_core::selection` (tested natively); this adapts them to Yew.

use std::rc::Rc;

use workforce_core::selection::{Action, Selection};
use workforce_core::view::{self, Caption, ChartView, Figure, TableView};
use workforce_core::Bundle;
use yew::Reducible;

#[derive(Debug, Clone)]
pub struct State {
    pub bundle: Rc<Bundle>,
    pub selection: Selection,
    /// The figure for `selection`, computed once per change and shared with the components.
    pub chart: Rc<ChartView>,
    pub table: Rc<TableView>,
    pub caption: Rc<Caption>,
}

/// The figure's parts, each behind its own `Rc` so a component re-renders only when its part changes.
fn parts(figure: Figure) -> (Rc<ChartView>, Rc<TableView>, Rc<Caption>) {
    (Rc::new(figure.chart), Rc::new(figure.table), Rc::new(figure.caption))
}

impl State {
    pub fn new(bundle: Rc<Bundle>) -> State {
        let selection = Selection::initial(&bundle);
        let (chart, table, caption) = parts(view::figure(&bundle, &selection));
        State { bundle, selection, chart, table, caption }
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.selection == other.selection
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let selection = self.selection.apply(&self.bundle, action);
        if selection == self.selection {
            return self;
        }
        // Only the tab changed: the figures are the same.
        if (Selection { tab: self.selection.tab, ..selection.clone() }) == self.selection {
            return Rc::new(State { selection, ..(*self).clone() });
        }
        let (chart, table, caption) = parts(view::figure(&self.bundle, &selection));
        Rc::new(State { bundle: self.bundle.clone(), selection, chart, table, caption })
    }
}
