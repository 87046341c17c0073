//! The manifest (`data/manifest.json`): which datasets are bundled, what they measure, where the
//! figures come from, and who the partners are.

use serde::{Deserialize, Serialize};

use crate::error::{DataError, ErrorKind};

/// The key used in tidy data for the all-UK total row (HESA's `Total` row has no UKPRN).
pub const UK_TOTAL_KEY: &str = "UK";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub partners: Vec<Partner>,
    pub datasets: Vec<DatasetInfo>,
}

/// A Midlands Innovation partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub ukprn: String,
    /// The full name, as the partner names itself.
    pub name: String,
    /// The short name used on charts and in links, e.g. `Aston`.
    pub short: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    /// Stable id, e.g. `staff-occupation`.
    pub id: String,
    pub title: String,
    /// What a value counts: `headcount`, `FTE` or `students`.
    pub measure: String,
    /// The tidy CSV's file name inside `data/`.
    pub file: String,
    /// Every other UK provider's figures (wide form, see [`crate::wide`]), inside `data/`,
    /// fetched only when a visitor asks for another provider. Empty when there is none.
    #[serde(default)]
    pub others_file: String,
    /// HESA's reference, e.g. `DT025 Table 1`.
    pub source_table: String,
    /// HESA's own title for the table.
    pub source_title: String,
    pub source_link: String,
    pub licence: String,
    pub notes: String,
    /// Every category in display order.
    pub categories: Vec<CategoryInfo>,
    /// Categories selected when a visitor opens this dataset.
    pub default_categories: Vec<CategoryKey>,
}

/// A category (a value column of the HESA table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryInfo {
    /// `Academic` / `Non-academic` where the table has such blocks, else empty.
    pub group: String,
    pub name: String,
    /// A total published by HESA. A total with a group covers that group's other categories;
    /// a total without a group covers every category. Totals are kept because HESA rounds each
    /// cell: the sum of rounded parts is not the published total.
    pub total: bool,
}

impl CategoryInfo {
    pub fn key(&self) -> CategoryKey {
        CategoryKey { group: self.group.clone(), name: self.name.clone() }
    }

    /// Whether this category (a total) already includes `other`, so the two must not be summed.
    pub fn covers(&self, other: &CategoryInfo) -> bool {
        self.total && self != other && (self.group.is_empty() || self.group == other.group)
    }

    /// Whether summing the two would count some staff twice.
    pub fn overlaps(&self, other: &CategoryInfo) -> bool {
        self == other || self.covers(other) || other.covers(self)
    }

    /// The label with its group, e.g. `Professional occupations (Non-academic)`.
    pub fn label(&self) -> String {
        if self.group.is_empty() || self.name.to_ascii_lowercase().contains(&self.group.to_ascii_lowercase()) {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.group)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CategoryKey {
    pub group: String,
    pub name: String,
}

impl Manifest {
    pub fn from_json(file: &str, text: &str) -> Result<Manifest, DataError> {
        let manifest: Manifest = serde_json::from_str(text).map_err(|e| {
            DataError::at(file, e.line() as u64, Some(e.column()), ErrorKind::BadManifest { detail: e.to_string() })
        })?;
        manifest.check(file)?;
        Ok(manifest)
    }

    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and bools cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Checks what the type system cannot: unique ids and keys, defaults that exist.
    fn check(&self, file: &str) -> Result<(), DataError> {
        let mut seen = std::collections::BTreeSet::new();
        for p in &self.partners {
            if !seen.insert(p.ukprn.as_str()) || !seen.insert(p.short.as_str()) {
                return Err(DataError::new(file, ErrorKind::Repeated { what: "partner".into(), found: p.short.clone() }));
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for d in &self.datasets {
            if !ids.insert(d.id.as_str()) {
                return Err(DataError::new(file, ErrorKind::Repeated { what: "dataset id".into(), found: d.id.clone() }));
            }
            let mut keys = std::collections::BTreeSet::new();
            for c in &d.categories {
                if !keys.insert(c.key()) {
                    return Err(DataError::new(file, ErrorKind::Repeated { what: format!("category of dataset {:?}", d.id), found: c.label() }));
                }
            }
            for k in &d.default_categories {
                if !keys.contains(k) {
                    return Err(DataError::new(file, ErrorKind::UnknownDefault { dataset: d.id.clone(), category: k.name.clone() }));
                }
            }
        }
        Ok(())
    }

    pub fn dataset(&self, id: &str) -> Option<&DatasetInfo> {
        self.datasets.iter().find(|d| d.id == id)
    }
}

/// Rust source for a manifest as static tables, so the browser build embeds the manifest without
/// a JSON parser and with little code (used by the explorer's build script with [`from_tables`]).
pub fn to_rust(manifest: &Manifest) -> String {
    let mut out = String::from("pub const PARTNERS: &[[&str; 3]] = &[");
    for p in &manifest.partners {
        out.push_str(&format!("[{:?}, {:?}, {:?}],", p.ukprn, p.name, p.short));
    }
    out.push_str("];\npub const DATASETS: &[([&str; 10], &[(&str, &str, bool)], &[(&str, &str)])] = &[");
    for d in &manifest.datasets {
        let fields = [&d.id, &d.title, &d.measure, &d.file, &d.others_file, &d.source_table, &d.source_title, &d.source_link, &d.licence, &d.notes];
        let fields: Vec<String> = fields.iter().map(|f| format!("{f:?}")).collect();
        let categories: Vec<String> = d.categories.iter().map(|c| format!("({:?}, {:?}, {})", c.group, c.name, c.total)).collect();
        let defaults: Vec<String> = d.default_categories.iter().map(|k| format!("({:?}, {:?})", k.group, k.name)).collect();
        out.push_str(&format!("([{}], &[{}], &[{}]),", fields.join(", "), categories.join(", "), defaults.join(", ")));
    }
    out.push_str("];\n");
    out
}

/// A static dataset description: its ten text fields (in [`DatasetInfo`] order), its categories
/// `(group, name, total)` and its default categories `(group, name)`.
pub type DatasetTable<'a> = ([&'a str; 10], &'a [(&'a str, &'a str, bool)], &'a [(&'a str, &'a str)]);

/// The manifest from the static tables [`to_rust`] writes.
pub fn from_tables(partners: &[[&str; 3]], datasets: &[DatasetTable]) -> Manifest {
    let s = |v: &str| v.to_string();
    Manifest {
        partners: partners.iter().map(|[ukprn, name, short]| Partner { ukprn: s(ukprn), name: s(name), short: s(short) }).collect(),
        datasets: datasets
            .iter()
            .map(|(f, categories, defaults)| DatasetInfo {
                id: s(f[0]),
                title: s(f[1]),
                measure: s(f[2]),
                file: s(f[3]),
                others_file: s(f[4]),
                source_table: s(f[5]),
                source_title: s(f[6]),
                source_link: s(f[7]),
                licence: s(f[8]),
                notes: s(f[9]),
                categories: categories.iter().map(|(group, name, total)| CategoryInfo { group: s(group), name: s(name), total: *total }).collect(),
                default_categories: defaults.iter().map(|(group, name)| CategoryKey { group: s(group), name: s(name) }).collect(),
            })
            .collect(),
    }
}
