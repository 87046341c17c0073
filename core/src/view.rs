//! The view model: from the bundle and the selection to what the page shows — the chart's bars,
//! the table's cells and the caption's words. Every figure here comes from a [`Query`].

use std::collections::BTreeMap;

use crate::dataset::{Bundle, Dataset};
use crate::format;
use crate::palette::{self, Rgb};
use crate::query::{Cell, Dim, Query, QueryResult};
use crate::selection::{ChartKind, Selection};

/// Everything the figure area shows for one selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub chart: ChartView,
    pub table: TableView,
    pub caption: Caption,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    pub title: String,
    /// What the y axis counts, e.g. `Headcount`.
    pub y_label: String,
    /// One label per bar (partner short names).
    pub labels: Vec<String>,
    pub series: Vec<SeriesView>,
    pub stacked: bool,
    /// Set when there is nothing to draw, saying why.
    pub empty: Option<String>,
    /// A text alternative stating what the chart shows.
    pub alt: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesView {
    pub name: String,
    pub colour: Rgb,
    /// One value per label; `None` where nothing was reported.
    pub values: Vec<Option<f64>>,
    /// Whether the value at the same index leaves out figures that were not reported.
    pub incomplete: Vec<bool>,
}

impl ChartView {
    /// The height of the tallest bar or stack.
    pub fn max_value(&self) -> f64 {
        (0..self.labels.len())
            .map(|i| {
                let values = self.series.iter().filter_map(|s| s.values[i]);
                if self.stacked {
                    values.sum::<f64>()
                } else {
                    values.fold(0.0, f64::max)
                }
            })
            .fold(0.0, f64::max)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
    /// The total over the selected partners, when more than one is selected.
    pub total: Option<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub label: String,
    pub cells: Vec<TableCell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    pub value: Option<f64>,
    pub complete: bool,
}

impl TableCell {
    fn of(cell: &Cell) -> TableCell {
        TableCell { value: cell.value(), complete: cell.is_complete() }
    }

    /// `16,125`, `12,345 (incomplete)` or `not reported`.
    pub fn text(&self) -> String {
        match (self.value, self.complete) {
            (None, _) => "not reported".to_string(),
            (Some(v), true) => format::number(v),
            (Some(v), false) => format!("{} (incomplete)", format::number(v)),
        }
    }
}

/// The words under the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub title: String,
    /// The filters in words.
    pub filters: String,
    /// `Source: HESA DT025 Table 1, CC BY 4.0`.
    pub source: String,
    pub source_link: String,
    pub rounding: String,
    /// One sentence per group of figures not reported.
    pub not_reported: Vec<String>,
}

pub const ROUNDING_NOTE: &str = "HESA rounds each figure to the nearest multiple of 5, so totals may differ from the sum of their parts.";

