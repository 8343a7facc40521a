//! What went wrong with a request, and how to say it to a reader: a leaf that the fetches
//! (`api`), the carried answers, loading and the failure view all use.

use infoshos_model::ApiError;

/// What went wrong with a request; `message` says it in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The server could not be reached.
    Network,
    NotFound,
    /// No connection, and no copy kept for offline reading (the service worker said so).
    Offline,
    /// The server refused the request and said why (a 422 carries field messages).
    Rejected(u16, ApiError),
    /// Any other error status.
    Server(u16),
    /// The answer was not the JSON expected.
    Decode,
    /// The request could not be put together (its body could not be written as JSON).
    Request,
}

impl FetchError {
    /// In words a reader can act on, from the UI table of their language; a refusal in the
    /// server's own words (answered in the page's language), but for the pace, which the
    /// server states in English before it knows what is asked.
    pub fn message(&self, t: &crate::i18n::Ui) -> String {
        match self {
            FetchError::Network => t.fetch_network.into(),
            FetchError::NotFound => t.fetch_not_found.into(),
            FetchError::Offline => t.fetch_offline.into(),
            FetchError::Rejected(429, _) => t.fetch_too_many.into(),
            FetchError::Rejected(_, body) => body.error.clone(),
            FetchError::Server(status) => t.fetch_server.replacen("{}", &status.to_string(), 1),
            FetchError::Decode => t.fetch_decode.into(),
            FetchError::Request => t.fetch_request.into(),
        }
    }
}
