//! A visitor's own HESA downloads, opened in the browser (nothing is uploaded): any table in the
//! "download this table" format becomes a dataset that explores like the bundled ones. Files of
//! one table for several years combine into one dataset with a year dimension.
//!
//! Columns mean what [`crate::table_specs`] says for the bundled tables; for any other table they
//! are read from the file: Staff Table 1's repeated labels become groups, and a column named
//! "Total…" is taken as a published total only where the figures show it is one.

use std::collections::HashMap;

use workforce_core::dataset::Dataset;
use workforce_core::error::{DataError, ErrorKind};
use workforce_core::manifest::{CategoryInfo, CategoryKey, DatasetInfo, YearLabels, UK_TOTAL_KEY};
use workforce_core::tidy::TidyRecord;

use crate::hesa::{self, HesaTable};
use crate::refresh::UK_TOTAL_NAME;
use crate::table_specs;

pub use workforce_core::MAX_FILE_BYTES;

/// Reads one or more downloads of the same table (one per year) into one dataset (with every
/// provider). Each file's figures are checked under that file's own name and lines.
pub fn import(files: &[(String, Vec<u8>)]) -> Result<Dataset, DataError> {
    let Some((first_name, _)) = files.first() else {
        return Err(DataError::new("(no file)", ErrorKind::NoFiles));
    };
    let mut tables: Vec<HesaTable> = Vec::with_capacity(files.len());
    let mut years: HashMap<String, usize> = HashMap::new();
    for (name, bytes) in files {
        if bytes.len() > MAX_FILE_BYTES {
            let kind = ErrorKind::TooLarge { megabytes: bytes.len() / (1024 * 1024), max_megabytes: MAX_FILE_BYTES / (1024 * 1024) };
            return Err(DataError::new(name, kind));
        }
        let table = hesa::parse(name, bytes)?;
        if let Some(first) = tables.first() {
            if table_key(&table) != table_key(first) {
                let kind = ErrorKind::DifferentTable { found: table_key(&table), expected: table_key(first), other_file: first.file.clone() };
                return Err(DataError::new(name, kind));
            }
            // A bundled table's headers may change from year to year (salary bands, named
            // years): its spec checks each file below; any other table must repeat its columns.
            if table.columns != first.columns && table_specs::spec_for(&table.meta.reference_id).is_none() {
                return Err(DataError::at(name, table.header_line, None, ErrorKind::DifferentColumns { other_file: first.file.clone() }));
            }
        }
        if let Some(&other) = years.get(&table.year) {
            let other_file = tables.get(other).map(|t| t.file.clone()).unwrap_or_default();
            return Err(DataError::new(name, ErrorKind::DuplicateYear { year: table.year.clone(), other_file }));
        }
        years.insert(table.year.clone(), tables.len());
        tables.push(table);
    }
    tables.sort_by(|a, b| a.year.cmp(&b.year));
    let newest = &tables[tables.len() - 1];
    let mut year_labels = Vec::new();
    let mut rate_base = None;
    let mut counted = String::new();
    let (categories, defaults) = match table_specs::spec_for(&newest.meta.reference_id) {
        Some(spec) => {
            for table in &tables {
                let labels = spec.check_columns(table)?;
                if labels.iter().any(|l| !l.is_empty()) {
                    year_labels.push(YearLabels { year: table.year.clone(), labels });
                }
            }
            rate_base = spec.rate_base();
            counted = spec.counted.to_string();
            (spec.categories(), spec.default_categories())
        }
        None => infer_categories(&tables),
    };
    let mut by_table: Vec<Vec<TidyRecord>> = Vec::with_capacity(tables.len());
    for table in &tables {
        let mut records = Vec::with_capacity((table.providers.len() + 1) * categories.len());
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
        by_table.push(records);
    }
    let meta = &newest.meta;
    let title = meta.title.split_once(" - ").map_or(meta.title.as_str(), |(_, t)| t).trim().to_string();
    let reference = if meta.reference_id.is_empty() { "table".to_string() } else { meta.reference_id.clone() };
    let names: Vec<&str> = tables.iter().map(|t| t.file.as_str()).collect();
    let info = DatasetInfo {
        id: format!("own-{}", workforce_core::slug::slug(&reference)),
        title: if title.is_empty() { first_name.clone() } else { title.clone() },
        measure: guess_measure(&title),
        counted,
        file: String::new(),
        others_file: String::new(),
        coverage_file: String::new(),
        source_table: reference,
        source_title: title,
        source_link: meta.source_link.clone(),
        licence: if meta.licence.contains("Creative Commons Attribution 4.0") { "CC BY 4.0".to_string() } else { meta.licence.clone() },
        notes: format!("Opened from your file{}: {}. Read in this browser; nothing was uploaded.", if names.len() == 1 { "" } else { "s" }, workforce_core::format::list(&names)),
        categories,
        default_categories: defaults,
        year_labels,
        rate_base,
    };
    // The figures are checked where a file's own name and lines are known: with one file, as the
    // cube is built; with several, file by file first (the combined cube adds only other years).
    let file = match tables.as_slice() {
        [only] => only.file.as_str(),
        _ => {
            for (table, records) in tables.iter().zip(&by_table) {
                Dataset::from_records(info.clone(), &table.file, records).map_err(|e| in_download(e, &info.categories))?;
            }
            "(your files)"
        }
    };
    let mut records: Vec<TidyRecord> = by_table.into_iter().flatten().collect();
    records.sort_by(|a, b| (&a.ukprn, &a.year).cmp(&(&b.ukprn, &b.year)));
    let categories = info.categories.clone();
    let mut data = Dataset::from_records(info, file, &records).map_err(|e| in_download(e, &categories))?;
    data.all_providers = true;
    Ok(data)
}

/// An error from checking the figures, with the column of the download (not of the tidy form):
/// a total's own column, or none where the figure's column is not known.
fn in_download(mut err: DataError, categories: &[CategoryInfo]) -> DataError {
    err.position.column = match &err.kind {
        ErrorKind::InconsistentTotal { total, .. } => categories.iter().position(|c| c.label() == *total).map(|i| i + 3),
        _ => None,
    };
    err
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
