//! Whether the browser has a network, as one signal every screen shares: a load that failed for
//! want of one says so in a line, and runs again by itself when it returns (`loaded_view`).

use crate::browser::page::{is_online, on_network};
use leptos::prelude::*;

thread_local! {
    // Reference-counted rather than owned by whichever screen asked first: it outlives them all.
    static ONLINE: ArcRwSignal<bool> = {
        let online = ArcRwSignal::new(is_online());
        let set = online.clone();
        on_network(move || set.set(is_online()));
        online
    };
}

pub fn online() -> Signal<bool> {
    ONLINE.with(|o| o.clone()).into()
}
