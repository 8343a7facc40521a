//! What an operator runs beside the server: `backup FILE` (and, in `auth::recovery`,
//! `recovery-token`; `seed` lives with the demo content in `seed/`).

pub mod backup;