/// Builds the figure for a selection.
pub fn figure(bundle: &Bundle, selection: &Selection) -> Figure {
    let data = selection.dataset(bundle);
    let names = Names::new(bundle, data);
    let providers: Vec<usize> = selection.partners.iter().filter_map(|u| data.provider_index(u)).collect();
    let categories: Vec<usize> = selection.categories.iter().filter_map(|k| data.category_index(k)).collect();
    let year = data.year_index(&selection.year).or(data.years().len().checked_sub(1));
    let years: Vec<usize> = year.into_iter().collect();
    let year_text = year.map(|y| data.years()[y].clone()).unwrap_or_default();

    let title = format!("{}, {}", data.info.title, year_text);
    let caption = Caption {
        title: title.clone(),
        filters: filters_in_words(bundle, data, &providers, &categories, &year_text),
        source: format!("Source: HESA {}, {}", data.info.source_table, data.info.licence),
        source_link: data.info.source_link.clone(),
        rounding: ROUNDING_NOTE.to_string(),
        not_reported: Vec::new(),
    };
    let empty_reason = if providers.is_empty() {
        Some("Choose at least one partner to see figures.")
    } else if categories.is_empty() {
        Some("Choose at least one category to see figures.")
    } else if years.is_empty() {
        Some("This dataset has no years.")
    } else {
        None
    };
    let y_label = measure_label(&data.info.measure);
    if let Some(reason) = empty_reason {
        return empty_figure(title, y_label, reason.to_string(), caption);
    }

    let stacked = selection.chart == ChartKind::Stacked;
    let query = Query {
        providers,
        categories,
        years,
        rows: Dim::Provider,
        series: stacked.then_some(Dim::Category),
    };
    // The selection never holds a total with its own parts; if it somehow did, say so.
    let result = match query.run(data) {
        Ok(r) => r,
        Err(e) => return empty_figure(title, y_label, format!("These categories cannot be combined: {e}."), caption),
    };

    let labels: Vec<String> = result.rows.iter().map(|&p| names.provider(p)).collect();
    let series: Vec<SeriesView> = if stacked {
        result
            .series
            .iter()
            .enumerate()
            .map(|(s, &c)| SeriesView {
                name: data.categories()[c].label(),
                colour: palette::series_colour(s),
                values: (0..labels.len()).map(|r| result.cell(r, s).value()).collect(),
                incomplete: (0..labels.len()).map(|r| !result.cell(r, s).is_complete()).collect(),
            })
            .collect()
    } else {
        vec![SeriesView {
            name: summed_name(data, &query.categories),
            colour: palette::SINGLE,
            values: (0..labels.len()).map(|r| result.row_total(r).value()).collect(),
            incomplete: (0..labels.len()).map(|r| !result.row_total(r).is_complete()).collect(),
        }]
    };
    let chart = ChartView {
        alt: alt_text(&title, &y_label, stacked, &labels, &series),
        title,
        y_label,
        labels,
        series,
        stacked,
        empty: None,
    };
    let table = table_view(data, &names, &query, &result);
    let mut caption = caption;
    caption.not_reported = not_reported(data, &names, &result);
    Figure { chart, table, caption }
}

/// A figure with nothing to draw, saying why.
fn empty_figure(title: String, y_label: String, reason: String, caption: Caption) -> Figure {
    Figure {
        chart: ChartView {
            title,
            y_label,
            labels: Vec::new(),
            series: Vec::new(),
            stacked: false,
            empty: Some(reason.clone()),
            alt: reason,
        },
        table: TableView { columns: Vec::new(), rows: Vec::new(), total: None },
        caption,
    }
}

fn table_view(data: &Dataset, names: &Names, query: &Query, result: &QueryResult) -> TableView {
    let split = query.series.is_some();
    let mut columns = vec!["Partner".to_string()];
    if split {
        columns.extend(result.series.iter().map(|&c| data.categories()[c].label()));
    }
    if !split || result.series.len() > 1 {
        columns.push(if split { "All selected categories".to_string() } else { summed_name(data, &query.categories) });
    }
    let row_cells = |r: usize| -> Vec<TableCell> {
        let mut cells: Vec<TableCell> = Vec::new();
        if split {
            cells.extend((0..result.series.len()).map(|s| TableCell::of(result.cell(r, s))));
        }
        if !split || result.series.len() > 1 {
            cells.push(TableCell::of(&result.row_total(r)));
        }
        cells
    };
    let rows: Vec<TableRow> =
        result.rows.iter().enumerate().map(|(r, &p)| TableRow { label: names.provider(p), cells: row_cells(r) }).collect();
    let total = (result.rows.len() > 1).then(|| {
        let mut cells: Vec<TableCell> = Vec::new();
        if split {
            cells.extend((0..result.series.len()).map(|s| TableCell::of(&result.series_total(s))));
        }
        if !split || result.series.len() > 1 {
            cells.push(TableCell::of(&result.grand_total()));
        }
        TableRow { label: "All selected partners".to_string(), cells }
    });
    TableView { columns, rows, total }
}

