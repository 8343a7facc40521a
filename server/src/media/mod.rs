//! Photos (issue 29, decision 0016): what an upload is, read from its bytes (`check`), and the
//! variants readers get of it (`variants`); serving them under immutable content-hashed
//! addresses is to come.

pub mod check;
pub mod variants;

#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod test_pictures;
#[cfg(test)]
mod variants_tests;
