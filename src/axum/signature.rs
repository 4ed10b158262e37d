//! A tower layer that checks Twilio's `X-Twilio-Signature` on form webhooks.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use ::axum::body::Body;
use ::axum::http::{Request, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use tower::{Layer, Service};

use super::EventLimits;
use crate::signature::verify_twilio_signature;

/// Rejects requests whose `X-Twilio-Signature` does not match (403). The signed URL is
/// `base_url` plus the request's path and query when a base URL is configured (use this behind
/// proxies), otherwise `https://` plus the `Host` header.
///
/// ```
/// use callml::axum::TwilioSignatureLayer;
/// let app: axum::Router = axum::Router::new()
///     .route("/twiml/incoming", axum::routing::post(|| async { "ok" }))
///     .layer(TwilioSignatureLayer::new("auth-token").base_url("https://calls.example.com"));
/// ```
#[derive(Clone)]
pub struct TwilioSignatureLayer {
    config: Arc<Config>,
}

struct Config {
    auth_token: String,
    base_url: Option<String>,
}

impl TwilioSignatureLayer {
    /// Checks signatures made with `auth_token`.
    pub fn new(auth_token: impl Into<String>) -> Self {
        TwilioSignatureLayer { config: Arc::new(Config { auth_token: auth_token.into(), base_url: None }) }
    }
    /// The public scheme and host the provider calls, e.g. `https://calls.example.com`.
    pub fn base_url(self, base_url: impl Into<String>) -> Self {
        let base = base_url.into().trim_end_matches('/').to_owned();
        TwilioSignatureLayer {
            config: Arc::new(Config { auth_token: self.config.auth_token.clone(), base_url: Some(base) }),
        }
    }
}

impl<S> Layer<S> for TwilioSignatureLayer {
    type Service = TwilioSignature<S>;
    fn layer(&self, inner: S) -> Self::Service {
        TwilioSignature { inner, config: self.config.clone() }
    }
}

/// The service [`TwilioSignatureLayer`] wraps around a handler.
#[derive(Clone)]
pub struct TwilioSignature<S> {
    inner: S,
    config: Arc<Config>,
}

fn forbidden(why: &str) -> Response {
    (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why.to_owned()).into_response()
}

impl<S> Service<Request<Body>> for TwilioSignature<S>
where
    S: Service<Request<Body>, Response = Response> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        let config = self.config.clone();
        // The ready inner service handles this request; a fresh clone takes its place.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            let (parts, body) = req.into_parts();
            let Some(signature) = parts.headers.get("x-twilio-signature").and_then(|v| v.to_str().ok()) else {
                return Ok(forbidden("missing X-Twilio-Signature"));
            };
            let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
            let url = match (&config.base_url, parts.headers.get(header::HOST).and_then(|h| h.to_str().ok())) {
                (Some(base), _) => format!("{base}{path}"),
                (None, Some(host)) => format!("https://{host}{path}"),
                (None, None) => return Ok(forbidden("no Host to build the signed URL from")),
            };
            let limit = parts.extensions.get::<EventLimits>().copied().unwrap_or_default().body_limit;
            let Ok(bytes) = ::axum::body::to_bytes(body, limit).await else {
                return Ok(forbidden("body could not be read for signature verification"));
            };
            let is_form = parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
            let params: Vec<(String, String)> =
                if is_form { serde_urlencoded::from_bytes(&bytes).unwrap_or_default() } else { Vec::new() };
            if !verify_twilio_signature(&config.auth_token, &url, &params, signature) {
                return Ok(forbidden("invalid X-Twilio-Signature"));
            }
            inner.call(Request::from_parts(parts, Body::from(bytes))).await
        })
    }
}
