//! The service's queue, refreshed every 30 s while the tab is visible (never while hidden).

use crate::api::models::SiteQueue;
use crate::hooks::{every_visible, on_visible};
use crate::state::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct QueueWatch {
    pub queue: RwSignal<Option<SiteQueue>>,
}

impl QueueWatch {
    pub fn refresh(&self, settings: Settings) {
        let client = settings.client();
        let q = self.queue;
        spawn_local(async move {
            if let Ok(v) = client.queue().await {
                q.set(Some(v));
            }
        });
    }
}

pub fn provide_queue_watch(settings: Settings) -> QueueWatch {
    let w = QueueWatch {
        queue: RwSignal::new(None),
    };
    Effect::new(move |_| {
        settings.base.track();
        settings.token.track();
        w.refresh(settings);
    });
    every_visible(Duration::from_secs(30), move || w.refresh(settings));
    on_visible(move || w.refresh(settings));
    provide_context(w);
    w
}

pub fn use_queue_watch() -> QueueWatch {
    expect_context::<QueueWatch>()
}