/// Sentences naming what was not reported, grouping providers that left out the same figures.
fn not_reported(data: &Dataset, names: &Names, result: &QueryResult) -> Vec<String> {
    let mut by_provider: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for m in result.cells.iter().flat_map(|c| &c.missing) {
        let (cats, years) = by_provider.entry(m.provider).or_default();
        if !cats.contains(&m.category) {
            cats.push(m.category);
        }
        if !years.contains(&m.year) {
            years.push(m.year);
        }
    }
    let mut groups: Vec<((Vec<usize>, Vec<usize>), Vec<usize>)> = Vec::new();
    for (provider, (mut cats, mut years)) in by_provider {
        cats.sort_unstable();
        years.sort_unstable();
        match groups.iter_mut().find(|(k, _)| k.0 == cats && k.1 == years) {
            Some((_, providers)) => providers.push(provider),
            None => groups.push(((cats, years), vec![provider])),
        }
    }
    let row_order = |p: &usize| result.rows.iter().position(|r| r == p);
    groups.sort_by_key(|(_, providers)| providers.iter().map(row_order).min().flatten());
    groups
        .into_iter()
        .map(|((cats, years), providers)| {
            let who: Vec<String> = providers.iter().map(|&p| names.provider(p)).collect();
            let what: Vec<String> = cats.iter().map(|&c| data.categories()[c].label()).collect();
            let when: Vec<&str> = years.iter().map(|&y| data.years()[y].as_str()).collect();
            format!(
                "Not reported: {} did not report {} for {}. Totals that include {} are incomplete.",
                format::list(&who),
                format::list(&what),
                format::list(&when),
                if who.len() == 1 { "it" } else { "them" }
            )
        })
        .collect()
}

fn filters_in_words(bundle: &Bundle, data: &Dataset, providers: &[usize], categories: &[usize], year: &str) -> String {
    let partners = if providers.len() == bundle.manifest.partners.len() && !providers.is_empty() {
        format!("all {} Midlands Innovation partners", bundle.manifest.partners.len())
    } else if providers.is_empty() {
        "no partners".to_string()
    } else {
        let names = Names::new(bundle, data);
        format::list(&providers.iter().map(|&p| names.provider(p)).collect::<Vec<_>>())
    };
    let cats: Vec<String> = categories.iter().map(|&c| data.categories()[c].label()).collect();
    let cats = if cats.is_empty() { "no categories".to_string() } else { format::list(&cats) };
    format!("{} in {year} for {partners}: {cats}.", measure_label(&data.info.measure))
}

fn summed_name(data: &Dataset, categories: &[usize]) -> String {
    match categories {
        [one] => data.categories()[*one].label(),
        _ => format!("{} of {} categories", measure_label(&data.info.measure), categories.len()),
    }
}

/// `headcount` -> `Headcount`, `FTE` -> `FTE`, `students` -> `Students`.
pub fn measure_label(measure: &str) -> String {
    let mut chars = measure.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn alt_text(title: &str, y_label: &str, stacked: bool, labels: &[String], series: &[SeriesView]) -> String {
    let kind = if stacked { "Stacked bar chart" } else { "Bar chart" };
    let mut out = format!("{kind}: {title} ({y_label}).");
    for (i, label) in labels.iter().enumerate() {
        let parts: Vec<String> = series
            .iter()
            .map(|s| {
                let mut text = format::figure(s.values[i]);
                if s.values[i].is_some() && s.incomplete[i] {
                    text.push_str(" (incomplete)");
                }
                if series.len() > 1 {
                    format!("{} {}", s.name, text)
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&format!(" {label}: {}.", parts.join("; ")));
    }
    out
}

/// Display names: partners by short name, other providers by HESA's name.
struct Names<'a> {
    bundle: &'a Bundle,
    data: &'a Dataset,
}

impl<'a> Names<'a> {
    fn new(bundle: &'a Bundle, data: &'a Dataset) -> Self {
        Names { bundle, data }
    }

    fn provider(&self, index: usize) -> String {
        let Some(p) = self.data.providers().get(index) else { return String::new() };
        match self.bundle.manifest.partners.iter().find(|m| m.ukprn == p.key) {
            Some(partner) => partner.short.clone(),
            None => p.name.clone(),
        }
    }
}
