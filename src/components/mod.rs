//! One small component per file.

mod add_key;
mod chip_list;
mod conflict_bar;
mod draft_list;
mod editor;
mod excerpt_panel;
mod export_button;
mod field_row;
mod front_matter_form;
mod import_button;
mod notice;
mod preview;
mod preview_settings;
mod raw_field;
mod status_bar;
mod storage_usage;
mod toolbar;
mod update_bar;

pub use add_key::AddKey;
pub use chip_list::ChipList;
pub use conflict_bar::ConflictBar;
pub use draft_list::DraftList;
pub use editor::Editor;
pub use excerpt_panel::ExcerptPanel;
pub use export_button::ExportButton;
pub use field_row::FieldRow;
pub use front_matter_form::FrontMatterForm;
pub use import_button::ImportButton;
pub use notice::Notice;
pub use preview::Preview;
pub use preview_settings::PreviewSettings;
pub use raw_field::RawField;
pub use status_bar::StatusBar;
pub use storage_usage::StorageUsage;
pub use toolbar::Toolbar;
pub use update_bar::UpdateBar;
