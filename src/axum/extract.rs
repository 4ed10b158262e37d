//! Extractors for incoming-call events, with a body limit and rejections that say why.

use ::axum::body::Body;
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{Method, StatusCode, header};
use ::axum::response::{IntoResponse, Response};

use crate::event::{BandwidthV1Event, BandwidthV2Event, Event, EventError, TwimlEvent, TwimlRequest};

/// Limits for the event extractors; insert as a request extension
/// (`Router::layer(Extension(EventLimits { body_limit: 16 * 1024 }))`) to change the default.
///
/// ```
/// let limits = callml::axum::EventLimits::default();
/// assert_eq!(limits.body_limit, 64 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventLimits {
    /// Largest accepted body in bytes (default 64 KiB, the size of the largest BXML reply).
    pub body_limit: usize,
}

impl Default for EventLimits {
    fn default() -> Self {
        EventLimits { body_limit: 64 * 1024 }
    }
}

/// Why an event extractor refused a request. The response carries the status and a one-line
/// plain-text reason.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EventRejection {
    /// 415: the content type is not one the extractor reads.
    #[error("unsupported content type {found:?}; expected {expected}")]
    UnsupportedMediaType {
        /// What the request said.
        found: String,
        /// What the extractor reads.
        expected: &'static str,
    },
    /// 413: the body is larger than the limit.
    #[error("body larger than {limit} bytes")]
    PayloadTooLarge {
        /// The limit.
        limit: usize,
    },
    /// 400: the body could not be read or decoded.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 422: a well-formed body that is not a valid event.
    #[error("invalid event: {0}")]
    Invalid(EventError),
}

impl EventRejection {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            EventRejection::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            EventRejection::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            EventRejection::BadRequest(_) => StatusCode::BAD_REQUEST,
            EventRejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    fn from_event(e: EventError) -> Self {
        match e {
            EventError::Empty | EventError::NotUtf8 { .. } | EventError::Json { .. } | EventError::Form(_) => {
                EventRejection::BadRequest(e.to_string())
            }
            other => EventRejection::Invalid(other),
        }
    }
}

