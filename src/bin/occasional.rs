//! The pages readers open now and then, search results and the widgets page (`occasional.html`):
//! a bundle of their own, so the reader's download does not carry them (decision 0006). The
//! server renders each page; this mounts the same components over it.

fn main() {
    infoshos::mount_into("app", infoshos::occasional::OccasionalApp);
}
