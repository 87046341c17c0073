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
    /// Who a figure counts, as titles say it, when the table counts only some of them (Staff
    /// Table 17: `full-time academic staff`). Empty: the measure's own noun (`staff`, `students`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub counted: String,
    /// The tidy CSV's file name inside `data/`.
    pub file: String,
    /// Every other UK provider's figures (wide form, see [`crate::wide`]), inside `data/`,
    /// fetched only when a visitor asks for another provider. Empty when there is none.
    #[serde(default)]
    pub others_file: String,
    /// The coverage file (see [`crate::coverage`]) inside `data/`: per year and category, how
    /// many providers HESA's file held, how many reported the figure and their sum. Empty when
    /// there is none (a visitor's own files).
    #[serde(default)]
    pub coverage_file: String,
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
    /// Labels that differ from year to year, for the years that have them: Staff Table 17's
    /// salary bands keep their names ("Band 3") but their £ thresholds move every year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub year_labels: Vec<YearLabels>,
    /// The category "per 100" rates of this dataset divide by, when it has one: in Staff
    /// Table 22, "Academic staff at the start of the year" (starters or leavers per 100 staff at
    /// the start of the year). `None`: its figures are shares of a total or plain counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_base: Option<CategoryKey>,
}

/// One year's own labels of a dataset's categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearLabels {
    pub year: String,
    /// One label per category, in the dataset's category order; empty where the category's name
    /// says all (a total). Taken from that year's download, e.g. "£24,057 to under £32,277".
    pub labels: Vec<String>,
}

impl DatasetInfo {
    /// The label category `category` has in `year` alone (e.g. "£24,057 to under £32,277"), if
    /// that year gives it one.
    pub fn year_label(&self, category: usize, year: &str) -> Option<&str> {
        let labels = self.year_labels.iter().find(|l| l.year == year)?;
        labels.labels.get(category).map(String::as_str).filter(|l| !l.is_empty())
    }

    /// The category's label for one year: its name with that year's own label when there is
    /// one ("Band 3: £24,057 to under £32,277"), else its plain label ("Band 3"). Empty for an
    /// index out of range.
    pub fn category_label_in(&self, category: usize, year: &str) -> String {
        let Some(c) = self.categories.get(category) else { return String::new() };
        match self.year_label(category, year) {
            Some(own) => format!("{}: {own}", c.label()),
            None => c.label(),
        }
    }

    /// The index of [`DatasetInfo::rate_base`] among the categories.
    pub fn rate_base_index(&self) -> Option<usize> {
        let base = self.rate_base.as_ref()?;
        self.categories.iter().position(|c| c.group == base.group && c.name == base.name)
    }
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
                    return Err(DataError::new(file, ErrorKind::Repeated { what: format!("category of dataset \"{}\"", d.id), found: c.label() }));
                }
            }
            for k in &d.default_categories {
                if !keys.contains(k) {
                    return Err(DataError::new(file, ErrorKind::UnknownDefault { dataset: d.id.clone(), category: k.name.clone() }));
                }
            }
            if let Some(base) = &d.rate_base {
                if !keys.contains(base) {
                    return Err(DataError::new(file, ErrorKind::UnknownRateBase { dataset: d.id.clone(), category: base.name.clone() }));
                }
            }
            let mut years = std::collections::BTreeSet::new();
            for l in &d.year_labels {
                if !years.insert(l.year.as_str()) {
                    return Err(DataError::new(file, ErrorKind::Repeated { what: format!("year of the labels of dataset \"{}\"", d.id), found: l.year.clone() }));
                }
                if l.labels.len() != d.categories.len() {
                    let kind = ErrorKind::BadYearLabels { dataset: d.id.clone(), year: l.year.clone(), expected: d.categories.len(), found: l.labels.len() };
                    return Err(DataError::new(file, kind));
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
    out.push_str(
        "];\npub const DATASETS: &[([&str; 12], &[(&str, &str, bool)], &[(&str, &str)], &[(&str, &[&str])], Option<(&str, &str)>)] = &[",
    );
    for d in &manifest.datasets {
        let fields = [
            &d.id, &d.title, &d.measure, &d.file, &d.others_file, &d.source_table, &d.source_title, &d.source_link, &d.licence, &d.notes,
            &d.coverage_file, &d.counted,
        ];
        let fields: Vec<String> = fields.iter().map(|f| format!("{f:?}")).collect();
        let categories: Vec<String> = d.categories.iter().map(|c| format!("({:?}, {:?}, {})", c.group, c.name, c.total)).collect();
        let defaults: Vec<String> = d.default_categories.iter().map(|k| format!("({:?}, {:?})", k.group, k.name)).collect();
        let year_labels: Vec<String> = d.year_labels.iter().map(|l| format!("({:?}, &{:?})", l.year, l.labels)).collect();
        let rate_base = d.rate_base.as_ref().map(|k| (k.group.as_str(), k.name.as_str()));
        out.push_str(&format!(
            "([{}], &[{}], &[{}], &[{}], {rate_base:?}),",
            fields.join(", "),
            categories.join(", "),
            defaults.join(", "),
            year_labels.join(", ")
        ));
    }
    out.push_str("];\n");
    out
}

/// A static dataset description: its twelve text fields (id, title, measure, file, others_file,
/// source_table, source_title, source_link, licence, notes, coverage_file, counted), its categories
/// `(group, name, total)`, its default categories `(group, name)`, its year labels
/// `(year, labels)` and its rate base `(group, name)`.
pub type DatasetTable<'a> = (
    [&'a str; 12],
    &'a [(&'a str, &'a str, bool)],
    &'a [(&'a str, &'a str)],
    &'a [(&'a str, &'a [&'a str])],
    Option<(&'a str, &'a str)>,
);

