//! Mount only: the page the server rendered (or the offline shell) is on screen before the wasm
//! arrives; the app replaces it with the same content, from the answers the page carries.
//! Trunk's loader starts it once the page's largest paint is reported, into a hidden copy of
//! `#app` that it swaps in when drawn (see Trunk.toml).

fn main() {
    infoshos::mount_into("app", infoshos::app::App);
}
