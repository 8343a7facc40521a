//! New stories as they land (issue 32): one desk per process notices each story that joins
//! an edition, fed by the storage's change notices (on PostgreSQL every replica hears every
//! publish through `LISTEN/NOTIFY`); each open front, section or country page hears of the
//! ones for its feed over Server-Sent Events (`api/public/live.rs`).

pub mod desk;
