//! One small component per file. Each takes only the props it shows and a callback for actions.
//! The pickers built on `ChoiceSelect` (dataset, measure, year, base year) each have a file of their
//! own with the function that builds its props.

pub mod base_year_select;
pub mod category_filter;
pub mod chart_canvas;
pub mod chart_kind_select;
pub mod chart_legend;
pub mod choice_select;
pub mod compare_options;
pub mod dataset_switcher;
pub mod embed_dialog;
pub mod figure_caption;
pub mod figure_notes;
pub mod file_opener;
pub mod key_figures;
pub mod lens_buttons;
pub mod figures_table;
pub mod measure_select;
pub mod notice;
pub mod partner_filter;
pub mod provider_picker;
pub mod share_bar;
pub mod synced_select;
pub mod view_tabs;
pub mod year_select;

pub use category_filter::{CategoryFilter, CategoryGroup, CategoryOption};
pub use chart_canvas::ChartCanvas;
pub use chart_kind_select::ChartKindSelect;
pub use chart_legend::ChartLegend;
pub use choice_select::ChoiceSelect;
pub use compare_options::CompareOptions;
pub use dataset_switcher::DatasetOption;
pub use embed_dialog::EmbedDialog;
pub use figure_caption::FigureCaption;
pub use figure_notes::FigureNotes;
pub use file_opener::FileOpener;
pub use key_figures::KeyFigures;
pub use lens_buttons::LensButtons;
pub use figures_table::FiguresTable;
pub use notice::Notice;
pub use partner_filter::{PartnerFilter, PartnerOption};
pub use provider_picker::{ProviderOption, ProviderPicker};
pub use share_bar::ShareBar;
pub use view_tabs::ViewTabs;
