use leptos::prelude::*;

fn main() {
    console_error_panic_hook_lite();
    mount_to_body(|| view! { <p>"Infoshos"</p> });
}

fn console_error_panic_hook_lite() {}
