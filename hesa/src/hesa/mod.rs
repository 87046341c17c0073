//! Reading HESA "download this table" CSV files.
//!
//! [`parse`] turns the bytes of one download into a [`HesaTable`]: the metadata block, the value
//! columns and one row per provider, with not-reported cells kept as `None`. It knows nothing of
//! what the columns mean; [`crate::table_specs`] maps the bundled tables' columns to categories.

mod parse;

pub use parse::parse;

/// The metadata block at the top of a download.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub subtitle: String,
    pub reference_id: String,
    pub data_source: String,
    pub source_link: String,
    pub canonical_link: String,
    pub licence: String,
    pub date: String,
    /// `(filter, value)` pairs in file order, values trimmed.
    pub filters: Vec<(String, String)>,
}

impl Metadata {
    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One value column of the table, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The label with surrounding white space removed. Staff Table 1 repeats labels (its
    /// non-academic copies carry a trailing space): use `block` to tell the copies apart.
    pub label: String,
    /// 0 for the first run of distinct labels; increases each time a label repeats one already
    /// seen in the current block (Staff Table 1: 0 = academic, 1 = non-academic and the total).
    pub block: usize,
}

/// One provider row, or the all-UK total row.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderRow {
    /// `None` for the all-UK `Total` row.
    pub ukprn: Option<String>,
    /// The name as HESA printed it this year, without the opt-out `*`.
    pub name: String,
    /// The name carried a `*`: the provider opted out of part of the return.
    pub opted_out: bool,
    /// One value per column; `None` where the cell was empty (not reported).
    pub values: Vec<Option<f64>>,
    /// 1-based line of the row in the file.
    pub line: u64,
}

/// A parsed download.
#[derive(Debug, Clone, PartialEq)]
pub struct HesaTable {
    /// The file name it was read from, for messages.
    pub file: String,
    pub meta: Metadata,
    /// The academic year from the `Filters:` block, like `2020/21`.
    pub year: String,
    pub columns: Vec<Column>,
    /// 1-based line of the header row.
    pub header_line: u64,
    pub providers: Vec<ProviderRow>,
    /// The trailing all-UK `Total` row, when the file has one.
    pub total: Option<ProviderRow>,
}
