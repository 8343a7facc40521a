//! What other sites and programs read about the portal: RSS per edition, state and section
//! (`discovery`), the sitemap and robots.txt (`sitemap`), and oEmbed for our pages
//! (`embedding`).

pub mod discovery;
pub mod embedding;
pub mod sitemap;
