//! What other sites and programs read about the portal: RSS per edition and state, the
//! sitemap and robots.txt (`discovery`), and oEmbed for our pages (`embedding`).

pub mod discovery;
pub mod embedding;
