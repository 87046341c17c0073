//! Scale benchmark (not shipped): a deterministic 1,000,000-row dataset of the bundled data's shape
//! (provider x year x category, some figures not reported), built as a `workforce_core::Dataset`
//! through the same `Dataset::from_records` the app uses, and queried with `workforce_core::query::Query`.
//!
//! It runs in a Web Worker (bench/scale/www/core-worker.js), as FINOS Perspective runs in its own:
//! the bench page (bench/scale/www/, driven by bench/run.mjs) times each query as a round trip to
//! the worker, and feeds the very same rows to Perspective through the columnar exports below, so
//! both engines see identical data.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use workforce_core::manifest::{CategoryInfo, DatasetInfo};
use workforce_core::query::{Dim, Query};
use workforce_core::tidy::TidyRecord;
use workforce_core::Dataset;

pub const PROVIDERS: usize = 500;
pub const YEARS: usize = 20;
pub const GROUPS: [&str; 4] = ["Academic", "Non-academic", "Atypical", "Other"];
pub const CATEGORIES_PER_GROUP: usize = 25;
pub const CATEGORIES: usize = GROUPS.len() * CATEGORIES_PER_GROUP;
/// One figure in this many is not reported (`None`), as HESA leaves some cells empty.
pub const NOT_REPORTED_ONE_IN: u32 = 20;
pub const SEED: u32 = 0x5EED_2024;

/// mulberry32: a tiny deterministic generator (same sequence in any language).
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Rng {
        Rng(seed)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        t ^ (t >> 14)
    }
}

pub fn ukprn(p: usize) -> String {
    format!("{}", 10_000_000 + p)
}

pub fn provider_name(p: usize) -> String {
    format!("Provider {:03}", p + 1)
}

pub fn year(y: usize) -> String {
    let start = 2004 + y;
    format!("{start}/{:02}", (start + 1) % 100)
}

pub fn category(c: usize) -> CategoryInfo {
    CategoryInfo {
        group: GROUPS[c / CATEGORIES_PER_GROUP].to_string(),
        // unique across groups, so that a category name alone identifies it (as in the bundled data)
        name: format!("Category {:03}", c + 1),
        total: false,
    }
}

pub fn info() -> DatasetInfo {
    DatasetInfo {
        id: "generated-1m".into(),
        title: "Generated workforce table (1,000,000 rows)".into(),
        measure: "headcount".into(),
        counted: String::new(),
        file: "generated-1m.csv".into(),
        others_file: String::new(),
        coverage_file: String::new(),
        source_table: "generated".into(),
        source_title: "generated for the scale benchmark".into(),
        source_link: String::new(),
        licence: String::new(),
        notes: String::new(),
        categories: (0..CATEGORIES).map(category).collect(),
        default_categories: Vec::new(),
        year_labels: Vec::new(),
        rate_base: None,
    }
}

/// Every row, in provider, year, category order: the tidy records the app's loader would read.
pub fn records() -> Vec<TidyRecord> {
    let cats: Vec<CategoryInfo> = (0..CATEGORIES).map(category).collect();
    let years: Vec<String> = (0..YEARS).map(year).collect();
    let mut rng = Rng::new(SEED);
    let mut out = Vec::with_capacity(PROVIDERS * YEARS * CATEGORIES);
    for p in 0..PROVIDERS {
        let (key, name) = (ukprn(p), provider_name(p));
        for y in &years {
            for c in &cats {
                let r = rng.next_u32();
                let value = (r % NOT_REPORTED_ONE_IN != 0).then(|| f64::from((r >> 8) % 400 * 5));
                out.push(TidyRecord {
                    ukprn: key.clone(),
                    provider: name.clone(),
                    year: y.clone(),
                    group: c.group.clone(),
                    category: c.name.clone(),
                    value,
                    line: 0,
                });
            }
        }
    }
    out
}

thread_local! {
    static RECORDS: RefCell<Vec<TidyRecord>> = const { RefCell::new(Vec::new()) };
    static DATA: RefCell<Option<Dataset>> = const { RefCell::new(None) };
}

/// Step 1 of loading: generates the 1,000,000 tidy records (kept until `build_dataset`). Returns the count.
#[wasm_bindgen]
pub fn generate_records() -> usize {
    let records = records();
    let n = records.len();
    RECORDS.with(|r| *r.borrow_mut() = records);
    n
}

