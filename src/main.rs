//! Mount only: the static shell in index.html is painted before the wasm arrives; once it has,
//! the app replaces it.

fn main() {
    infoshos::mount_into("app", infoshos::app::App);
}
