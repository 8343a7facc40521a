//! Fuzzing without a nightly toolchain: proptest throws arbitrary and mangled inputs at the two
//! parsers that read what strangers send — the CBR rates XML and a comment's JSON — and checks
//! they answer (Ok or a clear error) and never panic. `make test` runs a short round; for a
//! long one with fresh random inputs: `make fuzz`.

use infoshos_model::NewComment;
use infoshos_server::rates::parse::parse_cbr;
use proptest::prelude::*;

const SNAPSHOT: &[u8] = include_bytes!("../../src/rates/snapshot-2018-12-26.xml");

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_cbr(&bytes);
    }

    #[test]
    fn a_real_feed_mangled_anywhere_is_read_or_refused(
        cuts in proptest::collection::vec((0usize..SNAPSHOT.len(), any::<u8>()), 1..8),
        truncate in 0usize..=SNAPSHOT.len(),
    ) {
        let mut bytes = SNAPSHOT.to_vec();
        for (at, byte) in cuts {
            bytes[at] = byte;
        }
        bytes.truncate(truncate.max(1));
        let _ = parse_cbr(&bytes);
    }

    #[test]
    fn comment_json_of_any_shape_is_read_or_refused(text in "\\PC{0,300}", raw in any::<String>()) {
        for body in [
            text.clone(),
            raw,
            format!("{{\"name\": {text:?}, \"text\": {text:?}, \"key\": {text:?}}}"),
            format!("{{\"name\": 1, \"text\": [{text:?}], \"email\": {{}}}}"),
        ] {
            if let Ok(comment) = serde_json::from_str::<NewComment>(&body) {
                let _ = infoshos_model::validate_comment(&comment);
            }
        }
    }
}

#[test]
fn the_shipped_feed_still_parses() {
    assert!(parse_cbr(SNAPSHOT).is_ok());
}
