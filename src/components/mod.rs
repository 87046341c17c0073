//! One small component per file. Each takes only the props it shows and a callback for actions.
//! A part with no state or effects of its own (the notice, the caption, the notes, the lens
//! buttons, the chart kind and comparison options, the partner and category filters, the tabs,
//! the file opener; the provider search, the figures table, the share bar and the key figures,
//! whose text, order, status and dialog the state holds) is a plain function returning `Html`: it
//! renders with its parent, and the page carries no component machinery for it (about 0.5 KB of
//! brotli each). Its props struct, where a test mounts it in a host component, still derives
//! `Properties`.
//! The pickers built on `ChoiceSelect` (dataset, measure, year, base year; the key figures' year)
//! each have a file of their own with the function that builds its props.

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

pub use category_filter::{category_filter, CategoryFilterProps, CategoryGroup, CategoryOption};
pub use chart_canvas::ChartCanvas;
pub use chart_kind_select::chart_kind_select;
pub use chart_legend::ChartLegend;
pub use choice_select::ChoiceSelect;
pub use compare_options::compare_options;
pub use dataset_switcher::DatasetOption;
pub use embed_dialog::EmbedDialog;
pub use figure_caption::figure_caption;
pub use figure_notes::figure_notes;
pub use file_opener::file_opener;
pub use key_figures::{key_figures, KeyFiguresProps};
pub use lens_buttons::lens_buttons;
pub use figures_table::figures_table;
pub use notice::notice;
pub use partner_filter::{partner_filter, PartnerFilterProps, PartnerOption};
pub use provider_picker::{provider_picker, ProviderOption, ProviderPickerProps};
pub use share_bar::{share_bar, ShareBarProps};
pub use view_tabs::{view_tabs, ViewTabsProps};
