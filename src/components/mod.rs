//! Reusable pieces that take props and callbacks. They never call the API.

pub mod algorithm_picker;
pub mod chunk_failed;
pub mod drop_zone;
pub mod error_view;
pub mod job_card;
pub mod job_list;
pub mod loaded;
pub mod loading;
pub mod nav;
pub mod option_form;
pub mod pager;
pub mod progress_bar;
pub mod queue_status;
pub mod result_files;
pub mod safe_html;
pub mod sdr_chart;
pub mod secret_input;
pub mod user_summary;

pub use algorithm_picker::AlgorithmPicker;
pub use chunk_failed::ChunkFailed;
pub use drop_zone::DropZone;
pub use error_view::ErrorView;
pub use job_card::{use_clock, JobCard};
pub use job_list::{lazy_job_list, ActiveJobs, JobList, TrackedJobCard};
pub use loaded::loaded_view;
pub use loading::Loading;
pub use nav::Nav;
pub use option_form::{lazy_option_form, OptionForm};
pub use pager::Pager;
pub use progress_bar::ProgressBar;
pub use queue_status::{queue_line, QueueDetails};
pub use result_files::ResultFiles;
pub use safe_html::{lazy_safe_html, SafeHtml};
pub use sdr_chart::SdrChart;
pub use secret_input::SecretInput;
pub use user_summary::UserSummary;
