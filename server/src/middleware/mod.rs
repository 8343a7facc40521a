//! What every request and answer passes through: security headers and framing, strong ETags,
//! the pace of comments and sign-ins, body and time limits, and how long caches may keep it.

pub mod body_limit;
pub mod cache_control;
pub mod deadline;
pub mod etag;
pub mod framing;
pub mod rate_limit;
pub mod security;