impl IntoResponse for EventRejection {
    fn into_response(self) -> Response {
        (self.status(), [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Accepts {
    Json,
    Form,
    Either,
}

impl Accepts {
    fn expected(self) -> &'static str {
        match self {
            Accepts::Json => "application/json",
            Accepts::Form => "application/x-www-form-urlencoded",
            Accepts::Either => "application/json or application/x-www-form-urlencoded",
        }
    }
}

/// The body (or, for GET, the query string) with its content type, within the limit.
async fn read(req: Request, accepts: Accepts) -> Result<(Option<String>, Vec<u8>), EventRejection> {
    let limit = req.extensions().get::<EventLimits>().copied().unwrap_or_default().body_limit;
    if req.method() == Method::GET {
        let query = req.uri().query().unwrap_or("").as_bytes().to_vec();
        return Ok((Some("application/x-www-form-urlencoded".into()), query));
    }
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let media = content_type.as_deref().map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let ok = matches!(
        (accepts, media.as_deref()),
        (Accepts::Json | Accepts::Either, Some("application/json"))
            | (Accepts::Form | Accepts::Either, Some("application/x-www-form-urlencoded"))
    );
    if !ok {
        return Err(EventRejection::UnsupportedMediaType {
            found: content_type.unwrap_or_default(),
            expected: accepts.expected(),
        });
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(EventRejection::PayloadTooLarge { limit });
    }
    let body: Body = req.into_body();
    let bytes = ::axum::body::to_bytes(body, limit).await.map_err(|e| {
        // The limit is reported as a typed error somewhere in the source chain.
        let too_large = std::iter::successors(Some(&e as &dyn std::error::Error), |e| e.source())
            .any(|e| e.is::<http_body_util::LengthLimitError>());
        if too_large { EventRejection::PayloadTooLarge { limit } } else { EventRejection::BadRequest(e.to_string()) }
    })?;
    Ok((content_type, bytes.to_vec()))
}

macro_rules! extractor {
    ($(#[$meta:meta])* $name:ident($inner:ty), $accepts:expr, |$ct:ident, $body:ident| $parse:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name(pub $inner);

        impl<S: Send + Sync> FromRequest<S> for $name {
            type Rejection = EventRejection;
            async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
                let ($ct, $body) = read(req, $accepts).await?;
                let $ct = $ct.as_deref();
                let $body = $body.as_slice();
                $parse.map($name).map_err(EventRejection::from_event)
            }
        }
    };
}

/// A request of a TwiML-style call (POST form, or GET query string): any kind as a
/// [`TwimlEvent`] (the default), or one kind's struct, such as
/// `TwimlWebhook<GatherAction<'static>>` on the route a Gather's `action` points at.
///
/// A body of another kind is rejected with 422 and a reason naming both kinds
/// (``invalid event: expected a request of kind `gather`, found `dial` ``); a Gather action with
/// no input (sent with `actionOnEmptyResult`) is accepted as a `GatherAction` with every gather field `None`.
///
/// ```
/// use callml::axum::TwimlWebhook;
/// use callml::event::{DialAction, DialCallStatus, IncomingRequest};
/// use callml::twiml::Response;
/// async fn incoming(TwimlWebhook(request): TwimlWebhook<IncomingRequest<'static>>) -> Response<'static> {
///     Response::new().say(format!("Hello {}", request.call.from.as_deref().unwrap_or("caller")))
/// }
/// async fn dialled(TwimlWebhook(dial): TwimlWebhook<DialAction<'static>>) -> Response<'static> {
///     match dial.dial_call_status {
///         Some(DialCallStatus::Busy | DialCallStatus::NoAnswer) => Response::new().say("Please leave a message."),
///         _ => Response::new().hangup(),
///     }
/// }
/// let app: axum::Router = axum::Router::new()
///     .route("/twiml/incoming", axum::routing::post(incoming))
///     .route("/twiml/dialled", axum::routing::post(dialled));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TwimlWebhook<T: TwimlRequest = TwimlEvent<'static>>(pub T);

impl<S: Send + Sync, T: TwimlRequest> FromRequest<S> for TwimlWebhook<T> {
    type Rejection = EventRejection;
    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let (_, body) = read(req, Accepts::Form).await?;
        utf8(&body).and_then(|t| T::parse_owned(t.trim())).map(TwimlWebhook).map_err(EventRejection::from_event)
    }
}

extractor! {
    /// A Bandwidth v2 callback (JSON).
    ///
    /// ```
    /// use callml::axum::BandwidthV2;
    /// use callml::event::BandwidthV2Event;
    /// async fn callbacks(BandwidthV2(event): BandwidthV2) -> axum::response::Response {
    ///     use axum::response::IntoResponse;
    ///     match event {
    ///         BandwidthV2Event::Initiate(_) => callml::bxml::Response::new().speak_sentence("Hi").into_response(),
    ///         _ => axum::http::StatusCode::NO_CONTENT.into_response(),
    ///     }
    /// }
    /// let app: axum::Router = axum::Router::new().route("/bandwidth/v2/callbacks", axum::routing::post(callbacks));
    /// ```
    BandwidthV2(BandwidthV2Event<'static>), Accepts::Json, |ct, body| {
        let _ = ct;
        utf8(body).and_then(|t| BandwidthV2Event::from_json(t).map(BandwidthV2Event::into_owned))
    }
}

extractor! {
    /// A Bandwidth v1 event (JSON POST, or GET query string in v1 BXML mode).
    ///
    /// ```
    /// use callml::axum::BandwidthV1;
    /// async fn events(BandwidthV1(event): BandwidthV1) -> axum::http::StatusCode {
    ///     let _ = event.event_type();
    ///     axum::http::StatusCode::OK
    /// }
    /// let app: axum::Router = axum::Router::new().route("/bandwidth/v1/events", axum::routing::post(events));
    /// ```
    BandwidthV1(BandwidthV1Event<'static>), Accepts::Json, |ct, body| {
        utf8(body).and_then(|t| match ct {
            Some("application/x-www-form-urlencoded") => BandwidthV1Event::from_query(t.trim()),
            _ => BandwidthV1Event::from_json(t).map(BandwidthV1Event::into_owned),
        })
    }
}

extractor! {
    /// Any call event, detected from content type and body.
    ///
    /// ```
    /// use callml::axum::CallEvent;
    /// async fn any(CallEvent(event): CallEvent) -> String {
    ///     event.call().map(|c| c.call_id.to_owned()).unwrap_or_default()
    /// }
    /// let app: axum::Router = axum::Router::new().route("/events", axum::routing::post(any));
    /// ```
    CallEvent(Event<'static>), Accepts::Either, |ct, body| {
        crate::event::parse(ct, body).map(Event::into_owned)
    }
}

fn utf8(body: &[u8]) -> Result<&str, EventError> {
    std::str::from_utf8(body).map_err(|e| EventError::NotUtf8 { offset: e.valid_up_to() })
}
