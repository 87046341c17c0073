//! What the bundled HESA tables' columns mean: for each table, its columns in order with their
//! group and whether they are HESA-published totals. The importer checks a download's header
//! against this before any figure is taken from it, so a change in HESA's layout is caught.

use workforce_core::error::{DataError, ErrorKind};
use workforce_core::manifest::{CategoryInfo, CategoryKey};
use workforce_core::tidy::{is_academic_year, parse_number};

use crate::hesa::HesaTable;

/// What a column's header cell must say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// Exactly this label (trimmed).
    Exact(&'static str),
    /// Staff Table 17's salary band `band` of `of` (1-based, lowest first), whose £ thresholds move
    /// every year: `Contract salary < £A`, `Contract salary ≥ £A and < £B`, `Contract salary ≥ £A`,
    /// each band starting where the one before it ends.
    SalaryBand { band: usize, of: usize },
    /// Staff Table 22's `Total academic staff <year>`, the year being `years_back` before the
    /// file's own academic year (1: the previous year; 0: the file's year).
    StaffInYear { years_back: u32 },
}

#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// The category's stable name: the header's own label, except where the header changes from
    /// year to year (salary bands, named years).
    pub name: &'static str,
    pub header: Header,
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
    /// Who a figure counts when the table counts only some staff (see `DatasetInfo::counted`).
    pub counted: &'static str,
    pub notes: &'static str,
    pub columns: &'static [ColumnSpec],
    /// `(group, name)` of the categories shown first; empty: every category that is not a total.
    pub defaults: &'static [(&'static str, &'static str)],
    /// `(group, name)` of the category "per 100" rates divide by, if the table has one.
    pub rate_base: Option<(&'static str, &'static str)>,
}

const fn item(label: &'static str, block: usize, group: &'static str) -> ColumnSpec {
    ColumnSpec { name: label, header: Header::Exact(label), block, group, total: false }
}
const fn total(label: &'static str, block: usize, group: &'static str) -> ColumnSpec {
    ColumnSpec { name: label, header: Header::Exact(label), block, group, total: true }
}
const fn band(name: &'static str, band: usize) -> ColumnSpec {
    ColumnSpec { name, header: Header::SalaryBand { band, of: SALARY_BANDS }, block: 0, group: "", total: false }
}
const fn staff_in(name: &'static str, years_back: u32) -> ColumnSpec {
    ColumnSpec { name, header: Header::StaffInYear { years_back }, block: 0, group: "", total: false }
}

/// Staff Table 17's number of salary bands.
const SALARY_BANDS: usize = 6;

const AC: &str = "Academic";
const NON: &str = "Non-academic";

pub const STAFF_OCCUPATION: TableSpec = TableSpec {
    reference_id: "DT025 Table 1",
    dataset_id: "staff-occupation",
    title: "Staff headcount by occupation",
    measure: "headcount",
    counted: "",
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
    rate_base: None,
};

pub const STAFF_COST_CENTRE: TableSpec = TableSpec {
    reference_id: "DT025 Table 11",
    dataset_id: "staff-cost-centre",
    title: "Staff FTE by cost centre",
    measure: "FTE",
    counted: "",
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
    rate_base: None,
};

pub const STUDENTS_SEX: TableSpec = TableSpec {
    reference_id: "DT051 Table 1",
    dataset_id: "students-sex",
    title: "Student enrolments by sex",
    measure: "students",
    counted: "",
    notes: "HE student enrolments (all levels and modes of study) by sex.",
    columns: &[item("Female", 0, ""), item("Male", 0, ""), item("Unknown", 0, ""), total("Total", 0, "")],
    defaults: &[("", "Female"), ("", "Male"), ("", "Unknown")],
    rate_base: None,
};

pub const STAFF_QUALIFICATION: TableSpec = TableSpec {
    reference_id: "DT025 Table 8",
    dataset_id: "staff-qualification",
    title: "Academic staff by highest qualification",
    measure: "headcount",
    counted: "academic staff",
    notes: "Headcount of HE academic staff by the highest qualification they hold, all modes of employment.",
    columns: &[
        item("Doctorate", 0, ""),
        item("Other higher degree", 0, ""),
        item("Other postgraduate qualification", 0, ""),
        item("First degree", 0, ""),
        item("Other undergraduate qualification", 0, ""),
        item("Other", 0, ""),
        item("Unknown", 0, ""),
        total("Total academic staff", 0, ""),
    ],
    defaults: &[],
    rate_base: None,
};

