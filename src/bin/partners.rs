//! The widgets page for partner sites (`/{lang}/widgets`, `partners.html`): a bundle of its own,
//! so the reader's download does not carry a page only partners open (decision 0006). The
//! server renders the page; this mounts the same components over it.

fn main() {
    infoshos::mount_into("app", infoshos::routes::widgets::PartnersApp);
}
