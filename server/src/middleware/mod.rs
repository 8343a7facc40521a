//! What every answer passes through on its way out: how long caches may keep it.
//! (Issue 30 moves the security headers, framing, ETags and the pace in here.)

pub mod cache_control;
