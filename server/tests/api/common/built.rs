//! What `make spa` would have written into `dist/`, as small as the server needs it: each
//! built page with the markers the server fills, a hashed asset with its brotli copy, a flag.

use std::path::Path;

/// The built pages and files under `dist`.
pub fn write_pages(dist: &Path) {
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        // The markers the server fills, as in the repo's index.html (`pages::text::fill`).
        "<!doctype html><head><title>Infoshos</title>\n  <!-- A note for the shell's developers. -->\n  \
         <!--preload--><link rel=preload \
         href=/api/states><!--/preload--></head><body id=reader><div id=\"app\"><!--shell-->\
         <p class=shell>Loading</p><!--/shell--></div>\
         <div id=\"pwa-status\" class=\"pwa-status\" role=\"status\" aria-live=\"polite\" hidden></div></body>",
    )
    .unwrap();
    // The other editions' readers (`make spa` writes them from index.html).
    for edition in ["ru", "zh"] {
        std::fs::create_dir_all(dist.join(format!("edition-{edition}"))).unwrap();
        std::fs::write(
            dist.join(format!("edition-{edition}/index.html")),
            format!(
                "<!doctype html><html lang=\"{edition}\"><head><title>Infoshos</title>\
                 <!--preload--><!--/preload--></head><body id=reader-{edition}><div id=\"app\">\
                 <!--shell--><!--/shell--></div><div id=\"pwa-status\" hidden></div></body>"
            ),
        )
        .unwrap();
    }
    // The build of the pages readers open now and then (search, widgets), with the same markers.
    std::fs::create_dir_all(dist.join("occasional")).unwrap();
    std::fs::write(
        dist.join("occasional/index.html"),
        "<!doctype html><head><title>Infoshos widgets</title><!--preload--><!--/preload-->\
         </head><body id=occasional><div id=\"app\"><!--shell--><!--/shell--></div></body>",
    )
    .unwrap();
    // The editors' area and the widget app's pages (`make spa` builds them into dist/).
    std::fs::create_dir_all(dist.join("admin")).unwrap();
    std::fs::write(
        dist.join("admin/index.html"),
        "<!doctype html><html lang=\"en\"><head><title>Infoshos editors</title></head><body id=admin></body>",
    )
    .unwrap();
    std::fs::create_dir_all(dist.join("embed")).unwrap();
    std::fs::write(
        dist.join("embed/index.html"),
        "<!doctype html><head><title>Infoshos widget</title></head><body id=widget></body>",
    )
    .unwrap();
    std::fs::write(dist.join("infoshos-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    // What `make spa` writes beside each asset: a brotli copy, sent as it is.
    std::fs::write(
        dist.join("infoshos-0123456789abcdef_bg.wasm.br"),
        b"brotli bytes",
    )
    .unwrap();
    // A flag, as scripts/flags.mjs copies them.
    std::fs::create_dir_all(dist.join("flags")).unwrap();
    std::fs::write(
        dist.join("flags/kz.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
}
