//! Staff Table 22's stocks and flows: academic staff at the start of the year, starters,
//! leavers and staff at the end of the year. They never add up to anything (a chart of several
//! is grouped, never stacked or summed); they give rates per 100 staff at the start of the year
//! (a [`Measure::PerHundred`] of the dataset's `rate_base`) and the net change, starters minus
//! leavers ([`Measure::NetFlow`]).

use crate::dataset::Dataset;
use crate::manifest::DatasetInfo;
use crate::selection::{ChartKind, Measure, Selection};

/// The name of the net change on charts, tables and the measure picker.
pub const NET_FLOW_NAME: &str = "Net change (starters − leavers)";

/// The flows' category indices in a dataset that has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowParts {
    pub start: usize,
    pub starters: usize,
    pub leavers: usize,
}

/// Whether a dataset's categories are stocks and flows (it has a "per 100" base of its own):
/// they must not be stacked or summed together.
pub fn is_flows(info: &DatasetInfo) -> bool {
    info.rate_base_index().is_some()
}

/// The start-of-year base, starters and leavers of a flows dataset.
pub fn flow_parts(data: &Dataset) -> Option<FlowParts> {
    let start = data.info.rate_base_index()?;
    let find = |name: &str| data.categories().iter().position(|c| c.name == name && !c.total);
    Some(FlowParts { start, starters: find("Starters")?, leavers: find("Leavers")? })
}

/// `Academic staff at the start of the year` -> `academic staff at the start of the year`.
pub fn rate_base_words(name: &str) -> String {
    // ASCII case only, as the titles' words (no Unicode case tables in the page).
    let mut out = name.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// Why a chart of a flows dataset cannot be drawn: it would add several of its categories
/// together (plain bars, or a line per provider), which mean nothing summed.
pub fn not_summable(data: &Dataset, selection: &Selection, categories: usize) -> Option<&'static str> {
    let sums_categories = match selection.chart {
        ChartKind::Bars => true,
        ChartKind::Trend => !selection.trend_by_category(),
        ChartKind::Grouped | ChartKind::Stacked => false,
    };
    (is_flows(&data.info) && categories > 1 && sums_categories && selection.measure != Measure::NetFlow).then_some(
        "Staff at the start of the year, starters, leavers and staff at the end of the year do not add up: choose one of them, grouped bars, or \"Net change\" under Show.",
    )
}
