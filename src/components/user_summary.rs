use crate::api::models::User;
use leptos::prelude::*;

fn yes_no(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

/// The account as the service describes it.
#[component]
pub fn UserSummary(
    /// The account from `/api/app/user`.
    user: User,
) -> impl IntoView {
    let credits = user
        .premium_minutes
        .map(|c| c.to_string())
        .unwrap_or_else(|| "unknown".into());
    let plan = if user.premium_enabled {
        "Premium use on: up to 10 jobs at a time"
    } else {
        "Free use: 1 job at a time"
    };
    view! {
        <dl class="facts">
            <dt>"Name"</dt><dd data-testid="user-name">{user.name.clone()}</dd>
            <dt>"E-mail"</dt><dd>{user.email.clone()}</dd>
            <dt>"Credits"</dt><dd data-testid="user-credits">{credits}</dd>
            <dt>"Premium use"</dt><dd>{yes_no(user.premium_enabled)}</dd>
            <dt>"Long file names"</dt><dd>{yes_no(user.long_filenames_enabled)}</dd>
            <dt>"Plan"</dt><dd>{plan}</dd>
        </dl>
    }
}
