//! Infoshos reader: the SCO news portal in the browser.

pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod head;
pub mod i18n;
pub mod load;
pub mod pwa;
pub mod router;
pub mod routes;
pub mod time;
