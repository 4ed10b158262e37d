//! HTTP Basic authentication the way Bandwidth does it: the first request arrives without
//! credentials and must be answered `401` with `WWW-Authenticate: Basic realm="..."`; Bandwidth
//! then resends with the configured user and password.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use ::axum::http::{HeaderValue, Request, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use base64::Engine;
use subtle::ConstantTimeEq;
use tower::{Layer, Service};

/// A tower layer that requires HTTP Basic credentials, compared in constant time.
///
/// ```
/// use callml::axum::BandwidthAuthLayer;
/// let app: axum::Router = axum::Router::new()
///     .route("/bandwidth/v2/callbacks", axum::routing::post(|| async { "ok" }))
///     .layer(BandwidthAuthLayer::new("bw-user", "s3cret").realm("callbacks"));
/// ```
#[derive(Clone)]
pub struct BandwidthAuthLayer {
    credentials: Arc<Credentials>,
}

struct Credentials {
    user: Vec<u8>,
    password: Vec<u8>,
    challenge: HeaderValue,
}

impl BandwidthAuthLayer {
    /// Requires `user` and `password` (realm `callml`).
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        BandwidthAuthLayer {
            credentials: Arc::new(Credentials {
                user: user.into().into_bytes(),
                password: password.into().into_bytes(),
                challenge: HeaderValue::from_static("Basic realm=\"callml\""),
            }),
        }
    }

    /// Sets the realm named in the challenge (quotes and control characters are dropped).
    pub fn realm(self, realm: &str) -> Self {
        let clean: String = realm.chars().filter(|c| *c != '"' && *c != '\\' && !c.is_control()).collect();
        let challenge =
            HeaderValue::from_str(&format!("Basic realm=\"{clean}\"")).unwrap_or(HeaderValue::from_static("Basic"));
        let old = &self.credentials;
        BandwidthAuthLayer {
            credentials: Arc::new(Credentials { user: old.user.clone(), password: old.password.clone(), challenge }),
        }
    }
}

impl<S> Layer<S> for BandwidthAuthLayer {
    type Service = BandwidthAuth<S>;
    fn layer(&self, inner: S) -> Self::Service {
        BandwidthAuth { inner, credentials: self.credentials.clone() }
    }
}

/// The service [`BandwidthAuthLayer`] wraps around a handler.
#[derive(Clone)]
pub struct BandwidthAuth<S> {
    inner: S,
    credentials: Arc<Credentials>,
}

impl Credentials {
    fn accepts(&self, authorization: Option<&HeaderValue>) -> bool {
        let Some(encoded) = authorization.and_then(|v| v.to_str().ok()).and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("basic").then_some(rest.trim())
        }) else {
            return false;
        };
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded) else { return false };
        let Some(colon) = decoded.iter().position(|&b| b == b':') else { return false };
        let (user, password) = (&decoded[..colon], &decoded[colon + 1..]);
        let user_ok = user.ct_eq(&self.user);
        let password_ok = password.ct_eq(&self.password);
        (user_ok & password_ok).into()
    }

    fn challenge(&self) -> Response {
        (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, self.challenge.clone())], "credentials required")
            .into_response()
    }
}

impl<S, B> Service<Request<B>> for BandwidthAuth<S>
where
    S: Service<Request<B>, Response = Response> + Send,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<B>) -> Self::Future {
        if self.credentials.accepts(req.headers().get(header::AUTHORIZATION)) {
            Box::pin(self.inner.call(req))
        } else {
            let response = self.credentials.challenge();
            Box::pin(async move { Ok(response) })
        }
    }
}
