//! One small component per file. Each takes only the props it shows and a callback for actions.

pub mod category_filter;
pub mod chart_canvas;
pub mod chart_kind_select;
pub mod chart_legend;
pub mod compare_options;
pub mod dataset_switcher;
pub mod figure_caption;
pub mod figures_table;
pub mod measure_select;
pub mod partner_filter;
pub mod view_tabs;
pub mod year_select;

pub use category_filter::{CategoryFilter, CategoryGroup, CategoryOption};
pub use chart_canvas::ChartCanvas;
pub use chart_kind_select::ChartKindSelect;
pub use chart_legend::ChartLegend;
pub use compare_options::CompareOptions;
pub use dataset_switcher::{DatasetOption, DatasetSwitcher};
pub use figure_caption::FigureCaption;
pub use figures_table::FiguresTable;
pub use measure_select::MeasureSelect;
pub use partner_filter::{PartnerFilter, PartnerOption};
pub use view_tabs::ViewTabs;
pub use year_select::YearSelect;