/// Step 2 of loading: builds the cube with `Dataset::from_records` (validation included) and drops
/// the records. Returns the number of cells.
#[wasm_bindgen]
pub fn build_dataset() -> Result<usize, JsError> {
    let records = RECORDS.with(|r| std::mem::take(&mut *r.borrow_mut()));
    let data = Dataset::from_records(info(), "generated-1m.csv", &records).map_err(|e| JsError::new(&e.to_string()))?;
    drop(records);
    let cells = data.providers().len() * data.years().len() * data.categories().len();
    DATA.with(|d| *d.borrow_mut() = Some(data));
    Ok(cells)
}

fn with_data<T>(f: impl FnOnce(&Dataset) -> T) -> Result<T, JsError> {
    DATA.with(|d| d.borrow().as_ref().map(f).ok_or_else(|| JsError::new("call build_dataset first")))
}

// ---- columnar export of the same rows, for Perspective (row order: provider, year, category) ----

/// Dictionary: the provider names, by provider index.
#[wasm_bindgen]
pub fn provider_names() -> Result<Vec<String>, JsError> {
    with_data(|d| d.providers().iter().map(|p| p.name.clone()).collect())
}

#[wasm_bindgen]
pub fn year_names() -> Result<Vec<String>, JsError> {
    with_data(|d| d.years().to_vec())
}

#[wasm_bindgen]
pub fn category_names() -> Result<Vec<String>, JsError> {
    with_data(|d| d.categories().iter().map(|c| c.name.clone()).collect())
}

#[wasm_bindgen]
pub fn category_groups() -> Result<Vec<String>, JsError> {
    with_data(|d| d.categories().iter().map(|c| c.group.clone()).collect())
}

/// Every row's value, NaN where not reported (one f64 per provider x year x category).
#[wasm_bindgen]
pub fn values() -> Result<Vec<f64>, JsError> {
    with_data(|d| {
        let (np, ny, nc) = (d.providers().len(), d.years().len(), d.categories().len());
        let mut out = Vec::with_capacity(np * ny * nc);
        for p in 0..np {
            for y in 0..ny {
                for c in 0..nc {
                    out.push(d.value(p, y, c).unwrap_or(f64::NAN));
                }
            }
        }
        out
    })
}

// ---- the queries ----

/// The benchmark's queries, by name (the same list drives the Perspective side in bench/scale.js):
/// each gives the providers, categories and years by name (empty = all) and the grouping.
pub struct Spec {
    pub providers: Vec<String>,
    pub categories: Vec<(String, String)>,
    pub years: Vec<String>,
    pub rows: Dim,
    pub series: Option<Dim>,
}

pub fn spec(name: &str) -> Option<Spec> {
    let all_cats = || (0..CATEGORIES).map(|c| category(c)).map(|c| (c.group, c.name)).collect::<Vec<_>>();
    let spec = match name {
        // 50 providers x 10 categories x all years, one figure per provider
        "providers50_cats10_by_provider" => Spec {
            providers: (0..50).map(|i| provider_name(i * 10)).collect(),
            categories: (0..10).map(|i| category(i * 10)).map(|c| (c.group, c.name)).collect(),
            years: vec![],
            rows: Dim::Provider,
            series: None,
        },
        // everything, one figure per year
        "all_by_year" => Spec { providers: vec![], categories: all_cats(), years: vec![], rows: Dim::Year, series: None },
        // one category group (25 categories), every provider, one figure per year
        "group_academic_by_year" => Spec {
            providers: vec![],
            categories: (0..CATEGORIES_PER_GROUP).map(category).map(|c| (c.group, c.name)).collect(),
            years: vec![],
            rows: Dim::Year,
            series: None,
        },
        // the explorer's own shape: 8 providers, one year, 2 categories, by provider split by category
        "app_like_8p_1y_2c" => Spec {
            providers: (0..8).map(|i| provider_name(i * 60)).collect(),
            categories: vec![category(0), category(CATEGORIES_PER_GROUP)].into_iter().map(|c| (c.group, c.name)).collect(),
            years: vec![year(YEARS - 1)],
            rows: Dim::Provider,
            series: Some(Dim::Category),
        },
        // the whole cube pivoted: one row per category, one column per year
        "all_by_category_x_year" => {
            Spec { providers: vec![], categories: all_cats(), years: vec![], rows: Dim::Category, series: Some(Dim::Year) }
        }
        _ => return None,
    };
    Some(spec)
}

