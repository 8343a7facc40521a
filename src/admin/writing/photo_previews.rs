//! The library photos the desk has seen (listed, picked or uploaded), so a figure in the
//! writing surface shows its picture and the library's caption as readers will see them.

use std::cell::RefCell;

use infoshos_model::photos::{LibraryPhoto, PhotoFormat, VariantSize, widths_of};

thread_local! {
    static KNOWN: RefCell<Vec<LibraryPhoto>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `photos` for the figures drawn from now on.
pub(crate) fn learn(photos: &[LibraryPhoto]) {
    KNOWN.with_borrow_mut(|known| {
        for photo in photos {
            known.retain(|p| p.photo.id != photo.photo.id);
            known.push(photo.clone());
        }
    });
}

/// A known photo's smallest picture, its alt text and the caption the server will give it
/// (`Photo::figure_caption`, the one rule for both).
pub(super) fn find(id: &str) -> Option<(String, String, String)> {
    KNOWN.with_borrow(|known| {
        known.iter().find(|p| p.photo.id == id).map(|p| {
            let photo = &p.photo;
            let src = photo.src(
                VariantSize::Width(widths_of(photo.width)[0]),
                PhotoFormat::Jpeg,
            );
            (src, photo.alt.clone(), photo.figure_caption())
        })
    })
}
