//! Reader pages as the server sends them: the built shells (parsed once), the head, the app's
//! components rendered into them, the editions, and finished pages kept with their encodings.

pub mod comment_post;
pub mod edition;
pub mod finished;
pub mod head;
pub mod render;
pub mod send;
pub mod shell;
pub mod slots;
pub mod status;
pub mod status_bar;
pub mod text;
