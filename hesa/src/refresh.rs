//! The yearly refresh: from a folder's worth of HESA downloads to the bundled tidy datasets and
//! their manifest. Used by the `refresh-data` command; pure, so it is tested natively.

use std::collections::BTreeMap;

use workforce_core::error::{DataError, ErrorKind};
use workforce_core::coverage::{Coverage, CoverageRow};
use workforce_core::manifest::{DatasetInfo, Manifest, Partner, YearLabels, UK_TOTAL_KEY};
use workforce_core::tidy::{self, TidyRecord};

use crate::hesa::{self, HesaTable};
use crate::table_specs::{TableSpec, BUNDLED};

/// The name the tidy data gives HESA's all-UK `Total` row.
pub const UK_TOTAL_NAME: &str = "Total (all UK providers)";

/// The eight Midlands Innovation partners, in alphabetical order of short name.
pub fn partners() -> Vec<Partner> {
    [
        ("10007759", "Aston University", "Aston"),
        ("10006840", "University of Birmingham", "Birmingham"),
        ("10007822", "Cranfield University", "Cranfield"),
        ("10007767", "Keele University", "Keele"),
        ("10007796", "University of Leicester", "Leicester"),
        ("10004113", "Loughborough University", "Loughborough"),
        ("10007154", "University of Nottingham", "Nottingham"),
        ("10007163", "University of Warwick", "Warwick"),
    ]
    .into_iter()
    .map(|(ukprn, name, short)| Partner { ukprn: ukprn.into(), name: name.into(), short: short.into() })
    .collect()
}

/// What a refresh produces: the manifest, each dataset's files, and files it passed over.
#[derive(Debug)]
pub struct Refreshed {
    pub manifest: Manifest,
    /// `(file name inside data/, text)`: per dataset its tidy CSV (partners and UK total), its
    /// wide CSV of every other provider (`providers/`) and its coverage (`coverage/`).
    pub files: Vec<(String, String)>,
    /// Files that are HESA downloads of tables the explorer does not bundle.
    pub skipped: Vec<String>,
}

/// Builds the bundled datasets from HESA downloads given as `(file name, bytes)`.
pub fn refresh(inputs: &[(String, Vec<u8>)]) -> Result<Refreshed, DataError> {
    let partners = partners();
    // Per dataset: each year's download with its columns' labels for that year.
    let mut by_table: BTreeMap<&'static str, Vec<(HesaTable, Vec<String>)>> = BTreeMap::new();
    let mut skipped = Vec::new();
    for (name, bytes) in inputs {
        let table = hesa::parse(name, bytes)?;
        let Some(spec) = crate::table_specs::spec_for(&table.meta.reference_id) else {
            skipped.push(format!("{name} ({})", table.meta.reference_id));
            continue;
        };
        let labels = spec.check_columns(&table)?;
        let tables = by_table.entry(spec.dataset_id).or_default();
        if let Some((other, _)) = tables.iter().find(|(t, _)| t.year == table.year) {
            return Err(DataError::new(name, ErrorKind::DuplicateYear { year: table.year.clone(), other_file: other.file.clone() }));
        }
        tables.push((table, labels));
    }

    let mut datasets = Vec::new();
    let mut files = Vec::new();
    for spec in &BUNDLED {
        let Some(tables) = by_table.get_mut(spec.dataset_id) else {
            let kind = ErrorKind::MissingTable { reference: spec.reference_id.to_string(), title: spec.title.to_string() };
            return Err(DataError::new("(input folder)", kind));
        };
        tables.sort_by(|(a, _), (b, _)| a.year.cmp(&b.year));
        let mut records = Vec::new();
        let mut others = Vec::new();
        let mut coverage = Vec::new();
        let mut year_labels = Vec::new();
        for (table, labels) in tables.iter() {
            records.extend(tidy_records(spec, table, &partners)?);
            others.extend(other_records(spec, table, &partners));
            coverage.extend(coverage_rows(spec, table));
            if labels.iter().any(|l| !l.is_empty()) {
                year_labels.push(YearLabels { year: table.year.clone(), labels: labels.clone() });
            }
        }
        others.sort_by(|a, b| (&a.ukprn, &a.year).cmp(&(&b.ukprn, &b.year)));
        let file = format!("{}.csv", spec.dataset_id);
        let others_file = format!("providers/{}.csv", spec.dataset_id);
        let coverage_file = format!("coverage/{}.csv", spec.dataset_id);
        files.push((file.clone(), tidy::write(&records)));
        files.push((others_file.clone(), workforce_core::wide::write(&spec.categories(), &others)));
        files.push((coverage_file.clone(), Coverage::new(&coverage_file, coverage)?.write()));
        // Tables are sorted and non-empty: the newest file's metadata describes the dataset.
        let Some((newest, _)) = tables.last() else { continue };
        let mut info = dataset_info(spec, newest, file);
        info.others_file = others_file;
        info.coverage_file = coverage_file;
        info.year_labels = year_labels;
        datasets.push(info);
    }
    Ok(Refreshed { manifest: Manifest { partners, datasets }, files, skipped })
}

