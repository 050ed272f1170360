use wasm_bindgen::JsCast;

fn main() {
    // A panic's message goes to the console (with panic = "abort" nothing else would say it).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    // The language first (its catalogue, when not English), so the app paints once in it.
    mvsep_web::i18n::start(mount);
}

/// Replaces the static shell in index.html (painted before the wasm loaded) with the app: its
/// state in this task, its drawing in the next (`app::provide_state`). The shell's header stays
/// until the app's own is drawn, a task later again (`app::App`).
fn mount() {
    // The state's effects are spawned before `mount_to` would set the executor up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    owner.with(mvsep_web::app::provide_state);
    leptos::prelude::set_timeout(
        move || {
            owner.with(draw);
            // The state's owner lives as long as the page (dropped, it would dispose of it).
            std::mem::forget(owner);
        },
        std::time::Duration::ZERO,
    );
}

fn draw() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(el) => {
            // Emptied without innerHTML, which Trusted Types would refuse (see src/boot.js); by
            // name, as a typed binding would add an import to this module. The header is put back.
            let header = el
                .query_selector(mvsep_web::app::SHELL_HEADER)
                .ok()
                .flatten();
            let _ = js_sys::Reflect::set(&el, &"textContent".into(), &"".into());
            if let Some(h) = header {
                let _ = el.append_child(&h);
            }
            leptos::mount::mount_to(el, mvsep_web::app::App).forget();
        }
        None => leptos::mount::mount_to_body(mvsep_web::app::App),
    }
}
