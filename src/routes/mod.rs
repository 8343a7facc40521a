//! One page per file.

pub mod article;
pub mod country;
pub mod home;
pub mod not_found;
pub mod rate_history;
pub mod saved;
pub mod search;
pub mod widgets;
