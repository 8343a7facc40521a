//! Mount only: the page the server rendered (or the offline shell) is on screen before the wasm
//! arrives; the app replaces it with the same content, from the answers the page carries.
//! Trunk's loader starts it once the page's largest paint is reported, into a hidden copy of
//! `#app` that it swaps in when drawn (see Trunk.toml).

fn main() {
    // The app is drawn a task after the wasm is instantiated: the two (V8 taking the compiled
    // module, then the first drawing, whose functions V8 compiles as they are first called)
    // were one task of 120-145 ms at 4x CPU slowdown (`make visit`). The loader waits for the
    // drawing to begin.
    leptos::prelude::set_timeout(
        || infoshos::mount_into("app", infoshos::app::App),
        std::time::Duration::ZERO,
    );
}
