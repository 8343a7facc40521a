//! Who an editor is and what they may do: sessions, roles, passwords, the second factor.
//! (Issue 30 moves `admin.rs`, `accounts.rs` and `recovery.rs` in here.)

pub mod device;
