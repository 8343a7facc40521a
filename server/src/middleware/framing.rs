//! Who may put our pages in a frame: the widgets under `/embed/` the origins the operator
//! lists (`INFOSHOS_EMBED_ORIGINS`, any by default); every other page only the portal itself.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Checks the configured list and writes it as CSP sources. Only `*` or `scheme://host[:port]`
/// pass, so nothing from the setting can add another directive to the header.
pub fn ancestors(list: &str) -> Result<String, String> {
    let mut sources = Vec::new();
    for origin in list.split([' ', ',']).filter(|s| !s.is_empty()) {
        let ok = origin == "*"
            || url::Url::parse(origin).is_ok_and(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some()
                    && u.path() == "/"
                    && !origin.ends_with('/')
                    && u.query().is_none()
                    && u.username().is_empty()
            });
        if !ok {
            return Err(format!(
                "INFOSHOS_EMBED_ORIGINS: {origin:?} is not an origin like https://example.org (or *)"
            ));
        }
        sources.push(origin.to_string());
    }
    if sources.is_empty() {
        return Err("INFOSHOS_EMBED_ORIGINS is empty; use * to allow any site".into());
    }
    Ok(sources.join(" "))
}

/// The `frame-ancestors` sources for `/embed/` (`ancestors` made them from the setting).
#[derive(Debug, Clone)]
pub struct Ancestors(pub String);

pub async fn frame_policy(
    State(Ancestors(ancestors)): State<Ancestors>,
    request: Request,
    next: Next,
) -> Response {
    let widget = request.uri().path().starts_with("/embed/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A page of ours already has its full policy, frame-ancestors included.
    if headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if !widget {
            headers.insert(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("SAMEORIGIN"),
            );
        }
        return response;
    }
    if widget {
        let policy = format!("frame-ancestors {ancestors}");
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    } else {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'self'"),
        );
        // For browsers that predate frame-ancestors.
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::ancestors;

    #[test]
    fn origins_become_sources_and_nothing_else_does() {
        assert_eq!(ancestors("*").unwrap(), "*");
        assert_eq!(
            ancestors("https://kazinform.example, http://127.0.0.2:9000").unwrap(),
            "https://kazinform.example http://127.0.0.2:9000"
        );
        for bad in [
            "",
            "https://a.example; script-src *",
            "https://a.example/path",
            "javascript:alert(1)",
            "a.example",
        ] {
            assert!(ancestors(bad).is_err(), "{bad}");
        }
    }
}
