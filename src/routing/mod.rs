//! Routing, whole: `route.rs` names every screen as one `Route` (a path parsed, an address
//! written; pure, tested natively), `router.rs` follows the location (link interception, back
//! and forward, hover and focus to fetch a screen early), `screens.rs` draws each route (every
//! screen but Separate a lazily loaded chunk).

pub mod route;
pub mod router;
pub mod screens;
