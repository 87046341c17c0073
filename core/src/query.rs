//! Filtering and grouping: which providers, categories and years, grouped by up to two
//! dimensions and summed. A value HESA did not report is never summed as zero: the cell records
//! it as missing, and its sum is marked incomplete.

use crate::dataset::Dataset;

/// A dimension of the cube.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dim {
    Provider,
    Category,
    Year,
}

/// A filter and a grouping. Indices are the dataset's dictionary indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub providers: Vec<usize>,
    pub categories: Vec<usize>,
    pub years: Vec<usize>,
    /// One row per value of this dimension (in the order given above).
    pub rows: Dim,
    /// One series per value of this dimension; `None` sums everything into one series.
    pub series: Option<Dim>,
}

/// One figure not reported by HESA, by dictionary index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing {
    pub provider: usize,
    pub year: usize,
    pub category: usize,
}

/// A summed cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// The sum of the figures HESA reported.
    pub sum: f64,
    /// How many figures were summed.
    pub reported: usize,
    /// The figures in this cell that HESA did not report.
    pub missing: Vec<Missing>,
}

impl Cell {
    /// The sum, or `None` when nothing in the cell was reported.
    pub fn value(&self) -> Option<f64> {
        (self.reported > 0).then_some(self.sum)
    }

    /// True when every figure in the cell was reported.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    fn add(&mut self, other: &Cell) {
        self.sum += other.sum;
        self.reported += other.reported;
        self.missing.extend_from_slice(&other.missing);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    /// Dictionary indices of the row dimension, in query order.
    pub rows: Vec<usize>,
    /// Dictionary indices of the series dimension (one `usize::MAX` entry when not split).
    pub series: Vec<usize>,
    /// `cells[row * series.len() + series]`.
    pub cells: Vec<Cell>,
}

impl QueryResult {
    pub fn cell(&self, row: usize, series: usize) -> &Cell {
        &self.cells[row * self.series.len() + series]
    }

    /// The sum of a row across all series.
    pub fn row_total(&self, row: usize) -> Cell {
        let mut total = Cell::default();
        for s in 0..self.series.len() {
            total.add(self.cell(row, s));
        }
        total
    }

    /// The sum of everything selected.
    pub fn grand_total(&self) -> Cell {
        let mut total = Cell::default();
        for c in &self.cells {
            total.add(c);
        }
        total
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// A dimension was used for both rows and series.
    SameDimensionTwice,
    /// Two categories would be summed where one is a total that includes the other.
    OverlappingCategories { total: usize, part: usize },
    /// An index is outside the dataset.
    OutOfRange(Dim, usize),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::SameDimensionTwice => write!(f, "rows and series must be different dimensions"),
            QueryError::OverlappingCategories { .. } => {
                write!(f, "a total and one of its parts cannot be summed together")
            }
            QueryError::OutOfRange(dim, i) => write!(f, "{dim:?} {i} is not in the dataset"),
        }
    }
}

impl Query {
    /// Runs the query. Summing a published total with one of its own parts is refused rather
    /// than double counted.
    pub fn run(&self, data: &Dataset) -> Result<QueryResult, QueryError> {
        if Some(self.rows) == self.series {
            return Err(QueryError::SameDimensionTwice);
        }
        for (dim, list, len) in [
            (Dim::Provider, &self.providers, data.providers().len()),
            (Dim::Category, &self.categories, data.categories().len()),
            (Dim::Year, &self.years, data.years().len()),
        ] {
            if let Some(&bad) = list.iter().find(|&&i| i >= len) {
                return Err(QueryError::OutOfRange(dim, bad));
            }
        }
        let categories_summed = self.rows != Dim::Category && self.series != Some(Dim::Category);
        if categories_summed {
            let cats = data.categories();
            for &a in &self.categories {
                for &b in &self.categories {
                    if cats[a].covers(&cats[b]) {
                        return Err(QueryError::OverlappingCategories { total: a, part: b });
                    }
                }
            }
        }

        let list = |dim: Dim| match dim {
            Dim::Provider => &self.providers,
            Dim::Category => &self.categories,
            Dim::Year => &self.years,
        };
        let rows = list(self.rows).clone();
        let series = match self.series {
            Some(dim) => list(dim).clone(),
            None => vec![usize::MAX],
        };
        let mut cells = vec![Cell::default(); rows.len() * series.len()];
        for (pi, &p) in self.providers.iter().enumerate() {
            for (yi, &y) in self.years.iter().enumerate() {
                for (ci, &c) in self.categories.iter().enumerate() {
                    let at = |dim: Dim| match dim {
                        Dim::Provider => pi,
                        Dim::Year => yi,
                        Dim::Category => ci,
                    };
                    let r = at(self.rows);
                    let s = self.series.map_or(0, at);
                    let cell = &mut cells[r * series.len() + s];
                    match data.value(p, y, c) {
                        Some(v) => {
                            cell.sum += v;
                            cell.reported += 1;
                        }
                        None => cell.missing.push(Missing { provider: p, year: y, category: c }),
                    }
                }
            }
        }
        Ok(QueryResult { rows, series, cells })
    }
}