/// The manifest from the static tables [`to_rust`] writes.
pub fn from_tables(partners: &[[&str; 3]], datasets: &[DatasetTable]) -> Manifest {
    let s = |v: &str| v.to_string();
    let key = |(group, name): &(&str, &str)| CategoryKey { group: s(group), name: s(name) };
    Manifest {
        partners: partners.iter().map(|[ukprn, name, short]| Partner { ukprn: s(ukprn), name: s(name), short: s(short) }).collect(),
        datasets: datasets
            .iter()
            .map(|(f, categories, defaults, year_labels, rate_base)| DatasetInfo {
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
                coverage_file: s(f[10]),
                counted: s(f[11]),
                categories: categories.iter().map(|(group, name, total)| CategoryInfo { group: s(group), name: s(name), total: *total }).collect(),
                default_categories: defaults.iter().map(key).collect(),
                year_labels: year_labels.iter().map(|(year, labels)| YearLabels { year: s(year), labels: labels.iter().map(|l| s(l)).collect() }).collect(),
                rate_base: rate_base.as_ref().map(key),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary() -> DatasetInfo {
        let band = |name: &str, total: bool| CategoryInfo { group: String::new(), name: name.into(), total };
        DatasetInfo {
            id: "staff-salary".into(),
            title: "Full-time academic staff by salary band".into(),
            measure: "headcount".into(),
            counted: "full-time academic staff".into(),
            file: "staff-salary.csv".into(),
            others_file: String::new(),
            coverage_file: "coverage/staff-salary.csv".into(),
            source_table: "DT025 Table 17".into(),
            source_title: String::new(),
            source_link: String::new(),
            licence: "CC BY 4.0".into(),
            notes: String::new(),
            categories: vec![band("Band 1 (lowest)", false), band("Band 3", false), band("Total", true)],
            default_categories: vec![CategoryKey { group: String::new(), name: "Band 3".into() }],
            year_labels: vec![
                YearLabels { year: "2014/15".into(), labels: vec!["under £18,031".into(), "£24,057 to under £32,277".into(), String::new()] },
                YearLabels { year: "2023/24".into(), labels: vec!["under £22,681".into(), "£28,759 to under £38,205".into(), String::new()] },
            ],
            rate_base: None,
        }
    }

    #[test]
    fn a_category_is_labelled_with_its_own_years_thresholds() {
        let d = salary();
        assert_eq!(d.category_label_in(1, "2014/15"), "Band 3: £24,057 to under £32,277");
        assert_eq!(d.category_label_in(1, "2023/24"), "Band 3: £28,759 to under £38,205");
        assert_eq!(d.category_label_in(0, "2023/24"), "Band 1 (lowest): under £22,681");
        // No label for that year, or none for that category: the plain name.
        assert_eq!(d.category_label_in(1, "2019/20"), "Band 3");
        assert_eq!(d.category_label_in(2, "2023/24"), "Total");
        assert_eq!(d.year_label(2, "2023/24"), None);
        assert_eq!(d.category_label_in(9, "2023/24"), "");
        // A dataset without year labels gives the plain label, with its group.
        let mut plain = salary();
        plain.year_labels.clear();
        plain.categories[1].group = "Academic".into();
        assert_eq!(plain.category_label_in(1, "2014/15"), "Band 3 (Academic)");
    }

    #[test]
    fn year_labels_rate_base_and_coverage_file_survive_json_and_the_static_tables() {
        let mut flows = salary();
        flows.id = "staff-flows".into();
        flows.year_labels.clear();
        flows.rate_base = Some(CategoryKey { group: String::new(), name: "Band 1 (lowest)".into() });
        let manifest = Manifest { partners: vec![Partner { ukprn: "10007759".into(), name: "Aston University".into(), short: "Aston".into() }], datasets: vec![salary(), flows] };
        let json = manifest.to_json();
        assert_eq!(Manifest::from_json("m.json", &json).expect("reads back"), manifest);
        // Datasets without them write no such keys.
        assert_eq!(json.matches("\"year_labels\"").count(), 1, "{json}");
        assert_eq!(json.matches("\"rate_base\"").count(), 1, "{json}");
        let source = to_rust(&manifest);
        assert!(source.contains("&[(\"2014/15\", &[\"under £18,031\", \"£24,057 to under £32,277\", \"\"]), "), "{source}");
        assert!(source.contains("Some((\"\", \"Band 1 (lowest)\"))"), "{source}");
        // Rebuild by hand what the generated tables hold, and compare.
        let info = |d: &DatasetInfo| -> [String; 12] {
            [
                &d.id, &d.title, &d.measure, &d.file, &d.others_file, &d.source_table, &d.source_title, &d.source_link, &d.licence, &d.notes,
                &d.coverage_file, &d.counted,
            ]
            .map(|s| s.clone())
        };
        let fields: Vec<[String; 12]> = manifest.datasets.iter().map(info).collect();
        let fields: Vec<[&str; 12]> = fields.iter().map(|f| f.each_ref().map(String::as_str)).collect();
        let categories = [("", "Band 1 (lowest)", false), ("", "Band 3", false), ("", "Total", true)];
        let defaults = [("", "Band 3")];
        let labels_2014: &[&str] = &["under £18,031", "£24,057 to under £32,277", ""];
        let labels_2023: &[&str] = &["under £22,681", "£28,759 to under £38,205", ""];
        let year_labels = [("2014/15", labels_2014), ("2023/24", labels_2023)];
        let tables: [DatasetTable; 2] = [
            (fields[0], &categories, &defaults, &year_labels, None),
            (fields[1], &categories, &defaults, &[], Some(("", "Band 1 (lowest)"))),
        ];
        assert_eq!(from_tables(&[["10007759", "Aston University", "Aston"]], &tables), manifest);
    }

    #[test]
    fn labels_for_each_category_and_a_known_rate_base_are_required() {
        let mut m = Manifest { partners: Vec::new(), datasets: vec![salary()] };
        m.datasets[0].year_labels[1].labels.pop();
        let err = Manifest::from_json("m.json", &m.to_json()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::BadYearLabels { dataset: "staff-salary".into(), year: "2023/24".into(), expected: 3, found: 2 });
        let mut m = Manifest { partners: Vec::new(), datasets: vec![salary()] };
        m.datasets[0].rate_base = Some(CategoryKey { group: String::new(), name: "Band 9".into() });
        let err = Manifest::from_json("m.json", &m.to_json()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::UnknownRateBase { dataset: "staff-salary".into(), category: "Band 9".into() });
        assert_eq!(m.datasets[0].rate_base_index(), None);
        m.datasets[0].rate_base = Some(CategoryKey { group: String::new(), name: "Band 3".into() });
        assert_eq!(m.datasets[0].rate_base_index(), Some(1));
    }
}
