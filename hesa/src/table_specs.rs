//! What the bundled HESA tables' columns mean: for each table, its columns in order with their
//! group and whether they are HESA-published totals. The importer checks a download's header
//! against this before any figure is taken from it, so a change in HESA's layout is caught.

use workforce_core::error::{DataError, ErrorKind};
use workforce_core::manifest::{CategoryInfo, CategoryKey};

use crate::hesa::HesaTable;

#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub label: &'static str,
    /// The header block the label sits in (Staff Table 1 repeats its occupation labels).
    pub block: usize,
    pub group: &'static str,
    pub total: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// HESA's `Reference ID:`, used to recognise a download whatever its file name.
    pub reference_id: &'static str,
    pub dataset_id: &'static str,
    pub title: &'static str,
    pub measure: &'static str,
    pub notes: &'static str,
    pub columns: &'static [ColumnSpec],
    /// `(group, name)` of the categories shown first.
    pub defaults: &'static [(&'static str, &'static str)],
}

const fn item(label: &'static str, block: usize, group: &'static str) -> ColumnSpec {
    ColumnSpec { label, block, group, total: false }
}
const fn total(label: &'static str, block: usize, group: &'static str) -> ColumnSpec {
    ColumnSpec { label, block, group, total: true }
}

const AC: &str = "Academic";
const NON: &str = "Non-academic";

pub const STAFF_OCCUPATION: TableSpec = TableSpec {
    reference_id: "DT025 Table 1",
    dataset_id: "staff-occupation",
    title: "Staff headcount by occupation",
    measure: "headcount",
    notes: "Headcount of HE staff by activity standard occupational classification (SOC). Providers marked * by HESA opted out of the non-academic staff return: their non-academic figures are not reported.",
    columns: &[
        item("Managers, directors and senior officials", 0, AC),
        item("Professional occupations", 0, AC),
        item("Associate professional occupations", 0, AC),
        item("Clerical and manual occupations", 0, AC),
        total("Total academic staff", 0, AC),
        item("Managers, directors and senior officials", 1, NON),
        item("Professional occupations", 1, NON),
        item("Associate professional occupations", 1, NON),
        item("Administrative and secretarial occupations", 1, NON),
        item("Skilled trades occupations", 1, NON),
        item("Caring, leisure and other service occupations", 1, NON),
        item("Sales and customer service occupations", 1, NON),
        item("Process, plant and machine operatives", 1, NON),
        item("Elementary occupations", 1, NON),
        total("Total non-academic staff", 1, NON),
        total("Total", 1, ""),
    ],
    defaults: &[(AC, "Total academic staff"), (NON, "Total non-academic staff")],
};

pub const STAFF_COST_CENTRE: TableSpec = TableSpec {
    reference_id: "DT025 Table 11",
    dataset_id: "staff-cost-centre",
    title: "Staff FTE by cost centre",
    measure: "FTE",
    notes: "Full-time equivalent (FTE) of HE staff by cost centre group, including atypical staff. Providers marked * by HESA opted out of the non-academic staff return: none of their figures are reported in this table.",
    columns: &[
        item("Medicine, dentistry & health", 0, ""),
        item("Agriculture, forestry & veterinary science", 0, ""),
        item("Biological, mathematical & physical sciences", 0, ""),
        item("Engineering & technology", 0, ""),
        item("Architecture & planning", 0, ""),
        item("Administration & business studies", 0, ""),
        item("Social studies", 0, ""),
        item("Humanities & language based studies & archaeology", 0, ""),
        item("Design, creative & performing arts", 0, ""),
        item("Education", 0, ""),
        item("Total academic services", 0, ""),
        item("Central administration & services, staff and student facilities", 0, ""),
        item("Premises", 0, ""),
        item("Residences & catering", 0, ""),
        total("Total all cost centres", 0, ""),
    ],
    defaults: &[("", "Total all cost centres")],
};

pub const STUDENTS_SEX: TableSpec = TableSpec {
    reference_id: "DT051 Table 1",
    dataset_id: "students-sex",
    title: "Student enrolments by sex",
    measure: "students",
    notes: "HE student enrolments (all levels and modes of study) by sex.",
    columns: &[item("Female", 0, ""), item("Male", 0, ""), item("Unknown", 0, ""), total("Total", 0, "")],
    defaults: &[("", "Female"), ("", "Male"), ("", "Unknown")],
};

/// The tables bundled with the explorer, in the order the dataset switcher lists them.
pub const BUNDLED: [TableSpec; 3] = [STAFF_OCCUPATION, STAFF_COST_CENTRE, STUDENTS_SEX];

pub fn spec_for(reference_id: &str) -> Option<&'static TableSpec> {
    BUNDLED.iter().find(|s| s.reference_id.eq_ignore_ascii_case(reference_id.trim()))
}

impl TableSpec {
    pub fn categories(&self) -> Vec<CategoryInfo> {
        self.columns
            .iter()
            .map(|c| CategoryInfo { group: c.group.to_string(), name: c.label.to_string(), total: c.total })
            .collect()
    }

    pub fn default_categories(&self) -> Vec<CategoryKey> {
        self.defaults.iter().map(|(g, n)| CategoryKey { group: g.to_string(), name: n.to_string() }).collect()
    }

    /// Checks that a download has exactly this table's columns, in order.
    pub fn check_columns(&self, table: &HesaTable) -> Result<(), DataError> {
        for (i, spec) in self.columns.iter().enumerate() {
            let column = i + 3;
            match table.columns.get(i) {
                Some(c) if c.label == spec.label && c.block == spec.block => {}
                found => {
                    let group = if spec.group.is_empty() { String::new() } else { format!(" ({})", spec.group) };
                    let kind = ErrorKind::UnexpectedHeader {
                        expected: format!("column {:?}{group} for {}", spec.label, self.reference_id),
                        found: found.map_or_else(|| "the end of the header".to_string(), |c| format!("{:?}", c.label)),
                    };
                    return Err(DataError::at(&table.file, table.header_line, Some(column), kind));
                }
            }
        }
        if table.columns.len() > self.columns.len() {
            let extra = table.columns.get(self.columns.len()).map_or("", |c| c.label.as_str());
            let kind = ErrorKind::UnexpectedHeader {
                expected: format!("{} value columns for {}", self.columns.len(), self.reference_id),
                found: format!("{} (an unexpected column {extra:?})", table.columns.len()),
            };
            return Err(DataError::at(&table.file, table.header_line, Some(self.columns.len() + 3), kind));
        }
        Ok(())
    }
}
