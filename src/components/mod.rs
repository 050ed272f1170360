//! Reusable pieces that take props and callbacks. They never call the API.

pub mod error_view;
pub mod loading;
pub mod nav;
pub mod secret_input;
pub mod user_summary;

pub use error_view::ErrorView;
pub use loading::Loading;
pub use nav::Nav;
pub use secret_input::SecretInput;
pub use user_summary::UserSummary;
