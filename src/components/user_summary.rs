use crate::api::models::User;
use crate::i18n::t;
use leptos::prelude::*;

/// A switch's state as a word of the language.
fn on_off(b: bool) -> &'static str {
    if b {
        t("on")
    } else {
        t("off")
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
        .unwrap_or_else(|| t("unknown").into());
    let plan = if user.premium_enabled {
        t("Premium use on: up to 10 jobs at a time")
    } else {
        t("Free use: 1 job at a time")
    };
    view! {
        <dl class="facts">
            <dt>{t("Name")}</dt><dd data-testid="user-name" translate="no">{user.name.clone()}</dd>
            <dt>{t("E-mail")}</dt><dd translate="no">{user.email.clone()}</dd>
            <dt>{t("Credits")}</dt><dd data-testid="user-credits">{credits}</dd>
            <dt>{t("Premium use")}</dt><dd>{on_off(user.premium_enabled)}</dd>
            <dt>{t("Long file names")}</dt><dd>{on_off(user.long_filenames_enabled)}</dd>
            <dt>{t("Plan")}</dt><dd>{plan}</dd>
        </dl>
    }
}
