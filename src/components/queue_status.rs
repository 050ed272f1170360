use crate::api::models::SiteQueue;
use crate::i18n::{k, number, t, tn};
use leptos::prelude::*;

fn n(v: Option<i64>) -> i64 {
    v.unwrap_or(0)
}

/// The service's name of a queue's plan in the language's words (one it does not know as it
/// came).
fn plan_name(plan: &str) -> &str {
    const PLANS: [&str; 3] = [k("premium"), k("registered"), k("unregistered")];
    PLANS.iter().find(|p| **p == plan).map_or(plan, |p| t(p))
}

/// One line: the service's load (and the person's plan queue when known).
pub fn queue_line(q: &SiteQueue) -> String {
    let c = &q.queue;
    let waiting = n(c.premium) + n(c.registered) + n(c.unregistered);
    let mut s = tr!(
        "Service queue: {busy} in process, {waiting} waiting",
        busy = n(c.in_process),
        waiting = waiting
    );
    // The plan's name is on Account (`QueueDetails`): here, its queue alone.
    if let Some(queue) = q.plan.as_ref().and_then(|p| p.queue) {
        s.push_str(&tr!(" · on your plan: {queue}", queue = queue));
    }
    s
}

/// "47 free separations left today (of 50)."
pub fn free_left((left, max): (i64, i64)) -> String {
    tn(
        left as u64,
        "{n} free separation left today (of {max}).",
        "{n} free separations left today (of {max}).",
    )
    .replace("{max}", &number(max as f64, 0))
}

/// "Only 2 free separations are left today (of 50): …", for a batch over them.
pub fn free_over((left, max): (i64, i64)) -> String {
    tn(
        left as u64,
        "Only {n} free separation is left today (of {max}): the songs after it will be refused.",
        "Only {n} free separations are left today (of {max}): the songs after them will be refused.",
    )
    .replace("{max}", &number(max as f64, 0))
}

/// The service's queue in detail.
#[component]
pub fn QueueDetails(queue: SiteQueue) -> impl IntoView {
    let c = queue.queue.clone();
    view! {
        <dl class="facts">
            <dt>{t("In process")}</dt><dd>{n(c.in_process)}</dd>
            <dt>{t("Waiting, premium")}</dt><dd>{n(c.premium)}</dd>
            <dt>{t("Waiting, registered")}</dt><dd>{n(c.registered)}</dd>
            <dt>{t("Waiting, unregistered")}</dt><dd>{n(c.unregistered)}</dd>
            {queue.plan.clone().and_then(|p| p.plan).map(|plan| view! {
                <dt>{t("Your plan")}</dt><dd>{plan_name(&plan).to_string()}</dd>
            })}
            {queue.plan.as_ref().and_then(|p| p.queue).map(|n| view! {
                <dt>{t("In your plan's queue")}</dt><dd>{n}</dd>
            })}
            {queue.free.map(|f| view! { <dt>{t("Free separations today")}</dt><dd>{free_left(f)}</dd> })}
        </dl>
    }
}
