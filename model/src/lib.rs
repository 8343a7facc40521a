//! Wire types of the Infoshos JSON API and the pure rules that the reader (wasm) and the
//! server must agree on. Field names are camelCase on the wire, everywhere.

pub mod accounts;
pub mod admin;
pub mod article_index;
pub mod articles;
pub mod comments;
pub mod convert;
pub mod editorial;
pub mod error;
pub mod head;
pub mod html;
pub mod lang;
pub mod links;
pub mod most_read;
pub mod photos;
pub mod rate_chart;
pub mod rates;
pub mod rich_text;
pub mod search;
pub mod sections;
pub mod spam;
pub mod state_names;
pub mod states;
pub mod validation;
pub mod widgets;
pub mod wire_time;
pub mod zone_offsets;

pub use articles::{Article, ArticleList, ArticleSummary};
pub use comments::{Comment, CommentCreated, CommentStatus, NewComment};
pub use error::ApiError;
pub use lang::Lang;
pub use photos::Photo;
pub use rates::{Rate, RateDay, RateHistory, Rates};
pub use sections::Section;
pub use states::{Membership, State};
pub use validation::{CommentProblems, Problem, validate_comment};
