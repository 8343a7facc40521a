//! The editors' area's words (English only for now; the area is for the portal's staff).
//! Only the admin bundle refers to this, so readers' wasm never carries it.

pub struct AdminUi {
    pub title: &'static str,
    pub token: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub statuses: [(&'static str, &'static str); 3],
    pub none: &'static str,
    pub select_all: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub delete: &'static str,
    pub selected: &'static str,
    pub changed: &'static str,
}

pub const ADMIN_EN: AdminUi = AdminUi {
    title: "Infoshos editors",
    token: "Editors' token",
    sign_in: "Sign in",
    sign_out: "Sign out",
    statuses: [
        ("pending", "Waiting"),
        ("published", "Published"),
        ("rejected", "Rejected"),
    ],
    none: "No comments here.",
    select_all: "Select all",
    approve: "Approve",
    reject: "Reject",
    delete: "Delete",
    selected: "With the selected:",
    changed: "comments changed.",
};
