//! Lenses: named views that answer one question in one click or one link. A lens is applied as an
//! [`Action::ApplyLens`](crate::selection::Action::ApplyLens) on the selection; it says what it
//! counts in a short definition that the view model puts in the caption's notes while its figures
//! are shown.

use crate::dataset::{Bundle, Dataset};
use crate::manifest::CategoryKey;

/// A named view of the bundled data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lens {
    /// The technical workforce, as near as HESA's open tables come: non-academic staff in
    /// associate professional occupations, every partner, over every year.
    Technical,
}

impl Lens {
    pub const ALL: [Lens; 1] = [Lens::Technical];

    /// The name used in links (`?lens=technical`).
    pub fn id(self) -> &'static str {
        match self {
            Lens::Technical => "technical",
        }
    }

    pub fn from_id(id: &str) -> Option<Lens> {
        Lens::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Lens::Technical => "Technical workforce",
        }
    }

    /// The dataset the lens reads.
    pub fn dataset(self) -> &'static str {
        match self {
            Lens::Technical => "staff-occupation",
        }
    }

    /// The categories it counts.
    pub fn categories(self) -> Vec<CategoryKey> {
        match self {
            Lens::Technical => {
                vec![CategoryKey { group: "Non-academic".to_string(), name: "Associate professional occupations".to_string() }]
            }
        }
    }

    /// The lens's dataset, when the bundle has it with every category the lens counts.
    pub fn data(self, bundle: &Bundle) -> Option<&Dataset> {
        bundle.dataset(self.dataset()).filter(|d| self.categories().iter().all(|k| d.category_index(k).is_some()))
    }

    /// Whether a view of `dataset` with `categories` counts what the lens counts (whatever the
    /// partners, chart or measure), so the lens's definition belongs beside it.
    pub fn counts(self, dataset: &str, categories: &[CategoryKey]) -> bool {
        dataset == self.dataset() && categories == self.categories().as_slice()
    }

    /// What the lens counts and what it leaves out, in plain words.
    pub fn definition(self) -> &'static str {
        match self {
            Lens::Technical => {
                "Technical workforce: non-academic staff in associate professional occupations (SOC 2010 major group 3), \
                 where HESA places technical occupations such as laboratory, engineering and IT technicians. It leaves out \
                 technicians HESA classes elsewhere (for example in skilled trades) and academic staff. HESA's open tables \
                 do not separate technicians from other associate professionals."
            }
        }
    }
}
