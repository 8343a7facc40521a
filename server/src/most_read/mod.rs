//! Most read: each reading of an article counted by the server (no cookie, no stored address,
//! no profile), per article per hour, kept in memory (`tally`) and added to the database in
//! batches, to which every replica adds; crawlers and prefetches are not readers (`readers`).

pub mod readers;
pub mod tally;
