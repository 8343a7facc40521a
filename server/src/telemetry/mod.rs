//! What operators see of the running portal: the log (text or JSON, each line of a request
//! with its id), the Prometheus metrics on an address of their own, and the readiness check.

pub mod logs;
pub mod metrics;
pub mod request_id;
