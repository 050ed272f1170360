//! One file per routed screen. Pages own resources and actions and render components.

pub mod account;
pub mod not_found;
pub mod planned;
pub mod settings;

pub use account::AccountPage;
pub use not_found::NotFound;
pub use planned::Planned;
pub use settings::SettingsPage;
