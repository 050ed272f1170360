//! News: the service's posts in the interface language (English when it has none), sanitised.

use crate::api::models::NewsItem;
use crate::api::request::encode;
use crate::api::ApiError;
use crate::components::{loaded_view, screen_head, Pager, SafeHtml};
use crate::hooks::load;
use crate::i18n::t;
use crate::pages::paging::{has_next, news_lang, page_from_query, start_of};
use crate::routing::route::Route;
use crate::routing::router::use_location;
use crate::state::use_settings;
use leptos::prelude::*;

const NEWS_PAGE: u32 = 5;

#[component]
pub fn NewsPage() -> impl IntoView {
    let settings = use_settings();
    let location = use_location();
    let page = Signal::derive(move || page_from_query(location.param("page").as_deref()));
    let lang_param = Signal::derive(move || location.param("lang"));
    let news = load(move |cancel| {
        let client = settings.client().cancelled_by(cancel);
        let p = page.get();
        let wanted = lang_param
            .get()
            .unwrap_or_else(|| crate::i18n::service_lang().to_string());
        async move {
            let start = start_of(p, NEWS_PAGE);
            let items = client.news(&wanted, start, NEWS_PAGE).await?;
            if items.is_empty() && wanted != "en" && p == 1 {
                let lang = news_lang(&wanted, false).to_string();
                return Ok::<(Vec<NewsItem>, String), ApiError>((
                    client.news(&lang, start, NEWS_PAGE).await?,
                    lang,
                ));
            }
            Ok((items, wanted))
        }
    });
    view! {
        <section aria-labelledby="news-title">
            {screen_head(&Route::News)}
            {loaded_view(news, t("Loading the news…"), move |(items, lang)| {
                            let more = has_next(items.len(), NEWS_PAGE);
                            let empty = items.is_empty();
                            view! {
                                {(!crate::i18n::code().starts_with(lang.as_str())).then(|| view! {
                                    <p class="help">{if lang == "ru" { t("The news is in Russian, as asked.") } else { t("The news is in English: the service writes its news in Russian and English only.") }}</p>
                                })}
                                <div lang=lang.clone()>
                                    {empty.then(|| view! { <p>{t("No news here.")}</p> })}
                                    {items.into_iter().map(|n| view! {
                                        <article class="news">
                                            <h2>{n.title.clone()}</h2>
                                            <p class="help">{n.created_at.as_deref().map(crate::i18n::date)}</p>
                                            <SafeHtml html=n.text.clone() />
                                        </article>
                                    }).collect_view()}
                                </div>
                                <Pager page=page.get_untracked() has_next=more route=Route::News
                                    keep=lang_param.get_untracked().map(|l| format!("lang={}", encode(&l))) />
                            }.into_any()
            })}
        </section>
    }
}
