//! A visitor's own HESA downloads, opened in the browser (nothing is uploaded): any table in the
//! "download this table" format becomes a dataset that explores like the bundled ones. Files of
//! one table for several years combine into one dataset with a year dimension.
//!
//! Columns mean what [`crate::table_specs`] says for the bundled tables; for any other table they
//! are read from the file: Staff Table 1's repeated labels become groups, and a column named
//! "Total…" is taken as a published total only where the figures show it is one.

use workforce_core::dataset::Dataset;
use workforce_core::error::DataError;
use crate::hesa::{self, HesaTable};
use workforce_core::manifest::{CategoryInfo, CategoryKey, DatasetInfo, UK_TOTAL_KEY};
use crate::refresh::UK_TOTAL_NAME;
use crate::table_specs;
use workforce_core::tidy::TidyRecord;

pub use workforce_core::MAX_FILE_BYTES;

/// An opened table, ready to cross from the importer (a web worker) to the page: the dataset's
/// description and its figures in the compact wide form.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub info: DatasetInfo,
    pub wide: String,
}

/// Builds one dataset from one or more downloads of the same table (one per year).
pub fn dataset_from_files(files: &[(String, Vec<u8>)]) -> Result<Dataset, DataError> {
    into_dataset(&import(files)?)
}

/// The dataset an import describes (on the page: no HESA parsing needed there).
pub fn into_dataset(imported: &Imported) -> Result<Dataset, DataError> {
    let file = "your file";
    let records = workforce_core::wide::read(file, &imported.wide, &imported.info.categories)?;
    let mut data = Dataset::from_records(imported.info.clone(), file, &records)?;
    data.all_providers = true;
    Ok(data)
}

/// Encodes an import as text for the trip from the worker: three CSV lines (the description, the
/// categories as `group|name|total`, the default categories as `group|name`), a blank line, then
/// the wide CSV.
pub fn encode(imported: &Imported) -> String {
    let i = &imported.info;
    let line = |fields: Vec<String>| {
        let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        let _ = w.write_record(&fields);
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    };
    let mut out = line(vec![
        i.id.clone(), i.title.clone(), i.measure.clone(), i.source_table.clone(), i.source_title.clone(),
        i.source_link.clone(), i.licence.clone(), i.notes.clone(),
    ]);
    out.push_str(&line(i.categories.iter().map(|c| format!("{}|{}|{}", c.group, c.name, c.total)).collect()));
    out.push_str(&line(i.default_categories.iter().map(|k| format!("{}|{}", k.group, k.name)).collect()));
    out.push('\n');
    out.push_str(&imported.wide);
    out
}

/// Reads what [`encode`] wrote.
pub fn decode(text: &str) -> Result<Imported, DataError> {
    let bad = || DataError::new("(import)", "expected an imported table from the importer");
    let (head, wide) = text.split_once("\n\n").ok_or_else(bad)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(head.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().map_err(|_| bad())?;
    let [info, categories, defaults] = records.as_slice() else { return Err(bad()) };
    let f = |k: usize| info.get(k).unwrap_or("").to_string();
    let categories = categories
        .iter()
        .map(|c| {
            let mut parts = c.rsplitn(2, '|');
            let total = parts.next() == Some("true");
            let (group, name) = parts.next().unwrap_or("").split_once('|').unwrap_or(("", ""));
            CategoryInfo { group: group.to_string(), name: name.to_string(), total }
        })
        .collect();
    let default_categories = defaults
        .iter()
        .filter(|d| !d.is_empty())
        .map(|d| {
            let (group, name) = d.split_once('|').unwrap_or(("", d));
            CategoryKey { group: group.to_string(), name: name.to_string() }
        })
        .collect();
    let info = DatasetInfo {
        id: f(0), title: f(1), measure: f(2), file: String::new(), others_file: String::new(), source_table: f(3),
        source_title: f(4), source_link: f(5), licence: f(6), notes: f(7), categories, default_categories,
    };
    Ok(Imported { info, wide: wide.to_string() })
}

/// Reads one or more downloads of the same table (one per year) into an [`Imported`] table.
pub fn import(files: &[(String, Vec<u8>)]) -> Result<Imported, DataError> {
    let Some((first_name, _)) = files.first() else {
        return Err(DataError::new("(no file)", "expected at least one file"));
    };
    let mut tables: Vec<HesaTable> = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(DataError::new(
                name,
                format!("is {} MB: too large for a HESA table download (at most {} MB)", bytes.len() / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024)),
            ));
        }
        let table = hesa::parse(name, bytes)?;
        if let Some(first) = tables.first() {
            if table_key(&table) != table_key(first) {
                return Err(DataError::new(
                    name,
                    format!("is {:?}, not the same table as {} ({:?}): open one table at a time", table_key(&table), first.file, table_key(first)),
                ));
            }
            if table.columns != first.columns {
                return Err(DataError::at(name, table.header_line, None, format!("expected the same columns as {}", first.file)));
            }
        }
        if let Some(other) = tables.iter().find(|t| t.year == table.year) {
            return Err(DataError::new(name, format!("holds {} again: {} already has that year", table.year, other.file)));
        }
        tables.push(table);
    }
    tables.sort_by(|a, b| a.year.cmp(&b.year));
    let newest = &tables[tables.len() - 1];
    let (categories, defaults) = match table_specs::spec_for(&newest.meta.reference_id) {
        Some(spec) => {
            spec.check_columns(newest)?;
            (spec.categories(), spec.default_categories())
        }
        None => infer_categories(&tables),
    };
    let mut records = Vec::new();
    for table in &tables {
        for row in table.providers.iter().chain(table.total.iter()) {
            let (ukprn, provider) = match &row.ukprn {
                Some(u) => (u.clone(), row.name.clone()),
                None => (UK_TOTAL_KEY.to_string(), UK_TOTAL_NAME.to_string()),
            };
            for (category, value) in categories.iter().zip(&row.values) {
                records.push(TidyRecord {
                    ukprn: ukprn.clone(),
                    provider: provider.clone(),
                    year: table.year.clone(),
                    group: category.group.clone(),
                    category: category.name.clone(),
                    value: *value,
                    line: row.line,
                });
            }
        }
    }
    let meta = &newest.meta;
    let title = meta.title.split_once(" - ").map_or(meta.title.as_str(), |(_, t)| t).trim().to_string();
    let reference = if meta.reference_id.is_empty() { "table".to_string() } else { meta.reference_id.clone() };
    let names: Vec<&str> = tables.iter().map(|t| t.file.as_str()).collect();
    let info = DatasetInfo {
        id: format!("own-{}", workforce_core::url_state::slug(&reference)),
        title: if title.is_empty() { first_name.clone() } else { title.clone() },
        measure: guess_measure(&title),
        file: String::new(),
        others_file: String::new(),
        source_table: reference,
        source_title: title,
        source_link: meta.source_link.clone(),
        licence: if meta.licence.contains("Creative Commons Attribution 4.0") { "CC BY 4.0".to_string() } else { meta.licence.clone() },
        notes: format!("Opened from your file{}: {}. Read in this browser; nothing was uploaded.", if names.len() == 1 { "" } else { "s" }, workforce_core::format::list(&names)),
        categories,
        default_categories: defaults,
    };
    // Check the figures once here, where the files' own names and lines are known.
    Dataset::from_records(info.clone(), first_name, &records)?;
    records.sort_by(|a, b| (&a.ukprn, &a.year).cmp(&(&b.ukprn, &b.year)));
    let wide = workforce_core::wide::write(&info.categories, &records);
    Ok(Imported { info, wide })
}

