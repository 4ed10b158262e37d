//! axum integration (feature `axum`): documents as responses, extractors for every request of a
//! call, and the Basic-auth challenge layer for Bandwidth callbacks (plus, with feature
//! `twilio-signature`, a layer that checks Twilio's request signatures).
//!
//! ```
//! use axum::{Router, routing::post};
//! use callml::axum::{BandwidthAuthLayer, BandwidthV2, TwimlWebhook};
//! use callml::{bxml, twiml};
//!
//! async fn incoming(TwimlWebhook(event): TwimlWebhook) -> twiml::Response<'static> {
//!     twiml::Response::new().say(format!("Hello, {}", event.call().from.as_deref().unwrap_or("caller")))
//! }
//!
//! async fn bandwidth(BandwidthV2(event): BandwidthV2) -> bxml::Response<'static> {
//!     bxml::Response::new().speak_sentence(format!("Event {}", event.event_type()))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/twiml/incoming", post(incoming))
//!     .route("/bandwidth/v2/callbacks", post(bandwidth).layer(BandwidthAuthLayer::new("user", "password")));
//! ```

mod auth;
mod extract;
mod response;
#[cfg(feature = "twilio-signature")]
mod signature;

pub use auth::{BandwidthAuth, BandwidthAuthLayer};
pub use extract::{BandwidthV1, BandwidthV2, CallEvent, EventLimits, EventRejection, TwimlWebhook};
pub use response::XML_CONTENT_TYPE;
#[cfg(feature = "twilio-signature")]
pub use signature::{TwilioSignature, TwilioSignatureLayer};