pub const QUERIES: [&str; 5] = [
    "providers50_cats10_by_provider",
    "all_by_year",
    "group_academic_by_year",
    "app_like_8p_1y_2c",
    "all_by_category_x_year",
];

#[wasm_bindgen]
pub fn query_names() -> Vec<String> {
    QUERIES.iter().map(|s| s.to_string()).collect()
}

/// The query as JSON for the Perspective side: provider names, (group, category) pairs, years
/// (empty = all), rows and series dimension names.
#[wasm_bindgen]
pub fn query_spec_json(name: &str) -> Result<String, JsError> {
    let s = spec(name).ok_or_else(|| JsError::new("unknown query"))?;
    let list = |v: &[String]| format!("[{}]", v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(","));
    let cats = format!(
        "[{}]",
        s.categories.iter().map(|(g, n)| format!("[{g:?},{n:?}]")).collect::<Vec<_>>().join(",")
    );
    let dim = |d: Dim| match d {
        Dim::Provider => "\"provider\"",
        Dim::Year => "\"year\"",
        Dim::Category => "\"category\"",
    };
    Ok(format!(
        "{{\"providers\":{},\"categories\":{},\"years\":{},\"rows\":{},\"series\":{}}}",
        list(&s.providers),
        cats,
        list(&s.years),
        dim(s.rows),
        s.series.map_or("null", dim)
    ))
}

/// One query's finished result, as the page receives it: the row and series labels and, per cell
/// (`row * series.len() + series`), the sum of the reported figures (NaN when none was reported) and
/// how many figures were not reported.
#[wasm_bindgen]
pub struct QueryColumns {
    rows: Vec<String>,
    series: Vec<String>,
    values: Vec<f64>,
    not_reported: Vec<u32>,
}

#[wasm_bindgen]
impl QueryColumns {
    pub fn rows(&self) -> Vec<String> {
        self.rows.clone()
    }

    pub fn series(&self) -> Vec<String> {
        self.series.clone()
    }

    pub fn values(&self) -> Vec<f64> {
        self.values.clone()
    }

    pub fn not_reported(&self) -> Vec<u32> {
        self.not_reported.clone()
    }
}

fn label(d: &Dataset, dim: Dim, i: usize) -> String {
    let found = match dim {
        Dim::Provider => d.providers().get(i).map(|p| p.name.clone()),
        Dim::Year => d.years().get(i).cloned(),
        Dim::Category => d.categories().get(i).map(|c| c.name.clone()),
    };
    found.unwrap_or_default()
}

/// Runs a query by name: names resolved to the dataset's indices, then `Query::run`, then the
/// result as labelled columns (what the page needs to show it, as Perspective's `to_columns` gives).
#[wasm_bindgen]
pub fn run_query(name: &str) -> Result<QueryColumns, JsError> {
    let s = spec(name).ok_or_else(|| JsError::new("unknown query"))?;
    with_data(|d| {
        let providers: Vec<usize> = if s.providers.is_empty() {
            (0..d.providers().len()).collect()
        } else {
            s.providers.iter().filter_map(|n| d.providers().iter().position(|p| &p.name == n)).collect()
        };
        let categories: Vec<usize> = s
            .categories
            .iter()
            .filter_map(|(g, n)| d.categories().iter().position(|c| &c.group == g && &c.name == n))
            .collect();
        let years: Vec<usize> =
            if s.years.is_empty() { (0..d.years().len()).collect() } else { s.years.iter().filter_map(|y| d.year_index(y)).collect() };
        let q = Query { providers, categories, years, rows: s.rows, series: s.series };
        let result = q.run(d).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(QueryColumns {
            rows: result.rows.iter().map(|&i| label(d, s.rows, i)).collect(),
            series: match s.series {
                Some(dim) => result.series.iter().map(|&i| label(d, dim, i)).collect(),
                None => vec!["value".to_string()],
            },
            values: result.cells.iter().map(|c| c.value().unwrap_or(f64::NAN)).collect(),
            not_reported: result.cells.iter().map(|c| u32::try_from(c.missing.len()).unwrap_or(u32::MAX)).collect(),
        })
    })?
}
