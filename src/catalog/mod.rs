//! The model list and a model's options, as the screens decide with them: `list.rs` groups,
//! sorts and filters the models by what they do, `fold.rs` folds case for the search,
//! `options.rs` makes a model's option fields into a form and a job's options. Pure: tested
//! with plain `cargo test`.

pub mod fold;
pub mod list;
pub mod options;
