//! The JSON API's routes by who calls them (issue 30 moves `routes/` in here): `newsroom/` for
//! the signed-in editors' desk.

pub mod newsroom;
