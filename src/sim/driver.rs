//! The transport side: sends the interpreters' requests to any `tower::Service` (an axum `Router`
//! in the same process, or an HTTP client for a URL) the way the provider does: signatures, the
//! Basic challenge, cookies, redirects, a timeout per request.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use tower::ServiceExt;

use super::Profile;
use super::engine::{Reply, Request, resolve};
use super::transcript::{EventKind, TranscriptEvent};

/// Most redirects the provider follows for one request.
const MAX_HOPS: usize = 10;
/// Real time the provider waits for one reply.
const TIMEOUT: Duration = Duration::from_secs(15);

/// How requests reach the application.
pub(crate) struct Transport<S> {
    pub(crate) service: S,
    pub(crate) profile: Profile,
    pub(crate) auth_token: Option<String>,
    pub(crate) basic: Option<(String, String)>,
    pub(crate) cookies: Option<Vec<(String, String)>>,
}

impl<S: super::Application> Transport<S> {
    /// Sends `request` (following redirects), records it in `events` at time `t`, and returns the
    /// reply.
    pub(crate) async fn send(&mut self, request: &Request, t: u64, events: &mut Vec<TranscriptEvent>) -> Reply {
        let mut headers = Vec::new();
        if let (Some(token), false) = (&self.auth_token, self.profile == Profile::BandwidthV2) {
            let params: Vec<(String, String)> = if request.method == "POST" {
                serde_urlencoded::from_str(&request.body).unwrap_or_default()
            } else {
                Vec::new()
            };
            headers.push((
                "X-Twilio-Signature".to_owned(),
                crate::signature::twilio_signature(token, &request.url, &params),
            ));
        }
        let (form, json) = if request.content_type == "application/json" {
            (Vec::new(), serde_json::from_str(&request.body).ok())
        } else {
            let query = if request.method == "GET" {
                request.url.split_once('?').map_or("", |(_, q)| q)
            } else {
                &request.body
            };
            (serde_urlencoded::from_str(query).unwrap_or_default(), None)
        };
        events.push(TranscriptEvent {
            t,
            path: None,
            kind: EventKind::Request {
                method: request.method.to_owned(),
                url: request.url.clone(),
                event_type: request.event_type.clone(),
                form,
                json,
                headers: headers.clone(),
                notify: request.notify,
            },
        });
        let (mut method, mut url, mut body) = (request.method, request.url.clone(), request.body.clone());
        let mut authorize = false;
        for _ in 0..=MAX_HOPS {
            let mut builder =
                http::Request::builder().method(method).uri(&url).header(http::header::USER_AGENT, self.user_agent());
            if method == "POST" {
                builder = builder.header(http::header::CONTENT_TYPE, request.content_type);
            }
            for (name, value) in &headers {
                builder = builder.header(name.as_str(), value.as_str());
            }
            if let Some(jar) = self.cookies.as_ref().filter(|j| !j.is_empty()) {
                let cookie: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
                builder = builder.header(http::header::COOKIE, cookie.join("; "));
            }
            if let (true, Some((user, password))) = (authorize, &self.basic) {
                builder = builder.header(http::header::AUTHORIZATION, basic_header(user, password));
            }
            let http_request = match builder.body(Full::new(Bytes::from(body.clone()))) {
                Ok(r) => r,
                Err(e) => return Reply::Unreachable { message: format!("invalid request {url}: {e}") },
            };
            let response = match tokio::time::timeout(TIMEOUT, self.service.clone().oneshot(http_request)).await {
                Ok(Ok(response)) => response,
                Ok(Err(e)) => return Reply::Unreachable { message: e.to_string() },
                Err(_) => return Reply::Unreachable { message: format!("no reply within {} s", TIMEOUT.as_secs()) },
            };
            let status = response.status().as_u16();
            let header = |name: http::header::HeaderName| {
                response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
            };
            let content_type = header(http::header::CONTENT_TYPE).unwrap_or_default();
            let location = header(http::header::LOCATION);
            let challenge = header(http::header::WWW_AUTHENTICATE);
            if let Some(jar) = &mut self.cookies {
                for value in response.headers().get_all(http::header::SET_COOKIE) {
                    if let Some((name, rest)) = value.to_str().ok().and_then(|v| v.split_once('=')) {
                        let value = rest.split(';').next().unwrap_or("").to_owned();
                        jar.retain(|(n, _)| n != name);
                        jar.push((name.to_owned(), value));
                    }
                }
            }
            let bytes = match response.into_body().collect().await {
                Ok(collected) => collected.to_bytes().to_vec(),
                Err(e) => return Reply::Unreachable { message: format!("reading the reply: {e}") },
            };
            // Bandwidth's Basic challenge: the first request goes without credentials; a 401 with
            // `WWW-Authenticate: Basic` is answered once with them.
            if status == 401
                && !authorize
                && self.basic.is_some()
                && challenge.as_deref().is_some_and(|c| c.trim_start().to_ascii_lowercase().starts_with("basic"))
            {
                authorize = true;
                continue;
            }
            match status {
                301 | 302 | 303 | 307 | 308 => {
                    let Some(location) = location else { return Reply::BadRedirect { too_many: false } };
                    url = resolve(&url, &location);
                    if status == 303 || (status != 307 && status != 308 && method == "POST") {
                        (method, body) = ("GET", String::new());
                    }
                }
                300..=399 => return Reply::BadRedirect { too_many: false },
                _ => return Reply::Http { status, content_type, body: bytes, url },
            }
        }
        Reply::BadRedirect { too_many: true }
    }

    fn user_agent(&self) -> &'static str {
        match self.profile {
            Profile::Twilio => "TwilioProxy/1.1",
            Profile::Acml => "CallAPI",
            Profile::BandwidthV2 => "BandwidthAPI/v2",
        }
    }
}

fn basic_header(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}
