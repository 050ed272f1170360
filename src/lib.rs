//! mvsep-web: a browser client for the MVSEP music source separation API.

// `f64::clamp`'s panic message formats floats, and any float formatting links the standard
// library's float printer (about 5 kB brotli of the first visit): `max(..).min(..)` instead,
// and numbers are written by `i18n::fixed` / `i18n::number`.
#![allow(clippy::manual_clamp)]

#[macro_use]
pub mod split;
#[macro_use]
pub mod i18n;

pub mod api;
pub mod app;
pub mod browser;
pub mod catalog;
pub mod components;
pub mod hooks;
pub mod library;
pub mod mixer;
pub mod order;
pub mod pages;
pub mod quality;
pub mod results;
pub mod routing;
pub mod safe_html;
pub mod state;
pub mod text;
