//! The newsroom's routes under `/api/admin/`: what editors do at the desk (photos, for now;
//! sessions, people, articles, drafts and moderation move in from `routes/` with issue 30).

pub mod photos;
