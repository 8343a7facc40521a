//! Pieces the pages share.

pub mod clocks;
pub mod comment_form;
pub mod comment_post;
pub mod comments;
pub mod failure;
pub mod feed_list;
pub mod flag;
pub mod header;
pub mod news_feed;
pub mod photo;
pub mod rate_converter;
pub mod rates_table;
pub mod save_offline;
pub mod section_link;
pub mod server_drawn;
pub mod states_list;
