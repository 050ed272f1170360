//! mvsep-web: a browser client for the MVSEP music source separation API.

#[macro_use]
pub mod split;
#[macro_use]
pub mod i18n;

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod forms;
pub mod mix;
pub mod pages;
pub mod route;
pub mod router;
pub mod safe_html;
pub mod screens;
pub mod state;
