//! Gets the feed's bytes from the CBR, a local http server or a file.

use std::time::Duration;

use super::parse::MAX_FEED_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("the feed answered HTTP {0}")]
    Status(u16),
    #[error("reading {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("the feed is larger than {MAX_FEED_BYTES} bytes")]
    TooLarge,
}

pub async fn fetch_feed(url: &str) -> Result<Vec<u8>, FetchError> {
    if let Some(path) = url.strip_prefix("file://") {
        return read_file(path).await;
    }
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .user_agent(concat!("infoshos/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let mut response = client.get(url).send().await?;
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status().as_u16()));
    }
    if response
        .content_length()
        .is_some_and(|n| n as usize > MAX_FEED_BYTES)
    {
        return Err(FetchError::TooLarge);
    }
    // Read chunk by chunk so a server that lies about (or omits) its length can't fill memory.
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_FEED_BYTES {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

async fn read_file(path: &str) -> Result<Vec<u8>, FetchError> {
    let err = |source| FetchError::File {
        path: path.to_string(),
        source,
    };
    let meta = tokio::fs::metadata(path).await.map_err(err)?;
    if meta.len() as usize > MAX_FEED_BYTES {
        return Err(FetchError::TooLarge);
    }
    tokio::fs::read(path).await.map_err(err)
}