pub const STAFF_SALARY: TableSpec = TableSpec {
    reference_id: "DT025 Table 17",
    dataset_id: "staff-salary",
    title: "Full-time academic staff by salary band",
    measure: "headcount",
    counted: "full-time academic staff",
    notes: "Headcount of full-time HE academic staff by contract salary, in HESA's six salary bands. The bands' £ thresholds follow the pay spine and move every year, so a band is the same rung of the scale each year, not the same salary: each year's figures come with that year's thresholds.",
    columns: &[
        band("Band 1 (lowest)", 1),
        band("Band 2", 2),
        band("Band 3", 3),
        band("Band 4", 4),
        band("Band 5", 5),
        band("Band 6 (highest)", 6),
        total("Total", 0, ""),
    ],
    defaults: &[],
    rate_base: None,
};

/// Staff Table 22's categories, also the rate base.
const FLOWS_START: &str = "Academic staff at the start of the year";

pub const STAFF_FLOWS: TableSpec = TableSpec {
    reference_id: "DT025 Table 22",
    dataset_id: "staff-flows",
    title: "Academic staff starters and leavers",
    measure: "headcount",
    counted: "academic staff",
    notes: "Headcount of HE academic staff at the start of the academic year (HESA's count for the year before), starters and leavers during the year, and staff at the end of the year, all modes of employment. Starters and leavers per 100 staff are measured against the staff at the start of the year. The start and end counts are the same kind of figure taken a year apart, and starters and leavers are movements: none of them adds up with another.",
    columns: &[
        staff_in(FLOWS_START, 1),
        item("Starters", 0, ""),
        item("Leavers", 0, ""),
        staff_in("Academic staff at the end of the year", 0),
    ],
    defaults: &[("", "Starters"), ("", "Leavers")],
    rate_base: Some(("", FLOWS_START)),
};

pub const STAFF_NATIONALITY: TableSpec = TableSpec {
    reference_id: "DT025 Table 24",
    dataset_id: "staff-nationality",
    title: "Staff by nationality",
    measure: "headcount",
    counted: "",
    notes: "Headcount of all HE staff, academic and non-academic (atypical staff excluded), by nationality. This table counts all staff, so a provider marked * by HESA (opted out of the non-academic staff return) has none of its figures reported, and HESA publishes no UK total from 2019/20: the UK figure of the providers that reported is their sum, and leaves the others out.",
    columns: &[
        item("UK", 0, ""),
        item("European Union", 0, ""),
        item("Non-European Union", 0, ""),
        item("Not known", 0, ""),
        total("Total", 0, ""),
    ],
    defaults: &[],
    rate_base: None,
};

/// The tables bundled with the explorer, in the order the dataset switcher lists them (the first
/// is the default view).
pub const BUNDLED: [TableSpec; 7] =
    [STAFF_OCCUPATION, STAFF_COST_CENTRE, STAFF_QUALIFICATION, STAFF_SALARY, STAFF_FLOWS, STAFF_NATIONALITY, STUDENTS_SEX];

pub fn spec_for(reference_id: &str) -> Option<&'static TableSpec> {
    BUNDLED.iter().find(|s| s.reference_id.eq_ignore_ascii_case(reference_id.trim()))
}

impl TableSpec {
    pub fn categories(&self) -> Vec<CategoryInfo> {
        self.columns
            .iter()
            .map(|c| CategoryInfo { group: c.group.to_string(), name: c.name.to_string(), total: c.total })
            .collect()
    }

    pub fn default_categories(&self) -> Vec<CategoryKey> {
        if self.defaults.is_empty() {
            return self.categories().iter().filter(|c| !c.total).map(CategoryInfo::key).collect();
        }
        self.defaults.iter().map(|(g, n)| CategoryKey { group: g.to_string(), name: n.to_string() }).collect()
    }

    pub fn rate_base(&self) -> Option<CategoryKey> {
        self.rate_base.map(|(g, n)| CategoryKey { group: g.to_string(), name: n.to_string() })
    }

