//! The Infoshos API server as a library, so tests drive `router::app` without a socket.

pub mod answer_cache;
pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod cursor;
pub mod error;
pub mod feeds;
pub mod form_token;
pub mod kept;
pub mod live;
pub mod media;
pub mod middleware;
pub mod most_read;
pub mod pages;
pub mod rates;
pub mod router;
pub mod sanitize;
pub mod schedule;
pub mod search;
pub mod seed;
pub mod serve;
pub mod state;
pub mod storage;
pub mod telemetry;
