//! The widget app partner sites frame (`/embed/…`): its own small bundle, mounted into the
//! page trunk builds from embed.html.

fn main() {
    infoshos::mount_into("widget", infoshos::embed::EmbeddedWidget);
}
