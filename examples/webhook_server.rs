//! A webhook server that answers calls from every supported provider.
//!
//! ```text
//! cargo run --example webhook_server --features axum
//! curl -s -X POST localhost:3000/twiml/incoming \
//!      -d 'CallSid=ID1&From=3035550000&To=8044731212&Direction=inbound&PostStatus=new'
//! ```
//!
//! Environment: `PORT` (default 3000); `BANDWIDTH_USER` and `BANDWIDTH_PASSWORD` turn on the
//! Basic-auth challenge for the Bandwidth routes.

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use callml::axum::{BandwidthAuthLayer, BandwidthV1, BandwidthV2, TwimlWebhook};
use callml::event::{
    BandwidthV1Event, BandwidthV2Event, DialAction, DialCallStatus, GatherAction, IncomingRequest, RecordAction,
};
use callml::{bxml, twiml};
use tower_http::trace::TraceLayer;

/// `POST /twiml/incoming`: greet the caller by name or number and offer the menu.
async fn twiml_incoming(TwimlWebhook(request): TwimlWebhook<IncomingRequest<'static>>) -> twiml::Response<'static> {
    let call = &request.call;
    let caller = call.caller_name().or(call.from.as_deref()).unwrap_or("caller");
    twiml::Response::new()
        .say(twiml::Say::new(format!("Hello {caller}, thanks for calling.")).voice(twiml::Voice::Woman))
        .gather(
            twiml::Gather::new()
                .num_digits(1)
                .action("/twiml/menu")
                .method(twiml::Method::Post)
                .say("Press 1 for sales, 2 to leave a message."),
        )
        .say("We did not receive your choice. Goodbye.")
        .hangup()
}

/// `POST /twiml/menu` (the Gather action): route on the digit pressed.
async fn twiml_menu(TwimlWebhook(gather): TwimlWebhook<GatherAction<'static>>) -> twiml::Response<'static> {
    match gather.digits.as_deref() {
        Some("1") => twiml::Response::new()
            .say("Connecting you to sales.")
            .dial(twiml::Dial::new().timeout(20).action("/twiml/dialled").number("+15558675309")),
        Some("2") => voicemail(twiml::Response::new()),
        _ => twiml::Response::new().say("Sorry, that is not an option.").redirect("/twiml/incoming"),
    }
}

/// `POST /twiml/dialled` (the Dial action): when sales did not pick up, take a message.
async fn twiml_dialled(TwimlWebhook(dial): TwimlWebhook<DialAction<'static>>) -> twiml::Response<'static> {
    match dial.dial_call_status {
        Some(DialCallStatus::Completed | DialCallStatus::Answered) => twiml::Response::new().hangup(),
        _ => voicemail(twiml::Response::new().say("Sales is not available.")),
    }
}

/// `POST /twiml/recorded` (the Record action): thank the caller.
async fn twiml_recorded(TwimlWebhook(record): TwimlWebhook<RecordAction<'static>>) -> twiml::Response<'static> {
    let seconds = record.recording_duration.unwrap_or(0);
    twiml::Response::new().say(format!("Thank you, we saved your {seconds} second message. Goodbye.")).hangup()
}

/// Adds the voicemail prompt: record up to two minutes, then post to `/twiml/recorded`.
fn voicemail(response: twiml::Response<'static>) -> twiml::Response<'static> {
    response
        .say("Leave a message after the beep.")
        .record(twiml::Record::new().max_length(120).play_beep(true).action("/twiml/recorded"))
}

/// `POST /bandwidth/v2/callbacks`: BXML for `initiate` and `gather`, 204 for async events.
async fn bandwidth_v2(BandwidthV2(event): BandwidthV2) -> Response {
    match event {
        BandwidthV2Event::Initiate(call) => {
            let caller = call.call.from.clone().unwrap_or_default();
            bxml::Response::new()
                .speak_sentence(bxml::SpeakSentence::new(format!("Hello {caller}.")).voice("julie"))
                .gather(
                    bxml::Gather::new()
                        .gather_url("/bandwidth/v2/callbacks")
                        .max_digits(1)
                        .first_digit_timeout(5)
                        .speak_sentence("Press 1 for sales, 2 for support."),
                )
                .into_response()
        }
        BandwidthV2Event::Gather(g) => match g.digits.as_deref() {
            Some("1") => bxml::Response::new()
                .speak_sentence("Connecting you to sales.")
                .transfer(bxml::Transfer::new(bxml::PhoneNumber::new("+15558675309")))
                .into_response(),
            _ => bxml::Response::new().speak_sentence("Goodbye.").hangup().into_response(),
        },
        other if other.expects_bxml() => bxml::Response::new().into_response(),
        _ => StatusCode::NO_CONTENT.into_response(),
    }
}

/// `POST /bandwidth/v1/events`: v1 callbacks only need a status.
async fn bandwidth_v1(BandwidthV1(event): BandwidthV1) -> StatusCode {
    if let BandwidthV1Event::IncomingCall(call) = &event {
        tracing::info!(call_id = %call.call.call_id, "v1 incoming call");
    }
    StatusCode::OK
}

/// The application: every route, Basic auth on the Bandwidth routes when configured.
pub fn app(bandwidth_credentials: Option<(String, String)>) -> Router {
    let bandwidth = Router::new()
        .route("/bandwidth/v2/callbacks", post(bandwidth_v2))
        .route("/bandwidth/v1/events", post(bandwidth_v1));
    let bandwidth = match bandwidth_credentials {
        Some((user, password)) => bandwidth.layer(BandwidthAuthLayer::new(user, password).realm("callml example")),
        None => bandwidth,
    };
    Router::new()
        .route("/twiml/incoming", post(twiml_incoming))
        .route("/twiml/menu", post(twiml_menu))
        .route("/twiml/dialled", post(twiml_dialled))
        .route("/twiml/recorded", post(twiml_recorded))
        .merge(bandwidth)
        .layer(TraceLayer::new_for_http())
}

#[allow(dead_code)]
#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "info,tower_http=debug".into()))
        .init();
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3000);
    let credentials = std::env::var("BANDWIDTH_USER").ok().zip(std::env::var("BANDWIDTH_PASSWORD").ok());
    if credentials.is_none() {
        tracing::warn!(
            "BANDWIDTH_USER/BANDWIDTH_PASSWORD not set: the Bandwidth routes accept unauthenticated requests"
        );
    }
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(credentials))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down");
        })
        .await
}
