use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The body of every error the API sends: a sentence for people and, for a rejected form,
/// one message per invalid field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub error: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

impl ApiError {
    pub fn new(error: impl Into<String>) -> Self {
        ApiError {
            error: error.into(),
            fields: BTreeMap::new(),
        }
    }
}
