//! Photos (issue 29, decision 0016): what an upload is, read from its bytes (`check`), the
//! variants readers get of it (`variants`) made off the async threads (`process`), and serving
//! them under names that never change what they name (`serve`); library photos placed in an
//! article body (`figures`).

pub mod check;
pub mod figures;
pub mod process;
pub mod serve;
pub mod variants;

/// Pictures made by code for the tests (here and in `server/tests`): never a file from elsewhere.
#[doc(hidden)]
pub mod test_pictures;

#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod variants_tests;
