//! The editors' area (`/admin`): its own bundle, so readers never download it.

fn main() {
    infoshos::mount_into("admin", infoshos::admin::AdminApp);
}
