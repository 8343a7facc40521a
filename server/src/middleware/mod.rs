//! What every request and answer passes through: how large a body may be, how long an
//! answer may take and how long caches may keep it.
//! (Issue 30 moves the security headers, framing, ETags and the pace in here.)

pub mod body_limit;
pub mod cache_control;
pub mod deadline;
