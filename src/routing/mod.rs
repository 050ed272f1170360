//! Routing: `route.rs` names every screen as one `Route` (a path parsed, an address written;
//! pure, tested natively), `router.rs` follows the location (link interception, back and
//! forward, hover and focus to fetch a screen early). Which screen draws each route is the
//! shell's (`app/screens.rs`): links are drawn by components, screens are above them.

pub mod route;
pub mod router;
