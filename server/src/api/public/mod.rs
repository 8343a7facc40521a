//! The public routes: what readers' browsers, partner sites and monitors ask for (articles,
//! the most read, new stories as they land, comments, search, states, rates, oEmbed, health).

pub mod articles;
pub mod comments;
pub mod health;
pub mod live;
pub mod most_read;
pub mod oembed;
pub mod rates;
pub mod search;
pub mod states;
