//! mvsep-web: a browser client for the MVSEP music source separation API.

pub mod api;
pub mod app;
pub mod components;
pub mod pages;
pub mod state;