/// What identifies a table across years.
fn table_key(t: &HesaTable) -> String {
    if t.meta.reference_id.is_empty() {
        t.meta.title.clone()
    } else {
        t.meta.reference_id.clone()
    }
}

fn guess_measure(title: &str) -> String {
    let lower = title.to_lowercase();
    if lower.contains("fte") || lower.contains("full-time equivalent") {
        "FTE".into()
    } else if lower.contains("student") || lower.contains("enrolment") || lower.contains("qualifi") {
        "students".into()
    } else if lower.contains("staff") {
        "headcount".into()
    } else {
        "number".into()
    }
}

/// Categories for a table the explorer does not know. Blocks of repeated labels become groups
/// (named after their "Total …" column where there is one). A "Total…" column is a group's total
/// only if, in every row with all figures, it equals the sum of its block's other columns within
/// HESA's rounding; the table's total if it equals the sum of everything else. Any other
/// "Total…" column is an ordinary category outside the groups, so no total double counts it.
fn infer_categories(tables: &[HesaTable]) -> (Vec<CategoryInfo>, Vec<CategoryKey>) {
    let columns = &tables[0].columns;
    let n = columns.len();
    let blocks = columns.iter().map(|c| c.block).max().unwrap_or(0) + 1;
    let candidate: Vec<bool> = columns.iter().map(|c| c.label.to_lowercase().starts_with("total")).collect();
    let block_name = |b: usize| -> String {
        if blocks == 1 {
            return String::new();
        }
        columns
            .iter()
            .filter(|c| c.block == b)
            .find_map(|c| c.label.strip_prefix("Total ").map(|rest| capitalise(rest.trim_end_matches(" staff"))))
            .unwrap_or_else(|| format!("Group {}", b + 1))
    };
    let mut categories: Vec<CategoryInfo> =
        columns.iter().map(|c| CategoryInfo { group: block_name(c.block), name: c.label.clone(), total: false }).collect();
    // Group totals.
    for i in (0..n).filter(|&i| candidate[i]) {
        let parts: Vec<usize> = (0..n).filter(|&j| columns[j].block == columns[i].block && !candidate[j]).collect();
        if blocks > 1 && sums_to(tables, i, &parts) {
            categories[i].total = true;
        }
    }
    // The table's total: the sum of every column that is not a total.
    let unconfirmed: Vec<usize> = (0..n).filter(|&i| candidate[i] && !categories[i].total).collect();
    for i in unconfirmed {
        let parts: Vec<usize> = (0..n).filter(|&j| j != i && !categories[j].total).collect();
        if sums_to(tables, i, &parts) {
            categories[i].total = true;
            categories[i].group = String::new();
        }
    }
    // "Total…" columns that total nothing: ordinary categories, outside the groups.
    for (i, category) in categories.iter_mut().enumerate() {
        if candidate[i] && !category.total {
            category.group = String::new();
        }
    }
    let defaults = match categories.iter().rev().find(|c| c.total && c.group.is_empty()).or_else(|| categories.first()) {
        Some(c) => vec![c.key()],
        None => Vec::new(),
    };
    (categories, defaults)
}

/// Whether column `total` equals the sum of `parts` (within rounding) in every complete row, and
/// at least one row shows it.
fn sums_to(tables: &[HesaTable], total: usize, parts: &[usize]) -> bool {
    if parts.is_empty() {
        return false;
    }
    let tolerance = 2.5 * (parts.len() + 1) as f64 + 1e-9;
    let mut checked = 0;
    for row in tables.iter().flat_map(|t| &t.providers) {
        let Some(t) = row.values.get(total).copied().flatten() else { continue };
        let sum: Option<f64> = parts.iter().map(|&j| row.values.get(j).copied().flatten()).sum();
        let Some(sum) = sum else { continue };
        if (t - sum).abs() > tolerance {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