fn dataset_info(spec: &TableSpec, newest: &HesaTable, file: String) -> DatasetInfo {
    let meta = &newest.meta;
    let source_title = meta.title.split_once(" - ").map_or(meta.title.as_str(), |(_, t)| t).to_string();
    let licence = if meta.licence.contains("Creative Commons Attribution 4.0") {
        "CC BY 4.0".to_string()
    } else {
        meta.licence.clone()
    };
    DatasetInfo {
        id: spec.dataset_id.to_string(),
        title: spec.title.to_string(),
        measure: spec.measure.to_string(),
        counted: spec.counted.to_string(),
        file,
        others_file: String::new(),
        source_table: spec.reference_id.to_string(),
        source_title,
        source_link: meta.source_link.clone(),
        licence,
        notes: spec.notes.to_string(),
        categories: spec.categories(),
        default_categories: spec.default_categories(),
        coverage_file: String::new(),
        year_labels: Vec::new(),
        rate_base: spec.rate_base(),
    }
}

/// One download's coverage: per category, the providers in the file (not its `Total` row), how
/// many reported the figure and the sum of what they reported.
pub fn coverage_rows(spec: &TableSpec, table: &HesaTable) -> Vec<CoverageRow> {
    spec.columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let reported: Vec<f64> = table.providers.iter().filter_map(|p| p.values.get(c).copied().flatten()).collect();
            CoverageRow {
                year: table.year.clone(),
                group: column.group.to_string(),
                category: column.name.to_string(),
                providers: table.providers.len() as u64,
                reported: reported.len() as u64,
                reported_sum: reported.iter().sum(),
                line: 0,
            }
        })
        .collect()
}

/// Every other provider's rows of one download (not the partners, not the UK total).
fn other_records(spec: &TableSpec, table: &HesaTable, partners: &[Partner]) -> Vec<TidyRecord> {
    let mut out = Vec::new();
    for row in &table.providers {
        let Some(ukprn) = &row.ukprn else { continue };
        if partners.iter().any(|p| p.ukprn == *ukprn) {
            continue;
        }
        for (column, value) in spec.columns.iter().zip(&row.values) {
            out.push(TidyRecord {
                ukprn: ukprn.clone(),
                provider: row.name.clone(),
                year: table.year.clone(),
                group: column.group.to_string(),
                category: column.name.to_string(),
                value: *value,
                line: 0,
            });
        }
    }
    out
}

/// The partners' and the UK total's rows of one download, as tidy records.
fn tidy_records(spec: &TableSpec, table: &HesaTable, partners: &[Partner]) -> Result<Vec<TidyRecord>, DataError> {
    let mut rows = Vec::with_capacity(partners.len() + 1);
    for partner in partners {
        let Some(row) = table.providers.iter().find(|r| r.ukprn.as_deref() == Some(partner.ukprn.as_str())) else {
            let kind = ErrorKind::MissingPartner { name: partner.name.clone(), ukprn: partner.ukprn.clone(), year: Some(table.year.clone()) };
            return Err(DataError::new(&table.file, kind));
        };
        rows.push((partner.ukprn.as_str(), row.name.as_str(), row));
    }
    let Some(total) = &table.total else {
        return Err(DataError::new(&table.file, ErrorKind::MissingTotal));
    };
    rows.push((UK_TOTAL_KEY, UK_TOTAL_NAME, total));

    let mut records = Vec::with_capacity(rows.len() * spec.columns.len());
    for (ukprn, name, row) in rows {
        for (column, value) in spec.columns.iter().zip(&row.values) {
            records.push(TidyRecord {
                ukprn: ukprn.to_string(),
                provider: name.to_string(),
                year: table.year.clone(),
                group: column.group.to_string(),
                category: column.name.to_string(),
                value: *value,
                line: 0,
            });
        }
    }
    Ok(records)
}
