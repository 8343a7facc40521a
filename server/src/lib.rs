//! The Infoshos API server as a library, so tests drive `app::app` without a socket.

pub mod admin;
pub mod answer_cache;
pub mod app;
pub mod backup;
pub mod comment_post;
pub mod config;
pub mod config_check;
pub mod cursor;
pub mod discovery;
pub mod edition;
pub mod error;
pub mod etag;
pub mod form_token;
pub mod framing;
pub mod kept;
pub mod oembed;
pub mod page_head;
pub mod rate_limit;
pub mod rates;
pub mod reader_page;
pub mod routes;
pub mod sanitize;
pub mod security;
pub mod seed;
pub mod static_files;
pub mod storage;
