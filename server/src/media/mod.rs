//! Photos (issue 29, decision 0016): what an upload is, read from its bytes, and (to come)
//! its variants and their serving under immutable content-hashed addresses.

pub mod check;
#[cfg(test)]
mod check_tests;
