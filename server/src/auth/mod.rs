//! Who an editor is and what they may do: sessions and roles (`May<…>`), the first-start and
//! recovery tokens, passwords and the second factor, browsers an account signed in from.

pub mod credentials;
pub mod device;
pub mod recovery;
pub mod session;