    /// Checks that a download has exactly this table's columns, in order, and gives each
    /// column's label for the download's own year: the salary band's thresholds as the header
    /// states them ("£24,057 to under £32,277"), empty where the category's name says all.
    /// Errors name the file, the header's line and the column.
    pub fn check_columns(&self, table: &HesaTable) -> Result<Vec<String>, DataError> {
        let mut labels = Vec::with_capacity(self.columns.len());
        // The upper bound of the salary band before, which the next band must start from.
        let mut upper: Option<&str> = None;
        for (i, spec) in self.columns.iter().enumerate() {
            let column = i + 3;
            let at = |kind| DataError::at(&table.file, table.header_line, Some(column), kind);
            let unexpected = |expected: String, found: Option<&str>| {
                let group = if spec.group.is_empty() { String::new() } else { format!(" ({})", spec.group) };
                at(ErrorKind::UnexpectedHeader {
                    expected: format!("{expected}{group} for {}", self.reference_id),
                    found: found.map_or_else(|| "the end of the header".to_string(), |l| format!("{l:?}")),
                })
            };
            let found = table.columns.get(i).filter(|c| c.block == spec.block).map(|c| c.label.as_str());
            let found_any = table.columns.get(i).map(|c| c.label.as_str());
            match spec.header {
                Header::Exact(label) => {
                    if found != Some(label) {
                        return Err(unexpected(format!("column {label:?}"), found_any));
                    }
                    labels.push(String::new());
                }
                Header::SalaryBand { band, of } => {
                    let shape = match band {
                        1 => "\"Contract salary < £…\"",
                        b if b == of => "\"Contract salary ≥ £…\"",
                        _ => "\"Contract salary ≥ £… and < £…\"",
                    };
                    let expected = format!("salary band {band} of {of} ({shape})");
                    let Some((lower, high)) = found.and_then(salary_band) else {
                        return Err(unexpected(expected, found_any));
                    };
                    if (band == 1) != lower.is_none() || (band == of) != high.is_none() {
                        return Err(unexpected(expected, found_any));
                    }
                    if lower.is_some() && lower != upper {
                        let from = upper.unwrap_or("");
                        return Err(unexpected(format!("salary band {band} of {of} starting at {from}, where band {} ends", band - 1), found_any));
                    }
                    labels.push(match (lower, high) {
                        (None, Some(b)) => format!("under {b}"),
                        (Some(a), Some(b)) => format!("{a} to under {b}"),
                        (Some(a), None) => format!("{a} and over"),
                        (None, None) => String::new(),
                    });
                    upper = high;
                }
                Header::StaffInYear { years_back } => {
                    let year = year_before(&table.year, years_back).unwrap_or_default();
                    let expected = format!("{STAFF_IN_YEAR}{year}");
                    let named = found.and_then(|l| l.strip_prefix(STAFF_IN_YEAR)).filter(|y| is_academic_year(y));
                    match (found, named) {
                        (Some(label), _) if label == expected => {}
                        (Some(label), Some(_)) => {
                            let kind = ErrorKind::YearColumnMismatch { expected, found: label.to_string(), file_year: table.year.clone() };
                            return Err(at(kind));
                        }
                        _ => return Err(unexpected(format!("column {expected:?}"), found_any)),
                    }
                    labels.push(String::new());
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
        Ok(labels)
    }
}

/// Staff Table 22's label before a year.
const STAFF_IN_YEAR: &str = "Total academic staff ";

/// `(lower bound, upper bound)` of a Staff Table 17 header, each as printed (`£18,031`).
fn salary_band(label: &str) -> Option<(Option<&str>, Option<&str>)> {
    let rest = label.strip_prefix("Contract salary ")?;
    let amount = |a: &str| -> Option<()> {
        let digits = a.strip_prefix('£')?;
        matches!(parse_number(digits), Ok(Some(_))).then_some(())
    };
    let (lower, upper) = if let Some(upper) = rest.strip_prefix("< ") {
        (None, Some(upper))
    } else {
        let rest = rest.strip_prefix("≥ ")?;
        match rest.split_once(" and < ") {
            Some((lower, upper)) => (Some(lower), Some(upper)),
            None => (Some(rest), None),
        }
    };
    lower.map_or(Some(()), amount)?;
    upper.map_or(Some(()), amount)?;
    Some((lower, upper))
}

/// The academic year `back` years before `year` (`2020/21`, 1 -> `2019/20`).
fn year_before(year: &str, back: u32) -> Option<String> {
    if !is_academic_year(year) {
        return None;
    }
    let start: u32 = year.get(..4)?.parse().ok()?;
    let start = start.checked_sub(back)?;
    Some(format!("{start}/{:02}", (start + 1) % 100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salary_band_headers() {
        assert_eq!(salary_band("Contract salary < £18,031"), Some((None, Some("£18,031"))));
        assert_eq!(salary_band("Contract salary ≥ £18,031 and < £24,057"), Some((Some("£18,031"), Some("£24,057"))));
        assert_eq!(salary_band("Contract salary ≥ £58,172"), Some((Some("£58,172"), None)));
        for bad in ["Total", "Contract salary < 18,031", "Contract salary ≥ £18,031 and < £x", "Contract salary £5"] {
            assert_eq!(salary_band(bad), None, "{bad}");
        }
    }

    #[test]
    fn years_before() {
        assert_eq!(year_before("2020/21", 1).as_deref(), Some("2019/20"));
        assert_eq!(year_before("2000/01", 1).as_deref(), Some("1999/00"));
        assert_eq!(year_before("2014/15", 0).as_deref(), Some("2014/15"));
        assert_eq!(year_before("2014", 1), None);
    }
}
